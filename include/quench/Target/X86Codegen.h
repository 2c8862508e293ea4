//===- X86Codegen.h - LLVM dialect to a loadable x86 shared object -*- C++ -*-===//
//
// The last steps of native compilation: pick the target (the host by
// default), translate the LLVM dialect module that `quench-x86` produced to
// LLVM IR, optimize it, emit an object file and link it into the shared
// object that goes into an artifact.
//
//===----------------------------------------------------------------------===//

#ifndef QUENCH_TARGET_X86CODEGEN_H
#define QUENCH_TARGET_X86CODEGEN_H

#include "mlir/IR/BuiltinOps.h"
#include "llvm/ADT/SmallVector.h"

#include <memory>
#include <string>

namespace llvm {
class TargetMachine;
} // namespace llvm

namespace quench::x86 {

struct TargetOptions {
  /// `host` (detect the CPU this runs on) or an LLVM CPU name (`znver4`,
  /// `x86-64-v3`, `skylake-avx512`, ...).
  std::string cpu = "host";
  /// Extra LLVM features, e.g. `-avx512f` to compile for AVX2 on an AVX-512
  /// host. With `cpu = host` the host's features come first.
  std::string features;
  unsigned optLevel = 3;
};

/// A resolved target: what the artifact's manifest records.
struct Target {
  std::string triple, cpu, features;
  /// Widest vector register the generated code may use (512, 256 or 128).
  unsigned vectorBits = 128;
  /// 8-bit dot products (vpdpbusd) at `vectorBits`.
  bool vnni = false;
  std::shared_ptr<llvm::TargetMachine> machine;
};

/// Resolves `options` to a target machine; false and `error` when LLVM does
/// not know the CPU or the host is not x86-64.
bool resolveTarget(const TargetOptions &options, Target &target, std::string &error);

/// Translates an LLVM-dialect module to LLVM IR text (for --emit=llvm).
bool translateToLLVMIR(mlir::ModuleOp module, const Target &target, std::string &ir,
                       std::string &error);

/// LLVM dialect -> optimized LLVM IR -> ELF object bytes.
bool emitObject(mlir::ModuleOp module, const Target &target,
                llvm::SmallVectorImpl<char> &object, std::string &error);

/// Links an object into a shared object with the system's C compiler driver
/// (`linker`, or the first of clang-22, clang, cc, gcc on PATH), libm
/// included, refusing unresolved symbols. Returns the bytes of the result.
bool linkSharedObject(llvm::ArrayRef<char> object, const std::string &linker,
                      std::string &sharedObject, std::string &error);

} // namespace quench::x86

#endif // QUENCH_TARGET_X86CODEGEN_H
