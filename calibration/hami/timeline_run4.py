"""Run 4's timeline (hami-h200-run4-trace.txt, one monotonic clock): for each LS+BE run, where the LS
requests arrived relative to the BE's bursts, and what they waited.

A BE launch whose call took > 1 ms slept in HAMi-core's hook (tokens spent); the BE is idle from two
kernels after that call began (its two in flight drain, 2 x 1932 us) until the call returns: a gap.
LS requests that arrive in a gap find the GPU idle (the first after a burst pays the switch from the
BE context); the others wait behind the BE's timeslice. Prints, per run: the share of LS arrivals in
gaps, their latency (first after a burst / later), the latency of the others (p25/p50/75), and the
mean gap and burst lengths; and the LS requests that were launched as soon as the one before them
finished (queued: they arrived while it ran) against the others, by their time from launch to done."""
import bisect, collections, statistics as st

tr = collections.defaultdict(list)
for l in open("hami-h200-run4-trace.txt"):
    k, tag, a, b, c = l.split()
    tr[tag].append((k, float(a), float(b), float(c)))
q = lambda v, p: sorted(v)[int(p * len(v))] if v else 0
for cfg in sorted({t.rsplit("-", 1)[0] for t in tr}):
    ls = [x for x in tr[cfg + "-ls"] if x[0] == "L"]
    be = [x for x in tr[cfg + "-be"] if x[0] == "B" and x[1] > 0]
    gaps = [(x[1] + 2 * 1932, x[2]) for x in be if x[2] - x[1] > 1000]
    starts = [g[0] for g in gaps]
    def gap_of(t):
        i = bisect.bisect_right(starts, t) - 1
        return i if i >= 0 and gaps[i][1] > t else None
    first, later, burst, seen = [], [], [], set()
    for x in ls:
        g, lat = gap_of(x[1]), x[3] - x[1]
        if g is None: burst.append(lat)
        elif g in seen: later.append(lat)
        else: first.append(lat); seen.add(g)
    bursts = [gaps[i][0] - 2 * 1932 - gaps[i - 1][1] for i in range(1, len(gaps))]
    n = len(ls)
    print(f"{cfg}: LS n {n}, p50 {q([x[3] - x[1] for x in ls], .5):.0f} us; in BE gaps {(len(first) + len(later)) / n:.2f} "
          f"(first after a burst {len(first)}: p50 {q(first, .5):.0f}; later: p50 {q(later, .5):.0f}); "
          f"during bursts p25/50/75 {q(burst, .25):.0f}/{q(burst, .5):.0f}/{q(burst, .75):.0f}; "
          f"gaps {st.mean([b - a for a, b in gaps]) / 1e3:.1f} ms, bursts {st.mean(bursts) / 1e3:.1f} ms")
    queued = [x[3] - x[2] for i, x in enumerate(ls) if i > 0 and x[1] < ls[i - 1][3]]
    fresh = [x[3] - x[1] for i, x in enumerate(ls) if i > 0 and x[1] >= ls[i - 1][3] and gap_of(x[1]) is None]
    print(f"  queued {len(queued)}: launch to done p25/50/75 {q(queued, .25):.0f}/{q(queued, .5):.0f}/{q(queued, .75):.0f} us; "
          f"not queued, during bursts {len(fresh)}: p25/50/75 {q(fresh, .25):.0f}/{q(fresh, .5):.0f}/{q(fresh, .75):.0f} us")

# The law of a request during a burst: it arrives delta after the one before it finished and takes
# c + T - (delta mod T) (the BE's slices run on a grid from that finish). Fit T and c by least median
# absolute residual over the requests whose whole interval, from the previous finish, lies in a burst.
print("fit of latency = c + T - (delta mod T) during bursts:")
for cfg in sorted({t.rsplit("-", 1)[0] for t in tr}):
    ls = [x for x in tr[cfg + "-ls"] if x[0] == "L"]
    be = [x for x in tr[cfg + "-be"] if x[0] == "B" and x[1] > 0]
    gaps = [(x[1] + 2 * 1932, x[2]) for x in be if x[2] - x[1] > 1000]
    ends = [g[1] for g in gaps]
    def clear(t0, t1):  # no gap overlaps [t0, t1]
        i = bisect.bisect_left(ends, t0)
        return i >= len(gaps) or gaps[i][0] > t1
    pts = [(x[1] - ls[i - 1][3], x[3] - x[1]) for i, x in enumerate(ls)
           if i > 0 and x[1] >= ls[i - 1][3] and clear(ls[i - 1][3], x[1] + 3000)]
    best = min((st.median([abs(lat - (c + T - d % T)) for d, lat in pts]), T, c)
               for T in range(2000, 2800, 10) for c in range(250, 700, 10))
    res = [abs(lat - (best[2] + best[1] - d % best[1])) for d, lat in pts]
    print(f"  {cfg}: n {len(pts)}, T {best[1]} us, c {best[2]} us, median |residual| {best[0]:.0f} us, "
          f"within 100 us {sum(r < 100 for r in res) / len(res):.2f}")
