extension UInt8 {
    /// `0` to `9`: the byte scanners' digit test (escaping, the figure check, table markup).
    @inlinable public var isASCIIDigit: Bool { (0x30...0x39).contains(self) }
}
