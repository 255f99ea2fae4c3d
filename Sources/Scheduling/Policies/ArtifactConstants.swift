/// Constants of the FGD artifact's scorers (hkust-adsl/kubernetes-scheduler-simulator,
/// `pkg/type/open-gpu-share/utils/const.go`): the largest node spec used for normalisation.
public enum ArtifactConstants {
    /// `MaxSpecCpu`: 128 vCPU in milli-cores.
    public static let maxSpecCPUMilli = 128_000
    /// `MaxSpecGpu`: 8 GPUs in milli-GPU.
    public static let maxSpecGPUMilli = 8_000
    /// Kubernetes `MaxNodeScore`.
    public static let maxNodeScore: Int64 = 100
}
