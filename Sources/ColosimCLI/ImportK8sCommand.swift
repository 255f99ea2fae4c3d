import ArgumentParser
import Experiments
import Foundation
import Scenario

/// `colosim import k8s --nodes nodes.json --pods pods.json [--out scenario.yaml] [--json]`: a
/// Kubernetes cluster as it runs today, as a cluster scenario starting from its current bindings.
struct ImportK8sCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "k8s",
        abstract: "Import `kubectl get nodes -o json` and `kubectl get pods -A -o json` as a cluster scenario.",
        discussion: """
            GPU nodes: GPU feature discovery labels (nvidia.com/gpu.count, .product, .memory), HAMi's \
            registered devices, else allocatable nvidia.com/gpu (÷ the split count on HAMi nodes). GPU pods \
            (nvidia.com/gpu and HAMi's nvidia.com/gpumem, gpumem-percentage, gpucores) become LS services or BE \
            jobs pinned to their current GPUs (HAMi's hami.io/vgpu-devices-allocated where present). Malformed \
            objects and unknown resources are reported with their JSON path; --on-error stop (default) exits 2 \
            at the first, skip reports them and goes on. See docs/import.md.
            """)

    @Option(help: "`kubectl get nodes -o json` output.")
    var nodes: String

    @Option(help: "`kubectl get pods -A -o json` output.")
    var pods: String

    @Option(help: "Write the scenario here (default: standard output, unless --json).")
    var out: String?

    @Flag(help: "Print the import summary as JSON.")
    var json = false

    @Option(name: .customLong("on-error"), help: "stop (exit 2 at the first issue) or skip (report it and go on).")
    var onError: String = "stop"

    @Option(name: .customLong("ls-selector"), help: ArgumentHelp("Pods with these labels are LS (k=v[,k=v…]).", valueName: "k=v,…"))
    var lsSelector: String?

    @Option(name: .customLong("be-selector"), help: ArgumentHelp("Pods with these labels are BE (k=v[,k=v…]).", valueName: "k=v,…"))
    var beSelector: String?

    @Option(name: .customLong("ls-priority"), help: "Pods with spec.priority ≥ this are LS, below it BE.")
    var lsPriority: Int = 1000

    @Option(name: .customLong("default-class"), help: "Class of pods no selector or priority decides: ls or be.")
    var defaultClass: String = "be"

    @Option(name: .customLong("hami-split"), help: "HAMi's nvidia.deviceSplitCount (virtual GPUs per GPU).")
    var hamiSplit: Int = 10

    @Flag(help: "Treat every node as a HAMi node (allocatable nvidia.com/gpu counts virtual GPUs).")
    var hami = false

    @Option(help: "Scenario name.")
    var name: String = "k8s-import"

    @Option(name: .customLong("duration"), help: ArgumentHelp("Scenario span, seconds.", valueName: "s"))
    var duration: Double = 3600

    @Option(name: .customLong("ls-rps"), help: ArgumentHelp("Requests/s offered to each LS pod.", valueName: "rps"))
    var lsRPS: Double = 50

    @Option(name: .customLong("ls-p99-ms"), help: ArgumentHelp("p99 target of each LS pod, ms.", valueName: "ms"))
    var lsP99: Double = 100

    func validate() throws {
        if !(duration > 0 && duration <= 1e7) { throw ValidationError("--duration must be in (0, 1e7] s") }
        if !(lsRPS >= 0 && lsRPS <= 1e7) { throw ValidationError("--ls-rps must be in [0, 1e7]") }
        if !(lsP99 > 0 && lsP99 <= 1e7) { throw ValidationError("--ls-p99-ms must be in (0, 1e7]") }
        if hamiSplit < 1 || hamiSplit > 64 { throw ValidationError("--hami-split must be in 1…64") }
    }

    /// `k=v,k=v` as a selector.
    static func selector(_ text: String?, flag: String) throws -> [String: String] {
        guard let text else { return [:] }
        var out: [String: String] = [:]
        for part in text.split(separator: ",") {
            let kv = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard kv.count == 2, !kv[0].isEmpty else { throw InputError(field: flag, "expected key=value[,key=value…], got '\(part)'") }
            out[kv[0]] = kv[1]
        }
        return out
    }

    func run() throws {
        var o = K8sImportOptions()
        guard let e = K8sImportOptions.OnError(rawValue: onError) else { throw InputError(field: "--on-error", "expected stop or skip, got '\(onError)'") }
        guard let c = K8sImportOptions.WorkloadClass(rawValue: defaultClass) else { throw InputError(field: "--default-class", "expected ls or be, got '\(defaultClass)'") }
        o.onError = e
        o.defaultClass = c
        o.lsSelector = try Self.selector(lsSelector, flag: "--ls-selector")
        o.beSelector = try Self.selector(beSelector, flag: "--be-selector")
        o.lsMinPriority = lsPriority
        o.hamiSplitCount = hamiSplit
        o.assumeHAMi = hami
        o.name = name
        o.duration = duration
        o.lsRequestsPerSecond = lsRPS
        o.lsP99Milliseconds = lsP99
        guard let nodeData = FileManager.default.contents(atPath: nodes) else { throw InputError(file: nodes, field: "--nodes", "cannot read the file") }
        guard let podData = FileManager.default.contents(atPath: pods) else { throw InputError(file: pods, field: "--pods", "cannot read the file") }
        let result: K8sImportResult
        do {
            result = try K8sImporter.run(nodes: nodeData, nodesFile: nodes, pods: podData, podsFile: pods, options: o)
        } catch {
            throw InputError(file: error.issue.file, field: error.issue.path, error.issue.message)
        }
        for i in result.issues { writeStandardError("colosim: warning: \(i.file): field '\(i.path)': \(i.message) (skipped)\n") }
        for n in result.notes { writeStandardError("colosim: note: \(n)\n") }
        if let out {
            do {
                try result.scenarioYAML.write(toFile: out, atomically: true, encoding: .utf8)
            } catch {
                throw InputError(file: out, field: "--out", "cannot write the scenario: \(error.localizedDescription)")
            }
        }
        if json {
            print(result.summaryJSON())
        } else if out == nil {
            print(result.scenarioYAML, terminator: "")
        } else {
            let s = result.summary
            print("imported \(s.nodes) nodes, \(s.gpus) GPUs, \(s.gpuPods) GPU pods (\(s.fractionalPods) fractional, \(s.pendingPods) pending; \(s.lsPods) LS, \(s.bePods) BE) → \(out ?? "")")
        }
    }
}
