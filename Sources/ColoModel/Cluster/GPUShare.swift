/// Units of GPU sharing: one GPU is 1000 milli-GPU (Alibaba open-gpu-share `alibabacloud.com/gpu-milli`).
public enum GPUShare {
    /// Milli-GPU in one whole GPU.
    public static let milliPerGPU = 1000
}
