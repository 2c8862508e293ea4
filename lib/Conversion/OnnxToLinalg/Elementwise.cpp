//===- Elementwise.cpp - ONNX element-wise ops ----------------------------===//
//
// Each node becomes one linalg.generic over its inputs broadcast with numpy
// rules (buildElementwise). The ONNX element type's category -- float,
// signed or unsigned integer, bool -- picks the scalar op (divsi or divui,
// cmpf or cmpi...) and is checked against the op's type constraints.
//
//===----------------------------------------------------------------------===//

#include "OnnxLowering.h"

#include "mlir/Dialect/SCF/IR/SCF.h"
#include "llvm/ADT/StringExtras.h"

#include <cmath>
#include <limits>

using namespace mlir;
using namespace quench;

namespace {

//===----------------------------------------------------------------------===//
// Binding inputs
//===----------------------------------------------------------------------===//

std::string shapeText(ArrayRef<int64_t> shape) {
  return "[" +
         llvm::join(
             llvm::map_range(shape,
                             [](int64_t size) { return std::to_string(size); }),
             ", ") +
         "]";
}

/// The numpy broadcast of the shapes of inputs `indices`.
FailureOr<SmallVector<int64_t>> broadcastInputs(OnnxNode &node,
                                                ArrayRef<unsigned> indices) {
  SmallVector<ArrayRef<int64_t>> shapes;
  for (unsigned i : indices)
    shapes.push_back(
        cast<RankedTensorType>(node.input(i).getType()).getShape());
  FailureOr<SmallVector<int64_t>> shape = broadcastShapes(shapes);
  if (failed(shape)) {
    InFlightDiagnostic diag = node.error() << "input shapes ";
    llvm::interleaveComma(shapes, diag,
                          [&](ArrayRef<int64_t> s) { diag << shapeText(s); });
    diag << " do not broadcast";
    return failure();
  }
  return shape;
}

/// Inputs of an element-wise node that share one element type.
struct Operands {
  SmallVector<Value> values;
  SmallVector<int64_t> shape;
  Type elementType;
  unsigned kind = 0;
  bool isUnsigned() const { return kind == kUnsigned; }
};

/// Binds inputs `indices`: static, of one element type (and signedness) in
/// the categories `kinds`, with broadcastable shapes.
FailureOr<Operands> bindSameType(OnnxNode &node, ArrayRef<unsigned> indices,
                                 unsigned kinds) {
  Operands operands;
  for (unsigned i : indices) {
    FailureOr<RankedTensorType> type = kindCheckedInput(node, i, kinds);
    if (failed(type))
      return failure();
    Type element = type->getElementType();
    unsigned kind = elementKindOf(element, node.isUnsignedInput(i));
    if (operands.values.empty()) {
      operands.elementType = element;
      operands.kind = kind;
    } else if (element != operands.elementType || kind != operands.kind) {
      node.error() << "input " << i << " has element type "
                   << elementTypeText(element, kind == kUnsigned) << " but input "
                   << indices.front() << " has "
                   << elementTypeText(operands.elementType, operands.isUnsigned());
      return failure();
    }
    operands.values.push_back(node.input(i));
  }
  FailureOr<SmallVector<int64_t>> shape = broadcastInputs(node, indices);
  if (failed(shape))
    return failure();
  operands.shape = std::move(*shape);
  return operands;
}

SmallVector<unsigned> allInputs(OnnxNode &node) {
  return llvm::to_vector(llvm::seq<unsigned>(0, node.numInputs()));
}

using KindBody =
    function_ref<Value(ImplicitLocOpBuilder &, ValueRange, unsigned kind)>;

/// An element-wise node over inputs of one type. The result has that type
/// (and signedness), or `resultType` when given (i1 for comparisons).
FailureOr<SmallVector<Value>> lowerSameType(OnnxNode &node,
                                            ArrayRef<unsigned> indices,
                                            unsigned kinds, KindBody body,
                                            Type resultType = {}) {
  FailureOr<Operands> operands = bindSameType(node, indices, kinds);
  if (failed(operands))
    return failure();
  Type elementType = resultType ? resultType : operands->elementType;
  Value result =
      buildElementwise(node.b, operands->values, operands->shape, elementType,
                       [&](ImplicitLocOpBuilder &b, ValueRange args) {
                         return body(b, args, operands->kind);
                       });
  if (!resultType && operands->isUnsigned())
    node.markUnsigned(result);
  return SmallVector<Value>{result};
}

using UnaryBody =
    std::function<Value(ImplicitLocOpBuilder &, Value, unsigned kind)>;

/// A lowering of a one-input op whose result has the input's type.
OnnxLowering unary(unsigned kinds, UnaryBody body) {
  return [kinds, body](OnnxNode &node) {
    return lowerSameType(node, {0}, kinds,
                         [&](ImplicitLocOpBuilder &b, ValueRange args,
                             unsigned kind) { return body(b, args[0], kind); });
  };
}

template <typename MathOp> OnnxLowering unaryFloat() {
  return unary(kFloat, [](ImplicitLocOpBuilder &b, Value x, unsigned) -> Value {
    return MathOp::create(b, x);
  });
}

Value constantLike(ImplicitLocOpBuilder &b, Value like, double value) {
  return scalarConstant(b, like.getType(), value);
}

//===----------------------------------------------------------------------===//
// Scalar ops by category
//===----------------------------------------------------------------------===//

/// `x < 0`, for any category (never true for unsigned data).
Value isNegative(ImplicitLocOpBuilder &b, Value x, unsigned kind) {
  Value zero = constantLike(b, x, 0);
  if (kind == kFloat)
    return arith::CmpFOp::create(b, arith::CmpFPredicate::OLT, x, zero);
  if (kind == kSigned)
    return arith::CmpIOp::create(b, arith::CmpIPredicate::slt, x, zero);
  return arith::ConstantOp::create(b, b.getBoolAttr(false));
}

//===----------------------------------------------------------------------===//
// Arithmetic
//===----------------------------------------------------------------------===//

template <typename FloatOp, typename SignedOp, typename UnsignedOp = SignedOp>
OnnxLowering binaryArith() {
  return [](OnnxNode &node) {
    return lowerSameType(
        node, {0, 1}, kNumeric,
        [](ImplicitLocOpBuilder &b, ValueRange args, unsigned kind) {
          return binaryByKind<FloatOp, SignedOp, UnsignedOp>(b, args[0],
                                                             args[1], kind);
        });
  };
}

/// Integer `base ** exponent`, wrapping like numpy: square-and-multiply over
/// the exponent's bits. A negative exponent gives 1 / base**|exponent|
/// truncated toward zero, as the double-based runtimes do: 1 for base 1,
/// +-1 for base -1 and 0 otherwise.
Value integerPow(ImplicitLocOpBuilder &b, Value base, Value exponent,
                 bool baseSigned, bool exponentSigned) {
  Type type = base.getType(), exponentType = exponent.getType();
  Value one = constantLike(b, base, 1);
  Value expZero = constantLike(b, exponent, 0);
  Value expOne = constantLike(b, exponent, 1);
  Value original = exponent, negative;
  if (exponentSigned) {
    negative =
        arith::CmpIOp::create(b, arith::CmpIPredicate::slt, exponent, expZero);
    exponent = arith::SelectOp::create(b, negative, expZero, exponent);
  }
  auto loop = scf::WhileOp::create(
      b, TypeRange{type, type, exponentType}, ValueRange{one, base, exponent},
      [&](OpBuilder &nested, Location loc, ValueRange args) {
        ImplicitLocOpBuilder nb(loc, nested);
        Value more = arith::CmpIOp::create(nb, arith::CmpIPredicate::ne,
                                           args[2], expZero);
        scf::ConditionOp::create(nb, more, args);
      },
      [&](OpBuilder &nested, Location loc, ValueRange args) {
        ImplicitLocOpBuilder nb(loc, nested);
        Value result = args[0], power = args[1], rest = args[2];
        Value bit = arith::AndIOp::create(nb, rest, expOne);
        Value odd =
            arith::CmpIOp::create(nb, arith::CmpIPredicate::ne, bit, expZero);
        Value product = arith::MulIOp::create(nb, result, power);
        result = arith::SelectOp::create(nb, odd, product, result);
        power = arith::MulIOp::create(nb, power, power);
        rest = arith::ShRUIOp::create(nb, rest, expOne);
        scf::YieldOp::create(nb, ValueRange{result, power, rest});
      });
  Value result = loop.getResult(0);
  if (!exponentSigned)
    return result;
  // base ** -n for n > 0.
  Value zero = constantLike(b, base, 0);
  Value isOne = arith::CmpIOp::create(b, arith::CmpIPredicate::eq, base, one);
  Value reciprocal = arith::SelectOp::create(b, isOne, one, zero);
  if (baseSigned) {
    Value minusOne = constantLike(b, base, -1);
    Value isMinusOne =
        arith::CmpIOp::create(b, arith::CmpIPredicate::eq, base, minusOne);
    Value odd = arith::CmpIOp::create(
        b, arith::CmpIPredicate::ne, arith::AndIOp::create(b, original, expOne),
        expZero);
    Value signedOne = arith::SelectOp::create(b, odd, minusOne, one);
    reciprocal = arith::SelectOp::create(b, isMinusOne, signedOne, reciprocal);
  }
  return arith::SelectOp::create(b, negative, reciprocal, result);
}

/// Pow: the result has the base's type. Float bases use powf with the
/// exponent converted to the base type; integer bases with an integer
/// exponent multiply exactly; integer bases with a float exponent go
/// through f64 and truncate.
FailureOr<SmallVector<Value>> lowerPow(OnnxNode &node) {
  FailureOr<RankedTensorType> baseType = kindCheckedInput(node, 0, kNumeric);
  FailureOr<RankedTensorType> exponentType = kindCheckedInput(node, 1, kNumeric);
  if (failed(baseType) || failed(exponentType))
    return failure();
  FailureOr<SmallVector<int64_t>> shape = broadcastInputs(node, {0, 1});
  if (failed(shape))
    return failure();
  Type base = baseType->getElementType(),
       exponent = exponentType->getElementType();
  bool baseUnsigned = node.isUnsignedInput(0);
  bool exponentUnsigned = node.isUnsignedInput(1);
  bool floatBase = isa<FloatType>(base),
       floatExponent = isa<FloatType>(exponent);

  Value result;
  std::optional<SmallVector<double>> constantExponent = node.constantDoubles(1);
  if (floatBase && constantExponent && !constantExponent->empty() &&
      llvm::all_of(*constantExponent, [](double e) { return e == 2.0; }) &&
      ArrayRef<int64_t>(*shape) == baseType->getShape()) {
    // x ** 2 (RMSNorm's square), exactly and without a pow call.
    result = buildElementwise(
        node.b, {node.input(0)}, *shape, base,
        [](ImplicitLocOpBuilder &b, ValueRange args) {
          return arith::MulFOp::create(b, args[0], args[0]).getResult();
        });
  } else {
    result = buildElementwise(
        node.b, {node.input(0), node.input(1)}, *shape, base,
        [&](ImplicitLocOpBuilder &b, ValueRange args) -> Value {
          Value x = args[0], e = args[1];
          if (floatBase) {
            e = castScalar(b, e, base, exponentUnsigned, false);
            return math::PowFOp::create(b, x, e);
          }
          if (!floatExponent)
            return integerPow(b, x, e, !baseUnsigned, !exponentUnsigned);
          Type f64 = b.getF64Type();
          Value wideBase = castScalar(b, x, f64, baseUnsigned, false);
          Value wideExponent = castScalar(b, e, f64, false, false);
          Value power = math::PowFOp::create(b, wideBase, wideExponent);
          return castScalar(b, power, base, false, baseUnsigned);
        });
  }
  if (baseUnsigned)
    node.markUnsigned(result);
  return SmallVector<Value>{result};
}

/// Mod: fmod = 0 takes the divisor's sign (integers only), fmod = 1 the
/// dividend's (C fmod; required for floats).
FailureOr<SmallVector<Value>> lowerMod(OnnxNode &node) {
  bool cFmod = node.getInt("fmod", 0) != 0;
  FailureOr<RankedTensorType> type = node.staticType(0);
  if (failed(type))
    return failure();
  if (isa<FloatType>(type->getElementType()) && !cFmod)
    return node.fail("fmod must be 1 for float inputs");
  return lowerSameType(
      node, {0, 1}, kNumeric,
      [&](ImplicitLocOpBuilder &b, ValueRange args, unsigned kind) -> Value {
        Value lhs = args[0], rhs = args[1];
        if (kind == kFloat)
          return arith::RemFOp::create(b, lhs, rhs);
        if (kind == kUnsigned)
          return arith::RemUIOp::create(b, lhs, rhs);
        Value rem = arith::RemSIOp::create(b, lhs, rhs);
        if (cFmod)
          return rem;
        // Floor modulo: move a nonzero remainder to the divisor's sign.
        Value zero = constantLike(b, rem, 0);
        Value nonzero =
            arith::CmpIOp::create(b, arith::CmpIPredicate::ne, rem, zero);
        Value remNegative =
            arith::CmpIOp::create(b, arith::CmpIPredicate::slt, rem, zero);
        Value rhsNegative =
            arith::CmpIOp::create(b, arith::CmpIPredicate::slt, rhs, zero);
        Value signsDiffer = arith::XOrIOp::create(b, remNegative, rhsNegative);
        Value adjust = arith::AndIOp::create(b, nonzero, signsDiffer);
        return arith::SelectOp::create(b, adjust,
                                       arith::AddIOp::create(b, rem, rhs), rem);
      });
}

/// Sum, Max, Min: a left fold over any number of broadcast inputs.
OnnxLowering variadic(unsigned kinds,
                      Value (*combine)(ImplicitLocOpBuilder &, Value, Value,
                                       unsigned)) {
  return [kinds, combine](OnnxNode &node) -> FailureOr<SmallVector<Value>> {
    if (node.numInputs() == 0)
      return node.fail("expects at least one input");
    if (node.numInputs() == 1) {
      if (failed(kindCheckedInput(node, 0, kinds)))
        return failure();
      return SmallVector<Value>{node.input(0)};
    }
    return lowerSameType(
        node, allInputs(node), kinds,
        [&](ImplicitLocOpBuilder &b, ValueRange args, unsigned kind) {
          Value result = args[0];
          for (Value arg : args.drop_front())
            result = combine(b, result, arg, kind);
          return result;
        });
  };
}

FailureOr<SmallVector<Value>> lowerMean(OnnxNode &node) {
  if (node.numInputs() == 0)
    return node.fail("expects at least one input");
  if (node.numInputs() == 1) {
    if (failed(kindCheckedInput(node, 0, kFloat)))
      return failure();
    return SmallVector<Value>{node.input(0)};
  }
  double count = node.numInputs();
  return lowerSameType(node, allInputs(node), kFloat,
                       [&](ImplicitLocOpBuilder &b, ValueRange args, unsigned) {
                         Value sum = args[0];
                         for (Value arg : args.drop_front())
                           sum = arith::AddFOp::create(b, sum, arg);
                         return arith::DivFOp::create(
                                    b, sum, constantLike(b, sum, count))
                             .getResult();
                       });
}

//===----------------------------------------------------------------------===//
// Comparison, logic and selection
//===----------------------------------------------------------------------===//

OnnxLowering compare(unsigned kinds, arith::CmpFPredicate floatPredicate,
                     arith::CmpIPredicate signedPredicate,
                     arith::CmpIPredicate unsignedPredicate) {
  return [=](OnnxNode &node) {
    return lowerSameType(
        node, {0, 1}, kinds,
        [&](ImplicitLocOpBuilder &b, ValueRange args, unsigned kind) -> Value {
          if (kind == kFloat) // ordered: false when either is NaN
            return arith::CmpFOp::create(b, floatPredicate, args[0], args[1]);
          return arith::CmpIOp::create(
              b, kind == kSigned ? signedPredicate : unsignedPredicate, args[0],
              args[1]);
        },
        node.b.getI1Type());
  };
}

template <typename Op> OnnxLowering binaryLogic() {
  return [](OnnxNode &node) {
    return lowerSameType(
        node, {0, 1}, kBool,
        [](ImplicitLocOpBuilder &b, ValueRange args, unsigned) -> Value {
          return Op::create(b, args[0], args[1]);
        });
  };
}

FailureOr<SmallVector<Value>> lowerWhere(OnnxNode &node) {
  if (failed(kindCheckedInput(node, 0, kBool)))
    return failure();
  FailureOr<Operands> operands = bindSameType(node, {1, 2}, kAny);
  if (failed(operands))
    return failure();
  FailureOr<SmallVector<int64_t>> shape = broadcastInputs(node, {0, 1, 2});
  if (failed(shape))
    return failure();
  Value result = buildElementwise(
      node.b, {node.input(0), node.input(1), node.input(2)}, *shape,
      operands->elementType, [](ImplicitLocOpBuilder &b, ValueRange args) {
        return arith::SelectOp::create(b, args[0], args[1], args[2])
            .getResult();
      });
  if (operands->isUnsigned())
    node.markUnsigned(result);
  return SmallVector<Value>{result};
}

//===----------------------------------------------------------------------===//
// Cast
//===----------------------------------------------------------------------===//

/// ONNX TensorProto.DataType names, by code.
StringRef dataTypeName(int64_t code) {
  static const char *const names[] = {
      "UNDEFINED",      "FLOAT",        "UINT8",          "INT8",
      "UINT16",         "INT16",        "INT32",          "INT64",
      "STRING",         "BOOL",         "FLOAT16",        "DOUBLE",
      "UINT32",         "UINT64",       "COMPLEX64",      "COMPLEX128",
      "BFLOAT16",       "FLOAT8E4M3FN", "FLOAT8E4M3FNUZ", "FLOAT8E5M2",
      "FLOAT8E5M2FNUZ", "UINT4",        "INT4",           "FLOAT4E2M1"};
  if (code < 0 || code >= static_cast<int64_t>(std::size(names)))
    return "";
  return names[code];
}


/// Converts input 0 element by element (castScalar has the ONNX rules).
FailureOr<SmallVector<Value>> lowerCastTo(OnnxNode &node, Type to,
                                          bool toUnsigned) {
  FailureOr<RankedTensorType> type = kindCheckedInput(node, 0, kAny);
  if (failed(type))
    return failure();
  bool fromUnsigned = node.isUnsignedInput(0);
  if (type->getElementType() == to && fromUnsigned == toUnsigned)
    return SmallVector<Value>{node.input(0)};
  // Same bits, other signedness: still a new value, so that only the result
  // is marked.
  Value result = buildElementwise(
      node.b, {node.input(0)}, type->getShape(), to,
      [&](ImplicitLocOpBuilder &b, ValueRange args) {
        return castScalar(b, args[0], to, fromUnsigned, toUnsigned);
      });
  if (toUnsigned)
    node.markUnsigned(result);
  return SmallVector<Value>{result};
}

/// Cast-1 names the type ("FLOAT"); Cast-6 on gives its code.
FailureOr<SmallVector<Value>> lowerCast(OnnxNode &node) {
  int64_t code = -1;
  if (std::optional<int64_t> value = node.getOptionalInt("to")) {
    code = *value;
  } else if (node.hasAttr("to")) {
    std::string name = StringRef(node.getString("to", "")).upper();
    for (int64_t i = 0; !dataTypeName(i).empty(); ++i)
      if (dataTypeName(i) == name)
        code = i;
    if (code < 0)
      return node.fail("unknown data type '" + name + "' in 'to'");
  } else {
    return node.fail("needs the 'to' attribute");
  }
  std::optional<std::pair<Type, bool>> to =
      onnxElementType(node.b.getContext(), code);
  if (!to) {
    StringRef name = dataTypeName(code);
    return node.fail("cast to ONNX data type " + Twine(code) +
                     (name.empty() ? "" : " (" + name + ")") +
                     " is not supported");
  }
  return lowerCastTo(node, to->first, to->second);
}

FailureOr<SmallVector<Value>> lowerCastLike(OnnxNode &node) {
  FailureOr<RankedTensorType> target = kindCheckedInput(node, 1, kAny);
  if (failed(target))
    return failure();
  return lowerCastTo(node, target->getElementType(), node.isUnsignedInput(1));
}

//===----------------------------------------------------------------------===//
// Clip
//===----------------------------------------------------------------------===//

/// Clip-1 and Clip-6: float bounds in attributes. Clip-6 defaults them to
/// the float range (so infinities become +-FLT_MAX); in Clip-1 an absent
/// bound does not clip.
FailureOr<SmallVector<Value>> lowerClipAttributes(OnnxNode &node) {
  std::optional<double> low, high;
  if (node.hasAttr("min") || node.opset() >= 6)
    low = node.getFloat("min", std::numeric_limits<float>::lowest());
  if (node.hasAttr("max") || node.opset() >= 6)
    high = node.getFloat("max", std::numeric_limits<float>::max());
  return lowerSameType(
      node, {0}, kFloat,
      [&](ImplicitLocOpBuilder &b, ValueRange args, unsigned kind) {
        Value x = args[0];
        if (low)
          x = maxScalar(b, x, constantLike(b, x, *low), kind);
        if (high)
          x = minScalar(b, x, constantLike(b, x, *high), kind);
        return x;
      });
}

/// Clip-11 on: optional scalar `min` and `max` inputs of the input's type.
FailureOr<SmallVector<Value>> lowerClipInputs(OnnxNode &node) {
  FailureOr<RankedTensorType> type = kindCheckedInput(node, 0, kNumeric);
  if (failed(type))
    return failure();
  SmallVector<unsigned> indices{0};
  for (unsigned i : {1u, 2u}) {
    if (!node.hasInput(i))
      continue;
    FailureOr<RankedTensorType> bound = node.staticType(i);
    if (failed(bound))
      return failure();
    if (bound->getNumElements() != 1)
      return node.fail("input " + Twine(i) + " (" + (i == 1 ? "min" : "max") +
                       ") must be a scalar, not of shape " +
                       shapeText(bound->getShape()));
    indices.push_back(i);
  }
  FailureOr<Operands> operands = bindSameType(node, indices, kNumeric);
  if (failed(operands))
    return failure();
  // A one-element bound of rank 1 must not change the result's shape.
  for (Value &value : llvm::drop_begin(operands->values)) {
    auto boundType = cast<RankedTensorType>(value.getType());
    if (boundType.getRank() > 0)
      value = tensor::CollapseShapeOp::create(
          node.b, RankedTensorType::get({}, boundType.getElementType()), value,
          ArrayRef<ReassociationIndices>{});
  }
  bool hasMin = node.hasInput(1), hasMax = node.hasInput(2);
  Value result = buildElementwise(
      node.b, operands->values, type->getShape(), operands->elementType,
      [&](ImplicitLocOpBuilder &b, ValueRange args) {
        Value x = args[0];
        unsigned next = 1;
        if (hasMin)
          x = maxScalar(b, x, args[next++], operands->kind);
        if (hasMax)
          x = minScalar(b, x, args[next], operands->kind);
        return x;
      });
  if (operands->isUnsigned())
    node.markUnsigned(result);
  return SmallVector<Value>{result};
}

//===----------------------------------------------------------------------===//
// Activations
//===----------------------------------------------------------------------===//

/// PRelu-7 on: `slope` broadcasts to the input's shape (one way only).
FailureOr<SmallVector<Value>> lowerPRelu(OnnxNode &node) {
  FailureOr<Operands> operands = bindSameType(node, {0, 1}, kNumeric);
  if (failed(operands))
    return failure();
  ArrayRef<int64_t> shape =
      cast<RankedTensorType>(node.input(0).getType()).getShape();
  if (ArrayRef<int64_t>(operands->shape) != shape)
    return node.fail(
        "slope of shape " +
        shapeText(cast<RankedTensorType>(node.input(1).getType()).getShape()) +
        " does not broadcast to the input shape " + shapeText(shape));
  Value result =
      buildElementwise(node.b, operands->values, shape, operands->elementType,
                       [&](ImplicitLocOpBuilder &b, ValueRange args) {
                         Value x = args[0];
                         return arith::SelectOp::create(
                                    b, isNegative(b, x, operands->kind),
                                    mulScalar(b, args[1], x, operands->kind), x)
                             .getResult();
                       });
  if (operands->isUnsigned())
    node.markUnsigned(result);
  return SmallVector<Value>{result};
}

FailureOr<SmallVector<Value>> lowerGelu(OnnxNode &node) {
  std::string approximate = node.getString("approximate", "none");
  if (approximate != "none" && approximate != "tanh")
    return node.fail("approximate must be 'none' or 'tanh', not '" +
                     approximate + "'");
  bool useTanh = approximate == "tanh";
  return lowerSameType(
      node, {0}, kFloat,
      [&](ImplicitLocOpBuilder &b, ValueRange args, unsigned) {
        Value x = args[0];
        Value inner;
        if (useTanh) {
          // tanh(sqrt(2 / pi) * (x + 0.044715 * x^3))
          Value cube =
              arith::MulFOp::create(b, x, arith::MulFOp::create(b, x, x));
          Value poly = arith::AddFOp::create(
              b, x,
              arith::MulFOp::create(b, constantLike(b, x, 0.044715), cube));
          inner = math::TanhOp::create(
              b, arith::MulFOp::create(
                     b, constantLike(b, x, std::sqrt(2.0 / M_PI)), poly));
        } else {
          // erf(x / sqrt(2))
          inner = math::ErfOp::create(
              b, arith::MulFOp::create(b, x, constantLike(b, x, M_SQRT1_2)));
        }
        Value onePlus = arith::AddFOp::create(b, constantLike(b, x, 1), inner);
        Value half = arith::MulFOp::create(b, constantLike(b, x, 0.5), x);
        return arith::MulFOp::create(b, half, onePlus).getResult();
      });
}

FailureOr<SmallVector<Value>> lowerIsInf(OnnxNode &node) {
  bool negative = node.getInt("detect_negative", 1) != 0;
  bool positive = node.getInt("detect_positive", 1) != 0;
  return lowerSameType(
      node, {0}, kFloat,
      [&](ImplicitLocOpBuilder &b, ValueRange args, unsigned) -> Value {
        Value x = args[0];
        auto type = cast<FloatType>(x.getType());
        Value result = arith::ConstantOp::create(b, b.getBoolAttr(false));
        for (bool sign : {false, true}) {
          if (!(sign ? negative : positive))
            continue;
          Value inf = arith::ConstantOp::create(
              b, b.getFloatAttr(
                     type, APFloat::getInf(type.getFloatSemantics(), sign)));
          result = arith::OrIOp::create(
              b, result,
              arith::CmpFOp::create(b, arith::CmpFPredicate::OEQ, x, inf));
        }
        return result;
      },
      node.b.getI1Type());
}

void populateActivations(OnnxLoweringSet &set) {
  set.add("Relu", 1,
          unary(kFloat | kSigned,
                [](ImplicitLocOpBuilder &b, Value x, unsigned kind) {
                  return maxScalar(b, x, constantLike(b, x, 0), kind);
                }));
  set.add("LeakyRelu", 1, [](OnnxNode &node) {
    double alpha = node.getFloat("alpha", 0.01f);
    return lowerSameType(
        node, {0}, kFloat,
        [&](ImplicitLocOpBuilder &b, ValueRange args, unsigned kind) {
          Value x = args[0];
          Value scaled = arith::MulFOp::create(b, constantLike(b, x, alpha), x);
          return arith::SelectOp::create(b, isNegative(b, x, kind), scaled, x)
              .getResult();
        });
  });
  set.add("PRelu", 7, lowerPRelu);
  set.add(
      "Sigmoid", 1,
      unary(kFloat, [](ImplicitLocOpBuilder &b, Value x, unsigned) -> Value {
        // 1 / (1 + exp(-x)): exp overflows to inf for very negative x,
        // giving exactly 0.
        Value one = constantLike(b, x, 1);
        Value e = math::ExpOp::create(b, arith::NegFOp::create(b, x));
        return arith::DivFOp::create(b, one, arith::AddFOp::create(b, one, e));
      }));
  set.add("HardSigmoid", 1, [](OnnxNode &node) {
    double alpha = node.getFloat("alpha", 0.2f);
    double beta = node.getFloat("beta", 0.5f);
    return lowerSameType(
        node, {0}, kFloat,
        [&](ImplicitLocOpBuilder &b, ValueRange args, unsigned kind) {
          Value x = args[0];
          Value y = arith::AddFOp::create(
              b, arith::MulFOp::create(b, constantLike(b, x, alpha), x),
              constantLike(b, x, beta));
          y = minScalar(b, y, constantLike(b, x, 1), kind);
          return maxScalar(b, y, constantLike(b, x, 0), kind);
        });
  });
  set.add(
      "Softplus", 1,
      unary(kFloat, [](ImplicitLocOpBuilder &b, Value x, unsigned) -> Value {
        // log(exp(x) + 1) = max(x, 0) + log1p(exp(-|x|)), which neither
        // overflows nor loses small values.
        Value zero = constantLike(b, x, 0);
        Value positive = arith::MaximumFOp::create(b, x, zero);
        Value tail = math::Log1pOp::create(
            b, math::ExpOp::create(
                   b, arith::NegFOp::create(b, math::AbsFOp::create(b, x))));
        return arith::AddFOp::create(b, positive, tail);
      }));
  set.add("Elu", 1, [](OnnxNode &node) {
    double alpha = node.getFloat("alpha", 1.0f);
    return lowerSameType(
        node, {0}, kFloat,
        [&](ImplicitLocOpBuilder &b, ValueRange args, unsigned kind) {
          Value x = args[0];
          Value negative = arith::MulFOp::create(b, constantLike(b, x, alpha),
                                                 math::ExpM1Op::create(b, x));
          return arith::SelectOp::create(b, isNegative(b, x, kind), negative, x)
              .getResult();
        });
  });
  set.add("Selu", 1, [](OnnxNode &node) {
    double alpha = node.getFloat("alpha", 1.67326319217681884765625f);
    double gamma = node.getFloat("gamma", 1.05070102214813232421875f);
    return lowerSameType(
        node, {0}, kFloat,
        [&](ImplicitLocOpBuilder &b, ValueRange args, unsigned) {
          Value x = args[0];
          Value alphaValue = constantLike(b, x, alpha);
          Value negative = arith::SubFOp::create(
              b,
              arith::MulFOp::create(b, alphaValue, math::ExpOp::create(b, x)),
              alphaValue);
          Value positive = arith::CmpFOp::create(b, arith::CmpFPredicate::OGT,
                                                 x, constantLike(b, x, 0));
          Value y = arith::SelectOp::create(b, positive, x, negative);
          return arith::MulFOp::create(b, constantLike(b, x, gamma), y)
              .getResult();
        });
  });
  set.add("Gelu", 20, lowerGelu);
}

} // namespace

void quench::populateOnnxElementwiseLowerings(OnnxLoweringSet &set) {
  // Arithmetic. Opsets 1 and 6 had the legacy `broadcast` attribute.
  set.add("Add", 7, binaryArith<arith::AddFOp, arith::AddIOp>());
  set.add("Sub", 7, binaryArith<arith::SubFOp, arith::SubIOp>());
  set.add("Mul", 7, binaryArith<arith::MulFOp, arith::MulIOp>());
  // Integer division truncates toward zero.
  set.add("Div", 7,
          binaryArith<arith::DivFOp, arith::DivSIOp, arith::DivUIOp>());
  set.add("Pow", 7, lowerPow);
  set.add("Mod", 10, lowerMod);
  // Sum, Mean, Max and Min broadcast since opset 8; before that the inputs
  // had one shape, which broadcasting handles alike.
  set.add("Sum", 1, variadic(kFloat, addScalar));
  set.add("Mean", 1, lowerMean);
  set.add("Max", 1, variadic(kNumeric, maxScalar));
  set.add("Min", 1, variadic(kNumeric, minScalar));
  set.add("Clip", 1, lowerClipAttributes);
  set.add("Clip", 11, lowerClipInputs);

  // Unary math. The opset-1 forms differ only by the ignored
  // `consumed_inputs` attribute.
  set.add("Neg", 1,
          unary(kFloat | kSigned,
                [](ImplicitLocOpBuilder &b, Value x, unsigned kind) -> Value {
                  if (kind == kFloat)
                    return arith::NegFOp::create(b, x);
                  return arith::SubIOp::create(b, constantLike(b, x, 0), x);
                }));
  set.add("Abs", 1,
          unary(kNumeric,
                [](ImplicitLocOpBuilder &b, Value x, unsigned kind) -> Value {
                  if (kind == kFloat)
                    return math::AbsFOp::create(b, x);
                  if (kind == kSigned)
                    return math::AbsIOp::create(b, x);
                  return x;
                }));
  set.add(
      "Sign", 9,
      unary(
          kNumeric,
          [](ImplicitLocOpBuilder &b, Value x, unsigned kind) -> Value {
            Value zero = constantLike(b, x, 0), one = constantLike(b, x, 1);
            if (kind == kUnsigned) {
              Value nonzero =
                  arith::CmpIOp::create(b, arith::CmpIPredicate::ne, x, zero);
              return arith::SelectOp::create(b, nonzero, one, zero);
            }
            Value minusOne = constantLike(b, x, -1);
            Value positive, negative;
            if (kind == kFloat) {
              positive =
                  arith::CmpFOp::create(b, arith::CmpFPredicate::OGT, x, zero);
              negative =
                  arith::CmpFOp::create(b, arith::CmpFPredicate::OLT, x, zero);
            } else {
              positive =
                  arith::CmpIOp::create(b, arith::CmpIPredicate::sgt, x, zero);
              negative =
                  arith::CmpIOp::create(b, arith::CmpIPredicate::slt, x, zero);
            }
            // Zeros give +0; NaN stays NaN.
            Value rest = zero;
            if (kind == kFloat)
              rest = arith::SelectOp::create(
                  b, arith::CmpFOp::create(b, arith::CmpFPredicate::UNO, x, x),
                  x, zero);
            return arith::SelectOp::create(
                b, positive, one,
                arith::SelectOp::create(b, negative, minusOne, rest));
          }));
  set.add(
      "Reciprocal", 1,
      unary(kFloat, [](ImplicitLocOpBuilder &b, Value x, unsigned) -> Value {
        return arith::DivFOp::create(b, constantLike(b, x, 1), x);
      }));
  set.add("Sqrt", 1, unaryFloat<math::SqrtOp>());
  set.add("Exp", 1, unaryFloat<math::ExpOp>());
  set.add("Log", 1, unaryFloat<math::LogOp>());
  set.add("Tanh", 1, unaryFloat<math::TanhOp>());
  set.add("Cos", 7, unaryFloat<math::CosOp>());
  set.add("Sin", 7, unaryFloat<math::SinOp>());
  set.add("Erf", 9, unaryFloat<math::ErfOp>());
  set.add("Floor", 1, unaryFloat<math::FloorOp>());
  set.add("Ceil", 1, unaryFloat<math::CeilOp>());
  set.add("Round", 11, unaryFloat<math::RoundEvenOp>()); // halves to even
  set.add("IsNaN", 9, [](OnnxNode &node) {
    return lowerSameType(
        node, {0}, kFloat,
        [](ImplicitLocOpBuilder &b, ValueRange args, unsigned) -> Value {
          return arith::CmpFOp::create(b, arith::CmpFPredicate::UNO, args[0],
                                       args[0]);
        },
        node.b.getI1Type());
  });
  set.add("IsInf", 10, lowerIsInf);
  populateActivations(set);

  // Comparison and logic; results are bool.
  set.add("Equal", 7,
          compare(kAny, arith::CmpFPredicate::OEQ, arith::CmpIPredicate::eq,
                  arith::CmpIPredicate::eq));
  set.add("Less", 7,
          compare(kNumeric, arith::CmpFPredicate::OLT,
                  arith::CmpIPredicate::slt, arith::CmpIPredicate::ult));
  set.add("Greater", 7,
          compare(kNumeric, arith::CmpFPredicate::OGT,
                  arith::CmpIPredicate::sgt, arith::CmpIPredicate::ugt));
  set.add("LessOrEqual", 12,
          compare(kNumeric, arith::CmpFPredicate::OLE,
                  arith::CmpIPredicate::sle, arith::CmpIPredicate::ule));
  set.add("GreaterOrEqual", 12,
          compare(kNumeric, arith::CmpFPredicate::OGE,
                  arith::CmpIPredicate::sge, arith::CmpIPredicate::uge));
  set.add("Not", 1,
          unary(kBool, [](ImplicitLocOpBuilder &b, Value x, unsigned) -> Value {
            return arith::XOrIOp::create(b, x, constantLike(b, x, 1));
          }));
  set.add("And", 7, binaryLogic<arith::AndIOp>());
  set.add("Or", 7, binaryLogic<arith::OrIOp>());
  set.add("Xor", 7, binaryLogic<arith::XOrIOp>());
  set.add("Where", 9, lowerWhere);

  // Conversion.
  set.add("Cast", 1, lowerCast);
  set.add("CastLike", 15, lowerCastLike);
}
