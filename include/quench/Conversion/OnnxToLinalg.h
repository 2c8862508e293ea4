//===- OnnxToLinalg.h - lowering of imported ONNX graphs --------*- C++ -*-===//
//
// `onnx.node` ops are lowered one at a time, in graph order, by functions
// registered per (domain, op type, since-version) -- the ONNX way of
// versioning operators. Each lowering reads its operands (already lowered,
// so their shapes are known), computes its own result types and returns the
// replacement values. Small integer "shape computations" fold to constants on
// the way, which is what makes Reshape/Expand/Slice targets static.
//
//===----------------------------------------------------------------------===//

#ifndef QUENCH_CONVERSION_ONNXTOLINALG_H
#define QUENCH_CONVERSION_ONNXTOLINALG_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Value.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"

#include <functional>

namespace quench {

class OnnxNode;

/// Lowers one node; returns one value per node output, or failure after
/// reporting the problem through `OnnxNode::fail`.
using OnnxLowering =
    std::function<mlir::FailureOr<llvm::SmallVector<mlir::Value>>(OnnxNode &)>;

/// Lowerings keyed by domain and op type, each valid from an opset version
/// on. A node uses the lowering with the greatest since-version not above
/// the opset its model imports for the node's domain.
class OnnxLoweringSet {
public:
  /// `domain` is "" for the default ai.onnx domain.
  void add(llvm::StringRef opType, int64_t sinceVersion, OnnxLowering lowering,
           llvm::StringRef domain = "");

  /// The lowering for a node, or null when none applies.
  const OnnxLowering *lookup(llvm::StringRef domain, llvm::StringRef opType,
                             int64_t opset) const;

  /// Every registered (domain, op type), for coverage reports.
  llvm::SmallVector<std::string> listOpTypes() const;

private:
  llvm::StringMap<llvm::SmallVector<std::pair<int64_t, OnnxLowering>>> table;
};

void populateOnnxElementwiseLowerings(OnnxLoweringSet &set);
void populateOnnxReductionLowerings(OnnxLoweringSet &set);
void populateOnnxShapeLowerings(OnnxLoweringSet &set);
void populateOnnxNNLowerings(OnnxLoweringSet &set);
void populateOnnxQuantLowerings(OnnxLoweringSet &set);

/// All of the above.
void populateOnnxLowerings(OnnxLoweringSet &set);

/// Lowers every onnx op of `func` to linalg/tensor/arith/math (and qnt for
/// quantized forms) and updates the function type. On failure, one error
/// lists every node that could not be lowered.
mlir::LogicalResult convertOnnxToLinalg(mlir::func::FuncOp func,
                                        const OnnxLoweringSet &lowerings);

} // namespace quench

#endif // QUENCH_CONVERSION_ONNXTOLINALG_H
