// RUN: quench-opt %s | %run_reference | FileCheck %s
//
// Numeric end-to-end tests of the reference lowering of qnt.quantize:
//   q[i] = clamp(round_half_even(x[i] / s[i / block]) + z[i / block], qmin, qmax)
// signed [-2^(b-1), 2^(b-1) - 1], unsigned [0, 2^b - 1]. Codes are printed as
// i32 (sign-extended from signed codes, zero-extended from unsigned ones).
// Expected values computed independently of Quench.

// Signed 8-bit, per-channel scales [1, 0.5]: 0.5 -> 0, 1.5 -> 2, 2.5 -> 2,
// -2.5 -> -2 (half to even); 1000 -> 127, -1000 -> -128 (qmin), 127.5 -> 128 -> 127,
// -128.5 -> -128, 0.5 -> 0, 2.5 -> 2.
// CHECK: rank = 2 offset = 0 sizes = [2, 6] strides = [6, 1] data =
// CHECK-NEXT: {{\[\[}}0, 2, 2, -2, 0, 3],
// CHECK-NEXT: [127, -128, 127, -128, 0, 2]]
func.func @signed_i8_ties_clamp() {
  %x = arith.constant dense<[[0.5, 1.5, 2.5, -2.5, -0.5, 3.49], [1000.0, -1000.0, 63.75, -64.25, 0.25, 1.25]]> : tensor<2x6xf32>
  %s = arith.constant dense<[[1.0], [0.5]]> : tensor<2x1xf32>
  %q = qnt.quantize %x scales(%s) {encoding = #qnt.uniform<bits = 8, block = [1, 6]>} : (tensor<2x6xf32>, tensor<2x1xf32>) -> tensor<2x6xi8>
  %out = arith.extsi %q : tensor<2x6xi8> to tensor<2x6xi32>
  %printed = tensor.cast %out : tensor<2x6xi32> to tensor<*xi32>
  call @printMemrefI32(%printed) : (tensor<*xi32>) -> ()
  return
}

// Signed 4-bit [-8, 7] with integer zero points, block = [1, 2]:
// round(x / s) + z, then clamp (2 / 0.25 + 0 = 8 -> 7, -20 / 0.25 + 0 = -80 -> -8,
// 1.5 / 0.5 + 7 = 10 -> 7, -0.375 / 0.125 - 8 = -11 -> -8).
// CHECK: rank = 2 offset = 0 sizes = [2, 6] strides = [6, 1] data =
// CHECK-NEXT: {{\[\[}}5, 6, -5, 3, 7, -8],
// CHECK-NEXT: [-8, -8, 7, 4, 7, -8]]
func.func @signed_4bit_zero_points() {
  %x = arith.constant dense<[[0.75, 1.125, -2.5, 6.0, 2.0, -20.0], [0.0, -0.375, 1.5, -1.5, 100.0, -100.0]]> : tensor<2x6xf32>
  %s = arith.constant dense<[[0.25, 1.0, 0.25], [0.125, 0.5, 2.0]]> : tensor<2x3xf32>
  %z = arith.constant dense<[[2, -3, 0], [-8, 7, 1]]> : tensor<2x3xi8>
  %q = qnt.quantize %x scales(%s) zero_points(%z) {encoding = #qnt.uniform<bits = 4, block = [1, 2], zero_point = true>} : (tensor<2x6xf32>, tensor<2x3xf32>, tensor<2x3xi8>) -> tensor<2x6xi8>
  %out = arith.extsi %q : tensor<2x6xi8> to tensor<2x6xi32>
  %printed = tensor.cast %out : tensor<2x6xi32> to tensor<*xi32>
  call @printMemrefI32(%printed) : (tensor<*xi32>) -> ()
  return
}

// Unsigned 8-bit [0, 255], zero points 128 and 200 stored in i8 as -128
// and -56; codes >= 128 come back in i8 and are printed zero-extended.
// Row 0 (s = 1): 0 + 128, -128 + 128 = 0, -200 + 128 -> 0, 128 + 128 -> 255,
// 126 + 128 = 254, 2 + 128. Row 1 (s = 0.25): 1 + 200, 3 + 200, -1 + 200,
// 254 + 200 -> 255, -127 + 200, 160 + 200 -> 255.
// CHECK: rank = 2 offset = 0 sizes = [2, 6] strides = [6, 1] data =
// CHECK-NEXT: {{\[\[}}128, 0, 0, 255, 254, 130],
// CHECK-NEXT: [201, 203, 199, 255, 73, 255]]
func.func @unsigned_i8_zp_above_127() {
  %x = arith.constant dense<[[0.5, -128.5, -200.0, 127.5, 126.5, 1.5], [0.25, 0.75, -0.25, 63.5, -31.75, 40.0]]> : tensor<2x6xf32>
  %s = arith.constant dense<[[1.0], [0.25]]> : tensor<2x1xf32>
  %z = arith.constant dense<[[-128], [-56]]> : tensor<2x1xi8>
  %q = qnt.quantize %x scales(%s) zero_points(%z) {encoding = #qnt.uniform<bits = 8, signedness = unsigned, block = [1, 6], zero_point = true>} : (tensor<2x6xf32>, tensor<2x1xf32>, tensor<2x1xi8>) -> tensor<2x6xi8>
  %out = arith.extui %q : tensor<2x6xi8> to tensor<2x6xi32>
  %printed = tensor.cast %out : tensor<2x6xi32> to tensor<*xi32>
  call @printMemrefI32(%printed) : (tensor<*xi32>) -> ()
  return
}

// Unsigned 4-bit [0, 15] without zero points into i16: -1 -> 0,
// 15.5 -> 16 -> 15, 7.5 -> 8, 8.5 -> 8, 14.5 -> 14, 13.5 -> 14.
// CHECK: rank = 2 offset = 0 sizes = [2, 6] strides = [6, 1] data =
// CHECK-NEXT: {{\[\[}}0, 0, 8, 8, 15, 15],
// CHECK-NEXT: [1, 0, 14, 14, 2, 4]]
func.func @unsigned_4bit_clamp_i16() {
  %x = arith.constant dense<[[-1.0, 0.4, 7.5, 8.5, 15.5, 100.0], [0.6, -0.6, 14.5, 13.5, 2.5, 3.5]]> : tensor<2x6xf32>
  %s = arith.constant dense<[[1.0]]> : tensor<1x1xf32>
  %q = qnt.quantize %x scales(%s) {encoding = #qnt.uniform<bits = 4, signedness = unsigned, block = [2, 6]>} : (tensor<2x6xf32>, tensor<1x1xf32>) -> tensor<2x6xi16>
  %out = arith.extui %q : tensor<2x6xi16> to tensor<2x6xi32>
  %printed = tensor.cast %out : tensor<2x6xi32> to tensor<*xi32>
  call @printMemrefI32(%printed) : (tensor<*xi32>) -> ()
  return
}

// Unsigned 8-bit per-tensor with a float zero point 3.0, scale 0.25:
// 0.125 / 0.25 = 0.5 -> 0, -0.5 -> -0, 1.5 -> 2, -2.5 -> -2; -4 + 3 -> 0 (clamp).
// CHECK: rank = 2 offset = 0 sizes = [2, 4] strides = [4, 1] data =
// CHECK-NEXT: {{\[\[}}3, 3, 3, 5],
// CHECK-NEXT: [0, 127, 255, 1]]
func.func @unsigned_float_zero_point() {
  %x = arith.constant dense<[[0.0, 0.125, -0.125, 0.375], [-1.0, 31.0, 64.0, -0.625]]> : tensor<2x4xf32>
  %s = arith.constant dense<[[0.25]]> : tensor<1x1xf32>
  %z = arith.constant dense<[[3.0]]> : tensor<1x1xf32>
  %out = qnt.quantize %x scales(%s) zero_points(%z) {encoding = #qnt.uniform<bits = 8, signedness = unsigned, block = [2, 4], zero_point = true>} : (tensor<2x4xf32>, tensor<1x1xf32>, tensor<1x1xf32>) -> tensor<2x4xi32>
  %printed = tensor.cast %out : tensor<2x4xi32> to tensor<*xi32>
  call @printMemrefI32(%printed) : (tensor<*xi32>) -> ()
  return
}

// Signed 8-bit with 2-D blocks [2, 2] and scales [[0.5, 1], [0.25, 0.5]], i32 codes.
// CHECK: rank = 2 offset = 0 sizes = [4, 4] strides = [4, 1] data =
// CHECK-NEXT: {{\[\[}}2, -4, 4, 4],
// CHECK-NEXT: [-2, 0, 100, -100],
// CHECK-NEXT: [2, 6, -6, 4],
// CHECK-NEXT: [28, -28, 0, 13]]
func.func @blocks_2x2_i32() {
  %x = arith.constant dense<[[1.0, -2.0, 3.5, 4.5], [-0.75, 0.25, 100.0, -100.0], [0.5, 1.5, -3.0, 2.0], [7.0, -7.0, 0.0, 6.5]]> : tensor<4x4xf32>
  %s = arith.constant dense<[[0.5, 1.0], [0.25, 0.5]]> : tensor<2x2xf32>
  %out = qnt.quantize %x scales(%s) {encoding = #qnt.uniform<bits = 8, block = [2, 2]>} : (tensor<4x4xf32>, tensor<2x2xf32>) -> tensor<4x4xi32>
  %printed = tensor.cast %out : tensor<4x4xi32> to tensor<*xi32>
  call @printMemrefI32(%printed) : (tensor<*xi32>) -> ()
  return
}

// f16 input and scales, signed 8-bit: -65504 -> -128, 65504 -> 127.
// CHECK: rank = 2 offset = 0 sizes = [2, 4] strides = [4, 1] data =
// CHECK-NEXT: {{\[\[}}1, -3, 5, 6],
// CHECK-NEXT: [-128, 127, 0, -2]]
func.func @f16_input() {
  %x = arith.constant dense<[[0.5, -1.5, 2.5, 3.0], [-65504.0, 65504.0, 0.25, -0.75]]> : tensor<2x4xf16>
  %s = arith.constant dense<[[0.5], [0.5]]> : tensor<2x1xf16>
  %q = qnt.quantize %x scales(%s) {encoding = #qnt.uniform<bits = 8, block = [1, 4]>} : (tensor<2x4xf16>, tensor<2x1xf16>) -> tensor<2x4xi8>
  %out = arith.extsi %q : tensor<2x4xi8> to tensor<2x4xi32>
  %printed = tensor.cast %out : tensor<2x4xi32> to tensor<*xi32>
  call @printMemrefI32(%printed) : (tensor<*xi32>) -> ()
  return
}

// Signed 4-bit codes returned in i4 (the narrowest allowed type).
// CHECK: rank = 2 offset = 0 sizes = [1, 8] strides = [8, 1] data =
// CHECK-NEXT: {{\[\[}}0, -2, 2, 4, 7, -8, 7, 0]]
func.func @signed_4bit_i4_result() {
  %x = arith.constant dense<[[0.5, -1.5, 2.5, 3.5, 7.5, -8.5, 100.0, -0.5]]> : tensor<1x8xf32>
  %s = arith.constant dense<[[1.0]]> : tensor<1x1xf32>
  %q = qnt.quantize %x scales(%s) {encoding = #qnt.uniform<bits = 4, block = [1, 8]>} : (tensor<1x8xf32>, tensor<1x1xf32>) -> tensor<1x8xi4>
  %out = arith.extsi %q : tensor<1x8xi4> to tensor<1x8xi32>
  %printed = tensor.cast %out : tensor<1x8xi32> to tensor<*xi32>
  call @printMemrefI32(%printed) : (tensor<*xi32>) -> ()
  return
}

func.func @main() {
  call @signed_i8_ties_clamp() : () -> ()
  call @signed_4bit_zero_points() : () -> ()
  call @unsigned_i8_zp_above_127() : () -> ()
  call @unsigned_4bit_clamp_i16() : () -> ()
  call @unsigned_float_zero_point() : () -> ()
  call @blocks_2x2_i32() : () -> ()
  call @f16_input() : () -> ()
  call @signed_4bit_i4_result() : () -> ()
  return
}
func.func private @printMemrefF32(tensor<*xf32>)
func.func private @printMemrefI32(tensor<*xi32>)
