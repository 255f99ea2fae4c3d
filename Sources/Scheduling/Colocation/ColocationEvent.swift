/// An input to the co-location scheduler (it also receives `now`, in seconds).
public enum ColocationEvent: Sendable, Hashable {
    /// A pod asks for a GPU.
    case submit(ColocationPod)
    /// A pod has finished and leaves its GPU.
    case finish(pod: Int)
    /// Tidal: the offered load of an autoscaled service (requests/s), observed or forecast.
    case serviceLoad(service: Int, load: Double)
}
