// RUN: quench-opt %s --convert-onnx-to-linalg | FileCheck %s

// The IR each NN lowering produces; the numbers are checked in nn-run-*.mlir.

// CHECK-DAG: #[[$GEMM_A:.*]] = affine_map<(d0, d1, d2) -> (d2, d0)>
// CHECK-DAG: #[[$GEMM_B:.*]] = affine_map<(d0, d1, d2) -> (d1, d2)>
// CHECK-DAG: #[[$GEMM_Y:.*]] = affine_map<(d0, d1, d2) -> (d0, d1)>
// CHECK-DAG: #[[$CONV_X:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6, d7) -> (d0, d1, d5, d3 * 2 + d6, d4 * 2 + d7 * 3)>
// CHECK-DAG: #[[$CONV_W:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6, d7) -> (d1, d2, d5, d6, d7)>
// CHECK-DAG: #[[$CONV_Y:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6, d7) -> (d0, d1, d2, d3, d4)>
// CHECK-DAG: #[[$POOL_X:.*]] = affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1, d2 * 2 + d4, d3 * 2 + d5)>
// CHECK-DAG: #[[$POOL_K:.*]] = affine_map<(d0, d1, d2, d3, d4, d5) -> (d4, d5)>

// f16 operands are widened in the loop; the sum is f32 and rounded once.
// CHECK-LABEL: func.func @matmul_f16
// CHECK: %[[ZERO:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%{{.*}} : tensor<2x4xf32>)
// CHECK: %[[SUM:.*]] = linalg.generic {{.*}}iterator_types = ["parallel", "parallel", "reduction"]{{.*}} ins(%arg0, %arg1 : tensor<2x3xf16>, tensor<3x4xf16>) outs(%[[ZERO]] : tensor<2x4xf32>)
// CHECK:   arith.extf %{{.*}} : f16 to f32
// CHECK:   arith.extf %{{.*}} : f16 to f32
// CHECK:   arith.mulf
// CHECK:   arith.addf
// CHECK: linalg.generic {{.*}} ins(%[[SUM]] : tensor<2x4xf32>) outs(%{{.*}} : tensor<2x4xf16>)
// CHECK:   arith.truncf %{{.*}} : f32 to f16
func.func @matmul_f16(%a: tensor<2x3xf16>, %b: tensor<3x4xf16>) -> tensor<2x4xf16> {
  %y = onnx.node "MatMul"(%a, %b) {domain = "", opset = 13 : i64, name = "mm", attrs = {}} : (tensor<2x3xf16>, tensor<3x4xf16>) -> tensor<2x4xf16>
  return %y : tensor<2x4xf16>
}

// A rank-1 right operand: the added unit dimension is collapsed away.
// CHECK-LABEL: func.func @matmul_vector
// CHECK: %[[SUM:.*]] = linalg.generic {{.*}} outs(%{{.*}} : tensor<2x5x1xf32>)
// CHECK: tensor.collapse_shape %[[SUM]] {{\[}}[0], [1, 2]] : tensor<2x5x1xf32> into tensor<2x5xf32>
func.func @matmul_vector(%a: tensor<2x5x3xf32>, %b: tensor<3xf32>) -> tensor<2x5xf32> {
  %y = onnx.node "MatMul"(%a, %b) {domain = "", opset = 13 : i64, name = "mv", attrs = {}} : (tensor<2x5x3xf32>, tensor<3xf32>) -> tensor<2x5xf32>
  return %y : tensor<2x5xf32>
}

// transA and transB only change the operand maps; alpha scales in the
// epilogue, which also adds the broadcast C.
// CHECK-LABEL: func.func @gemm_transposed
// CHECK: %[[PROD:.*]] = linalg.generic {indexing_maps = [#[[$GEMM_A]], #[[$GEMM_B]], #[[$GEMM_Y]]]{{.*}} ins(%arg0, %arg1 : tensor<4x3xf32>, tensor<5x4xf32>)
// CHECK: linalg.generic {{.*}} ins(%[[PROD]], %arg2 : tensor<3x5xf32>, tensor<5xf32>)
// CHECK:   %[[ALPHA:.*]] = arith.constant 2.000000e+00 : f32
// CHECK:   %[[SCALED:.*]] = arith.mulf %{{.*}}, %[[ALPHA]]
// CHECK:   arith.addf %[[SCALED]], %{{.*}}
func.func @gemm_transposed(%a: tensor<4x3xf32>, %b: tensor<5x4xf32>, %c: tensor<5xf32>) -> tensor<3x5xf32> {
  %y = onnx.node "Gemm"(%a, %b, %c) {domain = "", opset = 13 : i64, name = "gemm", attrs = {alpha = 2.0 : f32, transA = 1 : i64, transB = 1 : i64}} : (tensor<4x3xf32>, tensor<5x4xf32>, tensor<5xf32>) -> tensor<3x5xf32>
  return %y : tensor<3x5xf32>
}

// Without C (opset 11) and with alpha = 1 the contraction is the result.
// CHECK-LABEL: func.func @gemm_no_c
// CHECK: %[[PROD:.*]] = linalg.generic
// CHECK-NEXT: ^bb0
// CHECK: return %[[PROD]]
func.func @gemm_no_c(%a: tensor<3x4xf32>, %b: tensor<4x5xf32>) -> tensor<3x5xf32> {
  %none = onnx.none
  %y = onnx.node "Gemm"(%a, %b, %none) {domain = "", opset = 11 : i64, name = "gemm", attrs = {}} : (tensor<3x4xf32>, tensor<4x5xf32>, none) -> tensor<3x5xf32>
  return %y : tensor<3x5xf32>
}

// Max, then the sum of exp(x - max), then exp(x - max) / sum.
// CHECK-LABEL: func.func @softmax
// CHECK: %[[NEGINF:.*]] = arith.constant 0xFF800000 : f32
// CHECK: %[[INIT:.*]] = linalg.fill ins(%[[NEGINF]] : f32) outs(%{{.*}} : tensor<2x3xf32>)
// CHECK: %[[MAX:.*]] = linalg.generic {{.*}}iterator_types = ["parallel", "parallel", "reduction"]{{.*}} outs(%[[INIT]] : tensor<2x3xf32>)
// CHECK:   arith.maximumf
// CHECK: %[[SUM:.*]] = linalg.generic {{.*}} ins(%arg0, %[[MAX]] : tensor<2x3x4xf32>, tensor<2x3xf32>)
// CHECK:   arith.subf
// CHECK:   math.exp
// CHECK:   arith.addf
// CHECK: linalg.generic {{.*}} ins(%arg0, %[[MAX]], %[[SUM]] : tensor<2x3x4xf32>, tensor<2x3xf32>, tensor<2x3xf32>)
// CHECK:   math.exp
// CHECK:   arith.divf
func.func @softmax(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  %y = onnx.node "Softmax"(%x) {domain = "", opset = 13 : i64, name = "sm", attrs = {}} : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return %y : tensor<2x3x4xf32>
}

// Opset 11 reduces over every dimension from axis (default 1) on.
// CHECK-LABEL: func.func @softmax_11
// CHECK: linalg.generic {{.*}}iterator_types = ["parallel", "reduction", "reduction"]{{.*}} outs(%{{.*}} : tensor<2xf32>)
func.func @softmax_11(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  %y = onnx.node "Softmax"(%x) {domain = "", opset = 11 : i64, name = "sm", attrs = {}} : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return %y : tensor<2x3x4xf32>
}

// CHECK-LABEL: func.func @logsoftmax
// CHECK: linalg.generic {{.*}}iterator_types = ["reduction", "parallel"]
// CHECK: math.log
// CHECK-NOT: arith.divf
func.func @logsoftmax(%x: tensor<3x4xf32>) -> tensor<3x4xf32> {
  %y = onnx.node "LogSoftmax"(%x) {domain = "", opset = 13 : i64, name = "lsm", attrs = {axis = 0 : i64}} : (tensor<3x4xf32>) -> tensor<3x4xf32>
  return %y : tensor<3x4xf32>
}

// Mean, then the sum of squared deviations, then sqrt(var + eps); the Mean
// output gets its unit dimension back, InvStdDev is unused and not built.
// CHECK-LABEL: func.func @layernorm
// CHECK: %[[SUM:.*]] = linalg.generic {{.*}} ins(%arg0 : tensor<2x8xf32>) outs(%{{.*}} : tensor<2xf32>)
// CHECK: %[[MEAN:.*]] = linalg.generic {{.*}} ins(%[[SUM]] : tensor<2xf32>)
// CHECK:   arith.constant 8.000000e+00 : f32
// CHECK:   arith.divf
// CHECK: %[[SQ:.*]] = linalg.generic {{.*}} ins(%arg0, %[[MEAN]] : tensor<2x8xf32>, tensor<2xf32>)
// CHECK: %[[STD:.*]] = linalg.generic {{.*}} ins(%[[SQ]] : tensor<2xf32>)
// CHECK:   arith.constant 9.99999974E-6 : f32
// CHECK:   math.sqrt
// CHECK: %[[Y:.*]] = linalg.generic {{.*}} ins(%arg0, %arg1, %arg2, %[[MEAN]], %[[STD]] : tensor<2x8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<2xf32>, tensor<2xf32>)
// CHECK:   arith.subf
// CHECK:   arith.divf
// CHECK:   arith.mulf
// CHECK:   arith.addf
// CHECK: %[[MEAN2:.*]] = tensor.expand_shape %[[MEAN]] {{\[}}[0, 1]] output_shape [2, 1] : tensor<2xf32> into tensor<2x1xf32>
// CHECK: return %[[Y]], %[[MEAN2]]
func.func @layernorm(%x: tensor<2x8xf32>, %s: tensor<8xf32>, %b: tensor<8xf32>) -> (tensor<2x8xf32>, tensor<2x1xf32>) {
  %y:3 = onnx.node "LayerNormalization"(%x, %s, %b) {domain = "", opset = 17 : i64, name = "ln", attrs = {}} : (tensor<2x8xf32>, tensor<8xf32>, tensor<8xf32>) -> (tensor<2x8xf32>, tensor<2x1xf32>, !onnx.unknown)
  return %y#0, %y#1 : tensor<2x8xf32>, tensor<2x1xf32>
}

// A Scale of the normalized size in another shape is reshaped to it.
// CHECK-LABEL: func.func @layernorm_flattened_scale
// CHECK: %[[FLAT:.*]] = tensor.collapse_shape %arg1 {{\[}}[0, 1]] : tensor<1x6xf32> into tensor<6xf32>
// CHECK: %[[SCALE:.*]] = tensor.expand_shape %[[FLAT]] {{\[}}[0, 1]] output_shape [2, 3] : tensor<6xf32> into tensor<2x3xf32>
// CHECK: linalg.generic {{.*}} ins(%arg0, %[[SCALE]], %{{.*}}, %{{.*}} : tensor<4x2x3xf32>, tensor<2x3xf32>, tensor<4xf32>, tensor<4xf32>)
func.func @layernorm_flattened_scale(%x: tensor<4x2x3xf32>, %s: tensor<1x6xf32>) -> tensor<4x2x3xf32> {
  %y = onnx.node "LayerNormalization"(%x, %s) {domain = "", opset = 17 : i64, name = "ln", attrs = {axis = 1 : i64}} : (tensor<4x2x3xf32>, tensor<1x6xf32>) -> tensor<4x2x3xf32>
  return %y : tensor<4x2x3xf32>
}

// Below opset 17 the node is onnxruntime's contrib LayerNormalization, alike.
// CHECK-LABEL: func.func @layernorm_contrib
// CHECK: math.sqrt
// CHECK: arith.divf
func.func @layernorm_contrib(%x: tensor<2x8xf32>, %s: tensor<8xf32>) -> tensor<2x8xf32> {
  %y = onnx.node "LayerNormalization"(%x, %s) {domain = "", opset = 14 : i64, name = "ln", attrs = {epsilon = 9.99999996E-13 : f32}} : (tensor<2x8xf32>, tensor<8xf32>) -> tensor<2x8xf32>
  return %y : tensor<2x8xf32>
}

// RMS normalization has no mean: the sum of squares, then x / sqrt(ms + eps).
// CHECK-LABEL: func.func @rmsnorm
// CHECK: %[[SQ:.*]] = linalg.generic {{.*}} ins(%arg0 : tensor<2x8xf16>)
// CHECK:   arith.extf
// CHECK:   arith.mulf
// CHECK:   arith.addf
// CHECK: %[[RMS:.*]] = linalg.generic {{.*}} ins(%[[SQ]] : tensor<2xf32>)
// CHECK:   math.sqrt
// CHECK: linalg.generic {{.*}} ins(%arg0, %arg1, %[[RMS]] : tensor<2x8xf16>, tensor<8xf16>, tensor<2xf32>) outs(%{{.*}} : tensor<2x8xf16>)
// CHECK-NOT: arith.subf
// CHECK:   arith.divf
// CHECK:   arith.mulf
// CHECK:   arith.truncf
func.func @rmsnorm(%x: tensor<2x8xf16>, %s: tensor<8xf16>) -> tensor<2x8xf16> {
  %y = onnx.node "RMSNormalization"(%x, %s) {domain = "", opset = 23 : i64, name = "rms", attrs = {}} : (tensor<2x8xf16>, tensor<8xf16>) -> tensor<2x8xf16>
  return %y : tensor<2x8xf16>
}

// The com.microsoft form; inv_std_var is 1 / rms with a unit last dimension.
// CHECK-LABEL: func.func @simplified_layernorm
// CHECK: %[[RMS:.*]] = linalg.generic {{.*}} ins(%{{[0-9]+}} : tensor<3xf32>)
// CHECK:   math.sqrt
// CHECK: %[[INV:.*]] = linalg.generic {{.*}} ins(%[[RMS]] : tensor<3xf32>)
// CHECK:   arith.constant 1.000000e+00 : f32
// CHECK:   arith.divf
// CHECK: tensor.expand_shape %[[INV]] {{\[}}[0, 1]] output_shape [3, 1]
func.func @simplified_layernorm(%x: tensor<3x4xf32>, %s: tensor<4xf32>) -> (tensor<3x4xf32>, tensor<3x1xf32>) {
  %y:2 = onnx.node "SimplifiedLayerNormalization"(%x, %s) {domain = "com.microsoft", opset = 1 : i64, name = "sln", attrs = {epsilon = 9.99999997E-7 : f32}} : (tensor<3x4xf32>, tensor<4xf32>) -> (tensor<3x4xf32>, tensor<3x1xf32>)
  return %y#0, %y#1 : tensor<3x4xf32>, tensor<3x1xf32>
}

// Per channel (dimension 1): (x - mean) / sqrt(var + eps) * scale + B.
// CHECK-LABEL: func.func @batchnorm
// CHECK: linalg.generic {indexing_maps = [#{{.*}}, #[[CH:.*]], #[[CH]], #[[CH]], #[[CH]], #{{.*}}]{{.*}} ins(%arg0, %arg1, %arg2, %arg3, %arg4 :
// CHECK:   arith.subf
// CHECK:   arith.addf
// CHECK:   math.sqrt
// CHECK:   arith.divf
// CHECK:   arith.mulf
// CHECK:   arith.addf
func.func @batchnorm(%x: tensor<2x3x4x4xf32>, %s: tensor<3xf32>, %b: tensor<3xf32>, %m: tensor<3xf32>, %v: tensor<3xf32>) -> tensor<2x3x4x4xf32> {
  %y = onnx.node "BatchNormalization"(%x, %s, %b, %m, %v) {domain = "", opset = 15 : i64, name = "bn", attrs = {epsilon = 1.0e-3 : f32}} : (tensor<2x3x4x4xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<2x3x4x4xf32>
  return %y : tensor<2x3x4x4xf32>
}

// Statistics over the spatial dimensions, per sample and channel.
// CHECK-LABEL: func.func @instancenorm
// CHECK: linalg.generic {{.*}}iterator_types = ["parallel", "parallel", "reduction", "reduction"]{{.*}} outs(%{{.*}} : tensor<2x3xf32>)
// CHECK: linalg.generic {{.*}} ins(%arg0, %arg1, %arg2, %{{.*}}, %{{.*}} : tensor<2x3x4x5xf32>, tensor<3xf32>, tensor<3xf32>, tensor<2x3xf32>, tensor<2x3xf32>)
func.func @instancenorm(%x: tensor<2x3x4x5xf32>, %s: tensor<3xf32>, %b: tensor<3xf32>) -> tensor<2x3x4x5xf32> {
  %y = onnx.node "InstanceNormalization"(%x, %s, %b) {domain = "", opset = 6 : i64, name = "in", attrs = {}} : (tensor<2x3x4x5xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<2x3x4x5xf32>
  return %y : tensor<2x3x4x5xf32>
}

// Pad, split the channels into groups, contract over (c, kh, kw) with
// stride 2 and dilation (1, 3), merge the groups back, add the bias.
// CHECK-LABEL: func.func @conv_grouped
// CHECK: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: %[[PAD:.*]] = tensor.pad %arg0 low[0, 0, 1, 0] high[0, 0, 1, 2]
// CHECK:   tensor.yield %[[ZERO]]
// CHECK: } : tensor<1x4x5x9xf32> to tensor<1x4x7x11xf32>
// CHECK: %[[X:.*]] = tensor.expand_shape %[[PAD]] {{\[}}[0], [1, 2], [3], [4]] output_shape [1, 2, 2, 7, 11]
// CHECK: %[[W:.*]] = tensor.expand_shape %arg1 {{\[}}[0, 1], [2], [3], [4]] output_shape [2, 3, 2, 3, 2]
// CHECK: %[[SUM:.*]] = linalg.generic {indexing_maps = [#[[$CONV_X]], #[[$CONV_W]], #[[$CONV_Y]]], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel", "reduction", "reduction", "reduction"]} ins(%[[X]], %[[W]] : tensor<1x2x2x7x11xf32>, tensor<2x3x2x3x2xf32>) outs(%{{.*}} : tensor<1x2x3x3x4xf32>)
// CHECK: %[[Y:.*]] = tensor.collapse_shape %[[SUM]] {{\[}}[0], [1, 2], [3], [4]] : tensor<1x2x3x3x4xf32> into tensor<1x6x3x4xf32>
// CHECK: linalg.generic {{.*}} ins(%[[Y]], %arg2 : tensor<1x6x3x4xf32>, tensor<6xf32>)
func.func @conv_grouped(%x: tensor<1x4x5x9xf32>, %w: tensor<6x2x3x2xf32>, %b: tensor<6xf32>) -> tensor<1x6x3x4xf32> {
  %y = onnx.node "Conv"(%x, %w, %b) {domain = "", opset = 11 : i64, name = "conv", attrs = {group = 2 : i64, strides = array<i64: 2, 2>, dilations = array<i64: 1, 3>, pads = array<i64: 1, 0, 1, 2>}} : (tensor<1x4x5x9xf32>, tensor<6x2x3x2xf32>, tensor<6xf32>) -> tensor<1x6x3x4xf32>
  return %y : tensor<1x6x3x4xf32>
}

// SAME_UPPER pads the extra element at the end.
// CHECK-LABEL: func.func @conv_same_upper
// CHECK: tensor.pad %arg0 low[0, 0, 0] high[0, 0, 1]
// CHECK: } : tensor<1x1x7xf32> to tensor<1x1x8xf32>
// CHECK: tensor.collapse_shape {{.*}} into tensor<1x1x4xf32>
func.func @conv_same_upper(%x: tensor<1x1x7xf32>, %w: tensor<1x1x2xf32>) -> tensor<1x1x4xf32> {
  %y = onnx.node "Conv"(%x, %w) {domain = "", opset = 11 : i64, name = "conv", attrs = {auto_pad = "SAME_UPPER", strides = array<i64: 2>}} : (tensor<1x1x7xf32>, tensor<1x1x2xf32>) -> tensor<1x1x4xf32>
  return %y : tensor<1x1x4xf32>
}

// Padding with -inf, and one more row/column for the last ceil_mode window;
// the window operand only sizes the kernel loops. Indices is not produced.
// CHECK-LABEL: func.func @maxpool_ceil
// CHECK: %[[NEGINF:.*]] = arith.constant 0xFF800000 : f32
// CHECK: %[[PAD:.*]] = tensor.pad %arg0 low[0, 0, 0, 0] high[0, 0, 1, 1]
// CHECK:   tensor.yield %[[NEGINF]]
// CHECK: %[[WIN:.*]] = tensor.empty() : tensor<2x2xf32>
// CHECK: linalg.generic {indexing_maps = [#[[$POOL_X]], #[[$POOL_K]], #{{.*}}], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction"]} ins(%[[PAD]], %[[WIN]] : tensor<1x2x6x6xf32>, tensor<2x2xf32>)
// CHECK:   arith.maximumf
func.func @maxpool_ceil(%x: tensor<1x2x5x5xf32>) -> tensor<1x2x3x3xf32> {
  %y:2 = onnx.node "MaxPool"(%x) {domain = "", opset = 12 : i64, name = "mp", attrs = {ceil_mode = 1 : i64, kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>}} : (tensor<1x2x5x5xf32>) -> (tensor<1x2x3x3xf32>, !onnx.unknown)
  return %y#0 : tensor<1x2x3x3xf32>
}

// Window sums divided by the per-position count (edges count fewer).
// CHECK-LABEL: func.func @averagepool_pads
// CHECK: %[[SUM:.*]] = linalg.generic
// CHECK: %[[COUNT:.*]] = arith.constant dense<{{\[}}[4.000000e+00, 6.000000e+00, 4.000000e+00], [6.000000e+00, 9.000000e+00, 6.000000e+00], [4.000000e+00, 6.000000e+00, 4.000000e+00]]> : tensor<3x3xf32>
// CHECK: linalg.generic {{.*}} ins(%[[SUM]], %[[COUNT]] : tensor<1x1x3x3xf32>, tensor<3x3xf32>)
// CHECK:   arith.divf
func.func @averagepool_pads(%x: tensor<1x1x3x3xf32>) -> tensor<1x1x3x3xf32> {
  %y = onnx.node "AveragePool"(%x) {domain = "", opset = 11 : i64, name = "ap", attrs = {kernel_shape = array<i64: 3, 3>, pads = array<i64: 1, 1, 1, 1>}} : (tensor<1x1x3x3xf32>) -> tensor<1x1x3x3xf32>
  return %y : tensor<1x1x3x3xf32>
}

// With count_include_pad every window counts 9: a scalar divisor.
// CHECK-LABEL: func.func @averagepool_count_include_pad
// CHECK-NOT: arith.constant dense
// CHECK: arith.constant 9.000000e+00 : f32
// CHECK: arith.divf
func.func @averagepool_count_include_pad(%x: tensor<1x1x3x3xf32>) -> tensor<1x1x3x3xf32> {
  %y = onnx.node "AveragePool"(%x) {domain = "", opset = 11 : i64, name = "ap", attrs = {count_include_pad = 1 : i64, kernel_shape = array<i64: 3, 3>, pads = array<i64: 1, 1, 1, 1>}} : (tensor<1x1x3x3xf32>) -> tensor<1x1x3x3xf32>
  return %y : tensor<1x1x3x3xf32>
}

// CHECK-LABEL: func.func @globalaveragepool
// CHECK: %[[SUM:.*]] = linalg.generic {{.*}}iterator_types = ["parallel", "parallel", "reduction", "reduction"]{{.*}} outs(%{{.*}} : tensor<2x3xf32>)
// CHECK: %[[MEAN:.*]] = linalg.generic {{.*}} ins(%[[SUM]] : tensor<2x3xf32>)
// CHECK:   arith.constant 2.000000e+01 : f32
// CHECK: tensor.expand_shape %[[MEAN]] {{\[}}[0], [1, 2, 3]] output_shape [2, 3, 1, 1] : tensor<2x3xf32> into tensor<2x3x1x1xf32>
func.func @globalaveragepool(%x: tensor<2x3x4x5xf32>) -> tensor<2x3x1x1xf32> {
  %y = onnx.node "GlobalAveragePool"(%x) {domain = "", opset = 1 : i64, name = "gap", attrs = {}} : (tensor<2x3x4x5xf32>) -> tensor<2x3x1x1xf32>
  return %y : tensor<2x3x1x1xf32>
}

// CHECK-LABEL: func.func @globalmaxpool
// CHECK: %[[MAX:.*]] = linalg.generic {{.*}} outs(%{{.*}} : tensor<2x3xf32>)
// CHECK:   arith.maximumf
// CHECK: tensor.expand_shape %[[MAX]] {{\[}}[0], [1, 2]] output_shape [2, 3, 1] : tensor<2x3xf32> into tensor<2x3x1xf32>
func.func @globalmaxpool(%x: tensor<2x3x7xf32>) -> tensor<2x3x1xf32> {
  %y = onnx.node "GlobalMaxPool"(%x) {domain = "", opset = 1 : i64, name = "gmp", attrs = {}} : (tensor<2x3x7xf32>) -> tensor<2x3x1xf32>
  return %y : tensor<2x3x1xf32>
}
