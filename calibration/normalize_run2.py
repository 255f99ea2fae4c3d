#!/usr/bin/env python3
"""Turns the raw lines of run2 (h200-run2.jsonl, in run2.sh order) into h200-run2.configs.jsonl."""
import json, sys
raw = [json.loads(l) for l in open(sys.argv[1] if len(sys.argv) > 1 else "h200-run2.jsonl") if l.strip()]
info, lines = raw[0], raw[1:]
base = {"ls_kernel_us": 200.0, "be_block_us": 50.0, "seconds": 4, "ls_in_flight": 1, "be_in_flight": 2,
        "gpu": info["gpu"], "sms": info["sms"], "blocks_per_sm": info["occ_blocks_per_sm"], "threads_per_block": 256}
def ls_of(r):
    return {"n": r["n"], "mean_us": r["lat_mean_us"], "p50_us": r["p50"], "p90_us": r["p90"], "p99_us": r["p99"],
            "p999_us": r["p999"], "max_us": r["max"]}
def rec(name, sharing, rate, be_ms, ls, be):
    d = {"config": name, "sharing": sharing, "ls_rate_per_s": rate}
    d.update(base)
    d["be_kernel_ms"] = be_ms
    if be_ms is None: d["be_block_us"] = None
    d["ls"] = ls; d["be_kernels_per_s"] = be
    order = ["config", "sharing", "ls_rate_per_s", "ls_kernel_us", "be_kernel_ms", "be_block_us", "seconds", "ls_in_flight",
             "be_in_flight", "gpu", "sms", "blocks_per_sm", "threads_per_block", "ls", "be_kernels_per_s"]
    return {k: d[k] for k in order}
out = []
it = iter(lines)
r = next(it); out.append(rec("solo-r1000-repeat", "solo", 1000, None, ls_of(r), None))
for be_ms, rate in [(2.0, 100), (20.0, 100), (2.0, 250)]:
    a, b = next(it), next(it)
    ls, be = (a, b) if a["mode"] == "ls" else (b, a)
    assert ls["tag"] == f"procs-be{int(be_ms)}ms-rate{rate}", ls["tag"]
    out.append(rec(f"procs-r{rate}-be{int(be_ms)}ms", "procs", rate, be_ms, ls_of(ls), be["be_kernels_per_s"]))
for mode, rate, be_ms in [("streams", 100, 2.0), ("streams", 20, 20.0), ("prio", 2500, 2.0)]:
    r = next(it); assert r["mode"] == mode
    out.append(rec(f"{mode}-r{rate}-be{int(be_ms)}ms", mode, rate, be_ms, ls_of(r), r["be_kernels_per_s"]))
for d in out: print(json.dumps(d))
