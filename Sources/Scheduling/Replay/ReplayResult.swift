/// What one placement replay produced (the FGD artifact's per-run measurements).
public struct ReplayResult: Sendable, Hashable {
    /// Cluster GPU capacity in milli-GPU.
    public var clusterGPUMilli: Int
    /// GPU request of all arrived pods, milli-GPU.
    public var arrivedGPUMilli: Int
    /// GPU milli allocated at the end.
    public var allocatedGPUMilli: Int
    /// Pods bound on arrival (including LS pods bound by preemption; evicted pods stay counted here,
    /// so pods running at the end = placed − ``preemptedPods``).
    public var placedPods: Int
    /// Pods that fit nowhere.
    public var failedPods: Int
    /// GPU allocation % against arrived GPU request %, discretised as the artifact's
    /// `merge_alloc_discrete.py`: entry k = mean of allocation % (rounded to 0.01) over the pod events
    /// whose arrived request rounds to k % of capacity (else those within k ± 1); `nil` if none.
    public var allocationByArrival: [Double?]
    /// Fragmented milli-GPU at the end (FGD definition), if a fragmentation model was given.
    public var fragmentedGPUMilli: Double?
    /// FNV-1a-64 digest of every decision (node and GPUs).
    public var digest: UInt64
    /// LS pods bound by preempting BE pods (0 without preemption).
    public var preemptingPods: Int = 0
    /// BE pods evicted by those preemptions (lost: no re-queue, see ``PlacementReplay``).
    public var preemptedPods: Int = 0
    /// GPU milli the evicted pods held.
    public var preemptedGPUMilli: Int = 0
    /// LS pods that fit nowhere (and, with preemption, found no plan).
    public var failedLSPods: Int = 0
    /// BE pods that fit nowhere (BE pods never preempt).
    public var failedBEPods: Int = 0

    /// Final allocation % of capacity.
    public var finalAllocationPercent: Double {
        clusterGPUMilli > 0 ? 100 * Double(allocatedGPUMilli) / Double(clusterGPUMilli) : 0
    }

    /// Allocation % at `percent` arrival (artifact discretisation), falling back to the final value.
    public func allocationPercent(atArrival percent: Int) -> Double {
        if percent >= 0, percent < allocationByArrival.count, let v = allocationByArrival[percent] { return v }
        return finalAllocationPercent
    }
}
