// colosim-fuzz: in-process mutation fuzzing of colosim's input readers (docs/fuzzing.md).
//
//   colosim-fuzz [--target scenario|trace|calibration|cli|all] [--inputs N] [--seconds S]
//                [--corpus DIR] [--findings DIR] [--seed N]
//
// Exit 0: no crash, no hang, no unlocated refusal; 1: findings; 70: crash; 71: hang (the input is
// saved in the findings folder); 2: bad arguments.
import ColosimFuzz
import Foundation

var targets = FuzzTarget.all
var inputs = 100_000
var seconds = 60.0
var corpusRoot = "Fuzz/corpus"
var findings = ".build/fuzz-findings"
var seed: UInt64 = 1
var args = CommandLine.arguments.dropFirst()
func usage(_ message: String) -> Never {
    FileHandle.standardError.write(Data("colosim-fuzz: \(message)\n".utf8))
    exit(2)
}
while let flag = args.popFirst() {
    guard let value = args.popFirst() else { usage("\(flag) needs a value") }
    switch flag {
    case "--target":
        if value != "all" {
            guard let t = FuzzTarget.named(value) else { usage("unknown target '\(value)'") }
            targets = [t]
        }
    case "--inputs": guard let v = Int(value), v > 0 else { usage("--inputs must be a positive whole number") }; inputs = v
    case "--seconds": guard let v = Double(value), v > 0 else { usage("--seconds must be > 0") }; seconds = v
    case "--corpus": corpusRoot = value
    case "--findings": findings = value
    case "--seed": guard let v = UInt64(value) else { usage("--seed must be a whole number") }; seed = v
    default: usage("unknown flag \(flag)")
    }
}
try? FileManager.default.createDirectory(atPath: findings, withIntermediateDirectories: true)
CrashGuard.install(crashFile: "\(findings)/crash.input", hangFile: "\(findings)/hang.input")
var total = 0
var failed = false
for t in targets {
    let corpus = FuzzDriver.loadCorpus("\(corpusRoot)/\(t.name)")
    let r = FuzzDriver(target: t, corpus: corpus, maxInputs: inputs, maxSeconds: seconds, seed: seed,
                       findingsDirectory: findings).run()
    total += r.inputs
    print(String(format: "%-12@ %9d inputs in %6.1f s = %8.0f inputs/s; accepted %d, refused (located) %d, findings %d; corpus %d",
                 t.name as NSString, r.inputs, r.seconds, r.rate, r.accepted, r.rejected, r.findings.count, corpus.count))
    for f in r.findings { print("  finding: \(f)") }
    if !r.findings.isEmpty { failed = true }
}
print("total: \(total) inputs, 0 crashes, 0 hangs\(failed ? ", findings above" : "")")
exit(failed ? 1 : 0)
