import ColoModel

/// Builds the typical task classes of a workload, as the FGD artifact does.
///
/// hkust-adsl/kubernetes-scheduler-simulator `pkg/utils/frag.go` `GetTypicalPods` with the
/// experiment's configuration (CPU pods included, popularity threshold 95 %, step 1): count pods per
/// (CPU, milli-GPU, GPU count, GPU models); sort by count, descending (ties: larger CPU, then larger
/// milli-GPU, GPU count, model string first); keep the most popular classes until they cover 95 % of
/// the pods; renormalise their popularity to sum to 1.
public enum TypicalPods {
    /// The typical pods of `pods` covering `popularityThreshold` percent of them.
    public static func build(from pods: [PodRequest], popularityThreshold: Int = 95) -> [TypicalPod] {
        struct Key: Hashable {
            var cpu: Int, milli: Int, count: Int, models: String
        }
        var counts: [Key: Int] = [:]
        for p in pods {
            let cpu = p.cpuMilli == 0 ? 100 : p.cpuMilli
            let key = p.needsGPU
                ? Key(cpu: cpu, milli: min(p.gpuMilli, GPUShare.milliPerGPU), count: p.gpuCount,
                      models: p.allowedGPUModels.filter { !$0.isEmpty }.joined(separator: "|"))
                : Key(cpu: cpu, milli: 0, count: 0, models: "")
            counts[key, default: 0] += 1
        }
        let sorted = counts.sorted { a, b in
            if a.value != b.value { return a.value > b.value }
            if a.key.cpu != b.key.cpu { return a.key.cpu > b.key.cpu }
            if a.key.milli != b.key.milli { return a.key.milli > b.key.milli }
            if a.key.count != b.key.count { return a.key.count > b.key.count }
            return a.key.models > b.key.models
        }
        let total = Double(pods.count)
        guard total > 0 else { return [] }
        let expected = Double(popularityThreshold) * total / 100.0
        var cum = 0.0
        var chosen = 0
        while cum < expected && chosen < sorted.count {
            cum += Double(sorted[chosen].value)
            chosen += 1
        }
        let share = cum / total
        return sorted.prefix(chosen).map { kv in
            TypicalPod(cpuMilli: kv.key.cpu, gpuMilli: kv.key.milli, gpuCount: kv.key.count,
                       gpuModels: kv.key.models, popularity: Double(kv.value) / total / share)
        }
    }
}
