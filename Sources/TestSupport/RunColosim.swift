import Foundation

/// The result of running the `colosim` binary.
public struct ColosimResult: Sendable {
    /// Process exit status.
    public var exitCode: Int32
    /// Everything written to standard output.
    public var stdout: String
    /// Everything written to standard error.
    public var stderr: String
}

/// Locates the `colosim` executable built beside the test bundle.
public func colosimExecutableURL() -> URL {
    #if os(macOS)
    for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
        return bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("colosim")
    }
    #endif
    return Bundle.main.bundleURL.appendingPathComponent("colosim")
}

/// The repository root (the folder holding Package.swift), found from this source file's path.
public func repositoryRoot(file: StaticString = #filePath) -> URL {
    var url = URL(fileURLWithPath: "\(file)")
    while url.path != "/" {
        url.deleteLastPathComponent()
        if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
            return url
        }
    }
    return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
}

/// Runs `colosim` with `arguments` in the repository root and captures its output; `environment`
/// adds variables to the inherited environment.
public func runColosim(_ arguments: [String], currentDirectory: URL? = nil,
                       environment: [String: String] = [:]) throws -> ColosimResult {
    let process = Process()
    process.executableURL = colosimExecutableURL()
    process.arguments = arguments
    process.currentDirectoryURL = currentDirectory ?? repositoryRoot()
    if !environment.isEmpty {
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    }
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    // Read both pipes before waiting so a large output cannot block the child.
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return ColosimResult(exitCode: process.terminationStatus,
                         stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errData, as: UTF8.self))
}
