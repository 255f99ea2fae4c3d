import ColoModel
import Isolation
import SimEngine
import Simulator

extension ScenarioReport {
    /// The ledger's engine order.
    static let ledgerEngines: [EngineKind] = [.compute, .render, .nvenc, .nvdec]

    /// Builds the report of `scenario` from the simulator's `result`, run with `seed`.
    ///
    /// Achieved shares come from the token ledger fed with the result's share windows inside
    /// [warm-up, duration]; when the simulator reported no windows, the whole-run shares are used.
    public init(scenario: Scenario, result: SimulationResult, seed: UInt64) {
        let configured = scenario.configuredShares
        let windowNs = scenario.shareWindow.nanoseconds
        var ledger = TokenLedger(windowNs: windowNs, engines: Self.ledgerEngines.map(\.rawValue),
                                 configured: configured.map { s in Self.ledgerEngines.map { _ in s } })
        let from = scenario.warmup.nanoseconds
        let to = scenario.duration.nanoseconds
        var demanded = [Set<SliceDomain>](repeating: [], count: scenario.containers.count)
        var measuredTo = from
        for w in result.shareWindows where w.start.nanoseconds >= from && w.end.nanoseconds <= to {
            for (i, c) in scenario.containers.enumerated() {
                if let s = w.shares[c.id] {
                    for (e, kind) in Self.ledgerEngines.enumerated() {
                        ledger.record(container: i, engine: e, fromNs: w.start.nanoseconds, toNs: w.end.nanoseconds,
                                      amount: s[kind])
                    }
                }
                demanded[i].formUnion(w.demanded[c.id] ?? [])
            }
            measuredTo = max(measuredTo, w.end.nanoseconds)
        }
        let haveWindows = measuredTo > from
        let engineName = scenario.isolation.engineName

        containers = scenario.containers.enumerated().map { i, c in
            var achieved = EngineShares()
            if haveWindows {
                for (e, kind) in Self.ledgerEngines.enumerated() {
                    achieved[kind] = ledger.achievedShare(container: i, engine: e, fromNs: from, toNs: measuredTo)
                }
            } else if let r = result.containers.first(where: { $0.id == c.id }) {
                achieved = r.achievedShare
            }
            var error: [SliceDomain: Double] = [:]
            var worst: [SliceDomain: Double] = [:]
            for d in demanded[i] {
                let a = d.engines.reduce(0.0) { $0 + achieved[$1] }
                error[d] = a - configured[i]
                var w = 0.0
                if haveWindows {
                    let shares = d.engines.map { ledger.windowShares(container: i, engine: Self.ledgerEngines.firstIndex(of: $0) ?? 0) }
                    let first = Int(from / windowNs), last = Int(measuredTo / windowNs)
                    for k in first..<min(last, shares.first?.count ?? 0) {
                        w = max(w, abs(shares.reduce(0.0) { $0 + $1[k] } - configured[i]))
                    }
                }
                worst[d] = w
            }
            let r = result.containers.first { $0.id == c.id }
            var graphics: [Double] = []
            if haveWindows {
                let compute = ledger.windowShares(container: i, engine: 0), render = ledger.windowShares(container: i, engine: 1)
                for k in Int(from / windowNs)..<min(Int(measuredTo / windowNs), compute.count) {
                    graphics.append(compute[k] + render[k])
                }
            }
            return Container(name: c.name, engine: engineName, configuredShare: configured[i], achievedShare: achieved,
                             weightError: error, worstWindowError: worst, graphicsWindows: graphics,
                             peakMemoryBytes: r?.peakMemoryBytes ?? 0,
                             oomCount: r?.oomCount ?? 0)
        }
        let names = Dictionary(uniqueKeysWithValues: scenario.containers.map { ($0.id, $0.name) })
        workloads = result.workloads.map { w in
            Workload(name: w.name, kind: w.kind, container: names[w.container] ?? "\(w.container)",
                     latencyP50Ms: w.latency.map { Double($0.p50.nanoseconds) / 1e6 },
                     latencyP99Ms: w.latency.map { Double($0.p99.nanoseconds) / 1e6 },
                     slaAttainment: w.slaAttainment, throughputPerSecond: w.throughputPerSecond,
                     issued: w.issued, completed: w.completed, dropped: w.dropped,
                     kernelsCompleted: w.kernelsCompleted, throttledLaunches: w.throttledLaunches)
        }
        gpus = [GPU(id: 0, utilization: result.gpu.utilization, smUtilization: result.gpu.smUtilization,
                    nvencUtilization: result.gpu.nvencUtilization, nvdecUtilization: result.gpu.nvdecUtilization,
                    contextSwitches: result.gpu.contextSwitches)]
        self.scenario = scenario.name
        self.seed = seed
        digest = result.digestHex
        simulatedSeconds = result.simulatedTime.seconds
        measuredFromSeconds = Double(from) / 1e9
        measuredToSeconds = Double(haveWindows ? measuredTo : to) / 1e9
        ledgerViolations = ledger.invariantViolations(tolerance: 1e-6)
    }
}
