import ColoModel
import Foundation
import Scenario
import Testing
import TestSupport
import Workload

/// `colosim import openb`: a hand-written openb node and pod list, and the scenario it becomes,
/// against counts made by hand.
struct OpenbImportTests {
    /// Three GPU nodes (two T4 × 2, then one G2 × 8) and a CPU node; pods: two whole-GPU LS, one
    /// LS at 470, one 2-GPU Guaranteed pod (2 replicas), one BE at 810, one Burstable whole GPU and a
    /// CPU pod. By hand: 3 nodes, 12 GPUs, 2 node groups (T4 × 2 ×2, G2 × 8 ×1), 6 GPU pods,
    /// LS replicas 2 + 1 + 2 = 5 in 2 services (1000: 4, 470: 1), BE jobs 2 in 2 groups, request 1 + 1 + 0.47 + 2 + 0.81 + 1 = 6.28 GPUs.
    static let nodes = """
    sn,cpu_milli,memory_mib,gpu,model
    openb-node-0001,96000,786432,2,T4
    openb-node-0002,96000,786432,2,T4
    openb-node-0003,96000,786432,8,G2
    openb-node-0004,96000,786432,0,
    """
    static let pods = """
    name,cpu_milli,memory_mib,num_gpu,gpu_milli,gpu_spec,qos,pod_phase,creation_time,deletion_time,scheduled_time
    p1,8000,30000,1,1000,,LS,Running,0,100,0
    p2,8000,30000,1,1000,,LS,Running,0,100,0
    p3,8000,30000,1,470,,LS,Running,0,100,0
    p4,8000,30000,2,1000,,Guaranteed,Running,0,100,0
    p5,8000,30000,1,810,,BE,Failed,0,100,0
    p6,8000,30000,1,1000,,Burstable,Running,0,100,0
    p7,8000,30000,0,0,,BE,Running,0,100,0
    """

    static func imported(_ o: OpenbFleetOptions = OpenbFleetOptions()) throws -> (yaml: String, summary: OpenbFleetImporter.Summary) {
        try OpenbFleetImporter.scenario(nodes: OpenbNodeList.parse(text: nodes, file: "n.csv"),
                                        pods: OpenbPodList.parse(text: pods, file: "p.csv"),
                                        nodesFile: "n.csv", podsFile: "p.csv", options: o)
    }

    @Test func countsMatchTheHandCount() throws {
        let s = try Self.imported().summary
        #expect(s.nodes == 3 && s.gpus == 12 && s.nodeGroups == 2)
        #expect(s.gpuPods == 6 && s.lsReplicas == 5 && s.services == 2 && s.beJobs == 2 && s.jobGroups == 2)
        #expect(abs(s.requestedGPUs - 6.28) < 1e-9)
        #expect(s.gpusByProfile == ["t4": 4, "v100-32gb": 8])
    }

    /// The scenario loads as written: the node layout and devices, the services' replicas, GPU
    /// shares, loads (20 % of the request) and memory (none by default: openb has no GPU memory; a
    /// share of 16 GiB when asked), the jobs' churn keys.
    @Test func theScenarioLoadsWithTheFleetsLayout() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("colosim-openb-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var o = OpenbFleetOptions()
        o.runtimesPath = repositoryRoot().appendingPathComponent("traces/philly_runtime_sample.csv").path
        o.dutyCyclePath = repositoryRoot().appendingPathComponent("traces/genai_pod_gpu_duty_cycle_sample.csv").path
        o.duration = 3600
        let yaml = try Self.imported(o).yaml
        let file = dir.appendingPathComponent("fleet.yaml").path
        try yaml.write(toFile: file, atomically: true, encoding: .utf8)
        let c = try ClusterScenarioLoader.load(path: file).simulationConfig()
        #expect(c.gpuCount == 12 && c.nodeGPUCounts == [2, 2, 8])
        #expect(c.profile(ofGPU: 3).name == "t4" && c.profile(ofGPU: 4).name == "v100-32gb")
        #expect(c.services.map(\.name) == ["ls-m1000", "ls-m470"] && c.services.map(\.replicas) == [4, 1])
        #expect(c.services.map(\.gpuMilli) == [1000, 470] && c.services.map(\.memoryMiB) == [0, 0])
        o.memoryMiBPerGPU = 16_384
        #expect(try Self.imported(o).yaml.contains("memory_mib: 7700"), "470 milli of 16 GiB")
        #expect(c.jobs.count == 2 && c.jobs.allSatisfy { $0.resubmit && $0.runtimes.count == 2079 }, "the Philly sample's 2079 rows")
        #expect(yaml.contains("mean: 0.094}}"), "470 milli × 20 %")
    }

    /// A GPU model without a profile is refused with its line; `modelProfiles` maps it.
    @Test func anUnmappedModelNamesItsLine() throws {
        var o = OpenbFleetOptions()
        o.modelProfiles["G2"] = nil
        do {
            _ = try Self.imported(o)
            Issue.record("accepted an unmapped model")
        } catch let e as OpenbFormatError {
            #expect(e.line == 4 && e.column == "model" && e.message.contains("G2"), "\(e)")
        }
        // The line is the file's, past CPU nodes and inside a slice too: a CPU node before the G2 node
        // puts it on line 5 (it was the 2nd node of the slice, line 3, before the fix).
        let moved = Self.nodes.replacingOccurrences(of: "openb-node-0003", with: "openb-node-0005,96000,786432,0,\nopenb-node-0003")
        var sliced = o
        sliced.nodeLimit = 2
        do {
            _ = try OpenbFleetImporter.scenario(nodes: OpenbNodeList.parse(text: moved, file: "n.csv"),
                                                pods: OpenbPodList.parse(text: Self.pods, file: "p.csv"),
                                                nodesFile: "n.csv", podsFile: "p.csv", options: sliced)
            Issue.record("accepted an unmapped model")
        } catch let e as OpenbFormatError {
            #expect(e.line == 5 && e.message.contains("openb-node-0003"), "\(e)")
        }
        o.modelProfiles["G2"] = "a100-40gb"
        #expect(try Self.imported(o).summary.gpusByProfile["a100-40gb"] == 8)
    }

    /// A pod asking for more GPUs than any node has is refused with its line (its count fed sums
    /// that a file of such pods could overflow).
    @Test func aPodOfMoreGPUsThanANodeIsRefused() {
        do {
            _ = try OpenbPodList.parse(text: Self.pods.replacingOccurrences(of: "p4,8000,30000,2,", with: "p4,8000,30000,65,"),
                                       file: "p.csv")
            Issue.record("accepted a 65-GPU pod")
        } catch let e as OpenbFormatError {
            #expect(e.line == 5 && e.column == "num_gpu", "\(e)")
        } catch {
            Issue.record("\(error)")
        }
    }

    /// A slice keeps nodes spread over the list (here 2 of 3: the second T4 node and the G2 node)
    /// and the same share of pods (5 of the 6 GPU pods, the first left out).
    @Test func aSliceKeepsNodesSpreadOverTheList() throws {
        var o = OpenbFleetOptions()
        o.nodeLimit = 2
        let s = try Self.imported(o).summary
        #expect(s.nodes == 2 && s.gpus == 10 && s.gpusByProfile == ["t4": 2, "v100-32gb": 8])
        #expect(s.gpuPods == 5, "6 × 10 / 12")
    }
}

/// The shipped fleet scenarios are what `colosim import openb` writes from the openb lists in
/// `../shared/traces` (so the files and the importer cannot drift apart), and the week loads with
/// the fleet's size.
struct ShippedFleetScenarioTests {
    static let openb = repositoryRoot().deletingLastPathComponent().appendingPathComponent("shared/traces/alibaba-gpu-v2023-openb")

    static func written(_ o: OpenbFleetOptions) throws -> String {
        let nodes = Self.openb.appendingPathComponent("openb_node_list_gpu_node.csv").path
        let pods = Self.openb.appendingPathComponent("openb_pod_list_default.csv").path
        return try OpenbFleetImporter.scenario(nodes: OpenbNodeList.load(path: nodes), pods: OpenbPodList.load(path: pods),
                                               nodesFile: nodes, podsFile: pods, options: o).yaml
    }

    @Test func theWeekIsWhatTheImporterWrites() throws {
        let file = repositoryRoot().appendingPathComponent("scenarios/fleet-openb-week.yaml").path
        #expect(try String(contentsOfFile: file, encoding: .utf8) == Self.written(OpenbFleetOptions()))
        let s = try ClusterScenarioLoader.parse(yaml: String(contentsOfFile: file, encoding: .utf8), file: file)
        #expect(s.base.gpuCount == 6212 && s.base.nodeGPUCounts?.count == 1213)
        #expect(s.services.map(\.base.replicas).reduce(0, +) == 4235 && s.base.jobs.count == 3198)
    }

    @Test func theBenchmarkSliceIsWhatTheImporterWrites() throws {
        var o = OpenbFleetOptions()
        o.name = "fleet-openb-1014-day"
        o.duration = 86_400
        o.nodeLimit = 202
        o.dutyCyclePath = "../../shared/traces/alibaba-v2026-genai/pod_gpu_duty_cycle_anon.csv"
        o.runtimesPath = "../traces/philly_runtime_sample.csv"
        let file = repositoryRoot().appendingPathComponent("scenarios/bench/fleet-openb-1014-day.yaml").path
        #expect(try String(contentsOfFile: file, encoding: .utf8) == Self.written(o))
    }
}
