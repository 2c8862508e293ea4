//===- ConstantData.h - the bytes behind a constant tensor ------*- C++ -*-===//
//
// Compile-time rewrites of weights (unpacking, repacking) read the data of
// constant tensors, which arrive either inline (DenseElementsAttr) or as
// resource blobs (ONNX initializers), sometimes behind a reshape.
//
//===----------------------------------------------------------------------===//

#ifndef QUENCH_SUPPORT_CONSTANTDATA_H
#define QUENCH_SUPPORT_CONSTANTDATA_H

#include "mlir/IR/Value.h"

#include <optional>
#include <vector>

namespace quench {

/// The row-major bytes of the constant tensor behind `value`, looking through
/// reshapes and casts (which keep the byte image); nothing when `value` is
/// not a static constant of integers or floats. Integers narrower than a
/// byte (ONNX int4) take one byte each, as they do in memory; i1 is not read.
std::optional<std::vector<char>> constantBytes(mlir::Value value);

} // namespace quench

#endif // QUENCH_SUPPORT_CONSTANTDATA_H
