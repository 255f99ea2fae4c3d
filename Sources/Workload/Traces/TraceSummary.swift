/// What `colosim trace check` reports about a valid trace: rows, time span and the format's key
/// figures (mean utilization, rates, runtimes), as an ordered list of named numbers.
public struct TraceSummary: Sendable, Equatable {
    /// A named figure.
    public struct Metric: Sendable, Equatable {
        /// snake_case name (a JSON key).
        public var name: String
        /// The value.
        public var value: Double
    }

    /// The file checked.
    public var file: String
    /// The format it was read as.
    public var format: TraceFormat
    /// Data rows.
    public var rows: Int
    /// First time, seconds (trace's own time base), if the trace has times.
    public var start: Double?
    /// Last time (end of the last step for series), seconds.
    public var end: Double?
    /// Format-specific figures, in print order.
    public var metrics: [Metric]

    /// `end − start`, if the trace has times.
    public var timeSpan: Double? { start.flatMap { s in end.map { $0 - s } } }

    /// The value of metric `name`, if present.
    public func metric(_ name: String) -> Double? { metrics.first { $0.name == name }?.value }

    /// Reads `input` as `format`, validating every row, and summarizes it.
    public static func check(_ input: TraceInput, format: TraceFormat) throws -> TraceSummary {
        switch format {
        case .genaiDutyCycle: return summarize(try DutyCycleTrace.read(input))
        case .azureLLM: return summarize(try AzureLLMTrace.read(input))
        case .serveGen: return summarize(try ServeGenTrace.read(input))
        case .philly: return summarize(try PhillyRuntimeTrace.read(input))
        case .generic: return summarize(try GenericTrace.read(input))
        }
    }

    /// Summary of a duty-cycle trace: sample and per-pod distribution of the duty cycle (fractions).
    public static func summarize(_ t: DutyCycleTrace) -> TraceSummary {
        var m: [Metric] = [Metric(name: "pods", value: Double(t.pods.count))]
        let samples = t.allSamples
        if let s = DistributionSummary(samples) {
            m += [Metric(name: "mean_utilization", value: s.mean),
                  Metric(name: "median_utilization", value: s.median),
                  Metric(name: "p90_utilization", value: s.p90),
                  Metric(name: "p99_utilization", value: s.p99),
                  Metric(name: "max_utilization", value: s.maximum),
                  Metric(name: "zero_fraction", value: Double(samples.filter { $0 == 0 }.count) / Double(samples.count))]
        }
        if let p = DistributionSummary(t.pods.map(\.meanDutyCycle)) {
            m += [Metric(name: "pod_mean_utilization_median", value: p.median),
                  Metric(name: "pod_mean_utilization_p90", value: p.p90),
                  Metric(name: "pod_mean_utilization_max", value: p.maximum)]
        }
        let starts = t.pods.compactMap(\.times.first)
        let ends = t.pods.compactMap(\.times.last)
        return TraceSummary(file: t.file, format: .genaiDutyCycle, rows: t.rows, start: starts.min(),
                            end: ends.max(), metrics: m)
    }

    /// Summary of an Azure arrival trace: rate, inter-arrival CV, token means.
    public static func summarize(_ t: AzureLLMTrace) -> TraceSummary {
        let times = t.arrivalTimes
        var m = [Metric(name: "mean_rate_rps", value: t.meanRate)]
        if times.count > 2 {
            let gaps = zip(times.dropFirst(), times).map { $0 - $1 }
            let mean = gaps.reduce(0, +) / Double(gaps.count)
            let variance = gaps.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(gaps.count)
            m.append(Metric(name: "interarrival_cv", value: mean > 0 ? variance.squareRoot() / mean : 0))
        }
        if !t.requests.isEmpty {
            let n = Double(t.requests.count)
            m.append(Metric(name: "context_tokens_mean", value: Double(t.requests.reduce(0) { $0 + $1.contextTokens }) / n))
            m.append(Metric(name: "generated_tokens_mean", value: Double(t.requests.reduce(0) { $0 + $1.generatedTokens }) / n))
        }
        return TraceSummary(file: t.file, format: .azureLLM, rows: t.requests.count,
                            start: t.requests.isEmpty ? nil : 0, end: t.requests.last?.time, metrics: m)
    }

    /// Summary of a ServeGen trace: clients and the summed rate (time-weighted mean and peak).
    public static func summarize(_ t: ServeGenTrace) -> TraceSummary {
        var m = [Metric(name: "clients", value: Double(t.clients.count))]
        let aggregate = t.aggregateRate
        if let a = aggregate {
            m.append(Metric(name: "mean_rate_rps", value: a.timeWeightedMean))
            m.append(Metric(name: "peak_rate_rps", value: a.maximum))
        }
        return TraceSummary(file: t.file, format: .serveGen, rows: t.rows, start: aggregate?.start,
                            end: aggregate?.end, metrics: m)
    }

    /// Summary of Philly runtimes (seconds); the trace has no time axis.
    public static func summarize(_ t: PhillyRuntimeTrace) -> TraceSummary {
        var m: [Metric] = []
        if let s = t.summary {
            m = [Metric(name: "runtime_mean_s", value: s.mean), Metric(name: "runtime_median_s", value: s.median),
                 Metric(name: "runtime_p90_s", value: s.p90), Metric(name: "runtime_max_s", value: s.maximum)]
        }
        return TraceSummary(file: t.file, format: .philly, rows: t.runtimes.count, start: nil, end: nil, metrics: m)
    }

    /// Summary of a generic trace: time-weighted mean (and peak) of the series, or the arrival rate.
    public static func summarize(_ t: GenericTrace) -> TraceSummary {
        var m: [Metric] = []
        if let s = t.series {
            let key = ["util": "utilization", "rate": "rate_rps", "value": "value"][t.kind.rawValue] ?? "value"
            m = [Metric(name: "mean_\(key)", value: s.timeWeightedMean), Metric(name: "max_\(key)", value: s.maximum)]
            return TraceSummary(file: t.file, format: .generic, rows: t.rows, start: s.start, end: s.end, metrics: m)
        }
        if let first = t.arrivals.first, let last = t.arrivals.last, last > first {
            m = [Metric(name: "mean_rate_rps", value: Double(t.arrivals.count - 1) / (last - first))]
        }
        return TraceSummary(file: t.file, format: .generic, rows: t.rows, start: t.arrivals.first,
                            end: t.arrivals.last, metrics: m)
    }
}
