/// An input to the co-location scheduler (it also receives `now`, in seconds).
public enum ColocationEvent: Sendable, Hashable {
    /// A pod asks for a GPU.
    case submit(ColocationPod)
    /// A pod that already runs on `gpu` (a scenario's current binding, e.g. imported from a live
    /// cluster): bound there when the GPU has room for it under this configuration, else scheduled
    /// like ``submit(_:)``.
    case submitPinned(ColocationPod, gpu: Int)
    /// A pod has finished and leaves its GPU (or, deleted while it waited, the queue).
    case finish(pod: Int)
    /// Tidal: the offered load of an autoscaled service (requests/s), observed or forecast.
    case serviceLoad(service: Int, load: Double)
}
