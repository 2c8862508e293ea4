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

/// Whether a fused kernel takes `op` whatever its weight: static f32
/// activations and result; an activation quantization of its own only to
/// 8 bits (W8A8, with an f32 static scale if any).
bool takesKernel(qnt::MatmulOp op, const KernelOptions &options);

/// The options for `op`: those given, with int8 activations for a matmul
/// that quantizes its activations itself (`#qnt.act_quant`, W8A8): it takes
/// the int8 kernels, with its own scaling, whatever the mode.
KernelOptions optionsFor(qnt::MatmulOp op, const KernelOptions &options);

/// Whether a matmul of `rows` activation rows with `n` weight rows of
/// `bits`-bit codes (2, 4 or 8) in groups of `group` columns takes the panel
/// kernel rather than the row kernel: more than `rowKernelMaxRows(options)`
/// rows. With int8 activations a weight the panel kernel cannot take
/// (panelTakes) stays with the row kernel, which takes every row count;
/// with float activations it keeps the reference lowering.
bool usesPanelKernel(int64_t rows, int64_t n, unsigned bits, int64_t group,
                     const KernelOptions &options);

/// Whether the panel kernel takes `n` weight rows in groups of `group`
/// columns: whole strips of rows, whole bytes per group (int8 activations:
/// the row kernel's chunks, of which the activation blocks are made).
bool panelTakes(unsigned bits, int64_t n, int64_t group, const KernelOptions &options);

/// Weight rows per code vector of the panel kernel: the f32 lanes of a
/// vector register (16 with AVX-512, 8 with AVX2).
int64_t panelLanes(const KernelOptions &options);

/// The packing of the panel kernel's layout, strips of `L` rows. Float
/// activations: byte `i` of each run of `L` bytes holds the `c` consecutive
/// codes of the strip's row `i` (`tile = [L, c]`), so that one load of `L`
/// bytes and `c` shift-and-masks give `c` vectors across `L` rows. int8
/// activations: bytes `4i .. 4i + 3` of each run of `4L` bytes hold row
/// `i`'s codes `j + 4t` (`j < 4`) in bits `[t * b, (t + 1) * b)`
/// (`tile = [L, 4c]`, `interleave = kernelInterleave(b, 4)`), so that one
/// load and `c` shift-and-masks give `c` vectors of four codes per row, as
/// `vpdpbusd` takes them.
qnt::PackingAttr panelPacking(mlir::MLIRContext *ctx, unsigned bits, int64_t lanes, bool int8);

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
/// `options` (X86Kernels.h). Row kernel: code bytes per chunk `L` and rows
/// per tile `R`; panel kernel: `L` rows per strip (`R` = 1).
struct KernelLayout {
  int64_t lanes, rowsInFlight;
  bool panel = false;
};
std::optional<KernelLayout> kernelFormLayout(qnt::MatmulOp op, qnt::UniformOp weight,
                                             const KernelOptions &options);

/// The options for a lookup-table weight: float activations whatever the
/// mode (only the float panel kernel has a table path).
KernelOptions lutOptions(const KernelOptions &options);

/// The same for a lookup-table weight, which only the float panel kernel
/// takes (in either mode, with float activations): `#qnt.lut<table =
/// custom, block = [1, G]>` with 2-, 4- or 8-bit codes in the panel layout,
/// f32 scales `[N, K / G]` and an f32 table.
std::optional<KernelLayout> lutKernelFormLayout(qnt::MatmulOp op, qnt::LutOp weight,
                                                const KernelOptions &options);

} // namespace quench::x86

#endif // QUENCH_LIB_TARGET_X86_KERNELFORM_H
