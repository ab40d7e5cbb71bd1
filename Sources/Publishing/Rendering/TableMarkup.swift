import Foundation

/// Makes cmark-gfm's tables accessible: header cells get `scope="col"`, the first cell of each
/// body row becomes a row header, signed numbers get a `gain`/`loss` class (their sign already
/// tells them apart without colour), and wide tables scroll inside a wrapper on small screens.
///
/// Every tag it touches was written by cmark-gfm: raw HTML is disabled, so text from data
/// arrives escaped and cannot contain a `<td` of its own.
enum TableMarkup {
    static func enhance(_ html: String) -> String {
        guard html.contains("<table>") else { return html }
        var result = html
        result = result.replacingAll("<table>", with: "<div class=\"table-scroll\"><table>")
        result = result.replacingAll("</table>", with: "</table></div>")
        result = result.replacingAll("<th>", with: "<th scope=\"col\">")
        result = result.replacingAll("<th style=", with: "<th scope=\"col\" style=")
        result = result.replacingAll("<tr>\n<td", with: "<tr>\n<th scope=\"row\"")
        result = markRowHeaderEnds(result)
        result = result.replacingAll("<td style=\"text-align: right\">+", with: "<td class=\"gain\" style=\"text-align: right\">+")
        result = result.replacingAll("<td style=\"text-align: right\">\u{2212}", with: "<td class=\"loss\" style=\"text-align: right\">\u{2212}")
        return result
    }

    /// Closes each row header opened above with `</th>` instead of `</td>`.
    private static func markRowHeaderEnds(_ html: String) -> String {
        var output = ""
        var rest = html[...]
        while let open = rest.range(of: "<th scope=\"row\"") {
            output += rest[..<open.upperBound]
            rest = rest[open.upperBound...]
            if let close = rest.range(of: "</td>") {
                output += rest[..<close.lowerBound] + "</th>"
                rest = rest[close.upperBound...]
            }
        }
        return output + rest
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard contains(target) else { return self }
        return components(separatedBy: target).joined(separator: replacement)
    }
}
