import Foundation

/// POSIX shell quoting for the generated batch scripts.
enum ShellQuoting {
    /// Characters that never need quoting.
    static func isPlain(_ c: Unicode.Scalar) -> Bool {
        (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9") || "@%+=:,./_-".unicodeScalars.contains(c)
    }

    /// `s` as one shell word: as it is when plain, else in single quotes (`'` written as `'\''`).
    static func quote(_ s: String) -> String {
        if !s.isEmpty, s.unicodeScalars.allSatisfy(isPlain) { return s }
        return "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// `argument` as one shell word, its shard index written as `"$variable"`: in double quotes when it
    /// embeds the index (literal text escaped for double quotes), else ``quote(_:)``.
    static func word(_ argument: ShardArgument, indexVariable: String) -> String {
        guard argument.containsIndex else { return quote(argument.rendered(indexText: "")) }
        let body = argument.rendered(indexText: "${\(indexVariable)}") { text in
            var out = ""
            for c in text {
                if "\"$`\\".contains(c) { out.append("\\") }
                out.append(c)
            }
            return out
        }
        return "\"" + body + "\""
    }
}
