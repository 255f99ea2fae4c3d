import ColoModel

extension ScenarioReport {
    /// A readable summary for the terminal.
    public var text: String {
        func p(_ v: Double?) -> String {
            guard let v else { return "-" }
            let r = (v * 100).rounded() / 100
            return "\(r)"
        }
        func share(_ v: Double) -> String {
            let x = (v * 1000).rounded() / 10
            return "\(x)%"
        }
        var s = "scenario \(scenario)  seed \(seed)  digest \(digest)\n"
        s += "simulated \(p(simulatedSeconds)) s; shares measured over [\(p(measuredFromSeconds)), \(p(measuredToSeconds))] s\n"
        for g in gpus {
            s += "gpu \(g.id): utilization \(share(g.utilization)), SM \(share(g.smUtilization)), "
            s += "NVENC \(share(g.nvencUtilization)), NVDEC \(share(g.nvdecUtilization)), \(g.contextSwitches) context switches\n"
        }
        s += "\nworkloads\n"
        for w in workloads {
            s += "  \(w.name) (\(w.kind), \(w.container)): \(p(w.throughputPerSecond))/s, "
            s += "p50 \(p(w.latencyP50Ms)) ms, p99 \(p(w.latencyP99Ms)) ms"
            if let a = w.slaAttainment { s += ", SLA \(share(a))" }
            s += ", \(w.completed)/\(w.issued) done"
            if w.kernelsCompleted > 0 { s += ", \(w.kernelsCompleted) kernels" }
            if w.throttledLaunches > 0 { s += ", \(w.throttledLaunches) deferred launches" }
            s += "\n"
        }
        s += "\ncontainers (\(containers.first?.engine ?? "none"))\n"
        for c in containers {
            s += "  \(c.name): configured \(share(c.configuredShare)); achieved compute \(share(c.achievedShare.compute)), "
            s += "render \(share(c.achievedShare.render)), NVENC \(share(c.achievedShare.nvenc)), NVDEC \(share(c.achievedShare.nvdec))"
            let errs = SliceDomain.allCases.compactMap { d in c.weightError[d].map { "\(d.rawValue) \($0 >= 0 ? "+" : "")\(share($0))" } }
            if !errs.isEmpty { s += "; weight error " + errs.joined(separator: ", ") }
            if c.oomCount > 0 { s += "; \(c.oomCount) OOM" }
            s += "\n"
        }
        if !ledgerViolations.isEmpty { s += "\nledger invariant violations: \(ledgerViolations.count)\n" }
        return s
    }
}
