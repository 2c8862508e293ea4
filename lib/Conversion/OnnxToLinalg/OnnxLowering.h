//===- OnnxLowering.h - what every ONNX lowering uses -----------*- C++ -*-===//
//
// OnnxNode binds one `onnx.node` for its lowering: lowered operands with
// their static types, attributes with ONNX defaults, constant operand values,
// and error reporting that names the node. The free functions build the
// tensor code most lowerings share (broadcasting element-wise generics,
// casts, constants).
//
//===----------------------------------------------------------------------===//

#ifndef QUENCH_LIB_CONVERSION_ONNXTOLINALG_ONNXLOWERING_H
#define QUENCH_LIB_CONVERSION_ONNXTOLINALG_ONNXLOWERING_H

#include "quench/Conversion/OnnxToLinalg.h"

#include "dialects/Onnx/OnnxDialect.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/ImplicitLocOpBuilder.h"
#include "llvm/ADT/DenseSet.h"

#include <optional>

namespace quench {

using ScalarFn =
    llvm::function_ref<mlir::Value(mlir::ImplicitLocOpBuilder &, mlir::ValueRange)>;

class OnnxNode {
public:
  OnnxNode(onnx::NodeOp op, mlir::ImplicitLocOpBuilder &builder,
           llvm::DenseSet<mlir::Value> &unsignedValues)
      : op(op), b(builder), unsignedValues(unsignedValues) {}

  onnx::NodeOp op;
  mlir::ImplicitLocOpBuilder &b;

  llvm::StringRef opType() { return op.getOpType(); }
  llvm::StringRef name() { return op.getName(); }
  int64_t opset() { return op.getOpset(); }
  unsigned numOutputs() { return op.getNumResults(); }

  //===--------------------------------------------------------------------===//
  // Inputs
  //===--------------------------------------------------------------------===//

  unsigned numInputs() { return op.getInputs().size(); }
  /// Whether input `i` is given (present and not an `onnx.none`).
  bool hasInput(unsigned i);
  /// Input `i`, lowered. Must be given.
  mlir::Value input(unsigned i) { return op.getInputs()[i]; }
  /// Input `i` as a ranked tensor with static shape; reports an error naming
  /// the input otherwise.
  mlir::FailureOr<mlir::RankedTensorType> staticType(unsigned i);
  /// The static types of every given input, or failure.
  mlir::LogicalResult staticTypes(llvm::SmallVectorImpl<mlir::RankedTensorType> &types);

  /// Whether the integer tensor `value` holds unsigned ONNX data (uint8...).
  bool isUnsigned(mlir::Value value) { return unsignedValues.contains(value); }
  bool isUnsignedInput(unsigned i) { return isUnsigned(input(i)); }
  /// Records that a result value holds unsigned integers.
  void markUnsigned(mlir::Value value) { unsignedValues.insert(value); }

  /// The elements of input `i` if it is a (non-resource) constant.
  mlir::DenseElementsAttr constant(unsigned i);
  /// Integer constant input `i`, as int64 values.
  std::optional<llvm::SmallVector<int64_t>> constantInts(unsigned i);
  /// Float or integer constant input `i`, as doubles.
  std::optional<llvm::SmallVector<double>> constantDoubles(unsigned i);

  //===--------------------------------------------------------------------===//
  // Attributes, with the ONNX default when absent
  //===--------------------------------------------------------------------===//

  bool hasAttr(llvm::StringRef attr) { return static_cast<bool>(get(attr)); }
  int64_t getInt(llvm::StringRef attr, int64_t defaultValue);
  std::optional<int64_t> getOptionalInt(llvm::StringRef attr);
  float getFloat(llvm::StringRef attr, float defaultValue);
  std::string getString(llvm::StringRef attr, llvm::StringRef defaultValue);
  std::optional<llvm::SmallVector<int64_t>> getInts(llvm::StringRef attr);
  std::optional<llvm::SmallVector<float>> getFloats(llvm::StringRef attr);
  /// A TENSOR attribute (dense or dense_resource).
  mlir::ElementsAttr getTensor(llvm::StringRef attr);

  //===--------------------------------------------------------------------===//
  // Errors
  //===--------------------------------------------------------------------===//

  /// An error at the node, prefixed with "ONNX node '<name>' (<op>-<opset>): ".
  mlir::InFlightDiagnostic error();
  /// Reports `message` and returns failure, for `return node.fail(...)`.
  mlir::FailureOr<llvm::SmallVector<mlir::Value>> fail(const llvm::Twine &message);

  /// Normalizes a possibly negative axis into [0, rank); failure (reported)
  /// when out of range.
  mlir::FailureOr<int64_t> normalizeAxis(int64_t axis, int64_t rank);

private:
  mlir::Attribute get(llvm::StringRef attr);
  llvm::DenseSet<mlir::Value> &unsignedValues;
};

//===----------------------------------------------------------------------===//
// Builders
//===----------------------------------------------------------------------===//

/// Numpy-style broadcast of static shapes; failure if incompatible.
mlir::FailureOr<llvm::SmallVector<int64_t>>
broadcastShapes(llvm::ArrayRef<llvm::ArrayRef<int64_t>> shapes);

/// `tensor.empty` of a static shape.
mlir::Value emptyTensor(mlir::ImplicitLocOpBuilder &b,
                        llvm::ArrayRef<int64_t> shape, mlir::Type elementType);

/// A tensor filled with `value` (converted to `elementType`).
mlir::Value filledTensor(mlir::ImplicitLocOpBuilder &b,
                         llvm::ArrayRef<int64_t> shape, mlir::Type elementType,
                         double value);

/// A scalar constant of an integer or float type.
mlir::Value scalarConstant(mlir::ImplicitLocOpBuilder &b, mlir::Type type,
                           double value);

/// A constant tensor from int64 values, with the given integer element type.
mlir::Value intTensorConstant(mlir::ImplicitLocOpBuilder &b,
                              llvm::ArrayRef<int64_t> shape,
                              mlir::Type elementType,
                              llvm::ArrayRef<int64_t> values);

/// An element-wise linalg.generic over `inputs` broadcast (numpy rules) to
/// `shape`; `body` receives one scalar per input and returns the result
/// scalar of type `elementType`.
mlir::Value buildElementwise(mlir::ImplicitLocOpBuilder &b,
                             mlir::ValueRange inputs,
                             llvm::ArrayRef<int64_t> shape,
                             mlir::Type elementType, ScalarFn body);

/// Converts a scalar between integer (signless, with the given signedness),
/// float and i1 (bool) types, with ONNX Cast semantics (float -> int
/// truncates toward zero; anything -> bool is "!= 0").
mlir::Value castScalar(mlir::ImplicitLocOpBuilder &b, mlir::Value value,
                       mlir::Type to, bool fromUnsigned, bool toUnsigned);

//===----------------------------------------------------------------------===//
// Element categories
//===----------------------------------------------------------------------===//

/// The categories ONNX type constraints are made of.
enum ElementKind : unsigned {
  kFloat = 1,
  kSigned = 2,
  kUnsigned = 4,
  kBool = 8,
  kInt = kSigned | kUnsigned,
  kNumeric = kFloat | kInt,
  kAny = kNumeric | kBool,
};

/// The category of a lowered element type; 0 for types no lowering handles
/// (float8, int4, complex, index...).
unsigned elementKindOf(mlir::Type type, bool isUnsigned);

/// The categories `kinds` in words: "float, integer or bool".
std::string elementKindsText(unsigned kinds);

/// An element type as the model spells it: unsigned data is `ui8`, ...
std::string elementTypeText(mlir::Type type, bool isUnsigned);

/// Input `i` with a static type whose category is one of `kinds`; reports
/// "input <i> has element type <t>; <op> takes <kinds> tensors" otherwise.
mlir::FailureOr<mlir::RankedTensorType> kindCheckedInput(OnnxNode &node,
                                                         unsigned i,
                                                         unsigned kinds);

/// `lhs op rhs` with the op of the category `kind`: `FloatOp` for floats,
/// `SignedOp` for signed integers, `UnsignedOp` for unsigned integers and
/// bool.
template <typename FloatOp, typename SignedOp, typename UnsignedOp = SignedOp>
mlir::Value binaryByKind(mlir::ImplicitLocOpBuilder &b, mlir::Value lhs,
                         mlir::Value rhs, unsigned kind) {
  if (kind == kFloat)
    return FloatOp::create(b, lhs, rhs);
  if (kind == kSigned)
    return SignedOp::create(b, lhs, rhs);
  return UnsignedOp::create(b, lhs, rhs);
}

/// max(lhs, rhs); NaN-propagating for floats, like numpy.maximum (or for
/// bool).
inline mlir::Value maxScalar(mlir::ImplicitLocOpBuilder &b, mlir::Value lhs,
                             mlir::Value rhs, unsigned kind) {
  return binaryByKind<mlir::arith::MaximumFOp, mlir::arith::MaxSIOp,
                      mlir::arith::MaxUIOp>(b, lhs, rhs, kind);
}

/// min(lhs, rhs); NaN-propagating for floats (and for bool).
inline mlir::Value minScalar(mlir::ImplicitLocOpBuilder &b, mlir::Value lhs,
                             mlir::Value rhs, unsigned kind) {
  return binaryByKind<mlir::arith::MinimumFOp, mlir::arith::MinSIOp,
                      mlir::arith::MinUIOp>(b, lhs, rhs, kind);
}

inline mlir::Value addScalar(mlir::ImplicitLocOpBuilder &b, mlir::Value lhs,
                             mlir::Value rhs, unsigned kind) {
  return binaryByKind<mlir::arith::AddFOp, mlir::arith::AddIOp>(b, lhs, rhs,
                                                                kind);
}

inline mlir::Value mulScalar(mlir::ImplicitLocOpBuilder &b, mlir::Value lhs,
                             mlir::Value rhs, unsigned kind) {
  return binaryByKind<mlir::arith::MulFOp, mlir::arith::MulIOp>(b, lhs, rhs,
                                                                kind);
}

/// Folds a node whose inputs are all small constants (shape computations:
/// Shape, Gather, Concat, Unsqueeze, arithmetic on int64 tensors...) into
/// `arith.constant` results. Returns an empty vector when the node does not
/// fold, failure after reporting an error.
mlir::FailureOr<llvm::SmallVector<mlir::Value>> foldOnnxNode(OnnxNode &node);

/// The lowered element type of an ONNX TensorProto data type code and whether
/// it holds unsigned data; nullopt for types the lowering does not handle
/// (strings, complex, fp8, sub-byte). Cast lowers and folds with it.
std::optional<std::pair<mlir::Type, bool>>
onnxElementType(mlir::MLIRContext *ctx, int64_t code);

/// The signless type used after lowering for an ONNX element type: unsigned
/// integer types become signless integers of the same width.
mlir::Type signlessElementType(mlir::Type type);

//===----------------------------------------------------------------------===//
// ONNX shape rules (Shape.cpp), shared by the lowerings and the folder; they
// report errors through the node.
//===----------------------------------------------------------------------===//

/// The `axes` of a node: the INTS attribute, or constant input `input` when
/// `fromInput` (the form of newer opsets); nullopt when absent.
mlir::FailureOr<std::optional<llvm::SmallVector<int64_t>>>
readOnnxAxes(OnnxNode &node, bool fromInput, unsigned input);
/// Reshape's result shape: 0 copies the input dimension (unless `allowZero`),
/// one -1 takes what is left.
mlir::FailureOr<llvm::SmallVector<int64_t>>
onnxReshapeShape(OnnxNode &node, llvm::ArrayRef<int64_t> input,
                 llvm::ArrayRef<int64_t> requested, bool allowZero);
mlir::FailureOr<llvm::SmallVector<int64_t>>
onnxUnsqueezeShape(OnnxNode &node, llvm::ArrayRef<int64_t> input,
                   llvm::ArrayRef<int64_t> axes);
mlir::FailureOr<llvm::SmallVector<int64_t>>
onnxSqueezeShape(OnnxNode &node, llvm::ArrayRef<int64_t> input,
                 const std::optional<llvm::SmallVector<int64_t>> &axes);
/// Slice's starts, sizes and steps per input dimension, clamped per the spec.
mlir::LogicalResult readOnnxSlice(OnnxNode &node, llvm::ArrayRef<int64_t> input,
                                  bool fromInputs,
                                  llvm::SmallVectorImpl<int64_t> &starts,
                                  llvm::SmallVectorImpl<int64_t> &sizes,
                                  llvm::SmallVectorImpl<int64_t> &steps);
/// The number of elements of an integer Range: max(ceil((limit - start) /
/// delta), 0), computed without overflow. `delta` must not be 0.
int64_t rangeCount(int64_t start, int64_t limit, int64_t delta);
/// Transpose's `perm` (default: reversed dimensions), validated.
mlir::FailureOr<llvm::SmallVector<int64_t>> readOnnxPermutation(OnnxNode &node,
                                                                int64_t rank);

} // namespace quench

#endif // QUENCH_LIB_CONVERSION_ONNXTOLINALG_ONNXLOWERING_H
