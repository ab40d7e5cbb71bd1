import Foundation
import Newsletter
import TestSupport
import Testing

@Suite struct DefaultTemplatesTests {
    /// The shipped defaults are the sample project's templates, each listed in Package.swift.
    @Test func embeddedDefaultsMatchTheTemplatesFolder() throws {
        var url = URL(fileURLWithPath: #filePath)
        while !FileManager.default.fileExists(atPath: url.appendingPathComponent("templates").path) { url.deleteLastPathComponent() }
        let folder = url.appendingPathComponent("templates").path
        let names = try #require(FileManager.default.enumerator(atPath: folder)).compactMap { $0 as? String }
            .filter { name in
                var isDirectory: ObjCBool = false
                return FileManager.default.fileExists(atPath: folder + "/" + name, isDirectory: &isDirectory) && !isDirectory.boolValue
                    && name != "README.md" && !name.hasPrefix(".")
            }
        #expect(Set(names) == Set(DefaultTemplates.files.keys), "list every template in Package.swift and DefaultTemplates.swift")
        for name in names {
            #expect(try String(contentsOfFile: folder + "/" + name, encoding: .utf8) == DefaultTemplates.files[name],
                    "\(name) differs from the embedded default")
        }
    }

    /// `marketnote build` and `marketnote facts` both read a project's templates this way, so the
    /// facts command prints the editor's wording (it printed the shipped one).
    @Test func aProjectsTemplatesFolderOverridesTheShippedWordingKeyByKey() throws {
        let root = ScratchFolder.make("templates")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let shipped = try TemplateLibrary(projectRoot: root)
        #expect(shipped.files == DefaultTemplates.files, "no templates folder: the shipped templates")
        try FileManager.default.createDirectory(atPath: root + "/templates", withIntermediateDirectories: true)
        try "record:\n  single: \"{{symbol}} hit a new peak of {{level}}.\"\n"
            .write(toFile: root + "/templates/phrases.yml", atomically: true, encoding: .utf8)
        let edited = try TemplateLibrary(projectRoot: root)
        #expect(edited.phrases.render("record.single", ["symbol": "IWM", "level": "264.52"]) == "IWM hit a new peak of 264.52.")
        #expect(edited.phrases.render("quiet.day", ["list": "IWM rose 0.1%"]) == shipped.phrases.render("quiet.day", ["list": "IWM rose 0.1%"]))
    }

    /// The what-followed phrases read whole with and without `total` (some earlier signals not
    /// measured): no breadth project of the tests' has such a lead, so each is rendered here.
    @Test func whatFollowedPhrasesReadWholeWithAndWithoutUnmeasuredSignals() throws {
        let phrases = try TemplateLibrary(directory: nil).phrases
        let base = ["focus": "small caps", "leader": "IWM", "benchmark": "SPY", "symbol": "IWM", "count": "three",
                    "times": "three times", "hits": "two", "misses": "one", "horizon": "three months", "span": "three months",
                    "median": "4.1%", "first": "+3.0%", "second": "−1.0%", "episodes": "May 2019, May 2021 and May 2023"]
        let measured = base.merging(["total": "five", "totalTimes": "five times"]) { $1 }
        for prefix in ["outcome", "recordOutcome", "breadthOutcome"] {
            for key in ["all", "some", "someMisses", "none", "oneHit", "oneMiss", "twoAll", "twoSome", "twoNone"] {
                for values in [base, measured] {
                    let text = phrases.render(prefix + "." + key, values)
                    #expect(text.first?.isUppercase == true && text.hasSuffix(".") && !text.contains("  ")
                            && !text.contains(" ,") && !text.contains("{{") && !text.contains("in all"), "\(prefix).\(key): \(text)")
                    #expect(text.contains("five") == (values["total"] != nil), "\(prefix).\(key): \(text)")
                }
            }
        }
        #expect(phrases.render("breadthOutcome.all", measured) == "Small caps took the lead five times before, and three of those "
                + "leads (May 2019, May 2021 and May 2023) can be measured over three months without overlap: each time IWM went on to beat SPY over the following "
                + "three months, by a median of 4.1%.")
        #expect(phrases.render("outcome.some", base) == "After two of the three earlier runs, IWM beat SPY over the following "
                + "three months; the median difference was 4.1%.")
        #expect(phrases.render("recordOutcome.oneMiss", measured) == "Of the five earlier record runs of this length, only one "
                + "can be measured over three months without overlap; after it, IWM was lower three months later, by 4.1%.")
        #expect(phrases.render("outcome.someMisses", base) == "After one of the three earlier runs, IWM trailed SPY over the "
                + "following three months; the median difference was 4.1%.")
    }

    @Test func everyPhraseTheWriterUsesExists() throws {
        let library = try TemplateLibrary(directory: nil)
        for key in ["headline.recordStreak", "record.streak", "beat.lastTime", "outcome.all", "breadthOutcome.some",
                    "macro.highestSince", "breadth.newLead", "quiet.day", "section.lead", "headline.closeLowEver",
                    "level.lowestEverGroup", "level.lowestEverItem", "level.yearHighGroup", "level.highestSinceItem"] {
            #expect(library.phrases.has(key), "\(key)")
        }
    }
}
