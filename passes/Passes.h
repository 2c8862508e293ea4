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
  Option<bool> fusedKernels{
      *this, "fused-kernels",
      llvm::cl::desc("Fused dequantize+matmul kernels for quantized matmuls "
                     "(off: every qnt op through the reference lowering)"),
      llvm::cl::init(true)};
  Option<int64_t> fusedMaxRows{
      *this, "fused-max-rows",
      llvm::cl::desc("Quantized matmuls with more activation rows than this "
                     "keep the reference lowering"),
      llvm::cl::init(64)};
  Option<bool> int8Activations{
      *this, "int8-activations",
      llvm::cl::desc("Quantized matmuls quantize their activations to int8 per "
                     "block and multiply in integers"),
      llvm::cl::init(false)};
  Option<bool> vnni{*this, "vnni",
                    llvm::cl::desc("The target has vpdpbusd at vector-bits"),
                    llvm::cl::init(false)};
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
