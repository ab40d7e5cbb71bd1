import Foundation
import MarketData
@testable import Publishing
import Testing
import TestSupport

/// `build --strict && send` runs every morning; on a day without new prices it mailed the day
/// before's edition to every reader again. `send` logs what it sent and sends an edition to an
/// address once, unless told `--again`.
@Suite struct SentLogTests {
    private let day = SessionDate("2026-01-15")!

    private func log() -> SentLog {
        SentLog(outputPath: ScratchFolder.make("sent") + "/output")
    }

    @Test func theLogLivesBesideTheOutputFolderWhereBuildsLeaveItAlone() {
        #expect(SentLog(outputPath: "/srv/site/output").path == "/srv/site/.output.sent")
    }

    @Test func theNewestEditionSentToEveryoneAlreadyIsNothingToDo() throws {
        let log = log()
        #expect(log.verdict(day, to: ["a@example.com"], dateAsked: false) == .send)
        try log.record(day, to: ["A@Example.com", "b@example.com"], at: Date(timeIntervalSince1970: 1_768_514_711))
        #expect(log.verdict(day, to: ["b@example.com", "a@example.com"], dateAsked: false) == .nothingNew(sentAt: "2026-01-15T22:05:11Z"))
        #expect(log.verdict(day, to: ["a@example.com"], dateAsked: false) == .nothingNew(sentAt: "2026-01-15T22:05:11Z"))
        #expect(log.verdict(SessionDate("2026-01-16")!, to: ["a@example.com"], dateAsked: false) == .send)
    }

    @Test func anEditionNamedByDateOrGoingToSomeReadersTwiceIsRefusedNamingThem() throws {
        let log = log()
        try log.record(day, to: ["a@example.com"], at: Date(timeIntervalSince1970: 1_768_514_711))
        try log.record(day, to: ["c@example.com"], at: Date(timeIntervalSince1970: 1_768_518_311))
        #expect(log.verdict(day, to: ["a@example.com"], dateAsked: true) == .alreadySent(recipients: ["a@example.com"], sentAt: "2026-01-15T22:05:11Z"))
        #expect(log.verdict(day, to: ["a@example.com", "b@example.com", "c@example.com"], dateAsked: false)
                == .alreadySent(recipients: ["a@example.com", "c@example.com"], sentAt: "2026-01-15T23:05:11Z"))
        #expect(log.verdict(day, to: ["b@example.com"], dateAsked: true) == .send)
    }

    /// A review: builds publish beside the folder a linked output names, and the log sat beside
    /// the link, so two spellings of one output kept two logs and mailed readers twice.
    @Test func theLogOfALinkedOutputIsBesideTheFolderTheLinkNames() throws {
        let folder = ScratchFolder.make("sent")
        try FileManager.default.createDirectory(atPath: folder + "/www/market", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder + "/output", withDestinationPath: "www/market")
        #expect(SentLog(outputPath: folder + "/output").path == SentLog(outputPath: folder + "/www/market").path)
        #expect(SentLog(outputPath: folder + "/output").path.hasSuffix("/www/.market.sent"))
    }

    /// Two sends at once both found the edition unsent and both mailed it.
    @Test func aSecondSendWhileOneHoldsTheLogIsRefused() throws {
        let log = log()
        var ran = false
        _ = try log.locked {
            #expect(throws: UnsendableEmailEdition.self) { try log.locked { ran = true } }
        }
        #expect(!ran)
        try log.locked { ran = true }
        #expect(ran)
    }

    @Test func aLineEditedOutOfShapeIsSkipped() throws {
        let log = log()
        try Data("not a line\n2026-01-15 2026-01-15T22:05:11Z a@example.com\n".utf8).write(to: URL(fileURLWithPath: log.path))
        #expect(log.entries().map(\.recipients) == [["a@example.com"]])
    }
}
