//===- ConstantData.cpp - the bytes behind a constant tensor --------------===//

#include "quench/Support/ConstantData.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/DialectResourceBlobManager.h"

#include <cstring>

using namespace mlir;

std::optional<std::vector<char>> quench::constantBytes(Value value) {
  while (Operation *op = value.getDefiningOp()) {
    if (!isa<tensor::CollapseShapeOp, tensor::ExpandShapeOp, tensor::ReshapeOp, tensor::CastOp>(
            op))
      break;
    value = op->getOperand(0);
  }
  auto constant = value.getDefiningOp<arith::ConstantOp>();
  auto type = dyn_cast<RankedTensorType>(value.getType());
  if (!constant || !type || !type.hasStaticShape() || !type.getElementType().isIntOrFloat())
    return std::nullopt;
  // Sub-byte integers (ONNX int4) take a byte each, as in memory; i1
  // elements of a DenseElementsAttr are packed bits and are not read here.
  unsigned bits = type.getElementType().getIntOrFloatBitWidth();
  if (bits == 1 || (bits % 8 != 0 && !type.getElementType().isInteger()))
    return std::nullopt;
  size_t bytes = type.getNumElements() * ((bits + 7) / 8);
  std::vector<char> data(bytes);
  Attribute attr = constant.getValue();
  if (auto resource = dyn_cast<DenseResourceElementsAttr>(attr)) {
    AsmResourceBlob *blob = resource.getRawHandle().getBlob();
    if (!blob || blob->getData().size() != bytes)
      return std::nullopt;
    std::memcpy(data.data(), blob->getData().data(), bytes);
    return data;
  }
  auto dense = dyn_cast<DenseElementsAttr>(attr);
  if (!dense)
    return std::nullopt;
  ArrayRef<char> raw = dense.getRawData();
  if (dense.isSplat()) {
    for (size_t at = 0; at < bytes; at += raw.size())
      std::memcpy(data.data() + at, raw.data(), raw.size());
    return data;
  }
  if (raw.size() != bytes)
    return std::nullopt;
  std::memcpy(data.data(), raw.data(), bytes);
  return data;
}
