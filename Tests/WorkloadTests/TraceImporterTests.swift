import Testing
@testable import Workload

/// Importers on the shipped samples. Expected figures were computed independently with Python's
/// csv module on the same files (see docs/traces.md, "Sample figures").
@Suite struct TraceImporterTests {
    @Test func genaiDutyCycleSample() throws {
        let t = try DutyCycleTrace.read(try .file(samplePath("genai_pod_gpu_duty_cycle_sample.csv")))
        #expect(t.rows == 4323)
        #expect(t.pods.count == 3)
        #expect(t.pods.allSatisfy { $0.dutyCycle.count == 1441 })
        // python: sum(value) = 33024.69440397401 (percent), mean 7.639300116579693 %.
        let sum = t.allSamples.reduce(0, +) * 100
        #expect(abs(sum - 33024.69440397401) < 1e-6)
        let s = try #require(TraceSummary.check(try .file(samplePath("genai_pod_gpu_duty_cycle_sample.csv")),
                                                 format: .genaiDutyCycle) as TraceSummary?)
        #expect(abs((s.metric("mean_utilization") ?? 0) - 0.07639300116579693) < 1e-12)
        // python (numpy-style linear percentile): p90 = 25.453333333333344 %.
        #expect(abs((s.metric("p90_utilization") ?? 0) - 0.25453333333333344) < 1e-12)
        #expect(s.start == 1_662_858_720)
        #expect(s.end == 1_662_940_800)
        #expect(t.pods[0].medianInterval == 57)
    }

    @Test func azureCodeAndConvSamples() throws {
        let code = try AzureLLMTrace.read(try .file(samplePath("azure_llm_code_sample.csv")))
        #expect(code.requests.count == 1000)
        // python: span 521.588576 s, Σ ContextTokens 2122354, Σ GeneratedTokens 27621.
        #expect(abs(code.span - 521.588576) < 1e-6)
        #expect(code.requests.reduce(0) { $0 + $1.contextTokens } == 2_122_354)
        #expect(code.requests.reduce(0) { $0 + $1.generatedTokens } == 27_621)
        #expect(code.startEpochSeconds == 1_700_158_623)
        let conv = try AzureLLMTrace.read(try .file(samplePath("azure_llm_conv_sample.csv")))
        #expect(conv.requests.count == 1000)
        #expect(abs(conv.span - 216.027393) < 1e-6)
        #expect(conv.requests.reduce(0) { $0 + $1.contextTokens } == 1_014_189)
        #expect(conv.requests.reduce(0) { $0 + $1.generatedTokens } == 247_262)
        #expect(abs(conv.meanRate - 999 / 216.027393) < 1e-9)
    }

    @Test func serveGenSample() throws {
        let t = try ServeGenTrace.read(try .file(samplePath("servegen_deepseek-r1_sample.csv")))
        #expect(t.rows == 432)
        #expect(t.clients.map(\.id) == [3, 35, 48])
        #expect(t.clients.allSatisfy { $0.windows.count == 144 })
        // python: Σ rate_rps = 994.5283333333336; client 35 mean 4.578379629629628 req/s.
        let sum = t.clients.flatMap(\.windows).reduce(0) { $0 + $1.rate }
        #expect(abs(sum - 994.5283333333336) < 1e-9)
        let c35 = try #require(t.clients.first { $0.id == 35 }?.rateSeries)
        #expect(abs(c35.timeWeightedMean - 4.578379629629628) < 1e-9)
        // python: 130 Gamma, 61 Weibull, 241 empty windows.
        let dists = t.clients.flatMap(\.windows).map(\.distribution)
        #expect(dists.filter { if case .gamma = $0 { true } else { false } }.count == 130)
        #expect(dists.filter { if case .weibull = $0 { true } else { false } }.count == 61)
        #expect(dists.filter { $0 == nil }.count == 241)
        let agg = try #require(t.aggregateRate)
        #expect(abs(agg.timeWeightedMean - 994.5283333333336 / 144) < 1e-9)
        #expect(agg.duration == 86_400)
    }

    @Test func serveGenHeaderlessChunk() throws {
        let text = "0,0.5,1.2,Gamma,0.7,2.857\n600,0,0,,0,0\n1200,2,0.9,Weibull,1.1,0.52\n"
        let t = try ServeGenTrace.read(.text(text, name: "chunk-7-trace.csv"))
        #expect(t.rows == 3)
        #expect(t.clients.count == 1)
        #expect(t.clients[0].source == "chunk-7-trace.csv")
        #expect(t.clients[0].windows.map(\.rate) == [0.5, 0, 2])
        #expect(t.clients[0].windows[2].distribution == .weibull(shape: 1.1, scale: 0.52))
    }

    @Test func phillySample() throws {
        let t = try PhillyRuntimeTrace.read(try .file(samplePath("philly_runtime_sample.csv")))
        #expect(t.runtimes.count == 2079)
        // python: Σ runtime = 29251711.0 s, median 1185, p90 12822.2.
        #expect(t.runtimes.reduce(0, +) == 29_251_711)
        #expect(t.summary?.median == 1185)
        #expect(abs((t.summary?.p90 ?? 0) - 12822.2) < 1e-6)
    }

    @Test func genericUtilizationRateValueAndArrivals() throws {
        let u = try GenericTrace.read(.text("time_s,util,note\n0,0.2,a\n60,0.4,b\n120,0.0,c\n", name: "u.csv"))
        #expect(u.kind == .utilization)
        let s = try #require(u.series)
        // Steps of 60 s each (the last holds as long as the one before): mean (0.2+0.4+0)/3.
        #expect(s.end == 180)
        #expect(abs(s.timeWeightedMean - 0.2) < 1e-15)
        #expect(s.value(at: 90) == 0.4)
        let r = try GenericTrace.read(.text("time_s,rate\n0,10\n3600,30\n", name: "r.csv"))
        #expect(r.kind == .rate)
        #expect(r.series?.timeWeightedMean == 20)
        let a = try GenericTrace.read(.text("time_s\n0.5\n0.5\n2\n", name: "a.csv"))
        #expect(a.kind == .arrivals)
        #expect(a.arrivals == [0.5, 0.5, 2])
    }
}
