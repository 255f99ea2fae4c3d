import ColosimFuzz
import Foundation
import Testing
import TestSupport

/// Every input the fuzzer ever flagged (Tests/FuzzTests/Regressions/TARGET/) and every seed of the
/// committed corpus (Fuzz/corpus/TARGET/) must return from its target with a located refusal or an
/// acceptance; a trap would end the test process, so the suite failing to finish is a failure too.
@Suite struct FuzzRegressionTests {
    static let root = repositoryRoot()

    static func inputs(_ folder: String, _ target: String) -> [[UInt8]] {
        FuzzDriver.loadCorpus(root.appendingPathComponent("\(folder)/\(target)").path)
    }

    @Test(arguments: ["scenario", "trace", "calibration", "cli", "k8s"])
    func regressionInputsAreRefusedWithALocation(target name: String) throws {
        let target = try #require(FuzzTarget.named(name))
        let saved = Self.inputs("Tests/FuzzTests/Regressions", name)
        for input in saved {
            let outcome = target.run(input)
            #expect(!outcome.isFinding, "\(name): \(outcome)")
        }
    }

    @Test(arguments: ["scenario", "trace", "calibration", "cli", "k8s"])
    func seedCorpusIsAcceptedOrRefusedWithALocation(target name: String) throws {
        let target = try #require(FuzzTarget.named(name))
        let corpus = Self.inputs("Fuzz/corpus", name)
        #expect(corpus.count >= 4, "the committed seed corpus of \(name) is missing")
        var accepted = 0
        for input in corpus {
            let outcome = target.run(input)
            #expect(!outcome.isFinding, "\(name): \(outcome)")
            if outcome == .accepted { accepted += 1 }
        }
        // The seeds are valid inputs: most must be accepted, or the mutations start from nothing.
        #expect(accepted * 2 >= corpus.count, "\(name): only \(accepted) of \(corpus.count) seeds accepted")
    }

    @Test func aShortMutationPassFindsNothing() throws {
        for target in FuzzTarget.all {
            let corpus = Self.inputs("Fuzz/corpus", target.name)
            let r = FuzzDriver(target: target, corpus: corpus, maxInputs: 300, maxSeconds: 20, seed: 7,
                               findingsDirectory: NSTemporaryDirectory() + "colosim-fuzz-test").run()
            #expect(r.inputs >= min(300, corpus.count), "\(target.name) ran \(r.inputs) inputs")
            #expect(r.findings.isEmpty, "\(target.name): \(r.findings)")
        }
    }

    @Test func theMutatorIsDeterministicAndChangesItsInput() {
        var a = FuzzMutator(seed: 3), b = FuzzMutator(seed: 3)
        let input = Array("duration_s: 20\nweight: 50\n".utf8)
        let x = (0..<50).map { _ in a.mutate(input, other: input) }
        let y = (0..<50).map { _ in b.mutate(input, other: input) }
        #expect(x == y)
        #expect(x.contains { $0 != input })
    }
}
