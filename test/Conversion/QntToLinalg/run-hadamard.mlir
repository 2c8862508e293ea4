// RUN: quench-opt %s | %run_reference | FileCheck %s
//
// Numeric end-to-end tests of the reference lowering of qnt.hadamard:
//   W = D_out * H_N * V * H_K * D_in,  H_n[i, j] = (-1)^popcount(i & j) / sqrt(n),
//   D = diag(signs), signs[i] = (splitmix64(seed + i) & 1) ? -1 : +1.
// Signs computed with an independent python splitmix64 (checked against the
// published first output of splitmix64 seeded with 0, 0xE220A8397B1DCDAF).

// 4x4 inner weight V (uniform 8-bit, scale 1/4), input_seed = 3, output_seed = 2;
// input signs [-1, 1, 1, 1], output signs [1, -1, 1, 1].
// CHECK: rank = 2 offset = 0 sizes = [4, 4] strides = [4, 1] data =
// CHECK-NEXT: {{\[\[}}-1.1875, -0.1875, -0.0625, -0.9375],
// CHECK-NEXT: [-0.5625, -0.0625, -5.6875, -2.8125],
// CHECK-NEXT: [-1.5625, -0.5625, -0.6875, 1.6875],
// CHECK-NEXT: [1.6875, -3.8125, 0.5625, -1.0625]]
func.func @rotate_4x4() {
  %codes = arith.constant dense<[[4, 8, -12, 2], [0, -4, 16, 8], [12, 1, -2, -8], [-16, 4, 6, 0]]> : tensor<4x4xi8>
  %s = arith.constant dense<[[0.25]]> : tensor<1x1xf32>
  %v = qnt.uniform %codes scales(%s) : (tensor<4x4xi8>, tensor<1x1xf32>) -> !qnt.qtensor<4x4xf32, #qnt.uniform<bits = 8, block = [4, 4]>>
  %w = qnt.hadamard %v : !qnt.qtensor<4x4xf32, #qnt.uniform<bits = 8, block = [4, 4]>> -> !qnt.qtensor<4x4xf32, #qnt.hadamard<input_seed = 3, output_seed = 2>>
  %out = qnt.dequantize %w : !qnt.qtensor<4x4xf32, #qnt.hadamard<input_seed = 3, output_seed = 2>> -> tensor<4x4xf32>
  %printed = tensor.cast %out : tensor<4x4xf32> to tensor<*xf32>
  call @printMemrefF32(%printed) : (tensor<*xf32>) -> ()
  return
}

// V = e0 e0^T: W[n, k] = out_sign[n] * in_sign[k] / 4, the sign vectors
// themselves (input_seed = 1234, output_seed = 0);
// input signs [-1, 1, -1, -1], output signs [-1, -1, 1, -1].
// CHECK: rank = 2 offset = 0 sizes = [4, 4] strides = [4, 1] data =
// CHECK-NEXT: {{\[\[}}0.25, -0.25, 0.25, 0.25],
// CHECK-NEXT: [0.25, -0.25, 0.25, 0.25],
// CHECK-NEXT: [-0.25, 0.25, -0.25, -0.25],
// CHECK-NEXT: [0.25, -0.25, 0.25, 0.25]]
func.func @rotate_unit() {
  %codes = arith.constant dense<[[4, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]]> : tensor<4x4xi8>
  %s = arith.constant dense<[[0.25]]> : tensor<1x1xf32>
  %v = qnt.uniform %codes scales(%s) : (tensor<4x4xi8>, tensor<1x1xf32>) -> !qnt.qtensor<4x4xf32, #qnt.uniform<bits = 8, block = [4, 4]>>
  %w = qnt.hadamard %v : !qnt.qtensor<4x4xf32, #qnt.uniform<bits = 8, block = [4, 4]>> -> !qnt.qtensor<4x4xf32, #qnt.hadamard<input_seed = 1234, output_seed = 0>>
  %out = qnt.dequantize %w : !qnt.qtensor<4x4xf32, #qnt.hadamard<input_seed = 1234, output_seed = 0>> -> tensor<4x4xf32>
  %printed = tensor.cast %out : tensor<4x4xf32> to tensor<*xf32>
  call @printMemrefF32(%printed) : (tensor<*xf32>) -> ()
  return
}

// 2x2 inner weight (H_2 has entries +-1/sqrt(2); the product is exact in
// real arithmetic), input_seed = 42, output_seed = 2;
// input signs [-1, 1], output signs [1, -1].
// CHECK: rank = 2 offset = 0 sizes = [2, 2] strides = [2, 1] data =
// CHECK-NEXT: {{\[\[}}-2.5, -1.5],
// CHECK-NEXT: [0.5, -2.5]]
func.func @rotate_2x2() {
  %codes = arith.constant dense<[[8, 4], [-4, 12]]> : tensor<2x2xi8>
  %s = arith.constant dense<[[0.25]]> : tensor<1x1xf32>
  %v = qnt.uniform %codes scales(%s) : (tensor<2x2xi8>, tensor<1x1xf32>) -> !qnt.qtensor<2x2xf32, #qnt.uniform<bits = 8, block = [2, 2]>>
  %w = qnt.hadamard %v : !qnt.qtensor<2x2xf32, #qnt.uniform<bits = 8, block = [2, 2]>> -> !qnt.qtensor<2x2xf32, #qnt.hadamard<input_seed = 42, output_seed = 2>>
  %out = qnt.dequantize %w : !qnt.qtensor<2x2xf32, #qnt.hadamard<input_seed = 42, output_seed = 2>> -> tensor<2x2xf32>
  %printed = tensor.cast %out : tensor<2x2xf32> to tensor<*xf32>
  call @printMemrefF32(%printed) : (tensor<*xf32>) -> ()
  return
}

// input_seed = 2^64 - 1: signs use splitmix64 of 2^64 - 1, 0, 1, 2 (seed + i wraps);
// output_seed = 2^64 - 2;
// input signs [1, -1, -1, 1], output signs [-1, 1, -1, -1].
// CHECK: rank = 2 offset = 0 sizes = [4, 4] strides = [4, 1] data =
// CHECK-NEXT: {{\[\[}}-1.1875, -0.1875, -0.0625, 0.9375],
// CHECK-NEXT: [-0.5625, -0.0625, -5.6875, 2.8125],
// CHECK-NEXT: [-1.5625, -0.5625, -0.6875, -1.6875],
// CHECK-NEXT: [1.6875, -3.8125, 0.5625, 1.0625]]
func.func @seed_wraps() {
  %codes = arith.constant dense<[[4, 8, -12, 2], [0, -4, 16, 8], [12, 1, -2, -8], [-16, 4, 6, 0]]> : tensor<4x4xi8>
  %s = arith.constant dense<[[0.25]]> : tensor<1x1xf32>
  %v = qnt.uniform %codes scales(%s) : (tensor<4x4xi8>, tensor<1x1xf32>) -> !qnt.qtensor<4x4xf32, #qnt.uniform<bits = 8, block = [4, 4]>>
  %w = qnt.hadamard %v : !qnt.qtensor<4x4xf32, #qnt.uniform<bits = 8, block = [4, 4]>> -> !qnt.qtensor<4x4xf32, #qnt.hadamard<input_seed = 18446744073709551615, output_seed = 18446744073709551614>>
  %out = qnt.dequantize %w : !qnt.qtensor<4x4xf32, #qnt.hadamard<input_seed = 18446744073709551615, output_seed = 18446744073709551614>> -> tensor<4x4xf32>
  %printed = tensor.cast %out : tensor<4x4xf32> to tensor<*xf32>
  call @printMemrefF32(%printed) : (tensor<*xf32>) -> ()
  return
}

// Rectangular 4x16 inner weight V[n, k] = (3n + 5k) % 9 - 4, input_seed = 5,
// output_seed = 9;
// input signs [1, 1, -1, 1, 1, 1, -1, -1, -1, 1, -1, -1, -1, 1, 1, 1], output signs [1, 1, -1, -1].
// CHECK: rank = 2 offset = 0 sizes = [4, 16] strides = [16, 1] data =
// CHECK-NEXT: {{\[\[}}-0.875, -0.875, 0.625, -1.125, -2.375, 1.125, 1.125, 1.125, -0.875, -5.625, -1.125, -1.125, 1.125, -1.125, 1.125, -3.375],
// CHECK-NEXT: [0.375, -1.125, -1.125, 1.125, -1.125, -1.125, 3.375, -1.125, -1.125, 1.125, 1.125, -3.375, -1.125, 5.625, -1.125, -1.125],
// CHECK-NEXT: [0.375, -1.125, -1.125, 1.125, -1.125, -1.125, 3.375, -1.125, -1.125, 1.125, 1.125, -3.375, -1.125, 5.625, -1.125, -1.125],
// CHECK-NEXT: [1.125, 1.125, -3.375, -1.125, 5.625, 1.125, 1.125, 1.125, 1.125, 12.375, -1.125, -1.125, 1.125, -1.125, 1.125, -3.375]]
func.func @rotate_4x16() {
  %codes = arith.constant dense<[[-16, 4, -12, 8, -8, 12, -4, 16, 0, -16, 4, -12, 8, -8, 12, -4], [-4, 16, 0, -16, 4, -12, 8, -8, 12, -4, 16, 0, -16, 4, -12, 8], [8, -8, 12, -4, 16, 0, -16, 4, -12, 8, -8, 12, -4, 16, 0, -16], [-16, 4, -12, 8, -8, 12, -4, 16, 0, -16, 4, -12, 8, -8, 12, -4]]> : tensor<4x16xi8>
  %s = arith.constant dense<[[0.25]]> : tensor<1x1xf32>
  %v = qnt.uniform %codes scales(%s) : (tensor<4x16xi8>, tensor<1x1xf32>) -> !qnt.qtensor<4x16xf32, #qnt.uniform<bits = 8, block = [4, 16]>>
  %w = qnt.hadamard %v : !qnt.qtensor<4x16xf32, #qnt.uniform<bits = 8, block = [4, 16]>> -> !qnt.qtensor<4x16xf32, #qnt.hadamard<input_seed = 5, output_seed = 9>>
  %out = qnt.dequantize %w : !qnt.qtensor<4x16xf32, #qnt.hadamard<input_seed = 5, output_seed = 9>> -> tensor<4x16xf32>
  %printed = tensor.cast %out : tensor<4x16xf32> to tensor<*xf32>
  call @printMemrefF32(%printed) : (tensor<*xf32>) -> ()
  return
}

// qnt.matmul with the rotated weight of @rotate_4x4: y = x * W^T.
// CHECK: rank = 2 offset = 0 sizes = [2, 4] strides = [4, 1] data =
// CHECK-NEXT: {{\[\[}}-2.90625, -8.96875, 2.03125, 3.65625],
// CHECK-NEXT: [-1.5625, 8.3125, 0.8125, -17.4375]]
func.func @matmul_rotated() {
  %codes = arith.constant dense<[[4, 8, -12, 2], [0, -4, 16, 8], [12, 1, -2, -8], [-16, 4, 6, 0]]> : tensor<4x4xi8>
  %s = arith.constant dense<[[0.25]]> : tensor<1x1xf32>
  %x = arith.constant dense<[[1.0, -1.0, 0.5, 2.0], [0.0, 4.0, -2.0, 1.0]]> : tensor<2x4xf32>
  %v = qnt.uniform %codes scales(%s) : (tensor<4x4xi8>, tensor<1x1xf32>) -> !qnt.qtensor<4x4xf32, #qnt.uniform<bits = 8, block = [4, 4]>>
  %w = qnt.hadamard %v : !qnt.qtensor<4x4xf32, #qnt.uniform<bits = 8, block = [4, 4]>> -> !qnt.qtensor<4x4xf32, #qnt.hadamard<input_seed = 3, output_seed = 2>>
  %out = qnt.matmul %x, %w : (tensor<2x4xf32>, !qnt.qtensor<4x4xf32, #qnt.hadamard<input_seed = 3, output_seed = 2>>) -> tensor<2x4xf32>
  %printed = tensor.cast %out : tensor<2x4xf32> to tensor<*xf32>
  call @printMemrefF32(%printed) : (tensor<*xf32>) -> ()
  return
}

func.func @main() {
  call @rotate_4x4() : () -> ()
  call @rotate_unit() : () -> ()
  call @rotate_2x2() : () -> ()
  call @seed_wraps() : () -> ()
  call @rotate_4x16() : () -> ()
  call @matmul_rotated() : () -> ()
  return
}
func.func private @printMemrefF32(tensor<*xf32>)
func.func private @printMemrefI32(tensor<*xi32>)
