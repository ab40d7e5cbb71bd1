import MarketData
import Newsletter
/// A start tag, `<td class="gain" style="text-align: right">`, whose attributes can be read and set.
/// Attributes that are not set keep their source text when the tag is written back.
struct HTMLStartTag {
    struct Attribute {
        let name: String
        /// The value with `&amp;`-style references decoded; nil for a bare attribute (`hidden`).
        var value: String?
        /// The attribute as written (`class="gain"`); nil once the value is set.
        var source: Substring?
    }

    let name: String
    private(set) var attributes: [Attribute]
    var isSelfClosing: Bool
    /// The `class` attribute's names, split once: every selector of a stylesheet asks for them.
    private(set) var classes: [Substring]
    /// The tag as written, while no attribute was set.
    private var source: Substring?

    init(name: String, attributes: [Attribute], isSelfClosing: Bool, source: Substring?) {
        self.name = name
        self.attributes = attributes
        self.isSelfClosing = isSelfClosing
        self.source = source
        classes = Self.classNames(attributes)
    }

    /// Elements with no end tag, which never enclose others.
    static let voidElements: Set<String> = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                                            "source", "track", "wbr"]

    var isVoid: Bool { Self.voidElements.contains(name) }

    func value(of attribute: String) -> String? {
        attributes.first { $0.name == attribute }?.value
    }

    mutating func set(_ attribute: String, to value: String) {
        source = nil
        if let index = attributes.firstIndex(where: { $0.name == attribute }) {
            attributes[index] = Attribute(name: attribute, value: value, source: nil)
        } else {
            attributes.append(Attribute(name: attribute, value: value, source: nil))
        }
        if attribute == "class" { classes = Self.classNames(attributes) }
    }

    /// A value for a double-quoted attribute; most values (inlined styles) need no escaping.
    private static func escaped(_ value: String) -> String {
        ByteSearch.containsByte(in: value) { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "\"") }
            ? HTMLEscaping.escape(value) : value
    }

    private static func classNames(_ attributes: [Attribute]) -> [Substring] {
        attributes.first { $0.name == "class" }?.value?.split(whereSeparator: \.isWhitespace) ?? []
    }

    var html: String {
        if let source { return String(source) }
        let written = attributes.map { attribute in
            attribute.source.map(String.init)
                ?? attribute.name + (attribute.value.map { "=\"\(Self.escaped($0))\"" } ?? "")
        }
        return "<" + ([name] + written).joined(separator: " ") + (isSelfClosing ? " />" : ">")
    }
}
