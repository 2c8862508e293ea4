//===- x86-peak.cpp - the CPU's measured peaks and read bandwidth ---------===//
//
// Prints, on 1..N threads, the ceilings against which compiled matmuls are
// reported:
//   - fp32 GFLOP/s of independent fused multiply-adds with the widest
//     vectors the CPU has (AVX-512, else AVX2+FMA);
//   - int8 GOP/s of independent `vpdpbusd` (AVX512-VNNI on 512 bits, else
//     AVX-VNNI on 256), when the CPU has one (a multiply and an add count
//     as two operations, as for FMA);
//   - the DRAM read bandwidth: a read-only sweep (vector loads summed into
//     a register) over a buffer of --buffer-mib (default 1024, far beyond
//     any L3), each thread reading its own contiguous share, the best of
//     five sweeps.
//
//   quench-bench-peak [--threads N] [--seconds S] [--buffer-mib M]
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

// 12 independent accumulator chains `a = OP(a, x, y)` hide the latency of
// FMA (or vpdpbusd) on two pipes; the empty asm keeps the compiler from
// folding the chains. Leaves `seconds` and the accumulators in scope.
#define QUENCH_CHAINS(V, OP, X, Y)                                                     \
  V x = X, y = Y;                                                                      \
  V a0 = x, a1 = y, a2 = x, a3 = y, a4 = x, a5 = y, a6 = x, a7 = y, a8 = x, a9 = y,    \
    a10 = x, a11 = y;                                                                  \
  auto start = Clock::now();                                                           \
  for (long i = 0; i < iterations; ++i) {                                              \
    a0 = OP(a0, x, y); a1 = OP(a1, x, y); a2 = OP(a2, x, y); a3 = OP(a3, x, y);        \
    a4 = OP(a4, x, y); a5 = OP(a5, x, y); a6 = OP(a6, x, y); a7 = OP(a7, x, y);        \
    a8 = OP(a8, x, y); a9 = OP(a9, x, y); a10 = OP(a10, x, y); a11 = OP(a11, x, y);    \
    __asm__ volatile("" : "+v"(a0), "+v"(a1), "+v"(a2), "+v"(a3), "+v"(a4), "+v"(a5)); \
    __asm__ volatile("" : "+v"(a6), "+v"(a7), "+v"(a8), "+v"(a9), "+v"(a10),           \
                     "+v"(a11));                                                       \
  }                                                                                    \
  double seconds = std::chrono::duration<double>(Clock::now() - start).count();

/// Operations per second (a multiply and an add count as two) of 12 chains
/// of an operation doing `lanes` multiply-adds; `sum` folds the chains into
/// the sink so that they stay alive.
#define QUENCH_PEAK(V, OP, X, Y, LANES)                                                \
  QUENCH_CHAINS(V, OP, X, Y)                                                           \
  V sum = a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + a11;                 \
  char bytes[sizeof sum];                                                              \
  std::memcpy(bytes, &sum, sizeof sum);                                                \
  *sink += static_cast<float>(bytes[0]);                                               \
  return 12.0 * 2 * LANES * iterations / seconds;

__attribute__((target("avx2,fma"))) double avx2(long iterations, float *sink) {
  QUENCH_PEAK(__m256, _mm256_fmadd_ps, _mm256_set1_ps(0.999f), _mm256_set1_ps(1e-4f), 8)
}

__attribute__((target("avx512f"))) double avx512(long iterations, float *sink) {
  QUENCH_PEAK(__m512, _mm512_fmadd_ps, _mm512_set1_ps(0.999f), _mm512_set1_ps(1e-4f), 16)
}

__attribute__((target("avx512f,avx512vnni"))) double vnni512(long iterations, float *sink) {
  QUENCH_PEAK(__m512i, _mm512_dpbusd_epi32, _mm512_set1_epi32(0x01020304),
              _mm512_set1_epi32(0x01010101), 64)
}

__attribute__((target("avx2,avxvnni"))) double vnni256(long iterations, float *sink) {
  QUENCH_PEAK(__m256i, _mm256_dpbusd_avx_epi32, _mm256_set1_epi32(0x01020304),
              _mm256_set1_epi32(0x01010101), 32)
}

/// Bytes per second of one read-only sweep of [begin, end).
__attribute__((target("avx2"))) double sweep(const char *begin, const char *end,
                                             float *sink) {
  __m256 s0 = _mm256_setzero_ps(), s1 = s0, s2 = s0, s3 = s0;
  auto start = Clock::now();
  for (const char *p = begin; p + 128 <= end; p += 128) {
    s0 = _mm256_add_ps(s0, _mm256_load_ps(reinterpret_cast<const float *>(p)));
    s1 = _mm256_add_ps(s1, _mm256_load_ps(reinterpret_cast<const float *>(p + 32)));
    s2 = _mm256_add_ps(s2, _mm256_load_ps(reinterpret_cast<const float *>(p + 64)));
    s3 = _mm256_add_ps(s3, _mm256_load_ps(reinterpret_cast<const float *>(p + 96)));
  }
  double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  __m256 sum = _mm256_add_ps(_mm256_add_ps(s0, s1), _mm256_add_ps(s2, s3));
  float lanes[8];
  std::memcpy(lanes, &sum, sizeof lanes);
  *sink += lanes[0];
  return (end - begin) / seconds;
}

/// Runs `fn(t)` on `threads` threads at once; returns the sum of results.
template <typename Fn>
double onThreads(unsigned threads, Fn fn) {
  std::vector<double> results(threads);
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < threads; ++t)
    pool.emplace_back([&, t] { results[t] = fn(t); });
  for (auto &th : pool)
    th.join();
  double total = 0;
  for (double r : results)
    total += r;
  return total;
}

} // namespace

int main(int argc, char **argv) {
  unsigned maxThreads = std::thread::hardware_concurrency();
  double seconds = 1.0;
  long bufferMiB = 1024;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--threads" && i + 1 < argc)
      maxThreads = std::atoi(argv[++i]);
    else if (a == "--seconds" && i + 1 < argc)
      seconds = std::atof(argv[++i]);
    else if (a == "--buffer-mib" && i + 1 < argc)
      bufferMiB = std::atol(argv[++i]);
    else {
      std::fprintf(stderr,
                   "usage: quench-bench-peak [--threads N] [--seconds S] [--buffer-mib M]\n");
      return 2;
    }
  }
  __builtin_cpu_init();
  bool has512 = __builtin_cpu_supports("avx512f");
  if (!has512 && !(__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma"))) {
    std::fprintf(stderr, "quench-bench-peak: the CPU has neither AVX-512 nor AVX2+FMA\n");
    return 1;
  }
  maxThreads = std::max(1u, maxThreads);
  auto kernel = has512 ? avx512 : avx2;
  // Calibrate the iteration count to about `seconds` on one thread.
  float sink = 0;
  long iterations = 1 << 20;
  double rate = kernel(iterations, &sink);
  iterations = static_cast<long>(rate * seconds / (12.0 * 2 * (has512 ? 16 : 8)));
  for (unsigned threads = 1; threads <= maxThreads; ++threads) {
    std::vector<float> sinks(threads);
    double total = onThreads(threads, [&](unsigned t) { return kernel(iterations, &sinks[t]); });
    std::printf("peak fp32 FMA (%s): %u thread%s %.1f GFLOP/s\n", has512 ? "AVX-512" : "AVX2",
                threads, threads == 1 ? " " : "s", total * 1e-9);
  }

  bool vnniWide = has512 && __builtin_cpu_supports("avx512vnni");
  bool vnniNarrow = __builtin_cpu_supports("avxvnni");
  if (vnniWide || vnniNarrow) {
    auto dot = vnniWide ? vnni512 : vnni256;
    long dots = 1 << 20;
    double dotRate = dot(dots, &sink);
    dots = static_cast<long>(dotRate * seconds / (12.0 * 2 * (vnniWide ? 64 : 32)));
    for (unsigned threads = 1; threads <= maxThreads; ++threads) {
      std::vector<float> sinks(threads);
      double total = onThreads(threads, [&](unsigned t) { return dot(dots, &sinks[t]); });
      std::printf("peak int8 vpdpbusd (%s): %u thread%s %.1f GOP/s\n",
                  vnniWide ? "AVX512-VNNI" : "AVX-VNNI", threads, threads == 1 ? " " : "s",
                  total * 1e-9);
    }
  }

  size_t bytes = static_cast<size_t>(bufferMiB) << 20;
  char *buffer = static_cast<char *>(std::aligned_alloc(4096, bytes));
  if (!buffer) {
    std::fprintf(stderr, "quench-bench-peak: cannot allocate %ld MiB\n", bufferMiB);
    return 1;
  }
  std::memset(buffer, 1, bytes);
  for (unsigned threads = 1; threads <= maxThreads; ++threads) {
    double best = 0;
    for (int round = 0; round < 5; ++round) {
      std::vector<float> sinks(threads);
      size_t share = bytes / threads / 128 * 128;
      best = std::max(best, onThreads(threads, [&](unsigned t) {
                        return sweep(buffer + t * share, buffer + (t + 1) * share, &sinks[t]);
                      }));
    }
    std::printf("read bandwidth (%ld MiB sweep): %u thread%s %.1f GB/s\n", bufferMiB, threads,
                threads == 1 ? " " : "s", best * 1e-9);
  }
  std::free(buffer);
  return sink == 12345.f; // keeps the results alive
}
