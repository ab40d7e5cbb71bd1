/// Copies the rules of a document's `<style>` blocks into the `style` attribute of every element
/// they select, then removes the blocks: email clients drop or ignore stylesheets, but keep
/// `style` attributes. Rules apply in order of specificity, then of source; declarations already
/// in a `style` attribute win, as in a browser. Elements inside `<head>` are left alone.
///
/// A `<style data-embed>` block is kept as it is and not inlined (Juice's convention): `@media`
/// rules for the clients that read a stylesheet, which inline styles cannot express.
///
/// An inliner parses its stylesheet once, so one made from the email shell serves every note.
struct CSSInliner: Sendable {
    /// In the order they apply: by specificity, then by source order.
    let rules: [CSSStylesheet.Rule]
    /// The positions in `rules` of the rules whose last compound needs this id (`#main`), class
    /// (`.gain`) or element (`td`), or nothing (`*`, under the empty key), in order: a tag is
    /// matched only against the rules it could meet (matching all of them was 14 M instructions
    /// for a note's email).
    private let candidates: [String: [Int]]

    init(_ stylesheet: CSSStylesheet) {
        rules = stylesheet.rules.enumerated()
            .sorted { ($0.element.selector.specificity, $0.offset) < ($1.element.selector.specificity, $1.offset) }
            .map(\.element)
        var candidates: [String: [Int]] = [:]
        for (position, rule) in rules.enumerated() {
            candidates[Self.key(of: rule.selector.compounds.last!), default: []].append(position)
        }
        self.candidates = candidates
    }

    /// One thing the compound needs of a tag: its id, else its first class, else its element.
    private static func key(of compound: CSSSelector.Compound) -> String {
        if let id = compound.id { return "#" + id }
        if let first = compound.classes.first { return "." + first }
        return compound.type ?? ""
    }

    /// The positions of the rules `tag` could meet, in order.
    private func rules(for tag: HTMLStartTag) -> [Int] {
        var keys = ["", tag.name] + tag.classes.map { "." + $0 }
        if let id = tag.value(of: "id") { keys.append("#" + id) }
        return Set(keys.flatMap { candidates[$0] ?? [] }).sorted()
    }

    /// An inliner for the rules of the `<style>` blocks of `html`.
    init(styleOf html: String) {
        self.init(CSSStylesheet(parsing: Self.styleBlocks(HTMLTokenizer.tokens(html)).joined(separator: "\n")))
    }

    /// `html` with its own `<style>` blocks inlined.
    static func inline(_ html: String) -> String {
        CSSInliner(styleOf: html).inline(html)
    }

    /// `html` with this inliner's rules applied and its `<style>` blocks removed.
    func inline(_ html: String) -> String {
        let tokens = HTMLTokenizer.tokens(html)
        var output = ""
        var open: [HTMLStartTag] = []
        var inStyle = false, keptStyle = false
        for token in tokens {
            switch token {
            case .startTag(let tag) where tag.name == "style":
                (inStyle, keptStyle) = (true, Self.isKept(tag))
                if keptStyle { output += tag.html }
            case .rawText where inStyle:
                if keptStyle { output += token.html }
            case .endTag(name: "style", let source):
                if keptStyle { output += source }
                (inStyle, keptStyle) = (false, false)
            case .startTag(var tag):
                if !open.contains(where: { $0.name == "head" }) && tag.name != "head" {
                    apply(to: &tag, ancestors: open[...])
                }
                output += tag.html
                if !tag.isVoid && !tag.isSelfClosing { open.append(tag) }
            case .endTag(let name, let source):
                if let index = open.lastIndex(where: { $0.name == name }) { open.removeSubrange(index...) }
                output += source
            default:
                output += token.html
            }
        }
        return output
    }

    /// The CSS text of every `<style>` element but the kept ones.
    private static func styleBlocks(_ tokens: [HTMLToken]) -> [String] {
        zip(tokens, tokens.dropFirst()).compactMap { first, second in
            guard case .startTag(let tag) = first, tag.name == "style", !isKept(tag), case .rawText(let css) = second else { return nil }
            return String(css)
        }
    }

    /// A `<style data-embed>` stays a stylesheet.
    private static func isKept(_ style: HTMLStartTag) -> Bool {
        style.attributes.contains { $0.name == "data-embed" }
    }

    private func apply(to tag: inout HTMLStartTag, ancestors: ArraySlice<HTMLStartTag>) {
        var declarations: [CSSDeclaration] = []
        for position in rules(for: tag) where rules[position].selector.matches(tag, ancestors: ancestors) {
            Self.merge(rules[position].declarations, into: &declarations)
        }
        guard !declarations.isEmpty else { return }
        Self.merge(CSSDeclaration.list(tag.value(of: "style") ?? ""), into: &declarations)
        tag.set("style", to: CSSDeclaration.style(declarations))
    }

    /// A later declaration of a property replaces an earlier one and moves to the end, so that a
    /// shorthand and its longhands keep the order in which the cascade applied them.
    private static func merge(_ later: [CSSDeclaration], into declarations: inout [CSSDeclaration]) {
        for declaration in later {
            declarations.removeAll { $0.property == declaration.property }
            declarations.append(declaration)
        }
    }
}
