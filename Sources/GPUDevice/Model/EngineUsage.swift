import ColoModel

/// Time integrals of one container's engine use since the start, in nanoseconds × share.
///
/// compute / render: ∫ SM share; nvenc / nvdec: ∫ busy engines / engines. Differences of two
/// snapshots divided by the elapsed time are the achieved shares of a window.
public struct EngineUsage: Hashable, Sendable {
    /// ∫ SM share of compute kernels.
    public var compute: Double = 0
    /// ∫ SM share of render work.
    public var render: Double = 0
    /// ∫ share of NVENC engines.
    public var nvenc: Double = 0
    /// ∫ share of NVDEC engines.
    public var nvdec: Double = 0

    /// Zero usage.
    public init() {}

    /// Adds `amount` to the integral of `kind`.
    @inlinable public mutating func add(_ kind: EngineKind, _ amount: Double) {
        switch kind {
        case .compute: compute += amount
        case .render: render += amount
        case .nvenc: nvenc += amount
        case .nvdec: nvdec += amount
        }
    }

    /// The shares over `elapsed` nanoseconds since `earlier`.
    public func shares(since earlier: EngineUsage, elapsed: Double) -> EngineShares {
        guard elapsed > 0 else { return EngineShares() }
        return EngineShares(compute: (compute - earlier.compute) / elapsed,
                            render: (render - earlier.render) / elapsed,
                            nvenc: (nvenc - earlier.nvenc) / elapsed,
                            nvdec: (nvdec - earlier.nvdec) / elapsed)
    }
}
