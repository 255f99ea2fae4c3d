import ColoModel
import Scheduling
import Workload

/// The FGD placement replay experiment (Weng et al., ATC'23, §6) set up once for `colosim place` and
/// the `placement/…` case of `colosim bench check`: an openb node list and pod list loaded, the cluster
/// and its typical pods built, and one arrival workload per seed.
///
/// Pods are shuffled by seed and topped up (or thinned) until their GPU request is `arrive` × the
/// cluster's GPU capacity (``Workload/OpenbReplayWorkload``); each policy replays every workload with
/// `maxPercent` = ``percent``.
public struct PlacementExperiment: Sendable {
    /// The nodes of the node list, in file order.
    public let nodes: [NodeSpec]
    /// The pods of the pod list, in file order.
    public let trace: [PodRequest]
    /// The empty cluster of `nodes`.
    public let cluster: ClusterState
    /// The trace's typical pods (fragmentation-aware policies use them).
    public let typicalPods: [TypicalPod]
    /// Arrived GPU request in percent of the cluster's GPU capacity (`arrive` × 100, rounded).
    public let percent: Int
    /// One arrival workload per seed, in seed order.
    public let workloads: [OpenbReplayWorkload]

    /// Loads `nodesFile` and `podsFile` (openb CSVs) and builds the workloads of `seeds` arriving to
    /// `arrive` × GPU capacity. A malformed or empty file, or a cluster without GPUs, is an ``InputError``.
    public init(nodesFile: String, podsFile: String, arrive: Double, seeds: [UInt64],
                stream: OpenbRandomStream = .go) throws {
        let nodeSpecs = try Self.load { try OpenbNodeList.load(path: nodesFile) }
        let trace = try Self.load { try OpenbPodList.load(path: podsFile) }
        guard !nodeSpecs.isEmpty else { throw InputError(file: nodesFile, "no nodes") }
        guard !trace.isEmpty else { throw InputError(file: podsFile, "no pods") }
        let cluster = ClusterState(nodes: nodeSpecs)
        guard cluster.gpuMilliCapacity > 0 else { throw InputError(file: nodesFile, "the cluster has no GPU") }
        nodes = nodeSpecs
        self.trace = trace
        self.cluster = cluster
        typicalPods = TypicalPods.build(from: trace)
        percent = Int((arrive * 100).rounded())
        workloads = seeds.map {
            OpenbReplayWorkload(trace: trace, nodes: nodeSpecs, ratio: arrive, seed: $0, stream: stream)
        }
    }

    /// Runs `body`, mapping an ``Workload/OpenbFormatError`` to an ``InputError`` naming file, line and column.
    public static func load<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let e as OpenbFormatError {
            throw InputError(file: e.file, line: e.line > 0 ? e.line : nil,
                             field: e.column.map { "column \($0)" }, e.message)
        }
    }
}
