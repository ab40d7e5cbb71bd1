import Analytics
import Foundation
import MarketData
import Newsletter
@testable import Publishing
import Testing
import TestSupport

/// `facts.json` is written member by member (`JSONObject`); these hold it to what `Encodable`
/// makes of the same document, so a property added to a facts type and not to its writer fails.
@Suite struct FactsJSONTests {
    /// Every 10th note of the sample history, its first five (streaks that open the data) and last
    /// 20, and the sessions after a closure of the market: bull and bear years, records, streaks,
    /// macro and breadth on and off; and a random project's first note, whose breadth opens with a
    /// lead.
    static let documents = Result { () throws -> [FactsDocument] in
        let inputs = try ProjectLoader(root: SampleProject.root).load()
        let analysis = HistoryAnalysis(inputs: inputs)
        let composer = NoteComposer(config: inputs.config, templates: try TemplateLibrary(directory: SampleProject.root + "/templates"))
        let sessions = analysis.sessions
        let dates = stride(from: 0, to: sessions.count, by: 10).map { sessions[$0] } + sessions[1..<5] + sessions.suffix(20)
            + sessions.filter { inputs.config.calendar.sessionBeforeClosure(endingBefore: $0) != nil }
        // The sample's breadth never opens with a lead of its focus group; a random project's does.
        let opening = (1...20 as ClosedRange<UInt64>).lazy.compactMap { seed -> NoteFacts? in
            var market = RandomMarket(seed: seed)
            let random = HistoryAnalysis(inputs: market.project(sessions: 300))
            guard var facts = random.sessions.first.map(random.facts(on:)), facts.breadth.first?.leadLengthIsMinimum == true else { return nil }
            // Its reference date is after the note's (returns not yet known), which the sample has no kind of.
            for index in facts.series.indices { facts.series[index].returnsSince = [] }
            return facts
        }.first
        return dates.map { date in
            FactsDocument(composer.compose(analysis.facts(on: date), quotes: inputs.quotes, commentary: inputs.commentary[date],
                                           withEmail: false))
        } + (opening.map { [FactsDocument(composer.compose($0, quotes: [], commentary: nil, withEmail: false))] } ?? [])
    }

    @Test func everyFactsFileIsWhatEncodableMakesOfItsDocument() throws {
        let documents = try Self.documents.get()
        #expect(documents.count > 600)
        for document in documents {
            let written = String(decoding: document.encoded(), as: UTF8.self)
            #expect(Self.firstDifference(written, try EncodableJSONReference.text(document)) == nil, "\(document.date)")
        }
    }

    /// The first line that differs, rather than two 30 KB texts.
    private static func firstDifference(_ written: String, _ reference: String) -> String? {
        let lines = (written.split(separator: "\n", omittingEmptySubsequences: false),
                     reference.split(separator: "\n", omittingEmptySubsequences: false))
        for index in 0..<max(lines.0.count, lines.1.count) {
            let (a, b) = (lines.0.dropFirst(index).first, lines.1.dropFirst(index).first)
            if a != b { return "line \(index + 1): written \(a.map(String.init) ?? "(end)"), Encodable \(b.map(String.init) ?? "(end)")" }
        }
        return nil
    }

    /// The comparison above only covers a member when some document has it: every optional
    /// member of every facts type is set in at least one of them.
    @Test func theComparedDocumentsSetEveryOptionalMember() throws {
        var optionals = Set<String>(), set = Set<String>()
        func walk(_ value: Any) {
            let mirror = Mirror(reflecting: value)
            for child in mirror.children {
                let inner = Mirror(reflecting: child.value)
                if let label = child.label, inner.displayStyle == .optional {
                    let name = "\(mirror.subjectType).\(label)"
                    optionals.insert(name)
                    if let some = inner.children.first {
                        set.insert(name)
                        walk(some.value)
                    }
                } else {
                    walk(child.value)
                }
            }
        }
        for document in try Self.documents.get() { walk(document) }
        #expect(optionals.count > 15)
        #expect(optionals.subtracting(set).sorted() == [])
    }

    /// The real S&P 500, NASDAQ and GDP history: the 1987 crash, 2008 and a year-end sell-off.
    @Test func theFactsOfRealNotesAreWhatEncodableMakesOfThem() throws {
        let analysis = HistoryAnalysis(inputs: try Fixtures.realProject())
        for date in ["2008-10-15", "2018-12-31", "1987-10-19"] {
            let facts = analysis.facts(on: SessionDate(date)!)
            let written = String(decoding: JSONByteWriter.document(facts), as: UTF8.self)
            #expect(Self.firstDifference(written, try EncodableJSONReference.text(facts)) == nil, "\(date)")
            #expect(try JSONDecoder().decode(NoteFacts.self, from: Data(written.utf8)) == facts, "\(date)")
        }
    }

    @Test func factsReadBackThroughJSONDecoder() throws {
        for document in try Self.documents.get().suffix(20) {
            #expect(try JSONDecoder().decode(NoteFacts.self, from: Data(JSONByteWriter.document(document.facts))) == document.facts)
        }
    }
}
