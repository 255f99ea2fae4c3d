import ColoModel

/// FGD's node fragmentation F_n = Σ_m p_m · F_n(m), computed exactly as the artifact computes it.
///
/// Weng et al., ATC'23 §4.2; hkust-adsl/kubernetes-scheduler-simulator `pkg/utils/frag.go`
/// (`NodeGpuShareFragAmount`, `GetNodePodFrag`, `FragAmountSumExceptQ3`): each typical pod m, in the
/// artifact's order (most popular first), classifies the node — CPU pods: XL (CPU fits) or XR;
/// GPU model not allowed: no-access; enough GPUs with m's share free: Q3 (CPU fits) or Q4; else Q2
/// (CPU fits) or Q1 — and adds p_m × amount to that class: for Q3 the idle milli-GPU on GPUs with
/// less free than m's share (counted as Q2) and the rest (Q3), for every other class all idle
/// milli-GPU. F_n is the sum of the class totals except Q3, in the artifact's class order
/// (Q1, Q2, Q4, XL, XR, NA). The floating-point operations are the artifact's, in its order, so FGD
/// scores ⌊100·sigmoid(ΔF/1000)⌋ land on the same integers — including ΔF that is zero in exact
/// arithmetic, where a different summation order would tip 50 to 49.
public struct FragmentationModel: Sendable {
    /// Typical pods in the artifact's order: CPU request (non-zero), milli-GPU per GPU, GPU count, popularity.
    let cpus: [Int]
    let shares: [Int]
    let counts: [Int]
    let popularity: [Double]
    /// `accessible[(model + 1) · pods + i]`: typical pod `i` may use a node of GPU model index `model`
    /// (−1: no known model).
    let accessible: [Bool]
    /// The typical pods the model was built from.
    public let typicalPods: [TypicalPod]

    /// Builds the model for the GPU models of `cluster`.
    public init(typicalPods: [TypicalPod], cluster: ClusterState) {
        self.typicalPods = typicalPods
        cpus = typicalPods.map(\.cpuMilli)
        shares = typicalPods.map { $0.gpuCount > 0 ? $0.gpuMilli : 0 }
        counts = typicalPods.map(\.gpuCount)
        popularity = typicalPods.map(\.popularity)
        // The scheduler's own model rule (`ClusterState.modelMask`, as its filter applies it): a pod
        // without a model list fits any node; one that names models fits only nodes of a listed model.
        let masks = typicalPods.map { cluster.modelMask(for: $0.gpuModels.split(separator: "|").map(String.init)) }
        var accessible: [Bool] = []
        for modelIndex in -1..<cluster.gpuModels.count {
            for mask in masks {
                accessible.append(mask == ~0 || (modelIndex >= 0 && modelIndex < 64 && mask & (1 << UInt64(modelIndex)) != 0))
            }
        }
        self.accessible = accessible
    }

    /// Fragmented milli-GPU of `node` in its current state.
    public func fragmentation(of node: NodeState) -> Double {
        node.gpuMilliLeft.withUnsafeBufferPointer { fragmentation(model: node.modelIndex, gpuMilliLeft: $0, cpuLeft: node.cpuLeft) }
    }

    /// Fragmented milli-GPU of a node of GPU model `model` with the given free shares and CPU.
    public func fragmentation(model: Int, gpuMilliLeft lefts: UnsafeBufferPointer<Int>, cpuLeft: Int) -> Double {
        var idle = 0
        for v in lefts { idle += v }
        let idleMilli = Double(idle)
        let n = cpus.count
        let row = (model + 1) * n
        let rowValid = model >= -1 && row + n <= accessible.count
        var q1 = 0.0, q2 = 0.0, q4 = 0.0, xl = 0.0, xr = 0.0, na = 0.0
        for i in 0..<n {
            let freq = popularity[i]
            let cpuFits = cpuLeft >= cpus[i]
            let share = shares[i]
            if share == 0 {
                if cpuFits { xl += freq * idleMilli } else { xr += freq * idleMilli }
                continue
            }
            if !rowValid || !accessible[row + i] {
                na += freq * idleMilli
                continue
            }
            var need = counts[i]
            var hosts = false
            for v in lefts where v >= share {
                need -= 1
                if need <= 0 {
                    hosts = true
                    break
                }
            }
            if hosts {
                if cpuFits {
                    var fragMilli = 0
                    for v in lefts where v < share { fragMilli += v }
                    q2 += freq * Double(fragMilli)
                } else {
                    q4 += freq * idleMilli
                }
            } else if cpuFits {
                q2 += freq * idleMilli
            } else {
                q1 += freq * idleMilli
            }
        }
        var out = 0.0
        out += q1
        out += q2
        out += q4
        out += xl
        out += xr
        out += na
        return out
    }
}
