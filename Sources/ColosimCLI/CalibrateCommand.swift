import ArgumentParser

/// `colosim calibrate` (placeholder until its issue lands).
struct CalibrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "calibrate", abstract: "Not implemented yet.")
    func run() throws { throw InputError("colosim calibrate is not implemented yet") }
}
