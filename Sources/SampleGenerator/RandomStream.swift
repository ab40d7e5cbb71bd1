import Foundation

/// Deterministic uniforms, normals and fat-tailed shocks drawn from our own xoshiro256** generator.
struct RandomStream {
    private var generator: Xoshiro256StarStar
    private var spareNormal: Double?

    init(seed: UInt64, stream: UInt64) {
        var mixer = SplitMix64(state: seed ^ (stream &* 0xD1B5_4A32_D192_ED03))
        generator = Xoshiro256StarStar(seededBy: &mixer)
    }

    init(seed: UInt64, stream: StreamID) {
        self.init(seed: seed, stream: stream.rawValue)
    }

    /// Uniform in [0, 1) with 53 random bits.
    mutating func uniform() -> Double {
        Double(generator.next() >> 11) * 0x1.0p-53
    }

    mutating func uniform(in range: ClosedRange<Double>) -> Double {
        range.lowerBound + (range.upperBound - range.lowerBound) * uniform()
    }

    /// Standard normal via Box–Muller, caching the second variate of each pair.
    mutating func normal() -> Double {
        if let spare = spareNormal {
            spareNormal = nil
            return spare
        }
        let radius = (-2 * log(1 - uniform())).squareRoot()
        let angle = 2 * Double.pi * uniform()
        spareNormal = radius * sin(angle)
        return radius * cos(angle)
    }

    /// Student-t scaled to unit variance (fat tails for daily shocks), clipped to ±`cap` so no single day is absurd.
    mutating func studentT(degreesOfFreedom dof: Int, cap: Double) -> Double {
        let numerator = normal()
        var chiSquare = 0.0
        for _ in 0..<dof {
            let draw = normal()
            chiSquare += draw * draw
        }
        let t = numerator / (chiSquare / Double(dof)).squareRoot()
        let unitVariance = t * (Double(dof - 2) / Double(dof)).squareRoot()
        return min(cap, max(-cap, unitVariance))
    }
}
