import Foundation
import Testing
@testable import Workload

@Suite struct CSVReaderTests {
    private func records(_ text: String) throws -> [CSVRecord] {
        var r = CSVReader(.text(text, name: "t.csv"))
        var out: [CSVRecord] = []
        while let rec = try r.next() { out.append(rec) }
        return out
    }

    @Test func splitsQuotedFieldsAndKeepsPhysicalLineNumbers() throws {
        let recs = try records("\u{FEFF}a,b,c\r\n\r\n1,\"x,y\",\"say \"\"hi\"\"\"\n\n2,,\n3,4,5")
        #expect(recs.map(\.line) == [1, 3, 5, 6])
        #expect(recs[0].fields == ["a", "b", "c"])
        #expect(recs[1].fields == ["1", "x,y", "say \"hi\""])
        #expect(recs[2].fields == ["2", "", ""])
        #expect(recs[3].fields == ["3", "4", "5"])  // no newline at end of file
    }

    @Test func unterminatedQuoteNamesLineAndColumn() {
        let e = traceError("a,b\n1,\"oops\n") { input -> Int in
            var r = CSVReader(input)
            while try r.next() != nil {}
            return 0
        }
        #expect(e?.line == 2)
        #expect(e?.column == 2)
    }

    @Test func streamsLinesAcrossChunkBoundaries() throws {
        // 20,000 lines of ~13 bytes span several 64 KiB chunks; every line must come back intact.
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("csvreader-\(UInt64.random(in: 0...UInt64.max)).csv")
        var text = "time_s,value\n"
        for i in 0..<20_000 { text += "\(i),\(i % 7).5\n" }
        try text.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        var r = CSVReader(try .file(url.path))
        _ = try r.next()
        var n = 0
        var sum = 0.0
        while let rec = try r.next() {
            #expect(rec.fields.count == 2)
            #expect(rec.line == n + 2)
            sum += Double(rec.fields[1]) ?? .nan
            n += 1
        }
        #expect(n == 20_000)
        // Σ (i mod 7 + 0.5): 2857 full cycles of 0..6 (sum 21) plus 0 (i = 19999 ≡ 0) → 59997 + 10000.
        #expect(sum == 2857 * 21 + 0 + 10_000)
    }

    @Test func missingFileIsATraceError() {
        #expect(throws: TraceError.self) { _ = try TraceInput.file("/nonexistent/trace.csv") }
    }

    @Test func civilTimestampMatchesPythonTimegm() {
        // calendar.timegm(datetime(2023,11,16,18,17,3)) = 1700158623; 2000-02-29 = 951782400.
        let a = CivilTimestamp.parse("2023-11-16 18:17:03.9799600")
        #expect(a?.seconds == 1_700_158_623)
        #expect(abs((a?.fraction ?? 0) - 0.97996) < 1e-12)
        #expect(CivilTimestamp.parse("2000-02-29 00:00:00")?.seconds == 951_782_400)
        #expect(CivilTimestamp.parse("1969-12-31 23:59:59")?.seconds == -1)
        #expect(CivilTimestamp.parse("2023-02-29 00:00:00") == nil)
        #expect(CivilTimestamp.parse("2023-11-16T18:17:3") == nil)
        #expect(CivilTimestamp.parse("2023-13-01 00:00:00") == nil)
    }
}
