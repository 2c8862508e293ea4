//===- Pipelines.cpp - named Quench pipelines -----------------------------===//

#include "passes/Passes.h"

#include "mlir/Conversion/Passes.h"
#include "mlir/Conversion/VectorToSCF/VectorToSCF.h"
#include "mlir/Dialect/Arith/Transforms/Passes.h"
#include "mlir/Dialect/Bufferization/Transforms/Passes.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/GPU/Transforms/Passes.h"
#include "mlir/Dialect/Linalg/Passes.h"
#include "mlir/Dialect/MemRef/Transforms/Passes.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"

using namespace mlir;

/// Bufferization with the entry's results as out-parameters (both targets).
static void addBufferization(OpPassManager &pm) {
  bufferization::OneShotBufferizePassOptions bufferize;
  bufferize.bufferizeFunctionBoundaries = true;
  bufferize.functionBoundaryTypeConversion =
      bufferization::LayoutMapOption::IdentityLayoutMap;
  pm.addPass(bufferization::createOneShotBufferizePass(bufferize));
  bufferization::BufferResultsToOutParamsPassOptions outParams;
  outParams.addResultAttribute = true;
  outParams.hoistStaticAllocs = true;
  outParams.modifyPublicFunctions = true;
  pm.addPass(bufferization::createBufferResultsToOutParamsPass(outParams));
  pm.addPass(createCanonicalizerPass());
}

/// Loops, memref metadata and math to what convert-to-llvm takes: math ops
/// with an LLVM intrinsic become intrinsics, the rest (erf, ...) libm calls.
static void addLoopsAndMathLowering(OpPassManager &pm) {
  pm.addPass(createLowerAffinePass());
  pm.addPass(createSCFToControlFlowPass());
  pm.addPass(memref::createExpandStridedMetadataPass());
  pm.addPass(createLowerAffinePass());
  pm.addPass(createConvertMathToLLVMPass());
  pm.addPass(createConvertMathToLibmPass());
}

/// bfloat16 conversions as integer arithmetic, the same bits on every
/// target (LLVM would call compiler-rt's __truncsfbf2 on x86, which the
/// artifact does not link).
static void addBf16Expansion(OpPassManager &pm) {
  arith::ArithExpandOpsPassOptions expand;
  expand.includeBf16 = true;
  pm.addPass(arith::createArithExpandOpsPass(expand));
}

/// Host code to the LLVM dialect with the runtime ABI (both targets).
static void addHostLowering(OpPassManager &pm) {
  addLoopsAndMathLowering(pm);
  addBf16Expansion(pm);
  ConvertVectorToLLVMPassOptions vectorToLLVM;
  vectorToLLVM.reassociateFPReductions = true;
  pm.addPass(createConvertVectorToLLVMPass(vectorToLLVM));
  pm.addPass(createConvertToLLVMPass());
  pm.addPass(createReconcileUnrealizedCastsPass());
  pm.addPass(quench::createX86FinalizeAbi());
  pm.addPass(createCanonicalizerPass());
}

void quench::buildX86Pipeline(OpPassManager &pm, const X86PipelineOptions &options) {
  pm.addPass(createPrepareEntry());
  if (options.fusedKernels) {
    X86PackWeightsOptions layout;
    layout.vectorBits = options.vectorBits;
    layout.maxRows = options.fusedMaxRows;
    layout.int8Activations = options.int8Activations;
    pm.addNestedPass<func::FuncOp>(createX86PackWeights(layout));
    LowerQntToX86Options kernels;
    kernels.vectorBits = options.vectorBits;
    kernels.maxRows = options.fusedMaxRows;
    kernels.int8Activations = options.int8Activations;
    kernels.vnni = options.vnni;
    pm.addNestedPass<func::FuncOp>(createLowerQntToX86(kernels));
  }
  pm.addPass(createLowerQntToLinalg());
  pm.addPass(createCanonicalizerPass());
  pm.addNestedPass<func::FuncOp>(createConvertElementwiseToLinalgPass());
  X86TileAndVectorizeOptions tiling;
  tiling.vectorBits = options.vectorBits;
  pm.addNestedPass<func::FuncOp>(createX86TileAndVectorize(tiling));
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createCSEPass());

  addBufferization(pm);
  pm.addPass(createPlanMemory());

  pm.addNestedPass<func::FuncOp>(createX86LowerVectors());
  pm.addNestedPass<func::FuncOp>(createConvertLinalgToLoopsPass());
  pm.addPass(createOutlineParallel());
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createCSEPass());
  VectorTransferToSCFOptions vectorToScf;
  vectorToScf.enableFullUnroll();
  pm.addNestedPass<func::FuncOp>(createConvertVectorToSCFPass(vectorToScf));
  pm.addNestedPass<func::FuncOp>(createX86LowerVectors());
  addHostLowering(pm);
}

void quench::buildNvptxPipeline(OpPassManager &pm, const NvptxPipelineOptions &options,
                                NvptxStage stopAfter) {
  pm.addPass(createPrepareEntry());
  pm.addPass(createLowerQntToLinalg());
  pm.addPass(createCanonicalizerPass());
  pm.addNestedPass<func::FuncOp>(createConvertElementwiseToLinalgPass());
  // Named ops as generics, so that transposes (and broadcasts) fuse into
  // their consumers as indexing maps rather than each costing a kernel.
  pm.addNestedPass<func::FuncOp>(createLinalgGeneralizeNamedOpsPass());
  // Element-wise producers fused into their consumers: one kernel each.
  pm.addNestedPass<func::FuncOp>(createLinalgElementwiseOpFusionPass());
  NvptxSplitReductionsOptions split;
  split.minParallel = options.minParallel;
  pm.addNestedPass<func::FuncOp>(createNvptxSplitReductions(split));
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createCSEPass());
  addBufferization(pm);
  pm.addNestedPass<func::FuncOp>(createNvptxPrepareBuffers());
  pm.addPass(createCanonicalizerPass());
  NvptxTileContractionsOptions tile;
  tile.minBlocks = options.minBlocks;
  pm.addNestedPass<func::FuncOp>(createNvptxTileContractions(tile));
  pm.addNestedPass<func::FuncOp>(createConvertLinalgToParallelLoopsPass());
  NvptxMapToGpuOptions map;
  map.threadsPerBlock = options.threadsPerBlock;
  pm.addNestedPass<func::FuncOp>(createNvptxMapToGpu(map));
  // After the mapping, so buffer lifetimes end at the launches that really
  // read them; every constant lives in GPU memory (kernels cannot read host
  // globals).
  PlanMemoryOptions plan;
  plan.weightThreshold = 0;
  pm.addPass(createPlanMemory(plan));
  // Constants the greedy rewrites hoisted out of the launches go back in (the
  // kernels' index arithmetic then folds), rather than becoming parameters.
  pm.addPass(createGpuLaunchSinkIndexComputationsPass());
  pm.addPass(createGpuKernelOutliningPass());
  pm.addPass(createNvptxMergeKernels());
  if (stopAfter == NvptxStage::Gpu)
    return;
  pm.addPass(createLowerAffinePass());
  pm.addPass(createSCFToControlFlowPass());
  GpuNVVMAttachTargetOptions target;
  target.chip = options.chip;
  target.optLevel = 3;
  pm.addPass(createGpuNVVMAttachTarget(target));
  ConvertGpuOpsToNVVMOpsOptions toNvvm;
  toNvvm.useBarePtrCallConv = true;
  OpPassManager &kernels = pm.nest<gpu::GPUModuleOp>();
  addBf16Expansion(kernels);
  kernels.addPass(createConvertGpuOpsToNVVMOps(toNvvm));
  kernels.addPass(createCanonicalizerPass());
  kernels.addPass(createCSEPass());
  kernels.addPass(createReconcileUnrealizedCastsPass());
  if (stopAfter == NvptxStage::Nvvm)
    return;
  GpuModuleToBinaryPassOptions binary;
  binary.compilationTarget = "isa";
  binary.toolkitPath = options.cudaPath;
  pm.addPass(createGpuModuleToBinaryPass(binary));
  pm.addPass(createNvptxLowerLaunches());
  pm.addPass(createCanonicalizerPass());
  addHostLowering(pm);
}

void quench::registerQuenchPipelines() {
  PassPipelineRegistration<X86PipelineOptions>(
      "quench-x86",
      "Compiles a model (linalg on tensors, qnt ops allowed) to the LLVM "
      "dialect for x86: tiling for threads and registers, vectorization, "
      "bufferization, memory planning and the runtime ABI",
      buildX86Pipeline);
  PassPipelineRegistration<NvptxPipelineOptions>(
      "quench-nvptx",
      "Compiles a model (linalg on tensors, qnt ops through their reference "
      "lowering) for NVIDIA GPUs: bufferization and memory planning as for "
      "x86, every loop nest a kernel, the kernels as one PTX module, the host "
      "code launching them through the runtime",
      [](OpPassManager &pm, const NvptxPipelineOptions &options) {
        buildNvptxPipeline(pm, options);
      });
  PassPipelineRegistration<>(
      "quench-reference-to-llvm",
      "Reference lowering of qnt, then tensors to loops to the LLVM dialect "
      "(runnable with mlir-runner)",
      [](OpPassManager &pm) {
        pm.addPass(createLowerQntToLinalg());
        pm.addPass(createCanonicalizerPass());
        pm.addNestedPass<func::FuncOp>(createConvertElementwiseToLinalgPass());
        bufferization::OneShotBufferizePassOptions bufferize;
        bufferize.bufferizeFunctionBoundaries = true;
        bufferize.functionBoundaryTypeConversion =
            bufferization::LayoutMapOption::IdentityLayoutMap;
        pm.addPass(bufferization::createOneShotBufferizePass(bufferize));
        pm.addNestedPass<func::FuncOp>(createConvertLinalgToLoopsPass());
        addLoopsAndMathLowering(pm);
        pm.addPass(createConvertToLLVMPass());
        pm.addPass(createReconcileUnrealizedCastsPass());
        pm.addPass(createCanonicalizerPass());
      });
}
