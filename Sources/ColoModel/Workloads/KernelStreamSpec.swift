/// A stream of kernel launches from one client thread (DESIGN §8, calibration `colocal.cu`).
///
/// Every request launches `kernelsPerRequest` kernels of `kernel` in one CUDA stream; the request
/// completes when the host sees its last kernel finish. At most `inFlight` requests are
/// outstanding: with `inFlight == 1` the client synchronizes after every request (the LS client of
/// the calibration, and HAMi's "syncs after every launch" case); with a closed loop and
/// `inFlight == 2` it is the calibration's BE client (launch k, wait for k − 1).
public struct KernelStreamSpec: Hashable, Codable, Sendable {
    /// Arrival process of requests.
    public var arrival: ArrivalSpec
    /// Shape of each kernel.
    public var kernel: KernelShape
    /// Kernels per request, launched back to back in stream order.
    public var kernelsPerRequest: Int
    /// Maximum outstanding requests (queued requests wait in arrival order).
    public var inFlight: Int
    /// CUDA stream priority: larger is more urgent (0 = default stream priority).
    public var streamPriority: Int

    /// Creates a kernel stream.
    public init(arrival: ArrivalSpec, kernel: KernelShape, kernelsPerRequest: Int = 1,
                inFlight: Int = 1, streamPriority: Int = 0) {
        self.arrival = arrival
        self.kernel = kernel
        self.kernelsPerRequest = kernelsPerRequest
        self.inFlight = inFlight
        self.streamPriority = streamPriority
    }
}
