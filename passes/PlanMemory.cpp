//===- PlanMemory.cpp - one weight blob and one workspace per model -------===//
//
// Gives the bufferized entry function the runtime's calling convention
// (weights, workspace, inputs..., outputs...): big constants move into one
// blob that the runtime maps from the artifact, and every static buffer gets
// an offset in one workspace that the runtime allocates once per session.
//
//===----------------------------------------------------------------------===//

#include "passes/Passes.h"

#include "quench/Support/ConstantData.h"

#include "mlir/IR/AsmState.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "mlir/IR/SymbolTable.h"

namespace quench {
#define GEN_PASS_DEF_PLANMEMORY
#include "passes/Passes.h.inc"
} // namespace quench

using namespace mlir;

namespace {

constexpr int64_t kAlignment = 64;

int64_t alignUp(int64_t value) { return (value + kAlignment - 1) / kAlignment * kAlignment; }

/// The bytes of a constant global in memory order, or nothing when its
/// initializer has no plain byte image (splats of packed i1, ...).
std::optional<ArrayRef<char>> constantBytes(memref::GlobalOp global,
                                            std::vector<char> &storage) {
  if (!global.getConstant() || !global.getType().getLayout().isIdentity())
    return std::nullopt;
  return quench::elementsBytes(global.getInitialValueAttr(), global.getType(), storage);
}

struct Buffer {
  memref::AllocOp alloc;
  int64_t bytes;
  unsigned first, last; // positions in the entry block, inclusive
  int64_t offset = -1;
};

struct PlanMemoryPass : quench::impl::PlanMemoryBase<PlanMemoryPass> {
  using Base::Base;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    auto entry = module.lookupSymbol<func::FuncOp>("quench_entry");
    if (!entry || entry.isDeclaration()) {
      module.emitError("no @quench_entry function (run quench-prepare-entry first)");
      return signalPassFailure();
    }
    if (entry.getNumResults() != 0 ||
        llvm::any_of(entry.getArgumentTypes(),
                     [](Type t) { return !isa<MemRefType>(t); })) {
      entry.emitError("@quench_entry must take memrefs and return nothing here "
                      "(run one-shot-bufferize and buffer-results-to-out-params first)");
      return signalPassFailure();
    }
    OpBuilder builder(&getContext());
    Block &body = entry.getBody().front();
    auto bytesType = [&](int64_t n) {
      return MemRefType::get({n}, builder.getI8Type());
    };
    // The two new leading arguments; their sizes are fixed at the end.
    (void)entry.insertArgument(0u, bytesType(0), {}, entry.getLoc());
    (void)entry.insertArgument(1u, bytesType(0), {}, entry.getLoc());
    Value weights = body.getArgument(0), workspace = body.getArgument(1);

    int64_t weightBytes = packWeights(module, entry, weights);
    int64_t workspaceBytes = planWorkspace(entry, workspace);

    weights.setType(bytesType(weightBytes));
    workspace.setType(bytesType(workspaceBytes));
    entry.setFunctionType(builder.getFunctionType(body.getArgumentTypes(), {}));
    entry->setAttr("llvm.emit_c_interface", builder.getUnitAttr());
    module->setAttr("quench.workspace_bytes", builder.getI64IntegerAttr(workspaceBytes));
  }

  /// Moves big constants into the blob; returns its size.
  int64_t packWeights(ModuleOp module, func::FuncOp entry, Value weights) {
    OpBuilder builder(&getContext());
    SymbolTable symbols(module);
    llvm::MapVector<memref::GlobalOp, SmallVector<memref::GetGlobalOp>> uses;
    entry.walk([&](memref::GetGlobalOp get) {
      if (auto global = symbols.lookup<memref::GlobalOp>(get.getName()))
        uses[global].push_back(get);
    });

    std::vector<char> blob;
    for (auto &[global, gets] : uses) {
      std::vector<char> storage;
      std::optional<ArrayRef<char>> bytes = constantBytes(global, storage);
      // Sub-byte integer constants always move: LLVM has no initializer
      // for an array of them.
      Type element = global.getType().getElementType();
      bool subByte = element.isInteger() && element.getIntOrFloatBitWidth() % 8 != 0;
      if (!bytes || (static_cast<int64_t>(bytes->size()) < weightThreshold && !subByte))
        continue;
      int64_t offset = alignUp(blob.size());
      blob.resize(offset);
      blob.insert(blob.end(), bytes->begin(), bytes->end());
      for (memref::GetGlobalOp get : gets) {
        builder.setInsertionPoint(get);
        Value shift = arith::ConstantIndexOp::create(builder, get.getLoc(), offset);
        Value view = memref::ViewOp::create(builder, get.getLoc(), get.getType(),
                                            weights, shift, ValueRange{});
        get.replaceAllUsesWith(view);
        get.erase();
      }
      if (SymbolTable::symbolKnownUseEmpty(global, module))
        global.erase();
    }
    int64_t size = alignUp(blob.size());
    blob.resize(size);
    auto type = RankedTensorType::get({size}, builder.getI8Type());
    module->setAttr("quench.weights",
                    DenseResourceElementsAttr::get(
                        type, "quench_weights",
                        HeapAsmResourceBlob::allocateAndCopyInferAlign(
                            ArrayRef<char>(blob), /*dataIsMutable=*/false)));
    return size;
  }

  /// Gives every top-level static buffer of the entry an offset in the
  /// workspace; buffers whose lifetimes do not overlap share bytes.
  int64_t planWorkspace(func::FuncOp entry, Value workspace) {
    Block &body = entry.getBody().front();
    DenseMap<Operation *, unsigned> position;
    for (auto [i, op] : llvm::enumerate(body))
      position[&op] = i;
    unsigned end = body.getOperations().size();

    std::vector<Buffer> buffers;
    unsigned nested = 0;
    entry.walk([&](memref::AllocOp alloc) {
      MemRefType type = alloc.getType();
      bool planned = alloc->getBlock() == &body && type.hasStaticShape() &&
                     type.getLayout().isIdentity() &&
                     type.getElementType().isIntOrFloat() &&
                     type.getElementType().getIntOrFloatBitWidth() % 8 == 0;
      if (!planned) {
        ++nested;
        return;
      }
      int64_t bytes =
          type.getNumElements() * (type.getElementType().getIntOrFloatBitWidth() / 8);
      buffers.push_back({alloc, bytes, position[alloc], lastUse(alloc, body, position, end)});
    });

    // Greedy first fit, biggest first.
    std::vector<Buffer *> order;
    for (Buffer &b : buffers)
      order.push_back(&b);
    llvm::stable_sort(order, [](Buffer *a, Buffer *b) { return a->bytes > b->bytes; });
    std::vector<Buffer *> placed;
    int64_t size = 0;
    for (Buffer *b : order) {
      std::vector<std::pair<int64_t, int64_t>> busy;
      for (Buffer *p : placed)
        if (p->first <= b->last && b->first <= p->last)
          busy.push_back({p->offset, p->offset + p->bytes});
      llvm::sort(busy);
      int64_t offset = 0;
      for (auto [lo, hi] : busy) {
        if (offset + b->bytes <= lo)
          break;
        offset = std::max(offset, alignUp(hi));
      }
      b->offset = offset;
      size = std::max(size, alignUp(offset + b->bytes));
      placed.push_back(b);
    }

    OpBuilder builder(&getContext());
    for (Buffer &b : buffers) {
      builder.setInsertionPoint(b.alloc);
      Location loc = b.alloc.getLoc();
      Value shift = arith::ConstantIndexOp::create(builder, loc, b.offset);
      Value view = memref::ViewOp::create(builder, loc, b.alloc.getType(), workspace,
                                          shift, ValueRange{});
      for (Operation *user : llvm::make_early_inc_range(b.alloc->getUsers()))
        if (isa<memref::DeallocOp>(user))
          user->erase();
      b.alloc.replaceAllUsesWith(view);
      b.alloc.erase();
    }
    if (nested)
      entry.emitRemark() << nested
                         << " allocation(s) inside loops or of dynamic shape stay "
                            "on the heap";
    return size;
  }

  /// The position of the last op of the entry block that uses `alloc` or a
  /// value derived from it (views, casts, region results). A value that
  /// escapes into something unknown lives to the end.
  static unsigned lastUse(memref::AllocOp alloc, Block &body,
                          DenseMap<Operation *, unsigned> &position, unsigned end) {
    unsigned last = position[alloc];
    SmallVector<Value> worklist{alloc.getResult()};
    DenseSet<Value> seen{alloc.getResult()};
    auto push = [&](Value v) {
      if (isa<MemRefType>(v.getType()) && seen.insert(v).second)
        worklist.push_back(v);
    };
    while (!worklist.empty()) {
      Value value = worklist.pop_back_val();
      for (OpOperand &use : value.getUses()) {
        Operation *user = use.getOwner();
        Operation *top = body.findAncestorOpInBlock(*user);
        if (!top || isa<func::ReturnOp>(user) || isa<func::CallOp>(user))
          return end;
        last = std::max(last, position[top]);
        for (Value result : user->getResults())
          push(result);
        // Values yielded out of a region alias the parent's results.
        if (user->hasTrait<OpTrait::IsTerminator>())
          if (Operation *parent = user->getParentOp())
            for (Value result : parent->getResults())
              push(result);
      }
    }
    return last;
  }
};

} // namespace
