/// An M/M/c model event: request `request` arrives or departs (8 bytes, stored inline in the heap).
struct MMcEvent: Sendable {
    /// The request's index in arrival order.
    var request: UInt32
    /// Departure (true) or arrival (false).
    var isDeparture: Bool
}
