"""Normalize hami-h200-run3.jsonl (raw lines of run3.sh) into hami-h200-run3.configs.jsonl, the
user-mode format read by `colosim calibrate replay`, with `host_pid_of` from the watcher log
(hami-h200-run3-watch.txt: "[HAMI-core Info(PID:...)]: hostPid=H"). Runs of 3 s; solo baselines
are run 1's."""
import json, re, sys

raw = [json.loads(l) for l in open("hami-h200-run3.jsonl")]
tag = {r["tag"]: r for r in raw if "tag" in r}
SOLO = {"be2ms": 517.5, "be0.5ms": 2049.5, "be20ms": 51.7, "closed": 4781.0, "ls-r100-p50-us": 212.1}
BE = {"kind": "kernels", "arrival": "closed-loop", "in_flight": 2, "kernel_us": 1932.8, "grid_blocks": 42240, "block_us": 48.3}

def c(name, lim, r):
    return {"name": name, "limit_percent": lim, "memory_limit_mib": None, "workload": dict(BE),
            "measured": {"throughput_per_s": r["be_kernels_per_s"]}}
def cfg(name, containers):
    return {"config": name, "profile": "h200", "seconds": 3.0, "engine": "hami-core", "utilization_policy": "force",
            "solo": SOLO, "containers": containers}

pid, host = {}, {}
for l in open("hami-h200-run3-watch.txt"):
    m = re.match(r"\d+ (\S+) \[HAMI-core Info\((\d+):\d+:utils.c:\d+\)\]: hostPid=(\d+)", l)
    if m: pid[m.group(1)], host[m.group(1)] = m.group(2), m.group(3)
out = []
for lim, reps in ((25, 5), (50, 3), (10, 3)):
    for rep in range(1, reps + 1):
        t = f"lone-L{lim}-r{rep}"
        out.append(cfg(t, [c("a", lim, tag[t])]))
for rep in (1, 2, 3):
    t = f"pair-L10-L90-r{rep}"
    o = cfg(t, [c("a", 10, tag[t + "-a"]), c("b", 90, tag[t + "-b"])])
    assert host[t + "-a"] == host[t + "-b"], t  # both read one pid (the set_task_pid race)
    o["host_pid_of"] = "a" if host[t + "-a"] == pid[t + "-a"] else "b"
    out.append(o)
for o in out: print(json.dumps(o))
