import Dispatch
import Foundation
import Synchronization

/// Maps over items on several threads, keeping the order of results.
public enum ParallelMap {
    public static func map<T: Sendable, R: Sendable>(_ items: [T], jobs: Int, _ transform: @Sendable (T) -> R) -> [R] {
        let slots = ResultSlots<R>(count: items.count)
        let workers = max(1, min(jobs > 0 ? jobs : ProcessInfo.processInfo.activeProcessorCount, items.count))
        if workers == 1 {
            return items.map(transform)
        }
        // Each worker takes the next item when it is done with one: a fixed share per worker left
        // one core idle whenever its share ran long (price files differ in length; notes in work).
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let index = next.add(1, ordering: .relaxed).oldValue
                guard index < items.count else { return }
                slots.set(index, transform(items[index]))
            }
        }
        return slots.values
    }
}

/// Fixed slots that worker threads fill at distinct indices.
final class ResultSlots<R>: @unchecked Sendable {
    private var storage: [R?]
    private let lock = NSLock()

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: R) {
        lock.lock()
        storage[index] = value
        lock.unlock()
    }

    var values: [R] { storage.map { $0! } }
}
