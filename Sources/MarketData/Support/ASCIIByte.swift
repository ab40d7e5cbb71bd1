extension UInt8 {
    /// `0` to `9`: the byte scanners' digit test (escaping, the figure check, table markup).
    @inlinable public var isASCIIDigit: Bool { (0x30...0x39).contains(self) }
    /// `0` to `9`, `A` to `Z` and `a` to `z`: a word's bytes (figure boundaries, entity names).
    @inlinable public var isASCIIAlphanumeric: Bool { isASCIIDigit || (0x41...0x5A).contains(self) || (0x61...0x7A).contains(self) }
}
