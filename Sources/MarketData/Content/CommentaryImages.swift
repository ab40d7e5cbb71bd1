/// Images in the editor's Markdown that would not show as written:
/// - with no description (`![](chart.png)`): the page gives them `alt=""`, which tells a screen
///   reader to skip them, and the email names the link "image";
/// - at a relative address that names no file of the project's `static/` folder
///   (`![Breadth](chart.png)` without `static/chart.png`): nothing is published there, so neither
///   the page nor the email shows a picture.
public enum CommentaryImages {
    /// One warning per such image, at its line and column of the file.
    public static func warnings(in text: String, path: String, staticFiles: StaticFiles = .none) -> [Diagnostic] {
        MarkdownLinks.all(in: text).filter(\.isImage).flatMap { image -> [Diagnostic] in
            let location = SourceLocation(path: path, line: image.line, column: image.column)
            let destination = text[image.destination]
            var warnings: [Diagnostic] = []
            if image.text.allSatisfy({ $0 == " " }) {
                warnings.append(Diagnostic(.warning, at: location,
                                           "this image has no description: a screen reader skips it, and the email shows a link named 'image'",
                                           hint: "say what it shows between the brackets: ![What the chart shows](\(destination))"))
            }
            if StaticFiles.isRelative(destination), !staticFiles.isLinked(by: destination) {
                let file = StaticFiles.folderName + "/" + (StaticFiles.sitePath(linkedAs: destination) ?? String(destination))
                warnings.append(Diagnostic(.warning, at: location,
                                           "the image '\(destination)' has a relative address, and there is no \(file) to publish there: "
                                               + "neither the page nor the email would show it",
                                           hint: "put the picture at \(file) (every file of \(StaticFiles.folderName)/ is published at the "
                                               + "same path below the site's root), or link it by its full address (https://…)"))
            }
            return warnings
        }
    }
}
