import ColoModel

/// How a co-location policy configures the pipeline's scheduler (DESIGN §6): the placement policy
/// of each resource pool, how many milli-GPU pods request, pod limits per GPU and tidal
/// autoscaling. It owns no latency or sharing formula: what co-located pods do to each other is
/// the node model's (GPUDevice + Isolation) alone.
public struct ColocationConfig: Sendable, Hashable {
    /// Where BE pods get their GPU share.
    public enum BEPool: String, Sendable, Hashable {
        /// The same pool as LS pods: a BE pod's milli-GPU counts against the GPU's 1000.
        case shared
        /// A separate pool that exists only on GPUs running an LS pod (the LS pods' reclaimable
        /// capacity, as Koordinator's batch resources): BE pods go beside LS pods, never alone.
        case besideLS = "beside-ls"
    }

    /// GPUs in the cluster (indexed 0..<gpuCount, node-major).
    public var gpuCount: Int
    /// GPUs per node.
    public var gpusPerNode: Int
    /// Device memory per GPU, MiB [V100 16 GB]; a node offers GPUs × this to pods' memory requests.
    public var gpuMemoryMiB: Int
    /// GPUs of each node, node-major, for clusters whose nodes differ (nil: nodes of ``gpusPerNode``,
    /// the last one holding what is left). Used when its counts are positive and sum to ``gpuCount``.
    public var nodeGPUCounts: [Int]? = nil
    /// Device memory of each GPU, MiB (nil: ``gpuMemoryMiB`` for every GPU).
    public var gpuMemoryMiBs: [Int]? = nil
    /// Placement policy of LS pods (and of every pod when BE shares their pool).
    public var placement: PlacementPolicyKind
    /// Placement policy of BE pods in the beside-LS pool.
    public var bePlacement: PlacementPolicyKind
    /// The BE pool.
    public var bePool: BEPool
    /// LS pods request a whole GPU (1000 milli) instead of their own `gpu_milli`.
    public var lsWholeGPU: Bool
    /// BE pods request a whole GPU instead of their own `gpu_milli`.
    public var beWholeGPU: Bool
    /// Most pods on one GPU [qGPU: 16 instances per GPU, DESIGN §5].
    public var maxPodsPerGPU: Int
    /// Most BE pods beside the LS pods of one GPU (beside-LS pool).
    public var maxBEPerGPU: Int
    /// Tidal: LS services autoscale (`serviceLoad` events) and GPUs they free are lent to BE pods.
    public var autoscale: Bool
    /// Tidal: the autoscaled services.
    public var tidalServices: [TidalService]

    /// The configuration `kind` defaults to (placement, pools, limits), over `gpuCount` GPUs.
    public init(kind: ColocationPolicyKind, gpuCount: Int, gpusPerNode: Int = 8, gpuMemoryMiB: Int = 16 * 1024) {
        self.gpuCount = gpuCount
        self.gpusPerNode = max(1, gpusPerNode)
        self.gpuMemoryMiB = gpuMemoryMiB
        placement = .binpack
        bePlacement = .spread
        maxPodsPerGPU = 16
        maxBEPerGPU = 2
        autoscale = false
        tidalServices = []
        switch kind {
        case .dedicated:
            bePool = .shared
            lsWholeGPU = true
            beWholeGPU = true
            maxPodsPerGPU = 1
        case .shared:
            bePool = .shared
            lsWholeGPU = false
            beWholeGPU = false
        case .preemptive, .timeSliced:
            bePool = .besideLS
            lsWholeGPU = true
            beWholeGPU = false
        case .tidal:
            bePool = .shared
            lsWholeGPU = true
            beWholeGPU = true
            maxPodsPerGPU = 1
            autoscale = true
        }
    }

    /// GPUs of each node: ``nodeGPUCounts`` when it describes ``gpuCount`` GPUs, else nodes of
    /// ``gpusPerNode`` with the last one holding what is left. O(nodes).
    public var nodeLayout: [Int] {
        if let c = nodeGPUCounts, !c.isEmpty, c.allSatisfy({ $0 > 0 }), c.reduce(0, +) == gpuCount { return c }
        let per = max(1, gpusPerNode)
        return stride(from: 0, to: max(0, gpuCount), by: per).map { min(per, gpuCount - $0) }
    }

    /// Device memory of GPU `g`, MiB: its entry in ``gpuMemoryMiBs`` when there is one, else
    /// ``gpuMemoryMiB``.
    public func memoryMiB(ofGPU g: Int) -> Int {
        if let m = gpuMemoryMiBs, g >= 0, g < m.count { return m[g] }
        return gpuMemoryMiB
    }

    /// The milli-GPU a pod of `priorityClass` asking for `requested` takes under this configuration.
    public func milli(_ priorityClass: PriorityClass, requested: Int) -> Int {
        let whole = priorityClass == .latencySensitive ? lsWholeGPU : beWholeGPU
        return whole ? GPUShare.milliPerGPU : min(GPUShare.milliPerGPU, max(1, requested))
    }
}
