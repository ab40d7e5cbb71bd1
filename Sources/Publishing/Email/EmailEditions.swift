import Foundation
import MarketData
import Newsletter

/// The email editions of a note, below `email/`:
/// - `DATE.md`: the email Markdown, front matter (subject, preheader) and a body whose links are
///   all absolute, with no image and no raw HTML;
/// - `DATE.html`: that body as an HTML email, styles inlined (`templates/email.html`);
/// - `DATE.eml`: a multipart/alternative message holding both, ready for `marketnote send`.
public struct EmailEditions: Sendable {
    public let config: ProjectConfig
    public let templates: TemplateLibrary
    private let htmlRenderer: EmailHTMLRenderer
    /// `email.from`; a value that is not an address (`validate` reports it) falls back to an
    /// address at the site's host, so the message stays well-formed.
    let sender: Mailbox
    /// The base URL's host, when it can be the right side of a Message-ID.
    let messageIDDomain: String
    /// Messages are dated at the note's date, 22:00 +0000: after the close.
    static let sendTime = SendTime()

    public init(config: ProjectConfig, templates: TemplateLibrary? = nil) {
        self.config = config
        self.templates = templates ?? Self.defaultTemplates
        htmlRenderer = EmailHTMLRenderer(config: config, templates: self.templates)
        let host = URL(string: config.baseURL)?.host?.lowercased() ?? ""
        let domain = Mailbox.isAddress("note@" + host) ? host : "marketnote.invalid"
        messageIDDomain = domain
        sender = Mailbox(parsing: config.email.from) ?? Mailbox(displayName: config.title, address: "newsletter@\(domain)")
    }

    /// The shipped templates, for callers that do not pass the project's.
    private static let defaultTemplates: TemplateLibrary = {
        do {
            return try TemplateLibrary(directory: nil)
        } catch {
            preconditionFailure("the shipped templates do not parse: \(error)")
        }
    }()

    /// The dates of the editions in the site at `sitePath` (`email/DATE.eml`).
    public static func publishedDates(inSite sitePath: String) throws(FolderEntries.Unreadable) -> Set<SessionDate> {
        Set((try FolderEntries.read(sitePath + "/email") ?? []).compactMap { entry in
            entry.name.hasSuffix(".eml") ? SessionDate(String(entry.name.dropLast(4))) : nil
        })
    }

    /// The three files of a note composed with its email edition.
    public func files(for note: NoteDocument) -> [OutputFile] {
        guard let emailMarkdown = note.emailMarkdown else { preconditionFailure("\(note.date) was composed without its email edition") }
        return files(date: note.date, emailMarkdown: emailMarkdown, title: note.title, summary: note.summary)
    }

    /// The three files of the note of `date`; `title` (with the configured subject prefix) and
    /// `summary` stand in for a subject and a preheader that the front matter leaves out (an
    /// `email.md` of the project's own without them had lost the prefix).
    func files(date: SessionDate, emailMarkdown: String, title: String, summary: String) -> [OutputFile] {
        let notePath = NotePaths.notePath(date)
        let links = LinkResolver(baseURL: config.baseURL, pagePath: notePath)
        let email = EmailMarkdown(emailMarkdown, links: links)
        let subject = email.frontMatter.subject ?? config.email.subject(for: title)
        let preheader = email.frontMatter.preheader ?? summary
        let html = htmlRenderer.render(email, subject: subject, preheader: preheader, date: date, noteURL: config.baseURL + notePath)
        let base = NotePaths.emailBase(date)
        return [
            OutputFile(path: base + ".md", text: email.text),
            OutputFile(path: base + ".html", text: html),
            OutputFile(path: base + ".eml", text: message(date: date, subject: subject, text: email.body, html: html).rendered),
        ]
    }

    func message(date: SessionDate, subject: String, text: String, html: String) -> EmailMessage {
        EmailMessage(
            from: sender, to: [], subject: subject, date: Self.sendTime.headerValue(on: date),
            messageID: Self.messageID(date: date, subject: subject, text: text, html: html, domain: messageIDDomain),
            boundary: "=_marketnote_\(date)", text: text, html: html, unsubscribe: UnsubscribeLinks(config.email.unsubscribe))
    }

    /// `DATE.DIGEST.note@HOST`: the digest of what the message says makes a corrected edition a
    /// new message. With the date alone, an edition sent again with `--again` after a correction
    /// had the first one's Message-ID, and Gmail drops a message whose Message-ID it has seen; an
    /// unchanged edition keeps its ID, so a repeated send is still recognised as one.
    static func messageID(date: SessionDate, subject: String, text: String, html: String, domain: String) -> String {
        var digest = InputDigest()
        for part in [subject, text, html] { digest.add(part) }
        return "\(date).\(Hex.padded(digest.value)).note@\(domain)"
    }

    /// Problems in the email settings of a config, for the config reader to report with its own.
    public static func validate(_ config: ProjectConfig) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        if Mailbox(parsing: config.email.from) == nil {
            problems.append(.error(at: config.location(of: "email.from"), "email.from '\(config.email.from)' is not an email address",
                                   hint: "write it as `Name <address@example.com>` or `address@example.com`"))
        }
        for url in config.email.unsubscribe {
            if let problem = UnsubscribeLinks.problem(url) {
                problems.append(.error(at: config.location(of: "email.unsubscribe"), problem.message, hint: problem.hint))
            }
        }
        return problems
    }
}
