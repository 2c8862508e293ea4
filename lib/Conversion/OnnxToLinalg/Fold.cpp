//===- Fold.cpp - folding of small constant shape computations ------------===//
//
// Exported models compute Reshape targets, Slice bounds and Expand shapes at
// run time, typically Shape -> Gather -> Unsqueeze -> Concat -> Reshape. With
// static shapes all of that is known while lowering: a node whose inputs are
// all small integer (or bool) constants is evaluated here, in plain C++ with
// the ONNX semantics, and replaced by `arith.constant`s, so the nodes
// downstream see constant shapes.
//
// Integers are computed in int64 and wrapped to the result type the way the
// lowered code would compute them. Anything this file does not handle (float
// arithmetic, large tensors, unusual types) is left to the lowering.
//
//===----------------------------------------------------------------------===//

#include "OnnxLowering.h"

#include "llvm/ADT/StringSwitch.h"

#include <cmath>
#include <numeric>

using namespace mlir;
using namespace quench;


namespace {

/// Results (and inputs) above this many elements are not folded.
constexpr int64_t kMaxFoldedElements = 65536;

int64_t numElements(ArrayRef<int64_t> shape) {
  return std::accumulate(shape.begin(), shape.end(), int64_t{1},
                         std::multiplies<int64_t>());
}

/// A small constant tensor. Integer and bool elements are held as int64,
/// sign- or zero-extended from their width (uint64 as its bit pattern);
/// float elements as doubles.
struct Tensor {
  SmallVector<int64_t> shape;
  Type type; // signless element type
  bool isUnsigned = false;
  SmallVector<int64_t> ints;
  SmallVector<double> floats;

  bool isFloat() const { return isa<FloatType>(type); }
  bool isBool() const { return type.isInteger(1); }
  int64_t size() const { return numElements(shape); }

  /// An empty tensor of this element type with another shape.
  Tensor withShape(ArrayRef<int64_t> newShape) const {
    Tensor result;
    result.shape.assign(newShape.begin(), newShape.end());
    result.type = type;
    result.isUnsigned = isUnsigned;
    return result;
  }
  bool sameTypeAs(const Tensor &other) const {
    return type == other.type && isUnsigned == other.isUnsigned;
  }
};

/// No error, but nothing folded either: the lowering runs.
using Folded = FailureOr<std::optional<Tensor>>;
Folded noFold() { return std::optional<Tensor>(); }
Folded folded(Tensor tensor) {
  return std::optional<Tensor>(std::move(tensor));
}

/// `value` wrapped to an integer type of `width` bits (two's complement):
/// sign-extended when signed, zero-extended when unsigned or bool.
int64_t wrap(uint64_t value, unsigned width, bool isUnsigned) {
  if (width >= 64)
    return static_cast<int64_t>(value);
  uint64_t mask = (uint64_t{1} << width) - 1;
  value &= mask;
  if (!isUnsigned && width > 1 && (value >> (width - 1)) != 0)
    value |= ~mask;
  return static_cast<int64_t>(value);
}

int64_t wrapTo(const Tensor &like, uint64_t value) {
  return wrap(value, like.type.getIntOrFloatBitWidth(), like.isUnsigned);
}

bool less(int64_t a, int64_t b, bool isUnsigned) {
  return isUnsigned ? static_cast<uint64_t>(a) < static_cast<uint64_t>(b)
                    : a < b;
}

SmallVector<int64_t> rowMajorStrides(ArrayRef<int64_t> shape) {
  SmallVector<int64_t> strides(shape.size(), 1);
  for (int64_t d = static_cast<int64_t>(shape.size()) - 2; d >= 0; --d)
    strides[d] = strides[d + 1] * shape[d + 1];
  return strides;
}

/// For each element of a tensor of `shape`, in order, the position
/// `base + sum(index[d] * strides[d])` it reads from a source tensor.
SmallVector<int64_t> affineWalk(ArrayRef<int64_t> shape, int64_t base,
                                ArrayRef<int64_t> strides) {
  int64_t rank = shape.size(), count = numElements(shape);
  SmallVector<int64_t> positions;
  positions.reserve(count);
  SmallVector<int64_t> index(rank, 0);
  int64_t position = base;
  for (int64_t i = 0; i < count; ++i) {
    positions.push_back(position);
    for (int64_t d = rank - 1; d >= 0; --d) {
      position += strides[d];
      if (++index[d] < shape[d])
        break;
      position -= strides[d] * index[d];
      index[d] = 0;
    }
  }
  return positions;
}

/// The source positions of a numpy broadcast of `source` to `shape`.
SmallVector<int64_t> broadcastPositions(ArrayRef<int64_t> source,
                                        ArrayRef<int64_t> shape) {
  int64_t offset = shape.size() - source.size();
  SmallVector<int64_t> sourceStrides = rowMajorStrides(source);
  SmallVector<int64_t> strides(shape.size(), 0);
  for (int64_t d = 0, e = source.size(); d < e; ++d)
    if (source[d] != 1)
      strides[offset + d] = sourceStrides[d];
  return affineWalk(shape, 0, strides);
}

/// A tensor of `shape` whose elements are those of `source` at `positions`.
Tensor take(const Tensor &source, ArrayRef<int64_t> shape,
            ArrayRef<int64_t> positions) {
  Tensor result = source.withShape(shape);
  for (int64_t p : positions) {
    if (source.isFloat())
      result.floats.push_back(source.floats[p]);
    else
      result.ints.push_back(source.ints[p]);
  }
  return result;
}


using Inputs = ArrayRef<std::optional<Tensor>>;

//===----------------------------------------------------------------------===//
// Data movement
//===----------------------------------------------------------------------===//

Folded foldIdentity(OnnxNode &, Inputs in) { return folded(*in[0]); }

Folded foldSize(OnnxNode &node, Inputs in) {
  Tensor result;
  result.type = node.b.getI64Type();
  result.ints.push_back(in[0]->size());
  return folded(result);
}

Folded foldReshape(OnnxNode &node, Inputs in) {
  const Tensor &data = *in[0];
  SmallVector<int64_t> requested;
  if (node.opset() >= 5) {
    if (!in[1])
      return noFold();
    requested = in[1]->ints;
  } else if (std::optional<SmallVector<int64_t>> attr = node.getInts("shape")) {
    requested = *attr;
  } else {
    return noFold();
  }
  bool allowZero = node.opset() >= 14 && node.getInt("allowzero", 0) != 0;
  FailureOr<SmallVector<int64_t>> shape =
      onnxReshapeShape(node, data.shape, requested, allowZero);
  if (failed(shape))
    return failure();
  Tensor result = data;
  result.shape = *shape;
  return folded(result);
}

Folded foldUnsqueeze(OnnxNode &node, Inputs in) {
  FailureOr<std::optional<SmallVector<int64_t>>> axes =
      readOnnxAxes(node, node.opset() >= 13, 1);
  if (failed(axes))
    return failure();
  if (!*axes)
    return noFold();
  FailureOr<SmallVector<int64_t>> shape =
      onnxUnsqueezeShape(node, in[0]->shape, **axes);
  if (failed(shape))
    return failure();
  Tensor result = *in[0];
  result.shape = *shape;
  return folded(result);
}

Folded foldSqueeze(OnnxNode &node, Inputs in) {
  FailureOr<std::optional<SmallVector<int64_t>>> axes =
      readOnnxAxes(node, node.opset() >= 13, 1);
  if (failed(axes))
    return failure();
  FailureOr<SmallVector<int64_t>> shape =
      onnxSqueezeShape(node, in[0]->shape, *axes);
  if (failed(shape))
    return failure();
  Tensor result = *in[0];
  result.shape = *shape;
  return folded(result);
}

Folded foldConcat(OnnxNode &node, Inputs in) {
  if (in.empty() || llvm::any_of(in, [](const auto &t) { return !t; }))
    return noFold();
  const Tensor &first = *in[0];
  int64_t rank = first.shape.size();
  std::optional<int64_t> axisAttr = node.getOptionalInt("axis");
  if (rank == 0 || (!axisAttr && node.opset() >= 4))
    return noFold();
  int64_t axis = axisAttr.value_or(1);
  if (axis < -rank || axis >= rank)
    return noFold();
  if (axis < 0)
    axis += rank;
  SmallVector<int64_t> shape(first.shape);
  shape[axis] = 0;
  for (const std::optional<Tensor> &t : in) {
    if (!t->sameTypeAs(first) || static_cast<int64_t>(t->shape.size()) != rank)
      return noFold();
    for (int64_t d = 0; d < rank; ++d)
      if (d != axis && t->shape[d] != first.shape[d])
        return noFold();
    shape[axis] += t->shape[axis];
  }
  // Rows of `outer` blocks, each the inputs' slabs one after the other.
  int64_t outer = numElements(ArrayRef<int64_t>(shape).take_front(axis));
  int64_t inner = numElements(ArrayRef<int64_t>(shape).drop_front(axis + 1));
  Tensor result = first.withShape(shape);
  for (int64_t o = 0; o < outer; ++o)
    for (const std::optional<Tensor> &t : in) {
      int64_t slab = t->shape[axis] * inner;
      result.ints.append(t->ints.begin() + o * slab,
                         t->ints.begin() + (o + 1) * slab);
    }
  return folded(result);
}

Folded foldGather(OnnxNode &node, Inputs in) {
  const Tensor &data = *in[0], &indices = *in[1];
  int64_t rank = data.shape.size();
  if (rank == 0)
    return noFold();
  FailureOr<int64_t> axis = node.normalizeAxis(node.getInt("axis", 0), rank);
  if (failed(axis))
    return failure();
  int64_t dim = data.shape[*axis];
  SmallVector<int64_t> shape(ArrayRef<int64_t>(data.shape).take_front(*axis));
  llvm::append_range(shape, indices.shape);
  llvm::append_range(shape,
                     ArrayRef<int64_t>(data.shape).drop_front(*axis + 1));
  int64_t outer = numElements(ArrayRef<int64_t>(data.shape).take_front(*axis));
  int64_t inner =
      numElements(ArrayRef<int64_t>(data.shape).drop_front(*axis + 1));
  SmallVector<int64_t> positions;
  for (int64_t o = 0; o < outer; ++o)
    for (int64_t index : indices.ints) {
      if (index < -dim || index >= dim || (indices.isUnsigned && index < 0))
        return node.error()
               << "index " << index
               << " is out of range for a dimension of size " << dim;
      if (index < 0)
        index += dim;
      for (int64_t i = 0; i < inner; ++i)
        positions.push_back((o * dim + index) * inner + i);
    }
  return folded(take(data, shape, positions));
}

Folded foldSlice(OnnxNode &node, Inputs in) {
  const Tensor &data = *in[0];
  SmallVector<int64_t> starts, sizes, steps;
  if (failed(readOnnxSlice(node, data.shape, node.opset() >= 10, starts, sizes,
                           steps)))
    return failure();
  SmallVector<int64_t> strides = rowMajorStrides(data.shape);
  int64_t base = 0;
  for (auto [d, stride] : llvm::enumerate(strides)) {
    base += starts[d] * stride;
    stride *= steps[d];
  }
  if (numElements(sizes) == 0)
    base = 0;
  return folded(take(data, sizes, affineWalk(sizes, base, strides)));
}

Folded foldTranspose(OnnxNode &node, Inputs in) {
  const Tensor &data = *in[0];
  FailureOr<SmallVector<int64_t>> perm =
      readOnnxPermutation(node, data.shape.size());
  if (failed(perm))
    return failure();
  SmallVector<int64_t> sourceStrides = rowMajorStrides(data.shape), shape,
                       strides;
  for (int64_t d : *perm) {
    shape.push_back(data.shape[d]);
    strides.push_back(sourceStrides[d]);
  }
  return folded(take(data, shape, affineWalk(shape, 0, strides)));
}

Folded foldExpand(OnnxNode &, Inputs in) {
  const Tensor &data = *in[0];
  if (!in[1] || llvm::any_of(in[1]->ints, [](int64_t s) { return s < 0; }))
    return noFold();
  FailureOr<SmallVector<int64_t>> shape =
      broadcastShapes({data.shape, in[1]->ints});
  if (failed(shape) || numElements(*shape) > kMaxFoldedElements)
    return noFold();
  return folded(take(data, *shape, broadcastPositions(data.shape, *shape)));
}

Folded foldTile(OnnxNode &, Inputs in) {
  const Tensor &data = *in[0];
  int64_t rank = data.shape.size();
  if (!in[1] || static_cast<int64_t>(in[1]->ints.size()) != rank ||
      llvm::any_of(in[1]->ints, [](int64_t r) { return r < 0; }))
    return noFold();
  SmallVector<int64_t> shape;
  for (int64_t d = 0; d < rank; ++d)
    shape.push_back(data.shape[d] * in[1]->ints[d]);
  if (numElements(shape) > kMaxFoldedElements)
    return noFold();
  // Element [i...] reads [i mod dim...].
  SmallVector<int64_t> strides = rowMajorStrides(data.shape), positions;
  SmallVector<int64_t> index(rank, 0);
  for (int64_t i = 0, e = numElements(shape); i < e; ++i) {
    int64_t position = 0;
    for (int64_t d = 0; d < rank; ++d)
      position += (index[d] % data.shape[d]) * strides[d];
    positions.push_back(position);
    for (int64_t d = rank - 1; d >= 0 && ++index[d] == shape[d]; --d)
      index[d] = 0;
  }
  return folded(take(data, shape, positions));
}

//===----------------------------------------------------------------------===//
// Generators and casts
//===----------------------------------------------------------------------===//

Folded foldRange(OnnxNode &node, Inputs in) {
  for (int i = 0; i < 3; ++i)
    if (!in[i] || in[i]->size() != 1 || in[i]->shape.size() > 1 ||
        !in[i]->sameTypeAs(*in[0]) || in[i]->isBool())
      return noFold();
  int64_t start = in[0]->ints[0], limit = in[1]->ints[0],
          delta = in[2]->ints[0];
  if (delta == 0)
    return node.error() << "delta is 0";
  // max(ceil((limit - start) / delta), 0), without overflow for wide ranges.
  double span = static_cast<double>(limit) - static_cast<double>(start);
  if (span / static_cast<double>(delta) > kMaxFoldedElements)
    return noFold();
  int64_t count = rangeCount(start, limit, delta);
  Tensor result = in[0]->withShape({count});
  for (int64_t i = 0; i < count; ++i)
    result.ints.push_back(wrapTo(result, static_cast<uint64_t>(start) +
                                             static_cast<uint64_t>(i) *
                                                 static_cast<uint64_t>(delta)));
  return folded(result);
}

Folded foldConstantOfShape(OnnxNode &node, Inputs in) {
  const SmallVector<int64_t> &shape = in[0]->ints;
  if (llvm::any_of(shape, [](int64_t s) { return s < 0; }) ||
      numElements(shape) > kMaxFoldedElements)
    return noFold();
  Tensor result;
  result.shape = shape;
  result.type = node.b.getF32Type();
  double floatValue = 0.0;
  int64_t intValue = 0;
  if (ElementsAttr value = node.getTensor("value")) {
    auto dense = dyn_cast<DenseElementsAttr>(value);
    if (!dense || dense.getNumElements() != 1)
      return noFold();
    result.type = signlessElementType(dense.getElementType());
    result.isUnsigned = dense.getElementType().isUnsignedInteger();
    if (isa<FloatType>(result.type)) {
      floatValue = (*dense.value_begin<APFloat>()).convertToDouble();
    } else if (auto integer = dyn_cast<IntegerType>(result.type);
               integer && integer.getWidth() <= 64) {
      APInt bits = *dense.value_begin<APInt>();
      intValue = result.isUnsigned || integer.getWidth() == 1
                     ? static_cast<int64_t>(bits.getZExtValue())
                     : bits.getSExtValue();
    } else {
      return noFold();
    }
  }
  if (result.isFloat())
    result.floats.assign(result.size(), floatValue);
  else
    result.ints.assign(result.size(), intValue);
  return folded(result);
}

Folded foldCast(OnnxNode &node, Inputs in) {
  const Tensor &source = *in[0];
  std::optional<int64_t> to = node.getOptionalInt("to");
  std::optional<std::pair<Type, bool>> target =
      to ? onnxElementType(node.b.getContext(), *to) : std::nullopt;
  if (!target)
    return noFold();
  Tensor result = source.withShape(source.shape);
  result.type = target->first;
  result.isUnsigned = target->second;
  unsigned width = result.type.getIntOrFloatBitWidth();
  for (int64_t i = 0, e = source.size(); i < e; ++i) {
    if (!source.isFloat()) {
      int64_t value = source.ints[i];
      bool unsignedSource = source.isUnsigned || source.isBool();
      if (result.isFloat()) {
        // Round once, straight to the target type (as sitofp/uitofp do); the
        // result is exact in double.
        APFloat converted(cast<FloatType>(result.type).getFloatSemantics());
        converted.convertFromAPInt(
            APInt(64, static_cast<uint64_t>(value), /*isSigned=*/!unsignedSource),
            /*IsSigned=*/!unsignedSource, APFloat::rmNearestTiesToEven);
        bool losesInfo;
        converted.convert(APFloat::IEEEdouble(), APFloat::rmNearestTiesToEven,
                          &losesInfo);
        result.floats.push_back(converted.convertToDouble());
      }
      else if (result.isBool())
        result.ints.push_back(value != 0);
      else
        result.ints.push_back(wrap(value, width, result.isUnsigned));
      continue;
    }
    double value = source.floats[i];
    if (result.isFloat()) {
      result.floats.push_back(value);
    } else if (result.isBool()) {
      result.ints.push_back(value != 0.0);
    } else {
      // Float to integer truncates toward zero; out of range is undefined in
      // ONNX, so those are left to the lowering.
      double truncated = std::trunc(value);
      double low = result.isUnsigned ? 0.0 : -std::ldexp(1.0, width - 1);
      double high = result.isUnsigned ? std::ldexp(1.0, width)
                                      : std::ldexp(1.0, width - 1);
      if (!(truncated >= low && truncated < high))
        return noFold();
      result.ints.push_back(
          result.isUnsigned && truncated >= std::ldexp(1.0, 63)
              ? static_cast<int64_t>(static_cast<uint64_t>(truncated))
              : static_cast<int64_t>(truncated));
    }
  }
  return folded(result);
}

//===----------------------------------------------------------------------===//
// Element-wise arithmetic, comparison and logic (numpy broadcasting)
//===----------------------------------------------------------------------===//

/// An element-wise op over same-typed integer operands; `fn` gets one
/// element per operand; its result is wrapped to `resultType`.
Folded elementwise(OnnxNode &node, ArrayRef<const Tensor *> operands,
                   Type resultType, bool resultUnsigned,
                   function_ref<uint64_t(ArrayRef<int64_t>)> fn) {
  SmallVector<ArrayRef<int64_t>> shapes;
  for (const Tensor *t : operands)
    shapes.push_back(t->shape);
  FailureOr<SmallVector<int64_t>> shape = broadcastShapes(shapes);
  if (failed(shape) || numElements(*shape) > kMaxFoldedElements)
    return noFold();
  // The legacy broadcast of opset < 7 (`broadcast`/`axis`) is not numpy's.
  if (node.opset() < 7 && llvm::any_of(shapes, [&](ArrayRef<int64_t> s) {
        return s != ArrayRef<int64_t>(*shape);
      }))
    return noFold();
  SmallVector<SmallVector<int64_t>> positions;
  for (const Tensor *t : operands)
    positions.push_back(broadcastPositions(t->shape, *shape));
  Tensor result;
  result.shape = *shape;
  result.type = resultType;
  result.isUnsigned = resultUnsigned;
  unsigned width = resultType.getIntOrFloatBitWidth();
  SmallVector<int64_t> args(operands.size());
  for (int64_t i = 0, e = numElements(*shape); i < e; ++i) {
    for (auto [k, t] : llvm::enumerate(operands))
      args[k] = t->ints[positions[k][i]];
    result.ints.push_back(wrap(fn(args), width, result.isUnsigned));
  }
  return folded(result);
}

/// Whether all operands are integer (not bool, unless `allowBool`) tensors
/// of one type.
bool sameIntegerTypes(Inputs in, bool allowBool) {
  if (in.empty() || !in[0])
    return false;
  return llvm::all_of(in, [&](const std::optional<Tensor> &t) {
    return t && t->sameTypeAs(*in[0]) && !t->isFloat() &&
           (allowBool || !t->isBool());
  });
}

SmallVector<const Tensor *> pointers(Inputs in) {
  SmallVector<const Tensor *> result;
  for (const std::optional<Tensor> &t : in)
    result.push_back(&*t);
  return result;
}

enum class Arith { Add, Sub, Mul, Div, Mod };

Folded foldArith(OnnxNode &node, Inputs in, Arith op) {
  if (in.size() != 2 || !sameIntegerTypes(in, false))
    return noFold();
  bool isUnsigned = in[0]->isUnsigned;
  if ((op == Arith::Div || op == Arith::Mod) &&
      llvm::is_contained(in[1]->ints, 0))
    return node.error() << "integer division by zero";
  bool fmod = node.getInt("fmod", 0) != 0;
  return elementwise(node, pointers(in), in[0]->type, isUnsigned,
                     [&](ArrayRef<int64_t> v) -> uint64_t {
                       uint64_t a = v[0], b = v[1];
                       switch (op) {
                       case Arith::Add:
                         return a + b;
                       case Arith::Sub:
                         return a - b;
                       case Arith::Mul:
                         return a * b;
                       case Arith::Div:
                         if (isUnsigned)
                           return a / b;
                         if (v[1] == -1) // also INT64_MIN / -1, which wraps
                           return 0 - a;
                         return static_cast<uint64_t>(v[0] / v[1]);
                       case Arith::Mod: {
                         if (isUnsigned)
                           return a % b;
                         if (v[1] == -1)
                           return 0;
                         // C's remainder has the dividend's sign; Mod with
                         // fmod=0 the divisor's.
                         int64_t r = v[0] % v[1];
                         if (!fmod && r != 0 && (r < 0) != (v[1] < 0))
                           r += v[1];
                         return static_cast<uint64_t>(r);
                       }
                       }
                       llvm_unreachable("unknown op");
                     });
}

enum class Compare { Equal, Less, Greater, LessOrEqual, GreaterOrEqual };

Folded foldCompare(OnnxNode &node, Inputs in, Compare op) {
  if (in.size() != 2 || !sameIntegerTypes(in, op == Compare::Equal))
    return noFold();
  bool isUnsigned = in[0]->isUnsigned;
  return elementwise(node, pointers(in), node.b.getI1Type(), false,
                     [&](ArrayRef<int64_t> v) -> uint64_t {
                       switch (op) {
                       case Compare::Equal:
                         return v[0] == v[1];
                       case Compare::Less:
                         return less(v[0], v[1], isUnsigned);
                       case Compare::Greater:
                         return less(v[1], v[0], isUnsigned);
                       case Compare::LessOrEqual:
                         return !less(v[1], v[0], isUnsigned);
                       case Compare::GreaterOrEqual:
                         return !less(v[0], v[1], isUnsigned);
                       }
                       llvm_unreachable("unknown comparison");
                     });
}

Folded foldLogic(OnnxNode &node, Inputs in, StringRef op) {
  for (const std::optional<Tensor> &t : in)
    if (!t || !t->isBool())
      return noFold();
  if ((op == "Not") != (in.size() == 1))
    return noFold();
  return elementwise(node, pointers(in), node.b.getI1Type(), false,
                     [&](ArrayRef<int64_t> v) -> uint64_t {
                       if (op == "Not")
                         return !v[0];
                       if (op == "And")
                         return v[0] && v[1];
                       return v[0] || v[1];
                     });
}

Folded foldWhere(OnnxNode &node, Inputs in) {
  if (in.size() != 3 || !in[0] || !in[0]->isBool() ||
      !sameIntegerTypes(in.drop_front(), true))
    return noFold();
  return elementwise(
      node, pointers(in), in[1]->type, in[1]->isUnsigned,
      [](ArrayRef<int64_t> v) -> uint64_t { return v[0] ? v[1] : v[2]; });
}

Folded foldMinMax(OnnxNode &node, Inputs in, bool isMax) {
  if (!sameIntegerTypes(in, false))
    return noFold();
  bool isUnsigned = in[0]->isUnsigned;
  return elementwise(node, pointers(in), in[0]->type, isUnsigned,
                     [&](ArrayRef<int64_t> v) -> uint64_t {
                       int64_t best = v[0];
                       for (int64_t x : v.drop_front())
                         if (isMax ? less(best, x, isUnsigned)
                                   : less(x, best, isUnsigned))
                           best = x;
                       return best;
                     });
}

Folded foldNegAbs(OnnxNode &node, Inputs in, bool isNeg) {
  if (!sameIntegerTypes(in, false))
    return noFold();
  bool isUnsigned = in[0]->isUnsigned;
  if (isUnsigned && isNeg)
    return noFold(); // Neg is defined on signed types only
  return elementwise(node, pointers(in), in[0]->type, isUnsigned,
                     [&](ArrayRef<int64_t> v) -> uint64_t {
                       uint64_t a = v[0];
                       if (isUnsigned || (!isNeg && v[0] >= 0))
                         return a;
                       return 0 - a;
                     });
}

//===----------------------------------------------------------------------===//
// Scans and reductions
//===----------------------------------------------------------------------===//

Folded foldCumSum(OnnxNode &node, Inputs in) {
  if (!in[0] || in[0]->isBool() || !in[1] || in[1]->size() != 1)
    return noFold();
  const Tensor &x = *in[0];
  int64_t rank = x.shape.size();
  if (rank == 0)
    return noFold();
  FailureOr<int64_t> axis = node.normalizeAxis(in[1]->ints[0], rank);
  if (failed(axis))
    return failure();
  bool exclusive = node.getInt("exclusive", 0) != 0;
  bool reverse = node.getInt("reverse", 0) != 0;
  int64_t dim = x.shape[*axis];
  int64_t outer = numElements(ArrayRef<int64_t>(x.shape).take_front(*axis));
  int64_t inner = numElements(ArrayRef<int64_t>(x.shape).drop_front(*axis + 1));
  Tensor result = x;
  for (int64_t o = 0; o < outer; ++o)
    for (int64_t i = 0; i < inner; ++i) {
      uint64_t sum = 0;
      for (int64_t step = 0; step < dim; ++step) {
        int64_t k = reverse ? dim - 1 - step : step;
        int64_t position = (o * dim + k) * inner + i;
        uint64_t value = x.ints[position];
        if (!exclusive)
          sum += value;
        result.ints[position] = wrapTo(result, sum);
        if (exclusive)
          sum += value;
      }
    }
  return folded(result);
}

/// ReduceSum / ReduceProd. The axes moved from an attribute to an input in
/// ReduceSum-13 and ReduceProd-18, together with noop_with_empty_axes.
Folded foldReduce(OnnxNode &node, Inputs in, bool isProduct) {
  if (!in[0] || in[0]->isBool())
    return noFold();
  const Tensor &x = *in[0];
  bool axesFromInput = node.opset() >= (isProduct ? 18 : 13);
  FailureOr<std::optional<SmallVector<int64_t>>> axes =
      readOnnxAxes(node, axesFromInput, 1);
  if (failed(axes))
    return failure();
  int64_t rank = x.shape.size();
  bool keepDims = node.getInt("keepdims", 1) != 0;
  bool noop = axesFromInput && node.getInt("noop_with_empty_axes", 0) != 0;
  SmallVector<bool> reduced(rank, false);
  if (!*axes || (*axes)->empty()) {
    if (noop)
      return folded(x);
    reduced.assign(rank, true);
  } else {
    for (int64_t axis : **axes) {
      FailureOr<int64_t> normalized = node.normalizeAxis(axis, rank);
      if (failed(normalized))
        return failure();
      reduced[*normalized] = true;
    }
  }
  SmallVector<int64_t> kept, shape;
  for (int64_t d = 0; d < rank; ++d) {
    kept.push_back(reduced[d] ? 1 : x.shape[d]);
    if (!reduced[d] || keepDims)
      shape.push_back(kept.back());
  }
  // Each element adds into the result element with its reduced indices 0.
  SmallVector<int64_t> keptStrides = rowMajorStrides(kept), strides;
  for (int64_t d = 0; d < rank; ++d)
    strides.push_back(reduced[d] ? 0 : keptStrides[d]);
  SmallVector<uint64_t> accumulators(numElements(kept), isProduct ? 1 : 0);
  SmallVector<int64_t> targets = affineWalk(x.shape, 0, strides);
  for (auto [i, target] : llvm::enumerate(targets)) {
    uint64_t value = x.ints[i];
    accumulators[target] =
        isProduct ? accumulators[target] * value : accumulators[target] + value;
  }
  Tensor result = x.withShape(shape);
  for (uint64_t value : accumulators)
    result.ints.push_back(wrapTo(result, value));
  return folded(result);
}

//===----------------------------------------------------------------------===//
// Reading inputs and materializing results
//===----------------------------------------------------------------------===//

/// Input `i` as a foldable constant, or nullopt.
std::optional<Tensor> readConstant(OnnxNode &node, unsigned i) {
  DenseElementsAttr attr = node.constant(i);
  if (!attr)
    return std::nullopt;
  auto type = dyn_cast<RankedTensorType>(attr.getType());
  if (!type || type.getNumElements() > kMaxFoldedElements)
    return std::nullopt;
  Tensor tensor;
  tensor.shape.assign(type.getShape().begin(), type.getShape().end());
  tensor.type = type.getElementType();
  tensor.isUnsigned = node.isUnsignedInput(i);
  if (isa<Float16Type, BFloat16Type, Float32Type, Float64Type>(tensor.type)) {
    tensor.floats = *node.constantDoubles(i);
    return tensor;
  }
  auto integer = dyn_cast<IntegerType>(tensor.type);
  if (!integer || integer.getWidth() > 64)
    return std::nullopt;
  tensor.ints = *node.constantInts(i);
  return tensor;
}

Value materialize(OnnxNode &node, const Tensor &tensor) {
  Value result;
  if (auto floatType = dyn_cast<FloatType>(tensor.type)) {
    SmallVector<APFloat> values;
    for (double value : tensor.floats) {
      APFloat converted(value);
      bool losesInfo;
      converted.convert(floatType.getFloatSemantics(),
                        APFloat::rmNearestTiesToEven, &losesInfo);
      values.push_back(converted);
    }
    auto type = RankedTensorType::get(tensor.shape, tensor.type);
    result =
        arith::ConstantOp::create(node.b, DenseElementsAttr::get(type, values));
  } else {
    result = intTensorConstant(node.b, tensor.shape, tensor.type, tensor.ints);
  }
  if (tensor.isUnsigned)
    node.markUnsigned(result);
  return result;
}

using FoldFn = std::function<Folded(OnnxNode &, Inputs)>;

/// The folder for an op type of the default domain, or null.
FoldFn folderFor(StringRef opType) {
  auto arithmetic = [](Arith op) {
    return [op](OnnxNode &n, Inputs in) { return foldArith(n, in, op); };
  };
  auto compare = [](Compare op) {
    return [op](OnnxNode &n, Inputs in) { return foldCompare(n, in, op); };
  };
  auto logic = [](StringRef op) {
    return [op](OnnxNode &n, Inputs in) { return foldLogic(n, in, op); };
  };
  return llvm::StringSwitch<FoldFn>(opType)
      .Case("Identity", foldIdentity)
      .Case("Size", foldSize)
      .Case("Reshape", foldReshape)
      .Case("Unsqueeze", foldUnsqueeze)
      .Case("Squeeze", foldSqueeze)
      .Case("Concat", foldConcat)
      .Case("Gather", foldGather)
      .Case("Slice", foldSlice)
      .Case("Transpose", foldTranspose)
      .Case("Expand", foldExpand)
      .Case("Tile", foldTile)
      .Case("Range", foldRange)
      .Case("ConstantOfShape", foldConstantOfShape)
      .Case("Cast", foldCast)
      .Case("Add", arithmetic(Arith::Add))
      .Case("Sub", arithmetic(Arith::Sub))
      .Case("Mul", arithmetic(Arith::Mul))
      .Case("Div", arithmetic(Arith::Div))
      .Case("Mod", arithmetic(Arith::Mod))
      .Case("Equal", compare(Compare::Equal))
      .Case("Less", compare(Compare::Less))
      .Case("Greater", compare(Compare::Greater))
      .Case("LessOrEqual", compare(Compare::LessOrEqual))
      .Case("GreaterOrEqual", compare(Compare::GreaterOrEqual))
      .Case("Not", logic("Not"))
      .Case("And", logic("And"))
      .Case("Or", logic("Or"))
      .Case("Where", foldWhere)
      .Case("Max",
            [](OnnxNode &n, Inputs in) { return foldMinMax(n, in, true); })
      .Case("Min",
            [](OnnxNode &n, Inputs in) { return foldMinMax(n, in, false); })
      .Case("Neg",
            [](OnnxNode &n, Inputs in) { return foldNegAbs(n, in, true); })
      .Case("Abs",
            [](OnnxNode &n, Inputs in) { return foldNegAbs(n, in, false); })
      .Case("CumSum", foldCumSum)
      .Case("ReduceSum",
            [](OnnxNode &n, Inputs in) { return foldReduce(n, in, false); })
      .Case("ReduceProd",
            [](OnnxNode &n, Inputs in) { return foldReduce(n, in, true); })
      .Default(nullptr);
}

} // namespace

FailureOr<SmallVector<Value>> quench::foldOnnxNode(OnnxNode &node) {
  if (!node.op.getDomain().empty() || node.numOutputs() != 1 ||
      node.op.getNumRegions() != 0)
    return SmallVector<Value>{};
  FoldFn fold = folderFor(node.opType());
  if (!fold)
    return SmallVector<Value>{};
  // Every given input must be a small constant; floats only where the op
  // converts them (Cast's input).
  SmallVector<std::optional<Tensor>> inputs;
  bool anyGiven = false;
  for (unsigned i = 0; i < node.numInputs(); ++i) {
    if (!node.hasInput(i)) {
      inputs.push_back(std::nullopt);
      continue;
    }
    std::optional<Tensor> input = readConstant(node, i);
    if (!input || (input->isFloat() && !(node.opType() == "Cast" && i == 0)))
      return SmallVector<Value>{};
    inputs.push_back(std::move(input));
    anyGiven = true;
  }
  if (!anyGiven)
    return SmallVector<Value>{};
  Folded result = fold(node, inputs);
  if (failed(result))
    return failure();
  if (!*result || (*result)->size() > kMaxFoldedElements)
    return SmallVector<Value>{};
  return SmallVector<Value>{materialize(node, **result)};
}
