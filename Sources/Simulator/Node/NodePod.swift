import ColoModel
import SimEngine

/// What one pod runs on its GPU while the GPU's co-location state is constant: the node model's
/// per-pod input (DESIGN §2, §11).
public struct NodePod: Sendable, Hashable {
    /// The pod's work.
    public enum Work: Sendable, Hashable {
        /// An online inference replica: the batching and latency of `spec` (its own arrival ignored),
        /// fed Poisson requests at `ratePerSecond`.
        case inference(InferenceSpec, ratePerSecond: Double)
        /// A training job: back-to-back kernels of this shape (closed loop, two in flight, as the
        /// calibration's BE client).
        case training(KernelShape)
        /// Bursty offline work (data processing, model development) that would keep a GPU of its own
        /// busy `demand` of the time: Poisson kernels of this shape.
        case bursts(KernelShape, demand: Double)
        /// Render frames (a render service replica).
        case render(RenderSpec)
        /// A video stream on NVENC or NVDEC (a codec service replica).
        case codec(CodecStreamSpec)
    }

    /// The work.
    public var work: Work
    /// LS or BE.
    public var priority: PriorityClass
    /// Kernel-mode weight (one weight for compute, render and codec).
    public var weight: Double
    /// User-mode compute limit, percent (nil: unlimited).
    public var limitPercent: Double?
    /// Latency target of its requests or frames, seconds (nil: none).
    public var slaSeconds: Double?
    /// The user-mode host pid this pod's process shares with other pods of its GPU (HAMi-core's
    /// `set_task_pid` race, decided by the cluster when the pods started): pods of one group read
    /// the utilization of the group's owner (``ownsHostPid``); a group without an owner on the GPU
    /// reads a pid that is gone. nil: its own pid. The number only names the group.
    public var hostPidGroup: Int? = nil
    /// Whether the group's pid is this pod's own.
    public var ownsHostPid = false

    /// Creates a pod description.
    public init(work: Work, priority: PriorityClass, weight: Double = 1, limitPercent: Double? = nil,
                slaSeconds: Double? = nil) {
        self.work = work
        self.priority = priority
        self.weight = weight
        self.limitPercent = limitPercent
        self.slaSeconds = slaSeconds
    }

    /// The single-GPU workload that runs this pod's work on `device`, or nil when it offers nothing
    /// (an idle replica). The pod's GPU times are reference-device seconds
    /// (``DeviceProfile/workTimeFactor(dramFraction:)``): on a slower device its kernels take longer,
    /// its request and kernel rates stay the same. Render and codec work is not scaled.
    func workload(name: String, on device: DeviceProfile = .reference) -> WorkloadSpec? {
        let sla = slaSeconds.map { SimDuration.seconds($0) }
        switch work {
        case .inference(var spec, let rate):
            guard rate > 0 else { return nil }
            spec.arrival = .poisson(ratePerSecond: rate)
            let f = device.workTimeFactor(dramFraction: spec.dramFraction)
            if f != 1 {
                spec.alpha = Self.scaled(spec.alpha, f)
                spec.beta = Self.scaled(spec.beta, f)
                spec.blockDuration = Self.scaled(spec.blockDuration, f)
            }
            return WorkloadSpec(name: name, kind: .inference(spec), latencySLA: sla)
        case .training(let k):
            return WorkloadSpec(name: name, kind: .kernels(KernelStreamSpec(arrival: .closedLoop,
                                                                           kernel: Self.scaled(k, on: device), inFlight: 2)))
        case .bursts(let k, let demand):
            guard demand > 0 else { return nil }
            let rate = demand / max(k.work.seconds, 1e-9)
            return WorkloadSpec(name: name, kind: .kernels(KernelStreamSpec(arrival: .poisson(ratePerSecond: rate),
                                                                           kernel: Self.scaled(k, on: device), inFlight: 2)))
        case .render(let r):
            return WorkloadSpec(name: name, kind: .render(r), latencySLA: sla)
        case .codec(let c):
            return WorkloadSpec(name: name, kind: .codec(c), latencySLA: sla)
        }
    }

    /// `k` as it runs on `device`: its work and block time times the device's work-time factor.
    static func scaled(_ k: KernelShape, on device: DeviceProfile) -> KernelShape {
        let f = device.workTimeFactor(dramFraction: k.dramFraction)
        guard f != 1 else { return k }
        var s = k
        s.work = scaled(k.work, f)
        s.blockDuration = scaled(k.blockDuration, f)
        return s
    }

    /// `d × f` rounded (saturating), at least 1 ns (f is a device ratio: finite and positive).
    static func scaled(_ d: SimDuration, _ f: Double) -> SimDuration {
        SimDuration(nanoseconds: max(1, SimDuration.saturatingNanoseconds(Double(d.nanoseconds) * f)))
    }

    /// GPU seconds of reference-device work one completed launch of this pod represents (BE
    /// progress: the same on every device, so a slower device progresses a job more slowly).
    var workPerKernel: Double {
        switch work {
        case .training(let k), .bursts(let k, _): k.work.seconds
        default: 0
        }
    }

    /// The share of a GPU of its own this pod's compute work keeps busy when its load is steady: 1
    /// for training, the batch-1 duty (requests/s × (α + β)) of inference, an upper bound under
    /// batching; 0 for render and codec work, which never passes the user-mode gate; nil for bursty
    /// work, whose load follows its bursts.
    var steadyDemand: Double? {
        switch work {
        case .training: 1
        case .bursts: nil
        case .inference(let s, let rate): rate * (s.alpha.seconds + s.beta.seconds)
        case .render, .codec: 0
        }
    }

    /// A stable text of everything that makes this pod's behaviour, for cache keys.
    var keyText: String {
        let w: String
        switch work {
        case .inference(let s, let rate):
            w = "I\(s.maxBatch),\(s.maxWait.nanoseconds),\(s.alpha.nanoseconds),\(s.beta.nanoseconds),\(s.hostTime.nanoseconds),"
                + "\(s.kneeBatch),\(s.dramFraction),\(s.blocksPerItem),\(s.blockDuration.nanoseconds)@\(rate)"
        case .training(let k): w = "T" + Self.key(k)
        case .bursts(let k, let d): w = "B" + Self.key(k) + "@\(d)"
        case .render(let r): w = "R\(r.framesPerSecond ?? 0),\(r.inFlight)," + Self.key(r.frame)
        case .codec(let c): w = "C\(c.engine.rawValue),\(c.framesPerSecond ?? 0),\(c.frameWork?.nanoseconds ?? -1),\(c.inFlight)"
        }
        // The group's number is not part of the text: ``NodeColocationState/canonical(context:keys:)``
        // numbers the groups of a state in canonical order.
        let pid = hostPidGroup == nil ? "" : ownsHostPid ? "|pid-owner" : "|pid-reader"
        return "\(w)|\(priority.rawValue)|\(weight)|\(limitPercent.map { "\($0)" } ?? "-")|\(slaSeconds.map { "\($0)" } ?? "-")" + pid
    }

    static func key(_ k: KernelShape) -> String {
        "\(k.work.nanoseconds),\(k.smFraction),\(k.dramFraction),\(k.gridBlocks),\(k.blockDuration.nanoseconds)"
    }
}
