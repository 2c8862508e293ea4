//===- Version.h - what `--version` prints in every tool -----------*- C++ -*-===//

#ifndef QUENCH_SUPPORT_VERSION_H
#define QUENCH_SUPPORT_VERSION_H

#include "llvm/Support/raw_ostream.h"

namespace quench {

/// "Quench 0.1.0 (built with LLVM/MLIR 22.1.8)": for llvm::cl::SetVersionPrinter.
void printVersion(llvm::raw_ostream &os);

} // namespace quench

#endif // QUENCH_SUPPORT_VERSION_H
