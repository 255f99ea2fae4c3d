import Foundation

/// Where a trace's bytes come from: a file, an open handle (e.g. a decompressor's pipe) or text.
///
/// Readers pull the bytes in chunks, so a trace of any size is parsed in constant memory
/// (apart from what the importer keeps). `name` is what error messages call the file.
public struct TraceInput {
    /// The file name used in error messages.
    public let name: String
    enum Storage {
        case handle(FileHandle)
        case bytes([UInt8])
    }
    let storage: Storage

    /// Opens the file at `path` for reading; a missing or unreadable file is a ``TraceError``.
    public static func file(_ path: String) throws -> TraceInput {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            throw TraceError(file: path, exists ? (isDirectory.boolValue ? "is a directory, not a trace file"
                                                                         : "cannot be read")
                                                : "no such file")
        }
        return TraceInput(name: path, storage: .handle(handle))
    }

    /// Reads from an already open handle (a pipe from `gzip -dc`, standard input), named `name`.
    public static func handle(_ handle: FileHandle, name: String) -> TraceInput {
        TraceInput(name: name, storage: .handle(handle))
    }

    /// Reads `text` (for tests and generated traces), named `name`.
    public static func text(_ text: String, name: String) -> TraceInput {
        TraceInput(name: name, storage: .bytes(Array(text.utf8)))
    }

    /// The next chunk of at most `count` bytes; empty at the end of the input.
    func readChunk(_ count: Int, consumed: inout Bool) throws -> [UInt8] {
        switch storage {
        case .handle(let handle):
            do {
                guard let data = try handle.read(upToCount: count) else { return [] }
                return [UInt8](data)
            } catch {
                throw TraceError(file: name, "read failed: \(error)")
            }
        case .bytes(let bytes):
            if consumed { return [] }
            consumed = true
            return bytes
        }
    }
}
