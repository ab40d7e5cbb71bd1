import CCmarkGFM
import CMarkdownArena
import Dispatch
import Foundation
import Synchronization
@testable import Publishing
import Testing
import TestSupport

@Suite struct MarkdownArenaTests {
    /// Markdown of every kind a page holds (tables, links to rewrite, lists, code, non-ASCII
    /// text), from a few bytes to more than one arena block, so that buffers grow and move.
    static let documents: [String] = {
        var random = SeededRandom(seed: 20261128)
        let pieces = [
            "# Heading\n\n", "Text with *emphasis*, **strong**, `code`, a [link](notes/x.html) and ![chart](images/a.svg).\n\n",
            "| Series | 1D |\n| :--- | ---: |\n| IWM | +1.0% |\n| SPY | −2.0% |\n\n", "> A quote\n> on two lines\n\n",
            "- one\n- two\n  - nested\n\n", "1. first\n2. second\n\n", "```\nlet code = 1\n```\n\n", "<script>alert(1)</script>\n\n",
            "Accents é, quotes ’ and 📈.\n\n", "[ref]: ./images/b.svg\n\nA [reference][ref].\n\n", "~~struck~~ www.example.com\n\n",
            "Line one  \nline two\\\nline three\n\n", "***\n\n", "Setext\n===\n\n",
        ]
        return (0..<240).map { index in
            var text = ""
            for _ in 0..<random.next(upTo: 120) { text += pieces[random.next(upTo: pieces.count)] }
            // A paragraph longer than a block (256 KB) now and then.
            if index % 40 == 7 { text += String(repeating: "word ", count: 70_000) + "\n\n" }
            if index % 3 == 0 {
                text += "| A | B |\n| --- | --- |\n" + String(repeating: "| cell | *more* |\n", count: random.next(upTo: 400)) + "\n"
            }
            return text
        }
    }()

    /// Each document, rendered on four threads at once with cmark-gfm's allocations from each
    /// thread's arena, is what the system's allocator renders, on a page below the root and at it.
    @Test func pagesFromTheArenaAreThoseOfTheSystemAllocator() {
        let renderer = MarkdownRenderer()
        let roots = ["", "../../"]
        let expected = roots.map { root in
            Self.documents.map { renderer.html($0, root: root, memory: cmark_get_default_mem_allocator()).bytes }
        }
        let mismatches = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: 4) { thread in
            for step in 0..<Self.documents.count {
                let index = (step * 7 + thread * 61) % Self.documents.count
                let root = (step + thread) % 2
                if renderer.html(Self.documents[index], root: roots[root]).bytes != expected[root][index] {
                    mismatches.withLock { $0 += 1 }
                }
            }
        }
        #expect(mismatches.withLock { $0 } == 0)
        #expect(expected[1].contains { String(decoding: $0, as: UTF8.self).contains("href=\"../../notes/x.html\"") })
    }

    /// Memory from the arena is aligned as malloc's is, zeroed by calloc even where the last use
    /// wrote, kept by realloc up to its old size, and never shared by two allocations.
    @Test func arenaMemoryIsAlignedZeroedKeptAndSeparate() {
        var random = SeededRandom(seed: 7)
        for _ in 0..<3 {
            marketnote_arena_begin()
            var allocations: [(pointer: UnsafeMutablePointer<UInt8>, size: Int)] = []
            for index in 0..<2_000 {
                let size = random.next(upTo: 10) == 0 ? random.next(upTo: 300_000) : random.next(upTo: 600)
                let pointer = marketnote_arena_calloc(1, size)!.assumingMemoryBound(to: UInt8.self)
                #expect(Int(bitPattern: pointer) % 16 == 0)
                #expect(UnsafeBufferPointer(start: pointer, count: size).allSatisfy { $0 == 0 })
                pointer.update(repeating: UInt8(truncatingIfNeeded: index), count: size)
                allocations.append((pointer, size))
                // A buffer that grows: sometimes the last allocation (in place), sometimes an earlier one (moved).
                if random.next(upTo: 3) == 0 {
                    let which = random.next(upTo: 2) == 0 ? allocations.count - 1 : random.next(upTo: allocations.count)
                    let (old, oldSize) = allocations[which]
                    let newSize = oldSize * 2 + random.next(upTo: 100)
                    let grown = marketnote_arena_realloc(old, newSize)!.assumingMemoryBound(to: UInt8.self)
                    #expect(UnsafeBufferPointer(start: grown, count: oldSize).allSatisfy { $0 == UInt8(truncatingIfNeeded: which) })
                    grown.update(repeating: UInt8(truncatingIfNeeded: which), count: newSize)
                    allocations[which] = (grown, newSize)
                }
            }
            let overwritten = allocations.indices.filter { index in
                let (pointer, size) = allocations[index]
                return !UnsafeBufferPointer(start: pointer, count: size).allSatisfy { $0 == UInt8(truncatingIfNeeded: index) }
            }
            #expect(overwritten.isEmpty)
            marketnote_arena_end()
        }
    }

    /// The outermost end makes the memory free for the next use, keeps the regular blocks and
    /// gives an oversized one back; an inner end leaves the memory in use.
    @Test func onlyTheOutermostEndFreesAndOversizedBlocksGoBack() {
        marketnote_arena_begin()
        _ = marketnote_arena_calloc(1, 64)
        _ = marketnote_arena_calloc(1, 3_000_000)
        #expect(marketnote_arena_capacity() >= 3_000_000)
        marketnote_arena_end()
        let kept = marketnote_arena_capacity()
        #expect(kept > 0 && kept < 3_000_000)

        marketnote_arena_begin()
        let first = marketnote_arena_calloc(1, 64)
        marketnote_arena_begin()
        marketnote_arena_end()
        #expect(marketnote_arena_calloc(1, 64) != first)
        marketnote_arena_end()

        marketnote_arena_begin()
        #expect(marketnote_arena_calloc(1, 64) == first)
        marketnote_arena_end()
        #expect(marketnote_arena_capacity() == kept)
    }
}
