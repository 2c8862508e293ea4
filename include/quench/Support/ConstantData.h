//===- ConstantData.h - the bytes behind a constant tensor ------*- C++ -*-===//
//
// Compile-time rewrites of weights (unpacking, repacking, moving them into
// the artifact's blob) read the data of constants, which arrive either
// inline (DenseElementsAttr) or as resource blobs (ONNX initializers),
// sometimes behind a reshape.
//
//===----------------------------------------------------------------------===//

#ifndef QUENCH_SUPPORT_CONSTANTDATA_H
#define QUENCH_SUPPORT_CONSTANTDATA_H

#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Value.h"

#include <optional>
#include <vector>

namespace quench {

/// The row-major bytes of `attr`, the initializer of a static `type`
/// (DenseResourceElementsAttr or DenseElementsAttr, splats expanded into
/// `storage`). Integers narrower than a byte (ONNX int4) take one byte
/// each, as they do in memory; i1 (packed bits) and non-integer, non-float
/// elements give nothing. The result points into the attribute or `storage`.
std::optional<llvm::ArrayRef<char>> elementsBytes(mlir::Attribute attr, mlir::ShapedType type,
                                                  std::vector<char> &storage);

/// The bytes of the constant tensor behind `value` (elementsBytes), looking
/// through reshapes and casts, which keep the byte image.
std::optional<std::vector<char>> constantBytes(mlir::Value value);

/// The integer elements of the constant behind `value`, sign- or
/// zero-extended.
std::optional<std::vector<int64_t>> constantIntElements(mlir::Value value, bool isSigned);

/// The float elements (f32, f16, bf16, ...) of the constant behind `value`,
/// converted to f32.
std::optional<std::vector<float>> constantFloatElements(mlir::Value value);

} // namespace quench

#endif // QUENCH_SUPPORT_CONSTANTDATA_H
