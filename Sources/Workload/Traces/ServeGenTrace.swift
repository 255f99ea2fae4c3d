/// Per-client arrival-rate windows of LLM serving clients (alibaba/ServeGen, arXiv 2505.09999, Apache-2.0).
///
/// Two layouts are read (../shared/traces/PROVENANCE.md §10):
/// - the shared, concatenated files: header
///   `source_file,client_id,window_start_s,rate_rps,cv,iat_dist,dist_shape,dist_scale`;
/// - ServeGen's own `chunk-<i>-trace.csv`: no header, the last six of those fields
///   (window start, rate, CV, distribution, shape, scale); the whole file is client 0.
/// A window lasts 600 s; `iat_dist` is `Gamma`, `Weibull` or empty (no requests). Checks: numbers
/// finite, window start / rate / CV ≥ 0, shape and scale > 0 when a distribution is named, window
/// starts strictly increasing within each client.
public struct ServeGenTrace: Sendable, Equatable {
    /// ServeGen's window length, seconds.
    public static let windowSeconds = 600.0

    /// The file the trace was read from.
    public var file: String
    /// Number of data rows (windows of all clients).
    public var rows: Int
    /// Clients in order of first appearance.
    public var clients: [ServeGenClient]

    /// Creates a trace from parsed clients.
    public init(file: String, rows: Int, clients: [ServeGenClient]) {
        self.file = file
        self.rows = rows
        self.clients = clients
    }

    /// The documented column names, in the shared files' order.
    public static let columnNames = ["source_file", "client_id", "window_start_s", "rate_rps", "cv",
                                     "iat_dist", "dist_shape", "dist_scale"]

    /// Reads and validates the trace from `input`, streaming.
    public static func read(_ input: TraceInput) throws -> ServeGenTrace {
        var reader = CSVReader(input)
        let file = reader.fileName
        guard let first = try reader.next() else { throw TraceError(file: file, "empty file") }
        // A raw ServeGen chunk starts with a number (the first window's start) instead of a header.
        let headerless = first.fields.first.map { Double($0.csvTrimmed) != nil } ?? false
        var columns: [CSVColumn]
        var pending: CSVRecord?
        if headerless {
            columns = Self.columnNames.enumerated().map { CSVColumn(index: $0.offset - 2, name: $0.element) }
            pending = first
        } else {
            let header = CSVHeader(first, file: file)
            columns = try Self.columnNames.dropFirst(2).map { try header.require($0) }
            let source = header.column("source_file") ?? CSVColumn(index: -1, name: "source_file")
            let client = header.column("client_id") ?? CSVColumn(index: -1, name: "client_id")
            columns.insert(contentsOf: [source, client], at: 0)
        }
        let defaultSource = String(file.split(separator: "/").last ?? Substring(file))
        var index: [String: Int] = [:]
        var clients: [ServeGenClient] = []
        var rows = 0
        while let r = try pending ?? reader.next() {
            pending = nil
            let source = columns[0].index >= 0 ? try r.text(columns[0], file: file) : defaultSource
            let clientID = columns[1].index >= 0 ? try r.count(columns[1], file: file) : 0
            let start = try r.nonNegative(columns[2], file: file, what: "window start time")
            let rate = try r.nonNegative(columns[3], file: file, what: "rate")
            let cv = try r.nonNegative(columns[4], file: file, what: "CV")
            let family = try r.text(columns[5], file: file)
            let shape = try r.number(columns[6], file: file)
            let scale = try r.number(columns[7], file: file)
            let distribution: InterArrivalDistribution?
            switch family {
            case "": distribution = nil
            case "Gamma", "Weibull":
                guard shape > 0 else { throw r.error(columns[6], file: file, "shape must be > 0 for \(family), got \(shape)") }
                guard scale > 0 else { throw r.error(columns[7], file: file, "scale must be > 0 for \(family), got \(scale)") }
                distribution = family == "Gamma" ? .gamma(shape: shape, scale: scale) : .weibull(shape: shape, scale: scale)
            default:
                throw r.error(columns[5], file: file, "unknown inter-arrival distribution \"\(family)\" (expected Gamma, Weibull or empty)")
            }
            let key = "\(source)\u{1F}\(clientID)"
            let k: Int
            if let existing = index[key] {
                k = existing
                if let previous = clients[k].windows.last?.start, !(start > previous) {
                    throw r.error(columns[2], file: file,
                                  "window start \(start) is not after the client's previous window (\(previous))")
                }
            } else {
                k = clients.count
                index[key] = k
                clients.append(ServeGenClient(source: source, id: clientID, windows: []))
            }
            clients[k].windows.append(ServeGenWindow(start: start, rate: rate, cv: cv, distribution: distribution))
            rows += 1
        }
        return ServeGenTrace(file: file, rows: rows, clients: clients)
    }

    /// Summed rate of all clients per window start (req/s), as a step series; nil if empty.
    public var aggregateRate: TimeSeries? {
        var sums: [Double: Double] = [:]
        for c in clients { for w in c.windows { sums[w.start, default: 0] += w.rate } }
        let starts = sums.keys.sorted()
        guard let last = starts.last else { return nil }
        return TimeSeries(times: starts, values: starts.map { sums[$0] ?? 0 }, end: last + Self.windowSeconds)
    }
}

/// One ServeGen client: its rate windows.
public struct ServeGenClient: Sendable, Equatable {
    /// The original chunk file name.
    public var source: String
    /// Client number within the model's folder.
    public var id: Int
    /// Windows in time order.
    public var windows: [ServeGenWindow]

    /// Creates a client.
    public init(source: String, id: Int, windows: [ServeGenWindow]) {
        self.source = source
        self.id = id
        self.windows = windows
    }

    /// The client's rate as a step series (600 s windows); nil if it has no windows.
    public var rateSeries: TimeSeries? {
        guard let last = windows.last else { return nil }
        return TimeSeries(times: windows.map(\.start), values: windows.map(\.rate),
                          end: last.start + ServeGenTrace.windowSeconds)
    }
}

/// One 600 s window of a ServeGen client.
public struct ServeGenWindow: Sendable, Equatable {
    /// Window start, seconds from 00:00 of day 1.
    public var start: Double
    /// Mean arrival rate in the window, requests per second.
    public var rate: Double
    /// Coefficient of variation of the inter-arrival times.
    public var cv: Double
    /// The fitted inter-arrival distribution, nil for a window without requests.
    public var distribution: InterArrivalDistribution?

    /// Creates a window.
    public init(start: Double, rate: Double, cv: Double, distribution: InterArrivalDistribution?) {
        self.start = start
        self.rate = rate
        self.cv = cv
        self.distribution = distribution
    }
}

/// A fitted inter-arrival-time distribution (scipy parameterization, as in ServeGen).
public enum InterArrivalDistribution: Sendable, Equatable {
    /// Gamma with shape `a` and `scale` (mean a·scale).
    case gamma(shape: Double, scale: Double)
    /// Weibull (weibull_min) with shape `c` and `scale` (mean scale·Γ(1 + 1/c)).
    case weibull(shape: Double, scale: Double)
}
