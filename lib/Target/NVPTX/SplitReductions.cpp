//===- SplitReductions.cpp - reductions spread over more GPU threads ------===//
//
// See quench/Target/NVPTX.h. The mapping gives each output element one
// thread that runs the whole reduction. With few outputs and long
// reductions (a one-token matmul: 4096 outputs of 384-long dot products)
// most of the GPU idles while each thread walks its loop. Splitting the
// reduction into `r` partial reductions (an extra parallel dimension) and a
// short final one gives `r` times the threads.
//
//===----------------------------------------------------------------------===//

#include "quench/Target/NVPTX.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Linalg/Transforms/Transforms.h"

using namespace mlir;

namespace quench::nvptx {
namespace {

/// The split of a reduction of `extent` elements with `outputs` outputs:
/// up to 32 partial reductions of at least 8 elements each, only where the
/// outputs alone leave the GPU short of threads. 0: no split.
int64_t splitRatio(int64_t outputs, int64_t extent, int64_t minParallel) {
  if (outputs >= minParallel || extent < 64)
    return 0;
  for (int64_t r = 32; r >= 2; --r)
    if (extent % r == 0 && extent / r >= 8)
      return r;
  return 0;
}

struct SplitSmallReductions : OpInterfaceRewritePattern<linalg::LinalgOp> {
  SplitSmallReductions(MLIRContext *context, int64_t minParallel)
      : OpInterfaceRewritePattern(context), minParallel(minParallel) {}

  LogicalResult matchAndRewrite(linalg::LinalgOp op, PatternRewriter &rewriter) const override {
    if (!op.hasPureTensorSemantics() || op->getNumResults() != 1 ||
        op.getNumReductionLoops() != 1)
      return rewriter.notifyMatchFailure(op, "needs one result and one reduction loop");
    // linalg::splitReduction expands the reduction dimension of every
    // operand that reads it: plain dimensions only (no broadcast of a
    // computed index, no symbols).
    if (!llvm::all_of(op.getIndexingMapsArray(),
                      [](AffineMap map) { return map.isProjectedPermutation(); }) ||
        !op.getShapesToLoopsMap())
      return rewriter.notifyMatchFailure(op, "indexing maps are not projected permutations");
    SmallVector<int64_t> ranges = op.getStaticLoopRanges();
    if (llvm::any_of(ranges, ShapedType::isDynamic))
      return rewriter.notifyMatchFailure(op, "dynamic loop ranges");
    int64_t outputs = 1, extent = 1;
    for (auto [range, type] : llvm::zip(ranges, op.getIteratorTypesArray())) {
      if (type == utils::IteratorType::reduction)
        extent = range;
      else
        outputs *= range;
    }
    int64_t ratio = splitRatio(outputs, extent, minParallel);
    if (!ratio)
      return rewriter.notifyMatchFailure(op, "enough outputs, or a short reduction");
    auto control = [&](linalg::LinalgOp) {
      linalg::SplitReductionOptions options;
      options.ratio = ratio;
      // The partial index outermost: neighbouring threads keep neighbouring
      // outputs.
      options.index = 0;
      options.innerParallel = false;
      return options;
    };
    if (failed(linalg::splitReduction(rewriter, op, control)))
      return rewriter.notifyMatchFailure(op, "linalg::splitReduction does not apply");
    return success();
  }

  int64_t minParallel;
};

/// Reduction loops after the parallel ones: convert-linalg-to-parallel-loops
/// makes a parallel loop of the leading parallel dimensions only, so an
/// outer reduction (the final sum of a split reduction is one) would become
/// a host loop launching one kernel per step. Each output still sums its
/// terms in the same order.
struct ReductionsInnermost : OpRewritePattern<linalg::GenericOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(linalg::GenericOp op, PatternRewriter &rewriter) const override {
    SmallVector<utils::IteratorType> types = op.getIteratorTypesArray();
    SmallVector<unsigned> permutation;
    for (auto [d, type] : llvm::enumerate(types))
      if (type == utils::IteratorType::parallel)
        permutation.push_back(d);
    for (auto [d, type] : llvm::enumerate(types))
      if (type != utils::IteratorType::parallel)
        permutation.push_back(d);
    if (llvm::equal(permutation, llvm::seq<unsigned>(0, types.size())))
      return rewriter.notifyMatchFailure(op, "reductions are innermost already");
    if (failed(linalg::interchangeGenericOp(rewriter, op, permutation)))
      return rewriter.notifyMatchFailure(op, "interchange failed");
    return success();
  }
};

} // namespace

void populateSplitReductionPatterns(RewritePatternSet &patterns, int64_t minParallel) {
  patterns.add<SplitSmallReductions>(patterns.getContext(), minParallel);
  patterns.add<ReductionsInnermost>(patterns.getContext());
}

} // namespace quench::nvptx
