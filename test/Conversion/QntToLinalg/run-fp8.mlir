// RUN: quench-opt %s | %run_reference | FileCheck %s
//
// Numeric end-to-end tests of the reference lowering of qnt.fp8:
//   w[i] = float(codes[i]) * scales[i / block]
// Codes are given as raw bytes (hex dense literals) and decoded here by hand:
//   E4M3FN: s.eeee.mmm, bias 7, e = 0 subnormal m/8 * 2^-6, max 0x7E = 448.
//   E5M2:   s.eeeee.mm, bias 15, e = 0 subnormal m/4 * 2^-14, max 0x7B = 57344,
//           0x7C = +inf.

// E4M3FN, block = [1, 2]: 0x7E = 448 and 0xFE = -448 (x 0.5); smallest and
// largest subnormals 0x01 = 2^-9, 0x07 = 7 * 2^-9 (x 512); smallest normal
// 0x08 = 2^-6 and 0x38 = 1 (x 64); 0xBC = -1.5 and 0x80 = -0 (x 0.25).
// CHECK: rank = 2 offset = 0 sizes = [2, 4] strides = [4, 1] data =
// CHECK-NEXT: {{\[\[}}224, -224, 1, 7],
// CHECK-NEXT: [1, 64, -0.375, -0]]
func.func @e4m3_special() {
  %codes = arith.constant dense<"0x7EFE01070838BC80"> : tensor<2x4xf8E4M3FN>
  %s = arith.constant dense<[[0.5, 512.0], [64.0, 0.25]]> : tensor<2x2xf32>
  %w = qnt.fp8 %codes scales(%s) : (tensor<2x4xf8E4M3FN>, tensor<2x2xf32>) -> !qnt.qtensor<2x4xf32, #qnt.fp8<block = [1, 2]>>
  %out = qnt.dequantize %w : !qnt.qtensor<2x4xf32, #qnt.fp8<block = [1, 2]>> -> tensor<2x4xf32>
  %printed = tensor.cast %out : tensor<2x4xf32> to tensor<*xf32>
  call @printMemrefF32(%printed) : (tensor<*xf32>) -> ()
  return
}

// E4M3FN normals and a subnormal with one per-tensor scale of 2.
// CHECK: rank = 2 offset = 0 sizes = [2, 4] strides = [4, 1] data =
// CHECK-NEXT: {{\[\[}}1.75, 480, 6, -9],
// CHECK-NEXT: [36, 3.75, 0.015625, -256]]
func.func @e4m3_per_tensor() {
  %codes = arith.constant dense<"0x367744C9593F04F0"> : tensor<2x4xf8E4M3FN>
  %s = arith.constant dense<[[2.0]]> : tensor<1x1xf32>
  %w = qnt.fp8 %codes scales(%s) : (tensor<2x4xf8E4M3FN>, tensor<1x1xf32>) -> !qnt.qtensor<2x4xf32, #qnt.fp8<block = [2, 4]>>
  %out = qnt.dequantize %w : !qnt.qtensor<2x4xf32, #qnt.fp8<block = [2, 4]>> -> tensor<2x4xf32>
  %printed = tensor.cast %out : tensor<2x4xf32> to tensor<*xf32>
  call @printMemrefF32(%printed) : (tensor<*xf32>) -> ()
  return
}

// E5M2, block = [1, 2]: 0x7B = 57344 and 0xFB = -57344 (x 0.25); subnormals
// 0x01 = 2^-16, 0x03 = 3 * 2^-16 (x 65536); 0x04 = 2^-14 (smallest normal) and
// 0x3D = 1.25 (x 16384); 0xC0 = -2 and 0x00 = 0 (x 0.5).
// CHECK: rank = 2 offset = 0 sizes = [2, 4] strides = [4, 1] data =
// CHECK-NEXT: {{\[\[}}14336, -14336, 1, 3],
// CHECK-NEXT: [1, 20480, -1, 0]]
func.func @e5m2_special() {
  %codes = arith.constant dense<"0x7BFB0103043DC000"> : tensor<2x4xf8E5M2>
  %s = arith.constant dense<[[0.25, 65536.0], [16384.0, 0.5]]> : tensor<2x2xf32>
  %w = qnt.fp8 %codes scales(%s) : (tensor<2x4xf8E5M2>, tensor<2x2xf32>) -> !qnt.qtensor<2x4xf32, #qnt.fp8<block = [1, 2]>>
  %out = qnt.dequantize %w : !qnt.qtensor<2x4xf32, #qnt.fp8<block = [1, 2]>> -> tensor<2x4xf32>
  %printed = tensor.cast %out : tensor<2x4xf32> to tensor<*xf32>
  call @printMemrefF32(%printed) : (tensor<*xf32>) -> ()
  return
}

// E5M2 with 2-D blocks (block = [2, 2]): 0x7C = +inf, 0xFC = -inf, 0x44 = 4,
// 0x5F = 7 * 2^8, 0x3A = 0.75, 0xBE = -1.5.
// CHECK: rank = 2 offset = 0 sizes = [2, 4] strides = [4, 1] data =
// CHECK-NEXT: {{\[\[}}inf, 8, -224, -0.375],
// CHECK-NEXT: [-inf, 2, 0.75, -1.75]]
func.func @e5m2_inf_blocks() {
  %codes = arith.constant dense<"0x7C445F3AFC3CBE43"> : tensor<2x4xf8E5M2>
  %s = arith.constant dense<[[2.0, -0.5]]> : tensor<1x2xf32>
  %w = qnt.fp8 %codes scales(%s) : (tensor<2x4xf8E5M2>, tensor<1x2xf32>) -> !qnt.qtensor<2x4xf32, #qnt.fp8<block = [2, 2]>>
  %out = qnt.dequantize %w : !qnt.qtensor<2x4xf32, #qnt.fp8<block = [2, 2]>> -> tensor<2x4xf32>
  %printed = tensor.cast %out : tensor<2x4xf32> to tensor<*xf32>
  call @printMemrefF32(%printed) : (tensor<*xf32>) -> ()
  return
}

// E4M3FN into an f16 expressed type with f16 scales, block = [1, 4]:
// 448 * 4 = 1792; subnormals 0x01 * 2048 = 4, 0x85 * 2048 = -20.
// CHECK: rank = 2 offset = 0 sizes = [2, 4] strides = [4, 1] data =
// CHECK-NEXT: {{\[\[}}1792, 2, -2, 5],
// CHECK-NEXT: [4, 8, -20, 0]]
func.func @e4m3_f16() {
  %codes = arith.constant dense<"0x7E30B03A01028500"> : tensor<2x4xf8E4M3FN>
  %s = arith.constant dense<[[4.0], [2048.0]]> : tensor<2x1xf16>
  %w = qnt.fp8 %codes scales(%s) : (tensor<2x4xf8E4M3FN>, tensor<2x1xf16>) -> !qnt.qtensor<2x4xf16, #qnt.fp8<block = [1, 4]>>
  %h = qnt.dequantize %w : !qnt.qtensor<2x4xf16, #qnt.fp8<block = [1, 4]>> -> tensor<2x4xf16>
  %out = arith.extf %h : tensor<2x4xf16> to tensor<2x4xf32>
  %printed = tensor.cast %out : tensor<2x4xf32> to tensor<*xf32>
  call @printMemrefF32(%printed) : (tensor<*xf32>) -> ()
  return
}

func.func @main() {
  call @e4m3_special() : () -> ()
  call @e4m3_per_tensor() : () -> ()
  call @e5m2_special() : () -> ()
  call @e5m2_inf_blocks() : () -> ()
  call @e4m3_f16() : () -> ()
  return
}
func.func private @printMemrefF32(tensor<*xf32>)
func.func private @printMemrefI32(tensor<*xi32>)
