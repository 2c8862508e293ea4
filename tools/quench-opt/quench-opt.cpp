//===- quench-opt.cpp - the Quench optimizer driver -----------------------===//
//
// An mlir-opt for Quench: parses the qnt dialect and the upstream dialects a
// Quench pipeline produces, and runs Quench passes and the upstream passes
// and pipelines those pipelines use.
//
//===----------------------------------------------------------------------===//

#include "dialects/Qnt/QntDialect.h"
#include "passes/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/Quant/IR/Quant.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/InitAllDialects.h"
#include "mlir/InitAllExtensions.h"
#include "mlir/InitAllPasses.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"

int main(int argc, char **argv) {
  mlir::DialectRegistry registry;
  registry.insert<quench::qnt::QntDialect>();
  // The pipelines here go all the way to the LLVM dialect and use many
  // upstream passes; register the upstream set rather than a hand-kept list.
  mlir::registerAllDialects(registry);
  mlir::registerAllExtensions(registry);
  mlir::registerAllPasses();
  quench::registerQuenchPasses();
  quench::registerQuenchPipelines();
  return mlir::asMainReturnCode(
      mlir::MlirOptMain(argc, argv, "Quench optimizer driver\n", registry));
}
