//===- LinearLayers.cpp - finding the linear layers of a model ------------===//

#include "passes/LinearLayers.h"

#include "quench/Support/ConstantData.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/LinalgInterfaces.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Matchers.h"

using namespace mlir;
using quench::LinearLayer;

namespace {

bool isZeroFill(Value init) {
  auto fill = init.getDefiningOp<linalg::FillOp>();
  if (!fill)
    return false;
  FloatAttr value;
  return matchPattern(fill.getInputs()[0], m_Constant(&value)) && value.getValue().isZero();
}

} // namespace

std::optional<std::vector<float>> quench::constantFloats(arith::ConstantOp constant) {
  auto type = dyn_cast<RankedTensorType>(constant.getType());
  if (!type || type.getRank() != 2 || !type.getElementType().isF32())
    return std::nullopt;
  return constantFloatElements(constant.getResult());
}

std::optional<LinearLayer> quench::matchLinear(linalg::LinalgOp op) {
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

bool quench::isReturned(Value value) {
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

bool quench::isQuantizable(const LinearLayer &layer, int64_t groupSize, bool outputLayer) {
  return (outputLayer || !isReturned(layer.op->getResult(0))) &&
         (!groupSize || layer.k % groupSize == 0);
}

std::optional<std::vector<float>> quench::weightRows(const LinearLayer &layer) {
  std::optional<std::vector<float>> values = constantFloats(layer.weight);
  if (!values)
    return std::nullopt;
  std::vector<float> rows(values->size());
  for (int64_t i = 0; i < layer.k; ++i)
    for (int64_t j = 0; j < layer.n; ++j)
      rows[j * layer.k + i] =
          layer.transposed ? (*values)[j * layer.k + i] : (*values)[i * layer.n + j];
  return rows;
}
