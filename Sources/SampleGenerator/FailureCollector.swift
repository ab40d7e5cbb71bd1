import Foundation

/// Thread-safe collection of error messages from parallel work (`@unchecked` because an NSLock guards the array).
final class FailureCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [String] = []

    func record(_ message: String) {
        lock.withLock { messages.append(message) }
    }

    /// The smallest message, so what gets reported does not depend on thread scheduling.
    var first: String? {
        lock.withLock { messages.min() }
    }
}
