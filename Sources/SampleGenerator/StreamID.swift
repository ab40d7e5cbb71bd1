/// Independent random streams, so changing how one part of the sample draws numbers leaves the others untouched.
enum StreamID: UInt64, Sendable {
    case marketShocks = 1
    case spyPath, iwmPath, magsPath
    case spyBars, iwmBars, magsBars
    case relativeStrength, finalWindow, recordHighs
    case gdpNowcast, guidance
    case universeMarket
    /// Universe symbol `i` draws from stream `universeSymbolBase + i`.
    case universeSymbolBase = 1_000
}
