/// Job/task runtimes of Microsoft's Philly cluster (Jeon et al., ATC'19), as extracted by Alibaba
/// for NSDI'22 (`cluster-trace-gpu-v2020/analysis/philly_runtime.csv`; PROVENANCE.md §6).
///
/// Format: header `runtime`, one runtime in seconds per row. Checks: numeric, ≥ 0.
/// Used as the empirical distribution of offline training job durations.
public struct PhillyRuntimeTrace: Sendable, Equatable {
    /// The file the trace was read from.
    public var file: String
    /// Runtimes in file order, seconds.
    public var runtimes: [Double]

    /// Creates a trace from parsed runtimes.
    public init(file: String, runtimes: [Double]) {
        self.file = file
        self.runtimes = runtimes
    }

    /// Reads and validates the trace from `input`, streaming.
    public static func read(_ input: TraceInput) throws -> PhillyRuntimeTrace {
        var reader = CSVReader(input)
        let file = reader.fileName
        guard let headerRecord = try reader.next() else { throw TraceError(file: file, "empty file, expected a header") }
        let column = try CSVHeader(headerRecord, file: file).require("runtime")
        var runtimes: [Double] = []
        while let r = try reader.next() {
            runtimes.append(try r.nonNegative(column, file: file, what: "runtime"))
        }
        return PhillyRuntimeTrace(file: file, runtimes: runtimes)
    }

    /// Summary of the runtimes (seconds); nil when empty.
    public var summary: DistributionSummary? { DistributionSummary(runtimes) }
}
