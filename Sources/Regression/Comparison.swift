/// Compares fresh case results with a golden file: the pure core of `colosim bench check`.
///
/// Rules (docs/regression.md): each metric passes when equal or within its tolerance
/// (``GoldenFile/tolerance(case:metric:)``) and regresses otherwise; a metric without a golden value
/// is `NEW`, a golden metric no longer produced is `MISSING`. Digests must match exactly: when one
/// differs the digest row is `DIGEST CHANGED` if every metric of the case is within tolerance
/// (results changed although no figure moved — still a failure, since the change was not meant to
/// change results) and `CHANGED` otherwise. Any failing row fails the check.
public struct Comparison: Sendable {
    /// The rows, case by case in run order, the digest row first.
    public var rows: [ComparisonRow]

    /// Whether the check fails.
    public var failed: Bool { rows.contains { $0.verdict.fails } }

    /// The failing rows.
    public var failures: [ComparisonRow] { rows.filter { $0.verdict.fails } }

    /// Compares `observed` with `golden`. Golden cases that were not run are ignored unless
    /// `reportMissingCases` (a full run, where a vanished case is a failure).
    public init(golden: GoldenFile, observed: [CaseResult], reportMissingCases: Bool) {
        var rows: [ComparisonRow] = []
        for c in observed {
            guard let g = golden.goldenCase(c.name) else {
                rows.append(ComparisonRow(caseName: c.name, metric: "digest", goldenDigest: nil, nowDigest: c.digest,
                                          verdict: .new))
                rows += c.metrics.map {
                    ComparisonRow(caseName: c.name, metric: $0.name, golden: nil, now: $0.value, verdict: .new)
                }
                continue
            }
            var metricRows: [ComparisonRow] = []
            let goldenValues = Dictionary(g.metrics.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
            let nowNames = Set(c.metrics.map(\.name))
            for m in c.metrics {
                guard let gv = goldenValues[m.name] else {
                    metricRows.append(ComparisonRow(caseName: c.name, metric: m.name, golden: nil, now: m.value, verdict: .new))
                    continue
                }
                let verdict: Verdict
                if gv == m.value || (gv.isNaN && m.value.isNaN) {
                    verdict = .ok
                } else if golden.tolerance(case: c.name, metric: m.name).allows(golden: gv, now: m.value) {
                    verdict = .withinTolerance
                } else {
                    verdict = .regressed
                }
                metricRows.append(ComparisonRow(caseName: c.name, metric: m.name, golden: gv, now: m.value, verdict: verdict))
            }
            for m in g.metrics where !nowNames.contains(m.name) {
                metricRows.append(ComparisonRow(caseName: c.name, metric: m.name, golden: m.value, now: nil, verdict: .missing))
            }
            let digestVerdict: Verdict
            if g.digest == c.digest {
                digestVerdict = .ok
            } else {
                digestVerdict = metricRows.contains { $0.verdict.fails } ? .changed : .digestChanged
            }
            rows.append(ComparisonRow(caseName: c.name, metric: "digest", goldenDigest: g.digest, nowDigest: c.digest,
                                      verdict: digestVerdict))
            rows += metricRows
        }
        if reportMissingCases {
            let ran = Set(observed.map(\.name))
            for g in golden.cases where !ran.contains(g.name) {
                rows.append(ComparisonRow(caseName: g.name, metric: "digest", goldenDigest: g.digest, nowDigest: nil,
                                          verdict: .missing))
            }
        }
        self.rows = rows
    }
}
