/// An input to a co-location policy (the policy also receives `now`, in seconds).
public enum ColocationEvent: Sendable, Hashable {
    /// A pod asks for a GPU.
    case submit(ColocationPod)
    /// A pod has finished and leaves its GPU.
    case finish(pod: Int)
    /// Arbitrate one GPU for the next step, given what its pods want.
    case arbitrate(gpu: Int, demands: [GPUPodDemand])
    /// Tidal: the offered load of an autoscaled service (requests/s), observed or forecast.
    case serviceLoad(service: Int, load: Double)
}
