//===- KernelForm.h - what the fused x86 kernels take -----------*- C++ -*-===//
//
// Shared by the weight layout rewrite and the kernel lowering, so that the
// layout is only rewritten for matmuls the kernel will take, and the kernel
// only takes weights in its layout.
//
//===----------------------------------------------------------------------===//

#ifndef QUENCH_LIB_TARGET_X86_KERNELFORM_H
#define QUENCH_LIB_TARGET_X86_KERNELFORM_H

#include "dialects/Qnt/QntDialect.h"
#include "quench/Target/X86Kernels.h"

#include <optional>

namespace quench::x86 {

/// Whether the fused kernel takes `op` whatever its weight: static f32
/// activations and result, no activation quantization of its own, at most
/// `options.maxRows` rows (any number with int8 activations).
bool takesKernel(qnt::MatmulOp op, const KernelOptions &options);

/// The activation rows of `op`: the product of its input's leading
/// dimensions.
int64_t activationRows(qnt::MatmulOp op);

/// Activation rows the kernel handles at once (MR) for `rows` rows.
int64_t activationRowsAtOnce(int64_t rows);

/// Weight rows the kernel handles at once (R, "rows in flight") for a matmul
/// of `rows` activation rows, `n` outputs and `bits`-bit codes: the most of
/// 4, 2, 1 dividing `n` whose accumulators, code vectors and activations fit
/// the register file. The layout stores these R rows chunk by chunk.
int64_t rowsInFlight(int64_t rows, int64_t n, unsigned bits, const KernelOptions &options);

/// The packing of the kernel layout: chunks of `lanes` code bytes
/// (kernelInterleave), the `rowsInFlight` rows stored chunk by chunk
/// (`tile = [R, c * L]` when R > 1); none for 8-bit codes read row by row.
qnt::PackingAttr kernelPacking(mlir::MLIRContext *ctx, unsigned bits, int64_t lanes,
                               int64_t rowsInFlight);

/// The layout of `weight`, the weight of `op`, when it is the kernel form of
/// `options` (X86Kernels.h): code bytes per chunk `L` and rows per tile `R`.
struct KernelLayout {
  int64_t lanes, rowsInFlight;
};
std::optional<KernelLayout> kernelFormLayout(qnt::MatmulOp op, qnt::UniformOp weight,
                                             const KernelOptions &options);

} // namespace quench::x86

#endif // QUENCH_LIB_TARGET_X86_KERNELFORM_H
