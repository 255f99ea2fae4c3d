/// Why the result store could not do what was asked.
public struct StoreError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The kind of failure.
    public enum Kind: Sendable, Equatable {
        /// The file is not a readable colosim SQLite database (garbage, truncated, corrupt pages).
        case corrupt
        /// A valid SQLite database, but not one colosim wrote.
        case foreign
        /// Written by a newer colosim with migrations this build does not know.
        case newerSchema
        /// The database file does not exist.
        case missing
        /// No run (or sweep) matches the given id.
        case unknownRun
        /// A sweep id is reused with a different sweep specification.
        case sweepMismatch
        /// Any other SQLite or file-system failure.
        case other
    }

    /// The kind of failure.
    public var kind: Kind
    /// The database file concerned.
    public var path: String?
    /// What went wrong, for the user.
    public var message: String

    /// Creates a store error.
    public init(_ kind: Kind, path: String?, _ message: String) {
        self.kind = kind
        self.path = path
        self.message = message
    }

    /// `path: message`.
    public var description: String {
        (path.map { $0 + ": " } ?? "") + message
    }

    /// Whether the cause is bad input (a bad file or id given by the user) rather than a failure.
    public var isInputError: Bool {
        switch kind {
        case .corrupt, .foreign, .newerSchema, .missing, .unknownRun, .sweepMismatch: return true
        case .other: return false
        }
    }
}
