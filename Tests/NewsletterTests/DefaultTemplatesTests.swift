import Foundation
import Newsletter
import Testing

@Suite struct DefaultTemplatesTests {
    /// The shipped defaults are the sample project's templates, each listed in Package.swift.
    @Test func embeddedDefaultsMatchTheTemplatesFolder() throws {
        var url = URL(fileURLWithPath: #filePath)
        while !FileManager.default.fileExists(atPath: url.appendingPathComponent("templates").path) { url.deleteLastPathComponent() }
        let folder = url.appendingPathComponent("templates").path
        let names = try #require(FileManager.default.enumerator(atPath: folder)).compactMap { $0 as? String }
            .filter { name in
                var isDirectory: ObjCBool = false
                return FileManager.default.fileExists(atPath: folder + "/" + name, isDirectory: &isDirectory) && !isDirectory.boolValue
                    && name != "README.md" && !name.hasPrefix(".")
            }
        #expect(Set(names) == Set(DefaultTemplates.files.keys), "list every template in Package.swift and DefaultTemplates.swift")
        for name in names {
            #expect(try String(contentsOfFile: folder + "/" + name, encoding: .utf8) == DefaultTemplates.files[name],
                    "\(name) differs from the embedded default")
        }
    }

    /// `marketnote build` and `marketnote facts` both read a project's templates this way, so the
    /// facts command prints the editor's wording (it printed the shipped one).
    @Test func aProjectsTemplatesFolderOverridesTheShippedWordingKeyByKey() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("templates-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let shipped = try TemplateLibrary(projectRoot: root)
        #expect(shipped.files == DefaultTemplates.files, "no templates folder: the shipped templates")
        try FileManager.default.createDirectory(atPath: root + "/templates", withIntermediateDirectories: true)
        try "record:\n  single: \"{{symbol}} hit a new peak of {{level}}.\"\n"
            .write(toFile: root + "/templates/phrases.yml", atomically: true, encoding: .utf8)
        let edited = try TemplateLibrary(projectRoot: root)
        #expect(edited.phrases.render("record.single", ["symbol": "IWM", "level": "264.52"]) == "IWM hit a new peak of 264.52.")
        #expect(edited.phrases.render("quiet.day", ["list": "IWM rose 0.1%"]) == shipped.phrases.render("quiet.day", ["list": "IWM rose 0.1%"]))
    }

    @Test func everyPhraseTheWriterUsesExists() throws {
        let library = try TemplateLibrary(directory: nil)
        for key in ["headline.recordStreak", "record.streak", "beat.lastTime", "outcome.all", "breadthOutcome.some",
                    "macro.highestSince", "breadth.newLead", "quiet.day", "section.lead", "headline.closeLowEver",
                    "level.lowestEverGroup", "level.lowestEverItem", "level.yearHighGroup", "level.highestSinceItem"] {
            #expect(library.phrases.has(key), "\(key)")
        }
    }
}
