import MarketData
import Newsletter

/// The archive: `archive/index.html` lists every month that has notes, by year, newest year
/// first; `archive/YYYY/MM/index.html` lists a month's notes in order, with links to the months
/// before and after. Both come from `archive.html`, which shows `index` or `month`.
struct ArchivePages {
    let renderer: SiteRenderer
    /// Oldest first.
    let months: [ArchiveMonth]

    static let indexPath = SitePath(SiteLayout.archiveFolder)

    /// The index, rendered every time, and a page per month with the digest of what it shows.
    func pages(_ fingerprint: InputDigest) -> [PlannedPage] {
        guard !months.isEmpty else { return [] }
        return [PlannedPage(always: indexPage())] + months.indices.map { position in
            PlannedPage(path: months[position].path.folder + "index.html",
                        inputs: fingerprint.month("archive month", of: months, at: position)) { monthPage(position) }
        }
    }

    private func indexPage() -> OutputFile {
        // Numbers as text: the template prints them, and an Int takes swift-mustache's way
        // through `String(describing:)` and its casts (the index of 829 months: 52.6 M
        // instructions with Ints, 40.0 M with text, callgrind).
        let years = Dictionary(grouping: months, by: \.start.year).sorted { $0.key > $1.key }.map { year, months -> TemplateObject in
            let entries = months.map { month -> TemplateObject in
                [.href: .text(month.path.href(from: Self.indexPath)), .monthName: .text(month.monthName), .id: .text(month.id),
                 .monthShort: .text(String(month.monthName.prefix(3))), .column: .text(String(month.start.month)),
                 .count: .text(NumberStyle.count(month.notes.count, "note"))]
            }
            return [.year: .text(String(year)), .months: .objects(entries)]
        }
        let first = months[0].notes[0], last = months[months.count - 1].notes.last!
        let index: TemplateObject = [.years: .objects(years), .from: .text(NumberStyle.longDate(first.date)),
                                     .to: .text(NumberStyle.longDate(last.date))]
        return page(Self.indexPath, title: "Archive", description: "Every note of \(renderer.config.title), by month.",
                    context: [.index: .object(index)])
    }

    private func monthPage(_ position: Int) -> OutputFile {
        let month = months[position]
        var context: TemplateObject = [
            .name: .text(month.name), .id: .text(month.id), .count: .text(NumberStyle.count(month.notes.count, "note")),
            .notes: .objects(month.notes.map { renderer.listItem($0, from: month.path) }),
            .archiveHref: .text(Self.indexPath.href(from: month.path)),
        ]
        if position > 0 { context[.previous] = .object(neighbour(months[position - 1], from: month.path)) }
        if position + 1 < months.count { context[.next] = .object(neighbour(months[position + 1], from: month.path)) }
        context[.hasNeighbours] = .flag(months.count > 1)
        return page(month.path, title: month.name, description: "\(renderer.config.title): the notes of \(month.name).",
                    context: [.month: .object(context)])
    }

    private func neighbour(_ month: ArchiveMonth, from page: SitePath) -> TemplateObject {
        [.href: .text(month.path.href(from: page)), .name: .text(month.name)]
    }

    private func page(_ path: SitePath, title: String, description: String, context: TemplateObject) -> OutputFile {
        let html = renderer.layout(content: renderer.templates.renderedMarkup("archive.html", context),
                                   title: "\(title) · \(renderer.config.title)", description: description,
                                   page: path, type: "website")
        return OutputFile(path: path.folder + "index.html", bytes: html)
    }
}
