import Scenario

extension ScenarioRunner {
    /// Throws the scenario's own located error (YAML syntax, schema) when the file does not load as
    /// the schema it appears to have, so a flag check that depends on the schema (`--policy`,
    /// `--explain`) never hides the real problem behind "applies to cluster scenarios only".
    public func throwIfUnloadable() throws {
        if isCluster { return }
        do {
            _ = try ScenarioLoader.parse(yaml: text, file: path)
        } catch let e as ScenarioError {
            throw InputError(file: e.file, line: e.line, field: e.field, e.message)
        }
    }
}
