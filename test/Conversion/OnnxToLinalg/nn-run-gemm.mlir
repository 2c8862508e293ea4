// RUN: quench-opt %s --convert-onnx-to-linalg | %run_reference | FileCheck %s

// MatMul and Gemm against numpy.

// CHECK: rank = 2 offset = 0 sizes = [2, 2]
// CHECK-NEXT: [-1, 8]
// CHECK-NEXT: [0.5, 17]
func.func @matmul_2d(%x0: tensor<2x3xf32>, %x1: tensor<3x2xf32>) -> (tensor<2x2xf32>) {
  %y = onnx.node "MatMul"(%x0, %x1) {domain = "", opset = 13 : i64, name = "matmul_2d", attrs = {}} : (tensor<2x3xf32>, tensor<3x2xf32>) -> tensor<2x2xf32>
  return %y : tensor<2x2xf32>
}

// CHECK: rank = 1 offset = 0 sizes = [2]
// CHECK-NEXT: [-1.5, 3]
func.func @matmul_vector_matrix(%x0: tensor<3xf32>, %x1: tensor<3x2xf32>) -> (tensor<2xf32>) {
  %y = onnx.node "MatMul"(%x0, %x1) {domain = "", opset = 13 : i64, name = "matmul_vector_matrix", attrs = {}} : (tensor<3xf32>, tensor<3x2xf32>) -> tensor<2xf32>
  return %y : tensor<2xf32>
}

// CHECK: rank = 1 offset = 0 sizes = [2]
// CHECK-NEXT: [5, 11]
func.func @matmul_matrix_vector(%x0: tensor<2x3xf32>, %x1: tensor<3xf32>) -> (tensor<2xf32>) {
  %y = onnx.node "MatMul"(%x0, %x1) {domain = "", opset = 13 : i64, name = "matmul_matrix_vector", attrs = {}} : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2xf32>
  return %y : tensor<2xf32>
}

// CHECK: rank = 3 offset = 0 sizes = [2, 2, 2]
// CHECK-NEXT: [-1, 8]
// CHECK-NEXT: [0.5, 17]
// CHECK-NEXT: [-2, 16]
// CHECK-NEXT: [1, 34]
func.func @matmul_batch_broadcast(%x0: tensor<2x2x3xf32>, %x1: tensor<3x2xf32>) -> (tensor<2x2x2xf32>) {
  %y = onnx.node "MatMul"(%x0, %x1) {domain = "", opset = 13 : i64, name = "matmul_batch_broadcast", attrs = {}} : (tensor<2x2x3xf32>, tensor<3x2xf32>) -> tensor<2x2x2xf32>
  return %y : tensor<2x2x2xf32>
}

// CHECK: rank = 2 offset = 0 sizes = [2, 2]
// CHECK-NEXT: [{{0\.599609|0\.600098|0\.600586}}, {{0\.599609|0\.600098|0\.600586}}]
// CHECK-NEXT: [{{0\.999512|1|1\.00098}}, {{0\.999512|1|1\.00098}}]
func.func @matmul_f16_accumulates_in_f32(%x0: tensor<2x3xf16>, %x1: tensor<3x2xf16>) -> (tensor<2x2xf16>) {
  %y = onnx.node "MatMul"(%x0, %x1) {domain = "", opset = 13 : i64, name = "matmul_f16_accumulates_in_f32", attrs = {}} : (tensor<2x3xf16>, tensor<3x2xf16>) -> tensor<2x2xf16>
  return %y : tensor<2x2xf16>
}

// CHECK: rank = 2 offset = 0 sizes = [3, 3]
// CHECK-NEXT: [15, 22, 29]
// CHECK-NEXT: [21, 24, 27]
// CHECK-NEXT: [27, 26, 25]
func.func @gemm_default_vector_bias(%x0: tensor<3x2xf32>, %x1: tensor<2x3xf32>, %x2: tensor<3xf32>) -> (tensor<3x3xf32>) {
  %y = onnx.node "Gemm"(%x0, %x1, %x2) {domain = "", opset = 13 : i64, name = "gemm_default_vector_bias", attrs = {}} : (tensor<3x2xf32>, tensor<2x3xf32>, tensor<3xf32>) -> tensor<3x3xf32>
  return %y : tensor<3x3xf32>
}

// CHECK: rank = 2 offset = 0 sizes = [3, 3]
// CHECK-NEXT: [4.5, 3, 1.5]
// CHECK-NEXT: [9.5, 6, 2.5]
// CHECK-NEXT: [14.5, 9, 3.5]
func.func @gemm_all_attributes(%x0: tensor<2x3xf32>, %x1: tensor<3x2xf32>, %x2: tensor<3x1xf32>) -> (tensor<3x3xf32>) {
  %y = onnx.node "Gemm"(%x0, %x1, %x2) {domain = "", opset = 13 : i64, name = "gemm_all_attributes", attrs = {alpha = 0.5 : f32, beta = 2.0 : f32, transA = 1 : i64, transB = 1 : i64}} : (tensor<2x3xf32>, tensor<3x2xf32>, tensor<3x1xf32>) -> tensor<3x3xf32>
  return %y : tensor<3x3xf32>
}

// CHECK: rank = 2 offset = 0 sizes = [3, 3]
// CHECK-NEXT: [10, 4, -2]
// CHECK-NEXT: [22, 8, -6]
// CHECK-NEXT: [34, 12, -10]
func.func @gemm_11_no_c(%x0: tensor<3x2xf32>, %x1: tensor<2x3xf32>) -> (tensor<3x3xf32>) {
  %none = onnx.none
  %y = onnx.node "Gemm"(%x0, %x1, %none) {domain = "", opset = 11 : i64, name = "gemm_11_no_c", attrs = {alpha = 2.0 : f32}} : (tensor<3x2xf32>, tensor<2x3xf32>, none) -> tensor<3x3xf32>
  return %y : tensor<3x3xf32>
}

// CHECK: rank = 2 offset = 0 sizes = [3, 3]
// CHECK-NEXT: [6, 3, 0]
// CHECK-NEXT: [12, 5, -2]
// CHECK-NEXT: [18, 7, -4]
func.func @gemm_6_broadcast_attribute(%x0: tensor<3x2xf32>, %x1: tensor<2x3xf32>, %x2: tensor<1xf32>) -> (tensor<3x3xf32>) {
  %y = onnx.node "Gemm"(%x0, %x1, %x2) {domain = "", opset = 6 : i64, name = "gemm_6_broadcast_attribute", attrs = {broadcast = 1 : i64}} : (tensor<3x2xf32>, tensor<2x3xf32>, tensor<1xf32>) -> tensor<3x3xf32>
  return %y : tensor<3x3xf32>
}

// CHECK: rank = 2 offset = 0 sizes = [2, 2]
// CHECK-NEXT: [20, -11]
// CHECK-NEXT: [44, -15]
func.func @gemm_int32(%x0: tensor<2x2xi32>, %x1: tensor<2x2xi32>, %x2: tensor<2xi32>) -> (tensor<2x2xi32>) {
  %y = onnx.node "Gemm"(%x0, %x1, %x2) {domain = "", opset = 13 : i64, name = "gemm_int32", attrs = {}} : (tensor<2x2xi32>, tensor<2x2xi32>, tensor<2xi32>) -> tensor<2x2xi32>
  return %y : tensor<2x2xi32>
}

// CHECK: rank = 2 offset = 0 sizes = [2, 2]
// CHECK-NEXT: [12, -8]
// CHECK-NEXT: [24, -10]
func.func @gemm_int32_scaled(%x0: tensor<2x2xi32>, %x1: tensor<2x2xi32>, %x2: tensor<2xi32>) -> (tensor<2x2xi32>) {
  %y = onnx.node "Gemm"(%x0, %x1, %x2) {domain = "", opset = 13 : i64, name = "gemm_int32_scaled", attrs = {alpha = 0.5 : f32, beta = 3.0 : f32}} : (tensor<2x2xi32>, tensor<2x2xi32>, tensor<2xi32>) -> tensor<2x2xi32>
  return %y : tensor<2x2xi32>
}

func.func @main() {
  %c0_0 = arith.constant dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]> : tensor<2x3xf32>
  %c0_1 = arith.constant dense<[[1.0, 0.0], [0.5, 1.0], [-1.0, 2.0]]> : tensor<3x2xf32>
  %r0:1 = call @matmul_2d(%c0_0, %c0_1) : (tensor<2x3xf32>, tensor<3x2xf32>) -> (tensor<2x2xf32>)
  %u0_0 = tensor.cast %r0#0 : tensor<2x2xf32> to tensor<*xf32>
  call @printMemrefF32(%u0_0) : (tensor<*xf32>) -> ()
  %c1_0 = arith.constant dense<[1.0, -1.0, 2.0]> : tensor<3xf32>
  %c1_1 = arith.constant dense<[[1.0, 0.0], [0.5, 1.0], [-1.0, 2.0]]> : tensor<3x2xf32>
  %r1:1 = call @matmul_vector_matrix(%c1_0, %c1_1) : (tensor<3xf32>, tensor<3x2xf32>) -> (tensor<2xf32>)
  %u1_0 = tensor.cast %r1#0 : tensor<2xf32> to tensor<*xf32>
  call @printMemrefF32(%u1_0) : (tensor<*xf32>) -> ()
  %c2_0 = arith.constant dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]> : tensor<2x3xf32>
  %c2_1 = arith.constant dense<[1.0, -1.0, 2.0]> : tensor<3xf32>
  %r2:1 = call @matmul_matrix_vector(%c2_0, %c2_1) : (tensor<2x3xf32>, tensor<3xf32>) -> (tensor<2xf32>)
  %u2_0 = tensor.cast %r2#0 : tensor<2xf32> to tensor<*xf32>
  call @printMemrefF32(%u2_0) : (tensor<*xf32>) -> ()
  %c3_0 = arith.constant dense<[[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], [[2.0, 4.0, 6.0], [8.0, 10.0, 12.0]]]> : tensor<2x2x3xf32>
  %c3_1 = arith.constant dense<[[1.0, 0.0], [0.5, 1.0], [-1.0, 2.0]]> : tensor<3x2xf32>
  %r3:1 = call @matmul_batch_broadcast(%c3_0, %c3_1) : (tensor<2x2x3xf32>, tensor<3x2xf32>) -> (tensor<2x2x2xf32>)
  %u3_0 = tensor.cast %r3#0 : tensor<2x2x2xf32> to tensor<*xf32>
  call @printMemrefF32(%u3_0) : (tensor<*xf32>) -> ()
  %c4_0 = arith.constant dense<[[0.0999755859375, 0.199951171875, 0.300048828125], [1000.0, 1.0, -1000.0]]> : tensor<2x3xf16>
  %c4_1 = arith.constant dense<[[1.0, 1.0], [1.0, 1.0], [1.0, 1.0]]> : tensor<3x2xf16>
  %r4:1 = call @matmul_f16_accumulates_in_f32(%c4_0, %c4_1) : (tensor<2x3xf16>, tensor<3x2xf16>) -> (tensor<2x2xf16>)
  %e4_0 = arith.extf %r4#0 : tensor<2x2xf16> to tensor<2x2xf32>
  %u4_0 = tensor.cast %e4_0 : tensor<2x2xf32> to tensor<*xf32>
  call @printMemrefF32(%u4_0) : (tensor<*xf32>) -> ()
  %c5_0 = arith.constant dense<[[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]> : tensor<3x2xf32>
  %c5_1 = arith.constant dense<[[1.0, 0.0, -1.0], [2.0, 1.0, 0.0]]> : tensor<2x3xf32>
  %c5_2 = arith.constant dense<[10.0, 20.0, 30.0]> : tensor<3xf32>
  %r5:1 = call @gemm_default_vector_bias(%c5_0, %c5_1, %c5_2) : (tensor<3x2xf32>, tensor<2x3xf32>, tensor<3xf32>) -> (tensor<3x3xf32>)
  %u5_0 = tensor.cast %r5#0 : tensor<3x3xf32> to tensor<*xf32>
  call @printMemrefF32(%u5_0) : (tensor<*xf32>) -> ()
  %c6_0 = arith.constant dense<[[1.0, 3.0, 5.0], [2.0, 4.0, 6.0]]> : tensor<2x3xf32>
  %c6_1 = arith.constant dense<[[1.0, 2.0], [0.0, 1.0], [-1.0, 0.0]]> : tensor<3x2xf32>
  %c6_2 = arith.constant dense<[[1.0], [2.0], [3.0]]> : tensor<3x1xf32>
  %r6:1 = call @gemm_all_attributes(%c6_0, %c6_1, %c6_2) : (tensor<2x3xf32>, tensor<3x2xf32>, tensor<3x1xf32>) -> (tensor<3x3xf32>)
  %u6_0 = tensor.cast %r6#0 : tensor<3x3xf32> to tensor<*xf32>
  call @printMemrefF32(%u6_0) : (tensor<*xf32>) -> ()
  %c7_0 = arith.constant dense<[[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]> : tensor<3x2xf32>
  %c7_1 = arith.constant dense<[[1.0, 0.0, -1.0], [2.0, 1.0, 0.0]]> : tensor<2x3xf32>
  %r7:1 = call @gemm_11_no_c(%c7_0, %c7_1) : (tensor<3x2xf32>, tensor<2x3xf32>) -> (tensor<3x3xf32>)
  %u7_0 = tensor.cast %r7#0 : tensor<3x3xf32> to tensor<*xf32>
  call @printMemrefF32(%u7_0) : (tensor<*xf32>) -> ()
  %c8_0 = arith.constant dense<[[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]> : tensor<3x2xf32>
  %c8_1 = arith.constant dense<[[1.0, 0.0, -1.0], [2.0, 1.0, 0.0]]> : tensor<2x3xf32>
  %c8_2 = arith.constant dense<[1.0]> : tensor<1xf32>
  %r8:1 = call @gemm_6_broadcast_attribute(%c8_0, %c8_1, %c8_2) : (tensor<3x2xf32>, tensor<2x3xf32>, tensor<1xf32>) -> (tensor<3x3xf32>)
  %u8_0 = tensor.cast %r8#0 : tensor<3x3xf32> to tensor<*xf32>
  call @printMemrefF32(%u8_0) : (tensor<*xf32>) -> ()
  %c9_0 = arith.constant dense<[[1, 2], [3, 4]]> : tensor<2x2xi32>
  %c9_1 = arith.constant dense<[[5, 6], [7, -8]]> : tensor<2x2xi32>
  %c9_2 = arith.constant dense<[1, -1]> : tensor<2xi32>
  %r9:1 = call @gemm_int32(%c9_0, %c9_1, %c9_2) : (tensor<2x2xi32>, tensor<2x2xi32>, tensor<2xi32>) -> (tensor<2x2xi32>)
  %u9_0 = tensor.cast %r9#0 : tensor<2x2xi32> to tensor<*xi32>
  call @printMemrefI32(%u9_0) : (tensor<*xi32>) -> ()
  %c10_0 = arith.constant dense<[[1, 2], [3, 4]]> : tensor<2x2xi32>
  %c10_1 = arith.constant dense<[[5, 6], [7, -8]]> : tensor<2x2xi32>
  %c10_2 = arith.constant dense<[1, -1]> : tensor<2xi32>
  %r10:1 = call @gemm_int32_scaled(%c10_0, %c10_1, %c10_2) : (tensor<2x2xi32>, tensor<2x2xi32>, tensor<2xi32>) -> (tensor<2x2xi32>)
  %u10_0 = tensor.cast %r10#0 : tensor<2x2xi32> to tensor<*xi32>
  call @printMemrefI32(%u10_0) : (tensor<*xi32>) -> ()
  return
}
func.func private @printMemrefF32(tensor<*xf32>)
func.func private @printMemrefI32(tensor<*xi32>)
