import ColoModel

extension ScenarioReport {
    /// The report as JSON with keys in a fixed order (the `colosim run --json` contract:
    /// `digest`, `gpus`, `workloads`, `containers`, plus extra keys).
    public var json: String {
        let o = JSONWriter()
        o.object {
            o.key("digest"); o.string(digest)
            o.key("scenario"); o.string(scenario)
            o.key("seed"); o.uint(seed)
            o.key("simulated_s"); o.number(simulatedSeconds)
            o.key("measured_from_s"); o.number(measuredFromSeconds)
            o.key("measured_to_s"); o.number(measuredToSeconds)
            o.key("gpus"); o.array(gpus) { g in
                o.object {
                    o.key("id"); o.int(g.id)
                    o.key("utilization"); o.number(g.utilization)
                    o.key("sm_utilization"); o.number(g.smUtilization)
                    o.key("nvenc_utilization"); o.number(g.nvencUtilization)
                    o.key("nvdec_utilization"); o.number(g.nvdecUtilization)
                    o.key("context_switches"); o.int(g.contextSwitches)
                }
            }
            o.key("workloads"); o.array(workloads) { w in
                o.object {
                    o.key("name"); o.string(w.name)
                    o.key("kind"); o.string(w.kind)
                    o.key("container"); o.string(w.container)
                    o.key("latency_p50_ms"); o.number(w.latencyP50Ms)
                    o.key("latency_p99_ms"); o.number(w.latencyP99Ms)
                    o.key("sla_attainment"); o.number(w.slaAttainment)
                    o.key("throughput_per_s"); o.number(w.throughputPerSecond)
                    o.key("issued"); o.int(w.issued)
                    o.key("completed"); o.int(w.completed)
                    o.key("dropped"); o.int(w.dropped)
                    o.key("kernels_completed"); o.int(w.kernelsCompleted)
                    o.key("throttled_launches"); o.int(w.throttledLaunches)
                }
            }
            o.key("containers"); o.array(containers) { c in
                o.object {
                    o.key("name"); o.string(c.name)
                    o.key("engine"); o.string(c.engine)
                    o.key("configured_share"); o.number(c.configuredShare)
                    o.key("achieved_share"); o.object {
                        for k in EngineKind.allCases { o.key(k.rawValue); o.number(c.achievedShare[k]) }
                    }
                    o.key("weight_error"); o.object {
                        for d in SliceDomain.allCases { o.key(d.rawValue); o.number(c.weightError[d]) }
                    }
                    o.key("worst_window_error"); o.object {
                        for d in SliceDomain.allCases { o.key(d.rawValue); o.number(c.worstWindowError[d]) }
                    }
                    o.key("graphics_share_windows"); o.array(c.graphicsWindows) { o.number($0) }
                    o.key("peak_memory_bytes"); o.int(Int(c.peakMemoryBytes))
                    o.key("oom_count"); o.int(c.oomCount)
                }
            }
            o.key("ledger_violations"); o.array(ledgerViolations) { o.string($0) }
        }
        return o.text
    }
}
