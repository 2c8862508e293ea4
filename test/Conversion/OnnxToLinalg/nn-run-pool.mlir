// RUN: quench-opt %s --convert-onnx-to-linalg | %run_reference | FileCheck %s

// MaxPool, AveragePool, GlobalAveragePool and GlobalMaxPool against a direct
// numpy loop: windows start at o * stride - pad_begin; ceil_mode windows
// are clipped to the padded input.

// CHECK: rank = 4 offset = 0 sizes = [1, 1, 4, 4]
// CHECK-NEXT: [6, 6, 7, 7]
// CHECK-NEXT: [6, 6, 4, 7]
// CHECK-NEXT: [3, 6, 6, 7]
// CHECK-NEXT: [5, 6, 6, 4]
func.func @maxpool_2d_default(%x0: tensor<1x1x5x5xf32>) -> (tensor<1x1x4x4xf32>) {
  %y = onnx.node "MaxPool"(%x0) {domain = "", opset = 12 : i64, name = "maxpool_2d_default", attrs = {kernel_shape = array<i64: 2, 2>}} : (tensor<1x1x5x5xf32>) -> tensor<1x1x4x4xf32>
  return %y : tensor<1x1x4x4xf32>
}

// CHECK: rank = 4 offset = 0 sizes = [1, 1, 3, 3]
// CHECK-NEXT: [-4, -3, -3]
// CHECK-NEXT: [-4, -4, -3]
// CHECK-NEXT: [-5, -4, -6]
func.func @maxpool_2d_pads_strides(%x0: tensor<1x1x5x5xf32>) -> (tensor<1x1x3x3xf32>) {
  %y = onnx.node "MaxPool"(%x0) {domain = "", opset = 12 : i64, name = "maxpool_2d_pads_strides", attrs = {kernel_shape = array<i64: 3, 3>, strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>}} : (tensor<1x1x5x5xf32>) -> tensor<1x1x3x3xf32>
  return %y : tensor<1x1x3x3xf32>
}

// CHECK: rank = 4 offset = 0 sizes = [1, 1, 2, 3]
// CHECK-NEXT: [4, 7, 7]
// CHECK-NEXT: [5, 4, 7]
func.func @maxpool_2d_ceil_dilations(%x0: tensor<1x1x5x5xf32>) -> (tensor<1x1x2x3xf32>) {
  %y = onnx.node "MaxPool"(%x0) {domain = "", opset = 12 : i64, name = "maxpool_2d_ceil_dilations", attrs = {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>, dilations = array<i64: 2, 1>, ceil_mode = 1 : i64}} : (tensor<1x1x5x5xf32>) -> tensor<1x1x2x3xf32>
  return %y : tensor<1x1x2x3xf32>
}

// CHECK: rank = 4 offset = 0 sizes = [1, 1, 5, 5]
// CHECK-NEXT: [6, 6, 7, 7, 5]
// CHECK-NEXT: [6, 6, 4, 7, 7]
// CHECK-NEXT: [3, 6, 6, 7, 7]
// CHECK-NEXT: [5, 6, 6, 4, 0]
// CHECK-NEXT: [5, 1, 4, 4, 0]
func.func @maxpool_2d_same_upper(%x0: tensor<1x1x5x5xf32>) -> (tensor<1x1x5x5xf32>) {
  %y = onnx.node "MaxPool"(%x0) {domain = "", opset = 8 : i64, name = "maxpool_2d_same_upper", attrs = {kernel_shape = array<i64: 2, 2>, auto_pad = "SAME_UPPER"}} : (tensor<1x1x5x5xf32>) -> tensor<1x1x5x5xf32>
  return %y : tensor<1x1x5x5xf32>
}

// CHECK: rank = 3 offset = 0 sizes = [1, 1, 4]
// CHECK-NEXT: [1, 3, 5, 6]
func.func @maxpool_1d_same_lower_stride_2(%x0: tensor<1x1x7xf32>) -> (tensor<1x1x4xf32>) {
  %y = onnx.node "MaxPool"(%x0) {domain = "", opset = 11 : i64, name = "maxpool_1d_same_lower_stride_2", attrs = {kernel_shape = array<i64: 3>, strides = array<i64: 2>, auto_pad = "SAME_LOWER"}} : (tensor<1x1x7xf32>) -> tensor<1x1x4xf32>
  return %y : tensor<1x1x4xf32>
}

// CHECK: rank = 4 offset = 0 sizes = [1, 1, 5, 5]
// CHECK-NEXT: [1.5, 1.33333, 2.83333, 2.5, 3.25]
// CHECK-NEXT: [0.666667, 1.11111, 2, 2.88889, 3.33333]
// CHECK-NEXT: [0.833333, 1.88889, 1.55556, {{2\.44444|2\.44445}}, 1.66667]
// CHECK-NEXT: [1, 1.44444, 1.11111, 2, 1.83333]
// CHECK-NEXT: [2, 1.83333, 1.5, 1.16667, 1]
func.func @averagepool_2d_pads(%x0: tensor<1x1x5x5xf32>) -> (tensor<1x1x5x5xf32>) {
  %y = onnx.node "AveragePool"(%x0) {domain = "", opset = 11 : i64, name = "averagepool_2d_pads", attrs = {kernel_shape = array<i64: 3, 3>, pads = array<i64: 1, 1, 1, 1>}} : (tensor<1x1x5x5xf32>) -> tensor<1x1x5x5xf32>
  return %y : tensor<1x1x5x5xf32>
}

// CHECK: rank = 4 offset = 0 sizes = [1, 1, 5, 5]
// CHECK-NEXT: [0.666667, 0.888889, 1.88889, 1.66667, 1.44444]
// CHECK-NEXT: [{{0\.444444|0\.444445}}, 1.11111, 2, 2.88889, 2.22222]
// CHECK-NEXT: [{{0\.555555|0\.555556}}, 1.88889, 1.55556, {{2\.44444|2\.44445}}, 1.11111]
// CHECK-NEXT: [0.666667, 1.44444, 1.11111, 2, 1.22222]
// CHECK-NEXT: [0.888889, 1.22222, 1, 0.777778, {{0\.444444|0\.444445}}]
func.func @averagepool_2d_pads_count_include_pad(%x0: tensor<1x1x5x5xf32>) -> (tensor<1x1x5x5xf32>) {
  %y = onnx.node "AveragePool"(%x0) {domain = "", opset = 11 : i64, name = "averagepool_2d_pads_count_include_pad", attrs = {kernel_shape = array<i64: 3, 3>, pads = array<i64: 1, 1, 1, 1>, count_include_pad = 1 : i64}} : (tensor<1x1x5x5xf32>) -> tensor<1x1x5x5xf32>
  return %y : tensor<1x1x5x5xf32>
}

// CHECK: rank = 4 offset = 0 sizes = [1, 1, 2, 2]
// CHECK-NEXT: [6, 7.5]
// CHECK-NEXT: [12, 13.5]
func.func @averagepool_2d_ceil(%x0: tensor<1x1x4x4xf32>) -> (tensor<1x1x2x2xf32>) {
  %y = onnx.node "AveragePool"(%x0) {domain = "", opset = 10 : i64, name = "averagepool_2d_ceil", attrs = {kernel_shape = array<i64: 3, 3>, strides = array<i64: 2, 2>, ceil_mode = 1 : i64}} : (tensor<1x1x4x4xf32>) -> tensor<1x1x2x2xf32>
  return %y : tensor<1x1x2x2xf32>
}

// CHECK: rank = 3 offset = 0 sizes = [1, 1, 4]
// CHECK-NEXT: [-0.333333, 0.333333, 3, 5]
func.func @averagepool_1d_ceil_count_include_pad(%x0: tensor<1x1x7xf32>) -> (tensor<1x1x4xf32>) {
  %y = onnx.node "AveragePool"(%x0) {domain = "", opset = 19 : i64, name = "averagepool_1d_ceil_count_include_pad", attrs = {kernel_shape = array<i64: 3>, strides = array<i64: 2>, pads = array<i64: 1, 0>, ceil_mode = 1 : i64, count_include_pad = 1 : i64}} : (tensor<1x1x7xf32>) -> tensor<1x1x4xf32>
  return %y : tensor<1x1x4xf32>
}

// CHECK: rank = 3 offset = 0 sizes = [1, 1, 7]
// CHECK-NEXT: [-2, 2, -1, 4, 2, 5.5, 4]
func.func @averagepool_1d_dilations_same_upper(%x0: tensor<1x1x7xf32>) -> (tensor<1x1x7xf32>) {
  %y = onnx.node "AveragePool"(%x0) {domain = "", opset = 19 : i64, name = "averagepool_1d_dilations_same_upper", attrs = {kernel_shape = array<i64: 2>, dilations = array<i64: 2>, auto_pad = "SAME_UPPER"}} : (tensor<1x1x7xf32>) -> tensor<1x1x7xf32>
  return %y : tensor<1x1x7xf32>
}

// CHECK: rank = 4 offset = 0 sizes = [1, 1, 2, 2]
// CHECK-NEXT: [{{3\.49805|3\.5|3\.50195}}, {{5\.49609|5\.5|5\.50391}}]
// CHECK-NEXT: [{{11\.4922|11\.5|11\.5078}}, {{13\.4922|13\.5|13\.5078}}]
func.func @averagepool_2d_f16(%x0: tensor<1x1x4x4xf16>) -> (tensor<1x1x2x2xf16>) {
  %y = onnx.node "AveragePool"(%x0) {domain = "", opset = 11 : i64, name = "averagepool_2d_f16", attrs = {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>}} : (tensor<1x1x4x4xf16>) -> tensor<1x1x2x2xf16>
  return %y : tensor<1x1x2x2xf16>
}

// CHECK: rank = 4 offset = 0 sizes = [2, 3, 1, 1]
// CHECK-NEXT: [-0.5]
// CHECK-NEXT: [1.75]
// CHECK-NEXT: [0.5]
// CHECK-NEXT: [1]
// CHECK-NEXT: [1.5]
// CHECK-NEXT: [0.25]
func.func @globalaveragepool(%x0: tensor<2x3x2x2xf32>) -> (tensor<2x3x1x1xf32>) {
  %y = onnx.node "GlobalAveragePool"(%x0) {domain = "", opset = 1 : i64, name = "globalaveragepool", attrs = {}} : (tensor<2x3x2x2xf32>) -> tensor<2x3x1x1xf32>
  return %y : tensor<2x3x1x1xf32>
}

// CHECK: rank = 4 offset = 0 sizes = [2, 3, 1, 1]
// CHECK-NEXT: [1]
// CHECK-NEXT: [4]
// CHECK-NEXT: [2]
// CHECK-NEXT: [4]
// CHECK-NEXT: [3]
// CHECK-NEXT: [4]
func.func @globalmaxpool(%x0: tensor<2x3x2x2xf32>) -> (tensor<2x3x1x1xf32>) {
  %y = onnx.node "GlobalMaxPool"(%x0) {domain = "", opset = 1 : i64, name = "globalmaxpool", attrs = {}} : (tensor<2x3x2x2xf32>) -> tensor<2x3x1x1xf32>
  return %y : tensor<2x3x1x1xf32>
}

func.func @main() {
  %c0_0 = arith.constant dense<[[[[-3.0, 4.0, 0.0, 7.0, 3.0], [-1.0, 6.0, 2.0, -2.0, 5.0], [1.0, -3.0, 4.0, 0.0, 7.0], [3.0, -1.0, 6.0, 2.0, -2.0], [5.0, 1.0, -3.0, 4.0, 0.0]]]]> : tensor<1x1x5x5xf32>
  %r0:1 = call @maxpool_2d_default(%c0_0) : (tensor<1x1x5x5xf32>) -> (tensor<1x1x4x4xf32>)
  %u0_0 = tensor.cast %r0#0 : tensor<1x1x4x4xf32> to tensor<*xf32>
  call @printMemrefF32(%u0_0) : (tensor<*xf32>) -> ()
  %c1_0 = arith.constant dense<[[[[-13.0, -6.0, -10.0, -3.0, -7.0], [-11.0, -4.0, -8.0, -12.0, -5.0], [-9.0, -13.0, -6.0, -10.0, -3.0], [-7.0, -11.0, -4.0, -8.0, -12.0], [-5.0, -9.0, -13.0, -6.0, -10.0]]]]> : tensor<1x1x5x5xf32>
  %r1:1 = call @maxpool_2d_pads_strides(%c1_0) : (tensor<1x1x5x5xf32>) -> (tensor<1x1x3x3xf32>)
  %u1_0 = tensor.cast %r1#0 : tensor<1x1x3x3xf32> to tensor<*xf32>
  call @printMemrefF32(%u1_0) : (tensor<*xf32>) -> ()
  %c2_0 = arith.constant dense<[[[[-3.0, 4.0, 0.0, 7.0, 3.0], [-1.0, 6.0, 2.0, -2.0, 5.0], [1.0, -3.0, 4.0, 0.0, 7.0], [3.0, -1.0, 6.0, 2.0, -2.0], [5.0, 1.0, -3.0, 4.0, 0.0]]]]> : tensor<1x1x5x5xf32>
  %r2:1 = call @maxpool_2d_ceil_dilations(%c2_0) : (tensor<1x1x5x5xf32>) -> (tensor<1x1x2x3xf32>)
  %u2_0 = tensor.cast %r2#0 : tensor<1x1x2x3xf32> to tensor<*xf32>
  call @printMemrefF32(%u2_0) : (tensor<*xf32>) -> ()
  %c3_0 = arith.constant dense<[[[[-3.0, 4.0, 0.0, 7.0, 3.0], [-1.0, 6.0, 2.0, -2.0, 5.0], [1.0, -3.0, 4.0, 0.0, 7.0], [3.0, -1.0, 6.0, 2.0, -2.0], [5.0, 1.0, -3.0, 4.0, 0.0]]]]> : tensor<1x1x5x5xf32>
  %r3:1 = call @maxpool_2d_same_upper(%c3_0) : (tensor<1x1x5x5xf32>) -> (tensor<1x1x5x5xf32>)
  %u3_0 = tensor.cast %r3#0 : tensor<1x1x5x5xf32> to tensor<*xf32>
  call @printMemrefF32(%u3_0) : (tensor<*xf32>) -> ()
  %c4_0 = arith.constant dense<[[[1.0, -2.0, 3.0, 0.0, 5.0, 4.0, 6.0]]]> : tensor<1x1x7xf32>
  %r4:1 = call @maxpool_1d_same_lower_stride_2(%c4_0) : (tensor<1x1x7xf32>) -> (tensor<1x1x4xf32>)
  %u4_0 = tensor.cast %r4#0 : tensor<1x1x4xf32> to tensor<*xf32>
  call @printMemrefF32(%u4_0) : (tensor<*xf32>) -> ()
  %c5_0 = arith.constant dense<[[[[-3.0, 4.0, 0.0, 7.0, 3.0], [-1.0, 6.0, 2.0, -2.0, 5.0], [1.0, -3.0, 4.0, 0.0, 7.0], [3.0, -1.0, 6.0, 2.0, -2.0], [5.0, 1.0, -3.0, 4.0, 0.0]]]]> : tensor<1x1x5x5xf32>
  %r5:1 = call @averagepool_2d_pads(%c5_0) : (tensor<1x1x5x5xf32>) -> (tensor<1x1x5x5xf32>)
  %u5_0 = tensor.cast %r5#0 : tensor<1x1x5x5xf32> to tensor<*xf32>
  call @printMemrefF32(%u5_0) : (tensor<*xf32>) -> ()
  %c6_0 = arith.constant dense<[[[[-3.0, 4.0, 0.0, 7.0, 3.0], [-1.0, 6.0, 2.0, -2.0, 5.0], [1.0, -3.0, 4.0, 0.0, 7.0], [3.0, -1.0, 6.0, 2.0, -2.0], [5.0, 1.0, -3.0, 4.0, 0.0]]]]> : tensor<1x1x5x5xf32>
  %r6:1 = call @averagepool_2d_pads_count_include_pad(%c6_0) : (tensor<1x1x5x5xf32>) -> (tensor<1x1x5x5xf32>)
  %u6_0 = tensor.cast %r6#0 : tensor<1x1x5x5xf32> to tensor<*xf32>
  call @printMemrefF32(%u6_0) : (tensor<*xf32>) -> ()
  %c7_0 = arith.constant dense<[[[[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0], [9.0, 10.0, 11.0, 12.0], [13.0, 14.0, 15.0, 16.0]]]]> : tensor<1x1x4x4xf32>
  %r7:1 = call @averagepool_2d_ceil(%c7_0) : (tensor<1x1x4x4xf32>) -> (tensor<1x1x2x2xf32>)
  %u7_0 = tensor.cast %r7#0 : tensor<1x1x2x2xf32> to tensor<*xf32>
  call @printMemrefF32(%u7_0) : (tensor<*xf32>) -> ()
  %c8_0 = arith.constant dense<[[[1.0, -2.0, 3.0, 0.0, 5.0, 4.0, 6.0]]]> : tensor<1x1x7xf32>
  %r8:1 = call @averagepool_1d_ceil_count_include_pad(%c8_0) : (tensor<1x1x7xf32>) -> (tensor<1x1x4xf32>)
  %u8_0 = tensor.cast %r8#0 : tensor<1x1x4xf32> to tensor<*xf32>
  call @printMemrefF32(%u8_0) : (tensor<*xf32>) -> ()
  %c9_0 = arith.constant dense<[[[1.0, -2.0, 3.0, 0.0, 5.0, 4.0, 6.0]]]> : tensor<1x1x7xf32>
  %r9:1 = call @averagepool_1d_dilations_same_upper(%c9_0) : (tensor<1x1x7xf32>) -> (tensor<1x1x7xf32>)
  %u9_0 = tensor.cast %r9#0 : tensor<1x1x7xf32> to tensor<*xf32>
  call @printMemrefF32(%u9_0) : (tensor<*xf32>) -> ()
  %c10_0 = arith.constant dense<[[[[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0], [9.0, 10.0, 11.0, 12.0], [13.0, 14.0, 15.0, 16.0]]]]> : tensor<1x1x4x4xf16>
  %r10:1 = call @averagepool_2d_f16(%c10_0) : (tensor<1x1x4x4xf16>) -> (tensor<1x1x2x2xf16>)
  %e10_0 = arith.extf %r10#0 : tensor<1x1x2x2xf16> to tensor<1x1x2x2xf32>
  %u10_0 = tensor.cast %e10_0 : tensor<1x1x2x2xf32> to tensor<*xf32>
  call @printMemrefF32(%u10_0) : (tensor<*xf32>) -> ()
  %c11_0 = arith.constant dense<[[[[-2.0, -1.0], [0.0, 1.0]], [[2.0, 3.0], [4.0, -2.0]], [[-1.0, 0.0], [1.0, 2.0]]], [[[3.0, 4.0], [-2.0, -1.0]], [[0.0, 1.0], [2.0, 3.0]], [[4.0, -2.0], [-1.0, 0.0]]]]> : tensor<2x3x2x2xf32>
  %r11:1 = call @globalaveragepool(%c11_0) : (tensor<2x3x2x2xf32>) -> (tensor<2x3x1x1xf32>)
  %u11_0 = tensor.cast %r11#0 : tensor<2x3x1x1xf32> to tensor<*xf32>
  call @printMemrefF32(%u11_0) : (tensor<*xf32>) -> ()
  %c12_0 = arith.constant dense<[[[[-2.0, -1.0], [0.0, 1.0]], [[2.0, 3.0], [4.0, -2.0]], [[-1.0, 0.0], [1.0, 2.0]]], [[[3.0, 4.0], [-2.0, -1.0]], [[0.0, 1.0], [2.0, 3.0]], [[4.0, -2.0], [-1.0, 0.0]]]]> : tensor<2x3x2x2xf32>
  %r12:1 = call @globalmaxpool(%c12_0) : (tensor<2x3x2x2xf32>) -> (tensor<2x3x1x1xf32>)
  %u12_0 = tensor.cast %r12#0 : tensor<2x3x1x1xf32> to tensor<*xf32>
  call @printMemrefF32(%u12_0) : (tensor<*xf32>) -> ()
  return
}
func.func private @printMemrefF32(tensor<*xf32>)
func.func private @printMemrefI32(tensor<*xi32>)
