// RUN: quench-opt %s --convert-onnx-to-linalg | %run_reference | FileCheck %s
//
// QuantizeLinear, opsets 10 to 25: rounding half to even, saturation;
// per-tensor, per-axis and blocked scales; int2 to int16 outputs.
// Expected values were computed with numpy from the operator's definition
// (and, where a case names one, agree with that ONNX backend node test).

// ONNX node test test_quantizelinear (1.5 rounds to 2: half to even).
// q10
// CHECK: sizes = [6] strides = {{.*}} data =
// CHECK-NEXT: [128, 129, 130, 255, 1, 0]

// ONNX node test test_quantizelinear_axis.
// q13_axis
// CHECK: sizes = [1, 3, 3, 2] strides = {{.*}} data =
// CHECK-NEXT: {{\[\[\[}}[3, 89],
// CHECK-NEXT: [34, 200],
// CHECK-NEXT: [74, 59]],
// CHECK-NEXT: {{\[\[}}5, 24],
// CHECK-NEXT: [24, 87],
// CHECK-NEXT: [32, 13]],
// CHECK-NEXT: {{\[\[}}245, 99],
// CHECK-NEXT: [4, 142],
// CHECK-NEXT: [121, 102]]]]

// No zero point: uint8; ties round to even (0.5 -> 0, 2.5 -> 2, -0.5 -> -0 -> 0).
// q10_default
// CHECK: sizes = [6] strides = {{.*}} data =
// CHECK-NEXT: [0, 0, 2, 255, 0, 4]

// int8 per axis 0 with a negative zero point; int32 input.
// q13_int32_in
// CHECK: sizes = [2, 3] strides = {{.*}} data =
// CHECK-NEXT: {{\[\[}}-128, -11, -8],
// CHECK-NEXT: [5, 127, -122]]

// Rank-0 x.
// q13_scalar
// CHECK: sizes = [] strides = {{.*}} data =
// CHECK-NEXT: [-10]

// float16 x and scale (opset 19).
// q19_f16
// CHECK: sizes = [4] strides = {{.*}} data =
// CHECK-NEXT: [16, -19, 127, 10]

// Blocked (opset 21): int4 output through an int4 zero point, blocks of 4 along axis 1 over 6 columns (the last block is short).
// q21_int4
// CHECK: sizes = [2, 6] strides = {{.*}} data =
// CHECK-NEXT: {{\[\[}}5, 7, -8, 7, 1, 2],
// CHECK-NEXT: [7, -8, 7, -8, -8, -8]]

// uint4 output through a uint4 zero point, per axis 1.
// q21_uint4
// CHECK: sizes = [2, 3] strides = {{.*}} data =
// CHECK-NEXT: {{\[\[}}0, 8, 15],
// CHECK-NEXT: [12, 15, 15]]

// output_dtype = uint16 (4), no zero point, blocked along axis 0.
// q21_uint16
// CHECK: sizes = [3, 2] strides = {{.*}} data =
// CHECK-NEXT: {{\[\[}}35000, 2],
// CHECK-NEXT: [0, 65534],
// CHECK-NEXT: [24691, 3]]

// int16 through an int16 zero point, per tensor.
// q21_int16
// CHECK: sizes = [3] strides = {{.*}} data =
// CHECK-NEXT: [-32768, -2, 32767]

// output_dtype = int4 (22), no zero point.
// q21_dtype_int4
// CHECK: sizes = [4] strides = {{.*}} data =
// CHECK-NEXT: [-8, -8, 6, 7]

// precision = float (opset 23) for a bfloat16 input.
// q23_precision
// CHECK: sizes = [3] strides = {{.*}} data =
// CHECK-NEXT: [3, -128, 2]

// output_dtype = uint2 (25), opset 25.
// q25_uint2
// CHECK: sizes = [4] strides = {{.*}} data =
// CHECK-NEXT: [0, 1, 2, 3]

func.func @main() {
  %none = onnx.none
  // ONNX node test test_quantizelinear (1.5 rounds to 2: half to even).
  %q10_in0 = arith.constant dense<[0.0, 2.0, 3.0, 1000.0, -254.0, -1000.0]> : tensor<6xf32>
  %q10_in1 = arith.constant dense<2.0> : tensor<f32>
  %q10_in2 = arith.constant dense<128> : tensor<ui8>
  %q10_r0 = onnx.node "QuantizeLinear"(%q10_in0, %q10_in1, %q10_in2) {domain = "", opset = 10 : i64, name = "q10", attrs = {}} : (tensor<6xf32>, tensor<f32>, tensor<ui8>) -> tensor<6xi8>
  %q10_o0_w = arith.extui %q10_r0 : tensor<6xi8> to tensor<6xi32>
  %q10_o0_u = tensor.cast %q10_o0_w : tensor<6xi32> to tensor<*xi32>
  call @printMemrefI32(%q10_o0_u) : (tensor<*xi32>) -> ()
  // ONNX node test test_quantizelinear_axis.
  %q13_axis_in0 = arith.constant dense<[[[[-162.0, 10.0], [-100.0, 232.0], [-20.0, -50.0]], [[-76.0, 0.0], [0.0, 252.0], [32.0, -44.0]], [[245.0, -485.0], [-960.0, -270.0], [-375.0, -470.0]]]]> : tensor<1x3x3x2xf32>
  %q13_axis_in1 = arith.constant dense<[2.0, 4.0, 5.0]> : tensor<3xf32>
  %q13_axis_in2 = arith.constant dense<[84, 24, 196]> : tensor<3xui8>
  %q13_axis_r0 = onnx.node "QuantizeLinear"(%q13_axis_in0, %q13_axis_in1, %q13_axis_in2) {domain = "", opset = 13 : i64, name = "q13_axis", attrs = {}} : (tensor<1x3x3x2xf32>, tensor<3xf32>, tensor<3xui8>) -> tensor<1x3x3x2xi8>
  %q13_axis_o0_w = arith.extui %q13_axis_r0 : tensor<1x3x3x2xi8> to tensor<1x3x3x2xi32>
  %q13_axis_o0_u = tensor.cast %q13_axis_o0_w : tensor<1x3x3x2xi32> to tensor<*xi32>
  call @printMemrefI32(%q13_axis_o0_u) : (tensor<*xi32>) -> ()
  // No zero point: uint8; ties round to even (0.5 -> 0, 2.5 -> 2, -0.5 -> -0 -> 0).
  %q10_default_in0 = arith.constant dense<[-1.0, 0.5, 2.5, 300.0, -0.5, 3.5]> : tensor<6xf32>
  %q10_default_in1 = arith.constant dense<1.0> : tensor<f32>
  %q10_default_r0 = onnx.node "QuantizeLinear"(%q10_default_in0, %q10_default_in1) {domain = "", opset = 10 : i64, name = "q10_default", attrs = {}} : (tensor<6xf32>, tensor<f32>) -> tensor<6xi8>
  %q10_default_o0_w = arith.extui %q10_default_r0 : tensor<6xi8> to tensor<6xi32>
  %q10_default_o0_u = tensor.cast %q10_default_o0_w : tensor<6xi32> to tensor<*xi32>
  call @printMemrefI32(%q10_default_o0_u) : (tensor<*xi32>) -> ()
  // int8 per axis 0 with a negative zero point; int32 input.
  %q13_int32_in_in0 = arith.constant dense<[[-1000, -3, 7], [5, 250, -250]]> : tensor<2x3xi32>
  %q13_int32_in_in1 = arith.constant dense<[4.0, 2.0]> : tensor<2xf32>
  %q13_int32_in_in2 = arith.constant dense<[-10, 3]> : tensor<2xi8>
  %q13_int32_in_r0 = onnx.node "QuantizeLinear"(%q13_int32_in_in0, %q13_int32_in_in1, %q13_int32_in_in2) {domain = "", opset = 13 : i64, name = "q13_int32_in", attrs = {axis = 0 : i64}} : (tensor<2x3xi32>, tensor<2xf32>, tensor<2xi8>) -> tensor<2x3xi8>
  %q13_int32_in_o0_w = arith.extsi %q13_int32_in_r0 : tensor<2x3xi8> to tensor<2x3xi32>
  %q13_int32_in_o0_u = tensor.cast %q13_int32_in_o0_w : tensor<2x3xi32> to tensor<*xi32>
  call @printMemrefI32(%q13_int32_in_o0_u) : (tensor<*xi32>) -> ()
  // Rank-0 x.
  %q13_scalar_in0 = arith.constant dense<-3.75> : tensor<f32>
  %q13_scalar_in1 = arith.constant dense<0.5> : tensor<f32>
  %q13_scalar_in2 = arith.constant dense<-2> : tensor<i8>
  %q13_scalar_r0 = onnx.node "QuantizeLinear"(%q13_scalar_in0, %q13_scalar_in1, %q13_scalar_in2) {domain = "", opset = 13 : i64, name = "q13_scalar", attrs = {}} : (tensor<f32>, tensor<f32>, tensor<i8>) -> tensor<i8>
  %q13_scalar_o0_w = arith.extsi %q13_scalar_r0 : tensor<i8> to tensor<i32>
  %q13_scalar_o0_u = tensor.cast %q13_scalar_o0_w : tensor<i32> to tensor<*xi32>
  call @printMemrefI32(%q13_scalar_o0_u) : (tensor<*xi32>) -> ()
  // float16 x and scale (opset 19).
  %q19_f16_in0 = arith.constant dense<[1.5, -7.25, 100.0, 0.0]> : tensor<4xf16>
  %q19_f16_in1 = arith.constant dense<0.25> : tensor<f16>
  %q19_f16_in2 = arith.constant dense<10> : tensor<i8>
  %q19_f16_r0 = onnx.node "QuantizeLinear"(%q19_f16_in0, %q19_f16_in1, %q19_f16_in2) {domain = "", opset = 19 : i64, name = "q19_f16", attrs = {}} : (tensor<4xf16>, tensor<f16>, tensor<i8>) -> tensor<4xi8>
  %q19_f16_o0_w = arith.extsi %q19_f16_r0 : tensor<4xi8> to tensor<4xi32>
  %q19_f16_o0_u = tensor.cast %q19_f16_o0_w : tensor<4xi32> to tensor<*xi32>
  call @printMemrefI32(%q19_f16_o0_u) : (tensor<*xi32>) -> ()
  // Blocked (opset 21): int4 output through an int4 zero point, blocks of 4 along axis 1 over 6 columns (the last block is short).
  %q21_int4_in0 = arith.constant dense<[[6.5, 12.0, -19.5, 12.0, -1.5, 0.5], [5.0, -9.0, 19.0, -18.0, -9.0, -5.0]]> : tensor<2x6xf32>
  %q21_int4_in1 = arith.constant dense<[[1.0, 2.0], [0.5, 4.0]]> : tensor<2x2xf32>
  %q21_int4_in2 = arith.constant dense<[[-1, 2], [0, -8]]> : tensor<2x2xi4>
  %q21_int4_r0 = onnx.node "QuantizeLinear"(%q21_int4_in0, %q21_int4_in1, %q21_int4_in2) {domain = "", opset = 21 : i64, name = "q21_int4", attrs = {axis = 1 : i64, block_size = 4 : i64}} : (tensor<2x6xf32>, tensor<2x2xf32>, tensor<2x2xi4>) -> tensor<2x6xi4>
  %q21_int4_o0_w = arith.extsi %q21_int4_r0 : tensor<2x6xi4> to tensor<2x6xi32>
  %q21_int4_o0_u = tensor.cast %q21_int4_o0_w : tensor<2x6xi32> to tensor<*xi32>
  call @printMemrefI32(%q21_int4_o0_u) : (tensor<*xi32>) -> ()
  // uint4 output through a uint4 zero point, per axis 1.
  %q21_uint4_in0 = arith.constant dense<[[-3.0, 0.0, 4.5], [9.0, 30.0, 1.0]]> : tensor<2x3xf32>
  %q21_uint4_in1 = arith.constant dense<[1.0, 2.0, 0.5]> : tensor<3xf32>
  %q21_uint4_in2 = arith.constant dense<[3, 8, 15]> : tensor<3xui4>
  %q21_uint4_r0 = onnx.node "QuantizeLinear"(%q21_uint4_in0, %q21_uint4_in1, %q21_uint4_in2) {domain = "", opset = 21 : i64, name = "q21_uint4", attrs = {axis = 1 : i64}} : (tensor<2x3xf32>, tensor<3xf32>, tensor<3xui4>) -> tensor<2x3xi4>
  %q21_uint4_o0_w = arith.extui %q21_uint4_r0 : tensor<2x3xi4> to tensor<2x3xi32>
  %q21_uint4_o0_u = tensor.cast %q21_uint4_o0_w : tensor<2x3xi32> to tensor<*xi32>
  call @printMemrefI32(%q21_uint4_o0_u) : (tensor<*xi32>) -> ()
  // output_dtype = uint16 (4), no zero point, blocked along axis 0.
  %q21_uint16_in0 = arith.constant dense<[[70000.0, 1.5], [-2.0, 65534.0], [12345.5, 3.0]]> : tensor<3x2xf32>
  %q21_uint16_in1 = arith.constant dense<[[2.0, 1.0], [0.5, 1.0]]> : tensor<2x2xf32>
  %q21_uint16_r0 = onnx.node "QuantizeLinear"(%q21_uint16_in0, %q21_uint16_in1) {domain = "", opset = 21 : i64, name = "q21_uint16", attrs = {axis = 0 : i64, block_size = 2 : i64, output_dtype = 4 : i64}} : (tensor<3x2xf32>, tensor<2x2xf32>) -> tensor<3x2xi16>
  %q21_uint16_o0_w = arith.extui %q21_uint16_r0 : tensor<3x2xi16> to tensor<3x2xi32>
  %q21_uint16_o0_u = tensor.cast %q21_uint16_o0_w : tensor<3x2xi32> to tensor<*xi32>
  call @printMemrefI32(%q21_uint16_o0_u) : (tensor<*xi32>) -> ()
  // int16 through an int16 zero point, per tensor.
  %q21_int16_in0 = arith.constant dense<[-70000.0, 3.0, 40000.5]> : tensor<3xf32>
  %q21_int16_in1 = arith.constant dense<1.0> : tensor<f32>
  %q21_int16_in2 = arith.constant dense<-5> : tensor<i16>
  %q21_int16_r0 = onnx.node "QuantizeLinear"(%q21_int16_in0, %q21_int16_in1, %q21_int16_in2) {domain = "", opset = 21 : i64, name = "q21_int16", attrs = {}} : (tensor<3xf32>, tensor<f32>, tensor<i16>) -> tensor<3xi16>
  %q21_int16_o0_w = arith.extsi %q21_int16_r0 : tensor<3xi16> to tensor<3xi32>
  %q21_int16_o0_u = tensor.cast %q21_int16_o0_w : tensor<3xi32> to tensor<*xi32>
  call @printMemrefI32(%q21_int16_o0_u) : (tensor<*xi32>) -> ()
  // output_dtype = int4 (22), no zero point.
  %q21_dtype_int4_in0 = arith.constant dense<[-20.0, -7.5, 6.5, 13.0]> : tensor<4xf32>
  %q21_dtype_int4_in1 = arith.constant dense<1.0> : tensor<f32>
  %q21_dtype_int4_r0 = onnx.node "QuantizeLinear"(%q21_dtype_int4_in0, %q21_dtype_int4_in1) {domain = "", opset = 21 : i64, name = "q21_dtype_int4", attrs = {output_dtype = 22 : i64}} : (tensor<4xf32>, tensor<f32>) -> tensor<4xi4>
  %q21_dtype_int4_o0_w = arith.extsi %q21_dtype_int4_r0 : tensor<4xi4> to tensor<4xi32>
  %q21_dtype_int4_o0_u = tensor.cast %q21_dtype_int4_o0_w : tensor<4xi32> to tensor<*xi32>
  call @printMemrefI32(%q21_dtype_int4_o0_u) : (tensor<*xi32>) -> ()
  // precision = float (opset 23) for a bfloat16 input.
  %q23_precision_in0 = arith.constant dense<[3.0, -130.0, 2.5]> : tensor<3xbf16>
  %q23_precision_in1 = arith.constant dense<1.0> : tensor<f32>
  %q23_precision_r0 = onnx.node "QuantizeLinear"(%q23_precision_in0, %q23_precision_in1) {domain = "", opset = 23 : i64, name = "q23_precision", attrs = {precision = 1 : i64, output_dtype = 3 : i64}} : (tensor<3xbf16>, tensor<f32>) -> tensor<3xi8>
  %q23_precision_o0_w = arith.extsi %q23_precision_r0 : tensor<3xi8> to tensor<3xi32>
  %q23_precision_o0_u = tensor.cast %q23_precision_o0_w : tensor<3xi32> to tensor<*xi32>
  call @printMemrefI32(%q23_precision_o0_u) : (tensor<*xi32>) -> ()
  // output_dtype = uint2 (25), opset 25.
  %q25_uint2_in0 = arith.constant dense<[-1.0, 0.6, 1.5, 9.0]> : tensor<4xf32>
  %q25_uint2_in1 = arith.constant dense<1.0> : tensor<f32>
  %q25_uint2_r0 = onnx.node "QuantizeLinear"(%q25_uint2_in0, %q25_uint2_in1) {domain = "", opset = 25 : i64, name = "q25_uint2", attrs = {output_dtype = 25 : i64}} : (tensor<4xf32>, tensor<f32>) -> tensor<4xi2>
  %q25_uint2_o0_w = arith.extui %q25_uint2_r0 : tensor<4xi2> to tensor<4xi32>
  %q25_uint2_o0_u = tensor.cast %q25_uint2_o0_w : tensor<4xi32> to tensor<*xi32>
  call @printMemrefI32(%q25_uint2_o0_u) : (tensor<*xi32>) -> ()
  return
}
func.func private @printMemrefF32(tensor<*xf32>)
func.func private @printMemrefI32(tensor<*xi32>)
