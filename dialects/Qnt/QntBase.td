//===- QntBase.td - qnt dialect definition -------------------*- tablegen -*-===//
//
// The quantization dialect of Quench: one IR for uniform, table, FP8, codebook,
// rotated, sparse-outlier and bit-plane quantized tensors.
//
//===----------------------------------------------------------------------===//

#ifndef QUENCH_DIALECT_QNT_QNTBASE_TD
#define QUENCH_DIALECT_QNT_QNTBASE_TD

include "mlir/IR/OpBase.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/EnumAttr.td"

def Qnt_Dialect : Dialect {
  let name = "qnt";
  let cppNamespace = "::quench::qnt";
  let summary = "Quantized tensors and the quantized matmul";
  let description = [{
    The `qnt` dialect describes a quantized tensor as a value of type
    `!qnt.qtensor<shape x float, #encoding>`: the logical shape and the float type
    the tensor stands for, plus a small *encoding* attribute naming the scheme
    (bit width, block shape, codebook sizes, packing layout...). The large data of
    a quantized tensor -- codes, scales, zero points, codebooks, outlier values --
    is never held in a type or an attribute: it lives in ordinary tensor operands
    (typically `dense_resource` constants) of the op that builds the `qtensor`.

    Each scheme has one constructor op (`qnt.uniform`, `qnt.lut`, `qnt.fp8`,
    `qnt.additive`, `qnt.vector`, `qnt.e8p`, `qnt.hadamard`,
    `qnt.sparse_outliers`, `qnt.outlier_columns`, `qnt.bitstack`) whose
    description gives the exact dequantization formula. Constructors compose:
    the scales of a uniform tensor may themselves be a `qtensor` (double
    quantization), and rotations and outliers wrap another `qtensor`.

    Every quantized format is consumed by the same two ops: `qnt.dequantize`
    (to a float tensor) and `qnt.matmul` (activation x quantized weight -> float,
    with optional bias and activation quantization). `qnt.quantize` produces
    uniform codes and `qnt.observe` marks calibration points.

    The pass `lower-qnt-to-linalg` is the reference semantics: it rewrites every
    `qnt` op into linalg/arith/tensor ops that dequantize, then multiply. Fused
    target kernels are tested against it.

    Conventions: weights are stored `[N, K]` (output features by input
    features, as ONNX `MatMulNBits` and PyTorch `nn.Linear` do) and
    `qnt.matmul` computes `y = x * W^T + b`.
  }];
  let useDefaultAttributePrinterParser = 1;
  let useDefaultTypePrinterParser = 1;
  let dependentDialects = ["::mlir::tensor::TensorDialect"];
  let extraClassDeclaration = [{
    void registerAttributes();
  }];
}

class Qnt_Op<string mnemonic, list<Trait> traits = []>
    : Op<Qnt_Dialect, mnemonic, traits>;

#endif // QUENCH_DIALECT_QNT_QNTBASE_TD
