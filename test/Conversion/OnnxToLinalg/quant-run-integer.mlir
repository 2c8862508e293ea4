// RUN: quench-opt %s --convert-onnx-to-linalg | %run_reference | FileCheck %s
//
// DynamicQuantizeLinear, MatMulInteger and QLinearMatMul.
// Expected values were computed with numpy from the operator's definition
// (and, where a case names one, agree with that ONNX backend node test).

// ONNX node tests test_dynamicquantizelinear, _max_adjusted and _min_adjusted.
// dyn (output 0)
// CHECK: sizes = [6] strides = {{.*}} data =
// CHECK-NEXT: [153, 255, 0, 26, 221, 179]
// dyn (output 1)
// CHECK: sizes = [] strides = {{.*}} data =
// CHECK-NEXT: [0.0196078]
// dyn (output 2)
// CHECK: sizes = [] strides = {{.*}} data =
// CHECK-NEXT: [153]

// dyn_max_adjusted (output 0)
// CHECK: sizes = [6] strides = {{.*}} data =
// CHECK-NEXT: [191, 121, 172, 96, 42, 0]
// dyn_max_adjusted (output 1)
// CHECK: sizes = [] strides = {{.*}} data =
// CHECK-NEXT: [0.0156863]
// dyn_max_adjusted (output 2)
// CHECK: sizes = [] strides = {{.*}} data =
// CHECK-NEXT: [255]

// dyn_min_adjusted (output 0)
// CHECK: sizes = [3, 4] strides = {{.*}} data =
// CHECK-NEXT: {{\[\[}}64, 134, 83, 159],
// CHECK-NEXT: [213, 255, 96, 166],
// CHECK-NEXT: [249, 255, 191, 149]]
// dyn_min_adjusted (output 1)
// CHECK: sizes = [] strides = {{.*}} data =
// CHECK-NEXT: [0.0156863]
// dyn_min_adjusted (output 2)
// CHECK: sizes = [] strides = {{.*}} data =
// CHECK-NEXT: [0]

// All zeros: the range is empty and the scale is 1.
// dyn_zero (output 0)
// CHECK: sizes = [2, 2] strides = {{.*}} data =
// CHECK-NEXT: {{\[\[}}0, 0],
// CHECK-NEXT: [0, 0]]
// dyn_zero (output 1)
// CHECK: sizes = [] strides = {{.*}} data =
// CHECK-NEXT: [1]
// dyn_zero (output 2)
// CHECK: sizes = [] strides = {{.*}} data =
// CHECK-NEXT: [0]

// ONNX node test test_matmulinteger.
// mmi
// CHECK: sizes = [4, 2] strides = {{.*}} data =
// CHECK-NEXT: {{\[\[}}-38, -83],
// CHECK-NEXT: [-44, -98],
// CHECK-NEXT: [-50, -113],
// CHECK-NEXT: [-56, -128]]

// int8 x uint8 with per-row a and per-column b zero points.
// mmi_rows_cols
// CHECK: sizes = [3, 2] strides = {{.*}} data =
// CHECK-NEXT: {{\[\[}}-20937, 70038],
// CHECK-NEXT: [-8313, -4875],
// CHECK-NEXT: [50147, -47880]]

// Batch broadcasting, no zero points, and a rank-1 left operand.
// mmi_batch
// CHECK: sizes = [2, 3, 2, 2] strides = {{.*}} data =
// CHECK-NEXT: {{\[\[\[}}[-15928, -3431],
// CHECK-NEXT: [4627, 3362]],
// CHECK-NEXT: {{\[\[}}12456, 3862],
// CHECK-NEXT: [-5527, -4937]],
// CHECK-NEXT: {{\[\[}}-18681, 4850],
// CHECK-NEXT: [3713, -1457]]],
// CHECK-NEXT: {{\[\[\[}}2640, 12615],
// CHECK-NEXT: [14650, 1797]],
// CHECK-NEXT: {{\[\[}}-4852, -12538],
// CHECK-NEXT: [-19657, -11461]],
// CHECK-NEXT: {{\[\[}}137, -1530],
// CHECK-NEXT: [10431, -3788]]]]

// mmi_vector
// CHECK: sizes = [2, 2] strides = {{.*}} data =
// CHECK-NEXT: {{\[\[}}37323, 52961],
// CHECK-NEXT: [16333, 36440]]

// ONNX node tests test_qlinearmatmul_2D / 3D.
// qlmm_2d
// CHECK: sizes = [2, 3] strides = {{.*}} data =
// CHECK-NEXT: {{\[\[}}168, 115, 255],
// CHECK-NEXT: [1, 66, 151]]

// qlmm_3d
// CHECK: sizes = [2, 2, 3] strides = {{.*}} data =
// CHECK-NEXT: {{\[\[\[}}168, 115, 255],
// CHECK-NEXT: [1, 66, 151]],
// CHECK-NEXT: {{\[\[}}168, 115, 255],
// CHECK-NEXT: [1, 66, 151]]]

// int8, per-row a scale and zero point, per-column b scale, float16 scales (opset 21).
// qlmm_rows_f16
// CHECK: sizes = [2, 2] strides = {{.*}} data =
// CHECK-NEXT: {{\[\[}}2, -128],
// CHECK-NEXT: [-1, -18]]

func.func @main() {
  %none = onnx.none
  // ONNX node tests test_dynamicquantizelinear, _max_adjusted and _min_adjusted.
  %dyn_in0 = arith.constant dense<[0.0, 2.0, -3.0, -2.5, 1.34, 0.5]> : tensor<6xf32>
  %dyn_r:3 = onnx.node "DynamicQuantizeLinear"(%dyn_in0) {domain = "", opset = 11 : i64, name = "dyn", attrs = {}} : (tensor<6xf32>) -> (tensor<6xi8>, tensor<f32>, tensor<i8>)
  %dyn_o0_w = arith.extui %dyn_r#0 : tensor<6xi8> to tensor<6xi32>
  %dyn_o0_u = tensor.cast %dyn_o0_w : tensor<6xi32> to tensor<*xi32>
  call @printMemrefI32(%dyn_o0_u) : (tensor<*xi32>) -> ()
  %dyn_o1_u = tensor.cast %dyn_r#1 : tensor<f32> to tensor<*xf32>
  call @printMemrefF32(%dyn_o1_u) : (tensor<*xf32>) -> ()
  %dyn_o2_w = arith.extui %dyn_r#2 : tensor<i8> to tensor<i32>
  %dyn_o2_u = tensor.cast %dyn_o2_w : tensor<i32> to tensor<*xi32>
  call @printMemrefI32(%dyn_o2_u) : (tensor<*xi32>) -> ()
  %dyn_max_adjusted_in0 = arith.constant dense<[-1.0, -2.1, -1.3, -2.5, -3.34, -4.0]> : tensor<6xf32>
  %dyn_max_adjusted_r:3 = onnx.node "DynamicQuantizeLinear"(%dyn_max_adjusted_in0) {domain = "", opset = 11 : i64, name = "dyn_max_adjusted", attrs = {}} : (tensor<6xf32>) -> (tensor<6xi8>, tensor<f32>, tensor<i8>)
  %dyn_max_adjusted_o0_w = arith.extui %dyn_max_adjusted_r#0 : tensor<6xi8> to tensor<6xi32>
  %dyn_max_adjusted_o0_u = tensor.cast %dyn_max_adjusted_o0_w : tensor<6xi32> to tensor<*xi32>
  call @printMemrefI32(%dyn_max_adjusted_o0_u) : (tensor<*xi32>) -> ()
  %dyn_max_adjusted_o1_u = tensor.cast %dyn_max_adjusted_r#1 : tensor<f32> to tensor<*xf32>
  call @printMemrefF32(%dyn_max_adjusted_o1_u) : (tensor<*xf32>) -> ()
  %dyn_max_adjusted_o2_w = arith.extui %dyn_max_adjusted_r#2 : tensor<i8> to tensor<i32>
  %dyn_max_adjusted_o2_u = tensor.cast %dyn_max_adjusted_o2_w : tensor<i32> to tensor<*xi32>
  call @printMemrefI32(%dyn_max_adjusted_o2_u) : (tensor<*xi32>) -> ()
  %dyn_min_adjusted_in0 = arith.constant dense<[[1.0, 2.1, 1.3, 2.5], [3.34, 4.0, 1.5, 2.6], [3.9, 4.0, 3.0, 2.345]]> : tensor<3x4xf32>
  %dyn_min_adjusted_r:3 = onnx.node "DynamicQuantizeLinear"(%dyn_min_adjusted_in0) {domain = "", opset = 11 : i64, name = "dyn_min_adjusted", attrs = {}} : (tensor<3x4xf32>) -> (tensor<3x4xi8>, tensor<f32>, tensor<i8>)
  %dyn_min_adjusted_o0_w = arith.extui %dyn_min_adjusted_r#0 : tensor<3x4xi8> to tensor<3x4xi32>
  %dyn_min_adjusted_o0_u = tensor.cast %dyn_min_adjusted_o0_w : tensor<3x4xi32> to tensor<*xi32>
  call @printMemrefI32(%dyn_min_adjusted_o0_u) : (tensor<*xi32>) -> ()
  %dyn_min_adjusted_o1_u = tensor.cast %dyn_min_adjusted_r#1 : tensor<f32> to tensor<*xf32>
  call @printMemrefF32(%dyn_min_adjusted_o1_u) : (tensor<*xf32>) -> ()
  %dyn_min_adjusted_o2_w = arith.extui %dyn_min_adjusted_r#2 : tensor<i8> to tensor<i32>
  %dyn_min_adjusted_o2_u = tensor.cast %dyn_min_adjusted_o2_w : tensor<i32> to tensor<*xi32>
  call @printMemrefI32(%dyn_min_adjusted_o2_u) : (tensor<*xi32>) -> ()
  // All zeros: the range is empty and the scale is 1.
  %dyn_zero_in0 = arith.constant dense<[[0.0, 0.0], [0.0, 0.0]]> : tensor<2x2xf32>
  %dyn_zero_r:3 = onnx.node "DynamicQuantizeLinear"(%dyn_zero_in0) {domain = "", opset = 11 : i64, name = "dyn_zero", attrs = {}} : (tensor<2x2xf32>) -> (tensor<2x2xi8>, tensor<f32>, tensor<i8>)
  %dyn_zero_o0_w = arith.extui %dyn_zero_r#0 : tensor<2x2xi8> to tensor<2x2xi32>
  %dyn_zero_o0_u = tensor.cast %dyn_zero_o0_w : tensor<2x2xi32> to tensor<*xi32>
  call @printMemrefI32(%dyn_zero_o0_u) : (tensor<*xi32>) -> ()
  %dyn_zero_o1_u = tensor.cast %dyn_zero_r#1 : tensor<f32> to tensor<*xf32>
  call @printMemrefF32(%dyn_zero_o1_u) : (tensor<*xf32>) -> ()
  %dyn_zero_o2_w = arith.extui %dyn_zero_r#2 : tensor<i8> to tensor<i32>
  %dyn_zero_o2_u = tensor.cast %dyn_zero_o2_w : tensor<i32> to tensor<*xi32>
  call @printMemrefI32(%dyn_zero_o2_u) : (tensor<*xi32>) -> ()
  // ONNX node test test_matmulinteger.
  %mmi_in0 = arith.constant dense<[[11, 7, 3], [10, 6, 2], [9, 5, 1], [8, 4, 0]]> : tensor<4x3xui8>
  %mmi_in1 = arith.constant dense<[[1, 4], [2, 5], [3, 6]]> : tensor<3x2xui8>
  %mmi_in2 = arith.constant dense<[12]> : tensor<1xui8>
  %mmi_in3 = arith.constant dense<[0]> : tensor<1xui8>
  %mmi_r0 = onnx.node "MatMulInteger"(%mmi_in0, %mmi_in1, %mmi_in2, %mmi_in3) {domain = "", opset = 10 : i64, name = "mmi", attrs = {}} : (tensor<4x3xui8>, tensor<3x2xui8>, tensor<1xui8>, tensor<1xui8>) -> tensor<4x2xi32>
  %mmi_o0_u = tensor.cast %mmi_r0 : tensor<4x2xi32> to tensor<*xi32>
  call @printMemrefI32(%mmi_o0_u) : (tensor<*xi32>) -> ()
  // int8 x uint8 with per-row a and per-column b zero points.
  %mmi_rows_cols_in0 = arith.constant dense<[[-94, -96, 76, -1], [23, 25, 54, -121], [-4, -91, -26, 109]]> : tensor<3x4xi8>
  %mmi_rows_cols_in1 = arith.constant dense<[[140, 18], [138, 33], [193, 242], [250, 159]]> : tensor<4x2xui8>
  %mmi_rows_cols_in2 = arith.constant dense<[-128, 0, 127]> : tensor<3xi8>
  %mmi_rows_cols_in3 = arith.constant dense<[255, 3]> : tensor<2xui8>
  %mmi_rows_cols_r0 = onnx.node "MatMulInteger"(%mmi_rows_cols_in0, %mmi_rows_cols_in1, %mmi_rows_cols_in2, %mmi_rows_cols_in3) {domain = "", opset = 10 : i64, name = "mmi_rows_cols", attrs = {}} : (tensor<3x4xi8>, tensor<4x2xui8>, tensor<3xi8>, tensor<2xui8>) -> tensor<3x2xi32>
  %mmi_rows_cols_o0_u = tensor.cast %mmi_rows_cols_r0 : tensor<3x2xi32> to tensor<*xi32>
  call @printMemrefI32(%mmi_rows_cols_o0_u) : (tensor<*xi32>) -> ()
  // Batch broadcasting, no zero points, and a rank-1 left operand.
  %mmi_batch_in0 = arith.constant dense<[[[[94, -34, -91], [2, -15, 41]]], [[[126, -58, 91], [-93, -39, 73]]]]> : tensor<2x1x2x3xi8>
  %mmi_batch_in1 = arith.constant dense<[[[-65, 43], [-11, 3], [112, 81]], [[86, 12], [123, 123], [-94, -76]], [[-50, 13], [82, -5], [123, -38]]]> : tensor<3x3x2xi8>
  %mmi_batch_r0 = onnx.node "MatMulInteger"(%mmi_batch_in0, %mmi_batch_in1) {domain = "", opset = 10 : i64, name = "mmi_batch", attrs = {}} : (tensor<2x1x2x3xi8>, tensor<3x3x2xi8>) -> tensor<2x3x2x2xi32>
  %mmi_batch_o0_u = tensor.cast %mmi_batch_r0 : tensor<2x3x2x2xi32> to tensor<*xi32>
  call @printMemrefI32(%mmi_batch_o0_u) : (tensor<*xi32>) -> ()
  %mmi_vector_in0 = arith.constant dense<[237, 151, 184]> : tensor<3xui8>
  %mmi_vector_in1 = arith.constant dense<[[[60, 151], [205, 226], [222, 247]], [[32, 199], [119, 175], [70, 3]]]> : tensor<2x3x2xui8>
  %mmi_vector_in2 = arith.constant dense<100> : tensor<ui8>
  %mmi_vector_r0 = onnx.node "MatMulInteger"(%mmi_vector_in0, %mmi_vector_in1, %mmi_vector_in2) {domain = "", opset = 10 : i64, name = "mmi_vector", attrs = {}} : (tensor<3xui8>, tensor<2x3x2xui8>, tensor<ui8>) -> tensor<2x2xi32>
  %mmi_vector_o0_u = tensor.cast %mmi_vector_r0 : tensor<2x2xi32> to tensor<*xi32>
  call @printMemrefI32(%mmi_vector_o0_u) : (tensor<*xi32>) -> ()
  // ONNX node tests test_qlinearmatmul_2D / 3D.
  %qlmm_2d_in0 = arith.constant dense<[[208, 236, 0, 238], [3, 214, 255, 29]]> : tensor<2x4xui8>
  %qlmm_2d_in1 = arith.constant dense<[0.0066]> : tensor<1xf32>
  %qlmm_2d_in2 = arith.constant dense<[113]> : tensor<1xui8>
  %qlmm_2d_in3 = arith.constant dense<[[152, 51, 244], [60, 26, 255], [0, 127, 246], [127, 254, 247]]> : tensor<4x3xui8>
  %qlmm_2d_in4 = arith.constant dense<[0.00705]> : tensor<1xf32>
  %qlmm_2d_in5 = arith.constant dense<[114]> : tensor<1xui8>
  %qlmm_2d_in6 = arith.constant dense<[0.0107]> : tensor<1xf32>
  %qlmm_2d_in7 = arith.constant dense<[118]> : tensor<1xui8>
  %qlmm_2d_r0 = onnx.node "QLinearMatMul"(%qlmm_2d_in0, %qlmm_2d_in1, %qlmm_2d_in2, %qlmm_2d_in3, %qlmm_2d_in4, %qlmm_2d_in5, %qlmm_2d_in6, %qlmm_2d_in7) {domain = "", opset = 10 : i64, name = "qlmm_2d", attrs = {}} : (tensor<2x4xui8>, tensor<1xf32>, tensor<1xui8>, tensor<4x3xui8>, tensor<1xf32>, tensor<1xui8>, tensor<1xf32>, tensor<1xui8>) -> tensor<2x3xi8>
  %qlmm_2d_o0_w = arith.extui %qlmm_2d_r0 : tensor<2x3xi8> to tensor<2x3xi32>
  %qlmm_2d_o0_u = tensor.cast %qlmm_2d_o0_w : tensor<2x3xi32> to tensor<*xi32>
  call @printMemrefI32(%qlmm_2d_o0_u) : (tensor<*xi32>) -> ()
  %qlmm_3d_in0 = arith.constant dense<[[[208, 236, 0, 238], [3, 214, 255, 29]], [[208, 236, 0, 238], [3, 214, 255, 29]]]> : tensor<2x2x4xui8>
  %qlmm_3d_in1 = arith.constant dense<[0.0066]> : tensor<1xf32>
  %qlmm_3d_in2 = arith.constant dense<[113]> : tensor<1xui8>
  %qlmm_3d_in3 = arith.constant dense<[[[152, 51, 244], [60, 26, 255], [0, 127, 246], [127, 254, 247]], [[152, 51, 244], [60, 26, 255], [0, 127, 246], [127, 254, 247]]]> : tensor<2x4x3xui8>
  %qlmm_3d_in4 = arith.constant dense<[0.00705]> : tensor<1xf32>
  %qlmm_3d_in5 = arith.constant dense<[114]> : tensor<1xui8>
  %qlmm_3d_in6 = arith.constant dense<[0.0107]> : tensor<1xf32>
  %qlmm_3d_in7 = arith.constant dense<[118]> : tensor<1xui8>
  %qlmm_3d_r0 = onnx.node "QLinearMatMul"(%qlmm_3d_in0, %qlmm_3d_in1, %qlmm_3d_in2, %qlmm_3d_in3, %qlmm_3d_in4, %qlmm_3d_in5, %qlmm_3d_in6, %qlmm_3d_in7) {domain = "", opset = 10 : i64, name = "qlmm_3d", attrs = {}} : (tensor<2x2x4xui8>, tensor<1xf32>, tensor<1xui8>, tensor<2x4x3xui8>, tensor<1xf32>, tensor<1xui8>, tensor<1xf32>, tensor<1xui8>) -> tensor<2x2x3xi8>
  %qlmm_3d_o0_w = arith.extui %qlmm_3d_r0 : tensor<2x2x3xi8> to tensor<2x2x3xi32>
  %qlmm_3d_o0_u = tensor.cast %qlmm_3d_o0_w : tensor<2x2x3xi32> to tensor<*xi32>
  call @printMemrefI32(%qlmm_3d_o0_u) : (tensor<*xi32>) -> ()
  // int8, per-row a scale and zero point, per-column b scale, float16 scales (opset 21).
  %qlmm_rows_f16_in0 = arith.constant dense<[[-107, 121, 101], [-51, -18, -67]]> : tensor<2x3xi8>
  %qlmm_rows_f16_in1 = arith.constant dense<[0.5, 0.25]> : tensor<2xf16>
  %qlmm_rows_f16_in2 = arith.constant dense<[1, -2]> : tensor<2xi8>
  %qlmm_rows_f16_in3 = arith.constant dense<[[-91, 91], [44, -109], [-77, 16]]> : tensor<3x2xi8>
  %qlmm_rows_f16_in4 = arith.constant dense<[0.125, 1.0]> : tensor<2xf16>
  %qlmm_rows_f16_in5 = arith.constant dense<3> : tensor<i8>
  %qlmm_rows_f16_in6 = arith.constant dense<64.0> : tensor<f16>
  %qlmm_rows_f16_in7 = arith.constant dense<-5> : tensor<i8>
  %qlmm_rows_f16_r0 = onnx.node "QLinearMatMul"(%qlmm_rows_f16_in0, %qlmm_rows_f16_in1, %qlmm_rows_f16_in2, %qlmm_rows_f16_in3, %qlmm_rows_f16_in4, %qlmm_rows_f16_in5, %qlmm_rows_f16_in6, %qlmm_rows_f16_in7) {domain = "", opset = 21 : i64, name = "qlmm_rows_f16", attrs = {}} : (tensor<2x3xi8>, tensor<2xf16>, tensor<2xi8>, tensor<3x2xi8>, tensor<2xf16>, tensor<i8>, tensor<f16>, tensor<i8>) -> tensor<2x2xi8>
  %qlmm_rows_f16_o0_w = arith.extsi %qlmm_rows_f16_r0 : tensor<2x2xi8> to tensor<2x2xi32>
  %qlmm_rows_f16_o0_u = tensor.cast %qlmm_rows_f16_o0_w : tensor<2x2xi32> to tensor<*xi32>
  call @printMemrefI32(%qlmm_rows_f16_o0_u) : (tensor<*xi32>) -> ()
  return
}
func.func private @printMemrefF32(tensor<*xf32>)
func.func private @printMemrefI32(tensor<*xi32>)
