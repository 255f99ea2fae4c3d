import Foundation
import Simulator

/// What `colosim tune` prints: default and best weights, the improvement, and the trade-off curve.
struct TuneReport: Sendable {
    /// Scenario name.
    var scenario: String
    /// Objective name.
    var objective: String
    /// Container names (the weights' order).
    var containers: [String]
    /// The default weights' evaluation.
    var start: TunePoint
    /// The best feasible point (nil: none found).
    var best: TunePoint?
    /// Every evaluated point, in evaluation order.
    var samples: [TunePoint]
    /// Simplex iterations.
    var iterations: Int
    /// Whether the simplex converged.
    var converged: Bool

    /// The trade-off curve: the run points not dominated in (objective ↑, worst p99/target ↓), by objective.
    var tradeOff: [TunePoint] {
        let run = samples.filter { $0.metrics != nil && $0.objective.isFinite }
        func ratio(_ p: TunePoint) -> Double {
            p.metrics?.services.map { $0.p99Ms.isFinite ? $0.p99Ms / $0.targetMs : .infinity }.max() ?? 0
        }
        let frontier = run.filter { p in
            !run.contains { q in q.objective >= p.objective && ratio(q) <= ratio(p) && (q.objective > p.objective || ratio(q) < ratio(p)) }
        }
        return frontier.sorted { $0.objective < $1.objective }
    }

    static func ratio(_ p: TunePoint) -> Double {
        p.metrics?.services.map { $0.p99Ms.isFinite ? $0.p99Ms / $0.targetMs : .infinity }.max() ?? 0
    }

    func weights(_ p: TunePoint) -> String {
        zip(containers, p.weights).map { "\($0)=\(String(format: "%.3g", $1))" }.joined(separator: " ")
    }

    func describe(_ p: TunePoint) -> String {
        String(format: "%@: %@ %.4g, worst p99/target %.3f, SLA %@", weights(p), objective, p.objective,
               Self.ratio(p), p.feasible ? "met" : "MISSED")
    }

    /// Relative improvement of the best point over the default weights.
    var improvement: Double? {
        guard let best, start.objective > 0 else { return nil }
        return best.objective / start.objective - 1
    }

    /// Plain text.
    var text: String {
        var s = "tune \(scenario): maximise \(objective) subject to every SLA (\(samples.count) runs, \(iterations) simplex iterations\(converged ? ", converged" : ""))\n"
        s += "  default  \(describe(start))\n"
        if let best {
            s += "  best     \(describe(best))\n"
            if let i = improvement { s += String(format: "  improvement: %+.1f%% over the default weights\n", i * 100) }
        } else {
            s += "  best     none: no evaluated weights kept every SLA\n"
        }
        s += "  trade-off curve (\(objective) vs worst p99/target, non-dominated runs):\n"
        for p in tradeOff { s += "    \(describe(p))\n" }
        return s
    }

    /// JSON: `scenario`, `objective`, `default`, `best`, `improvement`, `trade_off`, `evaluations`, `iterations`.
    var json: String {
        func n(_ v: Double) -> Any { v.isFinite ? v : NSNull() }
        func obj(_ p: TunePoint) -> [String: Any] {
            ["weights": Dictionary(uniqueKeysWithValues: zip(containers, p.weights)), "objective": n(p.objective),
             "worst_p99_ratio": n(Self.ratio(p)), "sla_met": p.feasible, "digest": p.metrics?.digest ?? NSNull() as Any,
             "run_id": p.runID ?? NSNull() as Any]
        }
        let doc: [String: Any] = ["scenario": scenario, "objective": objective, "default": obj(start),
                                  "best": best.map(obj) ?? NSNull() as Any, "improvement": improvement.map(n) ?? NSNull() as Any,
                                  "trade_off": tradeOff.map(obj), "evaluations": samples.count, "iterations": iterations,
                                  "converged": converged]
        guard let data = try? JSONSerialization.data(withJSONObject: doc, options: [.sortedKeys, .prettyPrinted]) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
