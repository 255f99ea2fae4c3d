import Scheduling
import Simulator
import Workload

/// A cluster scenario (`schema: cluster`, docs/cluster.md): GPUs, a co-location policy, online
/// services and offline jobs, run by ``Simulator/ClusterSimulation``.
public struct ClusterScenario: Sendable {
    /// How a service's load is described in the file.
    public enum ServiceLoad: Sendable {
        /// Per replica, a GenAI duty-cycle pod profile scaled to `mean` (``Workload/DutyCycleShaper``).
        case genaiProfile(shaper: DutyCycleShaper, mean: Double)
        /// One utilization profile (a generic `time_s,util` trace or an archetype) for every replica,
        /// each replica's copy rotated by a seeded offset unless `rotate` is false.
        case utilization(TimeSeries, rotate: Bool)
        /// An arrival process for the whole service.
        case arrivals(ArrivalProcess)
        /// Render or codec replicas issue frames at their own rate.
        case frames
    }

    /// A service as written in the file.
    public struct Service: Sendable {
        /// Simulator settings apart from the load.
        public var base: ClusterServiceConfig
        /// The load description.
        public var load: ServiceLoad
    }

    /// Name.
    public var name: String
    /// Description.
    public var description: String
    /// The file it came from.
    public var file: String
    /// Default seed.
    public var seed: UInt64
    /// The scenario's policy (overridable on the command line).
    public var policy: ColocationPolicyKind
    /// The policies the scenario is meant to be compared across (informational).
    public var comparePolicies: [ColocationPolicyKind]
    /// Simulator settings with empty services (filled by ``simulationConfig(policy:seed:)``).
    public var base: ClusterSimulationConfig
    /// The services.
    public var services: [Service]
    /// `cluster.node_names`: the nodes' names (empty: unnamed, `node-0` …).
    public var nodeNames: [String] = []
    /// The live-cluster pod each service or job was imported from (`k8s:`), by service or job name.
    public var origins: [String: ClusterPodOrigin] = [:]

    /// The simulator configuration for `policy` and `seed` (profiles are drawn from `seed`).
    public func simulationConfig(policy: ColocationPolicyKind? = nil, seed: UInt64? = nil) throws -> ClusterSimulationConfig {
        let seed = seed ?? self.seed
        var c = base
        c.policy = policy ?? self.policy
        c.seed = seed
        var instance = 0
        c.services = try services.map { s in
            var out = s.base
            switch s.load {
            case .arrivals(let a):
                out.load = .arrivals(a)
            case .frames:
                out.load = .frames
            case .genaiProfile(let shaper, let mean):
                let n = max(1, s.base.replicas)
                let ps = try shaper.profiles(instances: instance..<(instance + n), targetMean: mean, seed: seed)
                instance += n
                out.load = .utilizationProfiles(ps)
            case .utilization(let series, let rotate):
                var ps: [TimeSeries] = []
                for k in 0..<max(1, s.base.replicas) {
                    let shift = rotate ? Double(k) * series.duration / Double(max(1, s.base.replicas)) : 0
                    ps.append(shift == 0 ? series : Self.rotated(series, by: shift))
                    instance += 1
                }
                out.load = .utilizationProfiles(ps)
            }
            return out
        }
        return c
    }

    /// `series` shifted later by `shift` seconds within its own period (looping).
    static func rotated(_ series: TimeSeries, by shift: Double) -> TimeSeries {
        let step = series.count > 1 ? series.stepLength(0) : series.duration
        let n = max(1, Int((series.duration / step).rounded()))
        let values = (0..<n).map { series.cyclicValue(at: series.start + Double($0) * step - shift) }
        return TimeSeries(start: series.start, step: step, values: values)
    }
}
