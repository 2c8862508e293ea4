// RUN: quench-opt %s --split-input-file --qnt-from-quant | FileCheck %s

// Imports of upstream `quant` casts into qnt. The expected scales, zero points
// and blocks follow the upstream definition
//   expressed = (stored - zeroPoint) * scale
// with block = shape / (number of scales along each dimension).

// Per-tensor, with a zero point: one scale for the whole tensor.

// CHECK-LABEL: func.func @per_tensor_zp(
// CHECK-SAME:    %[[CODES:[^:]+]]: tensor<4xi8>
// CHECK-DAG:     %[[S:.+]] = arith.constant dense<5.000000e-01> : tensor<1xf32>
// CHECK-DAG:     %[[Z:.+]] = arith.constant dense<3> : tensor<1xi8>
// CHECK:         %[[W:.+]] = qnt.uniform %[[CODES]] scales(%[[S]]) zero_points(%[[Z]]) : (tensor<4xi8>, tensor<1xf32>, tensor<1xi8>) -> !qnt.qtensor<4xf32, #qnt.uniform<bits = 8, block = [4], zero_point = true>>
// CHECK:         %[[F:.+]] = qnt.dequantize %[[W]] : {{(!qnt.qtensor)?}}<4xf32, #qnt.uniform<bits = 8, block = [4], zero_point = true>> -> tensor<4xf32>
// CHECK-NOT:     quant.
// CHECK:         return %[[F]] : tensor<4xf32>
func.func @per_tensor_zp(%codes: tensor<4xi8>) -> tensor<4xf32> {
  %q = quant.scast %codes : tensor<4xi8> to tensor<4x!quant.uniform<i8:f32, 0.5:3>>
  %f = quant.dcast %q : tensor<4x!quant.uniform<i8:f32, 0.5:3>> to tensor<4xf32>
  return %f : tensor<4xf32>
}

// -----

// Per-tensor without a zero point: no zero_points operand, zero_point = false.

// CHECK-LABEL: func.func @per_tensor_no_zp(
// CHECK-SAME:    %[[CODES:[^:]+]]: tensor<2x4xi8>
// CHECK:         %[[S:.+]] = arith.constant dense<2.500000e-01> : tensor<1x1xf32>
// CHECK-NOT:     arith.constant
// CHECK:         %[[W:.+]] = qnt.uniform %[[CODES]] scales(%[[S]]) : (tensor<2x4xi8>, tensor<1x1xf32>) -> !qnt.qtensor<2x4xf32, #qnt.uniform<bits = 8, block = [2, 4]>>
// CHECK:         %[[F:.+]] = qnt.dequantize %[[W]] : {{(!qnt.qtensor)?}}<2x4xf32, #qnt.uniform<bits = 8, block = [2, 4]>> -> tensor<2x4xf32>
// CHECK:         return %[[F]]
func.func @per_tensor_no_zp(%codes: tensor<2x4xi8>) -> tensor<2x4xf32> {
  %q = quant.scast %codes : tensor<2x4xi8> to tensor<2x4x!quant.uniform<i8:f32, 0.25>>
  %f = quant.dcast %q : tensor<2x4x!quant.uniform<i8:f32, 0.25>> to tensor<2x4xf32>
  return %f : tensor<2x4xf32>
}

// -----

// Unsigned storage: u8 becomes signedness = unsigned on signless i8 codes. The
// zero point 128 is kept as the i8 bit pattern 0x80 (printed -128), which the
// unsigned encoding reads back as 128.

// CHECK-LABEL: func.func @per_tensor_u8(
// CHECK-SAME:    %[[CODES:[^:]+]]: tensor<4xi8>
// CHECK-DAG:     %[[S:.+]] = arith.constant dense<5.000000e-01> : tensor<1xf32>
// CHECK-DAG:     %[[Z:.+]] = arith.constant dense<-128> : tensor<1xi8>
// CHECK:         %[[W:.+]] = qnt.uniform %[[CODES]] scales(%[[S]]) zero_points(%[[Z]]) : (tensor<4xi8>, tensor<1xf32>, tensor<1xi8>) -> !qnt.qtensor<4xf32, #qnt.uniform<bits = 8, signedness = unsigned, block = [4], zero_point = true>>
// CHECK:         %[[F:.+]] = qnt.dequantize %[[W]] : {{(!qnt.qtensor)?}}<4xf32, #qnt.uniform<bits = 8, signedness = unsigned, block = [4], zero_point = true>> -> tensor<4xf32>
// CHECK:         return %[[F]]
func.func @per_tensor_u8(%codes: tensor<4xi8>) -> tensor<4xf32> {
  %q = quant.scast %codes : tensor<4xi8> to tensor<4x!quant.uniform<u8:f32, 0.5:128>>
  %f = quant.dcast %q : tensor<4x!quant.uniform<u8:f32, 0.5:128>> to tensor<4xf32>
  return %f : tensor<4xf32>
}

// -----

// Sub-byte storage and a non-f32 expressed type: i4 codes, f16 scales.

// CHECK-LABEL: func.func @per_tensor_i4_f16(
// CHECK-SAME:    %[[CODES:[^:]+]]: tensor<4xi4>
// CHECK-DAG:     %[[S:.+]] = arith.constant dense<5.000000e-01> : tensor<1xf16>
// CHECK-DAG:     %[[Z:.+]] = arith.constant dense<-2> : tensor<1xi4>
// CHECK:         %[[W:.+]] = qnt.uniform %[[CODES]] scales(%[[S]]) zero_points(%[[Z]]) : (tensor<4xi4>, tensor<1xf16>, tensor<1xi4>) -> !qnt.qtensor<4xf16, #qnt.uniform<bits = 4, block = [4], zero_point = true>>
// CHECK:         %[[F:.+]] = qnt.dequantize %[[W]] : {{(!qnt.qtensor)?}}<4xf16, #qnt.uniform<bits = 4, block = [4], zero_point = true>> -> tensor<4xf16>
// CHECK:         return %[[F]]
func.func @per_tensor_i4_f16(%codes: tensor<4xi4>) -> tensor<4xf16> {
  %q = quant.scast %codes : tensor<4xi4> to tensor<4x!quant.uniform<i4:f16, 0.5:-2>>
  %f = quant.dcast %q : tensor<4x!quant.uniform<i4:f16, 0.5:-2>> to tensor<4xf16>
  return %f : tensor<4xf16>
}

// -----

// 4-bit codes held in i8 storage (`i8<-8:7>`, the form qnt-to-quant emits for
// bits = 4 with i8 codes): the storage range is exactly that of signed 4-bit
// codes, so the encoding must say bits = 4, not 8.

// CHECK-LABEL: func.func @per_tensor_s4_in_i8(
// CHECK-SAME:    %[[CODES:[^:]+]]: tensor<4xi8>
// CHECK:         %[[S:.+]] = arith.constant dense<5.000000e-01> : tensor<1xf32>
// CHECK:         %[[W:.+]] = qnt.uniform %[[CODES]] scales(%[[S]]) : (tensor<4xi8>, tensor<1xf32>) -> !qnt.qtensor<4xf32, #qnt.uniform<bits = 4, block = [4]>>
// CHECK:         %[[F:.+]] = qnt.dequantize %[[W]]
// CHECK:         return %[[F]]
func.func @per_tensor_s4_in_i8(%codes: tensor<4xi8>) -> tensor<4xf32> {
  %q = quant.scast %codes : tensor<4xi8> to tensor<4x!quant.uniform<i8<-8:7>:f32, 0.5>>
  %f = quant.dcast %q : tensor<4x!quant.uniform<i8<-8:7>:f32, 0.5>> to tensor<4xf32>
  return %f : tensor<4xf32>
}

// -----

// Per-axis on dimension 1 of a 3x2 tensor, with zero points: scales [1, 2],
// block [3, 1].

// CHECK-LABEL: func.func @per_axis_zp(
// CHECK-SAME:    %[[CODES:[^:]+]]: tensor<3x2xi8>
// CHECK-DAG:     %[[S:.+]] = arith.constant dense<{{\[\[}}5.000000e-01, 2.500000e-01]]> : tensor<1x2xf32>
// CHECK-DAG:     %[[Z:.+]] = arith.constant dense<{{\[\[}}1, 2]]> : tensor<1x2xi8>
// CHECK:         %[[W:.+]] = qnt.uniform %[[CODES]] scales(%[[S]]) zero_points(%[[Z]]) : (tensor<3x2xi8>, tensor<1x2xf32>, tensor<1x2xi8>) -> !qnt.qtensor<3x2xf32, #qnt.uniform<bits = 8, block = [3, 1], zero_point = true>>
// CHECK:         %[[F:.+]] = qnt.dequantize %[[W]] : {{(!qnt.qtensor)?}}<3x2xf32, #qnt.uniform<bits = 8, block = [3, 1], zero_point = true>> -> tensor<3x2xf32>
// CHECK-NOT:     quant.
// CHECK:         return %[[F]]
func.func @per_axis_zp(%codes: tensor<3x2xi8>) -> tensor<3x2xf32> {
  %q = quant.scast %codes : tensor<3x2xi8> to tensor<3x2x!quant.uniform<i8:f32:1, {0.5:1, 0.25:2}>>
  %f = quant.dcast %q : tensor<3x2x!quant.uniform<i8:f32:1, {0.5:1, 0.25:2}>> to tensor<3x2xf32>
  return %f : tensor<3x2xf32>
}

// -----

// Per-axis on dimension 0 without zero points: scales [2, 1], block [1, 3].

// CHECK-LABEL: func.func @per_axis_no_zp(
// CHECK-SAME:    %[[CODES:[^:]+]]: tensor<2x3xi8>
// CHECK:         %[[S:.+]] = arith.constant dense<{{\[\[}}5.000000e-01], [2.500000e-01]]> : tensor<2x1xf32>
// CHECK-NOT:     arith.constant
// CHECK:         %[[W:.+]] = qnt.uniform %[[CODES]] scales(%[[S]]) : (tensor<2x3xi8>, tensor<2x1xf32>) -> !qnt.qtensor<2x3xf32, #qnt.uniform<bits = 8, block = [1, 3]>>
// CHECK:         %[[F:.+]] = qnt.dequantize %[[W]] : {{(!qnt.qtensor)?}}<2x3xf32, #qnt.uniform<bits = 8, block = [1, 3]>> -> tensor<2x3xf32>
// CHECK-NOT:     quant.
// CHECK:         return %[[F]]
func.func @per_axis_no_zp(%codes: tensor<2x3xi8>) -> tensor<2x3xf32> {
  %q = quant.scast %codes : tensor<2x3xi8> to tensor<2x3x!quant.uniform<i8:f32:0, {0.5, 0.25}>>
  %f = quant.dcast %q : tensor<2x3x!quant.uniform<i8:f32:0, {0.5, 0.25}>> to tensor<2x3xf32>
  return %f : tensor<2x3xf32>
}

// -----

// Per-axis, unsigned: the u8 zero point 200 is the i8 bit pattern -56.

// CHECK-LABEL: func.func @per_axis_u8(
// CHECK-SAME:    %[[CODES:[^:]+]]: tensor<2x4xi8>
// CHECK-DAG:     %[[S:.+]] = arith.constant dense<{{\[\[}}5.000000e-01], [1.000000e+00]]> : tensor<2x1xf32>
// CHECK-DAG:     %[[Z:.+]] = arith.constant dense<{{\[\[}}-56], [8]]> : tensor<2x1xi8>
// CHECK:         %[[W:.+]] = qnt.uniform %[[CODES]] scales(%[[S]]) zero_points(%[[Z]]) : (tensor<2x4xi8>, tensor<2x1xf32>, tensor<2x1xi8>) -> !qnt.qtensor<2x4xf32, #qnt.uniform<bits = 8, signedness = unsigned, block = [1, 4], zero_point = true>>
// CHECK:         %[[F:.+]] = qnt.dequantize %[[W]]
// CHECK-NOT:     quant.
// CHECK:         return %[[F]]
func.func @per_axis_u8(%codes: tensor<2x4xi8>) -> tensor<2x4xf32> {
  %q = quant.scast %codes : tensor<2x4xi8> to tensor<2x4x!quant.uniform<u8:f32:0, {0.5:200, 1.0:8}>>
  %f = quant.dcast %q : tensor<2x4x!quant.uniform<u8:f32:0, {0.5:200, 1.0:8}>> to tensor<2x4xf32>
  return %f : tensor<2x4xf32>
}

// -----

// Sub-channel, blocks of 1x2 with zero points: scales [2, 2], block [1, 2].

// CHECK-LABEL: func.func @sub_channel_zp(
// CHECK-SAME:    %[[CODES:[^:]+]]: tensor<2x4xi8>
// CHECK-DAG:     %[[S:.+]] = arith.constant dense<{{\[\[}}5.000000e-01, 2.000000e+00], [1.000000e+00, 2.500000e-01]]> : tensor<2x2xf32>
// CHECK-DAG:     %[[Z:.+]] = arith.constant dense<{{\[\[}}1, 2], [3, 4]]> : tensor<2x2xi8>
// CHECK:         %[[W:.+]] = qnt.uniform %[[CODES]] scales(%[[S]]) zero_points(%[[Z]]) : (tensor<2x4xi8>, tensor<2x2xf32>, tensor<2x2xi8>) -> !qnt.qtensor<2x4xf32, #qnt.uniform<bits = 8, block = [1, 2], zero_point = true>>
// CHECK:         %[[F:.+]] = qnt.dequantize %[[W]] : {{(!qnt.qtensor)?}}<2x4xf32, #qnt.uniform<bits = 8, block = [1, 2], zero_point = true>> -> tensor<2x4xf32>
// CHECK-NOT:     quant.
// CHECK:         return %[[F]]
func.func @sub_channel_zp(%codes: tensor<2x4xi8>) -> tensor<2x4xf32> {
  %q = quant.scast %codes : tensor<2x4xi8> to tensor<2x4x!quant.uniform<i8:f32:{0:1, 1:2}, {{0.5:1, 2.0:2}, {1.0:3, 0.25:4}}>>
  %f = quant.dcast %q : tensor<2x4x!quant.uniform<i8:f32:{0:1, 1:2}, {{0.5:1, 2.0:2}, {1.0:3, 0.25:4}}>> to tensor<2x4xf32>
  return %f : tensor<2x4xf32>
}

// -----

// Sub-channel without zero points, blocks of 2x2 on a 4x4 tensor.

// CHECK-LABEL: func.func @sub_channel_no_zp(
// CHECK-SAME:    %[[CODES:[^:]+]]: tensor<4x4xi8>
// CHECK:         %[[S:.+]] = arith.constant dense<{{\[\[}}5.000000e-01, 2.000000e+00], [1.000000e+00, 2.500000e-01]]> : tensor<2x2xf32>
// CHECK-NOT:     arith.constant
// CHECK:         %[[W:.+]] = qnt.uniform %[[CODES]] scales(%[[S]]) : (tensor<4x4xi8>, tensor<2x2xf32>) -> !qnt.qtensor<4x4xf32, #qnt.uniform<bits = 8, block = [2, 2]>>
// CHECK:         %[[F:.+]] = qnt.dequantize %[[W]]
// CHECK-NOT:     quant.
// CHECK:         return %[[F]]
func.func @sub_channel_no_zp(%codes: tensor<4x4xi8>) -> tensor<4x4xf32> {
  %q = quant.scast %codes : tensor<4x4xi8> to tensor<4x4x!quant.uniform<i8:f32:{0:2, 1:2}, {{0.5, 2.0}, {1.0, 0.25}}>>
  %f = quant.dcast %q : tensor<4x4x!quant.uniform<i8:f32:{0:2, 1:2}, {{0.5, 2.0}, {1.0, 0.25}}>> to tensor<4x4xf32>
  return %f : tensor<4x4xf32>
}

// -----

// Sub-channel naming only axis 0 (block 3): axis 1 defaults to its full size
// 2, so the block is [3, 2] and the scales are [2, 1].

// CHECK-LABEL: func.func @sub_channel_implicit_axis(
// CHECK-SAME:    %[[CODES:[^:]+]]: tensor<6x2xi8>
// CHECK-DAG:     %[[S:.+]] = arith.constant dense<{{\[\[}}1.000000e+00], [3.000000e+00]]> : tensor<2x1xf32>
// CHECK-DAG:     %[[Z:.+]] = arith.constant dense<{{\[\[}}0], [5]]> : tensor<2x1xi8>
// CHECK:         %[[W:.+]] = qnt.uniform %[[CODES]] scales(%[[S]]) zero_points(%[[Z]]) : (tensor<6x2xi8>, tensor<2x1xf32>, tensor<2x1xi8>) -> !qnt.qtensor<6x2xf32, #qnt.uniform<bits = 8, block = [3, 2], zero_point = true>>
// CHECK:         %[[F:.+]] = qnt.dequantize %[[W]]
// CHECK-NOT:     quant.
// CHECK:         return %[[F]]
func.func @sub_channel_implicit_axis(%codes: tensor<6x2xi8>) -> tensor<6x2xf32> {
  %q = quant.scast %codes : tensor<6x2xi8> to tensor<6x2x!quant.uniform<i8:f32:{0:3}, {{1.0}, {3.0:5}}>>
  %f = quant.dcast %q : tensor<6x2x!quant.uniform<i8:f32:{0:3}, {{1.0}, {3.0:5}}>> to tensor<6x2xf32>
  return %f : tensor<6x2xf32>
}

// -----

// Sub-channel, unsigned storage with a zero point above 127.

// CHECK-LABEL: func.func @sub_channel_u8(
// CHECK-SAME:    %[[CODES:[^:]+]]: tensor<2x4xi8>
// CHECK-DAG:     %[[S:.+]] = arith.constant dense<{{\[\[}}5.000000e-01, 2.000000e+00], [1.000000e+00, 2.500000e-01]]> : tensor<2x2xf32>
// CHECK-DAG:     %[[Z:.+]] = arith.constant dense<{{\[\[}}-56, 8], [8, 0]]> : tensor<2x2xi8>
// CHECK:         %[[W:.+]] = qnt.uniform %[[CODES]] scales(%[[S]]) zero_points(%[[Z]]) : (tensor<2x4xi8>, tensor<2x2xf32>, tensor<2x2xi8>) -> !qnt.qtensor<2x4xf32, #qnt.uniform<bits = 8, signedness = unsigned, block = [1, 2], zero_point = true>>
// CHECK:         %[[F:.+]] = qnt.dequantize %[[W]]
// CHECK-NOT:     quant.
// CHECK:         return %[[F]]
func.func @sub_channel_u8(%codes: tensor<2x4xi8>) -> tensor<2x4xf32> {
  %q = quant.scast %codes : tensor<2x4xi8> to tensor<2x4x!quant.uniform<u8:f32:{0:1, 1:2}, {{0.5:200, 2.0:8}, {1.0:8, 0.25}}>>
  %f = quant.dcast %q : tensor<2x4x!quant.uniform<u8:f32:{0:1, 1:2}, {{0.5:200, 2.0:8}, {1.0:8, 0.25}}>> to tensor<2x4xf32>
  return %f : tensor<2x4xf32>
}

// -----

// qcast followed by scast to integers: a qnt.quantize producing the codes.

// CHECK-LABEL: func.func @qcast_scast_per_tensor(
// CHECK-SAME:    %[[X:[^:]+]]: tensor<2x4xf32>
// CHECK-DAG:     %[[S:.+]] = arith.constant dense<5.000000e-01> : tensor<1x1xf32>
// CHECK-DAG:     %[[Z:.+]] = arith.constant dense<3> : tensor<1x1xi8>
// CHECK:         %[[C:.+]] = qnt.quantize %[[X]] scales(%[[S]]) zero_points(%[[Z]]) {encoding = #qnt.uniform<bits = 8, block = [2, 4], zero_point = true>} : (tensor<2x4xf32>, tensor<1x1xf32>, tensor<1x1xi8>) -> tensor<2x4xi8>
// CHECK-NOT:     quant.
// CHECK:         return %[[C]] : tensor<2x4xi8>
func.func @qcast_scast_per_tensor(%x: tensor<2x4xf32>) -> tensor<2x4xi8> {
  %q = quant.qcast %x : tensor<2x4xf32> to tensor<2x4x!quant.uniform<i8:f32, 0.5:3>>
  %c = quant.scast %q : tensor<2x4x!quant.uniform<i8:f32, 0.5:3>> to tensor<2x4xi8>
  return %c : tensor<2x4xi8>
}

// -----

// qcast + scast, unsigned storage without a zero point.

// CHECK-LABEL: func.func @qcast_scast_u8(
// CHECK-SAME:    %[[X:[^:]+]]: tensor<4xf32>
// CHECK:         %[[S:.+]] = arith.constant dense<2.500000e-01> : tensor<1xf32>
// CHECK-NOT:     arith.constant
// CHECK:         %[[C:.+]] = qnt.quantize %[[X]] scales(%[[S]]) {encoding = #qnt.uniform<bits = 8, signedness = unsigned, block = [4]>} : (tensor<4xf32>, tensor<1xf32>) -> tensor<4xi8>
// CHECK:         return %[[C]]
func.func @qcast_scast_u8(%x: tensor<4xf32>) -> tensor<4xi8> {
  %q = quant.qcast %x : tensor<4xf32> to tensor<4x!quant.uniform<u8:f32, 0.25>>
  %c = quant.scast %q : tensor<4x!quant.uniform<u8:f32, 0.25>> to tensor<4xi8>
  return %c : tensor<4xi8>
}

// -----

// qcast + scast, per-axis on dimension 0.

// CHECK-LABEL: func.func @qcast_scast_per_axis(
// CHECK-SAME:    %[[X:[^:]+]]: tensor<2x4xf32>
// CHECK:         %[[S:.+]] = arith.constant dense<{{\[\[}}5.000000e-01], [2.500000e-01]]> : tensor<2x1xf32>
// CHECK:         %[[C:.+]] = qnt.quantize %[[X]] scales(%[[S]]) {encoding = #qnt.uniform<bits = 8, block = [1, 4]>} : (tensor<2x4xf32>, tensor<2x1xf32>) -> tensor<2x4xi8>
// CHECK-NOT:     quant.
// CHECK:         return %[[C]]
func.func @qcast_scast_per_axis(%x: tensor<2x4xf32>) -> tensor<2x4xi8> {
  %q = quant.qcast %x : tensor<2x4xf32> to tensor<2x4x!quant.uniform<i8:f32:0, {0.5, 0.25}>>
  %c = quant.scast %q : tensor<2x4x!quant.uniform<i8:f32:0, {0.5, 0.25}>> to tensor<2x4xi8>
  return %c : tensor<2x4xi8>
}

// -----

// qcast + scast to 4-bit unsigned codes held in u8 storage (`u8<0:15>`): the
// codes must be clamped to [0, 15], i.e. bits = 4, unsigned.

// CHECK-LABEL: func.func @qcast_scast_u4_in_u8(
// CHECK-SAME:    %[[X:[^:]+]]: tensor<4xf32>
// CHECK-DAG:     %[[S:.+]] = arith.constant dense<5.000000e-01> : tensor<1xf32>
// CHECK-DAG:     %[[Z:.+]] = arith.constant dense<8> : tensor<1xi8>
// CHECK:         %[[C:.+]] = qnt.quantize %[[X]] scales(%[[S]]) zero_points(%[[Z]]) {encoding = #qnt.uniform<bits = 4, signedness = unsigned, block = [4], zero_point = true>} : (tensor<4xf32>, tensor<1xf32>, tensor<1xi8>) -> tensor<4xi8>
// CHECK:         return %[[C]]
func.func @qcast_scast_u4_in_u8(%x: tensor<4xf32>) -> tensor<4xi8> {
  %q = quant.qcast %x : tensor<4xf32> to tensor<4x!quant.uniform<u8<0:15>:f32, 0.5:8>>
  %c = quant.scast %q : tensor<4x!quant.uniform<u8<0:15>:f32, 0.5:8>> to tensor<4xi8>
  return %c : tensor<4xi8>
}

// -----

// dcast of qcast (fake quantization): the rounding must survive as a
// qnt.quantize feeding the qnt.uniform, not fold away to the input.

// CHECK-LABEL: func.func @fake_quant(
// CHECK-SAME:    %[[X:[^:]+]]: tensor<4xf32>
// CHECK-DAG:     %[[S:.+]] = arith.constant dense<2.500000e-01> : tensor<1xf32>
// CHECK-DAG:     %[[Z:.+]] = arith.constant dense<10> : tensor<1xi8>
// CHECK:         %[[C:.+]] = qnt.quantize %[[X]] scales(%[[S]]) zero_points(%[[Z]]) {encoding = #qnt.uniform<bits = 8, signedness = unsigned, block = [4], zero_point = true>} : (tensor<4xf32>, tensor<1xf32>, tensor<1xi8>) -> tensor<4xi8>
// CHECK:         %[[W:.+]] = qnt.uniform %[[C]] scales(%[[S]]) zero_points(%[[Z]]) : (tensor<4xi8>, tensor<1xf32>, tensor<1xi8>) -> !qnt.qtensor<4xf32, #qnt.uniform<bits = 8, signedness = unsigned, block = [4], zero_point = true>>
// CHECK:         %[[F:.+]] = qnt.dequantize %[[W]] : {{(!qnt.qtensor)?}}<4xf32, #qnt.uniform<bits = 8, signedness = unsigned, block = [4], zero_point = true>> -> tensor<4xf32>
// CHECK-NOT:     quant.
// CHECK:         return %[[F]] : tensor<4xf32>
func.func @fake_quant(%x: tensor<4xf32>) -> tensor<4xf32> {
  %q = quant.qcast %x : tensor<4xf32> to tensor<4x!quant.uniform<u8:f32, 0.25:10>>
  %f = quant.dcast %q : tensor<4x!quant.uniform<u8:f32, 0.25:10>> to tensor<4xf32>
  return %f : tensor<4xf32>
}

// -----

// Left untouched: dynamic shape (qnt scales need a static block).

// CHECK-LABEL: func.func @untouched_dynamic(
// CHECK-SAME:    %[[CODES:[^:]+]]: tensor<?xi8>
// CHECK-NOT:     qnt.
// CHECK:         %[[Q:.+]] = quant.scast %[[CODES]] : tensor<?xi8> to tensor<?x!quant.uniform<i8:f32, 5.000000e-01>>
// CHECK:         %[[F:.+]] = quant.dcast %[[Q]] : tensor<?x!quant.uniform<i8:f32, 5.000000e-01>> to tensor<?xf32>
// CHECK:         return %[[F]]
func.func @untouched_dynamic(%codes: tensor<?xi8>) -> tensor<?xf32> {
  %q = quant.scast %codes : tensor<?xi8> to tensor<?x!quant.uniform<i8:f32, 0.5>>
  %f = quant.dcast %q : tensor<?x!quant.uniform<i8:f32, 0.5>> to tensor<?xf32>
  return %f : tensor<?xf32>
}

// -----

// Left untouched: 16-bit storage (qnt.uniform holds 2..8-bit codes).

// CHECK-LABEL: func.func @untouched_i16(
// CHECK-SAME:    %[[CODES:[^:]+]]: tensor<4xi16>
// CHECK-NOT:     qnt.
// CHECK:         %[[Q:.+]] = quant.scast %[[CODES]] : tensor<4xi16> to tensor<4x!quant.uniform<i16:f32, 5.000000e-01>>
// CHECK:         %[[F:.+]] = quant.dcast %[[Q]]
// CHECK:         return %[[F]]
func.func @untouched_i16(%codes: tensor<4xi16>) -> tensor<4xf32> {
  %q = quant.scast %codes : tensor<4xi16> to tensor<4x!quant.uniform<i16:f32, 0.5>>
  %f = quant.dcast %q : tensor<4x!quant.uniform<i16:f32, 0.5>> to tensor<4xf32>
  return %f : tensor<4xf32>
}

// -----

// Left untouched: a narrow symmetric range `i8<-127:127>` matches no qnt bit
// width; importing it as bits = 8 would let qnt.quantize produce -128.

// CHECK-LABEL: func.func @untouched_narrow_range(
// CHECK-SAME:    %[[X:[^:]+]]: tensor<4xf32>
// CHECK-NOT:     qnt.
// CHECK:         %[[Q:.+]] = quant.qcast %[[X]] : tensor<4xf32> to tensor<4x!quant.uniform<i8<-127:127>:f32, 5.000000e-01>>
// CHECK:         %[[C:.+]] = quant.scast %[[Q]] : tensor<4x!quant.uniform<i8<-127:127>:f32, 5.000000e-01>> to tensor<4xi8>
// CHECK:         return %[[C]]
func.func @untouched_narrow_range(%x: tensor<4xf32>) -> tensor<4xi8> {
  %q = quant.qcast %x : tensor<4xf32> to tensor<4x!quant.uniform<i8<-127:127>:f32, 0.5>>
  %c = quant.scast %q : tensor<4x!quant.uniform<i8<-127:127>:f32, 0.5>> to tensor<4xi8>
  return %c : tensor<4xi8>
}

// -----

// Left untouched: the codes behind the dcast are not visible (a block
// argument of quantized type), so there is nothing to build a qnt.uniform on.
// Kept last, and matched with a plain check instead of a label check: if the
// pass fails on this input it prints nothing for it, and a missing label would
// keep FileCheck from reporting the case before it.

// CHECK:       func.func @untouched_opaque_codes(
// CHECK-SAME:    %[[Q:[^:]+]]: tensor<4x!quant.uniform<i8:f32, 5.000000e-01:3>>
// CHECK-NOT:     arith.constant
// CHECK-NOT:     qnt.
// CHECK:         %[[F:.+]] = quant.dcast %[[Q]] : tensor<4x!quant.uniform<i8:f32, 5.000000e-01:3>> to tensor<4xf32>
// CHECK:         return %[[F]]
func.func @untouched_opaque_codes(%q: tensor<4x!quant.uniform<i8:f32, 0.5:3>>) -> tensor<4xf32> {
  %f = quant.dcast %q : tensor<4x!quant.uniform<i8:f32, 0.5:3>> to tensor<4xf32>
  return %f : tensor<4xf32>
}
