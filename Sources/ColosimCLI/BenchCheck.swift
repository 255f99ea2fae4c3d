import Experiments
import Foundation
import Regression

/// Runs a ``BenchCheckSuite`` and compares it with a golden file: the in-process entry point of
/// `colosim bench check`, used by tests with a ``BenchCheckTransform``.
public enum BenchCheck {
    /// A rewrite of the golden file.
    public struct Update: Sendable {
        /// Why.
        public var reason: String
        /// When (ISO 8601).
        public var date: String
        /// Creates an update.
        public init(reason: String, date: String) {
            self.reason = reason
            self.date = date
        }
    }

    /// What a check produced.
    public struct Outcome: Sendable {
        /// The fresh case results.
        public var ran: [CaseResult]
        /// The comparison with the golden file (before any update).
        public var comparison: Comparison
        /// The golden file as compared (an empty one when the file did not exist).
        public var golden: GoldenFile
        /// The rewritten golden file, with `update`.
        public var updated: GoldenFile?
    }

    /// Runs the cases of `suite` that `only` selects under `transform` and compares them with the
    /// golden file at `goldenPath` (a missing file counts as empty: every case is new). With `update`
    /// the golden file is rewritten. `progress` receives one line per case (name and seconds).
    public static func run(suite: BenchCheckSuite, goldenPath: String, only: String? = nil,
                           transform: BenchCheckTransform = .identity, update: Update? = nil,
                           progress: (String) -> Void = { _ in }) throws -> Outcome {
        let golden = try loadGolden(goldenPath)
        let outcome = try compare(suite: suite, golden: golden, only: only, transform: transform, update: update,
                                  progress: progress)
        if let updated = outcome.updated {
            do {
                let url = URL(fileURLWithPath: goldenPath)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try updated.encoded().write(to: url)
            } catch {
                throw InputError(file: goldenPath, "cannot write the golden file: \(error)")
            }
        }
        return outcome
    }

    /// As ``run(suite:goldenPath:only:transform:update:progress:)`` against an in-memory golden file;
    /// writes nothing.
    public static func compare(suite: BenchCheckSuite, golden: GoldenFile, only: String? = nil,
                               transform: BenchCheckTransform = .identity, update: Update? = nil,
                               progress: (String) -> Void = { _ in }) throws -> Outcome {
        let selected = suite.selecting(only)
        guard !selected.isEmpty else {
            throw InputError(field: "--only", "no case matches '\(only ?? "")'; cases: "
                             + suite.cases.map(\.name).joined(separator: ", "))
        }
        var ran: [CaseResult] = []
        let start = ContinuousClock.now
        for c in selected {
            let t0 = ContinuousClock.now
            ran.append(try c.run(transform))
            progress("\(c.name) \(seconds(ContinuousClock.now - t0)) s")
        }
        progress("\(ran.count) cases in \(seconds(ContinuousClock.now - start)) s")
        let comparison = Comparison(golden: golden, observed: ran, reportMissingCases: only == nil)
        var updated: GoldenFile?
        if let update {
            updated = golden.updated(with: ran, reason: update.reason, date: update.date)
            if only == nil {
                let names = Set(ran.map(\.name))
                updated?.cases.removeAll { !names.contains($0.name) }
            }
        }
        return Outcome(ran: ran, comparison: comparison, golden: golden, updated: updated)
    }

    /// Reads a golden file; a missing file is an empty golden file.
    public static func loadGolden(_ path: String) throws -> GoldenFile {
        guard FileManager.default.fileExists(atPath: path) else { return GoldenFile() }
        do {
            return try GoldenFile.decode(try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch let e as GoldenFileError {
            throw InputError(file: path, e.message)
        } catch {
            throw InputError(file: path, "cannot read the golden file: \(error)")
        }
    }

    static func seconds(_ d: Duration) -> String {
        let c = d.components
        return String(format: "%.2f", Double(c.seconds) + Double(c.attoseconds) / 1e18)
    }
}
