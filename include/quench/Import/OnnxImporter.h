//===- OnnxImporter.h - ONNX protobuf to the onnx dialect -------*- C++ -*-===//
//
// Reads an ONNX ModelProto from disk and builds a module holding one
// `func.func @main` of `onnx.node` ops (see dialects/Onnx/OnnxOps.td for the
// form of the result, docs/Importer.md for the mapping and the safety rules).
//
//===----------------------------------------------------------------------===//

#ifndef QUENCH_IMPORT_ONNXIMPORTER_H
#define QUENCH_IMPORT_ONNXIMPORTER_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/OwningOpRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <map>
#include <string>

namespace quench {

struct OnnxImportOptions {
  /// Shapes the user fixes for graph inputs: input name -> dims. Every
  /// symbolic dimension (`dim_param`) of a fixed input is bound to the given
  /// size, and that binding is substituted wherever the symbol appears.
  std::map<std::string, llvm::SmallVector<int64_t>> inputShapes;

  /// Graph inputs frozen to constants: input name -> a file holding one
  /// serialized ONNX TensorProto (the `input_N.pb` files of ONNX test data).
  /// A frozen input becomes an initializer, so a shape it steers is known
  /// when compiling.
  std::map<std::string, std::string> frozenInputs;

  /// For tools that compile: a graph input whose shape stays dynamic after
  /// inputShapes is an error naming the input, its dimensions and the
  /// `--input-shape` that fixes it (rather than an error deep in the
  /// lowering).
  bool requireStaticInputs = false;

  /// Tensors with more elements than this become `dense_resource` blobs;
  /// smaller ones (and every bool tensor) stay inline `dense` attributes.
  int64_t resourceThreshold = 64;
};

/// Imports the ONNX model at `path`. On any problem, emits one error (at a
/// location naming the file) and returns null; never aborts on bad input.
mlir::OwningOpRef<mlir::ModuleOp>
importOnnxModel(mlir::MLIRContext &context, llvm::StringRef path,
                const OnnxImportOptions &options);

/// Parses one `name=DxDx...` shape (as given to `--input-shape`) into
/// `options`. Returns false and sets `error` on malformed text or a name
/// given twice.
bool parseOnnxInputShape(llvm::StringRef spec, OnnxImportOptions &options,
                         std::string &error);

/// Parses one `name=path.pb` (as given to `--freeze-input`) into `options`.
bool parseOnnxFrozenInput(llvm::StringRef spec, OnnxImportOptions &options,
                          std::string &error);

} // namespace quench

#endif // QUENCH_IMPORT_ONNXIMPORTER_H
