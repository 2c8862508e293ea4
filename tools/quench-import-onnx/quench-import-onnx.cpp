//===- quench-import-onnx.cpp - ONNX model to MLIR ------------------------===//
//
// Imports an ONNX model into the onnx dialect and prints it (text or
// bytecode). Errors are one line each, `error: <model>: <message>`, with
// exit code 1; the output file is written only after a successful import,
// through a temporary file renamed over it.
//
//===----------------------------------------------------------------------===//

#include "quench/Import/OnnxImporter.h"
#include "quench/Support/OutputPath.h"
#include "quench/Support/Diagnostics.h"
#include "quench/Support/Version.h"

#include "passes/Passes.h"

#include "mlir/Bytecode/BytecodeWriter.h"
#include "mlir/IR/AsmState.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

static cl::OptionCategory importCategory("ONNX import options");

static cl::opt<std::string> inputFilename(cl::Positional, cl::Required,
                                          cl::desc("<model.onnx>"),
                                          cl::cat(importCategory));

static cl::opt<std::string>
    outputFilename("o", cl::init("-"),
                   cl::desc("Output file (default: stdout)"),
                   cl::value_desc("filename"), cl::cat(importCategory));

static cl::opt<bool> emitBytecode("emit-bytecode",
                                  cl::desc("Write MLIR bytecode, not text"),
                                  cl::cat(importCategory));

static cl::list<std::string> inputShapes(
    "input-shape", cl::CommaSeparated,
    cl::desc("Fix a graph input's shape, binding its symbolic dimensions "
             "everywhere: name=1x512[,name2=...]"),
    cl::value_desc("name=DxD..."), cl::cat(importCategory));

static cl::list<std::string> frozenInputs(
    "freeze-input", cl::CommaSeparated,
    cl::desc("Turn a graph input into a constant read from a serialized ONNX "
             "TensorProto, so the shapes it steers are known: "
             "name=file.pb[,name2=...]"),
    cl::value_desc("name=file.pb"), cl::cat(importCategory));

static cl::opt<int64_t> resourceThreshold(
    "resource-threshold", cl::init(64),
    cl::desc("Tensors with more elements than this become dense_resource "
             "blobs (default 64)"),
    cl::cat(importCategory));

int main(int argc, char **argv) {
  InitLLVM init(argc, argv);
  mlir::registerAsmPrinterCLOptions();
  mlir::registerMLIRContextCLOptions();
  // libLLVM registers hundreds of backend options; --help shows ours (the
  // MLIR printing flags such as --mlir-print-debuginfo still work, and
  // --help-hidden lists them).
  cl::HideUnrelatedOptions(importCategory);
  cl::SetVersionPrinter(quench::printVersion);
  cl::ParseCommandLineOptions(argc, argv, "Quench ONNX importer\n");

  quench::OnnxImportOptions options;
  if (resourceThreshold < 0) {
    errs() << "error: --resource-threshold must be non-negative\n";
    return 1;
  }
  options.resourceThreshold = resourceThreshold;
  for (const std::string &spec : inputShapes) {
    std::string error;
    if (!quench::parseOnnxInputShape(spec, options, error)) {
      errs() << "error: --input-shape: " << error << "\n";
      return 1;
    }
  }

  for (const std::string &spec : frozenInputs) {
    std::string error;
    if (!quench::parseOnnxFrozenInput(spec, options, error)) {
      errs() << "error: --freeze-input: " << error << "\n";
      return 1;
    }
  }

  if (std::string why = quench::checkOutputPath(outputFilename, {inputFilename});
      !why.empty()) {
    errs() << "error: " << why << "\n";
    return 1;
  }

  mlir::DialectRegistry registry;
  quench::registerQuenchDialects(registry);
  mlir::MLIRContext context(registry);
  quench::useToolDiagnostics(context);
  mlir::ScopedDiagnosticHandler handler(&context, [&](mlir::Diagnostic &diag) {
    auto print = [&](mlir::Diagnostic &d) {
      switch (d.getSeverity()) {
      case mlir::DiagnosticSeverity::Error:
        errs() << "error: ";
        break;
      case mlir::DiagnosticSeverity::Warning:
        errs() << "warning: ";
        break;
      case mlir::DiagnosticSeverity::Note:
        errs() << "note: ";
        break;
      case mlir::DiagnosticSeverity::Remark:
        errs() << "remark: ";
        break;
      }
      errs() << inputFilename << ": " << d.str() << "\n";
    };
    print(diag);
    for (mlir::Diagnostic &note : diag.getNotes())
      print(note);
    return mlir::success();
  });

  mlir::OwningOpRef<mlir::ModuleOp> module =
      quench::importOnnxModel(context, inputFilename, options);
  if (!module)
    return 1;

  Error written = writeToOutput(outputFilename, [&](raw_ostream &os) -> Error {
    if (!emitBytecode) {
      module->print(os);
      return Error::success();
    }
    if (mlir::failed(mlir::writeBytecodeToFile(*module, os)))
      return createStringError("cannot write bytecode");
    return Error::success();
  });
  if (written) {
    errs() << "error: " << outputFilename << ": "
           << toString(std::move(written)) << "\n";
    return 1;
  }
  return 0;
}
