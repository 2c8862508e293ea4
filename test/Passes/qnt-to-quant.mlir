// RUN: quench-opt %s --split-input-file --qnt-to-quant -verify-diagnostics | FileCheck %s

// Exports of qnt.dequantize(qnt.uniform) to upstream quant.scast + quant.dcast.
// One block -> per-tensor; one dimension blocked by 1 -> per-axis; anything
// else -> sub-channel. Upstream: expressed = (stored - zeroPoint) * scale.

// Per-tensor with a zero point.

// CHECK-LABEL: func.func @per_tensor_zp(
// CHECK-SAME:    %[[CODES:[^:]+]]: tensor<2x4xi8>
// CHECK-NOT:     qnt.
// CHECK:         %[[Q:.+]] = quant.scast %[[CODES]] : tensor<2x4xi8> to tensor<2x4x!quant.uniform<i8:f32, 5.000000e-01:3>>
// CHECK:         %[[F:.+]] = quant.dcast %[[Q]] : tensor<2x4x!quant.uniform<i8:f32, 5.000000e-01:3>> to tensor<2x4xf32>
// CHECK-NOT:     qnt.
// CHECK:         return %[[F]] : tensor<2x4xf32>
func.func @per_tensor_zp(%codes: tensor<2x4xi8>) -> tensor<2x4xf32> {
  %s = arith.constant dense<0.5> : tensor<1x1xf32>
  %z = arith.constant dense<3> : tensor<1x1xi8>
  %w = qnt.uniform %codes scales(%s) zero_points(%z) : (tensor<2x4xi8>, tensor<1x1xf32>, tensor<1x1xi8>) -> !qnt.qtensor<2x4xf32, #qnt.uniform<bits = 8, block = [2, 4], zero_point = true>>
  %f = qnt.dequantize %w : !qnt.qtensor<2x4xf32, #qnt.uniform<bits = 8, block = [2, 4], zero_point = true>> -> tensor<2x4xf32>
  return %f : tensor<2x4xf32>
}

// -----

// Per-tensor without a zero point.

// CHECK-LABEL: func.func @per_tensor_no_zp(
// CHECK-SAME:    %[[CODES:[^:]+]]: tensor<4xi8>
// CHECK:         %[[Q:.+]] = quant.scast %[[CODES]] : tensor<4xi8> to tensor<4x!quant.uniform<i8:f32, 2.500000e-01>>
// CHECK:         %[[F:.+]] = quant.dcast %[[Q]] : tensor<4x!quant.uniform<i8:f32, 2.500000e-01>> to tensor<4xf32>
// CHECK:         return %[[F]]
func.func @per_tensor_no_zp(%codes: tensor<4xi8>) -> tensor<4xf32> {
  %s = arith.constant dense<0.25> : tensor<1xf32>
  %w = qnt.uniform %codes scales(%s) : (tensor<4xi8>, tensor<1xf32>) -> !qnt.qtensor<4xf32, #qnt.uniform<bits = 8, block = [4]>>
  %f = qnt.dequantize %w : !qnt.qtensor<4xf32, #qnt.uniform<bits = 8, block = [4]>> -> tensor<4xf32>
  return %f : tensor<4xf32>
}

// -----

// Unsigned 8-bit: the i8 zero point -128 under signedness = unsigned is 128.

// CHECK-LABEL: func.func @per_tensor_u8(
// CHECK-SAME:    %[[CODES:[^:]+]]: tensor<4xi8>
// CHECK:         %[[Q:.+]] = quant.scast %[[CODES]] : tensor<4xi8> to tensor<4x!quant.uniform<u8:f32, 5.000000e-01:128>>
// CHECK:         %[[F:.+]] = quant.dcast %[[Q]] : tensor<4x!quant.uniform<u8:f32, 5.000000e-01:128>> to tensor<4xf32>
// CHECK:         return %[[F]]
func.func @per_tensor_u8(%codes: tensor<4xi8>) -> tensor<4xf32> {
  %s = arith.constant dense<0.5> : tensor<1xf32>
  %z = arith.constant dense<-128> : tensor<1xi8>
  %w = qnt.uniform %codes scales(%s) zero_points(%z) : (tensor<4xi8>, tensor<1xf32>, tensor<1xi8>) -> !qnt.qtensor<4xf32, #qnt.uniform<bits = 8, signedness = unsigned, block = [4], zero_point = true>>
  %f = qnt.dequantize %w : !qnt.qtensor<4xf32, #qnt.uniform<bits = 8, signedness = unsigned, block = [4], zero_point = true>> -> tensor<4xf32>
  return %f : tensor<4xf32>
}

// -----

// 4-bit signed codes in i4 storage, f16 expressed type.

// CHECK-LABEL: func.func @per_tensor_i4_f16(
// CHECK-SAME:    %[[CODES:[^:]+]]: tensor<4xi4>
// CHECK:         %[[Q:.+]] = quant.scast %[[CODES]] : tensor<4xi4> to tensor<4x!quant.uniform<i4:f16, 5.000000e-01:-2>>
// CHECK:         %[[F:.+]] = quant.dcast %[[Q]] : tensor<4x!quant.uniform<i4:f16, 5.000000e-01:-2>> to tensor<4xf16>
// CHECK:         return %[[F]]
func.func @per_tensor_i4_f16(%codes: tensor<4xi4>) -> tensor<4xf16> {
  %s = arith.constant dense<0.5> : tensor<1xf16>
  %z = arith.constant dense<-2> : tensor<1xi4>
  %w = qnt.uniform %codes scales(%s) zero_points(%z) : (tensor<4xi4>, tensor<1xf16>, tensor<1xi4>) -> !qnt.qtensor<4xf16, #qnt.uniform<bits = 4, block = [4], zero_point = true>>
  %f = qnt.dequantize %w : !qnt.qtensor<4xf16, #qnt.uniform<bits = 4, block = [4], zero_point = true>> -> tensor<4xf16>
  return %f : tensor<4xf16>
}

// -----

// 4-bit signed codes held in i8: the storage keeps i8, the range says 4 bits.

// CHECK-LABEL: func.func @per_tensor_s4_in_i8(
// CHECK-SAME:    %[[CODES:[^:]+]]: tensor<4xi8>
// CHECK:         %[[Q:.+]] = quant.scast %[[CODES]] : tensor<4xi8> to tensor<4x!quant.uniform<i8<-8:7>:f32, 5.000000e-01>>
// CHECK:         %[[F:.+]] = quant.dcast %[[Q]] : tensor<4x!quant.uniform<i8<-8:7>:f32, 5.000000e-01>> to tensor<4xf32>
// CHECK:         return %[[F]]
func.func @per_tensor_s4_in_i8(%codes: tensor<4xi8>) -> tensor<4xf32> {
  %s = arith.constant dense<0.5> : tensor<1xf32>
  %w = qnt.uniform %codes scales(%s) : (tensor<4xi8>, tensor<1xf32>) -> !qnt.qtensor<4xf32, #qnt.uniform<bits = 4, block = [4]>>
  %f = qnt.dequantize %w : !qnt.qtensor<4xf32, #qnt.uniform<bits = 4, block = [4]>> -> tensor<4xf32>
  return %f : tensor<4xf32>
}

// -----

// Per-axis on dimension 1 (block [3, 1]) with zero points.

// CHECK-LABEL: func.func @per_axis_zp(
// CHECK-SAME:    %[[CODES:[^:]+]]: tensor<3x2xi8>
// CHECK-NOT:     qnt.
// CHECK:         %[[Q:.+]] = quant.scast %[[CODES]] : tensor<3x2xi8> to tensor<3x2x!quant.uniform<i8:f32:1, {5.000000e-01:1,2.500000e-01:2}>>
// CHECK:         %[[F:.+]] = quant.dcast %[[Q]] : tensor<3x2x!quant.uniform<i8:f32:1, {5.000000e-01:1,2.500000e-01:2}>> to tensor<3x2xf32>
// CHECK-NOT:     qnt.
// CHECK:         return %[[F]]
func.func @per_axis_zp(%codes: tensor<3x2xi8>) -> tensor<3x2xf32> {
  %s = arith.constant dense<[[0.5, 0.25]]> : tensor<1x2xf32>
  %z = arith.constant dense<[[1, 2]]> : tensor<1x2xi8>
  %w = qnt.uniform %codes scales(%s) zero_points(%z) : (tensor<3x2xi8>, tensor<1x2xf32>, tensor<1x2xi8>) -> !qnt.qtensor<3x2xf32, #qnt.uniform<bits = 8, block = [3, 1], zero_point = true>>
  %f = qnt.dequantize %w : !qnt.qtensor<3x2xf32, #qnt.uniform<bits = 8, block = [3, 1], zero_point = true>> -> tensor<3x2xf32>
  return %f : tensor<3x2xf32>
}

// -----

// Per-axis on dimension 0 (block [1, 3]) without zero points.

// CHECK-LABEL: func.func @per_axis_no_zp(
// CHECK-SAME:    %[[CODES:[^:]+]]: tensor<2x3xi8>
// CHECK:         %[[Q:.+]] = quant.scast %[[CODES]] : tensor<2x3xi8> to tensor<2x3x!quant.uniform<i8:f32:0, {5.000000e-01,2.500000e-01}>>
// CHECK:         %[[F:.+]] = quant.dcast %[[Q]] : tensor<2x3x!quant.uniform<i8:f32:0, {5.000000e-01,2.500000e-01}>> to tensor<2x3xf32>
// CHECK:         return %[[F]]
func.func @per_axis_no_zp(%codes: tensor<2x3xi8>) -> tensor<2x3xf32> {
  %s = arith.constant dense<[[0.5], [0.25]]> : tensor<2x1xf32>
  %w = qnt.uniform %codes scales(%s) : (tensor<2x3xi8>, tensor<2x1xf32>) -> !qnt.qtensor<2x3xf32, #qnt.uniform<bits = 8, block = [1, 3]>>
  %f = qnt.dequantize %w : !qnt.qtensor<2x3xf32, #qnt.uniform<bits = 8, block = [1, 3]>> -> tensor<2x3xf32>
  return %f : tensor<2x3xf32>
}

// -----

// Per-axis, unsigned, zero point 200 (i8 bit pattern -56).

// CHECK-LABEL: func.func @per_axis_u8(
// CHECK-SAME:    %[[CODES:[^:]+]]: tensor<2x4xi8>
// CHECK:         %[[Q:.+]] = quant.scast %[[CODES]] : tensor<2x4xi8> to tensor<2x4x!quant.uniform<u8:f32:0, {5.000000e-01:200,1.000000e+00:8}>>
// CHECK:         %[[F:.+]] = quant.dcast %[[Q]]
// CHECK:         return %[[F]]
func.func @per_axis_u8(%codes: tensor<2x4xi8>) -> tensor<2x4xf32> {
  %s = arith.constant dense<[[0.5], [1.0]]> : tensor<2x1xf32>
  %z = arith.constant dense<[[-56], [8]]> : tensor<2x1xi8>
  %w = qnt.uniform %codes scales(%s) zero_points(%z) : (tensor<2x4xi8>, tensor<2x1xf32>, tensor<2x1xi8>) -> !qnt.qtensor<2x4xf32, #qnt.uniform<bits = 8, signedness = unsigned, block = [1, 4], zero_point = true>>
  %f = qnt.dequantize %w : !qnt.qtensor<2x4xf32, #qnt.uniform<bits = 8, signedness = unsigned, block = [1, 4], zero_point = true>> -> tensor<2x4xf32>
  return %f : tensor<2x4xf32>
}

// -----

// Sub-channel, blocks of 1x2, with zero points.

// CHECK-LABEL: func.func @sub_channel_zp(
// CHECK-SAME:    %[[CODES:[^:]+]]: tensor<2x4xi8>
// CHECK-NOT:     qnt.
// CHECK:         %[[Q:.+]] = quant.scast %[[CODES]] : tensor<2x4xi8> to tensor<2x4x!quant.uniform<i8:f32:{0:1, 1:2}, {{[{][{]}}5.000000e-01:1, 2.000000e+00:2}, {1.000000e+00:3, 2.500000e-01:4}}>>
// CHECK:         %[[F:.+]] = quant.dcast %[[Q]] : tensor<2x4x!quant.uniform<i8:f32:{0:1, 1:2}, {{[{][{]}}5.000000e-01:1, 2.000000e+00:2}, {1.000000e+00:3, 2.500000e-01:4}}>> to tensor<2x4xf32>
// CHECK-NOT:     qnt.
// CHECK:         return %[[F]]
func.func @sub_channel_zp(%codes: tensor<2x4xi8>) -> tensor<2x4xf32> {
  %s = arith.constant dense<[[0.5, 2.0], [1.0, 0.25]]> : tensor<2x2xf32>
  %z = arith.constant dense<[[1, 2], [3, 4]]> : tensor<2x2xi8>
  %w = qnt.uniform %codes scales(%s) zero_points(%z) : (tensor<2x4xi8>, tensor<2x2xf32>, tensor<2x2xi8>) -> !qnt.qtensor<2x4xf32, #qnt.uniform<bits = 8, block = [1, 2], zero_point = true>>
  %f = qnt.dequantize %w : !qnt.qtensor<2x4xf32, #qnt.uniform<bits = 8, block = [1, 2], zero_point = true>> -> tensor<2x4xf32>
  return %f : tensor<2x4xf32>
}

// -----

// Sub-channel, blocks of 2x2, without zero points.

// CHECK-LABEL: func.func @sub_channel_no_zp(
// CHECK-SAME:    %[[CODES:[^:]+]]: tensor<4x4xi8>
// CHECK:         %[[Q:.+]] = quant.scast %[[CODES]] : tensor<4x4xi8> to tensor<4x4x!quant.uniform<i8:f32:{0:2, 1:2}, {{[{][{]}}5.000000e-01, 2.000000e+00}, {1.000000e+00, 2.500000e-01}}>>
// CHECK:         %[[F:.+]] = quant.dcast %[[Q]]
// CHECK:         return %[[F]]
func.func @sub_channel_no_zp(%codes: tensor<4x4xi8>) -> tensor<4x4xf32> {
  %s = arith.constant dense<[[0.5, 2.0], [1.0, 0.25]]> : tensor<2x2xf32>
  %w = qnt.uniform %codes scales(%s) : (tensor<4x4xi8>, tensor<2x2xf32>) -> !qnt.qtensor<4x4xf32, #qnt.uniform<bits = 8, block = [2, 2]>>
  %f = qnt.dequantize %w : !qnt.qtensor<4x4xf32, #qnt.uniform<bits = 8, block = [2, 2]>> -> tensor<4x4xf32>
  return %f : tensor<4x4xf32>
}

// -----

// Sub-channel blocked on axis 0 only (block [3, 2] on 6x2): axis 1 is not
// listed, its block is the whole dimension.

// CHECK-LABEL: func.func @sub_channel_one_axis(
// CHECK-SAME:    %[[CODES:[^:]+]]: tensor<6x2xi8>
// CHECK:         %[[Q:.+]] = quant.scast %[[CODES]] : tensor<6x2xi8> to tensor<6x2x!quant.uniform<i8:f32:{0:3}, {{[{][{]}}1.000000e+00}, {3.000000e+00:5}}>>
// CHECK:         %[[F:.+]] = quant.dcast %[[Q]]
// CHECK:         return %[[F]]
func.func @sub_channel_one_axis(%codes: tensor<6x2xi8>) -> tensor<6x2xf32> {
  %s = arith.constant dense<[[1.0], [3.0]]> : tensor<2x1xf32>
  %z = arith.constant dense<[[0], [5]]> : tensor<2x1xi8>
  %w = qnt.uniform %codes scales(%s) zero_points(%z) : (tensor<6x2xi8>, tensor<2x1xf32>, tensor<2x1xi8>) -> !qnt.qtensor<6x2xf32, #qnt.uniform<bits = 8, block = [3, 2], zero_point = true>>
  %f = qnt.dequantize %w : !qnt.qtensor<6x2xf32, #qnt.uniform<bits = 8, block = [3, 2], zero_point = true>> -> tensor<6x2xf32>
  return %f : tensor<6x2xf32>
}

// -----

// Sub-channel, unsigned 4-bit codes in i8 (the form of ONNX MatMulNBits):
// u8 storage narrowed to <0:15>.

// CHECK-LABEL: func.func @sub_channel_u4_in_i8(
// CHECK-SAME:    %[[CODES:[^:]+]]: tensor<2x4xi8>
// CHECK:         %[[Q:.+]] = quant.scast %[[CODES]] : tensor<2x4xi8> to tensor<2x4x!quant.uniform<u8<0:15>:f32:{0:1, 1:2}, {{[{][{]}}5.000000e-01:8, 2.000000e+00:8}, {1.000000e+00:8, 2.500000e-01}}>>
// CHECK:         %[[F:.+]] = quant.dcast %[[Q]]
// CHECK:         return %[[F]]
func.func @sub_channel_u4_in_i8(%codes: tensor<2x4xi8>) -> tensor<2x4xf32> {
  %s = arith.constant dense<[[0.5, 2.0], [1.0, 0.25]]> : tensor<2x2xf32>
  %z = arith.constant dense<[[8, 8], [8, 0]]> : tensor<2x2xi8>
  %w = qnt.uniform %codes scales(%s) zero_points(%z) : (tensor<2x4xi8>, tensor<2x2xf32>, tensor<2x2xi8>) -> !qnt.qtensor<2x4xf32, #qnt.uniform<bits = 4, signedness = unsigned, block = [1, 2], zero_point = true>>
  %f = qnt.dequantize %w : !qnt.qtensor<2x4xf32, #qnt.uniform<bits = 4, signedness = unsigned, block = [1, 2], zero_point = true>> -> tensor<2x4xf32>
  return %f : tensor<2x4xf32>
}

// -----

// Left in qnt: packed codes.

// CHECK-LABEL: func.func @untouched_packed(
// CHECK-NOT:     quant.
// CHECK:         %[[W:.+]] = qnt.uniform
// CHECK:         %[[F:.+]] = qnt.dequantize %[[W]]
// CHECK:         return %[[F]]
func.func @untouched_packed(%codes: tensor<2x2xi8>) -> tensor<2x4xf32> {
  %s = arith.constant dense<[[0.5], [0.25]]> : tensor<2x1xf32>
  %w = qnt.uniform %codes scales(%s) : (tensor<2x2xi8>, tensor<2x1xf32>) -> !qnt.qtensor<2x4xf32, #qnt.uniform<bits = 4, block = [1, 4], packing = <bits = 4>>>
  // expected-remark @+1 {{left in qnt: only an unpacked qnt.uniform with constant scales and integer zero points has a !quant.uniform form}}
  %f = qnt.dequantize %w : !qnt.qtensor<2x4xf32, #qnt.uniform<bits = 4, block = [1, 4], packing = <bits = 4>>> -> tensor<2x4xf32>
  return %f : tensor<2x4xf32>
}

// -----

// Left in qnt: act-order group_index.

// CHECK-LABEL: func.func @untouched_group_index(
// CHECK-NOT:     quant.
// CHECK:         %[[W:.+]] = qnt.uniform %{{.+}} scales(%{{.+}}) group_index(%{{.+}})
// CHECK:         %[[F:.+]] = qnt.dequantize %[[W]]
// CHECK:         return %[[F]]
func.func @untouched_group_index(%codes: tensor<2x4xi8>) -> tensor<2x4xf32> {
  %s = arith.constant dense<[[0.5, 2.0], [1.0, 0.25]]> : tensor<2x2xf32>
  %g = arith.constant dense<[0, 1, 0, 1]> : tensor<4xi32>
  %w = qnt.uniform %codes scales(%s) group_index(%g) : (tensor<2x4xi8>, tensor<2x2xf32>, tensor<4xi32>) -> !qnt.qtensor<2x4xf32, #qnt.uniform<bits = 8, block = [1, 2]>>
  // expected-remark @+1 {{left in qnt}}
  %f = qnt.dequantize %w : !qnt.qtensor<2x4xf32, #qnt.uniform<bits = 8, block = [1, 2]>> -> tensor<2x4xf32>
  return %f : tensor<2x4xf32>
}

// -----

// Left in qnt: scales that are not constants.

// CHECK-LABEL: func.func @untouched_dynamic_scales(
// CHECK-SAME:    %[[CODES:[^:]+]]: tensor<2x4xi8>, %[[S:[^:]+]]: tensor<2x1xf32>
// CHECK-NOT:     quant.
// CHECK:         %[[W:.+]] = qnt.uniform %[[CODES]] scales(%[[S]])
// CHECK:         %[[F:.+]] = qnt.dequantize %[[W]]
// CHECK:         return %[[F]]
func.func @untouched_dynamic_scales(%codes: tensor<2x4xi8>, %s: tensor<2x1xf32>) -> tensor<2x4xf32> {
  %w = qnt.uniform %codes scales(%s) : (tensor<2x4xi8>, tensor<2x1xf32>) -> !qnt.qtensor<2x4xf32, #qnt.uniform<bits = 8, block = [1, 4]>>
  // expected-remark @+1 {{left in qnt}}
  %f = qnt.dequantize %w : !qnt.qtensor<2x4xf32, #qnt.uniform<bits = 8, block = [1, 4]>> -> tensor<2x4xf32>
  return %f : tensor<2x4xf32>
}

// -----

// Left in qnt: float zero points (no integer zero point in !quant.uniform).

// CHECK-LABEL: func.func @untouched_float_zero_points(
// CHECK-NOT:     quant.
// CHECK:         %[[W:.+]] = qnt.uniform %{{.+}} scales(%{{.+}}) zero_points(%{{.+}}) : (tensor<2x4xi8>, tensor<2x1xf32>, tensor<2x1xf32>)
// CHECK:         %[[F:.+]] = qnt.dequantize %[[W]]
// CHECK:         return %[[F]]
func.func @untouched_float_zero_points(%codes: tensor<2x4xi8>) -> tensor<2x4xf32> {
  %s = arith.constant dense<[[0.5], [0.25]]> : tensor<2x1xf32>
  %z = arith.constant dense<[[1.5], [0.0]]> : tensor<2x1xf32>
  %w = qnt.uniform %codes scales(%s) zero_points(%z) : (tensor<2x4xi8>, tensor<2x1xf32>, tensor<2x1xf32>) -> !qnt.qtensor<2x4xf32, #qnt.uniform<bits = 8, block = [1, 4], zero_point = true>>
  // expected-remark @+1 {{left in qnt}}
  %f = qnt.dequantize %w : !qnt.qtensor<2x4xf32, #qnt.uniform<bits = 8, block = [1, 4], zero_point = true>> -> tensor<2x4xf32>
  return %f : tensor<2x4xf32>
}
