//===- QntToLinalg.h - reference lowering of qnt ----------------*- C++ -*-===//
//
// The reference semantics of the qnt dialect as rewrite patterns: every
// quantized tensor is dequantized into a float tensor by linalg/arith/tensor
// code, then consumed by plain float computation.
//
//===----------------------------------------------------------------------===//

#ifndef QUENCH_CONVERSION_QNTTOLINALG_H
#define QUENCH_CONVERSION_QNTTOLINALG_H

#include "mlir/IR/Builders.h"
#include "mlir/IR/PatternMatch.h"

namespace quench {

/// Adds patterns that lower qnt.dequantize, qnt.matmul, qnt.quantize and
/// qnt.observe to linalg/arith/tensor/scf/math on tensors.
void populateQntToLinalgPatterns(mlir::RewritePatternSet &patterns);

/// Emits, at the builder's insertion point, the float tensor that `qtensor`
/// (a value of type !qnt.qtensor) stands for. Fails when `qtensor` is not
/// built by a qnt constructor op (for example a block argument).
mlir::FailureOr<mlir::Value> buildDequantized(mlir::OpBuilder &builder,
                                              mlir::Location loc,
                                              mlir::Value qtensor);

} // namespace quench

#endif // QUENCH_CONVERSION_QNTTOLINALG_H
