#!/usr/bin/env python3
"""Side-by-side engine comparison, one run: colosim (Swift) vs the SimPy and C references.

Runs PHOLD (1024 LPs x 16, 1e6 events, seed 1) on colosim, SimPy (callback mode) and the C
binary heap of heap_limit.c, and M/M/c (c=8, lam=64, mu=10) on colosim and SimPy (process
mode); checks that every run prints the same replay checksum; prints events/s, the ratios and
whether the targets of DESIGN.md section 10 are met.  Fast runs are repeated and the best taken
(the machine is shared); SimPy runs are repeated too, so both sides get the same treatment.

Usage: bench_compare.py --colosim PATH --heap-limit PATH --reference DIR [--python PY]
"""
import argparse
import json
import re
import subprocess
import sys

TARGET_SIMPY_PHOLD = 30.0
TARGET_C_PHOLD = 0.7
TARGET_SIMPY_MMC = 50.0


def run(cmd):
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return out


def kv(text, key):
    m = re.search(r"^%s=(\S+)" % re.escape(key), text, re.M)
    if not m:
        m = re.search(r"\b%s=(\S+)" % re.escape(key), text)
    if not m:
        raise SystemExit("bench-compare: %r not found in output:\n%s" % (key, text))
    return m.group(1)


def best(n, f):
    runs = [f() for _ in range(n)]
    return max(runs, key=lambda r: r["eps"])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--colosim", required=True)
    ap.add_argument("--heap-limit", required=True)
    ap.add_argument("--reference", required=True)
    ap.add_argument("--python", default=sys.executable)
    ap.add_argument("--repeat", type=int, default=5, help="repetitions of the compiled runs")
    ap.add_argument("--simpy-repeat", type=int, default=2, help="repetitions of the SimPy runs")
    ap.add_argument("--mmc-requests", type=int, default=200_000)
    a = ap.parse_args()
    ref = a.reference.rstrip("/")

    def swift_phold():
        j = json.loads(run([a.colosim, "bench", "phold", "--lps", "1024", "--pop", "16",
                            "--events", "1000000", "--seed", "1", "--json"]))
        return {"eps": j["events_per_second"], "checksum": j["checksum"], "digest": j["digest"]}

    def c_phold():
        t = run([a.heap_limit, "phold", "1024", "16", "1000000", "1", "binary"])
        return {"eps": float(kv(t, "events_per_s")), "checksum": kv(t, "lp_count_fnv1a64")}

    def simpy_phold():
        t = run([a.python, ref + "/phold_simpy.py", "--lps", "1024", "--pop", "16", "--events", "1000000",
                 "--seed", "1", "--mode", "callback"])
        return {"eps": float(kv(t, "events_per_s")), "checksum": kv(t, "lp_count_fnv1a64"),
                "version": kv(t, "simpy")}

    def swift_mmc():
        j = json.loads(run([a.colosim, "bench", "mmc", "--servers", "8", "--arrival-rate", "64",
                            "--service-rate", "10", "--requests", str(a.mmc_requests), "--seed", "1", "--json"]))
        return {"eps": j["events_per_second"], "checksum": j["checksum"], "digest": j["digest"]}

    def simpy_mmc():
        t = run([a.python, ref + "/mmc_simpy.py", "--c", "8", "--lam", "64", "--mu", "10",
                 "--requests", str(a.mmc_requests), "--seed", "1", "--mode", "process"])
        return {"eps": float(kv(t, "events_per_s")), "checksum": kv(t, "latency_fnv1a64")}

    print("bench-compare: PHOLD 1024x16, 1e6 events, seed 1; M/M/c c=8 lam=64 mu=10, %d requests, seed 1"
          % a.mmc_requests)
    print("(compiled runs: best of %d; SimPy runs: best of %d)" % (a.repeat, a.simpy_repeat))
    sp = best(a.repeat, swift_phold)
    cp = best(a.repeat, c_phold)
    pp = best(a.simpy_repeat, simpy_phold)
    sm = best(a.repeat, swift_mmc)
    pm = best(a.simpy_repeat, simpy_mmc)

    rows = [
        ("PHOLD", "colosim (Swift)", sp), ("PHOLD", "C binary heap (gcc -O2)", cp),
        ("PHOLD", "SimPy %s callbacks" % pp["version"], pp),
        ("M/M/c", "colosim (Swift)", sm), ("M/M/c", "SimPy process + Resource", pm),
    ]
    print()
    print("%-6s %-28s %14s  %s" % ("model", "engine", "events/s", "checksum"))
    for model, engine, r in rows:
        print("%-6s %-28s %14.0f  %s" % (model, engine, r["eps"], r["checksum"]))
    print("run digests: colosim PHOLD %s, colosim M/M/c %s" % (sp["digest"], sm["digest"]))

    ok = True
    same = sp["checksum"] == cp["checksum"] == pp["checksum"] == "17851507a5257f8a"
    same_mmc = sm["checksum"] == pm["checksum"]
    print()
    print("checksums identical: PHOLD %s, M/M/c %s" % ("yes" if same else "NO", "yes" if same_mmc else "NO"))
    ok &= same and same_mmc
    checks = [
        ("PHOLD colosim / SimPy", sp["eps"] / pp["eps"], TARGET_SIMPY_PHOLD),
        ("PHOLD colosim / C binary heap", sp["eps"] / cp["eps"], TARGET_C_PHOLD),
        ("M/M/c colosim / SimPy", sm["eps"] / pm["eps"], TARGET_SIMPY_MMC),
    ]
    for name, ratio, target in checks:
        met = ratio >= target
        ok &= met
        print("%-32s %8.2fx   target >= %gx: %s" % (name, ratio, target, "met" if met else "NOT MET"))
    print()
    print("bench-compare: %s" % ("all targets met" if ok else "SOME TARGETS NOT MET"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
