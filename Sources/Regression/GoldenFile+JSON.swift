import Foundation

/// A golden file that cannot be read.
public struct GoldenFileError: Error, Sendable, CustomStringConvertible {
    /// What is wrong.
    public var message: String
    /// Creates an error.
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

extension GoldenFile {
    /// Parses a golden file from JSON.
    public static func decode(_ data: Data) throws -> GoldenFile {
        let file: GoldenFile
        do {
            let d = JSONDecoder()
            d.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
            file = try d.decode(GoldenFile.self, from: data)
        } catch let DecodingError.keyNotFound(key, ctx) {
            throw GoldenFileError("missing key '\(key.stringValue)' at \(Self.path(ctx.codingPath))")
        } catch let DecodingError.typeMismatch(_, ctx) {
            throw GoldenFileError("wrong type at \(Self.path(ctx.codingPath)): \(ctx.debugDescription)")
        } catch let DecodingError.valueNotFound(_, ctx) {
            throw GoldenFileError("missing value at \(Self.path(ctx.codingPath))")
        } catch {
            throw GoldenFileError("not a golden file: \(error)")
        }
        guard file.schema == 1 else { throw GoldenFileError("unsupported schema \(file.schema) (expected 1)") }
        return file
    }

    /// The file as pretty-printed JSON with sorted keys (stable diffs), ending in a newline.
    public func encoded() throws -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        e.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        var data = try e.encode(self)
        data.append(0x0A)
        return data
    }

    static func path(_ keys: [any CodingKey]) -> String {
        keys.isEmpty ? "top level" : keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }
}
