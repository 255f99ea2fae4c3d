extension CSVRecord {
    /// The raw text of `column`; a ``TraceError`` if the row is too short.
    public func text(_ column: CSVColumn, file: String) throws -> String {
        guard column.index < fields.count else {
            throw TraceError(file: file, line: line, column: column.index + 1, columnName: column.name,
                             "missing field (row has \(fields.count) field\(fields.count == 1 ? "" : "s"))")
        }
        return fields[column.index].csvTrimmed
    }

    /// `column` as a finite number; a ``TraceError`` naming line and column otherwise.
    public func number(_ column: CSVColumn, file: String) throws -> Double {
        let s = try text(column, file: file)
        guard !s.isEmpty else {
            throw TraceError(file: file, line: line, column: column.index + 1, columnName: column.name,
                             "empty field, expected a number")
        }
        guard let v = Double(s), v.isFinite else {
            throw TraceError(file: file, line: line, column: column.index + 1, columnName: column.name,
                             "not a finite number: \"\(s)\"")
        }
        return v
    }

    /// `column` as a number ≥ 0 (a time, a duration, a rate, a count).
    public func nonNegative(_ column: CSVColumn, file: String, what: String = "value") throws -> Double {
        let v = try number(column, file: file)
        guard v >= 0 else {
            throw TraceError(file: file, line: line, column: column.index + 1, columnName: column.name,
                             "negative \(what): \(v)")
        }
        return v
    }

    /// `column` as a non-negative integer (written as `12` or `12.0`).
    public func count(_ column: CSVColumn, file: String) throws -> Int {
        let s = try text(column, file: file)
        if let v = Int(s) {
            guard v >= 0 else {
                throw TraceError(file: file, line: line, column: column.index + 1, columnName: column.name,
                                 "negative count: \(v)")
            }
            return v
        }
        let v = try nonNegative(column, file: file, what: "count")
        guard v == v.rounded(), v < 9.0e15 else {
            throw TraceError(file: file, line: line, column: column.index + 1, columnName: column.name,
                             "not a whole number: \"\(s)\"")
        }
        return Int(v)
    }

    /// A ``TraceError`` about `column` on this record's line.
    public func error(_ column: CSVColumn, file: String, _ message: String) -> TraceError {
        TraceError(file: file, line: line, column: column.index + 1, columnName: column.name, message)
    }
}
