/// One point of a downsampled time series: simulated time in seconds and a value.
public struct SeriesPoint: Codable, Sendable, Hashable {
    /// Simulated time since the start of the run, in seconds.
    public var t: Double
    /// The value at `t`.
    public var value: Double

    /// Creates a point.
    public init(t: Double, value: Double) {
        self.t = t
        self.value = value
    }
}
