import Regression

/// One case of `colosim bench check`: a name (`scenario/…`, `calibration/…`, `placement/…`) and how
/// to compute its digest and summary metrics under a ``BenchCheckTransform``.
public struct BenchCheckCase: Sendable {
    /// Case name, unique in the suite.
    public var name: String
    /// Runs the case in-process.
    public var run: @Sendable (BenchCheckTransform) throws -> CaseResult

    /// Creates a case.
    public init(name: String, run: @escaping @Sendable (BenchCheckTransform) throws -> CaseResult) {
        self.name = name
        self.run = run
    }
}
