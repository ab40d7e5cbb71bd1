extension Int {
    /// Decimal digits left-padded with zeros, e.g. `7.zeroPadded(to: 2) == "07"`.
    func zeroPadded(to width: Int) -> String {
        let digits = String(self)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
