/// Lines of the fields of one scenario file, by dotted path (`containers[0].weight`), so errors found
/// after loading (by the simulator's own validation) can still name a line.
final class LineIndex {
    /// Line of each field read.
    var lines: [String: Int] = [:]

    /// The line of `path`, or of its nearest enclosing field that has one.
    func line(for path: String) -> Int? {
        var p = path
        while !p.isEmpty {
            if let l = lines[p] { return l }
            if let cut = p.lastIndex(where: { $0 == "." || $0 == "[" }) { p = String(p[..<cut]) } else { break }
        }
        return lines[""]
    }
}
