//===- NN.cpp - ONNX matmul, normalization, convolution and pooling ops ---===//
//
// Every lowering here is a handful of linalg.generic ops on tensors. Float16
// and bfloat16 data is widened to f32 inside the loops and rounded once when
// the result is written, so matmul and convolution sums and the statistics
// of the normalizations keep f32 precision.
//
//===----------------------------------------------------------------------===//

#include "OnnxLowering.h"

#include <cmath>

using namespace mlir;
using namespace quench;

namespace {

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

using utils::IteratorType;

bool isOnnxFloat(Type type) {
  return type.isF16() || type.isBF16() || type.isF32() || type.isF64();
}

/// The type arithmetic runs in: f32 for f16 and bf16, the type itself
/// otherwise.
Type computeType(Type elementType) {
  if (elementType.isF16() || elementType.isBF16())
    return Float32Type::get(elementType.getContext());
  return elementType;
}

Value toFloat(ImplicitLocOpBuilder &b, Value value, Type type) {
  return castScalar(b, value, type, /*fromUnsigned=*/false,
                    /*toUnsigned=*/false);
}

/// Input `i` with a static shape and a float element type.
FailureOr<RankedTensorType> floatInput(OnnxNode &node, unsigned i) {
  FailureOr<RankedTensorType> type = node.staticType(i);
  if (failed(type))
    return failure();
  if (!isOnnxFloat(type->getElementType())) {
    node.error() << "input " << i << " has element type "
                 << type->getElementType()
                 << "; expected f16, bf16, f32 or f64";
    return failure();
  }
  return type;
}

/// `from, from + 1, ..., to - 1`.
SmallVector<int64_t> range(int64_t from, int64_t to) {
  return llvm::to_vector(llvm::seq<int64_t>(from, to));
}

int64_t ceilDiv(int64_t a, int64_t b) { return (a + b - 1) / b; }

int64_t product(ArrayRef<int64_t> sizes) {
  int64_t result = 1;
  for (int64_t size : sizes)
    result *= size;
  return result;
}

/// `shape` without the dimensions `dims`.
SmallVector<int64_t> dropDims(ArrayRef<int64_t> shape, ArrayRef<int64_t> dims) {
  SmallVector<int64_t> result;
  for (auto [i, size] : llvm::enumerate(shape))
    if (!llvm::is_contained(dims, static_cast<int64_t>(i)))
      result.push_back(size);
  return result;
}

/// Loops `(d0, ..., d{rank-1})` to the loops not in `dims`.
AffineMap dropDimsMap(MLIRContext *ctx, int64_t rank, ArrayRef<int64_t> dims) {
  SmallVector<AffineExpr> exprs;
  for (int64_t i = 0; i < rank; ++i)
    if (!llvm::is_contained(dims, i))
      exprs.push_back(getAffineDimExpr(i, ctx));
  return AffineMap::get(rank, 0, exprs, ctx);
}

/// Loops `(d0, ..., d{rank-1})` to the loops `dims`.
AffineMap selectDimsMap(MLIRContext *ctx, int64_t rank,
                        ArrayRef<int64_t> dims) {
  SmallVector<AffineExpr> exprs;
  for (int64_t dim : dims)
    exprs.push_back(getAffineDimExpr(dim, ctx));
  return AffineMap::get(rank, 0, exprs, ctx);
}

/// How an operand of `operandShape` is read when numpy-broadcast (aligned to
/// the trailing dimensions) over loops of `shape`.
AffineMap broadcastMap(MLIRContext *ctx, ArrayRef<int64_t> operandShape,
                       ArrayRef<int64_t> shape) {
  int64_t rank = shape.size();
  int64_t offset = rank - operandShape.size();
  SmallVector<AffineExpr> exprs;
  for (auto [i, size] : llvm::enumerate(operandShape)) {
    bool broadcast = size == 1 && shape[offset + i] != 1;
    exprs.push_back(broadcast ? getAffineConstantExpr(0, ctx)
                              : getAffineDimExpr(offset + i, ctx));
  }
  return AffineMap::get(rank, 0, exprs, ctx);
}

/// One linalg.generic updating `init` through `outputMap`; `body` receives
/// the input scalars followed by the current output scalar and returns the
/// new output scalar.
Value buildGeneric(ImplicitLocOpBuilder &b, ValueRange inputs,
                   ArrayRef<AffineMap> inputMaps, Value init,
                   AffineMap outputMap, ArrayRef<IteratorType> iterators,
                   ScalarFn body) {
  SmallVector<AffineMap> maps(inputMaps);
  maps.push_back(outputMap);
  auto generic = linalg::GenericOp::create(
      b, TypeRange{init.getType()}, inputs, ValueRange{init}, maps, iterators,
      [&](OpBuilder &nested, Location loc, ValueRange args) {
        ImplicitLocOpBuilder nb(loc, nested);
        linalg::YieldOp::create(nb, body(nb, args));
      });
  return generic.getResult(0);
}

/// A new tensor of `shape` computed point-wise over its own indices; `body`
/// receives one scalar per input.
Value buildParallel(ImplicitLocOpBuilder &b, ValueRange inputs,
                    ArrayRef<AffineMap> inputMaps, ArrayRef<int64_t> shape,
                    Type elementType, ScalarFn body) {
  int64_t rank = shape.size();
  SmallVector<IteratorType> iterators(rank, IteratorType::parallel);
  return buildGeneric(b, inputs, inputMaps, emptyTensor(b, shape, elementType),
                      b.getMultiDimIdentityMap(rank), iterators,
                      [&](ImplicitLocOpBuilder &nb, ValueRange args) {
                        return body(nb, args.drop_back());
                      });
}

/// Reduces the loops `dims` of `shape`: the result has `shape` without
/// `dims`, starts at `initValue`, and `body` receives the input scalars
/// followed by the accumulator.
Value buildReduction(ImplicitLocOpBuilder &b, ValueRange inputs,
                     ArrayRef<AffineMap> inputMaps, ArrayRef<int64_t> shape,
                     ArrayRef<int64_t> dims, Value initValue, ScalarFn body) {
  int64_t rank = shape.size();
  SmallVector<IteratorType> iterators(rank, IteratorType::parallel);
  for (int64_t dim : dims)
    iterators[dim] = IteratorType::reduction;
  Value init = linalg::FillOp::create(
                   b, initValue,
                   emptyTensor(b, dropDims(shape, dims), initValue.getType()))
                   .getResult(0);
  return buildGeneric(b, inputs, inputMaps, init,
                      dropDimsMap(b.getContext(), rank, dims), iterators, body);
}

/// Converts a float tensor element-wise to `elementType`.
Value convertTensor(ImplicitLocOpBuilder &b, Value value, Type elementType) {
  auto type = cast<RankedTensorType>(value.getType());
  if (type.getElementType() == elementType)
    return value;
  return buildElementwise(b, value, type.getShape(), elementType,
                          [&](ImplicitLocOpBuilder &nb, ValueRange args) {
                            return toFloat(nb, args[0], elementType);
                          });
}

/// Puts back, as size-1 dimensions, the dimensions `dims` of a rank-`rank`
/// shape that a reduction removed from `value`.
Value insertUnitDims(ImplicitLocOpBuilder &b, Value value, int64_t rank,
                     ArrayRef<int64_t> dims) {
  if (dims.empty())
    return value;
  auto type = cast<RankedTensorType>(value.getType());
  SmallVector<int64_t> shape;
  SmallVector<ReassociationIndices> groups;
  ReassociationIndices leading; // unit dims before the first kept one
  int64_t next = 0;
  for (int64_t i = 0; i < rank; ++i) {
    if (llvm::is_contained(dims, i)) {
      shape.push_back(1);
      (groups.empty() ? leading : groups.back()).push_back(i);
      continue;
    }
    shape.push_back(type.getDimSize(next++));
    groups.push_back(leading);
    groups.back().push_back(i);
    leading.clear();
  }
  return tensor::ExpandShapeOp::create(b, type.clone(shape), value, groups);
}

/// `value` reshaped to `shape` (same number of elements), through 1-D.
Value reshapeTo(ImplicitLocOpBuilder &b, Value value, ArrayRef<int64_t> shape) {
  auto type = cast<RankedTensorType>(value.getType());
  if (type.getShape() == shape)
    return value;
  auto flatType = type.clone({type.getNumElements()});
  Value flat = value;
  if (type.getRank() == 0)
    flat = tensor::ExpandShapeOp::create(b, flatType, value,
                                         ArrayRef<ReassociationIndices>{});
  else if (type.getRank() > 1)
    flat = tensor::CollapseShapeOp::create(
        b, flatType, value,
        ArrayRef<ReassociationIndices>{range(0, type.getRank())});
  if (shape.size() == 1)
    return flat;
  if (shape.empty())
    return tensor::CollapseShapeOp::create(b, type.clone(shape), flat,
                                           ArrayRef<ReassociationIndices>{});
  return tensor::ExpandShapeOp::create(
      b, type.clone(shape), flat,
      ArrayRef<ReassociationIndices>{range(0, shape.size())});
}

/// `value` padded with the scalar `padValue`; no op when nothing is added.
Value padTensor(ImplicitLocOpBuilder &b, Value value, ArrayRef<int64_t> low,
                ArrayRef<int64_t> high, Value padValue) {
  if (llvm::all_of(low, [](int64_t v) { return v == 0; }) &&
      llvm::all_of(high, [](int64_t v) { return v == 0; }))
    return value;
  auto type = cast<RankedTensorType>(value.getType());
  SmallVector<int64_t> shape(type.getShape());
  SmallVector<OpFoldResult> lowSizes, highSizes;
  for (size_t i = 0; i < shape.size(); ++i) {
    shape[i] += low[i] + high[i];
    lowSizes.push_back(b.getIndexAttr(low[i]));
    highSizes.push_back(b.getIndexAttr(high[i]));
  }
  return tensor::PadOp::create(b, type.clone(shape), value, lowSizes, highSizes,
                               padValue);
}

/// The type named by a `stash_type` attribute (default float).
FailureOr<Type> stashType(OnnxNode &node) {
  MLIRContext *ctx = node.b.getContext();
  int64_t stash = node.getInt("stash_type", 1);
  switch (stash) {
  case 1:
    return Type(Float32Type::get(ctx));
  case 10:
    return Type(Float16Type::get(ctx));
  case 11:
    return Type(Float64Type::get(ctx));
  case 16:
    return Type(BFloat16Type::get(ctx));
  default:
    node.error() << "stash_type " << stash
                 << " is not a float type (1, 10, 11 or 16)";
    return failure();
  }
}

//===----------------------------------------------------------------------===//
// MatMul, Gemm
//===----------------------------------------------------------------------===//

/// MatMul with numpy semantics: rank-1 operands are promoted and the added
/// dimension removed again; leading (batch) dimensions broadcast.
FailureOr<SmallVector<Value>> lowerMatMul(OnnxNode &node) {
  FailureOr<RankedTensorType> lhsType = node.staticType(0);
  FailureOr<RankedTensorType> rhsType = node.staticType(1);
  if (failed(lhsType) || failed(rhsType))
    return failure();
  ArrayRef<int64_t> lhs = lhsType->getShape(), rhs = rhsType->getShape();
  if (lhs.empty() || rhs.empty())
    return node.fail("MatMul operands must have rank >= 1");
  Type elementType = lhsType->getElementType();
  if (rhsType->getElementType() != elementType || !isOnnxFloat(elementType))
    return node.fail("MatMul needs float operands (f16, bf16, f32 or f64) of "
                     "one type");
  Type accType = computeType(elementType);
  // Work in rank >= 2: [..., M, K] x [..., K, N].
  SmallVector<int64_t> a(lhs), w(rhs);
  if (a.size() == 1)
    a.insert(a.begin(), 1);
  if (w.size() == 1)
    w.push_back(1);
  int64_t m = a[a.size() - 2], k = a.back(), n = w.back();
  if (w[w.size() - 2] != k)
    return node.fail("MatMul inner dimensions differ: " + Twine(k) + " and " +
                     Twine(w[w.size() - 2]));
  FailureOr<SmallVector<int64_t>> batch = broadcastShapes(
      {ArrayRef<int64_t>(a).drop_back(2), ArrayRef<int64_t>(w).drop_back(2)});
  if (failed(batch))
    return node.fail("MatMul batch dimensions do not broadcast");
  int64_t rank = batch->size() + 2;
  MLIRContext *ctx = node.b.getContext();
  // Loops: batch..., m, n, k.
  auto operandMap = [&](ArrayRef<int64_t> shape, ArrayRef<int64_t> original,
                        bool isLhs) {
    SmallVector<AffineExpr> exprs;
    int64_t offset = rank - shape.size();
    for (int64_t i = 0; i + 2 < static_cast<int64_t>(shape.size()); ++i) {
      bool broadcast = shape[i] == 1 && (*batch)[offset + i] != 1;
      exprs.push_back(broadcast ? getAffineConstantExpr(0, ctx)
                                : getAffineDimExpr(offset + i, ctx));
    }
    AffineExpr mDim = getAffineDimExpr(rank - 2, ctx),
               nDim = getAffineDimExpr(rank - 1, ctx),
               kDim = getAffineDimExpr(rank, ctx);
    if (isLhs) {
      if (original.size() > 1)
        exprs.push_back(mDim);
      exprs.push_back(kDim);
    } else {
      exprs.push_back(kDim);
      if (original.size() > 1)
        exprs.push_back(nDim);
    }
    return AffineMap::get(rank + 1, 0, exprs, ctx);
  };
  SmallVector<int64_t> outShape(*batch);
  outShape.append({m, n});
  SmallVector<IteratorType> iterators(rank, IteratorType::parallel);
  iterators.push_back(IteratorType::reduction);
  Value init = filledTensor(node.b, outShape, accType, 0.0);
  Value result =
      buildGeneric(node.b, {node.input(0), node.input(1)},
                   {operandMap(a, lhs, true), operandMap(w, rhs, false)}, init,
                   selectDimsMap(ctx, rank + 1, range(0, rank)), iterators,
                   [&](ImplicitLocOpBuilder &b, ValueRange args) -> Value {
                     Value product =
                         arith::MulFOp::create(b, toFloat(b, args[0], accType),
                                               toFloat(b, args[1], accType));
                     return arith::AddFOp::create(b, args[2], product);
                   });
  result = convertTensor(node.b, result, elementType);
  // Drop the dimensions added for rank-1 operands.
  SmallVector<int64_t> finalShape(*batch);
  if (lhs.size() > 1)
    finalShape.push_back(m);
  if (rhs.size() > 1)
    finalShape.push_back(n);
  if (finalShape != outShape) {
    auto type = RankedTensorType::get(finalShape, elementType);
    SmallVector<ReassociationIndices> groups;
    if (!finalShape.empty()) {
      for (int64_t i = 0; i < static_cast<int64_t>(finalShape.size()); ++i)
        groups.push_back({i});
      groups.back().push_back(finalShape.size());
    }
    // With both operands rank 1, [1, 1] -> [] is the empty reassociation.
    result = tensor::CollapseShapeOp::create(node.b, type, result, groups);
  }
  return SmallVector<Value>{result};
}

/// Y = alpha * A' * B' + beta * C. Gemm-1 and -6 broadcast C only with
/// `broadcast = 1`; from Gemm-7 C broadcasts unidirectionally to (M, N); from
/// Gemm-11 C is optional.
FailureOr<SmallVector<Value>> lowerGemm(OnnxNode &node, int64_t since) {
  FailureOr<RankedTensorType> aType = node.staticType(0);
  FailureOr<RankedTensorType> bType = node.staticType(1);
  if (failed(aType) || failed(bType))
    return failure();
  Type elementType = aType->getElementType();
  if (bType->getElementType() != elementType)
    return node.fail("A and B have different element types");
  bool isInt = false;
  if (auto intType = dyn_cast<IntegerType>(elementType)) {
    if (node.opset() < 9 ||
        (intType.getWidth() != 32 && intType.getWidth() != 64))
      return node.fail("element type " + Twine(intType.getWidth()) +
                       "-bit integer is not supported (int32 and int64 from "
                       "opset 9, or f16, bf16, f32, f64)");
    isInt = true;
  } else if (!isOnnxFloat(elementType)) {
    return node.fail("element type must be f16, bf16, f32 or f64 (or int32, "
                     "int64 from opset 9)");
  }
  if (aType->getRank() != 2 || bType->getRank() != 2)
    return node.fail("A and B must have rank 2");
  bool transA = node.getInt("transA", 0) != 0;
  bool transB = node.getInt("transB", 0) != 0;
  ArrayRef<int64_t> aShape = aType->getShape(), bShape = bType->getShape();
  int64_t m = aShape[transA ? 1 : 0], k = aShape[transA ? 0 : 1];
  int64_t kB = bShape[transB ? 1 : 0], n = bShape[transB ? 0 : 1];
  if (k != kB)
    return node.fail("inner dimensions differ: " + Twine(k) + " and " +
                     Twine(kB));
  SmallVector<int64_t> shape{m, n};
  double alpha = node.getFloat("alpha", 1.0f);
  double beta = node.getFloat("beta", 1.0f);

  bool hasC = node.hasInput(2);
  if (!hasC && since < 11)
    return node.fail("input 2 (C) is required before opset 11");
  RankedTensorType cType;
  if (hasC) {
    FailureOr<RankedTensorType> type = node.staticType(2);
    if (failed(type))
      return failure();
    cType = *type;
    if (cType.getElementType() != elementType)
      return node.fail("C has a different element type than A and B");
    FailureOr<SmallVector<int64_t>> broadcast =
        broadcastShapes({shape, cType.getShape()});
    if (cType.getRank() > 2 || failed(broadcast) || *broadcast != shape)
      return node.fail("C does not broadcast to " + Twine(m) + "x" + Twine(n));
    if (since < 7 && node.getInt("broadcast", 0) == 0 &&
        cType.getShape() != ArrayRef<int64_t>(shape))
      return node.fail("C must have shape " + Twine(m) + "x" + Twine(n) +
                       " unless broadcast = 1");
  }

  MLIRContext *ctx = node.b.getContext();
  AffineExpr mDim = getAffineDimExpr(0, ctx), nDim = getAffineDimExpr(1, ctx),
             kDim = getAffineDimExpr(2, ctx);
  AffineMap aMap = AffineMap::get(3, 0,
                                  transA ? ArrayRef<AffineExpr>{kDim, mDim}
                                         : ArrayRef<AffineExpr>{mDim, kDim},
                                  ctx);
  AffineMap bMap = AffineMap::get(3, 0,
                                  transB ? ArrayRef<AffineExpr>{nDim, kDim}
                                         : ArrayRef<AffineExpr>{kDim, nDim},
                                  ctx);
  bool isUnsigned = isInt && node.isUnsignedInput(0);
  Type accType = isInt ? elementType : computeType(elementType);
  Value product = buildReduction(
      node.b, {node.input(0), node.input(1)}, {aMap, bMap}, {m, n, k}, {2},
      scalarConstant(node.b, accType, 0),
      [&](ImplicitLocOpBuilder &b, ValueRange args) -> Value {
        if (isInt)
          return arith::AddIOp::create(
              b, args[2], arith::MulIOp::create(b, args[0], args[1]));
        Value mul = arith::MulFOp::create(b, toFloat(b, args[0], accType),
                                          toFloat(b, args[1], accType));
        return arith::AddFOp::create(b, args[2], mul);
      });

  bool useC = hasC && beta != 0.0;
  if (alpha == 1.0 && !useC && accType == elementType) {
    if (isUnsigned)
      node.markUnsigned(product);
    return SmallVector<Value>{product};
  }
  SmallVector<Value> inputs{product};
  SmallVector<AffineMap> maps{node.b.getMultiDimIdentityMap(2)};
  if (useC) {
    inputs.push_back(node.input(2));
    maps.push_back(broadcastMap(ctx, cType.getShape(), shape));
  }
  // Integers follow the reference: scaled in double precision, then
  // converted back (toward zero), unless both factors are 1.
  bool intExact = isInt && alpha == 1.0 && (!useC || beta == 1.0);
  Type scaleType = isInt ? Float64Type::get(ctx) : accType;
  Value result = buildParallel(
      node.b, inputs, maps, shape, elementType,
      [&](ImplicitLocOpBuilder &b, ValueRange args) -> Value {
        if (intExact)
          return useC ? arith::AddIOp::create(b, args[0], args[1]).getResult()
                      : args[0];
        auto widen = [&](Value v) {
          return castScalar(b, v, scaleType, isUnsigned, false);
        };
        Value value = widen(args[0]);
        if (alpha != 1.0)
          value = arith::MulFOp::create(b, value,
                                        scalarConstant(b, scaleType, alpha));
        if (useC) {
          Value c = widen(args[1]);
          if (beta != 1.0)
            c = arith::MulFOp::create(b, c, scalarConstant(b, scaleType, beta));
          value = arith::AddFOp::create(b, value, c);
        }
        return castScalar(b, value, elementType, false, isUnsigned);
      });
  if (isUnsigned)
    node.markUnsigned(result);
  return SmallVector<Value>{result};
}

//===----------------------------------------------------------------------===//
// Softmax, LogSoftmax
//===----------------------------------------------------------------------===//

/// Softmax (or LogSoftmax) over the dimensions from `axis` on (opsets 1-12,
/// which view the input as 2-D at `axis`, default 1) or over `axis` alone
/// (opset 13 on, default -1). The maximum is subtracted before `exp`.
FailureOr<SmallVector<Value>> lowerSoftmax(OnnxNode &node, bool isLog,
                                           bool flattenAtAxis) {
  FailureOr<RankedTensorType> type = floatInput(node, 0);
  if (failed(type))
    return failure();
  ArrayRef<int64_t> shape = type->getShape();
  int64_t rank = shape.size();
  SmallVector<int64_t> dims;
  if (flattenAtAxis) {
    // The 2-D view allows axis == rank (an empty second dimension of size 1).
    int64_t axis = node.getInt("axis", 1);
    if (axis < -rank || axis > rank)
      return node.fail("axis " + Twine(axis) + " is out of range for rank " +
                       Twine(rank));
    if (axis < 0)
      axis += rank;
    dims = range(axis, rank);
  } else {
    FailureOr<int64_t> axis = node.normalizeAxis(node.getInt("axis", -1), rank);
    if (failed(axis))
      return failure();
    dims = {*axis};
  }
  Type elementType = type->getElementType();
  Type ct = computeType(elementType);
  MLIRContext *ctx = node.b.getContext();
  AffineMap id = node.b.getMultiDimIdentityMap(rank);
  AffineMap reduced = dropDimsMap(ctx, rank, dims);
  Value x = node.input(0);

  Value max = buildReduction(
      node.b, x, id, shape, dims, scalarConstant(node.b, ct, -INFINITY),
      [&](ImplicitLocOpBuilder &b, ValueRange args) -> Value {
        return arith::MaximumFOp::create(b, toFloat(b, args[0], ct), args[1]);
      });
  Value sum = buildReduction(
      node.b, {x, max}, {id, reduced}, shape, dims,
      scalarConstant(node.b, ct, 0),
      [&](ImplicitLocOpBuilder &b, ValueRange args) -> Value {
        Value shifted =
            arith::SubFOp::create(b, toFloat(b, args[0], ct), args[1]);
        return arith::AddFOp::create(b, args[2],
                                     math::ExpOp::create(b, shifted));
      });
  Value result = buildParallel(
      node.b, {x, max, sum}, {id, reduced, reduced}, shape, elementType,
      [&](ImplicitLocOpBuilder &b, ValueRange args) -> Value {
        Value shifted =
            arith::SubFOp::create(b, toFloat(b, args[0], ct), args[1]);
        Value value;
        if (isLog)
          value = arith::SubFOp::create(b, shifted,
                                        math::LogOp::create(b, args[2]));
        else
          value = arith::DivFOp::create(b, math::ExpOp::create(b, shifted),
                                        args[2]);
        return toFloat(b, value, elementType);
      });
  return SmallVector<Value>{result};
}

//===----------------------------------------------------------------------===//
// Normalizations
//===----------------------------------------------------------------------===//

/// Statistics over the dimensions `dims` of `x`, in type `ct`, with those
/// dimensions removed: the mean (when `centered`), and
/// sqrt(variance + epsilon), or sqrt(mean square + epsilon) when not
/// centered.
struct Moments {
  Value mean;
  Value stdDev;
};

Moments computeMoments(ImplicitLocOpBuilder &b, Value x, ArrayRef<int64_t> dims,
                       Type ct, double epsilon, bool centered) {
  auto type = cast<RankedTensorType>(x.getType());
  ArrayRef<int64_t> shape = type.getShape();
  int64_t rank = shape.size();
  SmallVector<int64_t> reducedShape = dropDims(shape, dims);
  AffineMap id = b.getMultiDimIdentityMap(rank);
  AffineMap reduced = dropDimsMap(b.getContext(), rank, dims);
  AffineMap reducedId = b.getMultiDimIdentityMap(reducedShape.size());
  double count = 1;
  for (int64_t dim : dims)
    count *= shape[dim];
  Value zero = scalarConstant(b, ct, 0);

  Moments moments;
  Value center;
  if (centered) {
    Value sum = buildReduction(
        b, x, id, shape, dims, zero,
        [&](ImplicitLocOpBuilder &nb, ValueRange args) -> Value {
          return arith::AddFOp::create(nb, toFloat(nb, args[0], ct), args[1]);
        });
    moments.mean =
        buildParallel(b, sum, reducedId, reducedShape, ct,
                      [&](ImplicitLocOpBuilder &nb, ValueRange args) -> Value {
                        return arith::DivFOp::create(
                            nb, args[0], scalarConstant(nb, ct, count));
                      });
  }
  // Sum of squared deviations (two passes), or of squares.
  SmallVector<Value> inputs{x};
  SmallVector<AffineMap> maps{id};
  if (centered) {
    inputs.push_back(moments.mean);
    maps.push_back(reduced);
  }
  Value squares =
      buildReduction(b, inputs, maps, shape, dims, zero,
                     [&](ImplicitLocOpBuilder &nb, ValueRange args) -> Value {
                       Value value = toFloat(nb, args[0], ct);
                       if (centered)
                         value = arith::SubFOp::create(nb, value, args[1]);
                       Value square = arith::MulFOp::create(nb, value, value);
                       return arith::AddFOp::create(nb, args.back(), square);
                     });
  moments.stdDev = buildParallel(
      b, squares, reducedId, reducedShape, ct,
      [&](ImplicitLocOpBuilder &nb, ValueRange args) -> Value {
        Value mean =
            arith::DivFOp::create(nb, args[0], scalarConstant(nb, ct, count));
        Value shifted =
            arith::AddFOp::create(nb, mean, scalarConstant(nb, ct, epsilon));
        return math::SqrtOp::create(nb, shifted);
      });
  return moments;
}

/// How Scale and B of a normalization over the trailing dimensions reach the
/// input: LayerNormalization flattens them to the normalized size (its
/// function body uses Flatten), RMSNormalization broadcasts them (numpy,
/// unidirectional) against X.
enum class ParamLayout { Flattened, Broadcast };

/// A Scale or B operand read over the loops of `shape`; failure (reported)
/// when it does not fit.
FailureOr<std::pair<Value, AffineMap>> trailingParam(OnnxNode &node, unsigned i,
                                                     ArrayRef<int64_t> shape,
                                                     int64_t axis,
                                                     ParamLayout layout) {
  FailureOr<RankedTensorType> type = floatInput(node, i);
  if (failed(type))
    return failure();
  MLIRContext *ctx = node.b.getContext();
  int64_t rank = shape.size();
  if (layout == ParamLayout::Broadcast) {
    FailureOr<SmallVector<int64_t>> broadcast =
        broadcastShapes({shape, type->getShape()});
    if (failed(broadcast) || ArrayRef<int64_t>(*broadcast) != shape) {
      node.error() << "input " << i << " of shape " << *type
                   << " does not broadcast to the input shape";
      return failure();
    }
    return std::make_pair(node.input(i),
                          broadcastMap(ctx, type->getShape(), shape));
  }
  ArrayRef<int64_t> normalized = shape.drop_front(axis);
  if (type->getNumElements() == 1)
    return std::make_pair(
        node.input(i),
        AffineMap::get(rank, 0,
                       SmallVector<AffineExpr>(type->getRank(),
                                               getAffineConstantExpr(0, ctx)),
                       ctx));
  if (type->getNumElements() != product(normalized)) {
    node.error() << "input " << i << " has " << type->getNumElements()
                 << " elements; expected " << product(normalized)
                 << " (the normalized dimensions)";
    return failure();
  }
  return std::make_pair(reshapeTo(node.b, node.input(i), normalized),
                        selectDimsMap(ctx, rank, range(axis, rank)));
}

/// Normalization over the dimensions from `axis` on: LayerNormalization
/// (centered; outputs Y, Mean, InvStdDev), RMSNormalization and
/// SimplifiedLayerNormalization (not centered; outputs Y and, for the
/// latter, inv_std_var). Y has the element type of Scale, which the specs
/// make equal to that of X where they share a type variable.
FailureOr<SmallVector<Value>> lowerTrailingNorm(OnnxNode &node, bool centered,
                                                ParamLayout layout) {
  FailureOr<RankedTensorType> xType = floatInput(node, 0);
  if (failed(xType))
    return failure();
  ArrayRef<int64_t> shape = xType->getShape();
  int64_t rank = shape.size();
  if (rank == 0)
    return node.fail("X must have rank >= 1");
  FailureOr<int64_t> axis = node.normalizeAxis(node.getInt("axis", -1), rank);
  FailureOr<Type> stash = stashType(node);
  if (failed(axis) || failed(stash))
    return failure();
  SmallVector<int64_t> dims = range(*axis, rank);
  Type ct = computeType(*stash);
  double epsilon = node.getFloat("epsilon", 1e-5f);

  auto scale = trailingParam(node, 1, shape, *axis, layout);
  if (failed(scale))
    return failure();
  Type yType = cast<RankedTensorType>(node.input(1).getType()).getElementType();
  SmallVector<Value> inputs{node.input(0), scale->first};
  SmallVector<AffineMap> maps{node.b.getMultiDimIdentityMap(rank),
                              scale->second};
  bool hasBias = centered && node.hasInput(2);
  if (hasBias) {
    auto bias = trailingParam(node, 2, shape, *axis, layout);
    if (failed(bias))
      return failure();
    inputs.push_back(bias->first);
    maps.push_back(bias->second);
  }

  Moments moments =
      computeMoments(node.b, node.input(0), dims, ct, epsilon, centered);
  AffineMap reduced = dropDimsMap(node.b.getContext(), rank, dims);
  if (centered) {
    inputs.push_back(moments.mean);
    maps.push_back(reduced);
  }
  inputs.push_back(moments.stdDev);
  maps.push_back(reduced);
  Value y = buildParallel(
      node.b, inputs, maps, shape, yType,
      [&](ImplicitLocOpBuilder &b, ValueRange args) -> Value {
        Value value = toFloat(b, args[0], ct);
        if (centered)
          value = arith::SubFOp::create(b, value, args[args.size() - 2]);
        value = arith::DivFOp::create(b, value, args.back());
        value = arith::MulFOp::create(b, value, toFloat(b, args[1], ct));
        if (hasBias)
          value = arith::AddFOp::create(b, value, toFloat(b, args[2], ct));
        return toFloat(b, value, yType);
      });

  // The optional statistics, built only when used: Mean and InvStdDev
  // (LayerNormalization) or inv_std_var (SimplifiedLayerNormalization), of
  // the stash type, shaped like X with the normalized dimensions set to 1.
  SmallVector<Value> results{y};
  for (unsigned i = 1; i < node.numOutputs(); ++i) {
    bool isMean = centered && i == 1;
    bool isInvStdDev = i == (centered ? 2u : 1u);
    if (node.op.getResult(i).use_empty() || (!isMean && !isInvStdDev)) {
      results.push_back(Value());
      continue;
    }
    Value stat = moments.mean;
    if (isInvStdDev) {
      auto type = cast<RankedTensorType>(moments.stdDev.getType());
      stat = buildElementwise(
          node.b, moments.stdDev, type.getShape(), ct,
          [&](ImplicitLocOpBuilder &b, ValueRange args) -> Value {
            return arith::DivFOp::create(b, scalarConstant(b, ct, 1.0),
                                         args[0]);
          });
    }
    results.push_back(insertUnitDims(
        node.b, convertTensor(node.b, stat, *stash), rank, dims));
  }
  return results;
}

/// BatchNormalization in inference mode: Y = (X - mean) / sqrt(var + eps) *
/// scale + B per channel (dimension 1). Opset 7 has `spatial` (only 1 is
/// supported), opset 14 `training_mode` (only 0), opset 15 lets scale/B and
/// mean/var have their own float types.
FailureOr<SmallVector<Value>> lowerBatchNorm(OnnxNode &node, int64_t since) {
  if (since == 7 && node.getInt("spatial", 1) == 0)
    return node.fail("spatial = 0 (per-activation statistics) is not "
                     "supported");
  if (since >= 14 && node.getInt("training_mode", 0) != 0)
    return node.fail("training_mode = 1 is not supported; only inference is "
                     "lowered");
  FailureOr<RankedTensorType> xType = floatInput(node, 0);
  if (failed(xType))
    return failure();
  ArrayRef<int64_t> shape = xType->getShape();
  int64_t rank = shape.size();
  if (rank < 2)
    return node.fail("X must have rank >= 2 (N x C x ...)");
  Type elementType = xType->getElementType();
  for (unsigned i = 1; i < 5; ++i) {
    FailureOr<RankedTensorType> type = floatInput(node, i);
    if (failed(type))
      return failure();
    if (type->getShape() != ArrayRef<int64_t>{shape[1]})
      return node.fail("input " + Twine(i) + " must have shape [" +
                       Twine(shape[1]) + "] (one value per channel)");
    if (since < 15 && type->getElementType() != elementType)
      return node.fail("input " + Twine(i) +
                       " has a different element type than X (allowed from "
                       "opset 15)");
  }
  Type ct = computeType(elementType);
  double epsilon = node.getFloat("epsilon", 1e-5f);
  MLIRContext *ctx = node.b.getContext();
  AffineMap channel = selectDimsMap(ctx, rank, {1});
  Value y = buildParallel(
      node.b,
      {node.input(0), node.input(1), node.input(2), node.input(3),
       node.input(4)},
      {node.b.getMultiDimIdentityMap(rank), channel, channel, channel, channel},
      shape, elementType,
      [&](ImplicitLocOpBuilder &b, ValueRange args) -> Value {
        auto f = [&](unsigned i) { return toFloat(b, args[i], ct); };
        Value centeredX = arith::SubFOp::create(b, f(0), f(3));
        Value stdDev = math::SqrtOp::create(
            b, arith::AddFOp::create(b, f(4), scalarConstant(b, ct, epsilon)));
        Value value = arith::DivFOp::create(b, centeredX, stdDev);
        value = arith::MulFOp::create(b, value, f(1));
        value = arith::AddFOp::create(b, value, f(2));
        return toFloat(b, value, elementType);
      });
  SmallVector<Value> results{y};
  results.resize(node.numOutputs(), Value());
  return results;
}

/// InstanceNormalization: per sample and channel, over the spatial dims:
/// Y = scale * (X - mean) / sqrt(var + eps) + B.
FailureOr<SmallVector<Value>> lowerInstanceNorm(OnnxNode &node) {
  FailureOr<RankedTensorType> xType = floatInput(node, 0);
  if (failed(xType))
    return failure();
  ArrayRef<int64_t> shape = xType->getShape();
  int64_t rank = shape.size();
  if (rank < 2)
    return node.fail("input must have rank >= 2 (N x C x D1 ...)");
  for (unsigned i = 1; i < 3; ++i) {
    FailureOr<RankedTensorType> type = floatInput(node, i);
    if (failed(type))
      return failure();
    if (type->getShape() != ArrayRef<int64_t>{shape[1]})
      return node.fail("input " + Twine(i) + " must have shape [" +
                       Twine(shape[1]) + "] (one value per channel)");
  }
  Type elementType = xType->getElementType();
  Type ct = computeType(elementType);
  double epsilon = node.getFloat("epsilon", 1e-5f);
  SmallVector<int64_t> dims = range(2, rank);
  Moments moments = computeMoments(node.b, node.input(0), dims, ct, epsilon,
                                   /*centered=*/true);
  MLIRContext *ctx = node.b.getContext();
  AffineMap channel = selectDimsMap(ctx, rank, {1});
  AffineMap reduced = dropDimsMap(ctx, rank, dims);
  Value y = buildParallel(
      node.b,
      {node.input(0), node.input(1), node.input(2), moments.mean,
       moments.stdDev},
      {node.b.getMultiDimIdentityMap(rank), channel, channel, reduced, reduced},
      shape, elementType,
      [&](ImplicitLocOpBuilder &b, ValueRange args) -> Value {
        Value value =
            arith::SubFOp::create(b, toFloat(b, args[0], ct), args[3]);
        value = arith::MulFOp::create(b, toFloat(b, args[1], ct), value);
        value = arith::DivFOp::create(b, value, args[4]);
        value = arith::AddFOp::create(b, value, toFloat(b, args[2], ct));
        return toFloat(b, value, elementType);
      });
  return SmallVector<Value>{y};
}

//===----------------------------------------------------------------------===//
// Convolution and pooling windows
//===----------------------------------------------------------------------===//

/// Sliding windows over the spatial dimensions: the padding at both ends and
/// the number of output positions, per dimension.
struct Windows {
  SmallVector<int64_t> kernel, strides, dilations, padBegin, padEnd, outputs;
  /// Padding past `padEnd` that ceil_mode windows reach; never counted.
  SmallVector<int64_t> overhang;

  int64_t extent(size_t i) const { return (kernel[i] - 1) * dilations[i] + 1; }
};

/// Reads strides, dilations, pads, auto_pad and (when `hasCeilMode`)
/// ceil_mode, and computes the windows for `spatial` input sizes.
FailureOr<Windows> computeWindows(OnnxNode &node, ArrayRef<int64_t> spatial,
                                  ArrayRef<int64_t> kernel, bool hasCeilMode) {
  size_t rank = spatial.size();
  Windows w;
  w.kernel.assign(kernel.begin(), kernel.end());
  auto read = [&](StringRef name, size_t size, int64_t defaultValue,
                  int64_t minimum, SmallVector<int64_t> &out) {
    std::optional<SmallVector<int64_t>> values = node.getInts(name);
    out = values ? *values : SmallVector<int64_t>(size, defaultValue);
    if (out.size() != size) {
      node.error() << name << " has " << out.size() << " values; expected "
                   << size;
      return failure();
    }
    if (llvm::any_of(out, [&](int64_t v) { return v < minimum; })) {
      node.error() << name << " values must be >= " << minimum;
      return failure();
    }
    return success();
  };
  SmallVector<int64_t> pads;
  if (failed(read("strides", rank, 1, 1, w.strides)) ||
      failed(read("dilations", rank, 1, 1, w.dilations)) ||
      failed(read("pads", 2 * rank, 0, 0, pads)))
    return failure();
  if (llvm::any_of(kernel, [](int64_t v) { return v < 1; })) {
    node.error() << "kernel sizes must be >= 1";
    return failure();
  }
  std::string autoPad = node.getString("auto_pad", "NOTSET");
  if (autoPad.empty())
    autoPad = "NOTSET";
  bool ceilMode = hasCeilMode && node.getInt("ceil_mode", 0) != 0;
  for (size_t i = 0; i < rank; ++i) {
    int64_t size = spatial[i], stride = w.strides[i], extent = w.extent(i);
    int64_t begin = 0, end = 0, outputs;
    if (autoPad == "NOTSET" || autoPad == "VALID") {
      if (autoPad == "NOTSET") {
        begin = pads[i];
        end = pads[rank + i];
      }
      int64_t room = size + begin + end - extent;
      if (room < 0) {
        node.error() << "window of extent " << extent
                     << " exceeds the padded size " << size + begin + end
                     << " of spatial dimension " << i;
        return failure();
      }
      outputs = room / stride + 1;
      if (ceilMode && autoPad == "NOTSET") {
        outputs = ceilDiv(room, stride) + 1;
        // The last window must start inside the input or the begin padding.
        if ((outputs - 1) * stride >= size + begin)
          --outputs;
      }
    } else if (autoPad == "SAME_UPPER" || autoPad == "SAME_LOWER") {
      outputs = ceilDiv(size, stride);
      int64_t total =
          std::max<int64_t>(0, (outputs - 1) * stride + extent - size);
      int64_t half = total / 2;
      begin = autoPad == "SAME_UPPER" ? half : total - half;
      end = total - begin;
    } else {
      node.error() << "auto_pad '" << autoPad
                   << "' is not NOTSET, SAME_UPPER, SAME_LOWER or VALID";
      return failure();
    }
    w.padBegin.push_back(begin);
    w.padEnd.push_back(end);
    w.outputs.push_back(outputs);
    w.overhang.push_back(std::max<int64_t>(0, (outputs - 1) * stride + extent -
                                                  (size + begin + end)));
  }
  return w;
}

/// X padded for `windows` in its spatial dimensions (from dimension 2).
Value padSpatial(ImplicitLocOpBuilder &b, Value x, const Windows &windows,
                 Value padValue) {
  SmallVector<int64_t> low{0, 0}, high{0, 0};
  for (size_t i = 0; i < windows.kernel.size(); ++i) {
    low.push_back(windows.padBegin[i]);
    high.push_back(windows.padEnd[i] + windows.overhang[i]);
  }
  return padTensor(b, x, low, high, padValue);
}

/// Conv (opset 1 and 11 are alike): X [N, C, D...] with W [M, C/group, K...],
/// optional bias B [M]. Channels are split into groups by reshaping X to
/// [N, G, C/G, D...], W to [G, M/G, C/G, K...] and the result back.
FailureOr<SmallVector<Value>> lowerConv(OnnxNode &node) {
  FailureOr<RankedTensorType> xType = floatInput(node, 0);
  if (failed(xType))
    return failure();
  FailureOr<RankedTensorType> wType = floatInput(node, 1);
  if (failed(wType))
    return failure();
  Type elementType = xType->getElementType();
  if (wType->getElementType() != elementType)
    return node.fail("X and W have different element types");
  ArrayRef<int64_t> xShape = xType->getShape(), wShape = wType->getShape();
  int64_t rank = xShape.size();
  if (rank < 3 || wType->getRank() != rank)
    return node.fail("X and W must have one rank >= 3 (N x C x D1 ...)");
  int64_t spatialRank = rank - 2;
  int64_t group = node.getInt("group", 1);
  int64_t n = xShape[0], c = xShape[1], m = wShape[0];
  if (group < 1 || c % group != 0 || m % group != 0 || wShape[1] != c / group)
    return node.fail("group " + Twine(group) + " does not fit " + Twine(c) +
                     " input channels, " + Twine(m) +
                     " output channels and W of " + Twine(wShape[1]) +
                     " channels per group");
  ArrayRef<int64_t> kernel = wShape.drop_front(2);
  if (std::optional<SmallVector<int64_t>> stated = node.getInts("kernel_shape"))
    if (ArrayRef<int64_t>(*stated) != kernel)
      return node.fail("kernel_shape does not match the shape of W");
  FailureOr<Windows> windows =
      computeWindows(node, xShape.drop_front(2), kernel, /*hasCeilMode=*/false);
  if (failed(windows))
    return failure();
  if (node.hasInput(2)) {
    FailureOr<RankedTensorType> biasType = floatInput(node, 2);
    if (failed(biasType))
      return failure();
    if (biasType->getShape() != ArrayRef<int64_t>{m})
      return node.fail("B must have shape [" + Twine(m) + "]");
  }
  Type ct = computeType(elementType);
  ImplicitLocOpBuilder &b = node.b;
  MLIRContext *ctx = b.getContext();

  Value padded =
      padSpatial(b, node.input(0), *windows, scalarConstant(b, elementType, 0));
  auto paddedType = cast<RankedTensorType>(padded.getType());
  SmallVector<int64_t> xgShape{n, group, c / group};
  llvm::append_range(xgShape, paddedType.getShape().drop_front(2));
  SmallVector<ReassociationIndices> xGroups{{0}, {1, 2}};
  for (int64_t i = 0; i < spatialRank; ++i)
    xGroups.push_back({3 + i});
  Value xg = tensor::ExpandShapeOp::create(b, paddedType.clone(xgShape), padded,
                                           xGroups);
  SmallVector<int64_t> wgShape{group, m / group, c / group};
  llvm::append_range(wgShape, kernel);
  SmallVector<ReassociationIndices> wGroups{{0, 1}, {2}};
  for (int64_t i = 0; i < spatialRank; ++i)
    wGroups.push_back({3 + i});
  Value wg = tensor::ExpandShapeOp::create(b, wType->clone(wgShape),
                                           node.input(1), wGroups);

  // Loops: n, g, m, o..., c, k...
  int64_t numLoops = 4 + 2 * spatialRank;
  auto dim = [&](int64_t i) { return getAffineDimExpr(i, ctx); };
  int64_t oBase = 3, cDim = 3 + spatialRank, kBase = 4 + spatialRank;
  SmallVector<AffineExpr> xExprs{dim(0), dim(1), dim(cDim)};
  SmallVector<AffineExpr> wExprs{dim(1), dim(2), dim(cDim)};
  SmallVector<AffineExpr> outExprs{dim(0), dim(1), dim(2)};
  SmallVector<int64_t> outShape{n, group, m / group};
  for (int64_t i = 0; i < spatialRank; ++i) {
    xExprs.push_back(dim(oBase + i) * windows->strides[i] +
                     dim(kBase + i) * windows->dilations[i]);
    wExprs.push_back(dim(kBase + i));
    outExprs.push_back(dim(oBase + i));
    outShape.push_back(windows->outputs[i]);
  }
  SmallVector<IteratorType> iterators(numLoops, IteratorType::parallel);
  for (int64_t i = cDim; i < numLoops; ++i)
    iterators[i] = IteratorType::reduction;
  Value sum =
      buildGeneric(b, {xg, wg},
                   {AffineMap::get(numLoops, 0, xExprs, ctx),
                    AffineMap::get(numLoops, 0, wExprs, ctx)},
                   filledTensor(b, outShape, ct, 0.0),
                   AffineMap::get(numLoops, 0, outExprs, ctx), iterators,
                   [&](ImplicitLocOpBuilder &nb, ValueRange args) -> Value {
                     Value mul =
                         arith::MulFOp::create(nb, toFloat(nb, args[0], ct),
                                               toFloat(nb, args[1], ct));
                     return arith::AddFOp::create(nb, args[2], mul);
                   });
  SmallVector<int64_t> yShape{n, m};
  llvm::append_range(yShape, windows->outputs);
  SmallVector<ReassociationIndices> yGroups{{0}, {1, 2}};
  for (int64_t i = 0; i < spatialRank; ++i)
    yGroups.push_back({3 + i});
  Value y = tensor::CollapseShapeOp::create(
      b, RankedTensorType::get(yShape, ct), sum, yGroups);
  if (!node.hasInput(2))
    return SmallVector<Value>{convertTensor(b, y, elementType)};
  y = buildParallel(
      b, {y, node.input(2)},
      {b.getMultiDimIdentityMap(rank), selectDimsMap(ctx, rank, {1})}, yShape,
      elementType, [&](ImplicitLocOpBuilder &nb, ValueRange args) -> Value {
        Value value =
            arith::AddFOp::create(nb, args[0], toFloat(nb, args[1], ct));
        return toFloat(nb, value, elementType);
      });
  return SmallVector<Value>{y};
}

/// Combines the padded input [N, C, P...] over each window into an output of
/// [N, C, O...] starting from `initValue`; `combine` receives the input
/// element and the accumulator.
Value buildPooling(ImplicitLocOpBuilder &b, Value padded,
                   const Windows &windows, Value initValue, ScalarFn combine) {
  MLIRContext *ctx = b.getContext();
  auto type = cast<RankedTensorType>(padded.getType());
  int64_t spatialRank = windows.kernel.size();
  // Loops: n, c, o..., k...
  int64_t numLoops = 2 + 2 * spatialRank;
  auto dim = [&](int64_t i) { return getAffineDimExpr(i, ctx); };
  SmallVector<AffineExpr> xExprs{dim(0), dim(1)}, kExprs;
  SmallVector<int64_t> outShape{type.getDimSize(0), type.getDimSize(1)};
  for (int64_t i = 0; i < spatialRank; ++i) {
    xExprs.push_back(dim(2 + i) * windows.strides[i] +
                     dim(2 + spatialRank + i) * windows.dilations[i]);
    kExprs.push_back(dim(2 + spatialRank + i));
    outShape.push_back(windows.outputs[i]);
  }
  SmallVector<IteratorType> iterators(numLoops, IteratorType::parallel);
  for (int64_t i = 2 + spatialRank; i < numLoops; ++i)
    iterators[i] = IteratorType::reduction;
  // The window operand only gives the kernel loops their sizes.
  Value window = emptyTensor(b, windows.kernel, type.getElementType());
  Value init = linalg::FillOp::create(
                   b, initValue, emptyTensor(b, outShape, initValue.getType()))
                   .getResult(0);
  return buildGeneric(
      b, {padded, window},
      {AffineMap::get(numLoops, 0, xExprs, ctx),
       AffineMap::get(numLoops, 0, kExprs, ctx)},
      init, selectDimsMap(ctx, numLoops, range(0, 2 + spatialRank)), iterators,
      [&](ImplicitLocOpBuilder &nb, ValueRange args) {
        return combine(nb, {args[0], args[2]});
      });
}

/// Input 0 of a pooling op: static, rank >= 3, with its kernel_shape.
FailureOr<RankedTensorType> poolInput(OnnxNode &node,
                                      SmallVectorImpl<int64_t> &kernel) {
  FailureOr<RankedTensorType> type = node.staticType(0);
  if (failed(type))
    return failure();
  if (type->getRank() < 3) {
    node.error() << "input must have rank >= 3 (N x C x D1 ...)";
    return failure();
  }
  std::optional<SmallVector<int64_t>> stated = node.getInts("kernel_shape");
  if (!stated) {
    node.error() << "kernel_shape is required";
    return failure();
  }
  if (static_cast<int64_t>(stated->size()) != type->getRank() - 2) {
    node.error() << "kernel_shape has " << stated->size() << " values for "
                 << type->getRank() - 2 << " spatial dimensions";
    return failure();
  }
  kernel.assign(stated->begin(), stated->end());
  return type;
}

/// MaxPool (float, and int8/uint8 from opset 12). The Indices output (opset
/// 8+), when used, holds int64 indices into the flattened input [N, C, D...],
/// row major or, with storage_order = 1, column major over the spatial dims.
FailureOr<SmallVector<Value>> lowerMaxPool(OnnxNode &node) {
  SmallVector<int64_t> kernel;
  FailureOr<RankedTensorType> type = poolInput(node, kernel);
  if (failed(type))
    return failure();
  Type elementType = type->getElementType();
  bool isInt = elementType.isInteger(8) && node.opset() >= 12;
  if (!isInt && !isOnnxFloat(elementType))
    return node.fail("element type must be f16, bf16, f32 or f64 (or int8, "
                     "uint8 from opset 12)");
  FailureOr<Windows> windows = computeWindows(
      node, type->getShape().drop_front(2), kernel, /*hasCeilMode=*/true);
  if (failed(windows))
    return failure();
  ImplicitLocOpBuilder &b = node.b;
  bool isUnsigned = isInt && node.isUnsignedInput(0);
  // Padding never wins: -inf, or the smallest integer.
  Value lowest = isInt ? scalarConstant(b, elementType, isUnsigned ? 0 : -128)
                       : scalarConstant(b, elementType, -INFINITY);
  Value padded = padSpatial(b, node.input(0), *windows, lowest);
  auto combine = [&](ImplicitLocOpBuilder &nb, ValueRange args) -> Value {
    if (!isInt)
      return arith::MaximumFOp::create(nb, args[0], args[1]);
    if (isUnsigned)
      return arith::MaxUIOp::create(nb, args[0], args[1]);
    return arith::MaxSIOp::create(nb, args[0], args[1]);
  };
  bool wantIndices = node.numOutputs() > 1 && !node.op.getResult(1).use_empty();
  if (!wantIndices) {
    Value y = buildPooling(b, padded, *windows, lowest, combine);
    if (isUnsigned)
      node.markUnsigned(y);
    SmallVector<Value> results{y};
    results.resize(node.numOutputs(), Value());
    return results;
  }

  // Y and Indices together: one generic over n, c, o..., k... carrying the
  // maximum and the flattened input index of its first occurrence in window
  // scan order (a later element replaces it only when strictly greater, so
  // padding, which holds the initial value, never wins; -1 if nothing does).
  int64_t storageOrder = node.getInt("storage_order", 0);
  if (storageOrder != 0 && storageOrder != 1)
    return node.fail("storage_order must be 0 or 1");
  MLIRContext *ctx = b.getContext();
  ArrayRef<int64_t> inShape = type->getShape();
  int64_t spatialRank = kernel.size();
  int64_t numLoops = 2 + 2 * spatialRank;
  auto dim = [&](int64_t i) { return getAffineDimExpr(i, ctx); };
  SmallVector<AffineExpr> xExprs{dim(0), dim(1)}, kExprs;
  SmallVector<int64_t> outShape{inShape[0], inShape[1]};
  for (int64_t i = 0; i < spatialRank; ++i) {
    xExprs.push_back(dim(2 + i) * windows->strides[i] +
                     dim(2 + spatialRank + i) * windows->dilations[i]);
    kExprs.push_back(dim(2 + spatialRank + i));
    outShape.push_back(windows->outputs[i]);
  }
  SmallVector<IteratorType> iterators(numLoops, IteratorType::parallel);
  for (int64_t i = 2 + spatialRank; i < numLoops; ++i)
    iterators[i] = IteratorType::reduction;
  Value window = emptyTensor(b, windows->kernel, elementType);
  Value maxInit =
      linalg::FillOp::create(b, lowest, emptyTensor(b, outShape, elementType))
          .getResult(0);
  Type i64 = b.getI64Type();
  Value idxInit = filledTensor(b, outShape, i64, -1.0);
  AffineMap outMap = selectDimsMap(ctx, numLoops, range(0, 2 + spatialRank));
  SmallVector<AffineMap> maps{AffineMap::get(numLoops, 0, xExprs, ctx),
                              AffineMap::get(numLoops, 0, kExprs, ctx), outMap,
                              outMap};
  int64_t spatialSize = 1;
  for (int64_t i = 0; i < spatialRank; ++i)
    spatialSize *= inShape[2 + i];
  auto generic = linalg::GenericOp::create(
      b, TypeRange{maxInit.getType(), idxInit.getType()},
      ValueRange{padded, window}, ValueRange{maxInit, idxInit}, maps,
      iterators, [&](OpBuilder &nested, Location loc, ValueRange args) {
        ImplicitLocOpBuilder nb(loc, nested);
        auto constant = [&](int64_t v) -> Value {
          return arith::ConstantIndexOp::create(nb, v);
        };
        auto index = [&](int64_t d) -> Value {
          return linalg::IndexOp::create(nb, d);
        };
        // (n * C + c) * prod(D) + the spatial offset.
        Value flat = arith::AddIOp::create(
            nb, arith::MulIOp::create(nb, index(0), constant(inShape[1])),
            index(1));
        flat = arith::MulIOp::create(nb, flat, constant(spatialSize));
        SmallVector<Value> positions;
        for (int64_t i = 0; i < spatialRank; ++i) {
          int64_t o = 2 + i, k = 2 + spatialRank + i;
          Value pos = arith::AddIOp::create(
              nb,
              arith::MulIOp::create(nb, index(o),
                                    constant(windows->strides[i])),
              arith::MulIOp::create(nb, index(k),
                                    constant(windows->dilations[i])));
          positions.push_back(arith::SubIOp::create(
              nb, pos, constant(windows->padBegin[i])));
        }
        // Row major: ((p1 * D2) + p2) * D3 ...; column major reverses the
        // dimension order.
        Value spatial = constant(0);
        for (int64_t j = 0; j < spatialRank; ++j) {
          int64_t i = storageOrder == 0 ? j : spatialRank - 1 - j;
          spatial = arith::AddIOp::create(
              nb, arith::MulIOp::create(nb, spatial, constant(inShape[2 + i])),
              positions[i]);
        }
        flat = arith::AddIOp::create(nb, flat, spatial);
        Value flat64 = arith::IndexCastOp::create(nb, i64, flat);
        Value greater =
            !isInt ? (Value)arith::CmpFOp::create(nb, arith::CmpFPredicate::OGT,
                                                  args[0], args[2])
                   : (Value)arith::CmpIOp::create(
                         nb,
                         isUnsigned ? arith::CmpIPredicate::ugt
                                    : arith::CmpIPredicate::sgt,
                         args[0], args[2]);
        Value newMax = combine(nb, {args[0], args[2]});
        Value newIdx = arith::SelectOp::create(nb, greater, flat64, args[3]);
        linalg::YieldOp::create(nb, ValueRange{newMax, newIdx});
      });
  Value y = generic.getResult(0);
  if (isUnsigned)
    node.markUnsigned(y);
  SmallVector<Value> results{y, generic.getResult(1)};
  results.resize(node.numOutputs(), Value());
  return results;
}

/// AveragePool: the window sum divided by the number of elements counted,
/// those inside the input, or with count_include_pad also those in the
/// explicit or automatic padding (never the ceil_mode overhang).
FailureOr<SmallVector<Value>> lowerAveragePool(OnnxNode &node) {
  SmallVector<int64_t> kernel;
  FailureOr<RankedTensorType> type = poolInput(node, kernel);
  if (failed(type))
    return failure();
  Type elementType = type->getElementType();
  if (!isOnnxFloat(elementType))
    return node.fail("element type must be f16, bf16, f32 or f64");
  ArrayRef<int64_t> spatial = type->getShape().drop_front(2);
  FailureOr<Windows> windows =
      computeWindows(node, spatial, kernel, /*hasCeilMode=*/true);
  if (failed(windows))
    return failure();
  bool includePad = node.getInt("count_include_pad", 0) != 0;
  ImplicitLocOpBuilder &b = node.b;
  Type ct = computeType(elementType);
  Value padded =
      padSpatial(b, node.input(0), *windows, scalarConstant(b, elementType, 0));
  Value sum = buildPooling(
      b, padded, *windows, scalarConstant(b, ct, 0),
      [&](ImplicitLocOpBuilder &nb, ValueRange args) -> Value {
        return arith::AddFOp::create(nb, args[1], toFloat(nb, args[0], ct));
      });

  // Counts per output position: a product of per-dimension counts.
  int64_t spatialRank = spatial.size();
  SmallVector<SmallVector<double>> perDim;
  for (int64_t i = 0; i < spatialRank; ++i) {
    int64_t lo = includePad ? -windows->padBegin[i] : 0;
    int64_t hi = includePad ? spatial[i] + windows->padEnd[i] : spatial[i];
    SmallVector<double> counts;
    for (int64_t o = 0; o < windows->outputs[i]; ++o) {
      int64_t count = 0;
      for (int64_t k = 0; k < kernel[i]; ++k) {
        int64_t pos = o * windows->strides[i] - windows->padBegin[i] +
                      k * windows->dilations[i];
        count += pos >= lo && pos < hi;
      }
      counts.push_back(count);
    }
    perDim.push_back(std::move(counts));
  }
  SmallVector<double> counts{1.0};
  for (ArrayRef<double> dimCounts : perDim) {
    SmallVector<double> next;
    for (double outer : counts)
      for (double inner : dimCounts)
        next.push_back(outer * inner);
    counts = std::move(next);
  }
  auto sumType = cast<RankedTensorType>(sum.getType());
  int64_t rank = sumType.getRank();
  SmallVector<Value> inputs{sum};
  SmallVector<AffineMap> maps{b.getMultiDimIdentityMap(rank)};
  bool uniform = llvm::all_equal(counts);
  if (!uniform) {
    auto countType = RankedTensorType::get(windows->outputs, ct);
    SmallVector<float> floatCounts(counts.begin(), counts.end());
    DenseElementsAttr attr =
        ct.isF64()
            ? DenseElementsAttr::get(countType, ArrayRef<double>(counts))
            : DenseElementsAttr::get(countType, ArrayRef<float>(floatCounts));
    inputs.push_back(arith::ConstantOp::create(b, attr));
    maps.push_back(selectDimsMap(b.getContext(), rank, range(2, rank)));
  }
  Value y = buildParallel(
      b, inputs, maps, sumType.getShape(), elementType,
      [&](ImplicitLocOpBuilder &nb, ValueRange args) -> Value {
        Value count =
            uniform ? scalarConstant(nb, ct, counts.front()) : args[1];
        return toFloat(nb, arith::DivFOp::create(nb, args[0], count),
                       elementType);
      });
  return SmallVector<Value>{y};
}

/// GlobalAveragePool / GlobalMaxPool: over all spatial dims, kept as size 1.
FailureOr<SmallVector<Value>> lowerGlobalPool(OnnxNode &node, bool isMax) {
  FailureOr<RankedTensorType> type = floatInput(node, 0);
  if (failed(type))
    return failure();
  ArrayRef<int64_t> shape = type->getShape();
  int64_t rank = shape.size();
  if (rank < 2)
    return node.fail("input must have rank >= 2 (N x C x D1 ...)");
  Type elementType = type->getElementType();
  Type ct = isMax ? elementType : computeType(elementType);
  SmallVector<int64_t> dims = range(2, rank);
  ImplicitLocOpBuilder &b = node.b;
  Value reduced = buildReduction(
      b, node.input(0), b.getMultiDimIdentityMap(rank), shape, dims,
      scalarConstant(b, ct, isMax ? -INFINITY : 0.0),
      [&](ImplicitLocOpBuilder &nb, ValueRange args) -> Value {
        if (isMax)
          return arith::MaximumFOp::create(nb, args[0], args[1]);
        return arith::AddFOp::create(nb, args[1], toFloat(nb, args[0], ct));
      });
  if (!isMax) {
    double count = product(shape.drop_front(2));
    reduced = buildElementwise(
        b, reduced, {shape[0], shape[1]}, elementType,
        [&](ImplicitLocOpBuilder &nb, ValueRange args) -> Value {
          Value mean =
              arith::DivFOp::create(nb, args[0], scalarConstant(nb, ct, count));
          return toFloat(nb, mean, elementType);
        });
  }
  return SmallVector<Value>{insertUnitDims(b, reduced, rank, dims)};
}

} // namespace

void quench::populateOnnxNNLowerings(OnnxLoweringSet &set) {
  set.add("MatMul", 1, lowerMatMul);

  for (int64_t since : {1, 7, 11})
    set.add("Gemm", since,
            [since](OnnxNode &node) { return lowerGemm(node, since); });

  for (bool isLog : {false, true}) {
    StringRef name = isLog ? "LogSoftmax" : "Softmax";
    set.add(name, 1, [isLog](OnnxNode &node) {
      return lowerSoftmax(node, isLog, /*flattenAtAxis=*/true);
    });
    set.add(name, 13, [isLog](OnnxNode &node) {
      return lowerSoftmax(node, isLog, /*flattenAtAxis=*/false);
    });
  }

  // ONNX has LayerNormalization from opset 17; below that the op type is
  // onnxruntime's contrib op of the default domain (since 1), which has the
  // same inputs, attributes, outputs and semantics.
  set.add("LayerNormalization", 1, [](OnnxNode &node) {
    return lowerTrailingNorm(node, /*centered=*/true, ParamLayout::Flattened);
  });
  set.add("RMSNormalization", 23, [](OnnxNode &node) {
    return lowerTrailingNorm(node, /*centered=*/false, ParamLayout::Broadcast);
  });
  // onnxruntime registers this contrib op in the default domain; some
  // exporters put it in com.microsoft.
  for (StringRef domain : {"", "com.microsoft"})
    set.add(
        "SimplifiedLayerNormalization", 1,
        [](OnnxNode &node) {
          return lowerTrailingNorm(node, /*centered=*/false,
                                   ParamLayout::Flattened);
        },
        domain);

  for (int64_t since : {7, 9, 14, 15})
    set.add("BatchNormalization", since,
            [since](OnnxNode &node) { return lowerBatchNorm(node, since); });
  set.add("InstanceNormalization", 1, lowerInstanceNorm);

  set.add("Conv", 1, lowerConv);
  set.add("MaxPool", 1, lowerMaxPool);
  set.add("AveragePool", 1, lowerAveragePool);
  set.add("GlobalAveragePool", 1, [](OnnxNode &node) {
    return lowerGlobalPool(node, /*isMax=*/false);
  });
  set.add("GlobalMaxPool", 1,
          [](OnnxNode &node) { return lowerGlobalPool(node, /*isMax=*/true); });
}
