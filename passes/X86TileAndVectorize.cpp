//===- X86TileAndVectorize.cpp - thread and register tiling for x86 -------===//
//
// Cuts linalg ops on tensors into scf.forall blocks (one task of the runtime's
// thread pool each) and register tiles that are vectorized. See Passes.td for
// the strategy; docs/X86Codegen.md for the reasons behind it.
//
//===----------------------------------------------------------------------===//

#include "passes/Passes.h"

#include "quench/Target/X86Kernels.h"

#include "mlir/Dialect/Linalg/IR/LinalgInterfaces.h"
#include "mlir/Dialect/Linalg/Transforms/Transforms.h"
#include "mlir/Dialect/SCF/Transforms/TileUsingInterface.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/Dialect/Vector/Transforms/LoweringPatterns.h"
#include "mlir/Dialect/Vector/Transforms/VectorRewritePatterns.h"
#include "mlir/Interfaces/TilingInterface.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"
#include "mlir/Transforms/LoopInvariantCodeMotionUtils.h"

namespace quench {
#define GEN_PASS_DEF_X86TILEANDVECTORIZE
#include "passes/Passes.h.inc"
} // namespace quench

using namespace mlir;
using quench::x86::pickTile;

namespace {

bool hasStaticTensorSemantics(linalg::LinalgOp op) {
  if (!op.hasPureTensorSemantics() || op->getNumResults() == 0)
    return false;
  if (op.getNumLoops() == 0)
    return false;
  // Tiling computes each operand's slice from its indexing map; a map that
  // reverses a dimension (ONNX Slice with a negative step) has no such slice,
  // and the op stays a loop nest.
  if (!llvm::all_of(op.getIndexingMapsArray(), [](AffineMap map) {
        return map.isProjectedPermutation(/*allowZeroInResults=*/true);
      }))
    return false;
  return llvm::none_of(op.getStaticLoopRanges(), ShapedType::isDynamic);
}

/// Bits of the widest element an op computes with (f32 -> 32).
unsigned elementBits(linalg::LinalgOp op) {
  unsigned bits = 8;
  for (Value v : op->getOperands())
    if (auto shaped = dyn_cast<ShapedType>(v.getType()))
      if (shaped.getElementType().isIntOrFloat())
        bits = std::max(bits, shaped.getElementType().getIntOrFloatBitWidth());
  return bits;
}

/// Tiles `op` by `sizes` (0: untiled) into `loopType` loops, replaces it with
/// the tiled result and returns the innermost tiled op (null on failure).
Operation *tile(RewriterBase &rewriter, Operation *op, ArrayRef<int64_t> sizes,
                scf::SCFTilingOptions::LoopType loopType =
                    scf::SCFTilingOptions::LoopType::ForOp,
                ArrayRef<int64_t> interchange = {}) {
  scf::SCFTilingOptions options;
  options.setTileSizes(getAsIndexOpFoldResult(op->getContext(), sizes));
  options.setLoopType(loopType);
  if (!interchange.empty())
    options.setInterchange(interchange);
  rewriter.setInsertionPoint(op);
  FailureOr<scf::SCFTilingResult> tiled =
      scf::tileUsingSCF(rewriter, cast<TilingInterface>(op), options);
  if (failed(tiled))
    return nullptr;
  rewriter.replaceOp(op, tiled->replacements);
  return tiled->tiledOps.back();
}

/// Replaces `op` with its vector form when the vectorizer accepts it.
/// Contractions become vector.contract (lowered to broadcast + FMA later).
void vectorizeIfPossible(RewriterBase &rewriter, Operation *op,
                         bool contraction = false) {
  if (failed(linalg::vectorizeOpPrecondition(op)))
    return;
  // A memref of i1 holds one byte per element, a vector of i1 one bit per
  // lane: a vector load or store of i1 would read packed bits. Ops that
  // touch i1 buffers stay scalar.
  auto isI1 = [](Value v) {
    auto shaped = dyn_cast<ShapedType>(v.getType());
    return shaped && shaped.getElementType().isInteger(1);
  };
  if (llvm::any_of(op->getOperands(), isI1) || llvm::any_of(op->getResults(), isI1))
    return;
  rewriter.setInsertionPoint(op);
  FailureOr<linalg::VectorizationResult> result = linalg::vectorize(
      rewriter, op, /*inputVectorSizes=*/{}, /*inputScalableVecDims=*/{},
      /*vectorizeNDExtract=*/false, /*flatten1DDepthwiseConv=*/false,
      /*assumeDynamicDimsMatchVecSizes=*/false,
      /*createNamedContraction=*/contraction);
  if (failed(result))
    return;
  if (op->getNumResults() == 0)
    rewriter.eraseOp(op);
  else
    rewriter.replaceOp(op, result->replacements);
}

struct X86TileAndVectorizePass
    : quench::impl::X86TileAndVectorizeBase<X86TileAndVectorizePass> {
  using Base::Base;

  void runOnOperation() override {
    func::FuncOp func = getOperation();
    dropUnitDims(func);
    fuseElementwise(func);
    transposeComputedWeights(func);

    SmallVector<linalg::LinalgOp> contractions, others;
    for (Block &block : func.getBody())
      for (Operation &op : block) {
        auto linalgOp = dyn_cast<linalg::LinalgOp>(&op);
        if (!linalgOp || !hasStaticTensorSemantics(linalgOp))
          continue;
        if (isContraction(linalgOp))
          contractions.push_back(linalgOp);
        else
          others.push_back(linalgOp);
      }

    IRRewriter rewriter(&getContext());
    DenseSet<Operation *> fused;
    for (linalg::LinalgOp op : contractions)
      if (failed(tileContraction(rewriter, op, fused)))
        return signalPassFailure();
    for (linalg::LinalgOp op : others) {
      if (fused.contains(op.getOperation()) || op->use_empty())
        continue;
      if (failed(tileOther(rewriter, op)))
        return signalPassFailure();
    }
    formContractions(func);
    hoistAccumulators(func);
  }

  /// A vectorized linalg.generic contraction is a broadcast multiply and a
  /// multi-reduction; it becomes a vector.contract again (as a named matmul
  /// vectorizes), which lowers to broadcast + FMA per row. Left as it is, a
  /// unit reduction would fold to a multiply on vector<MxNx1> that LLVM
  /// scalarizes.
  void formContractions(func::FuncOp func) {
    RewritePatternSet patterns(&getContext());
    vector::populateVectorTransferPermutationMapLoweringPatterns(patterns);
    vector::populateVectorReductionToContractPatterns(patterns);
    (void)applyPatternsGreedily(func, std::move(patterns));
  }

  /// Keeps each register tile's accumulator in registers across the loops
  /// around it: its read/write pair moves out of the loop (innermost loops
  /// first), leaving a vector iter_arg. Runs on canonical IR, where the
  /// pairs are recognizable.
  void hoistAccumulators(func::FuncOp func) {
    RewritePatternSet patterns(&getContext());
    for (Dialect *dialect : getContext().getLoadedDialects())
      dialect->getCanonicalizationPatterns(patterns);
    for (RegisteredOperationName op : getContext().getRegisteredOperations())
      op.getCanonicalizationPatterns(patterns, &getContext());
    (void)applyPatternsGreedily(func, std::move(patterns));
    IRRewriter rewriter(&getContext());
    func.walk([&](scf::ForOp loop) {
      (void)hoistLoopInvariantSubsets(rewriter, cast<LoopLikeOpInterface>(*loop));
    });
  }

  /// Unit dimensions leave the linalg ops (through reshapes, which are views
  /// after bufferization): a [1, M, K] x [K, N] matmul becomes a plain 2-D
  /// one, whose register tiles lower to broadcast + FMA; with the unit
  /// dimension kept, the vector contraction would be unrolled element by
  /// element.
  void dropUnitDims(func::FuncOp func) {
    RewritePatternSet patterns(&getContext());
    linalg::ControlDropUnitDims options;
    // A contraction with one row (a matrix-vector product, as when a model
    // generates one token) keeps that row: as a 2-D matmul with M = 1 it
    // gets register tiles along N over contiguous rows of B; folded into a
    // matrix-vector product it would reduce along K, reading B column-wise.
    options.controlFn = [](Operation *op) -> SmallVector<unsigned> {
      auto generic = dyn_cast<linalg::GenericOp>(op);
      if (!generic)
        return {};
      auto all = llvm::to_vector(llvm::seq<unsigned>(0, generic.getNumLoops()));
      if (!isContraction(generic))
        return all;
      linalg::ContractionDimensions dims = *linalg::inferContractionDims(generic);
      SmallVector<int64_t> ranges = generic.getStaticLoopRanges();
      if (llvm::any_of(dims.m, [&](unsigned d) { return ranges[d] != 1; }))
        return all;
      llvm::erase(all, dims.m.back());
      return all;
    };
    linalg::populateFoldUnitExtentDimsPatterns(patterns, options);
    linalg::populateFoldUnitExtentDimsCanonicalizationPatterns(patterns, options);
    (void)applyPatternsGreedily(func, std::move(patterns));
  }

  /// Element-wise producers merge into their consumers (one pass over memory
  /// instead of two), except into contractions: a contraction with extra
  /// arithmetic in its body is no longer recognized as one and would
  /// recompute the producer for every output column.
  void fuseElementwise(func::FuncOp func) {
    RewritePatternSet patterns(&getContext());
    linalg::populateElementwiseOpsFusionPatterns(
        patterns, [](OpOperand *fused) {
          Operation *producer = fused->get().getDefiningOp();
          auto consumer = dyn_cast<linalg::LinalgOp>(fused->getOwner());
          if (!producer || !consumer || !producer->hasOneUse())
            return false;
          return !linalg::isaContractionOpInterface(consumer);
        });
    (void)applyPatternsGreedily(func, std::move(patterns));
  }

  /// A contraction reading B as [N, K] (K innermost, e.g. a weight that
  /// qnt.matmul dequantizes in its stored [N, K] layout) would load B with
  /// strided gathers in the register tiles, about 2x slower than [K, N].
  /// When B is computed right here, by an element-wise generic used only by
  /// this contraction, that generic writes it as [K, N] instead (its loops
  /// and output map transposed, linalg.index remapped), and the contraction
  /// reads it so. A constant or argument B is left as it is.
  void transposeComputedWeights(func::FuncOp func) {
    SmallVector<linalg::GenericOp> candidates;
    func.walk([&](linalg::GenericOp op) {
      if (isContraction(op) && op.getNumDpsInputs() == 2)
        candidates.push_back(op);
    });
    IRRewriter rewriter(&getContext());
    for (linalg::GenericOp op : candidates) {
      linalg::ContractionDimensions dims = *linalg::inferContractionDims(op);
      OpOperand *b = op.getDpsInputOperand(1);
      AffineMap bMap = op.getMatchingIndexingMap(b);
      if (bMap.getNumResults() != 2 || !bMap.isProjectedPermutation() ||
          bMap.getDimPosition(1) != dims.k.back() ||
          !llvm::is_contained(dims.n, bMap.getDimPosition(0)))
        continue;
      auto producer = b->get().getDefiningOp<linalg::GenericOp>();
      if (!producer || !producer->hasOneUse() || producer.getNumDpsInits() != 1 ||
          producer.getNumReductionLoops() != 0 || !hasStaticTensorSemantics(producer) ||
          !producer.getMatchingIndexingMap(producer.getDpsInitOperand(0)).isIdentity() ||
          producer.payloadUsesValueFromOperand(producer.getDpsInitOperand(0)))
        continue; // (an init the body reads cannot be replaced by an empty one)
      // Swap the producer's loops (linalg.index follows), so that it walks
      // the [K, N] result row by row: written column by column, each store
      // would touch another cache line (10x slower). Its output map is then
      // (k, n) -> (n, k); writing a fresh [K, N] tensor instead makes it the
      // identity.
      if (failed(linalg::interchangeGenericOp(rewriter, producer, {1, 0})))
        continue;
      auto type = cast<RankedTensorType>(b->get().getType());
      rewriter.setInsertionPoint(producer);
      Value init = tensor::EmptyOp::create(rewriter, producer.getLoc(),
                                           ArrayRef<int64_t>{type.getDimSize(1), type.getDimSize(0)},
                                           type.getElementType());
      SmallVector<AffineMap> producerMaps = producer.getIndexingMapsArray();
      producerMaps.back() = rewriter.getMultiDimIdentityMap(2);
      auto transposed = linalg::GenericOp::create(
          rewriter, producer.getLoc(), TypeRange{init.getType()}, producer.getDpsInputs(),
          ValueRange{init}, producerMaps, producer.getIteratorTypesArray());
      rewriter.inlineRegionBefore(producer.getRegion(), transposed.getRegion(),
                                  transposed.getRegion().begin());
      SmallVector<AffineMap> maps = op.getIndexingMapsArray();
      maps[1] = AffineMap::get(bMap.getNumDims(), 0,
                               {bMap.getResult(1), bMap.getResult(0)}, rewriter.getContext());
      rewriter.modifyOpInPlace(op, [&] {
        b->set(transposed.getResult(0));
        op.setIndexingMapsAttr(rewriter.getAffineMapArrayAttr(maps));
      });
      rewriter.eraseOp(producer);
    }
  }

  static bool isContraction(linalg::LinalgOp op) {
    if (!linalg::isaContractionOpInterface(op))
      return false;
    FailureOr<linalg::ContractionDimensions> dims = linalg::inferContractionDims(op);
    return succeeded(dims) && !dims->m.empty() && !dims->n.empty() &&
           !dims->k.empty();
  }

  /// When `register-m` rows do not divide M, the rows up to the last whole
  /// cache block of a multiple of `register-m` rows split off and are tiled
  /// with full register tiles; the remaining rows (fewer than a block) form a
  /// second contraction with the largest register tile dividing them.
  LogicalResult tileContraction(RewriterBase &rewriter, linalg::LinalgOp op,
                                DenseSet<Operation *> &fused) {
    linalg::ContractionDimensions dims = *linalg::inferContractionDims(op);
    SmallVector<int64_t> ranges = op.getStaticLoopRanges();
    unsigned mDim = dims.m.back();
    int64_t rows = ranges[mDim];
    int64_t mr = std::max<int64_t>(1, registerM);
    int64_t block = std::max<int64_t>(mr, blockM / mr * mr);
    int64_t head = rows / block * block;
    if (rows % mr == 0 || head == 0)
      return tileContractionPart(rewriter, op, fused);
    // The accumulator's fill moves into each part, where block tiling fuses
    // it again.
    OpOperand &init = op.getDpsInitsMutable()[0];
    auto fill = init.get().getDefiningOp<linalg::FillOp>();
    if (fill && fill->hasOneUse())
      rewriter.modifyOpInPlace(op, [&] { init.set(fill.getOutputs()[0]); });
    else
      fill = nullptr;
    rewriter.setInsertionPoint(op);
    auto [first, second] = linalg::splitOp(rewriter, cast<TilingInterface>(op.getOperation()),
                                           mDim, rewriter.getIndexAttr(head));
    if (!first || !second)
      return op.emitError("could not split this contraction at row ") << head;
    for (TilingInterface part : {first, second}) {
      auto linalgPart = cast<linalg::LinalgOp>(part.getOperation());
      if (fill) {
        OpOperand &partInit = linalgPart.getDpsInitsMutable()[0];
        rewriter.setInsertionPoint(part);
        Value filled = linalg::FillOp::create(rewriter, fill.getLoc(), fill.getInputs()[0],
                                              partInit.get())
                           .getResult(0);
        rewriter.modifyOpInPlace(part, [&] { partInit.set(filled); });
      }
      if (failed(tileContractionPart(rewriter, linalgPart, fused)))
        return failure();
    }
    // The old fill, now unused, stays for canonicalization to remove: the
    // caller's worklist still refers to it.
    if (fill)
      fused.insert(fill);
    return success();
  }

  LogicalResult tileContractionPart(RewriterBase &rewriter, linalg::LinalgOp op,
                                    DenseSet<Operation *> &fused) {
    MLIRContext *ctx = &getContext();
    linalg::ContractionDimensions dims = *linalg::inferContractionDims(op);
    SmallVector<int64_t> ranges = op.getStaticLoopRanges();
    unsigned numLoops = op.getNumLoops();
    unsigned mDim = dims.m.back(), nDim = dims.n.back();
    int64_t lanes = std::max<int64_t>(1, vectorBits / elementBits(op));
    int64_t nr = pickTile(ranges[nDim], 2 * lanes, lanes);
    int64_t mr = pickTile(ranges[mDim], registerM);
    int64_t cacheN = blockN;
    bool streamsB = ranges[mDim] <= 4 && dims.k.size() == 1;
    // A few rows (M <= 4, token generation): every element of B is used
    // M times only, so the kernel streams B. Wider register tiles (up to
    // 8 registers of one row, 16 accumulators in all) read longer pieces of
    // each row of B per step, and blocks of up to 1024 columns (at least 8
    // blocks) keep each thread on 4 KB pieces of B's rows.
    if (streamsB) {
      nr = pickTile(ranges[nDim], 4 * lanes, lanes);
      cacheN = std::max<int64_t>(nr, std::min<int64_t>(1024, ranges[nDim] / 8));
    }

    // Level 1: cache blocks over the parallel dimensions, one thread task
    // each; the accumulator's fill is fused into the block.
    SmallVector<int64_t> blockSizes(numLoops, 0);
    for (unsigned d : dims.batch)
      blockSizes[d] = 1;
    for (unsigned d : llvm::concat<unsigned>(dims.m, dims.n))
      blockSizes[d] = 1;
    blockSizes[mDim] = pickTile(ranges[mDim], std::max<int64_t>(blockM, mr), mr);
    blockSizes[nDim] = pickTile(ranges[nDim], std::max<int64_t>(cacheN, nr), nr);

    scf::SCFTilingOptions blockOptions;
    blockOptions.setTileSizes(getAsIndexOpFoldResult(ctx, blockSizes));
    blockOptions.setLoopType(scf::SCFTilingOptions::LoopType::ForallOp);
    scf::SCFTileAndFuseOptions fuseOptions;
    fuseOptions.setTilingOptions(blockOptions);
    fuseOptions.setFusionControlFn(
        [](tensor::ExtractSliceOp, OpResult producer,
           bool) -> std::optional<scf::SCFTileAndFuseOptions::ControlFnResult> {
          if (isa<linalg::FillOp>(producer.getOwner()))
            return scf::SCFTileAndFuseOptions::ControlFnResult{};
          return std::nullopt;
        });
    rewriter.setInsertionPoint(op);
    FailureOr<scf::SCFTileAndFuseResult> blocks =
        scf::tileConsumerAndFuseProducersUsingSCF(
            rewriter, cast<TilingInterface>(op.getOperation()), fuseOptions);
    if (failed(blocks))
      return op.emitError("could not tile this contraction into cache blocks");
    for (Operation *producer : blocks->fusedProducers)
      fused.insert(producer);
    for (auto [original, replacement] : blocks->replacements)
      rewriter.replaceAllUsesWith(original, replacement);
    rewriter.eraseOp(op);

    // The fused fill of the block stays a linalg.fill: it becomes a loop of
    // row memsets, where one vector store per register would make a block of
    // thousands of stores.
    auto tiled = cast<linalg::LinalgOp>(blocks->tiledAndFusedOps.front());

    // Level 2: register tiles, columns outermost so a panel of B stays in
    // cache while the rows of the block pass by; the reduction innermost.
    SmallVector<int64_t> registerSizes(numLoops, 1);
    registerSizes[mDim] = mr;
    registerSizes[nDim] = nr;
    SmallVector<int64_t> order;
    for (unsigned d = 0; d < numLoops; ++d)
      if (d != mDim && d != nDim && !llvm::is_contained(dims.k, d))
        order.push_back(d);
    if (streamsB) {
      // Few rows: 8 rows of B at a time, the block's columns inside, so B
      // streams along its rows (8 sequential streams) and the accumulators
      // (M x block columns) stay in L1.
      unsigned kDim = dims.k.back();
      registerSizes[kDim] = pickTile(ranges[kDim], 8);
      order.push_back(kDim);
      order.push_back(nDim);
      order.push_back(mDim);
    } else {
      order.push_back(nDim);
      order.push_back(mDim);
      llvm::append_range(order, dims.k);
    }

    Operation *registerTile = tile(rewriter, tiled, registerSizes,
                                   scf::SCFTilingOptions::LoopType::ForOp, order);
    if (!registerTile)
      return tiled.emitError("could not tile this contraction into register tiles");
    vectorizeIfPossible(rewriter, registerTile, /*contraction=*/true);
    return success();
  }

  /// Element-wise ops, reductions, transposes, gathers: an scf.forall over
  /// the outer parallel dimensions when the op is big enough to share, then
  /// register tiles along the innermost dimension, vectorized when possible.
  LogicalResult tileOther(RewriterBase &rewriter, linalg::LinalgOp op) {
    SmallVector<int64_t> ranges = op.getStaticLoopRanges();
    SmallVector<utils::IteratorType> iterators = op.getIteratorTypesArray();
    unsigned numLoops = op.getNumLoops();
    int64_t total = 1;
    for (int64_t r : ranges)
      total *= r;

    Operation *current = op.getOperation();
    SmallVector<int64_t> blockSizes(numLoops, 0);
    int64_t wanted = std::min<int64_t>(64, total / std::max<int64_t>(1, minParallelWork));
    if (wanted >= 2) {
      // Split the outermost parallel dimensions until there are `wanted`
      // blocks; the dimension where that happens gets a divisor tile.
      int64_t blocks = 1;
      for (unsigned d = 0; d < numLoops && blocks < wanted; ++d) {
        if (iterators[d] != utils::IteratorType::parallel)
          continue;
        if (blocks * ranges[d] <= wanted) {
          blockSizes[d] = 1;
          blocks *= ranges[d];
          continue;
        }
        int64_t perBlock = std::max<int64_t>(1, ranges[d] * blocks / wanted);
        blockSizes[d] = pickTile(ranges[d], perBlock);
        blocks *= ranges[d] / blockSizes[d];
      }
    }
    if (isTiled(blockSizes)) {
      current = tile(rewriter, current, blockSizes, scf::SCFTilingOptions::LoopType::ForallOp);
      if (!current)
        return op.emitError("could not tile this op into thread blocks");
    }

    // Register tiles: 1 in every dimension but the innermost, which holds a
    // few vectors.
    auto tiledOp = cast<linalg::LinalgOp>(current);
    SmallVector<int64_t> tileRanges = tiledOp.getStaticLoopRanges();
    if (llvm::any_of(tileRanges, ShapedType::isDynamic))
      return success();
    int64_t lanes = std::max<int64_t>(1, vectorBits / elementBits(tiledOp));
    SmallVector<int64_t> registerSizes(numLoops, 1);
    unsigned inner = numLoops - 1;
    registerSizes[inner] = pickTile(tileRanges[inner], 4 * lanes, lanes);
    if (llvm::equal(registerSizes, tileRanges)) {
      vectorizeIfPossible(rewriter, current);
      return success();
    }
    // A long reduction (a softmax or norm row) walks its row `4 * lanes`
    // elements at a time; holding a whole row in registers would spill and
    // give LLVM's schedulers blocks of thousands of instructions.
    Operation *registerTile = tile(rewriter, current, registerSizes);
    if (!registerTile)
      return op.emitError("could not tile this op into register tiles");
    vectorizeIfPossible(rewriter, registerTile);
    return success();
  }

  static bool isTiled(ArrayRef<int64_t> sizes) {
    return llvm::any_of(sizes, [](int64_t s) { return s != 0; });
  }
};

} // namespace
