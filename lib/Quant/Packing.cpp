//===- Packing.cpp - Sub-byte code packing and packed layouts -------------===//
//
// Part of Quench. Pure C++17, no LLVM/MLIR dependency.
//
//===----------------------------------------------------------------------===//

#include "quench/Quant/Packing.h"

#include <stdexcept>
#include <string>

using namespace quench::quant;

namespace {

void checkBits(unsigned bits, const char *fn) {
  if (bits < 1 || bits > 8)
    throw std::invalid_argument(std::string(fn) +
                                ": bits must be in 1..8, got " +
                                std::to_string(bits));
}

/// Writes the low `bits` bits of `value` at stream position `pos` (in
/// elements) of the segment starting at `base`. Bits are OR-ed in, so the
/// destination must start zeroed.
void writeCode(std::vector<uint8_t> &bytes, size_t base, size_t pos,
               unsigned bits, BitOrder order, uint32_t value) {
  size_t p = pos * bits;
  for (unsigned j = 0; j < bits; ++j, ++p) {
    // LsbFirst: stream bit p+j holds value bit j.
    // MsbFirst: stream bit p+j holds value bit bits-1-j.
    unsigned valueBit = order == BitOrder::LsbFirst ? j : bits - 1 - j;
    if (!((value >> valueBit) & 1u))
      continue;
    unsigned byteBit = order == BitOrder::LsbFirst ? p % 8 : 7 - p % 8;
    bytes[base + p / 8] |= static_cast<uint8_t>(1u << byteBit);
  }
}

/// Reads the code at stream position `pos` of the segment [base, base+len):
///   LsbFirst: ((b[p/8] | b[p/8+1] << 8) >> (p%8)) & mask
///   MsbFirst: ((b[p/8] << 8 | b[p/8+1]) >> (16 - bits - p%8)) & mask
/// with bytes past the segment reading as 0, then sign-extends if asked.
int32_t readCode(const std::vector<uint8_t> &bytes, size_t base, size_t len,
                 size_t pos, unsigned bits, BitOrder order, bool isSigned) {
  size_t p = pos * bits;
  size_t i = p / 8;
  uint32_t b0 = i < len ? bytes[base + i] : 0u;
  uint32_t b1 = i + 1 < len ? bytes[base + i + 1] : 0u;
  uint32_t mask = (1u << bits) - 1u;
  uint32_t v = order == BitOrder::LsbFirst
                   ? ((b0 | (b1 << 8)) >> (p % 8)) & mask
                   : (((b0 << 8) | b1) >> (16 - bits - p % 8)) & mask;
  if (isSigned && (v >> (bits - 1)) & 1u)
    return static_cast<int32_t>(v) - (1 << bits);
  return static_cast<int32_t>(v);
}

/// Validated description of a packed matrix layout.
struct MatrixLayout {
  int64_t rows = 0, cols = 0;
  int64_t t0 = 0, t1 = 0; // 0 = untiled
  const std::vector<int64_t> *interleave = nullptr;

  int64_t segmentElements() const { return t0 ? t0 * t1 : cols; }
  int64_t segmentCount() const { return t0 ? (rows / t0) * (cols / t1) : rows; }
  int64_t segment(int64_t r, int64_t c) const {
    return t0 ? (r / t0) * (cols / t1) + c / t1 : r;
  }
  int64_t position(int64_t r, int64_t c) const {
    int64_t p = t0 ? (r % t0) * t1 + c % t1 : c;
    if (interleave->empty())
      return p;
    int64_t l = static_cast<int64_t>(interleave->size());
    return (p / l) * l + (*interleave)[p % l];
  }
};

MatrixLayout makeLayout(int64_t rows, int64_t cols,
                        const std::vector<int64_t> &tile,
                        const std::vector<int64_t> &interleave,
                        const char *fn) {
  std::string f(fn);
  if (rows <= 0 || cols <= 0)
    throw std::invalid_argument(
        f + ": matrix dimensions must be positive, got " +
        std::to_string(rows) + " x " + std::to_string(cols));
  MatrixLayout layout;
  layout.rows = rows;
  layout.cols = cols;
  layout.interleave = &interleave;
  if (!tile.empty()) {
    if (tile.size() != 2)
      throw std::invalid_argument(f +
                                  ": tile must have 2 entries [t0, t1], got " +
                                  std::to_string(tile.size()));
    if (tile[0] <= 0 || tile[1] <= 0)
      throw std::invalid_argument(f + ": tile sizes must be positive");
    if (rows % tile[0] != 0 || cols % tile[1] != 0)
      throw std::invalid_argument(
          f + ": tile [" + std::to_string(tile[0]) + ", " +
          std::to_string(tile[1]) + "] does not divide matrix " +
          std::to_string(rows) + " x " + std::to_string(cols));
    layout.t0 = tile[0];
    layout.t1 = tile[1];
  }
  if (!interleave.empty()) {
    int64_t l = static_cast<int64_t>(interleave.size());
    std::vector<bool> seen(interleave.size(), false);
    for (int64_t v : interleave) {
      if (v < 0 || v >= l || seen[v])
        throw std::invalid_argument(f +
                                    ": interleave is not a permutation of 0.." +
                                    std::to_string(l - 1));
      seen[v] = true;
    }
    if (layout.segmentElements() % l != 0)
      throw std::invalid_argument(
          f + ": interleave length " + std::to_string(l) +
          " does not divide the " + (layout.t0 ? "per-tile" : "per-row") +
          " element count " + std::to_string(layout.segmentElements()));
  }
  return layout;
}

} // namespace

size_t quench::quant::packedByteCount(size_t count, unsigned bits) {
  checkBits(bits, "packedByteCount");
  return (count * bits + 7) / 8;
}

std::vector<uint8_t> quench::quant::packBits(const std::vector<int32_t> &codes,
                                             unsigned bits, BitOrder order) {
  checkBits(bits, "packBits");
  std::vector<uint8_t> bytes(packedByteCount(codes.size(), bits), 0);
  for (size_t e = 0; e < codes.size(); ++e)
    writeCode(bytes, 0, e, bits, order, static_cast<uint32_t>(codes[e]));
  return bytes;
}

std::vector<int32_t>
quench::quant::unpackBits(const std::vector<uint8_t> &bytes, size_t count,
                          unsigned bits, BitOrder order, bool isSigned) {
  checkBits(bits, "unpackBits");
  size_t need = packedByteCount(count, bits);
  if (bytes.size() < need)
    throw std::invalid_argument("unpackBits: need " + std::to_string(need) +
                                " bytes for " + std::to_string(count) + " " +
                                std::to_string(bits) + "-bit codes, got " +
                                std::to_string(bytes.size()));
  std::vector<int32_t> codes(count);
  for (size_t e = 0; e < count; ++e)
    codes[e] = readCode(bytes, 0, need, e, bits, order, isSigned);
  return codes;
}

int64_t quench::quant::packedElementIndex(
    int64_t row, int64_t col, int64_t rows, int64_t cols,
    const std::vector<int64_t> &tile, const std::vector<int64_t> &interleave) {
  MatrixLayout layout =
      makeLayout(rows, cols, tile, interleave, "packedElementIndex");
  if (row < 0 || row >= rows || col < 0 || col >= cols)
    throw std::invalid_argument(
        "packedElementIndex: element (" + std::to_string(row) + ", " +
        std::to_string(col) + ") is outside the " + std::to_string(rows) +
        " x " + std::to_string(cols) + " matrix");
  return layout.position(row, col);
}

int64_t quench::quant::packedMatrixByteCount(int64_t rows, int64_t cols,
                                             unsigned bits,
                                             const std::vector<int64_t> &tile) {
  checkBits(bits, "packedMatrixByteCount");
  static const std::vector<int64_t> none;
  MatrixLayout layout =
      makeLayout(rows, cols, tile, none, "packedMatrixByteCount");
  return layout.segmentCount() *
         static_cast<int64_t>(packedByteCount(layout.segmentElements(), bits));
}

std::vector<uint8_t>
quench::quant::packMatrix(const std::vector<int32_t> &codes, int64_t rows,
                          int64_t cols, unsigned bits, BitOrder order,
                          const std::vector<int64_t> &tile,
                          const std::vector<int64_t> &interleave) {
  checkBits(bits, "packMatrix");
  MatrixLayout layout = makeLayout(rows, cols, tile, interleave, "packMatrix");
  if (static_cast<int64_t>(codes.size()) != rows * cols)
    throw std::invalid_argument(
        "packMatrix: expected " + std::to_string(rows * cols) +
        " codes for a " + std::to_string(rows) + " x " + std::to_string(cols) +
        " matrix, got " + std::to_string(codes.size()));
  size_t segBytes = packedByteCount(layout.segmentElements(), bits);
  std::vector<uint8_t> bytes(layout.segmentCount() * segBytes, 0);
  for (int64_t r = 0; r < rows; ++r)
    for (int64_t c = 0; c < cols; ++c)
      writeCode(bytes, layout.segment(r, c) * segBytes, layout.position(r, c),
                bits, order, static_cast<uint32_t>(codes[r * cols + c]));
  return bytes;
}

std::vector<int32_t>
quench::quant::unpackMatrix(const std::vector<uint8_t> &bytes, int64_t rows,
                            int64_t cols, unsigned bits, BitOrder order,
                            bool isSigned, const std::vector<int64_t> &tile,
                            const std::vector<int64_t> &interleave) {
  checkBits(bits, "unpackMatrix");
  MatrixLayout layout =
      makeLayout(rows, cols, tile, interleave, "unpackMatrix");
  size_t segBytes = packedByteCount(layout.segmentElements(), bits);
  size_t need = layout.segmentCount() * segBytes;
  if (bytes.size() != need)
    throw std::invalid_argument(
        "unpackMatrix: expected " + std::to_string(need) +
        " bytes of packed storage, got " + std::to_string(bytes.size()));
  std::vector<int32_t> codes(rows * cols);
  for (int64_t r = 0; r < rows; ++r)
    for (int64_t c = 0; c < cols; ++c)
      codes[r * cols + c] =
          readCode(bytes, layout.segment(r, c) * segBytes, segBytes,
                   layout.position(r, c), bits, order, isSigned);
  return codes;
}
