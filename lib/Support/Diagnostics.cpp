//===- Diagnostics.cpp - how the tools report errors ----------------------===//

#include "quench/Support/Diagnostics.h"

#include "llvm/Support/CommandLine.h"

void quench::useToolDiagnostics(mlir::MLIRContext &context) {
  auto &options = llvm::cl::getRegisteredOptions();
  auto it = options.find("mlir-print-op-on-diagnostic");
  if (it == options.end() || it->second->getNumOccurrences() == 0)
    context.printOpOnDiagnostic(false);
}
