//===- OnnxDialect.h - the ONNX front-end dialect ---------------*- C++ -*-===//

#ifndef QUENCH_DIALECT_ONNX_ONNXDIALECT_H
#define QUENCH_DIALECT_ONNX_ONNXDIALECT_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Dialect.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "dialects/Onnx/OnnxOpsDialect.h.inc"

#define GET_TYPEDEF_CLASSES
#include "dialects/Onnx/OnnxOpsTypes.h.inc"

#define GET_OP_CLASSES
#include "dialects/Onnx/OnnxOps.h.inc"

#endif // QUENCH_DIALECT_ONNX_ONNXDIALECT_H
