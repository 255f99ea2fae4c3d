import Foundation
import Testing
import TestSupport

/// Issue 13 must-shows through the `colosim` binary: import the fixtures, run the imported scenario,
/// reproduce the current placement at t = 0, replan it with FGD, and exit 2 on every malformed file.
struct ImportK8sCLITests {
    static let fixtures = "Tests/Fixtures/k8s/"

    static func json(_ text: String) -> [String: Any] {
        ((try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any]) ?? [:]
    }

    /// Imports `nodes` + `pods` into a temporary scenario file and returns its path.
    static func imported(_ nodes: String, _ pods: String) throws -> String {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("k8s-\(UUID().uuidString).yaml").path
        let r = try runColosim(["import", "k8s", "--nodes", fixtures + nodes, "--pods", fixtures + pods, "--out", out])
        #expect(r.exitCode == 0, "\(r.stderr)")
        return out
    }

    /// The t = 0 bind decisions of a run: pod name → GPU, and pod name → reason.
    static func binds(_ args: [String]) throws -> (gpu: [String: Int], reason: [String: String]) {
        let r = try runColosim(["run", "--no-store"] + args + ["--json", "--explain", "100", "--explain-kind", "bind"])
        #expect(r.exitCode == 0, "\(r.stderr)")
        var gpu: [String: Int] = [:], reason: [String: String] = [:]
        for e in json(r.stdout)["explanations"] as? [[String: Any]] ?? [] where (e["t_s"] as? NSNumber)?.doubleValue == 0 {
            guard let pod = e["pod"] as? String, let g = e["gpu"] as? Int else { continue }
            gpu[pod] = g
            reason[pod] = e["reason"] as? String ?? ""
        }
        return (gpu, reason)
    }

    /// `--json` prints the summary with the hand-counted figures.
    @Test func summaryJSON() throws {
        let r = try runColosim(["import", "k8s", "--nodes", Self.fixtures + "hami-nodes.json", "--pods", Self.fixtures + "hami-pods.json", "--json"])
        #expect(r.exitCode == 0, "\(r.stderr)")
        let j = Self.json(r.stdout)
        #expect(j["nodes"] as? Int == 2)
        #expect(j["gpus"] as? Int == 8)
        #expect(j["pods"] as? Int == 7)
        #expect(j["gpu_pods"] as? Int == 6)
        #expect(j["fractional_pods"] as? Int == 5)
        #expect(j["pending_pods"] as? Int == 1)
        #expect(j["schedulers"] as? [String] == ["hami-scheduler", "volcano"])
        #expect((j["bindings"] as? [Any])?.count == 5)
    }

    /// Must-show 2: under `shared` the imported scenario starts from the live placement, pod for pod;
    /// the pending pod is placed by the scheduler.
    @Test func sharedReproducesCurrentPlacement() throws {
        let file = try Self.imported("hami-nodes.json", "hami-pods.json")
        let b = try Self.binds([file, "--policy", "shared"])
        let expected = ["prod/ranker-7d9f8#0": 0, "prod/embed-6f4d1#0": 0, "prod/recall-5c8b2#0": 1,
                        "batch/train-llm-0-0": 4, "batch/train-llm-0-1": 5, "research/nb-alice": 6]
        for (pod, g) in expected {
            #expect(b.gpu[pod] == g, "\(pod): \(b.gpu[pod].map(String.init) ?? "unbound")")
            #expect(b.reason[pod]?.hasPrefix("current binding") == true, "\(b.reason[pod] ?? "")")
        }
        #expect(b.gpu["prod/ranker-7d9f8-x2k#0"] != nil, "the pending pod is scheduled")
        #expect(b.reason["prod/ranker-7d9f8-x2k#0"]?.hasPrefix("scheduler (binpack)") == true)
        #expect(b.gpu.count == 7)
    }

    /// Must-show 2: FGD on an empty cluster (`start_from=empty`) places the same pods differently,
    /// each bind explained by FGD's score; with the bindings kept, FGD still decides the pending pod.
    @Test func fgdReplansWithExplanation() throws {
        let file = try Self.imported("hami-nodes.json", "hami-pods.json")
        let current = try Self.binds([file, "--policy", "shared"])
        let fgd = try Self.binds([file, "--policy", "shared", "--set", "placement=fgd", "--set", "start_from=empty"])
        #expect(fgd.gpu.count == 7)
        #expect(fgd.gpu != current.gpu, "FGD gives the same placement")
        for (pod, r) in fgd.reason { #expect(r.hasPrefix("scheduler (fgd)"), "\(pod): \(r)") }
        let kept = try Self.binds([file, "--policy", "shared", "--set", "placement=fgd"])
        #expect(kept.reason["prod/ranker-7d9f8-x2k#0"]?.hasPrefix("scheduler (fgd)") == true)
        #expect(kept.gpu["prod/recall-5c8b2#0"] == 1)
    }

    /// Must-show 1: both fixtures import and run end to end under their own policy and others.
    @Test func fixturesRunEndToEnd() throws {
        for (n, p) in [("hami-nodes.json", "hami-pods.json"), ("whole-nodes.json", "whole-pods.json")] {
            let file = try Self.imported(n, p)
            for extra in [[String](), ["--policy", "preemptive", "--set", "isolation.engine=kernel-mode"]] {
                let r = try runColosim(["run", "--no-store", file, "--json", "--set", "duration_s=600"] + extra)
                #expect(r.exitCode == 0, "\(n) \(extra): \(r.stderr)")
                let summary = Self.json(r.stdout)["summary"] as? [String: Any] ?? [:]
                #expect((summary["gpus"] as? NSNumber)?.intValue == (n.hasPrefix("hami") ? 8 : 16))
            }
        }
    }

    /// Must-show 3: every malformed fixture exits 2 with its file and JSON path, never a crash.
    @Test(arguments: [
        ("malformed-gpu-count.json", "items[0].spec.containers[0].resources.limits[\"nvidia.com/gpu\"]"),
        ("malformed-unknown-resource.json", "items[3].spec.containers[0].resources.limits[\"amd.com/gpu\"]"),
        ("malformed-missing-name.json", "items[1].metadata.name"),
        ("malformed-containers.json", "items[2].spec.containers"),
        ("malformed-hami-annotation.json", "items[4].metadata.annotations[\"hami.io/vgpu-devices-allocated\"]"),
        ("malformed-priority.json", "items[0].spec.priority"),
        ("malformed-gpucores.json", "items[0].spec.containers[0].resources.limits[\"nvidia.com/gpucores\"]"),
        ("malformed-truncated.json", "'$'"),
        ("malformed-kind.json", "'kind'"),
        ("malformed-nodes-count.json", "items[1].metadata.labels[\"nvidia.com/gpu.count\"]"),
    ])
    func malformedExitsTwo(file: String, path: String) throws {
        let nodes = file.contains("nodes") ? file : "hami-nodes.json"
        let pods = file.contains("nodes") ? "hami-pods.json" : file
        let r = try runColosim(["import", "k8s", "--nodes", Self.fixtures + nodes, "--pods", Self.fixtures + pods, "--json"])
        #expect(r.exitCode == 2, "\(file): \(r.stderr)")
        #expect(r.stderr.contains(file), "\(r.stderr)")
        #expect(r.stderr.contains(path), "\(r.stderr)")
        #expect(r.stdout.isEmpty)
    }

    /// `--on-error skip` reports the issue on stderr and imports the rest.
    @Test func skipGoesOn() throws {
        let r = try runColosim(["import", "k8s", "--nodes", Self.fixtures + "hami-nodes.json",
                                "--pods", Self.fixtures + "malformed-unknown-resource.json", "--on-error", "skip", "--json"])
        #expect(r.exitCode == 0, "\(r.stderr)")
        #expect(r.stderr.contains("amd.com/gpu"))
        #expect((Self.json(r.stdout)["issues"] as? [Any])?.count == 1)
    }

    /// `plan --explain` on the imported scenario: today's placement beside what the scheduler does on an
    /// empty cluster, with the scheduler's reasons.
    @Test func planExplainShowsBothPlacements() throws {
        let file = try Self.imported("hami-nodes.json", "hami-pods.json")
        let db = FileManager.default.temporaryDirectory.appendingPathComponent("k8s-plan-\(UUID().uuidString).sqlite").path
        let r = try runColosim(["plan", file, "--policies", "shared", "--min-gpus", "8", "--max-gpus", "8",
                                "--explain", "--quiet", "--db", db])
        #expect(r.exitCode == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Placement at t = 0"))
        let row = r.stdout.split(separator: "\n").first { $0.contains("batch/train-llm-0-0") }.map(String.init) ?? ""
        #expect(row.contains("gpu-node-b/0"), "now: \(row)")
        #expect(row.contains("gpu-node-a/2"), "binpack on an empty cluster: \(row)")
        #expect(row.contains("scheduler (binpack)"), "\(row)")
    }

    /// What-if on the imported scenario: `--set` of a service's load, the engine and the placement apply.
    @Test func setOverridesApply() throws {
        let file = try Self.imported("hami-nodes.json", "hami-pods.json")
        let r = try runColosim(["run", "--no-store", file, "--json", "--set", "duration_s=600",
                                "--set", "services.prod/ranker-7d9f8.load.poisson_rps=400",
                                "--set", "isolation.engine=user-mode-time-sliced", "--set", "placement=spread"])
        #expect(r.exitCode == 0, "\(r.stderr)")
        let services = Self.json(r.stdout)["services"] as? [[String: Any]] ?? []
        func requests(_ n: String) -> Double { (services.first { $0["name"] as? String == n }?["requests"] as? NSNumber)?.doubleValue ?? 0 }
        let ratio = requests("prod/ranker-7d9f8") / max(1, requests("prod/embed-6f4d1"))
        #expect(ratio > 6 && ratio < 10, "ranker at 400 rps vs embed at 50: \(ratio)")
    }
}
