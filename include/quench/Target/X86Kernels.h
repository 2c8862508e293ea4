//===- X86Kernels.h - fused quantized matmul kernels for x86 -----*- C++ -*-===//
//
// `qnt.matmul` on x86 without a dequantized weight: a layout rewrite puts
// each uniformly quantized weight into the form the generated kernel reads
// (visible in the IR as a `#qnt.packing` interleave), and a lowering emits
// the kernel itself as scf + vector code on tensors, which the rest of the
// quench-x86 pipeline bufferizes, threads and lowers to LLVM.
//
// The kernel form of a weight `[N, K]` (docs/X86Codegen.md, "Fused
// quantized matmuls"):
//   - `#qnt.uniform<bits = b, signedness = unsigned, block = [1, G],
//     zero_point = true>` with b in {2, 4, 8}: signed codes are shifted to
//     unsigned ones (the zero points with them), 3-bit codes are stored in
//     4 bits and 5..7-bit codes in 8, per-tensor and 2-D blocks become
//     per-row groups, absent zero points become zeros;
//   - scales `f32 [N, K/G]`, zero points `i8` (read unsigned) or `f32`;
//   - below 8 bits, codes packed so that `L` consecutive bytes of a row hold
//     the `c * L` codes of one chunk (`c = 8 / b` codes per byte): byte `i`
//     holds code `i + t * L` in bits `[t * b, (t + 1) * b)`. One vector load
//     and `c` shift-and-masks give `c` vectors of `L` consecutive codes.
//     In the packing's terms: `interleave[t * L + i] = i * c + t`.
//     The panel kernel (more than `rowKernelMaxRows` rows) instead stores
//     strips of `L` rows (`L` f32 lanes): with float activations byte `i`
//     of each run of `L` bytes holds the `c` consecutive codes of the
//     strip's row `i` (`tile = [L, c]`); with int8 activations bytes
//     `4i .. 4i + 3` of each run of `4L` hold row `i`'s codes `j + 4t`
//     (`tile = [L, 4c]`, `interleave` as above with 4 lanes).
//   - no act-order group index: the columns are permuted so that groups are
//     contiguous, and the matmul's input is gathered with the same
//     permutation.
//
//===----------------------------------------------------------------------===//

#ifndef QUENCH_TARGET_X86KERNELS_H
#define QUENCH_TARGET_X86KERNELS_H

#include "mlir/IR/PatternMatch.h"

#include <cstdint>
#include <vector>

namespace quench::x86 {

struct KernelOptions {
  /// Widest vector register the kernels may use (512, 256 or 128 bits).
  unsigned vectorBits = 512;
  /// Matmuls with at most this many activation rows (the product of the
  /// input's leading dimensions) take the row kernel, which streams the
  /// codes and converts them per pass over up to four activation rows;
  /// larger ones take the panel kernel, which unpacks a block of the weight
  /// once for many rows. Negative: the measured crossover, 12 with float
  /// activations, 2 with int8 activations (rowKernelMaxRows).
  int64_t maxRows = -1;
  /// Activations quantized to int8 at run time, per block of K, and
  /// multiplied with the codes in integers (ONNX Runtime's accuracy_level 4,
  /// llama.cpp's q8 activations); every row count takes the fused kernel.
  bool int8Activations = false;
  /// The target has 8-bit dot products at `vectorBits` (AVX512-VNNI, or
  /// AVX-VNNI for 256 bits): `vpdpbusd` instead of widening multiplies.
  bool vnni = false;
};

/// The most activation rows the row kernel takes under `options`.
int64_t rowKernelMaxRows(const KernelOptions &options);

/// Code bytes per chunk (`L`) for a weight of `bits`-bit codes in groups of
/// `group` columns: the largest candidate whose chunk of `(8 / bits) * L`
/// codes divides the group; 0 if none. Float activations: 16, 8 or 4 (one
/// f32 lane per code, at most `vectorBits / 32`); int8 activations: 64, 32
/// or 16 (one byte lane per code, at most `vectorBits / 8`).
int64_t kernelLanes(unsigned bits, int64_t group, const KernelOptions &options);

/// The packing interleave of the kernel layout for `bits`-bit codes and
/// `lanes` bytes per chunk (empty for 8-bit codes, which need none).
std::vector<int64_t> kernelInterleave(unsigned bits, int64_t lanes);

/// The largest divisor of `n` that is at most `cap` and a multiple of
/// `multiple`; without such a divisor, the largest divisor at most `cap`.
/// Tiles that divide their dimension exactly stay static (shared by the
/// kernels and quench-x86-tile-and-vectorize).
int64_t pickTile(int64_t n, int64_t cap, int64_t multiple = 1);

/// Rewrites the uniformly quantized weights of the `qnt.matmul`s the fused
/// kernels take into the kernel form above (new constants; the semantics of
/// the matmul are unchanged, so the reference lowering gives the same
/// result before and after).
void populateX86WeightLayoutPatterns(mlir::RewritePatternSet &patterns,
                                     const KernelOptions &options);

/// Lowers each `qnt.matmul` whose weight is in the kernel form, with f32
/// activations, to the fused kernel: the row kernel up to
/// `rowKernelMaxRows` rows, the panel kernel above.
void populateQntToX86Patterns(mlir::RewritePatternSet &patterns,
                              const KernelOptions &options);

} // namespace quench::x86

#endif // QUENCH_TARGET_X86KERNELS_H
