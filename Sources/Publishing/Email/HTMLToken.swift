/// A piece of an HTML document as `HTMLTokenizer` splits it; every case keeps its source text,
/// so a document can be written back with only the start tags that were edited changed.
enum HTMLToken {
    case text(Substring)
    case startTag(HTMLStartTag)
    case endTag(name: String, source: Substring)
    /// A comment, a doctype or a processing instruction.
    case markup(Substring)
    /// The content of a `script`, `style`, `title` or `textarea` element, which holds no tags.
    case rawText(Substring)

    var html: String {
        switch self {
        case .text(let source), .markup(let source), .rawText(let source), .endTag(_, let source): String(source)
        case .startTag(let tag): tag.html
        }
    }
}
