"""Normalize hami-h200-run2.jsonl (raw lines of run2.sh) into hami-h200-run2.configs.jsonl, the
user-mode format of ../../../shared/calibration/hami/hami-h200-run1.configs.jsonl read by
`colosim calibrate replay`. Solo baselines are run 1's (run 2 re-measured native-solo-be: 518.3/s)."""
import json, sys

raw = [json.loads(l) for l in open(sys.argv[1] if len(sys.argv) > 1 else "hami-h200-run2.jsonl")]
tag = {r["tag"]: r for r in raw if "tag" in r}
SOLO = {"be2ms": 517.5, "be0.5ms": 2049.5, "be20ms": 51.7, "closed": 4781.0, "ls-r100-p50-us": 212.1}
BE = {"kind": "kernels", "arrival": "closed-loop", "in_flight": 2, "kernel_us": 1932.8, "grid_blocks": 42240, "block_us": 48.3}
LS = {"kind": "kernels", "arrival": "poisson", "rate_per_s": 100.0, "in_flight": 1, "kernel_us": 200.0, "grid_blocks": 1056, "block_us": 200.0}
DUTY = {"kind": "kernels", "arrival": "poisson", "rate_per_s": 100.0, "in_flight": 1, "kernel_us": 2001.0, "grid_blocks": 1056, "block_us": 2001.0}

def be(r): return {"throughput_per_s": r["be_kernels_per_s"]}
def ls(r): return {"p50_us": r["p50"], "p99_us": r["p99"], "n": r["n"]}
def c(name, lim, wl, meas, **extra):
    w = dict(wl); w.update(extra)
    return {"name": name, "limit_percent": lim, "memory_limit_mib": None, "workload": w, "measured": meas}
def cfg(name, policy, seconds, containers):
    return {"config": name, "profile": "h200", "seconds": seconds, "engine": "hami-core" if policy != "none" else "native",
            "utilization_policy": policy, "solo": SOLO, "containers": containers}

out = [cfg("native-pair-be2ms", "none", 3.0, [c("a", 100, BE, be(tag["native-pair-a"])), c("b", 100, BE, be(tag["native-pair-b"]))]),
       cfg("native-duty20", "none", 3.0, [c("duty", 100, DUTY, ls(tag["native-duty20"]))]),
       cfg("native-duty20-beside-be", "none", 3.0, [
           c("be", 100, BE, be(tag["native-duty-be-be"]), start_s=0.0, stop_s=4.0),
           c("duty", 100, DUTY, ls(tag["native-duty20-beside-be"]), start_s=0.5, stop_s=3.5)])]
# host pid each container's HAMi-core found (hami-h200-run2-watch.txt: "<tag>-a pid=P hostPid=H")
import re
hostpid = {}
for l in open("hami-h200-run2-watch.txt"):
    m = re.match(r"(\S+) pid=(\d+) hostPid=(\d+)", l)
    if m: hostpid[m.group(1)] = (m.group(2), m.group(3))
for rep in (1, 2):
    for a, b in ((10, 90), (30, 70), (50, 50)):
        t = f"pair{rep}-L{a}-L{b}"
        o = cfg(t, "force", 5.0, [c("a", a, BE, be(tag[t + "-a"])), c("b", b, BE, be(tag[t + "-b"]))])
        pa, pb = hostpid[t + "-a"], hostpid[t + "-b"]
        assert pa[1] == pb[1], t  # both read one pid (the set_task_pid race), every pair of run 2
        o["host_pid_of"] = "a" if pa[1] == pa[0] else "b"
        out.append(o)
out.append(cfg("lone-L25-be2ms", "force", 5.0, [c("a", 25, BE, be(tag["lone-L25"]))]))
out.append(cfg("lsbe-L90-L10", "force", 5.0, [c("ls", 90, LS, ls(tag["lsbe-ls-L90-L10"])), c("be", 10, BE, be(tag["lsbe-be-L90-L10"]))]))
# closed loop: 0.1 s of arrivals at 50,000/s served one at a time; throughput = n / (max latency + 0.1 s).
# `seconds` is the client's own (the arrival window, as colocal.cu's argument and run 1's 5 s).
r = tag["lone-L10-closed"]; run = r["max"] / 1e6 + 0.1
closed = {"kind": "kernels", "arrival": "closed-loop", "in_flight": 1, "kernel_us": 200.0, "grid_blocks": 1056, "block_us": 200.0}
out.append(cfg("lone-L10-closed", "force", 0.1, [c("a", 10, closed, {"throughput_per_s": round(r["n"] / run, 1)})]))
for o in out: print(json.dumps(o))
