//===- x86-peak.cpp - the CPU's measured fp32 FMA peak --------------------===//
//
// Prints the fp32 GFLOP/s of independent fused multiply-adds on 1..N threads
// with the widest vectors the CPU has (AVX-512, else AVX2+FMA): the ceiling
// against which the compiled matmuls are reported.
//
//   quench-bench-peak [--threads N] [--seconds S]
//
//===----------------------------------------------------------------------===//

#include <immintrin.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

// 12 independent accumulators hide the FMA latency on two FMA pipes; the
// empty asm keeps the compiler from folding the chains.
#define QUENCH_FMA_LOOP(V, FMA, SET, LANES)                                            \
  V x = SET(0.999f), y = SET(1e-4f);                                                   \
  V a0 = x, a1 = y, a2 = x, a3 = y, a4 = x, a5 = y, a6 = x, a7 = y, a8 = x, a9 = y,    \
    a10 = x, a11 = y;                                                                  \
  auto start = Clock::now();                                                           \
  for (long i = 0; i < iterations; ++i) {                                              \
    a0 = FMA(a0, x, y); a1 = FMA(a1, x, y); a2 = FMA(a2, x, y); a3 = FMA(a3, x, y);    \
    a4 = FMA(a4, x, y); a5 = FMA(a5, x, y); a6 = FMA(a6, x, y); a7 = FMA(a7, x, y);    \
    a8 = FMA(a8, x, y); a9 = FMA(a9, x, y); a10 = FMA(a10, x, y);                      \
    a11 = FMA(a11, x, y);                                                              \
    __asm__ volatile("" : "+v"(a0), "+v"(a1), "+v"(a2), "+v"(a3), "+v"(a4), "+v"(a5)); \
    __asm__ volatile("" : "+v"(a6), "+v"(a7), "+v"(a8), "+v"(a9), "+v"(a10),           \
                     "+v"(a11));                                                       \
  }                                                                                    \
  double seconds = std::chrono::duration<double>(Clock::now() - start).count();        \
  V sum = a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + a11;                 \
  float lanes[LANES];                                                                  \
  std::memcpy(lanes, &sum, sizeof lanes);                                              \
  *sink += lanes[0];                                                                   \
  return 12.0 * 2 * LANES * iterations / seconds;

__attribute__((target("avx2,fma"))) double avx2(long iterations, float *sink) {
  QUENCH_FMA_LOOP(__m256, _mm256_fmadd_ps, _mm256_set1_ps, 8)
}

__attribute__((target("avx512f"))) double avx512(long iterations, float *sink) {
  QUENCH_FMA_LOOP(__m512, _mm512_fmadd_ps, _mm512_set1_ps, 16)
}

} // namespace

int main(int argc, char **argv) {
  unsigned maxThreads = std::thread::hardware_concurrency();
  double seconds = 1.0;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--threads" && i + 1 < argc)
      maxThreads = std::atoi(argv[++i]);
    else if (a == "--seconds" && i + 1 < argc)
      seconds = std::atof(argv[++i]);
    else {
      std::fprintf(stderr, "usage: quench-bench-peak [--threads N] [--seconds S]\n");
      return 2;
    }
  }
  __builtin_cpu_init();
  bool has512 = __builtin_cpu_supports("avx512f");
  if (!has512 && !(__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma"))) {
    std::fprintf(stderr, "quench-bench-peak: the CPU has neither AVX-512 nor AVX2+FMA\n");
    return 1;
  }
  auto kernel = has512 ? avx512 : avx2;
  // Calibrate the iteration count to about `seconds` on one thread.
  float sink = 0;
  long iterations = 1 << 20;
  double rate = kernel(iterations, &sink);
  iterations = static_cast<long>(rate * seconds / (12.0 * 2 * (has512 ? 16 : 8)));
  for (unsigned threads = 1; threads <= std::max(1u, maxThreads); ++threads) {
    std::vector<double> rates(threads);
    std::vector<float> sinks(threads);
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < threads; ++t)
      pool.emplace_back([&, t] { rates[t] = kernel(iterations, &sinks[t]); });
    for (auto &th : pool)
      th.join();
    double total = 0;
    for (double r : rates)
      total += r;
    std::printf("peak fp32 FMA (%s): %u thread%s %.1f GFLOP/s\n", has512 ? "AVX-512" : "AVX2",
                threads, threads == 1 ? " " : "s", total * 1e-9);
  }
  return sink == 12345.f; // keeps the results alive
}
