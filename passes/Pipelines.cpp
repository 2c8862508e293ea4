//===- Pipelines.cpp - named Quench pipelines -----------------------------===//

#include "passes/Passes.h"

#include "mlir/Conversion/Passes.h"
#include "mlir/Dialect/Bufferization/Transforms/Passes.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/Passes.h"
#include "mlir/Dialect/MemRef/Transforms/Passes.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"

using namespace mlir;

void quench::registerQuenchPipelines() {
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
