import Foundation
import Testing
@testable import Regression

@Suite struct GoldenFileTests {
    @Test func updateRecordsReasonAndReplacesObservedCases() {
        let g = GoldenFile(reason: "initial", cases: [
            CaseResult(name: "a", digest: "1", metrics: [Metric("m", 1)]),
            CaseResult(name: "b", digest: "2", metrics: [Metric("m", 2)]),
        ])
        let u = g.updated(with: [CaseResult(name: "b", digest: "3", metrics: [Metric("m", 3)]),
                                 CaseResult(name: "c", digest: "4", metrics: [])],
                          reason: "slice 2 ms -> 3 ms on purpose", date: "2026-11-30T12:00:00Z")
        #expect(u.reason == "slice 2 ms -> 3 ms on purpose")
        #expect(u.history == [GoldenUpdate(reason: "slice 2 ms -> 3 ms on purpose", date: "2026-11-30T12:00:00Z", cases: ["b", "c"])])
        #expect(u.cases.map(\.name) == ["a", "b", "c"])
        #expect(u.cases[0] == g.cases[0])
        #expect(u.cases[1].digest == "3")
        // The update makes the observed results pass.
        let obs = [CaseResult(name: "b", digest: "3", metrics: [Metric("m", 3)])]
        #expect(Comparison(golden: g, observed: obs, reportMissingCases: false).failed)
        #expect(!Comparison(golden: u, observed: obs, reportMissingCases: false).failed)
    }

    @Test func jsonRoundTripIsExact() throws {
        let g = GoldenFile(reason: "r", history: [GoldenUpdate(reason: "r", date: "d", cases: ["a"])],
                           overrides: [ToleranceRule(match: "*.p99_ms", relative: 0.01, absolute: 0.001, note: "n")],
                           cases: [CaseResult(name: "a", digest: "00ff", metrics: [
                               Metric("x", 0.1 + 0.2), Metric("y", 1e-300), Metric("z", 123456789.123456789),
                               Metric("nan", .nan),
                           ])])
        let data = try g.encoded()
        let back = try GoldenFile.decode(data)
        #expect(back.cases[0].metrics.map(\.value.bitPattern) == g.cases[0].metrics.map(\.value.bitPattern))
        #expect(back.overrides == g.overrides)
        #expect(back.history == g.history)
        #expect(try back.encoded() == data)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"default_tolerance\""))
        #expect(text.hasSuffix("}\n"))
    }

    @Test func badFilesAreRejectedWithThePlace() {
        #expect(throws: GoldenFileError.self) { try GoldenFile.decode(Data("[]".utf8)) }
        do {
            _ = try GoldenFile.decode(Data(#"{"schema":1,"reason":"","history":[],"overrides":[],"cases":[],"default_tolerance":{"relative":1}}"#.utf8))
            Issue.record("accepted a tolerance without 'absolute'")
        } catch let e as GoldenFileError {
            #expect(e.message.contains("absolute"))
            #expect(e.message.contains("default_tolerance"))
        } catch {
            Issue.record("unexpected \(error)")
        }
        do {
            _ = try GoldenFile.decode(Data(#"{"schema":2,"reason":"","history":[],"overrides":[],"cases":[],"default_tolerance":{"relative":1,"absolute":0}}"#.utf8))
            Issue.record("accepted schema 2")
        } catch let e as GoldenFileError {
            #expect(e.message.contains("schema 2"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func flattenerNamesEveryNumberByItsPath() throws {
        let json = #"""
        {"digest": "ab", "seed": 7, "gpus": [{"id": 0, "utilization": 0.5}],
         "workloads": [{"name": "ls", "latency_p99_ms": 1.25, "kind": "kernels", "sla": null},
                       {"name": "ls", "latency_p99_ms": 2}],
         "series": [1, 2, 3], "flags": {"unstable": true}, "items": [[1], {"x": 4}]}
        """#
        let m = try MetricFlattener.metrics(json: Data(json.utf8), excluding: ["digest", "seed"])
        #expect(m.map(\.name) == ["flags.unstable", "gpus.0.id", "gpus.0.utilization", "items.1.x",
                                  "workloads.ls.latency_p99_ms", "workloads.ls#2.latency_p99_ms"])
        #expect(m.map(\.value) == [1, 0, 0.5, 4, 1.25, 2])
    }
}
