import Foundation
import MarketData
import TestSupport
import Testing
@testable import Publishing

/// A close at least twice or at most half the one before, on a session being built, is named at
/// its row: a row typed with its decimal point one place off would otherwise headline the note as
/// "Small caps drop 89.9%, the most since the data began in 2000".
@Suite struct ImplausibleMovesTests {
    /// The sample's IWM row of 2026-01-15 (line 6449) with every price a tenth of what it was.
    static func shiftDecimalPoint(_ sandbox: ProjectSandbox) throws {
        try sandbox.apply(.edit("content/data/IWM.csv") { text in
            text.replacingOccurrences(of: "\n2026-01-15,262.40,264.52,261.99,263.89,263.89,", with: "\n2026-01-15,26.240,26.452,26.199,26.389,26.389,")
        })
    }

    private func build(_ sandbox: ProjectSandbox, _ dates: DateSelection = .latest) throws -> BuildSummary {
        try BuildPipeline(options: BuildOptions(projectRoot: sandbox.project, outputPath: sandbox.output, dates: dates)).run()
    }

    @Test func aRowTypedATenthOfItsValueIsNamedAtItsLine() throws {
        let sandbox = try ProjectSandbox()
        #expect(try build(sandbox).warnings.isEmpty)
        try Self.shiftDecimalPoint(sandbox)
        let warnings = try build(sandbox).warnings
        #expect(warnings.map(\.location) == [SourceLocation(path: "content/data/IWM.csv", line: 6449)])
        #expect(warnings.first?.message == "IWM closed at 26.39 on 2026-01-15, down 89.9% from 261.95 the session before; "
            + "the note reports it as the day's move")
    }

    /// A daily build checks its own session, not the years before it: a move that an editor has
    /// seen and kept is not reported every morning.
    @Test func onlyTheSessionsBeingBuiltAreChecked() throws {
        let sandbox = try ProjectSandbox()
        try Self.shiftDecimalPoint(sandbox)
        #expect(try build(sandbox, .single(SessionDate("2026-01-14")!)).warnings.isEmpty)
        #expect(try build(sandbox, .range(from: SessionDate("2026-01-02"), to: SessionDate("2026-01-15"))).warnings.count == 1)
    }

    /// An editor back after a few days drops in their rows and builds the newest note: a row typed
    /// a tenth of its value two sessions before it published "stands 89.8% below its record close"
    /// without a word. Rows no published note covered are checked; once published, not again.
    @Test func rowsAddedSinceTheNewestPublishedNoteAreChecked() throws {
        let sandbox = try ProjectSandbox()
        #expect(try build(sandbox, .single(SessionDate("2026-01-12")!)).warnings.isEmpty)
        try sandbox.apply(.edit("content/data/IWM.csv") { text in
            text.replacingOccurrences(of: "\n2026-01-13,257.34,261.34,256.56,260.17,260.17,", with: "\n2026-01-13,25.734,26.134,25.656,26.017,26.017,")
        })
        let warnings = try build(sandbox).warnings
        #expect(warnings.map(\.location) == [SourceLocation(path: "content/data/IWM.csv", line: 6448)])
        #expect(warnings.first?.message == "IWM closed at 261.95 on 2026-01-14, up 906.8% from 26.02 the session before "
            + "(and 1 other move as large); the note reports it as the day's move")
        #expect(try build(sandbox).warnings.isEmpty)
    }

    /// From the data's first session on a site without notes, else after the newest note, and never after the first built.
    @Test func checkingStartsAfterTheNewestPublishedNote() throws {
        let sessions = ["2026-01-12", "2026-01-13", "2026-01-14"].compactMap(SessionDate.init)
        let note = { (date: String) in SiteManifest.Entry.written(SessionDate(date)!) }
        #expect(ImplausibleMoves.firstUnchecked(sessions, published: SiteManifest(notes: []), first: sessions[2]) == sessions[0])
        #expect(ImplausibleMoves.firstUnchecked(sessions, published: SiteManifest(notes: [note("2026-01-12")]), first: sessions[2]) == sessions[1])
        #expect(ImplausibleMoves.firstUnchecked(sessions, published: SiteManifest(notes: [note("2026-01-14")]), first: sessions[2]) == sessions[2])
        #expect(ImplausibleMoves.firstUnchecked(sessions, published: SiteManifest(notes: [note("2026-01-14")]), first: sessions[0]) == sessions[0])
    }

    /// `build --strict && send` never mails the note of a build with doubts: its warnings are
    /// errors, and the site stays as it was.
    @Test func aStrictBuildWithAWarningPublishesNothing() throws {
        let sandbox = try ProjectSandbox()
        let strict = BuildOptions(projectRoot: sandbox.project, outputPath: sandbox.output, strict: true)
        #expect(try BuildPipeline(options: strict).run().warnings.isEmpty)
        let before = try String(contentsOfFile: sandbox.output + "/email/2026-01-15.md", encoding: .utf8)
        try Self.shiftDecimalPoint(sandbox)
        #expect {
            try BuildPipeline(options: strict).run()
        } throws: { error in
            let report = error as? DiagnosticReport
            return report?.diagnostics.map(\.severity) == [.error]
                && report?.diagnostics.first?.hint?.hasSuffix("--strict makes every warning an error") == true
        }
        #expect(try String(contentsOfFile: sandbox.output + "/email/2026-01-15.md", encoding: .utf8) == before)
    }

    @Test func twiceOrHalfTheCloseBeforeIsTheThreshold() {
        #expect(ImplausibleMoves.isImplausible(2.0) && ImplausibleMoves.isImplausible(0.5) && ImplausibleMoves.isImplausible(10))
        #expect(!ImplausibleMoves.isImplausible(1.99) && !ImplausibleMoves.isImplausible(0.51) && !ImplausibleMoves.isImplausible(0.795))
        #expect(ImplausibleMoves.change(0.1) == "down 90.0% from" && ImplausibleMoves.change(2) == "up 100.0% from")
    }
}
