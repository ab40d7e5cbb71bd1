/// Links and images in the editor's Markdown that would not work as written:
/// - an image with no description (`![](chart.png)`): the page gives it `alt=""`, which tells a
///   screen reader to skip it, and the email names the link "image";
/// - a relative address (read from the site's root in every edition) that names no file of the
///   project's `static/` folder and nothing the build writes: nothing would be there;
/// - an address from the server's root (`/images/a.png`) that names a file of the site: it misses
///   the site opened from disk or published below a sub-path.
public enum CommentaryLinks {
    /// One warning per such link or image, at its line and column of the file.
    public static func warnings(in text: String, path: String, staticFiles: StaticFiles = .none) -> [Diagnostic] {
        MarkdownLinks.all(in: text).flatMap { link -> [Diagnostic] in
            let location = SourceLocation(path: path, line: link.line, column: link.column)
            let destination = text[link.destination]
            var warnings: [Diagnostic] = []
            if link.kind == .image, link.text.allSatisfy({ $0 == " " || $0 == "\n" }) {
                warnings.append(Diagnostic(.warning, at: location,
                                           "this image has no description: a screen reader skips it, and the email shows a link named 'image'",
                                           hint: "say what it shows between the brackets: ![What the chart shows](\(destination))"))
            }
            if let problem = addressProblem(link, destination, staticFiles: staticFiles) {
                warnings.append(Diagnostic(.warning, at: location, problem.message, hint: problem.hint))
            }
            return warnings
        }
    }

    static func addressProblem(_ link: MarkdownLinks.Link, _ destination: Substring,
                               staticFiles: StaticFiles) -> (message: String, hint: String)? {
        let subject = switch link.kind {
        case .image: "the image '\(destination)'"
        case .link: "the link '\(destination)'"
        case .definition: "the link definition [\(link.text)] '\(destination)'"
        }
        let outcome = link.kind == .image ? "neither the page nor the email would show it" : "the link would lead nowhere"
        let folder = StaticFiles.folderName
        if destination.hasPrefix("/"), !destination.hasPrefix("//"), let sitePath = StaticFiles.sitePath(linkedAs: destination.dropFirst()),
           staticFiles.contains(sitePath) || SiteLayout.isOwn(sitePath) {
            return ("\(subject) starts at the server's root: opened from disk, or published below a sub-path, it misses the site's \(sitePath)",
                    "write it without the leading '/' (\(destination.dropFirst())): a note's relative addresses are read from the site's root")
        }
        guard let sitePath = StaticFiles.sitePath(linkedAs: destination), !staticFiles.contains(sitePath), !SiteLayout.isOwn(sitePath) else {
            return nil
        }
        if sitePath.split(separator: "/").contains("..") {
            return ("\(subject) climbs above the site's root, where marketnote publishes nothing: \(outcome)",
                    "a note's relative addresses are read from the site's root: write the path below \(folder)/ "
                        + "(images/chart.png for \(folder)/images/chart.png), or a full address (https://…)")
        }
        let file = folder + "/" + sitePath
        return ("\(subject) has a relative address, and there is no \(file) to publish there: \(outcome)",
                "put the \(link.kind == .image ? "picture" : "file") at \(file) (every file of \(folder)/ is published at the same path "
                    + "below the site's root), or link it by its full address (https://…)")
    }
}
