//===- NvptxKernels.cpp - the NVPTX target's passes -----------------------===//
//
// Thin wrappers over lib/Target/NVPTX (quench/Target/NVPTX.h).
//
//===----------------------------------------------------------------------===//

#include "passes/Passes.h"

#include "quench/Target/NVPTX.h"

#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"
#include "mlir/Transforms/WalkPatternRewriteDriver.h"

namespace quench {
#define GEN_PASS_DEF_NVPTXSPLITREDUCTIONS
#define GEN_PASS_DEF_NVPTXPREPAREBUFFERS
#define GEN_PASS_DEF_NVPTXTILECONTRACTIONS
#define GEN_PASS_DEF_NVPTXMAPTOGPU
#define GEN_PASS_DEF_NVPTXMERGEKERNELS
#define GEN_PASS_DEF_NVPTXLOWERLAUNCHES
#include "passes/Passes.h.inc"
} // namespace quench

using namespace mlir;

namespace {

struct NvptxSplitReductionsPass
    : quench::impl::NvptxSplitReductionsBase<NvptxSplitReductionsPass> {
  using Base::Base;
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    quench::nvptx::populateSplitReductionPatterns(patterns, minParallel);
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      return signalPassFailure();
  }
};

struct NvptxPrepareBuffersPass
    : quench::impl::NvptxPrepareBuffersBase<NvptxPrepareBuffersPass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    quench::nvptx::populateDeviceBufferPatterns(patterns);
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      return signalPassFailure();
  }
};

struct NvptxTileContractionsPass
    : quench::impl::NvptxTileContractionsBase<NvptxTileContractionsPass> {
  using Base::Base;
  void runOnOperation() override {
    if (minBlocks < 1) {
      getOperation().emitError() << "min-blocks must be positive, got " << minBlocks;
      return signalPassFailure();
    }
    RewritePatternSet patterns(&getContext());
    quench::nvptx::populateTileContractionPatterns(patterns, minBlocks);
    // As for the mapping below: no folding, which would move the kernels'
    // constants around.
    walkAndApplyPatterns(getOperation(), std::move(patterns));
  }
};

struct NvptxMapToGpuPass : quench::impl::NvptxMapToGpuBase<NvptxMapToGpuPass> {
  using Base::Base;
  void runOnOperation() override {
    if (threadsPerBlock < 1 || threadsPerBlock > 1024) {
      getOperation().emitError() << "threads-per-block must be in [1, 1024], got "
                                 << threadsPerBlock;
      return signalPassFailure();
    }
    RewritePatternSet patterns(&getContext());
    quench::nvptx::populateParallelToLaunchPatterns(patterns, threadsPerBlock);
    // One walk, no folding: the greedy driver would materialize the launch
    // sizes' constants inside the launch bodies.
    walkAndApplyPatterns(getOperation(), std::move(patterns));
    if (failed(quench::nvptx::wrapHostMemoryOps(getOperation())))
      return signalPassFailure();
  }
};

struct NvptxMergeKernelsPass : quench::impl::NvptxMergeKernelsBase<NvptxMergeKernelsPass> {
  void runOnOperation() override {
    if (failed(quench::nvptx::mergeKernelModules(getOperation())))
      signalPassFailure();
  }
};

struct NvptxLowerLaunchesPass
    : quench::impl::NvptxLowerLaunchesBase<NvptxLowerLaunchesPass> {
  void runOnOperation() override {
    if (failed(quench::nvptx::lowerLaunchesToRuntime(getOperation())))
      signalPassFailure();
  }
};

} // namespace
