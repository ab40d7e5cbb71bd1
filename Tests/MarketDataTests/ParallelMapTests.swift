import Dispatch
import Foundation
import MarketData
import Testing

@Suite struct ParallelMapTests {
    @Test func resultsKeepTheOrderOfTheItemsAndEachItemIsDoneOnce() {
        let calls = Counter()
        let squares = ParallelMap.map(Array(0..<1000), jobs: 2) { item -> Int in
            calls.add()
            return item * item
        }
        #expect(squares == (0..<1000).map { $0 * $0 })
        #expect(calls.value == 1000)
    }

    /// While one worker is held up by a long item, the other takes every remaining item: the
    /// first item waits (at most 30 s, room for a busy machine) until all the others are done,
    /// which never happens when each worker owns a fixed share.
    @Test(.enabled(if: ProcessInfo.processInfo.activeProcessorCount >= 2))
    func aWorkerHeldUpByALongItemLeavesTheRestToTheOthers() {
        let othersDone = DispatchSemaphore(value: 0)
        let remaining = Counter(1000 - 1)
        let waited = ParallelMap.map(Array(0..<1000), jobs: 2) { item -> Bool in
            if item == 0 { return othersDone.wait(timeout: .now() + 30) == .success }
            if remaining.subtract() == 0 { othersDone.signal() }
            return true
        }
        #expect(waited.allSatisfy { $0 })
    }
}

/// A count shared by worker threads.
private final class Counter: @unchecked Sendable {
    private var count: Int
    private let lock = NSLock()

    init(_ count: Int = 0) { self.count = count }

    func add() { lock.withLock { count += 1 } }

    /// Subtracts one and returns what is left.
    func subtract() -> Int { lock.withLock { count -= 1; return count } }

    var value: Int { lock.withLock { count } }
}
