//===- Reduction.cpp - ONNX reductions ------------------------------------===//
//
// A reduction is one linalg.generic with reduction iterators over the
// reduced dimensions, accumulating into a tensor filled with the combining
// op's identity (0, 1, -inf, +inf); a second element-wise generic finishes
// Mean, L2 and LogSumExp. `keepdims` puts size-1 dimensions back with
// tensor.expand_shape. Reducing no axes (noop_with_empty_axes) is the same
// generic with no reduction iterator, so ReduceL1 gives |x| as the ONNX
// reference does.
//
//===----------------------------------------------------------------------===//

#include "OnnxLowering.h"

#include "mlir/Dialect/SCF/IR/SCF.h"
#include "llvm/ADT/StringExtras.h"

using namespace mlir;
using namespace quench;

namespace {

/// The input's shape without the reduced dimensions.
SmallVector<int64_t> keptShape(ArrayRef<int64_t> shape,
                               ArrayRef<bool> reduced) {
  SmallVector<int64_t> kept;
  for (auto [size, isReduced] : llvm::zip_equal(shape, reduced))
    if (!isReduced)
      kept.push_back(size);
  return kept;
}

/// Puts the reduced dimensions back as size 1 (keepdims = 1).
Value keepReducedDims(ImplicitLocOpBuilder &b, Value value,
                      ArrayRef<int64_t> shape, ArrayRef<bool> reduced) {
  if (!llvm::is_contained(reduced, true))
    return value;
  // One group per kept dimension, holding the reduced dimensions after it
  // (and, for the first, those before it). No kept dimension: no groups.
  SmallVector<int64_t> keptShapeDims;
  SmallVector<ReassociationIndices> groups;
  ReassociationIndices leading;
  for (auto [i, isReduced] : llvm::enumerate(reduced)) {
    int64_t dim = i;
    keptShapeDims.push_back(isReduced ? 1 : shape[i]);
    if (!isReduced) {
      groups.push_back(leading);
      groups.back().push_back(dim);
      leading.clear();
    } else if (groups.empty()) {
      leading.push_back(dim);
    } else {
      groups.back().push_back(dim);
    }
  }
  auto elementType = cast<RankedTensorType>(value.getType()).getElementType();
  return tensor::ExpandShapeOp::create(
      b, RankedTensorType::get(keptShapeDims, elementType), value, groups);
}

/// A linalg.generic over the input's dimensions reducing `reduced` ones:
/// `full` operands are read at every point, `partial` operands (of the kept
/// shape) and the `inits` at the kept dimensions. `body` gets the scalars
/// (full, partial, then accumulators) and returns the new accumulators.
ValueRange buildReduction(
    ImplicitLocOpBuilder &b, ValueRange full, ValueRange partial,
    ValueRange inits, ArrayRef<bool> reduced,
    function_ref<SmallVector<Value>(ImplicitLocOpBuilder &, ValueRange)> body) {
  MLIRContext *ctx = b.getContext();
  int64_t rank = reduced.size();
  SmallVector<AffineExpr> keptExprs;
  SmallVector<utils::IteratorType> iterators;
  for (auto [i, isReduced] : llvm::enumerate(reduced)) {
    iterators.push_back(isReduced ? utils::IteratorType::reduction
                                  : utils::IteratorType::parallel);
    if (!isReduced)
      keptExprs.push_back(getAffineDimExpr(i, ctx));
  }
  AffineMap identity = AffineMap::getMultiDimIdentityMap(rank, ctx);
  AffineMap kept = AffineMap::get(rank, 0, keptExprs, ctx);
  SmallVector<AffineMap> maps(full.size(), identity);
  maps.append(partial.size() + inits.size(), kept);
  SmallVector<Value> inputs(full);
  inputs.append(partial.begin(), partial.end());
  auto generic = linalg::GenericOp::create(
      b, TypeRange(inits), inputs, inits, maps, iterators,
      [&](OpBuilder &nested, Location loc, ValueRange args) {
        ImplicitLocOpBuilder nb(loc, nested);
        linalg::YieldOp::create(nb, body(nb, args));
      });
  return generic.getResults();
}

/// A tensor of `shape` filled with the constant `value`.
Value filledWith(ImplicitLocOpBuilder &b, ArrayRef<int64_t> shape,
                 TypedAttr value) {
  Value scalar = arith::ConstantOp::create(b, value);
  return linalg::FillOp::create(b, scalar,
                                emptyTensor(b, shape, value.getType()))
      .getResult(0);
}

/// The least (`highest` = false) or greatest value of an element type: the
/// identity of max (resp. min). Infinities for floats.
TypedAttr extremeValue(Builder &b, Type type, unsigned kind, bool highest) {
  if (auto floatType = dyn_cast<FloatType>(type))
    return b.getFloatAttr(
        floatType, APFloat::getInf(floatType.getFloatSemantics(), !highest));
  unsigned width = type.getIntOrFloatBitWidth();
  APInt value = kind == kSigned ? (highest ? APInt::getSignedMaxValue(width)
                                           : APInt::getSignedMinValue(width))
                                : (highest ? APInt::getMaxValue(width)
                                           : APInt::getMinValue(width));
  return b.getIntegerAttr(type, value);
}

//===----------------------------------------------------------------------===//
// Reduce*
//===----------------------------------------------------------------------===//

enum class Reduction {
  Sum,
  Mean,
  Prod,
  Max,
  Min,
  L1,
  L2,
  SumSquare,
  LogSumExp
};

/// Which input dimensions a Reduce* node reduces. Axes come from the `axes`
/// attribute, or (`axesInput`) from the optional constant input 1; none
/// means all, unless noop_with_empty_axes asks for none.
FailureOr<SmallVector<bool>> reducedDims(OnnxNode &node, int64_t rank,
                                         bool axesInput) {
  std::optional<SmallVector<int64_t>> axes;
  if (axesInput) {
    if (node.hasInput(1)) {
      axes = node.constantInts(1);
      if (!axes) {
        node.error() << "the axes input must be a constant";
        return failure();
      }
    }
  } else {
    axes = node.getInts("axes");
  }
  if (!axes || axes->empty()) {
    bool noop = axesInput && node.getInt("noop_with_empty_axes", 0) != 0;
    return SmallVector<bool>(rank, !noop);
  }
  SmallVector<bool> reduced(rank, false);
  for (int64_t axis : *axes) {
    FailureOr<int64_t> dim = node.normalizeAxis(axis, rank);
    if (failed(dim))
      return failure();
    if (rank == 0)
      continue; // axis 0 of a scalar reduces nothing
    if (reduced[*dim]) {
      node.error() << "axis " << axis << " is given twice";
      return failure();
    }
    reduced[*dim] = true;
  }
  return reduced;
}

FailureOr<SmallVector<Value>> lowerReduce(OnnxNode &node, Reduction kind,
                                          bool axesInput) {
  unsigned allowed = kNumeric;
  if (kind == Reduction::LogSumExp)
    allowed = kFloat;
  else if (kind == Reduction::Max || kind == Reduction::Min)
    allowed = kAny;
  FailureOr<RankedTensorType> type = kindCheckedInput(node, 0, allowed);
  if (failed(type))
    return failure();
  ImplicitLocOpBuilder &b = node.b;
  ArrayRef<int64_t> shape = type->getShape();
  Type elementType = type->getElementType();
  bool isUnsigned = node.isUnsignedInput(0);
  unsigned elementKind = elementKindOf(elementType, isUnsigned);
  FailureOr<SmallVector<bool>> reduced =
      reducedDims(node, type->getRank(), axesInput);
  if (failed(reduced))
    return failure();
  bool keepDims = node.getInt("keepdims", 1) != 0;
  SmallVector<int64_t> resultShape = keptShape(shape, *reduced);
  int64_t count = 1;
  for (auto [size, isReduced] : llvm::zip_equal(shape, *reduced))
    if (isReduced)
      count *= size;

  // Sums and products of f16/bf16 accumulate in f32.
  bool extremum = kind == Reduction::Max || kind == Reduction::Min;
  Type accType = elementType;
  if (!extremum && isa<FloatType>(elementType) &&
      elementType.getIntOrFloatBitWidth() < 32)
    accType = b.getF32Type();
  auto toAcc = [&](ImplicitLocOpBuilder &nb, Value x) {
    return castScalar(nb, x, accType, isUnsigned, isUnsigned);
  };
  bool isFloat = elementKind == kFloat;

  // LogSumExp subtracts the (finite) maximum before exponentiating.
  Value shift;
  if (kind == Reduction::LogSumExp) {
    Value init =
        filledWith(b, resultShape, extremeValue(b, accType, kFloat, false));
    Value max = buildReduction(
        b, {node.input(0)}, {}, {init}, *reduced,
        [&](ImplicitLocOpBuilder &nb, ValueRange args) -> SmallVector<Value> {
          return {arith::MaximumFOp::create(nb, toAcc(nb, args[0]), args[1])};
        })[0];
    shift = buildElementwise(
        b, {max}, resultShape, accType,
        [](ImplicitLocOpBuilder &nb, ValueRange args) -> Value {
          Value m = args[0];
          auto floatType = cast<FloatType>(m.getType());
          Value inf = arith::ConstantOp::create(
              nb,
              nb.getFloatAttr(floatType,
                              APFloat::getInf(floatType.getFloatSemantics())));
          Value finite = arith::CmpFOp::create(
              nb, arith::CmpFPredicate::OLT, math::AbsFOp::create(nb, m), inf);
          return arith::SelectOp::create(nb, finite, m,
                                         scalarConstant(nb, floatType, 0));
        });
  }

  TypedAttr identity;
  if (kind == Reduction::Max)
    identity = extremeValue(b, accType, elementKind, /*highest=*/false);
  else if (kind == Reduction::Min)
    identity = extremeValue(b, accType, elementKind, /*highest=*/true);
  else if (isa<FloatType>(accType))
    identity = b.getFloatAttr(accType, kind == Reduction::Prod ? 1.0 : 0.0);
  else
    identity = b.getIntegerAttr(accType, kind == Reduction::Prod ? 1 : 0);
  Value init = filledWith(b, resultShape, identity);

  SmallVector<Value> partial;
  if (shift)
    partial.push_back(shift);
  Value acc = buildReduction(
      b, {node.input(0)}, partial, {init}, *reduced,
      [&](ImplicitLocOpBuilder &nb, ValueRange args) -> SmallVector<Value> {
        Value x = toAcc(nb, args[0]), sum = args.back();
        switch (kind) {
        case Reduction::Max: // bool: or
          return {maxScalar(nb, sum, x, elementKind)};
        case Reduction::Min: // bool: and
          return {minScalar(nb, sum, x, elementKind)};
        case Reduction::Prod:
          return {mulScalar(nb, sum, x, elementKind)};
        case Reduction::L1:
          if (isFloat)
            x = math::AbsFOp::create(nb, x);
          else if (elementKind == kSigned)
            x = math::AbsIOp::create(nb, x);
          break;
        case Reduction::L2:
        case Reduction::SumSquare:
          x = mulScalar(nb, x, x, elementKind);
          break;
        case Reduction::LogSumExp:
          x = math::ExpOp::create(nb, arith::SubFOp::create(nb, x, args[1]));
          break;
        case Reduction::Sum:
        case Reduction::Mean:
          break;
        }
        return {addScalar(nb, sum, x, elementKind)};
      })[0];

  // Finish in the accumulator type, then go back to the element type.
  bool finish = kind == Reduction::Mean || kind == Reduction::L2 ||
                kind == Reduction::LogSumExp || accType != elementType;
  Value result = acc;
  if (finish) {
    SmallVector<Value> operands{acc};
    if (shift)
      operands.push_back(shift);
    result = buildElementwise(
        b, operands, resultShape, elementType,
        [&](ImplicitLocOpBuilder &nb, ValueRange args) -> Value {
          Value value = args[0];
          if (kind == Reduction::Mean && isFloat) {
            value = arith::DivFOp::create(
                nb, value,
                scalarConstant(nb, accType, static_cast<double>(count)));
          } else if (kind == Reduction::Mean && count != 0) {
            // Integer mean truncates toward zero.
            Value divisor =
                scalarConstant(nb, accType, static_cast<double>(count));
            value =
                isUnsigned
                    ? arith::DivUIOp::create(nb, value, divisor).getResult()
                    : arith::DivSIOp::create(nb, value, divisor).getResult();
          } else if (kind == Reduction::L2 && isFloat) {
            value = math::SqrtOp::create(nb, value);
          } else if (kind == Reduction::L2) {
            // Integer L2 norms: the square root in f64, truncated.
            Value wide =
                castScalar(nb, value, nb.getF64Type(), isUnsigned, false);
            value = castScalar(nb, math::SqrtOp::create(nb, wide), accType,
                               false, isUnsigned);
          } else if (kind == Reduction::LogSumExp) {
            value = arith::AddFOp::create(nb, math::LogOp::create(nb, value),
                                          args[1]);
          }
          return castScalar(nb, value, elementType, isUnsigned, isUnsigned);
        });
  }
  if (keepDims)
    result = keepReducedDims(b, result, shape, *reduced);
  if (isUnsigned)
    node.markUnsigned(result);
  return SmallVector<Value>{result};
}

OnnxLowering reduce(Reduction kind, bool axesInput) {
  return [kind, axesInput](OnnxNode &node) {
    return lowerReduce(node, kind, axesInput);
  };
}

//===----------------------------------------------------------------------===//
// ArgMax, ArgMin
//===----------------------------------------------------------------------===//

/// Input 0 of an op along one axis (ArgMax, ArgMin, CumSum): static,
/// numeric and of rank >= 1.
FailureOr<RankedTensorType> alongAxisInput(OnnxNode &node) {
  FailureOr<RankedTensorType> type = kindCheckedInput(node, 0, kNumeric);
  if (failed(type))
    return failure();
  if (type->getRank() == 0) {
    node.error() << "input must have rank >= 1";
    return failure();
  }
  return type;
}


/// The index of the greatest (least) element along `axis`, as int64. NaN
/// counts as greater (and less) than everything, as in numpy. Ties go to the
/// first index, or the last with select_last_index; the comparison includes
/// the index so that the result does not depend on the visiting order.
FailureOr<SmallVector<Value>> lowerArgExtremum(OnnxNode &node, bool isMax) {
  FailureOr<RankedTensorType> type = alongAxisInput(node);
  if (failed(type))
    return failure();
  int64_t rank = type->getRank();
  FailureOr<int64_t> axis = node.normalizeAxis(node.getInt("axis", 0), rank);
  if (failed(axis))
    return failure();
  bool keepDims = node.getInt("keepdims", 1) != 0;
  bool selectLast = node.getInt("select_last_index", 0) != 0;
  ImplicitLocOpBuilder &b = node.b;
  Type elementType = type->getElementType();
  unsigned kind = elementKindOf(elementType, node.isUnsignedInput(0));
  SmallVector<bool> reduced(rank, false);
  reduced[*axis] = true;
  SmallVector<int64_t> resultShape = keptShape(type->getShape(), reduced);

  Value values =
      filledWith(b, resultShape, extremeValue(b, elementType, kind, !isMax));
  int64_t noIndex = selectLast ? -1 : std::numeric_limits<int64_t>::max();
  Value indices = filledWith(b, resultShape, b.getI64IntegerAttr(noIndex));
  int64_t dim = *axis;
  Value result = buildReduction(
      b, {node.input(0)}, {}, {values, indices}, reduced,
      [&](ImplicitLocOpBuilder &nb, ValueRange args) -> SmallVector<Value> {
        Value x = args[0], best = args[1], bestIndex = args[2];
        Value index = arith::IndexCastOp::create(
            nb, nb.getI64Type(), linalg::IndexOp::create(nb, dim));
        Value wins = arith::CmpIOp::create(
            nb,
            selectLast ? arith::CmpIPredicate::sgt : arith::CmpIPredicate::slt,
            index, bestIndex);
        Value take;
        if (kind == kFloat) {
          Value better = arith::CmpFOp::create(
              nb, isMax ? arith::CmpFPredicate::OGT : arith::CmpFPredicate::OLT,
              x, best);
          Value equal =
              arith::CmpFOp::create(nb, arith::CmpFPredicate::OEQ, x, best);
          Value xNaN =
              arith::CmpFOp::create(nb, arith::CmpFPredicate::UNO, x, x);
          Value bestNaN =
              arith::CmpFOp::create(nb, arith::CmpFPredicate::UNO, best, best);
          Value bothNaN = arith::AndIOp::create(nb, xNaN, bestNaN);
          Value tie = arith::AndIOp::create(
              nb, arith::OrIOp::create(nb, equal, bothNaN), wins);
          Value trueValue = scalarConstant(nb, nb.getI1Type(), 1);
          Value firstNaN = arith::AndIOp::create(
              nb, xNaN, arith::XOrIOp::create(nb, bestNaN, trueValue));
          take = arith::OrIOp::create(nb, better,
                                      arith::OrIOp::create(nb, tie, firstNaN));
        } else {
          arith::CmpIPredicate predicate =
              kind == kSigned ? (isMax ? arith::CmpIPredicate::sgt
                                       : arith::CmpIPredicate::slt)
                              : (isMax ? arith::CmpIPredicate::ugt
                                       : arith::CmpIPredicate::ult);
          Value better = arith::CmpIOp::create(nb, predicate, x, best);
          Value equal =
              arith::CmpIOp::create(nb, arith::CmpIPredicate::eq, x, best);
          take = arith::OrIOp::create(nb, better,
                                      arith::AndIOp::create(nb, equal, wins));
        }
        return {arith::SelectOp::create(nb, take, x, best),
                arith::SelectOp::create(nb, take, index, bestIndex)};
      })[1];
  if (keepDims)
    result = keepReducedDims(b, result, type->getShape(), reduced);
  return SmallVector<Value>{result};
}

//===----------------------------------------------------------------------===//
// CumSum
//===----------------------------------------------------------------------===//

/// CumSum walks the axis once (backwards with `reverse`) in an scf.for,
/// carrying the running sum as a slice of size 1 along the axis; the sums are
/// added in the order a sequential scan adds them. `exclusive` stores the sum
/// before adding the current slice.
FailureOr<SmallVector<Value>> lowerCumSum(OnnxNode &node) {
  FailureOr<RankedTensorType> type = alongAxisInput(node);
  if (failed(type))
    return failure();
  int64_t rank = type->getRank();
  if (!node.hasInput(1))
    return node.fail("input 1 (axis) is required");
  std::optional<SmallVector<int64_t>> axisValues = node.constantInts(1);
  if (!axisValues)
    return node.fail("the axis input must be a constant");
  if (axisValues->size() != 1)
    return node.fail("the axis input must hold one value");
  FailureOr<int64_t> axis = node.normalizeAxis(axisValues->front(), rank);
  if (failed(axis))
    return failure();
  bool exclusive = node.getInt("exclusive", 0) != 0;
  bool reverse = node.getInt("reverse", 0) != 0;
  unsigned kind = elementKindOf(type->getElementType(), false);

  ImplicitLocOpBuilder &b = node.b;
  Type elementType = type->getElementType();
  ArrayRef<int64_t> shape = type->getShape();
  int64_t length = shape[*axis];
  SmallVector<int64_t> sliceShape(shape);
  sliceShape[*axis] = 1;
  auto sliceType = RankedTensorType::get(sliceShape, elementType);
  Value running = filledTensor(b, sliceShape, elementType, 0.0);
  Value output = emptyTensor(b, shape, elementType);
  Value lower = arith::ConstantIndexOp::create(b, 0);
  Value upper = arith::ConstantIndexOp::create(b, length);
  Value step = arith::ConstantIndexOp::create(b, 1);
  Value input = node.input(0);
  int64_t dim = *axis;
  auto loop = scf::ForOp::create(
      b, lower, upper, step, ValueRange{output, running},
      [&](OpBuilder &nested, Location loc, Value iv, ValueRange args) {
        ImplicitLocOpBuilder nb(loc, nested);
        Value position = iv;
        if (reverse)
          position = arith::SubIOp::create(
              nb, arith::ConstantIndexOp::create(nb, length - 1), iv);
        SmallVector<OpFoldResult> offsets(rank, nb.getIndexAttr(0));
        offsets[dim] = position;
        SmallVector<OpFoldResult> sizes, strides(rank, nb.getIndexAttr(1));
        for (int64_t size : sliceShape)
          sizes.push_back(nb.getIndexAttr(size));
        Value slice = tensor::ExtractSliceOp::create(nb, sliceType, input,
                                                     offsets, sizes, strides);
        // Exclusive stores the sum of the slices before this one: insert it
        // before the update below overwrites it.
        Value updated;
        if (exclusive)
          updated = tensor::InsertSliceOp::create(nb, args[1], args[0], offsets,
                                                  sizes, strides);
        // running += slice, in place (into the loop-carried tensor), so that
        // bufferization keeps one buffer for the running sum.
        AffineMap identity = nb.getMultiDimIdentityMap(rank);
        Value sum =
            linalg::GenericOp::create(
                nb, TypeRange{sliceType}, ValueRange{slice},
                ValueRange{args[1]}, ArrayRef<AffineMap>{identity, identity},
                SmallVector<utils::IteratorType>(rank,
                                                 utils::IteratorType::parallel),
                [&](OpBuilder &inner, Location innerLoc, ValueRange xs) {
                  ImplicitLocOpBuilder bb(innerLoc, inner);
                  linalg::YieldOp::create(bb,
                                          addScalar(bb, xs[1], xs[0], kind));
                })
                .getResult(0);
        if (!exclusive)
          updated = tensor::InsertSliceOp::create(nb, sum, args[0], offsets,
                                                  sizes, strides);
        scf::YieldOp::create(nb, ValueRange{updated, sum});
      });
  Value result = loop.getResult(0);
  if (node.isUnsignedInput(0))
    node.markUnsigned(result);
  return SmallVector<Value>{result};
}

} // namespace

void quench::populateOnnxReductionLowerings(OnnxLoweringSet &set) {
  // Axes moved from the attribute to an optional input (and
  // noop_with_empty_axes appeared) in opset 13 for ReduceSum, 18 for the
  // others.
  set.add("ReduceSum", 1, reduce(Reduction::Sum, false));
  set.add("ReduceSum", 13, reduce(Reduction::Sum, true));
  struct Entry {
    const char *name;
    Reduction kind;
  };
  for (Entry entry :
       {Entry{"ReduceMean", Reduction::Mean},
        Entry{"ReduceProd", Reduction::Prod},
        Entry{"ReduceMax", Reduction::Max}, Entry{"ReduceMin", Reduction::Min},
        Entry{"ReduceL1", Reduction::L1}, Entry{"ReduceL2", Reduction::L2},
        Entry{"ReduceSumSquare", Reduction::SumSquare},
        Entry{"ReduceLogSumExp", Reduction::LogSumExp}}) {
    set.add(entry.name, 1, reduce(entry.kind, false));
    set.add(entry.name, 18, reduce(entry.kind, true));
  }
  // select_last_index (opset 12) defaults to the earlier behaviour.
  set.add("ArgMax", 1,
          [](OnnxNode &node) { return lowerArgExtremum(node, true); });
  set.add("ArgMin", 1,
          [](OnnxNode &node) { return lowerArgExtremum(node, false); });
  set.add("CumSum", 11, lowerCumSum);
}
