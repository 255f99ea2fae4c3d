extension ScenarioOverrides {
    /// Overrides from `--seed` and `--set path=value` flags; a malformed assignment is an ``InputError``.
    public static func parsing(seed: UInt64?, assignments: [String]) throws -> ScenarioOverrides {
        var o = ScenarioOverrides(seed: seed)
        for a in assignments {
            guard let p = Parameter(assignment: a) else {
                throw InputError(field: "--set", "expected path=value (e.g. containers.ai.weight=2), got '\(a)'")
            }
            o = try o.setting(p.path, to: p.value, field: "--set \(p.path)")
        }
        return o
    }
}
