import Foundation
import Testing
import TestSupport

/// Issue 3's "what it must show" 1–4 and 6, through `colosim run --json` on the shipped scenarios.
@Suite(.serialized) struct ScenarioMustShowTests {
    struct Run {
        let json: [String: Any]
        func container(_ name: String) -> [String: Any] {
            (json["containers"] as? [[String: Any]])?.first { $0["name"] as? String == name } ?? [:]
        }
        func workload(_ name: String) -> [String: Any] {
            (json["workloads"] as? [[String: Any]])?.first { $0["name"] as? String == name } ?? [:]
        }
        func achieved(_ container: String, _ engine: String) -> Double {
            (self.container(container)["achieved_share"] as? [String: Any])?[engine] as? Double ?? .nan
        }
        func windows(_ container: String) -> [Double] {
            self.container(container)["graphics_share_windows"] as? [Double] ?? []
        }
        func number(_ workload: String, _ key: String) -> Double {
            (self.workload(workload)[key] as? NSNumber)?.doubleValue ?? .nan
        }
        var ledgerViolations: [String] { json["ledger_violations"] as? [String] ?? ["missing"] }
    }

    func run(_ scenario: String) throws -> Run {
        let r = try runColosim(["run", "--no-store", "scenarios/\(scenario).yaml", "--json"])
        #expect(r.exitCode == 0, "\(r.stderr)")
        let obj = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        let run = Run(json: obj ?? [:])
        #expect(run.ledgerViolations.isEmpty, "\(run.ledgerViolations.prefix(3))")   // must-show 6: shares sum ≤ 1
        return run
    }

    /// 1. Kernel mode, equal weights, AI and render both saturating → each 50% ± 3 points.
    @Test func aiRenderSplitKernelMode() throws {
        let r = try run("v100-ai-render-split")
        let ai = r.achieved("ai", "compute"), render = r.achieved("render", "render")
        #expect(abs(ai - 0.5) <= 0.03, "AI got \(ai)")
        #expect(abs(render - 0.5) <= 0.03, "render got \(render)")
    }

    /// 1'. User mode: render bypasses the launch gate, so its cap changes nothing: capped at 50% or at
    /// 10%, render gets what native time-slicing gives it (about half) and is never deferred.
    @Test func aiRenderSplitUserModeLeavesRenderUnisolated() throws {
        let r = try run("v100-ai-render-split-user")
        #expect(r.number("render-frames", "throttled_launches") == 0)
        let render = r.achieved("render", "render")
        #expect(abs(render - 0.5) <= 0.03, "render got \(render)")
        let text = try String(contentsOf: repositoryRoot().appendingPathComponent("scenarios/v100-ai-render-split-user.yaml"),
                              encoding: .utf8)
        let capped = text.replacingOccurrences(of: "    limit_percent: 50\n    memory_gib: 4",
                                               with: "    limit_percent: 10\n    memory_gib: 4")
        #expect(capped != text)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("render-cap-10-\(UUID().uuidString).yaml").path
        try capped.write(toFile: path, atomically: true, encoding: .utf8)
        let out = try runColosim(["run", "--no-store", path, "--json"])
        let obj = try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any]
        let r10 = Run(json: obj ?? [:])
        let render10 = r10.achieved("render", "render")
        #expect(abs(render10 - render) <= 0.01, "render capped at 10% got \(render10)")
    }

    /// 2. Kernel mode codec weight 20% → 20% ± 2 points of NVENC throughput.
    @Test func codecShareFollowsTheWeight() throws {
        let r = try run("v100-codec-share")
        let share = r.achieved("codec-20", "nvenc")
        #expect(abs(share - 0.2) <= 0.02, "NVENC share \(share)")
        let t20 = r.number("encode-20", "throughput_per_s"), t80 = r.number("encode-80", "throughput_per_s")
        #expect(abs(t20 / (t20 + t80) - 0.2) <= 0.02, "throughput \(t20) vs \(t80)")
    }

    /// 2'. User mode: a container capped at 20% of compute takes all of NVENC.
    @Test func codecUnisolatedInUserMode() throws {
        let r = try run("v100-codec-share-user")
        #expect(r.achieved("codec-20", "nvenc") >= 0.95)
    }

    /// 3. Caps 10 and 90, both kept fed and started together. Before issue 11 this asked for the field
    /// report's 1:5–1:9; the real HAMi-core on an H200 (docs/isolation.md, run 2) shows that processes
    /// started together share one host pid, so both watchers read cap-10's NVML samples: cap-90 is
    /// never throttled and completes more, cap-10 is throttled on its own samples (H200: 13–20% of solo).
    @Test func limiter10And90KeptFed() throws {
        let r = try run("v100-limiter-10-90")
        let k10 = r.number("fed-10", "kernels_completed"), k90 = r.number("fed-90", "kernels_completed")
        #expect(k10 > 0 && k90 / k10 >= 1.3, "ratio 1:\(k90 / k10) (\(k10), \(k90))")
        #expect(r.number("fed-10", "throttled_launches") > 0)
        #expect(r.number("fed-90", "throttled_launches") == 0)
    }

    /// 3'. A client that synchronizes after every launch is not throttled: both caps complete alike.
    @Test func syncingClientIsNotThrottled() throws {
        let r = try run("v100-limiter-sync")
        let k10 = r.number("sync-10", "kernels_completed"), k90 = r.number("sync-90", "kernels_completed")
        #expect(k10 > 0 && abs(k90 / k10 - 1) < 0.05, "ratio 1:\(k90 / k10)")
    }

    /// 3''. A lone container is not limited unless `force`.
    @Test func loneContainerLimitedOnlyWhenForced() throws {
        let free = try run("v100-limiter-lone").achieved("lone-10", "compute")
        let forced = try run("v100-limiter-lone-force").achieved("lone-10", "compute")
        #expect(free >= 0.9, "lone share \(free)")
        #expect(forced <= 0.25, "forced share \(forced)")
    }

    /// 4. `fixed` leaves an idle container's share unused.
    @Test func fixedLeavesIdleShareUnused() throws {
        let r = try run("v100-kernel-fixed-idle")
        let before = r.windows("busy").prefix(20)   // 0–2 s, the other container idle
        #expect(before.count == 20 && before.allSatisfy { $0 <= 0.52 && $0 >= 0.4 }, "\(Array(before))")
        #expect(r.windows("late").prefix(20).allSatisfy { $0 == 0 })
    }

    /// 4'. `burst` lends the idle share and returns it within 100 ms of demand.
    @Test func burstLendsAndReturnsWithin100ms() throws {
        let r = try run("v100-kernel-burst-return")
        let busy = r.windows("busy"), late = r.windows("late")
        #expect(busy.count == 40 && late.count == 40)
        guard busy.count == 40, late.count == 40 else { return }
        #expect(busy[0..<20].allSatisfy { $0 >= 0.95 }, "\(Array(busy[0..<20]))")
        // Demand at 2.0 s: the window [2.0, 2.1) already gives the late container (nearly) half.
        // If the share came back L ms after demand, that window holds 0.494·(100 − L)/100 (0.494: slices
        // net of switch costs), so ≥ 0.45 means L ≤ 9 ms.
        #expect(late[20] >= 0.45, "first window after demand: \(late[20])")
        #expect(late[21...].allSatisfy { abs($0 - 0.5) <= 0.03 }, "\(Array(late[21...]))")
    }

    /// User-mode time-sliced quotas (Gemini / KubeShare): token time follows the requested shares.
    @Test func timeSlicedQuotasFollowRequests() throws {
        let r = try run("v100-time-sliced-25-75")
        let share = r.achieved("req-25", "compute")
        #expect(abs(share - 0.25) <= 0.03, "req-25 got \(share)")
    }

    /// DESIGN §5: the quadratic correction step barely throttles large-SM GPUs: the same 10/90 pair on an
    /// H200 (132 SMs) separates less than on a V100 (80 SMs). Since issue 11 both ratios are dominated
    /// by the host-pid race (the 90% container reads the 10% one's samples and is never throttled):
    /// V100 1:1.7, H200 1:1.3 (before: 1:6.2 and 1:4.2, hence the former margin of 1).
    @Test func limiterSeparatesLessOnLargeSMGPUs() throws {
        let v100 = try run("v100-limiter-10-90")
        let text = try String(contentsOf: repositoryRoot().appendingPathComponent("scenarios/v100-limiter-10-90.yaml"),
                              encoding: .utf8)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("h200-10-90-\(UUID().uuidString).yaml").path
        try text.replacingOccurrences(of: "profile: v100-sxm2-16gb", with: "profile: h200")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let out = try runColosim(["run", "--no-store", path, "--json"])
        let h200 = Run(json: (try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any]) ?? [:])
        func ratio(_ r: Run) -> Double { r.number("fed-90", "kernels_completed") / r.number("fed-10", "kernels_completed") }
        #expect(ratio(h200) < ratio(v100), "H200 1:\(ratio(h200)) vs V100 1:\(ratio(v100))")
    }

    /// Kernel mode `online-preempts-offline`: the online service's p99 beats the same pair under `burst`.
    @Test func onlinePreemptsOfflineProtectsTheOnlineTail() throws {
        let ope = try run("v100-online-preempts-offline")
        let text = try String(contentsOf: repositoryRoot().appendingPathComponent("scenarios/v100-online-preempts-offline.yaml"),
                              encoding: .utf8)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("burst-\(UUID().uuidString).yaml").path
        try text.replacingOccurrences(of: "policy: online-preempts-offline", with: "policy: burst")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let out = try runColosim(["run", "--no-store", path, "--json"])
        let burst = Run(json: (try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any]) ?? [:])
        let p99 = ope.number("resnet50", "latency_p99_ms"), p99Burst = burst.number("resnet50", "latency_p99_ms")
        #expect(p99 < 0.6 * p99Burst, "p99 \(p99) ms vs \(p99Burst) ms under burst")
        #expect(ope.number("training", "kernels_completed") > 0)
    }
}
