//===- Shape.cpp - ONNX shape and data-movement ops -----------------------===//

#include "OnnxLowering.h"

using namespace mlir;
using namespace quench;

void quench::populateOnnxShapeLowerings(OnnxLoweringSet &set) {
  // Constant: the tensor in its `value` attribute (other value_* forms are
  // scalars and lists).
  set.add("Constant", 1, [](OnnxNode &node) -> FailureOr<SmallVector<Value>> {
    ElementsAttr value = node.getTensor("value");
    if (!value)
      return node.fail("only the 'value' tensor form is supported");
    auto type = cast<RankedTensorType>(value.getType());
    auto signless = type.clone(signlessElementType(type.getElementType()));
    Attribute attr = value;
    if (signless != type) {
      if (auto dense = dyn_cast<DenseElementsAttr>(value))
        attr = dense.bitcast(signless.getElementType());
      else
        return node.fail("unsigned dense_resource constants are not supported");
    }
    Value result = arith::ConstantOp::create(node.b, signless, cast<TypedAttr>(attr));
    if (signless != type)
      node.markUnsigned(result);
    return SmallVector<Value>{result};
  });
  // Shape: known statically, so a constant.
  set.add("Shape", 1, [](OnnxNode &node) -> FailureOr<SmallVector<Value>> {
    FailureOr<RankedTensorType> type = node.staticType(0);
    if (failed(type))
      return failure();
    int64_t rank = type->getRank();
    int64_t start = node.getInt("start", 0), end = node.getInt("end", rank);
    start = std::clamp<int64_t>(start < 0 ? start + rank : start, 0, rank);
    end = std::clamp<int64_t>(end < 0 ? end + rank : end, 0, rank);
    SmallVector<int64_t> dims(type->getShape().begin() + start,
                              type->getShape().begin() + std::max(start, end));
    return SmallVector<Value>{intTensorConstant(
        node.b, {static_cast<int64_t>(dims.size())}, node.b.getI64Type(), dims)};
  });
  set.add("Identity", 1, [](OnnxNode &node) -> FailureOr<SmallVector<Value>> {
    return SmallVector<Value>{node.input(0)};
  });
}
