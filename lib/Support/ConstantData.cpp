//===- ConstantData.cpp - the bytes behind a constant tensor --------------===//

#include "quench/Support/ConstantData.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/DialectResourceBlobManager.h"

#include <cstring>

using namespace mlir;

std::optional<ArrayRef<char>> quench::elementsBytes(Attribute attr, ShapedType type,
                                                    std::vector<char> &storage) {
  Type element = type.getElementType();
  if (!type.hasStaticShape() || !element.isIntOrFloat() || element.isInteger(1) ||
      (element.getIntOrFloatBitWidth() % 8 != 0 && !element.isInteger()))
    return std::nullopt;
  size_t bytes = type.getNumElements() * ((element.getIntOrFloatBitWidth() + 7) / 8);
  if (auto resource = dyn_cast_if_present<DenseResourceElementsAttr>(attr)) {
    AsmResourceBlob *blob = resource.getRawHandle().getBlob();
    if (!blob || blob->getData().size() != bytes)
      return std::nullopt;
    return blob->getData();
  }
  auto dense = dyn_cast_if_present<DenseElementsAttr>(attr);
  if (!dense)
    return std::nullopt;
  ArrayRef<char> raw = dense.getRawData();
  if (!dense.isSplat())
    return raw.size() == bytes ? std::optional(raw) : std::nullopt;
  storage.resize(bytes);
  for (size_t at = 0; at < bytes; at += raw.size())
    std::memcpy(storage.data() + at, raw.data(), raw.size());
  return ArrayRef<char>(storage);
}

std::optional<std::vector<char>> quench::constantBytes(Value value) {
  while (Operation *op = value.getDefiningOp()) {
    if (!isa<tensor::CollapseShapeOp, tensor::ExpandShapeOp, tensor::ReshapeOp, tensor::CastOp>(
            op))
      break;
    value = op->getOperand(0);
  }
  auto constant = value.getDefiningOp<arith::ConstantOp>();
  auto type = dyn_cast<RankedTensorType>(value.getType());
  if (!constant || !type)
    return std::nullopt;
  std::vector<char> storage;
  std::optional<ArrayRef<char>> bytes = elementsBytes(constant.getValue(), type, storage);
  if (!bytes)
    return std::nullopt;
  return std::vector<char>(bytes->begin(), bytes->end());
}

std::optional<std::vector<int64_t>> quench::constantIntElements(Value value, bool isSigned) {
  std::optional<std::vector<char>> bytes = constantBytes(value);
  Type element = cast<ShapedType>(value.getType()).getElementType();
  if (!bytes || !element.isInteger())
    return std::nullopt;
  unsigned width = (element.getIntOrFloatBitWidth() + 7) / 8;
  std::vector<int64_t> values(bytes->size() / width);
  for (size_t i = 0; i < values.size(); ++i) {
    uint64_t raw = 0;
    std::memcpy(&raw, bytes->data() + i * width, width); // little-endian host
    int64_t v = static_cast<int64_t>(raw);
    if (isSigned && width < 8 && (raw >> (8 * width - 1)) & 1)
      v = static_cast<int64_t>(raw | (~uint64_t(0) << (8 * width)));
    values[i] = v;
  }
  return values;
}

std::optional<std::vector<float>> quench::constantFloatElements(Value value) {
  std::optional<std::vector<char>> bytes = constantBytes(value);
  auto element = dyn_cast<FloatType>(cast<ShapedType>(value.getType()).getElementType());
  if (!bytes || !element)
    return std::nullopt;
  unsigned width = element.getWidth() / 8;
  std::vector<float> values(bytes->size() / width);
  for (size_t i = 0; i < values.size(); ++i) {
    if (element.isF32()) {
      std::memcpy(&values[i], bytes->data() + i * 4, 4);
      continue;
    }
    uint64_t raw = 0;
    std::memcpy(&raw, bytes->data() + i * width, width);
    APFloat f(element.getFloatSemantics(), APInt(element.getWidth(), raw));
    bool lost = false;
    f.convert(APFloat::IEEEsingle(), APFloat::rmNearestTiesToEven, &lost);
    values[i] = f.convertToFloat();
  }
  return values;
}
