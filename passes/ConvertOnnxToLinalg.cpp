//===- ConvertOnnxToLinalg.cpp - the ONNX lowering pass -------------------===//

#include "passes/Passes.h"

#include "quench/Conversion/OnnxToLinalg.h"

namespace quench {
#define GEN_PASS_DEF_CONVERTONNXTOLINALG
#include "passes/Passes.h.inc"
} // namespace quench

using namespace mlir;

namespace {
struct ConvertOnnxToLinalgPass
    : quench::impl::ConvertOnnxToLinalgBase<ConvertOnnxToLinalgPass> {
  LogicalResult initialize(MLIRContext *) override {
    quench::populateOnnxLowerings(lowerings);
    return success();
  }
  void runOnOperation() override {
    bool failedAny = false;
    for (auto func : getOperation().getOps<func::FuncOp>())
      if (!func.isExternal() &&
          failed(quench::convertOnnxToLinalg(func, lowerings)))
        failedAny = true;
    if (failedAny)
      signalPassFailure();
  }
  quench::OnnxLoweringSet lowerings;
};
} // namespace
