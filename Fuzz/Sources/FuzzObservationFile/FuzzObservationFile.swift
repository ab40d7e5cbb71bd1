import FuzzSupport
import MarketData

/// Arbitrary bytes as a macro or breadth file (FRED, `date,value`, `year,quarter,…`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzObservationFile(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = FuzzInput(data, size)
    do {
        LoaderInvariants.check(try ObservationFileParser.parse(bytes: input.bytes, path: "fuzz.csv"))
    } catch {
        LoaderInvariants.check(error)
    }
    return 0
}
