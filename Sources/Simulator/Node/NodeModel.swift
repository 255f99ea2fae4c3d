import ColoModel
import SimEngine

/// The per-GPU node model of cluster runs: a GPU co-location state evaluated by the single-GPU
/// simulator — the same ``SimulatedGPU``, isolation engine (``IsolationSpec/install(into:)``) and
/// token accounting a single-GPU run uses (DESIGN §2 "one pipeline"). No formula of its own: how
/// the pods of one GPU slow each other down is whatever that simulation measures.
public enum NodeModel {
    /// Bumped whenever the node model's behaviour changes, so stored responses of an older model are
    /// never reused (the response cache keys on it).
    public static let version = "node-model-2"

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
            containers.append(ContainerSpec(id: ContainerID(k + 1), name: name, priority: pod.priority,
                                            weight: pod.weight, limitPercent: pod.limitPercent,
                                            workloads: w.map { [$0] } ?? []))
        }
        var config = SimulationConfig(profile: state.profile, containers: containers,
                                      duration: .seconds(window), seed: seed)
        config.drainLimit = .seconds(min(window, 0.5))
        config.recordLatencyBuckets = true
        config.snapshotAtDuration = true
        config.checkInvariants = false
        state.isolation.install(into: &config)
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
                            contextSwitchesPerSecond: Double(r.gpu.contextSwitches) / seconds, window: window,
                            events: r.events)
    }
}
