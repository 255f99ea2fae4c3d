import ColoModel
import SimEngine

/// The per-GPU node model of cluster runs: a GPU co-location state evaluated by the single-GPU
/// simulator — the same ``SimulatedGPU``, isolation engine (``IsolationSpec/install(into:)``) and
/// token accounting a single-GPU run uses (DESIGN §2 "one pipeline"). No formula of its own: how
/// the pods of one GPU slow each other down is whatever that simulation measures.
public enum NodeModel {
    /// Bumped whenever the node model's behaviour changes, so stored responses of an older model are
    /// never reused (the response cache keys on it).
    public static let version = "node-model-3"

    /// Simulates `state` for `window` seconds (plus a short drain so requests in flight at the end
    /// complete) from `seed` and returns what every pod got. Pods offering no load run no workload.
    /// Throws ``SimulationConfigError`` when the state cannot be simulated.
    public static func evaluate(_ state: NodeColocationState, window: Double, seed: UInt64) throws -> NodeResponse {
        var containers: [ContainerSpec] = []
        var workloadOf: [Int?] = []
        for (k, pod) in state.pods.enumerated() {
            let name = "p\(k)"
            let w = pod.workload(name: name, on: state.profile)
            workloadOf.append(w == nil ? nil : containers.reduce(0) { $0 + $1.workloads.count })
            var spec = ContainerSpec(id: ContainerID(k + 1), name: name, priority: pod.priority,
                                     weight: pod.weight, limitPercent: pod.limitPercent, workloads: w.map { [$0] } ?? [])
            // The pods' processes started at different times in the cluster, which decided the
            // host-pid race then; here they all start at 0, so the engine must not race again.
            spec.hostPidOf = hostPid(of: k, in: state.pods)
            containers.append(spec)
        }
        let warmUp = warmUp(state)
        var config = SimulationConfig(profile: state.profile, containers: containers,
                                      duration: .seconds(window + warmUp), seed: seed)
        config.measureFrom = .seconds(warmUp)
        config.drainLimit = .seconds(min(window, 0.5))
        config.recordLatencyBuckets = true
        config.snapshotAtDuration = true
        config.checkInvariants = false
        // NVML's sample clock has an arbitrary phase against the processes' starts (the replay averages
        // five): a phase of 0 names the first pod whenever the slices divide 200 ms (a V100's 2 ms
        // slices do), so each evaluation takes a phase from its seed instead.
        var isolation = state.isolation
        if case .userMode(var p) = isolation, p.nvmlSamplePeriodNs > 0 {
            p.nvmlSamplePhaseNs = Int64(seed % UInt64(p.nvmlSamplePeriodNs))
            isolation = .userMode(p)
        }
        isolation.install(into: &config)
        let r = try GPUSimulation.run(config)
        let seconds = max(window, 1e-9)
        // Utilization and BE work over exactly the window (``DurationSnapshot``): the drain's completions
        // and idle time would bias both by about (drain work) / window.
        let snapshot = r.atDuration
        var pods: [NodeResponse.Pod] = []
        for (k, pod) in state.pods.enumerated() {
            let share = k < r.containers.count ? r.containers[k].achievedShare.compute : 0
            guard let wi = workloadOf[k], wi < r.workloads.count else {
                pods.append(NodeResponse.Pod(offeredPerSecond: 0, servedPerSecond: 0, withinSLAPerSecond: 0,
                                             droppedPerSecond: 0, latency: LatencyBuckets(), workPerSecond: 0,
                                             computeShare: share, throttledPerSecond: 0))
                continue
            }
            let w = r.workloads[wi]
            let within = (w.slaAttainment ?? 1) * Double(w.completed)
            pods.append(NodeResponse.Pod(
                offeredPerSecond: Double(w.issued) / seconds, servedPerSecond: Double(w.completed) / seconds,
                withinSLAPerSecond: within / seconds, droppedPerSecond: Double(w.dropped) / seconds,
                latency: w.latencyBuckets ?? LatencyBuckets(),
                workPerSecond: (snapshot.map { wi < $0.kernels.count ? $0.kernels[wi] : 0 }
                                ?? Double(w.kernelsCompleted)) * pod.workPerKernel / seconds,
                computeShare: share, throttledPerSecond: Double(w.throttledLaunches) / seconds))
        }
        let nanoseconds = seconds * 1e9
        return NodeResponse(pods: pods,
                            utilization: snapshot.map { min(1, $0.busyTime / nanoseconds) } ?? r.gpu.utilization,
                            smUtilization: snapshot.map { min(1, $0.smTime / nanoseconds) } ?? r.gpu.smUtilization,
                            contextSwitchesPerSecond: Double(r.gpu.contextSwitches) / (seconds + warmUp), window: window,
                            events: r.events)
    }

    /// The warm-up before the measured window, seconds: the pods of a cluster GPU ran before the
    /// step, so the user-mode engine is measured in its steady state, not from a fresh start every
    /// step. A fresh HAMi-core process reads utilization 0 until NVML has samples, raises its refill
    /// share and banks tokens up to its pool (SMs × maxThreadsPerSM × 32); a container that then
    /// reads a high utilization runs on that bank until it is spent. On a V100 the pool is 5.24 M
    /// tokens: 10.2 s of full-GPU cluster BE kernels (2,560 blocks per 5 ms); on an H200 8.65 M, 2.3 s
    /// of them. Without the warm-up, `response` fidelity (2 s BE windows) measured a 10/90 pair as
    /// two unlimited containers while `event` (10 s steps) starved the 10 % one; with it both starve
    /// it on the H200 (`ClusterHostPidTests`). Used where ``warmUp(_:)`` says; the other engines
    /// keep no state beyond a timeslice.
    public static let userModeWarmUp = 10.0

    /// The warm-up `state` is simulated with before its window: ``userModeWarmUp`` under the user-mode
    /// engine when a pod with a steady load demands more of the GPU than its limit (only such a pod
    /// runs on its bank and is throttled once it is spent; one within its limit is never throttled
    /// either way), else 0. Bursty BE work has no steady state: its bank refills while it thinks and
    /// is spent at its next burst, a history a step's state does not carry, so it is evaluated from a
    /// fresh start as before (and the warm-up would multiply the cost of the many short BE-only states:
    /// recsys under `shared` 10 s → 43 s cold).
    static func warmUp(_ state: NodeColocationState) -> Double {
        guard case .userMode = state.isolation else { return 0 }
        let needs = state.pods.contains { pod in
            guard let limit = pod.limitPercent, let demand = pod.steadyDemand else { return false }
            return demand > limit / 100
        }
        return needs ? userModeWarmUp : 0
    }

    /// The container whose host pid pod `k` reads under the user-mode engine: its group's owner, a
    /// container that does not exist when the owner has left the GPU, or its own.
    static func hostPid(of k: Int, in pods: [NodePod]) -> ContainerID {
        guard let g = pods[k].hostPidGroup, !pods[k].ownsHostPid else { return ContainerID(k + 1) }
        guard let owner = pods.firstIndex(where: { $0.hostPidGroup == g && $0.ownsHostPid }) else {
            return ContainerID(0)
        }
        return ContainerID(owner + 1)
    }
}
