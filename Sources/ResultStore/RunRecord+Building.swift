import Foundation

extension RunRecord {
    /// Starts a record with the identifying fields; metrics are added with the `add…` helpers.
    ///
    /// `colosimVersion` is the caller's `ColosimVersion.string` (the store does not depend on the CLI).
    public init(scenarioName: String, scenarioText: String, seed: UInt64, policy: String, digest: String,
                colosimVersion: String, startedAt: Date, finishedAt: Date) {
        self.init(scenarioName: scenarioName, scenarioText: scenarioText, seed: seed,
                  colosimVersion: colosimVersion, digest: digest, policy: policy,
                  startedAt: startedAt, finishedAt: finishedAt)
    }

    /// Sets a numeric summary metric.
    public mutating func setSummary(_ name: String, _ value: Double) { summary[name] = .number(value) }
    /// Sets a boolean summary metric.
    public mutating func setSummary(_ name: String, _ value: Bool) { summary[name] = .bool(value) }

    /// Adds (or extends) the metrics of workload `name`.
    public mutating func addWorkload(_ name: String, kind: String, metrics: [String: MetricValue]) {
        if let i = workloads.firstIndex(where: { $0.name == name }) {
            workloads[i].metrics.merge(metrics) { _, new in new }
        } else {
            workloads.append(WorkloadMetrics(name: name, kind: kind, metrics: metrics))
        }
    }

    /// Adds (or extends) the metrics of GPU `gpu`.
    public mutating func addGPU(_ gpu: String, metrics: [String: MetricValue]) {
        if let i = gpus.firstIndex(where: { $0.gpu == gpu }) {
            gpus[i].metrics.merge(metrics) { _, new in new }
        } else {
            gpus.append(GPUMetrics(gpu: gpu, metrics: metrics))
        }
    }

    /// Adds a configured/achieved share.
    public mutating func addShare(container: String, engine: String = "compute", configured: Double, achieved: Double) {
        shares.append(ContainerShare(container: container, engine: engine, configured: configured, achieved: achieved))
    }

    /// Sets a time series from `(t_s, value)` pairs, downsampled to at most `maxPoints` points.
    public mutating func setSeries(_ name: String, _ points: [(t: Double, value: Double)], maxPoints: Int = 500) {
        series[name] = RunRecord.downsample(points.map { SeriesPoint(t: $0.t, value: $0.value) }, maxPoints: maxPoints)
    }

    /// Adds a latency CDF from sorted-or-unsorted latencies (ms), reduced to at most `maxPoints` points.
    public mutating func addLatencyCDF(workload: String, latenciesMs: [Double], slaTargetMs: Double?,
                                       slaQuantile: Double = 0.99, maxPoints: Int = 200) {
        latencyCDFs.append(LatencyCDF(workload: workload, slaTargetMs: slaTargetMs, slaQuantile: slaQuantile,
                                      points: RunRecord.empiricalCDF(latenciesMs, maxPoints: maxPoints)))
    }

    /// Reduces a series to at most `maxPoints` by averaging equal-count buckets (time and value).
    ///
    /// Bucket means keep the series' mean exactly when the buckets are equal-sized; the first and
    /// last buckets keep the series' start and end within one bucket.
    public static func downsample(_ points: [SeriesPoint], maxPoints: Int) -> [SeriesPoint] {
        guard maxPoints > 0, points.count > maxPoints else { return points }
        var out: [SeriesPoint] = []
        out.reserveCapacity(maxPoints)
        let n = points.count
        for b in 0..<maxPoints {
            let lo = b * n / maxPoints
            let hi = (b + 1) * n / maxPoints
            guard hi > lo else { continue }
            var st = 0.0, sv = 0.0
            for p in points[lo..<hi] { st += p.t; sv += p.value }
            let c = Double(hi - lo)
            out.append(SeriesPoint(t: st / c, value: sv / c))
        }
        return out
    }

    /// The empirical CDF of `values` at up to `maxPoints` evenly spaced ranks (always including the maximum).
    ///
    /// Point *k* is (x₍ᵢ₎, i/n) for the i-th smallest value x₍ᵢ₎, 1-based: the fraction of values ≤ x₍ᵢ₎
    /// when values are distinct.
    public static func empiricalCDF(_ values: [Double], maxPoints: Int) -> [LatencyCDF.Point] {
        let sorted = values.filter { !$0.isNaN }.sorted()
        let n = sorted.count
        guard n > 0, maxPoints > 0 else { return [] }
        let k = min(n, maxPoints)
        var out: [LatencyCDF.Point] = []
        out.reserveCapacity(k)
        for j in 1...k {
            let i = (j * n + k - 1) / k   // ceil(j·n/k), 1-based rank; j = k gives n
            out.append(LatencyCDF.Point(latencyMs: sorted[i - 1], fraction: Double(i) / Double(n)))
        }
        return out
    }
}
