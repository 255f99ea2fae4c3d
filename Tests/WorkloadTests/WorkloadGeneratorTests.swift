import Testing
@testable import Workload

@Suite struct WorkloadGeneratorTests {
    @Test func inferenceEmitsRequestsWithTraceTokens() throws {
        let azure = try AzureLLMTrace.read(try .file(samplePath("azure_llm_conv_sample.csv")))
        let spec = GeneratorSpec.inference(InferenceServiceSpec(name: "chat", arrivals: .llmRequests(azure.requests)))
        let events = Array(WorkloadGenerator(spec, seed: 1, horizon: 60))
        let expected = azure.requests.filter { $0.time < 60 }
        #expect(events.count == expected.count)
        #expect(events.map(\.time) == expected.map(\.time))
        if case .request(let service, let index, let ctx, let gen) = events.last?.item {
            #expect(service == "chat" && index == expected.count - 1)
            #expect(ctx == expected.last?.contextTokens && gen == expected.last?.generatedTokens)
        } else {
            Issue.record("expected a request")
        }
    }

    @Test func trainingIterationsAndCheckpoints() {
        let spec = TrainingJobSpec(name: "resnet", submitTime: 100, iterations: 1000, iterationWork: 0.2,
                                   iterationCV: 0.1, checkpointEvery: 250, checkpointSeconds: 5, restartSeconds: 30)
        let events = Array(WorkloadGenerator(.training(spec), seed: 3, horizon: 1e9))
        #expect(events.count == 1000)
        #expect(events.first?.time == 100)
        var checkpoints = 0
        var work = 0.0
        for e in events {
            if case .trainingIteration(_, _, let w, _, let ckpt) = e.item {
                work += w
                if ckpt { checkpoints += 1 }
            }
        }
        #expect(checkpoints == 4)
        // Lognormal factor has mean 1, CV 0.1: Σ work ≈ 200 s (sd 0.2·0.1·√1000 ≈ 0.63 s).
        #expect(abs(work - 200) < 4)
        // Dedicated-GPU timeline: the last iteration starts after the others' work plus 3 checkpoints.
        if case .trainingIteration(_, _, let last, _, _) = events.last?.item {
            #expect(abs((events.last?.time ?? 0) - (100 + work - last + 15)) < 1e-9)
        }
    }

    @Test func interactiveDutyMatchesBurstOverCycle() {
        for spec in [InteractiveJobSpec.dataProcessing(name: "etl", duration: 7 * 86_400),
                     .modelDevelopment(name: "nb", duration: 7 * 86_400)] {
            let events = Array(WorkloadGenerator(.interactive(spec), seed: 5, horizon: 7 * 86_400))
            let busy = events.reduce(0.0) { acc, e in
                if case .gpuBurst(_, _, let w, _) = e.item { return acc + w }
                return acc
            }
            let duty = busy / (7 * 86_400)
            #expect(abs(duty - spec.expectedDuty) < 0.02)
        }
    }

    @Test func renderAndCodecFrameCounts() {
        let render = Array(WorkloadGenerator(.render(RenderSpec(name: "game", fps: 60, duration: 10)), seed: 0, horizon: 100))
        #expect(render.count == 600)
        #expect(abs((render.last?.time ?? 0) - 599.0 / 60) < 1e-12)
        let codec = Array(WorkloadGenerator(.codec(CodecSpec(name: "cam", streams: 4, fps: 30, duration: 10)), seed: 2, horizon: 100))
        #expect(codec.count == 4 * 300)
        #expect(zip(codec.dropFirst(), codec).allSatisfy { $0.time >= $1.time })
        let perStream = Dictionary(grouping: codec) { e -> String in
            if case .codecFrame(let stream, _, _, _) = e.item { return stream }
            return ""
        }
        #expect(perStream.keys.sorted() == ["cam#0", "cam#1", "cam#2", "cam#3"])
        #expect(perStream.values.allSatisfy { $0.count == 300 })
    }

    @Test func generatorsAreDeterministicPerSeed() {
        let spec = GeneratorSpec.inference(InferenceServiceSpec(name: "svc", arrivals: .diurnal(DiurnalRate(mean: 5))))
        let a = Array(WorkloadGenerator(spec, seed: 11, horizon: 3600))
        #expect(a == Array(WorkloadGenerator(spec, seed: 11, horizon: 3600)))
        #expect(a != Array(WorkloadGenerator(spec, seed: 12, horizon: 3600)))
    }
}
