import ArgumentParser
import Foundation
import MarketData
import Publishing

/// `marketnote templates`: lists the shipped templates, or copies some into the project to edit.
struct TemplatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "templates",
        abstract: "List the shipped templates, or copy some into the project's templates/ folder to edit.",
        discussion: "A project uses the shipped template for every file its templates/ folder does not have. "
            + "Copy only the files you want to change (e.g. `marketnote templates phrases.yml`): the others then keep "
            + "following marketnote's updates. Delete a copied file to go back to the shipped one.")

    @OptionGroup var projectOptions: ProjectOptions

    @Argument(help: "Templates to copy into templates/ (e.g. phrases.yml style.css), or 'all'.")
    var files: [String] = []

    @Flag(help: "Replace a file the project's templates/ folder already has.")
    var force = false

    func run() throws {
        guard !files.isEmpty else {
            let listing = TemplateCopies.listing(projectRoot: projectOptions.root)
            let width = listing.map(\.name.count).max() ?? 0
            Terminal.out("Shipped templates (copy one to edit it: marketnote templates NAME):")
            for entry in listing {
                let name = entry.name.padding(toLength: width, withPad: " ", startingAt: 0)
                Terminal.out("  \(name)  \(entry.description)" + (entry.overridden ? " [the project has its own]" : ""))
            }
            return
        }
        for path in try TemplateCopies.copy(files, into: projectOptions.root, replacing: force) {
            Terminal.out("wrote \(path): the shipped template, to edit; delete it to go back to the shipped one")
        }
    }
}
