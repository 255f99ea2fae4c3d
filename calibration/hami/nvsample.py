# NVML per-process utilization sampler: every 120 ms (HAMi-core's watcher period) ask
# nvmlDeviceGetProcessUtilization for samples since now-1s (what HAMi-core's watcher asks) and since
# the last sample seen (sample granularity), plus the device's utilization. One JSON line per call.
import json, sys, time
import pynvml as N
N.nvmlInit(); h = N.nvmlDeviceGetHandleByIndex(0)
dur, tag, out = float(sys.argv[1]), sys.argv[2], open(sys.argv[3], "a")
t0 = time.time(); last = 0
while time.time() - t0 < dur:
    now = time.time(); rec = {"tag": tag, "t": round(now - t0, 3), "now_us": int(now * 1e6)}
    for key, since in (("w1", int((now - 1) * 1e6)), ("inc", last)):
        try:
            s = N.nvmlDeviceGetProcessUtilization(h, since)
            rec[key] = [[x.pid, x.timeStamp, x.smUtil] for x in s]
            if key == "inc" and s: last = max(x.timeStamp for x in s)
        except N.NVMLError as e:
            rec[key + "_err"] = str(e)
    try:
        rec["procs"] = [[p.pid, p.usedGpuMemory] for p in N.nvmlDeviceGetComputeRunningProcesses(h)]
    except N.NVMLError as e:
        rec["procs_err"] = str(e)
    rec["dev"] = N.nvmlDeviceGetUtilizationRates(h).gpu
    out.write(json.dumps(rec) + "\n"); out.flush()
    time.sleep(0.12)
