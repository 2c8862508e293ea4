// RUN: quench-opt %s | %run_reference | FileCheck %s
//
// Numeric end-to-end tests of the reference lowering of qnt.lut:
//   w[i] = table[codes[i]] * scales[i / block]
// NF4 values are QLoRA's published NormalFloat4 table (printed to the runner's
// 6 significant digits); FP4 E2M1 is sign bit 3, 2 exponent bits (bias 1),
// 1 mantissa bit. Expected values computed independently of Quench.

// NF4: all 16 codes (4-bit packed lsb_first) with scale 1: the table itself.
// CHECK: rank = 2 offset = 0 sizes = [1, 16] strides = [16, 1] data =
// CHECK-NEXT: {{\[\[}}-1, -0.696193, -0.525073, -0.394917, -0.284441, -0.184773, -0.09105, 0, 0.0795803, 0.16093, 0.246112, 0.337915, 0.44071, 0.562617, 0.722957, 1]]
func.func @nf4_table() {
  %codes = arith.constant dense<[[16, 50, 84, 118, -104, -70, -36, -2]]> : tensor<1x8xi8>
  %s = arith.constant dense<[[1.0]]> : tensor<1x1xf32>
  %w = qnt.lut %codes scales(%s) : (tensor<1x8xi8>, tensor<1x1xf32>) -> !qnt.qtensor<1x16xf32, #qnt.lut<bits = 4, table = nf4, block = [1, 16], packing = <bits = 4>>>
  %out = qnt.dequantize %w : !qnt.qtensor<1x16xf32, #qnt.lut<bits = 4, table = nf4, block = [1, 16], packing = <bits = 4>>> -> tensor<1x16xf32>
  %printed = tensor.cast %out : tensor<1x16xf32> to tensor<*xf32>
  call @printMemrefF32(%printed) : (tensor<*xf32>) -> ()
  return
}

// NF4 exact entries (code 0 = -1, 7 = 0, 15 = 1; 8 = 0.0795803) with
// group scales (block = [1, 4]), 4-bit packed msb_first.
// CHECK: rank = 2 offset = 0 sizes = [2, 8] strides = [8, 1] data =
// CHECK-NEXT: {{\[\[}}-2.5, 0, 2.5, 2.5, -0, 0.75, -0.75, -0.0596852],
// CHECK-NEXT: [0.375, -0.375, 0, 0, -64, -64, 64, 64]]
func.func @nf4_exact_blockwise() {
  %codes = arith.constant dense<[[7, -1, 112, -8], [-16, 119, 0, -1]]> : tensor<2x4xi8>
  %s = arith.constant dense<[[2.5, -0.75], [0.375, 64.0]]> : tensor<2x2xf32>
  %w = qnt.lut %codes scales(%s) : (tensor<2x4xi8>, tensor<2x2xf32>) -> !qnt.qtensor<2x8xf32, #qnt.lut<bits = 4, table = nf4, block = [1, 4], packing = <bits = 4, order = msb_first>>>
  %out = qnt.dequantize %w : !qnt.qtensor<2x8xf32, #qnt.lut<bits = 4, table = nf4, block = [1, 4], packing = <bits = 4, order = msb_first>>> -> tensor<2x8xf32>
  %printed = tensor.cast %out : tensor<2x8xf32> to tensor<*xf32>
  call @printMemrefF32(%printed) : (tensor<*xf32>) -> ()
  return
}

// NF4 with double-quantized scales (codes [[6], [-2]] x 0.25 = [[1.5], [-0.5]]).
// CHECK: rank = 2 offset = 0 sizes = [2, 4] strides = [4, 1] data =
// CHECK-NEXT: {{\[\[}}-1.5, 1.5, 0, -0.592376],
// CHECK-NEXT: [-0.5, -0.5, 0.5, -0]]
func.func @nf4_double_quant() {
  %sc = arith.constant dense<[[6], [-2]]> : tensor<2x1xi8>
  %ss = arith.constant dense<[[0.25]]> : tensor<1x1xf32>
  %codes = arith.constant dense<[[0, 15, 7, 3], [15, 15, 0, 7]]> : tensor<2x4xi8>
  %s = qnt.uniform %sc scales(%ss) : (tensor<2x1xi8>, tensor<1x1xf32>) -> !qnt.qtensor<2x1xf32, #qnt.uniform<bits = 8, block = [2, 1]>>
  %w = qnt.lut %codes scales(%s) : (tensor<2x4xi8>, !qnt.qtensor<2x1xf32, #qnt.uniform<bits = 8, block = [2, 1]>>) -> !qnt.qtensor<2x4xf32, #qnt.lut<bits = 4, table = nf4, block = [1, 4]>>
  %out = qnt.dequantize %w : !qnt.qtensor<2x4xf32, #qnt.lut<bits = 4, table = nf4, block = [1, 4]>> -> tensor<2x4xf32>
  %printed = tensor.cast %out : tensor<2x4xf32> to tensor<*xf32>
  call @printMemrefF32(%printed) : (tensor<*xf32>) -> ()
  return
}

// FP4 E2M1: all 16 codes (unpacked i8); row 0 scale 1, row 1 (codes
// reversed) scale 0.5. Code 8 is -0.
// CHECK: rank = 2 offset = 0 sizes = [2, 16] strides = [16, 1] data =
// CHECK-NEXT: {{\[\[}}0, 0.5, 1, 1.5, 2, 3, 4, 6, -0, -0.5, -1, -1.5, -2, -3, -4, -6],
// CHECK-NEXT: [-3, -2, -1.5, -1, -0.75, -0.5, -0.25, -0, 3, 2, 1.5, 1, 0.75, 0.5, 0.25, 0]]
func.func @fp4_e2m1_table() {
  %codes = arith.constant dense<[[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15], [15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0]]> : tensor<2x16xi8>
  %s = arith.constant dense<[[1.0], [0.5]]> : tensor<2x1xf32>
  %w = qnt.lut %codes scales(%s) : (tensor<2x16xi8>, tensor<2x1xf32>) -> !qnt.qtensor<2x16xf32, #qnt.lut<bits = 4, table = fp4_e2m1, block = [1, 16]>>
  %out = qnt.dequantize %w : !qnt.qtensor<2x16xf32, #qnt.lut<bits = 4, table = fp4_e2m1, block = [1, 16]>> -> tensor<2x16xf32>
  %printed = tensor.cast %out : tensor<2x16xf32> to tensor<*xf32>
  call @printMemrefF32(%printed) : (tensor<*xf32>) -> ()
  return
}

// FP4 E2M1 packed lsb_first, block = [1, 4].
// CHECK: rank = 2 offset = 0 sizes = [2, 8] strides = [8, 1] data =
// CHECK-NEXT: {{\[\[}}1.5, -1.5, 18, -18, 0.375, -0.375, 0.75, -0.75],
// CHECK-NEXT: [-2, -8, 2, 8, 3, -3, 0, -0]]
func.func @fp4_e2m1_packed() {
  %codes = arith.constant dense<[[-111, -9, -77, -43], [98, -22, -60, -128]]> : tensor<2x4xi8>
  %s = arith.constant dense<[[3.0, 0.25], [-2.0, 1.5]]> : tensor<2x2xf32>
  %w = qnt.lut %codes scales(%s) : (tensor<2x4xi8>, tensor<2x2xf32>) -> !qnt.qtensor<2x8xf32, #qnt.lut<bits = 4, table = fp4_e2m1, block = [1, 4], packing = <bits = 4>>>
  %out = qnt.dequantize %w : !qnt.qtensor<2x8xf32, #qnt.lut<bits = 4, table = fp4_e2m1, block = [1, 4], packing = <bits = 4>>> -> tensor<2x8xf32>
  %printed = tensor.cast %out : tensor<2x8xf32> to tensor<*xf32>
  call @printMemrefF32(%printed) : (tensor<*xf32>) -> ()
  return
}

// Custom 2-bit table [-1.5, -0.25, 0.5, 2], codes packed lsb_first.
// CHECK: rank = 2 offset = 0 sizes = [2, 8] strides = [8, 1] data =
// CHECK-NEXT: {{\[\[}}-1.5, -0.25, 0.5, 2, 2, 0.5, -0.25, -1.5],
// CHECK-NEXT: [2, 2, 8, -6, -1, -6, 8, -1]]
func.func @custom_2bit_packed() {
  %codes = arith.constant dense<[[-28, 27], [58, 113]]> : tensor<2x2xi8>
  %s = arith.constant dense<[[1.0], [4.0]]> : tensor<2x1xf32>
  %t = arith.constant dense<[-1.5, -0.25, 0.5, 2.0]> : tensor<4xf32>
  %w = qnt.lut %codes scales(%s) table(%t) : (tensor<2x2xi8>, tensor<2x1xf32>, tensor<4xf32>) -> !qnt.qtensor<2x8xf32, #qnt.lut<bits = 2, table = custom, block = [1, 8], packing = <bits = 2>>>
  %out = qnt.dequantize %w : !qnt.qtensor<2x8xf32, #qnt.lut<bits = 2, table = custom, block = [1, 8], packing = <bits = 2>>> -> tensor<2x8xf32>
  %printed = tensor.cast %out : tensor<2x8xf32> to tensor<*xf32>
  call @printMemrefF32(%printed) : (tensor<*xf32>) -> ()
  return
}

// Custom 3-bit table given as f16, block = [2, 2].
// CHECK: rank = 2 offset = 0 sizes = [4, 4] strides = [4, 1] data =
// CHECK-NEXT: {{\[\[}}-3, 8, -0.75, 0.625],
// CHECK-NEXT: [-0.5, 0.75, -0.0625, 0.0625],
// CHECK-NEXT: [-16, -16, -0.75, -0.75],
// CHECK-NEXT: [-0.25, 0.25, 0.3125, -0.375]]
func.func @custom_3bit_f16_table() {
  %codes = arith.constant dense<[[0, 7, 1, 6], [2, 5, 3, 4], [7, 7, 0, 0], [4, 3, 6, 1]]> : tensor<4x4xi8>
  %s = arith.constant dense<[[1.0, 0.5], [-2.0, 0.25]]> : tensor<2x2xf32>
  %t = arith.constant dense<[-3.0, -1.5, -0.5, -0.125, 0.125, 0.75, 1.25, 8.0]> : tensor<8xf16>
  %w = qnt.lut %codes scales(%s) table(%t) : (tensor<4x4xi8>, tensor<2x2xf32>, tensor<8xf16>) -> !qnt.qtensor<4x4xf32, #qnt.lut<bits = 3, table = custom, block = [2, 2]>>
  %out = qnt.dequantize %w : !qnt.qtensor<4x4xf32, #qnt.lut<bits = 3, table = custom, block = [2, 2]>> -> tensor<4x4xf32>
  %printed = tensor.cast %out : tensor<4x4xf32> to tensor<*xf32>
  call @printMemrefF32(%printed) : (tensor<*xf32>) -> ()
  return
}

// Custom 8-bit table t[i] = (i - 128) / 4; codes 128..255 are stored as
// negative i8 and index the upper half of the table.
// CHECK: rank = 2 offset = 0 sizes = [2, 4] strides = [4, 1] data =
// CHECK-NEXT: {{\[\[}}-32, -0.25, 0, 18],
// CHECK-NEXT: [63.5, 0.5, -63.5, -32]]
func.func @custom_8bit_high_codes() {
  %codes = arith.constant dense<[[0, 127, -128, -56], [-1, -127, 1, 64]]> : tensor<2x4xi8>
  %s = arith.constant dense<[[1.0], [2.0]]> : tensor<2x1xf32>
  %t = arith.constant dense<[-32.0, -31.75, -31.5, -31.25, -31.0, -30.75, -30.5, -30.25, -30.0, -29.75, -29.5, -29.25, -29.0, -28.75, -28.5, -28.25, -28.0, -27.75, -27.5, -27.25, -27.0, -26.75, -26.5, -26.25, -26.0, -25.75, -25.5, -25.25, -25.0, -24.75, -24.5, -24.25, -24.0, -23.75, -23.5, -23.25, -23.0, -22.75, -22.5, -22.25, -22.0, -21.75, -21.5, -21.25, -21.0, -20.75, -20.5, -20.25, -20.0, -19.75, -19.5, -19.25, -19.0, -18.75, -18.5, -18.25, -18.0, -17.75, -17.5, -17.25, -17.0, -16.75, -16.5, -16.25, -16.0, -15.75, -15.5, -15.25, -15.0, -14.75, -14.5, -14.25, -14.0, -13.75, -13.5, -13.25, -13.0, -12.75, -12.5, -12.25, -12.0, -11.75, -11.5, -11.25, -11.0, -10.75, -10.5, -10.25, -10.0, -9.75, -9.5, -9.25, -9.0, -8.75, -8.5, -8.25, -8.0, -7.75, -7.5, -7.25, -7.0, -6.75, -6.5, -6.25, -6.0, -5.75, -5.5, -5.25, -5.0, -4.75, -4.5, -4.25, -4.0, -3.75, -3.5, -3.25, -3.0, -2.75, -2.5, -2.25, -2.0, -1.75, -1.5, -1.25, -1.0, -0.75, -0.5, -0.25, 0.0, 0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0, 2.25, 2.5, 2.75, 3.0, 3.25, 3.5, 3.75, 4.0, 4.25, 4.5, 4.75, 5.0, 5.25, 5.5, 5.75, 6.0, 6.25, 6.5, 6.75, 7.0, 7.25, 7.5, 7.75, 8.0, 8.25, 8.5, 8.75, 9.0, 9.25, 9.5, 9.75, 10.0, 10.25, 10.5, 10.75, 11.0, 11.25, 11.5, 11.75, 12.0, 12.25, 12.5, 12.75, 13.0, 13.25, 13.5, 13.75, 14.0, 14.25, 14.5, 14.75, 15.0, 15.25, 15.5, 15.75, 16.0, 16.25, 16.5, 16.75, 17.0, 17.25, 17.5, 17.75, 18.0, 18.25, 18.5, 18.75, 19.0, 19.25, 19.5, 19.75, 20.0, 20.25, 20.5, 20.75, 21.0, 21.25, 21.5, 21.75, 22.0, 22.25, 22.5, 22.75, 23.0, 23.25, 23.5, 23.75, 24.0, 24.25, 24.5, 24.75, 25.0, 25.25, 25.5, 25.75, 26.0, 26.25, 26.5, 26.75, 27.0, 27.25, 27.5, 27.75, 28.0, 28.25, 28.5, 28.75, 29.0, 29.25, 29.5, 29.75, 30.0, 30.25, 30.5, 30.75, 31.0, 31.25, 31.5, 31.75]> : tensor<256xf32>
  %w = qnt.lut %codes scales(%s) table(%t) : (tensor<2x4xi8>, tensor<2x1xf32>, tensor<256xf32>) -> !qnt.qtensor<2x4xf32, #qnt.lut<bits = 8, table = custom, block = [1, 4]>>
  %out = qnt.dequantize %w : !qnt.qtensor<2x4xf32, #qnt.lut<bits = 8, table = custom, block = [1, 4]>> -> tensor<2x4xf32>
  %printed = tensor.cast %out : tensor<2x4xf32> to tensor<*xf32>
  call @printMemrefF32(%printed) : (tensor<*xf32>) -> ()
  return
}

// Custom 1-bit table [-0.5, 1.5], 1-bit codes packed msb_first (bytes 0xB4, 0x0F).
// CHECK: rank = 2 offset = 0 sizes = [1, 16] strides = [16, 1] data =
// CHECK-NEXT: {{\[\[}}3, -1, 3, 3, -1, 3, -1, -1, 0.5, 0.5, 0.5, 0.5, -1.5, -1.5, -1.5, -1.5]]
func.func @custom_1bit_msb() {
  %codes = arith.constant dense<[[-76, 15]]> : tensor<1x2xi8>
  %s = arith.constant dense<[[2.0, -1.0]]> : tensor<1x2xf32>
  %t = arith.constant dense<[-0.5, 1.5]> : tensor<2xf32>
  %w = qnt.lut %codes scales(%s) table(%t) : (tensor<1x2xi8>, tensor<1x2xf32>, tensor<2xf32>) -> !qnt.qtensor<1x16xf32, #qnt.lut<bits = 1, table = custom, block = [1, 8], packing = <bits = 1, order = msb_first>>>
  %out = qnt.dequantize %w : !qnt.qtensor<1x16xf32, #qnt.lut<bits = 1, table = custom, block = [1, 8], packing = <bits = 1, order = msb_first>>> -> tensor<1x16xf32>
  %printed = tensor.cast %out : tensor<1x16xf32> to tensor<*xf32>
  call @printMemrefF32(%printed) : (tensor<*xf32>) -> ()
  return
}

func.func @main() {
  call @nf4_table() : () -> ()
  call @nf4_exact_blockwise() : () -> ()
  call @nf4_double_quant() : () -> ()
  call @fp4_e2m1_table() : () -> ()
  call @fp4_e2m1_packed() : () -> ()
  call @custom_2bit_packed() : () -> ()
  call @custom_3bit_f16_table() : () -> ()
  call @custom_8bit_high_codes() : () -> ()
  call @custom_1bit_msb() : () -> ()
  return
}
func.func private @printMemrefF32(tensor<*xf32>)
func.func private @printMemrefI32(tensor<*xi32>)
