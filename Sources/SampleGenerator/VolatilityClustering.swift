/// GJR-GARCH(1,1) variance multiplier with unit mean: volatility clusters and reacts more to falls than to rises.
struct VolatilityClustering {
    private let alpha = 0.04
    private let gamma = 0.06
    private let beta = 0.88
    private(set) var multiplier = 1.0

    mutating func update(afterShock z: Double) {
        let omega = 1 - alpha - gamma / 2 - beta
        let reaction = (alpha + (z < 0 ? gamma : 0)) * z * z
        multiplier = min(2.5, max(0.3, omega + (reaction + beta) * multiplier))
    }
}
