import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A parsed chart: its elements in document order, for tests to inspect geometry and text.
/// Parsing fails (and `wellFormed` is false) on markup an XML parser rejects.
final class ChartSVG: NSObject, XMLParserDelegate {
    struct Element {
        let name: String
        let attributes: [String: String]
        var text = ""

        func number(_ attribute: String) -> Double? { attributes[attribute].flatMap(Double.init) }
    }

    private(set) var elements: [Element] = []
    private(set) var wellFormed = false
    private var open: [Int] = []

    init(_ svg: String) {
        super.init()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = self
        wellFormed = parser.parse()
    }

    func all(_ name: String) -> [Element] { elements.filter { $0.name == name } }

    func first(_ name: String, class className: String) -> Element? {
        elements.first { $0.name == name && $0.attributes["class"]?.split(separator: " ").contains(Substring(className)) == true }
    }

    /// Every number of a path's `d`, commands dropped: "M40 120H356" → [40, 120, 356].
    static func pathNumbers(_ data: String) -> [Double] {
        data.split { $0 == " " || $0.isLetter }.compactMap { Double($0) }
    }

    /// The points of a polyline's `d` ("M x y x y …").
    static func polylinePoints(_ data: String) -> [(x: Double, y: Double)] {
        let numbers = pathNumbers(data)
        return stride(from: 0, to: numbers.count - 1, by: 2).map { (numbers[$0], numbers[$0 + 1]) }
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        open.append(elements.count)
        elements.append(Element(name: name, attributes: attributes))
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        open.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let index = open.last { elements[index].text += string }
    }
}
