import Dispatch
import Synchronization

extension Array where Element: Sendable {
    /// `transform` of every element, `threads` elements at a time, in the elements' order.
    ///
    /// Threads take the next element as they finish one, so a few large elements do not leave
    /// the other threads idle at the end.
    func concurrentMap<T: Sendable>(threads: Int, _ transform: @Sendable (Element) -> T) -> [T] {
        let next = Atomic(0)
        let results = Mutex([T?](repeating: nil, count: count))
        DispatchQueue.concurrentPerform(iterations: Swift.max(1, Swift.min(threads, count))) { _ in
            while true {
                let index = next.add(1, ordering: .relaxed).oldValue
                guard index < count else { return }
                let value = transform(self[index])
                results.withLock { $0[index] = value }
            }
        }
        return results.withLock { $0.map { $0! } }
    }
}
