import Foundation

/// Runs independent jobs on a fixed number of worker threads (the sweep, compare and plan fan-out).
///
/// Each job is deterministic on its own, so results do not depend on the thread count or on the
/// order jobs finish; results come back in input order.
enum SweepParallel {
    /// The default worker count: the machine's active processor count.
    static var defaultJobs: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// Applies `body` to every element of `items` on `jobs` threads; returns the results in input order.
    /// The first error thrown stops workers from taking new items and is rethrown.
    static func map<T: Sendable, R: Sendable>(_ items: [T], jobs: Int,
                                              _ body: @escaping @Sendable (T) throws -> R) throws -> [R] {
        let box = Results<R>(count: items.count)
        let workers = max(1, min(jobs, items.count))
        if workers == 1 {
            return try items.map(body)
        }
        let group = DispatchGroup()
        for _ in 0..<workers {
            group.enter()
            let thread = Thread {
                defer { group.leave() }
                while let i = box.next() {
                    do {
                        box.set(i, .success(try body(items[i])))
                    } catch {
                        box.set(i, .failure(error))
                    }
                }
            }
            thread.stackSize = 16 << 20
            thread.start()
        }
        group.wait()
        return try box.collect()
    }

    /// Shared state of one ``map(_:jobs:_:)``.
    final class Results<R: Sendable>: @unchecked Sendable {
        let lock = NSLock()
        var slots: [Result<R, any Error>?]
        var cursor = 0
        var failed = false

        init(count: Int) { slots = Array(repeating: nil, count: count) }

        func next() -> Int? {
            lock.lock()
            defer { lock.unlock() }
            guard !failed, cursor < slots.count else { return nil }
            cursor += 1
            return cursor - 1
        }

        func set(_ i: Int, _ r: Result<R, any Error>) {
            lock.lock()
            defer { lock.unlock() }
            slots[i] = r
            if case .failure = r { failed = true }
        }

        func collect() throws -> [R] {
            var out: [R] = []
            for s in slots {
                switch s {
                case .success(let r)?: out.append(r)
                case .failure(let e)?: throw e
                case nil: continue
                }
            }
            return out
        }
    }
}
