// RUN: quench-opt %s --convert-onnx-to-linalg | %run_reference | FileCheck %s
//
// DequantizeLinear, opsets 10 to 25: per-tensor, per-axis and blocked scales;
// int2 to int32, float8 and float4 codes.
// Expected values were computed with numpy from the operator's definition
// (and, where a case names one, agree with that ONNX backend node test).

// ONNX node test test_dequantizelinear (opset 10 semantics: per tensor).
// dq10
// CHECK: sizes = [4] strides = {{.*}} data =
// CHECK-NEXT: [-256, -250, 0, 254]

// ONNX node test test_dequantizelinear_axis (per axis 1, default axis).
// dq13_axis
// CHECK: sizes = [1, 3, 3, 2] strides = {{.*}} data =
// CHECK-NEXT: {{\[\[\[}}[-162, 10],
// CHECK-NEXT: [-100, 232],
// CHECK-NEXT: [-20, -50]],
// CHECK-NEXT: {{\[\[}}-76, 0],
// CHECK-NEXT: [0, 252],
// CHECK-NEXT: [32, -44]],
// CHECK-NEXT: {{\[\[}}245, -485],
// CHECK-NEXT: [-960, -270],
// CHECK-NEXT: [-375, -470]]]]

// int32, no zero point, negative axis of a 1-element scale (per tensor).
// dq13_i32
// CHECK: sizes = [2, 2] strides = {{.*}} data =
// CHECK-NEXT: {{\[\[}}-150, 3.5],
// CHECK-NEXT: [50000, -0.5]]

// Signed int8 per axis 0, rank-0 style scalar zero point absent.
// dq13_i8_axis0
// CHECK: sizes = [2, 3] strides = {{.*}} data =
// CHECK-NEXT: {{\[\[}}-31.25, 0.5, 0.75],
// CHECK-NEXT: [500, 12, -36]]

// Rank-0 x.
// dq13_scalar
// CHECK: sizes = [] strides = {{.*}} data =
// CHECK-NEXT: [50]

// float8 e4m3fn per axis with a float16 scale (output float16).
// dq19_fp8
// CHECK: sizes = [2, 3] strides = {{.*}} data =
// CHECK-NEXT: {{\[\[}}3, -4, 896],
// CHECK-NEXT: [0.015625, -0.125, 0.75]]

// float8 e5m2, per tensor.
// dq19_e5m2
// CHECK: sizes = [4] strides = {{.*}} data =
// CHECK-NEXT: [-7168, 0.0625, 0.15625, -0.375]

// float8 e4m3fn blocked (opset 21): blocks of 2 over 3 columns (padded with float8 zeros).
// dq21_fp8_blocked
// CHECK: sizes = [2, 3] strides = {{.*}} data =
// CHECK-NEXT: {{\[\[}}3, -4, 1792],
// CHECK-NEXT: [0.03125, -0.25, 3]]

// Blocked (opset 21): int8 [2, 5], blocks of 2 along axis 1 (the last block is short).
// dq21_blocked
// CHECK: sizes = [2, 5] strides = {{.*}} data =
// CHECK-NEXT: {{\[\[}}40.5, -52.5, -164, -134, -20.75],
// CHECK-NEXT: [78, 95, 96, -460, -800]]

// Blocked along axis 0 of a rank-3 uint8 tensor, blocks of 2 over 3 rows.
// dq21_blocked_axis0
// CHECK: sizes = [3, 2, 2] strides = {{.*}} data =
// CHECK-NEXT: {{\[\[\[}}5.5, 20],
// CHECK-NEXT: [-428, -90]],
// CHECK-NEXT: {{\[\[}}-25.5, -156],
// CHECK-NEXT: [10, 116]],
// CHECK-NEXT: {{\[\[}}-266, 55],
// CHECK-NEXT: [75.5, -99]]]

// int4: blocked along the last axis (axis = -1), signed zero points.
// dq21_int4
// CHECK: sizes = [2, 6] strides = {{.*}} data =
// CHECK-NEXT: {{\[\[}}0, 7.5, -16, -8, 0, 5],
// CHECK-NEXT: [4, -16, 2, -1.5, -2, -2]]

// uint4 per axis 0.
// dq21_uint4
// CHECK: sizes = [2, 3] strides = {{.*}} data =
// CHECK-NEXT: {{\[\[}}-8, 7, 0],
// CHECK-NEXT: [-3, -7, -0.5]]

// int16 blocked along axis 0 (3 blocks of 2 over 5 rows) and uint16 per tensor.
// dq21_int16
// CHECK: sizes = [5, 2] strides = {{.*}} data =
// CHECK-NEXT: {{\[\[}}14543.5, -26372],
// CHECK-NEXT: [-11822.5, -24330],
// CHECK-NEXT: [-29894, 12876.5],
// CHECK-NEXT: [10710, 2831.5],
// CHECK-NEXT: [-8377, -3826]]

// dq21_uint16
// CHECK: sizes = [3] strides = {{.*}} data =
// CHECK-NEXT: [-16384, 16383.5, 3616]

// output_dtype = float16 (opset 23) and float4 e2m1 codes blocked by 2.
// dq23_out_f16
// CHECK: sizes = [3] strides = {{.*}} data =
// CHECK-NEXT: [-14.75, 15.25, 0]

// dq23_fp4
// CHECK: sizes = [2, 4] strides = {{.*}} data =
// CHECK-NEXT: {{\[\[}}1, -12, 1.5, 0.75],
// CHECK-NEXT: [0, 4, 1, -2]]

// int2 (opset 25) per tensor with a zero point.
// dq25_int2
// CHECK: sizes = [4] strides = {{.*}} data =
// CHECK-NEXT: [-1.5, 0, 1.5, 3]

func.func @main() {
  %none = onnx.none
  // ONNX node test test_dequantizelinear (opset 10 semantics: per tensor).
  %dq10_in0 = arith.constant dense<[0, 3, 128, 255]> : tensor<4xui8>
  %dq10_in1 = arith.constant dense<2.0> : tensor<f32>
  %dq10_in2 = arith.constant dense<128> : tensor<ui8>
  %dq10_r0 = onnx.node "DequantizeLinear"(%dq10_in0, %dq10_in1, %dq10_in2) {domain = "", opset = 10 : i64, name = "dq10", attrs = {}} : (tensor<4xui8>, tensor<f32>, tensor<ui8>) -> tensor<4xf32>
  %dq10_o0_u = tensor.cast %dq10_r0 : tensor<4xf32> to tensor<*xf32>
  call @printMemrefF32(%dq10_o0_u) : (tensor<*xf32>) -> ()
  // ONNX node test test_dequantizelinear_axis (per axis 1, default axis).
  %dq13_axis_in0 = arith.constant dense<[[[[3, 89], [34, 200], [74, 59]], [[5, 24], [24, 87], [32, 13]], [[245, 99], [4, 142], [121, 102]]]]> : tensor<1x3x3x2xui8>
  %dq13_axis_in1 = arith.constant dense<[2.0, 4.0, 5.0]> : tensor<3xf32>
  %dq13_axis_in2 = arith.constant dense<[84, 24, 196]> : tensor<3xui8>
  %dq13_axis_r0 = onnx.node "DequantizeLinear"(%dq13_axis_in0, %dq13_axis_in1, %dq13_axis_in2) {domain = "", opset = 13 : i64, name = "dq13_axis", attrs = {}} : (tensor<1x3x3x2xui8>, tensor<3xf32>, tensor<3xui8>) -> tensor<1x3x3x2xf32>
  %dq13_axis_o0_u = tensor.cast %dq13_axis_r0 : tensor<1x3x3x2xf32> to tensor<*xf32>
  call @printMemrefF32(%dq13_axis_o0_u) : (tensor<*xf32>) -> ()
  // int32, no zero point, negative axis of a 1-element scale (per tensor).
  %dq13_i32_in0 = arith.constant dense<[[-300, 7], [100000, -1]]> : tensor<2x2xi32>
  %dq13_i32_in1 = arith.constant dense<[0.5]> : tensor<1xf32>
  %dq13_i32_r0 = onnx.node "DequantizeLinear"(%dq13_i32_in0, %dq13_i32_in1) {domain = "", opset = 13 : i64, name = "dq13_i32", attrs = {axis = -1 : i64}} : (tensor<2x2xi32>, tensor<1xf32>) -> tensor<2x2xf32>
  %dq13_i32_o0_u = tensor.cast %dq13_i32_r0 : tensor<2x2xf32> to tensor<*xf32>
  call @printMemrefF32(%dq13_i32_o0_u) : (tensor<*xf32>) -> ()
  // Signed int8 per axis 0, rank-0 style scalar zero point absent.
  %dq13_i8_axis0_in0 = arith.constant dense<[[-128, -1, 0], [127, 5, -7]]> : tensor<2x3xi8>
  %dq13_i8_axis0_in1 = arith.constant dense<[0.25, 4.0]> : tensor<2xf32>
  %dq13_i8_axis0_in2 = arith.constant dense<[-3, 2]> : tensor<2xi8>
  %dq13_i8_axis0_r0 = onnx.node "DequantizeLinear"(%dq13_i8_axis0_in0, %dq13_i8_axis0_in1, %dq13_i8_axis0_in2) {domain = "", opset = 13 : i64, name = "dq13_i8_axis0", attrs = {axis = 0 : i64}} : (tensor<2x3xi8>, tensor<2xf32>, tensor<2xi8>) -> tensor<2x3xf32>
  %dq13_i8_axis0_o0_u = tensor.cast %dq13_i8_axis0_r0 : tensor<2x3xf32> to tensor<*xf32>
  call @printMemrefF32(%dq13_i8_axis0_o0_u) : (tensor<*xf32>) -> ()
  // Rank-0 x.
  %dq13_scalar_in0 = arith.constant dense<200> : tensor<ui8>
  %dq13_scalar_in1 = arith.constant dense<0.5> : tensor<f32>
  %dq13_scalar_in2 = arith.constant dense<100> : tensor<ui8>
  %dq13_scalar_r0 = onnx.node "DequantizeLinear"(%dq13_scalar_in0, %dq13_scalar_in1, %dq13_scalar_in2) {domain = "", opset = 13 : i64, name = "dq13_scalar", attrs = {}} : (tensor<ui8>, tensor<f32>, tensor<ui8>) -> tensor<f32>
  %dq13_scalar_o0_u = tensor.cast %dq13_scalar_r0 : tensor<f32> to tensor<*xf32>
  call @printMemrefF32(%dq13_scalar_o0_u) : (tensor<*xf32>) -> ()
  // float8 e4m3fn per axis with a float16 scale (output float16).
  %dq19_fp8_in0 = arith.constant dense<[[1.5, -2.0, 448.0], [0.0625, -0.5, 3.0]]> : tensor<2x3xf8E4M3FN>
  %dq19_fp8_in1 = arith.constant dense<[2.0, 0.25]> : tensor<2xf16>
  %dq19_fp8_r0 = onnx.node "DequantizeLinear"(%dq19_fp8_in0, %dq19_fp8_in1) {domain = "", opset = 19 : i64, name = "dq19_fp8", attrs = {axis = 0 : i64}} : (tensor<2x3xf8E4M3FN>, tensor<2xf16>) -> tensor<2x3xf16>
  %dq19_fp8_o0_f = arith.extf %dq19_fp8_r0 : tensor<2x3xf16> to tensor<2x3xf32>
  %dq19_fp8_o0_u = tensor.cast %dq19_fp8_o0_f : tensor<2x3xf32> to tensor<*xf32>
  call @printMemrefF32(%dq19_fp8_o0_u) : (tensor<*xf32>) -> ()
  // float8 e5m2, per tensor.
  %dq19_e5m2_in0 = arith.constant dense<[-57344.0, 0.5, 1.25, -3.0]> : tensor<4xf8E5M2>
  %dq19_e5m2_in1 = arith.constant dense<0.125> : tensor<f32>
  %dq19_e5m2_r0 = onnx.node "DequantizeLinear"(%dq19_e5m2_in0, %dq19_e5m2_in1) {domain = "", opset = 19 : i64, name = "dq19_e5m2", attrs = {}} : (tensor<4xf8E5M2>, tensor<f32>) -> tensor<4xf32>
  %dq19_e5m2_o0_u = tensor.cast %dq19_e5m2_r0 : tensor<4xf32> to tensor<*xf32>
  call @printMemrefF32(%dq19_e5m2_o0_u) : (tensor<*xf32>) -> ()
  // float8 e4m3fn blocked (opset 21): blocks of 2 over 3 columns (padded with float8 zeros).
  %dq21_fp8_blocked_in0 = arith.constant dense<[[1.5, -2.0, 448.0], [0.0625, -0.5, 3.0]]> : tensor<2x3xf8E4M3FN>
  %dq21_fp8_blocked_in1 = arith.constant dense<[[2.0, 4.0], [0.5, 1.0]]> : tensor<2x2xf32>
  %dq21_fp8_blocked_r0 = onnx.node "DequantizeLinear"(%dq21_fp8_blocked_in0, %dq21_fp8_blocked_in1) {domain = "", opset = 21 : i64, name = "dq21_fp8_blocked", attrs = {axis = 1 : i64, block_size = 2 : i64}} : (tensor<2x3xf8E4M3FN>, tensor<2x2xf32>) -> tensor<2x3xf32>
  %dq21_fp8_blocked_o0_u = tensor.cast %dq21_fp8_blocked_r0 : tensor<2x3xf32> to tensor<*xf32>
  call @printMemrefF32(%dq21_fp8_blocked_o0_u) : (tensor<*xf32>) -> ()
  // Blocked (opset 21): int8 [2, 5], blocks of 2 along axis 1 (the last block is short).
  %dq21_blocked_in0 = arith.constant dense<[[79, -107, -83, -68, -82], [77, 94, 21, -118, -104]]> : tensor<2x5xi8>
  %dq21_blocked_in1 = arith.constant dense<[[0.5, 2.0, 0.25], [1.0, 4.0, 8.0]]> : tensor<2x3xf32>
  %dq21_blocked_in2 = arith.constant dense<[[-2, -1, 1], [-1, -3, -4]]> : tensor<2x3xi8>
  %dq21_blocked_r0 = onnx.node "DequantizeLinear"(%dq21_blocked_in0, %dq21_blocked_in1, %dq21_blocked_in2) {domain = "", opset = 21 : i64, name = "dq21_blocked", attrs = {axis = 1 : i64, block_size = 2 : i64}} : (tensor<2x5xi8>, tensor<2x3xf32>, tensor<2x3xi8>) -> tensor<2x5xf32>
  %dq21_blocked_o0_u = tensor.cast %dq21_blocked_r0 : tensor<2x5xf32> to tensor<*xf32>
  call @printMemrefF32(%dq21_blocked_o0_u) : (tensor<*xf32>) -> ()
  // Blocked along axis 0 of a rank-3 uint8 tensor, blocks of 2 over 3 rows.
  %dq21_blocked_axis0_in0 = arith.constant dense<[[[177, 188], [8, 29]], [[115, 100], [227, 132]], [[107, 110], [170, 150]]]> : tensor<3x2x2xui8>
  %dq21_blocked_axis0_in1 = arith.constant dense<[[[0.5, 2.0], [2.0, 2.0]], [[2.0, 0.5], [0.5, 1.0]]]> : tensor<2x2x2xf32>
  %dq21_blocked_axis0_in2 = arith.constant dense<[[[166, 178], [222, 74]], [[240, 0], [19, 249]]]> : tensor<2x2x2xui8>
  %dq21_blocked_axis0_r0 = onnx.node "DequantizeLinear"(%dq21_blocked_axis0_in0, %dq21_blocked_axis0_in1, %dq21_blocked_axis0_in2) {domain = "", opset = 21 : i64, name = "dq21_blocked_axis0", attrs = {axis = 0 : i64, block_size = 2 : i64}} : (tensor<3x2x2xui8>, tensor<2x2x2xf32>, tensor<2x2x2xui8>) -> tensor<3x2x2xf32>
  %dq21_blocked_axis0_o0_u = tensor.cast %dq21_blocked_axis0_r0 : tensor<3x2x2xf32> to tensor<*xf32>
  call @printMemrefF32(%dq21_blocked_axis0_o0_u) : (tensor<*xf32>) -> ()
  // int4: blocked along the last axis (axis = -1), signed zero points.
  %dq21_int4_in0 = arith.constant dense<[[-8, 7, -1, 3, 0, 5], [2, -3, 6, -8, 1, 1]]> : tensor<2x6xi4>
  %dq21_int4_in1 = arith.constant dense<[[0.5, 2.0, 1.0], [4.0, 0.25, 1.0]]> : tensor<2x3xf32>
  %dq21_int4_in2 = arith.constant dense<[[-8, 7, 0], [1, -2, 3]]> : tensor<2x3xi4>
  %dq21_int4_r0 = onnx.node "DequantizeLinear"(%dq21_int4_in0, %dq21_int4_in1, %dq21_int4_in2) {domain = "", opset = 21 : i64, name = "dq21_int4", attrs = {axis = -1 : i64, block_size = 2 : i64}} : (tensor<2x6xi4>, tensor<2x3xf32>, tensor<2x3xi4>) -> tensor<2x6xf32>
  %dq21_int4_o0_u = tensor.cast %dq21_int4_r0 : tensor<2x6xf32> to tensor<*xf32>
  call @printMemrefF32(%dq21_int4_o0_u) : (tensor<*xf32>) -> ()
  // uint4 per axis 0.
  %dq21_uint4_in0 = arith.constant dense<[[0, 15, 8], [9, 1, 14]]> : tensor<2x3xui4>
  %dq21_uint4_in1 = arith.constant dense<[1.0, 0.5]> : tensor<2xf32>
  %dq21_uint4_in2 = arith.constant dense<[8, 15]> : tensor<2xui4>
  %dq21_uint4_r0 = onnx.node "DequantizeLinear"(%dq21_uint4_in0, %dq21_uint4_in1, %dq21_uint4_in2) {domain = "", opset = 21 : i64, name = "dq21_uint4", attrs = {axis = 0 : i64}} : (tensor<2x3xui4>, tensor<2xf32>, tensor<2xui4>) -> tensor<2x3xf32>
  %dq21_uint4_o0_u = tensor.cast %dq21_uint4_r0 : tensor<2x3xf32> to tensor<*xf32>
  call @printMemrefF32(%dq21_uint4_o0_u) : (tensor<*xf32>) -> ()
  // int16 blocked along axis 0 (3 blocks of 2 over 5 rows) and uint16 per tensor.
  %dq21_int16_in0 = arith.constant dense<[[29090, -13212], [-23642, -12191], [-29944, 25671], [10660, 5581], [-16733, -1881]]> : tensor<5x2xi16>
  %dq21_int16_in1 = arith.constant dense<[[0.5, 2.0], [1.0, 0.5], [0.5, 2.0]]> : tensor<3x2xf32>
  %dq21_int16_in2 = arith.constant dense<[[3, -26], [-50, -82], [21, 32]]> : tensor<3x2xi16>
  %dq21_int16_r0 = onnx.node "DequantizeLinear"(%dq21_int16_in0, %dq21_int16_in1, %dq21_int16_in2) {domain = "", opset = 21 : i64, name = "dq21_int16", attrs = {axis = 0 : i64, block_size = 2 : i64}} : (tensor<5x2xi16>, tensor<3x2xf32>, tensor<3x2xi16>) -> tensor<5x2xf32>
  %dq21_int16_o0_u = tensor.cast %dq21_int16_r0 : tensor<5x2xf32> to tensor<*xf32>
  call @printMemrefF32(%dq21_int16_o0_u) : (tensor<*xf32>) -> ()
  %dq21_uint16_in0 = arith.constant dense<[0, 65535, 40000]> : tensor<3xui16>
  %dq21_uint16_in1 = arith.constant dense<0.5> : tensor<f32>
  %dq21_uint16_in2 = arith.constant dense<32768> : tensor<ui16>
  %dq21_uint16_r0 = onnx.node "DequantizeLinear"(%dq21_uint16_in0, %dq21_uint16_in1, %dq21_uint16_in2) {domain = "", opset = 21 : i64, name = "dq21_uint16", attrs = {}} : (tensor<3xui16>, tensor<f32>, tensor<ui16>) -> tensor<3xf32>
  %dq21_uint16_o0_u = tensor.cast %dq21_uint16_r0 : tensor<3xf32> to tensor<*xf32>
  call @printMemrefF32(%dq21_uint16_o0_u) : (tensor<*xf32>) -> ()
  // output_dtype = float16 (opset 23) and float4 e2m1 codes blocked by 2.
  %dq23_out_f16_in0 = arith.constant dense<[10, 250, 128]> : tensor<3xui8>
  %dq23_out_f16_in1 = arith.constant dense<0.125> : tensor<f32>
  %dq23_out_f16_in2 = arith.constant dense<128> : tensor<ui8>
  %dq23_out_f16_r0 = onnx.node "DequantizeLinear"(%dq23_out_f16_in0, %dq23_out_f16_in1, %dq23_out_f16_in2) {domain = "", opset = 23 : i64, name = "dq23_out_f16", attrs = {output_dtype = 10 : i64}} : (tensor<3xui8>, tensor<f32>, tensor<ui8>) -> tensor<3xf16>
  %dq23_out_f16_o0_f = arith.extf %dq23_out_f16_r0 : tensor<3xf16> to tensor<3xf32>
  %dq23_out_f16_o0_u = tensor.cast %dq23_out_f16_o0_f : tensor<3xf32> to tensor<*xf32>
  call @printMemrefF32(%dq23_out_f16_o0_u) : (tensor<*xf32>) -> ()
  %dq23_fp4_in0 = arith.constant dense<[[0.5, -6.0, 3.0, 1.5], [0.0, 4.0, -1.0, 2.0]]> : tensor<2x4xf4E2M1FN>
  %dq23_fp4_in1 = arith.constant dense<[[2.0, 0.5], [1.0, -1.0]]> : tensor<2x2xf32>
  %dq23_fp4_r0 = onnx.node "DequantizeLinear"(%dq23_fp4_in0, %dq23_fp4_in1) {domain = "", opset = 23 : i64, name = "dq23_fp4", attrs = {axis = 1 : i64, block_size = 2 : i64}} : (tensor<2x4xf4E2M1FN>, tensor<2x2xf32>) -> tensor<2x4xf32>
  %dq23_fp4_o0_u = tensor.cast %dq23_fp4_r0 : tensor<2x4xf32> to tensor<*xf32>
  call @printMemrefF32(%dq23_fp4_o0_u) : (tensor<*xf32>) -> ()
  // int2 (opset 25) per tensor with a zero point.
  %dq25_int2_in0 = arith.constant dense<[-2, -1, 0, 1]> : tensor<4xi2>
  %dq25_int2_in1 = arith.constant dense<1.5> : tensor<f32>
  %dq25_int2_in2 = arith.constant dense<-1> : tensor<i2>
  %dq25_int2_r0 = onnx.node "DequantizeLinear"(%dq25_int2_in0, %dq25_int2_in1, %dq25_int2_in2) {domain = "", opset = 25 : i64, name = "dq25_int2", attrs = {}} : (tensor<4xi2>, tensor<f32>, tensor<i2>) -> tensor<4xf32>
  %dq25_int2_o0_u = tensor.cast %dq25_int2_r0 : tensor<4xf32> to tensor<*xf32>
  call @printMemrefF32(%dq25_int2_o0_u) : (tensor<*xf32>) -> ()
  return
}
func.func private @printMemrefF32(tensor<*xf32>)
func.func private @printMemrefI32(tensor<*xi32>)
