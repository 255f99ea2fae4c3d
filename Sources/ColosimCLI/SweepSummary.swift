import Foundation

/// What `colosim sweep` prints: the sweep id, the points run and skipped, and each point's figures.
struct SweepSummary: Sendable {
    /// Sweep id (name plus spec-hash prefix).
    var sweepID: String
    /// Points in the whole grid.
    var totalPoints: Int
    /// `--shard` as given.
    var shard: String?
    /// Points in this shard.
    var shardPoints: Int
    /// Points skipped because they were already stored.
    var skipped: Int
    /// The points run now, in grid order.
    var results: [SweepPointResult]
    /// Worker threads.
    var jobs: Int
    /// Wall time of the runs, s.
    var wallSeconds: Double

    /// Plain text.
    var text: String {
        func f(_ v: Double, _ fmt: String) -> String { v.isFinite ? String(format: fmt, v) : "—" }
        func pct(_ v: Double) -> String { v.isFinite ? String(format: "%.1f%%", v * 100) : "—" }
        var s = "sweep \(sweepID): \(totalPoints) points"
        if let shard { s += ", shard \(shard): \(shardPoints)" }
        s += "; \(skipped) already stored, \(results.count) run with \(jobs) worker\(jobs == 1 ? "" : "s") in "
        s += String(format: "%.2f s\n", wallSeconds)
        for r in results {
            let m = r.metrics
            s += "  #\(r.index) \(r.point): utilization \(pct(m.utilization)), "
            s += "SLA \(m.services.isEmpty ? "—" : (m.slaMet() ? "met" : "missed")), BE \(f(m.beThroughput, "%.2f")), "
            s += "weight error \(pct(m.weightError)), digest \(m.digest), run \(r.runID)\n"
        }
        return s
    }

    /// JSON: `sweep_id`, `total_points`, `shard`, `shard_points`, `skipped`, `ran`, `jobs`, `wall_s`, `points`.
    var json: String {
        func n(_ v: Double) -> Any { v.isFinite ? v : NSNull() }
        let points: [[String: Any]] = results.map {
            ["index": $0.index, "point": $0.point, "run_id": $0.runID, "digest": $0.metrics.digest,
             "gpu_utilization": n($0.metrics.utilization), "sla_met": $0.metrics.slaMet(),
             "be_throughput": n($0.metrics.beThroughput), "weight_error": n($0.metrics.weightError)]
        }
        let doc: [String: Any] = ["sweep_id": sweepID, "total_points": totalPoints, "shard": shard ?? NSNull(),
                                  "shard_points": shardPoints, "skipped": skipped, "ran": results.count, "jobs": jobs,
                                  "wall_s": wallSeconds, "points": points]
        guard let data = try? JSONSerialization.data(withJSONObject: doc, options: [.sortedKeys, .prettyPrinted]) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
