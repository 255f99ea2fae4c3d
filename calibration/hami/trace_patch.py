# Patch colocal.cu for run 4: with TRACE_FILE set, every LS request and every BE launch is logged
# with host times on the monotonic clock (steady_clock), appended to TRACE_FILE when the client ends:
#   L tag arrival_us launch_return_us done_us     (run_ls: scheduled arrival, cudaLaunch returned, synced)
#   B tag before_launch_us launch_return_us sync_us (run_be: HAMi-core's hook sleeps inside the launch)
#   C tag monotonic_us realtime_us                   (one pair per process: to align NVML's timestamps)
# Nothing else changes. Usage: python3 trace_patch.py colocal.cu > colocal-trace.cu
import sys
src = open(sys.argv[1]).read()
def sub(old, new):
    global src
    if src.count(old) != 1:
        sys.exit(f"patch point not found once: {old!r}")
    src = src.replace(old, new)
sub("static double now_us() {", """#include <cstdio>
#include <cstdlib>
#include <ctime>
static std::vector<std::string> g_trace;
static void trace(char kind, double a, double b, double c) {
  if (!getenv("TRACE_FILE")) return;
  char line[160]; snprintf(line, sizeof line, "%c %s %.1f %.1f %.1f", kind, getenv("TRACE_TAG") ? getenv("TRACE_TAG") : "-", a, b, c);
  g_trace.emplace_back(line);
}
static void trace_flush() {
  const char* f = getenv("TRACE_FILE"); if (!f) return;
  FILE* o = fopen(f, "a"); if (!o) return;
  for (auto& l : g_trace) fprintf(o, "%s\\n", l.c_str());
  fclose(o); g_trace.clear();
}
static double now_us() {""")
sub("""    work<<<s.blocks, s.threads, 0, st>>>(s.iters, g_out);
    CK(cudaStreamSynchronize(st));
    lat.push_back(now_us() - next);""", """    work<<<s.blocks, s.threads, 0, st>>>(s.iters, g_out);
    double lr = now_us();
    CK(cudaStreamSynchronize(st));
    lat.push_back(now_us() - next);
    trace('L', next, lr, next + lat.back());""")
sub("""  return lat;
}""", """  trace_flush();
  return lat;
}""")
sub("""    work<<<s.blocks, s.threads, 0, st>>>(s.iters, g_out); CK(cudaEventRecord(ev[k & 1], st));
    CK(cudaEventSynchronize(ev[(k + 1) & 1])); ++done; ++k;""", """    double bl = now_us();
    work<<<s.blocks, s.threads, 0, st>>>(s.iters, g_out); CK(cudaEventRecord(ev[k & 1], st));
    double lr = now_us();
    CK(cudaEventSynchronize(ev[(k + 1) & 1])); ++done; ++k;
    trace('B', bl, lr, now_us());""")
sub("""  double el = (now_us() - t0) / 1e6;
  return done / el;""", """  double el = (now_us() - t0) / 1e6;
  trace('B', -1, -1, now_us());
  trace_flush();
  return done / el;""")
sub("""  g_sms = p.multiProcessorCount;""", """  g_sms = p.multiProcessorCount;
  { timespec rt; clock_gettime(CLOCK_REALTIME, &rt); trace('C', now_us(), rt.tv_sec * 1e6 + rt.tv_nsec / 1e3, 0); }""")
print(src, end="")
