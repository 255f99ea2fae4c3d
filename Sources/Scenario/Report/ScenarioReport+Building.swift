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
        var demandedWindows = [[SliceDomain: [Int]]](repeating: [:], count: scenario.containers.count)
        var measuredTo = from
        for w in result.shareWindows where w.start.nanoseconds >= from && w.end.nanoseconds <= to {
            for (i, c) in scenario.containers.enumerated() {
                if let s = w.shares[c.id] {
                    for (e, kind) in Self.ledgerEngines.enumerated() {
                        ledger.record(container: i, engine: e, fromNs: w.start.nanoseconds, toNs: w.end.nanoseconds,
                                      amount: s[kind])
                    }
                }
                for d in w.demanded[c.id] ?? [] {
                    demanded[i].insert(d)
                    demandedWindows[i][d, default: []].append(Int(w.start.nanoseconds / windowNs))
                }
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
            // Weight error over the container's active span in the domain (its first to its last window with
            // work there): what it got while it wanted its share, minus its share. The span, not the
            // windows with work, so windows a launch gate held all its work back still count.
            for d in demanded[i] {
                let indices = Self.ledgerEngines.indices.filter { d.engines.contains(Self.ledgerEngines[$0]) }
                let shares = indices.map { ledger.windowShares(container: i, engine: $0) }
                let n = shares.first?.count ?? 0
                let ks = (demandedWindows[i][d] ?? []).filter { $0 < n }.sorted()
                // The span starts at the first window with work where it also ran (work arriving exactly
                // at a window's end marks that window without running in it).
                let first = ks.first { k in shares.contains { $0[k] > 0 } } ?? ks.min() ?? 0
                let span = first..<max(first, (ks.max() ?? -1) + 1)
                let errors = span.map { k in shares.reduce(0.0) { $0 + $1[k] } - configured[i] }
                if errors.isEmpty {
                    error[d] = d.engines.reduce(0.0) { $0 + achieved[$1] } - configured[i]
                    worst[d] = abs(error[d] ?? 0)
                } else {
                    error[d] = errors.reduce(0, +) / Double(errors.count)
                    worst[d] = errors.map(abs).max() ?? 0
                }
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
