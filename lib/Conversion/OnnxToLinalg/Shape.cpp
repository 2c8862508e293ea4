//===- Shape.cpp - ONNX shape and data-movement ops -----------------------===//
//
// Ops that move elements without computing new ones. Shapes are static, so
// every operand that decides a result shape (Reshape's shape, Slice's starts
// and ends, Tile's repeats, ...) must be a constant; in exported models it
// usually becomes one when the Shape -> Gather -> Concat chains feeding it
// fold (Fold.cpp). The ONNX rules for those operands are functions of this
// file that the folder shares.
//
// Pure regroupings of dimensions become tensor.collapse_shape/expand_shape,
// other reshapes tensor.reshape; slices are tensor.extract_slice; gathers are
// linalg.generic ops reading their source with tensor.extract.
//
//===----------------------------------------------------------------------===//

#include "OnnxLowering.h"

#include "mlir/Dialect/SCF/IR/SCF.h"

#include <cmath>
#include <numeric>

using namespace mlir;
using namespace quench;

using Results = FailureOr<SmallVector<Value>>;

namespace {

int64_t numElements(ArrayRef<int64_t> shape) {
  return std::accumulate(shape.begin(), shape.end(), int64_t{1},
                         std::multiplies<int64_t>());
}

Results single(Value value) { return SmallVector<Value>{value}; }

bool isSupportedElementType(Type type) {
  if (isa<Float16Type, BFloat16Type, Float32Type, Float64Type>(type))
    return true;
  auto integer = dyn_cast<IntegerType>(type);
  return integer &&
         llvm::is_contained({1u, 8u, 16u, 32u, 64u}, integer.getWidth());
}

/// Input `i` with a static shape and an element type the lowerings handle.
FailureOr<RankedTensorType> dataType(OnnxNode &node, unsigned i) {
  FailureOr<RankedTensorType> type = node.staticType(i);
  if (failed(type))
    return failure();
  if (!isSupportedElementType(type->getElementType())) {
    node.error() << "input " << i << " has element type "
                 << type->getElementType()
                 << "; supported are f16, bf16, f32, f64, 8- to 64-bit "
                    "integers and bool";
    return failure();
  }
  return type;
}

/// Input `i` as an integer tensor of indices (int32 or int64 in ONNX).
FailureOr<RankedTensorType> indexType(OnnxNode &node, unsigned i,
                                      StringRef what) {
  FailureOr<RankedTensorType> type = node.staticType(i);
  if (failed(type))
    return failure();
  auto integer = dyn_cast<IntegerType>(type->getElementType());
  if (!integer || integer.getWidth() < 8) {
    node.error() << what << " must be an integer tensor, got " << *type;
    return failure();
  }
  return type;
}

/// The result keeps the signedness of input `i`.
Value sameSignedness(OnnxNode &node, Value result, unsigned i = 0) {
  if (node.isUnsignedInput(i))
    node.markUnsigned(result);
  return result;
}

/// Constant integer input `i`; reports `what` must be a constant otherwise.
FailureOr<SmallVector<int64_t>> requireConstantInts(OnnxNode &node, unsigned i,
                                                    StringRef what) {
  if (!node.hasInput(i)) {
    node.error() << "the " << what << " input is required";
    return failure();
  }
  std::optional<SmallVector<int64_t>> values = node.constantInts(i);
  if (!values) {
    node.error() << "the " << what
                 << " input must be a constant integer tensor (lowering needs "
                    "static shapes)";
    return failure();
  }
  return *values;
}

Value indexConstant(ImplicitLocOpBuilder &b, int64_t value) {
  return arith::ConstantIndexOp::create(b, value);
}

/// How `source` splits into `target` by merging runs of adjacent dimensions;
/// nullopt when it does not. Trailing unit dimensions join the last group.
std::optional<SmallVector<ReassociationIndices>>
collapseGroups(ArrayRef<int64_t> source, ArrayRef<int64_t> target) {
  SmallVector<ReassociationIndices> groups;
  int64_t i = 0, rank = source.size();
  if (target.empty()) {
    if (llvm::any_of(source, [](int64_t size) { return size != 1; }))
      return std::nullopt;
    return groups;
  }
  for (int64_t size : target) {
    if (i == rank)
      return std::nullopt;
    ReassociationIndices group{i};
    int64_t product = source[i++];
    while (product < size && i < rank) {
      group.push_back(i);
      product *= source[i++];
    }
    if (product != size)
      return std::nullopt;
    groups.push_back(group);
  }
  for (; i < rank; ++i) {
    if (source[i] != 1)
      return std::nullopt;
    groups.back().push_back(i);
  }
  return groups;
}

/// `value` reshaped to `shape` (same number of elements): collapse_shape or
/// expand_shape when that only merges or splits dimensions, tensor.reshape
/// with a constant shape otherwise.
Value reshapeTo(ImplicitLocOpBuilder &b, Value value, ArrayRef<int64_t> shape) {
  auto type = cast<RankedTensorType>(value.getType());
  if (type.getShape() == shape)
    return value;
  auto resultType = RankedTensorType::get(shape, type.getElementType());
  if (numElements(shape) == 0)
    return emptyTensor(b, shape, type.getElementType());
  int64_t rank = type.getRank(), resultRank = shape.size();
  if (resultRank < rank)
    if (auto groups = collapseGroups(type.getShape(), shape))
      return tensor::CollapseShapeOp::create(b, resultType, value, *groups);
  if (resultRank > rank)
    if (auto groups = collapseGroups(shape, type.getShape()))
      return tensor::ExpandShapeOp::create(b, resultType, value, *groups);
  Value shapeValue = intTensorConstant(b, {resultRank}, b.getI64Type(), shape);
  return tensor::ReshapeOp::create(b, resultType, value, shapeValue);
}

/// tensor.extract_slice, or `source` itself when the slice is all of it.
Value extractSlice(ImplicitLocOpBuilder &b, Value source,
                   ArrayRef<int64_t> offsets, ArrayRef<int64_t> sizes,
                   ArrayRef<int64_t> strides) {
  auto type = cast<RankedTensorType>(source.getType());
  if (sizes == type.getShape() &&
      llvm::all_of(offsets, [](int64_t o) { return o == 0; }))
    return source;
  auto toAttrs = [&](ArrayRef<int64_t> values) {
    SmallVector<OpFoldResult> attrs;
    for (int64_t value : values)
      attrs.push_back(b.getIndexAttr(value));
    return attrs;
  };
  auto resultType = RankedTensorType::get(sizes, type.getElementType());
  return tensor::ExtractSliceOp::create(b, resultType, source, toAttrs(offsets),
                                        toAttrs(sizes), toAttrs(strides));
}

using IndexedBody = function_ref<Value(ImplicitLocOpBuilder &, ValueRange ivs,
                                       ValueRange args)>;

/// A linalg.generic computing a tensor of `shape`: `body` gets the loop
/// indices (`linalg.index`) and one scalar per input, read through
/// `inputMaps`.
Value buildIndexed(ImplicitLocOpBuilder &b, ArrayRef<int64_t> shape,
                   Type elementType, ValueRange inputs,
                   ArrayRef<AffineMap> inputMaps, IndexedBody body) {
  int64_t rank = shape.size();
  SmallVector<AffineMap> maps(inputMaps);
  maps.push_back(b.getMultiDimIdentityMap(rank));
  SmallVector<utils::IteratorType> iterators(rank,
                                             utils::IteratorType::parallel);
  auto generic = linalg::GenericOp::create(
      b, TypeRange{RankedTensorType::get(shape, elementType)}, inputs,
      ValueRange{emptyTensor(b, shape, elementType)}, maps, iterators,
      [&](OpBuilder &nested, Location loc, ValueRange args) {
        ImplicitLocOpBuilder nb(loc, nested);
        SmallVector<Value> ivs;
        for (int64_t d = 0; d < rank; ++d)
          ivs.push_back(linalg::IndexOp::create(nb, d));
        linalg::YieldOp::create(nb, body(nb, ivs, args.drop_back()));
      });
  return generic.getResult(0);
}

/// An index read from an ONNX indices tensor, as an index into a dimension
/// of `size`: negative values count from the end. Values out of range, which
/// ONNX calls an error, are clamped so that the read stays in bounds.
Value normalizedIndex(ImplicitLocOpBuilder &b, Value value, int64_t size,
                      bool isUnsigned) {
  Value index =
      isUnsigned
          ? arith::IndexCastUIOp::create(b, b.getIndexType(), value).getResult()
          : arith::IndexCastOp::create(b, b.getIndexType(), value).getResult();
  Value zero = indexConstant(b, 0);
  Value negative =
      arith::CmpIOp::create(b, arith::CmpIPredicate::slt, index, zero);
  Value wrapped = arith::AddIOp::create(b, index, indexConstant(b, size));
  index = arith::SelectOp::create(b, negative, wrapped, index);
  index = arith::MaxSIOp::create(b, index, zero);
  return arith::MinSIOp::create(
      b, index, indexConstant(b, std::max<int64_t>(size - 1, 0)));
}

/// The scalar zero of an element type (false for bool).
Value zeroScalar(ImplicitLocOpBuilder &b, Type type) {
  return scalarConstant(b, type, 0.0);
}

/// The scalar held by a one-element tensor attribute, signless.
FailureOr<TypedAttr> scalarAttr(ElementsAttr value) {
  auto dense = dyn_cast<DenseElementsAttr>(value);
  if (!dense || dense.getNumElements() != 1)
    return failure();
  Type type = signlessElementType(dense.getElementType());
  if (auto floatType = dyn_cast<FloatType>(type))
    return TypedAttr(FloatAttr::get(floatType, *dense.value_begin<APFloat>()));
  if (isa<IntegerType>(type))
    return TypedAttr(IntegerAttr::get(type, *dense.value_begin<APInt>()));
  return failure();
}

/// The scalar of input `i` (a 0-d or one-element tensor) for use outside a
/// linalg body: a constant when it is one, a tensor.extract otherwise.
Value scalarInput(OnnxNode &node, unsigned i) {
  if (DenseElementsAttr attr = node.constant(i))
    if (FailureOr<TypedAttr> scalar = scalarAttr(attr); succeeded(scalar))
      return arith::ConstantOp::create(node.b, *scalar);
  auto type = cast<RankedTensorType>(node.input(i).getType());
  SmallVector<Value> indices(type.getRank(), indexConstant(node.b, 0));
  return tensor::ExtractOp::create(node.b, node.input(i), indices);
}

} // namespace

//===----------------------------------------------------------------------===//
// ONNX shape rules, shared with Fold.cpp
//===----------------------------------------------------------------------===//

namespace quench {

/// The `axes` of a node: the INTS attribute, or constant input `input` when
/// `fromInput` (the form of newer opsets). nullopt when absent.
FailureOr<std::optional<SmallVector<int64_t>>>
readOnnxAxes(OnnxNode &node, bool fromInput, unsigned input) {
  if (!fromInput)
    return node.getInts("axes");
  if (!node.hasInput(input))
    return std::optional<SmallVector<int64_t>>();
  FailureOr<SmallVector<int64_t>> axes =
      requireConstantInts(node, input, "axes");
  if (failed(axes))
    return failure();
  return std::optional<SmallVector<int64_t>>(*axes);
}

/// Reshape's result shape: 0 copies the input dimension (unless
/// `allowZero`), one -1 takes what is left.
FailureOr<SmallVector<int64_t>> onnxReshapeShape(OnnxNode &node,
                                                 ArrayRef<int64_t> input,
                                                 ArrayRef<int64_t> requested,
                                                 bool allowZero) {
  SmallVector<int64_t> shape;
  int64_t inferred = -1, known = 1;
  bool hasZero = false;
  for (auto [i, entry] : llvm::enumerate(requested)) {
    int64_t size = entry;
    if (size == -1) {
      if (inferred >= 0)
        return node.error() << "shape has more than one -1 entry";
      inferred = i;
      shape.push_back(1);
      continue;
    }
    if (size < -1)
      return node.error() << "shape entry " + Twine(size) + " is invalid";
    if (size == 0 && !allowZero) {
      if (i >= input.size())
        return node.error() << "shape entry " + Twine(i) +
                                   " is 0 (copy) but the input has rank " +
                                   Twine(input.size());
      size = input[i];
    }
    hasZero |= size == 0;
    shape.push_back(size);
    known *= size;
  }
  int64_t count = numElements(input);
  if (inferred >= 0) {
    if (hasZero && allowZero)
      return node.error() << "shape has both 0 and -1 entries with allowzero=1";
    if (known == 0 || count % known != 0)
      return node.error() << "cannot infer the -1 entry: " + Twine(count) +
                                 " elements do not divide by " + Twine(known);
    shape[inferred] = count / known;
    known *= shape[inferred];
  }
  if (known != count)
    return node.error() << "cannot reshape " + Twine(count) +
                               " elements into " + Twine(known);
  return shape;
}

/// Unsqueeze's result shape: unit dimensions inserted at `axes`, which
/// index the result (negative ones counting from its end).
FailureOr<SmallVector<int64_t>> onnxUnsqueezeShape(OnnxNode &node,
                                                   ArrayRef<int64_t> input,
                                                   ArrayRef<int64_t> axes) {
  int64_t rank = input.size() + axes.size();
  SmallVector<bool> inserted(rank, false);
  for (int64_t axis : axes) {
    FailureOr<int64_t> normalized = node.normalizeAxis(axis, rank);
    if (failed(normalized))
      return failure();
    if (inserted[*normalized])
      return node.error() << "axis " + Twine(axis) + " is given twice";
    inserted[*normalized] = true;
  }
  SmallVector<int64_t> shape;
  const int64_t *next = input.begin();
  for (int64_t d = 0; d < rank; ++d)
    shape.push_back(inserted[d] ? 1 : *next++);
  return shape;
}

/// Squeeze's result shape: the unit dimensions at `axes` removed, or every
/// unit dimension when there are no axes.
FailureOr<SmallVector<int64_t>>
onnxSqueezeShape(OnnxNode &node, ArrayRef<int64_t> input,
                 const std::optional<SmallVector<int64_t>> &axes) {
  int64_t rank = input.size();
  SmallVector<bool> removed(rank, false);
  if (!axes) {
    for (int64_t d = 0; d < rank; ++d)
      removed[d] = input[d] == 1;
  } else {
    for (int64_t axis : *axes) {
      FailureOr<int64_t> normalized = node.normalizeAxis(axis, rank);
      if (failed(normalized))
        return failure();
      if (input[*normalized] != 1)
        return node.error() << "cannot squeeze dimension " +
                                   Twine(*normalized) + " of size " +
                                   Twine(input[*normalized]);
      removed[*normalized] = true;
    }
  }
  SmallVector<int64_t> shape;
  for (int64_t d = 0; d < rank; ++d)
    if (!removed[d])
      shape.push_back(input[d]);
  return shape;
}

/// Slice's per-dimension start, size and step, with the ONNX clamping:
/// negative starts/ends count from the end, then starts and ends are clamped
/// to [0, dim] for positive steps and to [0, dim-1] / [-1, dim-1] for
/// negative ones. Starts/ends/axes are attributes (Slice-1) or constant
/// inputs with optional steps (Slice-10 on).
LogicalResult readOnnxSlice(OnnxNode &node, ArrayRef<int64_t> input,
                            bool fromInputs, SmallVectorImpl<int64_t> &starts,
                            SmallVectorImpl<int64_t> &sizes,
                            SmallVectorImpl<int64_t> &steps) {
  std::optional<SmallVector<int64_t>> begin, end, axes, step;
  if (fromInputs) {
    FailureOr<SmallVector<int64_t>> b = requireConstantInts(node, 1, "starts");
    if (failed(b))
      return failure();
    FailureOr<SmallVector<int64_t>> e = requireConstantInts(node, 2, "ends");
    if (failed(e))
      return failure();
    begin = *b;
    end = *e;
    FailureOr<std::optional<SmallVector<int64_t>>> a =
        readOnnxAxes(node, true, 3);
    if (failed(a))
      return failure();
    axes = *a;
    if (node.hasInput(4)) {
      FailureOr<SmallVector<int64_t>> s = requireConstantInts(node, 4, "steps");
      if (failed(s))
        return failure();
      step = *s;
    }
  } else {
    begin = node.getInts("starts");
    end = node.getInts("ends");
    axes = node.getInts("axes");
    if (!begin || !end)
      return node.error() << "the 'starts' and 'ends' attributes are required";
  }
  int64_t count = begin->size(), rank = input.size();
  if (static_cast<int64_t>(end->size()) != count ||
      (axes && static_cast<int64_t>(axes->size()) != count) ||
      (step && static_cast<int64_t>(step->size()) != count))
    return node.error() << "starts, ends, axes and steps differ in length";
  starts.assign(rank, 0);
  sizes.assign(input.begin(), input.end());
  steps.assign(rank, 1);
  SmallVector<bool> seen(rank, false);
  for (int64_t k = 0; k < count; ++k) {
    FailureOr<int64_t> axis = node.normalizeAxis(axes ? (*axes)[k] : k, rank);
    if (failed(axis))
      return failure();
    if (seen[*axis])
      return node.error() << "axis " << *axis << " is sliced twice";
    seen[*axis] = true;
    int64_t dim = input[*axis], s = (*begin)[k], e = (*end)[k];
    int64_t st = step ? (*step)[k] : 1;
    if (st == 0)
      return node.error() << "slice step 0 on axis " << *axis;
    if (s < 0)
      s += dim;
    if (e < 0)
      e += dim;
    int64_t size = 0;
    if (st > 0) {
      s = std::clamp<int64_t>(s, 0, dim);
      e = std::clamp<int64_t>(e, 0, dim);
      size = e > s ? (e - s - 1) / st + 1 : 0;
    } else if (dim > 0) {
      s = std::clamp<int64_t>(s, 0, dim - 1);
      e = std::clamp<int64_t>(e, -1, dim - 1);
      size = s > e ? (s - e - 1) / -st + 1 : 0;
    }
    starts[*axis] = size == 0 ? 0 : s;
    sizes[*axis] = size;
    steps[*axis] = st;
  }
  return success();
}

/// Transpose's `perm`, by default the reversed dimensions.
FailureOr<SmallVector<int64_t>> readOnnxPermutation(OnnxNode &node,
                                                    int64_t rank) {
  std::optional<SmallVector<int64_t>> perm = node.getInts("perm");
  if (!perm) {
    SmallVector<int64_t> reversed;
    for (int64_t d = rank - 1; d >= 0; --d)
      reversed.push_back(d);
    return reversed;
  }
  SmallVector<bool> seen(rank, false);
  if (static_cast<int64_t>(perm->size()) != rank)
    return node.error() << "perm has " + Twine(perm->size()) +
                               " entries for an input of rank " + Twine(rank);
  for (int64_t &d : *perm) {
    if (d < -rank || d >= rank || seen[d < 0 ? d + rank : d])
      return node.error()
             << "perm is not a permutation of the input dimensions";
    if (d < 0)
      d += rank;
    seen[d] = true;
  }
  return *perm;
}

} // namespace quench

//===----------------------------------------------------------------------===//
// Lowerings
//===----------------------------------------------------------------------===//

namespace {

/// Reshape-1 reads the target from the `shape` attribute, later versions
/// from a constant input; from 14 on `allowzero` makes 0 a real size.
Results lowerReshape(OnnxNode &node, bool shapeFromInput, bool hasAllowZero) {
  FailureOr<RankedTensorType> type = dataType(node, 0);
  if (failed(type))
    return failure();
  SmallVector<int64_t> requested;
  if (shapeFromInput) {
    FailureOr<SmallVector<int64_t>> shape =
        requireConstantInts(node, 1, "shape");
    if (failed(shape))
      return failure();
    requested = *shape;
  } else if (std::optional<SmallVector<int64_t>> shape =
                 node.getInts("shape")) {
    requested = *shape;
  } else {
    return node.fail("the 'shape' attribute is required");
  }
  bool allowZero = hasAllowZero && node.getInt("allowzero", 0) != 0;
  FailureOr<SmallVector<int64_t>> shape =
      onnxReshapeShape(node, type->getShape(), requested, allowZero);
  if (failed(shape))
    return failure();
  return single(sameSignedness(node, reshapeTo(node.b, node.input(0), *shape)));
}

Results lowerTranspose(OnnxNode &node) {
  FailureOr<RankedTensorType> type = dataType(node, 0);
  if (failed(type))
    return failure();
  FailureOr<SmallVector<int64_t>> perm =
      readOnnxPermutation(node, type->getRank());
  if (failed(perm))
    return failure();
  if (llvm::equal(*perm, llvm::seq<int64_t>(0, type->getRank())))
    return single(node.input(0));
  SmallVector<int64_t> shape;
  for (int64_t d : *perm)
    shape.push_back(type->getDimSize(d));
  Value init = emptyTensor(node.b, shape, type->getElementType());
  Value result = linalg::TransposeOp::create(node.b, node.input(0), init, *perm)
                     .getResult()[0];
  return single(sameSignedness(node, result));
}

Results lowerUnsqueeze(OnnxNode &node, bool axesFromInput) {
  FailureOr<RankedTensorType> type = dataType(node, 0);
  if (failed(type))
    return failure();
  FailureOr<std::optional<SmallVector<int64_t>>> axes =
      readOnnxAxes(node, axesFromInput, 1);
  if (failed(axes))
    return failure();
  if (!*axes)
    return node.fail("axes are required");
  FailureOr<SmallVector<int64_t>> shape =
      onnxUnsqueezeShape(node, type->getShape(), **axes);
  if (failed(shape))
    return failure();
  return single(sameSignedness(node, reshapeTo(node.b, node.input(0), *shape)));
}

Results lowerSqueeze(OnnxNode &node, bool axesFromInput) {
  FailureOr<RankedTensorType> type = dataType(node, 0);
  if (failed(type))
    return failure();
  FailureOr<std::optional<SmallVector<int64_t>>> axes =
      readOnnxAxes(node, axesFromInput, 1);
  if (failed(axes))
    return failure();
  FailureOr<SmallVector<int64_t>> shape =
      onnxSqueezeShape(node, type->getShape(), *axes);
  if (failed(shape))
    return failure();
  return single(sameSignedness(node, reshapeTo(node.b, node.input(0), *shape)));
}

/// Concat-1 defaults `axis` to 1; from Concat-4 on it is required.
Results lowerConcat(OnnxNode &node, bool axisRequired) {
  if (node.numInputs() == 0)
    return node.fail("needs at least one input");
  SmallVector<RankedTensorType> types;
  for (unsigned i = 0; i < node.numInputs(); ++i) {
    FailureOr<RankedTensorType> type = dataType(node, i);
    if (failed(type))
      return failure();
    types.push_back(*type);
  }
  std::optional<int64_t> axisAttr = node.getOptionalInt("axis");
  if (!axisAttr && axisRequired)
    return node.fail("the 'axis' attribute is required");
  int64_t rank = types[0].getRank();
  if (rank == 0)
    return node.fail("cannot concatenate scalars");
  FailureOr<int64_t> axis = node.normalizeAxis(axisAttr.value_or(1), rank);
  if (failed(axis))
    return failure();
  SmallVector<int64_t> shape(types[0].getShape());
  shape[*axis] = 0;
  SmallVector<Value> pieces;
  for (auto [i, type] : llvm::enumerate(types)) {
    if (type.getElementType() != types[0].getElementType())
      return node.fail("inputs have different element types");
    bool matches = type.getRank() == rank;
    for (int64_t d = 0; matches && d < rank; ++d)
      matches = d == *axis || type.getDimSize(d) == types[0].getDimSize(d);
    if (!matches)
      return node.fail("input " + Twine(i) +
                       " has a shape that does not match "
                       "input 0 outside the concatenation axis");
    shape[*axis] += type.getDimSize(*axis);
    if (type.getDimSize(*axis) != 0)
      pieces.push_back(node.input(i));
  }
  Value result;
  if (pieces.empty())
    result = emptyTensor(node.b, shape, types[0].getElementType());
  else if (pieces.size() == 1)
    result = pieces[0];
  else
    result = tensor::ConcatOp::create(node.b, *axis, pieces);
  return single(sameSignedness(node, result));
}

/// Where Split's sizes come from, by version.
enum class SplitSizes {
  AttributeOrInput, // Split-1: the `split` attribute or input 1
  Attribute,        // Split-2, 11: the `split` attribute
  Input,            // Split-13: input 1
  InputOrCount,     // Split-18: input 1 or the `num_outputs` attribute
};

Results lowerSplit(OnnxNode &node, SplitSizes form) {
  FailureOr<RankedTensorType> type = dataType(node, 0);
  if (failed(type))
    return failure();
  FailureOr<int64_t> axis =
      node.normalizeAxis(node.getInt("axis", 0), type->getRank());
  if (failed(axis))
    return failure();
  int64_t dim = type->getDimSize(*axis), count = node.numOutputs();
  if (count == 0)
    return node.fail("needs at least one output");
  std::optional<SmallVector<int64_t>> sizes;
  bool inputSplit = form != SplitSizes::Attribute && node.hasInput(1);
  if (inputSplit) {
    FailureOr<SmallVector<int64_t>> split =
        requireConstantInts(node, 1, "split");
    if (failed(split))
      return failure();
    sizes = *split;
  } else if (form == SplitSizes::Attribute ||
             form == SplitSizes::AttributeOrInput) {
    sizes = node.getInts("split");
  }
  if (form == SplitSizes::InputOrCount) {
    std::optional<int64_t> numOutputs = node.getOptionalInt("num_outputs");
    if (sizes && numOutputs)
      return node.fail("give either the 'split' input or the 'num_outputs' "
                       "attribute, not both");
    if (!sizes && !numOutputs)
      return node.fail(
          "needs the 'split' input or the 'num_outputs' attribute");
    if (numOutputs) {
      if (*numOutputs != count)
        return node.fail("num_outputs is " + Twine(*numOutputs) +
                         " but the node has " + Twine(count) + " outputs");
      // Chunks of ceil(dim / n); the last one takes what is left.
      int64_t chunk = (dim + count - 1) / count;
      if (chunk * (count - 1) > dim)
        return node.fail("cannot split a dimension of " + Twine(dim) +
                         " into " + Twine(count) + " chunks");
      sizes = SmallVector<int64_t>(count, chunk);
      sizes->back() = dim - chunk * (count - 1);
    }
  }
  if (!sizes) {
    if (dim % count != 0)
      return node.fail("cannot split a dimension of " + Twine(dim) + " into " +
                       Twine(count) + " equal parts");
    sizes = SmallVector<int64_t>(count, dim / count);
  }
  if (static_cast<int64_t>(sizes->size()) != count)
    return node.fail("split has " + Twine(sizes->size()) + " entries for " +
                     Twine(count) + " outputs");
  if (llvm::any_of(*sizes, [](int64_t s) { return s < 0; }) ||
      std::accumulate(sizes->begin(), sizes->end(), int64_t{0}) != dim)
    return node.fail("split sizes do not add up to the dimension size " +
                     Twine(dim));
  SmallVector<Value> results;
  int64_t rank = type->getRank(), offset = 0;
  for (int64_t size : *sizes) {
    SmallVector<int64_t> offsets(rank, 0), shape(type->getShape());
    offsets[*axis] = offset;
    shape[*axis] = size;
    Value piece = extractSlice(node.b, node.input(0), offsets, shape,
                               SmallVector<int64_t>(rank, 1));
    results.push_back(sameSignedness(node, piece));
    offset += size;
  }
  return results;
}

/// Slice: tensor.extract_slice over the elements taken in increasing order,
/// then, for axes with negative steps, a generic that reverses them.
Results lowerSlice(OnnxNode &node, bool fromInputs) {
  FailureOr<RankedTensorType> type = dataType(node, 0);
  if (failed(type))
    return failure();
  SmallVector<int64_t> starts, sizes, steps;
  if (failed(readOnnxSlice(node, type->getShape(), fromInputs, starts, sizes,
                           steps)))
    return failure();
  int64_t rank = type->getRank();
  SmallVector<int64_t> offsets, strides;
  bool reversed = false;
  for (int64_t d = 0; d < rank; ++d) {
    bool negative = steps[d] < 0 && sizes[d] > 0;
    reversed |= negative && sizes[d] > 1;
    offsets.push_back(negative ? starts[d] + (sizes[d] - 1) * steps[d]
                               : starts[d]);
    strides.push_back(std::abs(steps[d]));
  }
  Value result = extractSlice(node.b, node.input(0), offsets, sizes, strides);
  if (reversed) {
    MLIRContext *ctx = node.b.getContext();
    SmallVector<AffineExpr> exprs;
    for (int64_t d = 0; d < rank; ++d) {
      AffineExpr dim = getAffineDimExpr(d, ctx);
      exprs.push_back(steps[d] < 0 ? sizes[d] - 1 - dim : dim);
    }
    result = buildIndexed(node.b, sizes, type->getElementType(), result,
                          AffineMap::get(rank, 0, exprs, ctx),
                          [](ImplicitLocOpBuilder &, ValueRange,
                             ValueRange args) { return args[0]; });
  }
  return single(sameSignedness(node, result));
}

/// Gather: out[a..., i..., b...] = data[a..., indices[i...], b...], a generic
/// over the result reading `indices` and extracting from `data`.
Results lowerGather(OnnxNode &node) {
  FailureOr<RankedTensorType> type = dataType(node, 0);
  if (failed(type))
    return failure();
  FailureOr<RankedTensorType> indices = indexType(node, 1, "indices");
  if (failed(indices))
    return failure();
  int64_t rank = type->getRank(), indexRank = indices->getRank();
  if (rank == 0)
    return node.fail("cannot gather from a scalar");
  FailureOr<int64_t> axis = node.normalizeAxis(node.getInt("axis", 0), rank);
  if (failed(axis))
    return failure();
  int64_t dim = type->getDimSize(*axis);
  SmallVector<int64_t> shape(type->getShape().take_front(*axis));
  llvm::append_range(shape, indices->getShape());
  llvm::append_range(shape, type->getShape().drop_front(*axis + 1));
  Type elementType = type->getElementType();
  if (numElements(shape) == 0)
    return single(
        sameSignedness(node, emptyTensor(node.b, shape, elementType)));
  // A constant scalar index is a slice.
  if (std::optional<SmallVector<int64_t>> index = node.constantInts(1);
      index && indexRank == 0 && (*index)[0] >= -dim && (*index)[0] < dim) {
    SmallVector<int64_t> offsets(rank, 0), sizes(type->getShape());
    offsets[*axis] = (*index)[0] < 0 ? (*index)[0] + dim : (*index)[0];
    sizes[*axis] = 1;
    Value slice = extractSlice(node.b, node.input(0), offsets, sizes,
                               SmallVector<int64_t>(rank, 1));
    return single(sameSignedness(node, reshapeTo(node.b, slice, shape)));
  }
  MLIRContext *ctx = node.b.getContext();
  SmallVector<AffineExpr> indexExprs;
  for (int64_t d = 0; d < indexRank; ++d)
    indexExprs.push_back(getAffineDimExpr(*axis + d, ctx));
  AffineMap indexMap = AffineMap::get(shape.size(), 0, indexExprs, ctx);
  bool unsignedIndices = node.isUnsignedInput(1);
  Value data = node.input(0);
  Value result = buildIndexed(
      node.b, shape, elementType, node.input(1), indexMap,
      [&](ImplicitLocOpBuilder &b, ValueRange ivs, ValueRange args) -> Value {
        SmallVector<Value> at(ivs.take_front(*axis));
        at.push_back(normalizedIndex(b, args[0], dim, unsignedIndices));
        llvm::append_range(at, ivs.drop_front(*axis + indexRank));
        return tensor::ExtractOp::create(b, data, at);
      });
  return single(sameSignedness(node, result));
}

/// GatherND: out[i..., j...] = data[i_batch..., indices[i..., :]..., j...].
/// `batch_dims` exists from GatherND-12 on.
Results lowerGatherND(OnnxNode &node, bool hasBatchDims) {
  FailureOr<RankedTensorType> type = dataType(node, 0);
  if (failed(type))
    return failure();
  FailureOr<RankedTensorType> indices = indexType(node, 1, "indices");
  if (failed(indices))
    return failure();
  int64_t rank = type->getRank(), indexRank = indices->getRank();
  int64_t batch = hasBatchDims ? node.getInt("batch_dims", 0) : 0;
  if (indexRank < 1 || rank < 1)
    return node.fail("data and indices must have rank >= 1");
  if (batch < 0 || batch >= std::min(rank, indexRank))
    return node.fail("batch_dims " + Twine(batch) +
                     " must be below the ranks of "
                     "data and indices");
  int64_t depth = indices->getShape().back();
  if (depth < 1 || depth > rank - batch)
    return node.fail("the last indices dimension is " + Twine(depth) +
                     "; it must be between 1 and rank(data) - batch_dims = " +
                     Twine(rank - batch));
  if (type->getShape().take_front(batch) !=
      indices->getShape().take_front(batch))
    return node.fail("the batch dimensions of data and indices differ");
  SmallVector<int64_t> shape(indices->getShape().drop_back());
  llvm::append_range(shape, type->getShape().drop_front(batch + depth));
  Type elementType = type->getElementType();
  if (numElements(shape) == 0)
    return single(
        sameSignedness(node, emptyTensor(node.b, shape, elementType)));
  bool unsignedIndices = node.isUnsignedInput(1);
  Value data = node.input(0), indexTensor = node.input(1);
  ArrayRef<int64_t> dataShape = type->getShape();
  Value result = buildIndexed(
      node.b, shape, elementType, {}, {},
      [&](ImplicitLocOpBuilder &b, ValueRange ivs, ValueRange) -> Value {
        SmallVector<Value> at(ivs.take_front(batch));
        SmallVector<Value> where(ivs.take_front(indexRank - 1));
        where.push_back(Value());
        for (int64_t m = 0; m < depth; ++m) {
          where.back() = indexConstant(b, m);
          Value index = tensor::ExtractOp::create(b, indexTensor, where);
          at.push_back(
              normalizedIndex(b, index, dataShape[batch + m], unsignedIndices));
        }
        llvm::append_range(at, ivs.drop_front(indexRank - 1));
        return tensor::ExtractOp::create(b, data, at);
      });
  return single(sameSignedness(node, result));
}

/// GatherElements: out[i, j, k] = data[indices[i, j, k], j, k] for axis 0.
Results lowerGatherElements(OnnxNode &node) {
  FailureOr<RankedTensorType> type = dataType(node, 0);
  if (failed(type))
    return failure();
  FailureOr<RankedTensorType> indices = indexType(node, 1, "indices");
  if (failed(indices))
    return failure();
  int64_t rank = type->getRank();
  if (rank == 0 || indices->getRank() != rank)
    return node.fail("data and indices must have the same rank >= 1");
  FailureOr<int64_t> axis = node.normalizeAxis(node.getInt("axis", 0), rank);
  if (failed(axis))
    return failure();
  for (int64_t d = 0; d < rank; ++d)
    if (d != *axis && indices->getDimSize(d) > type->getDimSize(d))
      return node.fail("indices dimension " + Twine(d) +
                       " exceeds that of data");
  ArrayRef<int64_t> shape = indices->getShape();
  Type elementType = type->getElementType();
  if (numElements(shape) == 0)
    return single(
        sameSignedness(node, emptyTensor(node.b, shape, elementType)));
  int64_t dim = type->getDimSize(*axis);
  bool unsignedIndices = node.isUnsignedInput(1);
  Value data = node.input(0);
  Value result = buildIndexed(
      node.b, shape, elementType, node.input(1),
      node.b.getMultiDimIdentityMap(rank),
      [&](ImplicitLocOpBuilder &b, ValueRange ivs, ValueRange args) -> Value {
        SmallVector<Value> at(ivs);
        at[*axis] = normalizedIndex(b, args[0], dim, unsignedIndices);
        return tensor::ExtractOp::create(b, data, at);
      });
  return single(sameSignedness(node, result));
}

/// Expand: numpy broadcast of the input with a constant shape, both ways
/// (a 1 in the shape keeps the input's dimension).
Results lowerExpand(OnnxNode &node) {
  FailureOr<RankedTensorType> type = dataType(node, 0);
  if (failed(type))
    return failure();
  FailureOr<SmallVector<int64_t>> requested =
      requireConstantInts(node, 1, "shape");
  if (failed(requested))
    return failure();
  if (llvm::any_of(*requested, [](int64_t size) { return size < 0; }))
    return node.fail("shape has negative entries");
  FailureOr<SmallVector<int64_t>> shape =
      broadcastShapes({type->getShape(), *requested});
  if (failed(shape))
    return node.fail("shape does not broadcast with the input shape");
  if (*shape == type->getShape())
    return single(node.input(0));
  Type elementType = type->getElementType();
  Value result =
      numElements(*shape) == 0
          ? emptyTensor(node.b, *shape, elementType)
          : buildElementwise(node.b, node.input(0), *shape, elementType,
                             [](ImplicitLocOpBuilder &, ValueRange args) {
                               return args[0];
                             });
  return single(sameSignedness(node, result));
}

/// Tile: a broadcast to [r0, d0, r1, d1, ...] collapsed to [r0*d0, r1*d1, ...].
Results lowerTile(OnnxNode &node) {
  FailureOr<RankedTensorType> type = dataType(node, 0);
  if (failed(type))
    return failure();
  FailureOr<SmallVector<int64_t>> repeats =
      requireConstantInts(node, 1, "repeats");
  if (failed(repeats))
    return failure();
  int64_t rank = type->getRank();
  if (static_cast<int64_t>(repeats->size()) != rank)
    return node.fail("repeats has " + Twine(repeats->size()) +
                     " entries for an input of rank " + Twine(rank));
  if (llvm::any_of(*repeats, [](int64_t r) { return r < 0; }))
    return node.fail("repeats has negative entries");
  if (llvm::all_of(*repeats, [](int64_t r) { return r == 1; }))
    return single(node.input(0));
  Type elementType = type->getElementType();
  SmallVector<int64_t> shape, interleaved;
  SmallVector<AffineExpr> exprs;
  SmallVector<ReassociationIndices> groups;
  for (int64_t d = 0; d < rank; ++d) {
    shape.push_back((*repeats)[d] * type->getDimSize(d));
    interleaved.append({(*repeats)[d], type->getDimSize(d)});
    exprs.push_back(node.b.getAffineDimExpr(2 * d + 1));
    groups.push_back({2 * d, 2 * d + 1});
  }
  if (numElements(shape) == 0)
    return single(
        sameSignedness(node, emptyTensor(node.b, shape, elementType)));
  Value tiled =
      buildIndexed(node.b, interleaved, elementType, node.input(0),
                   AffineMap::get(2 * rank, 0, exprs, node.b.getContext()),
                   [](ImplicitLocOpBuilder &, ValueRange, ValueRange args) {
                     return args[0];
                   });
  Value result = tensor::CollapseShapeOp::create(
      node.b, RankedTensorType::get(shape, elementType), tiled, groups);
  return single(sameSignedness(node, result));
}

/// Range: start + i * delta for i < max(ceil((limit - start) / delta), 0).
/// The size depends on the values, so they must be constants (integer
/// ranges fold to a constant before this runs when they are small).
Results lowerRange(OnnxNode &node) {
  SmallVector<RankedTensorType> types;
  for (unsigned i = 0; i < 3; ++i) {
    FailureOr<RankedTensorType> type = node.staticType(i);
    if (failed(type))
      return failure();
    if (type->getNumElements() != 1 || type->getRank() > 1)
      return node.fail("start, limit and delta must be scalars");
    types.push_back(*type);
  }
  Type elementType = types[0].getElementType();
  if (!isa<Float32Type, Float64Type>(elementType) &&
      !elementType.isInteger(16) && !elementType.isInteger(32) &&
      !elementType.isInteger(64))
    return node.error()
           << "Range supports f32, f64, int16, int32 and int64, got "
           << elementType;
  if (types[1].getElementType() != elementType ||
      types[2].getElementType() != elementType)
    return node.fail("start, limit and delta have different element types");
  std::optional<SmallVector<double>> start = node.constantDoubles(0),
                                     limit = node.constantDoubles(1),
                                     delta = node.constantDoubles(2);
  if (!start || !limit || !delta)
    return node.fail(
        "start, limit and delta must be constants: the result size "
        "depends on their values");
  if ((*delta)[0] == 0)
    return node.fail("delta is 0");
  int64_t count;
  if (isa<IntegerType>(elementType)) {
    int64_t s = (*node.constantInts(0))[0], l = (*node.constantInts(1))[0],
            d = (*node.constantInts(2))[0];
    count = rangeCount(s, l, d);
  } else if (elementType.isF32()) {
    // In the element type, as the ONNX reference computes it.
    float s = (*start)[0], l = (*limit)[0], d = (*delta)[0];
    count = std::max<int64_t>(static_cast<int64_t>(std::ceil((l - s) / d)), 0);
  } else {
    count = std::max<int64_t>(static_cast<int64_t>(std::ceil(
                                  ((*limit)[0] - (*start)[0]) / (*delta)[0])),
                              0);
  }
  SmallVector<int64_t> shape{count};
  if (count == 0)
    return single(emptyTensor(node.b, shape, elementType));
  Value first = scalarInput(node, 0), step = scalarInput(node, 2);
  Value result = buildIndexed(
      node.b, shape, elementType, {}, {},
      [&](ImplicitLocOpBuilder &b, ValueRange ivs, ValueRange) -> Value {
        if (isa<FloatType>(elementType)) {
          Value i = arith::IndexCastOp::create(b, b.getI64Type(), ivs[0]);
          i = arith::SIToFPOp::create(b, elementType, i);
          return arith::AddFOp::create(b, first,
                                       arith::MulFOp::create(b, i, step));
        }
        Value i = arith::IndexCastOp::create(b, elementType, ivs[0]);
        return arith::AddIOp::create(b, first,
                                     arith::MulIOp::create(b, i, step));
      });
  return single(result);
}

/// ConstantOfShape: a tensor of a constant shape filled with `value` (a
/// one-element tensor, by default float 0).
Results lowerConstantOfShape(OnnxNode &node) {
  FailureOr<SmallVector<int64_t>> shape = requireConstantInts(node, 0, "shape");
  if (failed(shape))
    return failure();
  if (llvm::any_of(*shape, [](int64_t size) { return size < 0; }))
    return node.fail("shape has negative entries");
  TypedAttr scalar = node.b.getF32FloatAttr(0.0f);
  bool isUnsigned = false;
  if (ElementsAttr value = node.getTensor("value")) {
    FailureOr<TypedAttr> attr = scalarAttr(value);
    if (failed(attr) || !isSupportedElementType(attr->getType()))
      return node.fail("value must be a one-element tensor of a float, integer "
                       "or bool type");
    scalar = *attr;
    isUnsigned = value.getElementType().isUnsignedInteger();
  }
  Type elementType = scalar.getType();
  Value result = emptyTensor(node.b, *shape, elementType);
  if (numElements(*shape) != 0) {
    Value fill = arith::ConstantOp::create(node.b, scalar);
    result = linalg::FillOp::create(node.b, fill, result).getResult(0);
  }
  if (isUnsigned)
    node.markUnsigned(result);
  return single(result);
}

/// Trilu: keeps the elements with j - i >= k (upper) or j - i <= k (lower)
/// of the last two dimensions, zeroes the others.
Results lowerTrilu(OnnxNode &node) {
  FailureOr<RankedTensorType> type = dataType(node, 0);
  if (failed(type))
    return failure();
  int64_t rank = type->getRank();
  if (rank < 2)
    return node.fail("input must have rank >= 2");
  bool upper = node.getInt("upper", 1) != 0;
  Value k;
  if (node.hasInput(1)) {
    FailureOr<RankedTensorType> kType = indexType(node, 1, "k");
    if (failed(kType))
      return failure();
    if (kType->getNumElements() != 1)
      return node.fail("k must be a scalar");
    k = scalarInput(node, 1);
    k = arith::IndexCastOp::create(node.b, node.b.getIndexType(), k);
  } else {
    k = indexConstant(node.b, 0);
  }
  Type elementType = type->getElementType();
  Value result = buildElementwise(
      node.b, node.input(0), type->getShape(), elementType,
      [&](ImplicitLocOpBuilder &b, ValueRange args) -> Value {
        Value row = linalg::IndexOp::create(b, rank - 2);
        Value column = linalg::IndexOp::create(b, rank - 1);
        Value diagonal = arith::SubIOp::create(b, column, row);
        Value keep = arith::CmpIOp::create(
            b, upper ? arith::CmpIPredicate::sge : arith::CmpIPredicate::sle,
            diagonal, k);
        return arith::SelectOp::create(b, keep, args[0],
                                       zeroScalar(b, elementType));
      });
  return single(sameSignedness(node, result));
}

/// Flatten: [d0 * ... * d(axis-1), d(axis) * ... ], axis in [-rank, rank].
Results lowerFlatten(OnnxNode &node) {
  FailureOr<RankedTensorType> type = dataType(node, 0);
  if (failed(type))
    return failure();
  int64_t rank = type->getRank(), axis = node.getInt("axis", 1);
  if (axis < -rank || axis > rank)
    return node.fail("axis " + Twine(axis) + " is out of range for rank " +
                     Twine(rank));
  if (axis < 0)
    axis += rank;
  ArrayRef<int64_t> dims = type->getShape();
  SmallVector<int64_t> shape{numElements(dims.take_front(axis)),
                             numElements(dims.drop_front(axis))};
  return single(sameSignedness(node, reshapeTo(node.b, node.input(0), shape)));
}

/// How Pad takes its operands, by version.
struct PadForm {
  StringRef padsAttr; // Pad-1 `paddings`, Pad-2 `pads`; empty: input 1 (Pad-11)
  bool hasAxes;       // Pad-18: input 3
  bool hasWrap;       // Pad-19: mode "wrap"
};

Results lowerPad(OnnxNode &node, PadForm form) {
  FailureOr<RankedTensorType> type = dataType(node, 0);
  if (failed(type))
    return failure();
  int64_t rank = type->getRank();
  Type elementType = type->getElementType();
  std::string mode = node.getString("mode", "constant");
  if (mode != "constant" && mode != "reflect" && mode != "edge" &&
      !(form.hasWrap && mode == "wrap"))
    return node.fail("unknown mode '" + mode + "'");
  SmallVector<int64_t> pads;
  if (!form.padsAttr.empty()) {
    std::optional<SmallVector<int64_t>> attr = node.getInts(form.padsAttr);
    if (!attr)
      return node.fail("the '" + form.padsAttr + "' attribute is required");
    pads = *attr;
  } else {
    FailureOr<SmallVector<int64_t>> input =
        requireConstantInts(node, 1, "pads");
    if (failed(input))
      return failure();
    pads = *input;
  }
  SmallVector<int64_t> axes;
  std::optional<SmallVector<int64_t>> given;
  if (form.hasAxes) {
    FailureOr<std::optional<SmallVector<int64_t>>> read =
        readOnnxAxes(node, true, 3);
    if (failed(read))
      return failure();
    given = *read;
  }
  for (int64_t d = 0, e = given ? given->size() : rank; d < e; ++d) {
    FailureOr<int64_t> axis = node.normalizeAxis(given ? (*given)[d] : d, rank);
    if (failed(axis))
      return failure();
    if (llvm::is_contained(axes, *axis))
      return node.fail("axis " + Twine(*axis) + " is given twice");
    axes.push_back(*axis);
  }
  int64_t count = axes.size();
  if (static_cast<int64_t>(pads.size()) != 2 * count)
    return node.fail("pads has " + Twine(pads.size()) + " entries; expected " +
                     Twine(2 * count));
  SmallVector<int64_t> low(rank, 0), high(rank, 0), shape(type->getShape());
  for (auto [k, axis] : llvm::enumerate(axes)) {
    low[axis] = pads[k];
    high[axis] = pads[count + k];
    shape[axis] += low[axis] + high[axis];
    if (shape[axis] < 0)
      return node.fail("pads remove more than dimension " + Twine(axis) +
                       " holds");
  }
  if (llvm::all_of(pads, [](int64_t p) { return p == 0; }))
    return single(node.input(0));
  if (numElements(shape) == 0)
    return single(
        sameSignedness(node, emptyTensor(node.b, shape, elementType)));

  Value data = node.input(0);
  if (mode == "constant") {
    Value value;
    if (!form.padsAttr.empty())
      value = scalarConstant(node.b, elementType, node.getFloat("value", 0.0f));
    else if (node.hasInput(2))
      value = scalarInput(node, 2);
    else
      value = zeroScalar(node.b, elementType);
    if (value.getType() != elementType)
      return node.fail("constant_value has a different element type than data");
    // Negative pads crop first.
    SmallVector<int64_t> offsets, sizes;
    for (int64_t d = 0; d < rank; ++d) {
      offsets.push_back(std::max<int64_t>(-low[d], 0));
      sizes.push_back(type->getDimSize(d) - offsets.back() -
                      std::max<int64_t>(-high[d], 0));
      low[d] = std::max<int64_t>(low[d], 0);
      high[d] = std::max<int64_t>(high[d], 0);
    }
    data = extractSlice(node.b, data, offsets, sizes,
                        SmallVector<int64_t>(rank, 1));
    if (llvm::all_of(low, [](int64_t p) { return p == 0; }) &&
        llvm::all_of(high, [](int64_t p) { return p == 0; }))
      return single(sameSignedness(node, data));
    auto resultType = RankedTensorType::get(shape, elementType);
    SmallVector<OpFoldResult> lowSizes, highSizes;
    for (int64_t d = 0; d < rank; ++d) {
      lowSizes.push_back(node.b.getIndexAttr(low[d]));
      highSizes.push_back(node.b.getIndexAttr(high[d]));
    }
    Value padded = tensor::PadOp::create(node.b, resultType, data, lowSizes,
                                         highSizes, value);
    return single(sameSignedness(node, padded));
  }

  // reflect, edge, wrap: every result element reads one input element.
  for (int64_t d = 0; d < rank; ++d)
    if (type->getDimSize(d) == 0 && (low[d] > 0 || high[d] > 0))
      return node.fail("cannot pad an empty dimension in " + mode + " mode");
  ArrayRef<int64_t> dims = type->getShape();
  Value result = buildIndexed(
      node.b, shape, elementType, {}, {},
      [&](ImplicitLocOpBuilder &b, ValueRange ivs, ValueRange) -> Value {
        SmallVector<Value> at;
        for (int64_t d = 0; d < rank; ++d) {
          Value index = ivs[d];
          if (low[d] == 0 && high[d] == 0) {
            at.push_back(index);
            continue;
          }
          int64_t size = dims[d];
          if (low[d] != 0)
            index = arith::SubIOp::create(b, index, indexConstant(b, low[d]));
          Value zero = indexConstant(b, 0);
          auto floorMod = [&](Value v, int64_t period) -> Value {
            Value p = indexConstant(b, period);
            Value r = arith::RemSIOp::create(b, v, p);
            Value negative =
                arith::CmpIOp::create(b, arith::CmpIPredicate::slt, r, zero);
            return arith::SelectOp::create(b, negative,
                                           arith::AddIOp::create(b, r, p), r);
          };
          if (mode == "edge") {
            index = arith::MaxSIOp::create(b, index, zero);
            index =
                arith::MinSIOp::create(b, index, indexConstant(b, size - 1));
          } else if (mode == "wrap") {
            index = floorMod(index, size);
          } else if (size == 1) {
            index = zero;
          } else {
            // Reflection without repeating the edge is periodic in 2(size-1).
            int64_t period = 2 * (size - 1);
            Value m = floorMod(index, period);
            Value inside = arith::CmpIOp::create(b, arith::CmpIPredicate::slt,
                                                 m, indexConstant(b, size));
            Value mirrored =
                arith::SubIOp::create(b, indexConstant(b, period), m);
            index = arith::SelectOp::create(b, inside, m, mirrored);
          }
          at.push_back(index);
        }
        return tensor::ExtractOp::create(b, data, at);
      });
  return single(sameSignedness(node, result));
}

/// Dropout at inference is the identity. From Dropout-12 on the
/// `training_mode` input may ask for random masking, which is not supported;
/// before 7, `is_test` = 0 means training. The optional mask output is all
/// ones (T before Dropout-10, bool after).
Results lowerDropout(OnnxNode &node, int64_t version) {
  FailureOr<RankedTensorType> type = dataType(node, 0);
  if (failed(type))
    return failure();
  bool training = false;
  if (version < 7) {
    training = node.getInt("is_test", 0) == 0;
  } else if (version >= 12 && node.hasInput(2)) {
    std::optional<SmallVector<int64_t>> mode = node.constantInts(2);
    if (!mode)
      return node.fail("training_mode must be a constant");
    std::optional<SmallVector<double>> ratio =
        node.hasInput(1)
            ? node.constantDoubles(1)
            : std::optional<SmallVector<double>>(SmallVector<double>{0.5});
    training = (*mode)[0] != 0 && (!ratio || (*ratio)[0] != 0.0);
  }
  if (training)
    return node.fail("training-mode Dropout (random masking) is not supported; "
                     "export the model for inference");
  SmallVector<Value> results{node.input(0)};
  if (node.numOutputs() > 1) {
    Value mask;
    if (!node.op.getResult(1).use_empty()) {
      Type maskType =
          version >= 10 ? node.b.getI1Type() : type->getElementType();
      mask = filledTensor(node.b, type->getShape(), maskType, 1.0);
    }
    results.push_back(mask);
  }
  return results;
}

/// ScatterND: a copy of data where each index tuple of `indices` selects a
/// slice replaced by (or, with `reduction`, combined with) a slice of
/// `updates`. Updates apply in order, as a loop over the index tuples.
Results lowerScatterND(OnnxNode &node, bool hasReduction) {
  FailureOr<RankedTensorType> type = dataType(node, 0);
  if (failed(type))
    return failure();
  FailureOr<RankedTensorType> indices = indexType(node, 1, "indices");
  if (failed(indices))
    return failure();
  FailureOr<RankedTensorType> updates = dataType(node, 2);
  if (failed(updates))
    return failure();
  int64_t rank = type->getRank(), indexRank = indices->getRank();
  if (rank < 1 || indexRank < 1)
    return node.fail("data and indices must have rank >= 1");
  int64_t depth = indices->getShape().back();
  if (depth < 1 || depth > rank)
    return node.fail(
        "the last indices dimension must be between 1 and rank(data)");
  SmallVector<int64_t> updateShape(indices->getShape().drop_back());
  llvm::append_range(updateShape, type->getShape().drop_front(depth));
  Type elementType = type->getElementType();
  if (updates->getShape() != ArrayRef<int64_t>(updateShape) ||
      updates->getElementType() != elementType)
    return node.fail(
        "updates must have shape indices.shape[:-1] + data.shape[k:] "
        "and the element type of data");
  std::string reduction =
      hasReduction ? node.getString("reduction", "none") : "none";
  if (!llvm::is_contained({"none", "add", "mul", "max", "min"}, reduction))
    return node.fail("unknown reduction '" + reduction + "'");
  if (node.opset() < 18 && (reduction == "max" || reduction == "min"))
    return node.fail("reduction '" + reduction + "' needs opset 18");
  bool isFloat = isa<FloatType>(elementType);
  if (elementType.isInteger(1) && reduction != "none")
    return node.fail("reductions on bool tensors are not supported");
  bool isUnsigned = node.isUnsignedInput(0);

  ImplicitLocOpBuilder &b = node.b;
  ArrayRef<int64_t> dataShape = type->getShape();
  ArrayRef<int64_t> tupleShape = indices->getShape().drop_back();
  int64_t tuples = numElements(tupleShape);
  SmallVector<int64_t> sliceShape(dataShape.drop_front(depth));
  if (tuples == 0 || numElements(sliceShape) == 0)
    return single(sameSignedness(node, node.input(0)));
  // The slice of data one tuple addresses, as [1]*depth + sliceShape.
  SmallVector<int64_t> blockShape(depth, 1);
  llvm::append_range(blockShape, sliceShape);
  SmallVector<int64_t> updateBlock(tupleShape.size(), 1);
  llvm::append_range(updateBlock, sliceShape);
  auto sliceType = RankedTensorType::get(sliceShape, elementType);
  Value indexTensor = node.input(1), updateTensor = node.input(2);
  auto loop = scf::ForOp::create(
      b, indexConstant(b, 0), indexConstant(b, tuples), indexConstant(b, 1),
      ValueRange{node.input(0)},
      [&](OpBuilder &nested, Location loc, Value iv, ValueRange carried) {
        ImplicitLocOpBuilder lb(loc, nested);
        // The tuple's position in indices.shape[:-1].
        SmallVector<Value> position;
        Value rest = iv;
        for (int64_t d = tupleShape.size() - 1; d >= 0; --d) {
          Value size = indexConstant(lb, tupleShape[d]);
          position.insert(position.begin(),
                          arith::RemUIOp::create(lb, rest, size));
          rest = arith::DivUIOp::create(lb, rest, size);
        }
        SmallVector<OpFoldResult> offsets, updateOffsets;
        SmallVector<Value> where(position);
        where.push_back(Value());
        for (int64_t m = 0; m < depth; ++m) {
          where.back() = indexConstant(lb, m);
          Value index = tensor::ExtractOp::create(lb, indexTensor, where);
          offsets.push_back(normalizedIndex(lb, index, dataShape[m],
                                            node.isUnsignedInput(1)));
        }
        for (int64_t d = depth; d < rank; ++d)
          offsets.push_back(lb.getIndexAttr(0));
        for (Value p : position)
          updateOffsets.push_back(p);
        for (int64_t d = 0, e = sliceShape.size(); d < e; ++d)
          updateOffsets.push_back(lb.getIndexAttr(0));
        auto attrs = [&](ArrayRef<int64_t> values) {
          SmallVector<OpFoldResult> result;
          for (int64_t value : values)
            result.push_back(lb.getIndexAttr(value));
          return result;
        };
        SmallVector<OpFoldResult> dataStrides =
            attrs(SmallVector<int64_t>(rank, 1));
        Value update = tensor::ExtractSliceOp::create(
            lb, sliceType, updateTensor, updateOffsets, attrs(updateBlock),
            attrs(SmallVector<int64_t>(updateBlock.size(), 1)));
        if (reduction != "none") {
          Value current =
              tensor::ExtractSliceOp::create(lb, sliceType, carried[0], offsets,
                                             attrs(blockShape), dataStrides);
          update = buildElementwise(
              lb, {current, update}, sliceShape, elementType,
              [&](ImplicitLocOpBuilder &eb, ValueRange args) -> Value {
                Value x = args[0], y = args[1];
                if (reduction == "add")
                  return isFloat ? arith::AddFOp::create(eb, x, y).getResult()
                                 : arith::AddIOp::create(eb, x, y).getResult();
                if (reduction == "mul")
                  return isFloat ? arith::MulFOp::create(eb, x, y).getResult()
                                 : arith::MulIOp::create(eb, x, y).getResult();
                if (reduction == "max")
                  return isFloat
                             ? arith::MaximumFOp::create(eb, x, y).getResult()
                         : isUnsigned
                             ? arith::MaxUIOp::create(eb, x, y).getResult()
                             : arith::MaxSIOp::create(eb, x, y).getResult();
                return isFloat ? arith::MinimumFOp::create(eb, x, y).getResult()
                       : isUnsigned
                           ? arith::MinUIOp::create(eb, x, y).getResult()
                           : arith::MinSIOp::create(eb, x, y).getResult();
              });
        }
        Value next = tensor::InsertSliceOp::create(
            lb, update, carried[0], offsets, attrs(blockShape), dataStrides);
        scf::YieldOp::create(lb, next);
      });
  return single(sameSignedness(node, loop.getResult(0)));
}

/// Constant: the `value` tensor, or the scalar/list forms value_float(s) and
/// value_int(s) (Constant-12 on).
Results lowerConstant(OnnxNode &node) {
  ImplicitLocOpBuilder &b = node.b;
  if (ElementsAttr value = node.getTensor("value")) {
    auto type = cast<RankedTensorType>(value.getType());
    if (!isa<IntegerType, FloatType>(type.getElementType()))
      return node.error() << "constants of type " << type.getElementType()
                          << " are not supported";
    auto signless = type.clone(signlessElementType(type.getElementType()));
    Attribute attr = value;
    if (signless != type) {
      if (auto dense = dyn_cast<DenseElementsAttr>(value))
        attr = dense.bitcast(signless.getElementType());
      else
        return node.fail("unsigned dense_resource constants are not supported");
    }
    Value result =
        arith::ConstantOp::create(b, signless, cast<TypedAttr>(attr));
    if (signless != type)
      node.markUnsigned(result);
    return single(result);
  }
  if (node.hasAttr("value_float")) {
    auto type = RankedTensorType::get({}, b.getF32Type());
    return single(arith::ConstantOp::create(
        b, DenseElementsAttr::get(type, node.getFloat("value_float", 0.0f))));
  }
  if (std::optional<SmallVector<float>> floats =
          node.getFloats("value_floats")) {
    auto type = RankedTensorType::get({static_cast<int64_t>(floats->size())},
                                      b.getF32Type());
    return single(arith::ConstantOp::create(
        b, DenseElementsAttr::get(type, ArrayRef<float>(*floats))));
  }
  if (std::optional<int64_t> value = node.getOptionalInt("value_int"))
    return single(intTensorConstant(b, {}, b.getI64Type(), {*value}));
  if (std::optional<SmallVector<int64_t>> ints = node.getInts("value_ints"))
    return single(intTensorConstant(b, {static_cast<int64_t>(ints->size())},
                                    b.getI64Type(), *ints));
  return node.fail("only the value, value_float(s) and value_int(s) forms are "
                   "supported");
}

/// Shape: known statically, so a constant; Shape-15 adds `start`/`end`.
Results lowerShape(OnnxNode &node, bool hasRange) {
  FailureOr<RankedTensorType> type = node.staticType(0);
  if (failed(type))
    return failure();
  int64_t rank = type->getRank();
  int64_t start = hasRange ? node.getInt("start", 0) : 0;
  int64_t end = hasRange ? node.getInt("end", rank) : rank;
  start = std::clamp<int64_t>(start < 0 ? start + rank : start, 0, rank);
  end = std::clamp<int64_t>(end < 0 ? end + rank : end, 0, rank);
  SmallVector<int64_t> dims(type->getShape().begin() + start,
                            type->getShape().begin() + std::max(start, end));
  return single(intTensorConstant(node.b, {static_cast<int64_t>(dims.size())},
                                  node.b.getI64Type(), dims));
}

Results lowerSize(OnnxNode &node) {
  FailureOr<RankedTensorType> type = node.staticType(0);
  if (failed(type))
    return failure();
  return single(intTensorConstant(node.b, {}, node.b.getI64Type(),
                                  {type->getNumElements()}));
}

} // namespace

void quench::populateOnnxShapeLowerings(OnnxLoweringSet &set) {
  set.add("Constant", 1, lowerConstant);
  set.add("Shape", 1, [](OnnxNode &n) { return lowerShape(n, false); });
  set.add("Shape", 15, [](OnnxNode &n) { return lowerShape(n, true); });
  set.add("Size", 1, lowerSize);
  set.add("Identity", 1,
          [](OnnxNode &node) -> Results { return single(node.input(0)); });

  set.add("Reshape", 1,
          [](OnnxNode &n) { return lowerReshape(n, false, false); });
  set.add("Reshape", 5,
          [](OnnxNode &n) { return lowerReshape(n, true, false); });
  set.add("Reshape", 14,
          [](OnnxNode &n) { return lowerReshape(n, true, true); });
  set.add("Transpose", 1, lowerTranspose);
  set.add("Unsqueeze", 1, [](OnnxNode &n) { return lowerUnsqueeze(n, false); });
  set.add("Unsqueeze", 13, [](OnnxNode &n) { return lowerUnsqueeze(n, true); });
  set.add("Squeeze", 1, [](OnnxNode &n) { return lowerSqueeze(n, false); });
  set.add("Squeeze", 13, [](OnnxNode &n) { return lowerSqueeze(n, true); });
  set.add("Concat", 1, [](OnnxNode &n) { return lowerConcat(n, false); });
  set.add("Concat", 4, [](OnnxNode &n) { return lowerConcat(n, true); });
  set.add("Split", 1, [](OnnxNode &n) {
    return lowerSplit(n, SplitSizes::AttributeOrInput);
  });
  set.add("Split", 2,
          [](OnnxNode &n) { return lowerSplit(n, SplitSizes::Attribute); });
  set.add("Split", 13,
          [](OnnxNode &n) { return lowerSplit(n, SplitSizes::Input); });
  set.add("Split", 18,
          [](OnnxNode &n) { return lowerSplit(n, SplitSizes::InputOrCount); });
  set.add("Slice", 1, [](OnnxNode &n) { return lowerSlice(n, false); });
  set.add("Slice", 10, [](OnnxNode &n) { return lowerSlice(n, true); });
  set.add("Gather", 1, lowerGather);
  set.add("GatherND", 11, [](OnnxNode &n) { return lowerGatherND(n, false); });
  set.add("GatherND", 12, [](OnnxNode &n) { return lowerGatherND(n, true); });
  set.add("GatherElements", 11, lowerGatherElements);
  set.add("Expand", 8, lowerExpand);
  set.add("Tile", 6, lowerTile);
  set.add("Range", 11, lowerRange);
  set.add("ConstantOfShape", 9, lowerConstantOfShape);
  set.add("Trilu", 14, lowerTrilu);
  set.add("Flatten", 1, lowerFlatten);
  set.add("Pad", 1, [](OnnxNode &n) {
    return lowerPad(n, {"paddings", false, false});
  });
  set.add("Pad", 2, [](OnnxNode &n) {
    return lowerPad(n, {"pads", false, false});
  });
  set.add("Pad", 11, [](OnnxNode &n) {
    return lowerPad(n, {"", false, false});
  });
  set.add("Pad", 18, [](OnnxNode &n) {
    return lowerPad(n, {"", true, false});
  });
  set.add("Pad", 19, [](OnnxNode &n) { return lowerPad(n, {"", true, true}); });
  set.add("Dropout", 1, [](OnnxNode &n) { return lowerDropout(n, 1); });
  set.add("Dropout", 7, [](OnnxNode &n) { return lowerDropout(n, 7); });
  set.add("Dropout", 10, [](OnnxNode &n) { return lowerDropout(n, 10); });
  set.add("Dropout", 12, [](OnnxNode &n) { return lowerDropout(n, 12); });
  set.add("ScatterND", 11,
          [](OnnxNode &n) { return lowerScatterND(n, false); });
  set.add("ScatterND", 16, [](OnnxNode &n) { return lowerScatterND(n, true); });
}
