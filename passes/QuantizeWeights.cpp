//===- QuantizeWeights.cpp - weight quantization of linear layers ---------===//
//
// quench-quantize-rtn: finds the linear layers of a model (contractions with
// a constant 2-D weight and a zero accumulator), quantizes their weights with
// lib/Quant and rewrites them into qnt.matmul of a packed qnt.uniform weight.
//
//===----------------------------------------------------------------------===//

#include "passes/Passes.h"

#include "dialects/Qnt/QntDialect.h"
#include "quench/Quant/Gptq.h"
#include "quench/Quant/Packing.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Linalg/IR/LinalgInterfaces.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/DialectResourceBlobManager.h"

#include <cstring>
#include <optional>

namespace quench {
#define GEN_PASS_DEF_QUANTIZERTN
#include "passes/Passes.h.inc"
} // namespace quench

using namespace mlir;
namespace qnt = quench::qnt;

namespace {

/// A linear layer: y[..., n] = sum_k x[..., k] * W (W [K, N], or [N, K] when
/// `transposed`), with y starting at zero.
struct LinearLayer {
  mutable linalg::LinalgOp op;
  Value input;
  arith::ConstantOp weight;
  bool transposed = false;
  int64_t k = 0, n = 0;
  std::string name;
};

bool isZeroFill(Value init) {
  auto fill = init.getDefiningOp<linalg::FillOp>();
  if (!fill)
    return false;
  FloatAttr value;
  return matchPattern(fill.getInputs()[0], m_Constant(&value)) && value.getValue().isZero();
}

/// The float values of a 2-D f32 constant (inline or a resource blob).
std::optional<std::vector<float>> constantFloats(arith::ConstantOp constant) {
  auto type = dyn_cast<RankedTensorType>(constant.getType());
  if (!type || type.getRank() != 2 || !type.getElementType().isF32() ||
      !type.hasStaticShape())
    return std::nullopt;
  size_t count = type.getNumElements();
  std::vector<float> values(count);
  Attribute value = constant.getValue();
  if (auto resource = dyn_cast<DenseResourceElementsAttr>(value)) {
    AsmResourceBlob *blob = resource.getRawHandle().getBlob();
    if (!blob || blob->getData().size() != count * sizeof(float))
      return std::nullopt;
    std::memcpy(values.data(), blob->getData().data(), count * sizeof(float));
    return values;
  }
  if (auto dense = dyn_cast<DenseElementsAttr>(value)) {
    size_t i = 0;
    for (float v : dense.getValues<float>())
      values[i++] = v;
    return values;
  }
  return std::nullopt;
}

/// Matches a linear layer; nothing for any other op.
std::optional<LinearLayer> matchLinear(linalg::LinalgOp op) {
  if (!op.hasPureTensorSemantics() || op.getNumDpsInputs() != 2 || op.getNumDpsInits() != 1 ||
      !linalg::isaContractionOpInterface(op))
    return std::nullopt;
  FailureOr<linalg::ContractionDimensions> dims = linalg::inferContractionDims(op);
  if (failed(dims) || dims->k.size() != 1 || dims->n.size() != 1 || !dims->batch.empty())
    return std::nullopt;
  unsigned k = dims->k[0], n = dims->n[0];
  for (unsigned w = 0; w < 2; ++w) {
    OpOperand *weightOperand = op.getDpsInputOperand(w);
    OpOperand *inputOperand = op.getDpsInputOperand(1 - w);
    auto constant = weightOperand->get().getDefiningOp<arith::ConstantOp>();
    if (!constant)
      continue;
    AffineMap weightMap = op.getMatchingIndexingMap(weightOperand);
    AffineMap inputMap = op.getMatchingIndexingMap(inputOperand);
    AffineMap outputMap = op.getMatchingIndexingMap(op.getDpsInitOperand(0));
    if (weightMap.getNumResults() != 2 || !weightMap.isProjectedPermutation())
      continue;
    bool kn = weightMap.getDimPosition(0) == k && weightMap.getDimPosition(1) == n;
    bool nk = weightMap.getDimPosition(0) == n && weightMap.getDimPosition(1) == k;
    if (!kn && !nk)
      continue;
    // x[..., k] and y[..., n] over the same leading dimensions, in order.
    if (!inputMap.isProjectedPermutation() || !outputMap.isProjectedPermutation() ||
        inputMap.getNumResults() != outputMap.getNumResults() ||
        inputMap.getDimPosition(inputMap.getNumResults() - 1) != k ||
        outputMap.getDimPosition(outputMap.getNumResults() - 1) != n)
      continue;
    bool sameLeading = true;
    for (unsigned i = 0; i + 1 < inputMap.getNumResults(); ++i)
      sameLeading &= inputMap.getDimPosition(i) == outputMap.getDimPosition(i);
    if (!sameLeading || !isZeroFill(op.getDpsInitOperand(0)->get()))
      continue;
    auto weightType = cast<RankedTensorType>(constant.getType());
    LinearLayer layer;
    layer.op = op;
    layer.input = inputOperand->get();
    layer.weight = constant;
    layer.transposed = nk;
    layer.k = weightType.getDimSize(kn ? 0 : 1);
    layer.n = weightType.getDimSize(kn ? 1 : 0);
    if (auto name = constant->getAttrOfType<StringAttr>("onnx.name"))
      layer.name = name.str();
    return layer;
  }
  return std::nullopt;
}

/// Whether `value` reaches a return through reshapes only (the output layer).
bool isReturned(Value value) {
  for (Operation *user : value.getUsers()) {
    if (isa<func::ReturnOp>(user))
      return true;
    if (isa<tensor::ExpandShapeOp, tensor::CollapseShapeOp, tensor::ReshapeOp, tensor::CastOp>(
            user) &&
        isReturned(user->getResult(0)))
      return true;
  }
  return false;
}

template <typename T>
DenseElementsAttr rawConstant(RankedTensorType type, const std::vector<T> &values) {
  return DenseElementsAttr::getFromRawBuffer(
      type, ArrayRef<char>(reinterpret_cast<const char *>(values.data()),
                           values.size() * sizeof(T)));
}

/// Replaces the layer with qnt.matmul of its input and the quantized weight
/// (codes [N, K] packed LSB-first below 8 bits, scales and zero points
/// [N, groups], the group index when it is not k / group-size).
void replaceWithQuantized(const LinearLayer &layer, const quench::quant::QuantizedWeight &q,
                          int64_t groupSize) {
  OpBuilder b(layer.op);
  MLIRContext *ctx = b.getContext();
  Location loc = layer.op.getLoc();
  int64_t n = q.rows, k = q.cols, groups = q.numGroups;
  std::vector<int32_t> codes(q.codes.begin(), q.codes.end());
  Value codesValue;
  qnt::PackingAttr packing;
  if (q.bits < 8) {
    packing = qnt::PackingAttr::get(ctx, q.bits, qnt::BitOrder::LsbFirst, {}, {});
    std::vector<uint8_t> packed =
        quench::quant::packMatrix(codes, n, k, q.bits, quench::quant::BitOrder::LsbFirst);
    int64_t rowBytes = static_cast<int64_t>(packed.size()) / n;
    codesValue = arith::ConstantOp::create(
        b, loc, rawConstant(RankedTensorType::get({n, rowBytes}, b.getI8Type()), packed));
  } else {
    codesValue = arith::ConstantOp::create(
        b, loc, rawConstant(RankedTensorType::get({n, k}, b.getI8Type()), q.codes));
  }
  Value scales = arith::ConstantOp::create(
      b, loc, rawConstant(RankedTensorType::get({n, groups}, b.getF32Type()), q.scales));
  std::vector<uint8_t> zeros(q.zeros.size());
  for (size_t i = 0; i < zeros.size(); ++i)
    zeros[i] = static_cast<uint8_t>(q.zeros[i]);
  Value zeroPoints = arith::ConstantOp::create(
      b, loc, rawConstant(RankedTensorType::get({n, groups}, b.getI8Type()), zeros));
  Value groupIndex;
  for (int64_t c = 0; c < k && !groupIndex; ++c)
    if (q.groupIndex[c] != (groupSize ? c / groupSize : 0))
      groupIndex = arith::ConstantOp::create(
          b, loc, rawConstant(RankedTensorType::get({k}, b.getI32Type()), q.groupIndex));

  int64_t block = groupSize && !groupIndex ? groupSize : (groupSize ? groupSize : k);
  auto encoding = qnt::UniformAttr::get(ctx, q.bits, qnt::Signedness::Unsigned, {1, block},
                                        /*zero_point=*/true, packing);
  auto weightType = qnt::QTensorType::get(ctx, {n, k}, b.getF32Type(), encoding);
  Value weight = qnt::UniformOp::create(b, loc, weightType, codesValue, scales, zeroPoints,
                                        groupIndex);
  auto resultType = cast<RankedTensorType>(layer.op->getResult(0).getType());
  Value result = qnt::MatmulOp::create(b, loc, resultType, layer.input, weight, Value(),
                                       Value(), qnt::ActQuantAttr());
  if (!layer.name.empty())
    result.getDefiningOp()->setAttr("quench.weight", b.getStringAttr(layer.name));
  layer.op->getResult(0).replaceAllUsesWith(result);
  layer.op->erase();
}

struct QuantizeRtnPass : quench::impl::QuantizeRtnBase<QuantizeRtnPass> {
  using Base::Base;

  void runOnOperation() override {
    func::FuncOp func = getOperation();
    if (bits < 2 || bits > 8) {
      func.emitError("quench-quantize-rtn: bits must be 2 to 8, got ") << static_cast<unsigned>(bits);
      return signalPassFailure();
    }
    if (groupSize < 0) {
      func.emitError("quench-quantize-rtn: group-size must be >= 0");
      return signalPassFailure();
    }
    // Matched one at a time: replacing a layer changes its users' inputs.
    SmallVector<linalg::LinalgOp> candidates;
    func.walk([&](linalg::LinalgOp op) { candidates.push_back(op); });
    for (linalg::LinalgOp candidate : candidates) {
      std::optional<LinearLayer> match = matchLinear(candidate);
      if (!match)
        continue;
      const LinearLayer &layer = *match;
      if (!outputLayer && isReturned(layer.op->getResult(0)))
        continue;
      if (groupSize && layer.k % groupSize != 0) {
        layer.op.emitWarning("weight ")
            << (layer.name.empty() ? "" : "'" + layer.name + "' ") << "[" << layer.k << " x "
            << layer.n << "]: group size " << static_cast<int64_t>(groupSize) << " does not divide its " << layer.k
            << " inputs; left in float";
        continue;
      }
      std::optional<std::vector<float>> values = constantFloats(layer.weight);
      if (!values)
        continue;
      // lib/Quant takes [outputs, inputs].
      std::vector<float> rows(values->size());
      for (int64_t i = 0; i < layer.k; ++i)
        for (int64_t j = 0; j < layer.n; ++j)
          rows[j * layer.k + i] = layer.transposed ? (*values)[j * layer.k + i]
                                                   : (*values)[i * layer.n + j];
      quench::quant::GridOptions grid{bits, groupSize, symmetric, mseClip};
      quench::quant::QuantizedWeight q =
          quench::quant::quantizeRtn(rows.data(), layer.n, layer.k, grid);
      replaceWithQuantized(layer, q, groupSize);
    }
  }
};

} // namespace
