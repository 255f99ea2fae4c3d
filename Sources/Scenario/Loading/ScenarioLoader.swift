import ColoModel
import Foundation
import Isolation
import SimEngine
import Simulator
import Yams

/// Loads and validates single-GPU scenario files (YAML; schema in docs/scenarios.md).
///
/// The YAML is composed into a node tree and walked against the schema: an unknown key (a typo
/// included), a value of the wrong type or an impossible value (a negative weight, a limit above 100)
/// throws a ``ScenarioError`` naming the file, the line and the field.
public enum ScenarioLoader {
    /// The schema identifiers this loader accepts in the optional `schema` key.
    public static let schemas = ["single-gpu"]

    /// Loads the scenario at `path`.
    public static func load(path: String) throws -> Scenario {
        try parse(yaml: ScenarioDocument.text(atPath: path, .detailed), file: path)
    }

    /// Parses scenario text; `file` names it in errors.
    public static func parse(yaml: String, file: String) throws -> Scenario {
        var r = try ScenarioDocument.root(yaml: yaml, file: file, .detailed)
        let index = r.index
        _ = try r.choice("schema", schemas)
        let name = try r.string("name") ?? URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        let description = try r.string("description") ?? ""
        let seed = try r.seed("seed") ?? 1
        let duration = try r.double("duration_s", required: true, min: 0, minExclusive: true) ?? 1
        let warmup = try r.double("warmup_s", min: 0) ?? 0
        if warmup >= duration { throw r.error("warmup_s", "must be shorter than duration_s (\(duration) s)") }
        let drain = try r.double("drain_s", min: 0) ?? 0
        let window = try r.double("share_window_ms", min: 0, minExclusive: true) ?? 100

        var profile = DeviceProfile.named(DeviceProfile.defaultName)
        if var d = try r.mapping("device") {
            if let p = try d.choice("profile", DeviceProfile.catalogNames) { profile = DeviceProfile.named(p) }
            if var o = try d.mapping("override"), let base = profile {
                profile = base.applying(try parseOverride(&o))
                if let problem = profile?.problems().first { throw o.error(problem.field, problem.message) }
                try o.finish()
            }
            try d.finish()
        }
        guard let profile else {
            throw ScenarioError(file: file, line: 1, field: "device.profile", "no device profile")
        }

        let isolation: IsolationSpec
        if var iso = try r.mapping("isolation") {
            isolation = try parseIsolation(&iso, profile: profile)
            try iso.finish()
        } else {
            isolation = .none
        }

        guard let items = try r.sequence("containers", required: true) else { throw r.missing("containers") }
        if items.isEmpty { throw r.error("containers", "needs at least one container") }
        var containers: [ContainerSpec] = []
        var names = Set<String>()
        var workloadNames = Set<String>()
        for (i, item) in items.enumerated() {
            var c = try MappingReader(item, path: "containers[\(i)]", file: file, index: index)
            let spec = try parseContainer(&c, id: i, isolation: isolation, profile: profile,
                                          workloadNames: &workloadNames)
            if !names.insert(spec.name).inserted { throw c.error("name", "duplicate container name '\(spec.name)'") }
            try c.finish()
            containers.append(spec)
        }
        if case .kernelMode(let policy, let params, let total) = isolation {
            if containers.count > params.maxInstances {
                throw r.error("containers", "kernel mode hosts at most \(params.maxInstances) containers per GPU, got \(containers.count)")
            }
            let sum = containers.reduce(0.0) { $0 + $1.weight }
            if policy == .fixed, let total, total < sum {
                throw ScenarioError(file: file, line: index.line(for: "isolation.kernel_mode.total_weight"),
                                    field: "isolation.kernel_mode.total_weight",
                                    "must be ≥ the sum of the containers' weights (\(sum)), got \(total)")
            }
        }
        try r.finish()

        let scenario = Scenario(
            name: name, description: description, file: file, profile: profile, isolation: isolation,
            containers: containers, duration: .seconds(duration), warmup: .seconds(warmup),
            drain: .seconds(drain), shareWindow: .milliseconds(window), seed: seed)
        // The simulator's own checks, mapped back to lines.
        if let p = scenario.simulationConfig().problems().first {
            let path = Self.scenarioPath(forConfigField: p.field)
            throw ScenarioError(file: file, line: index.line(for: path), field: path, p.message)
        }
        return scenario
    }

    /// Maps a simulator configuration field (`containers[0].workloads[1].kernel.work`) to the scenario path.
    static func scenarioPath(forConfigField f: String) -> String {
        f.hasPrefix("device.") ? "device.override." + f.dropFirst("device.".count) : f
    }
}
