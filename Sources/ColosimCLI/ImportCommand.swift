import ArgumentParser

/// `colosim import`: turn a live cluster's state, or the openb trace's cluster, into a scenario.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a live cluster (k8s) or the openb cluster trace (openb) as a cluster scenario (docs/import.md, docs/fleet.md).",
        subcommands: [ImportK8sCommand.self, ImportOpenbCommand.self]
    )
}
