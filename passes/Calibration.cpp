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
#include "mlir/IR/IRMapping.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "llvm/ADT/SetVector.h"

#include <functional>
#include <limits>

namespace quench {
#define GEN_PASS_DEF_INSERTOBSERVERS
#define GEN_PASS_DEF_EXPOSEOBSERVERS
#define GEN_PASS_DEF_SPLITATOBSERVERS
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

/// The single public function with a body, or an error on `module`.
func::FuncOp findEntry(ModuleOp module, StringRef pass) {
  func::FuncOp entry;
  for (auto func : module.getOps<func::FuncOp>())
    if (func.isPublic() && !func.isExternal()) {
      if (entry) {
        module.emitError(pass) << ": more than one public function";
        return nullptr;
      }
      entry = func;
    }
  if (!entry)
    module.emitError(pass) << ": no public function with a body";
  return entry;
}

struct ExposeObserversPass : quench::impl::ExposeObserversBase<ExposeObserversPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    func::FuncOp entry = findEntry(module, "quench-expose-observers");
    if (!entry)
      return signalPassFailure();
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

/// Ops cloned into every segment that uses them rather than passed along:
/// constants, tensor.empty and fills of them.
bool isRematerializable(Operation *op) {
  if (auto fill = dyn_cast<linalg::FillOp>(op))
    return llvm::all_of(fill->getOperands(), [](Value v) {
      return v.getDefiningOp() && isRematerializable(v.getDefiningOp());
    });
  return op->getNumOperands() == 0 && op->getNumRegions() == 0 && isPure(op);
}

struct SplitAtObserversPass : quench::impl::SplitAtObserversBase<SplitAtObserversPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    func::FuncOp entry = findEntry(module, "quench-split-at-observers");
    if (!entry)
      return signalPassFailure();
    if (!entry.getBody().hasOneBlock()) {
      entry.emitError("quench-split-at-observers: the entry must be a single block");
      return signalPassFailure();
    }
    Block &body = entry.front();
    MLIRContext *ctx = &getContext();

    // Segment i holds the ops after observer i - 1 up to observer i.
    SmallVector<qnt::ObserveOp> observers;
    DenseMap<Operation *, unsigned> segmentOf;
    for (Operation &op : body.without_terminator()) {
      if (auto observer = dyn_cast<qnt::ObserveOp>(op)) {
        auto type = cast<RankedTensorType>(observer.getType());
        if (!type.hasStaticShape() || !type.getElementType().isF32()) {
          observer.emitError("quench-split-at-observers: an observed value needs a static f32 "
                             "shape, got ")
              << type;
          return signalPassFailure();
        }
        observers.push_back(observer);
        continue;
      }
      segmentOf[&op] = observers.size();
    }
    if (observers.empty()) {
      entry.emitError("quench-split-at-observers: the entry has no qnt.observe");
      return signalPassFailure();
    }
    unsigned segments = observers.size();

    // The linear layers reading an observed value: their weights become
    // arguments.
    DenseMap<Operation *, quench::LinearLayer> layers;
    for (Operation &op : body.without_terminator())
      if (auto linalgOp = dyn_cast<linalg::LinalgOp>(op))
        if (std::optional<quench::LinearLayer> layer = quench::matchLinear(linalgOp))
          if (layer->input.getDefiningOp<qnt::ObserveOp>()) {
            if (layer->name.empty()) {
              op.emitError("quench-split-at-observers: a linear layer reading an observed "
                           "value has no weight name");
              return signalPassFailure();
            }
            layers[&op] = *layer;
          }
    SmallVector<Value> observed;
    SmallVector<StringAttr> names;
    for (qnt::ObserveOp observer : observers) {
      observed.push_back(observer.getInput());
      names.push_back(observer.getNameAttr());
      observer.getResult().replaceAllUsesWith(observer.getInput());
      observer.erase();
    }

    // What each segment needs from outside it, in first-use order.
    auto segmentOfValue = [&](Value v) -> int {
      if (Operation *def = v.getDefiningOp())
        return segmentOf.lookup(def);
      return -1; // an argument of the entry
    };
    SmallVector<SetVector<Value>> liveIns(segments);
    for (Operation &op : body.without_terminator()) {
      unsigned s = segmentOf.lookup(&op);
      if (s >= segments)
        continue;
      const quench::LinearLayer *layer =
          layers.count(&op) ? &layers.find(&op)->second : nullptr;
      op.walk([&](Operation *nested) {
        for (OpOperand &use : nested->getOpOperands()) {
          Value v = use.get();
          if (layer && nested == &op && v == layer->weight->getResult(0))
            continue;
          if (op.isAncestor(v.getParentRegion()->getParentOp()))
            continue; // defined inside the op
          Operation *def = v.getDefiningOp();
          if (def && isRematerializable(def))
            continue;
          if (segmentOfValue(v) != static_cast<int>(s))
            liveIns[s].insert(v);
        }
      });
    }
    // Ids in order of first need; results of a segment: what later ones need.
    DenseMap<Value, int64_t> ids;
    SmallVector<SetVector<Value>> liveOuts(segments);
    for (unsigned s = 0; s < segments; ++s)
      for (Value v : liveIns[s]) {
        ids.try_emplace(v, ids.size());
        int def = segmentOfValue(v);
        if (def >= 0)
          liveOuts[def].insert(v);
      }
    // The observed value itself may come from an earlier segment or an
    // argument: then it is a live-in of the segment measuring it.
    for (unsigned s = 0; s < segments; ++s)
      if (segmentOfValue(observed[s]) != static_cast<int>(s)) {
        liveIns[s].insert(observed[s]);
        ids.try_emplace(observed[s], ids.size());
        if (int def = segmentOfValue(observed[s]); def >= 0)
          liveOuts[def].insert(observed[s]);
      }

    OpBuilder moduleBuilder = OpBuilder::atBlockEnd(module.getBody());
    Builder attrs(ctx);
    for (unsigned s = 0; s < segments; ++s) {
      SmallVector<Operation *> ops;
      for (Operation &op : body.without_terminator())
        if (segmentOf.lookup(&op) == s && !isRematerializable(&op))
          ops.push_back(&op); // constants are cloned where they are used
      SmallVector<Type> inputs;
      SmallVector<DictionaryAttr> argAttrs;
      SmallVector<Operation *> weighted;
      for (Operation *op : ops)
        if (layers.count(op)) {
          const quench::LinearLayer &layer = layers.find(op)->second;
          weighted.push_back(op);
          inputs.push_back(layer.weight->getResult(0).getType());
          argAttrs.push_back(attrs.getDictionaryAttr(
              {attrs.getNamedAttr("quench.weight", attrs.getStringAttr(layer.name)),
               attrs.getNamedAttr("onnx.name", attrs.getStringAttr(layer.name))}));
        }
      for (Value v : liveIns[s]) {
        inputs.push_back(v.getType());
        if (auto arg = dyn_cast<BlockArgument>(v)) {
          // One of the model's inputs: named as the entry names it.
          auto name = entry.getArgAttrOfType<StringAttr>(arg.getArgNumber(), "onnx.name");
          argAttrs.push_back(attrs.getDictionaryAttr(
              {attrs.getNamedAttr("quench.input", attrs.getI64IntegerAttr(arg.getArgNumber())),
               attrs.getNamedAttr("onnx.name",
                                  name ? name
                                       : attrs.getStringAttr("input" +
                                                             Twine(arg.getArgNumber())))}));
          continue;
        }
        argAttrs.push_back(valueAttrs(attrs, ids.lookup(v)));
      }
      auto func = func::FuncOp::create(
          moduleBuilder, entry.getLoc(),
          (entry.getSymName() + "_segment" + Twine(s)).str(),
          FunctionType::get(ctx, inputs, {}));
      Block *block = func.addEntryBlock();
      OpBuilder b = OpBuilder::atBlockEnd(block);
      IRMapping map;
      for (auto [i, v] : llvm::enumerate(liveIns[s]))
        map.map(v, block->getArgument(weighted.size() + i));
      // Clones the rematerializable ops an op needs, once each.
      std::function<void(Operation *)> cloneWithOperands = [&](Operation *def) {
        for (Value operand : def->getOperands())
          if (!map.contains(operand))
            cloneWithOperands(operand.getDefiningOp());
        b.clone(*def, map);
      };
      auto rematerialize = [&](Operation *op, Value weight) {
        op->walk([&](Operation *nested) {
          for (Value v : nested->getOperands()) {
            Operation *def = v.getDefiningOp();
            if (def && v != weight && !map.contains(v) &&
                !op->isAncestor(v.getParentRegion()->getParentOp()) && isRematerializable(def))
              cloneWithOperands(def);
          }
        });
      };
      for (Operation *op : ops) {
        auto it = llvm::find(weighted, op);
        Value weight =
            it != weighted.end() ? layers.find(op)->second.weight.getResult() : Value();
        rematerialize(op, weight);
        Operation *clone = b.clone(*op, map);
        if (weight) {
          for (OpOperand &use : op->getOpOperands())
            if (use.get() == weight)
              clone->setOperand(use.getOperandNumber(),
                                block->getArgument(it - weighted.begin()));
        }
      }
      SmallVector<Value> results;
      SmallVector<DictionaryAttr> resultAttrs;
      for (Value v : liveOuts[s]) {
        results.push_back(map.lookup(v));
        resultAttrs.push_back(valueAttrs(attrs, ids.lookup(v)));
      }
      appendStatistics(b, entry.getLoc(), map.lookup(observed[s]), results);
      for (const char *kind : {"gram", "absmax", "min", "max"})
        resultAttrs.push_back(attrs.getDictionaryAttr(
            {attrs.getNamedAttr("quench.statistics", names[s]),
             attrs.getNamedAttr("onnx.name",
                                attrs.getStringAttr(names[s].getValue() + "." + kind))}));
      func::ReturnOp::create(b, entry.getLoc(), results);
      SmallVector<Type> types;
      for (Value v : results)
        types.push_back(v.getType());
      func.setFunctionType(FunctionType::get(ctx, inputs, types));
      func.setAllArgAttrs(argAttrs);
      func.setAllResultAttrs(resultAttrs);
    }
    entry.erase();
  }

  static DictionaryAttr valueAttrs(Builder &b, int64_t id) {
    return b.getDictionaryAttr(
        {b.getNamedAttr("quench.value", b.getI64IntegerAttr(id)),
         b.getNamedAttr("onnx.name", b.getStringAttr("value" + std::to_string(id)))});
  }
};

} // namespace
