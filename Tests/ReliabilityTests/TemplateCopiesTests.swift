import Foundation
import MarketData
import Newsletter
import Publishing
import Testing

/// An editor with only the binary could not see the shipped templates to edit them (a one-line
/// `style.css` replaced the whole stylesheet): `marketnote templates` lists them and copies the
/// ones asked for into the project, never over the project's own.
@Suite struct TemplateCopiesTests {
    @Test func everyShippedTemplateIsListedWithWhatItIsFor() {
        #expect(Set(DefaultTemplates.catalogue.map(\.name)) == Set(DefaultTemplates.files.keys))
        #expect(DefaultTemplates.catalogue.count == DefaultTemplates.files.count)
        #expect(DefaultTemplates.catalogue.allSatisfy { !$0.description.isEmpty })
    }

    @Test func theNamedTemplatesAreCopiedAsShippedAndTheProjectBuildsAsBefore() throws {
        let sandbox = try ProjectSandbox()
        let folder = sandbox.project + "/templates"
        try FileManager.default.removeItem(atPath: folder)
        #expect(TemplateCopies.listing(projectRoot: sandbox.project).allSatisfy { !$0.overridden })
        #expect(try TemplateCopies.copy(["phrases.yml", "templates/partials/body.md", "phrases.yml"], into: sandbox.project, replacing: false)
                == ["templates/phrases.yml", "templates/partials/body.md"])
        #expect(try String(contentsOfFile: folder + "/phrases.yml", encoding: .utf8) == DefaultTemplates.files["phrases.yml"])
        #expect(TemplateCopies.listing(projectRoot: sandbox.project).filter(\.overridden).map(\.name) == ["phrases.yml", "partials/body.md"])
        let written = try TemplateCopies.copy(["all"], into: sandbox.project, replacing: true)
        #expect(written.count == DefaultTemplates.files.count)
        for (name, text) in DefaultTemplates.files {
            #expect(try String(contentsOfFile: folder + "/" + name, encoding: .utf8) == text, "\(name)")
        }
        let summary = try BuildPipeline(options: BuildOptions(projectRoot: sandbox.project, outputPath: sandbox.output)).run()
        #expect(summary.warnings.isEmpty, "\(summary.warnings)")
    }

    @Test func aProjectFileIsNotReplacedAndAnUnknownNameIsNamedWithTheOneMeant() throws {
        let sandbox = try ProjectSandbox()
        try sandbox.apply(.write("templates/style.css", "body { color: teal }\n"))
        do {
            _ = try TemplateCopies.copy(["style.css", "phrase.yml"], into: sandbox.project, replacing: false)
            Issue.record("expected errors")
        } catch {
            #expect(error.diagnostics.map(\.description) == [
                "phrase.yml: error: 'phrase.yml' is not a shipped template\n    hint: did you mean 'phrases.yml'?",
                "templates/style.css:1:1: error: the project has its own style.css; it was left as it is\n"
                    + "    hint: move it aside to compare it with the shipped one, or add --force to replace it",
            ])
        }
        #expect(try String(contentsOfFile: sandbox.project + "/templates/style.css", encoding: .utf8) == "body { color: teal }\n")
    }
}
