/// What ``ResultStore/insert(_:)`` did.
public enum InsertOutcome: Sendable, Equatable {
    /// The record was written with this row id.
    case inserted(Int64)
    /// A run with the same run key (or sweep point) already exists with this row id; nothing written.
    case duplicate(Int64)

    /// The row id of the stored run (new or existing).
    public var id: Int64 {
        switch self {
        case .inserted(let id), .duplicate(let id): return id
        }
    }
}
