import Foundation

/// The memo of evaluated GPU co-location states of `response` fidelity (DESIGN §11): in memory,
/// shared by every run of one process (a `compare` or `plan` reuses the states its runs share), and
/// backed by a ``ResponseStore`` when one is given (warm across processes). Thread-safe.
public final class ResponseCache: @unchecked Sendable {
    private let lock = NSLock()
    private var memo: [String: NodeResponse] = [:]
    private var fresh: [String: NodeResponse] = [:]
    /// The backing store (nil: memory only).
    public let store: ResponseStore?
    /// The node-model version responses are keyed by (``NodeModel/version`` plus the caller's build id).
    public let version: String

    /// An empty cache in memory only.
    public init(version: String = NodeModel.version) {
        store = nil
        self.version = version
    }

    /// A cache backed by `store`, holding its responses of `version`.
    public init(store: ResponseStore, version: String = NodeModel.version) throws {
        self.store = store
        self.version = version
        memo = try store.responses(version: version)
    }

    /// The response of `key`, if evaluated.
    public func response(_ key: String) -> NodeResponse? {
        lock.lock()
        defer { lock.unlock() }
        return memo[key]
    }

    /// Remembers `response` for `key`.
    public func insert(_ response: NodeResponse, for key: String) {
        lock.lock()
        defer { lock.unlock() }
        if memo[key] == nil { fresh[key] = response }
        memo[key] = response
    }

    /// States held.
    public var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return memo.count
    }

    /// Writes the responses evaluated since the last flush to the store.
    public func flush() throws {
        lock.lock()
        let batch = fresh
        fresh = [:]
        lock.unlock()
        guard let store, !batch.isEmpty else { return }
        try store.save(batch, version: version)
    }
}
