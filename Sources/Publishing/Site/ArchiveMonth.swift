import MarketData
import Newsletter

/// The notes of one calendar month: a page of the archive and a document of the archived feed.
struct ArchiveMonth: Sendable {
    /// The first day of the month.
    let start: SessionDate
    /// Oldest first.
    let notes: [SiteManifest.Entry]
    /// A digest of the notes (date, title, summary, path): what the month's archive page and
    /// feed document show of them, computed once for both.
    let notesDigest: UInt64

    /// The month that contains `date`, with the given notes of it.
    init(containing date: SessionDate, notes: [SiteManifest.Entry] = []) {
        start = SessionDate(year: date.year, month: date.month, day: 1)!
        self.notes = notes
        var digest = InputDigest()
        for note in notes {
            digest.add(note.date)
            digest.add(note.title)
            digest.add(note.summary)
            digest.add(note.path)
        }
        notesDigest = digest.value
    }

    /// The months that have notes, oldest first, from notes sorted by date. A month ends where
    /// a note reaches the next one's first day (by day number: through the notes' years and
    /// months, two calendar conversions a note).
    static func grouping(_ notes: [SiteManifest.Entry]) -> [ArchiveMonth] {
        var months: [ArchiveMonth] = []
        var first = notes.startIndex
        while first < notes.endIndex {
            let month = ArchiveMonth(containing: notes[first].date)
            let next = month.start.startOfNextMonth
            let end = notes[first...].firstIndex { note in next.map { note.date >= $0 } ?? false } ?? notes.endIndex
            months.append(ArchiveMonth(containing: month.start, notes: Array(notes[first..<end])))
            first = end
        }
        return months
    }

    /// `2026-01`: the month in ISO 8601, for `<time datetime>` and file names.
    var id: String { String(start.description.prefix(7)) }

    /// `archive/2026/01/`.
    var path: SitePath { SitePath(SiteLayout.archiveFolder + "\(id.prefix(4))/\(id.suffix(2))/") }

    /// "January 2026".
    var name: String { NumberStyle.monthYear(start) }

    /// "January": the name without its year, for a page that lists months under their year.
    var monthName: String { NumberStyle.monthNames[start.month - 1] }
}
