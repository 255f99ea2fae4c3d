import Testing
@testable import Workload

/// Malformed rows are rejected with the file, the line and the column (DESIGN must-show 6).
@Suite struct MalformedTraceTests {
    @Test func genaiMissingColumn() throws {
        let e = try #require(traceError("value,container_ip\n1.0,abc\n", name: "g.csv") { try DutyCycleTrace.read($0) })
        #expect(e.line == 1)
        #expect(e.columnName == "timestamp_anon")
        #expect(e.description.hasPrefix("g.csv:1: column 'timestamp_anon': missing column"))
    }

    @Test func genaiBadNumber() throws {
        let text = "value,timestamp_anon,container_ip\n1.0,100,p1\n2.x,157,p1\n"
        let e = try #require(traceError(text, name: "g.csv") { try DutyCycleTrace.read($0) })
        #expect(e.line == 3)
        #expect(e.column == 1)
        #expect(e.description == "g.csv:3: column 1 'value': not a finite number: \"2.x\"")
    }

    @Test func genaiNegativeTime() throws {
        let text = "container_ip,value,timestamp_anon\np1,1.0,100\np1,2.0,-57\n"
        let e = try #require(traceError(text, name: "g.csv") { try DutyCycleTrace.read($0) })
        #expect((e.line, e.column, e.columnName) == (3, 3, "timestamp_anon"))
        #expect(e.message.contains("negative time"))
    }

    @Test func genaiTimeGoingBackWithinAPod() throws {
        let text = "value,timestamp_anon,container_ip\n1,100,p1\n1,90,p2\n1,100,p1\n"
        let e = try #require(traceError(text, name: "g.csv") { try DutyCycleTrace.read($0) })
        #expect((e.line, e.column) == (4, 2))
        #expect(e.message.contains("line 2"))
    }

    @Test func genaiOutOfRangeAndShortRow() throws {
        let e1 = try #require(traceError("value,timestamp_anon,container_ip\n101,1,p\n") { try DutyCycleTrace.read($0) })
        #expect((e1.line, e1.column) == (2, 1))
        let e2 = try #require(traceError("value,timestamp_anon,container_ip\n1,1\n") { try DutyCycleTrace.read($0) })
        #expect((e2.line, e2.column, e2.columnName) == (2, 3, "container_ip"))
        #expect(e2.message.contains("missing field"))
    }

    @Test func azureBadTimestampBadTokensAndOrder() throws {
        let h = "TIMESTAMP,ContextTokens,GeneratedTokens\n"
        let e1 = try #require(traceError(h + "2023-11-16 18:17:03.9,10,2\n2023-11-16 25:00:00,1,1\n", name: "az.csv") { try AzureLLMTrace.read($0) })
        #expect((e1.line, e1.column, e1.columnName) == (3, 1, "TIMESTAMP"))
        let e2 = try #require(traceError(h + "2023-11-16 18:17:03.9,ten,2\n", name: "az.csv") { try AzureLLMTrace.read($0) })
        #expect((e2.line, e2.column, e2.columnName) == (2, 2, "ContextTokens"))
        let e3 = try #require(traceError(h + "2023-11-16 18:17:03.9,1,2\n2023-11-16 18:17:02,1,2\n") { try AzureLLMTrace.read($0) })
        #expect((e3.line, e3.column) == (3, 1))
        let e4 = try #require(traceError("TIMESTAMP,ContextTokens\n") { try AzureLLMTrace.read($0) })
        #expect(e4.columnName == "GeneratedTokens")
        let e5 = try #require(traceError(h + "2023-11-16 18:17:03.9,1,-2\n") { try AzureLLMTrace.read($0) })
        #expect((e5.line, e5.column) == (2, 3))
    }

    @Test func serveGenErrors() throws {
        let h = "source_file,client_id,window_start_s,rate_rps,cv,iat_dist,dist_shape,dist_scale\n"
        let e1 = try #require(traceError(h + "c,0,-600,1,1,Gamma,1,1\n", name: "sg.csv") { try ServeGenTrace.read($0) })
        #expect((e1.line, e1.column, e1.columnName) == (2, 3, "window_start_s"))
        let e2 = try #require(traceError(h + "c,0,0,1,1,Lognormal,1,1\n") { try ServeGenTrace.read($0) })
        #expect((e2.line, e2.column) == (2, 6))
        let e3 = try #require(traceError(h + "c,0,600,1,1,Gamma,1,1\nc,0,0,1,1,Gamma,1,1\n") { try ServeGenTrace.read($0) })
        #expect((e3.line, e3.column) == (3, 3))
        let e4 = try #require(traceError(h + "c,0,0,1,1,Weibull,0,1\n") { try ServeGenTrace.read($0) })
        #expect((e4.line, e4.column, e4.columnName) == (2, 7, "dist_shape"))
        let e5 = try #require(traceError("0,abc,1,Gamma,1,1\n", name: "chunk-0-trace.csv") { try ServeGenTrace.read($0) })
        #expect((e5.line, e5.column, e5.columnName) == (1, 2, "rate_rps"))
    }

    @Test func phillyAndGenericErrors() throws {
        let e1 = try #require(traceError("runtime\n10\n-5\n", name: "p.csv") { try PhillyRuntimeTrace.read($0) })
        #expect((e1.line, e1.column) == (3, 1))
        #expect(e1.description == "p.csv:3: column 1 'runtime': negative runtime: -5.0")
        let e2 = try #require(traceError("secs\n1\n") { try PhillyRuntimeTrace.read($0) })
        #expect(e2.columnName == "runtime")
        let e3 = try #require(traceError("time_s,util\n0,0.1\n60,1.5\n") { try GenericTrace.read($0) })
        #expect((e3.line, e3.column) == (3, 2))
        let e4 = try #require(traceError("time_s,rate\n0,1\n0,2\n") { try GenericTrace.read($0) })
        #expect((e4.line, e4.column) == (3, 1))
        let e5 = try #require(traceError("time_s,util,rate\n0,1,1\n") { try GenericTrace.read($0) })
        #expect((e5.line, e5.column) == (1, 3))
        let e6 = try #require(traceError("time_s\n2\n1\n") { try GenericTrace.read($0) })
        #expect((e6.line, e6.column) == (3, 1))
        let e7 = try #require(traceError("util\n0.1\n") { try GenericTrace.read($0) })
        #expect(e7.columnName == "time_s")
        let e8 = try #require(traceError("time_s,value\n0,nan\n") { try GenericTrace.read($0) })
        #expect((e8.line, e8.column) == (2, 2))
    }
}
