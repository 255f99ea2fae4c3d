import Scheduling

/// What a cluster run measured.
public struct ClusterSimulationResult: Sendable {
    /// Per online service.
    public struct Service: Sendable {
        /// Name.
        public var name: String
        /// `inference`, `render` or `codec`.
        public var kind: String = "inference"
        /// Requests (frames) served.
        public var requests: Double
        /// Requests (frames) offered.
        public var offered: Double = 0
        /// Requests offered and never served (no replica, no GPU, dropped frames, backlog at the end
        /// of a step): SLA misses, never latencies.
        public var unserved: Double = 0
        /// p50 / p99 latency, seconds.
        public var p50: Double
        public var p99: Double
        /// SLA target, seconds.
        public var p99Target: Double
        /// Fraction of requests within the target.
        public var attainment: Double
        /// Whether the SLA holds: p99 ≤ target and at most 1 % of offered requests unserved.
        public var slaMet: Bool { p99 <= p99Target && unservedFraction <= 0.01 }
        /// Fraction of offered requests never served.
        public var unservedFraction: Double { offered > 0 ? unserved / offered : 0 }
        /// Replicas: mean and peak over the run.
        public var replicasMean: Double
        public var replicasPeak: Int
        /// The highest p99 of any single window (one replica's node evaluation); the run's p99 never exceeds it.
        public var worstStepP99: Double
        /// Latency CDF: seconds at each of ``LatencyQuantile/cdfFractions`` (empty without requests); not
        /// part of the digest.
        public var latencyQuantiles: [Double] = []
    }
    /// One point of the utilization time series (a bucket of steps; not part of the digest).
    public struct Sample: Sendable {
        /// Bucket midpoint, seconds since the start.
        public var t: Double
        /// Mean GPUs with at least one pod.
        public var gpusUsed: Double
        /// Mean duty cycle over the GPUs in use, 0–1.
        public var utilization: Double
        /// Mean duty cycle over all GPUs of the cluster, 0–1.
        public var clusterUtilization: Double
    }
    /// Per offline job.
    public struct Job: Sendable {
        /// Name.
        public var name: String
        /// `training`, `data-processing` or `model-development`.
        public var kind: String
        /// GPU seconds of useful work done (at full speed).
        public var workDone: Double
        /// GPU seconds of progress lost (preemptions, evictions).
        public var lostWork: Double
        /// Preemptions suffered.
        public var preemptions: Double
        /// Evictions (tidal reclaims).
        public var evictions: Int
        /// Seconds spent restarting after evictions.
        public var restartSeconds: Double
        /// Completion time (training: submit → finish), nil if unfinished.
        public var completionTime: Double?
        /// Interactive: bursts finished and their mean completion time (arrival → done), seconds.
        public var burstsDone: Int
        public var meanBurstTime: Double?
        /// Seconds the job waited without a GPU.
        public var queuedSeconds: Double
        /// Instances that finished (a resubmitted job runs many; others 0 or 1).
        public var instancesDone = 0
        /// Whether the job is submitted again when it finishes (``ClusterJobConfig/resubmit``).
        public var resubmits = false
        /// User mode: the job or replica whose host pid the job's last process took in HAMi-core's
        /// race (it started with it on one GPU), and whose utilization its limiter read; nil: its own.
        public var hostPidOf: String? = nil
    }
    /// The policy run.
    public var policy: String
    /// GPUs in the cluster.
    public var gpuCount: Int
    /// Simulated span, seconds.
    public var duration: Double
    /// Mean over time of GPUs with at least one pod.
    public var gpusUsedMean: Double
    /// Most GPUs used at once.
    public var gpusUsedPeak: Int
    /// The GPUs of the nodes that ever held a pod (0: none). The placements prefer the lowest-numbered
    /// of tied nodes, so a cluster of just these nodes, in the same order, makes the same decisions
    /// (a node never chosen changes no choice): what the run needed (`plan`'s span search).
    public var gpusOfNodesUsed = 0
    /// Mean duty cycle over the GPUs in use (nvidia-smi utilization), 0–1.
    public var utilizationMean: Double
    /// Mean SM-time over the GPUs in use, 0–1.
    public var smTimeMean: Double
    /// Mean duty cycle over all GPUs of the cluster, 0–1.
    public var clusterUtilizationMean: Double
    /// Mean allocated fraction of the cluster's GPU capacity (Σ quotas, ≤ 1 per GPU).
    public var allocationRatio: Double
    /// Per service.
    public var services: [Service]
    /// Utilization over time, at most ``ClusterModel`` series-bucket count points.
    public var series: [Sample] = []
    /// Per job.
    public var jobs: [Job]
    /// Tidal: GPUs reclaimed from BE jobs, and GPU seconds of BE work lost to the reclaims.
    public var reclaims: Int
    /// Steps simulated.
    public var steps: Int
    /// The fidelity level.
    public var fidelity: String = "response"
    /// Node-model evaluations run (distinct states at `response`, GPU-steps at `event`).
    public var statesEvaluated: Int = 0
    /// `response`: fraction of state look-ups answered by the cache.
    public var responseCacheHitRate: Double = 0
    /// Events the node model handled in all its evaluations.
    public var nodeEvents: UInt64 = 0
    /// Context switches on the SMs of all GPUs.
    public var contextSwitches: Double = 0
    /// The isolation engine of every GPU.
    public var engine: String = "none"
    /// The placement policy.
    public var placement: String = ""
    /// Per GPU, mean utilization in each of ``heatBucketSeconds``-long columns (not part of the digest).
    public var gpuHeat: [[Double]] = []
    /// Width of a heat-map column, seconds.
    public var heatBucketSeconds: Double = 0
    /// FNV-1a 64 digest of the per-step trace and the result scalars.
    public var digest: String
    /// Explained runs: the first ``ClusterSimulationConfig/explain`` decisions of each explained kind,
    /// in time order (not part of the digest).
    public var decisions: [ClusterDecision] = []
    /// Explained runs: how many decisions of each explained kind the run made (preempt: episodes,
    /// see docs/cluster.md); empty otherwise.
    public var decisionCounts: [ColocationDecisionKind: Int] = [:]

    /// Whether every service met its SLA.
    public var allSLAMet: Bool { services.allSatisfy(\.slaMet) }
    /// Total BE work done, GPU seconds.
    public var beWorkDone: Double { jobs.reduce(0) { $0 + $1.workDone } }
    /// Total BE work lost, GPU seconds.
    public var beLostWork: Double { jobs.reduce(0) { $0 + $1.lostWork } }
    /// Seconds BE jobs spent restarting after evictions.
    public var beRestartSeconds: Double { jobs.reduce(0) { $0 + $1.restartSeconds } }
    /// Total preemptions.
    public var preemptions: Double { jobs.reduce(0) { $0 + $1.preemptions } }
}
