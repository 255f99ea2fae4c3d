/// The committed baseline of `colosim bench check` (`Tests/Golden/bench-check.json`): every case's
/// digest and summary metrics, the tolerances they are compared with, and why they were last
/// rewritten.
public struct GoldenFile: Sendable, Hashable, Codable {
    /// Format version (1).
    public var schema: Int
    /// Why the baselines were last rewritten (`--update --reason`).
    public var reason: String
    /// Every rewrite, oldest first.
    public var history: [GoldenUpdate]
    /// Tolerance of metrics no rule matches.
    public var defaultTolerance: Tolerance
    /// Per-metric overrides; the last matching rule wins.
    public var overrides: [ToleranceRule]
    /// The golden cases, in run order.
    public var cases: [CaseResult]

    /// Creates a golden file.
    public init(schema: Int = 1, reason: String = "", history: [GoldenUpdate] = [],
                defaultTolerance: Tolerance = .standard, overrides: [ToleranceRule] = [],
                cases: [CaseResult] = []) {
        self.schema = schema
        self.reason = reason
        self.history = history
        self.defaultTolerance = defaultTolerance
        self.overrides = overrides
        self.cases = cases
    }

    enum CodingKeys: String, CodingKey {
        case schema, reason, history, defaultTolerance = "default_tolerance", overrides, cases
    }

    /// The tolerance of `metric` in `caseName`: the last override whose glob matches
    /// `caseName/metric`, else ``defaultTolerance``.
    public func tolerance(case caseName: String, metric: String) -> Tolerance {
        let key = caseName + "/" + metric
        return overrides.last { Glob.matches($0.match, key) }?.tolerance ?? defaultTolerance
    }

    /// The golden case named `name`.
    public func goldenCase(_ name: String) -> CaseResult? { cases.first { $0.name == name } }

    /// This file with `observed` recorded as the new baselines: observed cases replace their golden
    /// namesakes (new ones are appended in order), cases not observed stay; tolerances are kept and
    /// the reason is recorded.
    public func updated(with observed: [CaseResult], reason: String, date: String) -> GoldenFile {
        var out = self
        for c in observed {
            if let i = out.cases.firstIndex(where: { $0.name == c.name }) {
                out.cases[i] = c
            } else {
                out.cases.append(c)
            }
        }
        out.reason = reason
        out.history.append(GoldenUpdate(reason: reason, date: date, cases: observed.map(\.name)))
        return out
    }
}
