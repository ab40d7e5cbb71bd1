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

    /// 200 random builds over 120 weekdays: what each writes and what its old site keeps (random
    /// ascending subsets), for the neighbour searches to be checked against their definitions.
    static func randomBuilds(seed: UInt64) -> (weekdays: [SessionDate], builds: [(dates: [SessionDate], kept: [SessionDate], manifest: SiteManifest)]) {
        var random = RandomMarket(seed: seed)
        let weekdays = RandomMarket.weekdays(120)
        let builds = (0..<200).map { _ in
            let dates = weekdays.filter { _ in random.int(0...3) == 0 }
            let kept = weekdays.filter { day in !dates.contains(day) && random.int(0...2) == 0 }
            return (dates, kept, SiteManifest(notes: kept.map { SiteFixtures.entry($0.description) }))
        }
        return (weekdays, builds)
    }

    @Test func thePreviousNoteIsTheLatestEarlierOneOfTheBuildOrTheOldSite() {
        let (weekdays, builds) = Self.randomBuilds(seed: 11)
        for (dates, _, manifest) in builds {
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

/// Each note links to the one after it on the new site, as to the one before.
@Suite struct NextNoteTests {
    @Test func theNextNoteIsTheEarliestLaterOneOfTheBuildOrTheOldSite() {
        let (weekdays, builds) = PreviousNoteTests.randomBuilds(seed: 12)
        for (dates, kept, manifest) in builds {
            for date in weekdays {
                let reference = [dates.first { $0 > date }, kept.first { $0 > date }].compactMap { $0 }.min()
                let next = BuildPipeline.nextEntry(after: date, dates: dates, manifest: manifest)
                #expect(next?.date == reference, "\(date)")
                #expect(next.map { $0.path == NotePaths.notePath($0.date) } ?? true)
            }
        }
    }

    /// The notes written again beside new ones: the closest published note on each side of a date
    /// new to the site, unless a date of the build comes between, and only a session of the data.
    @Test func theNeighboursOfNewDatesAreWrittenAgain() {
        var random = RandomMarket(seed: 13)
        let weekdays = RandomMarket.weekdays(80)
        for _ in 0..<200 {
            let published = weekdays.filter { _ in random.int(0...1) == 0 }
            let dates = weekdays.filter { _ in random.int(0...4) == 0 }
            let sessions = weekdays.filter { _ in random.int(0...5) != 0 }
            let site = SiteManifest(notes: published.map { SiteFixtures.entry($0.description) })
            // The definition: a published note not built whose neighbour on the new site is new.
            let all = Array(Set(published + dates)).sorted()
            var expected = Set(dates)
            for (index, date) in all.enumerated() where !dates.contains(date) && sessions.contains(date) {
                let neighbours = [index > 0 ? all[index - 1] : nil, index + 1 < all.count ? all[index + 1] : nil].compactMap { $0 }
                if neighbours.contains(where: { dates.contains($0) && !published.contains($0) }) { expected.insert(date) }
            }
            #expect(BuildPipeline.withNeighbours(dates, site: site, sessions: sessions) == expected.sorted())
        }
    }
}
