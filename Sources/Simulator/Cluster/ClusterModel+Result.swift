import ColoModel
import Metrics
import Scheduling
import SimEngine

extension ClusterModel {
    /// The run's measurements: per-service percentiles of the merged histograms, jobs, series, heat map.
    mutating func result() -> ClusterSimulationResult {
        let d = config.duration
        let services = config.services.enumerated().map { (s, svc) -> ClusterSimulationResult.Service in
            let qs = histograms[s].quantiles([0.5, 0.99])
            var out = ClusterSimulationResult.Service(
                name: svc.name, requests: served[s], p50: qs.first ?? 0, p99: qs.last ?? 0, p99Target: svc.p99Target,
                attainment: offered[s] > 0 ? within[s] / offered[s] : 1,
                replicasMean: replicaSeconds[s] / d, replicasPeak: replicaPeak[s], worstStepP99: worstWindowP99[s],
                latencyQuantiles: histograms[s].quantiles(LatencyQuantile.cdfFractions))
            out.kind = svc.kind.label
            out.offered = offered[s]
            out.unserved = unserved[s]
            return out
        }
        let jobsOut = jobs.map { j in
            // A resubmitted job: the mean completion time of its finished instances.
            let completion: Double? = j.config.resubmit
                ? (j.instancesDone > 0 ? j.instanceTimeSum / Double(j.instancesDone) : nil)
                : j.completedAt.map { $0 - j.submitTime }
            var out = ClusterSimulationResult.Job(
                name: j.config.name, kind: j.kindName, workDone: j.workDone, lostWork: j.lost,
                preemptions: j.preemptions, evictions: j.evictions, restartSeconds: j.restartSeconds,
                completionTime: completion, burstsDone: j.burstsDone,
                meanBurstTime: j.burstsDone > 0 ? j.burstTimeSum / Double(j.burstsDone) : nil,
                queuedSeconds: j.queuedSeconds)
            out.instancesDone = j.instancesDone
            out.resubmits = j.config.resubmit
            out.hostPidOf = hostPidOwner[j.pod].map(podName)
            return out
        }
        for s in services {
            digest.combine(s.p99)
            digest.combine(s.requests)
            digest.combine(s.unserved)
        }
        for j in jobsOut { digest.combine(j.workDone) }
        let width = d / Double(Self.seriesBucketCount)
        let gpus = Double(max(1, config.gpuCount))
        let series = seriesBuckets.enumerated().compactMap { (k, b) -> ClusterSimulationResult.Sample? in
            guard b.span > 0 else { return nil }
            return ClusterSimulationResult.Sample(t: (Double(k) + 0.5) * width, gpusUsed: b.used / b.span,
                                                  utilization: b.used > 0 ? b.duty / b.used : 0,
                                                  clusterUtilization: b.duty / (b.span * gpus))
        }
        let heatWidth = d / Double(Self.heatBucketCount)
        var r = ClusterSimulationResult(
            policy: config.policy.rawValue, gpuCount: config.gpuCount, duration: d,
            gpusUsedMean: usedSeconds / d, gpusUsedPeak: usedPeak,
            utilizationMean: usedSeconds > 0 ? dutyOnUsed / usedSeconds : 0,
            smTimeMean: usedSeconds > 0 ? smOnUsed / usedSeconds : 0,
            clusterUtilizationMean: dutyOnUsed / (d * gpus),
            allocationRatio: allocated / (d * gpus),
            services: services, series: series, jobs: jobsOut, reclaims: reclaims, steps: steps, digest: digest.hex,
            decisions: decisionsInTimeOrder, decisionCounts: decisionCounts)
        var first = 0
        for n in config.nodeLayout {
            let end = min(first + n, everUsed.count)
            if first < end, everUsed[first..<end].contains(true) { r.gpusOfNodesUsed += n }
            first += n
        }
        r.fidelity = config.fidelity.rawValue
        r.statesEvaluated = evaluated
        r.responseCacheHitRate = lookups > 0 ? Double(hits) / Double(lookups) : 0
        r.nodeEvents = nodeEvents
        r.contextSwitches = contextSwitches
        r.engine = isolation.engineName
        r.placement = colocation.placement.rawValue
        r.heatBucketSeconds = heatWidth
        r.gpuHeat = heat.map { row in row.map { heatWidth > 0 ? $0 / heatWidth : 0 } }
        return r
    }
}
