import Foundation
import MarketData
import Publishing
import Testing

/// A typo in a template's file name or a phrase key silently changed nothing (`emial.md`,
/// `yearDwon:`): the build publishes and warns, naming the file and the likely intended name.
@Suite struct TemplateTyposTests {
    private func build(_ sandbox: ProjectSandbox) throws -> BuildSummary {
        try BuildPipeline(options: BuildOptions(projectRoot: sandbox.project, outputPath: sandbox.output)).run()
    }

    @Test func aMisnamedTemplateFileIsNamedWithTheFileItWasMeantToBe() throws {
        let sandbox = try ProjectSandbox()
        try sandbox.apply(.write("templates/emial.md", "# {{title}}\n"))
        try sandbox.apply(.write("templates/partials/sign-off.md", "The desk\n"))
        try sandbox.apply(.edit("templates/email.md") { $0 + "\n{{> partials/sign-off.md}}\n" })
        let warnings = try build(sandbox).warnings
        #expect(warnings.map(\.location.path) == ["templates/emial.md"])
        #expect(warnings.first?.message == "the file is not used: it is not one of marketnote's templates, and no template includes it")
        #expect(warnings.first?.hint == "did you mean 'email.md'?")
    }

    @Test func anUnknownPhraseKeyIsNamedWithTheKeyItWasMeantToBe() throws {
        let sandbox = try ProjectSandbox()
        try sandbox.apply(.write("templates/phrases.yml", """
            headline:
              periodEnd:
                yearDwon: "{{Short}} tank{{s}} in {{year}}"
            recordOutcome:
              twoAll: "Both earlier runs were followed by gains of {{first}} and {{second}}."
            sections:
              session: The day
            """))
        let warnings = try build(sandbox).warnings
        #expect(warnings.map(\.location.description) == ["templates/phrases.yml:3:5", "templates/phrases.yml:7:3"])
        #expect(warnings.map(\.message) == ["unknown phrase 'headline.periodEnd.yearDwon': no sentence uses it, so its wording is never printed",
                                            "unknown phrase 'sections.session': no sentence uses it, so its wording is never printed"])
        #expect(warnings.first?.hint == "did you mean 'headline.periodEnd.yearDown'?")
    }

    /// A README audit: the same typo written at the top level, far from every whole key, got no
    /// suggestion. The keys whose last part it is closest to are named.
    @Test func aPhraseKeyAtTheWrongDepthIsNamedWithTheKeysItMayBe() throws {
        let sandbox = try ProjectSandbox()
        try sandbox.apply(.write("templates/phrases.yml", """
            yearDwon: "{{Short}} tank{{s}} in {{year}}"
            """))
        let warnings = try build(sandbox).warnings
        #expect(warnings.map(\.message) == ["unknown phrase 'yearDwon': no sentence uses it, so its wording is never printed"])
        #expect(warnings.first?.hint == "did you mean 'headline.periodEnd.yearDown' or 'periodEnd.yearDown'?")
    }

    /// `{{{bodyy}}}` published every note page without its note, and `{{date_long}}` an empty
    /// dateline, with exit 0: a variable tag that matches no value is named after the build, in
    /// the template or partial that holds it, with the shipped template's closest name.
    @Test func aVariableThatMatchesNoValueIsNamedWithTheNameItWasMeantToBe() throws {
        let sandbox = try ProjectSandbox()
        try sandbox.apply(.replace("templates/note.html", "{{{body}}}", with: "{{{bodyy}}}"))
        try sandbox.apply(.write("templates/partials/dateline.md", "*{{date_long}}*\n"))
        try sandbox.apply(.edit("templates/note.md") { $0 + "\n{{> partials/dateline.md}}\n" })
        let warnings = try build(sandbox).warnings
        #expect(warnings.map(\.location.path) == ["templates/note.html", "templates/partials/dateline.md"])
        #expect(warnings.map(\.message) == ["{{bodyy}} matched no value once, and Mustache printed nothing for it",
                                            "{{date_long}} matched no value once, and Mustache printed nothing for it"])
        #expect(warnings.first?.hint == "did you mean 'body'?")
        // At the tag itself; a project's own partial is offered the names of the shipped templates.
        let noteHTML = try String(contentsOfFile: sandbox.project + "/templates/note.html", encoding: .utf8)
        let line = try #require(noteHTML.components(separatedBy: "\n").firstIndex { $0.contains("{{{bodyy}}}") }) + 1
        #expect(warnings.first?.location.line == line && line > 1)
        #expect(warnings.last?.location.description == "templates/partials/dateline.md:1:2")
        #expect(warnings.last?.hint == "did you mean 'dateLong'?")
    }

    /// The phrase's error says what is wrong in words, not swift-mustache's internal dump.
    @Test func anUnfinishedTagInAPhraseIsDescribedInWords() throws {
        let sandbox = try ProjectSandbox()
        try sandbox.apply(.write("templates/phrases.yml", "record:\n  single: \"{{Short} tanks\"\n"))
        do {
            _ = try build(sandbox)
            Issue.record("the build did not stop")
        } catch let report as DiagnosticReport {
            #expect(report.diagnostics.map(\.message) == ["the phrase is not a valid Mustache template: a tag is not finished"])
            #expect(report.diagnostics.first?.hint?.hasPrefix("near: {{Short} tanks;") == true)
        }
    }
}
