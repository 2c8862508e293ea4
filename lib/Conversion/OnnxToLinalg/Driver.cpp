//===- Driver.cpp - lowering onnx.node ops in graph order -----------------===//
//
// Nodes are lowered in the order of the function body (the graph's
// topological order), each after its operands, so every lowering sees the
// final, static types of its inputs. Results may get more precise types than
// the importer could give them; users are `onnx.node`s (any type) or the
// return, and the function type is updated at the end.
//
//===----------------------------------------------------------------------===//

#include "OnnxLowering.h"

#include "mlir/IR/BuiltinDialect.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "mlir/IR/Matchers.h"
#include "llvm/ADT/STLExtras.h"

#include <map>

using namespace mlir;
using namespace quench;

void OnnxLoweringSet::add(StringRef opType, int64_t sinceVersion,
                          OnnxLowering lowering, StringRef domain) {
  table[(domain + "::" + opType).str()].push_back(
      {sinceVersion, std::move(lowering)});
}

const OnnxLowering *OnnxLoweringSet::lookup(StringRef domain, StringRef opType,
                                            int64_t opset) const {
  auto it = table.find((domain + "::" + opType).str());
  if (it == table.end())
    return nullptr;
  const OnnxLowering *best = nullptr;
  int64_t bestVersion = -1;
  for (const auto &[since, lowering] : it->second)
    if (since <= opset && since > bestVersion) {
      best = &lowering;
      bestVersion = since;
    }
  return best;
}

SmallVector<std::string> OnnxLoweringSet::listOpTypes() const {
  SmallVector<std::string> names;
  for (const auto &entry : table)
    names.push_back(entry.getKey().str());
  llvm::sort(names);
  return names;
}

void quench::populateOnnxLowerings(OnnxLoweringSet &set) {
  populateOnnxElementwiseLowerings(set);
  populateOnnxReductionLowerings(set);
  populateOnnxShapeLowerings(set);
  populateOnnxNNLowerings(set);
  populateOnnxQuantLowerings(set);
}

namespace {

/// Unsigned ONNX integer types become signless after lowering; the driver
/// remembers which values held unsigned data.
void makeSignless(func::FuncOp func, DenseSet<Value> &unsignedValues) {
  auto signless = [](Type type) -> Type {
    auto tensor = dyn_cast<RankedTensorType>(type);
    if (!tensor)
      return type;
    return tensor.clone(signlessElementType(tensor.getElementType()));
  };
  auto isUnsignedTensor = [](Type type) {
    auto tensor = dyn_cast<RankedTensorType>(type);
    return tensor && tensor.getElementType().isUnsignedInteger();
  };
  for (BlockArgument arg : func.getArguments())
    if (isUnsignedTensor(arg.getType())) {
      arg.setType(signless(arg.getType()));
      unsignedValues.insert(arg);
    }
  func.walk([&](arith::ConstantOp constant) {
    if (!isUnsignedTensor(constant.getType()))
      return;
    auto type = cast<RankedTensorType>(signless(constant.getType()));
    Attribute value = constant.getValue();
    if (auto dense = dyn_cast<DenseElementsAttr>(value))
      value = dense.bitcast(type.getElementType());
    else if (auto resource = dyn_cast<DenseResourceElementsAttr>(value))
      value = DenseResourceElementsAttr::get(type, resource.getRawHandle());
    OpBuilder builder(constant);
    auto replacement = arith::ConstantOp::create(builder, constant.getLoc(), type,
                                                 cast<TypedAttr>(value));
    replacement->setDiscardableAttrs(constant->getDiscardableAttrDictionary());
    constant.replaceAllUsesWith(replacement.getResult());
    constant.erase();
    unsignedValues.insert(replacement);
  });
}

/// Whether a computed result type contradicts a static type the model stated.
bool contradicts(Type computed, Type stated) {
  auto a = dyn_cast<RankedTensorType>(computed);
  auto b = dyn_cast<RankedTensorType>(stated);
  if (!a || !b || !b.hasStaticShape())
    return false;
  return a.getShape() != b.getShape();
}

} // namespace

LogicalResult quench::convertOnnxToLinalg(func::FuncOp func,
                                          const OnnxLoweringSet &lowerings) {
  DenseSet<Value> unsignedValues;
  makeSignless(func, unsignedValues);

  SmallVector<onnx::NodeOp> nodes;
  for (Operation &op : func.getBody().getOps())
    if (auto node = dyn_cast<onnx::NodeOp>(op))
      nodes.push_back(node);

  // Op type -> names of the nodes no lowering handles (sorted by op type).
  std::map<std::string, SmallVector<std::string>> unsupported;
  bool failedNode = false;
  for (onnx::NodeOp node : nodes) {
    std::string key = (node.getDomain().empty() ? "" : node.getDomain() + ".").str() +
                      node.getOpType().str() + "-" + std::to_string(node.getOpset());
    const OnnxLowering *lowering =
        node.getNumRegions() == 0
            ? lowerings.lookup(node.getDomain(), node.getOpType(), node.getOpset())
            : nullptr;
    // A node fed by a node that was not lowered cannot know its input types;
    // it is only checked for having a lowering, so that the report lists
    // every unsupported op type at once.
    if (llvm::any_of(node.getInputs(), [](Value input) {
          return isa_and_nonnull<onnx::NodeOp>(input.getDefiningOp());
        })) {
      if (!lowering)
        unsupported[key].push_back(node.getName().str());
      continue;
    }

    ImplicitLocOpBuilder builder(node.getLoc(), node);
    OnnxNode binder(node, builder, unsignedValues);
    // Constant shape computations fold whether or not the op has a lowering.
    FailureOr<SmallVector<Value>> results =
        node.getNumRegions() == 0 ? foldOnnxNode(binder) : SmallVector<Value>{};
    if (succeeded(results) && results->empty()) {
      if (!lowering) {
        unsupported[key].push_back(node.getName().str());
        continue;
      }
      results = (*lowering)(binder);
    }
    if (failed(results)) {
      failedNode = true;
      continue;
    }
    if (results->size() != node.getNumResults()) {
      binder.error() << "lowering produced " << results->size()
                     << " values for " << node.getNumResults() << " outputs";
      failedNode = true;
      continue;
    }
    bool ok = true;
    for (auto [old, replacement] : llvm::zip_equal(node.getResults(), *results)) {
      if (!replacement) {
        if (!old.use_empty()) {
          binder.error() << "optional output #" << old.getResultNumber()
                         << " is used but not produced by this lowering";
          ok = false;
        }
        continue;
      }
      if (contradicts(replacement.getType(), old.getType())) {
        binder.error() << "computed output type " << replacement.getType()
                       << " but the model states " << old.getType();
        ok = false;
      }
    }
    if (!ok) {
      failedNode = true;
      continue;
    }
    for (auto [old, replacement] : llvm::zip_equal(node.getResults(), *results))
      if (replacement)
        old.replaceAllUsesWith(replacement);
    node.erase();
  }

  if (!unsupported.empty()) {
    InFlightDiagnostic diag = func.emitError()
                              << "cannot lower this ONNX graph: no lowering for ";
    llvm::interleaveComma(unsupported, diag, [&](const auto &entry) {
      diag << entry.first << " (" << entry.second.size() << " node"
           << (entry.second.size() == 1 ? "" : "s") << ": ";
      ArrayRef<std::string> names = entry.second;
      llvm::interleaveComma(names.take_front(3), diag,
                            [&](const std::string &n) { diag << "'" << n << "'"; });
      if (names.size() > 3)
        diag << ", ...";
      diag << ")";
    });
    return failure();
  }
  if (failedNode)
    return failure();

  // Drop unused onnx.none values and retype the function to what it returns.
  func.walk([](onnx::NoneOp none) {
    if (none.use_empty())
      none.erase();
  });
  auto ret = cast<func::ReturnOp>(func.getBody().back().getTerminator());
  func.setType(FunctionType::get(func.getContext(),
                                 func.getBody().getArgumentTypes(),
                                 ret.getOperandTypes()));
  return success();
}
