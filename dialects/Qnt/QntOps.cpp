//===- QntOps.cpp - qnt op verifiers --------------------------------------===//

#include "dialects/Qnt/QntDialect.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/OpImplementation.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/MathExtras.h"

using namespace mlir;
using namespace quench::qnt;

#define GET_OP_CLASSES
#include "dialects/Qnt/QntOps.cpp.inc"

namespace {
std::string formatShape(ArrayRef<int64_t> shape) {
  std::string text = "[";
  llvm::raw_string_ostream os(text);
  llvm::interleaveComma(shape, os, [&](int64_t dim) {
    if (ShapedType::isDynamic(dim))
      os << '?';
    else
      os << dim;
  });
  os << ']';
  return text;
}

/// Checks that `value` (a tensor or qtensor) has shape `expected`; a dynamic
/// dimension in `value` matches anything.
LogicalResult checkShape(Operation *op, Value value, StringRef name,
                         ArrayRef<int64_t> expected, StringRef why = "") {
  ArrayRef<int64_t> actual = getTensorShape(value.getType());
  bool matches = actual.size() == expected.size() &&
                 llvm::all_of(llvm::zip_equal(actual, expected), [](auto pair) {
                   auto [a, e] = pair;
                   return ShapedType::isDynamic(a) || a == e;
                 });
  if (matches)
    return success();
  InFlightDiagnostic diag = op->emitOpError()
                            << name << " has shape " << formatShape(actual)
                            << " but " << formatShape(expected)
                            << " is expected";
  if (!why.empty())
    diag << " (" << why << ")";
  return diag;
}

/// Integer codes: unpacked in an integer type of at least `bits` bits, or
/// packed in i8 with the packing's storage shape.
LogicalResult checkCodes(Operation *op, Value codes, ArrayRef<int64_t> shape,
                         unsigned bits, PackingAttr packing) {
  auto codesType = cast<RankedTensorType>(codes.getType());
  if (packing) {
    if (!codesType.getElementType().isInteger(8))
      return op->emitOpError() << "packed codes must be stored in i8, got "
                               << codesType.getElementType();
    return checkShape(op, codes, "packed codes", packing.getStorageShape(shape),
                      "the storage shape of " + formatShape(shape) +
                          " under the encoding's packing");
  }
  unsigned width = codesType.getElementTypeBitWidth();
  if (width < bits)
    return op->emitOpError() << "codes of type " << codesType.getElementType()
                             << " cannot hold " << bits
                             << "-bit codes; use a wider integer or a packing";
  return checkShape(op, codes, "codes", shape, "the logical shape");
}

LogicalResult checkBlockScales(Operation *op, Value scales,
                               ArrayRef<int64_t> shape,
                               ArrayRef<int64_t> block, StringRef name) {
  return checkShape(op, scales, name, getScaleShape(shape, block),
                    "the tensor shape divided by the block " +
                        formatShape(block));
}

/// Unsigned indices of `type` must be able to address `count` entries.
LogicalResult checkIndexWidth(Operation *op, RankedTensorType type,
                              int64_t count, StringRef name) {
  unsigned width = type.getElementTypeBitWidth();
  if (width < 64 && (int64_t(1) << width) < count)
    return op->emitOpError() << name << " of type " << type.getElementType()
                             << " cannot address " << count
                             << " entries; use a wider integer";
  return success();
}

LogicalResult checkSameExpressed(Operation *op, QTensorType inner,
                                 QTensorType outer, StringRef name) {
  if (inner.getShape() != outer.getShape() ||
      inner.getElementType() != outer.getElementType())
    return op->emitOpError()
           << name << " must have the result's shape and float type, got "
           << inner << " for " << outer;
  return success();
}
} // namespace

//===----------------------------------------------------------------------===//
// Constructors
//===----------------------------------------------------------------------===//

LogicalResult UniformOp::verify() {
  UniformAttr encoding = getEncoding();
  ArrayRef<int64_t> shape = getType().getShape();
  if (failed(checkCodes(*this, getCodes(), shape, encoding.getBits(),
                        encoding.getPacking())))
    return failure();
  if (encoding.getZeroPoint() != static_cast<bool>(getZeroPoints()))
    return emitOpError() << (encoding.getZeroPoint()
                                 ? "encoding has zero_point = true but no "
                                   "zero_points operand is given"
                                 : "zero_points are given but the encoding "
                                   "says zero_point = false; set zero_point = "
                                   "true");
  if (Value groupIndex = getGroupIndex()) {
    if (shape.size() != 2)
      return emitOpError() << "group_index needs a rank-2 [N, K] weight";
    if (failed(checkShape(*this, groupIndex, "group_index", {shape[1]},
                          "one group per input column")))
      return failure();
    ArrayRef<int64_t> scaleShape = getTensorShape(getScales().getType());
    if (scaleShape.size() != 2)
      return emitOpError() << "with group_index, scales must be rank-2 "
                              "[N / block[0], number of groups], got shape "
                           << formatShape(scaleShape);
    if (failed(checkShape(*this, getScales(), "scales",
                          {shape[0] / encoding.getBlock()[0], scaleShape[1]},
                          "[N / block[0], number of groups]")))
      return failure();
  } else if (failed(checkBlockScales(*this, getScales(), shape,
                                     encoding.getBlock(), "scales"))) {
    return failure();
  }
  if (Value zeroPoints = getZeroPoints())
    return checkShape(*this, zeroPoints, "zero_points",
                      getTensorShape(getScales().getType()),
                      "the shape of the scales");
  return success();
}

LogicalResult LutOp::verify() {
  LutAttr encoding = getEncoding();
  ArrayRef<int64_t> shape = getType().getShape();
  if (failed(checkCodes(*this, getCodes(), shape, encoding.getBits(),
                        encoding.getPacking())) ||
      failed(checkBlockScales(*this, getScales(), shape, encoding.getBlock(),
                              "scales")))
    return failure();
  bool custom = encoding.getTable() == LutKind::Custom;
  if (custom != static_cast<bool>(getTable()))
    return emitOpError() << (custom ? "table = custom needs a table operand"
                                    : "a table operand is given but the "
                                      "encoding names a built-in table; use "
                                      "table = custom");
  if (Value table = getTable())
    return checkShape(*this, table, "table",
                      {int64_t(1) << encoding.getBits()}, "2^bits entries");
  return success();
}

LogicalResult Fp8Op::verify() {
  ArrayRef<int64_t> shape = getType().getShape();
  if (failed(checkShape(*this, getCodes(), "codes", shape, "the logical shape")))
    return failure();
  return checkBlockScales(*this, getScales(), shape, getEncoding().getBlock(),
                          "scales");
}

LogicalResult AdditiveOp::verify() {
  AdditiveAttr encoding = getEncoding();
  ArrayRef<int64_t> shape = getType().getShape();
  int64_t books = encoding.getBooks(), dim = encoding.getDim();
  auto codesType = cast<RankedTensorType>(getCodes().getType());
  if (codesType.getElementTypeBitWidth() < encoding.getBits())
    return emitOpError() << "codes of type " << codesType.getElementType()
                         << " cannot hold " << encoding.getBits()
                         << "-bit codebook indices";
  if (failed(checkShape(*this, getCodes(), "codes",
                        {shape[0], shape[1] / dim, books},
                        "[N, K / dim, books]")) ||
      failed(checkShape(*this, getCodebooks(), "codebooks",
                        {books, int64_t(1) << encoding.getBits(), dim},
                        "[books, 2^bits, dim]")))
    return failure();
  return checkShape(*this, getScales(), "scales", {shape[0]},
                    "one scale per output row");
}

LogicalResult VectorOp::verify() {
  VectorAttr encoding = getEncoding();
  ArrayRef<int64_t> shape = getType().getShape();
  int64_t dim = encoding.getDim();
  SmallVector<int64_t> indexShape = {shape[0], shape[1] / dim};
  if (failed(checkShape(*this, getIndices(), "indices", indexShape,
                        "[N, K / dim]")) ||
      failed(checkShape(*this, getCentroids(), "centroids",
                        {int64_t(encoding.getCentroids()), dim},
                        "[centroids, dim]")))
    return failure();
  if (static_cast<bool>(getResidualIndices()) !=
      static_cast<bool>(getResidualCentroids()))
    return emitOpError() << "residual indices and residual centroids must be "
                            "given together";
  bool residual = encoding.getResidualCentroids() > 0;
  if (residual != static_cast<bool>(getResidualIndices()))
    return emitOpError() << (residual ? "encoding has residual_centroids > 0 "
                                        "but no residual operands are given"
                                      : "residual operands are given but the "
                                        "encoding has residual_centroids = 0");
  if (residual &&
      (failed(checkShape(*this, getResidualIndices(), "residual indices",
                         indexShape, "[N, K / dim]")) ||
       failed(checkShape(*this, getResidualCentroids(), "residual centroids",
                         {int64_t(encoding.getResidualCentroids()), dim},
                         "[residual_centroids, dim]"))))
    return failure();
  auto indicesType = cast<RankedTensorType>(getIndices().getType());
  if (failed(checkIndexWidth(*this, indicesType, encoding.getCentroids(),
                             "indices")))
    return failure();
  if (residual &&
      failed(checkIndexWidth(
          *this, cast<RankedTensorType>(getResidualIndices().getType()),
          encoding.getResidualCentroids(), "residual indices")))
    return failure();
  if (Value scales = getColumnScales())
    if (failed(checkShape(*this, scales, "column_scales", {shape[1]},
                          "one per input column")))
      return failure();
  if (Value biases = getColumnBiases())
    if (failed(checkShape(*this, biases, "column_biases", {shape[1]},
                          "one per input column")))
      return failure();
  return success();
}

LogicalResult E8POp::verify() {
  ArrayRef<int64_t> shape = getType().getShape();
  return checkShape(*this, getCodes(), "codes", {shape[0], shape[1] / 8},
                    "one 16-bit code per 8 weights");
}

LogicalResult HadamardOp::verify() {
  return checkSameExpressed(*this, getInner().getType(), getType(), "inner");
}

LogicalResult SparseOutliersOp::verify() {
  if (failed(checkSameExpressed(*this, getBase().getType(), getType(), "base")))
    return failure();
  ArrayRef<int64_t> shape = getType().getShape();
  if (failed(checkShape(*this, getRowPtr(), "row_ptr", {shape[0] + 1},
                        "N + 1 row offsets")))
    return failure();
  ArrayRef<int64_t> cols = getTensorShape(getColIdx().getType());
  ArrayRef<int64_t> values = getTensorShape(getValues().getType());
  if (cols.size() != 1 || values.size() != 1)
    return emitOpError() << "col_idx and values must be rank-1 [nnz] tensors";
  if (!ShapedType::isDynamic(cols[0]) && !ShapedType::isDynamic(values[0]) &&
      cols[0] != values[0])
    return emitOpError() << "col_idx has " << cols[0] << " entries but values has "
                         << values[0] << "; both hold one entry per outlier";
  return success();
}

LogicalResult OutlierColumnsOp::verify() {
  if (failed(checkSameExpressed(*this, getBase().getType(), getType(), "base")))
    return failure();
  ArrayRef<int64_t> shape = getType().getShape();
  int64_t count = cast<OutlierColumnsAttr>(getType().getEncoding()).getCount();
  if (failed(checkShape(*this, getColumns(), "columns", {count},
                        "the encoding's count")))
    return failure();
  return checkShape(*this, getValues(), "values", {shape[0], count},
                    "[N, count]");
}

LogicalResult BitStackOp::verify() {
  auto encoding = cast<BitStackAttr>(getType().getEncoding());
  ArrayRef<int64_t> shape = getType().getShape();
  int64_t levels = encoding.getLevels(), rank = encoding.getRank();
  if (failed(checkShape(*this, getSigns(), "signs",
                        {levels, shape[0], static_cast<int64_t>(llvm::divideCeil(shape[1], 8))},
                        "[levels, N, ceil(K / 8)] sign bits")) ||
      failed(checkShape(*this, getU(), "u", {levels, shape[0], rank},
                        "[levels, N, rank]")))
    return failure();
  return checkShape(*this, getV(), "v", {levels, rank, shape[1]},
                    "[levels, rank, K]");
}

//===----------------------------------------------------------------------===//
// Consumers
//===----------------------------------------------------------------------===//

LogicalResult DequantizeOp::verify() {
  if (getType() != getInput().getType().getExpressedType())
    return emitOpError() << "result must be "
                         << getInput().getType().getExpressedType()
                         << ", the tensor the input stands for";
  return success();
}

LogicalResult QuantizeOp::verify() {
  UniformAttr encoding = getEncoding();
  if (encoding.getPacking())
    return emitOpError() << "returns unpacked codes; drop the packing from the "
                            "encoding";
  if (!getInput().getType().hasStaticShape())
    return emitOpError() << "needs a static input shape to place its blocks, got "
                         << getInput().getType();
  ArrayRef<int64_t> shape = getInput().getType().getShape();
  if (failed(encoding.verifyShape([&] { return emitOpError(); }, shape)) ||
      failed(checkCodes(*this, getResult(), shape, encoding.getBits(), {})) ||
      failed(checkBlockScales(*this, getScales(), shape, encoding.getBlock(),
                              "scales")))
    return failure();
  if (encoding.getZeroPoint() != static_cast<bool>(getZeroPoints()))
    return emitOpError() << "zero_points must be given exactly when the "
                            "encoding says zero_point = true";
  if (Value zeroPoints = getZeroPoints())
    return checkBlockScales(*this, zeroPoints, shape, encoding.getBlock(),
                            "zero_points");
  return success();
}

LogicalResult MatmulOp::verify() {
  ArrayRef<int64_t> input = getInput().getType().getShape();
  ArrayRef<int64_t> weight = getWeight().getType().getShape();
  if (weight.size() != 2)
    return emitOpError() << "weight must be a rank-2 [N, K] qtensor, got rank "
                         << weight.size();
  if (input.empty() || (!ShapedType::isDynamic(input.back()) &&
                        input.back() != weight[1]))
    return emitOpError() << "input's last dimension must equal the weight's K = "
                         << weight[1] << ", got input shape "
                         << formatShape(input);
  if (Value bias = getBias())
    if (failed(checkShape(*this, bias, "bias", {weight[0]}, "[N]")))
      return failure();
  if (getInputScale() && !getActQuant())
    return emitOpError() << "input_scale is only meaningful with act_quant";
  if (getInputScale() &&
      getActQuant()->getGranularity() != ActGranularity::PerTensor)
    return emitOpError() << "a static input_scale is one scale for the whole "
                            "tensor; set act_quant granularity = per_tensor";
  Type floatType = getInput().getType().getElementType();
  if (cast<RankedTensorType>(getType()).getElementType() != floatType)
    return emitOpError() << "result element type must be the input's, "
                         << floatType;
  if (Value bias = getBias())
    if (cast<RankedTensorType>(bias.getType()).getElementType() != floatType)
      return emitOpError() << "bias element type must be the input's, "
                           << floatType;
  SmallVector<int64_t> expected(input.drop_back());
  expected.push_back(weight[0]);
  return checkShape(*this, getResult(), "result", expected,
                    "input's leading dimensions, then N");
}
