import Dispatch

/// Work started on another thread at once (or, when `concurrent` is false, done right away);
/// `finish()` waits for it, rethrows its error or returns its value.
final class BackgroundWork<Value>: @unchecked Sendable {
    private let group = DispatchGroup()
    /// Written by the worker before it leaves the group, read only after `wait`.
    private var result: Result<Value, Error>?

    init(concurrent: Bool = true, _ work: @escaping @Sendable () throws -> Value) {
        guard concurrent else {
            result = Result { try work() }
            return
        }
        DispatchQueue.global().async(group: group) { [self] in
            result = Result { try work() }
        }
    }

    @discardableResult
    func finish() throws -> Value {
        group.wait()
        return try result!.get()
    }
}
