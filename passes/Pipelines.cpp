//===- Pipelines.cpp - named Quench pipelines -----------------------------===//

#include "passes/Passes.h"

#include "mlir/Conversion/Passes.h"
#include "mlir/Conversion/VectorToSCF/VectorToSCF.h"
#include "mlir/Dialect/Arith/Transforms/Passes.h"
#include "mlir/Dialect/Bufferization/Transforms/Passes.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/Passes.h"
#include "mlir/Dialect/MemRef/Transforms/Passes.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"

using namespace mlir;

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
  pm.addPass(createLowerAffinePass());
  pm.addPass(createSCFToControlFlowPass());
  pm.addPass(memref::createExpandStridedMetadataPass());
  pm.addPass(createLowerAffinePass());
  pm.addPass(createConvertMathToLLVMPass());
  pm.addPass(createConvertMathToLibmPass());
  // bfloat16 conversions as integer arithmetic: LLVM would call
  // compiler-rt's __truncsfbf2, which the artifact does not link.
  arith::ArithExpandOpsPassOptions expand;
  expand.includeBf16 = true;
  pm.addPass(arith::createArithExpandOpsPass(expand));
  ConvertVectorToLLVMPassOptions vectorToLLVM;
  vectorToLLVM.reassociateFPReductions = true;
  pm.addPass(createConvertVectorToLLVMPass(vectorToLLVM));
  pm.addPass(createConvertToLLVMPass());
  pm.addPass(createReconcileUnrealizedCastsPass());
  pm.addPass(createX86FinalizeAbi());
  pm.addPass(createCanonicalizerPass());
}

void quench::registerQuenchPipelines() {
  PassPipelineRegistration<X86PipelineOptions>(
      "quench-x86",
      "Compiles a model (linalg on tensors, qnt ops allowed) to the LLVM "
      "dialect for x86: tiling for threads and registers, vectorization, "
      "bufferization, memory planning and the runtime ABI",
      buildX86Pipeline);
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
        pm.addPass(createLowerAffinePass());
        pm.addPass(createSCFToControlFlowPass());
        pm.addPass(memref::createExpandStridedMetadataPass());
        pm.addPass(createLowerAffinePass());
        // Math ops with an LLVM intrinsic become intrinsics; the rest (erf,
        // ...) become libm calls.
        pm.addPass(createConvertMathToLLVMPass());
        pm.addPass(createConvertMathToLibmPass());
        pm.addPass(createConvertToLLVMPass());
        pm.addPass(createReconcileUnrealizedCastsPass());
        pm.addPass(createCanonicalizerPass());
      });
}
