//===- Diagnostics.h - how the tools report errors ----------------*- C++ -*-===//

#ifndef QUENCH_SUPPORT_DIAGNOSTICS_H
#define QUENCH_SUPPORT_DIAGNOSTICS_H

#include "mlir/IR/MLIRContext.h"

namespace quench {

/// Errors a tool reports name the problem in one line: MLIR's "see current
/// operation" note (the op printed in generic form; a whole function for a
/// pass's error) appears only when the user asks for it with
/// `--mlir-print-op-on-diagnostic` (registered by
/// mlir::registerMLIRContextCLOptions, which the tool must call first).
void useToolDiagnostics(mlir::MLIRContext &context);

} // namespace quench

#endif // QUENCH_SUPPORT_DIAGNOSTICS_H
