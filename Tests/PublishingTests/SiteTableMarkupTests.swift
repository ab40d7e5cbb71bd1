import Testing
import Newsletter
@testable import Publishing

@Suite struct SiteTableMarkupTests {
    static func html(_ markdown: String) -> String { TableMarkup.enhance(MarkdownRenderer().html(markdown)).text }

    static let returns = """
        ## Performance

        | Series | 1D | YTD |
        | :--- | ---: | ---: |
        | IWM | +0.7% | 0.0% |
        | SPY | \u{2212}0.1% | +1.5% |
        """

    @Test func captionComesFromATableParagraphBeforeTheTable() {
        let page = Self.html("## The session\n\nTable: What followed the 3 earlier runs\n\n| Date | 21D |\n| :--- | ---: |\n| Jan 2 | +1.0% |")
        #expect(page.contains("<caption id=\"table-1-caption\">What followed the 3 earlier runs</caption>"))
        #expect(!page.contains("<p>Table:"))
    }

    /// Made from the heading, it is for screen readers: on screen it would repeat the heading.
    @Test func captionFallsBackToTheSectionHeadingAndFirstColumnHiddenOnScreen() {
        #expect(Self.html(Self.returns).contains("<caption id=\"table-1-caption\" class=\"visually-hidden\">Performance, by series</caption>"))
    }

    @Test func captionUsesTheNearestHeadingBeforeTheTable() {
        let page = Self.html("## Performance\n\nText.\n\n### Breadth\n\n| Signal date | 21D |\n| :--- | ---: |\n| Jan 2 | +1.0% |")
        #expect(page.contains("<caption id=\"table-1-caption\" class=\"visually-hidden\">Breadth, by signal date</caption>"))
    }

    @Test func captionKeepsTheCapitalsOfAnAcronym() {
        let page = Self.html("| IWM | SPY |\n| ---: | ---: |\n| +1.0% | +2.0% |")
        #expect(page.contains("<caption id=\"table-1-caption\" class=\"visually-hidden\">IWM</caption>"))
    }

    @Test func everyTableGetsItsOwnCaption() {
        let page = Self.html(Self.returns + "\n\n## Breadth\n\n| Signal date | 21D |\n| :--- | ---: |\n| Jan 2 | +1.0% |")
        #expect(SiteFixtures.count("<caption", in: page) == 2)
        // Each caption has its own id, which names its scrolling region.
        #expect(page.contains("<caption id=\"table-2-caption\" class=\"visually-hidden\">Breadth, by signal date</caption>"))
        #expect(page.contains("aria-labelledby=\"table-1-caption\"") && page.contains("aria-labelledby=\"table-2-caption\""))
    }

    @Test func headerCellsGetScopesAndEachRowStartsWithARowHeader() {
        let page = Self.html(Self.returns)
        #expect(page.contains("<th scope=\"col\" style=\"text-align: left\">Series</th>"))
        #expect(page.contains("<th scope=\"row\" style=\"text-align: left\">IWM</th>"))
        #expect(page.contains("<th scope=\"row\" style=\"text-align: left\">SPY</th>"))
        #expect(!page.contains("<td style=\"text-align: left\">"))
    }

    @Test func signedNumbersAreMarkedAsGainsAndLossesAndZeroIsNeither() {
        let page = Self.html(Self.returns)
        #expect(page.contains("<td class=\"gain\" style=\"text-align: right\">+0.7%</td>"))
        #expect(page.contains("<td class=\"loss\" style=\"text-align: right\">\u{2212}0.1%</td>"))
        #expect(page.contains("<td style=\"text-align: right\">0.0%</td>"))
    }

    @Test func aSignBeforeWordsIsNotAGain() {
        let page = Self.html("| A | B |\n| :--- | :--- |\n| x | + more |")
        #expect(!page.contains("class=\"gain\""))
    }

    @Test func wideTableScrollsInAFocusableRegionNamedByItsCaption() {
        let page = Self.html(Self.returns)
        // The region is named by its caption, not by a copy of the caption's text.
        #expect(page.contains("<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-labelledby=\"table-1-caption\">\n<table>\n"
            + "<caption id=\"table-1-caption\" class=\"visually-hidden\">Performance, by series</caption>"))
        #expect(page.contains("</table>\n</div>"))
    }

    @Test func textWithoutTablesIsUnchanged() {
        let fragment = "<h2>Performance</h2>\n<p>No table.</p>\n"
        #expect(TableMarkup.enhance(MarkupBytes(fragment)).text == fragment)
    }
}
