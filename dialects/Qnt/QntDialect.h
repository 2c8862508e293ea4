//===- QntDialect.h - qnt dialect -------------------------------*- C++ -*-===//

#ifndef QUENCH_DIALECT_QNT_QNTDIALECT_H
#define QUENCH_DIALECT_QNT_QNTDIALECT_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Dialect.h"
#include "mlir/IR/DialectImplementation.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "dialects/Qnt/QntDialect.h.inc"
#include "dialects/Qnt/QntEnums.h.inc"

namespace quench::qnt {
/// Parses `[1, 2, 3]` (an integer list in brackets).
mlir::FailureOr<llvm::SmallVector<int64_t>> parseI64List(mlir::AsmParser &parser);
/// Prints `[1, 2, 3]`.
void printI64List(mlir::AsmPrinter &printer, llvm::ArrayRef<int64_t> values);
} // namespace quench::qnt

#include "dialects/Qnt/QntInterfaces.h.inc"

#define GET_ATTRDEF_CLASSES
#include "dialects/Qnt/QntAttrs.h.inc"

#define GET_TYPEDEF_CLASSES
#include "dialects/Qnt/QntTypes.h.inc"

#define GET_OP_CLASSES
#include "dialects/Qnt/QntOps.h.inc"

namespace quench::qnt {
/// The shape of the scale tensor for a tensor of `shape` with `block`:
/// `shape[d] / block[d]` per dimension.
llvm::SmallVector<int64_t> getScaleShape(llvm::ArrayRef<int64_t> shape,
                                         llvm::ArrayRef<int64_t> block);
/// The shape of a tensor or qtensor value type; empty for other types.
llvm::ArrayRef<int64_t> getTensorShape(mlir::Type type);
} // namespace quench::qnt

#endif // QUENCH_DIALECT_QNT_QNTDIALECT_H
