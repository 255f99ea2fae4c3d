#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ColoModel

/// Fragmentation gradient descent: place the pod where the node's fragmentation grows least.
///
/// Weng et al., "Beware of Fragmentation: Scheduling GPU-Sharing Workloads with Fragmentation
/// Gradient Descent", USENIX ATC'23. As the artifact scores it (`fgd_score.go`):
/// score = ⌊100 · sigmoid((F_before − F_after)/1000)⌋ with F from ``FragmentationModel``; a sharing
/// pod tries each GPU with room and keeps the best (lowest index on ties), which is also the GPU it
/// takes; whole-GPU pods take idle GPUs.
public struct FGDPolicy: PlacementPolicy {
    /// The fragmentation measure (typical pods of the workload).
    public let model: FragmentationModel

    /// Creates the policy from a fragmentation model.
    public init(model: FragmentationModel) { self.model = model }

    /// `fgd`.
    public var name: String { "fgd" }
    /// Unused for sharing pods (FGD names its GPU); tightest fit otherwise.
    public var gpuSelection: GPUSelection { .bestFit }

    /// FGD score of placing the pod on the node.
    public func score(_ shape: PodShape, on node: NodeState) -> PolicyScore {
        if shape.cpuMilli == 0 && shape.memoryMiB == 0 && !shape.needsGPU {
            return PolicyScore(ArtifactConstants.maxNodeScore)
        }
        let lefts = node.gpuMilliLeft
        let gpus = lefts.count
        let cpuAfter = node.cpuLeft - shape.scoringCPUMilli
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: max(gpus, 1)) { buf in
            for g in 0..<gpus { buf[g] = lefts[g] }
            let view = UnsafeBufferPointer(rebasing: buf[0..<gpus])
            let before = model.fragmentation(model: node.modelIndex, gpuMilliLeft: view, cpuLeft: node.cpuLeft)
            if shape.isSharing {
                var best = Int64.min
                var bestGPU = -1
                for g in 0..<gpus where lefts[g] >= shape.gpuMilli {
                    var duplicate = false
                    for h in 0..<g where lefts[h] == lefts[g] {
                        duplicate = true
                        break
                    }
                    if duplicate { continue }
                    buf[g] = lefts[g] - shape.gpuMilli
                    let after = model.fragmentation(model: node.modelIndex, gpuMilliLeft: view, cpuLeft: cpuAfter)
                    buf[g] = lefts[g]
                    let s = Self.score(before: before, after: after)
                    if bestGPU < 0 || s > best {
                        best = s
                        bestGPU = g
                    }
                }
                return PolicyScore(best, preferredGPU: bestGPU)
            }
            if shape.needsGPU {
                // NodeResource.Sub: take the tightest GPUs with room (stable ascending order).
                var need = shape.gpuCount
                var taken = GPUSet()
                while need > 0 {
                    var pick = -1
                    for g in 0..<gpus where !taken.contains(g) && lefts[g] >= shape.gpuMilli {
                        if pick < 0 || lefts[g] < lefts[pick] { pick = g }
                    }
                    if pick < 0 { break }
                    taken.insert(pick)
                    buf[pick] -= shape.gpuMilli
                    need -= 1
                }
            }
            let after = model.fragmentation(model: node.modelIndex, gpuMilliLeft: view, cpuLeft: cpuAfter)
            return PolicyScore(Self.score(before: before, after: after))
        }
    }

    /// ⌊100 · sigmoid(Δ/1000)⌋ for Δ = before − after (milli-GPU).
    @inline(__always)
    static func score(before: Double, after: Double) -> Int64 {
        let x = (before - after) / 1000
        return Int64(1.0 / (1.0 + exp(-x)) * Double(ArtifactConstants.maxNodeScore))
    }
}
