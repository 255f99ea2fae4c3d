/// A table of a report: caption, header and string cells (rendered to HTML or Markdown).
public struct ReportTable: Sendable, Equatable {
    /// Caption.
    public var title: String
    /// Column headers.
    public var header: [String]
    /// Rows of cells (each as long as `header`).
    public var rows: [[String]]

    /// Creates a table.
    public init(title: String, header: [String], rows: [[String]]) {
        self.title = title
        self.header = header
        self.rows = rows
    }
}
