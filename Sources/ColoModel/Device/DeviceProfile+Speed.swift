/// How fast a device runs the same work as the reference device (V100 SXM2 16 GB).
///
/// A workload's GPU times (an inference service's α and β, a BE kernel's work) are stated in
/// seconds on the reference device. On another device a kernel takes
/// `t × ((1 − d) / c + d / b)` (a roofline mixture): `d` is the kernel's DRAM-bound fraction
/// (``KernelShape/dramFraction``, ``InferenceSpec/dramFraction``), `c` the device's peak
/// FP32 arithmetic relative to the reference (``relativeComputeSpeed``) and `b` its peak DRAM
/// bandwidth relative to the reference's 900 GB/s. Render frames and codec streams are not scaled.
extension DeviceProfile {
    /// The device whose seconds workloads are stated in.
    public static var reference: DeviceProfile { .v100SXM2_16GB }

    /// Peak FP32 arithmetic relative to the V100 SXM2's 15.7 TFLOPS: the one throughput figure every
    /// device's datasheet gives on the same terms (tensor-core peaks would credit kernels with
    /// tensor-core use they may not have, and P100 has none). Sources: V100 SXM2 15.7 [NVIDIA Tesla
    /// V100 whitepaper, 2017]; T4 8.1 [NVIDIA T4 datasheet]; P100 PCIe 9.3 [NVIDIA Tesla P100
    /// datasheet]; A10 31.2 [NVIDIA A10 datasheet]; A100 19.5 [A100 whitepaper, 2020]; H100 / H200 SXM
    /// 67 [H100 whitepaper, 2022; H200 datasheet]. Catalogue names only; a profile of another name (a
    /// custom device) counts as the reference. (L): a kernel's real speed-up depends on its mix. O(1).
    public var relativeComputeSpeed: Double {
        switch name {
        case "t4": 8.1 / 15.7
        case "p100": 9.3 / 15.7
        case "a10": 31.2 / 15.7
        case "a100-40gb": 19.5 / 15.7
        case "h100", "h200": 67.0 / 15.7
        default: 1
        }
    }

    /// Peak DRAM bandwidth relative to the reference device's.
    public var relativeBandwidth: Double {
        let ref = Self.reference.dramBandwidthGBs
        return ref > 0 && dramBandwidthGBs > 0 ? dramBandwidthGBs / ref : 1
    }

    /// How many seconds this device takes for one second of reference-device work whose DRAM-bound
    /// fraction is `dramFraction` (clamped to 0…1): exactly 1 on a device as fast as the reference.
    public func workTimeFactor(dramFraction: Double) -> Double {
        let c = relativeComputeSpeed
        let b = relativeBandwidth
        if c == 1 && b == 1 { return 1 }
        let d = dramFraction.isFinite ? min(1, max(0, dramFraction)) : 0
        return (1 - d) / c + d / b
    }
}
