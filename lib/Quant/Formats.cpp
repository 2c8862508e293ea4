//===- Formats.cpp - Dequantization semantics of weight formats -----------===//
//
// Part of Quench. Pure C++17, no LLVM/MLIR dependency.
//
//===----------------------------------------------------------------------===//

#include "quench/Quant/Formats.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

using namespace quench::quant;

namespace {

[[noreturn]] void fail(const char *fn, const std::string &msg) {
  throw std::invalid_argument(std::string(fn) + ": " + msg);
}

std::string str(int64_t v) { return std::to_string(v); }

std::string shapeStr(const std::vector<int64_t> &s) {
  std::string r = "[";
  for (size_t i = 0; i < s.size(); ++i)
    r += (i ? ", " : "") + str(s[i]);
  return r + "]";
}

/// Validated block-wise scale indexing (see blockScaleIndex).
struct BlockIndexer {
  std::vector<int64_t> shape, block, groupIndex;
  int64_t numElements = 1;
  int64_t numScales = 1;

  BlockIndexer(const std::vector<int64_t> &shape,
               const std::vector<int64_t> &block,
               const std::vector<int64_t> &groupIndex, const char *fn)
      : shape(shape), block(block), groupIndex(groupIndex) {
    if (block.size() != shape.size())
      fail(fn, "block " + shapeStr(block) + " must have the rank of shape " +
                   shapeStr(shape));
    for (size_t d = 0; d < shape.size(); ++d) {
      if (shape[d] <= 0)
        fail(fn, "shape " + shapeStr(shape) + " must have positive dims");
      if (block[d] <= 0 || shape[d] % block[d] != 0)
        fail(fn, "block " + shapeStr(block) + " does not divide shape " +
                     shapeStr(shape));
      numElements *= shape[d];
      numScales *= shape[d] / block[d];
    }
    if (!groupIndex.empty()) {
      if (shape.size() != 2)
        fail(fn, "group index requires a rank-2 [N, K] shape, got " +
                     shapeStr(shape));
      if (static_cast<int64_t>(groupIndex.size()) != shape[1])
        fail(fn, "group index has " + str(groupIndex.size()) +
                     " entries, expected K = " + str(shape[1]));
      int64_t groups = shape[1] / block[1];
      for (int64_t g : groupIndex)
        if (g < 0 || g >= groups)
          fail(fn, "group index entry " + str(g) + " is outside [0, " +
                       str(groups) + ")");
    }
  }

  /// sidx[d] = idx[d] / B[d] (or (idx0/B0, g[idx1])), flattened over S/B.
  int64_t scaleIndex(int64_t flat) const {
    if (!groupIndex.empty()) {
      int64_t n = flat / shape[1], k = flat % shape[1];
      return (n / block[0]) * (shape[1] / block[1]) + groupIndex[k];
    }
    int64_t result = 0, stride = 1;
    for (size_t d = shape.size(); d-- > 0;) {
      int64_t idx = flat % shape[d];
      flat /= shape[d];
      result += (idx / block[d]) * stride;
      stride *= shape[d] / block[d];
    }
    return result;
  }
};

void checkScales(const BlockIndexer &ix, const std::vector<float> &scales,
                 const std::vector<float> *zeroPoints, const char *fn) {
  if (static_cast<int64_t>(scales.size()) != ix.numScales)
    fail(fn, "expected " + str(ix.numScales) + " scales for shape " +
                 shapeStr(ix.shape) + " and block " + shapeStr(ix.block) +
                 ", got " + str(scales.size()));
  if (zeroPoints && !zeroPoints->empty() && zeroPoints->size() != scales.size())
    fail(fn, "zero points must have the scales' size " + str(scales.size()) +
                 ", got " + str(zeroPoints->size()));
}

} // namespace

//===----------------------------------------------------------------------===//
// Uniform affine
//===----------------------------------------------------------------------===//

float quench::quant::roundHalfToEven(float x) {
  if (!std::isfinite(x))
    return x;
  float lo = std::floor(x);
  float diff = x - lo; // exact for floats: lo and x share the exponent range
  if (diff > 0.5f)
    return lo + 1.0f;
  if (diff < 0.5f)
    return lo;
  return std::fmod(lo, 2.0f) == 0.0f ? lo : lo + 1.0f;
}

std::pair<int32_t, int32_t> quench::quant::uniformCodeRange(unsigned bits,
                                                            bool isSigned) {
  if (bits < 1 || bits > 16)
    fail("uniformCodeRange", "bits must be in 1..16, got " + str(bits));
  if (isSigned)
    return {-(1 << (bits - 1)), (1 << (bits - 1)) - 1};
  return {0, (1 << bits) - 1};
}

int64_t quench::quant::blockScaleIndex(int64_t flat,
                                       const std::vector<int64_t> &shape,
                                       const std::vector<int64_t> &block,
                                       const std::vector<int64_t> &groupIndex) {
  BlockIndexer ix(shape, block, groupIndex, "blockScaleIndex");
  if (flat < 0 || flat >= ix.numElements)
    fail("blockScaleIndex",
         "element " + str(flat) + " is outside shape " + shapeStr(shape));
  return ix.scaleIndex(flat);
}

std::vector<float> quench::quant::dequantizeUniform(
    const std::vector<int32_t> &codes, const std::vector<int64_t> &shape,
    const std::vector<int64_t> &block, const std::vector<float> &scales,
    const std::vector<float> &zeroPoints,
    const std::vector<int64_t> &groupIndex) {
  const char *fn = "dequantizeUniform";
  BlockIndexer ix(shape, block, groupIndex, fn);
  checkScales(ix, scales, &zeroPoints, fn);
  if (static_cast<int64_t>(codes.size()) != ix.numElements)
    fail(fn, "expected " + str(ix.numElements) + " codes for shape " +
                 shapeStr(shape) + ", got " + str(codes.size()));
  std::vector<float> out(codes.size());
  for (int64_t i = 0; i < ix.numElements; ++i) {
    int64_t si = ix.scaleIndex(i);
    float z = zeroPoints.empty() ? 0.0f : zeroPoints[si];
    out[i] = (static_cast<float>(codes[i]) - z) * scales[si];
  }
  return out;
}

std::vector<int32_t> quench::quant::quantizeUniform(
    const std::vector<float> &values, const std::vector<int64_t> &shape,
    const std::vector<int64_t> &block, const std::vector<float> &scales,
    unsigned bits, bool isSigned, const std::vector<float> &zeroPoints,
    const std::vector<int64_t> &groupIndex) {
  const char *fn = "quantizeUniform";
  if (bits < 1 || bits > 16)
    fail(fn, "bits must be in 1..16, got " + str(bits));
  auto [qmin, qmax] = uniformCodeRange(bits, isSigned);
  BlockIndexer ix(shape, block, groupIndex, fn);
  checkScales(ix, scales, &zeroPoints, fn);
  if (static_cast<int64_t>(values.size()) != ix.numElements)
    fail(fn, "expected " + str(ix.numElements) + " values for shape " +
                 shapeStr(shape) + ", got " + str(values.size()));
  std::vector<int32_t> out(values.size());
  for (int64_t i = 0; i < ix.numElements; ++i) {
    int64_t si = ix.scaleIndex(i);
    float z = zeroPoints.empty() ? 0.0f : zeroPoints[si];
    float r = roundHalfToEven(values[i] / scales[si]);
    if (std::isnan(r))
      r = 0.0f;
    // Clamp in double before converting so huge values / inf cannot overflow.
    double q = static_cast<double>(roundHalfToEven(r + z));
    if (std::isnan(q))
      q = 0.0;
    q = std::min<double>(std::max<double>(q, qmin), qmax);
    out[i] = static_cast<int32_t>(q);
  }
  return out;
}

//===----------------------------------------------------------------------===//
// Lookup tables
//===----------------------------------------------------------------------===//

const std::array<float, 16> &quench::quant::nf4Table() {
  static const std::array<float, 16> table = {-1.0f,
                                              -0.6961928009986877f,
                                              -0.5250730514526367f,
                                              -0.39491748809814453f,
                                              -0.28444138169288635f,
                                              -0.18477343022823334f,
                                              -0.09105003625154495f,
                                              0.0f,
                                              0.07958029955625534f,
                                              0.16093020141124725f,
                                              0.24611230194568634f,
                                              0.33791524171829224f,
                                              0.44070982933044434f,
                                              0.5626170039176941f,
                                              0.7229568362236023f,
                                              1.0f};
  return table;
}

const std::array<float, 16> &quench::quant::fp4E2M1Table() {
  // Magnitude of code c (c < 8): e = c >> 1, m = c & 1;
  //   e == 0 ? m * 0.5 : (1 + m/2) * 2^(e-1).
  static const std::array<float, 16> table = [] {
    std::array<float, 16> t{};
    for (int c = 0; c < 16; ++c) {
      int e = (c >> 1) & 3;
      float m = static_cast<float>(c & 1);
      float mag = e == 0 ? 0.5f * m : std::ldexp(1.0f + 0.5f * m, e - 1);
      t[c] = (c & 8) ? -mag : mag;
    }
    return t;
  }();
  return table;
}

uint8_t quench::quant::nearestTableCode(float x, const float *table, size_t n) {
  if (!table)
    fail("nearestTableCode", "table is null");
  if (n < 1 || n > 256)
    fail("nearestTableCode", "table size must be in 1..256, got " + str(n));
  if (std::isnan(x))
    return 0;
  size_t best = 0;
  double bestDist = std::numeric_limits<double>::infinity();
  for (size_t i = 0; i < n; ++i) {
    double d = std::fabs(static_cast<double>(x) - table[i]);
    if (d < bestDist) { // strict: ties keep the lower code
      bestDist = d;
      best = i;
    }
  }
  return static_cast<uint8_t>(best);
}

std::vector<float> quench::quant::dequantizeLookup(
    const std::vector<int32_t> &codes, const float *table, size_t tableSize,
    const std::vector<int64_t> &shape, const std::vector<int64_t> &block,
    const std::vector<float> &scales) {
  const char *fn = "dequantizeLookup";
  if (!table || tableSize == 0)
    fail(fn, "table is empty");
  BlockIndexer ix(shape, block, {}, fn);
  checkScales(ix, scales, nullptr, fn);
  if (static_cast<int64_t>(codes.size()) != ix.numElements)
    fail(fn, "expected " + str(ix.numElements) + " codes for shape " +
                 shapeStr(shape) + ", got " + str(codes.size()));
  std::vector<float> out(codes.size());
  for (int64_t i = 0; i < ix.numElements; ++i) {
    int32_t q = codes[i];
    if (q < 0 || static_cast<size_t>(q) >= tableSize)
      fail(fn, "code " + str(q) + " is outside the table of size " +
                   str(tableSize));
    out[i] = table[q] * scales[ix.scaleIndex(i)];
  }
  return out;
}

std::vector<int32_t> quench::quant::quantizeLookup(
    const std::vector<float> &values, const float *table, size_t tableSize,
    const std::vector<int64_t> &shape, const std::vector<int64_t> &block,
    const std::vector<float> &scales) {
  const char *fn = "quantizeLookup";
  if (!table || tableSize == 0 || tableSize > 256)
    fail(fn, "table size must be in 1..256, got " + str(tableSize));
  BlockIndexer ix(shape, block, {}, fn);
  checkScales(ix, scales, nullptr, fn);
  if (static_cast<int64_t>(values.size()) != ix.numElements)
    fail(fn, "expected " + str(ix.numElements) + " values for shape " +
                 shapeStr(shape) + ", got " + str(values.size()));
  std::vector<int32_t> out(values.size());
  for (int64_t i = 0; i < ix.numElements; ++i)
    out[i] = nearestTableCode(values[i] / scales[ix.scaleIndex(i)], table,
                              tableSize);
  return out;
}

float quench::quant::decodeFp8E4M3FN(uint8_t bits) {
  float sign = (bits & 0x80) ? -1.0f : 1.0f;
  int e = (bits >> 3) & 0xF, m = bits & 0x7;
  if (e == 0xF && m == 0x7)
    return std::numeric_limits<float>::quiet_NaN();
  if (e == 0)
    return sign * std::ldexp(static_cast<float>(m), -9); // m/8 * 2^-6
  return sign * std::ldexp(1.0f + static_cast<float>(m) / 8.0f, e - 7);
}

float quench::quant::decodeFp8E5M2(uint8_t bits) {
  float sign = (bits & 0x80) ? -1.0f : 1.0f;
  int e = (bits >> 2) & 0x1F, m = bits & 0x3;
  if (e == 0x1F)
    return m == 0 ? sign * std::numeric_limits<float>::infinity()
                  : std::numeric_limits<float>::quiet_NaN();
  if (e == 0)
    return sign * std::ldexp(static_cast<float>(m), -16); // m/4 * 2^-14
  return sign * std::ldexp(1.0f + static_cast<float>(m) / 4.0f, e - 15);
}

std::array<float, 256> quench::quant::fp8Table(Fp8Format format) {
  std::array<float, 256> t{};
  for (int b = 0; b < 256; ++b)
    t[b] = format == Fp8Format::E4M3FN ? decodeFp8E4M3FN(uint8_t(b))
                                       : decodeFp8E5M2(uint8_t(b));
  return t;
}

//===----------------------------------------------------------------------===//
// AQLM
//===----------------------------------------------------------------------===//

std::vector<float> quench::quant::dequantizeAdditive(
    const std::vector<int32_t> &codes, const std::vector<float> &codebooks,
    const std::vector<float> &scales, int64_t N, int64_t K, int64_t groupSize,
    int64_t numCodebooks, unsigned codeBits) {
  const char *fn = "dequantizeAdditive";
  if (N <= 0 || K <= 0)
    fail(fn,
         "weight shape must be positive, got [" + str(N) + ", " + str(K) + "]");
  if (groupSize <= 0 || K % groupSize != 0)
    fail(fn, "vector dim " + str(groupSize) + " must divide K = " + str(K));
  if (numCodebooks <= 0)
    fail(fn, "number of codebooks must be positive, got " + str(numCodebooks));
  if (codeBits < 1 || codeBits > 16)
    fail(fn, "code bits must be in 1..16, got " + str(codeBits));
  int64_t entries = int64_t(1) << codeBits;
  int64_t groups = K / groupSize;
  if (static_cast<int64_t>(codes.size()) != N * groups * numCodebooks)
    fail(fn, "expected " + str(N * groups * numCodebooks) +
                 " codes [N][K/g][M], got " + str(codes.size()));
  if (static_cast<int64_t>(codebooks.size()) !=
      numCodebooks * entries * groupSize)
    fail(fn, "expected " + str(numCodebooks * entries * groupSize) +
                 " codebook values [M][2^B][g], got " + str(codebooks.size()));
  if (static_cast<int64_t>(scales.size()) != N)
    fail(fn,
         "expected " + str(N) + " per-row scales, got " + str(scales.size()));
  uint32_t mask = static_cast<uint32_t>(entries - 1);
  std::vector<float> out(N * K);
  for (int64_t n = 0; n < N; ++n)
    for (int64_t j = 0; j < groups; ++j)
      for (int64_t t = 0; t < groupSize; ++t) {
        float acc = 0.0f;
        for (int64_t m = 0; m < numCodebooks; ++m) {
          uint32_t c = static_cast<uint32_t>(
                           codes[(n * groups + j) * numCodebooks + m]) &
                       mask;
          acc += codebooks[(m * entries + c) * groupSize + t];
        }
        out[n * K + j * groupSize + t] = scales[n] * acc;
      }
  return out;
}

//===----------------------------------------------------------------------===//
// VPTQ
//===----------------------------------------------------------------------===//

std::vector<float>
quench::quant::dequantizeVector(const std::vector<int32_t> &indices,
                                const std::vector<float> &centroids, int64_t N,
                                int64_t K, int64_t vectorLength,
                                const std::vector<int32_t> &residualIndices,
                                const std::vector<float> &residualCentroids,
                                const std::vector<float> &columnScale,
                                const std::vector<float> &columnBias) {
  const char *fn = "dequantizeVector";
  if (N <= 0 || K <= 0)
    fail(fn,
         "weight shape must be positive, got [" + str(N) + ", " + str(K) + "]");
  int64_t v = vectorLength;
  if (v <= 0 || K % v != 0)
    fail(fn, "vector length " + str(v) + " must divide K = " + str(K));
  int64_t groups = K / v;
  if (static_cast<int64_t>(indices.size()) != N * groups)
    fail(fn, "expected " + str(N * groups) + " indices [N][K/v], got " +
                 str(indices.size()));
  if (centroids.empty() || centroids.size() % v != 0)
    fail(fn, "centroids must be a non-empty [numCentroids][" + str(v) +
                 "] table, got " + str(centroids.size()) + " values");
  bool hasResidual = !residualIndices.empty() || !residualCentroids.empty();
  if (hasResidual) {
    if (residualIndices.empty() || residualCentroids.empty())
      fail(fn, "residual centroids and residual indices must be given "
               "together");
    if (static_cast<int64_t>(residualIndices.size()) != N * groups)
      fail(fn, "expected " + str(N * groups) +
                   " residual indices [N][K/v], got " +
                   str(residualIndices.size()));
    if (residualCentroids.size() % v != 0)
      fail(fn, "residual centroids must be [numResidual][" + str(v) +
                   "], got " + str(residualCentroids.size()) + " values");
  }
  if (!columnScale.empty() && static_cast<int64_t>(columnScale.size()) != K)
    fail(fn, "column scale must have K = " + str(K) + " entries, got " +
                 str(columnScale.size()));
  if (!columnBias.empty() && static_cast<int64_t>(columnBias.size()) != K)
    fail(fn, "column bias must have K = " + str(K) + " entries, got " +
                 str(columnBias.size()));
  int64_t numCentroids = centroids.size() / v;
  int64_t numResidual = residualCentroids.size() / v;
  std::vector<float> out(N * K);
  for (int64_t n = 0; n < N; ++n)
    for (int64_t j = 0; j < groups; ++j) {
      int64_t idx = indices[n * groups + j];
      if (idx < 0 || idx >= numCentroids)
        fail(fn, "index " + str(idx) + " is outside [0, " + str(numCentroids) +
                     ")");
      int64_t ridx = 0;
      if (hasResidual) {
        ridx = residualIndices[n * groups + j];
        if (ridx < 0 || ridx >= numResidual)
          fail(fn, "residual index " + str(ridx) + " is outside [0, " +
                       str(numResidual) + ")");
      }
      for (int64_t t = 0; t < v; ++t) {
        int64_t k = j * v + t;
        float w = centroids[idx * v + t];
        if (hasResidual)
          w += residualCentroids[ridx * v + t];
        if (!columnScale.empty())
          w *= columnScale[k];
        if (!columnBias.empty())
          w += columnBias[k];
        out[n * K + k] = w;
      }
    }
  return out;
}

//===----------------------------------------------------------------------===//
// E8P
//===----------------------------------------------------------------------===//

namespace {

/// The 29 norm-12 source rows (indices 227..255) in reference order, written
/// as doubled coordinates (3 = 3/2, 1 = 1/2), element 0 first.
const char *const kE8PNorm12Rows[29] = {
    "31113333", "13113333", "11313333", "11133333", "33313311", "33313131",
    "33311331", "33313113", "33311313", "33311133", "33133311", "33133131",
    "33131331", "33133113", "33131313", "33131133", "31333311", "31333131",
    "31331331", "31333113", "31331313", "13331133", "13333311", "13333131",
    "13331331", "13333113", "13331313", "11331333", "33113331"};

/// Weight i takes its sign from bit kE8PSignBit[i] of the adjusted sign byte.
constexpr unsigned kE8PSignBit[8] = {0, 4, 1, 5, 2, 6, 3, 7};

std::vector<std::array<float, 8>> buildE8PAbsGrid() {
  std::vector<std::array<float, 8>> grid;
  grid.reserve(256);
  // All of {1/2,3/2,5/2,7/2}^8 in lexicographic order: a base-4 counter with
  // element 0 as the most significant digit. Keep squared norm <= 10, i.e.
  // sum of (2a)^2 <= 40.
  for (int code = 0; code < (1 << 16); ++code) {
    std::array<float, 8> row{};
    int normTimes4 = 0;
    for (int i = 0; i < 8; ++i) {
      int digit = (code >> (2 * (7 - i))) & 3;
      int twice = 2 * digit + 1;
      normTimes4 += twice * twice;
      row[i] = 0.5f * static_cast<float>(twice);
    }
    if (normTimes4 <= 40)
      grid.push_back(row);
  }
  for (const char *r : kE8PNorm12Rows) {
    std::array<float, 8> row{};
    for (int i = 0; i < 8; ++i)
      row[i] = 0.5f * (r[i] - '0');
    grid.push_back(row);
  }
  return grid;
}

bool hasOddSum(const std::array<float, 8> &row) {
  int twice = 0;
  for (float x : row)
    twice += static_cast<int>(2.0f * x);
  return (twice / 2) % 2 != 0; // twice is even: the sum is an integer
}

} // namespace

const std::vector<std::array<float, 8>> &quench::quant::e8pAbsGrid() {
  static const std::vector<std::array<float, 8>> grid = buildE8PAbsGrid();
  return grid;
}

const std::vector<std::array<float, 8>> &
quench::quant::e8pParityAdjustedGrid() {
  static const std::vector<std::array<float, 8>> grid = [] {
    std::vector<std::array<float, 8>> g = e8pAbsGrid();
    for (auto &row : g)
      if (hasOddSum(row))
        row[7] = -row[7];
    return g;
  }();
  return grid;
}

std::array<float, 8> quench::quant::decodeE8P(uint16_t code) {
  // a = code >> 8; b = code & 0xFF; par = popcount(b) & 1; s = b ^ par;
  // out_i = +-T[a][i] (negated iff bit sigma(i) of s) + (par ? -1/4 : 1/4).
  const auto &row = e8pParityAdjustedGrid()[code >> 8];
  unsigned b = code & 0xFFu;
  unsigned par = 0;
  for (unsigned t = b; t; t >>= 1)
    par ^= t & 1u;
  unsigned s = b ^ par;
  float shift = par ? -0.25f : 0.25f;
  std::array<float, 8> out{};
  for (int i = 0; i < 8; ++i) {
    float v = row[i];
    if ((s >> kE8PSignBit[i]) & 1u)
      v = -v;
    out[i] = v + shift;
  }
  return out;
}

std::vector<float>
quench::quant::dequantizeE8P(const std::vector<uint16_t> &codes, float scale,
                             int64_t N, int64_t K) {
  const char *fn = "dequantizeE8P";
  if (N <= 0 || K <= 0 || K % 8 != 0)
    fail(fn, "weight shape [" + str(N) + ", " + str(K) +
                 "] must be positive with K a multiple of 8");
  if (static_cast<int64_t>(codes.size()) != N * (K / 8))
    fail(fn, "expected " + str(N * (K / 8)) + " codes [N][K/8], got " +
                 str(codes.size()));
  std::vector<float> out(N * K);
  for (size_t j = 0; j < codes.size(); ++j) {
    std::array<float, 8> v = decodeE8P(codes[j]);
    for (int i = 0; i < 8; ++i)
      out[j * 8 + i] = scale * v[i];
  }
  return out;
}

namespace {

void checkQuipSharpShape(int64_t N, int64_t K, const char *fn) {
  if (N <= 0 || K <= 0 || N % 16 != 0 || K % 64 != 0)
    fail(fn, "quip-sharp packing needs N % 16 == 0 and K % 64 == 0, got [" +
                 str(N) + ", " + str(K) + "]");
}

/// Flat code index of code t (0..3) of packed word w; n = K/8 code columns.
int64_t quipSharpCodeIndex(int64_t w, int t, int64_t n) {
  int64_t b = w % 4, a = (w / 4) % 8, rest = w / 32;
  int64_t colBlocks = n / 8;
  int64_t bigB = rest % colBlocks, bigA = rest / colBlocks;
  int64_t r = 8 * bigA + a, c = 4 * bigB + b;
  int64_t row = 2 * r + t % 2, col = 2 * c + t / 2;
  return row * n + col;
}

} // namespace

std::vector<uint16_t>
quench::quant::unpackQuipSharpE8P(const std::vector<int64_t> &packed, int64_t N,
                                  int64_t K) {
  const char *fn = "unpackQuipSharpE8P";
  checkQuipSharpShape(N, K, fn);
  if (static_cast<int64_t>(packed.size()) != N * K / 32)
    fail(fn, "expected " + str(N * K / 32) + " packed words, got " +
                 str(packed.size()));
  int64_t n = K / 8;
  std::vector<uint16_t> codes(N * n);
  for (int64_t w = 0; w < static_cast<int64_t>(packed.size()); ++w) {
    uint64_t word = static_cast<uint64_t>(packed[w]);
    for (int t = 0; t < 4; ++t) {
      unsigned hi = (word >> (8 * t)) & 0xFFu;
      unsigned lo = 0;
      for (int j = 0; j < 8; ++j)
        lo |= static_cast<unsigned>((word >> (32 + 4 * j + t)) & 1u) << j;
      codes[quipSharpCodeIndex(w, t, n)] = static_cast<uint16_t>(hi << 8 | lo);
    }
  }
  return codes;
}

std::vector<int64_t>
quench::quant::packQuipSharpE8P(const std::vector<uint16_t> &codes, int64_t N,
                                int64_t K) {
  const char *fn = "packQuipSharpE8P";
  checkQuipSharpShape(N, K, fn);
  if (static_cast<int64_t>(codes.size()) != N * (K / 8))
    fail(fn, "expected " + str(N * (K / 8)) + " codes [N][K/8], got " +
                 str(codes.size()));
  int64_t n = K / 8;
  std::vector<int64_t> packed(N * K / 32);
  for (int64_t w = 0; w < static_cast<int64_t>(packed.size()); ++w) {
    uint64_t word = 0;
    for (int t = 0; t < 4; ++t) {
      unsigned c = codes[quipSharpCodeIndex(w, t, n)];
      word |= static_cast<uint64_t>(c >> 8) << (8 * t);
      for (int j = 0; j < 8; ++j)
        word |= static_cast<uint64_t>((c >> j) & 1u) << (32 + 4 * j + t);
    }
    packed[w] = static_cast<int64_t>(word);
  }
  return packed;
}

//===----------------------------------------------------------------------===//
// Sparse and low-rank corrections
//===----------------------------------------------------------------------===//

std::vector<float> quench::quant::addCsr(const std::vector<float> &base,
                                         int64_t N, int64_t K,
                                         const std::vector<int64_t> &rowPtr,
                                         const std::vector<int64_t> &colIdx,
                                         const std::vector<float> &values) {
  const char *fn = "addCsr";
  if (N <= 0 || K <= 0 || static_cast<int64_t>(base.size()) != N * K)
    fail(fn, "base must hold N*K = " + str(N * K) + " values, got " +
                 str(base.size()));
  if (static_cast<int64_t>(rowPtr.size()) != N + 1)
    fail(fn, "rowPtr must have N+1 = " + str(N + 1) + " entries, got " +
                 str(rowPtr.size()));
  if (rowPtr[0] != 0)
    fail(fn, "rowPtr[0] must be 0, got " + str(rowPtr[0]));
  for (int64_t n = 0; n < N; ++n)
    if (rowPtr[n + 1] < rowPtr[n])
      fail(fn, "rowPtr must be non-decreasing (row " + str(n) + ")");
  int64_t nnz = rowPtr[N];
  if (static_cast<int64_t>(colIdx.size()) != nnz ||
      static_cast<int64_t>(values.size()) != nnz)
    fail(fn, "colIdx and values must have nnz = rowPtr[N] = " + str(nnz) +
                 " entries, got " + str(colIdx.size()) + " and " +
                 str(values.size()));
  std::vector<float> out = base;
  for (int64_t n = 0; n < N; ++n)
    for (int64_t e = rowPtr[n]; e < rowPtr[n + 1]; ++e) {
      if (colIdx[e] < 0 || colIdx[e] >= K)
        fail(fn, "column index " + str(colIdx[e]) + " is outside [0, " +
                     str(K) + ")");
      out[n * K + colIdx[e]] += values[e];
    }
  return out;
}

std::vector<float>
quench::quant::replaceColumns(const std::vector<float> &base, int64_t N,
                              int64_t K, const std::vector<int64_t> &cols,
                              const std::vector<float> &values) {
  const char *fn = "replaceColumns";
  if (N <= 0 || K <= 0 || static_cast<int64_t>(base.size()) != N * K)
    fail(fn, "base must hold N*K = " + str(N * K) + " values, got " +
                 str(base.size()));
  int64_t J = cols.size();
  if (static_cast<int64_t>(values.size()) != N * J)
    fail(fn, "values must be [N][J] = " + str(N * J) + " entries, got " +
                 str(values.size()));
  std::vector<bool> seen(K, false);
  for (int64_t c : cols) {
    if (c < 0 || c >= K)
      fail(fn, "column " + str(c) + " is outside [0, " + str(K) + ")");
    if (seen[c])
      fail(fn, "column " + str(c) + " is listed twice");
    seen[c] = true;
  }
  std::vector<float> out = base;
  for (int64_t n = 0; n < N; ++n)
    for (int64_t j = 0; j < J; ++j)
      out[n * K + cols[j]] = values[n * J + j];
  return out;
}

std::vector<float>
quench::quant::dequantizeBitStack(const std::vector<uint8_t> &signs,
                                  const std::vector<float> &u,
                                  const std::vector<float> &v, int64_t levels,
                                  int64_t N, int64_t K, int64_t rank) {
  const char *fn = "dequantizeBitStack";
  if (levels <= 0 || N <= 0 || K <= 0 || rank <= 0)
    fail(fn, "levels, N, K and rank must be positive");
  int64_t rowBytes = (K + 7) / 8;
  if (static_cast<int64_t>(signs.size()) != levels * N * rowBytes)
    fail(fn, "signs must be [L][N][ceil(K/8)] = " + str(levels * N * rowBytes) +
                 " bytes, got " + str(signs.size()));
  if (static_cast<int64_t>(u.size()) != levels * N * rank)
    fail(fn, "u must be [L][N][r] = " + str(levels * N * rank) +
                 " values, got " + str(u.size()));
  if (static_cast<int64_t>(v.size()) != levels * rank * K)
    fail(fn, "v must be [L][r][K] = " + str(levels * rank * K) +
                 " values, got " + str(v.size()));
  std::vector<float> out(N * K, 0.0f);
  for (int64_t l = 0; l < levels; ++l)
    for (int64_t n = 0; n < N; ++n)
      for (int64_t k = 0; k < K; ++k) {
        float acc = 0.0f;
        for (int64_t j = 0; j < rank; ++j)
          acc += u[(l * N + n) * rank + j] * v[(l * rank + j) * K + k];
        bool negative = (signs[(l * N + n) * rowBytes + k / 8] >> (k % 8)) & 1;
        out[n * K + k] += negative ? -acc : acc;
      }
  return out;
}
