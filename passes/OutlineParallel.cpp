//===- OutlineParallel.cpp - scf.forall to runtime parallel-for calls -----===//
//
// Each scf.forall becomes a function over a range of its linearized
// iterations and a call that hands the range [0, count) to the runtime.
// quench-x86-finalize-abi turns that call into the runtime's ABI.
//
//===----------------------------------------------------------------------===//

#include "passes/Passes.h"

#include "mlir/Dialect/Arith/Utils/Utils.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "mlir/Transforms/RegionUtils.h"

namespace quench {
#define GEN_PASS_DEF_OUTLINEPARALLEL
#include "passes/Passes.h.inc"
} // namespace quench

using namespace mlir;

namespace {

/// Values a body can recompute instead of receiving: constants and globals.
bool isCloneable(Value value) {
  Operation *def = value.getDefiningOp();
  return def && def->getNumOperands() == 0 && def->getNumRegions() == 0 &&
         (def->hasTrait<OpTrait::ConstantLike>() || isa<memref::GetGlobalOp>(def)) &&
         isMemoryEffectFree(def);
}

struct OutlineParallelPass : quench::impl::OutlineParallelBase<OutlineParallelPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    SmallVector<scf::ForallOp> loops;
    module.walk([&](scf::ForallOp loop) {
      if (!loop->getParentOfType<scf::ForallOp>())
        loops.push_back(loop);
    });
    unsigned counter = 0;
    for (scf::ForallOp loop : loops)
      if (failed(outline(module, loop, counter++)))
        return signalPassFailure();
  }

  LogicalResult outline(ModuleOp module, scf::ForallOp loop, unsigned id) {
    if (!loop.getOutputs().empty())
      return loop.emitError("scf.forall still has shared outputs; outline it "
                            "after bufferization");
    auto parent = loop->getParentOfType<func::FuncOp>();
    MLIRContext *ctx = &getContext();
    Location loc = loop.getLoc();
    OpBuilder builder(loop);
    Type indexType = builder.getIndexType();
    unsigned rank = loop.getRank();

    // Trip counts per dimension and in all, computed where the loop was.
    SmallVector<OpFoldResult> lbs = loop.getMixedLowerBound(),
                              ubs = loop.getMixedUpperBound(),
                              steps = loop.getMixedStep();
    SmallVector<Value> tripCounts;
    Value count = arith::ConstantIndexOp::create(builder, loc, 1);
    for (unsigned d = 0; d < rank; ++d) {
      Value lb = getValueOrCreateConstantIndexOp(builder, loc, lbs[d]);
      Value ub = getValueOrCreateConstantIndexOp(builder, loc, ubs[d]);
      Value step = getValueOrCreateConstantIndexOp(builder, loc, steps[d]);
      Value span = builder.createOrFold<arith::SubIOp>(loc, ub, lb);
      Value trips = builder.createOrFold<arith::CeilDivSIOp>(loc, span, step);
      tripCounts.push_back(trips);
      count = builder.createOrFold<arith::MulIOp>(loc, count, trips);
    }

    // Captured values: everything the body uses from outside, except what it
    // can rebuild itself; the bounds and trip counts travel the same way.
    llvm::SetVector<Value> above;
    getUsedValuesDefinedAbove(loop.getRegion(), above);
    SmallVector<Value> params;
    for (OpFoldResult ofr : llvm::concat<OpFoldResult>(lbs, steps))
      if (auto v = dyn_cast<Value>(ofr))
        above.insert(v);
    for (Value v : tripCounts)
      above.insert(v);
    SmallVector<Value> cloned;
    for (Value v : above)
      (isCloneable(v) ? cloned : params).push_back(v);

    // The body: @<parent>_par<N>(%begin, %end, params...).
    SmallVector<Type> argTypes{indexType, indexType};
    for (Value v : params)
      argTypes.push_back(v.getType());
    std::string name = (parent.getSymName() + "_par" + Twine(id)).str();
    OpBuilder moduleBuilder = OpBuilder::atBlockEnd(module.getBody());
    auto body = func::FuncOp::create(moduleBuilder, loc, name,
                                     FunctionType::get(ctx, argTypes, {}));
    body.setPrivate();
    Block *entry = body.addEntryBlock();
    OpBuilder b = OpBuilder::atBlockBegin(entry);
    IRMapping mapping;
    for (auto [i, v] : llvm::enumerate(params))
      mapping.map(v, entry->getArgument(i + 2));
    for (Value v : cloned)
      b.clone(*v.getDefiningOp(), mapping);
    auto lookup = [&](OpFoldResult ofr) -> Value {
      if (auto v = dyn_cast<Value>(ofr))
        return mapping.lookup(v);
      return getValueOrCreateConstantIndexOp(b, loc, ofr);
    };
    Value one = arith::ConstantIndexOp::create(b, loc, 1);
    auto walk = scf::ForOp::create(b, loc, entry->getArgument(0), entry->getArgument(1), one);
    func::ReturnOp::create(b, loc);

    // Inside: delinearize the iteration and clone the forall body.
    b.setInsertionPointToStart(walk.getBody());
    Value rest = walk.getInductionVar();
    SmallVector<Value> ivs(rank);
    for (int d = rank - 1; d >= 0; --d) {
      Value trips = mapping.lookup(tripCounts[d]);
      Value index = d == 0 ? rest : arith::RemUIOp::create(b, loc, rest, trips);
      if (d != 0)
        rest = arith::DivUIOp::create(b, loc, rest, trips);
      Value scaled = arith::MulIOp::create(b, loc, index, lookup(steps[d]));
      ivs[d] = arith::AddIOp::create(b, loc, scaled, lookup(lbs[d]));
    }
    for (auto [iv, value] : llvm::zip(loop.getInductionVars(), ivs))
      mapping.map(iv, value);
    for (Operation &op : loop.getBody()->without_terminator())
      b.clone(op, mapping);

    // The call that replaces the loop, through a declaration that names the
    // body for quench-x86-finalize-abi.
    SmallVector<Type> callTypes{indexType};
    SmallVector<Value> callArgs{count};
    for (Value v : params) {
      callTypes.push_back(v.getType());
      callArgs.push_back(v);
    }
    std::string launcher = ("__quench_parallel_for" + Twine(id)).str();
    auto decl = func::FuncOp::create(moduleBuilder, loc, launcher,
                                     FunctionType::get(ctx, callTypes, {}));
    decl.setPrivate();
    decl->setAttr("quench.parallel_body", FlatSymbolRefAttr::get(body));
    func::CallOp::create(builder, loc, decl, callArgs);
    loop.erase();
    return success();
  }
};

} // namespace
