#!/usr/bin/env python3
"""Compare `colosim place` with the FGD artifact's expected results on every openb variant.

Usage: scripts/fgd_compare.py [--bin .build/release/colosim] [--shared ../shared] [--seeds 42-51]
                              [--variants default,cpu050,...] [--json-out FILE]

For each openb pod-list variant in fgd-kss-expected-results/fgd_expected_summary.csv, runs
`colosim place --policy all --arrive 1.3 --json` on openb_node_list_gpu_node.csv and prints, per
policy, our GPU allocation % at 130 % arrival next to the artifact's (mean over seeds 42-51), the
difference, and whether the policy ranking matches. Exit status 1 if any policy is outside ±1.0
point or a ranking differs.
"""
import argparse
import csv
import json
import subprocess
import sys
import time
from pathlib import Path

ARTIFACT = {
    "01-Random": "random", "02-DotProd": "dot-product", "03-GpuClustering": "gpu-clustering",
    "04-GpuPacking": "gpu-packing", "05-BestFit": "best-fit", "06-FGD": "fgd",
}
ORDER = list(ARTIFACT.values())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=".build/release/colosim")
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--seeds", default="42-51")
    ap.add_argument("--variants", default="")
    ap.add_argument("--tolerance", type=float, default=1.0)
    ap.add_argument("--json-out", default="")
    a = ap.parse_args()
    shared = Path(a.shared)
    expected = {}
    with open(shared / "traces/fgd-kss-expected-results/fgd_expected_summary.csv") as f:
        for row in csv.DictReader(f):
            expected.setdefault(row["workload"], {})[ARTIFACT[row["sc_policy"]]] = float(row["alloc_pct_at_arrive130"])
    variants = sorted(expected)
    if a.variants:
        wanted = {"openb_pod_list_" + v if not v.startswith("openb_") else v for v in a.variants.split(",")}
        variants = [v for v in variants if v in wanted]
    nodes = shared / "traces/alibaba-gpu-v2023-openb/openb_node_list_gpu_node.csv"
    outside, rank_bad, results, total_time = [], [], {}, 0.0
    print(f"{'variant':<12} {'policy':<15} {'ours':>7} {'artifact':>8} {'diff':>6}")
    for v in variants:
        pods = shared / f"traces/alibaba-gpu-v2023-openb/{v}.csv"
        t0 = time.perf_counter()
        out = subprocess.run([a.bin, "place", "--nodes", str(nodes), "--pods", str(pods), "--policy", "all",
                              "--arrive", "1.3", "--seeds", a.seeds, "--json"],
                             check=True, capture_output=True, text=True).stdout
        total_time += time.perf_counter() - t0
        ours = {p["policy"]: p for p in json.loads(out)["policies"]}
        results[v] = {k: {"ours": ours[k]["alloc_pct_mean"], "sd": ours[k]["alloc_pct_sd"],
                          "artifact": expected[v][k]} for k in ORDER}
        short = v.replace("openb_pod_list_", "")
        for k in ORDER:
            o, e = ours[k]["alloc_pct_mean"], expected[v][k]
            flag = "" if abs(o - e) <= a.tolerance else "  OUTSIDE"
            if flag:
                outside.append((short, k, o, e))
            print(f"{short:<12} {k:<15} {o:7.2f} {e:8.2f} {o - e:+6.2f}{flag}")
        r_ours = sorted(ORDER, key=lambda k: ours[k]["alloc_pct_mean"])
        r_art = sorted(ORDER, key=lambda k: expected[v][k])
        same = r_ours == r_art
        if not same:
            rank_bad.append((short, r_ours, r_art))
        print(f"{short:<12} ranking {'same' if same else 'DIFFERS'}: ours {' < '.join(r_ours)}"
              + ("" if same else f"; artifact {' < '.join(r_art)}"))
    n = len(variants) * len(ORDER)
    print(f"\n{n - len(outside)}/{n} policy×variant within ±{a.tolerance}; rankings same in "
          f"{len(variants) - len(rank_bad)}/{len(variants)} variants; wall {total_time:.1f} s")
    for s, k, o, e in outside:
        print(f"  outside: {s} {k}: ours {o:.2f} vs artifact {e:.2f} ({o - e:+.2f})")
    for s, ro, ra in rank_bad:
        print(f"  ranking differs in {s}")
    if a.json_out:
        Path(a.json_out).write_text(json.dumps(results, indent=1))
    return 1 if outside or rank_bad else 0


if __name__ == "__main__":
    sys.exit(main())
