import ColoModel
import SimEngine

extension SimulatedGPU {
    /// Device invariants (checked after every event in debug and test builds): SM shares sum to
    /// ≤ 1, no item beyond its SM fraction, rates in [0, 1], codec engines not over-used, memory
    /// within capacity and quotas, work never negative beyond rounding.
    public func invariantViolations() -> [String] {
        var out = memory.invariantViolations()
        var sum = 0.0
        for item in graphics {
            sum += item.smShare
            if item.smShare > item.shape.smFraction + 1e-9 { out.append("item \(item.id): share \(item.smShare) > SM fraction") }
            if item.progressRate < 0 || item.progressRate > 1 + 1e-9 { out.append("item \(item.id): rate \(item.progressRate)") }
            if item.remaining < -1 { out.append("item \(item.id): remaining \(item.remaining) < 0") }
            if item.smShare > 0 && !item.eligible { out.append("item \(item.id) runs before its stream predecessor") }
        }
        if sum > 1 + 1e-9 { out.append("SM shares sum to \(sum) > 1") }
        if nvenc.filter(\.running).count > profile.nvencEngines { out.append("NVENC over-used") }
        if nvdec.filter(\.running).count > profile.nvdecEngines { out.append("NVDEC over-used") }
        return out
    }
}
