/// A streaming CSV reader: pulls the input in 64 KiB chunks and yields one ``CSVRecord`` per line.
///
/// Handles `\n` and `\r\n` line ends, a missing newline at the end of the file, blank lines
/// (skipped, but counted for line numbers), a UTF-8 byte-order mark, and RFC 4180 quoted fields
/// (`"a,b"`, `""` for a quote) that do not span lines. Memory use is one chunk plus one line.
public struct CSVReader {
    /// The input's name, for error messages.
    public let fileName: String
    private let input: TraceInput
    private var buffer: [UInt8] = []
    private var position = 0
    private var exhausted = false
    private var consumed = false
    private var lineNumber = 0
    private static let chunkSize = 1 << 16

    /// Reads CSV from `input`.
    public init(_ input: TraceInput) {
        self.input = input
        self.fileName = input.name
    }

    /// The next non-blank line as a record, or nil at the end of the input.
    public mutating func next() throws -> CSVRecord? {
        while let line = try nextLine() {
            var bytes = line
            if lineNumber == 1, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
            if bytes.last == 0x0D { bytes.removeLast() }
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            return CSVRecord(line: lineNumber, fields: try Self.split(bytes, file: fileName, line: lineNumber))
        }
        return nil
    }

    /// The next physical line without its `\n`, or nil at the end.
    private mutating func nextLine() throws -> [UInt8]? {
        var line: [UInt8] = []
        while true {
            if position >= buffer.count {
                if exhausted { break }
                buffer = try input.readChunk(Self.chunkSize, consumed: &consumed)
                position = 0
                if buffer.isEmpty { exhausted = true; break }
            }
            if let nl = buffer[position...].firstIndex(of: 0x0A) {
                line.append(contentsOf: buffer[position..<nl])
                position = nl + 1
                lineNumber += 1
                return line
            }
            line.append(contentsOf: buffer[position...])
            position = buffer.count
        }
        if line.isEmpty { return nil }
        lineNumber += 1
        return line
    }

    /// Splits one line into fields (RFC 4180 quoting within the line).
    static func split(_ bytes: [UInt8], file: String, line: Int) throws -> [String] {
        var fields: [String] = []
        var i = 0
        let n = bytes.count
        while true {
            if i < n, bytes[i] == 0x22 {  // quoted field
                var value: [UInt8] = []
                i += 1
                var closed = false
                while i < n {
                    if bytes[i] == 0x22 {
                        if i + 1 < n, bytes[i + 1] == 0x22 { value.append(0x22); i += 2; continue }
                        closed = true
                        i += 1
                        break
                    }
                    value.append(bytes[i])
                    i += 1
                }
                guard closed else {
                    throw TraceError(file: file, line: line, column: fields.count + 1, "unterminated quoted field")
                }
                guard i == n || bytes[i] == 0x2C else {
                    throw TraceError(file: file, line: line, column: fields.count + 1,
                                     "unexpected text after a closing quote")
                }
                fields.append(String(decoding: value, as: UTF8.self))
            } else {
                let start = i
                while i < n, bytes[i] != 0x2C { i += 1 }
                fields.append(String(decoding: bytes[start..<i], as: UTF8.self))
            }
            if i >= n { break }
            i += 1  // skip the comma
            if i == n { fields.append(""); break }
        }
        return fields
    }
}
