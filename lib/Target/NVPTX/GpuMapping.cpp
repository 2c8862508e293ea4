//===- GpuMapping.cpp - bufferized loops onto GPU launches ----------------===//
//
// See quench/Target/NVPTX.h. Every computation of the entry function moves
// into a `gpu.launch`: parallel loops as a 1-D grid over their iterations,
// whatever else touches memory as one thread.
//
//===----------------------------------------------------------------------===//

#include "quench/Target/NVPTX.h"

#include "Launch.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

using namespace mlir;

namespace quench::nvptx {
namespace {

/// memref.copy is a host memcpy once lowered; linalg.copy becomes a kernel.
struct CopyToLinalg : OpRewritePattern<memref::CopyOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(memref::CopyOp op, PatternRewriter &rewriter) const override {
    rewriter.replaceOpWithNewOp<linalg::CopyOp>(op, op.getSource(), op.getTarget());
    return success();
  }
};

/// memref.reshape reads its shape operand on the host (a device buffer once
/// the constants live in the weight blob); with static shapes the result is
/// a reinterpretation of the same contiguous buffer.
struct StaticReshape : OpRewritePattern<memref::ReshapeOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(memref::ReshapeOp op, PatternRewriter &rewriter) const override {
    auto source = dyn_cast<MemRefType>(op.getSource().getType());
    auto result = dyn_cast<MemRefType>(op.getResult().getType());
    if (!source || !result || !source.hasStaticShape() || !source.getLayout().isIdentity() ||
        !result.hasStaticShape() || !result.getLayout().isIdentity())
      return rewriter.notifyMatchFailure(op, "needs static shapes and identity layouts");
    SmallVector<int64_t> strides(result.getRank(), 1);
    for (int64_t i = result.getRank() - 2; i >= 0; --i)
      strides[i] = strides[i + 1] * result.getDimSize(i + 1);
    rewriter.replaceOpWithNewOp<memref::ReinterpretCastOp>(op, result, op.getSource(), 0,
                                                           result.getShape(), strides);
    return success();
  }
};

/// The loop's dimensions, slowest first, in the order of the indices of the
/// first element it stores (the last store index fastest): neighbouring
/// threads then write neighbouring elements, whatever the loop order (a split
/// reduction's partial index, say, is a loop dimension that is outermost in
/// memory). Dimensions the store does not index come first.
SmallVector<unsigned> fastestLast(scf::ParallelOp loop) {
  unsigned rank = loop.getInductionVars().size();
  SmallVector<unsigned> stored;
  memref::StoreOp store;
  loop.getBody()->walk([&](memref::StoreOp s) {
    if (!store)
      store = s;
  });
  if (store)
    for (Value index : store.getIndices())
      for (unsigned d = 0; d < rank; ++d)
        if (index == loop.getInductionVars()[d] && !llvm::is_contained(stored, d))
          stored.push_back(d);
  SmallVector<unsigned> order;
  for (unsigned d = 0; d < rank; ++d)
    if (!llvm::is_contained(stored, d))
      order.push_back(d);
  order.append(stored.begin(), stored.end());
  return order;
}

/// scf.parallel (outside any launch or other parallel loop) -> gpu.launch:
/// thread t of block b runs iteration b * T + t of the loop, linearized in
/// the order fastestLast gives.
struct ParallelToLaunch : OpRewritePattern<scf::ParallelOp> {
  ParallelToLaunch(MLIRContext *context, int64_t threadsPerBlock)
      : OpRewritePattern(context), threadsPerBlock(threadsPerBlock) {}

  LogicalResult matchAndRewrite(scf::ParallelOp loop, PatternRewriter &rewriter) const override {
    for (Operation *parent = loop->getParentOp(); parent; parent = parent->getParentOp())
      if (isa<gpu::LaunchOp, scf::ParallelOp>(parent))
        return rewriter.notifyMatchFailure(loop, "already inside a launch or a parallel loop");
    if (loop.getNumResults() != 0)
      return rewriter.notifyMatchFailure(loop, "reductions into results are not mapped");
    SmallVector<int64_t> lower, steps, trips;
    for (auto [lb, ub, step] :
         llvm::zip(loop.getLowerBound(), loop.getUpperBound(), loop.getStep())) {
      std::optional<int64_t> l = getConstantIntValue(lb), u = getConstantIntValue(ub),
                             s = getConstantIntValue(step);
      if (!l || !u || !s || *s <= 0)
        return rewriter.notifyMatchFailure(loop, "bounds are not constant");
      lower.push_back(*l);
      steps.push_back(*s);
      trips.push_back(*u > *l ? (*u - *l + *s - 1) / *s : 0);
    }
    int64_t total = 1;
    for (int64_t t : trips)
      total *= t;
    if (total == 0) {
      rewriter.eraseOp(loop);
      return success();
    }

    Location loc = loop.getLoc();
    int64_t block = std::min(threadsPerBlock, total);
    int64_t grid = (total + block - 1) / block;
    auto index = [&](int64_t v) -> Value {
      return arith::ConstantIndexOp::create(rewriter, loc, v);
    };
    gpu::LaunchOp launch = createLaunch(rewriter, loc, grid, block);
    Value id = arith::AddIOp::create(
        rewriter, loc, arith::MulIOp::create(rewriter, loc, launch.getBlockIds().x, index(block)),
        launch.getThreadIds().x);
    if (grid * block != total) {
      Value inside = arith::CmpIOp::create(rewriter, loc, arith::CmpIPredicate::ult, id,
                                           index(total));
      auto guard = scf::IfOp::create(rewriter, loc, inside, /*withElseRegion=*/false);
      rewriter.setInsertionPointToStart(&guard.getThenRegion().front());
    }
    IRMapping map;
    Value rest = id;
    SmallVector<unsigned> order = fastestLast(loop);
    for (int64_t at = static_cast<int64_t>(order.size()) - 1; at >= 0; --at) {
      unsigned d = order[at];
      Value position = rest;
      if (at > 0) {
        position = arith::RemUIOp::create(rewriter, loc, rest, index(trips[d]));
        rest = arith::DivUIOp::create(rewriter, loc, rest, index(trips[d]));
      }
      Value iv = position;
      if (steps[d] != 1)
        iv = arith::MulIOp::create(rewriter, loc, iv, index(steps[d]));
      if (lower[d] != 0)
        iv = arith::AddIOp::create(rewriter, loc, iv, index(lower[d]));
      map.map(loop.getInductionVars()[d], iv);
    }
    for (Operation &op : loop.getBody()->without_terminator())
      rewriter.clone(op, map);
    rewriter.eraseOp(loop);
    return success();
  }

  int64_t threadsPerBlock;
};

/// True when `op` or an op nested in it (outside launches) reads or writes
/// memory, or has effects nothing describes.
bool touchesMemory(Operation *op) {
  bool touches = false;
  op->walk<WalkOrder::PreOrder>([&](Operation *nested) {
    if (isa<gpu::LaunchOp>(nested))
      return WalkResult::skip();
    if (auto effects = dyn_cast<MemoryEffectOpInterface>(nested)) {
      SmallVector<MemoryEffects::EffectInstance> list;
      effects.getEffects(list);
      for (const MemoryEffects::EffectInstance &e : list)
        if (isa<MemoryEffects::Read, MemoryEffects::Write>(e.getEffect()))
          touches = true;
    } else if (!nested->hasTrait<OpTrait::HasRecursiveMemoryEffects>() &&
               !nested->hasTrait<OpTrait::IsTerminator>()) {
      touches = true;
    }
    return touches ? WalkResult::interrupt() : WalkResult::advance();
  });
  return touches;
}

/// True when `op` reads memory but writes none (a load of a scalar a kernel
/// produced): it can run again wherever its result is needed.
bool onlyReads(Operation *op) {
  auto effects = dyn_cast<MemoryEffectOpInterface>(op);
  if (!effects || op->getNumRegions() != 0)
    return false;
  SmallVector<MemoryEffects::EffectInstance> list;
  effects.getEffects(list);
  return !list.empty() && llvm::all_of(list, [](const MemoryEffects::EffectInstance &e) {
    return isa<MemoryEffects::Read>(e.getEffect());
  });
}

/// True when `op` (or an op nested in it) uses a view of `root` and may
/// write memory.
bool mayWrite(Operation *op, Value root) {
  return usesBuffer(op, root) && !isMemoryEffectFree(op) && !onlyReads(op);
}

/// Values the host cannot compute (they read device memory, or derive from
/// such a read through pure ops) are computed again inside each launch that
/// uses them. Walking the block backwards, a value's producers are moved
/// after its consumers, so each launch gets them in order. A read moves only
/// past ops that cannot write its buffer.
LogicalResult sinkDeviceValues(func::FuncOp func) {
  Block &body = func.getBody().front();
  DenseSet<Operation *> deviceOnly;
  for (Operation &op : body) {
    if (isa<gpu::LaunchOp>(op) || op.getNumResults() == 0)
      continue;
    bool derived = llvm::any_of(op.getOperands(), [&](Value v) {
      Operation *def = v.getDefiningOp();
      return def && deviceOnly.contains(def);
    });
    if ((onlyReads(&op) || (derived && isMemoryEffectFree(&op) && op.getNumRegions() == 0)))
      deviceOnly.insert(&op);
  }
  SmallVector<Operation *> order;
  for (Operation &op : llvm::reverse(body))
    if (deviceOnly.contains(&op))
      order.push_back(&op);
  for (Operation *op : order) {
    SmallVector<Value> buffers;
    for (Value v : op->getOperands())
      if (isa<MemRefType>(v.getType()))
        buffers.push_back(rootBuffer(v));
    DenseMap<Operation *, Operation *> copies; // launch -> the clone inside it
    for (OpOperand &use : llvm::make_early_inc_range(op->getUses())) {
      Operation *user = use.getOwner();
      auto launch = dyn_cast_or_null<gpu::LaunchOp>(body.findAncestorOpInBlock(*user));
      if (!launch)
        return op->emitError("reads memory the kernels wrote and its result is used on "
                             "the host; the NVPTX mapping cannot move it onto the GPU");
      for (Operation *between = op->getNextNode(); between != launch;
           between = between->getNextNode())
        for (Value root : buffers)
          if (mayWrite(between, root))
            return op->emitError("reads a buffer that is written again before the "
                                 "kernel that needs the value; the NVPTX mapping cannot "
                                 "move it onto the GPU");
      Operation *&copy = copies[launch];
      if (!copy) {
        OpBuilder builder = OpBuilder::atBlockBegin(&launch.getBody().front());
        copy = builder.clone(*op);
      }
      use.set(copy->getResult(cast<OpResult>(use.get()).getResultNumber()));
    }
    op->erase();
  }
  return success();
}

/// Runs `op` as one GPU thread.
void wrapInLaunch(Operation *op) {
  OpBuilder builder(op);
  createLaunch(builder, op->getLoc(), 1, 1);
  op->moveBefore(builder.getInsertionBlock(), builder.getInsertionPoint());
}

} // namespace

gpu::LaunchOp createLaunch(OpBuilder &builder, Location loc, int64_t grid, int64_t block,
                           TypeRange workgroup) {
  Value one = arith::ConstantIndexOp::create(builder, loc, 1);
  auto size = [&](int64_t n) {
    return n == 1 ? one : Value(arith::ConstantIndexOp::create(builder, loc, n));
  };
  auto launch = gpu::LaunchOp::create(builder, loc, size(grid), one, one, size(block), one, one,
                                      /*dynamicSharedMemorySize=*/nullptr,
                                      /*asyncTokenType=*/nullptr, /*asyncDependencies=*/{},
                                      workgroup);
  builder.setInsertionPointToEnd(&launch.getBody().front());
  builder.setInsertionPoint(gpu::TerminatorOp::create(builder, loc));
  return launch;
}

Value rootBuffer(Value v) {
  while (Operation *def = v.getDefiningOp()) {
    auto view = dyn_cast<ViewLikeOpInterface>(def);
    if (!view)
      break;
    v = view.getViewSource();
  }
  return v;
}

bool usesBuffer(Operation *op, Value root) {
  return op
      ->walk([&](Operation *nested) {
        for (Value v : nested->getOperands())
          if (isa<MemRefType>(v.getType()) && rootBuffer(v) == root)
            return WalkResult::interrupt();
        return WalkResult::advance();
      })
      .wasInterrupted();
}

void populateDeviceBufferPatterns(RewritePatternSet &patterns) {
  patterns.add<CopyToLinalg, StaticReshape>(patterns.getContext());
}

void populateParallelToLaunchPatterns(RewritePatternSet &patterns, int64_t threadsPerBlock) {
  patterns.add<ParallelToLaunch>(patterns.getContext(), threadsPerBlock);
}

LogicalResult wrapHostMemoryOps(func::FuncOp func) {
  // Writes (and loops) first: the values they consume then live in launches.
  for (Operation &op : llvm::make_early_inc_range(func.getBody().getOps())) {
    if (isa<gpu::LaunchOp>(op) || op.hasTrait<OpTrait::IsTerminator>())
      continue;
    if (auto alloc = dyn_cast<memref::AllocOp>(op)) {
      if (!alloc.getType().hasStaticShape())
        return op.emitError("a buffer of dynamic shape cannot be planned in GPU memory");
      continue;
    }
    if (op.use_empty() && touchesMemory(&op))
      wrapInLaunch(&op);
  }
  if (failed(sinkDeviceValues(func)))
    return failure();
  for (Operation &op : func.getBody().getOps())
    if (!isa<gpu::LaunchOp>(op) && touchesMemory(&op))
      return op.emitError("reads or writes memory on the host and its results are used "
                          "there; the NVPTX mapping cannot move it onto the GPU");
  return success();
}

} // namespace quench::nvptx
