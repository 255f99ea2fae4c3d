import ArgumentParser
import ColoModel
import Experiments
import Foundation
import Scheduling
import SimEngine
import Workload

/// `colosim place`: placement replay in the FGD methodology (Weng et al., ATC'23, §6).
///
/// Pods of an openb pod list are shuffled by seed, topped up (or thinned) until their GPU request is
/// `--arrive` × the cluster's GPU capacity, and placed one at a time with no departures; the GPU
/// allocation % when the arrived request reaches that share is reported per policy, mean and sample
/// standard deviation over seeds, as in the artifact's `analysis_allo_discrete.csv`.
struct PlaceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "place",
        abstract: "Replay openb pods onto openb nodes with placement policies (FGD methodology).",
        discussion: """
            Policies: \(PlacementPolicyKind.allCases.map(\.rawValue).joined(separator: ", ")); \
            'all' runs the six of the FGD artifact (random, dot-product, gpu-clustering, gpu-packing, \
            best-fit, fgd). Several may be given comma-separated. With --preempt an LS pod that fits \
            nowhere evicts lower-priority BE pods (fewest, lowest priority) from one node; evicted pods \
            are lost (no departures, no re-queue).
            """)

    @Option(help: "Node list CSV (openb format: sn,cpu_milli,memory_mib,gpu,model).")
    var nodes: String

    @Option(help: "Pod list CSV (openb format: name,cpu_milli,memory_mib,num_gpu,gpu_milli[,gpu_spec,...]).")
    var pods: String

    @Option(help: "Placement policy, comma-separated list, or 'all'.")
    var policy: String = "all"

    @Option(help: "Arrived GPU request as a multiple of cluster GPU capacity (1.3 = 130%).")
    var arrive: Double = 1.3

    @Option(help: "Seeds, e.g. 42-51 or 1,2,5.")
    var seeds: String = "42-51"

    @Option(help: ArgumentHelp(
        "Random stream for arrival order, tuning copies and tie ranks: go or splitmix64.",
        discussion: "go (default) replays the FGD artifact's Go math/rand draws, so a seed gives the artifact's own sequence."))
    var rng: String = OpenbRandomStream.go.rawValue

    @Option(help: "Explain the first N decisions of the first seed for each policy.")
    var explain: Int = 0

    @Option(name: .customLong("explain-pod"),
            help: "Also explain the decision for the pod of this name (first seed, each policy).")
    var explainPod: String?

    @Flag(help: "Let LS pods that fit nowhere preempt (evict) lower-priority BE pods; evicted pods are lost.")
    var preempt = false

    @Flag(help: "Print JSON.")
    var json = false

    func run() throws {
        let policies = try Self.parsePolicies(policy)
        let seedList = try Self.parseSeeds(seeds)
        guard arrive.isFinite, arrive > 0, arrive <= 10 else {
            throw InputError(field: "--arrive", "must be in (0, 10], got \(arrive)")
        }
        guard explain >= 0 else { throw InputError(field: "--explain", "must be ≥ 0, got \(explain)") }
        guard let stream = OpenbRandomStream(rawValue: rng) else {
            throw InputError(field: "--rng", "unknown stream '\(rng)'; expected one of \(OpenbRandomStream.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let experiment = try PlacementExperiment(nodesFile: nodes, podsFile: pods, arrive: arrive, seeds: seedList,
                                                 stream: stream)
        let (nodeSpecs, trace, cluster) = (experiment.nodes, experiment.trace, experiment.cluster)
        let (typical, percent, workloads) = (experiment.typicalPods, experiment.percent, experiment.workloads)
        if let name = explainPod, !trace.contains(where: { $0.name == name }),
           !(workloads.first?.pods.contains { $0.name == name } ?? false) {
            throw InputError(file: pods, field: "--explain-pod", "no pod named '\(name)'")
        }
        let nodeNames = nodeSpecs.map(\.name)

        var summaries: [PolicySummary] = []
        var explanations: [PlaceExplanation] = []
        var digest = FNV1a64()
        for kind in policies {
            var runs: [PlaceRunSummary] = []
            for (si, w) in workloads.enumerated() {
                var observe: ((Int, PlacementDecision) -> Void)?
                if si == 0 && (explain > 0 || explainPod != nil) {
                    observe = { i, d in
                        guard i < explain || w.pods[i].name == explainPod else { return }
                        explanations.append(PlaceExplanation(policy: kind.rawValue, seed: seedList[0], index: i,
                                                             pods: w.pods, decision: d, nodeNames: nodeNames))
                    }
                }
                let r = kind.replay(cluster: cluster, typicalPods: typical, pods: w.pods, draws: w.draws,
                                    nodeRank: w.nodeRank, maxPercent: percent, preempt: preempt, observe: observe)
                digest.combine(r.digest)
                runs.append(PlaceRunSummary(seed: seedList[si], result: r, percent: percent))
            }
            summaries.append(PolicySummary(kind: kind, runs: runs, gpus: cluster.gpuCount))
        }

        let requested = Double(trace.reduce(0) { $0 + $1.totalGPUMilli }) / 1000
        if json {
            var out = "{\"nodes\": \(nodeSpecs.count), \"gpus\": \(cluster.gpuCount), \"pods\": \(trace.count)"
            out += ", \"requested_gpus\": \(Self.fmt(requested, 1)), \"arrive\": \(Self.fmt(arrive, 4))"
            out += ", \"seeds\": [\(seedList.map(String.init).joined(separator: ", "))]"
            out += ", \"typical_pods\": \(typical.count), \"rng\": \"\(stream.rawValue)\", \"preempt\": \(preempt), \"digest\": \"\(digest.hex)\""
            out += ", \"policies\": [\n"
            out += summaries.map { $0.json }.joined(separator: ",\n")
            out += "\n]"
            if !explanations.isEmpty {
                out += ", \"explanations\": [\n" + explanations.map { "  \"\(Self.escape($0.line))\"" }.joined(separator: ",\n") + "\n]"
                out += ", \"explanation_details\": [\n" + explanations.map { "  " + $0.json }.joined(separator: ",\n") + "\n]"
            }
            out += "}"
            print(out)
            return
        }
        print("colosim place: \(trace.count) pods (\(Self.fmt(requested, 1)) GPUs requested) on \(nodeSpecs.count) nodes"
              + " (\(cluster.gpuCount) GPUs); arrivals to \(percent)% of GPU capacity; seeds \(seeds) (\(seedList.count));"
              + " \(typical.count) typical pods; \(stream.rawValue) random stream")
        for e in explanations { print("  " + e.line) }
        let header = ["policy", "alloc % mean", "sd", "unallocated GPUs", "final alloc %", "failed pods", "frag %"]
        print(header[0].padding(toLength: 16, withPad: " ", startingAt: 0)
              + header.dropFirst().map { Self.left($0, 17) }.joined())
        for s in summaries {
            print(s.kind.rawValue.padding(toLength: 16, withPad: " ", startingAt: 0)
                  + [Self.fmt(s.allocMean, 2), Self.fmt(s.allocSD, 2), Self.fmt(s.unallocatedMean, 1),
                     Self.fmt(s.finalMean, 2), Self.fmt(s.failedMean, 1), Self.fmt(s.fragMean, 2)]
                .map { Self.left($0, 17) }.joined())
        }
        if preempt {
            print("preemption (LS pods evict lower-priority BE pods; evicted pods are lost), means over seeds:")
            let columns = ["policy", "evicted pods", "evicted GPUs", "LS by preempting", "LS failed", "BE failed"]
            print(columns[0].padding(toLength: 16, withPad: " ", startingAt: 0)
                  + columns.dropFirst().map { Self.left($0, 17) }.joined())
            for s in summaries {
                print(s.kind.rawValue.padding(toLength: 16, withPad: " ", startingAt: 0)
                      + [Self.fmt(s.preemptedMean, 1), Self.fmt(s.preemptedGPUMilliMean / 1000, 1),
                         Self.fmt(s.preemptingMean, 1), Self.fmt(s.failedLSMean, 1), Self.fmt(s.failedBEMean, 1)]
                    .map { Self.left($0, 17) }.joined())
            }
        }
        print("digest \(digest.hex)")
    }

    // MARK: - parsing

    static func parsePolicies(_ text: String) throws -> [PlacementPolicyKind] {
        if text == "all" { return PlacementPolicyKind.fgdArtifactPolicies }
        var out: [PlacementPolicyKind] = []
        for part in text.split(separator: ",") {
            let name = part.trimmingCharacters(in: .whitespaces)
            if name == "all" {
                out.append(contentsOf: PlacementPolicyKind.fgdArtifactPolicies)
                continue
            }
            guard let k = PlacementPolicyKind(rawValue: name) else {
                throw InputError(field: "--policy", "unknown policy '\(name)'; known: all, "
                                 + PlacementPolicyKind.allCases.map(\.rawValue).joined(separator: ", "))
            }
            out.append(k)
        }
        guard !out.isEmpty else { throw InputError(field: "--policy", "no policy given") }
        return out
    }

    /// Most seeds one `place` run accepts: each seed keeps its placements in memory (about 1.5 MB
    /// per seed and policy on openb default; 1000 seeds of one policy peaked at 1.5 GB).
    static let maxSeeds = 100

    /// Parses `42-51`, `1,2,5` or a mix such as `1-3,7`.
    static func parseSeeds(_ text: String) throws -> [UInt64] {
        var out: [UInt64] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let p = part.trimmingCharacters(in: .whitespaces)
            let bounds = p.split(separator: "-", omittingEmptySubsequences: false)
            if bounds.count == 1, let v = UInt64(p) {
                out.append(v)
            } else if bounds.count == 2, let a = UInt64(bounds[0]), let b = UInt64(bounds[1]), a <= b, b - a < 1_000_000 {
                out.append(contentsOf: a...b)
            } else {
                throw InputError(field: "--seeds", "bad seed list '\(text)' at '\(p)'; expected e.g. 42-51 or 1,2,5")
            }
        }
        guard !out.isEmpty else { throw InputError(field: "--seeds", "no seeds") }
        guard out.count <= maxSeeds else {
            throw InputError(field: "--seeds", "\(out.count) seeds; at most \(maxSeeds) per run (colosim's limit, docs/limits.md: memory grows with the seeds); split the list over several runs")
        }
        return out
    }

    static func fmt(_ v: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", v) }
    static func left(_ s: String, _ width: Int) -> String {
        s.count >= width ? " " + s : String(repeating: " ", count: width - s.count) + s
    }
    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }
}

/// One replay's figures.
struct PlaceRunSummary {
    var seed: UInt64
    var allocPercent: Double
    var finalPercent: Double
    var failedPods: Int
    var placedPods: Int
    var fragPercent: Double
    var digest: UInt64
    /// Allocation % at each whole arrival percentage 0…`percent` (the artifact's columns), nil where no pod arrived.
    var curve: [Double?]
    var preemptedPods: Int
    var preemptedGPUMilli: Int
    var preemptingPods: Int
    var failedLSPods: Int
    var failedBEPods: Int

    init(seed: UInt64, result r: ReplayResult, percent: Int) {
        self.seed = seed
        allocPercent = r.allocationPercent(atArrival: percent)
        finalPercent = r.finalAllocationPercent
        failedPods = r.failedPods
        placedPods = r.placedPods
        fragPercent = r.clusterGPUMilli > 0 ? 100 * (r.fragmentedGPUMilli ?? 0) / Double(r.clusterGPUMilli) : 0
        digest = r.digest
        curve = Array(r.allocationByArrival.prefix(max(percent, 0) + 1))
        preemptedPods = r.preemptedPods
        preemptedGPUMilli = r.preemptedGPUMilli
        preemptingPods = r.preemptingPods
        failedLSPods = r.failedLSPods
        failedBEPods = r.failedBEPods
    }
}

/// Mean and spread of one policy over seeds.
struct PolicySummary {
    var kind: PlacementPolicyKind
    var runs: [PlaceRunSummary]
    var gpus: Int

    static func mean(_ xs: [Double]) -> Double { xs.isEmpty ? 0 : xs.reduce(0, +) / Double(xs.count) }
    /// Sample standard deviation (n − 1), as pandas' `std`.
    static func sd(_ xs: [Double]) -> Double {
        guard xs.count > 1 else { return 0 }
        let m = mean(xs)
        return (xs.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(xs.count - 1)).squareRoot()
    }

    var allocMean: Double { Self.mean(runs.map(\.allocPercent)) }
    var allocSD: Double { Self.sd(runs.map(\.allocPercent)) }
    var unallocatedMean: Double { Self.mean(runs.map { Double(gpus) * (100 - $0.allocPercent) / 100 }) }
    var finalMean: Double { Self.mean(runs.map(\.finalPercent)) }
    var failedMean: Double { Self.mean(runs.map { Double($0.failedPods) }) }
    var fragMean: Double { Self.mean(runs.map(\.fragPercent)) }
    var preemptedMean: Double { Self.mean(runs.map { Double($0.preemptedPods) }) }
    var preemptedGPUMilliMean: Double { Self.mean(runs.map { Double($0.preemptedGPUMilli) }) }
    var preemptingMean: Double { Self.mean(runs.map { Double($0.preemptingPods) }) }
    var failedLSMean: Double { Self.mean(runs.map { Double($0.failedLSPods) }) }
    var failedBEMean: Double { Self.mean(runs.map { Double($0.failedBEPods) }) }

    var json: String {
        let f = PlaceCommand.fmt
        var s = "  {\"policy\": \"\(kind.rawValue)\", \"alloc_pct_mean\": \(f(allocMean, 4)), \"alloc_pct_sd\": \(f(allocSD, 4))"
        s += ", \"unallocated_gpus_mean\": \(f(unallocatedMean, 2)), \"final_alloc_pct_mean\": \(f(finalMean, 4))"
        s += ", \"failed_pods_mean\": \(f(failedMean, 2)), \"frag_pct_mean\": \(f(fragMean, 4))"
        s += ", \"failed_ls_pods_mean\": \(f(failedLSMean, 2)), \"failed_be_pods_mean\": \(f(failedBEMean, 2))"
        s += ", \"preemptions_mean\": \(f(preemptedMean, 2)), \"preempted_gpu_milli_mean\": \(f(preemptedGPUMilliMean, 1))"
        s += ", \"preempting_pods_mean\": \(f(preemptingMean, 2))"
        if let a = kind.artifactName { s += ", \"artifact_policy\": \"\(a)\"" }
        s += ", \"per_seed\": ["
        s += runs.map { r in
            "{\"seed\": \(r.seed), \"alloc_pct\": \(f(r.allocPercent, 4)), \"final_alloc_pct\": \(f(r.finalPercent, 4)), "
                + "\"failed_pods\": \(r.failedPods), \"placed_pods\": \(r.placedPods), \"frag_pct\": \(f(r.fragPercent, 4)), "
                + "\"failed_ls_pods\": \(r.failedLSPods), \"failed_be_pods\": \(r.failedBEPods), "
                + "\"preemptions\": \(r.preemptedPods), \"preempted_gpu_milli\": \(r.preemptedGPUMilli), "
                + "\"preempting_pods\": \(r.preemptingPods), \"digest\": \"\(String(r.digest, radix: 16))\", "
                + "\"alloc_by_arrival\": [\(r.curve.map { $0.map { f($0, 2) } ?? "null" }.joined(separator: ", "))]}"
        }.joined(separator: ", ")
        s += "]}"
        return s
    }
}
