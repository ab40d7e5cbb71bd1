import ArgumentParser
import Foundation
import MarketData
import Publishing

/// `marketnote send`: delivers a built email edition (`email/DATE.eml`) to an SMTP server.
struct SendCommand: ParsableCommand, LeavesUndone {
    var undone: String { "nothing was sent" }

    static let configuration = CommandConfiguration(
        commandName: "send",
        abstract: "Send the email edition of a note (email/DATE.eml, written by build) to an SMTP server.",
        discussion: """
            The message is sent exactly as built, over plain TCP: EHLO, MAIL FROM, RCPT TO for each --to, \
            DATA, QUIT. There is no STARTTLS and no AUTH: use a relay that accepts mail from this machine \
            (a local Postfix or an SSH tunnel, say). The To header of the message stays as built \
            (undisclosed-recipients); --to names the envelope recipients.
            """)

    @OptionGroup var projectOptions: ProjectOptions

    @Option(help: "The note's session (YYYY-MM-DD; default: the latest email edition in the output folder).")
    var date: DateArgument?

    @Option(help: ArgumentHelp("The SMTP server.", valueName: "host:port"))
    var smtp: SMTPEndpoint

    @Option(help: ArgumentHelp("The envelope sender (MAIL FROM).", valueName: "address"))
    var from: String

    @Option(help: ArgumentHelp("An envelope recipient (RCPT TO); repeat for more.", valueName: "address"))
    var to: [String] = []

    @Option(help: "Output folder holding email/ (default: the config's `output`, normally output/).")
    var output: String?

    @Option(help: "Seconds to wait for the server at each step.")
    var timeout: Int = 30

    func validate() throws {
        if to.isEmpty { throw ValidationError("name at least one recipient with --to") }
        if timeout < 1 { throw ValidationError("--timeout must be at least 1 second") }
        for address in [from] + to where Mailbox(parsing: address) == nil {
            throw ValidationError("'\(address)' is not an email address")
        }
    }

    @Flag(help: "Send the edition even to recipients it was sent to before (sends are logged in .output.sent beside output/).")
    var again = false

    func run() throws {
        let folder = try outputFolder()
        let edition = try BuiltEmailEdition.read(fromSite: folder, date: date?.date)
        let recipients = to.map(address)
        let log = SentLog(outputPath: folder)
        try log.locked {
            switch again ? .send : log.verdict(edition.date, to: recipients, dateAsked: date != nil) {
            case .send: break
            case .nothingNew(let sentAt):
                Terminal.out("nothing sent: the newest edition, \(edition.date), went to \(recipients.count == 1 ? "that recipient" : "those recipients") at \(sentAt)")
                return
            case .alreadySent(let reached, let sentAt):
                throw UnsendableEmailEdition(message: "the edition of \(edition.date) was sent to \(reached.joined(separator: ", ")) before (last at \(sentAt))",
                                             hint: "leave them out of --to, or send it to every --to once more with --again")
            }
            try SMTPClient(endpoint: smtp, timeoutSeconds: timeout).send(edition.bytes, from: address(from), to: recipients)
            do throws(SiteWriteError) {
                try log.record(edition.date, to: recipients, at: Date())
            } catch {
                Terminal.err("warning: sent, but not logged in \(error.path): \(error.reason); a later send will not know it went out\n")
            }
            Terminal.out("sent \(edition.path) (\(edition.bytes.count) bytes) to \(to.count) recipient\(to.count == 1 ? "" : "s") via \(smtp)")
        }
    }

    /// The bare address of a `Name <address>` argument (validated above).
    private func address(_ argument: String) -> String {
        Mailbox(parsing: argument)?.address ?? argument
    }

    private func outputFolder() throws -> String {
        if let output { return FilePath.fromCommandLine(output) }
        return FilePath.resolve(try ProjectLoader(root: projectOptions.root).loadConfig().outputDirectory, in: projectOptions.root)
    }
}

/// `--smtp host:port`.
extension SMTPEndpoint: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(parsing: argument)
    }

    public static var defaultCompletionKind: CompletionKind { .default }
}
