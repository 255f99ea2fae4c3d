/// The trace formats `Workload` imports (the names are the CLI's `--format` values).
public enum TraceFormat: String, Sendable, CaseIterable, Equatable {
    /// Alibaba GenAI v2026 per-pod GPU duty cycle (``DutyCycleTrace``).
    case genaiDutyCycle = "genai-duty-cycle"
    /// Azure LLM inference arrivals 2023 (``AzureLLMTrace``).
    case azureLLM = "azure-llm"
    /// ServeGen per-client rate windows (``ServeGenTrace``).
    case serveGen = "servegen"
    /// Philly job runtimes (``PhillyRuntimeTrace``).
    case philly
    /// The generic CSV (``GenericTrace``).
    case generic
}
