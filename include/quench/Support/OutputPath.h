//===- OutputPath.h - checks on where a tool will write -----------*- C++ -*-===//
//
// Every tool that writes a file checks, before it does any work, that the
// file can be written where the user asked and that writing it cannot
// replace one of the tool's inputs (also through `..`, symbolic or hard
// links). The message names the path and the reason.
//
//===----------------------------------------------------------------------===//

#ifndef QUENCH_SUPPORT_OUTPUTPATH_H
#define QUENCH_SUPPORT_OUTPUTPATH_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <string>

namespace quench {

/// Empty when `output` ("-" is standard output) may be written: it is not
/// one of `inputs` and its folder exists and is writable. Otherwise the
/// message, e.g. "out/model.qz: the folder 'out' does not exist".
std::string checkOutputPath(llvm::StringRef output, llvm::ArrayRef<std::string> inputs);

} // namespace quench

#endif // QUENCH_SUPPORT_OUTPUTPATH_H
