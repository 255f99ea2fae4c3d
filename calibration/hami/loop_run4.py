"""Run 4's 50/50 LS+BE runs against the model, with one set of definitions for both (docs/isolation.md
"Run 4"): how the LS latency splits, how the BE's watcher loop moves, and when it swings deep.

GPU side (default): hami-h200-run4-trace.txt (LS requests: scheduled arrival and done; BE: each launch's
synchronize, i.e. a kernel's completion) and hami-h200-run4-watch.txt (every watcher pass: userutil,
share, currentcores = the pool after the pass), both on one monotonic clock.
Model side: Chrome traces of calibration/hami/lsbe-L50-L50-model.yaml, given as arguments:
    colosim run calibration/hami/lsbe-L50-L50-model.yaml --seed S --db m.sqlite --json
    colosim trace export --db m.sqlite RUN --chrome mS.json --from 0 --to 7
    python3 loop_run4.py m1.json m2.json ...
(kernel events ending = BE completions, `ls request` events = arrival to done, the `be utilization`,
`be share` and `be tokens` counters = the watcher's passes).

Definitions, the same for both: a BE gap is a pause of more than 3 ms between BE completions, from the
last completion to the next one less one kernel (1,932.8 us); an LS request is queued when it arrived
before the one before it was done, in a gap when it arrived in a gap, else in a burst. The BE's duty is
its completions x 1,932.8 us over the LS window. A pass is in a deep swing when the pool after it exceeds
its share by more than 0.5 M tokens: the BE could not spend a whole share in one pass (flat out it
spends about 2.5 M a pass), so tokens bank up and the BE runs flat out for a second, then not at all."""
import bisect, collections, json, re, sys

KERNEL_US = 1932.8


def decompose(name, reqs, be_done, passes):
    reqs.sort()
    be_done.sort()
    gaps = [(be_done[i - 1], be_done[i] - KERNEL_US) for i in range(1, len(be_done)) if be_done[i] - be_done[i - 1] > 3000]
    starts = [g[0] for g in gaps]

    def in_gap(t):
        i = bisect.bisect_right(starts, t) - 1
        return i >= 0 and gaps[i][1] > t

    lo, hi = reqs[0][0], reqs[-1][1]
    lat, gap_lat, queued, burst = [], [], [], []
    for i, (a, d) in enumerate(reqs):
        lat.append(d - a)
        if i > 0 and a < reqs[i - 1][1]:
            queued.append(d - a)
        elif in_gap(a):
            gap_lat.append(d - a)
        else:
            burst.append(d - a)
    q = lambda v, p: sorted(v)[int(p * len(v))] if v else 0
    n = len(lat)
    gap_time = sum(max(0, min(b, hi) - max(a, lo)) for a, b in gaps) / (hi - lo)
    inside = [(a, b) for a, b in gaps if lo < a and b < hi]
    bursts = [inside[i][0] - inside[i - 1][1] for i in range(1, len(inside))]
    mean = lambda v: sum(v) / len(v) if v else 0
    duty = sum(1 for t in be_done if lo < t < hi) * KERNEL_US / (hi - lo)
    during = [p for p in passes if lo < p[0] < hi]
    deep = next((p[0] for p in during if p[3] - p[2] > 5e5), None)
    print(f"{name}: LS n {n} p50 {q(lat, .5):.0f} us | in gaps {len(gap_lat) / n:.2f} of arrivals (gaps {gap_time:.2f} of the time), "
          f"queued {len(queued) / n:.2f}, in bursts {len(burst) / n:.2f}: p25/50/75 {q(burst, .25):.0f}/{q(burst, .5):.0f}/{q(burst, .75):.0f} us | "
          f"gaps {mean([b - a for a, b in inside]) / 1e3:.0f} ms, bursts {mean(bursts) / 1e3:.0f} ms")
    print(f"  BE duty {duty:.2f}, mean reading {mean([p[1] for p in during]):.1f}, share up to {max(p[2] for p in during) / 1e6:.2f} M, "
          f"pool up to {max(p[3] for p in during) / 1e6:.2f} M; first deep-swing pass "
          + (f"{(deep - lo) / 1e6:.1f} s after the LS started" if deep else "none"))


def gpu():
    tr = collections.defaultdict(list)
    for line in open("hami-h200-run4-trace.txt"):
        k, tag, a, b, c = line.split()
        tr[(k, tag)].append((float(a), float(b), float(c)))
    for cfg in ("lsbe-L50-L50-r1", "lsbe-L50-L50-r2"):
        reqs = [(a, c) for a, _, c in tr[("L", cfg + "-ls")]]
        be = [c for a, _, c in tr[("B", cfg + "-be")] if a > 0]
        passes = []
        for line in open("hami-h200-run4-watch.txt"):
            if cfg + "-be " in line and "userutil=" in line:
                g = lambda k: int(re.search(k + r"=(-?\d+)", line).group(1))
                passes.append((float(line.split()[0]), g("userutil"), g("share"), g("currentcores")))
        decompose("GPU " + cfg, reqs, be, passes)


def model(path):
    d = json.load(open(path))
    reqs, be, counters = [], [], collections.defaultdict(dict)
    for e in d["traceEvents"]:
        if e.get("cat") == "request" and e["name"] == "ls request":
            reqs.append((e["ts"], e["ts"] + e["dur"]))
        elif e.get("cat") == "kernel" and e["name"] == "be":
            be.append(e["ts"] + e["dur"])
        elif e.get("ph") == "C" and e["name"].startswith("be "):
            counters[e["ts"]][e["name"][3:]] = e["args"]["value"]
    passes = sorted((t, c["utilization"], c["share"], c["tokens"]) for t, c in counters.items())
    decompose("model " + path, reqs, be, passes)


if __name__ == "__main__":
    if len(sys.argv) > 1:
        for p in sys.argv[1:]:
            model(p)
    else:
        gpu()
