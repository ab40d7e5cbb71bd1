import Foundation
import MarketData
import Newsletter
@testable import Publishing

/// Inputs for the site tests: a small config, the default templates, manifest entries by date.
enum SiteFixtures {
    static let config: ProjectConfig = {
        let yaml = """
            title: The Small-Cap Desk
            description: A daily note on small caps.
            baseURL: https://desk.example.com/sub/
            author: The Desk
            series:
              - symbol: IWM
                file: content/data/IWM.csv
            """
        do { return try ProjectConfigReader.read(text: yaml, path: "marketnote.yml") } catch { fatalError("\(error)") }
    }()

    static let renderer: SiteRenderer = {
        do { return SiteRenderer(config: config, templates: try TemplateLibrary(directory: nil)) } catch {
            fatalError("\(error)")
        }
    }()

    static func entry(_ date: String, title: String? = nil) -> SiteManifest.Entry {
        let day = SessionDate(date)!
        return SiteManifest.Entry(date: day, title: title ?? "Note of \(date)", summary: "Summary of \(date).",
                                  path: NotePaths.notePath(day))
    }

    static func manifest(_ dates: [String]) -> SiteManifest { SiteManifest(notes: dates.map { entry($0) }) }

    /// The file at `path` among `files`, as text.
    static func text(_ path: String, in files: [OutputFile]) -> String? {
        files.first { $0.path == path }.map { String(decoding: $0.bytes, as: UTF8.self) }
    }

    /// How often `needle` occurs in `text`.
    static func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }
}
