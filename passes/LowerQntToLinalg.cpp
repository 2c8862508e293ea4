//===- LowerQntToLinalg.cpp - the reference lowering pass -----------------===//

#include "passes/Passes.h"

#include "quench/Conversion/QntToLinalg.h"

#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace quench {
#define GEN_PASS_DEF_LOWERQNTTOLINALG
#include "passes/Passes.h.inc"
} // namespace quench

using namespace mlir;
using namespace quench;

namespace {
struct LowerQntToLinalgPass
    : quench::impl::LowerQntToLinalgBase<LowerQntToLinalgPass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    populateQntToLinalgPatterns(patterns);
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      return signalPassFailure();

    // Whatever qnt op is left could not be lowered: say which and why.
    WalkResult result = getOperation().walk([&](Operation *op) {
      if (!isa<qnt::QntDialect>(op->getDialect()))
        return WalkResult::advance();
      InFlightDiagnostic diag = op->emitError("could not be lowered to linalg");
      if (isa<qnt::DequantizeOp, qnt::MatmulOp>(op))
        diag << ": its quantized operand is not built by a qnt constructor op "
                "in the same function (a function argument?), so its codes "
                "and scales are unknown here";
      else
        diag << ": the quantized tensor it builds is still used by an op "
                "outside the qnt dialect";
      return WalkResult::interrupt();
    });
    if (result.wasInterrupted())
      signalPassFailure();
  }
};
} // namespace
