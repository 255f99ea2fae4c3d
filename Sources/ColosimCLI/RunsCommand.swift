import ArgumentParser

/// `colosim runs`: list, show, export, merge and import stored runs.
struct RunsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runs",
        abstract: "Inspect and manage the results database (default colosim.sqlite).",
        discussion: """
            Every run is stored in one SQLite file (WAL mode, one transaction per run). \
            A corrupt or foreign database file is reported (exit 2) and left unchanged.
            """,
        subcommands: [RunsListCommand.self, RunsShowCommand.self, RunsExportCommand.self,
                      RunsMergeCommand.self, RunsImportCommand.self]
    )
}
