import FuzzSupport
import MarketData

/// Arbitrary bytes as a price file (`content/data/SYMBOL.csv`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPriceFile(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = FuzzInput(data, size)
    do {
        try PriceFileParser.parse(bytes: input.bytes, path: "fuzz.csv", symbol: "X").values.forEach(LoaderInvariants.check)
    } catch {
        LoaderInvariants.check(error)
    }
    return 0
}
