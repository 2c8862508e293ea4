//===- PrepareEntry.cpp - checks and fixes a model's entry function -------===//

#include "passes/Passes.h"

#include "mlir/IR/SymbolTable.h"

namespace quench {
#define GEN_PASS_DEF_PREPAREENTRY
#include "passes/Passes.h.inc"
} // namespace quench

using namespace mlir;

namespace {

/// Why `type` cannot cross the runtime boundary, or "" when it can.
std::string boundaryProblem(Type type) {
  auto tensor = dyn_cast<RankedTensorType>(type);
  if (!tensor)
    return "is not a ranked tensor";
  if (!tensor.hasStaticShape())
    return "has a dynamic shape (fix it when importing: quench-import-onnx "
           "--input-shape name=1x512)";
  Type element = tensor.getElementType();
  if (element.isF16() || element.isBF16() || element.isF32() || element.isF64())
    return "";
  if (auto integer = dyn_cast<IntegerType>(element))
    if (llvm::is_contained({1u, 8u, 16u, 32u, 64u}, integer.getWidth()))
      return "";
  std::string text;
  llvm::raw_string_ostream os(text);
  os << "has element type " << element
     << ", which the runtime cannot exchange (f16, bf16, f32, f64, i1, i8, "
        "i16, i32, i64)";
  return text;
}

struct PrepareEntryPass : quench::impl::PrepareEntryBase<PrepareEntryPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    SmallVector<func::FuncOp> entries;
    for (auto func : module.getOps<func::FuncOp>())
      if (func.isPublic() && !func.isDeclaration())
        entries.push_back(func);
    if (entries.size() != 1) {
      InFlightDiagnostic diag = module.emitError()
                                << "expected exactly one public function with a "
                                   "body (the model's entry), found "
                                << entries.size();
      for (func::FuncOp func : entries)
        diag.attachNote(func.getLoc()) << "public function @" << func.getSymName();
      return signalPassFailure();
    }
    func::FuncOp entry = entries.front();
    FunctionType type = entry.getFunctionType();
    bool ok = true;
    auto check = [&](StringRef what, unsigned index, Type t, DictionaryAttr attrs) {
      std::string problem = boundaryProblem(t);
      if (problem.empty())
        return;
      InFlightDiagnostic diag = entry.emitError() << what << " #" << index;
      if (attrs)
        if (auto name = attrs.getAs<StringAttr>("onnx.name"))
          diag << " ('" << name.getValue() << "')";
      diag << " of @" << entry.getSymName() << " " << problem;
      ok = false;
    };
    for (auto [i, t] : llvm::enumerate(type.getInputs()))
      check("input", i, t, entry.getArgAttrDict(i));
    for (auto [i, t] : llvm::enumerate(type.getResults()))
      check("output", i, t, entry.getResultAttrDict(i));
    if (type.getNumResults() == 0) {
      entry.emitError() << "@" << entry.getSymName() << " returns nothing";
      ok = false;
    }
    if (!ok)
      return signalPassFailure();

    // Inputs are the caller's memory, bound without a copy: read-only. Other
    // argument and result attributes (ONNX names, ...) have no meaning past
    // this point; quench-compile records them in the manifest.
    OpBuilder builder(&getContext());
    for (unsigned i = 0; i < type.getNumInputs(); ++i)
      entry.setArgAttrs(i, ArrayRef<NamedAttribute>{});
    for (unsigned i = 0; i < type.getNumResults(); ++i)
      entry.setResultAttrs(i, ArrayRef<NamedAttribute>{});
    for (unsigned i = 0; i < type.getNumInputs(); ++i)
      entry.setArgAttr(i, bufferization::BufferizationDialect::kWritableAttrName,
                       builder.getBoolAttr(false));

    if (entry.getSymName() != "quench_entry") {
      if (SymbolTable::lookupSymbolIn(module, "quench_entry")) {
        module.emitError("a symbol named @quench_entry already exists; the "
                         "model's entry takes that name");
        return signalPassFailure();
      }
      if (failed(SymbolTable::replaceAllSymbolUses(
              entry, StringAttr::get(&getContext(), "quench_entry"), module)))
        return signalPassFailure();
      entry.setSymName("quench_entry");
    }
    for (auto func : module.getOps<func::FuncOp>())
      if (func != entry && !func.isDeclaration())
        func.setPrivate();
  }
};

} // namespace
