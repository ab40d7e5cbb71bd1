import FuzzSupport
import MarketData

/// Arbitrary text as a quote (`content/quotes/*.md`) and as editor commentary
/// (`content/notes/YYYY-MM-DD.md`): front matter split, YAML, typed keys.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFrontMatter(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let text = FuzzInput(data, size).text else { return 0 }
    do {
        LoaderInvariants.check(try ContentReader.quote(text: text, path: "quote.md", id: "quote"))
    } catch {
        LoaderInvariants.check(error)
    }
    do {
        _ = try ContentReader.commentary(text: text, path: "2026-01-15.md", date: SessionDate("2026-01-15")!)
    } catch {
        LoaderInvariants.check(error)
    }
    return 0
}
