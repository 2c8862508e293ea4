// RUN: quench-opt %s | %run_reference | FileCheck %s
//
// Numeric end-to-end tests of the reference lowering of qnt.e8p:
//   w[n, 8*j + t] = scale * E8P(codes[n, j])[t]
// decoded by hand from the layout in include/quench/Quant/Formats.h:
//   a = code >> 8 (row of A: the vectors of {1/2, 3/2, 5/2, 7/2}^8 with squared
//   norm <= 10 in lexicographic order; row 0 = all 1/2, row 1 = (1/2 x7, 3/2),
//   row 226 = (5/2, 3/2, 1/2 x6)), b = code & 0xFF, par = popcount(b) & 1,
//   s = b ^ par, w7 negated when the row sum is odd, weight i negated when bit
//   sigma(i) of s is set (sigma = 0,4,1,5,2,6,3,7), then +1/4 (par = 0) or
//   -1/4 (par = 1). Only rows 0..226 are used (rows 227..255 are a fixed list).

// Scale 2. Codes, row by row:
//   0x0000 zero code: all +1/2 + 1/4 = 0.75 (x2 = 1.5);
//   0x0001 sign byte parity odd: no sign (s = 0), shift -1/4 -> 0.25;
//   0x0003 even parity, bits 0 and 1 -> w0 and w2 negative;
//   0x0100 row 1 (sum 5, odd): w7 = -3/2;
//   0x0180 row 1, bit 7 and odd parity: s = 0x81, w0 and w7 flipped (w7 twice);
//   0x00FE popcount 7: s = 0xFF, all negative, shift -1/4;
//   0x8000 row 128 = (1/2, 3/2, 3/2, 1/2, 1/2, 3/2, 1/2, 1/2), sum 7: w7 flipped,
//          stored as i16 -32768;
//   0xE2A5 row 226 = (5/2, 3/2, 1/2 x6), s = 0xA5: w0, w4, w3, w7 (twice).
// CHECK: rank = 2 offset = 0 sizes = [4, 16] strides = [16, 1] data =
// CHECK-NEXT: {{\[\[}}1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5],
// CHECK-NEXT: [-0.5, 1.5, -0.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, -2.5],
// CHECK-NEXT: [-1.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 2.5, -1.5, -1.5, -1.5, -1.5, -1.5, -1.5, -1.5, -1.5],
// CHECK-NEXT: [1.5, 3.5, 3.5, 1.5, 1.5, 3.5, 1.5, -0.5, -4.5, 3.5, 1.5, -0.5, -0.5, 1.5, 1.5, 1.5]]
func.func @e8p_cases() {
  %codes = arith.constant dense<[[0, 1], [3, 256], [384, 254], [-32768, -7515]]> : tensor<4x2xi16>
  %s = arith.constant dense<2.0> : tensor<f32>
  %w = qnt.e8p %codes scale(%s) : (tensor<4x2xi16>, tensor<f32>) -> !qnt.qtensor<4x16xf32, #qnt.e8p>
  %out = qnt.dequantize %w : !qnt.qtensor<4x16xf32, #qnt.e8p> -> tensor<4x16xf32>
  %printed = tensor.cast %out : tensor<4x16xf32> to tensor<*xf32>
  call @printMemrefF32(%printed) : (tensor<*xf32>) -> ()
  return
}

// f16 expressed type and scale -0.5. Codes:
//   0x0210 row 2 = (1/2 x7, 5/2), sum 6 even; b = 0x10 odd parity, s = 0x11:
//          w0 and w1 negative, shift -1/4;
//   0xC87F row 200 = (3/2, 3/2, 1/2, 1/2, 1/2, 3/2, 1/2, 1/2), sum 7; s = 0x7E:
//          w1..w6 negative, w7 negative (odd row), shift -1/4;
//   0x745A row 116 = (1/2, 3/2, 1/2, 3/2, 1/2, 3/2, 1/2, 1/2), s = 0x5A;
//   0xD9C3 row 217 = (3/2 x4, 1/2 x4), s = 0xC3.
// CHECK: rank = 2 offset = 0 sizes = [2, 16] strides = [16, 1] data =
// CHECK-NEXT: {{\[\[}}0.375, 0.375, -0.125, -0.125, -0.125, -0.125, -0.125, -1.125, -0.625, 0.875, 0.375, 0.375, 0.375, 0.875, 0.375, 0.375],
// CHECK-NEXT: [-0.375, 0.625, 0.125, -0.875, -0.375, 0.625, 0.125, 0.125, 0.625, -0.875, 0.625, -0.875, -0.375, 0.125, -0.375, 0.125]]
func.func @e8p_f16() {
  %codes = arith.constant dense<[[528, -14209], [29786, -9789]]> : tensor<2x2xi16>
  %s = arith.constant dense<-0.5> : tensor<f16>
  %w = qnt.e8p %codes scale(%s) : (tensor<2x2xi16>, tensor<f16>) -> !qnt.qtensor<2x16xf16, #qnt.e8p>
  %h = qnt.dequantize %w : !qnt.qtensor<2x16xf16, #qnt.e8p> -> tensor<2x16xf16>
  %out = arith.extf %h : tensor<2x16xf16> to tensor<2x16xf32>
  %printed = tensor.cast %out : tensor<2x16xf32> to tensor<*xf32>
  call @printMemrefF32(%printed) : (tensor<*xf32>) -> ()
  return
}

func.func @main() {
  call @e8p_cases() : () -> ()
  call @e8p_f16() : () -> ()
  return
}
func.func private @printMemrefF32(tensor<*xf32>)
func.func private @printMemrefI32(tensor<*xi32>)
