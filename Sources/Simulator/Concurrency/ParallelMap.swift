import Dispatch
import Foundation

/// Runs independent, pure computations on several threads and returns their results in input order,
/// so that what a caller computes does not depend on the number of threads or their timing.
enum ParallelMap {
    /// Runs `body(i)` for `0..<count` on up to `jobs` threads and returns the results in order; the
    /// first error (in index order) is rethrown after every body has run.
    ///
    /// - Complexity: `count` calls of `body`, spread over `min(jobs, count)` threads.
    static func run<T: Sendable>(_ count: Int, jobs: Int, _ body: @Sendable (Int) throws -> T) throws -> [T] {
        guard count > 0 else { return [] }
        if jobs <= 1 || count == 1 { return try (0..<count).map(body) }
        let box = ResultBox<T>(count: count)
        let workers = min(jobs, count)
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            var i = w
            while i < count {
                do { box.set(i, .success(try body(i))) } catch { box.set(i, .failure(error)) }
                i += workers
            }
        }
        return try box.values()
    }
}

/// Results of parallel computations, filled from several threads.
final class ResultBox<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<T, Error>?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ r: Result<T, Error>) {
        lock.lock()
        slots[i] = r
        lock.unlock()
    }

    func values() throws -> [T] {
        try slots.map { slot in
            guard let slot else { throw SimulationConfigError(field: "evaluation", message: "a parallel computation did not run") }
            return try slot.get()
        }
    }
}
