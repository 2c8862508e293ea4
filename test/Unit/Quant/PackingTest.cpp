//===- PackingTest.cpp - Tests for bit packing and packed layouts ---------===//

#include "ExpectInvalidArgument.h"
#include "quench/Quant/Packing.h"

#include <gtest/gtest.h>

#include <random>
#include <stdexcept>
#include <string>

using namespace quench::quant;

namespace {

using Bytes = std::vector<uint8_t>;
using Codes = std::vector<int32_t>;

std::vector<int32_t> randomCodes(size_t n, unsigned bits, bool isSigned,
                                 unsigned seed) {
  std::mt19937 rng(seed);
  int32_t lo = isSigned ? -(1 << (bits - 1)) : 0;
  int32_t hi = isSigned ? (1 << (bits - 1)) - 1 : (1 << bits) - 1;
  std::uniform_int_distribution<int32_t> dist(lo, hi);
  std::vector<int32_t> c(n);
  for (auto &x : c)
    x = dist(rng);
  return c;
}

//===----------------------------------------------------------------------===//
// packBits / unpackBits: hand-computed streams
//===----------------------------------------------------------------------===//

TEST(PackBits, TwoBitBothOrders) {
  // Codes 01, 10, 11.
  EXPECT_EQ(packBits({1, 2, 3}, 2, BitOrder::LsbFirst), Bytes({0x39}));
  EXPECT_EQ(packBits({1, 2, 3}, 2, BitOrder::MsbFirst), Bytes({0x6C}));
  EXPECT_EQ(unpackBits({0x39}, 3, 2, BitOrder::LsbFirst, false),
            Codes({1, 2, 3}));
  EXPECT_EQ(unpackBits({0x6C}, 3, 2, BitOrder::MsbFirst, false),
            Codes({1, 2, 3}));
}

TEST(PackBits, ThreeBitCrossesByte) {
  // 101 011 111: element 2 occupies stream bits 6..8.
  EXPECT_EQ(packBits({5, 3, 7}, 3, BitOrder::LsbFirst), Bytes({0xDD, 0x01}));
  EXPECT_EQ(packBits({5, 3, 7}, 3, BitOrder::MsbFirst), Bytes({0xAF, 0x80}));
  EXPECT_EQ(unpackBits({0xDD, 0x01}, 3, 3, BitOrder::LsbFirst, false),
            Codes({5, 3, 7}));
  EXPECT_EQ(unpackBits({0xAF, 0x80}, 3, 3, BitOrder::MsbFirst, false),
            Codes({5, 3, 7}));
  // Signed view of the same stream: 101 = -3, 011 = 3, 111 = -1.
  EXPECT_EQ(unpackBits({0xDD, 0x01}, 3, 3, BitOrder::LsbFirst, true),
            Codes({-3, 3, -1}));
}

TEST(PackBits, FiveBit) {
  EXPECT_EQ(packBits({0x1F, 0, 0x11}, 5, BitOrder::LsbFirst),
            Bytes({0x1F, 0x44}));
  EXPECT_EQ(packBits({0x1F, 0, 0x11}, 5, BitOrder::MsbFirst),
            Bytes({0xF8, 0x22}));
  EXPECT_EQ(unpackBits({0xF8, 0x22}, 3, 5, BitOrder::MsbFirst, false),
            Codes({0x1F, 0, 0x11}));
}

TEST(PackBits, SixBit) {
  EXPECT_EQ(packBits({0x2A, 0x15}, 6, BitOrder::LsbFirst), Bytes({0x6A, 0x05}));
  EXPECT_EQ(packBits({0x2A, 0x15}, 6, BitOrder::MsbFirst), Bytes({0xA9, 0x50}));
}

TEST(PackBits, SevenBit) {
  EXPECT_EQ(packBits({0x7F, 0x01}, 7, BitOrder::LsbFirst), Bytes({0xFF, 0x00}));
  EXPECT_EQ(packBits({0x7F, 0x01}, 7, BitOrder::MsbFirst), Bytes({0xFE, 0x04}));
  EXPECT_EQ(unpackBits({0xFE, 0x04}, 2, 7, BitOrder::MsbFirst, false),
            Codes({0x7F, 0x01}));
}

TEST(PackBits, OneAndEightBit) {
  Codes ones = {1, 0, 0, 0, 0, 0, 0, 1, 1};
  EXPECT_EQ(packBits(ones, 1, BitOrder::LsbFirst), Bytes({0x81, 0x01}));
  EXPECT_EQ(packBits(ones, 1, BitOrder::MsbFirst), Bytes({0x81, 0x80}));
  EXPECT_EQ(packBits({0x12, 0xAB}, 8, BitOrder::LsbFirst), Bytes({0x12, 0xAB}));
  EXPECT_EQ(packBits({0x12, 0xAB}, 8, BitOrder::MsbFirst), Bytes({0x12, 0xAB}));
  EXPECT_EQ(unpackBits({0x12, 0xAB}, 2, 8, BitOrder::LsbFirst, true),
            Codes({0x12, -85}));
}

TEST(PackBits, SignedFourBit) {
  // -1 -> 0xF, -8 -> 0x8, 7 -> 0x7.
  Bytes b = packBits({-1, -8, 7}, 4, BitOrder::LsbFirst);
  EXPECT_EQ(b, Bytes({0x8F, 0x07}));
  EXPECT_EQ(unpackBits(b, 3, 4, BitOrder::LsbFirst, true), Codes({-1, -8, 7}));
  EXPECT_EQ(unpackBits(b, 3, 4, BitOrder::LsbFirst, false), Codes({15, 8, 7}));
  EXPECT_EQ(packBits({-1, -8, 7}, 4, BitOrder::MsbFirst), Bytes({0xF8, 0x70}));
}

TEST(PackBits, KeepsLowBits) {
  // 0x1F5 -> low 4 bits 0x5.
  EXPECT_EQ(packBits({0x1F5}, 4, BitOrder::LsbFirst), Bytes({0x05}));
}

TEST(PackBits, ByteCount) {
  EXPECT_EQ(packedByteCount(0, 3), 0u);
  EXPECT_EQ(packedByteCount(3, 3), 2u);
  EXPECT_EQ(packedByteCount(8, 3), 3u);
  EXPECT_EQ(packedByteCount(9, 7), 8u);
  EXPECT_EQ(packBits({}, 4, BitOrder::LsbFirst), Bytes());
}

TEST(PackBits, RoundTripAllWidthsAndOrders) {
  for (unsigned bits = 1; bits <= 8; ++bits)
    for (BitOrder order : {BitOrder::LsbFirst, BitOrder::MsbFirst})
      for (bool isSigned : {false, true})
        for (size_t n : {1u, 7u, 8u, 13u, 64u, 101u}) {
          Codes c = randomCodes(n, bits, isSigned, bits * 131 + n);
          Bytes b = packBits(c, bits, order);
          ASSERT_EQ(b.size(), (n * bits + 7) / 8);
          EXPECT_EQ(unpackBits(b, n, bits, order, isSigned), c)
              << "bits=" << bits << " n=" << n;
        }
}

TEST(PackBits, Errors) {
  EXPECT_INVALID_ARG(packBits({1}, 0, BitOrder::LsbFirst),
                     "bits must be in 1..8");
  EXPECT_INVALID_ARG(packBits({1}, 9, BitOrder::MsbFirst),
                     "bits must be in 1..8");
  EXPECT_INVALID_ARG(unpackBits({0}, 1, 9, BitOrder::LsbFirst, false),
                     "bits must be in 1..8");
  EXPECT_INVALID_ARG(unpackBits({0x00}, 3, 3, BitOrder::LsbFirst, false),
                     "need 2 bytes");
}

//===----------------------------------------------------------------------===//
// Packed matrix layouts
//===----------------------------------------------------------------------===//

TEST(PackedElementIndex, Untiled) {
  EXPECT_EQ(packedElementIndex(1, 3, 2, 4, {}, {}), 3);
  EXPECT_EQ(packedElementIndex(0, 0, 2, 4, {}, {}), 0);
}

TEST(PackedElementIndex, Tiled) {
  EXPECT_EQ(packedElementIndex(3, 1, 4, 4, {2, 2}, {}), 3);
  EXPECT_EQ(packedElementIndex(2, 2, 4, 4, {2, 2}, {}), 0);
  EXPECT_EQ(packedElementIndex(5, 7, 8, 12, {4, 6}, {}), 7);
}

TEST(PackedElementIndex, Interleaved) {
  EXPECT_EQ(packedElementIndex(0, 0, 1, 4, {}, {1, 0}), 1);
  EXPECT_EQ(packedElementIndex(0, 1, 1, 4, {}, {1, 0}), 0);
  EXPECT_EQ(packedElementIndex(0, 2, 1, 4, {}, {1, 0}), 3);
  EXPECT_EQ(packedElementIndex(0, 3, 1, 4, {}, {1, 0}), 2);
  // Tile [2,2], L = 4: p = 1 -> 0, p = 2 -> 3.
  EXPECT_EQ(packedElementIndex(0, 1, 4, 4, {2, 2}, {2, 0, 3, 1}), 0);
  EXPECT_EQ(packedElementIndex(1, 0, 4, 4, {2, 2}, {2, 0, 3, 1}), 3);
  EXPECT_EQ(packedElementIndex(3, 3, 4, 4, {2, 2}, {2, 0, 3, 1}), 1);
}

TEST(PackedElementIndex, Errors) {
  EXPECT_INVALID_ARG(packedElementIndex(0, 0, 4, 6, {3, 2}, {}),
                     "does not divide matrix 4 x 6");
  EXPECT_INVALID_ARG(packedElementIndex(0, 0, 4, 4, {2}, {}),
                     "tile must have 2 entries");
  EXPECT_INVALID_ARG(packedElementIndex(0, 0, 4, 4, {}, {0, 0}),
                     "interleave is not a permutation of 0..1");
  EXPECT_INVALID_ARG(packedElementIndex(0, 0, 4, 4, {}, {0, 2}),
                     "interleave is not a permutation");
  EXPECT_INVALID_ARG(packedElementIndex(0, 0, 4, 6, {}, {0, 1, 2, 3}),
                     "does not divide the per-row element count 6");
  EXPECT_INVALID_ARG(packedElementIndex(0, 0, 4, 4, {2, 2}, {2, 1, 0}),
                     "does not divide the per-tile element count 4");
  EXPECT_INVALID_ARG(packedElementIndex(4, 0, 4, 4, {}, {}),
                     "is outside the 4 x 4 matrix");
  EXPECT_INVALID_ARG(packedElementIndex(0, 0, 0, 4, {}, {}),
                     "matrix dimensions must be positive");
}

TEST(PackMatrix, UntiledFourBit) {
  Codes c = {1, 2, 3, 4, 5, 6, 7, 8};
  EXPECT_EQ(packMatrix(c, 2, 4, 4, BitOrder::LsbFirst),
            Bytes({0x21, 0x43, 0x65, 0x87}));
  EXPECT_EQ(packMatrix(c, 2, 4, 4, BitOrder::MsbFirst),
            Bytes({0x12, 0x34, 0x56, 0x78}));
  EXPECT_EQ(packMatrix(c, 2, 4, 4, BitOrder::LsbFirst, {}, {1, 0}),
            Bytes({0x12, 0x34, 0x56, 0x78}));
}

TEST(PackMatrix, RowsStartOnByteBoundary) {
  // 3-bit, 3 columns: each row has its own 2-byte stream.
  Codes c = {1, 2, 3, 4, 5, 6};
  Bytes b = packMatrix(c, 2, 3, 3, BitOrder::LsbFirst);
  EXPECT_EQ(b, Bytes({0xD1, 0x00, 0xAC, 0x01}));
  EXPECT_EQ(packedMatrixByteCount(2, 3, 3, {}), 4);
  EXPECT_EQ(unpackMatrix(b, 2, 3, 3, BitOrder::LsbFirst, false), c);
}

TEST(PackMatrix, TiledFourBit) {
  Codes c(16);
  for (int i = 0; i < 16; ++i)
    c[i] = i;
  Bytes b = packMatrix(c, 4, 4, 4, BitOrder::LsbFirst, {2, 2});
  EXPECT_EQ(b, Bytes({0x10, 0x54, 0x32, 0x76, 0x98, 0xDC, 0xBA, 0xFE}));
  EXPECT_EQ(unpackMatrix(b, 4, 4, 4, BitOrder::LsbFirst, false, {2, 2}), c);
  // Interleave {1,0} swaps each pair inside a tile.
  EXPECT_EQ(packMatrix(c, 4, 4, 4, BitOrder::LsbFirst, {2, 2}, {1, 0}),
            Bytes({0x01, 0x45, 0x23, 0x67, 0x89, 0xCD, 0xAB, 0xEF}));
}

TEST(PackMatrix, RoundTripTiledInterleaved) {
  const std::vector<int64_t> perm8 = {3, 7, 0, 5, 1, 6, 2, 4};
  const std::vector<int64_t> perm4 = {2, 0, 3, 1};
  struct Case {
    int64_t rows, cols;
    std::vector<int64_t> tile, interleave;
  };
  std::vector<Case> cases = {{8, 12, {}, {}},     {8, 12, {}, perm4},
                             {8, 12, {4, 6}, {}}, {8, 12, {4, 6}, perm8},
                             {6, 9, {1, 3}, {}},  {6, 9, {3, 3}, {}},
                             {5, 7, {}, {}},      {4, 16, {2, 8}, perm8}};
  for (unsigned bits = 1; bits <= 8; ++bits)
    for (BitOrder order : {BitOrder::LsbFirst, BitOrder::MsbFirst})
      for (bool isSigned : {false, true})
        for (const Case &k : cases) {
          Codes c = randomCodes(k.rows * k.cols, bits, isSigned,
                                bits * 7 + k.rows * 31 + k.cols);
          Bytes b =
              packMatrix(c, k.rows, k.cols, bits, order, k.tile, k.interleave);
          ASSERT_EQ(static_cast<int64_t>(b.size()),
                    packedMatrixByteCount(k.rows, k.cols, bits, k.tile));
          EXPECT_EQ(unpackMatrix(b, k.rows, k.cols, bits, order, isSigned,
                                 k.tile, k.interleave),
                    c)
              << "bits=" << bits << " " << k.rows << "x" << k.cols;
        }
}

TEST(PackMatrix, TileByteCounts) {
  // Tiles of 3 three-bit codes take ceil(9/8) = 2 bytes each.
  EXPECT_EQ(packedMatrixByteCount(6, 9, 3, {1, 3}), 6 * 3 * 2);
  EXPECT_EQ(packedMatrixByteCount(8, 12, 4, {4, 6}), 2 * 2 * 12);
  EXPECT_EQ(packedMatrixByteCount(5, 7, 4, {}), 5 * 4);
}

TEST(PackMatrix, Errors) {
  EXPECT_INVALID_ARG(packMatrix({1, 2, 3}, 2, 2, 4, BitOrder::LsbFirst),
                     "expected 4 codes");
  EXPECT_INVALID_ARG(packMatrix({1, 2, 3, 4}, 2, 2, 9, BitOrder::LsbFirst),
                     "bits must be in 1..8");
  EXPECT_INVALID_ARG(
      packMatrix({1, 2, 3, 4}, 2, 2, 4, BitOrder::LsbFirst, {2, 3}),
      "does not divide matrix");
  EXPECT_INVALID_ARG(
      unpackMatrix({0, 0, 0}, 2, 2, 4, BitOrder::LsbFirst, false),
      "expected 2 bytes");
  EXPECT_INVALID_ARG(
      unpackMatrix({0, 0}, 2, 2, 4, BitOrder::LsbFirst, false, {}, {1, 1}),
      "not a permutation");
}

} // namespace
