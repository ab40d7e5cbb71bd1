import Foundation

/// The rules of a stylesheet that an inliner can apply, in source order. At-rules (`@media`)
/// and rules whose selectors cannot be inlined are set aside in `skipped`.
struct CSSStylesheet {
    struct Rule {
        let selector: CSSSelector
        let declarations: [CSSDeclaration]
    }

    private(set) var rules: [Rule] = []
    /// Selectors and at-rules that were left out, for a template author to see why.
    private(set) var skipped: [String] = []

    init(parsing css: String) {
        var rest = Substring(Self.withoutComments(css))
        while let open = rest.firstIndex(where: { $0 == "{" || $0 == ";" }) {
            let prelude = rest[..<open].trimmingCharacters(in: .whitespacesAndNewlines)
            if rest[open] == ";" {  // an at-rule without a block (`@import`, `@charset`)
                if !prelude.isEmpty { skipped.append(prelude) }
                rest = rest[rest.index(after: open)...]
                continue
            }
            let close = Self.matchingBrace(in: rest, from: open)
            let block = rest[rest.index(after: open)..<close]
            rest = close < rest.endIndex ? rest[rest.index(after: close)...] : rest[close...]
            if prelude.hasPrefix("@") {
                skipped.append(prelude)
                continue
            }
            let declarations = CSSDeclaration.list(String(block))
            for text in prelude.split(separator: ",") {
                let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
                if let selector = CSSSelector(parsing: trimmed) {
                    rules.append(Rule(selector: selector, declarations: declarations))
                } else {
                    skipped.append(trimmed)
                }
            }
        }
    }

    private static func withoutComments(_ css: String) -> String {
        var result = ""
        var rest = Substring(css)
        while let open = rest.range(of: "/*") {
            result += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "*/") else { return result }
            rest = rest[close.upperBound...]
        }
        return result + rest
    }

    /// The `}` closing the `{` at `open` (blocks of `@media` nest), or the end of the text.
    private static func matchingBrace(in text: Substring, from open: Substring.Index) -> Substring.Index {
        var depth = 0
        var index = open
        while index < text.endIndex {
            if text[index] == "{" { depth += 1 }
            if text[index] == "}" {
                depth -= 1
                if depth == 0 { return index }
            }
            index = text.index(after: index)
        }
        return text.endIndex
    }
}
