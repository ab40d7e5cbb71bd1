/// One `property: value` pair of a rule or a `style` attribute.
struct CSSDeclaration: Equatable {
    let property: String
    let value: String

    /// The declarations of a block or a `style` attribute, in order; malformed ones are left out.
    static func list(_ text: String) -> [CSSDeclaration] {
        text.split(separator: ";").compactMap { item in
            guard let colon = item.firstIndex(of: ":") else { return nil }
            let property = trimmed(item[..<colon]).lowercased()
            let value = trimmed(item[item.index(after: colon)...])
            guard !property.isEmpty, !value.isEmpty else { return nil }
            return CSSDeclaration(property: property, value: value.contains(where: \.isNewline)
                                  ? value.split(whereSeparator: \.isNewline).joined(separator: " ") : String(value))
        }
    }

    /// Declarations as a `style` attribute value.
    static func style(_ declarations: [CSSDeclaration]) -> String {
        declarations.map { "\($0.property): \($0.value)" }.joined(separator: "; ")
    }

    private static func trimmed(_ text: Substring) -> Substring {
        let start = text.firstIndex { !$0.isWhitespace } ?? text.endIndex
        let end = text.lastIndex { !$0.isWhitespace }.map(text.index(after:)) ?? start
        return start < end ? text[start..<end] : text[start..<start]
    }
}
