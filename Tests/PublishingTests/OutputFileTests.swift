import Foundation
import Testing
@testable import Publishing

/// Which paths a site may hold: relative, of plain segments, so that no path read from a record
/// or a project can reach outside the output folder.
@Suite struct OutputFileTests {
    /// The rule as stated: every `/`-separated segment is not empty, `.` or `..`, and no byte is a
    /// backslash or NUL.
    static func isSafeAsStated(_ path: String) -> Bool {
        !path.utf8.contains(0x5C) && !path.utf8.contains(0)
            && path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { !["", ".", ".."].contains($0) }
    }

    @Test func aPathIsSafeExactlyWhenEverySegmentIsPlain() {
        let named = ["index.html", "notes/2026-01-15/index.html", "a/.../b", ".hidden", "a/..b", "..a/b", "a.", "é/ü",
                     "", "/", "/index.html", "notes/", "notes//index.html", ".", "..", "a/./b", "a/../b", "../a", "a/..",
                     "a\\b", "a\u{0}b", "a/.", "./a"]
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", ".", "/", "\\", "\u{0}", "é", "b"]
        let random = (0..<20_000).map { _ in
            (0..<Int.random(in: 0...7, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
        }
        for path in named + random {
            #expect(OutputFile.isSafe(path) == Self.isSafeAsStated(path), "\(path.debugDescription)")
        }
        #expect(named.filter(OutputFile.isSafe) == ["index.html", "notes/2026-01-15/index.html", "a/.../b", ".hidden", "a/..b",
                                                    "..a/b", "a.", "é/ü"])
    }
}
