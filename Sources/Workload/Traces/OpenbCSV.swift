import Foundation

/// The plain comma-separated tables of the openb traces (no quoting), read with line numbers.
///
/// Alibaba cluster-trace-gpu-v2023 (`openb_node_list_*.csv`, `openb_pod_list_*.csv`); see
/// `../shared/traces/PROVENANCE.md` §1 for the columns.
struct OpenbCSV {
    /// The most GPUs a node has, and so a pod can ask for (colosim's limit, as `cluster.gpus_per_node`).
    static let maxGPUs = 64
    let file: String
    let header: [String]
    /// (1-based line number, fields) per data row; blank lines skipped.
    let rows: [(line: Int, fields: [Substring])]

    /// Reads and splits `path`.
    init(path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw OpenbFormatError(file: path, line: 0, column: nil, message: "cannot read file")
        }
        try self.init(text: String(decoding: data, as: UTF8.self), file: path)
    }

    /// Splits `text` read from `file`.
    init(text: String, file: String) throws {
        self.file = file
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        while let last = lines.last, last.trimmingCharacters(in: .whitespaces).isEmpty { lines.removeLast() }
        guard let first = lines.first else {
            throw OpenbFormatError(file: file, line: 1, column: nil, message: "empty file, expected a header line")
        }
        func clean(_ s: Substring) -> Substring { s.hasSuffix("\r") ? s.dropLast() : s }
        header = clean(first).split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        var out: [(Int, [Substring])] = []
        for (i, raw) in lines.enumerated().dropFirst() {
            let line = clean(raw)
            if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            if fields.count != header.count {
                throw OpenbFormatError(file: file, line: i + 1, column: nil,
                                       message: "expected \(header.count) fields as in the header, got \(fields.count)")
            }
            out.append((i + 1, fields))
        }
        rows = out
    }

    /// Index of a required column, or an error naming it.
    func column(_ name: String) throws -> Int {
        guard let i = header.firstIndex(of: name) else {
            throw OpenbFormatError(file: file, line: 1, column: name,
                                   message: "missing required column (header has: \(header.joined(separator: ",")))")
        }
        return i
    }

    /// A non-negative integer field (integral decimals such as `12000.0` accepted).
    func count(_ fields: [Substring], _ index: Int, line: Int) throws -> Int {
        let s = fields[index].trimmingCharacters(in: .whitespaces)
        let value: Int
        if let v = Int(s) {
            value = v
        } else if let d = Double(s), d.isFinite, d == d.rounded(), abs(d) < 1e15 {
            value = Int(d)
        } else {
            throw OpenbFormatError(file: file, line: line, column: header[index],
                                   message: "not a number: '\(s)'")
        }
        if value < 0 {
            throw OpenbFormatError(file: file, line: line, column: header[index],
                                   message: "must be ≥ 0, got \(value)")
        }
        return value
    }
}
