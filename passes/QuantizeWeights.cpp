//===- QuantizeWeights.cpp - weight quantization of linear layers ---------===//
//
// quench-quantize-rtn: finds the linear layers of a model (contractions with
// a constant 2-D weight and a zero accumulator), quantizes their weights with
// lib/Quant and rewrites them into qnt.matmul of a packed qnt.uniform weight.
//
//===----------------------------------------------------------------------===//

#include "passes/Passes.h"
#include "passes/LinearLayers.h"

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
#include "mlir/Pass/PassManager.h"
#include "mlir/Transforms/Passes.h"

#include <cstring>

#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/raw_ostream.h"
#include <optional>

namespace quench {
#define GEN_PASS_DEF_QUANTIZERTN
#define GEN_PASS_DEF_QUANTIZEGPTQ
#include "passes/Passes.h.inc"
} // namespace quench

using namespace mlir;
using quench::LinearLayer;
namespace qnt = quench::qnt;

namespace {

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
                          int64_t groupSize, bool perTensor = false) {
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
  // Per tensor: every row holds the same grid; one scale and zero point.
  int64_t scaleRows = perTensor ? 1 : n;
  std::vector<float> scaleValues(q.scales.begin(), q.scales.begin() + scaleRows * groups);
  Value scales = arith::ConstantOp::create(
      b, loc,
      rawConstant(RankedTensorType::get({scaleRows, groups}, b.getF32Type()), scaleValues));
  std::vector<uint8_t> zeros(scaleRows * groups);
  for (size_t i = 0; i < zeros.size(); ++i)
    zeros[i] = static_cast<uint8_t>(q.zeros[i]);
  Value zeroPoints = arith::ConstantOp::create(
      b, loc, rawConstant(RankedTensorType::get({scaleRows, groups}, b.getI8Type()), zeros));
  Value groupIndex;
  for (int64_t c = 0; c < k && !groupIndex; ++c)
    if (q.groupIndex[c] != (groupSize ? c / groupSize : 0))
      groupIndex = arith::ConstantOp::create(
          b, loc, rawConstant(RankedTensorType::get({k}, b.getI32Type()), q.groupIndex));

  int64_t block = groupSize && !groupIndex ? groupSize : (groupSize ? groupSize : k);
  auto encoding = qnt::UniformAttr::get(ctx, q.bits, qnt::Signedness::Unsigned,
                                        {perTensor ? n : 1, block},
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

/// The linear layers of `func` a weight-quantization pass rewrites, in order:
/// not the output layer unless asked, and only those whose inputs the group
/// size divides (the others get a warning naming them and stay float).
/// Collected up front; each is matched again when its turn comes, since
/// replacing a layer changes its users' inputs.
template <typename Fn>
void forEachQuantizableLayer(func::FuncOp func, int64_t groupSize, bool outputLayer, Fn fn) {
  SmallVector<linalg::LinalgOp> candidates;
  func.walk([&](linalg::LinalgOp op) { candidates.push_back(op); });
  for (linalg::LinalgOp candidate : candidates) {
    std::optional<LinearLayer> layer = quench::matchLinear(candidate);
    if (!layer || (!outputLayer && quench::isReturned(layer->op->getResult(0))))
      continue;
    if (!quench::isQuantizable(*layer, groupSize, outputLayer)) {
      layer->op.emitWarning("weight ")
          << (layer->name.empty() ? "" : "'" + layer->name + "' ") << "[" << layer->k << " x "
          << layer->n << "]: group size " << groupSize << " does not divide its " << layer->k
          << " inputs; left in float";
      continue;
    }
    if (!fn(*layer))
      return;
  }
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
    if (perTensor && groupSize) {
      func.emitError("quench-quantize-rtn: per-tensor takes group-size=0, got ")
          << static_cast<int64_t>(groupSize);
      return signalPassFailure();
    }
    forEachQuantizableLayer(func, groupSize, outputLayer, [&](const LinearLayer &layer) {
      std::optional<std::vector<float>> rows = quench::weightRows(layer);
      if (!rows)
        return true;
      quench::quant::GridOptions grid{bits, groupSize, symmetric, mseClip};
      grid.perTensor = perTensor;
      quench::quant::QuantizedWeight q =
          quench::quant::quantizeRtn(rows->data(), layer.n, layer.k, grid);
      replaceWithQuantized(layer, q, groupSize, perTensor);
      return true;
    });
  }
};

quench::quant::GridOptions gridOptions(const quench::QuantizeGptqOptions &options) {
  return {options.bits, options.groupSize, options.symmetric, options.mseClip};
}

/// The Hessian quench-calibrate attached to a layer's observed input.
std::optional<ArrayRef<double>> observedHessian(const LinearLayer &layer) {
  auto observer = layer.input.getDefiningOp<qnt::ObserveOp>();
  if (!observer)
    return std::nullopt;
  auto hessian = observer->getAttrOfType<DenseResourceElementsAttr>("quench.hessian");
  if (!hessian)
    return std::nullopt;
  auto type = cast<ShapedType>(hessian.getType());
  AsmResourceBlob *blob = hessian.getRawHandle().getBlob();
  if (!blob || !type.getElementType().isF64() || type.getRank() != 2 ||
      type.getDimSize(0) != layer.k || type.getDimSize(1) != layer.k ||
      blob->getData().size() != static_cast<size_t>(layer.k * layer.k) * sizeof(double))
    return std::nullopt;
  return ArrayRef<double>(reinterpret_cast<const double *>(blob->getData().data()),
                          layer.k * layer.k);
}

struct QuantizeGptqPass : quench::impl::QuantizeGptqBase<QuantizeGptqPass> {
  using Base::Base;

  void runOnOperation() override {
    func::FuncOp func = getOperation();
    quench::QuantizeGptqOptions passOptions;
    passOptions.bits = bits;
    passOptions.groupSize = groupSize;
    passOptions.symmetric = symmetric;
    passOptions.mseClip = mseClip;
    passOptions.actOrder = actOrder;
    passOptions.staticGroups = staticGroups;
    passOptions.dampening = dampening;
    passOptions.blockSize = blockSize;
    quench::quant::GridOptions grid = gridOptions(passOptions);
    unsigned quantized = 0, missing = 0;
    bool failed = false;
    forEachQuantizableLayer(func, groupSize, outputLayer, [&](const LinearLayer &layer) {
      std::optional<ArrayRef<double>> hessian = observedHessian(layer);
      if (!hessian) {
        ++missing;
        return true;
      }
      std::optional<std::vector<float>> rows = quench::weightRows(layer);
      if (!rows)
        return true;
      quench::quant::GptqResult result;
      try {
        result = quench::quantizeLayerGptq(layer, hessian->data(), passOptions);
      } catch (const std::invalid_argument &e) {
        layer.op.emitError("GPTQ of weight '") << layer.name << "': " << e.what();
        failed = true;
        return false;
      }
      if (report) {
        std::vector<float> gptq = result.weight.dequantize();
        std::vector<float> rtn =
            quench::quant::quantizeRtn(rows->data(), layer.n, layer.k, grid)
                .dequantize();
        double objRtn = quench::quant::layerObjective(rows->data(), rtn.data(), layer.n,
                                                      layer.k, hessian->data());
        double objGptq = quench::quant::layerObjective(rows->data(), gptq.data(), layer.n,
                                                       layer.k, hessian->data());
        llvm::errs() << llvm::formatv(
            "gptq: {0,-16} [{1} x {2}]  objective RTN {3,10:e3}  GPTQ {4,10:e3}  ({5:f3})\n",
            layer.name, layer.n, layer.k, objRtn, objGptq, objGptq / objRtn);
      }
      replaceWithQuantized(layer, result.weight, groupSize);
      ++quantized;
      return true;
    });
    if (failed)
      return signalPassFailure();
    if (missing && !quantized) {
      func.emitError("quench-quantize-gptq: no linear layer has calibrated statistics "
                     "(run quench-calibrate first)");
      return signalPassFailure();
    }
  }
};

} // namespace

quench::quant::GptqResult quench::quantizeLayerGptq(const LinearLayer &layer,
                                                    const double *hessian,
                                                    const QuantizeGptqOptions &options) {
  std::optional<std::vector<float>> rows = weightRows(layer);
  if (!rows)
    throw std::invalid_argument("the weight is not a float constant");
  quant::GptqOptions gptq;
  gptq.grid = gridOptions(options);
  gptq.actOrder = options.actOrder;
  gptq.staticGroups = options.staticGroups;
  gptq.dampening = options.dampening;
  gptq.blockSize = options.blockSize;
  return quant::quantizeGptq(rows->data(), layer.n, layer.k, hessian, gptq);
}

std::optional<quench::QuantRecipe> quench::parseQuantRecipe(StringRef spec) {
  // w<bits>[t|g<group>]-<rtn|gptq>[-act][-mse]
  QuantRecipe recipe;
  recipe.spec = spec.str();
  auto [head, method] = spec.split('-');
  if (!head.consume_front("w") || method.empty())
    return std::nullopt;
  recipe.mseClip = method.consume_back("-mse");
  recipe.perTensor = head.consume_back("t");
  auto [bits, group] = head.split('g');
  if (bits.getAsInteger(10, recipe.bits) || recipe.bits < 2 || recipe.bits > 8)
    return std::nullopt;
  if (recipe.perTensor && head.contains('g'))
    return std::nullopt;
  if (head.contains('g') && (group.getAsInteger(10, recipe.groupSize) || recipe.groupSize <= 0))
    return std::nullopt;
  if (method == "gptq" || method == "gptq-act")
    recipe.gptq = true, recipe.actOrder = method == "gptq-act";
  else if (method != "rtn")
    return std::nullopt;
  if (recipe.perTensor && recipe.gptq)
    return std::nullopt; // per-tensor grids are an RTN recipe
  return recipe;
}

quench::QuantizeGptqOptions quench::gptqPassOptions(const QuantRecipe &recipe) {
  QuantizeGptqOptions options;
  options.bits = recipe.bits;
  options.groupSize = recipe.groupSize;
  options.actOrder = recipe.actOrder;
  options.mseClip = recipe.mseClip;
  return options;
}

void quench::addQuantRecipePasses(OpPassManager &pm, const QuantRecipe &recipe, bool report) {
  if (recipe.gptq) {
    QuantizeGptqOptions options = gptqPassOptions(recipe);
    options.report = report;
    pm.addNestedPass<func::FuncOp>(createQuantizeGptq(options));
  } else {
    QuantizeRtnOptions options;
    options.bits = recipe.bits;
    options.groupSize = recipe.groupSize;
    options.perTensor = recipe.perTensor;
    options.mseClip = recipe.mseClip;
    pm.addNestedPass<func::FuncOp>(createQuantizeRtn(options));
  }
  pm.addPass(createCanonicalizerPass());
}

quench::QuantSummary quench::summarizeQuantization(ModuleOp module, int64_t groupSize) {
  QuantSummary summary;
  auto bitsOf = [](Value v) -> int64_t {
    auto type = v ? dyn_cast<RankedTensorType>(v.getType()) : RankedTensorType();
    return type ? type.getNumElements() * type.getElementTypeBitWidth() : 0;
  };
  module.walk([&](Operation *op) {
    if (auto matmul = dyn_cast<qnt::MatmulOp>(op)) {
      ++summary.quantized;
      if (auto weight = matmul.getWeight().getDefiningOp<qnt::UniformOp>()) {
        int64_t elements = 1;
        for (int64_t d : weight.getType().getShape())
          elements *= d;
        summary.weights += elements;
        summary.weightBits += bitsOf(weight.getCodes()) + bitsOf(weight.getScales()) +
                              bitsOf(weight.getZeroPoints()) + bitsOf(weight.getGroupIndex());
      }
      return;
    }
    auto linalgOp = dyn_cast<linalg::LinalgOp>(op);
    if (!linalgOp)
      return;
    std::optional<LinearLayer> layer = quench::matchLinear(linalgOp);
    if (!layer)
      return;
    if (quench::isReturned(layer->op->getResult(0)))
      ++summary.outputLayers;
    else if (!quench::isQuantizable(*layer, groupSize, /*outputLayer=*/true))
      ++summary.indivisible;
    else
      ++summary.otherFloat;
  });
  return summary;
}

std::string quench::QuantSummary::describe() const {
  int64_t total = quantized + outputLayers + indivisible + otherFloat;
  std::string out = llvm::formatv("{0} of {1} linear layers quantized", quantized, total);
  if (weights)
    out += llvm::formatv(", {0:f2} bits per quantized weight",
                         static_cast<double>(weightBits) / static_cast<double>(weights));
  SmallVector<std::string> why;
  if (outputLayers)
    why.push_back(outputLayers == 1 ? "the output layer"
                                    : llvm::formatv("{0} output layers", outputLayers).str());
  if (indivisible)
    why.push_back(llvm::formatv("{0} whose inputs the group size does not divide", indivisible));
  if (otherFloat)
    why.push_back(llvm::formatv("{0} without calibration statistics", otherFloat));
  if (!why.empty())
    out += llvm::formatv("; {0} left in float ({1})", total - quantized,
                         llvm::join(why, ", "));
  return out;
}
