/// A set of hardware that one ``ContextScheduler`` time-slices between containers.
///
/// The graphics engine (SMs) is shared by compute and render work [NVIDIA Volta whitepaper];
/// the NVENC engines and the NVDEC engines are separate domains.
public enum SliceDomain: String, Hashable, Codable, Sendable, CaseIterable {
    /// The SMs: CUDA compute and graphics (render) work.
    case graphics
    /// All NVENC engines of the device.
    case nvenc
    /// All NVDEC engines of the device.
    case nvdec

    /// The engine kinds whose work runs in this domain.
    public var engines: [EngineKind] {
        switch self {
        case .graphics: return [.compute, .render]
        case .nvenc: return [.nvenc]
        case .nvdec: return [.nvdec]
        }
    }
}
