// RUN: quench-opt %s --convert-onnx-to-linalg | %run_reference | FileCheck %s

// Conv against a direct numpy loop over the ONNX definition.

// CHECK: rank = 3 offset = 0 sizes = [1, 1, 3]
// CHECK-NEXT: [-2, -2, -2]
func.func @conv_1d(%x0: tensor<1x1x5xf32>, %x1: tensor<1x1x3xf32>) -> (tensor<1x1x3xf32>) {
  %y = onnx.node "Conv"(%x0, %x1) {domain = "", opset = 11 : i64, name = "conv_1d", attrs = {}} : (tensor<1x1x5xf32>, tensor<1x1x3xf32>) -> tensor<1x1x3xf32>
  return %y : tensor<1x1x3xf32>
}

// CHECK: rank = 4 offset = 0 sizes = [1, 1, 5, 5]
// CHECK-NEXT: [12, 21, 27, 33, 24]
// CHECK-NEXT: [33, 54, 63, 72, 51]
// CHECK-NEXT: [63, 99, 108, 117, 81]
// CHECK-NEXT: [93, 144, 153, 162, 111]
// CHECK-NEXT: [72, 111, 117, 123, 84]
func.func @conv_2d_pads(%x0: tensor<1x1x5x5xf32>, %x1: tensor<1x1x3x3xf32>) -> (tensor<1x1x5x5xf32>) {
  %y = onnx.node "Conv"(%x0, %x1) {domain = "", opset = 11 : i64, name = "conv_2d_pads", attrs = {pads = array<i64: 1, 1, 1, 1>}} : (tensor<1x1x5x5xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x5x5xf32>
  return %y : tensor<1x1x5x5xf32>
}

// CHECK: rank = 4 offset = 0 sizes = [1, 1, 3, 2]
// CHECK-NEXT: [21, 33]
// CHECK-NEXT: [99, 117]
// CHECK-NEXT: [111, 123]
func.func @conv_2d_strides_asymmetric_pads(%x0: tensor<1x1x5x5xf32>, %x1: tensor<1x1x3x3xf32>) -> (tensor<1x1x3x2xf32>) {
  %y = onnx.node "Conv"(%x0, %x1) {domain = "", opset = 11 : i64, name = "conv_2d_strides_asymmetric_pads", attrs = {strides = array<i64: 2, 2>, pads = array<i64: 1, 0, 1, 0>, kernel_shape = array<i64: 3, 3>}} : (tensor<1x1x5x5xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x3x2xf32>
  return %y : tensor<1x1x3x2xf32>
}

// CHECK: rank = 4 offset = 0 sizes = [1, 1, 3, 3]
// CHECK-NEXT: [12, 20, 13]
// CHECK-NEXT: [52, 60, 33]
// CHECK-NEXT: [41, 45, 24]
func.func @conv_2d_same_upper_stride_2(%x0: tensor<1x1x5x5xf32>, %x1: tensor<1x1x2x2xf32>) -> (tensor<1x1x3x3xf32>) {
  %y = onnx.node "Conv"(%x0, %x1) {domain = "", opset = 11 : i64, name = "conv_2d_same_upper_stride_2", attrs = {strides = array<i64: 2, 2>, auto_pad = "SAME_UPPER"}} : (tensor<1x1x5x5xf32>, tensor<1x1x2x2xf32>) -> tensor<1x1x3x3xf32>
  return %y : tensor<1x1x3x3xf32>
}

// CHECK: rank = 4 offset = 0 sizes = [1, 1, 3, 3]
// CHECK-NEXT: [0, 3, 7]
// CHECK-NEXT: [15, 36, 44]
// CHECK-NEXT: [35, 76, 84]
func.func @conv_2d_same_lower_stride_2(%x0: tensor<1x1x5x5xf32>, %x1: tensor<1x1x2x2xf32>) -> (tensor<1x1x3x3xf32>) {
  %y = onnx.node "Conv"(%x0, %x1) {domain = "", opset = 11 : i64, name = "conv_2d_same_lower_stride_2", attrs = {strides = array<i64: 2, 2>, auto_pad = "SAME_LOWER"}} : (tensor<1x1x5x5xf32>, tensor<1x1x2x2xf32>) -> tensor<1x1x3x3xf32>
  return %y : tensor<1x1x3x3xf32>
}

// CHECK: rank = 4 offset = 0 sizes = [1, 1, 3, 3]
// CHECK-NEXT: [24, 28, 32]
// CHECK-NEXT: [44, 48, 52]
// CHECK-NEXT: [64, 68, 72]
func.func @conv_2d_valid_dilations(%x0: tensor<1x1x5x5xf32>, %x1: tensor<1x1x2x2xf32>) -> (tensor<1x1x3x3xf32>) {
  %y = onnx.node "Conv"(%x0, %x1) {domain = "", opset = 11 : i64, name = "conv_2d_valid_dilations", attrs = {dilations = array<i64: 2, 2>, auto_pad = "VALID"}} : (tensor<1x1x5x5xf32>, tensor<1x1x2x2xf32>) -> tensor<1x1x3x3xf32>
  return %y : tensor<1x1x3x3xf32>
}

// CHECK: rank = 4 offset = 0 sizes = [1, 4, 2, 2]
// CHECK-NEXT: [-3.5, -2.5]
// CHECK-NEXT: [-0.5, 0.5]
// CHECK-NEXT: [-5, -4.5]
// CHECK-NEXT: [-3.5, -3]
// CHECK-NEXT: [13, 14.5]
// CHECK-NEXT: [17.5, 19]
// CHECK-NEXT: [20, 23]
// CHECK-NEXT: [29, 32]
func.func @conv_2d_group_2_bias(%x0: tensor<1x4x2x3xf32>, %x1: tensor<4x2x1x2xf32>, %x2: tensor<4xf32>) -> (tensor<1x4x2x2xf32>) {
  %y = onnx.node "Conv"(%x0, %x1, %x2) {domain = "", opset = 11 : i64, name = "conv_2d_group_2_bias", attrs = {group = 2 : i64}} : (tensor<1x4x2x3xf32>, tensor<4x2x1x2xf32>, tensor<4xf32>) -> tensor<1x4x2x2xf32>
  return %y : tensor<1x4x2x2xf32>
}

// CHECK: rank = 3 offset = 0 sizes = [1, 2, 6]
// CHECK-NEXT: [1, 3, 5, 7, 9, 5]
// CHECK-NEXT: [-1, -1, -1, -1, -1, 11]
func.func @conv_1d_depthwise(%x0: tensor<1x2x6xf32>, %x1: tensor<2x1x2xf32>) -> (tensor<1x2x6xf32>) {
  %y = onnx.node "Conv"(%x0, %x1) {domain = "", opset = 1 : i64, name = "conv_1d_depthwise", attrs = {group = 2 : i64, pads = array<i64: 0, 1>}} : (tensor<1x2x6xf32>, tensor<2x1x2xf32>) -> tensor<1x2x6xf32>
  return %y : tensor<1x2x6xf32>
}

// CHECK: rank = 5 offset = 0 sizes = [1, 2, 2, 2, 2]
// CHECK-NEXT: [8, 12]
// CHECK-NEXT: [20, 24]
// CHECK-NEXT: [44, 48]
// CHECK-NEXT: [56, 60]
// CHECK-NEXT: [-8, -12]
// CHECK-NEXT: [-20, -24]
// CHECK-NEXT: [-44, -48]
// CHECK-NEXT: [-56, -60]
func.func @conv_3d(%x0: tensor<1x1x2x3x3xf32>, %x1: tensor<2x1x1x2x2xf32>) -> (tensor<1x2x2x2x2xf32>) {
  %y = onnx.node "Conv"(%x0, %x1) {domain = "", opset = 11 : i64, name = "conv_3d", attrs = {}} : (tensor<1x1x2x3x3xf32>, tensor<2x1x1x2x2xf32>) -> tensor<1x2x2x2x2xf32>
  return %y : tensor<1x2x2x2x2xf32>
}

// CHECK: rank = 3 offset = 0 sizes = [1, 1, 5]
// CHECK-NEXT: [{{4\.24609|4\.25|4\.25391}}, {{6\.99609|7|7\.00391}}, {{9\.74219|9\.75|9\.75781}}, {{12\.4922|12\.5|12\.5078}}, {{3\.24805|3\.25|3\.25195}}]
func.func @conv_1d_f16(%x0: tensor<1x1x5xf16>, %x1: tensor<1x1x3xf16>) -> (tensor<1x1x5xf16>) {
  %y = onnx.node "Conv"(%x0, %x1) {domain = "", opset = 11 : i64, name = "conv_1d_f16", attrs = {pads = array<i64: 1, 1>}} : (tensor<1x1x5xf16>, tensor<1x1x3xf16>) -> tensor<1x1x5xf16>
  return %y : tensor<1x1x5xf16>
}

func.func @main() {
  %c0_0 = arith.constant dense<[[[1.0, 2.0, 3.0, 4.0, 5.0]]]> : tensor<1x1x5xf32>
  %c0_1 = arith.constant dense<[[[1.0, 0.0, -1.0]]]> : tensor<1x1x3xf32>
  %r0:1 = call @conv_1d(%c0_0, %c0_1) : (tensor<1x1x5xf32>, tensor<1x1x3xf32>) -> (tensor<1x1x3xf32>)
  %u0_0 = tensor.cast %r0#0 : tensor<1x1x3xf32> to tensor<*xf32>
  call @printMemrefF32(%u0_0) : (tensor<*xf32>) -> ()
  %c1_0 = arith.constant dense<[[[[0.0, 1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0, 9.0], [10.0, 11.0, 12.0, 13.0, 14.0], [15.0, 16.0, 17.0, 18.0, 19.0], [20.0, 21.0, 22.0, 23.0, 24.0]]]]> : tensor<1x1x5x5xf32>
  %c1_1 = arith.constant dense<[[[[1.0, 1.0, 1.0], [1.0, 1.0, 1.0], [1.0, 1.0, 1.0]]]]> : tensor<1x1x3x3xf32>
  %r1:1 = call @conv_2d_pads(%c1_0, %c1_1) : (tensor<1x1x5x5xf32>, tensor<1x1x3x3xf32>) -> (tensor<1x1x5x5xf32>)
  %u1_0 = tensor.cast %r1#0 : tensor<1x1x5x5xf32> to tensor<*xf32>
  call @printMemrefF32(%u1_0) : (tensor<*xf32>) -> ()
  %c2_0 = arith.constant dense<[[[[0.0, 1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0, 9.0], [10.0, 11.0, 12.0, 13.0, 14.0], [15.0, 16.0, 17.0, 18.0, 19.0], [20.0, 21.0, 22.0, 23.0, 24.0]]]]> : tensor<1x1x5x5xf32>
  %c2_1 = arith.constant dense<[[[[1.0, 1.0, 1.0], [1.0, 1.0, 1.0], [1.0, 1.0, 1.0]]]]> : tensor<1x1x3x3xf32>
  %r2:1 = call @conv_2d_strides_asymmetric_pads(%c2_0, %c2_1) : (tensor<1x1x5x5xf32>, tensor<1x1x3x3xf32>) -> (tensor<1x1x3x2xf32>)
  %u2_0 = tensor.cast %r2#0 : tensor<1x1x3x2xf32> to tensor<*xf32>
  call @printMemrefF32(%u2_0) : (tensor<*xf32>) -> ()
  %c3_0 = arith.constant dense<[[[[0.0, 1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0, 9.0], [10.0, 11.0, 12.0, 13.0, 14.0], [15.0, 16.0, 17.0, 18.0, 19.0], [20.0, 21.0, 22.0, 23.0, 24.0]]]]> : tensor<1x1x5x5xf32>
  %c3_1 = arith.constant dense<[[[[1.0, 1.0], [1.0, 1.0]]]]> : tensor<1x1x2x2xf32>
  %r3:1 = call @conv_2d_same_upper_stride_2(%c3_0, %c3_1) : (tensor<1x1x5x5xf32>, tensor<1x1x2x2xf32>) -> (tensor<1x1x3x3xf32>)
  %u3_0 = tensor.cast %r3#0 : tensor<1x1x3x3xf32> to tensor<*xf32>
  call @printMemrefF32(%u3_0) : (tensor<*xf32>) -> ()
  %c4_0 = arith.constant dense<[[[[0.0, 1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0, 9.0], [10.0, 11.0, 12.0, 13.0, 14.0], [15.0, 16.0, 17.0, 18.0, 19.0], [20.0, 21.0, 22.0, 23.0, 24.0]]]]> : tensor<1x1x5x5xf32>
  %c4_1 = arith.constant dense<[[[[1.0, 1.0], [1.0, 1.0]]]]> : tensor<1x1x2x2xf32>
  %r4:1 = call @conv_2d_same_lower_stride_2(%c4_0, %c4_1) : (tensor<1x1x5x5xf32>, tensor<1x1x2x2xf32>) -> (tensor<1x1x3x3xf32>)
  %u4_0 = tensor.cast %r4#0 : tensor<1x1x3x3xf32> to tensor<*xf32>
  call @printMemrefF32(%u4_0) : (tensor<*xf32>) -> ()
  %c5_0 = arith.constant dense<[[[[0.0, 1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0, 9.0], [10.0, 11.0, 12.0, 13.0, 14.0], [15.0, 16.0, 17.0, 18.0, 19.0], [20.0, 21.0, 22.0, 23.0, 24.0]]]]> : tensor<1x1x5x5xf32>
  %c5_1 = arith.constant dense<[[[[1.0, 1.0], [1.0, 1.0]]]]> : tensor<1x1x2x2xf32>
  %r5:1 = call @conv_2d_valid_dilations(%c5_0, %c5_1) : (tensor<1x1x5x5xf32>, tensor<1x1x2x2xf32>) -> (tensor<1x1x3x3xf32>)
  %u5_0 = tensor.cast %r5#0 : tensor<1x1x3x3xf32> to tensor<*xf32>
  call @printMemrefF32(%u5_0) : (tensor<*xf32>) -> ()
  %c6_0 = arith.constant dense<[[[[-10.0, -9.0, -8.0], [-7.0, -6.0, -5.0]], [[-4.0, -3.0, -2.0], [-1.0, 0.0, 1.0]], [[2.0, 3.0, 4.0], [5.0, 6.0, 7.0]], [[8.0, 9.0, 10.0], [11.0, 12.0, 13.0]]]]> : tensor<1x4x2x3xf32>
  %c6_1 = arith.constant dense<[[[[0.5, -0.5]], [[1.0, 0.0]]], [[[0.5, 0.5]], [[-1.0, 0.5]]], [[[0.0, 0.5]], [[0.5, 0.5]]], [[[1.5, 0.0]], [[0.5, 1.0]]]]> : tensor<4x2x1x2xf32>
  %c6_2 = arith.constant dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
  %r6:1 = call @conv_2d_group_2_bias(%c6_0, %c6_1, %c6_2) : (tensor<1x4x2x3xf32>, tensor<4x2x1x2xf32>, tensor<4xf32>) -> (tensor<1x4x2x2xf32>)
  %u6_0 = tensor.cast %r6#0 : tensor<1x4x2x2xf32> to tensor<*xf32>
  call @printMemrefF32(%u6_0) : (tensor<*xf32>) -> ()
  %c7_0 = arith.constant dense<[[[0.0, 1.0, 2.0, 3.0, 4.0, 5.0], [6.0, 7.0, 8.0, 9.0, 10.0, 11.0]]]> : tensor<1x2x6xf32>
  %c7_1 = arith.constant dense<[[[1.0, 1.0]], [[1.0, -1.0]]]> : tensor<2x1x2xf32>
  %r7:1 = call @conv_1d_depthwise(%c7_0, %c7_1) : (tensor<1x2x6xf32>, tensor<2x1x2xf32>) -> (tensor<1x2x6xf32>)
  %u7_0 = tensor.cast %r7#0 : tensor<1x2x6xf32> to tensor<*xf32>
  call @printMemrefF32(%u7_0) : (tensor<*xf32>) -> ()
  %c8_0 = arith.constant dense<[[[[[0.0, 1.0, 2.0], [3.0, 4.0, 5.0], [6.0, 7.0, 8.0]], [[9.0, 10.0, 11.0], [12.0, 13.0, 14.0], [15.0, 16.0, 17.0]]]]]> : tensor<1x1x2x3x3xf32>
  %c8_1 = arith.constant dense<[[[[[1.0, 1.0], [1.0, 1.0]]]], [[[[-1.0, -1.0], [-1.0, -1.0]]]]]> : tensor<2x1x1x2x2xf32>
  %r8:1 = call @conv_3d(%c8_0, %c8_1) : (tensor<1x1x2x3x3xf32>, tensor<2x1x1x2x2xf32>) -> (tensor<1x2x2x2x2xf32>)
  %u8_0 = tensor.cast %r8#0 : tensor<1x2x2x2x2xf32> to tensor<*xf32>
  call @printMemrefF32(%u8_0) : (tensor<*xf32>) -> ()
  %c9_0 = arith.constant dense<[[[1.0, 2.0, 3.0, 4.0, 5.0]]]> : tensor<1x1x5xf16>
  %c9_1 = arith.constant dense<[[[0.5, 0.25, 2.0]]]> : tensor<1x1x3xf16>
  %r9:1 = call @conv_1d_f16(%c9_0, %c9_1) : (tensor<1x1x5xf16>, tensor<1x1x3xf16>) -> (tensor<1x1x5xf16>)
  %e9_0 = arith.extf %r9#0 : tensor<1x1x5xf16> to tensor<1x1x5xf32>
  %u9_0 = tensor.cast %e9_0 : tensor<1x1x5xf32> to tensor<*xf32>
  call @printMemrefF32(%u9_0) : (tensor<*xf32>) -> ()
  return
}
func.func private @printMemrefF32(tensor<*xf32>)
func.func private @printMemrefI32(tensor<*xi32>)
