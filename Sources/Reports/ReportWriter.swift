import Foundation

/// Writes report files safely: every target is checked before anything is written, and each file
/// is written atomically (temporary file + rename), so a failure never leaves a truncated report
/// or destroys an existing one.
public enum ReportWriter {
    /// Writes each `(path, text)` pair; throws ``ReportError`` (an input error) naming the path that
    /// cannot be written, before writing any file when the problem can be seen in advance.
    public static func write(_ outputs: [(path: String, text: String)]) throws {
        let fm = FileManager.default
        for (path, _) in outputs {
            let url = URL(fileURLWithPath: path)
            let dir = url.deletingLastPathComponent().path
            var isDir: ObjCBool = false
            if fm.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue {
                throw ReportError(isInputError: true, path: path, "cannot write the report: this is a directory")
            }
            guard fm.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else {
                throw ReportError(isInputError: true, path: path,
                                  "cannot write the report: \(dir) does not exist or is not a folder")
            }
            guard fm.isWritableFile(atPath: dir) else {
                throw ReportError(isInputError: true, path: path,
                                  "cannot write the report: folder \(dir) is not writable")
            }
        }
        for (path, text) in outputs {
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            } catch {
                throw ReportError(isInputError: true, path: path,
                                  "cannot write the report: \(error.localizedDescription)")
            }
        }
    }
}
