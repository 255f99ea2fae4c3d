/// LLM inference request arrivals from the Azure LLM inference trace 2023 (Splitwise, ISCA'24).
///
/// Format (../shared/traces/PROVENANCE.md §7; Azure/AzurePublicDataset, CC BY 4.0): header
/// `TIMESTAMP,ContextTokens,GeneratedTokens`; `TIMESTAMP` is `YYYY-MM-DD HH:MM:SS.fffffff` (taken as
/// UTC), tokens are whole numbers ≥ 0. Checks: valid timestamps, arrivals in non-decreasing order.
/// Arrival times are kept relative to the first request, in seconds.
public struct AzureLLMTrace: Sendable, Equatable {
    /// The file the trace was read from.
    public var file: String
    /// First arrival: whole seconds since the Unix epoch.
    public var startEpochSeconds: Int64
    /// First arrival: fraction of a second.
    public var startFraction: Double
    /// The requests in arrival order.
    public var requests: [AzureLLMRequest]

    /// Creates a trace from parsed requests.
    public init(file: String, startEpochSeconds: Int64, startFraction: Double, requests: [AzureLLMRequest]) {
        self.file = file
        self.startEpochSeconds = startEpochSeconds
        self.startFraction = startFraction
        self.requests = requests
    }

    /// Reads and validates the trace from `input`, streaming.
    public static func read(_ input: TraceInput) throws -> AzureLLMTrace {
        var reader = CSVReader(input)
        let file = reader.fileName
        guard let headerRecord = try reader.next() else { throw TraceError(file: file, "empty file, expected a header") }
        let header = CSVHeader(headerRecord, file: file)
        let timeColumn = try header.require("TIMESTAMP")
        let contextColumn = try header.require("ContextTokens")
        let generatedColumn = try header.require("GeneratedTokens")
        var start: (seconds: Int64, fraction: Double)?
        var requests: [AzureLLMRequest] = []
        var previousLine = 0
        while let r = try reader.next() {
            let text = try r.text(timeColumn, file: file)
            guard let ts = CivilTimestamp.parse(text) else {
                throw r.error(timeColumn, file: file, "bad timestamp \"\(text)\", expected YYYY-MM-DD HH:MM:SS[.fffffff]")
            }
            let origin = start ?? ts
            start = origin
            let t = Double(ts.seconds - origin.seconds) + (ts.fraction - origin.fraction)
            if let previous = requests.last, t < previous.time {
                throw r.error(timeColumn, file: file,
                              "arrival \(text) is before the previous arrival (line \(previousLine)); arrivals must be in time order")
            }
            let context = try r.count(contextColumn, file: file)
            let generated = try r.count(generatedColumn, file: file)
            requests.append(AzureLLMRequest(time: t, contextTokens: context, generatedTokens: generated))
            previousLine = r.line
        }
        return AzureLLMTrace(file: file, startEpochSeconds: start?.seconds ?? 0,
                             startFraction: start?.fraction ?? 0, requests: requests)
    }

    /// Arrival times, seconds after the first request.
    public var arrivalTimes: [Double] { requests.map(\.time) }

    /// Seconds from the first to the last arrival.
    public var span: Double { requests.last?.time ?? 0 }

    /// Requests per second over the span ((n − 1) / span); 0 if fewer than 2 requests.
    public var meanRate: Double { requests.count > 1 && span > 0 ? Double(requests.count - 1) / span : 0 }
}

/// One LLM inference request of the Azure trace.
public struct AzureLLMRequest: Sendable, Equatable {
    /// Arrival, seconds after the trace's first request.
    public var time: Double
    /// Prompt tokens.
    public var contextTokens: Int
    /// Output tokens.
    public var generatedTokens: Int

    /// Creates a request.
    public init(time: Double, contextTokens: Int, generatedTokens: Int) {
        self.time = time
        self.contextTokens = contextTokens
        self.generatedTokens = generatedTokens
    }
}
