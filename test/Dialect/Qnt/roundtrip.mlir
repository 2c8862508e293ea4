// RUN: quench-opt %s --verify-roundtrip | FileCheck %s
// RUN: quench-opt %s --mlir-print-op-generic | quench-opt | FileCheck %s
// RUN: quench-opt %s -emit-bytecode | quench-opt | FileCheck %s

// Round trip of every qnt encoding, attribute and op, through the custom
// syntax, the generic syntax and bytecode. The CHECK lines spell out the
// printed form: parameters equal to their default (`order = lsb_first`,
// `signedness = signed`, `zero_point = false`, `residual_centroids = 0`,
// `bits = 8` and `granularity = per_token` of `#qnt.act_quant`) are elided.

//===----------------------------------------------------------------------===//
// #qnt.uniform and #qnt.packing
//===----------------------------------------------------------------------===//

// Per-tensor scale (block = shape), defaults spelled out in the input.
// CHECK-LABEL: func.func @uniform_per_tensor(
// CHECK-SAME: %[[CODES:[^:]+]]: tensor<4x8xi8>, %[[S:[^:]+]]: tensor<1x1xf32>)
// CHECK: %[[W:.*]] = qnt.uniform %[[CODES]] scales(%[[S]]) : (tensor<4x8xi8>, tensor<1x1xf32>) -> !qnt.qtensor<4x8xf32, #qnt.uniform<bits = 8, block = [4, 8]>>
// CHECK: return %[[W]] : !qnt.qtensor<4x8xf32, #qnt.uniform<bits = 8, block = [4, 8]>>
func.func @uniform_per_tensor(%codes: tensor<4x8xi8>, %s: tensor<1x1xf32>) -> !qnt.qtensor<4x8xf32, #qnt.uniform<bits = 8, block = [4, 8]>> {
  %w = qnt.uniform %codes scales(%s) : (tensor<4x8xi8>, tensor<1x1xf32>) -> !qnt.qtensor<4x8xf32, #qnt.uniform<bits = 8, signedness = signed, block = [4, 8], zero_point = false>>
  return %w : !qnt.qtensor<4x8xf32, #qnt.uniform<bits = 8, block = [4, 8]>>
}

// Per-channel, unsigned, integer zero points, unpacked 4-bit codes in i8.
// CHECK-LABEL: func.func @uniform_per_channel_unsigned_zero_point(
// CHECK-SAME: %[[CODES:[^:]+]]: tensor<4x8xi8>, %[[S:[^:]+]]: tensor<4x1xf16>, %[[Z:[^:]+]]: tensor<4x1xi8>)
// CHECK: qnt.uniform %[[CODES]] scales(%[[S]]) zero_points(%[[Z]]) : (tensor<4x8xi8>, tensor<4x1xf16>, tensor<4x1xi8>) -> !qnt.qtensor<4x8xf16, #qnt.uniform<bits = 4, signedness = unsigned, block = [1, 8], zero_point = true>>
func.func @uniform_per_channel_unsigned_zero_point(%codes: tensor<4x8xi8>, %s: tensor<4x1xf16>, %z: tensor<4x1xi8>) {
  %w = qnt.uniform %codes scales(%s) zero_points(%z) : (tensor<4x8xi8>, tensor<4x1xf16>, tensor<4x1xi8>) -> !qnt.qtensor<4x8xf16, #qnt.uniform<bits = 4, signedness = unsigned, block = [1, 8], zero_point = true>>
  return
}

// Float zero points (AWQ style) and codes wider than needed (i32).
// CHECK-LABEL: func.func @uniform_float_zero_point_wide_codes(
// CHECK-SAME: %[[CODES:[^:]+]]: tensor<4x8xi32>, %[[S:[^:]+]]: tensor<4x2xbf16>, %[[Z:[^:]+]]: tensor<4x2xbf16>)
// CHECK: qnt.uniform %[[CODES]] scales(%[[S]]) zero_points(%[[Z]]) : (tensor<4x8xi32>, tensor<4x2xbf16>, tensor<4x2xbf16>) -> !qnt.qtensor<4x8xbf16, #qnt.uniform<bits = 8, signedness = unsigned, block = [1, 4], zero_point = true>>
func.func @uniform_float_zero_point_wide_codes(%codes: tensor<4x8xi32>, %s: tensor<4x2xbf16>, %z: tensor<4x2xbf16>) {
  %w = qnt.uniform %codes scales(%s) zero_points(%z) : (tensor<4x8xi32>, tensor<4x2xbf16>, tensor<4x2xbf16>) -> !qnt.qtensor<4x8xbf16, #qnt.uniform<bits = 8, signedness = unsigned, block = [1, 4], zero_point = true>>
  return
}

// Rank-1 and rank-3 tensors, 2-bit codes in i2.
// CHECK-LABEL: func.func @uniform_rank1_rank3(
// CHECK-SAME: %[[C1:[^:]+]]: tensor<16xi2>, %[[S1:[^:]+]]: tensor<4xf32>, %[[C3:[^:]+]]: tensor<2x4x8xi8>, %[[S3:[^:]+]]: tensor<2x4x1xf32>)
// CHECK: qnt.uniform %[[C1]] scales(%[[S1]]) : (tensor<16xi2>, tensor<4xf32>) -> !qnt.qtensor<16xf32, #qnt.uniform<bits = 2, block = [4]>>
// CHECK: qnt.uniform %[[C3]] scales(%[[S3]]) : (tensor<2x4x8xi8>, tensor<2x4x1xf32>) -> !qnt.qtensor<2x4x8xf32, #qnt.uniform<bits = 8, block = [1, 1, 8]>>
func.func @uniform_rank1_rank3(%c1: tensor<16xi2>, %s1: tensor<4xf32>, %c3: tensor<2x4x8xi8>, %s3: tensor<2x4x1xf32>) {
  %a = qnt.uniform %c1 scales(%s1) : (tensor<16xi2>, tensor<4xf32>) -> !qnt.qtensor<16xf32, #qnt.uniform<bits = 2, block = [4]>>
  %b = qnt.uniform %c3 scales(%s3) : (tensor<2x4x8xi8>, tensor<2x4x1xf32>) -> !qnt.qtensor<2x4x8xf32, #qnt.uniform<bits = 8, block = [1, 1, 8]>>
  return
}

// Group-wise 4-bit codes packed two per byte (default lsb_first elided).
// CHECK-LABEL: func.func @uniform_packed_4bit_groups(
// CHECK-SAME: %[[CODES:[^:]+]]: tensor<4x4xi8>, %[[S:[^:]+]]: tensor<4x2xf32>)
// CHECK: qnt.uniform %[[CODES]] scales(%[[S]]) : (tensor<4x4xi8>, tensor<4x2xf32>) -> !qnt.qtensor<4x8xf32, #qnt.uniform<bits = 4, block = [1, 4], packing = <bits = 4>>>
func.func @uniform_packed_4bit_groups(%codes: tensor<4x4xi8>, %s: tensor<4x2xf32>) {
  %w = qnt.uniform %codes scales(%s) : (tensor<4x4xi8>, tensor<4x2xf32>) -> !qnt.qtensor<4x8xf32, #qnt.uniform<bits = 4, block = [1, 4], packing = <bits = 4, order = lsb_first>>>
  return
}

// 2-bit codes packed msb first.
// CHECK-LABEL: func.func @uniform_packed_2bit_msb_first(
// CHECK-SAME: %[[CODES:[^:]+]]: tensor<4x2xi8>, %[[S:[^:]+]]: tensor<4x1xf32>)
// CHECK: qnt.uniform %[[CODES]] scales(%[[S]]) : (tensor<4x2xi8>, tensor<4x1xf32>) -> !qnt.qtensor<4x8xf32, #qnt.uniform<bits = 2, block = [1, 8], packing = <bits = 2, order = msb_first>>>
func.func @uniform_packed_2bit_msb_first(%codes: tensor<4x2xi8>, %s: tensor<4x1xf32>) {
  %w = qnt.uniform %codes scales(%s) : (tensor<4x2xi8>, tensor<4x1xf32>) -> !qnt.qtensor<4x8xf32, #qnt.uniform<bits = 2, block = [1, 8], packing = <bits = 2, order = msb_first>>>
  return
}

// 3-bit codes straddle bytes: a row of 5 codes takes ceil(15 / 8) = 2 bytes.
// CHECK-LABEL: func.func @uniform_packed_3bit(
// CHECK-SAME: %[[CODES:[^:]+]]: tensor<4x2xi8>, %[[S:[^:]+]]: tensor<4x1xf32>, %[[Z:[^:]+]]: tensor<4x1xi8>)
// CHECK: qnt.uniform %[[CODES]] scales(%[[S]]) zero_points(%[[Z]]) : (tensor<4x2xi8>, tensor<4x1xf32>, tensor<4x1xi8>) -> !qnt.qtensor<4x5xf32, #qnt.uniform<bits = 3, signedness = unsigned, block = [1, 5], zero_point = true, packing = <bits = 3>>>
func.func @uniform_packed_3bit(%codes: tensor<4x2xi8>, %s: tensor<4x1xf32>, %z: tensor<4x1xi8>) {
  %w = qnt.uniform %codes scales(%s) zero_points(%z) : (tensor<4x2xi8>, tensor<4x1xf32>, tensor<4x1xi8>) -> !qnt.qtensor<4x5xf32, #qnt.uniform<bits = 3, signedness = unsigned, block = [1, 5], zero_point = true, packing = <bits = 3>>>
  return
}

// Tiled packing: storage [N / t0, K / t1, t0 * t1 * bits / 8].
// CHECK-LABEL: func.func @uniform_packed_tile(
// CHECK-SAME: %[[CODES:[^:]+]]: tensor<2x2x4xi8>, %[[S:[^:]+]]: tensor<4x1xf32>)
// CHECK: qnt.uniform %[[CODES]] scales(%[[S]]) : (tensor<2x2x4xi8>, tensor<4x1xf32>) -> !qnt.qtensor<4x8xf32, #qnt.uniform<bits = 4, block = [1, 8], packing = <bits = 4, tile = [2, 4]>>>
func.func @uniform_packed_tile(%codes: tensor<2x2x4xi8>, %s: tensor<4x1xf32>) {
  %w = qnt.uniform %codes scales(%s) : (tensor<2x2x4xi8>, tensor<4x1xf32>) -> !qnt.qtensor<4x8xf32, #qnt.uniform<bits = 4, block = [1, 8], packing = <bits = 4, tile = [2, 4]>>>
  return
}

// Interleaved packing (a permutation of 0..7 inside each run of 8 codes).
// CHECK-LABEL: func.func @uniform_packed_interleave(
// CHECK-SAME: %[[CODES:[^:]+]]: tensor<4x4xi8>, %[[S:[^:]+]]: tensor<4x1xf32>)
// CHECK: qnt.uniform %[[CODES]] scales(%[[S]]) : (tensor<4x4xi8>, tensor<4x1xf32>) -> !qnt.qtensor<4x8xf32, #qnt.uniform<bits = 4, block = [1, 8], packing = <bits = 4, interleave = [0, 2, 4, 6, 1, 3, 5, 7]>>>
func.func @uniform_packed_interleave(%codes: tensor<4x4xi8>, %s: tensor<4x1xf32>) {
  %w = qnt.uniform %codes scales(%s) : (tensor<4x4xi8>, tensor<4x1xf32>) -> !qnt.qtensor<4x8xf32, #qnt.uniform<bits = 4, block = [1, 8], packing = <bits = 4, interleave = [0, 2, 4, 6, 1, 3, 5, 7]>>>
  return
}

// Every packing parameter at once, with zero points.
// CHECK-LABEL: func.func @uniform_packed_all_parameters(
// CHECK-SAME: %[[CODES:[^:]+]]: tensor<2x2x16xi8>, %[[S:[^:]+]]: tensor<8x2xf16>, %[[Z:[^:]+]]: tensor<8x2xi8>)
// CHECK: qnt.uniform %[[CODES]] scales(%[[S]]) zero_points(%[[Z]]) : (tensor<2x2x16xi8>, tensor<8x2xf16>, tensor<8x2xi8>) -> !qnt.qtensor<8x16xf16, #qnt.uniform<bits = 4, signedness = unsigned, block = [1, 8], zero_point = true, packing = <bits = 4, order = msb_first, tile = [4, 8], interleave = [0, 4, 1, 5, 2, 6, 3, 7]>>>
func.func @uniform_packed_all_parameters(%codes: tensor<2x2x16xi8>, %s: tensor<8x2xf16>, %z: tensor<8x2xi8>) {
  %w = qnt.uniform %codes scales(%s) zero_points(%z) : (tensor<2x2x16xi8>, tensor<8x2xf16>, tensor<8x2xi8>) -> !qnt.qtensor<8x16xf16, #qnt.uniform<bits = 4, signedness = unsigned, block = [1, 8], zero_point = true, packing = <bits = 4, order = msb_first, tile = [4, 8], interleave = [0, 4, 1, 5, 2, 6, 3, 7]>>>
  return
}

// Act-order GPTQ: group_index picks the scale column; any number of groups.
// CHECK-LABEL: func.func @uniform_group_index(
// CHECK-SAME: %[[CODES:[^:]+]]: tensor<4x4xi8>, %[[S:[^:]+]]: tensor<4x3xf16>, %[[Z:[^:]+]]: tensor<4x3xi8>, %[[G:[^:]+]]: tensor<8xi32>, %[[S2:[^:]+]]: tensor<4x5xf32>, %[[G2:[^:]+]]: tensor<8xi64>)
// CHECK: qnt.uniform %[[CODES]] scales(%[[S]]) zero_points(%[[Z]]) group_index(%[[G]]) : (tensor<4x4xi8>, tensor<4x3xf16>, tensor<4x3xi8>, tensor<8xi32>) -> !qnt.qtensor<4x8xf16, #qnt.uniform<bits = 4, signedness = unsigned, block = [1, 4], zero_point = true, packing = <bits = 4>>>
// CHECK: qnt.uniform %[[CODES]] scales(%[[S2]]) group_index(%[[G2]]) : (tensor<4x4xi8>, tensor<4x5xf32>, tensor<8xi64>) -> !qnt.qtensor<4x8xf32, #qnt.uniform<bits = 4, block = [1, 2], packing = <bits = 4>>>
func.func @uniform_group_index(%codes: tensor<4x4xi8>, %s: tensor<4x3xf16>, %z: tensor<4x3xi8>, %g: tensor<8xi32>, %s2: tensor<4x5xf32>, %g2: tensor<8xi64>) {
  %w = qnt.uniform %codes scales(%s) zero_points(%z) group_index(%g) : (tensor<4x4xi8>, tensor<4x3xf16>, tensor<4x3xi8>, tensor<8xi32>) -> !qnt.qtensor<4x8xf16, #qnt.uniform<bits = 4, signedness = unsigned, block = [1, 4], zero_point = true, packing = <bits = 4>>>
  %v = qnt.uniform %codes scales(%s2) group_index(%g2) : (tensor<4x4xi8>, tensor<4x5xf32>, tensor<8xi64>) -> !qnt.qtensor<4x8xf32, #qnt.uniform<bits = 4, block = [1, 2], packing = <bits = 4>>>
  return
}

// Double quantization: the scales are themselves a uniform qtensor.
// CHECK-LABEL: func.func @uniform_double_quantization(
// CHECK-SAME: %[[CODES:[^:]+]]: tensor<4x4xi8>, %[[SCODES:[^:]+]]: tensor<4x2xi8>, %[[SS:[^:]+]]: tensor<1x1xf32>)
// CHECK: %[[SCALES:.*]] = qnt.uniform %[[SCODES]] scales(%[[SS]]) : (tensor<4x2xi8>, tensor<1x1xf32>) -> !qnt.qtensor<4x2xf32, #qnt.uniform<bits = 8, block = [4, 2]>>
// CHECK: %[[W:.*]] = qnt.uniform %[[CODES]] scales(%[[SCALES]]) : (tensor<4x4xi8>, !qnt.qtensor<4x2xf32, #qnt.uniform<bits = 8, block = [4, 2]>>) -> !qnt.qtensor<4x8xf32, #qnt.uniform<bits = 4, block = [1, 4], packing = <bits = 4>>>
// CHECK: qnt.dequantize %[[W]] : !qnt.qtensor<4x8xf32, #qnt.uniform<bits = 4, block = [1, 4], packing = <bits = 4>>> -> tensor<4x8xf32>
func.func @uniform_double_quantization(%codes: tensor<4x4xi8>, %scodes: tensor<4x2xi8>, %ss: tensor<1x1xf32>) -> tensor<4x8xf32> {
  %scales = qnt.uniform %scodes scales(%ss) : (tensor<4x2xi8>, tensor<1x1xf32>) -> !qnt.qtensor<4x2xf32, #qnt.uniform<bits = 8, block = [4, 2]>>
  %w = qnt.uniform %codes scales(%scales) : (tensor<4x4xi8>, !qnt.qtensor<4x2xf32, #qnt.uniform<bits = 8, block = [4, 2]>>) -> !qnt.qtensor<4x8xf32, #qnt.uniform<bits = 4, block = [1, 4], packing = <bits = 4>>>
  %f = qnt.dequantize %w : !qnt.qtensor<4x8xf32, #qnt.uniform<bits = 4, block = [1, 4], packing = <bits = 4>>> -> tensor<4x8xf32>
  return %f : tensor<4x8xf32>
}

//===----------------------------------------------------------------------===//
// #qnt.lut
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @lut_nf4_packed(
// CHECK-SAME: %[[CODES:[^:]+]]: tensor<4x32xi8>, %[[S:[^:]+]]: tensor<4x1xf32>)
// CHECK: %[[W:.*]] = qnt.lut %[[CODES]] scales(%[[S]]) : (tensor<4x32xi8>, tensor<4x1xf32>) -> !qnt.qtensor<4x64xf32, #qnt.lut<bits = 4, table = nf4, block = [1, 64], packing = <bits = 4>>>
// CHECK: qnt.dequantize %[[W]] : !qnt.qtensor<4x64xf32, #qnt.lut<bits = 4, table = nf4, block = [1, 64], packing = <bits = 4>>> -> tensor<4x64xf32>
func.func @lut_nf4_packed(%codes: tensor<4x32xi8>, %s: tensor<4x1xf32>) -> tensor<4x64xf32> {
  %w = qnt.lut %codes scales(%s) : (tensor<4x32xi8>, tensor<4x1xf32>) -> !qnt.qtensor<4x64xf32, #qnt.lut<bits = 4, table = nf4, block = [1, 64], packing = <bits = 4>>>
  %f = qnt.dequantize %w : !qnt.qtensor<4x64xf32, #qnt.lut<bits = 4, table = nf4, block = [1, 64], packing = <bits = 4>>> -> tensor<4x64xf32>
  return %f : tensor<4x64xf32>
}

// Unpacked FP4 codes, bf16 values.
// CHECK-LABEL: func.func @lut_fp4_e2m1(
// CHECK-SAME: %[[CODES:[^:]+]]: tensor<4x8xi8>, %[[S:[^:]+]]: tensor<4x2xbf16>)
// CHECK: qnt.lut %[[CODES]] scales(%[[S]]) : (tensor<4x8xi8>, tensor<4x2xbf16>) -> !qnt.qtensor<4x8xbf16, #qnt.lut<bits = 4, table = fp4_e2m1, block = [1, 4]>>
func.func @lut_fp4_e2m1(%codes: tensor<4x8xi8>, %s: tensor<4x2xbf16>) {
  %w = qnt.lut %codes scales(%s) : (tensor<4x8xi8>, tensor<4x2xbf16>) -> !qnt.qtensor<4x8xbf16, #qnt.lut<bits = 4, table = fp4_e2m1, block = [1, 4]>>
  return
}

// Custom tables: 2^bits entries as an operand, unpacked and packed.
// CHECK-LABEL: func.func @lut_custom(
// CHECK-SAME: %[[CODES:[^:]+]]: tensor<4x8xi8>, %[[S:[^:]+]]: tensor<4x1xf32>, %[[T:[^:]+]]: tensor<8xf32>, %[[PCODES:[^:]+]]: tensor<4x2xi8>, %[[T2:[^:]+]]: tensor<4xf16>)
// CHECK: qnt.lut %[[CODES]] scales(%[[S]]) table(%[[T]]) : (tensor<4x8xi8>, tensor<4x1xf32>, tensor<8xf32>) -> !qnt.qtensor<4x8xf32, #qnt.lut<bits = 3, table = custom, block = [1, 8]>>
// CHECK: qnt.lut %[[PCODES]] scales(%[[S]]) table(%[[T2]]) : (tensor<4x2xi8>, tensor<4x1xf32>, tensor<4xf16>) -> !qnt.qtensor<4x8xf16, #qnt.lut<bits = 2, table = custom, block = [1, 8], packing = <bits = 2, order = msb_first>>>
func.func @lut_custom(%codes: tensor<4x8xi8>, %s: tensor<4x1xf32>, %t: tensor<8xf32>, %pcodes: tensor<4x2xi8>, %t2: tensor<4xf16>) {
  %w = qnt.lut %codes scales(%s) table(%t) : (tensor<4x8xi8>, tensor<4x1xf32>, tensor<8xf32>) -> !qnt.qtensor<4x8xf32, #qnt.lut<bits = 3, table = custom, block = [1, 8]>>
  %v = qnt.lut %pcodes scales(%s) table(%t2) : (tensor<4x2xi8>, tensor<4x1xf32>, tensor<4xf16>) -> !qnt.qtensor<4x8xf16, #qnt.lut<bits = 2, table = custom, block = [1, 8], packing = <bits = 2, order = msb_first>>>
  return
}

// QLoRA: NF4 weights whose absmax scales are 8-bit quantized.
// CHECK-LABEL: func.func @lut_nf4_double_quantization(
// CHECK-SAME: %[[CODES:[^:]+]]: tensor<4x32xi8>, %[[SCODES:[^:]+]]: tensor<4x2xi8>, %[[SS:[^:]+]]: tensor<1x1xf32>)
// CHECK: %[[ABSMAX:.*]] = qnt.uniform %[[SCODES]] scales(%[[SS]]) : (tensor<4x2xi8>, tensor<1x1xf32>) -> !qnt.qtensor<4x2xf32, #qnt.uniform<bits = 8, block = [4, 2]>>
// CHECK: qnt.lut %[[CODES]] scales(%[[ABSMAX]]) : (tensor<4x32xi8>, !qnt.qtensor<4x2xf32, #qnt.uniform<bits = 8, block = [4, 2]>>) -> !qnt.qtensor<4x64xf32, #qnt.lut<bits = 4, table = nf4, block = [1, 32], packing = <bits = 4>>>
func.func @lut_nf4_double_quantization(%codes: tensor<4x32xi8>, %scodes: tensor<4x2xi8>, %ss: tensor<1x1xf32>) {
  %absmax = qnt.uniform %scodes scales(%ss) : (tensor<4x2xi8>, tensor<1x1xf32>) -> !qnt.qtensor<4x2xf32, #qnt.uniform<bits = 8, block = [4, 2]>>
  %w = qnt.lut %codes scales(%absmax) : (tensor<4x32xi8>, !qnt.qtensor<4x2xf32, #qnt.uniform<bits = 8, block = [4, 2]>>) -> !qnt.qtensor<4x64xf32, #qnt.lut<bits = 4, table = nf4, block = [1, 32], packing = <bits = 4>>>
  return
}

//===----------------------------------------------------------------------===//
// #qnt.fp8
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @fp8(
// CHECK-SAME: %[[E4:[^:]+]]: tensor<4x8xf8E4M3FN>, %[[S:[^:]+]]: tensor<4x1xf32>, %[[E5:[^:]+]]: tensor<4x8xf8E5M2>, %[[S2:[^:]+]]: tensor<2x2xf16>)
// CHECK: %[[A:.*]] = qnt.fp8 %[[E4]] scales(%[[S]]) : (tensor<4x8xf8E4M3FN>, tensor<4x1xf32>) -> !qnt.qtensor<4x8xf32, #qnt.fp8<block = [1, 8]>>
// CHECK: %[[B:.*]] = qnt.fp8 %[[E5]] scales(%[[S2]]) : (tensor<4x8xf8E5M2>, tensor<2x2xf16>) -> !qnt.qtensor<4x8xbf16, #qnt.fp8<block = [2, 4]>>
// CHECK: qnt.dequantize %[[A]] : !qnt.qtensor<4x8xf32, #qnt.fp8<block = [1, 8]>> -> tensor<4x8xf32>
// CHECK: qnt.dequantize %[[B]] : !qnt.qtensor<4x8xbf16, #qnt.fp8<block = [2, 4]>> -> tensor<4x8xbf16>
func.func @fp8(%e4: tensor<4x8xf8E4M3FN>, %s: tensor<4x1xf32>, %e5: tensor<4x8xf8E5M2>, %s2: tensor<2x2xf16>) -> (tensor<4x8xf32>, tensor<4x8xbf16>) {
  %a = qnt.fp8 %e4 scales(%s) : (tensor<4x8xf8E4M3FN>, tensor<4x1xf32>) -> !qnt.qtensor<4x8xf32, #qnt.fp8<block = [1, 8]>>
  %b = qnt.fp8 %e5 scales(%s2) : (tensor<4x8xf8E5M2>, tensor<2x2xf16>) -> !qnt.qtensor<4x8xbf16, #qnt.fp8<block = [2, 4]>>
  %fa = qnt.dequantize %a : !qnt.qtensor<4x8xf32, #qnt.fp8<block = [1, 8]>> -> tensor<4x8xf32>
  %fb = qnt.dequantize %b : !qnt.qtensor<4x8xbf16, #qnt.fp8<block = [2, 4]>> -> tensor<4x8xbf16>
  return %fa, %fb : tensor<4x8xf32>, tensor<4x8xbf16>
}

//===----------------------------------------------------------------------===//
// #qnt.additive, #qnt.vector, #qnt.e8p
//===----------------------------------------------------------------------===//

// AQLM 1x16 (i16 codes, 2^16-entry codebook) and 2x8.
// CHECK-LABEL: func.func @additive(
// CHECK-SAME: %[[C16:[^:]+]]: tensor<4x2x1xi16>, %[[B16:[^:]+]]: tensor<1x65536x8xf16>, %[[S:[^:]+]]: tensor<4xf16>, %[[C8:[^:]+]]: tensor<4x2x2xi8>, %[[B8:[^:]+]]: tensor<2x256x8xf16>)
// CHECK: qnt.additive %[[C16]] codebooks(%[[B16]]) scales(%[[S]]) : (tensor<4x2x1xi16>, tensor<1x65536x8xf16>, tensor<4xf16>) -> !qnt.qtensor<4x16xf16, #qnt.additive<books = 1, bits = 16, dim = 8>>
// CHECK: qnt.additive %[[C8]] codebooks(%[[B8]]) scales(%[[S]]) : (tensor<4x2x2xi8>, tensor<2x256x8xf16>, tensor<4xf16>) -> !qnt.qtensor<4x16xf16, #qnt.additive<books = 2, bits = 8, dim = 8>>
func.func @additive(%c16: tensor<4x2x1xi16>, %b16: tensor<1x65536x8xf16>, %s: tensor<4xf16>, %c8: tensor<4x2x2xi8>, %b8: tensor<2x256x8xf16>) {
  %a = qnt.additive %c16 codebooks(%b16) scales(%s) : (tensor<4x2x1xi16>, tensor<1x65536x8xf16>, tensor<4xf16>) -> !qnt.qtensor<4x16xf16, #qnt.additive<books = 1, bits = 16, dim = 8>>
  %b = qnt.additive %c8 codebooks(%b8) scales(%s) : (tensor<4x2x2xi8>, tensor<2x256x8xf16>, tensor<4xf16>) -> !qnt.qtensor<4x16xf16, #qnt.additive<books = 2, bits = 8, dim = 8>>
  return
}

// CHECK-LABEL: func.func @vector_no_residual(
// CHECK-SAME: %[[IDX:[^:]+]]: tensor<4x2xi16>, %[[C:[^:]+]]: tensor<256x4xf32>)
// CHECK: qnt.vector %[[IDX]] centroids(%[[C]]) : (tensor<4x2xi16>, tensor<256x4xf32>) -> !qnt.qtensor<4x8xf32, #qnt.vector<dim = 4, centroids = 256>>
func.func @vector_no_residual(%idx: tensor<4x2xi16>, %c: tensor<256x4xf32>) {
  %w = qnt.vector %idx centroids(%c) : (tensor<4x2xi16>, tensor<256x4xf32>) -> !qnt.qtensor<4x8xf32, #qnt.vector<dim = 4, centroids = 256, residual_centroids = 0>>
  return
}

// CHECK-LABEL: func.func @vector_residual(
// CHECK-SAME: %[[IDX:[^:]+]]: tensor<4x2xi16>, %[[C:[^:]+]]: tensor<256x4xf32>, %[[RIDX:[^:]+]]: tensor<4x2xi8>, %[[R:[^:]+]]: tensor<16x4xf32>)
// CHECK: qnt.vector %[[IDX]] centroids(%[[C]]) residual(%[[RIDX]], %[[R]]) : (tensor<4x2xi16>, tensor<256x4xf32>, tensor<4x2xi8>, tensor<16x4xf32>) -> !qnt.qtensor<4x8xf32, #qnt.vector<dim = 4, centroids = 256, residual_centroids = 16>>
func.func @vector_residual(%idx: tensor<4x2xi16>, %c: tensor<256x4xf32>, %ridx: tensor<4x2xi8>, %r: tensor<16x4xf32>) {
  %w = qnt.vector %idx centroids(%c) residual(%ridx, %r) : (tensor<4x2xi16>, tensor<256x4xf32>, tensor<4x2xi8>, tensor<16x4xf32>) -> !qnt.qtensor<4x8xf32, #qnt.vector<dim = 4, centroids = 256, residual_centroids = 16>>
  return
}

// All optional parts, then each column operand on its own.
// CHECK-LABEL: func.func @vector_column_scales_biases(
// CHECK-SAME: %[[IDX:[^:]+]]: tensor<4x2xi16>, %[[C:[^:]+]]: tensor<256x4xf32>, %[[RIDX:[^:]+]]: tensor<4x2xi8>, %[[R:[^:]+]]: tensor<16x4xf32>, %[[CS:[^:]+]]: tensor<8xf32>, %[[CB:[^:]+]]: tensor<8xf32>)
// CHECK: qnt.vector %[[IDX]] centroids(%[[C]]) residual(%[[RIDX]], %[[R]]) column_scales(%[[CS]]) column_biases(%[[CB]]) : (tensor<4x2xi16>, tensor<256x4xf32>, tensor<4x2xi8>, tensor<16x4xf32>, tensor<8xf32>, tensor<8xf32>) -> !qnt.qtensor<4x8xf32, #qnt.vector<dim = 4, centroids = 256, residual_centroids = 16>>
// CHECK: qnt.vector %[[IDX]] centroids(%[[C]]) column_scales(%[[CS]]) : (tensor<4x2xi16>, tensor<256x4xf32>, tensor<8xf32>) -> !qnt.qtensor<4x8xf32, #qnt.vector<dim = 4, centroids = 256>>
// CHECK: qnt.vector %[[IDX]] centroids(%[[C]]) column_biases(%[[CB]]) : (tensor<4x2xi16>, tensor<256x4xf32>, tensor<8xf32>) -> !qnt.qtensor<4x8xf32, #qnt.vector<dim = 4, centroids = 256>>
func.func @vector_column_scales_biases(%idx: tensor<4x2xi16>, %c: tensor<256x4xf32>, %ridx: tensor<4x2xi8>, %r: tensor<16x4xf32>, %cs: tensor<8xf32>, %cb: tensor<8xf32>) {
  %a = qnt.vector %idx centroids(%c) residual(%ridx, %r) column_scales(%cs) column_biases(%cb) : (tensor<4x2xi16>, tensor<256x4xf32>, tensor<4x2xi8>, tensor<16x4xf32>, tensor<8xf32>, tensor<8xf32>) -> !qnt.qtensor<4x8xf32, #qnt.vector<dim = 4, centroids = 256, residual_centroids = 16>>
  %b = qnt.vector %idx centroids(%c) column_scales(%cs) : (tensor<4x2xi16>, tensor<256x4xf32>, tensor<8xf32>) -> !qnt.qtensor<4x8xf32, #qnt.vector<dim = 4, centroids = 256>>
  %d = qnt.vector %idx centroids(%c) column_biases(%cb) : (tensor<4x2xi16>, tensor<256x4xf32>, tensor<8xf32>) -> !qnt.qtensor<4x8xf32, #qnt.vector<dim = 4, centroids = 256>>
  return
}

// CHECK-LABEL: func.func @e8p(
// CHECK-SAME: %[[CODES:[^:]+]]: tensor<4x2xi16>, %[[S:[^:]+]]: tensor<f32>)
// CHECK: qnt.e8p %[[CODES]] scale(%[[S]]) : (tensor<4x2xi16>, tensor<f32>) -> !qnt.qtensor<4x16xf32, #qnt.e8p>
func.func @e8p(%codes: tensor<4x2xi16>, %s: tensor<f32>) {
  %w = qnt.e8p %codes scale(%s) : (tensor<4x2xi16>, tensor<f32>) -> !qnt.qtensor<4x16xf32, #qnt.e8p>
  return
}

//===----------------------------------------------------------------------===//
// Wrappers: #qnt.hadamard, #qnt.sparse_outliers, #qnt.outlier_columns
//===----------------------------------------------------------------------===//

// QuIP#: E8P codes seen through two Hadamard rotations.
// CHECK-LABEL: func.func @hadamard_e8p(
// CHECK-SAME: %[[CODES:[^:]+]]: tensor<8x2xi16>, %[[S:[^:]+]]: tensor<f32>)
// CHECK: %[[INNER:.*]] = qnt.e8p %[[CODES]] scale(%[[S]]) : (tensor<8x2xi16>, tensor<f32>) -> !qnt.qtensor<8x16xf32, #qnt.e8p>
// CHECK: %[[W:.*]] = qnt.hadamard %[[INNER]] : !qnt.qtensor<8x16xf32, #qnt.e8p> -> !qnt.qtensor<8x16xf32, #qnt.hadamard<input_seed = 1, output_seed = 18446744073709551615>>
// CHECK: qnt.dequantize %[[W]] : !qnt.qtensor<8x16xf32, #qnt.hadamard<input_seed = 1, output_seed = 18446744073709551615>> -> tensor<8x16xf32>
func.func @hadamard_e8p(%codes: tensor<8x2xi16>, %s: tensor<f32>) -> tensor<8x16xf32> {
  %inner = qnt.e8p %codes scale(%s) : (tensor<8x2xi16>, tensor<f32>) -> !qnt.qtensor<8x16xf32, #qnt.e8p>
  %w = qnt.hadamard %inner : !qnt.qtensor<8x16xf32, #qnt.e8p> -> !qnt.qtensor<8x16xf32, #qnt.hadamard<input_seed = 1, output_seed = 18446744073709551615>>
  %f = qnt.dequantize %w : !qnt.qtensor<8x16xf32, #qnt.hadamard<input_seed = 1, output_seed = 18446744073709551615>> -> tensor<8x16xf32>
  return %f : tensor<8x16xf32>
}

// Dynamic number of outliers.
// CHECK-LABEL: func.func @sparse_outliers_dynamic_nnz(
// CHECK-SAME: %[[CODES:[^:]+]]: tensor<4x3xi8>, %[[S:[^:]+]]: tensor<4x1xf32>, %[[ROWS:[^:]+]]: tensor<5xi32>, %[[COLS:[^:]+]]: tensor<?xi32>, %[[VALS:[^:]+]]: tensor<?xf32>)
// CHECK: %[[BASE:.*]] = qnt.uniform %[[CODES]] scales(%[[S]]) : (tensor<4x3xi8>, tensor<4x1xf32>) -> !qnt.qtensor<4x8xf32, #qnt.uniform<bits = 3, block = [1, 8], packing = <bits = 3>>>
// CHECK: qnt.sparse_outliers %[[BASE]] rows(%[[ROWS]]) cols(%[[COLS]]) values(%[[VALS]]) : (!qnt.qtensor<4x8xf32, #qnt.uniform<bits = 3, block = [1, 8], packing = <bits = 3>>>, tensor<5xi32>, tensor<?xi32>, tensor<?xf32>) -> !qnt.qtensor<4x8xf32, #qnt.sparse_outliers>
func.func @sparse_outliers_dynamic_nnz(%codes: tensor<4x3xi8>, %s: tensor<4x1xf32>, %rows: tensor<5xi32>, %cols: tensor<?xi32>, %vals: tensor<?xf32>) {
  %base = qnt.uniform %codes scales(%s) : (tensor<4x3xi8>, tensor<4x1xf32>) -> !qnt.qtensor<4x8xf32, #qnt.uniform<bits = 3, block = [1, 8], packing = <bits = 3>>>
  %w = qnt.sparse_outliers %base rows(%rows) cols(%cols) values(%vals) : (!qnt.qtensor<4x8xf32, #qnt.uniform<bits = 3, block = [1, 8], packing = <bits = 3>>>, tensor<5xi32>, tensor<?xi32>, tensor<?xf32>) -> !qnt.qtensor<4x8xf32, #qnt.sparse_outliers>
  return
}

// Static number of outliers, i64 row offsets, i16 column indices, f16.
// CHECK-LABEL: func.func @sparse_outliers_static_nnz(
// CHECK-SAME: %[[BASE:[^:]+]]: !qnt.qtensor<4x8xf16, #qnt.fp8<block = [1, 8]>>, %[[ROWS:[^:]+]]: tensor<5xi64>, %[[COLS:[^:]+]]: tensor<3xi16>, %[[VALS:[^:]+]]: tensor<3xf16>)
// CHECK: qnt.sparse_outliers %[[BASE]] rows(%[[ROWS]]) cols(%[[COLS]]) values(%[[VALS]]) : (!qnt.qtensor<4x8xf16, #qnt.fp8<block = [1, 8]>>, tensor<5xi64>, tensor<3xi16>, tensor<3xf16>) -> !qnt.qtensor<4x8xf16, #qnt.sparse_outliers>
func.func @sparse_outliers_static_nnz(%base: !qnt.qtensor<4x8xf16, #qnt.fp8<block = [1, 8]>>, %rows: tensor<5xi64>, %cols: tensor<3xi16>, %vals: tensor<3xf16>) {
  %w = qnt.sparse_outliers %base rows(%rows) cols(%cols) values(%vals) : (!qnt.qtensor<4x8xf16, #qnt.fp8<block = [1, 8]>>, tensor<5xi64>, tensor<3xi16>, tensor<3xf16>) -> !qnt.qtensor<4x8xf16, #qnt.sparse_outliers>
  return
}

// CHECK-LABEL: func.func @outlier_columns(
// CHECK-SAME: %[[BASE:[^:]+]]: !qnt.qtensor<4x8xf32, #qnt.uniform<bits = 8, block = [1, 8]>>, %[[COLS:[^:]+]]: tensor<2xi64>, %[[VALS:[^:]+]]: tensor<4x2xf32>, %[[COLS32:[^:]+]]: tensor<2xi32>)
// CHECK: qnt.outlier_columns %[[BASE]] columns(%[[COLS]]) values(%[[VALS]]) : (!qnt.qtensor<4x8xf32, #qnt.uniform<bits = 8, block = [1, 8]>>, tensor<2xi64>, tensor<4x2xf32>) -> !qnt.qtensor<4x8xf32, #qnt.outlier_columns<count = 2>>
// CHECK: qnt.outlier_columns %[[BASE]] columns(%[[COLS32]]) values(%[[VALS]]) : (!qnt.qtensor<4x8xf32, #qnt.uniform<bits = 8, block = [1, 8]>>, tensor<2xi32>, tensor<4x2xf32>) -> !qnt.qtensor<4x8xf32, #qnt.outlier_columns<count = 2>>
func.func @outlier_columns(%base: !qnt.qtensor<4x8xf32, #qnt.uniform<bits = 8, block = [1, 8]>>, %cols: tensor<2xi64>, %vals: tensor<4x2xf32>, %cols32: tensor<2xi32>) {
  %w = qnt.outlier_columns %base columns(%cols) values(%vals) : (!qnt.qtensor<4x8xf32, #qnt.uniform<bits = 8, block = [1, 8]>>, tensor<2xi64>, tensor<4x2xf32>) -> !qnt.qtensor<4x8xf32, #qnt.outlier_columns<count = 2>>
  %v = qnt.outlier_columns %base columns(%cols32) values(%vals) : (!qnt.qtensor<4x8xf32, #qnt.uniform<bits = 8, block = [1, 8]>>, tensor<2xi32>, tensor<4x2xf32>) -> !qnt.qtensor<4x8xf32, #qnt.outlier_columns<count = 2>>
  return
}

// Wrappers nest: a rotation around sparse outliers around a uniform weight.
// CHECK-LABEL: func.func @nested_wrappers(
// CHECK-SAME: %[[BASE:[^:]+]]: !qnt.qtensor<8x16xf32, #qnt.uniform<bits = 4, block = [1, 16]>>, %[[ROWS:[^:]+]]: tensor<9xi32>, %[[COLS:[^:]+]]: tensor<?xi32>, %[[VALS:[^:]+]]: tensor<?xf32>, %[[X:[^:]+]]: tensor<2x16xf32>)
// CHECK: %[[SP:.*]] = qnt.sparse_outliers %[[BASE]] rows(%[[ROWS]]) cols(%[[COLS]]) values(%[[VALS]]) : (!qnt.qtensor<8x16xf32, #qnt.uniform<bits = 4, block = [1, 16]>>, tensor<9xi32>, tensor<?xi32>, tensor<?xf32>) -> !qnt.qtensor<8x16xf32, #qnt.sparse_outliers>
// CHECK: %[[W:.*]] = qnt.hadamard %[[SP]] : !qnt.qtensor<8x16xf32, #qnt.sparse_outliers> -> !qnt.qtensor<8x16xf32, #qnt.hadamard<input_seed = 0, output_seed = 0>>
// CHECK: qnt.matmul %[[X]], %[[W]] : (tensor<2x16xf32>, !qnt.qtensor<8x16xf32, #qnt.hadamard<input_seed = 0, output_seed = 0>>) -> tensor<2x8xf32>
func.func @nested_wrappers(%base: !qnt.qtensor<8x16xf32, #qnt.uniform<bits = 4, block = [1, 16]>>, %rows: tensor<9xi32>, %cols: tensor<?xi32>, %vals: tensor<?xf32>, %x: tensor<2x16xf32>) -> tensor<2x8xf32> {
  %sp = qnt.sparse_outliers %base rows(%rows) cols(%cols) values(%vals) : (!qnt.qtensor<8x16xf32, #qnt.uniform<bits = 4, block = [1, 16]>>, tensor<9xi32>, tensor<?xi32>, tensor<?xf32>) -> !qnt.qtensor<8x16xf32, #qnt.sparse_outliers>
  %w = qnt.hadamard %sp : !qnt.qtensor<8x16xf32, #qnt.sparse_outliers> -> !qnt.qtensor<8x16xf32, #qnt.hadamard<input_seed = 0, output_seed = 0>>
  %y = qnt.matmul %x, %w : (tensor<2x16xf32>, !qnt.qtensor<8x16xf32, #qnt.hadamard<input_seed = 0, output_seed = 0>>) -> tensor<2x8xf32>
  return %y : tensor<2x8xf32>
}

//===----------------------------------------------------------------------===//
// #qnt.bitstack
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @bitstack(
// CHECK-SAME: %[[SIGNS:[^:]+]]: tensor<2x4x1xi8>, %[[U:[^:]+]]: tensor<2x4x1xf32>, %[[V:[^:]+]]: tensor<2x1x8xf32>, %[[SIGNS12:[^:]+]]: tensor<3x4x2xi8>, %[[U12:[^:]+]]: tensor<3x4x2xf16>, %[[V12:[^:]+]]: tensor<3x2x12xf16>)
// CHECK: qnt.bitstack %[[SIGNS]] u(%[[U]]) v(%[[V]]) : (tensor<2x4x1xi8>, tensor<2x4x1xf32>, tensor<2x1x8xf32>) -> !qnt.qtensor<4x8xf32, #qnt.bitstack<levels = 2, rank = 1>>
// CHECK: qnt.bitstack %[[SIGNS12]] u(%[[U12]]) v(%[[V12]]) : (tensor<3x4x2xi8>, tensor<3x4x2xf16>, tensor<3x2x12xf16>) -> !qnt.qtensor<4x12xf16, #qnt.bitstack<levels = 3, rank = 2>>
func.func @bitstack(%signs: tensor<2x4x1xi8>, %u: tensor<2x4x1xf32>, %v: tensor<2x1x8xf32>, %signs12: tensor<3x4x2xi8>, %u12: tensor<3x4x2xf16>, %v12: tensor<3x2x12xf16>) {
  %a = qnt.bitstack %signs u(%u) v(%v) : (tensor<2x4x1xi8>, tensor<2x4x1xf32>, tensor<2x1x8xf32>) -> !qnt.qtensor<4x8xf32, #qnt.bitstack<levels = 2, rank = 1>>
  %b = qnt.bitstack %signs12 u(%u12) v(%v12) : (tensor<3x4x2xi8>, tensor<3x4x2xf16>, tensor<3x2x12xf16>) -> !qnt.qtensor<4x12xf16, #qnt.bitstack<levels = 3, rank = 2>>
  return
}

//===----------------------------------------------------------------------===//
// qnt.quantize
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @quantize(
// CHECK-SAME: %[[X:[^:]+]]: tensor<2x4xf32>, %[[S:[^:]+]]: tensor<2x1xf32>, %[[S2:[^:]+]]: tensor<2x2xf32>, %[[Z:[^:]+]]: tensor<2x2xi8>, %[[FZ:[^:]+]]: tensor<2x2xf32>)
// CHECK: qnt.quantize %[[X]] scales(%[[S]]) {encoding = #qnt.uniform<bits = 8, block = [1, 4]>} : (tensor<2x4xf32>, tensor<2x1xf32>) -> tensor<2x4xi8>
// CHECK: qnt.quantize %[[X]] scales(%[[S2]]) zero_points(%[[Z]]) {encoding = #qnt.uniform<bits = 4, signedness = unsigned, block = [1, 2], zero_point = true>} : (tensor<2x4xf32>, tensor<2x2xf32>, tensor<2x2xi8>) -> tensor<2x4xi8>
// CHECK: qnt.quantize %[[X]] scales(%[[S2]]) zero_points(%[[FZ]]) {encoding = #qnt.uniform<bits = 8, signedness = unsigned, block = [1, 2], zero_point = true>} : (tensor<2x4xf32>, tensor<2x2xf32>, tensor<2x2xf32>) -> tensor<2x4xi32>
func.func @quantize(%x: tensor<2x4xf32>, %s: tensor<2x1xf32>, %s2: tensor<2x2xf32>, %z: tensor<2x2xi8>, %fz: tensor<2x2xf32>) {
  %a = qnt.quantize %x scales(%s) {encoding = #qnt.uniform<bits = 8, signedness = signed, block = [1, 4]>} : (tensor<2x4xf32>, tensor<2x1xf32>) -> tensor<2x4xi8>
  %b = qnt.quantize %x scales(%s2) zero_points(%z) {encoding = #qnt.uniform<bits = 4, signedness = unsigned, block = [1, 2], zero_point = true>} : (tensor<2x4xf32>, tensor<2x2xf32>, tensor<2x2xi8>) -> tensor<2x4xi8>
  %c = qnt.quantize %x scales(%s2) zero_points(%fz) {encoding = #qnt.uniform<bits = 8, signedness = unsigned, block = [1, 2], zero_point = true>} : (tensor<2x4xf32>, tensor<2x2xf32>, tensor<2x2xf32>) -> tensor<2x4xi32>
  return
}

//===----------------------------------------------------------------------===//
// qnt.matmul
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @matmul_rank2(
// CHECK-SAME: %[[X:[^:]+]]: tensor<3x8xf32>, %[[W:[^:]+]]: !qnt.qtensor<4x8xf32, #qnt.uniform<bits = 4, block = [1, 8], packing = <bits = 4>>>)
// CHECK: %[[Y:.*]] = qnt.matmul %[[X]], %[[W]] : (tensor<3x8xf32>, !qnt.qtensor<4x8xf32, #qnt.uniform<bits = 4, block = [1, 8], packing = <bits = 4>>>) -> tensor<3x4xf32>
// CHECK: return %[[Y]]
func.func @matmul_rank2(%x: tensor<3x8xf32>, %w: !qnt.qtensor<4x8xf32, #qnt.uniform<bits = 4, block = [1, 8], packing = <bits = 4>>>) -> tensor<3x4xf32> {
  %y = qnt.matmul %x, %w : (tensor<3x8xf32>, !qnt.qtensor<4x8xf32, #qnt.uniform<bits = 4, block = [1, 8], packing = <bits = 4>>>) -> tensor<3x4xf32>
  return %y : tensor<3x4xf32>
}

// Rank-3 input with a bias; rank-1 and dynamic-batch inputs.
// CHECK-LABEL: func.func @matmul_rank3_bias(
// CHECK-SAME: %[[X:[^:]+]]: tensor<2x3x8xf16>, %[[W:[^:]+]]: !qnt.qtensor<4x8xf16, #qnt.fp8<block = [1, 8]>>, %[[B:[^:]+]]: tensor<4xf16>, %[[X1:[^:]+]]: tensor<8xf16>, %[[XD:[^:]+]]: tensor<?x8xf16>)
// CHECK: qnt.matmul %[[X]], %[[W]] bias(%[[B]]) : (tensor<2x3x8xf16>, !qnt.qtensor<4x8xf16, #qnt.fp8<block = [1, 8]>>, tensor<4xf16>) -> tensor<2x3x4xf16>
// CHECK: qnt.matmul %[[X1]], %[[W]] : (tensor<8xf16>, !qnt.qtensor<4x8xf16, #qnt.fp8<block = [1, 8]>>) -> tensor<4xf16>
// CHECK: qnt.matmul %[[XD]], %[[W]] bias(%[[B]]) : (tensor<?x8xf16>, !qnt.qtensor<4x8xf16, #qnt.fp8<block = [1, 8]>>, tensor<4xf16>) -> tensor<?x4xf16>
func.func @matmul_rank3_bias(%x: tensor<2x3x8xf16>, %w: !qnt.qtensor<4x8xf16, #qnt.fp8<block = [1, 8]>>, %b: tensor<4xf16>, %x1: tensor<8xf16>, %xd: tensor<?x8xf16>) {
  %y = qnt.matmul %x, %w bias(%b) : (tensor<2x3x8xf16>, !qnt.qtensor<4x8xf16, #qnt.fp8<block = [1, 8]>>, tensor<4xf16>) -> tensor<2x3x4xf16>
  %y1 = qnt.matmul %x1, %w : (tensor<8xf16>, !qnt.qtensor<4x8xf16, #qnt.fp8<block = [1, 8]>>) -> tensor<4xf16>
  %yd = qnt.matmul %xd, %w bias(%b) : (tensor<?x8xf16>, !qnt.qtensor<4x8xf16, #qnt.fp8<block = [1, 8]>>, tensor<4xf16>) -> tensor<?x4xf16>
  return
}

// Dynamic per-token activation quantization: all defaults, printed `<>`.
// CHECK-LABEL: func.func @matmul_act_quant_per_token(
// CHECK-SAME: %[[X:[^:]+]]: tensor<2x3x8xf32>, %[[W:[^:]+]]: !qnt.qtensor<4x8xf32, #qnt.uniform<bits = 8, block = [1, 8]>>, %[[B:[^:]+]]: tensor<4xf32>)
// CHECK: qnt.matmul %[[X]], %[[W]] bias(%[[B]]) {act_quant = #qnt.act_quant<>} : (tensor<2x3x8xf32>, !qnt.qtensor<4x8xf32, #qnt.uniform<bits = 8, block = [1, 8]>>, tensor<4xf32>) -> tensor<2x3x4xf32>
// CHECK: qnt.matmul %[[X]], %[[W]] {act_quant = #qnt.act_quant<>} : (tensor<2x3x8xf32>, !qnt.qtensor<4x8xf32, #qnt.uniform<bits = 8, block = [1, 8]>>) -> tensor<2x3x4xf32>
// CHECK: qnt.matmul %[[X]], %[[W]] {act_quant = #qnt.act_quant<bits = 4>} : (tensor<2x3x8xf32>, !qnt.qtensor<4x8xf32, #qnt.uniform<bits = 8, block = [1, 8]>>) -> tensor<2x3x4xf32>
func.func @matmul_act_quant_per_token(%x: tensor<2x3x8xf32>, %w: !qnt.qtensor<4x8xf32, #qnt.uniform<bits = 8, block = [1, 8]>>, %b: tensor<4xf32>) {
  %y = qnt.matmul %x, %w bias(%b) {act_quant = #qnt.act_quant<>} : (tensor<2x3x8xf32>, !qnt.qtensor<4x8xf32, #qnt.uniform<bits = 8, block = [1, 8]>>, tensor<4xf32>) -> tensor<2x3x4xf32>
  %z = qnt.matmul %x, %w {act_quant = #qnt.act_quant<bits = 8, granularity = per_token>} : (tensor<2x3x8xf32>, !qnt.qtensor<4x8xf32, #qnt.uniform<bits = 8, block = [1, 8]>>) -> tensor<2x3x4xf32>
  %v = qnt.matmul %x, %w {act_quant = #qnt.act_quant<bits = 4>} : (tensor<2x3x8xf32>, !qnt.qtensor<4x8xf32, #qnt.uniform<bits = 8, block = [1, 8]>>) -> tensor<2x3x4xf32>
  return
}

// Per-tensor activation quantization, dynamic and with a static input_scale.
// CHECK-LABEL: func.func @matmul_act_quant_per_tensor(
// CHECK-SAME: %[[X:[^:]+]]: tensor<3x8xf32>, %[[W:[^:]+]]: !qnt.qtensor<4x8xf32, #qnt.uniform<bits = 8, block = [1, 8]>>, %[[B:[^:]+]]: tensor<4xf32>, %[[A:[^:]+]]: tensor<f32>)
// CHECK: qnt.matmul %[[X]], %[[W]] {act_quant = #qnt.act_quant<granularity = per_tensor>} : (tensor<3x8xf32>, !qnt.qtensor<4x8xf32, #qnt.uniform<bits = 8, block = [1, 8]>>) -> tensor<3x4xf32>
// CHECK: qnt.matmul %[[X]], %[[W]] input_scale(%[[A]]) {act_quant = #qnt.act_quant<granularity = per_tensor>} : (tensor<3x8xf32>, !qnt.qtensor<4x8xf32, #qnt.uniform<bits = 8, block = [1, 8]>>, tensor<f32>) -> tensor<3x4xf32>
// CHECK: qnt.matmul %[[X]], %[[W]] bias(%[[B]]) input_scale(%[[A]]) {act_quant = #qnt.act_quant<bits = 6, granularity = per_tensor>} : (tensor<3x8xf32>, !qnt.qtensor<4x8xf32, #qnt.uniform<bits = 8, block = [1, 8]>>, tensor<4xf32>, tensor<f32>) -> tensor<3x4xf32>
func.func @matmul_act_quant_per_tensor(%x: tensor<3x8xf32>, %w: !qnt.qtensor<4x8xf32, #qnt.uniform<bits = 8, block = [1, 8]>>, %b: tensor<4xf32>, %a: tensor<f32>) {
  %y = qnt.matmul %x, %w {act_quant = #qnt.act_quant<granularity = per_tensor>} : (tensor<3x8xf32>, !qnt.qtensor<4x8xf32, #qnt.uniform<bits = 8, block = [1, 8]>>) -> tensor<3x4xf32>
  %z = qnt.matmul %x, %w input_scale(%a) {act_quant = #qnt.act_quant<bits = 8, granularity = per_tensor>} : (tensor<3x8xf32>, !qnt.qtensor<4x8xf32, #qnt.uniform<bits = 8, block = [1, 8]>>, tensor<f32>) -> tensor<3x4xf32>
  %v = qnt.matmul %x, %w bias(%b) input_scale(%a) {act_quant = #qnt.act_quant<bits = 6, granularity = per_tensor>} : (tensor<3x8xf32>, !qnt.qtensor<4x8xf32, #qnt.uniform<bits = 8, block = [1, 8]>>, tensor<4xf32>, tensor<f32>) -> tensor<3x4xf32>
  return
}

// LLM.int8: an outlier-columns weight under per-token activation quantization.
// CHECK-LABEL: func.func @matmul_outlier_columns(
// CHECK-SAME: %[[X:[^:]+]]: tensor<3x8xf32>, %[[W:[^:]+]]: !qnt.qtensor<4x8xf32, #qnt.outlier_columns<count = 2>>)
// CHECK: qnt.matmul %[[X]], %[[W]] {act_quant = #qnt.act_quant<>} : (tensor<3x8xf32>, !qnt.qtensor<4x8xf32, #qnt.outlier_columns<count = 2>>) -> tensor<3x4xf32>
func.func @matmul_outlier_columns(%x: tensor<3x8xf32>, %w: !qnt.qtensor<4x8xf32, #qnt.outlier_columns<count = 2>>) {
  %y = qnt.matmul %x, %w {act_quant = #qnt.act_quant<>} : (tensor<3x8xf32>, !qnt.qtensor<4x8xf32, #qnt.outlier_columns<count = 2>>) -> tensor<3x4xf32>
  return
}

//===----------------------------------------------------------------------===//
// qnt.dequantize and qnt.observe
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @dequantize_all_encodings(
// CHECK: qnt.dequantize %{{.*}} : !qnt.qtensor<4x8xf32, #qnt.additive<books = 1, bits = 8, dim = 4>> -> tensor<4x8xf32>
// CHECK: qnt.dequantize %{{.*}} : !qnt.qtensor<4x8xf32, #qnt.vector<dim = 4, centroids = 16, residual_centroids = 4>> -> tensor<4x8xf32>
// CHECK: qnt.dequantize %{{.*}} : !qnt.qtensor<4x16xf32, #qnt.e8p> -> tensor<4x16xf32>
// CHECK: qnt.dequantize %{{.*}} : !qnt.qtensor<4x8xf32, #qnt.sparse_outliers> -> tensor<4x8xf32>
// CHECK: qnt.dequantize %{{.*}} : !qnt.qtensor<4x8xf32, #qnt.outlier_columns<count = 8>> -> tensor<4x8xf32>
// CHECK: qnt.dequantize %{{.*}} : !qnt.qtensor<4x8xf32, #qnt.bitstack<levels = 1, rank = 4>> -> tensor<4x8xf32>
// CHECK: qnt.dequantize %{{.*}} : !qnt.qtensor<2x4x8xf32, #qnt.uniform<bits = 8, block = [1, 1, 8]>> -> tensor<2x4x8xf32>
func.func @dequantize_all_encodings(
    %a: !qnt.qtensor<4x8xf32, #qnt.additive<books = 1, bits = 8, dim = 4>>,
    %b: !qnt.qtensor<4x8xf32, #qnt.vector<dim = 4, centroids = 16, residual_centroids = 4>>,
    %c: !qnt.qtensor<4x16xf32, #qnt.e8p>,
    %d: !qnt.qtensor<4x8xf32, #qnt.sparse_outliers>,
    %e: !qnt.qtensor<4x8xf32, #qnt.outlier_columns<count = 8>>,
    %f: !qnt.qtensor<4x8xf32, #qnt.bitstack<levels = 1, rank = 4>>,
    %g: !qnt.qtensor<2x4x8xf32, #qnt.uniform<bits = 8, block = [1, 1, 8]>>) {
  %0 = qnt.dequantize %a : !qnt.qtensor<4x8xf32, #qnt.additive<books = 1, bits = 8, dim = 4>> -> tensor<4x8xf32>
  %1 = qnt.dequantize %b : !qnt.qtensor<4x8xf32, #qnt.vector<dim = 4, centroids = 16, residual_centroids = 4>> -> tensor<4x8xf32>
  %2 = qnt.dequantize %c : !qnt.qtensor<4x16xf32, #qnt.e8p> -> tensor<4x16xf32>
  %3 = qnt.dequantize %d : !qnt.qtensor<4x8xf32, #qnt.sparse_outliers> -> tensor<4x8xf32>
  %4 = qnt.dequantize %e : !qnt.qtensor<4x8xf32, #qnt.outlier_columns<count = 8>> -> tensor<4x8xf32>
  %5 = qnt.dequantize %f : !qnt.qtensor<4x8xf32, #qnt.bitstack<levels = 1, rank = 4>> -> tensor<4x8xf32>
  %6 = qnt.dequantize %g : !qnt.qtensor<2x4x8xf32, #qnt.uniform<bits = 8, block = [1, 1, 8]>> -> tensor<2x4x8xf32>
  return
}

// CHECK-LABEL: func.func @observe(
// CHECK-SAME: %[[X:[^:]+]]: tensor<1x4x8xf32>)
// CHECK: %[[O:.*]] = qnt.observe %[[X]] {name = "layers.0.attn.q_proj"} : tensor<1x4x8xf32>
// CHECK: qnt.observe %[[O]] {name = "layers.0.mlp.up_proj"} : tensor<1x4x8xf32>
func.func @observe(%x: tensor<1x4x8xf32>) -> tensor<1x4x8xf32> {
  %o = qnt.observe %x {name = "layers.0.attn.q_proj"} : tensor<1x4x8xf32>
  %p = qnt.observe %o {name = "layers.0.mlp.up_proj"} : tensor<1x4x8xf32>
  return %p : tensor<1x4x8xf32>
}
