import ArgumentParser

/// `colosim import`: turn a live cluster's state into a scenario.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a live cluster as a cluster scenario (docs/import.md).",
        subcommands: [ImportK8sCommand.self, ImportOpenbCommand.self]
    )
}
