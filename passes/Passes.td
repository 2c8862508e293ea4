//===- Passes.td - Quench passes -----------------------------*- tablegen -*-===//

#ifndef QUENCH_PASSES_TD
#define QUENCH_PASSES_TD

include "mlir/Pass/PassBase.td"

def LowerQntToLinalg : Pass<"lower-qnt-to-linalg", "::mlir::ModuleOp"> {
  let summary = "Reference lowering of every qnt op to linalg/arith/tensor";
  let description = [{
    The semantic oracle of the `qnt` dialect. Every `qnt.dequantize` and
    `qnt.matmul` is rewritten into plain tensor code that first computes the
    float weight from its codes, scales and tables (one `linalg.generic` per
    constructor, following the formula in the constructor's description),
    then multiplies with a `linalg.generic` contraction; `qnt.quantize` becomes
    an element-wise rounding; `qnt.observe` forwards its input. Constructors
    left without users are erased. No fused kernel is formed here: fused
    target kernels are tested bit-for-bit or within a stated tolerance
    against this lowering.

    Before:
    ```mlir
    %w = qnt.uniform %codes scales(%s)
        : (tensor<2x4xi8>, tensor<2x2xf32>)
        -> !qnt.qtensor<2x4xf32, #qnt.uniform<bits = 4, block = [1, 2]>>
    %y = qnt.matmul %x, %w : (tensor<1x4xf32>, !qnt.qtensor<2x4xf32, ...>) -> tensor<1x2xf32>
    ```
    After (schematically):
    ```mlir
    %wf = linalg.generic ... { (codes[n, k] - 0) * s[n, k / 2] } -> tensor<2x4xf32>
    %y = linalg.generic ... { y[m, n] += x[m, k] * wf[n, k] } -> tensor<1x2xf32>
    ```

    A quantized tensor that is not built by a constructor in the same
    function (a block argument) cannot be lowered and is reported as an error.
  }];
  let dependentDialects = [
    "::mlir::arith::ArithDialect", "::mlir::linalg::LinalgDialect",
    "::mlir::math::MathDialect", "::mlir::scf::SCFDialect",
    "::mlir::tensor::TensorDialect"
  ];
}

def QntFromQuant : Pass<"qnt-from-quant", "::mlir::ModuleOp"> {
  let summary = "Rewrites upstream !quant.uniform casts into qnt ops";
  let description = [{
    Imports the upstream `quant` dialect: `quant.dcast` of a tensor of
    `!quant.uniform` (per-tensor, per-axis or sub-channel) whose storage comes
    from `quant.scast` becomes `qnt.dequantize` of a `qnt.uniform` whose scales
    and zero points are materialized as constant tensors; `quant.qcast`
    becomes `qnt.quantize` followed by the same storage reinterpretation.

    Before:
    ```mlir
    %q = quant.scast %codes : tensor<4xi8> to tensor<4x!quant.uniform<i8:f32, 0.5:1>>
    %f = quant.dcast %q : tensor<4x!quant.uniform<i8:f32, 0.5:1>> to tensor<4xf32>
    ```
    After:
    ```mlir
    %w = qnt.uniform %codes scales(%cst) zero_points(%zp) : ...
        -> !qnt.qtensor<4xf32, #qnt.uniform<bits = 8, block = [4], zero_point = true>>
    %f = qnt.dequantize %w : ... -> tensor<4xf32>
    ```
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::quench::qnt::QntDialect"];
}

def QntToQuant : Pass<"qnt-to-quant", "::mlir::ModuleOp"> {
  let summary = "Rewrites qnt uniform tensors into upstream !quant.uniform where they fit";
  let description = [{
    Exports to the upstream `quant` dialect: `qnt.dequantize` of an unpacked
    `qnt.uniform` (no group index, no double quantization) whose scales and
    zero points are constants becomes `quant.scast` + `quant.dcast` on
    `!quant.uniform` with the scales in the type: per-tensor when there is one
    block, per-axis when only one dimension is blocked by 1, sub-channel
    otherwise. Every scale lands inside the type, which suits tests and small
    models; forms that do not fit are left untouched with a remark.
  }];
  let dependentDialects = ["::mlir::quant::QuantDialect"];
}

def ConvertOnnxToLinalg : Pass<"convert-onnx-to-linalg", "::mlir::ModuleOp"> {
  let summary = "Lowers imported ONNX graphs to linalg on tensors (and qnt)";
  let description = [{
    Lowers every `onnx.node` of every function, in graph order, with the
    lowering registered for its domain, op type and opset (the newest one
    whose since-version does not exceed the model's opset). Each lowering
    computes its result types from its already-lowered operands, so shapes
    are inferred through the whole graph; small integer shape computations
    (Shape -> Gather -> Concat -> Reshape) fold to constants on the way.
    Quantized forms (QuantizeLinear / DequantizeLinear, MatMulNBits, ...)
    become `qnt` ops rather than float code.

    Lowering needs static shapes: fix dynamic model inputs when importing
    (`quench-import-onnx --input-shape input_ids=1x512`). Unsigned ONNX types
    (uint8, ...) become signless integers; the lowerings keep track of which
    values hold unsigned data.

    When some nodes have no lowering, the pass fails with one error that lists
    every unsupported op type and the nodes using it.

    Before:
    ```mlir
    %0 = onnx.node "Add"(%a, %b) {domain = "", opset = 17 : i64, name = "add0",
        attrs = {}} : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
    ```
    After:
    ```mlir
    %0 = linalg.generic {indexing_maps = [(d0, d1) -> (d0, d1), (d0, d1) -> (d1),
        (d0, d1) -> (d0, d1)], ...} ins(%a, %b) ... { arith.addf } -> tensor<2x3xf32>
    ```
  }];
  let dependentDialects = [
    "::mlir::arith::ArithDialect", "::mlir::linalg::LinalgDialect",
    "::mlir::math::MathDialect", "::mlir::scf::SCFDialect",
    "::mlir::tensor::TensorDialect", "::quench::qnt::QntDialect"
  ];
}

#endif // QUENCH_PASSES_TD
