/// A part of `marketnote.yml` that remembers where each of its values is written, so that a
/// problem found later (a missing file, an unknown column or symbol) points at the value to fix.
public protocol ConfigEntry {
    /// Where the entry starts.
    var location: SourceLocation { get }
    /// Where each key's value is written, by key.
    var valueLocations: [String: SourceLocation] { get }
}

extension ConfigEntry {
    /// The position of `key`'s value, or of the entry when the key is not written.
    public func location(of key: String) -> SourceLocation { valueLocations[key] ?? location }
}

extension ProjectConfig: ConfigEntry {
    public var location: SourceLocation { SourceLocation(path: path) }
}

extension SeriesConfig: ConfigEntry {}
extension ComparisonConfig: ConfigEntry {}
extension MacroConfig: ConfigEntry {}
extension BreadthConfig: ConfigEntry {}
