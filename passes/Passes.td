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

//===----------------------------------------------------------------------===//
// x86 code generation
//===----------------------------------------------------------------------===//

def PrepareEntry : Pass<"quench-prepare-entry", "::mlir::ModuleOp"> {
  let summary = "Checks the entry function of a model and fixes its ABI";
  let description = [{
    First step of native compilation. The module must have exactly one public
    `func.func` (the model's entry) whose arguments and results are ranked
    tensors of static shape; anything else is reported with the argument or
    result at fault. The entry is renamed `quench_entry`, every other function
    becomes private, and the inputs are marked read-only for bufferization
    (`bufferization.writable = false`): the runtime binds inputs to the
    caller's memory without copying, so compiled code must never write them.
  }];
  let dependentDialects = ["::mlir::bufferization::BufferizationDialect"];
}

def QuantizeRtn : Pass<"quench-quantize-rtn", "::mlir::func::FuncOp"> {
  let summary = "Quantizes constant matmul weights by round-to-nearest";
  let description = [{
    Finds every float contraction `y[..., n] = sum_k x[..., k] * W[k, n]`
    (or `W[n, k]`) whose weight `W` is a 2-D constant and whose accumulator
    starts at zero (a linear layer: ONNX MatMul/Gemm after
    `convert-onnx-to-linalg`), quantizes `W` by round-to-nearest on the grid
    of GPTQ's reference quantizer, and replaces the contraction with
    `qnt.matmul` of `x` and a `qnt.uniform` weight (`[N, K]`, unsigned codes
    packed LSB-first, per-(row, group) scales and zero points):

    ```
    s = (max - min) / (2^bits - 1)   over each output row's group of
    z = round(-min / s)              group-size inputs, min <= 0 <= max
    q = clamp(round(w / s) + z, 0, 2^bits - 1),   w' = s (q - z)
    ```

    (`symmetric`: `max = max |w|`, `z = 2^(bits - 1)`; `mse-clip`: the
    range shrunk where that lowers the error, as the reference's `mse`
    option; `per-tensor` with `group-size=0`: one range over the whole
    weight, stored as a single scale and zero point with `block = [N, K]`.)
    The numerics are `quench::quant::quantizeRtn` (lib/Quant).

    The output layer (a contraction whose result is returned, through
    reshapes only) is kept in float unless `output-layer` is set, as in the
    GPTQ reference. A layer whose inputs `group-size` does not divide stays
    float with a warning. Before and after:

    ```mlir
    %y = linalg.matmul ins(%x, %w : tensor<8x256xf32>, tensor<256x64xf32>) ...
    // becomes
    %q = qnt.uniform %codes scales(%s) zero_points(%z) : ...
        -> !qnt.qtensor<64x256xf32, #qnt.uniform<bits = 4, signedness = unsigned,
             block = [1, 128], zero_point = true, packing = <bits = 4>>>
    %y = qnt.matmul %x, %q : (tensor<8x256xf32>, !qnt.qtensor<...>) -> tensor<8x64xf32>
    ```
  }];
  let options = [
    Option<"bits", "bits", "unsigned", "4", "Bits per weight (2 to 8)">,
    Option<"groupSize", "group-size", "int64_t", "128",
           "Inputs per group sharing a scale; 0: one scale per output channel">,
    Option<"symmetric", "symmetric", "bool", "false",
           "Symmetric grid (zero point 2^(bits-1))">,
    Option<"mseClip", "mse-clip", "bool", "false",
           "Search the clipping range that minimizes the error">,
    Option<"perTensor", "per-tensor", "bool", "false",
           "One scale for the whole weight (needs group-size=0)">,
    Option<"outputLayer", "output-layer", "bool", "false",
           "Also quantize the layer whose result the function returns">
  ];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::quench::qnt::QntDialect"];
}

def InsertObservers : Pass<"quench-insert-observers", "::mlir::func::FuncOp"> {
  let summary = "Marks the input of every linear layer with qnt.observe";
  let description = [{
    Calibration's first step: each distinct input `x` of the linear layers
    (see `quench-quantize-rtn`) gets one `qnt.observe %x {name = ...}`, named
    after the weight of the first layer that reads it, and those layers read
    the observed value. Layers sharing an input (q/k/v, gate/up) share the
    observer, so they share the statistics and the Hessian.
  }];
  let dependentDialects = ["::quench::qnt::QntDialect"];
}

def ExposeObservers : Pass<"quench-expose-observers", "::mlir::ModuleOp"> {
  let summary = "Turns each qnt.observe into statistics returned by the entry";
  let description = [{
    For the calibration run: every `qnt.observe %x` of the single public
    function is replaced by `%x`, and four results are appended for it, from
    `x` flattened to `[M, K]`: the Gram matrix `x^T x` (`[K, K]`) and the
    per-channel `max |x|`, `min x`, `max x` (`[K]`). The module attribute
    `quench.observers` lists the observer names in the order of the appended
    results (four per name). quench-calibrate sums them over its windows.
  }];
  let dependentDialects = ["::mlir::linalg::LinalgDialect", "::mlir::tensor::TensorDialect",
                           "::mlir::arith::ArithDialect", "::mlir::math::MathDialect"];
}

def SplitAtObservers : Pass<"quench-split-at-observers", "::mlir::ModuleOp"> {
  let summary = "Splits the entry into one function per observer, for sequential calibration";
  let description = [{
    For sequential calibration, where the linear layers reading observer `i`
    are quantized before observer `i + 1` is measured. The single public
    function is cut after each `qnt.observe` (in block order) into segments
    `@<entry>_segment<i>`, one per observer; segment `i` runs the ops from
    observer `i - 1` up to the value observer `i` watches, and what follows
    the last observer is dropped.

    - Arguments: first the weight of every linear layer in the segment that
      reads an observed value (`quench.weight = "<name>"`, the weight's own
      type, so a quantized-then-dequantized weight can be fed in), then every
      value the segment needs from the entry's arguments or from earlier
      segments (`quench.value = <id>`; the entry's own arguments are
      `quench.input = <position>`). Constants and `tensor.empty` are cloned
      into each segment instead of passed.
    - Results: first the values later segments need (`quench.value = <id>`,
      the same ids), then the four statistics of the observed value, as
      `quench-expose-observers` computes them (`quench.statistics =
      "<observer name>"`).

    Run one segment after another on the same windows and each one sees the
    activations of the layers before it with whatever weights were fed to
    them. quench-calibrate compiles each segment on its own.
  }];
  let dependentDialects = ["::mlir::linalg::LinalgDialect", "::mlir::tensor::TensorDialect",
                           "::mlir::arith::ArithDialect", "::mlir::math::MathDialect"];
}

def QuantizeGptq : Pass<"quench-quantize-gptq", "::mlir::func::FuncOp"> {
  let summary = "Quantizes linear layers with GPTQ from calibrated Hessians";
  let description = [{
    Every linear layer whose input is a `qnt.observe` carrying the Hessian
    `quench.hessian` (written by quench-calibrate: `H = 2 X^T X / n` over
    the calibration tokens, float64) is quantized with GPTQ
    (`quench::quant::quantizeGptq`: dampening, Cholesky of the inverse,
    lazy block updates of `block-size` columns, optional act-order and static
    groups) on the grid of `quench-quantize-rtn`, and rewritten the same way
    into `qnt.matmul` of a packed `qnt.uniform` weight (with act-order, the
    group index says which group each input uses). With `mse-clip`, each
    group's grid is chosen, when the pass reaches the group, by the clipping
    search of `quench-quantize-rtn` on the error-updated weights (the
    reference quantizer's `mse` option). With `report`, one line
    per layer on stderr gives the layer objective
    `tr((W - W') H (W - W')^T) / 2` of RTN and of GPTQ.
  }];
  let options = [
    Option<"bits", "bits", "unsigned", "4", "Bits per weight (2 to 8)">,
    Option<"groupSize", "group-size", "int64_t", "128",
           "Inputs per group sharing a scale; 0: one scale per output channel">,
    Option<"symmetric", "symmetric", "bool", "false", "Symmetric grid">,
    Option<"mseClip", "mse-clip", "bool", "false",
           "Search each group's clipping range, as quench-quantize-rtn's mse-clip">,
    Option<"actOrder", "act-order", "bool", "false",
           "Quantize columns in order of decreasing Hessian diagonal">,
    Option<"staticGroups", "static-groups", "bool", "false",
           "With act-order, compute the group grids before any update">,
    Option<"dampening", "dampening", "double", "0.01",
           "Added to the Hessian's diagonal, as a fraction of its mean">,
    Option<"blockSize", "block-size", "int64_t", "128", "Columns per lazy update">,
    Option<"outputLayer", "output-layer", "bool", "false",
           "Also quantize the layer whose result the function returns">,
    Option<"report", "report", "bool", "false",
           "Print each layer's objective, RTN versus GPTQ">
  ];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::quench::qnt::QntDialect"];
}

def X86PackWeights : Pass<"quench-x86-pack-weights", "::mlir::func::FuncOp"> {
  let summary = "Rewrites quantized weights into the layout of the fused x86 kernels";
  let description = [{
    For every `qnt.matmul` that `lower-qnt-to-x86` will turn into a fused
    kernel (f32 activations; an activation quantization of its own only to
    8 bits, which takes the int8 kernels' layout), rewrites its `qnt.uniform`
    weight, from the constants, into the one form the kernel reads:

    - codes unsigned (signed codes shifted by `2^(bits-1)`, the zero points
      with them), 2, 4 or 8 bits wide (3-bit codes stored in 4 bits, 5- to
      7-bit codes in 8);
    - one scale and one zero point per row and group: `block = [1, G]`,
      scales `f32 [N, K/G]`, zero points `i8` (or `f32` when they are not
      integers in `[0, 255]`), zeros where there were none;
    - below 8 bits, codes packed so that one vector load of `L` bytes and a
      shift-and-mask per run give `L` consecutive codes: byte `i` of a chunk
      holds code `i + t*L` in bits `[t*bits, (t+1)*bits)`, i.e.
      `#qnt.packing<bits = 4, interleave = [0, 2, 4, ..., 1, 3, 5, ...]>`,
      `L` the widest of 16, 8 or 4 lanes (at most `vector-bits / 32`) whose
      chunk divides the group;
    - act-order weights (`group_index`) get their columns permuted so that
      each group is one contiguous run, and the matmul's input is gathered
      with the same permutation.

    - with `R > 1` rows read at once by the kernel (`R` in {4, 2}, as the
      register file allows), those rows stored chunk by chunk
      (`tile = [R, c*L]`), so that each group of rows is one sequential
      stream.

    With `int8-activations`, chunks are 64, 32 or 16 code bytes (one byte
    lane per code).

    Matmuls of more than `max-rows` rows take the panel kernel instead, whose
    codes are stored in strips of `L` weight rows (`L = vector-bits / 32`).
    Float activations: byte `i` of each run of `L` bytes holds the
    `c = 8 / bits` consecutive codes of the strip's row `i`,
    `#qnt.packing<bits = 4, tile = [16, 2]>` (storage `[N/L, K/c, L]`), so
    that one load and `c` shift-and-masks give `c` vectors across `L` rows.
    int8 activations: bytes `4i .. 4i+3` of each run of `4L` bytes hold row
    `i`'s codes `j + 4t` in bits `[t*bits, (t+1)*bits)`,
    `#qnt.packing<bits = 4, tile = [16, 8], interleave = [0, 2, 4, 6, 1, 3,
    5, 7]>`, so that one load and `c` shift-and-masks give `c` vectors of
    four codes per row, the operand `vpdpbusd` takes. Either needs `N` to be
    a multiple of `L`.

    A lookup-table weight (`qnt.lut`: NF4, FP4, custom) of a matmul that takes
    the float panel kernel is rewritten into that kernel's layout too: codes
    in strips as above, scales per row and group, and the table as an f32
    `custom` operand (named tables spelled out, padded to the container's
    `2^bits` entries).

    A float contraction whose B operand is a `qnt.dequantize` of a uniform
    weight (ONNX QDQ: `DequantizeLinear` feeding `MatMul`) first becomes a
    `qnt.matmul`; a `[K, N]` weight is transposed from its constants.

    The matmul computes the same values before and after (the reference
    lowering gives the same numbers), so the layout can be inspected and
    tested on its own. Weights whose codes or scales are not constants, or
    whose groups no kernel chunk divides, are left as they are.

    Before:
    ```mlir
    %w = qnt.uniform %codes scales(%s) zero_points(%z)
        : (tensor<64x64xi8>, tensor<64x1xf32>, tensor<64x1xi8>)
        -> !qnt.qtensor<64x128xf32, #qnt.uniform<bits = 4, signedness = unsigned,
             block = [1, 128], zero_point = true, packing = <bits = 4>>>
    ```
    After (AVX-512, 16 lanes, one activation row: 4 rows per tile):
    ```mlir
    %w = qnt.uniform %codes2 scales(%s2) zero_points(%z2) : ...
        -> !qnt.qtensor<64x128xf32, #qnt.uniform<bits = 4, signedness = unsigned,
             block = [1, 128], zero_point = true, packing = <bits = 4,
             tile = [4, 32], interleave = [0, 2, 4, ..., 30, 1, 3, ..., 31]>>>
    ```
  }];
  let options = [
    Option<"vectorBits", "vector-bits", "unsigned", "512",
           "Width of a vector register in bits (512 for AVX-512, 256 for AVX2)">,
    Option<"maxRows", "max-rows", "int64_t", "-1",
           "Matmuls with more activation rows take the panel kernel's layout "
           "(-1: 12 with float activations, 2 with int8 activations)">,
    Option<"int8Activations", "int8-activations", "bool", "false",
           "The layout of the int8-activation kernels (chunks of 64, 32 or 16 "
           "code bytes), for matmuls of any row count">
  ];
  let dependentDialects = [
    "::mlir::arith::ArithDialect", "::mlir::linalg::LinalgDialect",
    "::mlir::tensor::TensorDialect", "::quench::qnt::QntDialect"
  ];
}

def LowerQntToX86 : Pass<"lower-qnt-to-x86", "::mlir::func::FuncOp"> {
  let summary = "Lowers quantized matmuls to fused dequantize+matmul kernels for x86";
  let description = [{
    Each `qnt.matmul` whose weight is in the layout of
    `quench-x86-pack-weights`, with f32 activations, becomes a kernel on
    tensors (scf + vector) that never materializes the float weight. Up to
    `max-rows` rows (the row kernel):

    ```
    y[m, n] = sum_g s[n, g] * sum_{k in g} x[m, k] * (q[n, k] - z[n, g])
    ```

    An `scf.forall` cuts the weight's rows into about 32 thread tasks. A
    task walks its rows a few at a time (rows in flight, sharing each load
    of the activations) and the activation rows four at a time; per chunk of
    K, one vector load per code row and one shift-and-mask per run give the
    codes, which are shifted by their zero point in integers and converted
    to float exactly before one FMA per activation row. Group sums are
    scaled once per group and reduced across lanes once per output. With up
    to four activation rows the weights are read once (a matrix-vector
    product at memory speed); with more, a task's code rows are re-read from
    cache.

    Numbers equal the reference lowering's up to float summation order.
    Other matmuls are left for `lower-qnt-to-linalg`.

    With more rows (prefill), the panel kernel: thread tasks of up to 128
    weight rows (and, when the weight gives fewer than 16 tasks, a share of
    the activation rows); per block of at most 256 columns of K, a task
    dequantizes its rows into a `[KC, NC]` f32 panel (one buffer of the
    function, planned into the workspace), `(q - z) * s` as the reference
    lowering computes it, and runs 8 x 2L register tiles over it (6 x 2L
    below 512-bit vectors; per column of the block: two panel loads, a
    broadcast activation per row, two FMAs per row), the sums of one block
    carried into the next through the output.

    With `int8-activations` (ONNX Runtime's `accuracy_level = 4`, llama.cpp's
    q8 activations), a first parallel loop quantizes each activation row per block of `B` columns (the group,
    or for longer groups the largest whole number of chunks up to 256
    dividing it), symmetric with round-half-even:
    `xs = max|x| / 127`, `xq = round(x / xs)`, `xsum = sum xq`. The kernel
    then multiplies code bytes (unsigned) with activation bytes (signed)
    into 32-bit sums, four products per lane (`vpdpbusd` with `vnni`,
    widening multiplies otherwise), and per block adds
    `s * xs * sum(xq * q)` to the float accumulator and `s * xs * z * xsum`
    to a correction subtracted at the end. Above `max-rows` rows the int8
    panel kernel reads the codes as they are stored (no panel): per load of
    4L code bytes and shift-and-mask, vectors of four codes per weight row
    meet a broadcast dword of four activation bytes in one `vpdpbusd`, in
    register tiles of 4 x 2L outputs (2 x 2L below 512-bit vectors) holding
    int32 sums per block and float sums per output; each task first writes
    its rows' scales and `s * z` per group into a small workspace table.

    A lookup-table weight in the float panel layout takes the float panel
    kernel, each code vector dequantized as `table[q] * s` (a gather from
    the table) instead of `(q - z) * s`.

    A `qnt.matmul` with its own 8-bit activation quantization
    (`#qnt.act_quant`, W8A8) takes the int8 kernels in either mode, its
    activations scaled as the attribute says (one scale per row, per tensor,
    or the static `input_scale`) and rounded exactly as the reference
    lowering rounds them: `clamp(round_half_even(x / a), -127, 127)`.
  }];
  let options = [
    Option<"vectorBits", "vector-bits", "unsigned", "512",
           "Width of a vector register in bits (512 for AVX-512, 256 for AVX2)">,
    Option<"maxRows", "max-rows", "int64_t", "-1",
           "Matmuls with more activation rows take the panel kernel (-1: 12 "
           "with float activations, 2 with int8 activations)">,
    Option<"int8Activations", "int8-activations", "bool", "false",
           "Quantize activations to int8 per block at run time and multiply "
           "in integers (any row count)">,
    Option<"vnni", "vnni", "bool", "false",
           "The target has vpdpbusd at vector-bits (AVX512-VNNI or AVX-VNNI)">
  ];
  let dependentDialects = [
    "::mlir::arith::ArithDialect", "::mlir::LLVM::LLVMDialect",
    "::mlir::bufferization::BufferizationDialect", "::mlir::math::MathDialect",
    "::mlir::memref::MemRefDialect", "::mlir::scf::SCFDialect",
    "::mlir::tensor::TensorDialect", "::mlir::vector::VectorDialect"
  ];
}

def X86TileAndVectorize : Pass<"quench-x86-tile-and-vectorize",
                               "::mlir::func::FuncOp"> {
  let summary = "Tiles linalg ops for threads and registers and vectorizes them";
  let description = [{
    Works on linalg-on-tensors with static shapes, before bufferization.
    Unit dimensions are first folded away (a `[1, M, K] x [K, N]` matmul
    becomes a 2-D one), and element-wise producers are fused into their
    element-wise consumers.

    Contractions (matmuls, batch matmuls and any `linalg.generic` of the
    form `C += A * B`) are tiled twice. The parallel dimensions are cut into
    an `scf.forall` of cache blocks (`block-m` x `block-n` over the innermost
    M and N dimensions, one per batch index), which later runs on the
    runtime's thread pool; the `linalg.fill` that initializes the
    accumulator is fused into each block. Inside a block, `scf.for` loops
    walk register tiles of `register-m` rows by two vector registers of
    columns, and the reduction dimension one step at a time; each register
    tile is vectorized into `vector.contract` (a vectorized `linalg.generic`
    is folded back into one) and the accumulator is hoisted into registers
    across the reduction loop, so the inner loop is broadcast-A, load-B,
    fused multiply-add. With AVX2, 6 rows x 2 registers use 12 of the 16
    vector registers for accumulators, enough independent FMA chains to hide
    their latency without spilling. When `register-m` does not divide M, the
    rows up to the last whole block split off from the rest, which gets the
    largest register tile dividing it.

    Every other linalg op (element-wise, reductions, transposes, gathers)
    is cut into an `scf.forall` over its outer parallel dimensions when it
    has enough work to share, and its innermost dimension is tiled by four
    vector registers and vectorized when the op can be (otherwise it stays a
    scalar loop nest); a long reduction walks its row four registers at a
    time.

    A contraction reading B as `[N, K]` (K innermost) would load B with
    strided gathers. When that B is computed by an element-wise
    `linalg.generic` used by nothing else (the dequantization
    `lower-qnt-to-linalg` emits for `qnt.matmul`, which keeps the stored
    `[N, K]` layout), the generic writes it as `[K, N]` instead, its loops
    swapped so the writes stay contiguous, and the contraction becomes a
    plain matmul. A `[N, K]` constant or argument is left as it is.

    Tile sizes are chosen to divide the dimensions exactly, so every tile has
    a static shape and no masking is needed. Ops with dynamic shapes are left
    alone (they still compile, as scalar loops).
  }];
  let options = [
    Option<"vectorBits", "vector-bits", "unsigned", "512",
           "Width of a vector register in bits (512 for AVX-512, 256 for AVX2)">,
    Option<"registerM", "register-m", "unsigned", "6",
           "Rows of a contraction's register tile">,
    Option<"blockM", "block-m", "unsigned", "64",
           "Rows of a contraction's cache block (one thread task)">,
    Option<"blockN", "block-n", "unsigned", "128",
           "Columns of a contraction's cache block (one thread task)">,
    Option<"minParallelWork", "min-parallel-work", "int64_t", "32768",
           "Iterations below which a non-contraction op runs on one thread">
  ];
  let dependentDialects = [
    "::mlir::affine::AffineDialect", "::mlir::arith::ArithDialect",
    "::mlir::linalg::LinalgDialect", "::mlir::scf::SCFDialect",
    "::mlir::tensor::TensorDialect", "::mlir::vector::VectorDialect"
  ];
}

def PlanMemory : Pass<"quench-plan-memory", "::mlir::ModuleOp"> {
  let summary = "Moves weights into one blob and buffers into one workspace";
  let description = [{
    Runs after bufferization and `buffer-results-to-out-params` on the entry
    function `quench_entry`, and gives it the runtime's calling convention:
    `(weights: memref<Wxi8>, workspace: memref<Sxi8>, inputs..., outputs...)`.

    - Weights: every constant `memref.global` of at least
      `weight-threshold` bytes read by the entry is appended (64-byte
      aligned) to one blob, stored on the module as the attribute
      `quench.weights` (a `dense_resource` of i8); its `memref.get_global`
      becomes a `memref.view` into the weights argument. The runtime maps the
      blob from the artifact file and does not copy it.
    - Workspace: every `memref.alloc` of static shape at the top level of
      the entry gets an offset in one workspace buffer; buffers whose
      lifetimes (first definition to the last use of any alias) do not
      overlap share memory (greedy first-fit by decreasing size). The
      runtime allocates the workspace once per session, so running the
      model allocates nothing. The workspace size is recorded as
      `quench.workspace_bytes`. Allocations nested in loops are left as
      they are and counted in a remark.
  }];
  let options = [
    Option<"weightThreshold", "weight-threshold", "int64_t", "256",
           "Smallest constant (bytes) moved into the weight blob">
  ];
  let dependentDialects = ["::mlir::memref::MemRefDialect",
                           "::mlir::arith::ArithDialect"];
}

def OutlineParallel : Pass<"quench-outline-parallel", "::mlir::ModuleOp"> {
  let summary = "Turns scf.forall loops into calls to the runtime's thread pool";
  let description = [{
    Each `scf.forall` (on memrefs, after bufferization) becomes a private
    function `@<parent>_par<N>(%begin: index, %end: index, captured...)` that
    runs iterations [begin, end) of the linearized iteration space, and a
    call to a declaration `@__quench_parallel_for<N>(%count, captured...)`
    carrying `quench.parallel_body = @<parent>_par<N>`. Constants and
    globals the body uses are cloned into it rather than captured.
    `quench-x86-finalize-abi` later packs the captured values into a
    stack record and hands the body to the runtime.
  }];
  let dependentDialects = ["::mlir::func::FuncDialect", "::mlir::scf::SCFDialect",
                           "::mlir::arith::ArithDialect"];
}

def X86LowerVectors : Pass<"quench-x86-lower-vectors", "::mlir::func::FuncOp"> {
  let summary = "Hoists register accumulators and lowers vector ops for x86";
  let description = [{
    After bufferization: moves loop-invariant vector transfers (the
    accumulator of a register tile) out of reduction loops, then lowers
    `vector.contract` to outer products (broadcast + FMA), multi-reductions,
    transposes and n-D transfers to 1-D vector code that
    `convert-vector-to-llvm` maps onto AVX2 / AVX-512 registers.
  }];
  let dependentDialects = ["::mlir::vector::VectorDialect", "::mlir::scf::SCFDialect",
                           "::mlir::memref::MemRefDialect"];
}

def X86FinalizeAbi : Pass<"quench-x86-finalize-abi", "::mlir::ModuleOp"> {
  let summary = "Emits the runtime entry points in the LLVM dialect";
  let description = [{
    Last step before LLVM IR. Adds `void quench_main(void **args)`, which
    passes each memref descriptor pointer of `args` to the entry's C
    interface; the global `quench_parallel_for_hook`, which the runtime fills
    with its thread pool's parallel-for; `int32 quench_abi_version = 1`; and
    for each `@__quench_parallel_for<N>` call left by
    `quench-outline-parallel`, a stack record of the captured values and a
    trampoline `(ctx, begin, end)` that unpacks it and calls the body. Without
    a hook the body runs the whole range on the calling thread. Everything
    else gets internal linkage, so the shared object exports only these
    symbols. A GPU model's host code also calls `@__quench_gpu_launch(kernel,
    params)` (from `quench-nvptx-lower-launches`): the pass defines it as a
    call through the global `quench_gpu_launch_hook`, which the runtime's
    CUDA backend fills. See docs/Runtime.md for the ABI.
  }];
  let dependentDialects = ["::mlir::LLVM::LLVMDialect"];
}

//===----------------------------------------------------------------------===//
// NVPTX
//===----------------------------------------------------------------------===//

def NvptxSplitReductions : Pass<"quench-nvptx-split-reductions", "::mlir::func::FuncOp"> {
  let summary = "Spreads long reductions with few outputs over more GPU threads";
  let description = [{
    On linalg on tensors, before bufferization. The NVPTX mapping runs each
    output element of a linalg op in one thread, its reduction loop
    sequentially. Where the op has fewer than `min-parallel` outputs and a
    single reduction of at least 64 elements (a one-token matmul, a norm over
    few rows), the reduction is split (`linalg::splitReduction`) into `r` <=
    32 partial reductions of at least 8 elements each, computed by `r` times
    the threads, and a final reduction of the partials:

    ```mlir
    // [1, 384] x [384, 4096]: 4096 threads, 384 steps each
    linalg.matmul ins(%a, %b : tensor<1x384xf32>, tensor<384x4096xf32>) ...
    // becomes 32 x 4096 threads of 12 steps, then 4096 threads of 32
    %partial = linalg.generic ... -> tensor<32x1x4096xf32>
    %sum = linalg.generic {iterator_types = ["parallel", "parallel", "reduction"]} ...
    ```

    Every `linalg.generic` also gets its reduction loops after its parallel
    ones (an interchange; each output sums its terms in the same order), so
    that convert-linalg-to-parallel-loops makes one parallel loop nest (one
    kernel) of it rather than a host loop of kernels.
  }];
  let options = [
    Option<"minParallel", "min-parallel", "int64_t", "16384",
           "Ops with at least this many outputs keep one thread per output">
  ];
  let dependentDialects = ["::mlir::linalg::LinalgDialect", "::mlir::tensor::TensorDialect",
                           "::mlir::arith::ArithDialect"];
}

def NvptxPrepareBuffers : Pass<"quench-nvptx-prepare-buffers", "::mlir::func::FuncOp"> {
  let summary = "Turns buffer ops the host would run into device-friendly forms";
  let description = [{
    After bufferization, for a model whose buffers live in GPU memory:
    `memref.copy` becomes `linalg.copy` (a kernel, not a host memcpy), and
    `memref.reshape` between static shapes becomes `memref.reinterpret_cast`
    (the host would otherwise read the shape operand, a device buffer once
    constants move into the weight blob).

    ```mlir
    memref.copy %a, %b : memref<4x8xf32> to memref<4x8xf32, strided<[16, 1]>>
    // becomes
    linalg.copy ins(%a : memref<4x8xf32>) outs(%b : memref<4x8xf32, strided<[16, 1]>>)
    ```
  }];
  let dependentDialects = ["::mlir::linalg::LinalgDialect", "::mlir::memref::MemRefDialect"];
}

def NvptxTileContractions : Pass<"quench-nvptx-tile-contractions", "::mlir::func::FuncOp"> {
  let summary = "Turns contractions into tiled shared-memory GPU kernels";
  let description = [{
    After bufferization, before `convert-linalg-to-parallel-loops`. Each
    linalg op on buffers with reduction loops whose body ends in
    `out + L * R` (a matmul, batched matmul, or any generic whose two factors
    depend on disjoint parallel dimensions: attention scores with a fused
    RoPE, attention times V with the softmax's exp and division fused, a
    down-projection with its SiLU gate fused) and with at least 16 rows and
    16 columns becomes one `gpu.launch` of a tiled kernel:

    - the parallel dimensions only L reads are the rows (M), those only R
      reads the columns (N), the rest batch; the reductions are K;
    - each block computes a BM x BN tile of one batch, looping over K in
      slices of 16: its threads compute the slice of L (BM x 16) and of R
      (16 x BN) from their operands, clamped and zero-filled at the edges,
      into workgroup memory (`#gpu.address_space<workgroup>`); each thread
      accumulates a TM x TN register tile with `math.fma` (rows and columns
      strided by the thread grid, so neighbouring threads read neighbouring
      words and write neighbouring outputs);
    - the operands of the next slice are loaded before the current slice is
      multiplied and written to workgroup memory after it (between
      `gpu.barrier`s), so their latency overlaps the arithmetic;
    - finally `out = out + sum` by the body's own add.

    Tiles: 128x128 (8x8 per thread, 256 threads), 64x64 (4x4, 256),
    32x64 and 32x32 (4x4): the largest that still gives `min-blocks` blocks.

    ```mlir
    linalg.matmul ins(%a, %b : memref<512x384xf32>, memref<384x1024xf32>)
                  outs(%c : memref<512x1024xf32>)
    // becomes
    gpu.launch blocks(...) in (%gx = %c256, ...) threads(...) in (%bx = %c128, ...)
        workgroup(%lhs : memref<16x33xf32, #gpu.address_space<workgroup>>,
                  %rhs : memref<16x65xf32, #gpu.address_space<workgroup>>) {
      scf.for %k0 = %c0 to %c384 step %c16 iter_args(...) -> (f32, ...) {
        ... memref.store %l, %lhs[...] ... gpu.barrier
        ... math.fma ... gpu.barrier
      }
      ... memref.store %sum, %c[...]
    }
    ```
  }];
  let options = [
    Option<"minBlocks", "min-blocks", "int64_t", "128",
           "Smaller tiles are chosen until a contraction has this many blocks">
  ];
  let dependentDialects = ["::mlir::gpu::GPUDialect", "::mlir::scf::SCFDialect",
                           "::mlir::math::MathDialect", "::mlir::arith::ArithDialect",
                           "::mlir::memref::MemRefDialect"];
}

def NvptxMapToGpu : Pass<"quench-nvptx-map-to-gpu", "::mlir::func::FuncOp"> {
  let summary = "Maps parallel loops to GPU launches; the rest of the memory work to one thread";
  let description = [{
    Runs after `convert-linalg-to-parallel-loops` on the planned entry
    function. Each `scf.parallel` outside any launch becomes a `gpu.launch`
    of a 1-D grid: thread `t` of block `b` runs iteration `b * T + t`
    (`T = threads-per-block`, fewer for small loops), the iteration space
    linearized in the order of the indices of the element the loop stores
    (the last index fastest, the dimensions it does not index slowest), so
    that neighbouring threads write neighbouring elements; a guard skips the last block's
    extra threads. Reduction loops nested in a parallel loop stay sequential
    in their thread. A scalar read from memory outside the loops (a value a
    kernel produced, e.g. a full reduction), and the pure ops computed from
    it, are recomputed inside each launch that uses them. Any other top-level
    op that still reads or writes memory runs in a one-thread launch; one
    whose results the host itself needs is an error.
    Afterwards the host code only computes addresses and launches kernels.

    ```mlir
    scf.parallel (%i, %j) = (%c0, %c0) to (%c4, %c100) step (%c1, %c1) { ... }
    // becomes
    gpu.launch blocks(%bx, ...) in (%gx = %c2, ...) threads(%tx, ...) in (%bsx = %c256, ...) {
      %id = bx * 256 + tx;  if (%id < 400) { %i = %id / 100; %j = %id % 100; ... }
    }
    ```
  }];
  let options = [
    Option<"threadsPerBlock", "threads-per-block", "int64_t", "256",
           "Threads per block of a mapped parallel loop">
  ];
  let dependentDialects = ["::mlir::gpu::GPUDialect", "::mlir::scf::SCFDialect",
                           "::mlir::arith::ArithDialect"];
}

def NvptxMergeKernels : Pass<"quench-nvptx-merge-kernels", "::mlir::ModuleOp"> {
  let summary = "Moves every outlined kernel into one gpu.module";
  let description = [{
    After `gpu-kernel-outlining` (one `gpu.module` per kernel): the kernels
    move into `gpu.module @quench_kernels`, named `k0`, `k1`, ... in the
    order the host launches them, so a model compiles to one PTX module that
    the runtime loads once.
  }];
  let dependentDialects = ["::mlir::gpu::GPUDialect"];
}

def NvptxLowerLaunches : Pass<"quench-nvptx-lower-launches", "::mlir::ModuleOp"> {
  let summary = "Replaces GPU launches by calls of the runtime's launch hook";
  let description = [{
    After `gpu-module-to-binary{format=isa}`: the PTX of
    `gpu.binary @quench_kernels` becomes the module attribute `quench.ptx`,
    and each `gpu.launch_func` becomes

    ```mlir
    %slots = memref.alloca() : memref<Pxi64>     // at the function's entry
    memref.store %param_i, %slots[%i]            // aligned pointer, index, int or float bits
    func.call @__quench_gpu_launch(%kernel_index, %slots_address) : (i64, i64) -> ()
    ```

    with the launch's constant grid and block sizes and parameter count
    recorded in the kernel table `quench.kernels` (entry `i` for the `i`-th
    launch). quench-compile writes both into the artifact; the runtime
    launches from the table. Memref parameters follow the bare-pointer
    convention (`convert-gpu-to-nvvm{use-bare-ptr-memref-call-conv}`): static
    shapes and strides only.
  }];
  let dependentDialects = ["::mlir::func::FuncDialect", "::mlir::memref::MemRefDialect",
                           "::mlir::arith::ArithDialect"];
}

#endif // QUENCH_PASSES_TD
