//===- Hadamard.cpp - Randomized Hadamard rotations -----------------------===//
//
// Part of Quench. Pure C++17, no LLVM/MLIR dependency.
//
//===----------------------------------------------------------------------===//

#include "quench/Quant/Hadamard.h"

#include <cmath>
#include <stdexcept>
#include <string>

using namespace quench::quant;

uint64_t quench::quant::splitmix64(uint64_t x) {
  uint64_t z = x + 0x9E3779B97F4A7C15ull;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

std::vector<float> quench::quant::hadamardSigns(uint64_t seed, int64_t n) {
  if (n < 0)
    throw std::invalid_argument(
        "hadamardSigns: length must be non-negative, got " + std::to_string(n));
  std::vector<float> s(n);
  for (int64_t i = 0; i < n; ++i)
    s[i] = (splitmix64(seed + static_cast<uint64_t>(i)) & 1u) ? -1.0f : 1.0f;
  return s;
}

bool quench::quant::isPowerOfTwo(int64_t n) {
  return n >= 1 && (n & (n - 1)) == 0;
}

/// popcount(x) & 1.
static bool parity(uint64_t x) {
  bool p = false;
  for (; x; x &= x - 1)
    p = !p;
  return p;
}

static void checkPowerOfTwo(int64_t n, const char *fn, const char *what) {
  if (!isPowerOfTwo(n))
    throw std::invalid_argument(std::string(fn) + ": " + what +
                                " must be a power of two, got " +
                                std::to_string(n));
}

std::vector<float> quench::quant::hadamardMatrix(int64_t n) {
  checkPowerOfTwo(n, "hadamardMatrix", "size");
  float inv = 1.0f / std::sqrt(static_cast<float>(n));
  std::vector<float> h(n * n);
  for (int64_t i = 0; i < n; ++i)
    for (int64_t j = 0; j < n; ++j)
      h[i * n + j] = parity(static_cast<uint64_t>(i & j)) ? -inv : inv;
  return h;
}

void quench::quant::fastHadamardTransform(float *data, int64_t n) {
  checkPowerOfTwo(n, "fastHadamardTransform", "length");
  if (!data)
    throw std::invalid_argument("fastHadamardTransform: data is null");
  // Stage with stride h pairs x[i] and x[i+h] for i whose bit h is clear;
  // after all stages x = H_unnormalized x, since H_2n = [[H, H], [H, -H]].
  for (int64_t h = 1; h < n; h <<= 1)
    for (int64_t i = 0; i < n; i += 2 * h)
      for (int64_t j = i; j < i + h; ++j) {
        float a = data[j], b = data[j + h];
        data[j] = a + b;
        data[j + h] = a - b;
      }
  float inv = 1.0f / std::sqrt(static_cast<float>(n));
  for (int64_t i = 0; i < n; ++i)
    data[i] *= inv;
}

std::vector<float> quench::quant::rotateWeight(const std::vector<float> &inner,
                                               int64_t N, int64_t K,
                                               uint64_t seedIn,
                                               uint64_t seedOut) {
  checkPowerOfTwo(N, "rotateWeight", "N");
  checkPowerOfTwo(K, "rotateWeight", "K");
  if (static_cast<int64_t>(inner.size()) != N * K)
    throw std::invalid_argument(
        "rotateWeight: inner must hold N*K = " + std::to_string(N * K) +
        " values, got " + std::to_string(inner.size()));
  std::vector<float> w = inner;
  // Right factor: (W H_K) row n = H_K w_n (H symmetric).
  for (int64_t n = 0; n < N; ++n)
    fastHadamardTransform(w.data() + n * K, K);
  // Left factor: H_N (W H_K), one column at a time.
  std::vector<float> col(N);
  for (int64_t k = 0; k < K; ++k) {
    for (int64_t n = 0; n < N; ++n)
      col[n] = w[n * K + k];
    fastHadamardTransform(col.data(), N);
    for (int64_t n = 0; n < N; ++n)
      w[n * K + k] = col[n];
  }
  std::vector<float> a = hadamardSigns(seedIn, K),
                     b = hadamardSigns(seedOut, N);
  for (int64_t n = 0; n < N; ++n)
    for (int64_t k = 0; k < K; ++k)
      w[n * K + k] *= b[n] * a[k];
  return w;
}
