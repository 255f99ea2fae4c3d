// Does a kernel run slower right after the GPU has been idle (clock ramp after idle)?
// Kernels of the co-location probe's BE shape (sms x 8 blocks x waves of 256 threads; a block does a
// fixed number of dependent FMAs, ~50 us at full clock, so a block's time follows the SM clock) are
// timed one by one with CUDA events on one stream. First back to back (steady), then after host
// sleeps of `gap` ms (the GPU idle), the first kernels of each burst. One JSON object a line.
#include <cstdio>
#include <cstdlib>
#include <chrono>
#include <thread>
#include <vector>
#include <cuda_runtime.h>
#define CK(x) do { cudaError_t ck_err = (x); if (ck_err != cudaSuccess) { fprintf(stderr, "%s: %s\n", #x, cudaGetErrorString(ck_err)); exit(1); } } while (0)

__global__ void work(int iters, float* out) {
  float a = threadIdx.x * 1e-3f, b = 1.0001f;
  for (int i = 0; i < iters; ++i) a = fmaf(a, b, 1e-7f);
  if (a == 42.0f) out[0] = a;
}

int main(int argc, char** argv) {
  int waves = argc > 1 ? atoi(argv[1]) : 40;          // 40 waves of 50 us: a 2 ms kernel
  cudaDeviceProp p; CK(cudaGetDeviceProperties(&p, 0));
  float* out; CK(cudaMalloc(&out, 64));
  cudaStream_t s; CK(cudaStreamCreate(&s));
  int blocks1 = p.multiProcessorCount * 8;
  // Calibrate iters so one wave takes ~50 us (warm GPU: 2 s of back-to-back work first).
  int iters = 20000;
  cudaEvent_t a, b; CK(cudaEventCreate(&a)); CK(cudaEventCreate(&b));
  auto t0 = std::chrono::steady_clock::now();
  while (std::chrono::steady_clock::now() - t0 < std::chrono::seconds(2)) { work<<<blocks1 * 10, 256, 0, s>>>(iters, out); CK(cudaStreamSynchronize(s)); }
  for (int k = 0; k < 6; ++k) {
    CK(cudaEventRecord(a, s)); work<<<blocks1 * 20, 256, 0, s>>>(iters, out); CK(cudaEventRecord(b, s)); CK(cudaEventSynchronize(b));
    float ms; CK(cudaEventElapsedTime(&ms, a, b)); double wave_us = ms * 1000.0 / 20;
    iters = (int)(iters * 50.0 / wave_us);
  }
  int blocks = blocks1 * waves;
  printf("{\"tag\":\"info\",\"gpu\":\"%s\",\"sms\":%d,\"iters\":%d,\"blocks\":%d}\n", p.name, p.multiProcessorCount, iters, blocks);
  const int N = 40;
  std::vector<cudaEvent_t> ev(N + 1);
  for (auto& ce : ev) CK(cudaEventCreate(&ce));
  auto burst = [&](const char* tag, int gap_ms, int rep) {
    if (gap_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(gap_ms));
    auto wall = std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
    CK(cudaEventRecord(ev[0], s));
    for (int i = 0; i < N; ++i) { work<<<blocks, 256, 0, s>>>(iters, out); CK(cudaEventRecord(ev[i + 1], s)); }
    CK(cudaStreamSynchronize(s));
    printf("{\"tag\":\"%s\",\"gap_ms\":%d,\"rep\":%d,\"wall_s\":%.6f,\"kernel_us\":[", tag, gap_ms, rep, wall);
    for (int i = 0; i < N; ++i) { float ms; CK(cudaEventElapsedTime(&ms, ev[i], ev[i + 1])); printf("%s%.1f", i ? "," : "", ms * 1000); }
    printf("]}\n"); fflush(stdout);
  };
  for (int r = 0; r < 3; ++r) burst("steady", 0, r);
  int gaps[] = {2, 5, 10, 20, 50, 100, 200, 400, 600, 1000, 2000};
  for (int r = 0; r < 3; ++r) for (int g : gaps) burst("after-idle", g, r);
  for (int r = 0; r < 3; ++r) burst("steady-end", 0, r);
  return 0;
}
