//===- Elementwise.cpp - ONNX element-wise ops ----------------------------===//

#include "OnnxLowering.h"

using namespace mlir;
using namespace quench;

namespace {

/// A binary op with numpy broadcasting whose inputs share an element type.
FailureOr<SmallVector<Value>>
lowerBinary(OnnxNode &node,
            function_ref<Value(ImplicitLocOpBuilder &, Value, Value, bool)> fn) {
  SmallVector<RankedTensorType> types;
  if (failed(node.staticTypes(types)))
    return failure();
  if (types.size() != 2)
    return node.fail("expects two inputs");
  if (types[0].getElementType() != types[1].getElementType())
    return node.fail("inputs have different element types");
  FailureOr<SmallVector<int64_t>> shape =
      broadcastShapes({types[0].getShape(), types[1].getShape()});
  if (failed(shape))
    return node.fail("input shapes do not broadcast");
  bool isUnsigned = node.isUnsignedInput(0);
  Value result = buildElementwise(
      node.b, {node.input(0), node.input(1)}, *shape,
      types[0].getElementType(), [&](ImplicitLocOpBuilder &b, ValueRange args) {
        return fn(b, args[0], args[1], isUnsigned);
      });
  if (isUnsigned)
    node.markUnsigned(result);
  return SmallVector<Value>{result};
}

template <typename FloatOp, typename SignedOp, typename UnsignedOp = SignedOp>
OnnxLowering binaryArith() {
  return [](OnnxNode &node) {
    return lowerBinary(node, [](ImplicitLocOpBuilder &b, Value lhs, Value rhs,
                                bool isUnsigned) -> Value {
      if (isa<FloatType>(lhs.getType()))
        return FloatOp::create(b, lhs, rhs);
      if (isUnsigned)
        return UnsignedOp::create(b, lhs, rhs);
      return SignedOp::create(b, lhs, rhs);
    });
  };
}

} // namespace

void quench::populateOnnxElementwiseLowerings(OnnxLoweringSet &set) {
  set.add("Add", 7, binaryArith<arith::AddFOp, arith::AddIOp>());
  set.add("Sub", 7, binaryArith<arith::SubFOp, arith::SubIOp>());
  set.add("Mul", 7, binaryArith<arith::MulFOp, arith::MulIOp>());
  set.add("Div", 7, binaryArith<arith::DivFOp, arith::DivSIOp, arith::DivUIOp>());
}
