import SimEngine
import Workload

/// The M/M/c "GPU inference server" queue on the colosim DES kernel (`Simulation<Double, MMcEvent>`).
public enum MMc {
    /// Simulates `parameters` (which must be valid, see ``MMcParameters/validate()``) event by event.
    public static func simulate(_ parameters: MMcParameters) -> MMcTrace {
        var model = MMcModel(parameters)
        var sim = Simulation<Double, MMcEvent>(capacity: parameters.servers + 2)
        sim.schedule(MMcEvent(request: 0, isDeparture: false),
                     at: model.arrivalStream.exp(mean: model.interarrivalMean))
        sim.run(&model)
        return MMcTrace(parameters: parameters, latencies: model.latency, waits: model.wait,
                        events: sim.eventsProcessed, endTime: model.lastDeparture, work: model.work)
    }

    /// Simulates and summarises `parameters`.
    public static func run(_ parameters: MMcParameters) -> MMcResult {
        MMcResult(simulate(parameters))
    }
}
