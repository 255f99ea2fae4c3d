import ArgumentParser

/// `colosim run` (placeholder until its issue lands).
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Not implemented yet.")
    func run() throws { throw InputError("colosim run is not implemented yet") }
}
