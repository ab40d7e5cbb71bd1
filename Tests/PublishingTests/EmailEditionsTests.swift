import Foundation
import MarketData
import Newsletter
import TestSupport
import Testing
@testable import Publishing

@Suite struct EmailEditionsTests {
    static let config: ProjectConfig = {
        let yaml = """
            title: The Small-Cap Desk
            baseURL: https://smallcapdesk.example.com/
            email:
              from: The Small-Cap Desk <desk@smallcapdesk.example.com>
            series:
              - symbol: IWM
                file: content/data/IWM.csv
            """
        do { return try ProjectConfigReader.read(text: yaml, path: "marketnote.yml") } catch { fatalError("\(error)") }
    }()

    static let markdown = """
        ---
        subject: "[Small-Cap Desk] Small caps \\u2212 a record"
        preheader: "IWM set a record high."
        date: 2026-01-15
        url: "https://smallcapdesk.example.com/notes/2026-01-15/"
        ---

        # Small caps set a record

        **January 15, 2026.** IWM set a record high.

        | Series | 1D |
        | :--- | ---: |
        | IWM | +0.7% |
        | SPY | −0.1% |

        > Leadership is [broadening](notes/2026-01-14/).
        >
        > — Marisol Reyes, Cobalt Street Advisors

        ![Chart](../../assets/charts/iwm.svg)

        Charts: [web edition](<https://smallcapdesk.example.com/notes/2026-01-15/>)

        """

    static func files(templates: TemplateLibrary? = nil) -> [String: String] {
        let editions = EmailEditions(config: config, templates: templates)
        let files = editions.files(date: SessionDate("2026-01-15")!, emailMarkdown: markdown, title: "t", summary: "s")
        return Dictionary(uniqueKeysWithValues: files.map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) })
    }

    @Test func aNoteHasMarkdownHTMLAndMessageEditions() {
        #expect(Self.files().keys.sorted() == ["email/2026-01-15.eml", "email/2026-01-15.html", "email/2026-01-15.md"])
    }

    @Test func theMarkdownEditionHasOnlyAbsoluteLinksAndNoImages() throws {
        let markdown = try #require(Self.files()["email/2026-01-15.md"])
        #expect(markdown.hasPrefix("---\nsubject: \"[Small-Cap Desk] Small caps \\u2212 a record\"\n"))
        #expect(markdown.contains("[broadening](https://smallcapdesk.example.com/notes/2026-01-14/)"))
        #expect(markdown.contains("[Chart](https://smallcapdesk.example.com/assets/charts/iwm.svg)"))
        #expect(!markdown.contains("!["))
    }

    /// Every rule is inlined but the phone's media query, which only a kept stylesheet can hold.
    @Test func theHTMLEditionIsACentredTableWithInlineStylesAndAPhoneMediaQuery() throws {
        let html = try #require(Self.files()["email/2026-01-15.html"])
        let styles = html.components(separatedBy: "<style").dropFirst()
        #expect(styles.count == 1 && styles.allSatisfy { $0.hasPrefix(" data-embed>") && $0.contains("@media only screen and (max-width: 480px)") })
        #expect(!html.contains(".masthead a {") && html.contains("<td class=\"masthead\" style=\"padding: 20px 32px 14px;"))
        // A reader in dark mode gets the site's dark palette, not a white page (the kept block
        // overrides the inlined colours).
        #expect(html.contains("<meta name=\"color-scheme\" content=\"light dark\">"))
        #expect(styles.first?.contains("@media (prefers-color-scheme: dark) {\n  body, .outer { background-color: #121416 !important; }") == true)
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<svg"))
        #expect(!html.contains("<link"))
        #expect(html.contains("<table role=\"presentation\" class=\"container\" width=\"600\""))
        #expect(html.contains("<div class=\"preheader\" style=\"display: none;"))
        #expect(html.contains(">IWM set a record high.</div>"))
        #expect(html.contains("<title>[Small-Cap Desk] Small caps − a record</title>"))
        // Webmail drops <html> and its lang: the message carries its own, and a name to find it by.
        #expect(html.contains("<div role=\"article\" aria-roledescription=\"email\" aria-label=\"[Small-Cap Desk] Small caps − a record\" lang=\"en\" dir=\"ltr\">"))
        #expect(html.contains("href=\"https://smallcapdesk.example.com/notes/2026-01-14/\""))
    }

    @Test func numbersInTablesAreRightAlignedAndSignedNotOnlyColoured() throws {
        let html = try #require(Self.files()["email/2026-01-15.html"])
        #expect(html.contains("<table width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" style=\"width: 100%;"))
        let gain = try #require(html.range(of: "<td class=\"gain\" style=\""))
        let gainTag = html[gain.lowerBound...].prefix { $0 != ">" }
        #expect(gainTag.contains("text-align: right"))
        #expect(gainTag.contains("border-bottom: 1px solid"))
        #expect(html.contains(">+0.7%</td>"))
        #expect(html.contains(">−0.1%</td>"))
    }

    @Test func theMessageCarriesTheConfiguredSenderAndTheFrontMatterSubject() throws {
        let message = try #require(Self.files()["email/2026-01-15.eml"])
        #expect(message.hasPrefix("From: The Small-Cap Desk <desk@smallcapdesk.example.com>\r\nTo: undisclosed-recipients:;\r\n"))
        #expect(message.contains("Subject: =?utf-8?q?=5BSmall-Cap_Desk=5D_Small_caps_=E2=88=92_a_record?=\r\n"))
        #expect(message.contains(try Regex(#"\r\nMessage-ID: <2026-01-15\.[0-9a-f]{16}\.note@smallcapdesk\.example\.com>\r\n"#)))
    }

    /// An edition corrected and sent again with `--again` kept the first one's Message-ID
    /// (`DATE.note@HOST`), and Gmail drops a message whose Message-ID it has already seen.
    @Test func aCorrectedEditionIsANewMessageAndAnUnchangedOneIsTheSame() throws {
        let editions = EmailEditions(config: Self.config)
        let date = try #require(SessionDate("2026-01-15"))
        func id(_ text: String) -> String { editions.message(date: date, subject: "s", text: text, html: "<p>\(text)</p>").messageID }
        #expect(id("Small caps rose 1.2%.") == id("Small caps rose 1.2%."))
        #expect(id("Small caps rose 1.2%.") != id("Small caps rose 1.3%."))
        #expect(id("Small caps rose 1.2%.").hasPrefix("2026-01-15."))
    }

    /// An `email.md` of the project's own without front matter sent "Small caps set a record",
    /// without the configured "[Desk]": the title stands in for the subject with its prefix.
    @Test func anEditionWithoutFrontMatterGetsTheConfiguredSubjectPrefix() throws {
        var config = Self.config
        config.email.subjectPrefix = "[Desk]"
        let body = String(Self.markdown.drop { $0 != "#" })
        let files = EmailEditions(config: config, templates: nil)
            .files(date: SessionDate("2026-01-15")!, emailMarkdown: body, title: "Small caps set a record", summary: "s")
        let message = try #require(files.first { $0.path.hasSuffix(".eml") }.map { String(decoding: $0.bytes, as: UTF8.self) })
        #expect(message.contains("Subject: [Desk] Small caps set a record\r\n"), "\(message.prefix(400))")
    }

    @Test func buildingTwiceGivesTheSameBytes() {
        #expect(Self.files() == Self.files())
    }

    @Test func aProjectCanRestyleTheHTMLShell() throws {
        let directory = ScratchFolder.make("email")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let shell = "<html><head><style>.house { color: #123456 } p { margin: 0 }</style></head><body class=\"house\">{{{body}}}</body></html>\n"
        try shell.write(toFile: directory + "/email.html", atomically: true, encoding: .utf8)
        let html = try #require(Self.files(templates: TemplateLibrary(directory: directory))["email/2026-01-15.html"])
        #expect(html.hasPrefix("<html><head></head><body class=\"house\" style=\"color: #123456\">"))
        #expect(html.contains("<p style=\"margin: 0\"><strong>January 15, 2026.</strong>"))
    }

    @Test func anEmailFromThatIsNotAnAddressIsReported() {
        var config = Self.config
        config.email.from = "The Desk"
        #expect(EmailEditions.validate(config).count == 1)
        #expect(EmailEditions.validate(Self.config).isEmpty)
        #expect(EmailEditions(config: config).sender.address == "newsletter@smallcapdesk.example.com")
    }
}

@Suite struct EmailBuiltEditionTests {
    static func site(_ names: [String]) throws -> String {
        let site = ScratchFolder.make("sent")
        try FileManager.default.createDirectory(atPath: site + "/email", withIntermediateDirectories: true)
        for name in names { try Data(name.utf8).write(to: URL(fileURLWithPath: site + "/email/" + name)) }
        return site
    }

    @Test func withoutADateTheLatestEditionIsSent() throws {
        let site = try Self.site(["2026-01-14.eml", "2026-01-15.eml", "2026-01-16.md", "notes.eml"])
        defer { try? FileManager.default.removeItem(atPath: site) }
        let edition = try BuiltEmailEdition.read(fromSite: site, date: nil)
        #expect(edition.date == SessionDate("2026-01-15"))
        #expect(edition.bytes == Array("2026-01-15.eml".utf8))
    }

    @Test func anEditionThatWasNotBuiltSaysHowToBuildIt() throws {
        let site = try Self.site(["2026-01-15.eml"])
        defer { try? FileManager.default.removeItem(atPath: site) }
        try FileManager.default.createDirectory(atPath: site + "/notes/2026-01-14", withIntermediateDirectories: true)
        #expect(throws: UnsendableEmailEdition(message: "there is no email edition of 2026-01-14 at \(site)/email/2026-01-14.eml",
                                               hint: "build it first: marketnote build --date 2026-01-14")) {
            try BuiltEmailEdition.read(fromSite: site, date: SessionDate("2026-01-14"))
        }
        // A date the site has no note of may be no session at all (a holiday): building it would
        // fail, so the hint does not promise it, and names the nearest editions.
        #expect(throws: UnsendableEmailEdition(message: "there is no email edition of 2018-12-05 at \(site)/email/2018-12-05.eml",
                                               hint: "the site has no note of 2018-12-05: if it is a session, build it with "
                                                   + "marketnote build --date 2018-12-05; the nearest editions built are 2026-01-15")) {
            try BuiltEmailEdition.read(fromSite: site, date: SessionDate("2018-12-05"))
        }
        #expect(throws: UnsendableEmailEdition.self) { try BuiltEmailEdition.read(fromSite: site + "/none", date: nil) }
    }

    /// A project without `email.from` builds its editions from `newsletter@example.invalid`;
    /// `send` once sent them, for every relay and reader to refuse.
    @Test func anEditionFromThePlaceholderSenderIsNotSent() throws {
        let site = try Self.site([])
        defer { try? FileManager.default.removeItem(atPath: site) }
        let write = { (date: String, header: String) in
            try Data((header + "\r\nTo: undisclosed-recipients:;\r\n\r\nFrom: body text\r\n").utf8)
                .write(to: URL(fileURLWithPath: site + "/email/\(date).eml"))
        }
        try write("2026-01-14", "From: The Desk <desk@desk.example.com>")
        try write("2026-01-15", "From: =?utf-8?q?The_Small-Cap_Desk?=\r\n <newsletter@example.invalid>")
        #expect(try BuiltEmailEdition.read(fromSite: site, date: SessionDate("2026-01-14")).fromHeader == "The Desk <desk@desk.example.com>")
        #expect(throws: UnsendableEmailEdition(
            message: "the edition's sender is the placeholder '=?utf-8?q?The_Small-Cap_Desk?= <newsletter@example.invalid>'; no reader's server would accept it",
            hint: "set email.from in marketnote.yml (\"Desk name <desk@your-domain>\"), then marketnote build --date 2026-01-15")) {
            try BuiltEmailEdition.read(fromSite: site, date: nil)
        }
    }
}
