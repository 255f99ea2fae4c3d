/// One command-line argument of a shard's command, which may embed the shard's index.
///
/// The index is not known when the command is planned: a Slurm array task reads it from
/// `SLURM_ARRAY_TASK_ID`, a Kubernetes Indexed Job pod from `JOB_COMPLETION_INDEX`. Each renderer
/// writes ``Part/shardIndex`` in its own syntax; ``rendered(index:)`` gives the argument one task sees.
public struct ShardArgument: Sendable, Equatable, CustomStringConvertible {
    /// A piece of an argument: literal text or the shard's index.
    public enum Part: Sendable, Equatable {
        /// Literal text.
        case text(String)
        /// The shard's index (0-based), filled in by the scheduler at run time.
        case shardIndex
    }

    /// The argument's pieces, in order.
    public var parts: [Part]

    /// An argument made of `parts`.
    public init(_ parts: [Part]) { self.parts = parts }

    /// A literal argument.
    public init(literal: String) { parts = [.text(literal)] }

    /// Whether the argument embeds the shard's index.
    public var containsIndex: Bool { parts.contains(.shardIndex) }

    /// The argument as task `index` sees it.
    public func rendered(index: Int) -> String { rendered(indexText: String(index)) }

    /// The argument with ``Part/shardIndex`` replaced by `indexText`; literal text stays as it is.
    public func rendered(indexText: String, escapingText escape: (String) -> String = { $0 }) -> String {
        parts.map { part in
            switch part {
            case .text(let s): return escape(s)
            case .shardIndex: return indexText
            }
        }.joined()
    }

    /// The argument with the index shown as `{i}`.
    public var description: String { rendered(indexText: "{i}") }
}
