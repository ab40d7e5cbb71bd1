/// Collects the outcome of each check as a readable line.
struct VerificationReport {
    private(set) var lines: [String] = []
    private(set) var failures: [String] = []

    var passed: Bool { failures.isEmpty }

    mutating func check(_ condition: Bool, _ message: String) {
        lines.append((condition ? "PASS  " : "FAIL  ") + message)
        if !condition { failures.append(message) }
    }
}
