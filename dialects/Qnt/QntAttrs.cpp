//===- QntAttrs.cpp - qnt encodings: verifiers and shape checks -----------===//

#include "dialects/Qnt/QntDialect.h"

#include "mlir/IR/Builders.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/TypeSwitch.h"
#include "llvm/Support/MathExtras.h"

using namespace mlir;
using namespace quench::qnt;

#define GET_ATTRDEF_CLASSES
#include "dialects/Qnt/QntAttrs.cpp.inc"

void QntDialect::registerAttributes() {
  addAttributes<
#define GET_ATTRDEF_LIST
#include "dialects/Qnt/QntAttrs.cpp.inc"
      >();
}

using EmitErrorFn = function_ref<InFlightDiagnostic()>;

namespace {
/// Block sizes: positive, one per dimension, each dividing its dimension.
LogicalResult verifyBlockValues(EmitErrorFn emitError, ArrayRef<int64_t> block) {
  if (block.empty())
    return emitError() << "block must have one entry per dimension, got []";
  for (int64_t size : block)
    if (size <= 0)
      return emitError() << "block sizes must be positive, got " << size;
  return success();
}

LogicalResult verifyBlockFits(EmitErrorFn emitError, ArrayRef<int64_t> block,
                              ArrayRef<int64_t> shape) {
  if (block.size() != shape.size())
    return emitError() << "block has " << block.size()
                       << (block.size() == 1 ? " entry" : " entries")
                       << " but the tensor has rank " << shape.size()
                       << "; give one block size per dimension";
  for (auto [dim, pair] : llvm::enumerate(llvm::zip_equal(shape, block))) {
    auto [size, blockSize] = pair;
    if (size % blockSize != 0)
      return emitError() << "block size " << blockSize
                         << " does not divide dimension " << dim << " of size "
                         << size << "; use a divisor of " << size;
  }
  return success();
}

LogicalResult verifyPackingBits(EmitErrorFn emitError, PackingAttr packing,
                                unsigned bits) {
  if (packing && packing.getBits() != bits)
    return emitError() << "packing stores " << packing.getBits()
                       << "-bit codes but the encoding has " << bits
                       << "-bit codes; make them equal";
  return success();
}

LogicalResult verifyMatrix(EmitErrorFn emitError, ArrayRef<int64_t> shape,
                           StringRef what) {
  if (shape.size() != 2)
    return emitError() << what << " describes a [N, K] weight matrix, got rank "
                       << shape.size();
  return success();
}

LogicalResult verifyVectorDim(EmitErrorFn emitError, ArrayRef<int64_t> shape,
                              int64_t dim, StringRef what) {
  if (failed(verifyMatrix(emitError, shape, what)))
    return failure();
  if (shape[1] % dim != 0)
    return emitError() << what << " vector dimension " << dim
                       << " does not divide K = " << shape[1]
                       << "; pad K or pick a divisor";
  return success();
}
} // namespace

//===----------------------------------------------------------------------===//
// PackingAttr
//===----------------------------------------------------------------------===//

LogicalResult PackingAttr::verify(EmitErrorFn emitError, unsigned bits,
                                  BitOrder order, ArrayRef<int64_t> tile,
                                  ArrayRef<int64_t> interleave) {
  if (bits < 1 || bits > 8)
    return emitError() << "packing bits must be in [1, 8], got " << bits;
  if (!tile.empty()) {
    if (tile.size() != 2)
      return emitError() << "packing tile must be [rows, cols], got "
                         << tile.size() << " entries";
    if (tile[0] <= 0 || tile[1] <= 0 || tile[0] > (int64_t(1) << 24) ||
        tile[1] > (int64_t(1) << 24))
      return emitError() << "packing tile sizes must be in [1, 2^24]";
    if ((tile[0] * tile[1] * bits) % 8 != 0)
      return emitError() << "a packing tile of " << tile[0] << "x" << tile[1]
                         << " " << bits
                         << "-bit codes does not fill whole bytes";
  }
  if (!interleave.empty()) {
    SmallVector<bool> seen(interleave.size(), false);
    for (int64_t slot : interleave) {
      if (slot < 0 || slot >= static_cast<int64_t>(interleave.size()) ||
          seen[slot])
        return emitError() << "packing interleave must be a permutation of 0.."
                           << interleave.size() - 1;
      seen[slot] = true;
    }
  }
  return success();
}

SmallVector<int64_t> PackingAttr::getStorageShape(ArrayRef<int64_t> shape) const {
  int64_t bits = getBits();
  if (!getTile().empty()) {
    ArrayRef<int64_t> tile = getTile();
    return {shape[0] / tile[0], shape[1] / tile[1],
            tile[0] * tile[1] * bits / 8};
  }
  SmallVector<int64_t> storage(shape);
  storage.back() = llvm::divideCeil(shape.back() * bits, 8);
  return storage;
}

LogicalResult PackingAttr::verifyShape(EmitErrorFn emitError,
                                       ArrayRef<int64_t> shape) const {
  int64_t streamLength = shape.back();
  if (!getTile().empty()) {
    ArrayRef<int64_t> tile = getTile();
    if (shape.size() != 2)
      return emitError() << "a tiled packing needs a rank-2 tensor, got rank "
                         << shape.size();
    if (shape[0] % tile[0] != 0 || shape[1] % tile[1] != 0)
      return emitError() << "packing tile [" << tile[0] << ", " << tile[1]
                         << "] does not divide the shape [" << shape[0] << ", "
                         << shape[1] << "]";
    streamLength = tile[0] * tile[1];
  }
  int64_t runLength = getInterleave().size();
  if (runLength != 0 && streamLength % runLength != 0)
    return emitError() << "packing interleave of length " << runLength
                       << " does not divide the " << streamLength
                       << " codes of each packed row or tile";
  return success();
}

//===----------------------------------------------------------------------===//
// Encodings
//===----------------------------------------------------------------------===//

LogicalResult UniformAttr::verify(EmitErrorFn emitError, unsigned bits,
                                  Signedness, ArrayRef<int64_t> block, bool,
                                  PackingAttr packing) {
  if (bits < 2 || bits > 8)
    return emitError() << "uniform bits must be in [2, 8], got " << bits;
  if (failed(verifyBlockValues(emitError, block)))
    return failure();
  return verifyPackingBits(emitError, packing, bits);
}

LogicalResult UniformAttr::verifyShape(EmitErrorFn emitError,
                                       ArrayRef<int64_t> shape) const {
  if (failed(verifyBlockFits(emitError, getBlock(), shape)))
    return failure();
  return getPacking() ? getPacking().verifyShape(emitError, shape) : success();
}

LogicalResult LutAttr::verify(EmitErrorFn emitError, unsigned bits,
                              LutKind table, ArrayRef<int64_t> block,
                              PackingAttr packing) {
  if (bits < 1 || bits > 8)
    return emitError() << "lut bits must be in [1, 8], got " << bits;
  if (table != LutKind::Custom && bits != 4)
    return emitError() << "table " << stringifyLutKind(table)
                       << " has 16 entries and needs bits = 4, got " << bits;
  if (failed(verifyBlockValues(emitError, block)))
    return failure();
  return verifyPackingBits(emitError, packing, bits);
}

LogicalResult LutAttr::verifyShape(EmitErrorFn emitError,
                                   ArrayRef<int64_t> shape) const {
  if (failed(verifyBlockFits(emitError, getBlock(), shape)))
    return failure();
  return getPacking() ? getPacking().verifyShape(emitError, shape) : success();
}

LogicalResult Fp8Attr::verify(EmitErrorFn emitError, ArrayRef<int64_t> block) {
  return verifyBlockValues(emitError, block);
}

LogicalResult Fp8Attr::verifyShape(EmitErrorFn emitError,
                                   ArrayRef<int64_t> shape) const {
  return verifyBlockFits(emitError, getBlock(), shape);
}

LogicalResult AdditiveAttr::verify(EmitErrorFn emitError, unsigned books,
                                   unsigned bits, unsigned dim) {
  if (books < 1 || books > 16)
    return emitError() << "additive books must be in [1, 16], got " << books;
  if (bits < 1 || bits > 16)
    return emitError() << "additive codebook bits must be in [1, 16], got "
                       << bits;
  if (dim < 1)
    return emitError() << "additive vector dimension must be positive";
  return success();
}

LogicalResult AdditiveAttr::verifyShape(EmitErrorFn emitError,
                                        ArrayRef<int64_t> shape) const {
  return verifyVectorDim(emitError, shape, getDim(), "additive encoding");
}

LogicalResult VectorAttr::verify(EmitErrorFn emitError, unsigned dim,
                                 unsigned centroids, unsigned) {
  if (dim < 1)
    return emitError() << "vector dimension must be positive";
  if (centroids < 1)
    return emitError() << "vector encoding needs at least one centroid";
  return success();
}

LogicalResult VectorAttr::verifyShape(EmitErrorFn emitError,
                                      ArrayRef<int64_t> shape) const {
  return verifyVectorDim(emitError, shape, getDim(), "vector encoding");
}

LogicalResult E8PAttr::verifyShape(EmitErrorFn emitError,
                                   ArrayRef<int64_t> shape) const {
  if (failed(verifyMatrix(emitError, shape, "e8p encoding")))
    return failure();
  if (shape[1] % 8 != 0)
    return emitError() << "e8p encoding stores one code per 8 weights and "
                          "needs K divisible by 8, got K = "
                       << shape[1] << "; pad K to " << llvm::alignTo(shape[1], 8);
  return success();
}

LogicalResult HadamardAttr::verifyShape(EmitErrorFn emitError,
                                        ArrayRef<int64_t> shape) const {
  if (failed(verifyMatrix(emitError, shape, "hadamard encoding")))
    return failure();
  for (int64_t size : shape)
    if (!llvm::isPowerOf2_64(size))
      return emitError() << "hadamard rotation needs power-of-two dimensions, "
                            "got "
                         << size << "; pad it to " << llvm::PowerOf2Ceil(size);
  return success();
}

LogicalResult SparseOutliersAttr::verifyShape(EmitErrorFn emitError,
                                              ArrayRef<int64_t> shape) const {
  return verifyMatrix(emitError, shape, "sparse_outliers encoding");
}

LogicalResult OutlierColumnsAttr::verifyShape(EmitErrorFn emitError,
                                              ArrayRef<int64_t> shape) const {
  if (failed(verifyMatrix(emitError, shape, "outlier_columns encoding")))
    return failure();
  if (getCount() < 1 || getCount() > shape[1])
    return emitError() << "outlier_columns count must be in [1, K = "
                       << shape[1] << "], got " << getCount();
  return success();
}

LogicalResult BitStackAttr::verify(EmitErrorFn emitError, unsigned levels,
                                   unsigned rank) {
  if (levels < 1 || rank < 1)
    return emitError() << "bitstack needs levels >= 1 and rank >= 1";
  return success();
}

LogicalResult BitStackAttr::verifyShape(EmitErrorFn emitError,
                                        ArrayRef<int64_t> shape) const {
  return verifyMatrix(emitError, shape, "bitstack encoding");
}

LogicalResult ActQuantAttr::verify(EmitErrorFn emitError, unsigned bits,
                                   ActGranularity) {
  if (bits < 2 || bits > 8)
    return emitError() << "act_quant bits must be in [2, 8], got " << bits;
  return success();
}
