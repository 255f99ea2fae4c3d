"""Normalize hami-h200-run4.jsonl (raw lines of run4.sh) into hami-h200-run4.configs.jsonl, the
user-mode format read by `colosim calibrate replay`: run 1's three LS+BE configurations, twice each
(LS Poisson 100/s of 200 us kernels started 1 s after a BE of 2 ms kernels; 5 s of LS, BE for 7 s),
as run 1 normalizes them. Solo baselines are run 1's."""
import json

raw = [json.loads(l) for l in open("hami-h200-run4.jsonl")]
tag = {r["tag"]: r for r in raw if "tag" in r}
SOLO = {"be2ms": 517.5, "be0.5ms": 2049.5, "be20ms": 51.7, "closed": 4781.0, "ls-r100-p50-us": 212.1}
BE = {"kind": "kernels", "arrival": "closed-loop", "in_flight": 2, "kernel_us": 1932.8, "grid_blocks": 42240, "block_us": 48.3}
LS = {"kind": "kernels", "arrival": "poisson", "rate_per_s": 100.0, "in_flight": 1, "kernel_us": 200.0, "grid_blocks": 1056, "block_us": 200.0}
for rep in (1, 2):
    for ls_lim, be_lim in ((50, 50), (100, 30), (90, 10)):
        t = f"lsbe-L{ls_lim}-L{be_lim}-r{rep}"
        ls, be = tag[t + "-ls"], tag[t + "-be"]
        print(json.dumps({"config": t, "profile": "h200", "seconds": 5.0, "engine": "hami-core", "utilization_policy": "force",
                          "solo": SOLO, "containers": [
            {"name": "ls", "limit_percent": ls_lim, "memory_limit_mib": None, "workload": dict(LS),
             "measured": {"p50_us": ls["p50"], "p99_us": ls["p99"], "n": ls["n"]}},
            {"name": "be", "limit_percent": be_lim, "memory_limit_mib": None, "workload": dict(BE),
             "measured": {"throughput_per_s": be["be_kernels_per_s"]}}]}))
