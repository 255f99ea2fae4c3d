import ColosimCLI
import Foundation
import Scheduling

/// The `bench check` cases the benchmarks time, found from this file's place in the repository.
enum BenchmarkSuites {
    /// The repository root: three folders above this file (Benchmarks/Benchmarks/ColosimBenchmarks).
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// The case of `scenarios/<name>.yaml`.
    static func scenario(_ name: String) -> BenchCheckCase {
        BenchCheckSuite.scenarioCase(name: "scenario/" + name, file: root + "/scenarios/" + name + ".yaml")
    }

    /// The openb default placement replay, one policy, seed 42.
    static func placement(policy: String) -> BenchCheckSuite {
        let openb = root + "/../shared/traces/alibaba-gpu-v2023-openb"
        let kind = PlacementPolicyKind(rawValue: policy) ?? .fgd
        return BenchCheckSuite(cases: [BenchCheckSuite.placementCase(
            name: "placement/openb-default", nodes: openb + "/openb_node_list_gpu_node.csv",
            pods: openb + "/openb_pod_list_default.csv", policies: [.builtIn(kind)], arrive: 1.3, seeds: [42])])
    }
}
