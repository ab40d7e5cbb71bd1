import MarketData
import Newsletter
import Testing
import TestSupport
@testable import Publishing

/// Each note links to the one before it on the new site: a date this build writes, or a note the
/// old site keeps, whichever is later.
@Suite struct PreviousNoteTests {
    /// The definition, scanning both lists.
    static func reference(before date: SessionDate, dates: [SessionDate], manifest: SiteManifest) -> SessionDate? {
        let built = dates.last { $0 < date }, kept = manifest.notes.last { $0.date < date }?.date
        return [built, kept].compactMap { $0 }.max()
    }

    @Test func thePreviousNoteIsTheLatestEarlierOneOfTheBuildOrTheOldSite() {
        var random = RandomMarket(seed: 11)
        let weekdays = RandomMarket.weekdays(120)
        for _ in 0..<200 {
            // Random ascending subsets: what this build writes, and what the old site keeps.
            let dates = weekdays.filter { _ in random.int(0...3) == 0 }
            let kept = weekdays.filter { day in !dates.contains(day) && random.int(0...2) == 0 }
            let manifest = SiteManifest(notes: kept.map { SiteFixtures.entry($0.description) })
            for date in weekdays {
                let previous = BuildPipeline.previousEntry(before: date, dates: dates, manifest: manifest)
                #expect(previous?.date == Self.reference(before: date, dates: dates, manifest: manifest), "\(date)")
                #expect(previous.map { $0.path == NotePaths.notePath($0.date) } ?? true)
            }
        }
    }

    @Test func theFirstNoteHasNoneAndAnEmptySiteKeepsNone() {
        let dates = RandomMarket.weekdays(3)
        #expect(BuildPipeline.previousEntry(before: dates[0], dates: dates, manifest: SiteManifest(notes: [])) == nil)
        #expect(BuildPipeline.previousEntry(before: dates[2], dates: [], manifest: SiteManifest(notes: [])) == nil)
        #expect(BuildPipeline.previousEntry(before: dates[2], dates: dates, manifest: SiteManifest(notes: []))?.date == dates[1])
    }
}
