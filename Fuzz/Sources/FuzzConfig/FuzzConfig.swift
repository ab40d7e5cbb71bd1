import FuzzSupport
import MarketData

/// Arbitrary text as `marketnote.yml`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfig(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let text = FuzzInput(data, size).text else { return 0 }
    do {
        let config = try ProjectConfigReader.read(text: text, path: "marketnote.yml")
        precondition(config.baseURL.hasSuffix("/") && config.series.allSatisfy { Symbol.isValid($0.symbol) },
                     "an accepted config has a base URL ending in / and valid symbols")
    } catch {
        LoaderInvariants.check(error)
    }
    return 0
}
