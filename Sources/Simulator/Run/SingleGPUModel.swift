import ColoModel
import GPUDevice
import SimEngine

/// The single-GPU simulation model (work in progress: returns an empty result).
struct SingleGPUModel {
    let config: SimulationConfig

    init(config: SimulationConfig) { self.config = config }

    mutating func run() -> SimulationResult {
        SimulationResult(digest: FNV1a64().value, simulatedTime: config.duration, events: 0,
                         gpu: GPUResult(utilization: 0, smUtilization: 0, nvencUtilization: 0,
                                        nvdecUtilization: 0, contextSwitches: 0),
                         workloads: [], containers: [], shareWindows: [], oomEvents: [])
    }
}
