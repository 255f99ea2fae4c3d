"""Run 4: which process NVML names in each per-process sample (hami-h200-run4-nvml.jsonl, wall clock)
against what the GPU was doing at the sample's instant (hami-h200-run4-trace.txt, monotonic; each
process's C line gives realtime - monotonic): an LS request in service (launched, not done), a BE
gap (the BE asleep in HAMi-core's hook, as timeline_run4.py finds them), or a BE burst. Only samples
while the LS client ran. Prints, per run, the counts and the mean value of each (named, state)."""
import bisect, collections, json, re

tr, clk = collections.defaultdict(list), {}
for l in open("hami-h200-run4-trace.txt"):
    k, tag, a, b, c = l.split()
    if k == "C": clk[tag] = float(b) - float(a)
    else: tr[(k, tag)].append((float(a), float(b), float(c)))
pid = {}
for l in open("hami-h200-run4-watch.txt"):
    m = re.match(r"\d+ (\S+) \[HAMI-core \w+\((\d+):", l)
    if m and m.group(1) not in pid: pid[m.group(1)] = int(m.group(2))
samples = collections.defaultdict(dict)
for l in open("hami-h200-run4-nvml.jsonl"):
    d = json.loads(l)
    for p, ts, u in d.get("inc") or []: samples[d["tag"]][(p, ts)] = u
for cfg in sorted(samples):
    ls, be = tr[("L", cfg + "-ls")], [x for x in tr[("B", cfg + "-be")] if x[0] > 0]
    gaps = [(x[0] + 2 * 1932, x[1]) for x in be if x[1] - x[0] > 1000]
    starts = [g[0] for g in gaps]
    def state(t):
        if any(lr <= t <= dn for _, lr, dn in ls): return "LS in service"
        i = bisect.bisect_right(starts, t) - 1
        return "BE gap" if i >= 0 and gaps[i][1] > t else "BE burst"
    count, total = collections.Counter(), collections.Counter()
    for (p, ts), u in samples[cfg].items():
        t = ts - clk[cfg + "-ls"]
        if not ls[0][0] < t < ls[-1][2]: continue
        who = "LS" if p == pid[cfg + "-ls"] else "BE"
        count[(who, state(t))] += 1
        total[(who, state(t))] += u
    print(cfg + ": " + "; ".join(f"{w} named in {s}: {n} (mean {total[(w, s)] / n:.0f})" for (w, s), n in sorted(count.items())))
