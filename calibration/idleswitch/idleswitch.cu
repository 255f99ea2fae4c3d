// What a context switch costs when the GPU is idle: an LS process (200 us one-wave kernels,
// Poisson arrivals, one in flight, latency = completion - arrival, as colocal.cu's run_ls) beside
// another process that runs short bursts and then leaves the GPU idle. Both log every kernel's
// host times on the system-wide monotonic clock, so summarize.py can tell, per LS request, whether
// the other process's kernel was running at its arrival (skipped), or the GPU was idle and the last
// context on it was the other process (an idle switch) or the LS process itself (no switch).
//   idleswitch ls    SECONDS RATE_PER_S SEED          > ls.jsonl     (one line per request)
//   idleswitch other SECONDS PERIOD_US KERNEL_US      > other.jsonl  (one line per kernel)
// Kernel: colocal.cu's dependent FMA chain, one wave (SMs x occupancy blocks), iterations calibrated
// so one wave takes the requested time.
#include <cuda_runtime.h>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <thread>

#define CK(x) do { cudaError_t e = (x); if (e != cudaSuccess) { fprintf(stderr, "CUDA %s at %s:%d\n", cudaGetErrorString(e), __FILE__, __LINE__); exit(2);} } while (0)

__global__ void work(int iters, float* out) {
  float a = threadIdx.x * 1e-3f, b = blockIdx.x * 1e-3f, c = 0.5f, d = 0.25f;
  for (int i = 0; i < iters; ++i) {
    a = a * 0.999f + 0.001f; b = b * 0.998f + 0.002f;
    c = c * 0.997f + 0.003f; d = d * 0.996f + 0.004f;
  }
  if (a + b + c + d == 12345.0f) out[0] = a;
}

static long long now_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

int main(int argc, char** argv) {
  if (argc < 5) { fprintf(stderr, "usage: idleswitch ls SECONDS RATE SEED | other SECONDS PERIOD_US KERNEL_US\n"); return 1; }
  std::string mode = argv[1];
  double seconds = atof(argv[2]);
  cudaDeviceProp p; CK(cudaGetDeviceProperties(&p, 0));
  int occ = 0; CK(cudaOccupancyMaxActiveBlocksPerMultiprocessor(&occ, work, 256, 0));
  float* out; CK(cudaMalloc(&out, 64));
  cudaStream_t st; CK(cudaStreamCreateWithFlags(&st, cudaStreamNonBlocking));
  int blocks = p.multiProcessorCount * occ;
  double target_us = mode == "ls" ? 200.0 : atof(argv[4]);
  int iters = 1000;
  cudaEvent_t a, b; CK(cudaEventCreate(&a)); CK(cudaEventCreate(&b));
  for (int k = 0; k < 4; ++k) {  // calibrate iterations: one wave = target_us
    CK(cudaEventRecord(a, st));
    for (int i = 0; i < 10; ++i) work<<<blocks, 256, 0, st>>>(iters, out);
    CK(cudaEventRecord(b, st)); CK(cudaEventSynchronize(b));
    float ms; CK(cudaEventElapsedTime(&ms, a, b));
    iters = std::max(1, (int)std::lround(iters * target_us / (ms * 100.0)));
  }
  // Start both processes' logs after a common settle time: each sleeps to the next whole second.
  long long t = now_ns();
  std::this_thread::sleep_for(std::chrono::nanoseconds(1000000000LL - t % 1000000000LL + 1000000000LL));
  long long t0 = now_ns(), end = t0 + (long long)(seconds * 1e9);
  if (mode == "ls") {
    double rate = atof(argv[3]);
    std::mt19937_64 rng(atoll(argv[4])); std::exponential_distribution<double> gap(rate / 1e9);
    double next = t0 + gap(rng);
    while (next < end) {
      while (now_ns() < next) {}
      long long l = now_ns();
      work<<<blocks, 256, 0, st>>>(iters, out);
      CK(cudaStreamSynchronize(st));
      long long c = now_ns();
      printf("{\"arrival\":%lld,\"launch\":%lld,\"done\":%lld}\n", (long long)next, l, c);
      next += gap(rng);
    }
  } else {
    double period = atof(argv[3]) * 1e3;
    double next = t0;
    while (next < end) {
      while (now_ns() < next) {}
      long long l = now_ns();
      work<<<blocks, 256, 0, st>>>(iters, out);
      CK(cudaStreamSynchronize(st));
      long long c = now_ns();
      printf("{\"launch\":%lld,\"done\":%lld}\n", l, c);
      next += period;
    }
  }
  fprintf(stderr, "%s iters=%d blocks=%d gpu=%s\n", mode.c_str(), iters, blocks, p.name);
  return 0;
}
