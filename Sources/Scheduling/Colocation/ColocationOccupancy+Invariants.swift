import ColoModel

extension ColocationOccupancy {
    /// What is wrong with the occupancy, if anything (empty when consistent): no GPU over-committed
    /// in memory or in pods, sums matching the pods bound, and no pod in two places (DESIGN §2).
    public func invariantViolations(maxPods: Int) -> [String] {
        var problems: [String] = []
        var seen = Set<Int>()
        for (g, gpu) in gpus.enumerated() {
            if gpu.memoryUsed > memoryOfGPU[g] { problems.append("GPU \(g): memory \(gpu.memoryUsed) MiB > \(memoryOfGPU[g]) MiB") }
            if gpu.pods.count > maxPods { problems.append("GPU \(g): \(gpu.pods.count) pods > \(maxPods)") }
            if gpu.milliUsed != gpu.pods.reduce(0, { $0 + $1.gpuMilli }) { problems.append("GPU \(g): milli sum drifted") }
            if gpu.memoryUsed != gpu.pods.reduce(0, { $0 + $1.memoryMiB }) { problems.append("GPU \(g): memory sum drifted") }
            for p in gpu.pods {
                if !seen.insert(p.id).inserted { problems.append("pod \(p.id) bound twice") }
                if gpuOfPod[p.id] != g { problems.append("pod \(p.id) indexed on GPU \(gpuOfPod[p.id] ?? -1), found on \(g)") }
            }
        }
        if seen.count != gpuOfPod.count { problems.append("index holds \(gpuOfPod.count) pods, GPUs hold \(seen.count)") }
        return problems
    }
}
