//===- FormatsTest.cpp - Tests for weight format numerics -----------------===//

#include "ExpectInvalidArgument.h"
#include "quench/Quant/Formats.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <set>
#include <stdexcept>
#include <string>

using namespace quench::quant;

namespace {

using Floats = std::vector<float>;
using Codes = std::vector<int32_t>;
using Shape = std::vector<int64_t>;
using Vec8 = std::array<float, 8>;

void expectFloats(const Floats &got, const Floats &want) {
  ASSERT_EQ(got.size(), want.size());
  for (size_t i = 0; i < got.size(); ++i)
    EXPECT_FLOAT_EQ(got[i], want[i]) << "at " << i;
}

void expectVec8(const Vec8 &got, const Vec8 &want) {
  for (int i = 0; i < 8; ++i)
    EXPECT_EQ(got[i], want[i]) << "at " << i;
}

//===----------------------------------------------------------------------===//
// Uniform affine
//===----------------------------------------------------------------------===//

TEST(Uniform, RoundHalfToEven) {
  EXPECT_EQ(roundHalfToEven(0.5f), 0.0f);
  EXPECT_EQ(roundHalfToEven(1.5f), 2.0f);
  EXPECT_EQ(roundHalfToEven(2.5f), 2.0f);
  EXPECT_EQ(roundHalfToEven(-0.5f), 0.0f);
  EXPECT_EQ(roundHalfToEven(-1.5f), -2.0f);
  EXPECT_EQ(roundHalfToEven(-2.5f), -2.0f);
  EXPECT_EQ(roundHalfToEven(2.4f), 2.0f);
  EXPECT_EQ(roundHalfToEven(2.6f), 3.0f);
  EXPECT_EQ(roundHalfToEven(-2.6f), -3.0f);
  EXPECT_EQ(roundHalfToEven(8388609.0f), 8388609.0f);
}

TEST(Uniform, CodeRange) {
  EXPECT_EQ(uniformCodeRange(4, true), std::make_pair(-8, 7));
  EXPECT_EQ(uniformCodeRange(1, true), std::make_pair(-1, 0));
  EXPECT_EQ(uniformCodeRange(8, false), std::make_pair(0, 255));
  EXPECT_EQ(uniformCodeRange(16, true), std::make_pair(-32768, 32767));
  EXPECT_INVALID_ARG(uniformCodeRange(17, false), "bits must be in 1..16");
  EXPECT_INVALID_ARG(uniformCodeRange(0, true), "bits must be in 1..16");
}

TEST(Uniform, DequantizePerTensor) {
  expectFloats(dequantizeUniform({0, 1, 255}, {3}, {3}, {0.5f}, {128.0f}),
               {-64.0f, -63.5f, 63.5f});
  // No zero point.
  expectFloats(dequantizeUniform({-8, 0, 7}, {3}, {3}, {0.25f}),
               {-2.0f, 0.0f, 1.75f});
}

TEST(Uniform, DequantizePerChannel) {
  expectFloats(dequantizeUniform({1, 2, 3, -1, 0, 1}, {2, 3}, {1, 3},
                                 {0.5f, 2.0f}, {1.0f, -1.0f}),
               {0.0f, 0.5f, 1.0f, 0.0f, 2.0f, 4.0f});
}

TEST(Uniform, DequantizeBlockwise) {
  expectFloats(
      dequantizeUniform(Codes(8, 1), {2, 4}, {1, 2}, {1.0f, 2.0f, 3.0f, 4.0f}),
      {1, 1, 2, 2, 3, 3, 4, 4});
  // 2-D blocks [2,2] on [4,4]: scale grid [2,2].
  Floats w =
      dequantizeUniform(Codes(16, 1), {4, 4}, {2, 2}, {1.0f, 2.0f, 3.0f, 4.0f});
  expectFloats(w, {1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4});
}

TEST(Uniform, BlockScaleIndex) {
  EXPECT_EQ(blockScaleIndex(13, {4, 4}, {2, 2}), 2);
  EXPECT_EQ(blockScaleIndex(15, {2, 2, 4}, {1, 2, 2}), 3);
  EXPECT_EQ(blockScaleIndex(5, {2, 4}, {1, 4}), 1);
  EXPECT_EQ(blockScaleIndex(7, {2, 4}, {2, 4}), 0);
  EXPECT_EQ(blockScaleIndex(0, {}, {}), 0);
  EXPECT_EQ(blockScaleIndex(6, {2, 4}, {1, 2}, {1, 0, 1, 0}), 3);
  EXPECT_INVALID_ARG(blockScaleIndex(8, {2, 4}, {1, 4}), "outside shape");
}

TEST(Uniform, DequantizeGroupIndex) {
  // Act-order: column k uses group g[k].
  expectFloats(dequantizeUniform(Codes(8, 1), {2, 4}, {1, 2},
                                 {1.0f, 10.0f, 100.0f, 1000.0f}, {},
                                 {1, 0, 1, 0}),
               {10, 1, 10, 1, 1000, 100, 1000, 100});
  // Zero points follow the same index.
  expectFloats(dequantizeUniform({3, 3, 3, 3}, {1, 4}, {1, 2}, {1.0f, 2.0f},
                                 {1.0f, 2.0f}, {0, 0, 1, 1}),
               {2, 2, 2, 2});
}

TEST(Uniform, Quantize) {
  Floats x = {-1.0f, 0.25f, 0.75f, 1.25f, 100.0f, -100.0f};
  EXPECT_EQ(quantizeUniform(x, {6}, {6}, {0.5f}, 4, true),
            Codes({-2, 0, 2, 2, 7, -8}));
  EXPECT_EQ(quantizeUniform(x, {6}, {6}, {0.5f}, 4, false, {3.0f}),
            Codes({1, 3, 5, 5, 15, 0}));
  // Per-channel with zero points.
  EXPECT_EQ(quantizeUniform({0.0f, 1.0f, 0.0f, 1.0f}, {2, 2}, {1, 2},
                            {1.0f, 0.5f}, 8, false, {128.0f, 10.0f}),
            Codes({128, 129, 10, 12}));
  // Infinity clamps.
  EXPECT_EQ(quantizeUniform({INFINITY, -INFINITY}, {2}, {2}, {1.0f}, 8, false),
            Codes({255, 0}));
}

TEST(Uniform, QuantizeFloatZeroPoint) {
  // rhte(0) + 0.5 -> 0; rhte(1) + 0.5 = 1.5 -> 2.
  EXPECT_EQ(quantizeUniform({0.0f, 1.0f}, {2}, {2}, {1.0f}, 4, false, {0.5f}),
            Codes({0, 2}));
}

TEST(Uniform, RoundTrip) {
  std::mt19937 rng(5);
  std::uniform_int_distribution<int32_t> dist(-8, 7);
  Codes q(4 * 8);
  for (auto &c : q)
    c = dist(rng);
  Floats scales = {0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f, 0.7f, 0.8f};
  Floats zps = {0, 1, -1, 2, 0, 0, 3, -2};
  Floats w = dequantizeUniform(q, {4, 8}, {1, 4}, scales, zps);
  Codes back = quantizeUniform(w, {4, 8}, {1, 4}, scales, 6, true, zps);
  EXPECT_EQ(back, q);
}

TEST(Uniform, Errors) {
  EXPECT_INVALID_ARG(
      dequantizeUniform({1, 2, 3, 4, 5, 6}, {2, 3}, {1, 2}, {1.0f, 1.0f}),
      "block [1, 2] does not divide shape [2, 3]");
  EXPECT_INVALID_ARG(dequantizeUniform({1, 2, 3, 4}, {2, 2}, {1, 2}, {1.0f}),
                     "expected 2 scales");
  EXPECT_INVALID_ARG(
      dequantizeUniform({1, 2, 3, 4}, {2, 2}, {1, 2}, {1.0f, 1.0f}, {0.0f}),
      "zero points must have the scales' size 2");
  EXPECT_INVALID_ARG(dequantizeUniform({1, 2, 3}, {2, 2}, {2, 2}, {1.0f}),
                     "expected 4 codes");
  EXPECT_INVALID_ARG(dequantizeUniform({1, 2, 3, 4}, {4}, {1, 1}, {1.0f}),
                     "must have the rank of shape");
  EXPECT_INVALID_ARG(dequantizeUniform(Codes(8, 1), {2, 4}, {1, 2},
                                       Floats(4, 1.0f), {}, {0, 1, 2, 0}),
                     "group index entry 2 is outside [0, 2)");
  EXPECT_INVALID_ARG(dequantizeUniform(Codes(8, 1), {2, 4}, {1, 2},
                                       Floats(4, 1.0f), {}, {0, 1}),
                     "group index has 2 entries, expected K = 4");
  EXPECT_INVALID_ARG(
      dequantizeUniform(Codes(8, 1), {8}, {4}, Floats(2, 1.0f), {}, {0, 1}),
      "requires a rank-2");
  EXPECT_INVALID_ARG(quantizeUniform({1.0f}, {1}, {1}, {1.0f}, 0, true),
                     "bits must be in 1..16");
  EXPECT_INVALID_ARG(quantizeUniform({1.0f, 2.0f}, {1}, {1}, {1.0f}, 8, true),
                     "expected 1 values");
}

//===----------------------------------------------------------------------===//
// Lookup tables and FP8
//===----------------------------------------------------------------------===//

TEST(Lookup, Nf4Table) {
  const auto &t = nf4Table();
  EXPECT_EQ(t[0], -1.0f);
  EXPECT_EQ(t[1], -0.6961928009986877f);
  EXPECT_EQ(t[6], -0.09105003625154495f);
  EXPECT_EQ(t[7], 0.0f);
  EXPECT_EQ(t[8], 0.07958029955625534f);
  EXPECT_EQ(t[13], 0.5626170039176941f);
  EXPECT_EQ(t[14], 0.7229568362236023f);
  EXPECT_EQ(t[15], 1.0f);
  for (int i = 1; i < 16; ++i)
    EXPECT_LT(t[i - 1], t[i]);
}

TEST(Lookup, Fp4E2M1Table) {
  const auto &t = fp4E2M1Table();
  const float want[16] = {0.0f,  0.5f,  1.0f,  1.5f,  2.0f,  3.0f,
                          4.0f,  6.0f,  -0.0f, -0.5f, -1.0f, -1.5f,
                          -2.0f, -3.0f, -4.0f, -6.0f};
  for (int i = 0; i < 16; ++i)
    EXPECT_EQ(t[i], want[i]) << i;
  EXPECT_FALSE(std::signbit(t[0]));
  EXPECT_TRUE(std::signbit(t[8]));
}

TEST(Lookup, NearestTableCode) {
  const float *fp4 = fp4E2M1Table().data();
  EXPECT_EQ(nearestTableCode(0.25f, fp4, 16), 0);  // tie 0 / 0.5
  EXPECT_EQ(nearestTableCode(2.5f, fp4, 16), 4);   // tie 2 / 3
  EXPECT_EQ(nearestTableCode(5.0f, fp4, 16), 6);   // tie 4 / 6
  EXPECT_EQ(nearestTableCode(-0.25f, fp4, 16), 0); // tie +0, -0, -0.5
  EXPECT_EQ(nearestTableCode(-0.3f, fp4, 16), 9);
  EXPECT_EQ(nearestTableCode(100.0f, fp4, 16), 7);
  EXPECT_EQ(nearestTableCode(-100.0f, fp4, 16), 15);
  EXPECT_EQ(nearestTableCode(1.2f, fp4, 16), 2);
  EXPECT_EQ(nearestTableCode(NAN, fp4, 16), 0);
  const float *nf4 = nf4Table().data();
  EXPECT_EQ(nearestTableCode(0.04f, nf4, 16), 8);
  EXPECT_EQ(nearestTableCode(-0.9f, nf4, 16), 0);
  EXPECT_INVALID_ARG(nearestTableCode(0.0f, nf4, 0),
                     "table size must be in 1..256");
  EXPECT_INVALID_ARG(nearestTableCode(0.0f, nf4, 257),
                     "table size must be in 1..256");
}

TEST(Lookup, DequantizeNf4Blockwise) {
  const auto &t = nf4Table();
  expectFloats(dequantizeLookup({0, 7, 15, 13}, t.data(), 16, {2, 2}, {1, 2},
                                {2.0f, 0.5f}),
               {-2.0f, 0.0f, 0.5f, 0.28130850195884705f});
  EXPECT_INVALID_ARG(dequantizeLookup({16}, t.data(), 16, {1}, {1}, {1.0f}),
                     "code 16 is outside the table of size 16");
}

TEST(Lookup, QuantizeFp4RoundTrip) {
  const auto &t = fp4E2M1Table();
  Codes q = {0, 1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 13, 14, 15, 7};
  Floats w = dequantizeLookup(q, t.data(), 16, {2, 8}, {1, 8}, {0.5f, 3.0f});
  EXPECT_EQ(w[7], 3.0f);
  EXPECT_EQ(w[15], 18.0f);
  EXPECT_EQ(quantizeLookup(w, t.data(), 16, {2, 8}, {1, 8}, {0.5f, 3.0f}), q);
}

TEST(Fp8, E4M3FN) {
  EXPECT_EQ(decodeFp8E4M3FN(0x00), 0.0f);
  EXPECT_TRUE(std::signbit(decodeFp8E4M3FN(0x80)));
  EXPECT_EQ(decodeFp8E4M3FN(0x01), 0.001953125f); // smallest subnormal 2^-9
  EXPECT_EQ(decodeFp8E4M3FN(0x07), 0.013671875f); // 7 * 2^-9
  EXPECT_EQ(decodeFp8E4M3FN(0x08), 0.015625f);    // smallest normal 2^-6
  EXPECT_EQ(decodeFp8E4M3FN(0x38), 1.0f);
  EXPECT_EQ(decodeFp8E4M3FN(0x3C), 1.5f);
  EXPECT_EQ(decodeFp8E4M3FN(0x40), 2.0f);
  EXPECT_EQ(decodeFp8E4M3FN(0xB8), -1.0f);
  EXPECT_EQ(decodeFp8E4M3FN(0x77), 240.0f);
  EXPECT_EQ(decodeFp8E4M3FN(0x78), 256.0f);
  EXPECT_EQ(decodeFp8E4M3FN(0x7E), 448.0f);
  EXPECT_EQ(decodeFp8E4M3FN(0xFE), -448.0f);
  EXPECT_TRUE(std::isnan(decodeFp8E4M3FN(0x7F)));
  EXPECT_TRUE(std::isnan(decodeFp8E4M3FN(0xFF)));
}

TEST(Fp8, E5M2) {
  EXPECT_EQ(decodeFp8E5M2(0x00), 0.0f);
  EXPECT_EQ(decodeFp8E5M2(0x01), 1.52587890625e-05f); // 2^-16
  EXPECT_EQ(decodeFp8E5M2(0x03), 4.57763671875e-05f); // 3 * 2^-16
  EXPECT_EQ(decodeFp8E5M2(0x04), 6.103515625e-05f);   // 2^-14
  EXPECT_EQ(decodeFp8E5M2(0x3C), 1.0f);
  EXPECT_EQ(decodeFp8E5M2(0x3E), 1.5f);
  EXPECT_EQ(decodeFp8E5M2(0xC0), -2.0f);
  EXPECT_EQ(decodeFp8E5M2(0x7B), 57344.0f);
  EXPECT_EQ(decodeFp8E5M2(0x7C), INFINITY);
  EXPECT_EQ(decodeFp8E5M2(0xFC), -INFINITY);
  EXPECT_TRUE(std::isnan(decodeFp8E5M2(0x7D)));
  EXPECT_TRUE(std::isnan(decodeFp8E5M2(0x7E)));
  EXPECT_TRUE(std::isnan(decodeFp8E5M2(0xFF)));
}

TEST(Fp8, Tables) {
  auto e4 = fp8Table(Fp8Format::E4M3FN);
  auto e5 = fp8Table(Fp8Format::E5M2);
  int nan4 = 0, nan5 = 0, inf5 = 0;
  for (int b = 0; b < 256; ++b) {
    nan4 += std::isnan(e4[b]);
    nan5 += std::isnan(e5[b]);
    inf5 += std::isinf(e5[b]);
    EXPECT_FALSE(std::isinf(e4[b]));
  }
  EXPECT_EQ(nan4, 2);
  EXPECT_EQ(nan5, 6);
  EXPECT_EQ(inf5, 2);
  EXPECT_EQ(e4[0x7E], 448.0f);
  EXPECT_EQ(e5[0x7B], 57344.0f);
}

//===----------------------------------------------------------------------===//
// AQLM
//===----------------------------------------------------------------------===//

TEST(Additive, HandComputed) {
  // C0 = {{1,2},{3,4}}, C1 = {{10,20},{30,40}}; codes [2][2][2].
  Floats cb = {1, 2, 3, 4, 10, 20, 30, 40};
  Codes codes = {0, 1, 1, 0, 1, 1, 0, 0};
  expectFloats(dequantizeAdditive(codes, cb, {1.0f, 0.5f}, 2, 4, 2, 2, 1),
               {31, 42, 13, 24, 16.5f, 22, 5.5f, 11});
}

TEST(Additive, CodesAreUnsignedLowBits) {
  // One 16-bit codebook of dimension 1: entry e = e.
  Floats cb(1 << 16);
  for (int e = 0; e < (1 << 16); ++e)
    cb[e] = static_cast<float>(e);
  expectFloats(dequantizeAdditive({-1, 5, 32768}, cb, {1.0f}, 1, 3, 1, 1, 16),
               {65535.0f, 5.0f, 32768.0f});
}

TEST(Additive, Errors) {
  Floats cb = {1, 2, 3, 4, 10, 20, 30, 40};
  Codes codes = {0, 1, 1, 0, 1, 1, 0, 0};
  EXPECT_INVALID_ARG(dequantizeAdditive(codes, cb, {1, 1}, 2, 4, 3, 2, 1),
                     "vector dim 3 must divide K = 4");
  EXPECT_INVALID_ARG(dequantizeAdditive(codes, cb, {1, 1}, 2, 4, 2, 2, 2),
                     "expected 16 codebook values");
  EXPECT_INVALID_ARG(dequantizeAdditive(codes, cb, {1, 1}, 2, 4, 2, 2, 17),
                     "code bits must be in 1..16");
  EXPECT_INVALID_ARG(dequantizeAdditive(codes, cb, {1}, 2, 4, 2, 2, 1),
                     "expected 2 per-row scales");
  EXPECT_INVALID_ARG(dequantizeAdditive({0}, cb, {1, 1}, 2, 4, 2, 2, 1),
                     "expected 8 codes");
}

//===----------------------------------------------------------------------===//
// VPTQ
//===----------------------------------------------------------------------===//

TEST(Vector, HandComputed) {
  Floats c = {1, 2, 3, 4, 5, 6};
  expectFloats(dequantizeVector({2, 0}, c, 1, 4, 2), {5, 6, 1, 2});
  expectFloats(dequantizeVector({2, 0}, c, 1, 4, 2, {1, 0},
                                {0.5f, 0.5f, -1, -1}, {1, 2, 3, 4},
                                {0, 0, 0, 1}),
               {4, 10, 4.5f, 11});
  // Two rows, scale only.
  expectFloats(dequantizeVector({0, 1, 1, 2}, c, 2, 4, 2, {}, {}, {2, 2, 2, 2}),
               {2, 4, 6, 8, 6, 8, 10, 12});
}

TEST(Vector, Errors) {
  Floats c = {1, 2, 3, 4, 5, 6};
  EXPECT_INVALID_ARG(dequantizeVector({3, 0}, c, 1, 4, 2),
                     "index 3 is outside [0, 3)");
  EXPECT_INVALID_ARG(dequantizeVector({0, 0}, c, 1, 4, 3),
                     "vector length 3 must divide K = 4");
  EXPECT_INVALID_ARG(dequantizeVector({0, 0}, c, 1, 4, 2, {0, 0}),
                     "must be given together");
  EXPECT_INVALID_ARG(dequantizeVector({0, 0}, c, 1, 4, 2, {0, 2}, {1, 1}),
                     "residual index 2 is outside [0, 1)");
  EXPECT_INVALID_ARG(dequantizeVector({0, 0}, c, 1, 4, 2, {}, {}, {1, 1}),
                     "column scale must have K = 4 entries");
  EXPECT_INVALID_ARG(dequantizeVector({0, 0}, c, 1, 4, 2, {}, {}, {}, {1}),
                     "column bias must have K = 4 entries");
  EXPECT_INVALID_ARG(dequantizeVector({0}, c, 1, 4, 2), "expected 2 indices");
}

//===----------------------------------------------------------------------===//
// E8P
//===----------------------------------------------------------------------===//

/// E8 = D8 u (D8 + 1/2): all-integer or all-half-odd coordinates, even sum.
bool isInE8(const Vec8 &x) {
  bool allInt = true, allHalf = true;
  double sum = 0;
  for (float v : x) {
    double twice = 2.0 * v;
    if (twice != std::floor(twice))
      return false;
    long t = static_cast<long>(twice);
    allInt &= (t % 2 == 0);
    allHalf &= (t % 2 != 0);
    sum += v;
  }
  if (!allInt && !allHalf)
    return false;
  return std::fmod(std::fabs(sum), 2.0) == 0.0;
}

TEST(E8P, AbsGridShapeAndOrder) {
  const auto &g = e8pAbsGrid();
  ASSERT_EQ(g.size(), 256u);
  const float h = 0.5f, t = 1.5f, f = 2.5f;
  expectVec8(g[0], {h, h, h, h, h, h, h, h});
  expectVec8(g[1], {h, h, h, h, h, h, h, t});
  expectVec8(g[2], {h, h, h, h, h, h, h, f});
  expectVec8(g[3], {h, h, h, h, h, h, t, h});
  expectVec8(g[4], {h, h, h, h, h, h, t, t});
  expectVec8(g[5], {h, h, h, h, h, h, t, f});
  expectVec8(g[226], {f, t, h, h, h, h, h, h});
  expectVec8(g[227], {t, h, h, h, t, t, t, t});
  expectVec8(g[254], {h, h, t, t, h, t, t, t});
  expectVec8(g[255], {t, t, h, h, t, t, t, h});
}

TEST(E8P, AbsGridProperties) {
  const auto &g = e8pAbsGrid();
  std::set<Vec8> distinct(g.begin(), g.end());
  EXPECT_EQ(distinct.size(), 256u);
  for (size_t i = 0; i < g.size(); ++i) {
    float norm = 0;
    for (float v : g[i]) {
      EXPECT_GT(v, 0.0f);
      norm += v * v;
    }
    if (i < 227) {
      EXPECT_LE(norm, 10.0f) << i;
    } else {
      EXPECT_EQ(norm, 12.0f) << i;
    }
    if (i > 0 && i < 227) {
      EXPECT_TRUE(g[i - 1] < g[i]) << "not lexicographic at " << i;
    }
  }
}

TEST(E8P, ParityAdjustedGrid) {
  const auto &a = e8pParityAdjustedGrid();
  EXPECT_EQ(a[0][7], 0.5f);    // sum 4, even
  EXPECT_EQ(a[1][7], -1.5f);   // sum 5, odd
  EXPECT_EQ(a[226][7], -0.5f); // sum 7, odd
  EXPECT_EQ(a[227][7], -1.5f); // sum 9, odd
}

TEST(E8P, HandDecodedCodes) {
  expectVec8(decodeE8P(0x0000),
             {.75f, .75f, .75f, .75f, .75f, .75f, .75f, .75f});
  // Odd popcount: shift -1/4, bit 0 toggled back off.
  expectVec8(decodeE8P(0x0001),
             {.25f, .25f, .25f, .25f, .25f, .25f, .25f, .25f});
  // Bits 0 and 1 -> weights 0 and 2.
  expectVec8(decodeE8P(0x0003),
             {-.25f, .75f, -.25f, .75f, .75f, .75f, .75f, .75f});
  // Bit 4 -> weight 1; parity adds bit 0 -> weight 0.
  expectVec8(decodeE8P(0x0010),
             {-.75f, -.75f, .25f, .25f, .25f, .25f, .25f, .25f});
  // Row 1 has an odd sum: weight 7 is negated.
  expectVec8(decodeE8P(0x0100),
             {.75f, .75f, .75f, .75f, .75f, .75f, .75f, -1.25f});
  expectVec8(decodeE8P(0x0180),
             {-.75f, .25f, .25f, .25f, .25f, .25f, .25f, 1.25f});
  expectVec8(decodeE8P(0xE2FF),
             {-2.25f, -1.25f, -.25f, -.25f, -.25f, -.25f, -.25f, .75f});
  expectVec8(decodeE8P(0xE300),
             {1.75f, .75f, .75f, .75f, 1.75f, 1.75f, 1.75f, -1.25f});
}

TEST(E8P, EveryCodeIsInShiftedE8) {
  const auto &g = e8pAbsGrid();
  std::set<Vec8> seen;
  for (uint32_t c = 0; c < (1u << 16); ++c) {
    Vec8 v = decodeE8P(static_cast<uint16_t>(c));
    seen.insert(v);
    bool oddByte = false;
    for (uint32_t b = c & 0xFFu; b; b >>= 1)
      oddByte ^= (b & 1u) != 0;
    float shift = oddByte ? -0.25f : 0.25f;
    Vec8 x;
    for (int i = 0; i < 8; ++i)
      x[i] = v[i] - shift;
    ASSERT_TRUE(isInE8(x)) << "code " << c;
    // The unshifted point is in D8 + 1/2 and its magnitudes are row c >> 8.
    for (int i = 0; i < 8; ++i)
      ASSERT_EQ(std::fabs(x[i]), g[c >> 8][i]) << "code " << c;
  }
  EXPECT_EQ(seen.size(), 65536u); // the code is a bijection onto its image
}

TEST(E8P, Dequantize) {
  expectFloats(dequantizeE8P({0x0000, 0x0001}, 2.0f, 1, 16),
               {1.5f, 1.5f, 1.5f, 1.5f, 1.5f, 1.5f, 1.5f, 1.5f, 0.5f, 0.5f,
                0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f});
  EXPECT_INVALID_ARG(dequantizeE8P({0}, 1.0f, 1, 12), "K a multiple of 8");
  EXPECT_INVALID_ARG(dequantizeE8P({0}, 1.0f, 2, 8), "expected 2 codes");
}

TEST(E8P, QuipSharpPackingHandComputed) {
  // N = 16, K = 64: 8 code columns, 32 words.
  std::vector<uint16_t> codes(16 * 8, 0);
  codes[0 * 8 + 0] = 0xABCD; // word 0, slot 0
  codes[1 * 8 + 0] = 0x0102; // word 0, slot 1
  codes[2 * 8 + 2] = 0x0201; // word 5, slot 0
  codes[0 * 8 + 7] = 0x0380; // word 3, slot 2
  std::vector<int64_t> p = packQuipSharpE8P(codes, 16, 64);
  ASSERT_EQ(p.size(), 32u);
  EXPECT_EQ(static_cast<uint64_t>(p[0]),
            0x11001101000000ABull | 0x0000002000000100ull);
  EXPECT_EQ(static_cast<uint64_t>(p[5]), 0x0000000100000002ull);
  EXPECT_EQ(static_cast<uint64_t>(p[3]), 0x4000000000030000ull);
  for (size_t w = 0; w < p.size(); ++w) {
    if (w != 0 && w != 3 && w != 5) {
      EXPECT_EQ(p[w], 0) << w;
    }
  }
  EXPECT_EQ(unpackQuipSharpE8P(p, 16, 64), codes);
}

TEST(E8P, QuipSharpPackingBlocks) {
  // N = 32, K = 128: 16 code columns (2 column blocks), 2 row blocks.
  std::vector<uint16_t> codes(32 * 16, 0);
  codes[0 * 16 + 8] = 0x0100;  // (A=0, B=1) -> word 32, slot 0
  codes[17 * 16 + 0] = 0xFF00; // (A=1, B=0) -> word 64, slot 1
  std::vector<int64_t> p = packQuipSharpE8P(codes, 32, 128);
  ASSERT_EQ(p.size(), 128u);
  EXPECT_EQ(p[32], 0x01);
  EXPECT_EQ(p[64], 0xFF00);
  EXPECT_EQ(unpackQuipSharpE8P(p, 32, 128), codes);
}

TEST(E8P, QuipSharpPackingRoundTrip) {
  std::mt19937 rng(11);
  std::vector<uint16_t> codes(32 * 24);
  for (auto &c : codes)
    c = static_cast<uint16_t>(rng());
  std::vector<int64_t> p = packQuipSharpE8P(codes, 32, 192);
  EXPECT_EQ(unpackQuipSharpE8P(p, 32, 192), codes);
  EXPECT_INVALID_ARG(packQuipSharpE8P(codes, 24, 256), "N % 16 == 0");
  EXPECT_INVALID_ARG(unpackQuipSharpE8P(p, 32, 64), "expected 64 packed words");
}

//===----------------------------------------------------------------------===//
// Sparse and low-rank corrections
//===----------------------------------------------------------------------===//

TEST(Sparse, AddCsr) {
  expectFloats(
      addCsr(Floats(6, 1.0f), 2, 3, {0, 2, 3}, {0, 2, 1}, {10, 20, 30}),
      {11, 1, 21, 1, 31, 1});
  // Duplicates accumulate; empty rows are fine.
  expectFloats(addCsr(Floats(6, 1.0f), 2, 3, {0, 2, 2}, {1, 1}, {1, 2}),
               {1, 4, 1, 1, 1, 1});
  EXPECT_INVALID_ARG(addCsr(Floats(6), 2, 3, {0, 1}, {0}, {1}),
                     "rowPtr must have N+1 = 3 entries");
  EXPECT_INVALID_ARG(addCsr(Floats(6), 2, 3, {0, 1, 1}, {3}, {1}),
                     "column index 3 is outside [0, 3)");
  EXPECT_INVALID_ARG(addCsr(Floats(6), 2, 3, {0, 2, 1}, {0}, {1}),
                     "non-decreasing");
  EXPECT_INVALID_ARG(addCsr(Floats(6), 2, 3, {0, 1, 2}, {0}, {1}),
                     "nnz = rowPtr[N] = 2");
  EXPECT_INVALID_ARG(addCsr(Floats(6), 2, 3, {1, 1, 2}, {0}, {1}),
                     "rowPtr[0] must be 0");
}

TEST(Sparse, ReplaceColumns) {
  expectFloats(replaceColumns(Floats(6, 0.0f), 2, 3, {2, 0}, {5, 6, 7, 8}),
               {6, 0, 5, 8, 0, 7});
  EXPECT_INVALID_ARG(replaceColumns(Floats(6), 2, 3, {1, 1}, {0, 0, 0, 0}),
                     "column 1 is listed twice");
  EXPECT_INVALID_ARG(replaceColumns(Floats(6), 2, 3, {3}, {0, 0}),
                     "column 3 is outside [0, 3)");
  EXPECT_INVALID_ARG(replaceColumns(Floats(6), 2, 3, {0}, {0}),
                     "values must be [N][J] = 2");
}

TEST(Sparse, BitStack) {
  // Level 0: u = 2, v = {1,2,3}, k = 1 negative; level 1: u = 1, v = 10s,
  // k = 0 and 2 negative.
  expectFloats(dequantizeBitStack({0x02, 0x05}, {2, 1}, {1, 2, 3, 10, 10, 10},
                                  2, 1, 3, 1),
               {-8, 6, -4});
  // K = 9 needs two sign bytes per row; bit 0 of byte 1 is k = 8.
  expectFloats(
      dequantizeBitStack({0x00, 0x01}, {1}, Floats(9, 1.0f), 1, 1, 9, 1),
      {1, 1, 1, 1, 1, 1, 1, 1, -1});
  // Rank 2, two rows: W = U V with signs.
  expectFloats(
      dequantizeBitStack({0x00, 0x03}, {1, 2, 3, 4}, {1, 0, 0, 1}, 1, 2, 2, 2),
      {1, 2, -3, -4});
  EXPECT_INVALID_ARG(
      dequantizeBitStack({0x00}, {1}, Floats(9, 1.0f), 1, 1, 9, 1),
      "signs must be [L][N][ceil(K/8)] = 2 bytes");
  EXPECT_INVALID_ARG(
      dequantizeBitStack({0x00}, {1, 1}, Floats(3, 1.0f), 1, 1, 3, 1),
      "u must be [L][N][r] = 1");
}

} // namespace
