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

    @Test(.enabled(if: haveData)) func defaultWorkloadMatchesTheArtifact() throws {
        let expected = try Self.artifact("openb_pod_list_default")
        #expect(expected.count == 6)
        let r = try runColosim([
            "place", "--nodes", Self.shared.appendingPathComponent("alibaba-gpu-v2023-openb/openb_node_list_gpu_node.csv").path,
            "--pods", Self.shared.appendingPathComponent("alibaba-gpu-v2023-openb/openb_pod_list_default.csv").path,
            "--policy", "all", "--arrive", "1.3", "--seeds", "42", "--json",
        ])
        #expect(r.exitCode == 0, "\(r.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let policies = try #require(object["policies"] as? [[String: Any]])
        var ours: [String: Double] = [:]
        for p in policies {
            if let name = p["policy"] as? String, let v = p["alloc_pct_mean"] as? Double { ours[name] = v }
        }
        for (name, want) in expected {
            let got = try #require(ours[name])
            #expect(abs(got - want) <= 1.0, "\(name): ours \(got) vs artifact \(want)")
        }
        let rankOurs = ours.keys.sorted { ours[$0]! < ours[$1]! }
        let rankArtifact = expected.keys.sorted { expected[$0]! < expected[$1]! }
        #expect(rankOurs == rankArtifact)
        #expect(object["gpus"] as? Int == 6212)
    }
}
