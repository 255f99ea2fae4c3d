import ColoModel

/// HAMi-style binpack or spread, chosen separately at node level and at GPU level.
///
/// HAMi (Project-HAMi/HAMi, `pkg/scheduler/score.go`) scores a node by how full it would be:
/// 10 · (request + used) / allocatable, summed over GPU devices in use and GPU share (for CPU pods:
/// CPU). Node `binpack` prefers the highest score, `spread` the lowest. At GPU level a sharing pod
/// takes the fullest GPU that fits (binpack) or the emptiest (spread).
public struct HAMiPolicy: PlacementPolicy {
    /// Binpack or spread.
    public enum Mode: String, Sendable, Hashable, CaseIterable {
        /// Fill up before opening a new one.
        case binpack
        /// Balance load.
        case spread
    }

    /// Node-level mode.
    public let nodeMode: Mode
    /// GPU-level mode.
    public let gpuMode: Mode

    /// Creates the policy.
    public init(node: Mode, gpu: Mode) {
        nodeMode = node
        gpuMode = gpu
    }

    /// `binpack`, `spread`, or `node-<mode>-gpu-<mode>` when the levels differ.
    public var name: String {
        nodeMode == gpuMode ? nodeMode.rawValue : "node-\(nodeMode.rawValue)-gpu-\(gpuMode.rawValue)"
    }

    /// Tightest GPU for binpack, emptiest for spread.
    public var gpuSelection: GPUSelection { gpuMode == .binpack ? .bestFit : .worstFit }

    /// 1000 × HAMi score (negated for spread).
    public func score(_ shape: PodShape, on node: NodeState) -> PolicyScore {
        var s: Double
        if shape.needsGPU, node.spec.gpuCount > 0 {
            let capacity = Double(node.spec.gpuCount * GPUShare.milliPerGPU)
            let used = capacity - Double(node.gpuMilliLeftTotal)
            let devicesUsed = Double(node.spec.gpuCount - node.fullyFreeGPUs)
            let devicesReq = Double(shape.isSharing ? (node.fullyFreeGPUs == node.spec.gpuCount ? 1 : 0) : shape.gpuCount)
            s = 10 * (Double(shape.totalGPUMilli) + used) / capacity
                + 10 * min(1, (devicesReq + devicesUsed) / Double(node.spec.gpuCount))
        } else {
            let cap = Double(max(node.spec.cpuMilli, 1))
            s = 10 * (Double(shape.cpuMilli) + Double(node.spec.cpuMilli - node.cpuLeft)) / cap
        }
        if nodeMode == .spread { s = -s }
        return PolicyScore(Int64((s * 1000).rounded()))
    }
}
