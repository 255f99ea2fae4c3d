import ArgumentParser

/// `colosim place` (placeholder until its issue lands).
struct PlaceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "place", abstract: "Not implemented yet.")
    func run() throws { throw InputError("colosim place is not implemented yet") }
}
