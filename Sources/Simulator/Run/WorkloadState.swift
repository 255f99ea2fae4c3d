import ColoModel
import Metrics
import SimEngine
import Workload

/// One launch the model tracks from the client thread to the host seeing it finish.
struct LaunchRecord {
    let workload: Int
    let request: UInt64
    let engine: EngineKind
    let shape: KernelShape?
    let codec: CodecFrame?
    let lastOfRequest: Bool
    var attempt: Int = 0
}

/// A request in flight: its arrival time(s) (one per inference item).
struct RequestRecord {
    var arrivals: [Instant]
}

/// Runtime state of one workload.
struct WorkloadState {
    let spec: WorkloadSpec
    let container: ContainerID
    let context: ContainerID
    let priority: PriorityClass
    let stream: UInt64
    var arrivals: ArrivalStream?
    var active = false
    var stopAt: Instant
    var startAt: Instant
    /// Arrival times waiting to become requests.
    var pending: [Instant] = []
    var pendingHead = 0
    /// Requests started and not yet seen complete.
    var outstanding = 0
    /// Launches waiting for the client thread (in order).
    var launchQueue: [UInt64] = []
    var launchHead = 0
    /// The client thread sleeps in a throttle retry.
    var threadWaiting = false
    var batchGeneration: UInt64 = 0
    var recorder: LatencyRecorder
    /// Mergeable latency histogram (only when the configuration records buckets).
    var histogram: LatencyHistogram?
    var issued = 0
    var completed = 0
    var completedInWindow = 0
    var dropped = 0
    var kernelsCompleted = 0
    /// Compute and render kernels finished on the device (``kernelsCompleted`` counts them when the
    /// host sees them, a completion latency later).
    var kernelsFinishedOnDevice = 0
    var throttled = 0
    var lastSeen: Instant = .zero

    var pendingCount: Int { pending.count - pendingHead }

    /// The latency recorder and (when `recordingBuckets`) mergeable histogram a workload of `spec`
    /// records into from its start, or from the end of a warm-up.
    static func freshLatencies(for spec: WorkloadSpec, recordingBuckets: Bool) -> (LatencyRecorder, LatencyHistogram?) {
        (LatencyRecorder(sla: spec.latencySLA), recordingBuckets ? LatencyHistogram() : nil)
    }

    /// The warm-up ends (``SimulationConfig/measureFrom``): every count and latency above starts
    /// afresh. ``kernelsFinishedOnDevice`` keeps counting: the duration snapshot subtracts the
    /// warm-up's share of it.
    mutating func restartMeasurement(recordingBuckets: Bool) {
        issued = 0
        completed = 0
        completedInWindow = 0
        dropped = 0
        throttled = 0
        kernelsCompleted = 0
        (recorder, histogram) = Self.freshLatencies(for: spec, recordingBuckets: recordingBuckets)
    }

    mutating func popPending() -> Instant {
        let t = pending[pendingHead]
        pendingHead += 1
        if pendingHead > 1024 && pendingHead * 2 > pending.count {
            pending.removeFirst(pendingHead)
            pendingHead = 0
        }
        return t
    }

    var nextLaunch: UInt64? { launchHead < launchQueue.count ? launchQueue[launchHead] : nil }

    mutating func popLaunch() {
        launchHead += 1
        if launchHead > 1024 && launchHead * 2 > launchQueue.count {
            launchQueue.removeFirst(launchHead)
            launchHead = 0
        }
    }
}
