//===- Passes.h - Quench passes ---------------------------------*- C++ -*-===//

#ifndef QUENCH_PASSES_PASSES_H
#define QUENCH_PASSES_PASSES_H

#include "dialects/Qnt/QntDialect.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/GPU/IR/GPUDialect.h"
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

/// What a quantization recipe did to a model's linear layers.
struct QuantSummary {
  int64_t quantized = 0;     ///< layers now `qnt.matmul`
  int64_t outputLayers = 0;  ///< left in float: the output layer
  int64_t indivisible = 0;   ///< left in float: the group size does not divide K
  int64_t otherFloat = 0;    ///< left in float otherwise (e.g. no calibration statistics)
  int64_t weights = 0;       ///< elements of the quantized weights
  int64_t weightBits = 0;    ///< their storage: codes, scales, zero points, group indices

  /// "12 of 13 linear layers quantized, 4.28 bits per quantized weight; 1 left
  /// in float (the output layer)".
  std::string describe() const;
};

/// Counts, after a recipe's passes, the quantized and float linear layers of
/// `module` (`groupSize`: the recipe's, to tell why a layer stayed float).
QuantSummary summarizeQuantization(mlir::ModuleOp module, int64_t groupSize);

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
                     "take the panel kernel (-1: 12 with float activations, 2 "
                     "with int8 activations)"),
      llvm::cl::init(-1)};
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

struct NvptxPipelineOptions : mlir::PassPipelineOptions<NvptxPipelineOptions> {
  Option<std::string> chip{*this, "chip",
                           llvm::cl::desc("GPU architecture (sm_80, sm_90, ...)"),
                           llvm::cl::init("sm_90")};
  Option<std::string> cudaPath{
      *this, "cuda-path",
      llvm::cl::desc("CUDA toolkit whose libdevice the kernels' math functions link"),
      llvm::cl::init("/usr/local/cuda")};
  Option<int64_t> threadsPerBlock{*this, "threads-per-block",
                                  llvm::cl::desc("Threads per block of a mapped loop"),
                                  llvm::cl::init(256)};
  Option<int64_t> minParallel{
      *this, "min-parallel",
      llvm::cl::desc("Reductions of ops with fewer outputs are split over more threads"),
      llvm::cl::init(16384)};
  Option<int64_t> minBlocks{
      *this, "min-blocks",
      llvm::cl::desc("Contraction tiles shrink until a contraction has this many blocks"),
      llvm::cl::init(128)};
};

/// Linalg on tensors (with qnt ops, through their reference lowering) ->
/// host code in the LLVM dialect with the runtime ABI (kernels launched
/// through `quench_gpu_launch_hook`), the kernels' PTX in `quench.ptx`, the
/// kernel table in `quench.kernels`, weights and workspace as for x86 (but
/// in GPU memory at run time).
/// Where buildNvptxPipeline stops: after outlining (gpu dialect), after the
/// kernels' conversion to NVVM, or at the end.
enum class NvptxStage { Gpu, Nvvm, Host };
void buildNvptxPipeline(mlir::OpPassManager &pm, const NvptxPipelineOptions &options,
                        NvptxStage stopAfter = NvptxStage::Host);

/// Registers the named pipelines (`quench-reference-to-llvm`, ...).
void registerQuenchPipelines();

/// Adds the dialects Quench tools parse and produce, with the external
/// interface models (bufferization, tiling, convert-to-llvm) the pipelines use.
void registerQuenchDialects(mlir::DialectRegistry &registry);

} // namespace quench

#endif // QUENCH_PASSES_PASSES_H
