//===- QntTypes.td - qnt types -------------------------------*- tablegen -*-===//

#ifndef QUENCH_DIALECT_QNT_QNTTYPES_TD
#define QUENCH_DIALECT_QNT_QNTTYPES_TD

include "dialects/Qnt/QntAttrs.td"

def Qnt_QTensorType : TypeDef<Qnt_Dialect, "QTensor"> {
  let mnemonic = "qtensor";
  let summary = "A quantized tensor: logical shape, expressed float type, encoding";
  let description = [{
    `!qnt.qtensor<4096x4096xf16, #qnt.uniform<bits = 4, block = [1, 128]>>` is
    a 4096x4096 tensor of `f16` values stored in the scheme named by the
    encoding. The shape is static. The type holds no data: the op that builds
    the value (`qnt.uniform`, `qnt.additive`, ...) takes the codes, scales and
    tables as tensor operands, so even a model with millions of scales has
    small, cheaply uniqued types.
  }];
  let parameters = (ins
    ArrayRefParameter<"int64_t", "logical shape">:$shape,
    "::mlir::FloatType":$elementType,
    "::quench::qnt::EncodingAttrInterface":$encoding);
  let hasCustomAssemblyFormat = 1;
  let genVerifyDecl = 1;
  let extraClassDeclaration = [{
    int64_t getRank() const { return getShape().size(); }
    int64_t getDimSize(unsigned i) const { return getShape()[i]; }
    /// The float tensor this value dequantizes to.
    ::mlir::RankedTensorType getExpressedType() const {
      return ::mlir::RankedTensorType::get(getShape(), getElementType());
    }
  }];
}

// A qtensor whose encoding is `Encoding`.
class Qnt_QTensorOf<string encoding, string mnemonic> : Type<
    And<[CPred<"::llvm::isa<::quench::qnt::QTensorType>($_self)">,
         CPred<"::llvm::isa<::quench::qnt::" # encoding # "Attr>("
               "::llvm::cast<::quench::qnt::QTensorType>($_self).getEncoding())">]>,
    "quantized tensor with #qnt." # mnemonic # " encoding",
    "::quench::qnt::QTensorType">;

#endif // QUENCH_DIALECT_QNT_QNTTYPES_TD
