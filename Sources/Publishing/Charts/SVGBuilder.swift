import Newsletter

/// Writes one `<svg>` element for inlining in HTML, as UTF-8 bytes. Attribute strings come from
/// code; every text that can come from data goes through `text(_:…)`, `title` or `description`
/// and is escaped. A class: it owns the buffer the markup is written into.
final class SVGBuilder {
    enum Anchor {
        case start, middle, end

        /// What closes a text's `y` attribute: the anchor's own attribute unless it is the start,
        /// the default. Literals: interpolated, each label anchored at its end made a String.
        var closingAttribute: StaticString {
            switch self {
            case .start: "\""
            case .middle: "\" text-anchor=\"middle\""
            case .end: "\" text-anchor=\"end\""
            }
        }
    }

    // Built on one thread: no exclusivity bookkeeping, which costs more than the appends.
    @exclusivity(unchecked) private var output = ByteBuffer(capacity: 6144)

    /// Opens the root with a viewBox only (no pixel size), so it scales to its container. The id
    /// is appended between fixed pieces, not interpolated into a String of its own for each.
    init(id: String, height: Double, title: String, description: String) {
        append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
        number(ChartStyle.width)
        append(" ")
        number(height)
        append("\" role=\"img\" aria-labelledby=\"")
        append(text: id)
        append("-title\" aria-describedby=\"")
        append(text: id)
        append("-desc\" id=\"")
        append(text: id)
        append("\" font-family=\"")
        append(text: ChartStyle.fontFamily)
        append("\" font-size=\"")
        number(ChartStyle.fontSize)
        append("\" fill=\"currentColor\">\n<title id=\"")
        append(text: id)
        append("-title\">")
        escaped(title)
        append("</title>\n<desc id=\"")
        append(text: id)
        append("-desc\">")
        escaped(description)
        append("</desc>\n")
    }

    func text(_ content: String, x: Double, y: Double, anchor: Anchor = .start, attributes: String = "") {
        append("<text x=\"")
        number(x)
        append("\" y=\"")
        number(y)
        append(anchor.closingAttribute)
        if !attributes.isEmpty {
            append(" ")
            append(text: attributes)
        }
        append(">")
        escaped(content)
        append("</text>\n")
    }

    /// A rectangle by its edges, each rounded like every coordinate, so that adjacent shapes
    /// (a bar and the zero line) meet exactly.
    func rect(left: Double, top: Double, right: Double, bottom: Double, attributes: String) {
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

    func path(_ data: PathData, attributes: String) {
        append("<path d=\"")
        data.bytes.withUnsafeBufferPointer { output.append($0) }
        closeEmptyElement(attributes)
    }

    func circle(x: Double, y: Double, radius: Double, attributes: String) {
        append("<circle cx=\"")
        number(x)
        append("\" cy=\"")
        number(y)
        append("\" r=\"")
        number(radius)
        closeEmptyElement(attributes)
    }

    func openGroup(_ attributes: String) {
        append("<g ")
        append(text: attributes)
        append(">\n")
    }

    func closeGroup() {
        append("</g>\n")
    }

    /// Closes the root and returns the markup.
    func finished() -> MarkupBytes {
        append("</svg>")
        return MarkupBytes(validUTF8: Array(output.bytes))
    }

    /// Ends the open attribute value, adds `attributes` and closes the element: `" class="gain"/>`.
    private func closeEmptyElement(_ attributes: String) {
        append("\" ")
        append(text: attributes)
        append("/>\n")
    }

    private func append(_ piece: StaticString) {
        output.append(piece)
    }

    private func append(text: String) {
        output.append(text: text)
    }

    private func number(_ value: Double) {
        output.commit(SVGNumber.write(value, to: output.room(SVGNumber.maxLength)))
    }

    private func escaped(_ text: String) {
        append(text: ChartText.escaped(text))
    }
}
