import SimEngine

/// What the utilization that a ``LaunchGate``'s timers receive means.
public enum UtilizationReport: Hashable, Sendable {
    /// Each container's SM share integrated over the window (Σ rate × SM fraction / window).
    case exact
    /// What NVML's `nvmlDeviceGetProcessUtilization` returns per process (measured on an H200,
    /// driver 580, `calibration/hami/hami-h200-run2-nvml.jsonl`): the driver takes one sample every
    /// `period`; a sample carries the device's SM busy percentage over that period and belongs to
    /// the one context resident on the SMs at the sample instant (the last context that ran stays
    /// resident while the GPU idles). A process's value over a window is the sum of its samples'
    /// values divided by the number of samples in the window. Under time-slicing this reports
    /// whole periods of the device's utilization to whichever process happened to be resident.
    /// The driver's sample clock ticks at `phase + k · period` from the run start, each tick moved by
    /// a uniform draw in `[−jitter, +jitter]` (measured: intervals of 200.0 ms, SD 1.0 ms, 196.5–204.4;
    /// its phase relative to the processes is not observable and differs from run to run).
    case nvmlProcessSamples(period: SimDuration, phase: SimDuration, jitter: SimDuration)
}
