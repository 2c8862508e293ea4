//===- OnnxLowering.cpp - the node binder and shared builders -------------===//

#include "OnnxLowering.h"

#include "mlir/IR/Matchers.h"
#include "llvm/ADT/StringExtras.h"

using namespace mlir;
using namespace quench;

//===----------------------------------------------------------------------===//
// OnnxNode
//===----------------------------------------------------------------------===//

bool OnnxNode::hasInput(unsigned i) {
  return i < numInputs() && !isa<NoneType>(input(i).getType());
}

FailureOr<RankedTensorType> OnnxNode::staticType(unsigned i) {
  if (!hasInput(i)) {
    error() << "input " << i << " is required";
    return failure();
  }
  auto type = dyn_cast<RankedTensorType>(input(i).getType());
  if (!type || !type.hasStaticShape()) {
    error() << "input " << i << " has type " << input(i).getType()
            << "; lowering needs static shapes (fix dynamic model inputs "
               "with --input-shape)";
    return failure();
  }
  return type;
}

LogicalResult OnnxNode::staticTypes(SmallVectorImpl<RankedTensorType> &types) {
  for (unsigned i = 0; i < numInputs(); ++i) {
    if (!hasInput(i))
      continue;
    FailureOr<RankedTensorType> type = staticType(i);
    if (failed(type))
      return failure();
    types.push_back(*type);
  }
  return success();
}

DenseElementsAttr OnnxNode::constant(unsigned i) {
  DenseElementsAttr attr;
  if (hasInput(i) && matchPattern(input(i), m_Constant(&attr)))
    return attr;
  return {};
}

std::optional<SmallVector<int64_t>> OnnxNode::constantInts(unsigned i) {
  DenseElementsAttr attr = constant(i);
  if (!attr || !attr.getElementType().isIntOrIndex())
    return std::nullopt;
  bool isUnsignedData = isUnsigned(input(i));
  SmallVector<int64_t> values;
  for (const APInt &value : attr.getValues<APInt>())
    values.push_back(isUnsignedData || value.getBitWidth() == 1
                         ? static_cast<int64_t>(value.getZExtValue())
                         : value.getSExtValue());
  return values;
}

std::optional<SmallVector<double>> OnnxNode::constantDoubles(unsigned i) {
  DenseElementsAttr attr = constant(i);
  if (!attr)
    return std::nullopt;
  SmallVector<double> values;
  if (isa<FloatType>(attr.getElementType())) {
    for (const APFloat &value : attr.getValues<APFloat>())
      values.push_back(value.convertToDouble());
    return values;
  }
  std::optional<SmallVector<int64_t>> ints = constantInts(i);
  if (!ints)
    return std::nullopt;
  for (int64_t value : *ints)
    values.push_back(static_cast<double>(value));
  return values;
}

Attribute OnnxNode::get(StringRef attr) { return op.getAttrs().get(attr); }

int64_t OnnxNode::getInt(StringRef attr, int64_t defaultValue) {
  return getOptionalInt(attr).value_or(defaultValue);
}

std::optional<int64_t> OnnxNode::getOptionalInt(StringRef attr) {
  if (auto value = dyn_cast_or_null<IntegerAttr>(get(attr)))
    return value.getInt();
  return std::nullopt;
}

float OnnxNode::getFloat(StringRef attr, float defaultValue) {
  if (auto value = dyn_cast_or_null<FloatAttr>(get(attr)))
    return value.getValueAsDouble();
  if (auto value = dyn_cast_or_null<IntegerAttr>(get(attr)))
    return static_cast<float>(value.getInt());
  return defaultValue;
}

std::string OnnxNode::getString(StringRef attr, StringRef defaultValue) {
  if (auto value = dyn_cast_or_null<StringAttr>(get(attr)))
    return value.str();
  return defaultValue.str();
}

std::optional<SmallVector<int64_t>> OnnxNode::getInts(StringRef attr) {
  Attribute value = get(attr);
  if (auto array = dyn_cast_or_null<DenseI64ArrayAttr>(value))
    return SmallVector<int64_t>(array.asArrayRef());
  if (auto single = dyn_cast_or_null<IntegerAttr>(value))
    return SmallVector<int64_t>{single.getInt()};
  return std::nullopt;
}

std::optional<SmallVector<float>> OnnxNode::getFloats(StringRef attr) {
  if (auto array = dyn_cast_or_null<DenseF32ArrayAttr>(get(attr)))
    return SmallVector<float>(array.asArrayRef());
  return std::nullopt;
}

ElementsAttr OnnxNode::getTensor(StringRef attr) {
  return dyn_cast_or_null<ElementsAttr>(get(attr));
}

InFlightDiagnostic OnnxNode::error() {
  return op.emitError() << "ONNX node '" << name() << "' (" << opType() << "-"
                        << opset() << "): ";
}

FailureOr<SmallVector<Value>> OnnxNode::fail(const Twine &message) {
  error() << message;
  return failure();
}

FailureOr<int64_t> OnnxNode::normalizeAxis(int64_t axis, int64_t rank) {
  if (rank == 0) {
    error() << "axis " << axis << " is given for a rank-0 (scalar) input";
    return failure();
  }
  if (axis < -rank || axis >= rank) {
    error() << "axis " << axis << " is out of range for rank " << rank;
    return failure();
  }
  return axis < 0 ? axis + rank : axis;
}

//===----------------------------------------------------------------------===//
// Builders
//===----------------------------------------------------------------------===//

FailureOr<SmallVector<int64_t>>
quench::broadcastShapes(ArrayRef<ArrayRef<int64_t>> shapes) {
  size_t rank = 0;
  for (ArrayRef<int64_t> shape : shapes)
    rank = std::max(rank, shape.size());
  SmallVector<int64_t> result(rank, 1);
  for (ArrayRef<int64_t> shape : shapes) {
    size_t offset = rank - shape.size();
    for (auto [i, size] : llvm::enumerate(shape)) {
      int64_t &out = result[offset + i];
      if (size == out || size == 1)
        continue;
      if (out != 1)
        return failure();
      out = size;
    }
  }
  return result;
}

Value quench::emptyTensor(ImplicitLocOpBuilder &b, ArrayRef<int64_t> shape,
                          Type elementType) {
  return tensor::EmptyOp::create(b, shape, elementType);
}

Value quench::scalarConstant(ImplicitLocOpBuilder &b, Type type, double value) {
  if (auto floatType = dyn_cast<FloatType>(type))
    return arith::ConstantOp::create(b, b.getFloatAttr(floatType, value));
  return arith::ConstantOp::create(
      b, b.getIntegerAttr(type, static_cast<int64_t>(value)));
}

Value quench::filledTensor(ImplicitLocOpBuilder &b, ArrayRef<int64_t> shape,
                           Type elementType, double value) {
  Value scalar = scalarConstant(b, elementType, value);
  return linalg::FillOp::create(b, scalar, emptyTensor(b, shape, elementType))
      .getResult(0);
}

Value quench::intTensorConstant(ImplicitLocOpBuilder &b, ArrayRef<int64_t> shape,
                                Type elementType, ArrayRef<int64_t> values) {
  auto type = RankedTensorType::get(shape, elementType);
  unsigned width = elementType.getIntOrFloatBitWidth();
  SmallVector<APInt> bits;
  for (int64_t value : values)
    bits.push_back(APInt(width, static_cast<uint64_t>(value), /*isSigned=*/true,
                         /*implicitTrunc=*/true));
  return arith::ConstantOp::create(b, DenseElementsAttr::get(type, bits));
}

Value quench::buildElementwise(ImplicitLocOpBuilder &b, ValueRange inputs,
                               ArrayRef<int64_t> shape, Type elementType,
                               ScalarFn body) {
  int64_t rank = shape.size();
  SmallVector<AffineMap> maps;
  for (Value input : inputs) {
    auto type = cast<RankedTensorType>(input.getType());
    int64_t offset = rank - type.getRank();
    SmallVector<AffineExpr> exprs;
    for (auto [i, size] : llvm::enumerate(type.getShape())) {
      bool broadcast = size == 1 && shape[offset + i] != 1;
      exprs.push_back(broadcast ? b.getAffineConstantExpr(0)
                                : b.getAffineDimExpr(offset + i));
    }
    maps.push_back(AffineMap::get(rank, 0, exprs, b.getContext()));
  }
  maps.push_back(b.getMultiDimIdentityMap(rank));
  SmallVector<utils::IteratorType> iterators(rank, utils::IteratorType::parallel);
  auto resultType = RankedTensorType::get(shape, elementType);
  auto generic = linalg::GenericOp::create(
      b, TypeRange{resultType}, inputs,
      ValueRange{emptyTensor(b, shape, elementType)}, maps, iterators,
      [&](OpBuilder &nested, Location loc, ValueRange args) {
        ImplicitLocOpBuilder nb(loc, nested);
        linalg::YieldOp::create(nb, body(nb, args.drop_back()));
      });
  return generic.getResult(0);
}

Value quench::castScalar(ImplicitLocOpBuilder &b, Value value, Type to,
                         bool fromUnsigned, bool toUnsigned) {
  Type from = value.getType();
  if (from == to)
    return value;
  auto fromFloat = dyn_cast<FloatType>(from);
  auto toFloat = dyn_cast<FloatType>(to);
  if (to.isInteger(1)) {
    Value zero = scalarConstant(b, from, 0);
    if (fromFloat)
      return arith::CmpFOp::create(b, arith::CmpFPredicate::UNE, value, zero);
    return arith::CmpIOp::create(b, arith::CmpIPredicate::ne, value, zero);
  }
  if (fromFloat && toFloat) {
    if (fromFloat.getWidth() == toFloat.getWidth()) // f16 <-> bf16
      value = arith::ExtFOp::create(b, b.getF32Type(), value);
    if (value.getType() == to)
      return value;
    if (cast<FloatType>(value.getType()).getWidth() < toFloat.getWidth())
      return arith::ExtFOp::create(b, to, value);
    return arith::TruncFOp::create(b, to, value);
  }
  if (fromFloat) {
    if (toUnsigned)
      return arith::FPToUIOp::create(b, to, value);
    return arith::FPToSIOp::create(b, to, value);
  }
  // From an integer (or bool, which is unsigned).
  bool isUnsignedSource = fromUnsigned || from.isInteger(1);
  if (toFloat) {
    if (isUnsignedSource)
      return arith::UIToFPOp::create(b, to, value);
    return arith::SIToFPOp::create(b, to, value);
  }
  unsigned fromWidth = from.getIntOrFloatBitWidth();
  unsigned toWidth = to.getIntOrFloatBitWidth();
  if (fromWidth > toWidth)
    return arith::TruncIOp::create(b, to, value);
  if (isUnsignedSource)
    return arith::ExtUIOp::create(b, to, value);
  return arith::ExtSIOp::create(b, to, value);
}

//===----------------------------------------------------------------------===//
// Element categories
//===----------------------------------------------------------------------===//

unsigned quench::elementKindOf(Type type, bool isUnsigned) {
  if (type.isF16() || type.isBF16() || type.isF32() || type.isF64())
    return kFloat;
  if (type.isSignlessInteger(1))
    return kBool;
  for (unsigned width : {8, 16, 32, 64})
    if (type.isSignlessInteger(width))
      return isUnsigned ? kUnsigned : kSigned;
  return 0;
}

std::string quench::elementKindsText(unsigned kinds) {
  SmallVector<StringRef> parts;
  if (kinds & kFloat)
    parts.push_back("float");
  if ((kinds & kInt) == kInt)
    parts.push_back("integer");
  else if (kinds & kSigned)
    parts.push_back("signed integer");
  else if (kinds & kUnsigned)
    parts.push_back("unsigned integer");
  if (kinds & kBool)
    parts.push_back("bool");
  if (parts.size() == 1)
    return parts.front().str();
  return llvm::join(ArrayRef<StringRef>(parts).drop_back(), ", ") + " or " +
         parts.back().str();
}

std::string quench::elementTypeText(Type type, bool isUnsigned) {
  if (isUnsigned)
    return "ui" + std::to_string(type.getIntOrFloatBitWidth());
  std::string text;
  llvm::raw_string_ostream os(text);
  os << type;
  return text;
}

FailureOr<RankedTensorType> quench::kindCheckedInput(OnnxNode &node,
                                                     unsigned i,
                                                     unsigned kinds) {
  FailureOr<RankedTensorType> type = node.staticType(i);
  if (failed(type))
    return failure();
  Type element = type->getElementType();
  bool isUnsigned = node.isUnsignedInput(i);
  if (!(elementKindOf(element, isUnsigned) & kinds)) {
    node.error() << "input " << i << " has element type "
                 << elementTypeText(element, isUnsigned) << "; "
                 << node.opType() << " takes " << elementKindsText(kinds)
                 << " tensors";
    return failure();
  }
  return type;
}

Type quench::signlessElementType(Type type) {
  if (auto integer = dyn_cast<IntegerType>(type))
    if (!integer.isSignless())
      return IntegerType::get(type.getContext(), integer.getWidth());
  return type;
}

int64_t quench::rangeCount(int64_t start, int64_t limit, int64_t delta) {
  // 128-bit: limit - start overflows int64 for ranges spanning it.
  __int128 span = static_cast<__int128>(limit) - start;
  __int128 step = delta;
  __int128 count = step > 0 ? (span > 0 ? (span - 1) / step + 1 : 0)
                            : (span < 0 ? (-span - 1) / -step + 1 : 0);
  return static_cast<int64_t>(count);
}

std::optional<std::pair<Type, bool>> quench::onnxElementType(MLIRContext *ctx,
                                                             int64_t code) {
  Builder b(ctx);
  switch (code) {
  case 1:
    return std::pair<Type, bool>{b.getF32Type(), false};
  case 2:
    return std::pair<Type, bool>{b.getI8Type(), true};
  case 3:
    return std::pair<Type, bool>{b.getI8Type(), false};
  case 4:
    return std::pair<Type, bool>{b.getI16Type(), true};
  case 5:
    return std::pair<Type, bool>{b.getI16Type(), false};
  case 6:
    return std::pair<Type, bool>{b.getI32Type(), false};
  case 7:
    return std::pair<Type, bool>{b.getI64Type(), false};
  case 9:
    return std::pair<Type, bool>{b.getI1Type(), false};
  case 10:
    return std::pair<Type, bool>{b.getF16Type(), false};
  case 11:
    return std::pair<Type, bool>{b.getF64Type(), false};
  case 12:
    return std::pair<Type, bool>{b.getI32Type(), true};
  case 13:
    return std::pair<Type, bool>{b.getI64Type(), true};
  case 16:
    return std::pair<Type, bool>{b.getBF16Type(), false};
  default:
    return std::nullopt;
  }
}
