import ColoModel
import SimEngine

/// The fluid model of one GPU: who runs how fast, and when the next thing finishes.
///
/// A value type in the style of SimGrid's surf models (Casanova et al., "Versatile, scalable and
/// accurate simulation of distributed applications and platforms", JPDC 2014): the simulator
/// submits work and applies the grants its ``ContextScheduler``s decide; ``advance(to:)`` moves
/// every item's progress on at its current rate (updateActionsState); ``nextEventTime`` is the
/// earliest completion, switch end or block-protection expiry (nextOccuringEvent); ``settle(now:)``
/// removes finished work and recomputes rates. Rates follow DESIGN §4: see
/// `SimulatedGPU+Rates.swift`.
public struct SimulatedGPU: Sendable {
    /// The device constants.
    public let profile: DeviceProfile
    /// Kernels and render frames on the SMs, in submission order.
    public internal(set) var graphics: [GraphicsItem] = []
    /// Frames on the NVENC engines, in submission order.
    public internal(set) var nvenc: [CodecItem] = []
    /// Frames on the NVDEC engines, in submission order.
    public internal(set) var nvdec: [CodecItem] = []
    /// Grant state per domain.
    public private(set) var grants = DomainGrants()
    /// Device memory.
    public var memory: DeviceMemory
    /// Weight of each scheduling context (spatial sharing between contexts under `.shareAll`).
    public var contextWeights: [ContainerID: Double] = [:]
    /// The time up to which progress and usage have been integrated.
    public private(set) var now: Instant = .zero
    /// Usage integrals per container.
    public private(set) var usage = UsageTable()
    /// ∫ [any SM work running] dt (GPU utilization numerator), ns.
    public private(set) var busyTime: Double = 0
    /// ∫ Σ SM share dt, ns.
    public private(set) var smTime: Double = 0
    /// ∫ busy NVENC engines / engines dt, ns.
    public private(set) var nvencTime: Double = 0
    /// ∫ busy NVDEC engines / engines dt, ns.
    public private(set) var nvdecTime: Double = 0
    var eligibleCounter: UInt64 = 0
    var totalSMShare: Double = 0
    /// Rates must be recomputed at the next ``settle()`` (work or grants changed).
    var ratesDirty = true
    /// The next time a protection expires or a switch ends (rates change then by themselves).
    var nextTrigger: Instant = .distantFuture

    /// A fresh device of `profile` with empty memory.
    public init(profile: DeviceProfile) {
        self.profile = profile
        self.memory = DeviceMemory(capacity: profile.memoryBytes)
    }

    // MARK: submitting work

    /// Puts a kernel (`.compute`) or render frame (`.render`) of `container` on the device, behind
    /// any earlier item of the same `stream`.
    public mutating func submitGraphics(id: UInt64, container: ContainerID, context: ContainerID,
                                        engine: EngineKind, shape: KernelShape, streamPriority: Int,
                                        stream: UInt64) {
        var item = GraphicsItem(id: id, container: container, context: context, engine: engine, shape: shape,
                                streamPriority: streamPriority, stream: stream)
        if !graphics.contains(where: { $0.stream == stream }) {
            item.eligible = true
            eligibleCounter += 1
            item.eligibleSeq = eligibleCounter
        }
        graphics.append(item)
        ratesDirty = true
    }

    /// Puts a codec frame of `container` in its engine domain's FCFS queue.
    public mutating func submitCodec(id: UInt64, container: ContainerID, context: ContainerID, frame: CodecFrame) {
        let item = CodecItem(id: id, container: container, context: context, frame: frame)
        if frame.engine == .nvdec { nvdec.append(item) } else { nvenc.append(item) }
        ratesDirty = true
    }

    // MARK: grants

    /// Applies a scheduler's grant of `domain` at `now` (call ``advance(to:)`` first).
    public mutating func grant(_ domain: SliceDomain, to context: ContainerID?, switchCost: SimDuration?) {
        var g = grants[domain] ?? DomainGrant()
        if !g.shared && g.holder == context { return }
        ratesDirty = true
        g.shared = false
        if let c = context {
            if let last = g.lastHolder, last != c {
                let cost = switchCost ?? (domain == .graphics ? profile.contextSwitchCost : profile.codecSwitchCost)
                g.switchingUntil = max(g.switchingUntil, now + cost)
                g.switches += 1
            }
            g.lastHolder = c
        }
        g.holder = context
        grants[domain] = g
    }

    /// Lets every context with work use `domain` at once.
    public mutating func shareAll(_ domain: SliceDomain) {
        var g = grants[domain] ?? DomainGrant()
        if g.shared { return }
        ratesDirty = true
        g.shared = true
        g.holder = nil
        grants[domain] = g
    }

    // MARK: time

    /// Integrates progress and usage from the last call up to `t`.
    public mutating func advance(to t: Instant) {
        let dt = Double(t.nanoseconds - now.nanoseconds)
        guard dt > 0 else { return }
        if totalSMShare > 0 {
            busyTime += dt
            smTime += totalSMShare * dt
            for i in graphics.indices where graphics[i].smShare > 0 {
                graphics[i].remaining -= graphics[i].progressRate * dt
                usage.add(graphics[i].container, graphics[i].engine, graphics[i].smShare * dt)
            }
        }
        if !nvenc.isEmpty {
            var enc = nvenc
            nvenc = []
            advanceCodec(&enc, kind: .nvenc, engines: profile.nvencEngines, dt: dt)
            nvenc = enc
        }
        if !nvdec.isEmpty {
            var dec = nvdec
            nvdec = []
            advanceCodec(&dec, kind: .nvdec, engines: profile.nvdecEngines, dt: dt)
            nvdec = dec
        }
        now = t
    }

    private mutating func advanceCodec(_ items: inout [CodecItem], kind: EngineKind, engines: Int, dt: Double) {
        guard engines > 0 else { return }
        let per = 1.0 / Double(engines)
        var busy = 0
        for i in items.indices where items[i].running {
            items[i].remaining -= dt
            busy += 1
            usage.add(items[i].container, kind, per * dt)
        }
        if kind == .nvenc { nvencTime += Double(busy) * per * dt } else { nvdecTime += Double(busy) * per * dt }
    }

    /// The earliest time something changes without outside input: a completion, the end of a
    /// context switch, or a block-protection expiry; nil if nothing is pending.
    public var nextEventTime: Instant? {
        var best = Int64.max
        for item in graphics {
            if item.progressRate > 0 {
                let t = now.nanoseconds + Int64((max(0, item.remaining) / item.progressRate).rounded(.up))
                if t < best { best = t }
            }
            if item.protectedUntil > now, item.protectedUntil.nanoseconds < best { best = item.protectedUntil.nanoseconds }
        }
        for item in nvenc where item.running {
            best = min(best, now.nanoseconds + Int64(max(0, item.remaining).rounded(.up)))
        }
        for item in nvdec where item.running {
            best = min(best, now.nanoseconds + Int64(max(0, item.remaining).rounded(.up)))
        }
        let switchEnd = grants.switchEnd(after: now)
        if switchEnd != .distantFuture { best = min(best, switchEnd.nanoseconds) }
        return best == .max ? nil : Instant(nanoseconds: best)
    }

    /// Removes finished work (returned in submission order) and recomputes every rate at ``now``.
    public mutating func settle() -> [DeviceCompletion] {
        var done: [DeviceCompletion] = []
        if graphics.contains(where: { $0.remaining < 0.5 }) {
            var kept: [GraphicsItem] = []
            kept.reserveCapacity(graphics.count)
            for item in graphics {
                if item.remaining < 0.5 {
                    done.append(DeviceCompletion(id: item.id, container: item.container, engine: item.engine))
                } else {
                    kept.append(item)
                }
            }
            graphics = kept
            // Stream successors become eligible.
            for i in graphics.indices where !graphics[i].eligible {
                let s = graphics[i].stream
                if !graphics[..<i].contains(where: { $0.stream == s }) {
                    graphics[i].eligible = true
                    eligibleCounter += 1
                    graphics[i].eligibleSeq = eligibleCounter
                }
            }
        }
        if !nvenc.isEmpty {
            var enc = nvenc
            nvenc = []
            settleCodec(&enc, into: &done)
            nvenc = enc
        }
        if !nvdec.isEmpty {
            var dec = nvdec
            nvdec = []
            settleCodec(&dec, into: &done)
            nvdec = dec
        }
        if !done.isEmpty || ratesDirty || now >= nextTrigger {
            recomputeRates()
            ratesDirty = false
        }
        return done
    }

    private func settleCodec(_ items: inout [CodecItem], into done: inout [DeviceCompletion]) {
        guard items.contains(where: { $0.running && $0.remaining < 0.5 }) else { return }
        items.removeAll { item in
            if item.running && item.remaining < 0.5 {
                done.append(DeviceCompletion(id: item.id, container: item.container, engine: item.frame.engine))
                return true
            }
            return false
        }
    }

    /// Achieved usage integrals of `container` so far.
    public func usage(of container: ContainerID) -> EngineUsage { usage[container] ?? EngineUsage() }

    /// Σ SM share of running work now.
    public var currentSMShare: Double { totalSMShare }
}
