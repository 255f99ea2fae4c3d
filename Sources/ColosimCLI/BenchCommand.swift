import ArgumentParser

/// `colosim bench`: the engine's reference models as benchmarks and oracles.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Run reference models (PHOLD, M/M/c) as benchmarks and oracles.",
        discussion: """
            Both models replay the references in ../shared/reference bit for bit (same SplitMix64 \
            streams, same checksums) and print a run digest; wall time covers the model run only.
            """,
        subcommands: [BenchPHOLDCommand.self, BenchMMcCommand.self, BenchCheckCommand.self])
}
