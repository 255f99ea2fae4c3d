import ColoModel
import SimEngine

/// NVML's per-process SM utilization samples, as the driver keeps them (``UtilizationReport/nvmlProcessSamples(period:)``).
///
/// Measured on an H200 (driver 580.159.04; `calibration/hami/hami-h200-run2-nvml.jsonl`, read with
/// `nvmlDeviceGetProcessUtilization`): the driver takes one sample every 200 ms; each sample has one
/// process (a fed process alone: 99; a 20%-duty process alone: about 20; two fed processes
/// time-slicing: each sample is 99 and names one of them; an LS process using 2% beside a BE process
/// using 20% is named with the *device's* value, 11–47); asked for the samples since a time, NVML
/// returns one entry per process whose value is the sum of its samples divided by the number of
/// samples in that interval (two fed processes: 20/80, 40/60 — fifths of 99 for a 1 s interval).
///
/// Model: at every period end the sample takes the device's SM busy percentage over the period
/// (truncated) and gives it to the context resident on the SMs at that instant (the holder, or the
/// last holder while the GPU idles); with the SMs shared (``DomainGrant/shared``: MPS, or streams of
/// one context) each context gets its own SM share instead. No sample is taken before a context has
/// run. Values are per context (a container's process).
public struct NVMLProcessSampler: Hashable, Sendable {
    /// One driver sample.
    public struct Sample: Hashable, Sendable {
        /// End of the sampled period.
        public var time: Instant
        /// Percent per context named in the sample.
        public var values: [ContainerID: Int]
    }

    /// Sampling period of the driver (200 ms measured on the H200).
    public let period: SimDuration
    /// Samples kept, oldest first (at most ``capacity``).
    public private(set) var samples: [Sample] = []
    /// Samples kept for windows (256 × 200 ms = 51 s).
    public let capacity = 256
    private var lastBusyTime: Double = 0
    private var lastTime: Instant?
    private var lastUsage: [ContainerID: Double] = [:]

    /// A sampler with the driver's `period`.
    public init(period: SimDuration) { self.period = period }

    /// Takes the sample of the period that ends at `device.now` (since the last sample; the first
    /// covers one `period`); `contextOf` maps each container to its context.
    public mutating func sample(_ device: SimulatedGPU, contextOf: [ContainerID: ContainerID]) {
        let elapsed = lastTime.map { device.now - $0 } ?? period
        lastTime = device.now
        let p = Double(max(1, elapsed.nanoseconds))
        let busy = device.busyTime - lastBusyTime
        lastBusyTime = device.busyTime
        var perContext: [ContainerID: Double] = [:]
        for (c, ctx) in contextOf {
            let u = device.usage(of: c)
            let total = u.compute + u.render
            perContext[ctx, default: 0] += total - (lastUsage[c] ?? 0)
            lastUsage[c] = total
        }
        let g = device.grants[.graphics] ?? DomainGrant()
        var values: [ContainerID: Int] = [:]
        if g.shared {
            for (ctx, used) in perContext where used > 0 { values[ctx] = Self.percent(used / p) }
        } else if let resident = g.holder ?? g.lastHolder {
            values[resident] = Self.percent(busy / p)
        }
        guard !values.isEmpty || !samples.isEmpty else { return }
        samples.append(Sample(time: device.now, values: values))
        if samples.count > capacity { samples.removeFirst(samples.count - capacity) }
    }

    /// Each context's utilization in [0, 1] over `(now − window, now]`, as NVML answers a query for
    /// the samples since `now − window`: Σ its samples / samples in the window, in whole percent.
    /// Contexts named in no sample of the window are absent (NVML lists no entry for them).
    public func utilization(at now: Instant, window: SimDuration) -> [ContainerID: Double] {
        let from = now - window
        var sums: [ContainerID: Int] = [:]
        var n = 0
        for s in samples.reversed() {
            if s.time <= from { break }
            if s.time > now { continue }
            n += 1
            for (c, v) in s.values { sums[c, default: 0] += v }
        }
        guard n > 0 else { return [:] }
        return sums.mapValues { (Double($0) / Double(n)).rounded() / 100 }
    }

    /// A fraction as NVML's whole percent (truncated, within 0...100).
    static func percent(_ fraction: Double) -> Int {
        Int(max(0, min(100, (fraction * 100).rounded(.towardZero))))
    }
}
