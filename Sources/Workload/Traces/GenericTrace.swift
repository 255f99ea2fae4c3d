/// A trace in the project's generic CSV format (documented in docs/traces.md).
///
/// Header required; column `time_s` (seconds ≥ 0) plus at most one value column:
/// - `util`: GPU utilization, fraction 0…1 → a utilization step series;
/// - `rate`: arrival rate, requests per second ≥ 0 → a rate step series;
/// - `value`: any finite number → a plain step series;
/// - none: each row is one arrival at `time_s` → an arrival list.
/// Series need strictly increasing `time_s` (each value holds until the next row; the last value
/// holds for as long as the step before it); arrivals need non-decreasing `time_s`.
/// Other columns are ignored, so annotated files stay readable.
public struct GenericTrace: Sendable, Equatable {
    /// What the value column means.
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// GPU utilization, fraction 0…1.
        case utilization = "util"
        /// Arrival rate, requests per second.
        case rate
        /// A plain number.
        case value
        /// Arrival instants, no value column.
        case arrivals
    }

    /// The file the trace was read from.
    public var file: String
    /// The kind of trace, from its value column.
    public var kind: Kind
    /// Number of data rows.
    public var rows: Int
    /// The step series (utilization, rate, value kinds).
    public var series: TimeSeries?
    /// Arrival instants, seconds (arrivals kind).
    public var arrivals: [Double]

    /// Creates a generic trace.
    public init(file: String, kind: Kind, rows: Int, series: TimeSeries?, arrivals: [Double]) {
        self.file = file
        self.kind = kind
        self.rows = rows
        self.series = series
        self.arrivals = arrivals
    }

    /// Reads and validates a generic CSV trace from `input`, streaming.
    public static func read(_ input: TraceInput) throws -> GenericTrace {
        var reader = CSVReader(input)
        let file = reader.fileName
        guard let headerRecord = try reader.next() else { throw TraceError(file: file, "empty file, expected a header") }
        let header = CSVHeader(headerRecord, file: file)
        let timeColumn = try header.require("time_s")
        let valueColumns = [Kind.utilization, .rate, .value].compactMap { k in header.column(k.rawValue).map { (k, $0) } }
        guard valueColumns.count <= 1 else {
            throw TraceError(file: file, line: header.line, column: valueColumns[1].1.index + 1,
                             columnName: valueColumns[1].1.name,
                             "more than one value column (use one of util, rate, value)")
        }
        let kind = valueColumns.first?.0 ?? .arrivals
        let valueColumn = valueColumns.first?.1
        var times: [Double] = []
        var values: [Double] = []
        while let r = try reader.next() {
            let t = try r.nonNegative(timeColumn, file: file, what: "time")
            if let previous = times.last {
                if kind == .arrivals ? t < previous : !(t > previous) {
                    throw r.error(timeColumn, file: file,
                                  "time \(t) is \(kind == .arrivals ? "before" : "not after") the previous row's \(previous); time_s must \(kind == .arrivals ? "not decrease" : "increase")")
                }
            }
            if let valueColumn {
                let v = try r.number(valueColumn, file: file)
                switch kind {
                case .utilization where !(0...1).contains(v):
                    throw r.error(valueColumn, file: file, "utilization \(v) outside 0…1")
                case .rate where v < 0:
                    throw r.error(valueColumn, file: file, "negative rate: \(v)")
                default: break
                }
                values.append(v)
            }
            times.append(t)
        }
        guard !times.isEmpty else { throw TraceError(file: file, "no data rows") }
        if kind == .arrivals {
            return GenericTrace(file: file, kind: kind, rows: times.count, series: nil, arrivals: times)
        }
        let lastStep = times.count >= 2 ? times[times.count - 1] - times[times.count - 2] : 0
        let series = TimeSeries(times: times, values: values, end: times[times.count - 1] + lastStep)
        return GenericTrace(file: file, kind: kind, rows: times.count, series: series, arrivals: [])
    }
}
