import ArgumentParser

/// `colosim bench`: the engine's reference models as benchmarks and oracles.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Run reference models (PHOLD, M/M/c) as benchmarks.",
        subcommands: [])
}
