import ColoModel
import Scheduling
import Testing

/// Two schedulers racing for one GPU: the stale bind is refused, counted and retried.
struct MultiSchedulerTests {
    @Test func staleBindConflictsAndRetries() {
        let cluster = ClusterState(nodes: [NodeSpec(name: "n0", cpuMilli: 8000, memoryMiB: 65536, gpuCount: 2, gpuModel: "V100M16")])
        var ms = MultiScheduler(cluster: cluster, schedulers: [
            ("a", PlacementPolicyKind.binpack.policy(cluster: cluster, typicalPods: [])),
            ("b", PlacementPolicyKind.binpack.policy(cluster: cluster, typicalPods: [])),
        ])
        let podA = PodRequest(name: "a", cpuMilli: 1000, memoryMiB: 1024, gpuCount: 1, gpuMilli: 600, schedulerName: "a")
        let podB = PodRequest(name: "b", cpuMilli: 1000, memoryMiB: 1024, gpuCount: 1, gpuMilli: 600, schedulerName: "b")
        _ = ms.handle(.arrive(pod: 0, request: podA), now: 0)
        _ = ms.handle(.arrive(pod: 1, request: podB), now: 0)
        // Both decide on the same (empty) view and pick the same GPU.
        guard case .sendBind(_, _, let pa)? = ms.handle(.cycle(scheduler: 0), now: 0).first,
              case .sendBind(_, _, let pb)? = ms.handle(.cycle(scheduler: 1), now: 0).first else {
            Issue.record("both schedulers should send a bind")
            return
        }
        #expect(pa.node == pb.node && pa.gpus == pb.gpus)
        #expect(ms.handle(.bindArrives(scheduler: 0, pod: 0, placement: pa), now: 0.05) == [.bound(scheduler: 0, pod: 0, placement: pa)])
        #expect(ms.handle(.bindArrives(scheduler: 1, pod: 1, placement: pb), now: 0.05) == [.conflict(scheduler: 1, pod: 1, node: pa.node)])
        #expect(ms.conflicts == 1)
        // The retry sees the resynced view and takes the other GPU.
        guard case .sendBind(_, _, let retry)? = ms.handle(.cycle(scheduler: 1), now: 0.06).first else {
            Issue.record("retry should send a bind")
            return
        }
        #expect(retry.gpus != pa.gpus)
        #expect(ms.handle(.bindArrives(scheduler: 1, pod: 1, placement: retry), now: 0.1) == [.bound(scheduler: 1, pod: 1, placement: retry)])
        #expect(ms.members.map(\.bound) == [1, 1])
    }
}
