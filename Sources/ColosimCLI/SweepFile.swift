import Experiments
import Foundation
import SimEngine
import Simulator
import Yams

/// A sweep file (`colosim sweep SWEEP.yaml`, docs/product.md): a scenario, fixed overrides and a grid.
///
/// ```yaml
/// name: kernel-weights
/// scenario: ../v100-kernel-burst-return.yaml   # relative to this file
/// set: {duration_s: 1}                         # applied to every point (optional)
/// grid:                                        # axes in order, the last varying fastest
///   policy: [fixed, burst]
///   containers.busy.weight: [1, 2, 3]
///   seed: [1, 2]
/// ```
/// Axis names: `seed`, `policy`, `gpus`, or a scenario parameter path. Errors name file, line and field.
struct SweepFile: Sendable {
    /// The sweep's name (default: the file name).
    var name: String
    /// The sweep file.
    var file: String
    /// The sweep file's text.
    var text: String
    /// The scenario file, resolved against the sweep file's folder.
    var scenarioPath: String
    /// Overrides for every point.
    var fixed: [ScenarioOverrides.Parameter]
    /// The grid.
    var grid: ParameterGrid

    static let keys = ["name", "description", "scenario", "set", "grid"]

    /// Loads and checks a sweep file.
    static func load(path: String) throws -> SweepFile {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw InputError(file: path, field: "SWEEP", "cannot read the sweep file as UTF-8 text")
        }
        return try parse(text: text, file: path)
    }

    /// Parses sweep text; `file` names it in errors and anchors the scenario path.
    static func parse(text: String, file: String) throws -> SweepFile {
        let root: Node
        do {
            guard let n = try Yams.compose(yaml: text) else { throw InputError(file: file, line: 1, "the sweep file is empty") }
            root = n
        } catch let e as InputError {
            throw e
        } catch let e as YamlError {
            throw InputError(file: file, line: SweepFile.line(of: e), "not valid YAML: \(e)")
        } catch {
            throw InputError(file: file, "not valid YAML: \(error)")
        }
        func line(_ n: Node?) -> Int? { n?.mark?.line }
        guard let m = root.mapping else { throw InputError(file: file, line: line(root), "the sweep file must be a mapping") }
        for (k, _) in m {
            let key = k.string ?? ""
            if !keys.contains(key) {
                throw InputError(file: file, line: line(k), field: key, "unknown key '\(key)'; known keys: \(keys.joined(separator: ", "))")
            }
        }
        let name: String
        if let n = m["name"] {
            guard let s = n.string, n.scalar != nil, !s.isEmpty else { throw InputError(file: file, line: line(n), field: "name", "must be a non-empty string") }
            name = s
        } else {
            name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        }
        guard let sn = m["scenario"] else { throw InputError(file: file, line: 1, field: "scenario", "missing required key 'scenario' (the scenario file, relative to this file)") }
        guard sn.scalar != nil, let scenario = sn.string, !scenario.isEmpty else {
            throw InputError(file: file, line: line(sn), field: "scenario", "must be a file path")
        }
        let base = URL(fileURLWithPath: file).deletingLastPathComponent()
        let scenarioPath = scenario.hasPrefix("/") ? scenario : base.appendingPathComponent(scenario).standardizedFileURL.path
        guard FileManager.default.fileExists(atPath: scenarioPath) else {
            throw InputError(file: file, line: line(sn), field: "scenario", "no such scenario file '\(scenarioPath)'")
        }
        var fixed: [ScenarioOverrides.Parameter] = []
        if let s = m["set"] {
            guard let sm = s.mapping else { throw InputError(file: file, line: line(s), field: "set", "must be a mapping of parameter path to value") }
            for (k, v) in sm {
                guard let key = k.string, !key.isEmpty else { throw InputError(file: file, line: line(k), field: "set", "keys must be parameter paths") }
                fixed.append(.init(path: key, value: try valueText(v, file: file, field: "set.\(key)")))
            }
        }
        guard let g = m["grid"] else { throw InputError(file: file, line: 1, field: "grid", "missing required key 'grid' (parameter → list of values)") }
        guard let gm = g.mapping, !gm.isEmpty else { throw InputError(file: file, line: line(g), field: "grid", "must be a non-empty mapping of parameter → list of values") }
        var axes: [ParameterGrid.Axis] = []
        for (k, v) in gm {
            guard let key = k.string, !key.isEmpty else { throw InputError(file: file, line: line(k), field: "grid", "axis names must be strings") }
            let field = "grid.\(key)"
            let items: [Node] = v.sequence.map(Array.init) ?? [v]
            if items.isEmpty { throw InputError(file: file, line: line(v), field: field, "needs at least one value") }
            var values: [String] = []
            for item in items {
                let t = try valueText(item, file: file, field: field)
                if values.contains(t) { throw InputError(file: file, line: line(item), field: field, "duplicate value '\(t)'") }
                switch key {
                case "seed" where UInt64(t) == nil:
                    throw InputError(file: file, line: line(item), field: field, "a seed must be an integer ≥ 0, got '\(t)'")
                case "gpus" where (Int(t) ?? 0) < 1:
                    throw InputError(file: file, line: line(item), field: field, "a GPU count must be an integer ≥ 1, got '\(t)'")
                default: break
                }
                values.append(t)
            }
            axes.append(.init(name: key, values: values))
        }
        return SweepFile(name: name, file: file, text: text, scenarioPath: scenarioPath, fixed: fixed,
                         grid: ParameterGrid(axes: axes))
    }

    /// A scalar's text, or a collection re-serialized as flow YAML.
    static func valueText(_ n: Node, file: String, field: String) throws -> String {
        if n.scalar != nil { return n.string ?? "" }
        do {
            return try Yams.serialize(node: n).trimmingCharacters(in: .whitespacesAndNewlines)
        } catch {
            throw InputError(file: file, line: n.mark?.line, field: field, "cannot read this value")
        }
    }

    /// The overrides of `point`: the fixed ones, then the point's assignments.
    func overrides(for point: ParameterGrid.Point) throws -> ScenarioOverrides {
        var o = ScenarioOverrides(parameters: fixed)
        for a in point.assignments {
            o = try o.setting(a.name, to: a.value, field: "\(file): grid.\(a.name)")
        }
        return o
    }

    /// The 1-based line a Yams error points at, if any.
    static func line(of e: YamlError) -> Int? {
        switch e {
        case .scanner(_, _, let m, _), .parser(_, _, let m, _), .composer(_, _, let m, _): return m.line
        default: return nil
        }
    }

    /// The sweep's spec hash: FNV-1a-64 of the sweep text and the scenario text, so editing either starts a new sweep.
    func specHash(scenarioText: String) -> String {
        var h = FNV1a64()
        h.combine(text)
        h.combine(scenarioText)
        return h.hex
    }
}
