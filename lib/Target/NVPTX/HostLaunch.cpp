//===- HostLaunch.cpp - one kernel module, launches through the runtime ---===//
//
// See quench/Target/NVPTX.h. The host side of a GPU model calls one
// function per launch, `__quench_gpu_launch(kernel, params)`: the runtime
// looks the kernel's launch shape up in the artifact's kernel table, so the
// host code carries no CUDA types and no driver calls.
//
//===----------------------------------------------------------------------===//

#include "quench/Target/NVPTX.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/SymbolTable.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"

using namespace mlir;

namespace quench::nvptx {

namespace {

/// The bytes a memref value covers, relative to the function argument it is
/// a view of (after quench-plan-memory: the weights, the workspace, an input
/// or an output); no root when the chain of views is not understood.
struct ByteRange {
  Value root;
  int64_t begin = 0, end = 0;
};

/// True for a memref of static shape, strides and offset (what the
/// bare-pointer convention can pass), with those strides and offset.
bool staticLayout(MemRefType type, SmallVectorImpl<int64_t> &strides, int64_t &offset) {
  return type && type.hasStaticShape() && succeeded(type.getStridesAndOffset(strides, offset)) &&
         !ShapedType::isDynamic(offset) && !llvm::any_of(strides, ShapedType::isDynamic);
}

ByteRange byteRange(Value value) {
  auto type = dyn_cast<MemRefType>(value.getType());
  int64_t offset;
  SmallVector<int64_t> strides;
  if (!staticLayout(type, strides, offset) || !type.getElementType().isIntOrFloat())
    return {};
  int64_t element = std::max<int64_t>(1, type.getElementTypeBitWidth() / 8);
  int64_t span = 1;
  for (auto [size, stride] : llvm::zip(type.getShape(), strides))
    span += (size - 1) * stride;
  if (type.getNumElements() == 0)
    span = 0;
  // The base pointer moves only through memref.view; the other views keep
  // it and state their offset in the type.
  int64_t shift = 0;
  Value v = value;
  while (Operation *def = v.getDefiningOp()) {
    if (auto view = dyn_cast<memref::ViewOp>(def)) {
      std::optional<int64_t> bytes = getConstantIntValue(view.getByteShift());
      if (!bytes)
        return {};
      shift += *bytes;
      v = view.getSource();
      continue;
    }
    if (isa<memref::SubViewOp, memref::ReinterpretCastOp, memref::ExpandShapeOp,
            memref::CollapseShapeOp, memref::CastOp>(def)) {
      v = def->getOperand(0);
      continue;
    }
    return {};
  }
  if (!isa<BlockArgument>(v))
    return {};
  return {v, shift + offset * element, shift + (offset + span) * element};
}

/// For each operand of `launch`: true when it is a memref whose bytes no
/// other operand of the launch covers (so the kernel may treat it as
/// `noalias`).
SmallVector<bool> disjointOperands(gpu::LaunchFuncOp launch) {
  SmallVector<Value> operands(launch.getKernelOperands());
  SmallVector<ByteRange> ranges;
  for (Value v : operands)
    ranges.push_back(byteRange(v));
  SmallVector<bool> disjoint(operands.size(), false);
  for (size_t i = 0; i < operands.size(); ++i) {
    if (!isa<MemRefType>(operands[i].getType()) || !ranges[i].root)
      continue;
    disjoint[i] = true;
    for (size_t j = 0; j < operands.size() && disjoint[i]; ++j) {
      if (j == i || !isa<MemRefType>(operands[j].getType()))
        continue;
      const ByteRange &a = ranges[i], &b = ranges[j];
      bool overlap = !b.root || operands[j] == operands[i] ||
                     (a.root == b.root && a.begin < b.end && b.begin < a.end);
      if (overlap)
        disjoint[i] = false;
    }
  }
  return disjoint;
}

} // namespace

LogicalResult mergeKernelModules(ModuleOp module) {
  SmallVector<gpu::GPUModuleOp> modules(module.getOps<gpu::GPUModuleOp>());
  if (modules.empty())
    return success();
  if (SymbolTable::lookupSymbolIn(module, kKernelModule))
    return module.emitError() << "symbol @" << kKernelModule << " already exists";
  MLIRContext *ctx = module.getContext();
  OpBuilder builder(modules.front());
  auto merged = gpu::GPUModuleOp::create(builder, modules.front().getLoc(), kKernelModule);
  builder.setInsertionPointToStart(&merged.getBodyRegion().front());

  // Kernels are numbered in the order the host launches them.
  DenseMap<Attribute, SymbolRefAttr> renamed;
  SmallVector<gpu::LaunchFuncOp> launches;
  module.walk([&](gpu::LaunchFuncOp launch) { launches.push_back(launch); });
  for (gpu::LaunchFuncOp launch : launches) {
    SymbolRefAttr old = launch.getKernelAttr();
    auto it = renamed.find(old);
    if (it == renamed.end()) {
      auto kernel = SymbolTable::lookupNearestSymbolFrom<gpu::GPUFuncOp>(launch, old);
      if (!kernel)
        return launch.emitError() << "kernel " << old << " not found";
      std::string name = "k" + std::to_string(renamed.size());
      auto copy = cast<gpu::GPUFuncOp>(builder.clone(*kernel));
      copy.setName(name);
      // Buffers no other parameter overlaps are `noalias`: LLVM then keeps a
      // reduction's accumulator in a register instead of reloading it.
      for (auto [i, disjoint] : llvm::enumerate(disjointOperands(launch)))
        if (disjoint)
          copy.setArgAttr(i, "llvm.noalias", UnitAttr::get(ctx));
      it = renamed
               .try_emplace(old, SymbolRefAttr::get(StringAttr::get(ctx, kKernelModule),
                                                    {FlatSymbolRefAttr::get(ctx, name)}))
               .first;
    } else {
      // Launched again: noalias only where every launch allows it.
      auto copy = SymbolTable::lookupNearestSymbolFrom<gpu::GPUFuncOp>(launch, it->second);
      for (auto [i, disjoint] : llvm::enumerate(disjointOperands(launch)))
        if (!disjoint)
          copy.removeArgAttr(i, "llvm.noalias");
    }
    launch.setKernelAttr(it->second);
  }
  for (gpu::GPUModuleOp m : modules)
    m.erase();
  return success();
}

namespace {

/// The 8-byte parameter slot of one kernel operand (little-endian: the
/// driver reads as many bytes as the parameter has).
FailureOr<Value> parameterSlot(OpBuilder &b, Location loc, Value value) {
  Type i64 = b.getI64Type();
  Type type = value.getType();
  if (auto memref = dyn_cast<MemRefType>(type)) {
    int64_t offset;
    SmallVector<int64_t> strides;
    if (!staticLayout(memref, strides, offset))
      return failure();
    // Bare-pointer convention: the kernel takes the aligned pointer and
    // knows the rest from the type.
    Value address = memref::ExtractAlignedPointerAsIndexOp::create(b, loc, value);
    return Value(arith::IndexCastUIOp::create(b, loc, i64, address));
  }
  if (type.isIndex())
    return Value(arith::IndexCastOp::create(b, loc, i64, value));
  if (auto f = dyn_cast<FloatType>(type)) {
    Type bits = b.getIntegerType(f.getWidth());
    value = arith::BitcastOp::create(b, loc, bits, value);
    type = bits;
  }
  if (auto integer = dyn_cast<IntegerType>(type)) {
    if (integer.getWidth() == 64)
      return value;
    if (integer.getWidth() < 64)
      return Value(arith::ExtUIOp::create(b, loc, i64, value));
  }
  return failure();
}

/// Where a kernel comes from, for profiles: the ONNX node names of its ops
/// (`NameLoc`s), else `file:line`.
std::string describeLocation(Location loc) {
  SmallVector<std::string> names;
  loc->walk([&](Location inner) {
    if (auto name = dyn_cast<NameLoc>(inner)) {
      std::string text = name.getName().str();
      if (!llvm::is_contained(names, text))
        names.push_back(text);
      return WalkResult::skip();
    }
    return WalkResult::advance();
  });
  if (names.empty())
    if (auto file = dyn_cast<FileLineColLoc>(loc))
      names.push_back((llvm::sys::path::filename(file.getFilename().getValue()) + ":" +
                       Twine(file.getLine()))
                          .str());
  std::string text = llvm::join(names, "+");
  return text.size() > 120 ? text.substr(0, 117) + "..." : text;
}

} // namespace

LogicalResult lowerLaunchesToRuntime(ModuleOp module) {
  MLIRContext *ctx = module.getContext();
  OpBuilder builder(ctx);
  SmallVector<gpu::LaunchFuncOp> launches;
  module.walk([&](gpu::LaunchFuncOp launch) { launches.push_back(launch); });

  std::string ptx;
  if (auto binary = module.lookupSymbol<gpu::BinaryOp>(kKernelModule)) {
    auto objects = binary.getObjects().getAsRange<gpu::ObjectAttr>();
    if (objects.empty() || (*objects.begin()).getFormat() != gpu::CompilationTarget::Assembly)
      return binary.emitError("expected the kernels as PTX (gpu-module-to-binary format=isa)");
    ptx = (*objects.begin()).getObject().str();
    binary.erase();
  } else if (!launches.empty()) {
    return module.emitError() << "launches but no gpu.binary @" << kKernelModule
                              << " (run gpu-module-to-binary first)";
  }
  // libdevice functions left unresolved would fail only at load time.
  if (ptx.find(".extern .func __nv_") != std::string::npos)
    return module.emitError("the kernels call libdevice functions that were not linked: "
                            "give the CUDA toolkit's path (quench-compile --cuda-path)");

  builder.setInsertionPointToEnd(module.getBody());
  Type i64 = builder.getI64Type();
  auto launchType = builder.getFunctionType({i64, i64}, {});
  func::FuncOp callee;
  if (!launches.empty()) {
    if (SymbolTable::lookupSymbolIn(module, kLaunchFunction))
      return module.emitError() << "symbol @" << kLaunchFunction << " already exists";
    callee = func::FuncOp::create(builder, module.getLoc(), kLaunchFunction, launchType);
    callee.setPrivate();
  }

  SmallVector<Attribute> table;
  for (gpu::LaunchFuncOp launch : launches) {
    Location loc = launch.getLoc();
    if (launch.getAsyncToken() || !launch.getAsyncDependencies().empty() ||
        launch.getDynamicSharedMemorySize() || launch.hasClusterSize())
      return launch.emitError("only synchronous launches without dynamic shared memory or "
                              "clusters are supported");
    gpu::KernelDim3 grid = launch.getGridSizeOperandValues();
    gpu::KernelDim3 block = launch.getBlockSizeOperandValues();
    SmallVector<int64_t> sizes;
    for (Value v : {grid.x, grid.y, grid.z, block.x, block.y, block.z}) {
      std::optional<int64_t> c = getConstantIntValue(v);
      if (!c)
        return launch.emitError("launch sizes must be constants");
      sizes.push_back(*c);
    }

    auto func = launch->getParentOfType<func::FuncOp>();
    builder.setInsertionPointToStart(&func.getBody().front());
    int64_t count = launch.getKernelOperands().size();
    auto slotsType = MemRefType::get({std::max<int64_t>(count, 1)}, i64);
    Value slots = memref::AllocaOp::create(builder, loc, slotsType);
    builder.setInsertionPoint(launch);
    for (auto [i, operand] : llvm::enumerate(launch.getKernelOperands())) {
      FailureOr<Value> slot = parameterSlot(builder, loc, operand);
      if (failed(slot))
        return launch.emitError() << "kernel parameter " << i << " of type "
                                  << operand.getType()
                                  << " cannot be passed (needs a static memref, an index, "
                                     "an integer or a float)";
      Value at = arith::ConstantIndexOp::create(builder, loc, i);
      memref::StoreOp::create(builder, loc, *slot, slots, at);
    }
    Value address = memref::ExtractAlignedPointerAsIndexOp::create(builder, loc, slots);
    Value params = arith::IndexCastUIOp::create(builder, loc, i64, address);
    Value kernel = arith::ConstantIntOp::create(builder, loc, i64, table.size());
    func::CallOp::create(builder, loc, callee, ValueRange{kernel, params});

    std::string source = describeLocation(loc);
    NamedAttribute fields[] = {
        builder.getNamedAttr("name", launch.getKernelName()),
        builder.getNamedAttr("source", builder.getStringAttr(source)),
        builder.getNamedAttr("grid", builder.getDenseI64ArrayAttr(ArrayRef(sizes).take_front(3))),
        builder.getNamedAttr("block", builder.getDenseI64ArrayAttr(ArrayRef(sizes).drop_front(3))),
        builder.getNamedAttr("params", builder.getI64IntegerAttr(count))};
    table.push_back(builder.getDictionaryAttr(fields));
    launch.erase();
  }
  module->removeAttr(gpu::GPUDialect::getContainerModuleAttrName());
  module->setAttr("quench.ptx", builder.getStringAttr(ptx));
  module->setAttr("quench.kernels", builder.getArrayAttr(table));
  return success();
}

bool takeDeviceCode(ModuleOp module, std::string &ptx, std::vector<KernelInfo> &kernels) {
  auto text = module->getAttrOfType<StringAttr>("quench.ptx");
  auto table = module->getAttrOfType<ArrayAttr>("quench.kernels");
  if (!text || !table)
    return false;
  ptx = text.str();
  kernels.clear();
  for (auto entry : table.getAsRange<DictionaryAttr>()) {
    KernelInfo info;
    info.name = entry.getAs<StringAttr>("name").str();
    auto grid = entry.getAs<DenseI64ArrayAttr>("grid").asArrayRef();
    auto block = entry.getAs<DenseI64ArrayAttr>("block").asArrayRef();
    for (int d = 0; d < 3; ++d) {
      info.grid[d] = grid[d];
      info.block[d] = block[d];
    }
    info.params = entry.getAs<IntegerAttr>("params").getInt();
    if (auto source = entry.getAs<StringAttr>("source"))
      info.source = source.str();
    kernels.push_back(info);
  }
  module->removeAttr("quench.ptx");
  module->removeAttr("quench.kernels");
  return true;
}

} // namespace quench::nvptx
