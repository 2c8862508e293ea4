//===- X86FinalizeAbi.cpp - the runtime entry points, in the LLVM dialect -===//
//
// The shared object the runtime loads exports three symbols:
//   void quench_main(void **args)            args[i]: memref descriptor
//   void (*quench_parallel_for_hook)(void (*)(void *, int64_t, int64_t),
//                                    void *, int64_t)
//   const int32_t quench_abi_version = 1
// See docs/Runtime.md.
//
//===----------------------------------------------------------------------===//

#include "passes/Passes.h"

#include "quench/Target/NVPTX.h"
#include "quench/runtime/ArtifactFormat.h"

#include "mlir/IR/SymbolTable.h"

namespace quench {
#define GEN_PASS_DEF_X86FINALIZEABI
#include "passes/Passes.h.inc"
} // namespace quench

using namespace mlir;

namespace {

using quench::runtime::kAbiVersion;
using quench::runtime::kAbiVersionSymbol;
using quench::runtime::kEntrySymbol;
using quench::runtime::kGpuLaunchHookSymbol;
using quench::runtime::kParallelHookSymbol;

struct X86FinalizeAbiPass : quench::impl::X86FinalizeAbiBase<X86FinalizeAbiPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    MLIRContext *ctx = &getContext();
    auto ciface = module.lookupSymbol<LLVM::LLVMFuncOp>("_mlir_ciface_quench_entry");
    if (!ciface) {
      module.emitError("no @_mlir_ciface_quench_entry: lower @quench_entry "
                       "(with llvm.emit_c_interface) to the LLVM dialect first");
      return signalPassFailure();
    }
    for (StringRef taken : {kEntrySymbol, kParallelHookSymbol, kAbiVersionSymbol,
                            kGpuLaunchHookSymbol, "__quench_parallel_for"})
      if (SymbolTable::lookupSymbolIn(module, taken)) {
        module.emitError() << "symbol @" << taken << " already exists";
        return signalPassFailure();
      }

    Location loc = module.getLoc();
    OpBuilder builder = OpBuilder::atBlockEnd(module.getBody());
    Type ptr = LLVM::LLVMPointerType::get(ctx);
    Type i64 = builder.getI64Type(), i32 = builder.getI32Type();
    Type voidType = LLVM::LLVMVoidType::get(ctx);

    // const int32_t quench_abi_version = 1;
    LLVM::GlobalOp::create(builder, loc, i32, /*isConstant=*/true, LLVM::Linkage::External,
                           kAbiVersionSymbol, builder.getI32IntegerAttr(kAbiVersion));
    // void (*quench_parallel_for_hook)(...) = nullptr;
    auto hook = LLVM::GlobalOp::create(builder, loc, ptr, /*isConstant=*/false,
                                       LLVM::Linkage::External,
                                       kParallelHookSymbol, Attribute());
    {
      Block *init = builder.createBlock(&hook.getInitializerRegion());
      builder.setInsertionPointToStart(init);
      Value null = LLVM::ZeroOp::create(builder, loc, ptr);
      LLVM::ReturnOp::create(builder, loc, null);
      builder.setInsertionPointToEnd(module.getBody());
    }

    // void quench_main(void **args): args[i] -> the entry's i-th descriptor.
    {
      auto type = LLVM::LLVMFunctionType::get(voidType, {ptr});
      auto main = LLVM::LLVMFuncOp::create(builder, loc, kEntrySymbol, type);
      Block *entry = main.addEntryBlock(builder);
      OpBuilder b = OpBuilder::atBlockBegin(entry);
      SmallVector<Value> descriptors;
      for (unsigned i = 0; i < ciface.getNumArguments(); ++i) {
        Value slot = LLVM::GEPOp::create(b, loc, ptr, ptr, entry->getArgument(0),
                                         ArrayRef<LLVM::GEPArg>{static_cast<int32_t>(i)});
        descriptors.push_back(LLVM::LoadOp::create(b, loc, ptr, slot));
      }
      LLVM::CallOp::create(b, loc, ciface, descriptors);
      LLVM::ReturnOp::create(b, loc, ValueRange{});
    }

    // void __quench_parallel_for(fn, ctx, n): through the hook, or inline.
    auto bodyType = LLVM::LLVMFunctionType::get(voidType, {ptr, i64, i64});
    LLVM::LLVMFuncOp dispatch;
    {
      auto type = LLVM::LLVMFunctionType::get(voidType, {ptr, ptr, i64});
      dispatch = LLVM::LLVMFuncOp::create(builder, loc, "__quench_parallel_for", type,
                                          LLVM::Linkage::Internal);
      Block *entry = dispatch.addEntryBlock(builder);
      Block *inline_ = new Block(), *pool = new Block();
      dispatch.getBody().push_back(inline_);
      dispatch.getBody().push_back(pool);
      OpBuilder b = OpBuilder::atBlockBegin(entry);
      Value fn = entry->getArgument(0), record = entry->getArgument(1),
            count = entry->getArgument(2);
      Value hookAddr = LLVM::AddressOfOp::create(b, loc, hook);
      Value hookFn = LLVM::LoadOp::create(b, loc, ptr, hookAddr);
      Value null = LLVM::ZeroOp::create(b, loc, ptr);
      Value none = LLVM::ICmpOp::create(b, loc, LLVM::ICmpPredicate::eq, hookFn, null);
      LLVM::CondBrOp::create(b, loc, none, inline_, pool);
      b.setInsertionPointToStart(inline_);
      Value zero = LLVM::ConstantOp::create(b, loc, i64, b.getI64IntegerAttr(0));
      LLVM::CallOp::create(b, loc, bodyType, ValueRange{fn, record, zero, count});
      LLVM::ReturnOp::create(b, loc, ValueRange{});
      b.setInsertionPointToStart(pool);
      auto hookType = LLVM::LLVMFunctionType::get(voidType, {ptr, ptr, i64});
      LLVM::CallOp::create(b, loc, hookType, ValueRange{hookFn, fn, record, count});
      LLVM::ReturnOp::create(b, loc, ValueRange{});
    }

    // Each launch left by quench-outline-parallel: pack, trampoline, dispatch.
    SmallVector<LLVM::CallOp> launches;
    module.walk([&](LLVM::CallOp call) {
      if (auto callee = call.getCallee())
        if (auto decl = module.lookupSymbol<LLVM::LLVMFuncOp>(*callee))
          if (decl->hasAttr("quench.parallel_body"))
            launches.push_back(call);
    });
    DenseSet<Operation *> launchers;
    for (LLVM::CallOp call : launches) {
      auto decl = module.lookupSymbol<LLVM::LLVMFuncOp>(*call.getCallee());
      launchers.insert(decl);
      auto bodyName = decl->getAttrOfType<FlatSymbolRefAttr>("quench.parallel_body");
      auto body = module.lookupSymbol<LLVM::LLVMFuncOp>(bodyName.getValue());
      if (!body) {
        decl.emitError() << "parallel body " << bodyName << " is missing";
        return signalPassFailure();
      }
      if (failed(lowerLaunch(module, call, body, dispatch, bodyType)))
        return signalPassFailure();
    }
    for (Operation *decl : launchers)
      decl->erase();

    // void __quench_gpu_launch(i64 kernel, i64 params): through the hook
    // the runtime's CUDA backend sets (GPU models only).
    if (auto launch = module.lookupSymbol<LLVM::LLVMFuncOp>(quench::nvptx::kLaunchFunction))
      if (launch.isExternal()) {
        auto launchHook = LLVM::GlobalOp::create(builder, loc, ptr, /*isConstant=*/false,
                                                 LLVM::Linkage::External,
                                                 kGpuLaunchHookSymbol, Attribute());
        Block *init = builder.createBlock(&launchHook.getInitializerRegion());
        builder.setInsertionPointToStart(init);
        LLVM::ReturnOp::create(builder, loc, LLVM::ZeroOp::create(builder, loc, ptr).getResult());
        builder.setInsertionPointToEnd(module.getBody());
        Block *entry = launch.addEntryBlock(builder);
        OpBuilder b = OpBuilder::atBlockBegin(entry);
        Value hookFn = LLVM::LoadOp::create(b, loc, ptr,
                                            LLVM::AddressOfOp::create(b, loc, launchHook));
        Value params = LLVM::IntToPtrOp::create(b, loc, ptr, entry->getArgument(1));
        auto hookType = LLVM::LLVMFunctionType::get(voidType, {i64, ptr});
        LLVM::CallOp::create(b, loc, hookType, ValueRange{hookFn, entry->getArgument(0), params});
        LLVM::ReturnOp::create(b, loc, ValueRange{});
      }

    // Only the ABI symbols are visible outside the shared object.
    for (auto func : module.getOps<LLVM::LLVMFuncOp>())
      if (!func.isExternal() && func.getName() != kEntrySymbol)
        func.setLinkage(LLVM::Linkage::Internal);
  }

  LogicalResult lowerLaunch(ModuleOp module, LLVM::CallOp call, LLVM::LLVMFuncOp body,
                            LLVM::LLVMFuncOp dispatch, LLVM::LLVMFunctionType bodyType) {
    MLIRContext *ctx = &getContext();
    Location loc = call.getLoc();
    Type ptr = LLVM::LLVMPointerType::get(ctx);
    Type i64 = IntegerType::get(ctx, 64);
    ValueRange operands = call.getArgOperands();
    Value count = operands.front();
    ValueRange captured = operands.drop_front();
    if (body.getNumArguments() != captured.size() + 2)
      return call.emitError("parallel launch does not match its body's signature");
    SmallVector<Type> fieldTypes(captured.getTypes());
    auto recordType = LLVM::LLVMStructType::getLiteral(ctx, fieldTypes);

    // The trampoline: void tramp(void *record, int64_t begin, int64_t end).
    OpBuilder builder = OpBuilder::atBlockEnd(module.getBody());
    auto tramp = LLVM::LLVMFuncOp::create(builder, loc, (body.getName() + "_tramp").str(),
                                          bodyType, LLVM::Linkage::Internal);
    {
      Block *entry = tramp.addEntryBlock(builder);
      OpBuilder b = OpBuilder::atBlockBegin(entry);
      SmallVector<Value> args{entry->getArgument(1), entry->getArgument(2)};
      for (auto [i, t] : llvm::enumerate(fieldTypes)) {
        Value field = LLVM::GEPOp::create(
            b, loc, ptr, recordType, entry->getArgument(0),
            ArrayRef<LLVM::GEPArg>{0, static_cast<int32_t>(i)});
        args.push_back(LLVM::LoadOp::create(b, loc, t, field));
      }
      LLVM::CallOp::create(b, loc, body, args);
      LLVM::ReturnOp::create(b, loc, ValueRange{});
    }

    // At the call: the record lives in the caller's frame (allocated once,
    // at its entry), is filled, and handed to the dispatcher.
    auto caller = call->getParentOfType<LLVM::LLVMFuncOp>();
    OpBuilder b = OpBuilder::atBlockBegin(&caller.getBody().front());
    Value record;
    if (fieldTypes.empty()) {
      b.setInsertionPoint(call);
      record = LLVM::ZeroOp::create(b, loc, ptr);
    } else {
      Value one = LLVM::ConstantOp::create(b, loc, i64, b.getI64IntegerAttr(1));
      record = LLVM::AllocaOp::create(b, loc, ptr, recordType, one);
      b.setInsertionPoint(call);
      for (auto [i, v] : llvm::enumerate(captured)) {
        Value field = LLVM::GEPOp::create(b, loc, ptr, recordType, record,
                                          ArrayRef<LLVM::GEPArg>{0, static_cast<int32_t>(i)});
        LLVM::StoreOp::create(b, loc, v, field);
      }
    }
    Value fn = LLVM::AddressOfOp::create(b, loc, tramp);
    LLVM::CallOp::create(b, loc, dispatch, ValueRange{fn, record, count});
    call.erase();
    return success();
  }
};

} // namespace
