import Foundation
import TestSupport
@testable import Workload

/// Path of a shipped sample under traces/.
func samplePath(_ name: String) -> String {
    repositoryRoot().appendingPathComponent("traces").appendingPathComponent(name).path
}

/// Parses `text` with `read`, expecting a TraceError, and returns it.
func traceError<T>(_ text: String, name: String = "bad.csv", _ read: (TraceInput) throws -> T) -> TraceError? {
    do {
        _ = try read(.text(text, name: name))
        return nil
    } catch let e as TraceError {
        return e
    } catch {
        return nil
    }
}
