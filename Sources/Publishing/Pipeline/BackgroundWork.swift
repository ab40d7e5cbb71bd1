import Dispatch

/// Work started on another thread at once; `finish()` waits for it and rethrows its error.
final class BackgroundWork: @unchecked Sendable {
    private let group = DispatchGroup()
    /// Written by the worker before it leaves the group, read only after `wait`.
    private var failure: Error?

    init(_ work: @escaping @Sendable () throws -> Void) {
        DispatchQueue.global().async(group: group) { [self] in
            do { try work() } catch { failure = error }
        }
    }

    func finish() throws {
        group.wait()
        if let failure { throw failure }
    }
}
