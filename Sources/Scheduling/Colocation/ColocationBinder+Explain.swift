extension ColocationBinder {
    /// Why the binder, in its current state, answered `event` with `actions` under `rule`: binds and
    /// queueings against the occupancy each saw, preemptions from the arbitration.
    func explain(_ event: ColocationEvent, actions: [ColocationAction], rule: ColocationPlacementRule,
                 now: Double) -> [ColocationExplanation] {
        var occ = occupancy
        switch event {
        case .submit(let pod):
            return ColocationExplainer.placements(actions, pods: [pod.id: pod], occupancy: &occ, rule: rule,
                                                  config: config, now: now)
        case .finish(let id):
            occ.unbind(id)
            return ColocationExplainer.placements(actions, pods: waitingPods, occupancy: &occ, rule: rule,
                                                  config: config, now: now)
        case .arbitrate(let gpu, let demands):
            return ColocationExplainer.preemptions(gpu: gpu, demands: demands, actions: actions, now: now)
        case .serviceLoad:
            return []
        }
    }

    /// The waiting pods by id.
    var waitingPods: [Int: ColocationPod] {
        Dictionary(queue.pods.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }
}
