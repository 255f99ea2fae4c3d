import Foundation
import Testing
import TestSupport

/// `colosim place` against the FGD artifact's published results on openb `default`
/// (../shared/traces/fgd-kss-expected-results/fgd_expected_summary.csv, mean of seeds 42–51 at
/// 130 % arrival). A debug build replays one seed (42) of all six policies; `scripts/fgd_compare.py`
/// checks ten seeds on every variant with the release build.
@Suite struct PlaceAccuracyTests {
    static let shared = repositoryRoot().appendingPathComponent("../shared/traces").standardized
    static var haveData: Bool {
        FileManager.default.fileExists(atPath: shared.appendingPathComponent("fgd-kss-expected-results/fgd_expected_summary.csv").path)
    }

    static let names = ["01-Random": "random", "02-DotProd": "dot-product", "03-GpuClustering": "gpu-clustering",
                        "04-GpuPacking": "gpu-packing", "05-BestFit": "best-fit", "06-FGD": "fgd"]

    /// The artifact's allocation % at 130 % arrival per policy for `workload`.
    static func artifact(_ workload: String) throws -> [String: Double] {
        let text = try String(contentsOf: shared.appendingPathComponent("fgd-kss-expected-results/fgd_expected_summary.csv"), encoding: .utf8)
        let lines = text.split(whereSeparator: \.isNewline)
        let header = lines[0].split(separator: ",").map(String.init)
        let w = try #require(header.firstIndex(of: "workload"))
        let p = try #require(header.firstIndex(of: "sc_policy"))
        let v = try #require(header.firstIndex(of: "alloc_pct_at_arrive130"))
        var out: [String: Double] = [:]
        for line in lines.dropFirst() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            if f[w] == workload, let name = names[f[p]], let value = Double(f[v]) { out[name] = value }
        }
        return out
    }

    /// The artifact's per-seed allocation curve (columns 0…130: allocation % when the arrived GPU
    /// request reaches k % of capacity) for `workload`, `policy` (artifact name) and `seed`, read from
    /// analysis_allo_discrete.csv.gz through `gzip -dc`.
    static func artifactCurve(_ workload: String, policy: String, seed: Int) throws -> [Double?] {
        let path = shared.appendingPathComponent("fgd-kss-expected-results/analysis_allo_discrete.csv.gz").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-dc", path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        let lines = text.split(whereSeparator: \.isNewline)
        let header = lines[0].split(separator: ",").map(String.init)
        let first = try #require(header.firstIndex(of: "0"))
        for line in lines.dropFirst() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            if f[0] == workload, f[1] == policy, f[3] == String(seed) {
                return f[first...].map { Double($0) }
            }
        }
        throw CurveNotFound()
    }

    struct CurveNotFound: Error {}

    /// One policy, seed 42, in a debug build (the six run in parallel). Checks the allocation % at
    /// 130 % arrival within ±1.0 point of the artifact's 10-seed mean, and the policy's place in the
    /// ranking against every other policy the artifact separates by more than one point (closer pairs
    /// are within seed noise for one seed; `scripts/fgd_compare.py` checks full rankings on 10 seeds).
    @Test(.enabled(if: haveData), arguments: ["random", "dot-product", "gpu-clustering", "gpu-packing", "best-fit", "fgd"])
    func defaultWorkloadMatchesTheArtifact(policy: String) throws {
        let expected = try Self.artifact("openb_pod_list_default")
        #expect(expected.count == 6)
        let r = try runColosim([
            "place", "--nodes", Self.shared.appendingPathComponent("alibaba-gpu-v2023-openb/openb_node_list_gpu_node.csv").path,
            "--pods", Self.shared.appendingPathComponent("alibaba-gpu-v2023-openb/openb_pod_list_default.csv").path,
            "--policy", policy, "--arrive", "1.3", "--seeds", "42", "--json",
        ])
        #expect(r.exitCode == 0, "\(r.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let policies = try #require(object["policies"] as? [[String: Any]])
        let got = try #require(policies.first?["alloc_pct_mean"] as? Double)
        let want = try #require(expected[policy])
        #expect(abs(got - want) <= 1.0, "\(policy): ours \(got) vs artifact \(want)")
        for (other, value) in expected where other != policy && abs(value - want) > 1.0 {
            #expect((got > value) == (want > value), "\(policy) \(got) vs artifact \(other) \(value)")
        }
        #expect(object["gpus"] as? Int == 6212)
        #expect(object["rng"] as? String == "go")

        // Same seed, same run: with the artifact's Go math/rand stream the arrival order and the node ranking
        // are the artifact's own, so the deterministic policies reproduce its per-seed allocation curve
        // column for column, including after pods start failing (~90 %). The artifact's random policy
        // draws in the order its parallel filter finds nodes, which no replay can reproduce: left out.
        guard policy != "random" else { return }
        let artifactName = try #require(Self.names.first { $0.value == policy }?.key)
        let theirs = try Self.artifactCurve("openb_pod_list_default", policy: artifactName, seed: 42)
        let seed = try #require((policies.first?["per_seed"] as? [[String: Any]])?.first)
        let ours = try #require(seed["alloc_by_arrival"] as? [Any])
        #expect(ours.count == 131)
        for k in 0...130 {
            let o = ours[k] as? Double
            let t = theirs[k]
            #expect(o != nil && t != nil && abs((o ?? -1) - (t ?? -2)) < 0.005, "\(policy) column \(k): ours \(String(describing: o)) vs artifact \(String(describing: t))")
        }
    }

    /// The independent SplitMix64 stream shuffles differently: its curve leaves the artifact's early
    /// (so the column-for-column agreement above is the Go stream's doing, not an artefact of the measure).
    @Test(.enabled(if: haveData))
    func splitMixStreamDoesNotReproduceTheArtifactSequence() throws {
        let r = try runColosim([
            "place", "--nodes", Self.shared.appendingPathComponent("alibaba-gpu-v2023-openb/openb_node_list_gpu_node.csv").path,
            "--pods", Self.shared.appendingPathComponent("alibaba-gpu-v2023-openb/openb_pod_list_default.csv").path,
            "--policy", "best-fit", "--arrive", "1.3", "--seeds", "42", "--json", "--rng", "splitmix64",
        ])
        #expect(r.exitCode == 0, "\(r.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(object["rng"] as? String == "splitmix64")
        let policies = try #require(object["policies"] as? [[String: Any]])
        let seed = try #require((policies.first?["per_seed"] as? [[String: Any]])?.first)
        let ours = try #require(seed["alloc_by_arrival"] as? [Any])
        let theirs = try Self.artifactCurve("openb_pod_list_default", policy: "05-BestFit", seed: 42)
        let differing = (0...85).filter { k in
            guard let o = ours[k] as? Double, let t = theirs[k] else { return true }
            return abs(o - t) >= 0.005
        }
        #expect(differing.count > 20)
        #expect(abs((seed["alloc_pct"] as? Double ?? 0) - (theirs[130] ?? 0)) > 0.005)
    }

    @Test func unknownStreamExitsWithTwo() throws {
        let r = try runColosim(["place", "--nodes", "x.csv", "--pods", "y.csv", "--rng", "mt19937"])
        #expect(r.exitCode == 2)
        #expect(r.stderr.contains("--rng"))
    }
}
