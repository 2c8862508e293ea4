//===- QntOps.td - qnt operations ----------------------------*- tablegen -*-===//

#ifndef QUENCH_DIALECT_QNT_QNTOPS_TD
#define QUENCH_DIALECT_QNT_QNTOPS_TD

include "dialects/Qnt/QntTypes.td"
include "mlir/Interfaces/SideEffectInterfaces.td"
include "mlir/Interfaces/InferTypeOpInterface.td"

def Qnt_FloatTensor : RankedTensorOf<[AnyFloat]>;
def Qnt_IntTensor : RankedTensorOf<[AnySignlessInteger]>;
def Qnt_IntOrFloatTensor : RankedTensorOf<[AnySignlessInteger, AnyFloat]>;
// Scales: a float tensor, or a quantized tensor (double quantization).
def Qnt_ScaleTensor : AnyTypeOf<[Qnt_FloatTensor, Qnt_QTensorType],
    "float tensor or quantized tensor">;
def Qnt_Fp8Tensor : RankedTensorOf<[F8E4M3FN, F8E5M2]>;

//===----------------------------------------------------------------------===//
// Constructors
//===----------------------------------------------------------------------===//

class Qnt_ConstructorOp<string mnemonic, list<Trait> traits = []>
    : Qnt_Op<mnemonic, !listconcat([Pure], traits)> {
  let hasVerifier = 1;
}

def Qnt_UniformOp : Qnt_ConstructorOp<"uniform", [AttrSizedOperandSegments]> {
  let summary = "Builds a uniformly quantized tensor from codes and scales";
  let description = [{
    Assembles a `!qnt.qtensor` with a `#qnt.uniform` encoding. Dequantizes to

    ```
    w[i] = (codes[i] - zero_points[i / block]) * scales[i / block]
    ```

    where `block` comes from the encoding. `scales` (and `zero_points`, present
    exactly when the encoding says `zero_point = true`) have shape
    `shape / block`. `scales` may itself be a `!qnt.qtensor` (double
    quantization, as in QLoRA and SpQR). `codes` has the logical shape, or the
    storage shape of the encoding's `packing` in `i8`.

    With `group_index` (a `[K]` integer tensor, act-order GPTQ), column `k` of
    a rank-2 weight uses scale column `group_index[k]` instead of
    `k / block[1]`; `scales` is then `[N / block[0], G]` for any `G`.

    Example (4-bit, groups of 2, zero point 8):
    ```mlir
    %w = qnt.uniform %codes scales(%s) zero_points(%z)
        : (tensor<2x4xi8>, tensor<2x2xf32>, tensor<2x2xi8>)
        -> !qnt.qtensor<2x4xf32, #qnt.uniform<bits = 4, signedness = unsigned,
                                              block = [1, 2], zero_point = true>>
    ```
    With codes `[[9, 7, 8, 0], ...]`, scales `[[0.5, 2.0], ...]` and zero points
    `[[8, 8], ...]` the first row is `[0.5, -0.5, 0.0, -16.0]`.
  }];
  let arguments = (ins Qnt_IntTensor:$codes, Qnt_ScaleTensor:$scales,
                       Optional<Qnt_IntOrFloatTensor>:$zero_points,
                       Optional<Qnt_IntTensor>:$group_index);
  let results = (outs Qnt_QTensorOf<"Uniform", "uniform">:$result);
  let assemblyFormat = [{
    $codes `scales` `(` $scales `)` (`zero_points` `(` $zero_points^ `)`)?
    (`group_index` `(` $group_index^ `)`)? attr-dict `:` functional-type(operands, results)
  }];
  let extraClassDeclaration = [{
    UniformAttr getEncoding() {
      return ::llvm::cast<UniformAttr>(getType().getEncoding());
    }
  }];
}

def Qnt_LutOp : Qnt_ConstructorOp<"lut"> {
  let summary = "Builds a lookup-table quantized tensor (NF4, FP4, custom)";
  let description = [{
    Dequantizes to `w[i] = table[codes[i]] * scales[i / block]`, where the
    table is named by the `#qnt.lut` encoding, or given as the `table` operand
    (`tensor<2^bits x float>`) when the encoding says `table = custom`.

    ```mlir
    %w = qnt.lut %codes scales(%absmax)
        : (tensor<4x32xi8>, tensor<4x1xf32>)
        -> !qnt.qtensor<4x64xf32, #qnt.lut<bits = 4, table = nf4, block = [1, 64],
                                           packing = <bits = 4>>>
    ```
  }];
  let arguments = (ins Qnt_IntTensor:$codes, Qnt_ScaleTensor:$scales,
                       Optional<Qnt_FloatTensor>:$table);
  let results = (outs Qnt_QTensorOf<"Lut", "lut">:$result);
  let assemblyFormat = [{
    $codes `scales` `(` $scales `)` (`table` `(` $table^ `)`)? attr-dict `:`
    functional-type(operands, results)
  }];
  let extraClassDeclaration = [{
    LutAttr getEncoding() { return ::llvm::cast<LutAttr>(getType().getEncoding()); }
  }];
}

def Qnt_Fp8Op : Qnt_ConstructorOp<"fp8"> {
  let summary = "Builds an FP8 quantized tensor with block-wise scales";
  let description = [{
    Dequantizes to `w[i] = float(codes[i]) * scales[i / block]`; `codes` is an
    `f8E4M3FN` or `f8E5M2` tensor of the logical shape.

    ```mlir
    %w = qnt.fp8 %codes scales(%s) : (tensor<4x8xf8E4M3FN>, tensor<4x1xf32>)
        -> !qnt.qtensor<4x8xf32, #qnt.fp8<block = [1, 8]>>
    ```
  }];
  let arguments = (ins Qnt_Fp8Tensor:$codes, Qnt_ScaleTensor:$scales);
  let results = (outs Qnt_QTensorOf<"Fp8", "fp8">:$result);
  let assemblyFormat = [{
    $codes `scales` `(` $scales `)` attr-dict `:` functional-type(operands, results)
  }];
  let extraClassDeclaration = [{
    Fp8Attr getEncoding() { return ::llvm::cast<Fp8Attr>(getType().getEncoding()); }
  }];
}

def Qnt_AdditiveOp : Qnt_ConstructorOp<"additive"> {
  let summary = "Builds an additive multi-codebook quantized weight (AQLM)";
  let description = [{
    `w[n, k] = scales[n] * sum_m codebooks[m, codes[n, k / dim, m], k % dim]`
    with `codes : [N, K / dim, books]`, `codebooks : [books, 2^bits, dim]`,
    `scales : [N]`.

    ```mlir
    %w = qnt.additive %codes codebooks(%books) scales(%s)
        : (tensor<4x2x2xi8>, tensor<2x256x8xf16>, tensor<4xf16>)
        -> !qnt.qtensor<4x16xf16, #qnt.additive<books = 2, bits = 8, dim = 8>>
    ```
  }];
  let arguments = (ins Qnt_IntTensor:$codes, Qnt_FloatTensor:$codebooks,
                       Qnt_FloatTensor:$scales);
  let results = (outs Qnt_QTensorOf<"Additive", "additive">:$result);
  let assemblyFormat = [{
    $codes `codebooks` `(` $codebooks `)` `scales` `(` $scales `)` attr-dict `:`
    functional-type(operands, results)
  }];
  let extraClassDeclaration = [{
    AdditiveAttr getEncoding() {
      return ::llvm::cast<AdditiveAttr>(getType().getEncoding());
    }
  }];
}

def Qnt_VectorOp : Qnt_ConstructorOp<"vector", [AttrSizedOperandSegments]> {
  let summary = "Builds a vector-quantized weight with optional residual (VPTQ)";
  let description = [{
    `w[n, k] = (centroids[indices[n, k/dim], k%dim]
               + residual_centroids[residual_indices[n, k/dim], k%dim])
               * column_scales[k] + column_biases[k]`.
    The residual pair is present exactly when the encoding has
    `residual_centroids > 0`; column scales and biases are optional.

    ```mlir
    %w = qnt.vector %idx centroids(%c) residual(%ridx, %r)
        : (tensor<4x2xi16>, tensor<256x4xf32>, tensor<4x2xi8>, tensor<16x4xf32>)
        -> !qnt.qtensor<4x8xf32, #qnt.vector<dim = 4, centroids = 256, residual_centroids = 16>>
    ```
  }];
  let arguments = (ins Qnt_IntTensor:$indices, Qnt_FloatTensor:$centroids,
                       Optional<Qnt_IntTensor>:$residual_indices,
                       Optional<Qnt_FloatTensor>:$residual_centroids,
                       Optional<Qnt_FloatTensor>:$column_scales,
                       Optional<Qnt_FloatTensor>:$column_biases);
  let results = (outs Qnt_QTensorOf<"Vector", "vector">:$result);
  let assemblyFormat = [{
    $indices `centroids` `(` $centroids `)`
    (`residual` `(` $residual_indices^ `,` $residual_centroids `)`)?
    (`column_scales` `(` $column_scales^ `)`)?
    (`column_biases` `(` $column_biases^ `)`)? attr-dict `:`
    functional-type(operands, results)
  }];
  let extraClassDeclaration = [{
    VectorAttr getEncoding() {
      return ::llvm::cast<VectorAttr>(getType().getEncoding());
    }
  }];
}

def Qnt_E8POp : Qnt_ConstructorOp<"e8p"> {
  let summary = "Builds an E8P lattice-codebook weight (QuIP#)";
  let description = [{
    `w[n, 8*j + t] = scale * E8P(codes[n, j])[t]` with `codes : [N, K/8] : i16`
    and a rank-0 `scale`.

    ```mlir
    %w = qnt.e8p %codes scale(%s) : (tensor<4x2xi16>, tensor<f32>)
        -> !qnt.qtensor<4x16xf32, #qnt.e8p>
    ```
  }];
  let arguments = (ins RankedTensorOf<[I16]>:$codes, 0DTensorOf<[AnyFloat]>:$scale);
  let results = (outs Qnt_QTensorOf<"E8P", "e8p">:$result);
  let assemblyFormat = [{
    $codes `scale` `(` $scale `)` attr-dict `:` functional-type(operands, results)
  }];
}

def Qnt_HadamardOp : Qnt_ConstructorOp<"hadamard"> {
  let summary = "Wraps a quantized weight in seeded random Hadamard rotations";
  let description = [{
    `W = D_out * H_N * dequantize(inner) * H_K * D_in` (see `#qnt.hadamard`).
    The inner and outer tensors have the same shape and float type.

    ```mlir
    %w = qnt.hadamard %inner : !qnt.qtensor<8x16xf32, #qnt.e8p>
        -> !qnt.qtensor<8x16xf32, #qnt.hadamard<input_seed = 1, output_seed = 2>>
    ```
  }];
  let arguments = (ins Qnt_QTensorType:$inner);
  let results = (outs Qnt_QTensorOf<"Hadamard", "hadamard">:$result);
  let assemblyFormat = "$inner attr-dict `:` qualified(type($inner)) `->` qualified(type($result))";
}

def Qnt_SparseOutliersOp : Qnt_ConstructorOp<"sparse_outliers"> {
  let summary = "Adds sparse float outliers in CSR form to a quantized weight (SpQR)";
  let description = [{
    `W = dequantize(base) + S`, `S` in CSR form: row `n` holds
    `values[p]` at column `col_idx[p]` for `row_ptr[n] <= p < row_ptr[n + 1]`.

    ```mlir
    %w = qnt.sparse_outliers %base rows(%row_ptr) cols(%col_idx) values(%v)
        : (!qnt.qtensor<4x8xf32, #qnt.uniform<bits = 3, block = [1, 8]>>,
           tensor<5xi32>, tensor<?xi32>, tensor<?xf32>)
        -> !qnt.qtensor<4x8xf32, #qnt.sparse_outliers>
    ```
  }];
  let arguments = (ins Qnt_QTensorType:$base, RankedTensorOf<[I32, I64]>:$row_ptr,
                       RankedTensorOf<[I16, I32, I64]>:$col_idx, Qnt_FloatTensor:$values);
  let results = (outs Qnt_QTensorOf<"SparseOutliers", "sparse_outliers">:$result);
  let assemblyFormat = [{
    $base `rows` `(` $row_ptr `)` `cols` `(` $col_idx `)` `values` `(` $values `)`
    attr-dict `:` functional-type(operands, results)
  }];
}

def Qnt_OutlierColumnsOp : Qnt_ConstructorOp<"outlier_columns"> {
  let summary = "Keeps some input columns of a quantized weight in float (LLM.int8)";
  let description = [{
    `W[:, columns[j]] = values[:, j]`; every other column is
    `dequantize(base)`. `columns : [count]` (distinct, in `[0, K)`),
    `values : [N, count]`.

    ```mlir
    %w = qnt.outlier_columns %base columns(%cols) values(%v)
        : (!qnt.qtensor<4x8xf32, #qnt.uniform<bits = 8, block = [1, 8]>>,
           tensor<2xi64>, tensor<4x2xf32>)
        -> !qnt.qtensor<4x8xf32, #qnt.outlier_columns<count = 2>>
    ```
  }];
  let arguments = (ins Qnt_QTensorType:$base, RankedTensorOf<[I32, I64]>:$columns,
                       Qnt_FloatTensor:$values);
  let results = (outs Qnt_QTensorOf<"OutlierColumns", "outlier_columns">:$result);
  let assemblyFormat = [{
    $base `columns` `(` $columns `)` `values` `(` $values `)` attr-dict `:`
    functional-type(operands, results)
  }];
}

def Qnt_BitStackOp : Qnt_ConstructorOp<"bitstack"> {
  let summary = "Builds a weight from sign-packed low-rank residual blocks (BitStack)";
  let description = [{
    `W[n, k] = sum_l sign_l(n, k) * sum_r u[l, n, r] * v[l, r, k]`; see
    `#qnt.bitstack`.

    ```mlir
    %w = qnt.bitstack %signs u(%u) v(%v)
        : (tensor<2x4x1xi8>, tensor<2x4x1xf32>, tensor<2x1x8xf32>)
        -> !qnt.qtensor<4x8xf32, #qnt.bitstack<levels = 2, rank = 1>>
    ```
  }];
  let arguments = (ins RankedTensorOf<[I8]>:$signs, Qnt_FloatTensor:$u,
                       Qnt_FloatTensor:$v);
  let results = (outs Qnt_QTensorOf<"BitStack", "bitstack">:$result);
  let assemblyFormat = [{
    $signs `u` `(` $u `)` `v` `(` $v `)` attr-dict `:` functional-type(operands, results)
  }];
}

//===----------------------------------------------------------------------===//
// Consumers
//===----------------------------------------------------------------------===//

def Qnt_DequantizeOp : Qnt_Op<"dequantize", [Pure]> {
  let summary = "Dequantizes a quantized tensor to its float values";
  let description = [{
    Returns the float tensor a `!qnt.qtensor` stands for, per the formula of
    the op that built it. The result type is the qtensor's shape and float type.

    ```mlir
    %f = qnt.dequantize %w : !qnt.qtensor<2x4xf32, #qnt.fp8<block = [1, 4]>> -> tensor<2x4xf32>
    ```
  }];
  let arguments = (ins Qnt_QTensorType:$input);
  let results = (outs Qnt_FloatTensor:$result);
  let assemblyFormat = "$input attr-dict `:` qualified(type($input)) `->` type($result)";
  let hasVerifier = 1;
}

def Qnt_QuantizeOp : Qnt_Op<"quantize", [Pure]> {
  let summary = "Rounds a float tensor to uniform integer codes";
  let description = [{
    The inverse of `qnt.uniform` (ONNX `QuantizeLinear` semantics): with the
    block, bit width and signedness of `encoding`,

    ```
    q[i] = clamp(round_half_even(round_half_even(x[i] / s[i / block]) + z[i / block]), qmin, qmax)
    ```

    The outer rounding only matters for a float zero point. A NaN quotient
    counts as 0, so NaN inputs map to the zero point.

    Codes are returned unpacked, in an integer type at least `bits` wide. The
    encoding must not have packing (pack with a separate pass).

    ```mlir
    %q = qnt.quantize %x scales(%s) {encoding = #qnt.uniform<bits = 8, block = [1, 4]>}
        : (tensor<2x4xf32>, tensor<2x1xf32>) -> tensor<2x4xi8>
    ```
  }];
  let arguments = (ins Qnt_FloatTensor:$input, Qnt_FloatTensor:$scales,
                       Optional<Qnt_IntOrFloatTensor>:$zero_points,
                       Qnt_UniformAttr:$encoding);
  let results = (outs Qnt_IntTensor:$result);
  let assemblyFormat = [{
    $input `scales` `(` $scales `)` (`zero_points` `(` $zero_points^ `)`)? attr-dict
    `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

def Qnt_MatmulOp : Qnt_Op<"matmul", [Pure, AttrSizedOperandSegments]> {
  let summary = "Activation times quantized weight: y = x * W^T + b";
  let description = [{
    The one matmul every quantized format lowers through. `input : [..., K]`
    (any rank >= 1), `weight : !qnt.qtensor<N x K>`, optional `bias : [N]`,
    result `[..., N]`:

    ```
    y[..., n] = sum_k x'[..., k] * W[n, k] + b[n]
    ```

    where `W = dequantize(weight)` and `x' = x`, unless `act_quant` is set:
    then `x'` is `x` rounded to symmetric integers (W8A8; see `#qnt.act_quant`),
    with a dynamic scale or the static `input_scale` operand (rank 0). An
    `#qnt.outlier_columns` weight keeps its outlier columns of `x` in float.

    ```mlir
    %y = qnt.matmul %x, %w bias(%b) {act_quant = #qnt.act_quant<bits = 8>}
        : (tensor<3x64xf32>, !qnt.qtensor<32x64xf32, #qnt.uniform<bits = 8, block = [1, 64]>>,
           tensor<32xf32>) -> tensor<3x32xf32>
    ```
  }];
  let arguments = (ins Qnt_FloatTensor:$input, Qnt_QTensorType:$weight,
                       Optional<Qnt_FloatTensor>:$bias,
                       Optional<0DTensorOf<[AnyFloat]>>:$input_scale,
                       OptionalAttr<Qnt_ActQuantAttr>:$act_quant);
  let results = (outs Qnt_FloatTensor:$result);
  let assemblyFormat = [{
    $input `,` $weight (`bias` `(` $bias^ `)`)? (`input_scale` `(` $input_scale^ `)`)?
    attr-dict `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

def Qnt_ObserveOp : Qnt_Op<"observe", [SameOperandsAndResultType]> {
  let summary = "Marks a tensor whose statistics calibration records";
  let description = [{
    Returns its input unchanged. Calibration instruments each `qnt.observe`
    to accumulate statistics of the values flowing through it under the key
    `name` (per-channel absmax / min / max over the last dimension, and the
    input Hessian `2 X^T X / n`); the reference lowering forwards the input.

    ```mlir
    %x1 = qnt.observe %x {name = "layers.0.attn.q_proj"} : tensor<1x512x256xf32>
    ```
  }];
  let arguments = (ins Qnt_FloatTensor:$input, StrAttr:$name);
  let results = (outs Qnt_FloatTensor:$result);
  let assemblyFormat = "$input attr-dict `:` type($input)";
}

#endif // QUENCH_DIALECT_QNT_QNTOPS_TD
