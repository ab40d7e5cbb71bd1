import Foundation

/// A selector that can be inlined: compound selectors (`td`, `.gain`, `td.gain`, `#id`, `*`)
/// joined by descendant (` `) or child (`>`) combinators. Pseudo-classes, attribute selectors and
/// sibling combinators depend on state or on later siblings, which an inliner cannot see.
struct CSSSelector: Equatable {
    struct Compound: Equatable {
        var type: String?
        var classes: [String] = []
        var id: String?

        func matches(_ tag: HTMLStartTag) -> Bool {
            if let type, type != tag.name { return false }
            if let id, tag.value(of: "id") != id { return false }
            let tagClasses = tag.classes
            return classes.allSatisfy { tagClasses.contains(Substring($0)) }
        }
    }

    enum Combinator: Equatable {
        case descendant, child
    }

    /// Left to right; `combinators[i]` joins `compounds[i]` and `compounds[i + 1]`.
    let compounds: [Compound]
    let combinators: [Combinator]

    /// CSS specificity (ids, classes, types) as one comparable number.
    var specificity: Int {
        compounds.reduce(0) { total, compound in
            total + (compound.id == nil ? 0 : 10_000) + compound.classes.count * 100 + (compound.type == nil ? 0 : 1)
        }
    }

    /// Nil for a selector that cannot be inlined.
    init?(parsing text: String) {
        var compounds: [Compound] = []
        var combinators: [Combinator] = []
        var pending: Combinator?
        for piece in Self.pieces(text) {
            switch piece {
            case " ":
                if !compounds.isEmpty, pending == nil { pending = .descendant }
            case ">":
                guard !compounds.isEmpty else { return nil }
                pending = .child
            default:
                guard let compound = Self.compound(piece) else { return nil }
                if !compounds.isEmpty {
                    guard let combinator = pending else { return nil }
                    combinators.append(combinator)
                }
                compounds.append(compound)
                pending = nil
            }
        }
        guard !compounds.isEmpty, pending == nil || pending == .descendant else { return nil }
        self.compounds = compounds
        self.combinators = combinators
    }

    /// Whether the selector matches `tag`, whose open ancestors are `ancestors` (nearest last).
    func matches(_ tag: HTMLStartTag, ancestors: ArraySlice<HTMLStartTag>) -> Bool {
        matches(compounds.count - 1, tag, ancestors)
    }

    private func matches(_ index: Int, _ tag: HTMLStartTag, _ ancestors: ArraySlice<HTMLStartTag>) -> Bool {
        guard compounds[index].matches(tag) else { return false }
        guard index > 0 else { return true }
        var rest = ancestors
        switch combinators[index - 1] {
        case .child:
            guard let parent = rest.popLast() else { return false }
            return matches(index - 1, parent, rest)
        case .descendant:
            while let ancestor = rest.popLast() {
                if matches(index - 1, ancestor, rest) { return true }
            }
            return false
        }
    }

    /// The selector split into compounds, `" "` and `">"`.
    private static func pieces(_ text: String) -> [String] {
        var pieces: [String] = []
        var current = ""
        for character in text {
            if character.isWhitespace || character == ">" {
                if !current.isEmpty { pieces.append(current) }
                current = ""
                pieces.append(character == ">" ? ">" : " ")
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { pieces.append(current) }
        return pieces
    }

    /// `td`, `.gain`, `td.gain.wide`, `#main`, `*`; nil for anything else.
    private static func compound(_ text: String) -> Compound? {
        var compound = Compound()
        var rest = Substring(text)
        if rest.hasPrefix("*") {
            rest = rest.dropFirst()
        } else if let first = rest.first, first.isLetter {
            let name = rest.prefix(while: isNameCharacter)
            compound.type = name.lowercased()
            rest = rest.dropFirst(name.count)
        }
        while let marker = rest.first {
            let name = rest.dropFirst().prefix(while: isNameCharacter)
            guard !name.isEmpty else { return nil }
            switch marker {
            case ".": compound.classes.append(String(name))
            case "#": compound.id = String(name)
            default: return nil
            }
            rest = rest.dropFirst(1 + name.count)
        }
        return compound
    }

    private static func isNameCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "-" || character == "_"
    }
}
