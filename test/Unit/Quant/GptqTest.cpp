//===- GptqTest.cpp - RTN and GPTQ against their formulas -----------------===//

#include "quench/Quant/Gptq.h"

#include "ExpectInvalidArgument.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

using namespace quench::quant;

namespace {

// 2-bit asymmetric, by hand: range [-1, 2] -> scale 1, zero round(1) = 1;
// codes clamp(round(w) + 1, 0, 3), 0.5 rounding half to even.
TEST(Rtn, AsymmetricByHand) {
  std::vector<float> w = {-1, 0, 0.5f, 2};
  QuantizedWeight q = quantizeRtn(w.data(), 1, 4, {2, 0, false, false});
  EXPECT_EQ(q.scales, std::vector<float>{1.0f});
  EXPECT_EQ(q.zeros, std::vector<float>{1.0f});
  EXPECT_EQ(q.codes, (std::vector<uint8_t>{0, 1, 1, 3}));
  EXPECT_EQ(q.dequantize(), (std::vector<float>{-1, 0, 0, 2}));
}

// 4-bit symmetric: max |w| = 3.75 -> scale 7.5 / 15 = 0.5, zero 8; w / s =
// -7.5, 3, 0.5, 7.5 -> rounded -8, 3, 0, 8 -> codes 0, 11, 8, 16 -> 15.
TEST(Rtn, SymmetricByHand) {
  std::vector<float> w = {-3.75f, 1.5f, 0.25f, 3.75f};
  QuantizedWeight q = quantizeRtn(w.data(), 1, 4, {4, 0, true, false});
  EXPECT_EQ(q.scales, std::vector<float>{0.5f});
  EXPECT_EQ(q.zeros, std::vector<float>{8.0f});
  EXPECT_EQ(q.codes, (std::vector<uint8_t>{0, 11, 8, 15}));
  EXPECT_EQ(q.dequantize(), (std::vector<float>{-4, 1.5f, 0, 3.5f}));
}

// Groups of 2 columns: [0, 3] -> scale 1, zero 0; [-1.5, 1.5] -> scale 1,
// zero round(1.5) = 2 (half to even); -1.5 -> round(-1.5) + 2 = 0, 1.5 ->
// 2 + 2 = 4, clamped to 3.
TEST(Rtn, GroupWise) {
  std::vector<float> w = {0, 3, -1.5f, 1.5f};
  QuantizedWeight q = quantizeRtn(w.data(), 1, 4, {2, 2, false, false});
  EXPECT_EQ(q.numGroups, 2);
  EXPECT_EQ(q.groupIndex, (std::vector<int32_t>{0, 0, 1, 1}));
  EXPECT_EQ(q.scales, (std::vector<float>{1, 1}));
  EXPECT_EQ(q.zeros, (std::vector<float>{0, 2}));
  EXPECT_FALSE(std::signbit(q.zeros[0]));
  EXPECT_EQ(q.codes, (std::vector<uint8_t>{0, 3, 0, 3}));
  EXPECT_EQ(q.dequantize(), (std::vector<float>{0, 3, -2, 1}));
}

// Per tensor, 2 bits: one range over both rows, [min(0, -1), max(0, 5)] =
// [-1, 5] -> scale 2, zero round(0.5) = 0 (half to even); codes
// clamp(round(w / 2) + 0, 0, 3): -1 -> round(-0.5) = 0, 0.5 -> 0, 1 ->
// round(0.5) = 0, 2 -> 1, 3 -> round(1.5) = 2, 5 -> round(2.5) = 2.
// Per channel the second row alone would get scale 5 / 3.
TEST(Rtn, PerTensorByHand) {
  std::vector<float> w = {-1, 0.5f, 1, 2, 3, 5};
  GridOptions grid{2, 0, false, false};
  grid.perTensor = true;
  QuantizedWeight q = quantizeRtn(w.data(), 2, 3, grid);
  EXPECT_EQ(q.numGroups, 1);
  EXPECT_EQ(q.scales, (std::vector<float>{2, 2}));
  EXPECT_EQ(q.zeros, (std::vector<float>{0, 0}));
  EXPECT_EQ(q.codes, (std::vector<uint8_t>{0, 0, 0, 1, 2, 2}));
  EXPECT_EQ(q.dequantize(), (std::vector<float>{0, 0, 0, 2, 4, 4}));
  QuantizedWeight perChannel = quantizeRtn(w.data(), 2, 3, {2, 0, false, false});
  EXPECT_EQ(perChannel.scales[1], 5.0f / 3.0f);
  grid.groupSize = 3;
  EXPECT_INVALID_ARG(quantizeRtn(w.data(), 2, 3, grid), "per-tensor grid takes no group size");
}

TEST(Rtn, AllZeroRowGetsUnitRange) {
  std::vector<float> w(8, 0.0f);
  QuantizedWeight q = quantizeRtn(w.data(), 1, 8, {3, 0, false, false});
  EXPECT_FLOAT_EQ(q.scales[0], 2.0f / 7.0f); // range [-1, 1]
  for (float v : q.dequantize())
    EXPECT_EQ(v, 0.0f);
}

TEST(Rtn, BadArguments) {
  std::vector<float> w(12, 1.0f);
  EXPECT_INVALID_ARG(quantizeRtn(w.data(), 3, 4, {4, 3, false, false}), "does not divide");
  EXPECT_INVALID_ARG(quantizeRtn(w.data(), 3, 4, {1, 0, false, false}), "bits must be 2 to 8");
  EXPECT_INVALID_ARG(quantizeRtn(w.data(), 3, 4, {9, 0, false, false}), "bits must be 2 to 8");
  EXPECT_INVALID_ARG(quantizeRtn(nullptr, 3, 4, {4, 0, false, false}), "no weight");
  EXPECT_INVALID_ARG(quantizeRtn(w.data(), 0, 4, {4, 0, false, false}), "at least one row");
}

double normError(const std::vector<float> &w, const std::vector<float> &d, double p) {
  double e = 0;
  for (size_t i = 0; i < w.size(); ++i)
    e += std::pow(std::fabs(w[i] - d[i]), p);
  return e;
}

std::vector<float> randomWeight(int64_t rows, int64_t cols, unsigned seed) {
  std::mt19937 rng(seed);
  std::normal_distribution<float> normal;
  std::vector<float> w(rows * cols);
  for (float &v : w)
    v = normal(rng) * 0.05f;
  return w;
}

// The clipping search never does worse than the full range on its own
// criterion (the 2.4-norm), and with an outlier it clips.
TEST(Rtn, MseClipNeverWorse) {
  std::mt19937 rng(3);
  std::normal_distribution<float> normal;
  for (int trial = 0; trial < 20; ++trial) {
    std::vector<float> w(64);
    for (float &v : w)
      v = normal(rng);
    w[trial] = 12.0f; // an outlier
    for (bool symmetric : {false, true}) {
      QuantizedWeight plain = quantizeRtn(w.data(), 1, 64, {3, 0, symmetric, false});
      QuantizedWeight clipped = quantizeRtn(w.data(), 1, 64, {3, 0, symmetric, true});
      EXPECT_LE(normError(w, clipped.dequantize(), 2.4), normError(w, plain.dequantize(), 2.4));
    }
  }
}

// The clipping search by hand, 2 bits, w = {0, 1, 1, 1, 4}: the full range
// [0, 4] gives scale 4/3 and dequantized {0, 4/3, 4/3, 4/3, 4}, 2.4-norm
// error 3 (1/3)^2.4 = 0.215. Shrinking to [0, 4p] keeps the codes {0, 1, 1,
// 1, 3} while p > 5/8, with error 3 (4p/3 - 1)^2.4 + (4 - 4p)^2.4, least at
// 4p/3 - 1 = 4 - 4p, p = 15/16; the grid's nearest step is p = 0.94:
// scale 0.94 * 4/3, error 0.144.
TEST(Rtn, MseClipByHand) {
  std::vector<float> w = {0, 1, 1, 1, 4};
  QuantizedWeight full = quantizeRtn(w.data(), 1, 5, {2, 0, false, false});
  EXPECT_EQ(full.scales, std::vector<float>{4.0f / 3.0f});
  QuantizedWeight q = quantizeRtn(w.data(), 1, 5, {2, 0, false, true});
  EXPECT_EQ(q.scales, std::vector<float>{static_cast<float>(0.94 * 4 / 3)});
  EXPECT_EQ(q.zeros, std::vector<float>{0.0f});
  EXPECT_EQ(q.codes, (std::vector<uint8_t>{0, 1, 1, 1, 3}));
  EXPECT_NEAR(normError(w, full.dequantize(), 2.4), 0.2148, 1e-4);
  EXPECT_NEAR(normError(w, q.dequantize(), 2.4), 0.1437, 1e-4);
}

// The search against a direct evaluation of quant.py's: every shrink p =
// 1 - i/100 (i < 80) scored by the full sum |w' - w|^2.4, the first least
// one wins.
TEST(Rtn, MseClipIsTheArgmin) {
  for (int trial = 0; trial < 50; ++trial) {
    std::vector<float> w = randomWeight(1, 32, 11 + trial);
    for (float &v : w)
      v *= trial % 2 ? 20.0f : 0.2f; // magnitudes about 1 and 0.01
    w[trial % 32] *= 6;               // an outlier
    unsigned bits = 2 + trial % 3;
    double maxq = (1 << bits) - 1;
    double lo = std::min(0.0f, *std::min_element(w.begin(), w.end()));
    double hi = std::max(0.0f, *std::max_element(w.begin(), w.end()));
    float bestScale = 0;
    double bestError = INFINITY;
    for (int i = 0; i < 80; ++i) {
      double p = 1 - i / 100.0;
      float scale = static_cast<float>((p * hi - p * lo) / maxq);
      double zero = std::nearbyint(-p * lo / scale);
      double error = 0;
      for (float v : w) {
        double q = std::clamp(std::nearbyint(v / scale) + zero, 0.0, maxq);
        error += std::pow(std::fabs(scale * (q - zero) - v), 2.4);
      }
      if (error < bestError)
        bestError = error, bestScale = scale;
    }
    QuantizedWeight q = quantizeRtn(w.data(), 1, 32, {bits, 0, false, true});
    EXPECT_EQ(q.scales[0], bestScale) << "trial " << trial;
  }
}

/// X [n, k] with correlated columns, and H = 2 X^T X / n.
std::vector<double> correlatedHessian(int64_t n, int64_t k, unsigned seed) {
  std::mt19937 rng(seed);
  std::normal_distribution<float> normal;
  std::vector<float> z(n * k), mix(k * k), x(n * k, 0.0f);
  for (float &v : z)
    v = normal(rng);
  for (float &v : mix)
    v = normal(rng) * 0.3f;
  for (int64_t i = 0; i < k; ++i)
    mix[i * k + i] += 1.0f;
  for (int64_t r = 0; r < n; ++r)
    for (int64_t j = 0; j < k; ++j)
      for (int64_t i = 0; i < k; ++i)
        x[r * k + j] += z[r * k + i] * mix[i * k + j] * (1.0f + 0.1f * (j % 5));
  HessianAccumulator acc(k);
  acc.add(x.data(), n);
  return acc.hessian();
}

// The paper's OBQ step, evaluated directly: quantize column j, move its
// error onto the remaining columns F by -(w_j - q_j) [H_F^-1]_{j,:} /
// [H_F^-1]_{jj}, then drop j from F by the Gaussian-elimination update of
// H_F^-1. GPTQ (any block size) must give the same weights.
TEST(Gptq, MatchesTheObqFormula) {
  const int64_t rows = 70, cols = 6; // three of GPTQ's 32-row chunks
  std::vector<double> h = correlatedHessian(40, cols, 11);
  std::vector<float> w = randomWeight(rows, cols, 12);
  GridOptions grid{3, 0, false, false};
  QuantizedWeight rtn = quantizeRtn(w.data(), rows, cols, grid); // the row grids

  std::vector<double> expected(rows * cols);
  for (int64_t r = 0; r < rows; ++r) {
    // H^-1 by Gauss-Jordan on a copy.
    std::vector<double> a(h), inv(cols * cols, 0.0);
    for (int64_t i = 0; i < cols; ++i)
      inv[i * cols + i] = 1;
    for (int64_t p = 0; p < cols; ++p) {
      double pivot = a[p * cols + p];
      for (int64_t j = 0; j < cols; ++j) {
        a[p * cols + j] /= pivot;
        inv[p * cols + j] /= pivot;
      }
      for (int64_t i = 0; i < cols; ++i)
        if (i != p) {
          double f = a[i * cols + p];
          for (int64_t j = 0; j < cols; ++j) {
            a[i * cols + j] -= f * a[p * cols + j];
            inv[i * cols + j] -= f * inv[p * cols + j];
          }
        }
    }
    std::vector<double> row(w.begin() + r * cols, w.begin() + (r + 1) * cols);
    double s = rtn.scales[r], z = rtn.zeros[r];
    for (int64_t j = 0; j < cols; ++j) {
      double q = std::clamp(std::nearbyint(row[j] / s) + z, 0.0, 7.0);
      double deq = s * (q - z);
      expected[r * cols + j] = deq;
      double err = (row[j] - deq) / inv[j * cols + j];
      for (int64_t k = j + 1; k < cols; ++k)
        row[k] -= err * inv[j * cols + k];
      std::vector<double> next(inv);
      for (int64_t i = 0; i < cols; ++i)
        for (int64_t k = 0; k < cols; ++k)
          next[i * cols + k] -= inv[i * cols + j] * inv[j * cols + k] / inv[j * cols + j];
      inv = next;
    }
  }
  for (int64_t block : {1, 4, 128}) {
    GptqOptions options;
    options.grid = grid;
    options.dampening = 0;
    options.blockSize = block;
    std::vector<float> got =
        quantizeGptq(w.data(), rows, cols, h.data(), options).weight.dequantize();
    for (int64_t i = 0; i < rows * cols; ++i)
      EXPECT_NEAR(got[i], expected[i], 1e-6) << "block " << block << " at " << i;
  }
}

// With H = I there is nothing to compensate: GPTQ is RTN, and its reported
// loss is the objective sum (w - q)^2 / 2.
TEST(Gptq, IdentityHessianIsRtn) {
  const int64_t rows = 4, cols = 32;
  std::vector<float> w = randomWeight(rows, cols, 5);
  std::vector<double> h(cols * cols, 0.0);
  for (int64_t i = 0; i < cols; ++i)
    h[i * cols + i] = 1;
  for (int64_t group : {-1, 0, 8})
    for (bool mse : {false, true}) {
      GridOptions grid{4, std::max<int64_t>(group, 0), false, mse};
      grid.perTensor = group < 0;
      GptqOptions options;
      options.grid = grid;
      options.dampening = 0;
      GptqResult g = quantizeGptq(w.data(), rows, cols, h.data(), options);
      QuantizedWeight r = quantizeRtn(w.data(), rows, cols, grid);
      EXPECT_EQ(g.weight.codes, r.codes);
      EXPECT_EQ(g.weight.scales, r.scales);
      EXPECT_EQ(g.weight.zeros, r.zeros);
      std::vector<float> d = g.weight.dequantize();
      double objective = layerObjective(w.data(), d.data(), rows, cols, h.data());
      EXPECT_NEAR(g.loss, objective, 1e-6 * objective);
    }
}

// GPTQ's purpose: on correlated inputs its layer objective never exceeds
// RTN's with the same grid, across bits, groups, orders and clipping.
TEST(Gptq, NeverWorseThanRtn) {
  const int64_t rows = 16, cols = 64;
  for (unsigned seed = 0; seed < 3; ++seed) {
    std::vector<double> h = correlatedHessian(256, cols, 100 + seed);
    std::vector<float> w = randomWeight(rows, cols, 200 + seed);
    for (unsigned bits : {2u, 3u, 4u, 8u})
      for (int64_t group : {0, 16})
        for (int order = 0; order < 4; ++order) {
          GptqOptions options;
          options.grid = {bits, group, seed % 2 == 1, /*mseClip=*/order == 3};
          options.actOrder = order >= 1;
          options.staticGroups = order == 2 && group;
          options.blockSize = 32;
          std::vector<float> g =
              quantizeGptq(w.data(), rows, cols, h.data(), options).weight.dequantize();
          std::vector<float> r = quantizeRtn(w.data(), rows, cols, options.grid).dequantize();
          double objG = layerObjective(w.data(), g.data(), rows, cols, h.data());
          double objR = layerObjective(w.data(), r.data(), rows, cols, h.data());
          EXPECT_LT(objG, objR) << "seed " << seed << " bits " << bits << " group " << group
                                << " order " << order;
        }
  }
}

// Act-order: the first group holds the columns with the largest H_jj;
// every group has groupSize columns; codes and scales dequantize through
// groupIndex to weights on the right grid. Static groups keep groups of
// consecutive columns.
TEST(Gptq, ActOrderGroups) {
  const int64_t rows = 2, cols = 16, group = 4;
  std::vector<double> h = correlatedHessian(100, cols, 7);
  for (int64_t i = 0; i < cols; ++i) // make the order obvious
    h[i * cols + i] *= 1.0 + 0.5 * ((i * 7) % cols);
  std::vector<float> w = randomWeight(rows, cols, 8);
  GptqOptions options;
  options.grid = {4, group, false, false};
  options.actOrder = true;
  QuantizedWeight q = quantizeGptq(w.data(), rows, cols, h.data(), options).weight;
  std::vector<int> sizes(cols / group, 0);
  for (int32_t g : q.groupIndex)
    ++sizes.at(g);
  for (int s : sizes)
    EXPECT_EQ(s, group);
  std::vector<int64_t> byDiag(cols);
  for (int64_t i = 0; i < cols; ++i)
    byDiag[i] = i;
  std::stable_sort(byDiag.begin(), byDiag.end(),
                   [&](int64_t a, int64_t b) { return h[a * cols + a] > h[b * cols + b]; });
  for (int64_t j = 0; j < group; ++j)
    EXPECT_EQ(q.groupIndex[byDiag[j]], 0);

  options.staticGroups = true;
  QuantizedWeight s = quantizeGptq(w.data(), rows, cols, h.data(), options).weight;
  for (int64_t c = 0; c < cols; ++c)
    EXPECT_EQ(s.groupIndex[c], c / group);
}

TEST(Gptq, DeadColumnsAreZero) {
  const int64_t rows = 3, cols = 8;
  std::vector<double> h = correlatedHessian(50, cols, 9);
  for (int64_t i = 0; i < cols; ++i)
    h[2 * cols + i] = h[i * cols + 2] = 0; // input 2 never active
  std::vector<float> w = randomWeight(rows, cols, 10);
  GptqOptions options;
  options.grid = {4, 0, false, false};
  std::vector<float> d = quantizeGptq(w.data(), rows, cols, h.data(), options).weight.dequantize();
  for (int64_t r = 0; r < rows; ++r)
    EXPECT_EQ(d[r * cols + 2], 0.0f);
}

TEST(Gptq, Deterministic) {
  const int64_t rows = 8, cols = 48;
  std::vector<double> h = correlatedHessian(128, cols, 1);
  std::vector<float> w = randomWeight(rows, cols, 2);
  GptqOptions options;
  options.grid = {3, 16, false, true};
  options.actOrder = true;
  GptqResult a = quantizeGptq(w.data(), rows, cols, h.data(), options);
  GptqResult b = quantizeGptq(w.data(), rows, cols, h.data(), options);
  EXPECT_EQ(a.weight.codes, b.weight.codes);
  EXPECT_EQ(a.weight.scales, b.weight.scales);
  EXPECT_EQ(a.loss, b.loss);
}

// The rows are spread over threads in fixed chunks (of 32): 1, 2 or 3
// threads give the same codes, grids and loss, with a last chunk of 4 rows
// and with act-order.
TEST(Gptq, ThreadCountDoesNotMatter) {
  const int64_t rows = 100, cols = 64;
  std::vector<double> h = correlatedHessian(256, cols, 7);
  std::vector<float> w = randomWeight(rows, cols, 8);
  for (bool actOrder : {false, true}) {
    GptqOptions options;
    options.grid = {3, 16, false, actOrder};
    options.actOrder = actOrder;
    options.blockSize = 32;
    options.threads = 1;
    GptqResult one = quantizeGptq(w.data(), rows, cols, h.data(), options);
    for (unsigned threads : {2u, 3u}) {
      options.threads = threads;
      GptqResult many = quantizeGptq(w.data(), rows, cols, h.data(), options);
      EXPECT_EQ(one.weight.codes, many.weight.codes) << threads << " threads";
      EXPECT_EQ(one.weight.scales, many.weight.scales) << threads << " threads";
      EXPECT_EQ(one.weight.zeros, many.weight.zeros) << threads << " threads";
      EXPECT_EQ(one.loss, many.loss) << threads << " threads";
    }
  }
}

TEST(Gptq, BadArguments) {
  std::vector<float> w(4, 1.0f);
  std::vector<double> asym = {1, 0.5, 0.25, 1};
  std::vector<double> nan = {1, 0, 0, NAN};
  std::vector<double> indefinite = {1, 2, 2, 1};
  GptqOptions options;
  options.grid = {4, 0, false, false};
  EXPECT_INVALID_ARG(quantizeGptq(w.data(), 2, 2, asym.data(), options), "not symmetric");
  EXPECT_INVALID_ARG(quantizeGptq(w.data(), 2, 2, nan.data(), options), "NaN");
  options.dampening = 0;
  EXPECT_INVALID_ARG(quantizeGptq(w.data(), 2, 2, indefinite.data(), options),
                     "not positive definite");
  EXPECT_INVALID_ARG(quantizeGptq(w.data(), 2, 2, nullptr, options), "no Hessian");
  options.staticGroups = true;
  EXPECT_INVALID_ARG(quantizeGptq(w.data(), 2, 2, asym.data(), options), "static groups");
}

// H = 2 X^T X / n, the same in one batch or two.
TEST(Hessian, RunningMeanOfBatches) {
  const int64_t n = 10, k = 3;
  std::vector<float> x(n * k);
  for (int64_t i = 0; i < n * k; ++i)
    x[i] = static_cast<float>((i * 37) % 11) - 5.0f;
  HessianAccumulator one(k), two(k);
  one.add(x.data(), n);
  two.add(x.data(), 4);
  two.add(x.data() + 4 * k, n - 4);
  EXPECT_EQ(two.samples(), n);
  for (int64_t i = 0; i < k; ++i)
    for (int64_t j = 0; j < k; ++j) {
      double direct = 0;
      for (int64_t r = 0; r < n; ++r)
        direct += 2.0 * x[r * k + i] * x[r * k + j] / n;
      EXPECT_NEAR(one.hessian()[i * k + j], direct, 1e-12);
      EXPECT_NEAR(two.hessian()[i * k + j], direct, 1e-12);
    }
}

} // namespace
