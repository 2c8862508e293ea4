//===- Passes.h - Quench passes ---------------------------------*- C++ -*-===//

#ifndef QUENCH_PASSES_PASSES_H
#define QUENCH_PASSES_PASSES_H

#include "dialects/Qnt/QntDialect.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Quant/IR/Quant.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"

namespace quench {

#define GEN_PASS_DECL
#include "passes/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "passes/Passes.h.inc"

/// Registers the named pipelines (`quench-reference-to-llvm`, ...).
void registerQuenchPipelines();

/// Adds the dialects Quench tools parse and produce, with the external
/// interface models (bufferization, tiling, convert-to-llvm) the pipelines use.
void registerQuenchDialects(mlir::DialectRegistry &registry);

} // namespace quench

#endif // QUENCH_PASSES_PASSES_H
