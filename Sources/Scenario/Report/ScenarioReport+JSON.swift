extension ScenarioReport {
    /// The report as JSON with keys in a fixed order (the `colosim run --json` contract,
    /// docs/scenarios.md "Output": `digest`, `gpus`, `workloads`, `containers`, plus extra keys),
    /// encoded through ``ScenarioReport``'s `Encodable` conformance by ``OrderedJSONEncoder``.
    public var json: String {
        // The report holds only numbers, strings and arrays of them: encoding cannot fail.
        (try? OrderedJSONEncoder.encode(self)) ?? "{}"
    }
}
