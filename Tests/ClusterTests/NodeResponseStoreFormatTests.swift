import ColoModel
import Simulator
import Testing

/// The store's binary response form: a stored response must reproduce a run bit for bit, and bytes
/// that are not a whole response must be refused (the state is then evaluated again), never trap.
@Suite struct NodeResponseStoreFormatTests {
    static func response() throws -> NodeResponse {
        let ls = NodePod(work: .inference(InferenceSpec(arrival: .closedLoop, maxBatch: 8), ratePerSecond: 150),
                         priority: .latencySensitive, slaSeconds: 0.05)
        let be = NodePod(work: .bursts(KernelShape(work: .milliseconds(5), smFraction: 1, dramFraction: 0.3,
                                                   gridBlocks: 320, blockDuration: .microseconds(1250)), demand: 0.4),
                         priority: .bestEffort)
        let state = NodeColocationState(profile: .v100SXM2_16GB, isolation: .none, pods: [ls, be])
        return try NodeModel.evaluate(state, window: 2, seed: 7)
    }

    @Test func binaryRoundTripIsExact() throws {
        let r = try Self.response()
        #expect(r.pods.count == 2)
        #expect(!r.pods[0].latency.indices.isEmpty)
        let back = try #require(NodeResponse(binary: r.binary))
        #expect(back == r)
        // Exact bit patterns, not merely equal values.
        #expect(back.utilization.bitPattern == r.utilization.bitPattern)
        #expect(zip(back.pods[0].latency.counts, r.pods[0].latency.counts).allSatisfy { $0.bitPattern == $1.bitPattern })
    }

    @Test func truncatedOrForeignBytesAreRefused() throws {
        let bytes = try Self.response().binary
        #expect(NodeResponse(binary: []) == nil)
        #expect(NodeResponse(binary: Array(bytes.dropLast())) == nil)
        #expect(NodeResponse(binary: bytes + [0]) == nil)
        #expect(NodeResponse(binary: Array("{\"pods\":[]}".utf8)) == nil)
        // Every prefix is refused and none traps.
        for n in stride(from: 0, to: bytes.count, by: 7) { #expect(NodeResponse(binary: Array(bytes.prefix(n))) == nil) }
        // A pod count far beyond the bytes is refused without allocating it.
        var huge = bytes
        for i in 44..<48 { huge[i] = 0xFF }
        #expect(NodeResponse(binary: huge) == nil)
    }
}
