import SimEngine

private let GiB: Int64 = 1 << 30
private let MiB: Int64 = 1 << 20

extension DeviceProfile {
    /// The default profile: NVIDIA V100 SXM2 16 GB.
    public static let defaultName = "v100-sxm2-16gb"

    /// Looks a profile up by catalogue key (nil if unknown).
    public static func named(_ name: String) -> DeviceProfile? { catalog.first { $0.name == name } }

    /// The catalogue keys, in catalogue order.
    public static var catalogNames: [String] { catalog.map(\.name) }

    /// NVIDIA Tesla V100 SXM2 16 GB.
    ///
    /// SMs, memory, bandwidth, L2, threads/blocks per SM [NVIDIA Tesla V100 GPU Architecture
    /// whitepaper, 2017, table 1 and 3]; NVENC ×3 / NVDEC ×1 [NVIDIA Video Encode and Decode GPU
    /// Support Matrix]; codec fps (L) [DESIGN §4]; timeslice 2 ms (L) [DESIGN §4]; switch 25 µs
    /// [Spliet & Mullins, "The case for limited-preemptive scheduling in GPUs", OSPERT'18];
    /// η 0.9, κ 0.15 (L), cap 3.2 [Gandiva OSDI'18 +19% LM+LM; Horus ≤ 3.2×].
    public static let v100SXM2_16GB = DeviceProfile(
        name: "v100-sxm2-16gb",
        source: "NVIDIA V100 whitepaper (2017); NVENC/NVDEC support matrix; DESIGN §4 (L) for timeslice, codec fps, κ; Spliet & Mullins OSPERT'18 for switch cost",
        sms: 80, maxThreadsPerSM: 2048, maxBlocksPerSM: 32, memoryBytes: 16 * GiB,
        dramBandwidthGBs: 900, l2Bytes: 6 * MiB, supportsGraphics: true,
        nvencEngines: 3, nvdecEngines: 1, nvencFramesPerSecond: 500, nvdecFramesPerSecond: 600,
        timeslice: .milliseconds(2), contextSwitchCost: .microseconds(25),
        codecSwitchCost: .microseconds(25), dramEfficiency: 0.9, cacheKappa: 0.15,
        cacheSlowdownCap: 3.2, launchLatency: .microseconds(6), completionLatency: .microseconds(6),
        priorityBlockWait: 1.0)

    /// NVIDIA Tesla V100 32 GB: the 16 GB part with twice the memory [V100 datasheet].
    public static let v100_32GB: DeviceProfile = {
        var p = v100SXM2_16GB
        p.name = "v100-32gb"
        p.source = "NVIDIA V100 datasheet (32 GB HBM2); other constants as v100-sxm2-16gb"
        p.memoryBytes = 32 * GiB
        return p
    }()

    /// NVIDIA T4: 40 SMs, 16 GB GDDR6, 320 GB/s, 4 MB L2, 1024 threads and 16 blocks per SM
    /// [NVIDIA Turing architecture whitepaper; T4 datasheet]; NVENC ×1, NVDEC ×2 [support matrix].
    public static let t4 = DeviceProfile(
        name: "t4",
        source: "NVIDIA Turing whitepaper (2018); T4 datasheet; NVENC/NVDEC support matrix; codec fps, timeslice (L)",
        sms: 40, maxThreadsPerSM: 1024, maxBlocksPerSM: 16, memoryBytes: 16 * GiB,
        dramBandwidthGBs: 320, l2Bytes: 4 * MiB, supportsGraphics: true,
        nvencEngines: 1, nvdecEngines: 2, nvencFramesPerSecond: 500, nvdecFramesPerSecond: 600,
        timeslice: .milliseconds(2), contextSwitchCost: .microseconds(25),
        codecSwitchCost: .microseconds(25), dramEfficiency: 0.9, cacheKappa: 0.15,
        cacheSlowdownCap: 3.2, launchLatency: .microseconds(6), completionLatency: .microseconds(6),
        priorityBlockWait: 1.0)

    /// NVIDIA A100 40 GB SXM4: 108 SMs, 1555 GB/s, 40 MB L2, 2048 threads / 32 blocks per SM, no
    /// NVENC, 5 NVDEC [NVIDIA A100 Tensor Core GPU Architecture whitepaper, 2020].
    public static let a100_40GB = DeviceProfile(
        name: "a100-40gb",
        source: "NVIDIA A100 whitepaper (2020); NVENC/NVDEC support matrix; timeslice (L)",
        sms: 108, maxThreadsPerSM: 2048, maxBlocksPerSM: 32, memoryBytes: 40 * GiB,
        dramBandwidthGBs: 1555, l2Bytes: 40 * MiB, supportsGraphics: false,
        nvencEngines: 0, nvdecEngines: 5, nvencFramesPerSecond: 0, nvdecFramesPerSecond: 600,
        timeslice: .milliseconds(2), contextSwitchCost: .microseconds(25),
        codecSwitchCost: .microseconds(25), dramEfficiency: 0.9, cacheKappa: 0.15,
        cacheSlowdownCap: 3.2, launchLatency: .microseconds(6), completionLatency: .microseconds(6),
        priorityBlockWait: 1.0)

    /// NVIDIA H100 SXM5 80 GB: 132 SMs, 3.35 TB/s, 50 MB L2, no NVENC, 7 NVDEC
    /// [NVIDIA H100 Tensor Core GPU Architecture whitepaper, 2022]. Time-slicing constants as
    /// fitted on the H200 (same Hopper GH100 die and driver mechanism).
    public static let h100 = DeviceProfile(
        name: "h100",
        source: "NVIDIA H100 whitepaper (2022); time-slicing constants from the H200 calibration (calibration/, docs/device.md)",
        sms: 132, maxThreadsPerSM: 2048, maxBlocksPerSM: 32, memoryBytes: 80 * GiB,
        dramBandwidthGBs: 3350, l2Bytes: 50 * MiB, supportsGraphics: false,
        nvencEngines: 0, nvdecEngines: 7, nvencFramesPerSecond: 0, nvdecFramesPerSecond: 600,
        timeslice: .microseconds(2358), contextSwitchCost: .microseconds(144),
        codecSwitchCost: .microseconds(25), dramEfficiency: 0.9, cacheKappa: 0.15,
        cacheSlowdownCap: 3.2, launchLatency: .microseconds(3.8), completionLatency: .microseconds(3.8),
        priorityBlockWait: 1.07)

    /// NVIDIA H200 SXM 141 GB: 132 SMs, 4.8 TB/s, 50 MB L2, no NVENC, 7 NVDEC, no graphics APIs
    /// [NVIDIA H200 product brief; DESIGN §4]; 143 771 MiB as reported by nvidia-smi. Timeslice
    /// 2.358 ms, switch cost 144 µs, priority block wait 1.07 blocks and host round trip 7.6 µs
    /// fitted by `colosim calibrate fit` to `../shared/calibration/h200-run1.configs.jsonl`
    /// (driver 580.159.04, timeslice policy Default; docs/device.md).
    public static let h200 = DeviceProfile(
        name: "h200",
        source: "NVIDIA H200 product brief; calibration/h200-run1 (docs/device.md) for timeslice, switch cost, host latencies",
        sms: 132, maxThreadsPerSM: 2048, maxBlocksPerSM: 32, memoryBytes: 143_771 * MiB,
        dramBandwidthGBs: 4800, l2Bytes: 50 * MiB, supportsGraphics: false,
        nvencEngines: 0, nvdecEngines: 7, nvencFramesPerSecond: 0, nvdecFramesPerSecond: 600,
        timeslice: .microseconds(2358), contextSwitchCost: .microseconds(144),
        codecSwitchCost: .microseconds(25), dramEfficiency: 0.9, cacheKappa: 0.15,
        cacheSlowdownCap: 3.2, launchLatency: .microseconds(3.8), completionLatency: .microseconds(3.8),
        priorityBlockWait: 1.07)

    /// NVIDIA Tesla P100 PCIe 16 GB: 56 SMs, 732 GB/s HBM2, 4 MB L2, 2048 threads / 32 blocks per
    /// SM [NVIDIA Tesla P100 whitepaper, 2016]; no graphics APIs in this model; NVENC / NVDEC counts
    /// (L), codec fps, timeslice and switch cost as the V100 (L).
    public static let p100 = DeviceProfile(
        name: "p100",
        source: "NVIDIA Tesla P100 whitepaper (2016); codec engines, timeslice, switch cost as V100 (L)",
        sms: 56, maxThreadsPerSM: 2048, maxBlocksPerSM: 32, memoryBytes: 16 * GiB,
        dramBandwidthGBs: 732, l2Bytes: 4 * MiB, supportsGraphics: false,
        nvencEngines: 1, nvdecEngines: 1, nvencFramesPerSecond: 500, nvdecFramesPerSecond: 600,
        timeslice: .milliseconds(2), contextSwitchCost: .microseconds(25),
        codecSwitchCost: .microseconds(25), dramEfficiency: 0.9, cacheKappa: 0.15,
        cacheSlowdownCap: 3.2, launchLatency: .microseconds(6), completionLatency: .microseconds(6),
        priorityBlockWait: 1.0)

    /// NVIDIA A10 24 GB: 72 SMs, 600 GB/s GDDR6, 6 MB L2, 1536 threads / 16 blocks per SM (GA102)
    /// [NVIDIA Ampere GA102 GPU architecture whitepaper; A10 datasheet]; NVENC ×1, NVDEC ×2 [A10
    /// datasheet]; codec fps, timeslice and switch cost (L).
    public static let a10 = DeviceProfile(
        name: "a10",
        source: "NVIDIA GA102 whitepaper; A10 datasheet; codec fps, timeslice, switch cost (L)",
        sms: 72, maxThreadsPerSM: 1536, maxBlocksPerSM: 16, memoryBytes: 24 * GiB,
        dramBandwidthGBs: 600, l2Bytes: 6 * MiB, supportsGraphics: true,
        nvencEngines: 1, nvdecEngines: 2, nvencFramesPerSecond: 500, nvdecFramesPerSecond: 600,
        timeslice: .milliseconds(2), contextSwitchCost: .microseconds(25),
        codecSwitchCost: .microseconds(25), dramEfficiency: 0.9, cacheKappa: 0.15,
        cacheSlowdownCap: 3.2, launchLatency: .microseconds(6), completionLatency: .microseconds(6),
        priorityBlockWait: 1.0)

    /// Every built-in profile.
    public static let catalog: [DeviceProfile] = [v100SXM2_16GB, v100_32GB, t4, a100_40GB, h100, h200, p100, a10]
}
