/// A CSV header line: column names and their positions, for looking columns up by name.
public struct CSVHeader: Sendable, Equatable {
    /// The file the header came from.
    public var file: String
    /// The header's line number.
    public var line: Int
    /// Column names as written (surrounding spaces trimmed).
    public var names: [String]

    /// Reads the header from `record` of `file`.
    public init(_ record: CSVRecord, file: String) {
        self.file = file
        self.line = record.line
        self.names = record.fields.map { $0.csvTrimmed }
    }

    /// The column called `name` (exact, case-sensitive), or nil.
    public func column(_ name: String) -> CSVColumn? {
        names.firstIndex(of: name).map { CSVColumn(index: $0, name: name) }
    }

    /// The column called `name`; a ``TraceError`` on the header line if it is missing.
    public func require(_ name: String) throws -> CSVColumn {
        guard let c = column(name) else {
            throw TraceError(file: file, line: line, columnName: name,
                             "missing column (header has: \(names.joined(separator: ",")))")
        }
        return c
    }
}

/// A column of a CSV file: its 0-based position and its name.
public struct CSVColumn: Sendable, Equatable {
    /// 0-based field index.
    public var index: Int
    /// Header name (or the documented name for headerless formats).
    public var name: String

    /// Creates a column reference.
    public init(index: Int, name: String) {
        self.index = index
        self.name = name
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    var csvTrimmed: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}
