import Foundation

extension RunRecord {
    /// A JSON encoder for records: sorted keys, dates as ISO-8601 UTC strings with milliseconds,
    /// non-finite numbers as `"nan"`, `"inf"`, `"-inf"`.
    public static func jsonEncoder(pretty: Bool = true) -> JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
                                    : [.sortedKeys, .withoutEscapingSlashes]
        e.dateEncodingStrategy = .custom { date, encoder in
            var c = encoder.singleValueContainer()
            try c.encode(RunRecord.isoString(date))
        }
        e.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return e
    }

    /// The JSON decoder matching ``jsonEncoder(pretty:)``; dates may also be numbers (Unix seconds).
    public static func jsonDecoder() -> JSONDecoder {
        let d = JSONDecoder()
        d.dateDecodingStrategy = .custom { decoder in
            let c = try decoder.singleValueContainer()
            if let seconds = try? c.decode(Double.self) { return Date(timeIntervalSince1970: seconds) }
            let text = try c.decode(String.self)
            if let date = RunRecord.parseISO(text) { return date }
            throw DecodingError.dataCorruptedError(
                in: c, debugDescription: "expected an ISO-8601 date like 2026-01-31T12:00:00Z, got '\(text)'")
        }
        d.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return d
    }

    /// Formats `date` as ISO-8601 UTC with milliseconds, e.g. `2026-01-31T12:00:00.250Z`.
    public static func isoString(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    /// Parses an ISO-8601 date with or without fractional seconds.
    public static func parseISO(_ text: String) -> Date? {
        if let d = try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) { return d }
        return try? Date(text, strategy: Date.ISO8601FormatStyle())
    }
}
