/// One CSV line split into fields, with its 1-based physical line number.
public struct CSVRecord: Sendable, Equatable {
    /// The 1-based line in the file.
    public var line: Int
    /// The fields, unquoted (RFC 4180 `""` escapes resolved), surrounding spaces kept.
    public var fields: [String]

    /// Creates a record.
    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }
}
