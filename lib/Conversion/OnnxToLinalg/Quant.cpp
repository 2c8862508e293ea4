//===- Quant.cpp - ONNX quantized ops into the qnt dialect ----------------===//
//
// Quantized ONNX forms become qnt ops, not float code: a model quantized by
// ONNX Runtime's tools keeps its packed weight codes, so `MatMulNBits` is a
// `qnt.matmul` over a `qnt.uniform` of the original bytes, with no float copy
// of the weight. `DequantizeLinear` builds the matching qnt constructor and
// dequantizes it (a later pass fuses the QDQ pattern into `qnt.matmul`);
// `QuantizeLinear` is `qnt.quantize`. Widths the qnt encodings do not cover
// (16- and 32-bit integers) and the integer matmuls are plain linalg.
//
// Scales and zero points of QuantizeLinear/DequantizeLinear are laid out the
// way `#qnt.uniform` wants them: one dimension per tensor dimension, each the
// tensor's size divided by the block. A blocked axis the block size does not
// divide is padded up to a whole block and the result sliced back.
//
//===----------------------------------------------------------------------===//

#include "OnnxLowering.h"

#include "dialects/Qnt/QntDialect.h"
#include "quench/Quant/Packing.h"
#include "quench/Support/ConstantData.h"

#include "llvm/Support/MathExtras.h"

using namespace mlir;
using namespace quench;

namespace {

using Values = FailureOr<SmallVector<Value>>;

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

/// ONNX TensorProto.DataType numbers used by the `output_dtype` and
/// `precision` attributes.
enum OnnxDataType : int64_t {
  kFloat = 1,
  kUint8 = 2,
  kInt8 = 3,
  kUint16 = 4,
  kInt16 = 5,
  kFloat16 = 10,
  kBFloat16 = 16,
  kUint4 = 21,
  kInt4 = 22,
  kUint2 = 25,
  kInt2 = 26,
};

/// The float type an ONNX data type number names, or null.
Type floatDataType(Builder &b, int64_t dtype) {
  switch (dtype) {
  case kFloat:
    return b.getF32Type();
  case kFloat16:
    return b.getF16Type();
  case kBFloat16:
    return b.getBF16Type();
  default:
    return {};
  }
}

/// An integer type of a quantized output: its width and signedness.
struct IntegerKind {
  unsigned width;
  bool isUnsigned;
};

/// The integer type an ONNX data type number names, if it is one a
/// QuantizeLinear output may have.
std::optional<IntegerKind> integerDataType(int64_t dtype) {
  switch (dtype) {
  case kUint8:
    return IntegerKind{8, true};
  case kInt8:
    return IntegerKind{8, false};
  case kUint16:
    return IntegerKind{16, true};
  case kInt16:
    return IntegerKind{16, false};
  case kUint4:
    return IntegerKind{4, true};
  case kInt4:
    return IntegerKind{4, false};
  case kUint2:
    return IntegerKind{2, true};
  case kInt2:
    return IntegerKind{2, false};
  default:
    return std::nullopt;
  }
}

/// The ONNX name of a lowered element type, for messages.
std::string onnxTypeName(Type type, bool isUnsigned) {
  if (auto integer = dyn_cast<IntegerType>(type)) {
    if (integer.getWidth() == 1)
      return "bool";
    return (isUnsigned ? "uint" : "int") + std::to_string(integer.getWidth());
  }
  std::string text;
  llvm::raw_string_ostream os(text);
  os << type;
  return text;
}

bool isHalfOrSingle(Type type) {
  return type.isF32() || type.isF16() || type.isBF16();
}

/// A static reshape that keeps the data in place: collapse to one dimension,
/// then expand. Rank 0 goes to and from all-unit shapes in one step with an
/// empty reassociation.
Value reshapeStatic(ImplicitLocOpBuilder &b, Value value,
                    ArrayRef<int64_t> shape) {
  auto type = cast<RankedTensorType>(value.getType());
  if (type.getShape() == shape)
    return value;
  auto resultType = RankedTensorType::get(shape, type.getElementType());
  SmallVector<ReassociationIndices> none;
  if (type.getRank() == 0)
    return tensor::ExpandShapeOp::create(b, resultType, value, none);
  if (shape.empty())
    return tensor::CollapseShapeOp::create(b, resultType, value, none);
  auto all = [](int64_t rank) {
    ReassociationIndices group;
    for (int64_t i = 0; i < rank; ++i)
      group.push_back(i);
    return SmallVector<ReassociationIndices>{group};
  };
  if (type.getRank() > 1)
    value = tensor::CollapseShapeOp::create(
        b,
        RankedTensorType::get({type.getNumElements()}, type.getElementType()),
        value, all(type.getRank()));
  if (shape.size() == 1)
    return value;
  return tensor::ExpandShapeOp::create(b, resultType, value, all(shape.size()));
}

/// `value` grown along `dim` to `size` with zeros after its elements.
Value padWithZeros(ImplicitLocOpBuilder &b, Value value, int64_t dim,
                   int64_t size) {
  auto type = cast<RankedTensorType>(value.getType());
  SmallVector<int64_t> shape(type.getShape());
  if (shape[dim] == size)
    return value;
  shape[dim] = size;
  Value zeros = filledTensor(b, shape, type.getElementType(), 0.0);
  SmallVector<OpFoldResult> offsets(shape.size(), b.getIndexAttr(0));
  SmallVector<OpFoldResult> sizes, strides(shape.size(), b.getIndexAttr(1));
  for (int64_t size : type.getShape())
    sizes.push_back(b.getIndexAttr(size));
  return tensor::InsertSliceOp::create(b, value, zeros, offsets, sizes,
                                       strides);
}

/// The leading `shape` part of `value`.
Value sliceTo(ImplicitLocOpBuilder &b, Value value, ArrayRef<int64_t> shape) {
  if (cast<RankedTensorType>(value.getType()).getShape() == shape)
    return value;
  SmallVector<OpFoldResult> offsets(shape.size(), b.getIndexAttr(0));
  SmallVector<OpFoldResult> sizes, strides(shape.size(), b.getIndexAttr(1));
  for (int64_t size : shape)
    sizes.push_back(b.getIndexAttr(size));
  return tensor::ExtractSliceOp::create(b, value, offsets, sizes, strides);
}

/// Element-wise ONNX Cast of a whole tensor.
Value castTensor(ImplicitLocOpBuilder &b, Value value, Type to,
                 bool fromUnsigned) {
  auto type = cast<RankedTensorType>(value.getType());
  if (type.getElementType() == to)
    return value;
  return buildElementwise(b, value, type.getShape(), to,
                          [&](ImplicitLocOpBuilder &nb, ValueRange args) {
                            return castScalar(nb, args[0], to, fromUnsigned,
                                              /*toUnsigned=*/false);
                          });
}

/// The greatest and least finite value of an integer type, as doubles.
std::pair<double, double> integerRange(unsigned width, bool isUnsigned) {
  if (isUnsigned)
    return {0.0, static_cast<double>((uint64_t(1) << width) - 1)};
  return {-static_cast<double>(int64_t(1) << (width - 1)),
          static_cast<double>((int64_t(1) << (width - 1)) - 1)};
}

Value f32Constant(ImplicitLocOpBuilder &b, double value) {
  return scalarConstant(b, b.getF32Type(), value);
}

/// out[i] = fn(x[i], scales[i / block], zeroPoints[i / block]) over x's
/// shape. Scales and zero points are read with tensor.extract, since a block
/// is not an affine broadcast; `zeroPoints` may be null.
Value buildBlockwise(
    ImplicitLocOpBuilder &b, Value x, Value scales, Value zeroPoints,
    ArrayRef<int64_t> block, Type resultElementType,
    function_ref<Value(ImplicitLocOpBuilder &, Value, Value, Value)> fn) {
  auto type = cast<RankedTensorType>(x.getType());
  int64_t rank = type.getRank();
  ArrayRef<int64_t> scaleShape =
      cast<RankedTensorType>(scales.getType()).getShape();
  auto resultType = type.clone(resultElementType);
  SmallVector<AffineMap> maps(2, b.getMultiDimIdentityMap(rank));
  SmallVector<utils::IteratorType> iterators(rank,
                                             utils::IteratorType::parallel);
  auto generic = linalg::GenericOp::create(
      b, TypeRange{resultType}, ValueRange{x},
      ValueRange{emptyTensor(b, type.getShape(), resultElementType)}, maps,
      iterators, [&](OpBuilder &nested, Location loc, ValueRange args) {
        ImplicitLocOpBuilder nb(loc, nested);
        SmallVector<Value> index;
        for (int64_t d = 0; d < rank; ++d) {
          if (scaleShape[d] == 1) {
            index.push_back(arith::ConstantIndexOp::create(nb, 0));
            continue;
          }
          Value iv = linalg::IndexOp::create(nb, d);
          if (block[d] != 1)
            iv = arith::DivUIOp::create(
                nb, iv, arith::ConstantIndexOp::create(nb, block[d]));
          index.push_back(iv);
        }
        Value scale = tensor::ExtractOp::create(nb, scales, index);
        Value zeroPoint = zeroPoints
                              ? tensor::ExtractOp::create(nb, zeroPoints, index)
                              : Value();
        linalg::YieldOp::create(nb, fn(nb, args[0], scale, zeroPoint));
      });
  return generic.getResult(0);
}

//===----------------------------------------------------------------------===//
// Scale granularity of QuantizeLinear / DequantizeLinear
//===----------------------------------------------------------------------===//

/// Where one scale applies, as the block of a `#qnt` encoding.
struct Granularity {
  /// Elements sharing one scale, per dimension of (the padded) x.
  SmallVector<int64_t> block;
  /// The scale (and zero point) shape the encoding wants: x's shape / block.
  SmallVector<int64_t> scaleShape;
  /// x's shape with the blocked axis rounded up to whole blocks.
  SmallVector<int64_t> paddedShape;
  /// The blocked axis (meaningful when paddedShape differs from x's shape).
  int64_t axis = 0;
  /// x's shape as the encodings see it (set by readLinearGranularity).
  SmallVector<int64_t> workShape;
};

/// Reads the layout of `scaleType` for an x of `shape` (rank >= 1), per the
/// ONNX rules: one element is per-tensor; otherwise a 1-D scale is per-axis
/// (`axis`, opset 13+) and, with `block_size` > 0 (opset 21+), a scale of x's
/// rank is blocked along `axis` with ceil(D / block_size) blocks.
FailureOr<Granularity> readGranularity(OnnxNode &node, ArrayRef<int64_t> shape,
                                       RankedTensorType scaleType,
                                       bool allowAxis, bool allowBlocked) {
  if (llvm::is_contained(shape, 0)) {
    node.error() << "tensors with a zero-sized dimension are not supported";
    return failure();
  }
  Granularity g;
  int64_t rank = shape.size();
  g.paddedShape.assign(shape.begin(), shape.end());
  int64_t blockSize = allowBlocked ? node.getInt("block_size", 0) : 0;
  if (blockSize < 0) {
    node.error() << "block_size must be >= 0, got " << blockSize;
    return failure();
  }
  if (scaleType.getNumElements() == 1) {
    g.block.assign(shape.begin(), shape.end());
    g.scaleShape.assign(rank, 1);
    return g;
  }
  if (!allowAxis) {
    node.error() << "the scale must be a scalar in opset " << node.opset()
                 << " (per-axis scales need opset 13), got shape " << scaleType;
    return failure();
  }
  FailureOr<int64_t> axis = node.normalizeAxis(node.getInt("axis", 1), rank);
  if (failed(axis))
    return failure();
  g.axis = *axis;
  ArrayRef<int64_t> scaleShape = scaleType.getShape();
  if (blockSize == 0) {
    if (scaleShape.size() != 1 || scaleShape[0] != shape[*axis]) {
      node.error() << "a per-axis scale must be 1-D with " << shape[*axis]
                   << " elements (the size of axis " << *axis << "), got "
                   << scaleType
                   << (allowBlocked ? "; blocked scales need block_size > 0"
                                    : "");
      return failure();
    }
    g.block.assign(shape.begin(), shape.end());
    g.block[*axis] = 1;
    g.scaleShape.assign(rank, 1);
    g.scaleShape[*axis] = shape[*axis];
    return g;
  }
  int64_t blocks = llvm::divideCeil(shape[*axis], blockSize);
  SmallVector<int64_t> expected(shape);
  expected[*axis] = blocks;
  if (scaleShape != ArrayRef<int64_t>(expected)) {
    InFlightDiagnostic diag = node.error();
    diag << "a blocked scale (block_size " << blockSize << " along axis "
         << *axis << ") must have shape [";
    llvm::interleaveComma(expected, diag);
    diag << "], got " << scaleType;
    return failure();
  }
  g.block.assign(rank, 1);
  g.block[*axis] = blockSize;
  g.scaleShape = expected;
  g.paddedShape[*axis] = blocks * blockSize;
  return g;
}

/// The granularity of a QuantizeLinear or DequantizeLinear node of
/// since-version `version`. Rank 0 is read as a 1-element vector: encodings
/// need a block.
FailureOr<Granularity> readLinearGranularity(OnnxNode &node,
                                             ArrayRef<int64_t> shape,
                                             RankedTensorType scaleType,
                                             int64_t version) {
  SmallVector<int64_t> workShape(shape);
  if (workShape.empty())
    workShape.push_back(1);
  FailureOr<Granularity> g = readGranularity(node, workShape, scaleType,
                                             version >= 13, version >= 21);
  if (succeeded(g))
    g->workShape = std::move(workShape);
  return g;
}

/// The static inputs of QuantizeLinear and DequantizeLinear: x, the scale and
/// whether the zero point (input 2) is given.
struct LinearQuantInputs {
  RankedTensorType x, scale;
  bool hasZeroPoint;
};

FailureOr<LinearQuantInputs> bindLinearQuantInputs(OnnxNode &node) {
  FailureOr<RankedTensorType> x = node.staticType(0);
  FailureOr<RankedTensorType> scale = node.staticType(1);
  if (failed(x) || failed(scale))
    return failure();
  bool hasZeroPoint = node.hasInput(2);
  if (hasZeroPoint && failed(node.staticType(2)))
    return failure();
  return LinearQuantInputs{*x, *scale, hasZeroPoint};
}

/// Checks that the zero point (input `index`) has as many elements as the
/// scale (input `scaleIndex`), as ONNX requires (same shape).
LogicalResult checkZeroPointShape(OnnxNode &node, unsigned index,
                                  unsigned scaleIndex) {
  auto zeroPoint = cast<RankedTensorType>(node.input(index).getType());
  auto scale = cast<RankedTensorType>(node.input(scaleIndex).getType());
  if (zeroPoint.getNumElements() == scale.getNumElements() &&
      (zeroPoint.getNumElements() == 1 ||
       zeroPoint.getShape() == scale.getShape()))
    return success();
  node.error() << "the zero point must have the scale's shape " << scale
               << ", got " << zeroPoint;
  return failure();
}

/// Whether a constant zero point is all zeros (the only value float8 and
/// float4 formats allow); true when it is not a constant.
bool isZeroOrUnknown(OnnxNode &node, unsigned index) {
  DenseElementsAttr value = node.constant(index);
  if (!value)
    return true;
  if (isa<FloatType>(value.getElementType()))
    return llvm::all_of(value.getValues<APFloat>(),
                        [](const APFloat &v) { return v.isZero(); });
  return llvm::all_of(value.getValues<APInt>(),
                      [](const APInt &v) { return v.isZero(); });
}

//===----------------------------------------------------------------------===//
// DequantizeLinear
//===----------------------------------------------------------------------===//

/// y = (x - x_zero_point) * x_scale, computed in f32 and rounded to the
/// output type (as the ONNX reference does). `version` is the since-version
/// whose inputs and attributes apply.
Values lowerDequantizeLinear(OnnxNode &node, int64_t version) {
  FailureOr<LinearQuantInputs> inputs = bindLinearQuantInputs(node);
  if (failed(inputs))
    return failure();
  RankedTensorType xType = inputs->x, scaleType = inputs->scale;
  bool hasZeroPoint = inputs->hasZeroPoint;
  ImplicitLocOpBuilder &b = node.b;
  MLIRContext *ctx = b.getContext();

  Type scaleElement = scaleType.getElementType();
  if (version >= 19 ? !isHalfOrSingle(scaleElement) : !scaleElement.isF32())
    return node.fail(
        "x_scale must be " +
        Twine(version >= 19 ? "float, float16 or bfloat16" : "float") +
        ", got " + onnxTypeName(scaleElement, false));
  Type outElement = scaleElement;
  if (int64_t dtype = version >= 23 ? node.getInt("output_dtype", 0) : 0) {
    outElement = floatDataType(b, dtype);
    if (!outElement)
      return node.fail("output_dtype " + Twine(dtype) +
                       " is not a float type (1, 10 or 16)");
  }
  auto floatOut = cast<FloatType>(outElement);

  // What x holds, and which opset admits it.
  Type xElement = xType.getElementType();
  bool xUnsigned = node.isUnsignedInput(0);
  auto integer = dyn_cast<IntegerType>(xElement);
  unsigned width = integer ? integer.getWidth() : 0;
  bool isFp8 = isa<Float8E4M3FNType, Float8E5M2Type>(xElement);
  bool isFp4 = isa<Float4E2M1FNType>(xElement);
  bool supported = (width == 8) || (width == 32 && !xUnsigned) ||
                   (version >= 21 && (width == 4 || width == 16)) ||
                   (version >= 25 && width == 2) || (version >= 19 && isFp8) ||
                   (version >= 23 && isFp4);
  if (!supported) {
    if (isa<Float8E4M3FNUZType, Float8E5M2FNUZType>(xElement))
      return node.fail("x of type " + onnxTypeName(xElement, false) +
                       " is not supported (float8 FNUZ formats have no qnt "
                       "encoding); use float8e4m3fn or float8e5m2");
    return node.fail("x of type " + onnxTypeName(xElement, xUnsigned) +
                     " cannot be dequantized in opset " + Twine(node.opset()));
  }

  if (hasZeroPoint) {
    if (integer) {
      Type zpElement =
          cast<RankedTensorType>(node.input(2).getType()).getElementType();
      if (zpElement != xElement || node.isUnsignedInput(2) != xUnsigned)
        return node.fail("x_zero_point must have x's type " +
                         onnxTypeName(xElement, xUnsigned) + ", got " +
                         onnxTypeName(zpElement, node.isUnsignedInput(2)));
      if (failed(checkZeroPointShape(node, 2, 1)))
        return failure();
    } else if (!isZeroOrUnknown(node, 2)) {
      return node.fail("x_zero_point must be 0 for float8 and float4 inputs");
    }
  }

  ArrayRef<int64_t> shape = xType.getShape();
  FailureOr<Granularity> g =
      readLinearGranularity(node, shape, scaleType, version);
  if (failed(g))
    return failure();
  Value x = reshapeStatic(b, node.input(0), g->workShape);
  Value scales = reshapeStatic(b, node.input(1), g->scaleShape);
  Value zeroPoints = hasZeroPoint && integer
                         ? reshapeStatic(b, node.input(2), g->scaleShape)
                         : Value();

  Value result;
  if (integer && width > 8) {
    // No qnt encoding holds 16- or 32-bit codes: dequantize directly.
    result = buildBlockwise(
        b, x, scales, zeroPoints, g->block, outElement,
        [&](ImplicitLocOpBuilder &nb, Value q, Value scale, Value zeroPoint) {
          Type f32 = nb.getF32Type();
          Value value = castScalar(nb, q, f32, xUnsigned, false);
          if (zeroPoint)
            value = arith::SubFOp::create(
                nb, value, castScalar(nb, zeroPoint, f32, xUnsigned, false));
          value = arith::MulFOp::create(
              nb, value, castScalar(nb, scale, f32, false, false));
          return castScalar(nb, value, outElement, false, false);
        });
  } else {
    x = padWithZeros(b, x, g->axis, g->paddedShape[g->axis]);
    Value qtensor;
    if (integer) {
      auto encoding = qnt::UniformAttr::get(
          ctx, width,
          xUnsigned ? qnt::Signedness::Unsigned : qnt::Signedness::Signed,
          g->block, static_cast<bool>(zeroPoints), qnt::PackingAttr());
      auto type =
          qnt::QTensorType::get(ctx, g->paddedShape, floatOut, encoding);
      qtensor = qnt::UniformOp::create(b, type, x, scales, zeroPoints, Value());
    } else if (isFp8) {
      auto type = qnt::QTensorType::get(ctx, g->paddedShape, floatOut,
                                        qnt::Fp8Attr::get(ctx, g->block));
      qtensor = qnt::Fp8Op::create(b, type, x, scales);
    } else {
      // float4 e2m1: the 4-bit pattern indexes the OCP E2M1 table.
      Value codes = arith::BitcastOp::create(
          b, RankedTensorType::get(g->paddedShape, b.getIntegerType(4)), x);
      auto encoding = qnt::LutAttr::get(ctx, 4, qnt::LutKind::FP4E2M1, g->block,
                                        qnt::PackingAttr());
      auto type =
          qnt::QTensorType::get(ctx, g->paddedShape, floatOut, encoding);
      qtensor = qnt::LutOp::create(b, type, codes, scales, Value());
    }
    result = qnt::DequantizeOp::create(
        b, cast<qnt::QTensorType>(qtensor.getType()).getExpressedType(),
        qtensor);
    result = sliceTo(b, result, g->workShape);
  }
  return SmallVector<Value>{reshapeStatic(b, result, shape)};
}

//===----------------------------------------------------------------------===//
// QuantizeLinear
//===----------------------------------------------------------------------===//

/// y = saturate(round_half_even(x / y_scale) + y_zero_point), integer y only.
Values lowerQuantizeLinear(OnnxNode &node, int64_t version) {
  FailureOr<LinearQuantInputs> inputs = bindLinearQuantInputs(node);
  if (failed(inputs))
    return failure();
  RankedTensorType xType = inputs->x, scaleType = inputs->scale;
  bool hasZeroPoint = inputs->hasZeroPoint;
  ImplicitLocOpBuilder &b = node.b;
  MLIRContext *ctx = b.getContext();

  Type xElement = xType.getElementType();
  Type scaleElement = scaleType.getElementType();
  bool xOk = xElement.isInteger(32) && !node.isUnsignedInput(0);
  xOk |= version >= 19 ? isHalfOrSingle(xElement) : xElement.isF32();
  if (!xOk)
    return node.fail(
        "x must be " +
        Twine(version >= 19 ? "float, float16, bfloat16" : "float") +
        " or int32, got " + onnxTypeName(xElement, node.isUnsignedInput(0)));
  bool scaleOk = version >= 19 ? isHalfOrSingle(scaleElement) ||
                                     (scaleElement.isInteger(32) &&
                                      !node.isUnsignedInput(1))
                               : scaleElement.isF32();
  if (!scaleOk)
    return node.fail(
        "y_scale must be " +
        Twine(version >= 19 ? "float, float16, bfloat16 or int32" : "float") +
        ", got " + onnxTypeName(scaleElement, node.isUnsignedInput(1)));

  // The output type: the zero point's, else output_dtype, else uint8.
  unsigned width = 8;
  bool isUnsigned = true;
  if (hasZeroPoint) {
    Type zpElement =
        cast<RankedTensorType>(node.input(2).getType()).getElementType();
    if (isa<FloatType>(zpElement))
      return node.fail("quantizing to " + onnxTypeName(zpElement, false) +
                       " is not supported; only integer outputs are");
    width = zpElement.getIntOrFloatBitWidth();
    isUnsigned = node.isUnsignedInput(2);
  }
  if (int64_t dtype = version >= 21 ? node.getInt("output_dtype", 0) : 0) {
    std::optional<IntegerKind> kind = integerDataType(dtype);
    if (!kind)
      return node.fail("output_dtype " + Twine(dtype) +
                       " is not supported; only integer outputs are");
    if (hasZeroPoint &&
        (kind->width != width || kind->isUnsigned != isUnsigned))
      return node.fail("output_dtype " + Twine(dtype) +
                       " contradicts the zero point's type " +
                       onnxTypeName(b.getIntegerType(width), isUnsigned));
    width = kind->width;
    isUnsigned = kind->isUnsigned;
  }
  bool widthOk = width == 8 || (version >= 21 && (width == 4 || width == 16)) ||
                 (version >= 25 && width == 2);
  if (!widthOk)
    return node.fail("cannot quantize to " +
                     onnxTypeName(b.getIntegerType(width), isUnsigned) +
                     " in opset " + Twine(node.opset()));
  if (hasZeroPoint && failed(checkZeroPointShape(node, 2, 1)))
    return failure();

  ArrayRef<int64_t> shape = xType.getShape();
  FailureOr<Granularity> g =
      readLinearGranularity(node, shape, scaleType, version);
  if (failed(g))
    return failure();

  // qnt.quantize divides in f32; `precision` (opset 23) first rounds x and
  // the scale to the type it names.
  Value x = node.input(0), scale = node.input(1);
  if (int64_t precision = version >= 23 ? node.getInt("precision", 0) : 0) {
    Type type = floatDataType(b, precision);
    if (!type)
      return node.fail("precision " + Twine(precision) +
                       " is not a float type (1, 10 or 16)");
    x = castTensor(b, x, type, false);
    scale = castTensor(b, scale, type, false);
  }
  if (!isa<FloatType>(cast<RankedTensorType>(x.getType()).getElementType()))
    x = castTensor(b, x, b.getF32Type(), false);
  if (!isa<FloatType>(cast<RankedTensorType>(scale.getType()).getElementType()))
    scale = castTensor(b, scale, b.getF32Type(), false);

  x = reshapeStatic(b, x, g->workShape);
  Value scales = reshapeStatic(b, scale, g->scaleShape);
  Value zeroPoints =
      hasZeroPoint ? reshapeStatic(b, node.input(2), g->scaleShape) : Value();
  Type codeType = b.getIntegerType(width);

  Value result;
  if (width <= 8) {
    x = padWithZeros(b, x, g->axis, g->paddedShape[g->axis]);
    auto encoding = qnt::UniformAttr::get(
        ctx, width,
        isUnsigned ? qnt::Signedness::Unsigned : qnt::Signedness::Signed,
        g->block, hasZeroPoint, qnt::PackingAttr());
    result = qnt::QuantizeOp::create(
        b, RankedTensorType::get(g->paddedShape, codeType), x, scales,
        zeroPoints, encoding);
    result = sliceTo(b, result, g->workShape);
  } else {
    // 16-bit codes: the same formula as qnt.quantize, written out.
    std::pair<double, double> range = integerRange(width, isUnsigned);
    double qmin = range.first, qmax = range.second;
    result = buildBlockwise(
        b, x, scales, zeroPoints, g->block, codeType,
        [&](ImplicitLocOpBuilder &nb, Value value, Value s, Value zeroPoint) {
          Type f32 = nb.getF32Type();
          Value quotient = arith::DivFOp::create(
              nb, castScalar(nb, value, f32, false, false),
              castScalar(nb, s, f32, false, false));
          Value isNan = arith::CmpFOp::create(nb, arith::CmpFPredicate::UNO,
                                              quotient, quotient);
          quotient = arith::SelectOp::create(nb, isNan, f32Constant(nb, 0.0),
                                             quotient);
          Value q = math::RoundEvenOp::create(nb, quotient);
          if (zeroPoint)
            q = arith::AddFOp::create(
                nb, q, castScalar(nb, zeroPoint, f32, isUnsigned, false));
          q = arith::MaximumFOp::create(nb, q, f32Constant(nb, qmin));
          q = arith::MinimumFOp::create(nb, q, f32Constant(nb, qmax));
          Value wide = arith::FPToSIOp::create(nb, nb.getI32Type(), q);
          return arith::TruncIOp::create(nb, codeType, wide).getResult();
        });
  }
  result = reshapeStatic(b, result, shape);
  if (isUnsigned)
    node.markUnsigned(result);
  return SmallVector<Value>{result};
}

//===----------------------------------------------------------------------===//
// DynamicQuantizeLinear
//===----------------------------------------------------------------------===//

/// uint8 quantization with a scale and zero point computed from x's range,
/// which always includes 0:
///   scale = (max(0, max x) - min(0, min x)) / 255   (1 when that range is 0)
///   zero_point = round_half_even(clamp(0 - min(0, min x) / scale, 0, 255))
///   y = saturate(round_half_even(x / scale) + zero_point)
Values lowerDynamicQuantizeLinear(OnnxNode &node) {
  FailureOr<RankedTensorType> xType = node.staticType(0);
  if (failed(xType))
    return failure();
  if (!xType->getElementType().isF32())
    return node.fail(
        "x must be float, got " +
        onnxTypeName(xType->getElementType(), node.isUnsignedInput(0)));
  ImplicitLocOpBuilder &b = node.b;
  MLIRContext *ctx = b.getContext();
  Type f32 = b.getF32Type(), i8 = b.getI8Type();
  ArrayRef<int64_t> shape = xType->getShape();
  int64_t rank = shape.size();

  // min(0, min x) and max(0, max x) in one pass: both accumulators start at 0.
  auto scalarType = RankedTensorType::get({}, f32);
  Value zero = filledTensor(b, {}, f32, 0.0);
  SmallVector<AffineMap> maps = {b.getMultiDimIdentityMap(rank),
                                 AffineMap::get(rank, 0, ctx),
                                 AffineMap::get(rank, 0, ctx)};
  SmallVector<utils::IteratorType> iterators(rank,
                                             utils::IteratorType::reduction);
  auto range = linalg::GenericOp::create(
      b, TypeRange{scalarType, scalarType}, ValueRange{node.input(0)},
      ValueRange{zero, zero}, maps, iterators,
      [](OpBuilder &nested, Location loc, ValueRange args) {
        ImplicitLocOpBuilder nb(loc, nested);
        linalg::YieldOp::create(
            nb, ValueRange{arith::MinimumFOp::create(nb, args[1], args[0]),
                           arith::MaximumFOp::create(nb, args[2], args[0])});
      });
  Value minimum = range.getResult(0), maximum = range.getResult(1);

  Value scale = buildElementwise(
      b, {minimum, maximum}, {}, f32,
      [](ImplicitLocOpBuilder &nb, ValueRange args) -> Value {
        Value span = arith::SubFOp::create(nb, args[1], args[0]);
        Value empty = arith::CmpFOp::create(nb, arith::CmpFPredicate::OEQ,
                                            args[1], args[0]);
        Value scale = arith::DivFOp::create(nb, span, f32Constant(nb, 255.0));
        return arith::SelectOp::create(nb, empty, f32Constant(nb, 1.0), scale);
      });
  Value zeroPoint = buildElementwise(
      b, {minimum, scale}, {}, i8,
      [&](ImplicitLocOpBuilder &nb, ValueRange args) -> Value {
        Value initial =
            arith::SubFOp::create(nb, f32Constant(nb, 0.0),
                                  arith::DivFOp::create(nb, args[0], args[1]));
        Value clamped =
            arith::MaximumFOp::create(nb, initial, f32Constant(nb, 0.0));
        clamped =
            arith::MinimumFOp::create(nb, clamped, f32Constant(nb, 255.0));
        Value rounded = math::RoundEvenOp::create(nb, clamped);
        Value wide = arith::FPToSIOp::create(nb, nb.getI32Type(), rounded);
        return arith::TruncIOp::create(nb, i8, wide);
      });

  SmallVector<int64_t> workShape(shape);
  if (workShape.empty())
    workShape.push_back(1);
  SmallVector<int64_t> ones(workShape.size(), 1);
  auto encoding =
      qnt::UniformAttr::get(ctx, 8, qnt::Signedness::Unsigned, workShape,
                            /*zero_point=*/true, qnt::PackingAttr());
  Value y = qnt::QuantizeOp::create(
      b, RankedTensorType::get(workShape, i8),
      reshapeStatic(b, node.input(0), workShape), reshapeStatic(b, scale, ones),
      reshapeStatic(b, zeroPoint, ones), encoding);
  y = reshapeStatic(b, y, shape);
  node.markUnsigned(y);
  node.markUnsigned(zeroPoint);
  return SmallVector<Value>{y, scale, zeroPoint};
}

//===----------------------------------------------------------------------===//
// Integer matmuls
//===----------------------------------------------------------------------===//

/// The shapes of a numpy matmul of `lhs` by `rhs` (rank >= 1 each).
struct MatmulShapes {
  SmallVector<int64_t> batch;
  int64_t m, k, n;
  /// The result shape: batch, then M unless lhs is 1-D, N unless rhs is.
  SmallVector<int64_t> result;
};

FailureOr<MatmulShapes> matmulShapes(OnnxNode &node, ArrayRef<int64_t> lhs,
                                     ArrayRef<int64_t> rhs) {
  if (lhs.empty() || rhs.empty()) {
    node.error() << "matmul operands must have rank >= 1";
    return failure();
  }
  MatmulShapes s;
  s.m = lhs.size() > 1 ? lhs[lhs.size() - 2] : 1;
  s.k = lhs.back();
  s.n = rhs.size() > 1 ? rhs.back() : 1;
  int64_t rhsK = rhs.size() > 1 ? rhs[rhs.size() - 2] : rhs[0];
  if (rhsK != s.k) {
    node.error() << "matmul inner dimensions differ: " << s.k << " and "
                 << rhsK;
    return failure();
  }
  FailureOr<SmallVector<int64_t>> batch =
      broadcastShapes({lhs.drop_back(std::min<size_t>(2, lhs.size())),
                       rhs.drop_back(std::min<size_t>(2, rhs.size()))});
  if (failed(batch)) {
    node.error() << "matmul batch dimensions do not broadcast";
    return failure();
  }
  s.batch = *batch;
  s.result = s.batch;
  if (lhs.size() > 1)
    s.result.push_back(s.m);
  if (rhs.size() > 1)
    s.result.push_back(s.n);
  return s;
}

/// Exact i32 matmul with numpy semantics of i32 operands. Rank-1 operands
/// are promoted to [1, K] and [K, 1], and the added dimension dropped again.
/// Loops: batch..., m, n, k.
Value buildIntegerMatmul(ImplicitLocOpBuilder &b, Value lhs, Value rhs,
                         const MatmulShapes &s) {
  MLIRContext *ctx = b.getContext();
  if (cast<RankedTensorType>(lhs.getType()).getRank() == 1)
    lhs = reshapeStatic(b, lhs, {1, s.k});
  if (cast<RankedTensorType>(rhs.getType()).getRank() == 1)
    rhs = reshapeStatic(b, rhs, {s.k, 1});
  int64_t batchRank = s.batch.size();
  int64_t numLoops = batchRank + 3;
  AffineExpr m = getAffineDimExpr(batchRank, ctx),
             n = getAffineDimExpr(batchRank + 1, ctx),
             k = getAffineDimExpr(batchRank + 2, ctx);
  auto operandMap = [&](Value operand, AffineExpr row, AffineExpr col) {
    ArrayRef<int64_t> shape =
        cast<RankedTensorType>(operand.getType()).getShape();
    int64_t operandBatch = shape.size() - 2;
    int64_t offset = batchRank - operandBatch;
    SmallVector<AffineExpr> exprs;
    for (int64_t i = 0; i < operandBatch; ++i) {
      bool broadcast = shape[i] == 1 && s.batch[offset + i] != 1;
      exprs.push_back(broadcast ? getAffineConstantExpr(0, ctx)
                                : getAffineDimExpr(offset + i, ctx));
    }
    exprs.append({row, col});
    return AffineMap::get(numLoops, 0, exprs, ctx);
  };
  SmallVector<AffineExpr> outExprs;
  for (int64_t i = 0; i < batchRank; ++i)
    outExprs.push_back(getAffineDimExpr(i, ctx));
  outExprs.append({m, n});
  SmallVector<int64_t> outShape(s.batch);
  outShape.append({s.m, s.n});
  SmallVector<utils::IteratorType> iterators(numLoops,
                                             utils::IteratorType::parallel);
  iterators.back() = utils::IteratorType::reduction;
  Value init = filledTensor(b, outShape, b.getI32Type(), 0.0);
  auto generic = linalg::GenericOp::create(
      b, TypeRange{init.getType()}, ValueRange{lhs, rhs}, ValueRange{init},
      ArrayRef<AffineMap>{operandMap(lhs, m, k), operandMap(rhs, k, n),
                          AffineMap::get(numLoops, 0, outExprs, ctx)},
      iterators, [](OpBuilder &nested, Location loc, ValueRange args) {
        ImplicitLocOpBuilder nb(loc, nested);
        Value product = arith::MulIOp::create(nb, args[0], args[1]);
        linalg::YieldOp::create(
            nb, arith::AddIOp::create(nb, args[2], product).getResult());
      });
  return reshapeStatic(b, generic.getResult(0), s.result);
}

/// Input `index` (8-bit integers) minus its zero point (input `zpIndex`, if
/// given), widened to i32. A 1-D zero point of a matrix operand is per row
/// (`perRow`, operand A: reshaped to [M, 1]) or per column (operand B:
/// broadcast along the last dimension as is).
FailureOr<Value> centeredOperand(OnnxNode &node, unsigned index,
                                 unsigned zpIndex, bool perRow) {
  FailureOr<RankedTensorType> type = node.staticType(index);
  if (failed(type))
    return failure();
  bool isUnsigned = node.isUnsignedInput(index);
  if (!type->getElementType().isInteger(8)) {
    node.error() << "input " << index << " must be int8 or uint8, got "
                 << onnxTypeName(type->getElementType(), isUnsigned);
    return failure();
  }
  ImplicitLocOpBuilder &b = node.b;
  Type i32 = b.getI32Type();
  SmallVector<Value> operands = {node.input(index)};
  if (node.hasInput(zpIndex)) {
    FailureOr<RankedTensorType> zpType = node.staticType(zpIndex);
    if (failed(zpType))
      return failure();
    if (zpType->getElementType() != type->getElementType() ||
        node.isUnsignedInput(zpIndex) != isUnsigned) {
      node.error() << "the zero point of input " << index << " must be "
                   << onnxTypeName(type->getElementType(), isUnsigned)
                   << ", got "
                   << onnxTypeName(zpType->getElementType(),
                                   node.isUnsignedInput(zpIndex));
      return failure();
    }
    Value zeroPoint = node.input(zpIndex);
    int64_t count = zpType->getNumElements();
    ArrayRef<int64_t> shape = type->getShape();
    if (count == 1) {
      zeroPoint = reshapeStatic(b, zeroPoint, {});
    } else if (zpType->getRank() == 1 && perRow && shape.size() > 1) {
      if (count != shape[shape.size() - 2]) {
        node.error() << "a 1-D zero point of input " << index
                     << " holds one value per row (" << shape[shape.size() - 2]
                     << "), got " << count;
        return failure();
      }
      zeroPoint = reshapeStatic(b, zeroPoint, {count, 1});
    }
    ArrayRef<int64_t> zpShape =
        cast<RankedTensorType>(zeroPoint.getType()).getShape();
    FailureOr<SmallVector<int64_t>> broadcast =
        broadcastShapes({shape, zpShape});
    if (failed(broadcast) || ArrayRef<int64_t>(*broadcast) != shape) {
      node.error() << "the zero point " << *zpType
                   << " does not broadcast to input " << index << " " << *type;
      return failure();
    }
    operands.push_back(zeroPoint);
  }
  return buildElementwise(
      b, operands, type->getShape(), i32,
      [&](ImplicitLocOpBuilder &nb, ValueRange args) -> Value {
        Value value = castScalar(nb, args[0], i32, isUnsigned, false);
        if (args.size() == 1)
          return value;
        return arith::SubIOp::create(
            nb, value, castScalar(nb, args[1], i32, isUnsigned, false));
      });
}

/// Y = (A - a_zero_point) x (B - b_zero_point), exactly, in int32.
Values lowerMatMulInteger(OnnxNode &node) {
  FailureOr<Value> lhs = centeredOperand(node, 0, 2, /*perRow=*/true);
  if (failed(lhs))
    return failure();
  FailureOr<Value> rhs = centeredOperand(node, 1, 3, /*perRow=*/false);
  if (failed(rhs))
    return failure();
  FailureOr<MatmulShapes> shapes =
      matmulShapes(node, cast<RankedTensorType>(lhs->getType()).getShape(),
                   cast<RankedTensorType>(rhs->getType()).getShape());
  if (failed(shapes))
    return failure();
  return SmallVector<Value>{buildIntegerMatmul(node.b, *lhs, *rhs, *shapes)};
}

/// The integer product of QLinearMatMul is exact (as MatMulInteger); it is
/// requantized as the ONNX reference does it:
///   y = saturate(round_half_even(C * (a_scale * b_scale / y_scale) + y_zp))
/// with the scale ratio in the scales' type and the product in f64.
Values lowerQLinearMatMul(OnnxNode &node, int64_t version) {
  FailureOr<Value> lhs = centeredOperand(node, 0, 2, /*perRow=*/true);
  if (failed(lhs))
    return failure();
  FailureOr<Value> rhs = centeredOperand(node, 3, 5, /*perRow=*/false);
  if (failed(rhs))
    return failure();
  ArrayRef<int64_t> lhsShape =
      cast<RankedTensorType>(lhs->getType()).getShape();
  ArrayRef<int64_t> rhsShape =
      cast<RankedTensorType>(rhs->getType()).getShape();
  FailureOr<MatmulShapes> shapes = matmulShapes(node, lhsShape, rhsShape);
  if (failed(shapes))
    return failure();
  ImplicitLocOpBuilder &b = node.b;

  // Scales: a per tensor or per row, b per tensor or per column, y per tensor.
  SmallVector<Value> scales;
  Type scaleElement;
  bool sameScaleType = true;
  for (unsigned index : {1u, 4u, 6u}) {
    FailureOr<RankedTensorType> type = node.staticType(index);
    if (failed(type))
      return failure();
    Type element = type->getElementType();
    if (version >= 21 ? !isHalfOrSingle(element) : !element.isF32())
      return node.fail(
          "scale input " + Twine(index) + " must be " +
          (version >= 21 ? "float, float16 or bfloat16" : "float") + ", got " +
          onnxTypeName(element, false));
    if (scaleElement && element != scaleElement)
      sameScaleType = false;
    scaleElement = element;
    Value scale = node.input(index);
    int64_t count = type->getNumElements();
    if (count == 1) {
      scale = reshapeStatic(b, scale, {});
    } else if (index == 6) {
      return node.fail("y_scale must be a scalar, got " +
                       onnxTypeName(element, false) + " tensor of " +
                       Twine(count) + " elements");
    } else if (type->getRank() == 1 && index == 1 && lhsShape.size() > 1 &&
               count == shapes->m) {
      scale = reshapeStatic(b, scale, {count, 1});
    } else if (type->getRank() == 1 && index == 4 && rhsShape.size() > 1 &&
               count == shapes->n) {
      // Per column: already broadcasts along the last dimension.
    } else if (type->getRank() <= 1) {
      return node.fail(Twine(index == 1 ? "a_scale" : "b_scale") +
                       " must be a scalar or hold one value per " +
                       (index == 1 ? "row of a" : "column of b") + ", got " +
                       Twine(count) + " elements");
    }
    FailureOr<SmallVector<int64_t>> broadcast = broadcastShapes(
        {shapes->result, cast<RankedTensorType>(scale.getType()).getShape()});
    if (failed(broadcast) || *broadcast != shapes->result)
      return node.fail("scale input " + Twine(index) +
                       " does not broadcast to the result");
    scales.push_back(scale);
  }
  Type ratioType = sameScaleType ? scaleElement : b.getF32Type();

  // The output type is y_zero_point's (a's without one).
  unsigned outIndex = node.hasInput(7) ? 7 : 0;
  if (outIndex == 7) {
    FailureOr<RankedTensorType> zpType = node.staticType(7);
    if (failed(zpType))
      return failure();
    if (!zpType->getElementType().isInteger(8) || zpType->getNumElements() != 1)
      return node.fail("y_zero_point must be one int8 or uint8 value");
  }
  bool outUnsigned = node.isUnsignedInput(outIndex);
  std::pair<double, double> range = integerRange(8, outUnsigned);
  double qmin = range.first, qmax = range.second;
  SmallVector<Value> operands = {buildIntegerMatmul(b, *lhs, *rhs, *shapes)};
  operands.append(scales);
  if (outIndex == 7)
    operands.push_back(reshapeStatic(b, node.input(7), {}));
  Value result = buildElementwise(
      b, operands, shapes->result, b.getI8Type(),
      [&](ImplicitLocOpBuilder &nb, ValueRange args) -> Value {
        Type f64 = nb.getF64Type();
        Value ratio = arith::MulFOp::create(
            nb, castScalar(nb, args[1], ratioType, false, false),
            castScalar(nb, args[2], ratioType, false, false));
        ratio = arith::DivFOp::create(
            nb, ratio, castScalar(nb, args[3], ratioType, false, false));
        Value value =
            arith::MulFOp::create(nb, arith::SIToFPOp::create(nb, f64, args[0]),
                                  castScalar(nb, ratio, f64, false, false));
        if (args.size() > 4)
          value = arith::AddFOp::create(
              nb, value, castScalar(nb, args[4], f64, outUnsigned, false));
        value = math::RoundEvenOp::create(nb, value);
        value =
            arith::MaximumFOp::create(nb, value, scalarConstant(nb, f64, qmin));
        value =
            arith::MinimumFOp::create(nb, value, scalarConstant(nb, f64, qmax));
        Value wide = arith::FPToSIOp::create(nb, nb.getI32Type(), value);
        return arith::TruncIOp::create(nb, nb.getI8Type(), wide);
      });
  if (outUnsigned)
    node.markUnsigned(result);
  return SmallVector<Value>{result};
}

//===----------------------------------------------------------------------===//
// MatMulNBits (com.microsoft)
//===----------------------------------------------------------------------===//

/// Unpacks `count` codes of `bits` bits per row from `bytes : [rows, n] i8`
/// (one LSB-first bit stream per row, codes may straddle bytes) into
/// `[rows, count] i8`.
Value unpackRows(ImplicitLocOpBuilder &b, Value bytes, int64_t count,
                 unsigned bits) {
  auto bytesType = cast<RankedTensorType>(bytes.getType());
  int64_t rows = bytesType.getDimSize(0), rowBytes = bytesType.getDimSize(1);
  auto resultType = RankedTensorType::get({rows, count}, b.getI8Type());
  SmallVector<AffineMap> maps = {b.getMultiDimIdentityMap(2)};
  SmallVector<utils::IteratorType> iterators(2, utils::IteratorType::parallel);
  auto generic = linalg::GenericOp::create(
      b, TypeRange{resultType}, ValueRange{},
      ValueRange{emptyTensor(b, {rows, count}, b.getI8Type())}, maps, iterators,
      [&](OpBuilder &nested, Location loc, ValueRange) {
        ImplicitLocOpBuilder nb(loc, nested);
        auto index = [&](int64_t v) {
          return arith::ConstantIndexOp::create(nb, v).getResult();
        };
        Type i32 = nb.getI32Type();
        Value row = linalg::IndexOp::create(nb, 0);
        Value bit = arith::MulIOp::create(nb, linalg::IndexOp::create(nb, 1),
                                          index(bits));
        Value byte = arith::DivUIOp::create(nb, bit, index(8));
        Value shift = arith::IndexCastOp::create(
            nb, i32, arith::RemUIOp::create(nb, bit, index(8)));
        auto load = [&](Value at) {
          Value value =
              tensor::ExtractOp::create(nb, bytes, ValueRange{row, at});
          return arith::ExtUIOp::create(nb, i32, value).getResult();
        };
        Value word = load(byte);
        if (8 % bits != 0) {
          // The next byte, or 0 past the end of the row.
          Value next = arith::AddIOp::create(nb, byte, index(1));
          Value inRange = arith::CmpIOp::create(nb, arith::CmpIPredicate::ult,
                                                next, index(rowBytes));
          Value at = arith::SelectOp::create(nb, inRange, next, byte);
          Value high = arith::SelectOp::create(
              nb, inRange, load(at), arith::ConstantIntOp::create(nb, i32, 0));
          word = arith::OrIOp::create(
              nb, word,
              arith::ShLIOp::create(nb, high,
                                    arith::ConstantIntOp::create(nb, i32, 8)));
        }
        Value code = arith::AndIOp::create(
            nb, arith::ShRUIOp::create(nb, word, shift),
            arith::ConstantIntOp::create(nb, i32, (1 << bits) - 1));
        linalg::YieldOp::create(
            nb, arith::TruncIOp::create(nb, nb.getI8Type(), code).getResult());
      });
  return generic.getResult(0);
}

/// Y = A x W^T + bias with W dequantized from B's codes, kept packed:
///   W[n, k] = (code[n, k] - zero_point[n, g]) * scale[n, g]
/// where g = k / block_size, or g_idx[k] when g_idx is given. K not a
/// multiple of block_size leaves the last block partly padding: the weight
/// is [N, k_blocks * block_size] and A is padded with zeros to that K, so
/// the padding codes contribute nothing.
Values lowerMatMulNBits(OnnxNode &node) {
  ImplicitLocOpBuilder &b = node.b;
  MLIRContext *ctx = b.getContext();
  std::optional<int64_t> kAttr = node.getOptionalInt("K");
  std::optional<int64_t> nAttr = node.getOptionalInt("N");
  std::optional<int64_t> blockAttr = node.getOptionalInt("block_size");
  if (!kAttr || !nAttr || !blockAttr)
    return node.fail("attributes K, N and block_size are required");
  int64_t k = *kAttr, n = *nAttr, blockSize = *blockAttr;
  int64_t bits = node.getInt("bits", 4);
  if (bits < 2 || bits > 8)
    return node.fail("bits must be in [2, 8], got " + Twine(bits));
  if (blockSize < 16 || !llvm::isPowerOf2_64(blockSize))
    return node.fail("block_size must be a power of 2 and >= 16, got " +
                     Twine(blockSize));
  if (k <= 0 || n <= 0)
    return node.fail("K and N must be positive");
  if (node.getInt("weight_prepacked", 0) != 0)
    return node.fail("prepacked weights (weight_prepacked = 1) are a runtime "
                     "layout and are not supported");
  int64_t blocks = llvm::divideCeil(k, blockSize);
  int64_t blobSize = blockSize * bits / 8;
  int64_t paddedK = blocks * blockSize;

  FailureOr<RankedTensorType> aType = node.staticType(0);
  FailureOr<RankedTensorType> bType = node.staticType(1);
  FailureOr<RankedTensorType> scaleType = node.staticType(2);
  if (failed(aType) || failed(bType) || failed(scaleType))
    return failure();
  auto floatType = dyn_cast<FloatType>(aType->getElementType());
  if (!floatType || !isHalfOrSingle(floatType))
    return node.fail(
        "A must be float, float16 or bfloat16, got " +
        onnxTypeName(aType->getElementType(), node.isUnsignedInput(0)));
  if (aType->getRank() < 1 || aType->getShape().back() != k)
    return node.fail("A must be [..., K] with K = " + Twine(k));
  if (!bType->getElementType().isInteger(8) ||
      bType->getShape() != ArrayRef<int64_t>{n, blocks, blobSize})
    return node.fail("B must be uint8 [N, k_blocks, blob_size] = [" + Twine(n) +
                     ", " + Twine(blocks) + ", " + Twine(blobSize) + "]");
  if (!isa<FloatType>(scaleType->getElementType()) ||
      scaleType->getNumElements() != n * blocks || scaleType->getRank() > 2)
    return node.fail("scales must be float [N * k_blocks] or [N, k_blocks] "
                     "with N * k_blocks = " +
                     Twine(n * blocks));

  // Codes: the weight bytes as they are, one packed row per output.
  Value codes = tensor::CollapseShapeOp::create(
      b, RankedTensorType::get({n, blocks * blobSize}, b.getI8Type()),
      node.input(1), SmallVector<ReassociationIndices>{{0}, {1, 2}});
  Value scales = reshapeStatic(b, node.input(2), {n, blocks});

  // Zero points: packed uint8 like B, float, or 2^(bits-1) when absent.
  Value zeroPoints;
  if (node.hasInput(3)) {
    FailureOr<RankedTensorType> zpType = node.staticType(3);
    if (failed(zpType))
      return failure();
    int64_t rowBytes = llvm::divideCeil(blocks * bits, 8);
    if (zpType->getElementType().isInteger(8)) {
      if (zpType->getNumElements() != n * rowBytes || zpType->getRank() > 2)
        return node.fail("packed uint8 zero_points must be [N * " +
                         Twine(rowBytes) +
                         "] (ceil(k_blocks * bits / 8) "
                         "bytes per row), got " +
                         Twine(zpType->getNumElements()) + " elements");
      // Constant zero points (the usual case) are unpacked here, once;
      // others by code at run time.
      if (std::optional<std::vector<char>> bytes = constantBytes(node.input(3))) {
        std::vector<int8_t> unpacked(n * blocks);
        for (int64_t row = 0; row < n; ++row) {
          std::vector<uint8_t> stream(bytes->begin() + row * rowBytes,
                                      bytes->begin() + (row + 1) * rowBytes);
          std::vector<int32_t> zeros = quant::unpackBits(stream, blocks, bits,
                                                         quant::BitOrder::LsbFirst, false);
          std::copy(zeros.begin(), zeros.end(), unpacked.begin() + row * blocks);
        }
        auto type = RankedTensorType::get({n, blocks}, b.getI8Type());
        zeroPoints = arith::ConstantOp::create(
            b, DenseElementsAttr::getFromRawBuffer(
                   type, ArrayRef<char>(reinterpret_cast<const char *>(unpacked.data()),
                                        unpacked.size())));
      } else {
        zeroPoints = unpackRows(b, reshapeStatic(b, node.input(3), {n, rowBytes}),
                                blocks, bits);
      }
    } else if (isa<FloatType>(zpType->getElementType())) {
      if (zpType->getNumElements() != n * blocks || zpType->getRank() > 2)
        return node.fail("float zero_points must have the scales' " +
                         Twine(n * blocks) + " elements");
      zeroPoints = reshapeStatic(b, node.input(3), {n, blocks});
    } else {
      return node.fail(
          "zero_points must be uint8 (packed) or float, got " +
          onnxTypeName(zpType->getElementType(), node.isUnsignedInput(3)));
    }
  } else {
    auto type = RankedTensorType::get({n, blocks}, b.getI8Type());
    zeroPoints = arith::ConstantOp::create(
        b, DenseElementsAttr::get(type, APInt(8, uint64_t(1) << (bits - 1))));
  }

  Value groupIndex;
  if (node.hasInput(4)) {
    FailureOr<RankedTensorType> gType = node.staticType(4);
    if (failed(gType))
      return failure();
    if (!gType->getElementType().isInteger(32) ||
        gType->getShape() != ArrayRef<int64_t>{k})
      return node.fail("g_idx must be int32 [K] = [" + Twine(k) + "]");
    if (std::optional<SmallVector<int64_t>> groups = node.constantInts(4))
      for (int64_t group : *groups)
        if (group < 0 || group >= blocks)
          return node.fail("g_idx holds group " + Twine(group) +
                           ", outside [0, k_blocks = " + Twine(blocks) + ")");
    groupIndex = padWithZeros(b, node.input(4), 0, paddedK);
  }

  Value bias;
  if (node.hasInput(5)) {
    FailureOr<RankedTensorType> biasType = node.staticType(5);
    if (failed(biasType))
      return failure();
    if (biasType->getElementType() != floatType ||
        biasType->getShape() != ArrayRef<int64_t>{n})
      return node.fail("bias must be [N] = [" + Twine(n) + "] of A's type");
    bias = node.input(5);
  }

  auto packing =
      qnt::PackingAttr::get(ctx, bits, qnt::BitOrder::LsbFirst, {}, {});
  auto encoding =
      qnt::UniformAttr::get(ctx, bits, qnt::Signedness::Unsigned,
                            {1, blockSize}, /*zero_point=*/true, packing);
  auto weightType =
      qnt::QTensorType::get(ctx, {n, paddedK}, floatType, encoding);
  Value weight = qnt::UniformOp::create(b, weightType, codes, scales,
                                        zeroPoints, groupIndex);
  Value input = padWithZeros(b, node.input(0), aType->getRank() - 1, paddedK);
  SmallVector<int64_t> resultShape(aType->getShape());
  resultShape.back() = n;
  Value result =
      qnt::MatmulOp::create(b, RankedTensorType::get(resultShape, floatType),
                            input, weight, bias, Value(), qnt::ActQuantAttr());
  return SmallVector<Value>{result};
}

} // namespace

void quench::populateOnnxQuantLowerings(OnnxLoweringSet &set) {
  // Weight-only quantized matmul of ONNX Runtime's quantizer (LLM exports).
  set.add("MatMulNBits", 1, lowerMatMulNBits, "com.microsoft");

  // 13: axis; 19: float8, half scales; 21: block_size, int4/int16;
  // 23: output_dtype (Dequantize), precision (Quantize), float4; 25: int2.
  for (int64_t version : {10, 13, 19, 21, 23, 25}) {
    set.add("DequantizeLinear", version, [version](OnnxNode &node) {
      return lowerDequantizeLinear(node, version);
    });
    set.add("QuantizeLinear", version, [version](OnnxNode &node) {
      return lowerQuantizeLinear(node, version);
    });
  }
  set.add("DynamicQuantizeLinear", 11, lowerDynamicQuantizeLinear);
  set.add("MatMulInteger", 10, lowerMatMulInteger);
  // 21: float16 / bfloat16 scales.
  for (int64_t version : {10, 21})
    set.add("QLinearMatMul", version, [version](OnnxNode &node) {
      return lowerQLinearMatMul(node, version);
    });
}
