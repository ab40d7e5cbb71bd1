@testable import Newsletter
import Testing

/// The editor's commentary sits under the note's "From the editor" (h2): its headings move below
/// it without skipping a level, whatever level the editor started from.
@Suite struct CommentaryMarkdownTests {
    @Test func anOutlineFromTwoHashesStartsAtH3AndKeepsItsSteps() {
        #expect(CommentaryMarkdown.confine("## Big picture\nText\n### Detail\n## Next") == "### Big picture\nText\n#### Detail\n### Next")
        #expect(CommentaryMarkdown.confine("# Top\n## Under") == "### Top\n#### Under")
        #expect(CommentaryMarkdown.confine("#### Deep\n###### Deepest") == "### Deep\n##### Deepest")
    }

    @Test func levelsBeyondSixStayAtSix() {
        #expect(CommentaryMarkdown.confine("# A\n###### F") == "### A\n###### F")
    }

    @Test func hashesThatAreNotHeadingsAreLeftAlone() {
        let text = "## Head\n```\n# a comment in code\n```\n#hashtag\n####### seven"
        #expect(CommentaryMarkdown.confine(text) == "### Head\n```\n# a comment in code\n```\n#hashtag\n####### seven")
        #expect(CommentaryMarkdown.confine("No headings here.\n") == "No headings here.\n")
    }
}

/// A code review: "Big picture\n===========" in the commentary was left a level-one heading, a
/// second h1 on the page above the note's own h3s. Headings are found as CommonMark reads them.
@Suite struct CommentarySetextHeadingTests {
    @Test func anUnderlinedHeadingMovesUnderTheSectionLikeAHashedOne() {
        #expect(CommentaryMarkdown.confine("Big picture\n===========\n\nSome words.\n\n# A heading")
            == "### Big picture\n\nSome words.\n\n### A heading")
        #expect(CommentaryMarkdown.confine("Big picture\n===\n\nDetail\n---\nText.") == "### Big picture\n\n#### Detail\nText.")
        // Its text may run over several lines, indented up to three spaces; the underline too.
        #expect(CommentaryMarkdown.confine("Two\n  lines\n   ---  \nText.") == "### Two lines\nText.")
    }

    @Test func linesThatOnlyLookLikeHeadingsAreLeftAlone() {
        for text in [
            "Text.\n\n---\nMore.",                  // a thematic break after a blank line
            "- an item\n---\nText.",                // a list item, then a break
            "> a quote\n===\nText.",                // a lazy line of the quote
            "> # quoted",                           // a heading inside a quote keeps its marker
            "    # code",                           // indented code
            "Text\n    # still the paragraph",     // a paragraph's continuation
            "```\ncode\n```\n---",                  // a break after a fence
            "***\n===",                             // '===' after a break is a paragraph
        ] {
            #expect(CommentaryMarkdown.confine(text) == text, "\(text)")
        }
    }
}
