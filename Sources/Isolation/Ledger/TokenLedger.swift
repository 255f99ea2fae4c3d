/// Configured versus achieved share per container and engine, over fixed time windows; pure.
///
/// The caller records, for each container and engine, the fraction of the engine's capacity the
/// container used over an interval (1 for an exclusive slice, its SM fraction under spatial sharing).
/// The ledger splits intervals across windows and reports achieved shares and the *weight error*
/// (achieved − configured) that researchers tune against (DESIGN §5).
public struct TokenLedger: Sendable {
    /// Window length, ns.
    public let windowNs: Int64
    /// Engines accounted, in order (e.g. compute, render, nvenc, nvdec).
    public let engines: [String]
    /// Configured share per container and engine: `configured[c][e]` in [0, 1].
    public let configured: [[Double]]
    /// Capacity-seconds used per window, container and engine: `used[w][c][e]` in ns·fraction.
    public private(set) var used: [[[Double]]] = []
    /// End of the latest recorded interval, ns.
    public private(set) var horizonNs: Int64 = 0

    /// Creates a ledger with windows of `windowNs`, for `engines` and per-container configured shares.
    public init(windowNs: Int64, engines: [String], configured: [[Double]]) {
        self.windowNs = max(1, windowNs)
        self.engines = engines
        self.configured = configured
    }

    /// Number of containers.
    public var containerCount: Int { configured.count }

    /// Records that container `c` used `amount` (fraction of capacity, ≥ 0) of engine `e` over [fromNs, toNs).
    public mutating func record(container c: Int, engine e: Int, fromNs: Int64, toNs: Int64, amount: Double) {
        guard toNs > fromNs, amount > 0, configured.indices.contains(c), engines.indices.contains(e) else { return }
        var t = fromNs
        while t < toNs {
            let w = Int(t / windowNs)
            let windowEnd = Int64(w + 1) * windowNs
            let end = min(toNs, windowEnd)
            ensureWindow(w)
            used[w][c][e] += Double(end - t) * amount
            t = end
        }
        horizonNs = max(horizonNs, toNs)
    }

    private mutating func ensureWindow(_ w: Int) {
        while used.count <= w {
            used.append([[Double]](repeating: [Double](repeating: 0, count: engines.count), count: configured.count))
        }
    }

    /// Achieved share of container `c` on engine `e` over [fromNs, toNs): used capacity-time / elapsed time.
    /// Window-aligned bounds give exact answers; others count partial windows pro rata.
    public func achievedShare(container c: Int, engine e: Int, fromNs: Int64, toNs: Int64) -> Double {
        guard toNs > fromNs else { return 0 }
        var sum = 0.0
        for w in used.indices {
            let ws = Int64(w) * windowNs, we = ws + windowNs
            let overlap = min(we, toNs) - max(ws, fromNs)
            if overlap > 0 { sum += used[w][c][e] * Double(overlap) / Double(windowNs) }
        }
        return sum / Double(toNs - fromNs)
    }

    /// Achieved shares of container `c` on engine `e`, one per window.
    public func windowShares(container c: Int, engine e: Int) -> [Double] {
        used.map { $0[c][e] / Double(windowNs) }
    }

    /// Weight error (achieved − configured) of container `c` on engine `e` over [fromNs, toNs).
    public func weightError(container c: Int, engine e: Int, fromNs: Int64, toNs: Int64) -> Double {
        achievedShare(container: c, engine: e, fromNs: fromNs, toNs: toNs) - configured[c][e]
    }

    /// Largest |weight error| of container `c` on engine `e` over all complete windows up to the horizon.
    public func worstWindowError(container c: Int, engine e: Int) -> Double {
        let complete = Int(horizonNs / windowNs)
        var worst = 0.0
        for w in 0..<min(complete, used.count) {
            worst = max(worst, abs(used[w][c][e] / Double(windowNs) - configured[c][e]))
        }
        return worst
    }
}
