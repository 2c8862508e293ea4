//===- TileContractions.cpp - contractions as tiled GPU kernels -----------===//
//
// See quench/Target/NVPTX.h. A contraction mapped like any other loop nest
// gives each output element one thread that reads a whole row and column
// from global memory: ~2% of the GPU's fp32 rate. Here a contraction becomes
// one launch in the classic shape of a SIMT GEMM: each block computes a
// BM x BN tile of the output, staging BK-deep slices of both operands in
// shared memory; each thread accumulates a TM x TN register tile with fma,
// its rows and columns strided by the thread grid (so that neighbouring
// threads read neighbouring shared-memory words and write neighbouring
// output elements).
//
// The two sides of the product need not be plain buffers: the body of the
// linalg.generic (element-wise producers fused into it, a RoPE, a softmax's
// exp, a SiLU gate) is split at its final `out + L * R`; L is computed from
// the operands that depend on the row and reduction dimensions when its
// tile is staged, R likewise for the columns. Each staged element is
// computed once per block.
//
//===----------------------------------------------------------------------===//

#include "quench/Target/NVPTX.h"

#include "Launch.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Linalg/Transforms/Transforms.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

using namespace mlir;

namespace quench::nvptx {

int64_t ContractionTile::blocks(const ContractionShape &s) const {
  return s.batch * ((s.m + bm - 1) / bm) * ((s.n + bn - 1) / bn);
}

ContractionTile chooseContractionTile(const ContractionShape &shape, int64_t minBlocks) {
  // Largest first: more reuse of each staged element, fewer blocks.
  static const ContractionTile candidates[] = {
      {128, 128, 16, 8, 8}, {64, 64, 16, 4, 4}, {32, 64, 16, 4, 4}, {32, 32, 16, 4, 4}};
  const ContractionTile *chosen = &candidates[std::size(candidates) - 1];
  for (const ContractionTile &t : candidates) {
    // A tile more than twice the output in either direction is mostly waste.
    if (t.bm > 2 * shape.m || t.bn > 2 * shape.n)
      continue;
    if (t.blocks(shape) >= minBlocks) {
      chosen = &t;
      break;
    }
  }
  return *chosen;
}

namespace {

using DimSet = uint64_t;

/// The loop dimensions an index expression reads.
DimSet dimsOf(AffineExpr expr) {
  DimSet dims = 0;
  expr.walk([&](AffineExpr e) {
    if (auto d = dyn_cast<AffineDimExpr>(e))
      dims |= DimSet(1) << d.getPosition();
  });
  return dims;
}

/// A linalg.generic on buffers whose body ends in `out + L * R`, with its
/// loop dimensions sorted into the four roles of a batched matmul.
struct Contraction {
  mutable linalg::GenericOp op; // op accessors are not const
  Value lhs, rhs;              ///< L and R, values of the body
  Operation *add = nullptr;    ///< the final `out + L * R`
  SmallVector<int64_t> ranges; ///< static loop ranges
  // Loop dimensions, slowest first within each role.
  SmallVector<unsigned> batch, m, n, k;
  ContractionShape shape;
  bool lhsKFastest = true, rhsKFastest = false;

  /// The dimensions a body value depends on; failure for values this
  /// lowering cannot recompute (the accumulator, ops with regions or effects).
  FailureOr<DimSet> dependence(Value v, DenseMap<Value, DimSet> &memo) const {
    if (auto it = memo.find(v); it != memo.end())
      return it->second;
    Block *body = op.getBody();
    DimSet dims = 0;
    if (auto arg = dyn_cast<BlockArgument>(v)) {
      if (arg.getOwner() == body) {
        if (arg.getArgNumber() >= op.getNumDpsInputs())
          return failure(); // the accumulator
        for (AffineExpr e : op.getIndexingMapsArray()[arg.getArgNumber()].getResults())
          dims |= dimsOf(e);
      }
    } else if (Operation *def = v.getDefiningOp(); def && def->getBlock() == body) {
      if (auto index = dyn_cast<linalg::IndexOp>(def)) {
        dims = DimSet(1) << index.getDim();
      } else {
        if (def->getNumRegions() != 0 || !isMemoryEffectFree(def))
          return failure();
        for (Value operand : def->getOperands()) {
          FailureOr<DimSet> d = dependence(operand, memo);
          if (failed(d))
            return failure();
          dims |= *d;
        }
      }
    }
    memo[v] = dims;
    return dims;
  }

  /// The input block arguments `side` is computed from.
  void inputsOf(Value side, SmallVectorImpl<BlockArgument> &inputs) const {
    SmallVector<Value> work{side};
    DenseSet<Value> seen;
    while (!work.empty()) {
      Value v = work.pop_back_val();
      if (!seen.insert(v).second)
        continue;
      if (auto arg = dyn_cast<BlockArgument>(v)) {
        if (arg.getOwner() == op.getBody())
          inputs.push_back(arg);
        continue;
      }
      if (Operation *def = v.getDefiningOp(); def && def->getBlock() == op.getBody())
        llvm::append_range(work, def->getOperands());
    }
    llvm::sort(inputs, [](BlockArgument a, BlockArgument b) {
      return a.getArgNumber() < b.getArgNumber();
    });
  }

  /// The input operand `side` reads with the most elements: the one whose
  /// memory order decides how its tile is read.
  int64_t primaryOperand(Value side) const {
    SmallVector<BlockArgument> inputs;
    inputsOf(side, inputs);
    int64_t best = -1, bestSize = -1;
    for (BlockArgument arg : inputs) {
      auto type = cast<MemRefType>(op.getDpsInputs()[arg.getArgNumber()].getType());
      if (type.getNumElements() > bestSize) {
        bestSize = type.getNumElements();
        best = arg.getArgNumber();
      }
    }
    return best;
  }
};

/// Recognizes `op` as a contraction the tiled kernel can run.
FailureOr<Contraction> analyze(linalg::GenericOp op) {
  Contraction c;
  c.op = op;
  if (!op.hasPureBufferSemantics() || op.getNumDpsInits() != 1 || op.getNumLoops() > 64)
    return failure();
  Value out = op.getDpsInits()[0];
  if (!getElementTypeOrSelf(out.getType()).isF32())
    return failure();
  c.ranges = op.getStaticLoopRanges();
  if (llvm::any_of(c.ranges, ShapedType::isDynamic))
    return failure();
  // The body: yield (out + L * R), the accumulator used there alone.
  Block *body = op.getBody();
  BlockArgument acc = body->getArgument(op.getNumDpsInputs());
  auto yield = cast<linalg::YieldOp>(body->getTerminator());
  auto add = yield.getValues()[0].getDefiningOp<arith::AddFOp>();
  if (!add || !acc.hasOneUse() || !add->hasOneUse())
    return failure();
  Value product = add.getLhs() == acc ? add.getRhs() : add.getLhs();
  if ((add.getLhs() != acc && add.getRhs() != acc) || product == acc)
    return failure();
  auto mul = product.getDefiningOp<arith::MulFOp>();
  if (!mul || mul->getBlock() != body || !mul->hasOneUse())
    return failure();
  c.add = add;
  c.lhs = mul.getLhs();
  c.rhs = mul.getRhs();

  DenseMap<Value, DimSet> memo;
  FailureOr<DimSet> lhsDims = c.dependence(c.lhs, memo);
  FailureOr<DimSet> rhsDims = c.dependence(c.rhs, memo);
  if (failed(lhsDims) || failed(rhsDims))
    return failure();

  // Roles: a parallel dimension only L reads is a row (M), one only R reads
  // a column (N), the others batch; every reduction dimension is K.
  AffineMap outMap = op.getMatchingIndexingMap(op.getDpsInitOperand(0));
  if (!outMap.isProjectedPermutation())
    return failure();
  SmallVector<utils::IteratorType> iterators = op.getIteratorTypesArray();
  DimSet outDims = 0;
  for (AffineExpr e : outMap.getResults())
    outDims |= dimsOf(e);
  // Rows, columns and batch in the order the output stores them.
  for (AffineExpr e : outMap.getResults()) {
    unsigned d = cast<AffineDimExpr>(e).getPosition();
    bool inL = *lhsDims & (DimSet(1) << d), inR = *rhsDims & (DimSet(1) << d);
    if (inL && !inR)
      c.m.push_back(d);
    else if (inR && !inL)
      c.n.push_back(d);
    else
      c.batch.push_back(d);
  }
  for (unsigned d = 0; d < op.getNumLoops(); ++d) {
    bool reduction = iterators[d] == utils::IteratorType::reduction;
    if (reduction == bool(outDims & (DimSet(1) << d)))
      return failure(); // a parallel dimension the output does not index
  }
  // The columns are the output's fastest dimension (the kernel's
  // neighbouring threads write neighbouring columns): swap the factors of
  // `W * x`.
  for (AffineExpr e : llvm::reverse(outMap.getResults())) {
    unsigned d = cast<AffineDimExpr>(e).getPosition();
    if (c.ranges[d] == 1)
      continue;
    if (llvm::is_contained(c.m, d)) {
      std::swap(c.lhs, c.rhs);
      std::swap(c.m, c.n);
    }
    break;
  }
  // Reduction dimensions in the order L's main operand stores them, so that
  // consecutive k are consecutive in memory there.
  int64_t lhsOperand = c.primaryOperand(c.lhs), rhsOperand = c.primaryOperand(c.rhs);
  if (lhsOperand >= 0)
    for (AffineExpr e : op.getIndexingMapsArray()[lhsOperand].getResults())
      if (auto d = dyn_cast<AffineDimExpr>(e);
          d && iterators[d.getPosition()] == utils::IteratorType::reduction &&
          !llvm::is_contained(c.k, d.getPosition()))
        c.k.push_back(d.getPosition());
  for (unsigned d = 0; d < op.getNumLoops(); ++d)
    if (iterators[d] == utils::IteratorType::reduction && !llvm::is_contained(c.k, d))
      c.k.insert(c.k.begin(), d);

  auto product_of = [&](ArrayRef<unsigned> dims) {
    int64_t p = 1;
    for (unsigned d : dims)
      p *= c.ranges[d];
    return p;
  };
  c.shape = {product_of(c.batch), product_of(c.m), product_of(c.n), product_of(c.k)};
  // Which of a side's tile dimensions is consecutive in its main operand.
  auto kFastest = [&](int64_t operand, bool otherwise) {
    if (operand < 0)
      return otherwise;
    AffineMap map = op.getIndexingMapsArray()[operand];
    for (AffineExpr e : llvm::reverse(map.getResults()))
      if (auto d = dyn_cast<AffineDimExpr>(e); d && c.ranges[d.getPosition()] != 1)
        return iterators[d.getPosition()] == utils::IteratorType::reduction;
    return otherwise;
  };
  c.lhsKFastest = kFastest(lhsOperand, true);
  c.rhsKFastest = kFastest(rhsOperand, false);
  return c;
}

/// Builds index arithmetic inside the kernel.
struct KernelBuilder {
  OpBuilder &b;
  Location loc;

  Value index(int64_t v) { return arith::ConstantIndexOp::create(b, loc, v); }
  Value add(Value x, Value y) { return arith::AddIOp::create(b, loc, x, y); }
  Value mul(Value x, int64_t y) {
    return y == 1 ? x : Value(arith::MulIOp::create(b, loc, x, index(y)));
  }
  Value div(Value x, int64_t y) {
    return y == 1 ? x : Value(arith::DivUIOp::create(b, loc, x, index(y)));
  }
  Value rem(Value x, int64_t y) { return arith::RemUIOp::create(b, loc, x, index(y)); }
  Value less(Value x, int64_t y) {
    return arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ult, x, index(y));
  }
  Value both(Value x, Value y) {
    if (!x)
      return y;
    if (!y)
      return x;
    return arith::AndIOp::create(b, loc, x, y);
  }

  /// Assigns `flat` (< the product of the ranges) to `dims`, the last
  /// fastest.
  void delinearize(Value flat, ArrayRef<unsigned> dims, ArrayRef<int64_t> ranges,
                   SmallVectorImpl<Value> &values) {
    for (int64_t i = static_cast<int64_t>(dims.size()) - 1; i >= 0; --i) {
      int64_t range = ranges[dims[i]];
      if (range == 1) {
        values[dims[i]] = index(0);
        continue;
      }
      values[dims[i]] = i == 0 ? flat : rem(flat, range);
      if (i > 0)
        flat = div(flat, range);
    }
  }

  /// The value of an index expression at `dims`.
  Value evaluate(AffineExpr e, ArrayRef<Value> dims) {
    if (auto d = dyn_cast<AffineDimExpr>(e))
      return dims[d.getPosition()];
    if (auto cst = dyn_cast<AffineConstantExpr>(e))
      return index(cst.getValue());
    auto binary = cast<AffineBinaryOpExpr>(e);
    Value x = evaluate(binary.getLHS(), dims), y = evaluate(binary.getRHS(), dims);
    switch (e.getKind()) {
    case AffineExprKind::Add:
      return arith::AddIOp::create(b, loc, x, y);
    case AffineExprKind::Mul:
      return arith::MulIOp::create(b, loc, x, y);
    case AffineExprKind::FloorDiv:
      return arith::FloorDivSIOp::create(b, loc, x, y);
    case AffineExprKind::CeilDiv:
      return arith::CeilDivSIOp::create(b, loc, x, y);
    case AffineExprKind::Mod: {
      Value r = arith::RemSIOp::create(b, loc, x, y);
      Value negative = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, r, index(0));
      return arith::SelectOp::create(b, loc, negative, arith::AddIOp::create(b, loc, r, y), r);
    }
    default:
      llvm_unreachable("not an index expression");
    }
  }

  /// Recomputes the body value `v` of `op` at loop position `dims` (the
  /// dimensions it depends on set), reading the operands from memory.
  Value materialize(linalg::GenericOp op, Value v, ArrayRef<Value> dims, IRMapping &map) {
    if (Value known = map.lookupOrNull(v))
      return known;
    Block *body = op.getBody();
    if (auto arg = dyn_cast<BlockArgument>(v)) {
      if (arg.getOwner() != body)
        return v;
      AffineMap indexing = op.getIndexingMapsArray()[arg.getArgNumber()];
      SmallVector<Value> indices;
      for (AffineExpr e : indexing.getResults())
        indices.push_back(evaluate(e, dims));
      Value loaded =
          memref::LoadOp::create(b, loc, op->getOperand(arg.getArgNumber()), indices);
      map.map(v, loaded);
      return loaded;
    }
    Operation *def = v.getDefiningOp();
    if (!def || def->getBlock() != body)
      return v;
    if (auto index = dyn_cast<linalg::IndexOp>(def)) {
      map.map(v, dims[index.getDim()]);
      return dims[index.getDim()];
    }
    for (Value operand : def->getOperands())
      materialize(op, operand, dims, map);
    Operation *copy = b.clone(*def, map);
    return copy->getResult(cast<OpResult>(v).getResultNumber());
  }
};

struct TileContraction : OpInterfaceRewritePattern<linalg::LinalgOp> {
  TileContraction(MLIRContext *context, int64_t minBlocks)
      : OpInterfaceRewritePattern(context), minBlocks(minBlocks) {}

  LogicalResult matchAndRewrite(linalg::LinalgOp linalgOp,
                                PatternRewriter &rewriter) const override {
    for (Operation *parent = linalgOp->getParentOp(); parent; parent = parent->getParentOp())
      if (isa<gpu::LaunchOp>(parent))
        return rewriter.notifyMatchFailure(linalgOp, "already inside a launch");
    auto generic = dyn_cast<linalg::GenericOp>(linalgOp.getOperation());
    if (!generic && !linalg::isaContractionOpInterface(linalgOp))
      return rewriter.notifyMatchFailure(linalgOp, "not a contraction");
    if (!linalgOp.hasPureBufferSemantics() || linalgOp.getNumReductionLoops() == 0)
      return rewriter.notifyMatchFailure(linalgOp, "needs buffers and a reduction");
    // Neither side may read the buffer the op writes.
    Value written = rootBuffer(linalgOp.getDpsInits()[0]);
    for (Value input : linalgOp.getDpsInputs())
      if (isa<MemRefType>(input.getType()) && rootBuffer(input) == written)
        return rewriter.notifyMatchFailure(linalgOp, "reads the buffer it writes");
    // A named contraction is generalized first (the same loops, so keeping
    // the generic is harmless where the kernel does not apply).
    bool generalized = false;
    if (!generic) {
      FailureOr<linalg::GenericOp> g = linalg::generalizeNamedOp(rewriter, linalgOp);
      if (failed(g))
        return failure();
      generic = *g;
      generalized = true;
    }
    FailureOr<Contraction> c = analyze(generic);
    if (failed(c) || c->shape.m < 16 || c->shape.n < 16 || c->shape.k < 8)
      return success(generalized);
    Value start = initialValue(generic, rewriter);
    emitKernel(rewriter, *c, chooseContractionTile(c->shape, minBlocks), start);
    rewriter.eraseOp(generic);
    return success();
  }

  /// The op before `op` in its block that uses a view of `buffer`'s root.
  static Operation *lastToucher(Operation *op, Value buffer) {
    Value root = rootBuffer(buffer);
    for (Operation *prev = op->getPrevNode(); prev; prev = prev->getPrevNode())
      if (usesBuffer(prev, root))
        return prev;
    return nullptr;
  }

  /// Where the output of `op` was just filled with a scalar (the zero a
  /// matmul starts from: a linalg.fill of it, or a linalg.copy into it of a
  /// buffer filled before and only read since, as bufferization writes a
  /// fill that several matmuls share), that scalar; the kernel then starts
  /// from it, and the copy and fill no longer needed are erased.
  static Value initialValue(linalg::GenericOp op, PatternRewriter &rewriter) {
    Value out = op.getDpsInits()[0];
    Operation *last = lastToucher(op, out);
    if (Value value = fillValue(last, out)) {
      rewriter.eraseOp(last);
      return value;
    }
    auto copy = dyn_cast_or_null<linalg::CopyOp>(last);
    if (!copy || !copy.hasPureBufferSemantics() || copy.getOutputs()[0] != out)
      return {};
    Value source = copy.getInputs()[0];
    // Other copies out of the filled buffer may come between.
    Operation *writer = lastToucher(copy, source);
    for (auto other = dyn_cast_or_null<linalg::CopyOp>(writer);
         other && rootBuffer(other.getOutputs()[0]) != rootBuffer(source);
         other = dyn_cast_or_null<linalg::CopyOp>(writer))
      writer = lastToucher(writer, source);
    Value value = fillValue(writer, source);
    if (!value)
      return {};
    rewriter.eraseOp(copy);
    if (llvm::all_of(source.getUsers(), [&](Operation *user) { return user == writer; }))
      rewriter.eraseOp(writer);
    return value;
  }

  /// The scalar `op` fills all of `buffer` with (a linalg.fill, or its
  /// generic form), or null.
  static Value fillValue(Operation *op, Value buffer) {
    auto linalgOp = dyn_cast_or_null<linalg::LinalgOp>(op);
    if (!linalgOp || !linalgOp.hasPureBufferSemantics() || linalgOp.getNumDpsInits() != 1 ||
        linalgOp.getDpsInits()[0] != buffer)
      return {};
    if (auto fill = dyn_cast<linalg::FillOp>(op))
      return fill.getInputs()[0];
    auto generic = dyn_cast<linalg::GenericOp>(op);
    if (!generic)
      return {};
    std::optional<Value> value = linalg::isaFillOpInterface(generic);
    return value ? *value : Value();
  }

  void emitKernel(PatternRewriter &rewriter, const Contraction &c, const ContractionTile &t,
                  Value start) const {
    Location loc = c.op.getLoc();
    const ContractionShape &s = c.shape;
    Type f32 = rewriter.getF32Type();
    auto shared = gpu::AddressSpaceAttr::get(rewriter.getContext(),
                                             gpu::AddressSpace::Workgroup);
    // One padding column: a side staged k-fastest writes a column of its
    // tile, and the padding spreads that column over the banks.
    auto lhsTileType = MemRefType::get({t.bk, t.bm + 1}, f32, MemRefLayoutAttrInterface{}, shared);
    auto rhsTileType = MemRefType::get({t.bk, t.bn + 1}, f32, MemRefLayoutAttrInterface{}, shared);
    int64_t threads = t.threads(), tilesN = (s.n + t.bn - 1) / t.bn,
            tilesM = (s.m + t.bm - 1) / t.bm;
    gpu::LaunchOp launch = createLaunch(rewriter, loc, t.blocks(s), threads,
                                        TypeRange{lhsTileType, rhsTileType});
    Value lhsTile = launch.getWorkgroupAttributions()[0];
    Value rhsTile = launch.getWorkgroupAttributions()[1];
    KernelBuilder k{rewriter, loc};

    Value block = launch.getBlockIds().x, thread = launch.getThreadIds().x;
    Value n0 = k.mul(k.rem(block, tilesN), t.bn);
    Value rest = k.div(block, tilesN);
    Value m0 = k.mul(k.rem(rest, tilesM), t.bm);
    Value batch = k.div(rest, tilesM);
    int64_t colThreads = t.bn / t.tn, rowThreads = t.bm / t.tm;
    Value tn = k.rem(thread, colThreads), tm = k.div(thread, colThreads);

    unsigned loops = c.op.getNumLoops();
    SmallVector<Value> batchDims(loops);
    k.delinearize(batch, c.batch, c.ranges, batchDims);

    // Staging one side's [bk][tileX] slice takes two steps, so that the
    // loads of the next slice are in flight while the current one is
    // multiplied: fetch reads the side's operands at this thread's elements
    // of the slice (positions clamped into range), put computes the side's
    // value from them and writes it to shared memory (zero outside).
    struct Element {
      IRMapping values; // the body's operands, loaded
      SmallVector<Value> dims;
      Value valid, kk, xx;
    };
    auto fetch = [&](Value side, ArrayRef<unsigned> xDims, int64_t xSize, int64_t tileX,
                     Value x0, Value k0, bool kFastest) {
      SmallVector<BlockArgument> operands;
      c.inputsOf(side, operands);
      SmallVector<Element> elements(tileX * t.bk / threads);
      for (auto [e, element] : llvm::enumerate(elements)) {
        Value l = e == 0 ? thread : k.add(thread, k.index(e * threads));
        element.kk = kFastest ? k.rem(l, t.bk) : k.div(l, tileX);
        element.xx = kFastest ? k.div(l, t.bk) : k.rem(l, tileX);
        Value x = k.add(x0, element.xx), kIndex = k.add(k0, element.kk);
        if (xSize % tileX != 0) {
          element.valid = k.less(x, xSize);
          x = arith::MinUIOp::create(rewriter, loc, x, k.index(xSize - 1));
        }
        if (s.k % t.bk != 0)
          element.valid = k.both(element.valid, k.less(kIndex, s.k));
        // The slice after the last is fetched too (and never used).
        kIndex = arith::MinUIOp::create(rewriter, loc, kIndex, k.index(s.k - 1));
        element.dims.assign(batchDims.begin(), batchDims.end());
        k.delinearize(x, xDims, c.ranges, element.dims);
        k.delinearize(kIndex, c.k, c.ranges, element.dims);
        for (BlockArgument operand : operands)
          k.materialize(c.op, operand, element.dims, element.values);
      }
      return elements;
    };
    auto put = [&](Value side, MutableArrayRef<Element> elements, Value tile) {
      for (Element &element : elements) {
        Value v = k.materialize(c.op, side, element.dims, element.values);
        if (element.valid)
          v = arith::SelectOp::create(rewriter, loc, element.valid, v,
                                      arith::ConstantOp::create(rewriter, loc,
                                                                rewriter.getF32FloatAttr(0)));
        memref::StoreOp::create(rewriter, loc, v, tile, ValueRange{element.kk, element.xx});
      }
    };
    auto fetchLhs = [&](Value k0) {
      return fetch(c.lhs, c.m, s.m, t.bm, m0, k0, c.lhsKFastest);
    };
    auto fetchRhs = [&](Value k0) {
      return fetch(c.rhs, c.n, s.n, t.bn, n0, k0, c.rhsKFastest);
    };

    // The first slice; then for each slice: fetch the next, multiply this
    // one, write the next.
    {
      SmallVector<Element> lhs = fetchLhs(k.index(0)), rhs = fetchRhs(k.index(0));
      put(c.lhs, lhs, lhsTile);
      put(c.rhs, rhs, rhsTile);
      gpu::BarrierOp::create(rewriter, loc);
    }
    Value zero = arith::ConstantOp::create(rewriter, loc, rewriter.getF32FloatAttr(0));
    SmallVector<Value> init(t.tm * t.tn, zero);
    auto loop = scf::ForOp::create(
        rewriter, loc, k.index(0), k.index(s.k), k.index(t.bk), init,
        [&](OpBuilder &, Location, Value k0, ValueRange acc) {
          Value next = k.add(k0, k.index(t.bk));
          SmallVector<Element> lhs = fetchLhs(next), rhs = fetchRhs(next);
          SmallVector<Value> sums(acc.begin(), acc.end());
          for (int64_t kk = 0; kk < t.bk; ++kk) {
            SmallVector<Value> a, bv;
            for (int64_t i = 0; i < t.tm; ++i)
              a.push_back(memref::LoadOp::create(
                  rewriter, loc, lhsTile,
                  ValueRange{k.index(kk), k.add(tm, k.index(i * rowThreads))}));
            for (int64_t j = 0; j < t.tn; ++j)
              bv.push_back(memref::LoadOp::create(
                  rewriter, loc, rhsTile,
                  ValueRange{k.index(kk), k.add(tn, k.index(j * colThreads))}));
            for (int64_t i = 0; i < t.tm; ++i)
              for (int64_t j = 0; j < t.tn; ++j)
                sums[i * t.tn + j] =
                    math::FmaOp::create(rewriter, loc, a[i], bv[j], sums[i * t.tn + j]);
          }
          gpu::BarrierOp::create(rewriter, loc);
          put(c.lhs, lhs, lhsTile);
          put(c.rhs, rhs, rhsTile);
          gpu::BarrierOp::create(rewriter, loc);
          scf::YieldOp::create(rewriter, loc, sums);
        });

    // out[m, n] = out[m, n] + sum, by the body's own add; `start` + sum
    // where a fill wrote out[m, n] just before.
    AffineMap outMap = c.op.getMatchingIndexingMap(c.op.getDpsInitOperand(0));
    Value out = c.op.getDpsInits()[0];
    BlockArgument accArg = c.op.getBody()->getArgument(c.op.getNumDpsInputs());
    Value mulResult = c.add->getOperand(0) == accArg ? c.add->getOperand(1) : c.add->getOperand(0);
    for (int64_t i = 0; i < t.tm; ++i) {
      for (int64_t j = 0; j < t.tn; ++j) {
        OpBuilder::InsertionGuard guard(rewriter);
        Value m = k.add(m0, k.add(tm, k.index(i * rowThreads)));
        Value n = k.add(n0, k.add(tn, k.index(j * colThreads)));
        Value inside;
        if (s.m % t.bm != 0)
          inside = k.less(m, s.m);
        if (s.n % t.bn != 0)
          inside = k.both(inside, k.less(n, s.n));
        if (inside) {
          auto guardIf = scf::IfOp::create(rewriter, loc, inside, /*withElseRegion=*/false);
          rewriter.setInsertionPointToStart(&guardIf.getThenRegion().front());
        }
        SmallVector<Value> dims(batchDims);
        k.delinearize(m, c.m, c.ranges, dims);
        k.delinearize(n, c.n, c.ranges, dims);
        SmallVector<Value> indices;
        for (AffineExpr e : outMap.getResults())
          indices.push_back(dims[cast<AffineDimExpr>(e).getPosition()]);
        IRMapping map;
        map.map(accArg, start ? start : memref::LoadOp::create(rewriter, loc, out, indices));
        map.map(mulResult, loop.getResult(i * t.tn + j));
        Value sum = rewriter.clone(*c.add, map)->getResult(0);
        memref::StoreOp::create(rewriter, loc, sum, out, indices);
      }
    }
  }

  int64_t minBlocks;
};

} // namespace

void populateTileContractionPatterns(RewritePatternSet &patterns, int64_t minBlocks) {
  patterns.add<TileContraction>(patterns.getContext(), minBlocks);
}

} // namespace quench::nvptx
