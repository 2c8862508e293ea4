// RUN: quench-opt %s --qnt-from-quant --qnt-to-quant | FileCheck %s
// RUN: quench-opt %s --qnt-from-quant | FileCheck %s --check-prefix=QNT

// Round trip upstream -> qnt -> upstream: every quant.dcast(quant.scast) comes
// back with the same !quant.uniform type. The QNT run checks that the import
// really went through qnt (otherwise the round trip would be vacuous).

// Per-tensor with a zero point.

// CHECK-LABEL: func.func @per_tensor_zp(
// CHECK-SAME:    %[[CODES:[^:]+]]: tensor<4xi8>
// CHECK-NOT:     qnt.
// CHECK:         %[[Q:.+]] = quant.scast %[[CODES]] : tensor<4xi8> to tensor<4x!quant.uniform<i8:f32, 5.000000e-01:3>>
// CHECK:         %[[F:.+]] = quant.dcast %[[Q]] : tensor<4x!quant.uniform<i8:f32, 5.000000e-01:3>> to tensor<4xf32>
// CHECK-NOT:     qnt.
// CHECK:         return %[[F]] : tensor<4xf32>

// QNT-LABEL:   func.func @per_tensor_zp(
// QNT-NOT:       quant.
// QNT:           qnt.uniform
// QNT:           qnt.dequantize
// QNT-NOT:       quant.
// QNT:           return
func.func @per_tensor_zp(%codes: tensor<4xi8>) -> tensor<4xf32> {
  %q = quant.scast %codes : tensor<4xi8> to tensor<4x!quant.uniform<i8:f32, 0.5:3>>
  %f = quant.dcast %q : tensor<4x!quant.uniform<i8:f32, 0.5:3>> to tensor<4xf32>
  return %f : tensor<4xf32>
}

// Per-tensor without a zero point.

// CHECK-LABEL: func.func @per_tensor_no_zp(
// CHECK-SAME:    %[[CODES:[^:]+]]: tensor<2x4xi8>
// CHECK-NOT:     qnt.
// CHECK:         %[[Q:.+]] = quant.scast %[[CODES]] : tensor<2x4xi8> to tensor<2x4x!quant.uniform<i8:f32, 2.500000e-01>>
// CHECK:         %[[F:.+]] = quant.dcast %[[Q]] : tensor<2x4x!quant.uniform<i8:f32, 2.500000e-01>> to tensor<2x4xf32>
// CHECK-NOT:     qnt.
// CHECK:         return %[[F]] : tensor<2x4xf32>

// QNT-LABEL:   func.func @per_tensor_no_zp(
// QNT-NOT:       quant.
// QNT:           qnt.uniform
// QNT:           qnt.dequantize
// QNT-NOT:       quant.
// QNT:           return
func.func @per_tensor_no_zp(%codes: tensor<2x4xi8>) -> tensor<2x4xf32> {
  %q = quant.scast %codes : tensor<2x4xi8> to tensor<2x4x!quant.uniform<i8:f32, 0.25>>
  %f = quant.dcast %q : tensor<2x4x!quant.uniform<i8:f32, 0.25>> to tensor<2x4xf32>
  return %f : tensor<2x4xf32>
}

// Unsigned storage, zero point above 127.

// CHECK-LABEL: func.func @per_tensor_u8(
// CHECK-SAME:    %[[CODES:[^:]+]]: tensor<4xi8>
// CHECK-NOT:     qnt.
// CHECK:         %[[Q:.+]] = quant.scast %[[CODES]] : tensor<4xi8> to tensor<4x!quant.uniform<u8:f32, 5.000000e-01:128>>
// CHECK:         %[[F:.+]] = quant.dcast %[[Q]] : tensor<4x!quant.uniform<u8:f32, 5.000000e-01:128>> to tensor<4xf32>
// CHECK-NOT:     qnt.
// CHECK:         return %[[F]] : tensor<4xf32>

// QNT-LABEL:   func.func @per_tensor_u8(
// QNT-NOT:       quant.
// QNT:           qnt.uniform
// QNT:           qnt.dequantize
// QNT-NOT:       quant.
// QNT:           return
func.func @per_tensor_u8(%codes: tensor<4xi8>) -> tensor<4xf32> {
  %q = quant.scast %codes : tensor<4xi8> to tensor<4x!quant.uniform<u8:f32, 0.5:128>>
  %f = quant.dcast %q : tensor<4x!quant.uniform<u8:f32, 0.5:128>> to tensor<4xf32>
  return %f : tensor<4xf32>
}

// Sub-byte storage, f16 expressed type.

// CHECK-LABEL: func.func @per_tensor_i4_f16(
// CHECK-SAME:    %[[CODES:[^:]+]]: tensor<4xi4>
// CHECK-NOT:     qnt.
// CHECK:         %[[Q:.+]] = quant.scast %[[CODES]] : tensor<4xi4> to tensor<4x!quant.uniform<i4:f16, 5.000000e-01:-2>>
// CHECK:         %[[F:.+]] = quant.dcast %[[Q]] : tensor<4x!quant.uniform<i4:f16, 5.000000e-01:-2>> to tensor<4xf16>
// CHECK-NOT:     qnt.
// CHECK:         return %[[F]] : tensor<4xf16>

// QNT-LABEL:   func.func @per_tensor_i4_f16(
// QNT-NOT:       quant.
// QNT:           qnt.uniform
// QNT:           qnt.dequantize
// QNT-NOT:       quant.
// QNT:           return
func.func @per_tensor_i4_f16(%codes: tensor<4xi4>) -> tensor<4xf16> {
  %q = quant.scast %codes : tensor<4xi4> to tensor<4x!quant.uniform<i4:f16, 0.5:-2>>
  %f = quant.dcast %q : tensor<4x!quant.uniform<i4:f16, 0.5:-2>> to tensor<4xf16>
  return %f : tensor<4xf16>
}

// 4-bit codes in i8 storage: the storage range must survive.

// CHECK-LABEL: func.func @per_tensor_s4_in_i8(
// CHECK-SAME:    %[[CODES:[^:]+]]: tensor<4xi8>
// CHECK-NOT:     qnt.
// CHECK:         %[[Q:.+]] = quant.scast %[[CODES]] : tensor<4xi8> to tensor<4x!quant.uniform<i8<-8:7>:f32, 5.000000e-01>>
// CHECK:         %[[F:.+]] = quant.dcast %[[Q]] : tensor<4x!quant.uniform<i8<-8:7>:f32, 5.000000e-01>> to tensor<4xf32>
// CHECK-NOT:     qnt.
// CHECK:         return %[[F]] : tensor<4xf32>

// QNT-LABEL:   func.func @per_tensor_s4_in_i8(
// QNT-NOT:       quant.
// QNT:           qnt.uniform
// QNT:           qnt.dequantize
// QNT-NOT:       quant.
// QNT:           return
func.func @per_tensor_s4_in_i8(%codes: tensor<4xi8>) -> tensor<4xf32> {
  %q = quant.scast %codes : tensor<4xi8> to tensor<4x!quant.uniform<i8<-8:7>:f32, 0.5>>
  %f = quant.dcast %q : tensor<4x!quant.uniform<i8<-8:7>:f32, 0.5>> to tensor<4xf32>
  return %f : tensor<4xf32>
}

// Per-axis on dimension 1 with zero points.

// CHECK-LABEL: func.func @per_axis_zp(
// CHECK-SAME:    %[[CODES:[^:]+]]: tensor<3x2xi8>
// CHECK-NOT:     qnt.
// CHECK:         %[[Q:.+]] = quant.scast %[[CODES]] : tensor<3x2xi8> to tensor<3x2x!quant.uniform<i8:f32:1, {5.000000e-01:1,2.500000e-01:2}>>
// CHECK:         %[[F:.+]] = quant.dcast %[[Q]] : tensor<3x2x!quant.uniform<i8:f32:1, {5.000000e-01:1,2.500000e-01:2}>> to tensor<3x2xf32>
// CHECK-NOT:     qnt.
// CHECK:         return %[[F]] : tensor<3x2xf32>

// QNT-LABEL:   func.func @per_axis_zp(
// QNT-NOT:       quant.
// QNT:           qnt.uniform
// QNT:           qnt.dequantize
// QNT-NOT:       quant.
// QNT:           return
func.func @per_axis_zp(%codes: tensor<3x2xi8>) -> tensor<3x2xf32> {
  %q = quant.scast %codes : tensor<3x2xi8> to tensor<3x2x!quant.uniform<i8:f32:1, {0.5:1, 0.25:2}>>
  %f = quant.dcast %q : tensor<3x2x!quant.uniform<i8:f32:1, {0.5:1, 0.25:2}>> to tensor<3x2xf32>
  return %f : tensor<3x2xf32>
}

// Per-axis on dimension 0 without zero points.

// CHECK-LABEL: func.func @per_axis_no_zp(
// CHECK-SAME:    %[[CODES:[^:]+]]: tensor<2x3xi8>
// CHECK-NOT:     qnt.
// CHECK:         %[[Q:.+]] = quant.scast %[[CODES]] : tensor<2x3xi8> to tensor<2x3x!quant.uniform<i8:f32:0, {5.000000e-01,2.500000e-01}>>
// CHECK:         %[[F:.+]] = quant.dcast %[[Q]] : tensor<2x3x!quant.uniform<i8:f32:0, {5.000000e-01,2.500000e-01}>> to tensor<2x3xf32>
// CHECK-NOT:     qnt.
// CHECK:         return %[[F]] : tensor<2x3xf32>

// QNT-LABEL:   func.func @per_axis_no_zp(
// QNT-NOT:       quant.
// QNT:           qnt.uniform
// QNT:           qnt.dequantize
// QNT-NOT:       quant.
// QNT:           return
func.func @per_axis_no_zp(%codes: tensor<2x3xi8>) -> tensor<2x3xf32> {
  %q = quant.scast %codes : tensor<2x3xi8> to tensor<2x3x!quant.uniform<i8:f32:0, {0.5, 0.25}>>
  %f = quant.dcast %q : tensor<2x3x!quant.uniform<i8:f32:0, {0.5, 0.25}>> to tensor<2x3xf32>
  return %f : tensor<2x3xf32>
}

// Per-axis, unsigned, zero point above 127.

// CHECK-LABEL: func.func @per_axis_u8(
// CHECK-SAME:    %[[CODES:[^:]+]]: tensor<2x4xi8>
// CHECK-NOT:     qnt.
// CHECK:         %[[Q:.+]] = quant.scast %[[CODES]] : tensor<2x4xi8> to tensor<2x4x!quant.uniform<u8:f32:0, {5.000000e-01:200,1.000000e+00:8}>>
// CHECK:         %[[F:.+]] = quant.dcast %[[Q]] : tensor<2x4x!quant.uniform<u8:f32:0, {5.000000e-01:200,1.000000e+00:8}>> to tensor<2x4xf32>
// CHECK-NOT:     qnt.
// CHECK:         return %[[F]] : tensor<2x4xf32>

// QNT-LABEL:   func.func @per_axis_u8(
// QNT-NOT:       quant.
// QNT:           qnt.uniform
// QNT:           qnt.dequantize
// QNT-NOT:       quant.
// QNT:           return
func.func @per_axis_u8(%codes: tensor<2x4xi8>) -> tensor<2x4xf32> {
  %q = quant.scast %codes : tensor<2x4xi8> to tensor<2x4x!quant.uniform<u8:f32:0, {0.5:200, 1.0:8}>>
  %f = quant.dcast %q : tensor<2x4x!quant.uniform<u8:f32:0, {0.5:200, 1.0:8}>> to tensor<2x4xf32>
  return %f : tensor<2x4xf32>
}

// Sub-channel, blocks of 1x2, with zero points.

// CHECK-LABEL: func.func @sub_channel_zp(
// CHECK-SAME:    %[[CODES:[^:]+]]: tensor<2x4xi8>
// CHECK-NOT:     qnt.
// CHECK:         %[[Q:.+]] = quant.scast %[[CODES]] : tensor<2x4xi8> to tensor<2x4x!quant.uniform<i8:f32:{0:1, 1:2}, {{[{][{]}}5.000000e-01:1, 2.000000e+00:2}, {1.000000e+00:3, 2.500000e-01:4}}>>
// CHECK:         %[[F:.+]] = quant.dcast %[[Q]] : tensor<2x4x!quant.uniform<i8:f32:{0:1, 1:2}, {{[{][{]}}5.000000e-01:1, 2.000000e+00:2}, {1.000000e+00:3, 2.500000e-01:4}}>> to tensor<2x4xf32>
// CHECK-NOT:     qnt.
// CHECK:         return %[[F]] : tensor<2x4xf32>

// QNT-LABEL:   func.func @sub_channel_zp(
// QNT-NOT:       quant.
// QNT:           qnt.uniform
// QNT:           qnt.dequantize
// QNT-NOT:       quant.
// QNT:           return
func.func @sub_channel_zp(%codes: tensor<2x4xi8>) -> tensor<2x4xf32> {
  %q = quant.scast %codes : tensor<2x4xi8> to tensor<2x4x!quant.uniform<i8:f32:{0:1, 1:2}, {{0.5:1, 2.0:2}, {1.0:3, 0.25:4}}>>
  %f = quant.dcast %q : tensor<2x4x!quant.uniform<i8:f32:{0:1, 1:2}, {{0.5:1, 2.0:2}, {1.0:3, 0.25:4}}>> to tensor<2x4xf32>
  return %f : tensor<2x4xf32>
}

// Sub-channel, blocks of 2x2, without zero points.

// CHECK-LABEL: func.func @sub_channel_no_zp(
// CHECK-SAME:    %[[CODES:[^:]+]]: tensor<4x4xi8>
// CHECK-NOT:     qnt.
// CHECK:         %[[Q:.+]] = quant.scast %[[CODES]] : tensor<4x4xi8> to tensor<4x4x!quant.uniform<i8:f32:{0:2, 1:2}, {{[{][{]}}5.000000e-01, 2.000000e+00}, {1.000000e+00, 2.500000e-01}}>>
// CHECK:         %[[F:.+]] = quant.dcast %[[Q]] : tensor<4x4x!quant.uniform<i8:f32:{0:2, 1:2}, {{[{][{]}}5.000000e-01, 2.000000e+00}, {1.000000e+00, 2.500000e-01}}>> to tensor<4x4xf32>
// CHECK-NOT:     qnt.
// CHECK:         return %[[F]] : tensor<4x4xf32>

// QNT-LABEL:   func.func @sub_channel_no_zp(
// QNT-NOT:       quant.
// QNT:           qnt.uniform
// QNT:           qnt.dequantize
// QNT-NOT:       quant.
// QNT:           return
func.func @sub_channel_no_zp(%codes: tensor<4x4xi8>) -> tensor<4x4xf32> {
  %q = quant.scast %codes : tensor<4x4xi8> to tensor<4x4x!quant.uniform<i8:f32:{0:2, 1:2}, {{0.5, 2.0}, {1.0, 0.25}}>>
  %f = quant.dcast %q : tensor<4x4x!quant.uniform<i8:f32:{0:2, 1:2}, {{0.5, 2.0}, {1.0, 0.25}}>> to tensor<4x4xf32>
  return %f : tensor<4x4xf32>
}

// Sub-channel blocked on axis 0 only.

// CHECK-LABEL: func.func @sub_channel_one_axis(
// CHECK-SAME:    %[[CODES:[^:]+]]: tensor<6x2xi8>
// CHECK-NOT:     qnt.
// CHECK:         %[[Q:.+]] = quant.scast %[[CODES]] : tensor<6x2xi8> to tensor<6x2x!quant.uniform<i8:f32:{0:3}, {{[{][{]}}1.000000e+00}, {3.000000e+00:5}}>>
// CHECK:         %[[F:.+]] = quant.dcast %[[Q]] : tensor<6x2x!quant.uniform<i8:f32:{0:3}, {{[{][{]}}1.000000e+00}, {3.000000e+00:5}}>> to tensor<6x2xf32>
// CHECK-NOT:     qnt.
// CHECK:         return %[[F]] : tensor<6x2xf32>

// QNT-LABEL:   func.func @sub_channel_one_axis(
// QNT-NOT:       quant.
// QNT:           qnt.uniform
// QNT:           qnt.dequantize
// QNT-NOT:       quant.
// QNT:           return
func.func @sub_channel_one_axis(%codes: tensor<6x2xi8>) -> tensor<6x2xf32> {
  %q = quant.scast %codes : tensor<6x2xi8> to tensor<6x2x!quant.uniform<i8:f32:{0:3}, {{1.0}, {3.0:5}}>>
  %f = quant.dcast %q : tensor<6x2x!quant.uniform<i8:f32:{0:3}, {{1.0}, {3.0:5}}>> to tensor<6x2xf32>
  return %f : tensor<6x2xf32>
}

// Sub-channel, unsigned 4-bit codes in u8 storage (ONNX MatMulNBits).

// CHECK-LABEL: func.func @sub_channel_u4_in_u8(
// CHECK-SAME:    %[[CODES:[^:]+]]: tensor<2x4xi8>
// CHECK-NOT:     qnt.
// CHECK:         %[[Q:.+]] = quant.scast %[[CODES]] : tensor<2x4xi8> to tensor<2x4x!quant.uniform<u8<0:15>:f32:{0:1, 1:2}, {{[{][{]}}5.000000e-01:8, 2.000000e+00:8}, {1.000000e+00:8, 2.500000e-01}}>>
// CHECK:         %[[F:.+]] = quant.dcast %[[Q]] : tensor<2x4x!quant.uniform<u8<0:15>:f32:{0:1, 1:2}, {{[{][{]}}5.000000e-01:8, 2.000000e+00:8}, {1.000000e+00:8, 2.500000e-01}}>> to tensor<2x4xf32>
// CHECK-NOT:     qnt.
// CHECK:         return %[[F]] : tensor<2x4xf32>

// QNT-LABEL:   func.func @sub_channel_u4_in_u8(
// QNT-NOT:       quant.
// QNT:           qnt.uniform
// QNT:           qnt.dequantize
// QNT-NOT:       quant.
// QNT:           return
func.func @sub_channel_u4_in_u8(%codes: tensor<2x4xi8>) -> tensor<2x4xf32> {
  %q = quant.scast %codes : tensor<2x4xi8> to tensor<2x4x!quant.uniform<u8<0:15>:f32:{0:1, 1:2}, {{0.5:8, 2.0:8}, {1.0:8, 0.25}}>>
  %f = quant.dcast %q : tensor<2x4x!quant.uniform<u8<0:15>:f32:{0:1, 1:2}, {{0.5:8, 2.0:8}, {1.0:8, 0.25}}>> to tensor<2x4xf32>
  return %f : tensor<2x4xf32>
}
