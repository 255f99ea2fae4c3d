import Foundation
import Testing
@testable import SweepDispatch

/// docs/product.md shows generated scripts and a manifest; they must be what the renderers produce now.
@Suite struct DocumentedOutputTests {
    static func productDoc(file: StaticString = #filePath) throws -> String {
        var url = URL(fileURLWithPath: "\(file)")
        while url.path != "/" {
            url.deleteLastPathComponent()
            let doc = url.appendingPathComponent("docs/product.md")
            if FileManager.default.fileExists(atPath: doc.path) { return try String(contentsOf: doc, encoding: .utf8) }
        }
        throw SweepDispatchError(field: "docs", "docs/product.md not found above \(file)")
    }

    @Test func slurmScriptsInTheDocsAreCurrent() throws {
        let plan = try SweepShardPlan(sweepName: "recsys-policies-gpus", pointCount: 30, shardCount: 8,
                                      executable: "/srv/colosim/.build/release/colosim",
                                      sweepFile: "/srv/colosim/scenarios/sweeps/recsys-policies-gpus.yaml",
                                      resultsDirectory: "/scratch/colosim/recsys", mergedDatabase: "/scratch/colosim/recsys.sqlite",
                                      workersPerShard: 4)
        let job = try SlurmArrayJob(plan: plan, partition: "batch", timeLimit: "2:00:00")
        let doc = try Self.productDoc()
        let array = doc.contains("```sh\n" + job.arrayScript + "```")
        let merge = doc.contains("```sh\n" + job.mergeScript + "```")
        let submit = doc.contains("  " + job.submitCommand + "\n")
        #expect(array, "docs/product.md: the array script differs from SlurmArrayJob's; regenerate it")
        #expect(merge, "docs/product.md: the merge script differs from SlurmArrayJob's; regenerate it")
        #expect(submit, "docs/product.md: the submit command differs from SlurmArrayJob's; regenerate it")
    }

    @Test func kubernetesManifestInTheDocsIsCurrent() throws {
        let plan = try SweepShardPlan(sweepName: "recsys-policies-gpus", pointCount: 30, shardCount: 8, executable: "colosim",
                                      sweepFile: "scenarios/sweeps/recsys-policies-gpus.yaml", resultsDirectory: "/results",
                                      mergedDatabase: "all.sqlite", workersPerShard: 4)
        let job = try KubernetesIndexedJob(plan: plan, image: "registry.example/colosim:latest")
        let found = try Self.productDoc().contains("```yaml\n" + job.manifest + "```")
        #expect(found, "docs/product.md: the Indexed Job differs from KubernetesIndexedJob's; regenerate it")
    }
}
