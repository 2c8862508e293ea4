//===- Packing.h - Sub-byte code packing and packed layouts -----*- C++ -*-===//
//
// Part of Quench. Pure C++17, no LLVM/MLIR dependency.
//
//===----------------------------------------------------------------------===//
//
// Bit-exact packing of 1..8-bit integer codes into bytes, and the matrix
// storage layouts (per-row streams, tiles, interleaving) used by Quench's
// packed weight types. The MLIR reference lowering implements exactly the
// same semantics; the formulas below are normative.
//
// Bit stream. The codes of one stream form a continuous bit stream; element e
// occupies stream bits [e*bits, (e+1)*bits) and may straddle a byte boundary.
// A stream of `count` codes occupies ceil(count*bits/8) bytes; unused trailing
// bits are zero. With p = e*bits and mask = (1 << bits) - 1:
//
//   LsbFirst: stream bit p is bit (p%8) of byte p/8 (bit 0 = least
//             significant) and an element's low bit comes first:
//               value = ((b[p/8] | b[p/8+1] << 8) >> (p%8)) & mask
//   MsbFirst: stream bit p is bit 7-(p%8) of byte p/8 and an element's most
//             significant bit comes first:
//               value = ((b[p/8] << 8 | b[p/8+1]) >> (16 - bits - p%8)) & mask
//
// where a byte past the end of the stream reads as 0. Packing keeps the low
// `bits` bits of each code; signed codes are `bits`-wide two's complement and
// are sign-extended on unpacking.
//
//===----------------------------------------------------------------------===//

#ifndef QUENCH_QUANT_PACKING_H
#define QUENCH_QUANT_PACKING_H

#include <cstddef>
#include <cstdint>
#include <vector>

namespace quench::quant {

/// Order of bits inside a packed byte stream (see the file comment).
enum class BitOrder { LsbFirst, MsbFirst };

/// Bytes needed for `count` codes of `bits` bits: ceil(count * bits / 8).
/// Throws std::invalid_argument unless 1 <= bits <= 8.
size_t packedByteCount(size_t count, unsigned bits);

/// Packs `codes` into one continuous bit stream of ceil(n*bits/8) bytes;
/// element e occupies stream bits [e*bits, (e+1)*bits). Only the low `bits`
/// bits of each code are stored (two's complement for negative codes).
std::vector<uint8_t> packBits(const std::vector<int32_t> &codes, unsigned bits,
                              BitOrder order);

/// Inverse of packBits: reads `count` codes from the stream. With
/// `isSigned`, a code v with bit (bits-1) set becomes v - 2^bits.
/// Throws if `bytes` is shorter than ceil(count*bits/8).
std::vector<int32_t> unpackBits(const std::vector<uint8_t> &bytes, size_t count,
                                unsigned bits, BitOrder order, bool isSigned);

//===----------------------------------------------------------------------===//
// Packed matrix layouts
//===----------------------------------------------------------------------===//
//
// A rows x cols code matrix is stored as a sequence of independent streams
// ("segments"), each starting on a byte boundary:
//
//   - no tile (tile = {}): one segment per row, row r at byte offset
//     r * ceil(cols*bits/8); storage shape [rows, ceil(cols*bits/8)].
//   - tile = {t0, t1} (t0 | rows, t1 | cols): one segment per tile, tile
//     (i, j) = (row/t0, col/t1) at byte offset
//     (i * (cols/t1) + j) * ceil(t0*t1*bits/8); storage shape
//     [rows/t0, cols/t1, t0*t1*bits/8]. Inside a tile the elements are in
//     row-major order.
//
// The position of element (row, col) within its segment's stream is
//   untiled: p = col
//   tiled:   p = (row % t0) * t1 + col % t1
// and, when `interleave` (a permutation of 0..L-1, L dividing the segment's
// element count) is non-empty, p is then remapped to
//   p' = (p / L) * L + interleave[p % L].
//
//===----------------------------------------------------------------------===//

/// Position of logical element (row, col) of a rows x cols matrix inside the
/// bit stream of its segment (its row, or its tile (row/t0, col/t1)):
///   p = tile.empty() ? col : (row % t0) * t1 + col % t1
///   p = interleave.empty() ? p : (p / L) * L + interleave[p % L]
/// Throws std::invalid_argument on out-of-range indices, a tile that does not
/// divide the matrix, or an interleave that is not a permutation of 0..L-1
/// or whose length L does not divide the segment's element count.
int64_t packedElementIndex(int64_t row, int64_t col, int64_t rows, int64_t cols,
                           const std::vector<int64_t> &tile,
                           const std::vector<int64_t> &interleave);

/// Total bytes of the packed storage of a rows x cols matrix:
///   untiled: rows * ceil(cols*bits/8)
///   tiled:   (rows/t0) * (cols/t1) * ceil(t0*t1*bits/8)
int64_t packedMatrixByteCount(int64_t rows, int64_t cols, unsigned bits,
                              const std::vector<int64_t> &tile);

/// Packs a row-major rows x cols code matrix into the storage described
/// above: element (r, c) goes to stream position packedElementIndex(r, c, ...)
/// of its segment.
std::vector<uint8_t> packMatrix(const std::vector<int32_t> &codes, int64_t rows,
                                int64_t cols, unsigned bits, BitOrder order,
                                const std::vector<int64_t> &tile = {},
                                const std::vector<int64_t> &interleave = {});

/// Inverse of packMatrix: returns the row-major rows x cols code matrix.
std::vector<int32_t> unpackMatrix(const std::vector<uint8_t> &bytes,
                                  int64_t rows, int64_t cols, unsigned bits,
                                  BitOrder order, bool isSigned,
                                  const std::vector<int64_t> &tile = {},
                                  const std::vector<int64_t> &interleave = {});

} // namespace quench::quant

#endif // QUENCH_QUANT_PACKING_H
