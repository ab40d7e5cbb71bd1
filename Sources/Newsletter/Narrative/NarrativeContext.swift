import Foundation
import Analytics
import MarketData

/// What every statement builder needs: the facts, the wording, and the ledger of printed figures.
struct NarrativeContext {
    let facts: NoteFacts
    let phrases: Phrasebook
    let figures: FigureLedger
    /// Each configured series' names, made once for a build (`NarrativeWriter`).
    let seriesNames: [String: SeriesNames]

    /// How phrases may name `series`: made once for a build, since every note names every
    /// series (perf: with the flat phrases below and the price parser's mends, this took a
    /// 139-note build from 852 M to 833 M instructions; BENCHMARKS.md).
    func names(_ series: SeriesFacts) -> SeriesNames {
        seriesNames[series.symbol] ?? SeriesNames(series)
    }
    /// Chooses among phrase alternatives: the count of weekdays up to the note's date, so output
    /// is deterministic and consecutive sessions differ (by day number, a Monday took Friday's
    /// wording of three).
    var variant: Int {
        let weeks = Self.week(of: facts.date)
        return weeks * 5 + min(Int(facts.date.dayNumber) + 3 - weeks * 7, 5)
    }

    /// The calendar week (Monday to Sunday) of `date`, counted from the week of 1970-01-01.
    static func week(of date: SessionDate) -> Int {
        let sinceMonday = Int(date.dayNumber) + 3 // 1970-01-01 was a Thursday
        return sinceMonday >= 0 ? sinceMonday / 7 : (sinceMonday - 6) / 7
    }

    /// The note is its week's first: the session before it fell in an earlier calendar week.
    var opensWeek: Bool {
        previousSession.map { Self.week(of: $0) < Self.week(of: facts.date) } ?? true
    }

    /// Renders a phrase with values escaped for Markdown.
    func sentence(_ key: String, _ values: [String: String]) -> Sentence {
        sentence(key, markdown: values.mapValues(MarkdownEscaping.text))
    }

    /// Renders a phrase whose values are Markdown already (escaped, or phrases rendered as the
    /// items of a list); the plain form undoes the escapes (phrases themselves hold no
    /// backslashes), which is cheaper than rendering twice.
    func sentence(_ key: String, markdown values: [String: String]) -> Sentence {
        let markdown = phrases.render(key, values, variant: variant)
        return Sentence(markdown: markdown, plain: markdown.replacingBackslashEscapes())
    }

    func headline(_ key: String, _ values: [String: String]) -> String {
        phrases.render(key, values, variant: variant)
    }

    /// `returns.asOf` with the date of a series' last close when its file stops short of the note's
    /// session (" (as of Dec. 21)", for "IXIC (as of Dec. 21) is down 8.3%"); empty when it has the
    /// session. A value rather than a section, so the phrases that hold it stay flat (a section
    /// sends each of them, three or six a note, through the compiled template).
    func asOf(_ series: SeriesFacts) -> String {
        guard series.sessionDate != facts.date else { return "" }
        let date = figures.date(series.sessionDate, "series.\(series.symbol).sessionDate", style: NumberStyle.shortDate)
        return phrases.render("returns.asOf", ["date": MarkdownEscaping.text(date)], variant: variant)
    }

    /// Verb endings that agree with a subject: `{{Short}} extend{{s}} {{their}} run`.
    static func agreement(plural: Bool) -> [String: String] {
        ["s": plural ? "" : "s", "es": plural ? "" : "es", "have": plural ? "have" : "has",
         "their": plural ? "their" : "its", "are": plural ? "are" : "is", "possessive": plural ? "'" : "'s"]
    }

    /// "once", "twice", "three times", "12 times".
    static func times(_ count: Int) -> String {
        switch count {
        case 1: return "once"
        case 2: return "twice"
        default: return NumberStyle.proseCount(count) + " times"
        }
    }

    /// Claims about the whole of a series' history (a record, "no earlier run was that long") wait
    /// for a year of data, as 52-week highs and lows do: in a fund's first weeks every rally is a
    /// "record" and every streak the longest.
    static let minimumHistoryYears = 1.0

    static func hasHistory(since start: SessionDate, on date: SessionDate) -> Bool {
        start.years(until: date) >= minimumHistoryYears
    }

    /// "The last time" is news when that run ended half a year or more before this one began;
    /// "the longest since last month" is not.
    static func isNews(lastTime: RunFacts, before start: SessionDate?) -> Bool {
        guard let start else { return true }
        return start.dayNumber - lastTime.end.dayNumber >= 182
    }

    /// Flags for the lengths a streak's sentences tell that the data's start cut short, so they
    /// are told as lower bounds ("at least 129 sessions"): `atLeast` for the streak itself,
    /// `lastAtLeast` for its last time.
    static func lowerBounds(_ streak: StreakFacts) -> [String: String] {
        var values: [String: String] = [:]
        if streak.lengthIsMinimum == true { values["atLeast"] = "yes" }
        if streak.lastTime?.lengthIsMinimum == true { values["lastAtLeast"] = "yes" }
        return values
    }

    /// "No earlier run in this data was that long" (phrase `<prefix>.firstEver`), or, when the
    /// data open with a run that may have begun before them and been as long, the phrase that
    /// says so (`<prefix>.firstEverOpening`).
    func firstEver(_ prefix: String, _ streak: StreakFacts, _ values: [String: String]) -> Sentence {
        sentence(prefix + (streak.openingRun == nil ? ".firstEver" : ".firstEverOpening"), values)
    }

    /// "A", "A and B", "A, B and C".
    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " and " + items.last!
        }
    }

    func seriesName(_ symbol: String) -> SeriesFacts? { facts.series(symbol) }

    /// The latest session before the note's in any series (the base of a one-day return).
    var previousSession: SessionDate? {
        facts.series.compactMap { $0.returnBase(.oneDay) }.max()
    }
}

/// A reading that became known weeks ago is context, not news: its score fades with age,
/// by log10(1 + days/30), so a month-old reading loses 0.3 and a quarter-old one 0.6.
enum Staleness {
    /// A reading makes headlines only in the first note that knows it (it became known after
    /// the previous session), so one quarterly number does not headline a week of notes.
    static func isNews(since known: SessionDate, _ context: NarrativeContext) -> Bool {
        guard let previous = context.previousSession else { return true }
        return known > previous
    }

    /// A plain reading (neither new nor notable) is told in the first note that knows it and in
    /// each week's first note: the same quarterly figure had been told word for word every day
    /// (12,572 of 12,774 real notes), and a daily reader learns nothing from the repeat.
    static func tellsPlainReading(since known: SessionDate, _ context: NarrativeContext) -> Bool {
        isNews(since: known, context) || context.opensWeek
    }

    static func penalty(since known: SessionDate, on date: SessionDate) -> Double {
        let days = max(0, Double(date.dayNumber - known.dayNumber))
        return log10(1 + days / 30)
    }
}

extension Statement {
    init(_ section: Section, score: Double, topics: [String], sentences: [Sentence], headline: String?) {
        self.init(section: section, score: score, topics: topics, markdown: sentences.map(\.markdown),
                  plain: sentences.map(\.plain), headline: headline)
    }
}

/// How a phrase may name a series: `{{symbol}}` ("IXIC"), `{{short}}` ("tech stocks") or
/// `{{name}}` ("NASDAQ Composite"), with the verb endings that agree with its short name; plain
/// (for headlines and sentences, which escape their values) and escaped for Markdown (for the
/// items of a list).
struct SeriesNames: Sendable {
    let plain: [String: String]
    let escaped: [String: String]

    init(symbol: String, name: String, shortName: String, plural: Bool) {
        plain = ["symbol": symbol, "short": shortName, "name": name].merging(NarrativeContext.agreement(plural: plural)) { $1 }
        escaped = plain.mapValues(MarkdownEscaping.text)
    }

    init(_ series: SeriesFacts) {
        self.init(symbol: series.symbol, name: series.name, shortName: series.shortName, plural: series.plural)
    }

    init(_ series: SeriesConfig) {
        self.init(symbol: series.symbol, name: series.name, shortName: series.shortName, plural: series.plural)
    }
}
