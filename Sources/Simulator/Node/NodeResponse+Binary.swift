/// A compact binary form of a response for the result store: little-endian IEEE-754 doubles (exact
/// bit patterns, so a stored response reproduces a run bit for bit) and fixed-width integers.
///
/// Layout: `"NR1\0"`; utilization, SM utilization, context switches/s, window (f64); events (u64);
/// pod count (u32); per pod: offered, served, within SLA, dropped, work, compute share, throttled
/// (f64), bucket count (u32), then per bucket its index (u16) and count (f64).
extension NodeResponse {
    static let binaryMagic: [UInt8] = [0x4E, 0x52, 0x31, 0x00]

    /// The response as bytes. O(pods + buckets).
    public var binary: [UInt8] {
        var out = Self.binaryMagic
        out.reserveCapacity(64 + pods.reduce(0) { $0 + 64 + 10 * $1.latency.indices.count })
        func put(_ v: UInt64, _ bytes: Int) { for i in 0..<bytes { out.append(UInt8(truncatingIfNeeded: v >> (8 * UInt64(i)))) } }
        func put(_ d: Double) { put(d.bitPattern, 8) }
        put(utilization); put(smUtilization); put(contextSwitchesPerSecond); put(window)
        put(events, 8)
        put(UInt64(pods.count), 4)
        for p in pods {
            put(p.offeredPerSecond); put(p.servedPerSecond); put(p.withinSLAPerSecond); put(p.droppedPerSecond)
            put(p.workPerSecond); put(p.computeShare); put(p.throttledPerSecond)
            let n = min(p.latency.indices.count, p.latency.counts.count)
            put(UInt64(n), 4)
            for i in 0..<n {
                put(UInt64(p.latency.indices[i]), 2)
                put(p.latency.counts[i])
            }
        }
        return out
    }

    /// Decodes ``binary``; nil when the bytes are not a whole, well-formed response. O(bytes).
    public init?(binary bytes: [UInt8]) {
        var at = 0
        func take(_ n: Int) -> UInt64? {
            guard n <= bytes.count - at else { return nil }
            var v: UInt64 = 0
            for i in 0..<n { v |= UInt64(bytes[at + i]) << (8 * UInt64(i)) }
            at += n
            return v
        }
        func double() -> Double? { take(8).map(Double.init(bitPattern:)) }
        guard bytes.count >= 4, Array(bytes[0..<4]) == Self.binaryMagic else { return nil }
        at = 4
        guard let u = double(), let sm = double(), let cs = double(), let w = double(), let ev = take(8),
              let podCount = take(4), podCount <= UInt64(bytes.count) else { return nil }
        var pods: [Pod] = []
        pods.reserveCapacity(Int(podCount))
        for _ in 0..<podCount {
            guard let o = double(), let s = double(), let sla = double(), let d = double(), let work = double(),
                  let share = double(), let thr = double(), let n = take(4), n <= UInt64(bytes.count) / 10 else { return nil }
            var idx: [UInt16] = [], cs: [Double] = []
            idx.reserveCapacity(Int(n))
            cs.reserveCapacity(Int(n))
            for _ in 0..<n {
                guard let i = take(2), let c = double() else { return nil }
                idx.append(UInt16(truncatingIfNeeded: i))
                cs.append(c)
            }
            pods.append(Pod(offeredPerSecond: o, servedPerSecond: s, withinSLAPerSecond: sla, droppedPerSecond: d,
                            latency: LatencyBuckets(indices: idx, counts: cs), workPerSecond: work, computeShare: share,
                            throttledPerSecond: thr))
        }
        guard at == bytes.count else { return nil }
        self.init(pods: pods, utilization: u, smUtilization: sm, contextSwitchesPerSecond: cs, window: w, events: ev)
    }
}
