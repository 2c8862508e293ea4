//===- X86LowerVectors.cpp - vector code ready for LLVM on x86 ------------===//

#include "passes/Passes.h"

#include "mlir/Dialect/Linalg/Transforms/Transforms.h"
#include "mlir/Dialect/Math/Transforms/Passes.h"
#include "mlir/Dialect/Vector/Transforms/LoweringPatterns.h"
#include "mlir/Dialect/Vector/Transforms/VectorRewritePatterns.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace quench {
#define GEN_PASS_DEF_X86LOWERVECTORS
#include "passes/Passes.h.inc"
} // namespace quench

using namespace mlir;

namespace {

/// A copy between strided buffers would call a helper library at run time
/// (memrefCopy); the artifact has none. It becomes a loop nest (which LLVM
/// vectorizes); contiguous copies stay memcpy.
void lowerStridedCopies(func::FuncOp func) {
  SmallVector<memref::CopyOp> copies;
  func.walk([&](memref::CopyOp copy) {
    auto source = cast<MemRefType>(copy.getSource().getType());
    auto target = cast<MemRefType>(copy.getTarget().getType());
    if (!source.getLayout().isIdentity() || !target.getLayout().isIdentity())
      copies.push_back(copy);
  });
  for (memref::CopyOp copy : copies) {
    OpBuilder b(copy);
    Location loc = copy.getLoc();
    Value source = copy.getSource(), target = copy.getTarget();
    auto type = cast<MemRefType>(source.getType());
    SmallVector<Value> lbs, ubs, steps;
    for (int64_t d = 0; d < type.getRank(); ++d) {
      lbs.push_back(arith::ConstantIndexOp::create(b, loc, 0));
      ubs.push_back(memref::DimOp::create(b, loc, source, d));
      steps.push_back(arith::ConstantIndexOp::create(b, loc, 1));
    }
    scf::buildLoopNest(b, loc, lbs, ubs, steps,
                       [&](OpBuilder &nested, Location l, ValueRange ivs) {
                         Value v = memref::LoadOp::create(nested, l, source, ivs);
                         memref::StoreOp::create(nested, l, v, target, ivs);
                       });
    copy.erase();
  }
}

/// a * b + c on vectors -> one vector.fma when the product has no other
/// use (the vectorized form of a contraction's body; LLVM does not contract
/// floating-point operations by itself).
struct FuseMultiplyAdd : OpRewritePattern<arith::AddFOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(arith::AddFOp add,
                                PatternRewriter &rewriter) const override {
    if (!isa<VectorType>(add.getType()))
      return failure();
    for (unsigned i = 0; i < 2; ++i) {
      auto mul = add->getOperand(i).getDefiningOp<arith::MulFOp>();
      if (!mul || !mul->hasOneUse())
        continue;
      rewriter.replaceOpWithNewOp<vector::FMAOp>(add, mul.getLhs(), mul.getRhs(),
                                                 add->getOperand(1 - i));
      return success();
    }
    return failure();
  }
};

struct X86LowerVectorsPass : quench::impl::X86LowerVectorsBase<X86LowerVectorsPass> {
  void runOnOperation() override {
    func::FuncOp func = getOperation();
    MLIRContext *ctx = &getContext();

    lowerStridedCopies(func);

    RewritePatternSet patterns(ctx);
    vector::populateVectorToVectorCanonicalizationPatterns(patterns);
    vector::populateVectorTransferPermutationMapLoweringPatterns(patterns);
    vector::populateVectorContractLoweringPatterns(
        patterns, vector::VectorContractLowering::OuterProduct);
    vector::populateVectorOuterProductLoweringPatterns(patterns);
    vector::populateVectorMultiReductionLoweringPatterns(
        patterns, vector::VectorMultiReductionLowering::InnerReduction);
    vector::populateVectorTransposeLoweringPatterns(
        patterns, vector::VectorTransposeLowering::EltWise);
    vector::populateVectorBroadcastLoweringPatterns(patterns);
    vector::populateVectorShapeCastLoweringPatterns(patterns);
    vector::populateVectorMaskOpLoweringPatterns(patterns);
    vector::populateVectorTransferLoweringPatterns(patterns, /*maxTransferRank=*/1);
    // exp, tanh, erf, log... as polynomials on vectors: without this LLVM
    // calls libm once per lane.
    populateMathPolynomialApproximationPatterns(patterns);
    patterns.add<FuseMultiplyAdd>(ctx);
    if (failed(applyPatternsGreedily(func, std::move(patterns))))
      return signalPassFailure();
  }
};

} // namespace
