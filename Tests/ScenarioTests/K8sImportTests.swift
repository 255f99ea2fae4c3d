import Foundation
import Scenario
import Testing
import TestSupport

/// Issue 13: `colosim import k8s` on the hand-written core/v1 fixtures (Tests/Fixtures/k8s), against
/// figures counted by hand from the fixture objects (see make_fixtures.py beside them).
struct K8sImportTests {
    static let dir = repositoryRoot().appendingPathComponent("Tests/Fixtures/k8s")

    static func data(_ name: String) throws -> Data { try Data(contentsOf: dir.appendingPathComponent(name)) }

    static func importing(_ nodes: String, _ pods: String, _ options: K8sImportOptions = K8sImportOptions()) throws -> K8sImportResult {
        try K8sImporter.run(nodes: data(nodes), nodesFile: nodes, pods: data(pods), podsFile: pods, options: options)
    }

    static func binding(_ r: K8sImportResult, _ pod: String) -> K8sBinding? { r.bindings.first { $0.pod == pod } }

    /// HAMi cluster: 2 GPU nodes × 4 A100 (allocatable 40 virtual GPUs each, split 10) + a CPU node;
    /// 8 pods of which 1 Succeeded (dropped): 7 pods, 6 GPU pods, 5 fractional, 1 pending; schedulers
    /// hami-scheduler and volcano (coredns's default-scheduler is neither a GPU pod's nor pending).
    @Test func hamiClusterCounts() throws {
        let r = try Self.importing("hami-nodes.json", "hami-pods.json")
        let s = r.summary
        #expect(s.nodes == 2)
        #expect(s.gpus == 8, "physical GPUs, not the 80 virtual ones HAMi makes allocatable")
        #expect(s.pods == 7)
        #expect(s.gpuPods == 6)
        #expect(s.fractionalPods == 5)
        #expect(s.pendingPods == 1)
        #expect(s.lsPods == 4)
        #expect(s.bePods == 2)
        #expect(s.schedulers == ["hami-scheduler", "volcano"])
        #expect(r.issues.isEmpty)
        #expect(r.nodes.map(\.deviceUUIDs.count) == [4, 4], "old string and JSON register annotations both read")
    }

    /// Current bindings: HAMi's annotated UUIDs (node-a GPU 0 twice, GPU 1; node-b GPU 2) and first fit
    /// for the volcano training pod that has no HAMi annotation (node-b GPUs 0 and 1).
    @Test func hamiClusterBindings() throws {
        let r = try Self.importing("hami-nodes.json", "hami-pods.json")
        #expect(Self.binding(r, "prod/ranker-7d9f8") == K8sBinding(pod: "prod/ranker-7d9f8", node: "gpu-node-a", gpus: [0], source: .hamiAnnotation))
        #expect(Self.binding(r, "prod/embed-6f4d1")?.gpus == [0])
        #expect(Self.binding(r, "prod/recall-5c8b2")?.gpus == [1])
        #expect(Self.binding(r, "research/nb-alice") == K8sBinding(pod: "research/nb-alice", node: "gpu-node-b", gpus: [2], source: .hamiAnnotation))
        #expect(Self.binding(r, "batch/train-llm-0") == K8sBinding(pod: "batch/train-llm-0", node: "gpu-node-b", gpus: [0, 1], source: .firstFit))
        #expect(Self.binding(r, "prod/ranker-7d9f8-x2k") == nil, "the pending pod has no binding")
        #expect(r.bindings.count == 5)
    }

    /// Fractional requests through the written scenario: gpucores × 10 milli-GPU, gpumem MiB (the
    /// percentage resolved by HAMi's annotation: 25 % of 40960 = 10240), bindings as global GPUs.
    @Test func hamiScenarioLoads() throws {
        let r = try Self.importing("hami-nodes.json", "hami-pods.json")
        let sc = try ClusterScenarioLoader.parse(yaml: r.scenarioYAML, file: "imported.yaml")
        #expect(sc.policy == .shared)
        #expect(sc.base.nodes == 2 && sc.base.gpusPerNode == 4)
        #expect(sc.base.colocation.gpuMemoryMiB == 40960)
        #expect(sc.base.profile.name == "a100-40gb")
        #expect(sc.nodeNames == ["gpu-node-a", "gpu-node-b"])
        #expect(sc.base.startFromBindings)
        let svc = Dictionary(uniqueKeysWithValues: sc.services.map { ($0.base.name, $0.base) })
        #expect(svc["prod/ranker-7d9f8"]?.gpuMilli == 300)
        #expect(svc["prod/ranker-7d9f8"]?.memoryMiB == 10240)
        #expect(svc["prod/recall-5c8b2"]?.gpuMilli == 200)
        #expect(svc["prod/recall-5c8b2"]?.memoryMiB == 10240)
        #expect(svc["prod/embed-6f4d1"]?.gpuMilli == 400)
        #expect(svc["prod/embed-6f4d1"]?.memoryMiB == 8192)
        #expect(svc["prod/ranker-7d9f8"]?.pinnedGPUs == [0])
        #expect(svc["prod/recall-5c8b2"]?.pinnedGPUs == [1])
        #expect(svc["prod/ranker-7d9f8-x2k"]?.pinnedGPUs == [])
        let jobs = Dictionary(uniqueKeysWithValues: sc.base.jobs.map { ($0.name, $0) })
        #expect(jobs["batch/train-llm-0-0"]?.pinnedGPU == 4)
        #expect(jobs["batch/train-llm-0-1"]?.pinnedGPU == 5)
        #expect(jobs["batch/train-llm-0-0"]?.gpuMilli == 1000)
        #expect(jobs["research/nb-alice"]?.pinnedGPU == 6)
        #expect(jobs["research/nb-alice"]?.gpuMilli == 100)
        #expect(sc.origins["prod/ranker-7d9f8"]?.scheduler == "hami-scheduler")
        #expect(sc.origins["prod/ranker-7d9f8"]?.priority == 100000)
        #expect(sc.origins["prod/ranker-7d9f8"]?.priorityClass == "online-critical")
        #expect(sc.origins["batch/train-llm-0-0"]?.scheduler == "volcano")
    }

    /// Whole-GPU cluster with the GPU operator's labels: 2 × 8 H100 + a CPU node; 7 pods, 6 GPU pods,
    /// none fractional, 1 pending; one scheduler; first fit in pod order on each node.
    @Test func wholeGPUClusterCounts() throws {
        let r = try Self.importing("whole-nodes.json", "whole-pods.json")
        let s = r.summary
        #expect(s.nodes == 2)
        #expect(s.gpus == 16)
        #expect(s.pods == 7)
        #expect(s.gpuPods == 6)
        #expect(s.fractionalPods == 0)
        #expect(s.pendingPods == 1)
        #expect(s.lsPods == 3 && s.bePods == 3)
        #expect(s.schedulers == ["default-scheduler"])
        #expect(Self.binding(r, "ml/train-gpt-0") == K8sBinding(pod: "ml/train-gpt-0", node: "dgx-01", gpus: [0, 1, 2, 3], source: .firstFit))
        #expect(Self.binding(r, "ml/train-gpt-1")?.gpus == [4, 5, 6, 7])
        #expect(Self.binding(r, "dev/notebook-bob")?.gpus == [0])
        #expect(Self.binding(r, "serving/llm-api-0")?.gpus == [1])
        #expect(Self.binding(r, "serving/llm-api-1")?.gpus == [2])
        let sc = try ClusterScenarioLoader.parse(yaml: r.scenarioYAML, file: "imported.yaml")
        #expect(sc.policy == .dedicated)
        #expect(sc.base.profile.name == "h100")
        #expect(sc.base.colocation.gpuMemoryMiB == 81559)
        #expect(sc.services.first { $0.base.name == "serving/llm-api-1" }?.base.pinnedGPUs == [10])
    }

    /// Nodes with different GPU counts become `cluster.node_groups` (in node order), so no GPU that
    /// does not exist is offered: dgx-02 cut to 4 GPUs gives 8 + 4 GPUs, and its GPU 2 is GPU 10.
    @Test func nodesThatDifferBecomeNodeGroups() throws {
        var nodes = try #require(try JSONSerialization.jsonObject(with: Self.data("whole-nodes.json")) as? [String: Any])
        var items = try #require(nodes["items"] as? [[String: Any]])
        let k = try #require(items.firstIndex { ($0["metadata"] as? [String: Any])?["name"] as? String == "dgx-02" })
        var meta = try #require(items[k]["metadata"] as? [String: Any])
        var labels = try #require(meta["labels"] as? [String: Any])
        labels["nvidia.com/gpu.count"] = "4"
        meta["labels"] = labels
        items[k]["metadata"] = meta
        var status = try #require(items[k]["status"] as? [String: Any])
        var alloc = try #require(status["allocatable"] as? [String: Any])
        alloc["nvidia.com/gpu"] = "4"
        status["allocatable"] = alloc
        items[k]["status"] = status
        nodes["items"] = items
        let r = try K8sImporter.run(nodes: try JSONSerialization.data(withJSONObject: nodes), nodesFile: "n.json",
                                    pods: Self.data("whole-pods.json"), podsFile: "whole-pods.json",
                                    options: K8sImportOptions())
        #expect(r.summary.gpus == 12)
        #expect(r.scenarioYAML.contains("node_groups:\n    - {count: 1, gpus_per_node: 8}\n    - {count: 1, gpus_per_node: 4}\n"))
        let sc = try ClusterScenarioLoader.parse(yaml: r.scenarioYAML, file: "imported.yaml")
        #expect(sc.base.nodeLayout == [8, 4] && sc.base.gpuCount == 12)
        #expect(sc.services.first { $0.base.name == "serving/llm-api-1" }?.base.pinnedGPUs == [10])
    }

    /// Every malformed fixture stops the import with its file and the JSON path of the bad value.
    @Test(arguments: [
        ("hami-nodes.json", "malformed-gpu-count.json", "items[0].spec.containers[0].resources.limits[\"nvidia.com/gpu\"]"),
        ("hami-nodes.json", "malformed-unknown-resource.json", "items[3].spec.containers[0].resources.limits[\"amd.com/gpu\"]"),
        ("hami-nodes.json", "malformed-missing-name.json", "items[1].metadata.name"),
        ("hami-nodes.json", "malformed-containers.json", "items[2].spec.containers"),
        ("hami-nodes.json", "malformed-hami-annotation.json", "items[4].metadata.annotations[\"hami.io/vgpu-devices-allocated\"]"),
        ("hami-nodes.json", "malformed-priority.json", "items[0].spec.priority"),
        ("hami-nodes.json", "malformed-gpucores.json", "items[0].spec.containers[0].resources.limits[\"nvidia.com/gpucores\"]"),
        ("hami-nodes.json", "malformed-truncated.json", "$"),
        ("hami-nodes.json", "malformed-kind.json", "kind"),
        ("malformed-nodes-count.json", "hami-pods.json", "items[1].metadata.labels[\"nvidia.com/gpu.count\"]"),
    ])
    func malformedStops(nodes: String, pods: String, path: String) throws {
        do {
            _ = try Self.importing(nodes, pods)
            Issue.record("\(pods) imported without an error")
        } catch let error as K8sImportError {
            #expect(error.issue.path == path, "\(error.issue)")
            #expect(error.issue.file == (nodes.hasPrefix("malformed") ? nodes : pods))
        }
    }

    /// `--on-error skip`: the unknown resource is reported with its path and the import goes on.
    @Test func skipReportsAndGoesOn() throws {
        var o = K8sImportOptions()
        o.onError = .skip
        let r = try Self.importing("hami-nodes.json", "malformed-unknown-resource.json", o)
        #expect(r.issues.map(\.path) == ["items[3].spec.containers[0].resources.limits[\"amd.com/gpu\"]"])
        #expect(r.summary.gpuPods == 6)
        let r2 = try Self.importing("hami-nodes.json", "malformed-missing-name.json", o)
        #expect(r2.summary.gpuPods == 5, "the pod without a name is skipped")
        #expect(r2.issues.count == 1)
    }

    /// Class: a label selector beats priority; the default class decides pods with neither.
    @Test func workloadClassRules() throws {
        var o = K8sImportOptions()
        o.lsSelector = ["app": "jupyter"]
        let r = try Self.importing("hami-nodes.json", "hami-pods.json", o)
        #expect(r.summary.lsPods == 5)
        var o2 = K8sImportOptions()
        o2.lsMinPriority = 1_000_000
        #expect(try Self.importing("hami-nodes.json", "hami-pods.json", o2).summary.lsPods == 0)
    }

    /// HAMi's annotation format (`UUID,Type,Usedmem,Usedcores:` per device, `;` per container).
    @Test func hamiDeviceDecoding() throws {
        let d = try HAMiDevice.decode("GPU-a,NVIDIA,3000,30:GPU-b,NVIDIA,4000,0:;GPU-c,NVIDIA,1000,10:;").get()
        #expect(d.map(\.uuid) == ["GPU-a", "GPU-b", "GPU-c"])
        #expect(d.map(\.memoryMiB) == [3000, 4000, 1000])
        #expect(d.map(\.cores) == [30, 0, 10])
        #expect((try? HAMiDevice.decode("GPU-a,NVIDIA,3000:;").get()) == nil)
        #expect(K8sQuantity.value("500m") == 0.5)
        #expect(K8sQuantity.value("16Gi") == 17_179_869_184)
        #expect(K8sQuantity.value("1e3") == 1000)
        #expect(K8sQuantity.value("x") == nil)
    }

    /// Scenario bindings are checked like every other key: file, line and field.
    @Test func bindingsAreValidated() throws {
        let base = """
            schema: cluster
            duration_s: 60
            policy: shared
            cluster: {nodes: 2, gpus_per_node: 2, node_names: [a, b]}
            services:
              - name: s
                replicas: 1
                load: {poisson_rps: 10}
                p99_ms: 50

            """
        let ok = try ClusterScenarioLoader.parse(yaml: base + "    bindings: [{node: b, gpu: 1}]\n", file: "t.yaml")
        #expect(ok.services[0].base.pinnedGPUs == [3])
        #expect(throws: ScenarioError.self) { try ClusterScenarioLoader.parse(yaml: base + "    bindings: [{node: c, gpu: 0}]\n", file: "t.yaml") }
        // A GPU outside the (resized) cluster: no binding, the pod is scheduled.
        #expect(try ClusterScenarioLoader.parse(yaml: base + "    bindings: [{node: a, gpu: 2}]\n", file: "t.yaml").services[0].base.pinnedGPUs == [-1])
        #expect(throws: ScenarioError.self) { try ClusterScenarioLoader.parse(yaml: base + "    bindings: [{node: a, gpu: -1}]\n", file: "t.yaml") }
        #expect(throws: ScenarioError.self) {
            try ClusterScenarioLoader.parse(yaml: base + "    bindings: [{node: a, gpu: 0}, {node: a, gpu: 1}]\n", file: "t.yaml")
        }
        do {
            _ = try ClusterScenarioLoader.parse(yaml: base + "    bindings: [{node: c, gpu: 0}]\n", file: "t.yaml")
        } catch let e as ScenarioError {
            #expect("\(e)".contains("services[0].bindings[0].node"), "\(e)")
        }
    }

    /// Robustness: truncations and byte substitutions of both fixtures either import or stop with a
    /// located issue (never a trap, never an empty path), under both --on-error modes.
    @Test func mutatedInputsNeverCrash() throws {
        let nodes = try Self.data("hami-nodes.json"), pods = try Self.data("hami-pods.json")
        let bytes = Array(pods)
        var variants: [[UInt8]] = []
        for cut in stride(from: 0, to: bytes.count, by: 53) { variants.append(Array(bytes[..<cut])) }
        let subs: [UInt8] = Array("x-9.\"{[]}:,0".utf8)
        for (k, i) in stride(from: 7, to: bytes.count, by: 41).enumerated() {
            var b = bytes
            b[i] = subs[k % subs.count]
            variants.append(b)
        }
        var stopped = 0
        for v in variants {
            for mode in K8sImportOptions.OnError.allCases {
                var o = K8sImportOptions()
                o.onError = mode
                do {
                    let r = try K8sImporter.run(nodes: nodes, nodesFile: "n.json", pods: Data(v), podsFile: "p.json", options: o)
                    for i in r.issues { #expect(!i.path.isEmpty) }
                } catch {
                    stopped += 1
                    #expect(!error.issue.path.isEmpty && error.issue.file == "p.json", "\(error)")
                }
            }
        }
        #expect(stopped > 0)
    }
}
