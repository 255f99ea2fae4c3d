#!/usr/bin/env python3
"""Summarizes idleramp-*.jsonl: per idle gap, the first kernels' time relative to the steady median."""
import json
import statistics
import sys

for path in sys.argv[1:]:
    rows = [json.loads(l) for l in open(path)]
    info = next(r for r in rows if r["tag"] == "info")
    steady = [k for r in rows if r["tag"].startswith("steady") for k in r["kernel_us"][5:]]
    med = statistics.median(steady)
    print(f"{path}: {info['gpu']}, {info['blocks']} blocks; steady median {med:.1f} us "
          f"(p10 {sorted(steady)[len(steady)//10]:.1f}, p90 {sorted(steady)[9*len(steady)//10]:.1f})")
    gaps = sorted({r["gap_ms"] for r in rows if r["tag"] == "after-idle"})
    for g in gaps:
        reps = [r["kernel_us"] for r in rows if r["tag"] == "after-idle" and r["gap_ms"] == g]
        first = [statistics.mean(rep[i] for rep in reps) / med for i in range(8)]
        extra = statistics.mean(sum(k - med for k in rep) for rep in reps)
        print(f"  gap {g:5d} ms: kernels 1-8 x steady " + " ".join(f"{x:.2f}" for x in first)
              + f"; burst of {len(reps[0])}: {extra:+.0f} us in all")
