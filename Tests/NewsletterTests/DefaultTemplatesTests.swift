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

    @Test func everyPhraseTheWriterUsesExists() throws {
        let library = try TemplateLibrary(directory: nil)
        for key in ["headline.recordStreak", "record.streak", "beat.lastTime", "outcome.all", "breadthOutcome.some",
                    "macro.highestSince", "breadth.newLead", "quiet.day", "section.lead"] {
            #expect(library.phrases.has(key), "\(key)")
        }
    }
}
