//===- Version.cpp - what `--version` prints in every tool ----------------===//

#include "quench/Support/Version.h"

#include "llvm/Config/llvm-config.h"

void quench::printVersion(llvm::raw_ostream &os) {
  os << "Quench " QUENCH_VERSION " (built with LLVM/MLIR " LLVM_VERSION_STRING ")\n";
}
