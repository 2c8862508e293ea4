//===- HadamardTest.cpp - Tests for randomized Hadamard rotations ---------===//

#include "ExpectInvalidArgument.h"
#include "quench/Quant/Hadamard.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <stdexcept>
#include <string>

using namespace quench::quant;

namespace {

using Floats = std::vector<float>;

Floats randomFloats(size_t n, unsigned seed) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<float> d(-1.0f, 1.0f);
  Floats v(n);
  for (auto &x : v)
    x = d(rng);
  return v;
}

/// Row-major C = A (m x k) * B (k x n), in double.
Floats matmul(const Floats &a, const Floats &b, int64_t m, int64_t k,
              int64_t n) {
  Floats c(m * n);
  for (int64_t i = 0; i < m; ++i)
    for (int64_t j = 0; j < n; ++j) {
      double acc = 0;
      for (int64_t t = 0; t < k; ++t)
        acc += double(a[i * k + t]) * b[t * n + j];
      c[i * n + j] = static_cast<float>(acc);
    }
  return c;
}

TEST(Hadamard, SplitMix64) {
  EXPECT_EQ(splitmix64(0), 0xE220A8397B1DCDAFull);
  EXPECT_EQ(splitmix64(1), 0x910A2DEC89025CC1ull);
  EXPECT_EQ(splitmix64(42), 0xBDD732262FEB6E95ull);
  EXPECT_EQ(splitmix64(~0ull), 0xE4D971771B652C20ull);
}

TEST(Hadamard, Signs) {
  EXPECT_EQ(hadamardSigns(0, 8), Floats({-1, -1, 1, -1, 1, 1, 1, -1}));
  EXPECT_EQ(hadamardSigns(7, 8), Floats({-1, 1, 1, 1, -1, -1, -1, 1}));
  EXPECT_EQ(hadamardSigns(12345, 8), Floats({1, -1, -1, -1, -1, -1, -1, 1}));
  // seed + i wraps around 2^64.
  EXPECT_EQ(hadamardSigns(~0ull, 8), Floats({1, -1, -1, 1, -1, 1, 1, 1}));
  EXPECT_TRUE(hadamardSigns(3, 0).empty());
  EXPECT_INVALID_ARG(hadamardSigns(0, -1), "length must be non-negative");
}

TEST(Hadamard, ExplicitMatrix) {
  Floats h4 = hadamardMatrix(4);
  Floats want = {1, 1, 1, 1, 1, -1, 1, -1, 1, 1, -1, -1, 1, -1, -1, 1};
  for (size_t i = 0; i < 16; ++i)
    EXPECT_EQ(h4[i], 0.5f * want[i]) << i;
  EXPECT_EQ(hadamardMatrix(1), Floats({1.0f}));
  Floats h2 = hadamardMatrix(2);
  EXPECT_FLOAT_EQ(h2[3], -0.70710678f);
}

TEST(Hadamard, Orthogonal) {
  for (int64_t n : {1, 2, 4, 8, 16, 64}) {
    Floats h = hadamardMatrix(n);
    Floats hh = matmul(h, h, n, n, n);
    for (int64_t i = 0; i < n; ++i)
      for (int64_t j = 0; j < n; ++j)
        EXPECT_NEAR(hh[i * n + j], i == j ? 1.0f : 0.0f, 1e-5) << n;
  }
}

TEST(Hadamard, FastTransformHandComputed) {
  Floats x = {1, 2, 3, 4};
  fastHadamardTransform(x.data(), 4);
  EXPECT_EQ(x, Floats({5, -1, -2, 0}));
  Floats e0 = {1, 0, 0, 0};
  fastHadamardTransform(e0.data(), 4);
  EXPECT_EQ(e0, Floats({0.5f, 0.5f, 0.5f, 0.5f}));
}

TEST(Hadamard, FastTransformMatchesMatrix) {
  for (int64_t n : {2, 4, 8, 32}) {
    Floats x = randomFloats(n, n);
    Floats want = matmul(hadamardMatrix(n), x, n, n, 1);
    Floats y = x;
    fastHadamardTransform(y.data(), n);
    for (int64_t i = 0; i < n; ++i)
      EXPECT_NEAR(y[i], want[i], 1e-5) << n;
    // H H = I.
    fastHadamardTransform(y.data(), n);
    for (int64_t i = 0; i < n; ++i)
      EXPECT_NEAR(y[i], x[i], 1e-5) << n;
  }
}

TEST(Hadamard, RotateWeightHandComputed) {
  // inner = e0 e0^T on 2x2: H e0 e0^T H = [[1,1],[1,1]] / 2, so
  // W[n][k] = b[n] * a[k] / 2 with a = signs(0) = {-1,-1}, b = signs(7) =
  // {-1, 1}.
  Floats w = rotateWeight({1, 0, 0, 0}, 2, 2, 0, 7);
  Floats want = {0.5f, 0.5f, -0.5f, -0.5f};
  for (int i = 0; i < 4; ++i)
    EXPECT_NEAR(w[i], want[i], 1e-6) << i;
  // inner = I: H I H = I, W = D_b D_a = diag(b0*a0, b1*a1).
  Floats id = rotateWeight({1, 0, 0, 1}, 2, 2, 0, 7);
  EXPECT_NEAR(id[0], 1.0f, 1e-6);
  EXPECT_NEAR(id[1], 0.0f, 1e-6);
  EXPECT_NEAR(id[2], 0.0f, 1e-6);
  EXPECT_NEAR(id[3], -1.0f, 1e-6);
}

TEST(Hadamard, RotateWeightMatchesExplicitProduct) {
  for (auto [N, K] : {std::pair<int64_t, int64_t>{4, 8}, {8, 4}, {8, 8}}) {
    Floats inner = randomFloats(N * K, N * 100 + K);
    uint64_t seedIn = 12345, seedOut = 99;
    Floats a = hadamardSigns(seedIn, K), b = hadamardSigns(seedOut, N);
    Floats da(K * K, 0.0f), db(N * N, 0.0f);
    for (int64_t i = 0; i < K; ++i)
      da[i * K + i] = a[i];
    for (int64_t i = 0; i < N; ++i)
      db[i * N + i] = b[i];
    Floats want = matmul(db, hadamardMatrix(N), N, N, N);
    want = matmul(want, inner, N, N, K);
    want = matmul(want, hadamardMatrix(K), N, K, K);
    want = matmul(want, da, N, K, K);
    Floats got = rotateWeight(inner, N, K, seedIn, seedOut);
    for (int64_t i = 0; i < N * K; ++i)
      EXPECT_NEAR(got[i], want[i], 1e-5) << N << "x" << K << " at " << i;
  }
}

TEST(Hadamard, Errors) {
  Floats x(3);
  EXPECT_INVALID_ARG(fastHadamardTransform(x.data(), 3),
                     "length must be a power of two, got 3");
  EXPECT_INVALID_ARG(fastHadamardTransform(x.data(), 0), "power of two");
  EXPECT_INVALID_ARG(hadamardMatrix(6), "size must be a power of two, got 6");
  EXPECT_INVALID_ARG(rotateWeight(Floats(12), 4, 3, 0, 0),
                     "K must be a power of two, got 3");
  EXPECT_INVALID_ARG(rotateWeight(Floats(12), 4, 4, 0, 0),
                     "inner must hold N*K = 16 values, got 12");
  EXPECT_FALSE(isPowerOfTwo(0));
  EXPECT_TRUE(isPowerOfTwo(1));
  EXPECT_TRUE(isPowerOfTwo(1024));
  EXPECT_FALSE(isPowerOfTwo(-4));
}

} // namespace
