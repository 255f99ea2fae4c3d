/// A point on a simulation's virtual time axis.
///
/// The GPU simulator uses ``Instant`` (integer nanoseconds, so ties are exact and arithmetic is
/// associative). The reference models (PHOLD, M/M/c) use `Double` seconds so that they replay
/// the floating-point references in `../shared/reference/` bit for bit.
public protocol SimTime: Comparable, Sendable {
    /// The start of simulated time.
    static var zero: Self { get }
}

extension Double: SimTime {}
