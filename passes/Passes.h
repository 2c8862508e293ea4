//===- Passes.h - Quench passes ---------------------------------*- C++ -*-===//

#ifndef QUENCH_PASSES_PASSES_H
#define QUENCH_PASSES_PASSES_H

#include "dialects/Qnt/QntDialect.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/Quant/IR/Quant.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"
#include "mlir/Pass/PassOptions.h"

namespace quench {

#define GEN_PASS_DECL
#include "passes/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "passes/Passes.h.inc"

/// A weight-quantization recipe, `w<bits>[g<group>|t]-<rtn|gptq|gptq-act>`
/// (no group: one scale per output channel; `t`: one per tensor, RTN only;
/// gptq-act: GPTQ with act-order).
struct QuantRecipe {
  std::string spec;
  unsigned bits = 0;
  int64_t groupSize = 0;
  bool gptq = false, actOrder = false, perTensor = false;
  bool mseClip = false; ///< `-mse`: the clipping search of each group's grid
};

/// Parses a recipe; std::nullopt if `spec` is not one.
std::optional<QuantRecipe> parseQuantRecipe(llvm::StringRef spec);

/// The quench-quantize-gptq options a GPTQ recipe stands for.
QuantizeGptqOptions gptqPassOptions(const QuantRecipe &recipe);

/// Adds the recipe's quantization pass and a canonicalization to `pm` (a
/// module pass manager); `report` prints GPTQ's per-layer objectives.
void addQuantRecipePasses(mlir::OpPassManager &pm, const QuantRecipe &recipe, bool report);

/// Options of the `quench-x86` pipeline.
struct X86PipelineOptions : mlir::PassPipelineOptions<X86PipelineOptions> {
  Option<unsigned> vectorBits{
      *this, "vector-bits",
      llvm::cl::desc("Vector register width in bits: 512 (AVX-512), 256 (AVX2), 128"),
      llvm::cl::init(512)};
};

/// Linalg on tensors (with qnt ops) -> LLVM dialect with the runtime ABI
/// (`quench_main`, `quench_parallel_for_hook`), weights in the module
/// attribute `quench.weights`, workspace size in `quench.workspace_bytes`.
void buildX86Pipeline(mlir::OpPassManager &pm, const X86PipelineOptions &options);

/// Registers the named pipelines (`quench-reference-to-llvm`, ...).
void registerQuenchPipelines();

/// Adds the dialects Quench tools parse and produce, with the external
/// interface models (bufferization, tiling, convert-to-llvm) the pipelines use.
void registerQuenchDialects(mlir::DialectRegistry &registry);

} // namespace quench

#endif // QUENCH_PASSES_PASSES_H
