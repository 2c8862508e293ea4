//===- Hadamard.h - Randomized Hadamard rotations ---------------*- C++ -*-===//
//
// Part of Quench. Pure C++17, no LLVM/MLIR dependency.
//
//===----------------------------------------------------------------------===//
//
// Normalized Sylvester Hadamard matrices, H_n[i][j] = (-1)^popcount(i & j) /
// sqrt(n) for n a power of two (H_n is symmetric and H_n H_n = I), and the
// seeded random sign vectors used by rotated weight formats (QuIP#-style
// incoherence processing). A rotated weight [N,K] with input seed a and
// output seed b dequantizes to
//   W = D_b H_N W_inner H_K D_a,   D = diag(hadamardSigns(seed, n)).
//
//===----------------------------------------------------------------------===//

#ifndef QUENCH_QUANT_HADAMARD_H
#define QUENCH_QUANT_HADAMARD_H

#include <cstdint>
#include <vector>

namespace quench::quant {

/// splitmix64: z = x + 0x9E3779B97F4A7C15;
///   z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
///   z = (z ^ (z >> 27)) * 0x94D049BB133111EB; return z ^ (z >> 31).
uint64_t splitmix64(uint64_t x);

/// s[i] = (splitmix64(seed + i) & 1) ? -1 : +1 for i < n (seed + i wraps
/// modulo 2^64). n >= 0.
std::vector<float> hadamardSigns(uint64_t seed, int64_t n);

/// True if n is a power of two (n >= 1).
bool isPowerOfTwo(int64_t n);

/// Explicit normalized Sylvester matrix, row-major n x n:
///   H[i][j] = (-1)^popcount(i & j) / sqrt(n).
std::vector<float> hadamardMatrix(int64_t n);

/// In place x <- H_n x in O(n log n) (butterflies (a, b) -> (a + b, a - b)
/// over strides 1, 2, ..., n/2, then scaling by 1/sqrt(n)).
void fastHadamardTransform(float *data, int64_t n);

/// W = D_b H_N W_inner H_K D_a for row-major inner [N,K]:
///   W[n][k] = b[n] * (H_N W_inner H_K)[n][k] * a[k],
///   a = hadamardSigns(seedIn, K), b = hadamardSigns(seedOut, N).
/// N and K must be powers of two.
std::vector<float> rotateWeight(const std::vector<float> &inner, int64_t N,
                                int64_t K, uint64_t seedIn, uint64_t seedOut);

} // namespace quench::quant

#endif // QUENCH_QUANT_HADAMARD_H
