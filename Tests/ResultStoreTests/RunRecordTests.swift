import Foundation
import Testing
@testable import ResultStore

@Suite struct RunRecordTests {
    @Test func downsamplingKeepsTheMeanOfEqualBuckets() {
        // 1000 points into 100 buckets of 10: bucket b averages values 10b…10b+9 → 10b + 4.5.
        let points = (0..<1000).map { SeriesPoint(t: Double($0) * 0.1, value: Double($0)) }
        let d = RunRecord.downsample(points, maxPoints: 100)
        #expect(d.count == 100)
        #expect(d[0].value == 4.5)
        #expect(abs(d[0].t - 0.45) < 1e-12)
        #expect(d[99].value == 994.5)
        let mean = d.map(\.value).reduce(0, +) / 100
        #expect(mean == 499.5) // the mean of 0…999
        #expect(RunRecord.downsample(Array(points.prefix(5)), maxPoints: 100).count == 5)
    }

    @Test func empiricalCDFOfUniformIntegers() {
        // Latencies 1…1000 ms: exactly k of them are ≤ k, so F(k) = k/1000.
        let cdf = RunRecord.empiricalCDF((1...1000).reversed().map(Double.init), maxPoints: 10)
        #expect(cdf.map(\.latencyMs) == [100, 200, 300, 400, 500, 600, 700, 800, 900, 1000])
        #expect(cdf.map(\.fraction) == [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0])
        #expect(RunRecord.empiricalCDF([], maxPoints: 10).isEmpty)
        let small: [Double] = RunRecord.empiricalCDF([3, 1, 2], maxPoints: 10).map(\.fraction)
        let thirds: [Double] = [1.0 / 3.0, 2.0 / 3.0, 1.0]
        #expect(small == thirds)
    }

    @Test func scenarioHashIsFNV1a64OfTheText() {
        // FNV-1a-64 of "" is the offset basis; the store then mixes in the length (0) as 8 bytes.
        // Independent computation of FNV-1a over "a" followed by 8 bytes of length 1.
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in [UInt8(ascii: "a"), 1, 0, 0, 0, 0, 0, 0, 0] {
            h ^= UInt64(b)
            h = h &* 0x100_0000_01b3
        }
        #expect(RunRecord.hash(scenarioText: "a") == String(format: "%016llx", h))
        #expect(Fixtures.record().scenarioHash == RunRecord.hash(scenarioText: "name: recsys\ngpus: 4\n"))
    }

    @Test func runKeyIdentifiesSweepPointsByPoint() {
        #expect(Fixtures.record(sweep: "s", point: "p1").runKey == "sweep:s/p1")
        #expect(Fixtures.record(seed: 1).runKey != Fixtures.record(seed: 2).runKey)
        #expect(Fixtures.record(seed: 1).runKey == Fixtures.record(seed: 1).runKey)
    }

    @Test func jsonRoundTripKeepsNonFiniteValuesAndDates() throws {
        var r = Fixtures.record()
        r.startedAt = Date(timeIntervalSince1970: 1_790_000_000)
        r.finishedAt = Date(timeIntervalSince1970: 1_790_000_012.25)
        let data = try RunRecord.jsonEncoder().encode(r)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"startedAt\" : \"2026-09-21T14:13:20.000Z\""))
        #expect(text.contains("\"be_lost_work_s\" : \"nan\""))
        #expect(text.contains("\"sla_met\" : true"))
        let back = try RunRecord.jsonDecoder().decode(RunRecord.self, from: data)
        #expect(back == r)
    }

    @Test func csvQuotesFieldsThatNeedIt() {
        #expect(RunCSV.quote("plain") == "plain")
        #expect(RunCSV.quote("a,b") == "\"a,b\"")
        #expect(RunCSV.quote("say \"hi\"") == "\"say \"\"hi\"\"\"")
        let s = RunSummary(id: 3, runKey: "k", scenarioName: "x,y", scenarioHash: "h", policy: "tidal", seed: 1,
                           digest: "d", colosimVersion: "0.1.0", startedAt: Date(timeIntervalSince1970: 0),
                           finishedAt: Date(timeIntervalSince1970: 1), sweepID: nil, pointKey: nil,
                           summary: ["b": .bool(false), "a": .number(0.5)])
        let lines = RunCSV.render([s]).split(separator: "\n")
        #expect(lines[0] == "id,run_key,scenario_name,scenario_hash,policy,seed,digest,colosim_version,started_at,finished_at,sweep_id,point_key,a,b")
        #expect(lines[1] == "3,k,\"x,y\",h,tidal,1,d,0.1.0,1970-01-01T00:00:00.000Z,1970-01-01T00:00:01.000Z,,,0.5,false")
    }
}
