/// The watcher's refill-share correction of HAMi-core, as a pure function.
///
/// Transcribes `delta()` of HAMi-core `src/multiprocess/multiprocess_utilization_watcher.c` in 64-bit
/// integer arithmetic, with C's truncating division:
///
///     diff = max(minimumDiff, |limit − util|)
///     inc  = SM² · maxThreads · diff / 2560                (SM · … with `.linear` scaling)
///     if diff > limit / 2 { inc = inc · diff · 2 / (limit + 1) }
///     share = util ≤ limit ? min(pool, share + inc) : max(0, share − inc)
public enum HAMiDelta {
    /// The correction step for a limit and a measured utilization (both in percent).
    public static func increment(limit: Int64, utilization: Int64, parameters p: UserModeParameters) -> Int64 {
        let raw = limit - utilization
        let absDiff = raw < 0 ? -raw : raw
        let diff = absDiff < p.minimumDiff ? p.minimumDiff : absDiff
        let sm = p.stepScaling == .quadratic ? p.smCount * p.smCount : p.smCount
        var inc = sm * p.maxThreadsPerSM * diff / p.stepDivisor
        if diff > limit / 2 {
            inc = inc * diff * 2 / (limit + 1)
        }
        return inc
    }

    /// The new refill share after one watcher pass.
    public static func share(limit: Int64, utilization: Int64, share: Int64, pool: Int64,
                             parameters p: UserModeParameters) -> Int64 {
        let inc = increment(limit: limit, utilization: utilization, parameters: p)
        if utilization <= limit {
            return share + inc > pool ? pool : share + inc
        } else {
            return share - inc < 0 ? 0 : share - inc
        }
    }
}
