/// Writes one `<svg>` element for inlining in HTML, as UTF-8 bytes. Attribute strings come from
/// code; every text that can come from data goes through `text(_:…)`, `title` or `description`
/// and is escaped.
struct SVGBuilder {
    enum Anchor: String {
        case start, middle, end
    }

    private var bytes: [UInt8] = []

    /// Opens the root with a viewBox only (no pixel size), so it scales to its container.
    init(id: String, height: Double, title: String, description: String) {
        bytes.reserveCapacity(6144)
        append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
        number(ChartStyle.width)
        append(" ")
        number(height)
        append("\" role=\"img\" aria-labelledby=\"\(id)-title\" aria-describedby=\"\(id)-desc\" id=\"\(id)\" font-family=\"")
        append(ChartStyle.fontFamily + "\" font-size=\"")
        number(ChartStyle.fontSize)
        append("\" fill=\"currentColor\">\n<title id=\"\(id)-title\">")
        escaped(title)
        append("</title>\n<desc id=\"\(id)-desc\">")
        escaped(description)
        append("</desc>\n")
    }

    mutating func text(_ content: String, x: Double, y: Double, anchor: Anchor = .start, attributes: String = "") {
        append("<text x=\"")
        number(x)
        append("\" y=\"")
        number(y)
        append(anchor == .start ? "\"" : "\" text-anchor=\"\(anchor.rawValue)\"")
        if !attributes.isEmpty {
            append(" ")
            append(attributes)
        }
        append(">")
        escaped(content)
        append("</text>\n")
    }

    /// A rectangle by its edges, each rounded like every coordinate, so that adjacent shapes
    /// (a bar and the zero line) meet exactly.
    mutating func rect(left: Double, top: Double, right: Double, bottom: Double, attributes: String) {
        let x0 = SVGNumber.rounded(left), y0 = SVGNumber.rounded(top)
        append("<rect x=\"")
        number(x0)
        append("\" y=\"")
        number(y0)
        append("\" width=\"")
        number(max(0, SVGNumber.rounded(right) - x0))
        append("\" height=\"")
        number(max(0, SVGNumber.rounded(bottom) - y0))
        closeEmptyElement(attributes)
    }

    mutating func path(_ data: PathData, attributes: String) {
        append("<path d=\"")
        bytes.append(contentsOf: data.bytes)
        closeEmptyElement(attributes)
    }

    mutating func circle(x: Double, y: Double, radius: Double, attributes: String) {
        append("<circle cx=\"")
        number(x)
        append("\" cy=\"")
        number(y)
        append("\" r=\"")
        number(radius)
        closeEmptyElement(attributes)
    }

    mutating func openGroup(_ attributes: String) {
        append("<g ")
        append(attributes)
        append(">\n")
    }

    mutating func closeGroup() {
        append("</g>\n")
    }

    /// Closes the root and returns the markup.
    mutating func finished() -> String {
        append("</svg>")
        return MostlyASCIIText.string(bytes)
    }

    /// Ends the open attribute value, adds `attributes` and closes the element: `" class="gain"/>`.
    private mutating func closeEmptyElement(_ attributes: String) {
        append("\" ")
        append(attributes)
        append("/>\n")
    }

    private mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    private mutating func number(_ value: Double) {
        SVGNumber.append(value, to: &bytes)
    }

    private mutating func escaped(_ text: String) {
        append(ChartText.escaped(text))
    }
}
