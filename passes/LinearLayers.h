//===- LinearLayers.h - finding the linear layers of a model --*- C++ -*-===//
//
// Shared by the weight quantization and calibration passes.
//
//===----------------------------------------------------------------------===//

#ifndef QUENCH_PASSES_LINEARLAYERS_H
#define QUENCH_PASSES_LINEARLAYERS_H

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "passes/Passes.h"
#include "quench/Quant/Gptq.h"

#include <optional>
#include <string>
#include <vector>

namespace quench {

/// A linear layer: y[..., n] = sum_k x[..., k] * W (W [K, N], or [N, K] when
/// `transposed`), with y starting at zero; W is a 2-D float constant.
struct LinearLayer {
  mutable mlir::linalg::LinalgOp op;
  mlir::Value input;
  mlir::arith::ConstantOp weight;
  bool transposed = false;
  int64_t k = 0, n = 0;
  std::string name; ///< the weight's onnx.name, if any
};

/// Matches a linear layer; nothing for any other op.
std::optional<LinearLayer> matchLinear(mlir::linalg::LinalgOp op);

/// Whether `value` reaches a return through reshapes only (the output layer).
bool isReturned(mlir::Value value);

/// Whether a weight-quantization pass with this group size rewrites the layer:
/// not the output layer unless `outputLayer`, and the group size divides K.
bool isQuantizable(const LinearLayer &layer, int64_t groupSize, bool outputLayer);

/// The values of a 2-D f32 constant (inline or a resource blob).
std::optional<std::vector<float>> constantFloats(mlir::arith::ConstantOp constant);

/// The weight as lib/Quant takes it: [N, K] row-major.
std::optional<std::vector<float>> weightRows(const LinearLayer &layer);

/// Quantizes one layer with GPTQ from the Hessian of its input ([K, K]).
/// Throws std::invalid_argument as quench::quant::quantizeGptq does.
quant::GptqResult quantizeLayerGptq(const LinearLayer &layer, const double *hessian,
                                    const QuantizeGptqOptions &options);

} // namespace quench

#endif // QUENCH_PASSES_LINEARLAYERS_H
