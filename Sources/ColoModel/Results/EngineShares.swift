/// A container's achieved share of each engine kind over some window, each in [0, 1].
///
/// compute / render: the container's SM occupancy (Σ rate × SM fraction) integrated over the
/// window, divided by the window; nvenc / nvdec: busy engine-time divided by engines × window.
public struct EngineShares: Hashable, Codable, Sendable {
    /// Share of the SMs used by CUDA kernels.
    public var compute: Double
    /// Share of the SMs used by render work.
    public var render: Double
    /// Share of NVENC engine time.
    public var nvenc: Double
    /// Share of NVDEC engine time.
    public var nvdec: Double

    /// Creates shares.
    public init(compute: Double = 0, render: Double = 0, nvenc: Double = 0, nvdec: Double = 0) {
        self.compute = compute
        self.render = render
        self.nvenc = nvenc
        self.nvdec = nvdec
    }

    /// The share of `kind`.
    public subscript(kind: EngineKind) -> Double {
        get {
            switch kind {
            case .compute: return compute
            case .render: return render
            case .nvenc: return nvenc
            case .nvdec: return nvdec
            }
        }
        set {
            switch kind {
            case .compute: compute = newValue
            case .render: render = newValue
            case .nvenc: nvenc = newValue
            case .nvdec: nvdec = newValue
            }
        }
    }

    /// Compute plus render: the container's share of the SMs (the graphics domain).
    public var graphics: Double { compute + render }
}
