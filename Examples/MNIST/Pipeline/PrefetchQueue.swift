import Foundation

/// Produces elements `0..<count` in order on a background thread, at most `capacity`
/// ahead of the consumer, so that preparing the next elements overlaps with using
/// the current one. Dropping the queue stops the thread after its current element.
final class PrefetchQueue<Element: Sendable> {
    private let state: State

    init(count: Int, capacity: Int, produce: @escaping @Sendable (Int) -> Element) {
        precondition(capacity > 0, "PrefetchQueue: capacity must be positive")
        let state = State(capacity: capacity)
        self.state = state
        let thread = Thread {
            for index in 0..<count {
                guard state.waitForRoom() else { return }
                state.push(produce(index))
            }
        }
        thread.name = "NumSight prefetch"
        thread.start()
    }

    deinit { state.cancel() }

    /// The next element, waiting for it if needed. Call it at most `count` times.
    func next() -> Element { state.pop() }

    /// The shared buffer, guarded by one condition variable.
    private final class State: @unchecked Sendable {
        private let condition = NSCondition()
        private var buffer: [Element] = []
        private var isCancelled = false
        private let capacity: Int

        init(capacity: Int) { self.capacity = capacity }

        /// Waits until the buffer has room; false when the consumer has gone.
        func waitForRoom() -> Bool {
            condition.lock()
            defer { condition.unlock() }
            while buffer.count >= capacity && !isCancelled { condition.wait() }
            return !isCancelled
        }

        func push(_ element: Element) {
            condition.lock()
            buffer.append(element)
            condition.broadcast()
            condition.unlock()
        }

        func pop() -> Element {
            condition.lock()
            defer { condition.unlock() }
            while buffer.isEmpty { condition.wait() }
            let element = buffer.removeFirst()
            condition.broadcast()
            return element
        }

        func cancel() {
            condition.lock()
            isCancelled = true
            condition.broadcast()
            condition.unlock()
        }
    }
}
