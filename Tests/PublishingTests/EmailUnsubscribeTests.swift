import Analytics
import Foundation
import MarketData
import Newsletter
import Testing
import TestSupport
@testable import Publishing

/// `email.unsubscribe` gives readers a way out: a List-Unsubscribe header (RFC 2369) that mail
/// clients turn into an "Unsubscribe" button, and a link at the email's foot.
@Suite struct EmailUnsubscribeTests {
    static func config(unsubscribe: String?) throws -> ProjectConfig {
        let yaml = """
            title: The Small-Cap Desk
            baseURL: https://smallcapdesk.example.com/
            email:
              from: The Small-Cap Desk <desk@smallcapdesk.example.com>
            \(unsubscribe.map { "  unsubscribe: \($0)" } ?? "")
            series:
              - symbol: IWM
                file: content/data/IWM.csv
            """
        return try ProjectConfigReader.read(text: yaml, path: "marketnote.yml")
    }

    static func message(_ config: ProjectConfig) -> String {
        EmailEditions(config: config).message(date: SessionDate("2026-01-15")!, subject: "s", text: "t", html: "<p>t</p>").rendered
    }

    @Test func theMessageNamesEveryUnsubscribeURLInItsListUnsubscribeHeader() throws {
        let both = try Self.config(unsubscribe: "[\"mailto:desk@smallcapdesk.example.com?subject=unsubscribe\", https://smallcapdesk.example.com/unsubscribe]")
        let message = Self.message(both)
        #expect(message.contains(".note@smallcapdesk.example.com>\r\nList-Unsubscribe: "
                                 + "<mailto:desk@smallcapdesk.example.com?subject=unsubscribe>,\r\n <https://smallcapdesk.example.com/unsubscribe>\r\n"))
        #expect(message.split(separator: "\r\n").allSatisfy { $0.utf8.count <= 78 })
        #expect(!Self.message(try Self.config(unsubscribe: nil)).contains("List-Unsubscribe"))
    }

    @Test func theFootLinksToAnUnsubscribePageBeforeAMailAddress() throws {
        #expect(try Self.config(unsubscribe: "[\"mailto:a@example.com\", https://example.com/u]").email.unsubscribeLink == "https://example.com/u")
        #expect(try Self.config(unsubscribe: "\"mailto:a@example.com\"").email.unsubscribeLink == "mailto:a@example.com")
        #expect(try Self.config(unsubscribe: nil).email.unsubscribeLink == nil)
    }

    @Test func theSampleEmailEndsWithAnUnsubscribeLinkInBothEditions() throws {
        let inputs = try ProjectLoader(root: SampleProject.root).load()
        let templates = try TemplateLibrary(directory: SampleProject.root + "/templates")
        let facts = HistoryAnalysis(inputs: inputs).facts(on: try #require(SessionDate("2026-01-15")))
        let note = NoteComposer(config: inputs.config, templates: templates).compose(facts, quotes: inputs.quotes, commentary: nil)
        let link = "mailto:desk@smallcapdesk.example.com?subject=unsubscribe"
        #expect(try #require(note.emailMarkdown).contains("[Unsubscribe](<\(link)>)"))
        let html = try #require(EmailEditions(config: inputs.config, templates: templates).files(for: note).first { $0.path.hasSuffix(".html") })
        #expect(String(decoding: html.bytes, as: UTF8.self).contains("<a href=\"\(link)\""))
        var without = inputs.config
        without.email.unsubscribe = []
        let plain = NoteComposer(config: without, templates: templates).compose(facts, quotes: inputs.quotes, commentary: nil)
        #expect(try #require(plain.emailMarkdown).contains("Unsubscribe") == false)
    }

    @Test(arguments: [
        "javascript:alert(1)", "\"https://\"", "\"mailto:nobody\"", "\"https://example.com/opt out\"", "\"mailto:desk@example.com?subject=<bye>\"",
    ])
    func anUnsubscribeURLAClientCannotUseIsAnErrorAtItsKey(_ url: String) throws {
        let config = try Self.config(unsubscribe: url)
        let problems = EmailEditions.validate(config)
        #expect(problems.count == 1)
        #expect(problems.first?.location.line == 5)
        #expect(problems.first?.message.hasPrefix("email.unsubscribe") == true)
    }

    @Test func aSenderThatIsNotAnAddressIsReportedAtItsLine() throws {
        var config = try Self.config(unsubscribe: "https://example.com/u")
        #expect(EmailEditions.validate(config).isEmpty)
        config.email.from = "The Desk"
        #expect(EmailEditions.validate(config).map(\.location.line) == [4])
    }
}
