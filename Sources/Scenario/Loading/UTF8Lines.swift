/// Where a byte sequence stops being UTF-8, for located "not UTF-8 text" errors.
public enum UTF8Lines {
    /// The 1-based line of the first byte that is not valid UTF-8 (1 when all of it is valid).
    public static func firstInvalidLine(in bytes: [UInt8]) -> Int {
        var line = 1
        var lineStart = 0
        for (i, b) in bytes.enumerated() where b == 0x0A {
            if String(validating: bytes[lineStart..<i], as: UTF8.self) == nil { return line }
            line += 1
            lineStart = i + 1
        }
        return line
    }
}
