import Workload

/// One BE job in a cluster run: progress, checkpoints, pending overheads, bursts and counters.
struct ClusterJobState {
    var config: ClusterJobConfig
    var pod: Int
    var gpu: Int?
    var submitted = false
    var submitTime = 0.0
    var totalWork = 0.0
    var progress = 0.0
    var lastCheckpoint = 0.0
    /// When the last checkpoint was taken (simulated seconds), nil before the first.
    var lastCheckpointTime: Double?
    var checkpointWork = 0.0
    var checkpointCost = 0.0
    var restartCost = 0.0
    var pendingOverhead = 0.0
    var pendingRestart = 0.0
    var done = false
    var completedAt: Double?
    var workDone = 0.0
    var lost = 0.0
    var preemptions = 0.0
    var evictions = 0
    var restartSeconds = 0.0
    var queuedSeconds = 0.0
    var smFraction = 1.0
    var generator: WorkloadGenerator?
    var nextBurst: WorkloadEvent?
    var bursts: [(arrival: Double, left: Double)] = []
    var burstsDone = 0
    var burstTimeSum = 0.0
    var kindName = "training"
    /// The job's instance (resubmitted jobs: 0, 1, …) and how many instances finished.
    var instance = 0
    var instancesDone = 0
    /// Sum of the finished instances' completion times (submission to end), seconds.
    var instanceTimeSum = 0.0
    /// Whether the next binding pays the restart cost (the instance was evicted before).
    var restartOnBind = false
}
