/// The kind of GPU engine a piece of work uses, for accounting (token ledger, shares).
public enum EngineKind: String, Hashable, Codable, Sendable, CaseIterable {
    /// CUDA kernels on the SMs.
    case compute
    /// Graphics (OpenGL/Vulkan) work on the same SMs through a graphics context.
    case render
    /// Video encode engines.
    case nvenc
    /// Video decode engines.
    case nvdec

    /// The time-slice domain this engine's work is scheduled in.
    @inlinable public var domain: SliceDomain {
        switch self {
        case .compute, .render: return .graphics
        case .nvenc: return .nvenc
        case .nvdec: return .nvdec
        }
    }
}
