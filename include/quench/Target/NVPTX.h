//===- NVPTX.h - mapping bufferized models onto NVIDIA GPUs -------*- C++ -*-===//
//
// The NVPTX target takes the same bufferized entry function as x86 (weights,
// workspace, inputs, outputs: memrefs planned by quench-plan-memory) and
// moves every computation onto the GPU:
//   1. buffer ops the host cannot run on device memory become device code
//      (`memref.copy` -> `linalg.copy`; `memref.reshape` of static shapes ->
//      `memref.reinterpret_cast`, which reads no shape buffer);
//   2. each top-level `scf.parallel` (one per linalg op, from
//      convert-linalg-to-parallel-loops) becomes a `gpu.launch` over its
//      iterations, linearized so that neighbouring threads write neighbouring
//      elements (the last index of the element stored fastest); anything else that
//      still reads or writes memory on the host runs as a one-thread launch;
//   3. after gpu-kernel-outlining, the kernels are merged into one
//      `gpu.module` (one PTX module per model);
//   4. after gpu-module-to-binary, each `gpu.launch_func` becomes a call of
//      the runtime's launch hook with the kernel's index and its parameters;
//      the PTX and the kernel table (name, grid, block, parameter count)
//      become module attributes the artifact writer reads.
// The host code that remains is address arithmetic and launches only: it
// never dereferences a device pointer.
//
//===----------------------------------------------------------------------===//

#ifndef QUENCH_TARGET_NVPTX_H
#define QUENCH_TARGET_NVPTX_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/PatternMatch.h"

#include <cstdint>
#include <string>
#include <vector>

namespace quench::nvptx {

/// The name of the one `gpu.module` holding every kernel of a model.
constexpr const char *kKernelModule = "quench_kernels";
/// The host's launch function, declared by lowerLaunchesToRuntime:
/// `void __quench_gpu_launch(i64 kernel, i64 params)`, params the address of
/// one 8-byte slot per kernel parameter. quench-x86-finalize-abi routes it
/// through the runtime's hook.
constexpr const char *kLaunchFunction = "__quench_gpu_launch";

/// Splits each single reduction of a linalg op on tensors whose parallel
/// iterations number fewer than `minParallel` (a one-token matmul, a norm
/// over few rows) into up to 32 partial reductions of at least 8 elements (a
/// new outermost parallel dimension) and a final reduction of the partials,
/// so that the mapping below gives it up to 32 times the threads. Also moves
/// the reduction loops of every linalg.generic after its parallel loops, so
/// that each op becomes one parallel loop nest (one kernel).
void populateSplitReductionPatterns(mlir::RewritePatternSet &patterns, int64_t minParallel);

/// A batched contraction's sizes: `batch` independent [m, k] x [k, n]
/// products (each a product of loop dimensions).
struct ContractionShape {
  int64_t batch = 1, m = 1, n = 1, k = 1;
};

/// The tiling of a contraction kernel: each block computes a bm x bn output
/// tile, staging bk-deep slices of both sides in shared memory; each of its
/// (bm / tm) * (bn / tn) threads accumulates tm x tn outputs in registers.
struct ContractionTile {
  int64_t bm, bn, bk, tm, tn;
  int64_t threads() const { return (bm / tm) * (bn / tn); }
  int64_t blocks(const ContractionShape &shape) const;
};

/// The largest tile (128x128 with 8x8 per thread down to 32x32 with 4x4)
/// that still gives `shape` at least `minBlocks` blocks; the smallest when
/// none does.
ContractionTile chooseContractionTile(const ContractionShape &shape, int64_t minBlocks);

/// Rewrites each contraction on buffers (a linalg op with reductions whose
/// body ends in `out + L * R`, L and R depending on disjoint parallel
/// dimensions: matmuls, batched matmuls, attention with a fused RoPE or
/// softmax, a down-projection with its fused gate), with at least 16 rows
/// and columns, into a `gpu.launch` of the tiled kernel
/// chooseContractionTile picks: shared-memory staging of both sides (L and R
/// computed there from their operands), register tiles, fma.
void populateTileContractionPatterns(mlir::RewritePatternSet &patterns, int64_t minBlocks);

/// Rewrites `memref.copy` into `linalg.copy` and static `memref.reshape`
/// into `memref.reinterpret_cast`.
void populateDeviceBufferPatterns(mlir::RewritePatternSet &patterns);

/// Maps each `scf.parallel` that is not inside a launch or another parallel
/// loop, with constant bounds, to a `gpu.launch` of `threadsPerBlock`
/// threads per block (fewer when the loop is smaller) and as many blocks as
/// the iterations need; the last block's extra threads do nothing.
void populateParallelToLaunchPatterns(mlir::RewritePatternSet &patterns,
                                      int64_t threadsPerBlock);

/// Moves the rest of `func`'s memory work onto the GPU: a value read from
/// memory outside any launch (a scalar a kernel produced), and the pure ops
/// computed from it, are recomputed inside each launch that uses them; each
/// remaining top-level op that reads or writes memory runs in a one-thread
/// launch. Fails (naming the op) where the host itself needs such a value.
mlir::LogicalResult wrapHostMemoryOps(mlir::func::FuncOp func);

/// Moves the kernels of every `gpu.module` into one module named
/// kKernelModule (kernel i renamed `k<i>`) and updates the launches.
mlir::LogicalResult mergeKernelModules(mlir::ModuleOp module);

/// One kernel of the table the runtime launches from.
struct KernelInfo {
  std::string name;
  int64_t grid[3] = {1, 1, 1};
  int64_t block[3] = {1, 1, 1};
  int64_t params = 0;
  std::string source; ///< the launch's location (the model's node), for profiles
};

/// After gpu-module-to-binary: the PTX of kKernelModule's binary goes into
/// the module attribute `quench.ptx`, the kernel table into
/// `quench.kernels`, and each `gpu.launch_func` becomes a call of
/// kLaunchFunction. Fails on launches with dynamic sizes or parameters the
/// bare-pointer convention cannot pass.
mlir::LogicalResult lowerLaunchesToRuntime(mlir::ModuleOp module);

/// Reads back what lowerLaunchesToRuntime stored (and removes it from the
/// module); false when the module holds no PTX.
bool takeDeviceCode(mlir::ModuleOp module, std::string &ptx,
                    std::vector<KernelInfo> &kernels);

/// What ptxas says of a PTX module: registers and spills per kernel.
struct PtxasReport {
  struct Kernel {
    std::string name;
    int64_t registers = 0, spillBytes = 0;
  };
  std::vector<Kernel> kernels;

  /// "ptxas sm_90: 219 kernels, at most 31 registers (k218), 0 kernels spill
  /// (0 bytes)".
  std::string summary(const std::string &arch) const;
};

/// Assembles `ptx` for `arch` with `<cudaPath>/bin/ptxas -v`; false and
/// `error` (ptxas's own message, or that it is missing) on failure.
bool runPtxas(const std::string &ptx, const std::string &arch, const std::string &cudaPath,
              PtxasReport &report, std::string &error);

} // namespace quench::nvptx

#endif // QUENCH_TARGET_NVPTX_H
