//===- Calibration.cpp - observers on the inputs of linear layers ---------===//
//
// quench-insert-observers marks each distinct linear-layer input with
// qnt.observe; quench-expose-observers turns the observers into statistics
// the calibration run returns (Gram matrix, per-channel absmax/min/max).
//
//===----------------------------------------------------------------------===//

#include "passes/LinearLayers.h"
#include "passes/Passes.h"

#include "dialects/Qnt/QntDialect.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"

#include <limits>

namespace quench {
#define GEN_PASS_DEF_INSERTOBSERVERS
#define GEN_PASS_DEF_EXPOSEOBSERVERS
#include "passes/Passes.h.inc"
} // namespace quench

using namespace mlir;
namespace qnt = quench::qnt;

namespace {

struct InsertObserversPass : quench::impl::InsertObserversBase<InsertObserversPass> {
  void runOnOperation() override {
    func::FuncOp func = getOperation();
    SmallVector<linalg::LinalgOp> candidates;
    func.walk([&](linalg::LinalgOp op) { candidates.push_back(op); });
    DenseMap<Value, Value> observed;
    unsigned unnamed = 0;
    for (linalg::LinalgOp candidate : candidates) {
      std::optional<quench::LinearLayer> layer = quench::matchLinear(candidate);
      if (!layer || layer->input.getDefiningOp<qnt::ObserveOp>())
        continue;
      Value &observer = observed[layer->input];
      if (!observer) {
        OpBuilder b(func.getContext());
        b.setInsertionPointAfterValue(layer->input);
        std::string name =
            layer->name.empty() ? "linear" + std::to_string(unnamed++) : layer->name;
        observer = qnt::ObserveOp::create(b, layer->input.getLoc(), layer->input,
                                          b.getStringAttr(name));
      }
      for (OpOperand *operand : candidate.getDpsInputOperands())
        if (operand->get() == layer->input)
          operand->set(observer);
    }
  }
};

/// Appends the statistics of `x` ([..., K], static) to `results`: x^T x,
/// max |x|, min x, max x over the flattened rows.
void appendStatistics(OpBuilder &b, Location loc, Value x, SmallVectorImpl<Value> &results) {
  auto type = cast<RankedTensorType>(x.getType());
  int64_t k = type.getShape().back(), m = type.getNumElements() / k;
  Type f32 = b.getF32Type();
  Value flat = x;
  if (type.getRank() != 2) {
    SmallVector<ReassociationIndices> groups(2);
    for (int64_t d = 0; d + 1 < type.getRank(); ++d)
      groups[0].push_back(d);
    groups[1].push_back(type.getRank() - 1);
    if (type.getRank() == 1)
      flat = tensor::ExpandShapeOp::create(b, loc, RankedTensorType::get({1, k}, f32), x,
                                           SmallVector<ReassociationIndices>{{0, 1}});
    else
      flat = tensor::CollapseShapeOp::create(b, loc, RankedTensorType::get({m, k}, f32), x,
                                             groups);
  }
  MLIRContext *ctx = b.getContext();
  auto filled = [&](ArrayRef<int64_t> shape, float value) {
    Value empty = tensor::EmptyOp::create(b, loc, shape, f32);
    Value init = arith::ConstantOp::create(b, loc, b.getF32FloatAttr(value));
    return linalg::FillOp::create(b, loc, init, empty).getResult(0);
  };
  // Gram: G[i, j] = sum_m x[m, i] x[m, j], the reduction innermost.
  AffineExpr i, j, r;
  bindDims(ctx, i, j, r);
  auto gram = linalg::GenericOp::create(
      b, loc, TypeRange{RankedTensorType::get({k, k}, f32)}, ValueRange{flat, flat},
      ValueRange{filled({k, k}, 0.0f)},
      ArrayRef<AffineMap>{AffineMap::get(3, 0, {r, i}, ctx), AffineMap::get(3, 0, {r, j}, ctx),
                          AffineMap::get(3, 0, {i, j}, ctx)},
      ArrayRef<utils::IteratorType>{utils::IteratorType::parallel, utils::IteratorType::parallel,
                                    utils::IteratorType::reduction},
      [](OpBuilder &nb, Location l, ValueRange args) {
        Value product = arith::MulFOp::create(nb, l, args[0], args[1]);
        linalg::YieldOp::create(nb, l, ValueRange{arith::AddFOp::create(nb, l, args[2], product)});
      });
  results.push_back(gram.getResult(0));
  // Per-channel reductions over the rows.
  AffineExpr c, row;
  bindDims(ctx, c, row);
  auto reduce = [&](float init, auto combine) {
    auto op = linalg::GenericOp::create(
        b, loc, TypeRange{RankedTensorType::get({k}, f32)}, ValueRange{flat},
        ValueRange{filled({k}, init)},
        ArrayRef<AffineMap>{AffineMap::get(2, 0, {row, c}, ctx), AffineMap::get(2, 0, {c}, ctx)},
        ArrayRef<utils::IteratorType>{utils::IteratorType::parallel,
                                      utils::IteratorType::reduction},
        [&](OpBuilder &nb, Location l, ValueRange args) {
          linalg::YieldOp::create(nb, l, ValueRange{combine(nb, l, args[0], args[1])});
        });
    results.push_back(op.getResult(0));
  };
  float inf = std::numeric_limits<float>::infinity();
  reduce(0.0f, [](OpBuilder &nb, Location l, Value v, Value acc) -> Value {
    return arith::MaximumFOp::create(nb, l, math::AbsFOp::create(nb, l, v), acc);
  });
  reduce(inf, [](OpBuilder &nb, Location l, Value v, Value acc) -> Value {
    return arith::MinimumFOp::create(nb, l, v, acc);
  });
  reduce(-inf, [](OpBuilder &nb, Location l, Value v, Value acc) -> Value {
    return arith::MaximumFOp::create(nb, l, v, acc);
  });
}

struct ExposeObserversPass : quench::impl::ExposeObserversBase<ExposeObserversPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    func::FuncOp entry;
    for (auto func : module.getOps<func::FuncOp>())
      if (func.isPublic() && !func.isExternal()) {
        if (entry) {
          module.emitError("quench-expose-observers: more than one public function");
          return signalPassFailure();
        }
        entry = func;
      }
    if (!entry)
      return;
    SmallVector<qnt::ObserveOp> observers;
    entry.walk([&](qnt::ObserveOp op) { observers.push_back(op); });
    auto ret = cast<func::ReturnOp>(entry.getBody().back().getTerminator());
    OpBuilder b(ret);
    SmallVector<Value> results(ret.getOperands());
    SmallVector<Attribute> names;
    for (qnt::ObserveOp observer : observers) {
      auto type = cast<RankedTensorType>(observer.getType());
      if (!type.hasStaticShape() || !type.getElementType().isF32()) {
        observer.emitError("quench-expose-observers: an observed value needs a static f32 "
                           "shape, got ")
            << type;
        return signalPassFailure();
      }
      appendStatistics(b, observer.getLoc(), observer.getInput(), results);
      names.push_back(observer.getNameAttr());
    }
    for (qnt::ObserveOp observer : observers) {
      observer.getResult().replaceAllUsesWith(observer.getInput());
      observer.erase();
    }
    func::ReturnOp::create(b, ret.getLoc(), results);
    ret.erase();
    SmallVector<Type> types;
    for (Value v : results)
      types.push_back(v.getType());
    unsigned original = entry.getNumResults();
    SmallVector<DictionaryAttr> resultAttrs;
    for (unsigned i = 0; i < original; ++i)
      resultAttrs.push_back(entry.getResultAttrDict(i) ? entry.getResultAttrDict(i)
                                                       : DictionaryAttr::get(module.getContext()));
    Builder builder(module.getContext());
    for (Attribute name : names)
      for (const char *kind : {"gram", "absmax", "min", "max"})
        resultAttrs.push_back(builder.getDictionaryAttr(builder.getNamedAttr(
            "onnx.name",
            builder.getStringAttr(cast<StringAttr>(name).getValue() + "." + kind))));
    entry.setFunctionType(FunctionType::get(module.getContext(),
                                            entry.getFunctionType().getInputs(), types));
    entry.setAllResultAttrs(resultAttrs);
    module->setAttr("quench.observers", ArrayAttr::get(module.getContext(), names));
  }
};

} // namespace
