import ColoModel
import Foundation
import SimEngine
import Simulator

/// A single-GPU timeline as a Chrome trace (the JSON "Trace Event Format" Perfetto and
/// chrome://tracing open): one process per GPU, one thread per container track.
///
/// Every event but the counters is a complete event (`"ph": "X"`, `ts`/`dur` in microseconds). Tracks:
/// per container and slice domain, its exclusive time slices with the context switches (at their start)
/// and preemptions (zero length, at their end) nested inside; per container and workload, its kernels
/// on the device and its requests (arrival to completion: the latency), each spread over lanes (`#2`,
/// `#3`, …) where several are in flight at once, since overlapping events on one thread do not nest.
/// The launch gate's counters (the user-mode engine's `utilization` read, `share` and `tokens` after
/// each watcher pass) are counter events (`"ph": "C"`) named after the container. Format: Google, "Trace Event Format"
/// (https://docs.google.com/document/d/1CvAClvFfyA5R-PhYUmn5OOQtYMH4h6I0nSsKchNAySU).
struct ChromeTrace {
    /// The timeline events.
    var events: [TimelineEvent]
    /// Container names by id, in configuration order.
    var containers: [(id: ContainerID, name: String)]
    /// The GPU's name (process name).
    var gpuName: String
    /// Extra top-level facts (`otherData`): run id, digest, window.
    var otherData: [(key: String, value: String)]

    private struct Track: Hashable, Comparable {
        var container: Int
        var group: Int      // 0: slices of a domain, 1: kernels of a workload, 2: its requests
        var name: String
        var lane: Int

        static func < (a: Track, b: Track) -> Bool {
            (a.container, a.group, a.name, a.lane) < (b.container, b.group, b.name, b.lane)
        }
    }

    /// The trace document.
    var json: String {
        let index = Dictionary(containers.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
        func name(_ c: ContainerID) -> String { index[c].map { containers[$0].name } ?? "container \(c.rawValue)" }
        // Tracks: kernels go to the first lane of their workload that is free at their start.
        let ordered = events.enumerated().sorted { ($0.element.start, $0.offset) < ($1.element.start, $1.offset) }
        var laneEnds: [String: [Instant]] = [:]
        var placed: [(event: TimelineEvent, track: Track)] = []
        placed.reserveCapacity(events.count)
        var counters: [TimelineEvent] = []
        for (_, e) in ordered {
            let c = index[e.container] ?? containers.count
            if e.kind == .counter {
                counters.append(e)
            } else if e.kind == .kernel || e.kind == .request {
                let group = e.kind == .kernel ? 1 : 2
                let key = "\(c)/\(group)/\(e.workload)"
                var ends = laneEnds[key] ?? []
                let end = e.start + e.duration
                let lane = ends.firstIndex { $0 <= e.start } ?? ends.count
                if lane == ends.count { ends.append(end) } else { ends[lane] = end }
                laneEnds[key] = ends
                placed.append((e, Track(container: c, group: group, name: e.workload, lane: lane)))
            } else {
                placed.append((e, Track(container: c, group: 0, name: e.domain.rawValue, lane: 0)))
            }
        }
        let tracks = Set(placed.map(\.track)).sorted()
        let tid = Dictionary(uniqueKeysWithValues: tracks.enumerated().map { ($0.element, $0.offset + 1) })
        var out: [String] = []
        out.append(#"{"ph":"M","pid":0,"tid":0,"name":"process_name","args":{"name":\#(Self.quoted("GPU 0 (\(gpuName))"))}}"#)
        for t in tracks {
            let who = t.container < containers.count ? containers[t.container].name : "?"
            let kind = ["\(t.name) slices", t.name, "\(t.name) requests"][min(t.group, 2)]
            let label = "\(who) · \(kind)" + (t.group > 0 && t.lane > 0 ? " #\(t.lane + 1)" : "")
            let id = tid[t] ?? 0
            out.append(#"{"ph":"M","pid":0,"tid":\#(id),"name":"thread_name","args":{"name":\#(Self.quoted(label))}}"#)
            out.append(#"{"ph":"M","pid":0,"tid":\#(id),"name":"thread_sort_index","args":{"sort_index":\#(id)}}"#)
        }
        for (e, t) in placed {
            let title: String
            switch e.kind {
            case .slice: title = "\(name(e.container)) slice"
            case .contextSwitch: title = "context switch"
            case .kernel: title = e.workload
            case .preemption: title = "preempted"
            case .request: title = "\(e.workload) request"
            case .counter: continue
            }
            out.append(#"{"ph":"X","pid":0,"tid":\#(tid[t] ?? 0),"name":\#(Self.quoted(title)),"cat":"\#(e.kind.rawValue)","ts":\#(Self.micros(e.start.nanoseconds)),"dur":\#(Self.micros(e.duration.nanoseconds)),"args":{"container":\#(Self.quoted(name(e.container))),"domain":"\#(e.domain.rawValue)"}}"#)
        }
        for e in counters {
            let v = e.value.map { $0.isFinite ? String($0) : "0" } ?? "0"
            out.append(#"{"ph":"C","pid":0,"name":\#(Self.quoted("\(name(e.container)) \(e.workload)")),"cat":"counter","ts":\#(Self.micros(e.start.nanoseconds)),"args":{"value":\#(v)}}"#)
        }
        let other = otherData.map { "\(Self.quoted($0.key)):\($0.value)" }.joined(separator: ",")
        return "{\"displayTimeUnit\":\"ns\",\"otherData\":{\(other)},\"traceEvents\":[\n" + out.joined(separator: ",\n") + "\n]}\n"
    }

    /// Nanoseconds as microseconds with three decimals (exact).
    static func micros(_ ns: Int64) -> String {
        let sign = ns < 0 ? "-" : ""
        let a = ns.magnitude
        let frac = String(a % 1000)
        return "\(sign)\(a / 1000).\(String(repeating: "0", count: 3 - frac.count))\(frac)"
    }

    /// `s` as a JSON string literal.
    static func quoted(_ s: String) -> String {
        var r = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": r += "\\\""
            case "\\": r += "\\\\"
            case "\n": r += "\\n"
            case "\t": r += "\\t"
            default:
                if u.value < 0x20 { r += String(format: "\\u%04x", u.value) } else { r.unicodeScalars.append(u) }
            }
        }
        return r + "\""
    }
}
