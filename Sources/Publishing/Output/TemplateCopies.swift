import Foundation
import MarketData
import Newsletter

/// The shipped templates a project can copy into its `templates/` folder to edit (`marketnote
/// templates FILE…`). A file the project has is never replaced unless asked: it may hold the
/// editor's work. A project file overrides the shipped one for good, so copying only the files to
/// change keeps the rest up to date with marketnote.
public enum TemplateCopies {
    /// Every shipped template with what it is for and whether the project has its own.
    public static func listing(projectRoot: String) -> [(name: String, description: String, overridden: Bool)] {
        DefaultTemplates.catalogue.map { name, description, _ in
            (name, description, FileManager.default.fileExists(atPath: path(of: name, in: projectRoot)))
        }
    }

    /// Writes each named shipped template (`all`: every one) into `projectRoot/templates/` and
    /// returns the paths written, relative to the project. Nothing is written when a name is
    /// unknown, or names a file the project has and `replacing` is false.
    public static func copy(_ names: [String], into projectRoot: String, replacing: Bool) throws(DiagnosticReport) -> [String] {
        let known = DefaultTemplates.catalogue.map(\.name)
        guard FileManager.default.fileExists(atPath: FilePath.resolve("marketnote.yml", in: projectRoot)) else {
            throw DiagnosticReport([.error(at: SourceLocation(path: FilePath.resolve("marketnote.yml", in: projectRoot)),
                                           "there is no project configuration here, so no templates/ folder to copy into",
                                           hint: "run marketnote in a project folder (one holding marketnote.yml), or name it with --project DIR")])
        }
        var problems: [Diagnostic] = []
        var chosen: [String] = []
        for name in names {
            let bare = name.hasPrefix("templates/") ? String(name.dropFirst("templates/".count)) : name
            if bare == "all" {
                chosen += known
            } else if known.contains(bare) {
                chosen.append(bare)
            } else {
                problems.append(.error(at: .commandLine(name), "'\(name)' is not a shipped template",
                                       hint: EditDistance.suggestion(for: bare, among: known) ?? "the templates: " + known.joined(separator: ", ")))
            }
        }
        chosen = chosen.reduce(into: []) { unique, name in if !unique.contains(name) { unique.append(name) } }
        for name in chosen where !replacing && FileManager.default.fileExists(atPath: path(of: name, in: projectRoot)) {
            problems.append(.error(at: SourceLocation(path: "templates/" + name), "the project has its own \(name); it was left as it is",
                                   hint: "move it aside to compare it with the shipped one, or add --force to replace it"))
        }
        guard problems.isEmpty else { throw DiagnosticReport(problems) }
        for name in chosen {
            let destination = path(of: name, in: projectRoot)
            do {
                try FileManager.default.createDirectory(atPath: (destination as NSString).deletingLastPathComponent,
                                                        withIntermediateDirectories: true)
                try Data(DefaultTemplates.files[name]!.utf8).write(to: URL(fileURLWithPath: destination))
            } catch {
                throw DiagnosticReport([.error(at: SourceLocation(path: "templates/" + name), "cannot write the file: \(error.localizedDescription)")])
            }
        }
        return chosen.map { "templates/" + $0 }
    }

    private static func path(of name: String, in projectRoot: String) -> String {
        FilePath.resolve("templates/" + name, in: projectRoot)
    }
}
