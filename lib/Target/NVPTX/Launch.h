//===- Launch.h - helpers the NVPTX mapping patterns share -------*- C++ -*-===//
//
// Internal to lib/Target/NVPTX.
//
//===----------------------------------------------------------------------===//

#ifndef QUENCH_LIB_TARGET_NVPTX_LAUNCH_H
#define QUENCH_LIB_TARGET_NVPTX_LAUNCH_H

#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/IR/Builders.h"

namespace quench::nvptx {

/// A 1-D launch of `grid` blocks of `block` threads (with the given
/// workgroup-memory buffers) whose body holds only its terminator; the
/// builder is left before the terminator.
mlir::gpu::LaunchOp createLaunch(mlir::OpBuilder &builder, mlir::Location loc, int64_t grid,
                                 int64_t block, mlir::TypeRange workgroup = {});

/// The buffer a memref value views (through subviews, casts, reshapes).
mlir::Value rootBuffer(mlir::Value v);

/// True when `op` or an op nested in it uses a view of the buffer `root`.
bool usesBuffer(mlir::Operation *op, mlir::Value root);

} // namespace quench::nvptx

#endif // QUENCH_LIB_TARGET_NVPTX_LAUNCH_H
