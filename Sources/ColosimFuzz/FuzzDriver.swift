import Foundation

/// Runs one ``FuzzTarget`` over its seed corpus and then over mutations of it, until an input
/// count or a time budget is reached, under the ``CrashGuard``.
public struct FuzzDriver {
    /// The target.
    public var target: FuzzTarget
    /// The seed corpus (each input is run once unchanged first).
    public var corpus: [[UInt8]]
    /// Stop after this many inputs.
    public var maxInputs: Int
    /// Stop after this many seconds.
    public var maxSeconds: Double
    /// Mutation seed (same seed and corpus ⇒ same inputs).
    public var seed: UInt64
    /// Where findings (unlocated refusals) are written.
    public var findingsDirectory: String
    /// Seconds one input may run before it counts as a hang.
    public var hangSeconds: UInt32 = 10

    /// Creates a driver.
    public init(target: FuzzTarget, corpus: [[UInt8]], maxInputs: Int, maxSeconds: Double, seed: UInt64,
                findingsDirectory: String) {
        self.target = target
        self.corpus = corpus
        self.maxInputs = maxInputs
        self.maxSeconds = maxSeconds
        self.seed = seed
        self.findingsDirectory = findingsDirectory
    }

    /// What a run did.
    public struct Report: Sendable {
        /// Inputs run.
        public var inputs = 0
        /// Inputs accepted by the target.
        public var accepted = 0
        /// Inputs refused with a located message.
        public var rejected = 0
        /// Inputs refused without a location (saved as findings).
        public var findings: [String] = []
        /// Wall-clock seconds.
        public var seconds = 0.0
        /// Inputs per second.
        public var rate: Double { seconds > 0 ? Double(inputs) / seconds : 0 }
    }

    /// Runs the target; a trap or a hang ends the process through the ``CrashGuard``.
    public func run() -> Report {
        var report = Report()
        var pool = corpus.isEmpty ? [[]] : corpus
        var mutator = FuzzMutator(seed: seed)
        let start = Date()
        var seen = Set<Int>()
        while report.inputs < maxInputs {
            if report.inputs % 256 == 0, Date().timeIntervalSince(start) >= maxSeconds { break }
            let input: [UInt8]
            if report.inputs < corpus.count {
                input = corpus[report.inputs]
            } else {
                let base = pool[mutator.below(pool.count)]
                input = mutator.mutate(base, other: pool[mutator.below(pool.count)])
            }
            CrashGuard.begin(input, hangSeconds: hangSeconds)
            let outcome = target.run(input)
            CrashGuard.end()
            report.inputs += 1
            switch outcome {
            case .accepted:
                report.accepted += 1
                // Keep some accepted mutants: they reach deeper than the seeds.
                if pool.count < 4096, mutator.below(16) == 0, seen.insert(input.hashValue).inserted { pool.append(input) }
            case .rejected: report.rejected += 1
            case .unlocated(let message):
                if report.findings.count < 50 { report.findings.append(save(input, message: message)) }
            }
        }
        report.seconds = Date().timeIntervalSince(start)
        return report
    }

    /// Saves a finding and returns its file name.
    func save(_ input: [UInt8], message: String) -> String {
        let name = "\(findingsDirectory)/\(target.name)-unlocated-\(String(UInt64(bitPattern: Int64(input.hashValue)), radix: 16)).input"
        try? FileManager.default.createDirectory(atPath: findingsDirectory, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: name, contents: Data(input))
        FileManager.default.createFile(atPath: name + ".message", contents: Data((message + "\n").utf8))
        return name
    }

    /// Reads every file of `directory` (sorted by name) as one corpus input; missing folder: none.
    public static func loadCorpus(_ directory: String) -> [[UInt8]] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
        return names.compactMap { name in
            if name.hasSuffix(".message") || name.hasPrefix(".") { return nil }
            return FileManager.default.contents(atPath: "\(directory)/\(name)").map { [UInt8]($0) }
        }
    }
}
