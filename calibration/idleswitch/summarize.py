"""Classify each LS request of calibration/idleswitch runs and report its GPU service time.

Service = host completion - launch (the LS kernel plus whatever the GPU did before it). A request
is `overlap` when a kernel of the other process was in flight at any time during it (skipped);
otherwise the GPU was idle at its launch and the last context to run was either the other process
(`after_other`: an idle context switch) or the LS process itself (`after_self`). Reported per class
and per idle gap (launch - the last completion of that context): count, p25, median, p75 (us).
Usage: summarize.py DIR"""
import bisect, glob, json, os, sys

d = sys.argv[1]

def load(p):
    return [json.loads(l) for l in open(p) if l.startswith("{")]

def q(v, f):
    v = sorted(v)
    return v[min(len(v) - 1, int(f * len(v)))] if v else float("nan")

BINS = [(0, 1e6), (1e6, 3e6), (3e6, 10e6), (10e6, 1e12)]  # ns

def report(name, ls, other):
    olaunch = [o["launch"] for o in other]
    rows = {}
    prev_done = None
    for r in ls:
        svc = r["done"] - r["launch"]
        i = bisect.bisect_right(olaunch, r["done"]) - 1  # other kernels launched before LS done
        overlap = False
        last_other_done = None
        j = i
        while j >= 0:
            o = other[j]
            if o["done"] > r["launch"] - 20_000:  # in flight at or just before the LS launch, or during it
                overlap = True
                break
            last_other_done = o["done"] if last_other_done is None else last_other_done
            break
        if overlap or prev_done is None:
            prev_done = r["done"]
            rows.setdefault("overlap", []).append((0, svc))
            continue
        if last_other_done is not None and last_other_done > prev_done:
            cls, gap = "after_other", r["launch"] - last_other_done
        else:
            cls, gap = "after_self", r["launch"] - prev_done
        rows.setdefault(cls, []).append((gap, svc))
        prev_done = r["done"]
    print(f"== {name}: {len(ls)} LS requests, {len(other)} other kernels")
    for cls in ("after_self", "after_other", "overlap"):
        v = rows.get(cls, [])
        s = [x[1] / 1e3 for x in v]
        print(f"  {cls:12s} n={len(s):5d} p25={q(s, .25):7.1f} p50={q(s, .5):7.1f} p75={q(s, .75):7.1f}")
        if cls == "overlap":
            continue
        for lo, hi in BINS:
            s = [x[1] / 1e3 for x in v if lo <= x[0] < hi]
            if s:
                print(f"    idle gap {lo/1e6:4.0f}-{min(hi/1e6, 999):3.0f} ms n={len(s):5d} p25={q(s, .25):7.1f} p50={q(s, .5):7.1f} p75={q(s, .75):7.1f}")
    return rows

solo = load(os.path.join(d, "solo-ls.jsonl"))
report("solo", solo, [])
for p in sorted(glob.glob(os.path.join(d, "other-*.jsonl"))):
    tag = os.path.basename(p)[len("other-"):-len(".jsonl")]
    report(tag, load(os.path.join(d, f"ls-{tag}.jsonl")), load(p))
