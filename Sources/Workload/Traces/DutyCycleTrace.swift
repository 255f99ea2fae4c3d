/// Per-pod GPU duty cycle from Alibaba cluster-trace-v2026-GenAI (`pod_gpu_duty_cycle_anon.csv`).
///
/// Format (../shared/traces/PROVENANCE.md §2): header with the columns `value` (GPU duty cycle,
/// percent 0–100), `timestamp_anon` (seconds, anonymised time base) and `container_ip` (pod id,
/// an MD5 hash), in any order. Rows are samples about every 57 s. Checks: every field present and
/// numeric, value within 0…100, timestamps ≥ 0 and strictly increasing within each pod.
/// Source: alibaba/clusterdata, GenTD26 (SoCC'25) / FlexPipe (EuroSys'26).
public struct DutyCycleTrace: Sendable, Equatable {
    /// The file the trace was read from.
    public var file: String
    /// Number of data rows (samples).
    public var rows: Int
    /// One series per pod, in order of first appearance in the file.
    public var pods: [DutyCyclePod]

    /// Creates a trace from already parsed pods.
    public init(file: String, rows: Int, pods: [DutyCyclePod]) {
        self.file = file
        self.rows = rows
        self.pods = pods
    }

    /// Reads and validates the trace from `input`, streaming.
    public static func read(_ input: TraceInput) throws -> DutyCycleTrace {
        var reader = CSVReader(input)
        let file = reader.fileName
        guard let headerRecord = try reader.next() else { throw TraceError(file: file, "empty file, expected a header") }
        let header = CSVHeader(headerRecord, file: file)
        let valueColumn = try header.require("value")
        let timeColumn = try header.require("timestamp_anon")
        let podColumn = try header.require("container_ip")
        var index: [String: Int] = [:]
        var pods: [DutyCyclePod] = []
        var lastLine: [Int] = []
        var rows = 0
        while let r = try reader.next() {
            let value = try r.number(valueColumn, file: file)
            guard value >= 0, value <= 100 else {
                throw r.error(valueColumn, file: file, "duty cycle \(value) outside 0…100 percent")
            }
            let t = try r.nonNegative(timeColumn, file: file, what: "time")
            let pod = try r.text(podColumn, file: file)
            guard !pod.isEmpty else { throw r.error(podColumn, file: file, "empty pod id") }
            let k: Int
            if let existing = index[pod] {
                k = existing
                guard let previous = pods[k].times.last, t > previous else {
                    throw r.error(timeColumn, file: file,
                                  "time \(t) is not after the previous sample of pod \(pod) (\(pods[k].times.last ?? t) at line \(lastLine[k]))")
                }
            } else {
                k = pods.count
                index[pod] = k
                pods.append(DutyCyclePod(id: pod, times: [], dutyCycle: []))
                lastLine.append(0)
            }
            pods[k].times.append(t)
            pods[k].dutyCycle.append(value / 100)
            lastLine[k] = r.line
            rows += 1
        }
        return DutyCycleTrace(file: file, rows: rows, pods: pods)
    }

    /// All samples as fractions 0…1, pods one after another.
    public var allSamples: [Double] { pods.flatMap(\.dutyCycle) }
}

/// One pod's GPU duty-cycle samples.
public struct DutyCyclePod: Sendable, Equatable {
    /// Pod id (`container_ip`).
    public var id: String
    /// Sample times, seconds, strictly increasing.
    public var times: [Double]
    /// Duty cycle at each sample, fraction 0…1.
    public var dutyCycle: [Double]

    /// Creates a pod series.
    public init(id: String, times: [Double], dutyCycle: [Double]) {
        self.id = id
        self.times = times
        self.dutyCycle = dutyCycle
    }

    /// Mean of the samples (fraction).
    public var meanDutyCycle: Double {
        dutyCycle.isEmpty ? 0 : dutyCycle.reduce(0, +) / Double(dutyCycle.count)
    }

    /// The median gap between samples, seconds (the nominal sampling interval); nil below 2 samples.
    public var medianInterval: Double? {
        guard times.count >= 2 else { return nil }
        let gaps = zip(times.dropFirst(), times).map { $0 - $1 }.sorted()
        return gaps[gaps.count / 2]
    }

    /// The samples as a step series; the last sample holds for one nominal interval.
    public var series: TimeSeries? {
        guard let last = times.last else { return nil }
        return TimeSeries(times: times, values: dutyCycle, end: last + (medianInterval ?? 0))
    }
}
