import MarketData
import Newsletter

/// The notes of one calendar month: a page of the archive and a document of the archived feed.
struct ArchiveMonth: Sendable {
    /// The first day of the month.
    let start: SessionDate
    /// Oldest first.
    let notes: [SiteManifest.Entry]

    /// The month that contains `date`, with the given notes of it.
    init(containing date: SessionDate, notes: [SiteManifest.Entry] = []) {
        start = SessionDate(year: date.year, month: date.month, day: 1)!
        self.notes = notes
    }

    /// The months that have notes, oldest first, from notes sorted by date.
    static func grouping(_ notes: [SiteManifest.Entry]) -> [ArchiveMonth] {
        var months: [ArchiveMonth] = []
        var first = notes.startIndex
        while first < notes.endIndex {
            let month = ArchiveMonth(containing: notes[first].date)
            let end = notes[first...].firstIndex { !month.contains($0.date) } ?? notes.endIndex
            months.append(ArchiveMonth(containing: month.start, notes: Array(notes[first..<end])))
            first = end
        }
        return months
    }

    func contains(_ date: SessionDate) -> Bool { date.year == start.year && date.month == start.month }

    /// `2026-01`: the month in ISO 8601, for `<time datetime>` and file names.
    var id: String { String(start.description.prefix(7)) }

    /// `archive/2026/01/`.
    var path: SitePath { SitePath("archive/\(id.prefix(4))/\(id.suffix(2))/") }

    /// "January 2026".
    var name: String { NumberStyle.monthYear(start) }

    /// "January": the name without its year, for a page that lists months under their year.
    var monthName: String { NumberStyle.monthNames[start.month - 1] }
}
