//===- QntDialect.cpp - qnt dialect, its type and parsing helpers ---------===//

#include "dialects/Qnt/QntDialect.h"

#include "mlir/IR/Builders.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace quench::qnt;

#include "dialects/Qnt/QntDialect.cpp.inc"
#include "dialects/Qnt/QntEnums.cpp.inc"
#include "dialects/Qnt/QntInterfaces.cpp.inc"

#define GET_TYPEDEF_CLASSES
#include "dialects/Qnt/QntTypes.cpp.inc"

void QntDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "dialects/Qnt/QntOps.cpp.inc"
      >();
  addTypes<
#define GET_TYPEDEF_LIST
#include "dialects/Qnt/QntTypes.cpp.inc"
      >();
  registerAttributes();
}

FailureOr<SmallVector<int64_t>> quench::qnt::parseI64List(AsmParser &parser) {
  SmallVector<int64_t> values;
  if (parser.parseCommaSeparatedList(AsmParser::Delimiter::Square, [&] {
        int64_t value;
        if (parser.parseInteger(value))
          return failure();
        values.push_back(value);
        return success();
      }))
    return failure();
  return values;
}

void quench::qnt::printI64List(AsmPrinter &printer, ArrayRef<int64_t> values) {
  printer << '[';
  llvm::interleaveComma(values, printer);
  printer << ']';
}

SmallVector<int64_t> quench::qnt::getScaleShape(ArrayRef<int64_t> shape,
                                                ArrayRef<int64_t> block) {
  SmallVector<int64_t> result;
  for (auto [dim, size] : llvm::zip_equal(shape, block))
    result.push_back(dim / size);
  return result;
}

ArrayRef<int64_t> quench::qnt::getTensorShape(Type type) {
  if (auto tensor = dyn_cast<RankedTensorType>(type))
    return tensor.getShape();
  if (auto qtensor = dyn_cast<QTensorType>(type))
    return qtensor.getShape();
  return {};
}

//===----------------------------------------------------------------------===//
// QTensorType
//===----------------------------------------------------------------------===//

Type QTensorType::parse(AsmParser &parser) {
  SMLoc loc = parser.getCurrentLocation();
  SmallVector<int64_t> shape;
  Type elementType;
  Attribute encoding;
  if (parser.parseLess() ||
      parser.parseDimensionList(shape, /*allowDynamic=*/false,
                                /*withTrailingX=*/true) ||
      parser.parseType(elementType) || parser.parseComma() ||
      parser.parseAttribute(encoding) || parser.parseGreater())
    return {};
  auto floatType = dyn_cast<FloatType>(elementType);
  if (!floatType) {
    parser.emitError(loc, "qtensor element type must be the float type the "
                          "tensor stands for, got ")
        << elementType;
    return {};
  }
  auto encodingAttr = dyn_cast<EncodingAttrInterface>(encoding);
  if (!encodingAttr) {
    parser.emitError(loc, "qtensor encoding must be a #qnt encoding (uniform, "
                          "lut, fp8, additive, vector, e8p, hadamard, "
                          "sparse_outliers, outlier_columns, bitstack), got ")
        << encoding;
    return {};
  }
  return getChecked([&] { return parser.emitError(loc); }, parser.getContext(),
                    shape, floatType, encodingAttr);
}

void QTensorType::print(AsmPrinter &printer) const {
  printer << '<';
  for (int64_t dim : getShape())
    printer << dim << 'x';
  printer << getElementType() << ", " << getEncoding() << '>';
}

LogicalResult QTensorType::verify(function_ref<InFlightDiagnostic()> emitError,
                                  ArrayRef<int64_t> shape, FloatType elementType,
                                  EncodingAttrInterface encoding) {
  if (shape.empty())
    return emitError() << "qtensor must have rank >= 1";
  for (int64_t dim : shape)
    if (dim <= 0)
      return emitError() << "qtensor dimensions must be static and positive, got "
                         << dim;
  return encoding.verifyShape(emitError, shape);
}
