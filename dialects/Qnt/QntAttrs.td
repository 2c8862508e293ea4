//===- QntAttrs.td - qnt encodings and attributes -------------*- tablegen -*-===//
//
// Encodings say *how* a `!qnt.qtensor` is quantized. They are small, uniqued
// and printed in the type; the data they describe lives in tensor operands.
//
//===----------------------------------------------------------------------===//

#ifndef QUENCH_DIALECT_QNT_QNTATTRS_TD
#define QUENCH_DIALECT_QNT_QNTATTRS_TD

include "dialects/Qnt/QntBase.td"
include "mlir/IR/BuiltinAttributeInterfaces.td"

//===----------------------------------------------------------------------===//
// Encoding interface
//===----------------------------------------------------------------------===//

def Qnt_EncodingAttrInterface : AttrInterface<"EncodingAttrInterface"> {
  let cppNamespace = "::quench::qnt";
  let description = [{
    Implemented by every attribute that may stand as the encoding of a
    `!qnt.qtensor`. The qtensor type verifier asks the encoding whether it fits
    the logical shape (block shapes dividing dimensions, vector dimensions
    dividing K, power-of-two rotation sizes, ...).
  }];
  let methods = [
    InterfaceMethod<
      "Checks that this encoding can describe a tensor of the given logical "
      "shape; reports the problem through `emitError` otherwise.",
      "::llvm::LogicalResult", "verifyShape",
      (ins "::llvm::function_ref<::mlir::InFlightDiagnostic()>":$emitError,
           "::llvm::ArrayRef<int64_t>":$shape)>
  ];
}

//===----------------------------------------------------------------------===//
// Parameters and enums
//===----------------------------------------------------------------------===//

// An integer list printed in brackets: `[1, 128]`.
class Qnt_I64ListParameter<string desc> : ArrayRefParameter<"int64_t", desc> {
  let parser = "::quench::qnt::parseI64List($_parser)";
  let printer = "::quench::qnt::printI64List($_printer, $_self)";
}
class Qnt_OptionalI64ListParameter<string desc> : Qnt_I64ListParameter<desc> {
  let defaultValue = "::llvm::SmallVector<int64_t>()";
  let comparator = cppType # "($_lhs) == " # cppType # "($_rhs)";
}

class Qnt_DefaultEnumParameter<EnumInfo info, string value>
    : EnumParameter<info> {
  let defaultValue = info.cppNamespace # "::" # info.className # "::" # value;
}

def Qnt_BitOrder : I32EnumAttr<"BitOrder", "order of codes inside a byte", [
    I32EnumAttrCase<"LsbFirst", 0, "lsb_first">,
    I32EnumAttrCase<"MsbFirst", 1, "msb_first">]> {
  let cppNamespace = "::quench::qnt";
  let genSpecializedAttr = 0;
}

def Qnt_Signedness : I32EnumAttr<"Signedness", "signedness of integer codes", [
    I32EnumAttrCase<"Signed", 0, "signed">,
    I32EnumAttrCase<"Unsigned", 1, "unsigned">]> {
  let cppNamespace = "::quench::qnt";
  let genSpecializedAttr = 0;
}

def Qnt_LutKind : I32EnumAttr<"LutKind", "a named or custom lookup table", [
    I32EnumAttrCase<"NF4", 0, "nf4">,
    I32EnumAttrCase<"FP4E2M1", 1, "fp4_e2m1">,
    I32EnumAttrCase<"Custom", 2, "custom">]> {
  let cppNamespace = "::quench::qnt";
  let genSpecializedAttr = 0;
}

def Qnt_ActGranularity : I32EnumAttr<"ActGranularity",
    "what one activation scale covers", [
    I32EnumAttrCase<"PerToken", 0, "per_token">,
    I32EnumAttrCase<"PerTensor", 1, "per_tensor">]> {
  let cppNamespace = "::quench::qnt";
  let genSpecializedAttr = 0;
}

class Qnt_Attr<string name, string attrMnemonic, list<Trait> traits = []>
    : AttrDef<Qnt_Dialect, name, traits> {
  let mnemonic = attrMnemonic;
}

class Qnt_EncodingAttr<string name, string attrMnemonic>
    : Qnt_Attr<name, attrMnemonic, [DeclareAttrInterfaceMethods<
          Qnt_EncodingAttrInterface>]>;

//===----------------------------------------------------------------------===//
// Packing
//===----------------------------------------------------------------------===//

def Qnt_PackingAttr : Qnt_Attr<"Packing", "packing"> {
  let summary = "How sub-byte codes are laid out in bytes";
  let description = [{
    Describes packed storage of `bits`-wide integer codes in an `i8` tensor.
    The codes of one row (or one tile) form a continuous bit stream; element
    `e` occupies stream bits `[e*bits, (e+1)*bits)` and may straddle two bytes
    (3-, 5-, 6- and 7-bit codes do).

    - `order = lsb_first` (default): stream bit `p` is bit `p % 8` of byte
      `p / 8`, low bit of each code first:
      `code = ((b[p/8] | b[p/8+1] << 8) >> (p % 8)) & (2^bits - 1)`.
      This is the order of ONNX `MatMulNBits`, ONNX int4 tensors and GPTQ.
    - `order = msb_first`: stream bit `p` is bit `7 - p % 8` of byte `p / 8`:
      `code = ((b[p/8] << 8 | b[p/8+1]) >> (16 - bits - p % 8)) & (2^bits - 1)`.

    Without `tile`, each row of the logical `[..., K]` tensor is packed on its
    own into `ceil(K * bits / 8)` bytes: storage shape `[..., ceil(K*bits/8)]`.
    With `tile = [t0, t1]` (rank-2 tensors only), storage is
    `[N/t0, K/t1, t0*t1*bits/8]`: tile `(n / t0, k / t1)` is one stream, in
    which element `(n, k)` sits at position `(n % t0) * t1 + k % t1`.

    `interleave`, a permutation of `0 .. L-1`, reorders each run of `L`
    consecutive stream positions: position `p` is stored at
    `(p / L) * L + interleave[p % L]`. GPU kernels use it to make a single
    shift-and-mask produce registers in the order the MMA fragments want.

    Example: `#qnt.packing<bits = 4>` stores codes `[1, 2, 3]` of one row as
    bytes `[0x21, 0x03]`; `#qnt.packing<bits = 4, order = msb_first>` as
    `[0x12, 0x30]`.
  }];
  let parameters = (ins
    "unsigned":$bits,
    Qnt_DefaultEnumParameter<Qnt_BitOrder, "LsbFirst">:$order,
    Qnt_OptionalI64ListParameter<"tile shape [rows, cols]">:$tile,
    Qnt_OptionalI64ListParameter<"permutation inside each run">:$interleave);
  let assemblyFormat = "`<` struct(params) `>`";
  let genVerifyDecl = 1;
  let extraClassDeclaration = [{
    /// Storage shape of a tensor of logical `shape` packed this way.
    ::llvm::SmallVector<int64_t> getStorageShape(::llvm::ArrayRef<int64_t> shape) const;
    /// Checks that this packing can store a tensor of logical `shape`.
    ::llvm::LogicalResult verifyShape(
        ::llvm::function_ref<::mlir::InFlightDiagnostic()> emitError,
        ::llvm::ArrayRef<int64_t> shape) const;
  }];
}

//===----------------------------------------------------------------------===//
// Uniform affine
//===----------------------------------------------------------------------===//

def Qnt_UniformAttr : Qnt_EncodingAttr<"Uniform", "uniform"> {
  let summary = "Uniform affine or symmetric quantization, any granularity";
  let description = [{
    Integer codes `q` of `bits` bits (2..8), `signed` (range
    `[-2^(bits-1), 2^(bits-1) - 1]`, default) or `unsigned` (`[0, 2^bits - 1]`).
    One scale per *block*: `block` has one entry per dimension and each entry
    divides that dimension. Element `i` (a multi-index) uses scale
    `s[i / block]` and, when `zero_point = true`, zero point `z[i / block]`:

    ```
    w[i] = (q[i] - z[i / block]) * s[i / block]      (z = 0 without zero points)
    ```

    - per-tensor: `block` equals the shape (`[4096, 4096]`), one scale;
    - per-channel (per output row): `block = [1, K]`;
    - group-wise / sub-channel: `block = [1, 128]` (131,072 scales for a
      4096x4096 weight -- in a tensor operand, never in the type).

    With `packing`, codes are stored packed in `i8` (see `#qnt.packing`);
    without it, codes are an integer tensor of the logical shape whose element
    width is at least `bits`.

    Example: `#qnt.uniform<bits = 4, signedness = unsigned, block = [1, 128],
    zero_point = true, packing = <bits = 4>>` is ONNX `MatMulNBits` with
    4-bit weights, block size 128 and zero points.
  }];
  let parameters = (ins
    "unsigned":$bits,
    Qnt_DefaultEnumParameter<Qnt_Signedness, "Signed">:$signedness,
    Qnt_I64ListParameter<"elements sharing one scale, per dimension">:$block,
    DefaultValuedParameter<"bool", "false">:$zero_point,
    OptionalParameter<"::quench::qnt::PackingAttr">:$packing);
  let assemblyFormat = "`<` struct(params) `>`";
  let genVerifyDecl = 1;
  let extraClassDeclaration = [{
    bool isSigned() const { return getSignedness() == Signedness::Signed; }
    int64_t getQMin() const { return isSigned() ? -(int64_t(1) << (getBits() - 1)) : 0; }
    int64_t getQMax() const {
      return isSigned() ? (int64_t(1) << (getBits() - 1)) - 1
                        : (int64_t(1) << getBits()) - 1;
    }
  }];
}

//===----------------------------------------------------------------------===//
// Lookup table (NF4, FP4, custom)
//===----------------------------------------------------------------------===//

def Qnt_LutAttr : Qnt_EncodingAttr<"Lut", "lut"> {
  let summary = "Non-uniform scalar quantization through a 2^bits-entry table";
  let description = [{
    Each code `q` (unsigned, `bits` wide) indexes a table of `2^bits` float
    values; the value is scaled per block exactly as in `#qnt.uniform`:

    ```
    w[i] = table[q[i]] * s[i / block]
    ```

    `table = nf4` is QLoRA's NormalFloat4 (16 quantiles of N(0,1) scaled to
    [-1, 1], with an exact 0); `table = fp4_e2m1` is the OCP FP4 E2M1 format
    (bit 3 sign, 2 exponent bits with bias 1, 1 mantissa bit:
    0, 0.5, 1, 1.5, 2, 3, 4, 6); both need `bits = 4`. `table = custom` takes
    the table as a `tensor<2^bits x float>` operand of `qnt.lut`.

    Example: `#qnt.lut<bits = 4, table = nf4, block = [1, 64], packing = <bits = 4>>`.
  }];
  let parameters = (ins
    "unsigned":$bits,
    EnumParameter<Qnt_LutKind>:$table,
    Qnt_I64ListParameter<"elements sharing one scale, per dimension">:$block,
    OptionalParameter<"::quench::qnt::PackingAttr">:$packing);
  let assemblyFormat = "`<` struct(params) `>`";
  let genVerifyDecl = 1;
}

//===----------------------------------------------------------------------===//
// FP8
//===----------------------------------------------------------------------===//

def Qnt_Fp8Attr : Qnt_EncodingAttr<"Fp8", "fp8"> {
  let summary = "FP8 (E4M3FN or E5M2) codes with block-wise scales";
  let description = [{
    Codes are a tensor of builtin `f8E4M3FN` or `f8E5M2`, decoded exactly
    (OCP FP8 formats) and scaled per block as in `#qnt.uniform`:

    ```
    w[i] = float(q[i]) * s[i / block]
    ```

    Example: `#qnt.fp8<block = [1, 4096]>` (per-channel scales).
  }];
  let parameters = (ins
    Qnt_I64ListParameter<"elements sharing one scale, per dimension">:$block);
  let assemblyFormat = "`<` struct(params) `>`";
  let genVerifyDecl = 1;
}

//===----------------------------------------------------------------------===//
// Codebooks
//===----------------------------------------------------------------------===//

def Qnt_AdditiveAttr : Qnt_EncodingAttr<"Additive", "additive"> {
  let summary = "Additive multi-codebook quantization (AQLM)";
  let description = [{
    The weight `[N, K]` is cut into vectors of `dim` consecutive input
    features. Each vector is the sum of one entry from each of `books`
    codebooks of `2^bits` entries, times a per-output-row scale:

    ```
    w[n, k] = s[n] * sum_{m < books} C[m, codes[n, k / dim, m], k % dim]
    ```

    Codebooks `C : [books, 2^bits, dim]`, codes `[N, K / dim, books]` (each an
    unsigned `bits`-wide index; `i16` codes with `bits = 16` are read as
    unsigned), scales `[N]`. AQLM "1x16" is `books = 1, bits = 16, dim = 8`;
    "2x8" is `books = 2, bits = 8, dim = 8`.
  }];
  let parameters = (ins "unsigned":$books, "unsigned":$bits, "unsigned":$dim);
  let assemblyFormat = "`<` struct(params) `>`";
  let genVerifyDecl = 1;
}

def Qnt_VectorAttr : Qnt_EncodingAttr<"Vector", "vector"> {
  let summary = "Vector quantization with an optional residual codebook (VPTQ)";
  let description = [{
    The weight `[N, K]` is cut into vectors of `dim` consecutive input
    features, each replaced by a centroid index and, when
    `residual_centroids > 0`, a second index into a residual table. Optional
    per-input-feature scale `cs` and bias `cb` undo VPTQ's column
    normalization:

    ```
    w[n, k] = (C[idx[n, k / dim], k % dim] + R[ridx[n, k / dim], k % dim]) * cs[k] + cb[k]
    ```

    `C : [centroids, dim]`, `R : [residual_centroids, dim]`, indices
    `[N, K / dim]`; absent terms are 0 (`R`, `cb`) or 1 (`cs`).
  }];
  let parameters = (ins "unsigned":$dim, "unsigned":$centroids,
                        DefaultValuedParameter<"unsigned", "0">:$residual_centroids);
  let assemblyFormat = "`<` struct(params) `>`";
  let genVerifyDecl = 1;
}

def Qnt_E8PAttr : Qnt_EncodingAttr<"E8P", "e8p"> {
  let summary = "QuIP# E8P lattice codebook: 16-bit codes for 8 weights";
  let description = [{
    Each `i16` code decodes to 8 consecutive weights of a row through the
    E8P codebook of QuIP# (2^16 points of the E8 lattice shifted by 1/4, built
    from a 256-entry table of absolute values, 7 sign bits, a parity-derived
    eighth sign and a +-1/4 shift). The exact bit layout is documented in
    `include/quench/Quant/Formats.h`. With a scalar scale `s`:

    ```
    w[n, 8*j + t] = s * E8P(codes[n, j])[t]
    ```

    Codes `[N, K / 8]`, scale `tensor<f32>` (rank 0).
  }];
}

//===----------------------------------------------------------------------===//
// Wrappers: rotation, outliers, bit-plane residuals
//===----------------------------------------------------------------------===//

def Qnt_HadamardAttr : Qnt_EncodingAttr<"Hadamard", "hadamard"> {
  let summary = "Randomized Hadamard rotation on both sides (QuIP#)";
  let description = [{
    The tensor is an inner quantized weight `V : [N, K]` seen through two
    seeded random-sign Hadamard rotations:

    ```
    W = D_out * H_N * V * H_K * D_in
    ```

    `H_n[i, j] = (-1)^popcount(i & j) / sqrt(n)` (normalized Sylvester, n a
    power of two), `D = diag(signs)` with `signs[i] = (splitmix64(seed + i) & 1)
    ? -1 : +1`. Since `H` is symmetric and orthogonal, `y = x * W^T` is
    computed as `((x .* s_in) * H_K) * V^T * H_N .* s_out`: the rotations fuse
    into the GEMM prologue and epilogue.
  }];
  let parameters = (ins "uint64_t":$input_seed, "uint64_t":$output_seed);
  let assemblyFormat = "`<` struct(params) `>`";
}

def Qnt_SparseOutliersAttr : Qnt_EncodingAttr<"SparseOutliers", "sparse_outliers"> {
  let summary = "A quantized weight plus sparse float outliers in CSR (SpQR)";
  let description = [{
    `W = dequantize(base) + S`, where `S : [N, K]` is given in compressed sparse
    row form: `row_ptr : [N + 1]`, `col_idx : [nnz]`, `values : [nnz]`; row `n`
    holds entries `row_ptr[n] .. row_ptr[n+1] - 1`.
  }];
}

def Qnt_OutlierColumnsAttr : Qnt_EncodingAttr<"OutlierColumns", "outlier_columns"> {
  let summary = "Float outlier input columns split from a quantized weight (LLM.int8)";
  let description = [{
    `count` input features (columns of `W : [N, K]`) are kept in float:
    `W[:, cols[j]] = values[:, j]`, all other columns come from the quantized
    `base`. When a `qnt.matmul` quantizes its activation, the outlier columns of
    the activation are left in float and excluded from the activation scale:
    exactly LLM.int8's decomposition `x * W^T = x_O * W_O^T + x_R * W_R^T`.
  }];
  let parameters = (ins "unsigned":$count);
  let assemblyFormat = "`<` struct(params) `>`";
}

def Qnt_BitStackAttr : Qnt_EncodingAttr<"BitStack", "bitstack"> {
  let summary = "A stack of sign-packed low-rank residual blocks (BitStack)";
  let description = [{
    `levels` residual blocks are loaded, each a sign matrix and a rank-`rank`
    approximation of the magnitudes:

    ```
    W[n, k] = sum_{l < levels} sign_l(n, k) * sum_{r < rank} u[l, n, r] * v[l, r, k]
    ```

    Signs `[levels, N, ceil(K / 8)] : i8`, bit `k % 8` (lsb first) of byte
    `k / 8` set meaning -1; `u : [levels, N, rank]`, `v : [levels, rank, K]`.
    Dropping trailing levels trades accuracy for memory, so a model loads to a
    memory budget.
  }];
  let parameters = (ins "unsigned":$levels, "unsigned":$rank);
  let assemblyFormat = "`<` struct(params) `>`";
  let genVerifyDecl = 1;
}

//===----------------------------------------------------------------------===//
// Activation quantization of qnt.matmul
//===----------------------------------------------------------------------===//

def Qnt_ActQuantAttr : Qnt_Attr<"ActQuant", "act_quant"> {
  let summary = "Symmetric activation quantization applied inside qnt.matmul";
  let description = [{
    The activation `x` is rounded to `bits`-bit symmetric integers before the
    product (W8A8). With `qmax = 2^(bits-1) - 1` and a scale `a` -- dynamic,
    `max |x| / qmax` over each row (`per_token`) or the whole tensor
    (`per_tensor`), or static from the matmul's `input_scale` operand:

    ```
    x'[i] = clamp(round_half_even(x[i] / a), -qmax, qmax) * a      (a = 0 -> x' = 0)
    ```
  }];
  let parameters = (ins
    DefaultValuedParameter<"unsigned", "8">:$bits,
    Qnt_DefaultEnumParameter<Qnt_ActGranularity, "PerToken">:$granularity);
  let assemblyFormat = "`<` struct(params) `>`";
  let genVerifyDecl = 1;
}

#endif // QUENCH_DIALECT_QNT_QNTATTRS_TD
