//===- X86Kernels.cpp - weight layout and fused kernels for x86 -----------===//
//
// Thin wrappers over lib/Target/X86's patterns: quench-x86-pack-weights and
// lower-qnt-to-x86.
//
//===----------------------------------------------------------------------===//

#include "passes/Passes.h"

#include "quench/Target/X86Kernels.h"

#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace quench {
#define GEN_PASS_DEF_X86PACKWEIGHTS
#define GEN_PASS_DEF_LOWERQNTTOX86
#include "passes/Passes.h.inc"
} // namespace quench

using namespace mlir;

namespace {

quench::x86::KernelOptions kernelOptions(unsigned vectorBits, int64_t maxRows,
                                         bool int8Activations, bool vnni = false) {
  quench::x86::KernelOptions options;
  options.vectorBits = vectorBits;
  options.maxRows = maxRows;
  options.int8Activations = int8Activations;
  options.vnni = vnni;
  return options;
}

struct X86PackWeightsPass : quench::impl::X86PackWeightsBase<X86PackWeightsPass> {
  using Base::Base;
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    quench::x86::populateX86WeightLayoutPatterns(
        patterns, kernelOptions(vectorBits, maxRows, int8Activations));
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      return signalPassFailure();
  }
};

struct LowerQntToX86Pass : quench::impl::LowerQntToX86Base<LowerQntToX86Pass> {
  using Base::Base;
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    quench::x86::populateQntToX86Patterns(
        patterns, kernelOptions(vectorBits, maxRows, int8Activations, vnni));
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      return signalPassFailure();
  }
};

} // namespace
