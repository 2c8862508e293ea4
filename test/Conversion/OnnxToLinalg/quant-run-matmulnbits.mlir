// RUN: quench-opt %s --convert-onnx-to-linalg | %run_reference | FileCheck %s
//
// com.microsoft MatMulNBits: Y = A * dequantize(B)^T + bias, with B's codes
// packed LSB-first per block.
// Expected values were computed with numpy from the operator's definition
// (and, where a case names one, agree with that ONNX backend node test).

// q4_zp: 4-bit, packed uint8 zero points (one nibble per block), A [2, K].
// CHECK: sizes = [2, 3] strides = {{.*}} data =
// CHECK-NEXT: {{\[\[}}-2.5, -107.5, -11.75],
// CHECK-NEXT: [-37.5, 36, -21]]

// q4_default_zp: 4-bit without zero points (8 is implied), rank-3 A.
// CHECK: sizes = [1, 2, 2] strides = {{.*}} data =
// CHECK-NEXT: {{\[\[\[}}-70.75, -5],
// CHECK-NEXT: [25.75, 41]]]

// q3_padded: 3-bit codes straddle bytes; K = 20 is not a multiple of the block size 16, so the last block is padded (padding codes are 7 and must not count); packed 3-bit zero points.
// CHECK: sizes = [2, 2] strides = {{.*}} data =
// CHECK-NEXT: {{\[\[}}-51, -7],
// CHECK-NEXT: [46, 5.5]]

// q4_gidx_bias: 4-bit with g_idx (act-order groups), float zero points and a bias.
// CHECK: sizes = [2, 2] strides = {{.*}} data =
// CHECK-NEXT: {{\[\[}}-30.25, -11.0625],
// CHECK-NEXT: [-33.25, 20.5625]]

// q2_vector: 2-bit without zero points (2 is implied), rank-1 A.
// CHECK: sizes = [2] strides = {{.*}} data =
// CHECK-NEXT: [3, 2]

// q5_bias: 5-bit, K = 40 padded to 48, packed 5-bit zero points, bias.
// CHECK: sizes = [1, 2] strides = {{.*}} data =
// CHECK-NEXT: {{\[\[}}39.25, 366]]

// q8_zp: 8-bit, block size 32, packed (= plain) uint8 zero points.
// CHECK: sizes = [1, 2] strides = {{.*}} data =
// CHECK-NEXT: {{\[\[}}-106.5, 539]]

func.func @main() {
  %none = onnx.none
  // q4_zp: 4-bit, packed uint8 zero points (one nibble per block), A [2, K].
  %q4_zp_a = arith.constant dense<[[0.5, -0.5, -1.0, -1.0, -0.5, 1.0, -0.5, -0.5, 0.5, 1.5, -0.5, 0.5, 0.0, 0.5, 0.0, 0.5, 0.0, 0.5, 1.5, -1.0, 0.0, 0.0, -0.5, -1.0, -1.5, -0.5, 1.0, -1.5, -0.5, 1.5, 1.5, -1.0], [-1.5, 0.5, -1.5, -0.5, 0.0, 1.5, -1.5, 0.5, 0.0, -1.5, 1.0, 1.0, 0.0, 1.5, 0.5, 1.5, 1.5, 0.0, -1.0, -1.0, 0.0, -1.0, 1.0, 1.5, -1.0, 0.0, -1.5, -1.0, -0.5, 1.5, 1.5, 0.5]]> : tensor<2x32xf32>
  %q4_zp_b = arith.constant dense<[[[175, 234, 201, 61, 64, 212, 14, 215], [194, 113, 77, 69, 75, 127, 135, 137]], [[248, 204, 155, 245, 55, 45, 157, 1], [7, 130, 127, 236, 173, 135, 116, 54]], [[15, 49, 191, 62, 91, 7, 217, 42], [72, 239, 130, 223, 171, 176, 23, 131]]]> : tensor<3x2x8xui8>
  %q4_zp_s = arith.constant dense<[1.0, 1.0, 1.0, 2.0, 1.0, 0.5]> : tensor<6xf32>
  %q4_zp_z = arith.constant dense<[154, 1, 106]> : tensor<3xui8>
  %q4_zp = onnx.node "MatMulNBits"(%q4_zp_a, %q4_zp_b, %q4_zp_s, %q4_zp_z) {domain = "com.microsoft", opset = 1 : i64, name = "q4_zp", attrs = {K = 32 : i64, N = 3 : i64, bits = 4 : i64, block_size = 16 : i64, accuracy_level = 4 : i64}} : (tensor<2x32xf32>, tensor<3x2x8xui8>, tensor<6xf32>, tensor<3xui8>) -> tensor<2x3xf32>
  %q4_zp_u = tensor.cast %q4_zp : tensor<2x3xf32> to tensor<*xf32>
  call @printMemrefF32(%q4_zp_u) : (tensor<*xf32>) -> ()
  // q4_default_zp: 4-bit without zero points (8 is implied), rank-3 A.
  %q4_default_zp_a = arith.constant dense<[[[1.5, -1.5, 1.5, 0.5, 0.0, 1.0, 1.5, 0.0, -1.5, 1.0, -1.0, -1.0, -1.0, -1.0, 1.5, -0.5, -1.5, -1.0, -0.5, -0.5, -0.5, 1.5, 1.5, 0.5, 1.5, -0.5, -1.5, -1.0, -1.5, 1.5, -1.0, 0.0], [-1.0, 1.5, -1.0, 0.0, 1.5, 0.0, 1.5, 1.5, 1.0, 1.0, 0.5, 0.5, 1.0, -0.5, 1.5, 1.5, -0.5, -0.5, 1.0, 1.5, -1.5, -1.5, -1.0, 0.0, -1.0, 0.0, 0.0, 1.5, 1.0, -1.0, 1.0, 1.0]]]> : tensor<1x2x32xf32>
  %q4_default_zp_b = arith.constant dense<[[[153, 96, 111, 51, 11, 239, 121, 140], [87, 199, 0, 91, 12, 30, 246, 161]], [[107, 129, 214, 90, 144, 164, 93, 142], [200, 236, 47, 230, 4, 201, 203, 42]]]> : tensor<2x2x8xui8>
  %q4_default_zp_s = arith.constant dense<[2.0, 0.5, 2.0, 2.0]> : tensor<4xf32>
  %q4_default_zp = onnx.node "MatMulNBits"(%q4_default_zp_a, %q4_default_zp_b, %q4_default_zp_s) {domain = "com.microsoft", opset = 1 : i64, name = "q4_default_zp", attrs = {K = 32 : i64, N = 2 : i64, bits = 4 : i64, block_size = 16 : i64, accuracy_level = 4 : i64}} : (tensor<1x2x32xf32>, tensor<2x2x8xui8>, tensor<4xf32>) -> tensor<1x2x2xf32>
  %q4_default_zp_u = tensor.cast %q4_default_zp : tensor<1x2x2xf32> to tensor<*xf32>
  call @printMemrefF32(%q4_default_zp_u) : (tensor<*xf32>) -> ()
  // q3_padded: 3-bit codes straddle bytes; K = 20 is not a multiple of the block size 16, so the last block is padded (padding codes are 7 and must not count); packed 3-bit zero points.
  %q3_padded_a = arith.constant dense<[[-1.0, -1.0, 0.5, -1.0, 1.5, -1.0, 1.5, 0.0, -1.0, -1.5, -0.5, 0.5, -1.5, -1.0, -1.5, 0.5, -1.5, -1.5, 0.0, -0.5], [0.0, 1.5, 1.5, 0.0, 0.5, 1.0, 0.0, 0.5, -1.0, 0.5, -1.0, -1.0, 1.0, 0.5, -0.5, -1.5, -1.0, 1.0, 0.0, 1.5]]> : tensor<2x20xf32>
  %q3_padded_b = arith.constant dense<[[[173, 154, 254, 18, 215, 4], [139, 254, 255, 255, 255, 255]], [[83, 238, 165, 43, 82, 116], [112, 253, 255, 255, 255, 255]]]> : tensor<2x2x6xui8>
  %q3_padded_s = arith.constant dense<[2.0, 2.0, 0.5, 0.25]> : tensor<4xf32>
  %q3_padded_z = arith.constant dense<[1, 3]> : tensor<2xui8>
  %q3_padded = onnx.node "MatMulNBits"(%q3_padded_a, %q3_padded_b, %q3_padded_s, %q3_padded_z) {domain = "com.microsoft", opset = 1 : i64, name = "q3_padded", attrs = {K = 20 : i64, N = 2 : i64, bits = 3 : i64, block_size = 16 : i64, accuracy_level = 4 : i64}} : (tensor<2x20xf32>, tensor<2x2x6xui8>, tensor<4xf32>, tensor<2xui8>) -> tensor<2x2xf32>
  %q3_padded_u = tensor.cast %q3_padded : tensor<2x2xf32> to tensor<*xf32>
  call @printMemrefF32(%q3_padded_u) : (tensor<*xf32>) -> ()
  // q4_gidx_bias: 4-bit with g_idx (act-order groups), float zero points and a bias.
  %q4_gidx_bias_a = arith.constant dense<[[-1.0, -1.5, -1.0, 1.0, 1.5, -1.5, 0.0, -1.5, 1.0, -1.5, 0.5, -1.5, 1.0, 1.5, 1.0, -1.0, 1.0, -0.5, 1.0, 1.0, 0.0, 0.5, 1.0, -1.0, -1.5, 0.0, -1.0, 1.5, 1.5, -0.5, -0.5, 0.5], [0.0, -1.5, 0.5, 1.0, -1.5, 1.0, 0.0, 1.0, 1.0, 0.5, -0.5, -0.5, 1.0, -1.5, -1.0, 0.0, 1.5, 1.0, 1.0, -1.0, -1.0, -1.0, 1.0, 0.0, -1.0, 1.0, 0.5, 1.5, 0.0, -1.5, 1.5, -1.0]]> : tensor<2x32xf32>
  %q4_gidx_bias_b = arith.constant dense<[[[222, 0, 89, 93, 18, 164, 194, 84], [218, 198, 36, 205, 236, 55, 153, 166]], [[148, 28, 167, 160, 222, 202, 85, 177], [213, 231, 34, 5, 167, 58, 146, 250]]]> : tensor<2x2x8xui8>
  %q4_gidx_bias_s = arith.constant dense<[2.0, 0.5, 0.25, 0.5]> : tensor<4xf32>
  %q4_gidx_bias_z = arith.constant dense<[7.5, 1.0, 7.5, 3.0]> : tensor<4xf32>
  %q4_gidx_bias_g = arith.constant dense<[1, 0, 1, 0, 1, 0, 0, 1, 1, 1, 1, 0, 0, 0, 1, 1, 0, 0, 1, 0, 0, 0, 1, 0, 1, 0, 0, 1, 1, 1, 1, 0]> : tensor<32xi32>
  %q4_gidx_bias_bias = arith.constant dense<[-1.0, 10.0]> : tensor<2xf32>
  %q4_gidx_bias = onnx.node "MatMulNBits"(%q4_gidx_bias_a, %q4_gidx_bias_b, %q4_gidx_bias_s, %q4_gidx_bias_z, %q4_gidx_bias_g, %q4_gidx_bias_bias) {domain = "com.microsoft", opset = 1 : i64, name = "q4_gidx_bias", attrs = {K = 32 : i64, N = 2 : i64, bits = 4 : i64, block_size = 16 : i64, accuracy_level = 4 : i64}} : (tensor<2x32xf32>, tensor<2x2x8xui8>, tensor<4xf32>, tensor<4xf32>, tensor<32xi32>, tensor<2xf32>) -> tensor<2x2xf32>
  %q4_gidx_bias_u = tensor.cast %q4_gidx_bias : tensor<2x2xf32> to tensor<*xf32>
  call @printMemrefF32(%q4_gidx_bias_u) : (tensor<*xf32>) -> ()
  // q2_vector: 2-bit without zero points (2 is implied), rank-1 A.
  %q2_vector_a = arith.constant dense<[0.0, 0.0, -1.5, -0.5, 1.5, 0.0, -1.5, 1.0, 1.0, -0.5, -1.5, 1.0, -1.0, 1.5, -0.5, -0.5]> : tensor<16xf32>
  %q2_vector_b = arith.constant dense<[[[137, 237, 207, 150]], [[240, 158, 68, 21]]]> : tensor<2x1x4xui8>
  %q2_vector_s = arith.constant dense<[0.5, 2.0]> : tensor<2xf32>
  %q2_vector = onnx.node "MatMulNBits"(%q2_vector_a, %q2_vector_b, %q2_vector_s) {domain = "com.microsoft", opset = 1 : i64, name = "q2_vector", attrs = {K = 16 : i64, N = 2 : i64, bits = 2 : i64, block_size = 16 : i64, accuracy_level = 4 : i64}} : (tensor<16xf32>, tensor<2x1x4xui8>, tensor<2xf32>) -> tensor<2xf32>
  %q2_vector_u = tensor.cast %q2_vector : tensor<2xf32> to tensor<*xf32>
  call @printMemrefF32(%q2_vector_u) : (tensor<*xf32>) -> ()
  // q5_bias: 5-bit, K = 40 padded to 48, packed 5-bit zero points, bias.
  %q5_bias_a = arith.constant dense<[[0.0, 1.5, 1.5, 1.5, -1.0, -1.0, 0.5, 1.5, 1.0, -1.0, 1.0, 0.0, 0.0, 0.0, 0.0, 1.5, 1.0, -1.5, 1.0, -0.5, -0.5, 0.5, 1.5, -1.5, 0.0, -1.0, 1.5, 0.0, 1.0, 1.5, -1.5, 1.0, 1.0, 1.0, 1.5, 1.0, 1.0, 0.5, -0.5, 1.0]]> : tensor<1x40xf32>
  %q5_bias_b = arith.constant dense<[[[153, 0, 220, 63, 33, 202, 118, 189, 58, 26], [77, 212, 63, 70, 41, 81, 122, 215, 241, 54], [174, 99, 179, 49, 17, 255, 255, 255, 255, 255]], [[238, 30, 119, 131, 255, 137, 163, 94, 79, 96], [247, 192, 209, 194, 135, 122, 148, 34, 247, 124], [190, 148, 186, 17, 130, 255, 255, 255, 255, 255]]]> : tensor<2x3x10xui8>
  %q5_bias_s = arith.constant dense<[2.0, 0.5, 2.0, 2.0, 0.25, 2.0]> : tensor<6xf32>
  %q5_bias_z = arith.constant dense<[172, 32, 68, 13]> : tensor<4xui8>
  %q5_bias_bias = arith.constant dense<[10.0, 10.0]> : tensor<2xf32>
  %q5_bias = onnx.node "MatMulNBits"(%q5_bias_a, %q5_bias_b, %q5_bias_s, %q5_bias_z, %none, %q5_bias_bias) {domain = "com.microsoft", opset = 1 : i64, name = "q5_bias", attrs = {K = 40 : i64, N = 2 : i64, bits = 5 : i64, block_size = 16 : i64, accuracy_level = 4 : i64}} : (tensor<1x40xf32>, tensor<2x3x10xui8>, tensor<6xf32>, tensor<4xui8>, none, tensor<2xf32>) -> tensor<1x2xf32>
  %q5_bias_u = tensor.cast %q5_bias : tensor<1x2xf32> to tensor<*xf32>
  call @printMemrefF32(%q5_bias_u) : (tensor<*xf32>) -> ()
  // q8_zp: 8-bit, block size 32, packed (= plain) uint8 zero points.
  %q8_zp_a = arith.constant dense<[[0.0, -0.5, -1.5, 1.0, 0.0, 0.0, 1.5, 1.0, 1.5, -1.5, 1.5, 0.0, -0.5, 0.0, -1.5, 1.5, 0.5, -1.5, 1.5, 0.0, -1.5, 0.5, -1.5, 0.0, 1.0, -1.5, 1.0, 0.5, -0.5, -1.0, -1.5, -1.0]]> : tensor<1x32xf32>
  %q8_zp_b = arith.constant dense<[[[249, 188, 86, 77, 83, 42, 20, 193, 200, 42, 100, 235, 214, 152, 248, 84, 216, 239, 151, 39, 75, 131, 71, 23, 43, 247, 97, 147, 112, 205, 25, 72]], [[149, 205, 118, 179, 205, 164, 209, 243, 55, 110, 57, 106, 0, 177, 60, 213, 184, 85, 116, 171, 106, 53, 11, 141, 136, 196, 33, 16, 188, 186, 204, 3]]]> : tensor<2x1x32xui8>
  %q8_zp_s = arith.constant dense<[1.0, 2.0]> : tensor<2xf32>
  %q8_zp_z = arith.constant dense<[195, 119]> : tensor<2xui8>
  %q8_zp = onnx.node "MatMulNBits"(%q8_zp_a, %q8_zp_b, %q8_zp_s, %q8_zp_z) {domain = "com.microsoft", opset = 1 : i64, name = "q8_zp", attrs = {K = 32 : i64, N = 2 : i64, bits = 8 : i64, block_size = 32 : i64, accuracy_level = 4 : i64}} : (tensor<1x32xf32>, tensor<2x1x32xui8>, tensor<2xf32>, tensor<2xui8>) -> tensor<1x2xf32>
  %q8_zp_u = tensor.cast %q8_zp : tensor<1x2xf32> to tensor<*xf32>
  call @printMemrefF32(%q8_zp_u) : (tensor<*xf32>) -> ()
  return
}
func.func private @printMemrefF32(tensor<*xf32>)
