/// Rounds a number to a count of decimals as the decimal it stands for rounds, halves away from
/// zero. Data are decimal, but a Double is binary: 0.15 read from a file is 0.1499…, and an exact
/// return of 0.25% (2008.0075 after 2003) computes as 0.0024999…; both are halves, and round up in
/// magnitude (0.2, 0.3%), as 2.25 does (2.3). Every figure a note prints, and every comparison
/// made at the printed precision, rounds through here, so a comparison and its text agree.
public enum DecimalRounding {
    /// The decimals a value already in percent prints with ("5.3%": a macro reading, a breadth
    /// group's share); macro readings are compared at this precision too.
    public static let rateDecimals = 1

    static let powersOfTen: [Double] = [1, 10, 100, 1000, 10000, 100_000, 1_000_000, 10_000_000, 100_000_000,
                                        1_000_000_000, 10_000_000_000, 100_000_000_000, 1_000_000_000_000]

    /// `magnitude` (≥ 0) in units of the last decimal, rounded; nil where it cannot be done exactly
    /// (too many decimals or units, non-finite values).
    public static func units(_ magnitude: Double, decimals: Int) -> Int? {
        guard magnitude.isFinite, powersOfTen.indices.contains(decimals) else { return nil }
        let scale = powersOfTen[decimals]
        let product = magnitude * scale
        guard product < 0x1p50 else { return nil }
        // The product's rounding error, exactly (a fused multiply-add): product + error is
        // magnitude × scale exactly, and (fraction − ½) + error is how far above a half it lies.
        let error = (-product).addingProduct(magnitude, scale)
        let floor = product.rounded(.down)
        let aboveHalf = (product - floor - 0.5) + error
        return Int(floor) + (aboveHalf >= -halfTolerance(magnitude, scale: scale, product: product) ? 1 : 0)
    }

    /// How far below a half, in units, a value still stands for the half: half a unit in the last
    /// place of the value (it is the Double nearest the half, as read from a file), or a billionth
    /// of a unit (a ratio of decimals less one, a return, is a few 1e-16 off). A Double tells
    /// decimals of 15 significant digits apart, no more: a half with more is left to the binary value.
    static func halfTolerance(_ magnitude: Double, scale: Double, product: Double) -> Double {
        product < 1e14 ? max(1e-9, magnitude.ulp * scale / 2) : 1e-9
    }

    /// `value` rounded to `decimals` as a note prints it: for comparing values at the printed
    /// precision. Values that cannot be rounded exactly come back as they are.
    public static func rounded(_ value: Double, decimals: Int) -> Double {
        guard let units = units(abs(value), decimals: decimals) else { return value }
        let magnitude = Double(units) / powersOfTen[decimals]
        return value < 0 ? -magnitude : magnitude
    }
}
