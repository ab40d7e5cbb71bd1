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
