//===- OnnxDialect.cpp - the ONNX front-end dialect -----------------------===//

#include "dialects/Onnx/OnnxDialect.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "mlir/IR/OpImplementation.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace quench::onnx;

#include "dialects/Onnx/OnnxOpsDialect.cpp.inc"

#define GET_TYPEDEF_CLASSES
#include "dialects/Onnx/OnnxOpsTypes.cpp.inc"

#define GET_OP_CLASSES
#include "dialects/Onnx/OnnxOps.cpp.inc"

void OnnxDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "dialects/Onnx/OnnxOps.cpp.inc"
      >();
  addTypes<
#define GET_TYPEDEF_LIST
#include "dialects/Onnx/OnnxOpsTypes.cpp.inc"
      >();
}
