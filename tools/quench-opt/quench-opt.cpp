//===- quench-opt.cpp - the Quench optimizer driver -----------------------===//
//
// An mlir-opt for Quench: the qnt dialect, the upstream dialects a Quench
// pipeline reads or produces, Quench's passes and pipelines, and the upstream
// pass groups those pipelines are built from (so each stage can be run alone).
//
//===----------------------------------------------------------------------===//

#include "passes/Passes.h"
#include "quench/Support/Version.h"

#include "mlir/Conversion/Passes.h"
#include "mlir/Dialect/Arith/Transforms/Passes.h"
#include "mlir/Dialect/Bufferization/Transforms/Passes.h"
#include "mlir/Dialect/Linalg/Passes.h"
#include "mlir/Dialect/MemRef/Transforms/Passes.h"
#include "mlir/Dialect/SCF/Transforms/Passes.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"
#include "mlir/Transforms/Passes.h"

int main(int argc, char **argv) {
  mlir::DialectRegistry registry;
  quench::registerQuenchDialects(registry);

  mlir::registerTransformsPasses();
  mlir::registerConversionPasses();
  mlir::registerLinalgPasses();
  mlir::bufferization::registerBufferizationPasses();
  mlir::memref::registerMemRefPasses();
  mlir::registerSCFPasses();
  mlir::arith::registerArithPasses();
  quench::registerQuenchPasses();
  quench::registerQuenchPipelines();
  llvm::cl::SetVersionPrinter(quench::printVersion);
  return mlir::asMainReturnCode(
      mlir::MlirOptMain(argc, argv, "Quench optimizer driver\n", registry));
}
