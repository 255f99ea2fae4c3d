import Foundation

/// Bookkeeping for one sweep: its id, a hash of its specification and its size.
///
/// A resumed sweep registers the same id and spec hash again and skips the points in
/// ``ResultStore/finishedPointKeys(sweepID:)``; registering the id with another spec hash fails so
/// two different sweeps never mix their points.
public struct SweepInfo: Codable, Sendable, Equatable {
    /// Sweep id (e.g. the sweep file's name plus its spec hash).
    public var id: String
    /// Hash of the sweep specification (e.g. FNV-1a-64 of the sweep YAML).
    public var specHash: String
    /// Total number of points in the sweep (all shards).
    public var pointCount: Int
    /// When the sweep was first registered (caller's clock).
    public var createdAt: Date

    /// Creates sweep bookkeeping.
    public init(id: String, specHash: String, pointCount: Int, createdAt: Date) {
        self.id = id
        self.specHash = specHash
        self.pointCount = pointCount
        self.createdAt = createdAt
    }
}
