//===- NN.cpp - ONNX matmul, normalization, convolution and pooling ops ---===//

#include "OnnxLowering.h"

using namespace mlir;
using namespace quench;

namespace {

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
  if (rhsType->getElementType() != elementType || !isa<FloatType>(elementType))
    return node.fail("MatMul needs float operands of one type");
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
  SmallVector<AffineExpr> outExprs;
  for (int64_t i = 0; i < rank; ++i)
    outExprs.push_back(getAffineDimExpr(i, ctx));
  SmallVector<utils::IteratorType> iterators(rank, utils::IteratorType::parallel);
  iterators.push_back(utils::IteratorType::reduction);
  Value init = filledTensor(node.b, outShape, elementType, 0.0);
  auto generic = linalg::GenericOp::create(
      node.b, TypeRange{init.getType()}, ValueRange{node.input(0), node.input(1)},
      ValueRange{init},
      ArrayRef<AffineMap>{operandMap(a, lhs, true), operandMap(w, rhs, false),
                          AffineMap::get(rank + 1, 0, outExprs, ctx)},
      iterators, [](OpBuilder &nested, Location loc, ValueRange args) {
        ImplicitLocOpBuilder b(loc, nested);
        Value product = arith::MulFOp::create(b, args[0], args[1]);
        linalg::YieldOp::create(b, arith::AddFOp::create(b, args[2], product).getResult());
      });
  Value result = generic.getResult(0);
  // Drop the dimensions added for rank-1 operands.
  SmallVector<int64_t> finalShape(*batch);
  if (lhs.size() > 1)
    finalShape.push_back(m);
  if (rhs.size() > 1)
    finalShape.push_back(n);
  if (finalShape != outShape) {
    auto type = RankedTensorType::get(finalShape, elementType);
    SmallVector<ReassociationIndices> groups;
    if (finalShape.empty()) {
      // [1, 1] -> [] : the empty reassociation.
    } else {
      for (int64_t i = 0; i < static_cast<int64_t>(finalShape.size()); ++i)
        groups.push_back({i});
      groups.back().push_back(finalShape.size());
    }
    result = tensor::CollapseShapeOp::create(node.b, type, result, groups);
  }
  return SmallVector<Value>{result};
}

} // namespace

void quench::populateOnnxNNLowerings(OnnxLoweringSet &set) {
  set.add("MatMul", 1, lowerMatMul);
}
