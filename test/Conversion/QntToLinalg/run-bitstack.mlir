// RUN: quench-opt %s | %run_reference | FileCheck %s
//
// Numeric end-to-end tests of the reference lowering of qnt.bitstack:
//   W[n, k] = sum_l sign_l(n, k) * sum_r u[l, n, r] * v[l, r, k]
// signs [levels, N, ceil(K / 8)] i8, bit k % 8 (lsb first) of byte k / 8 set
// meaning -1. Expected values computed independently of Quench.

// 2 levels, rank 1, K = 10 (two sign bytes per row).
// sign bytes: [[[137, 2], [2, 1]], [[132, 3], [0, 0]]]
// CHECK: rank = 2 offset = 0 sizes = [2, 10] strides = [10, 1] data =
// CHECK-NEXT: {{\[\[}}0, 1, 2.5, -4, 0.75, 2.25, -1.5, -8.25, 15.875, -3],
// CHECK-NEXT: [0, -2, 5, 8, 0.5, -3.5, -1, 15.5, -32.25, -6]]
func.func @levels2_rank1() {
  %signs = arith.constant dense<[[[-119, 2], [2, 1]], [[-124, 3], [0, 0]]]> : tensor<2x2x2xi8>
  %u = arith.constant dense<[[[1.0], [2.0]], [[0.25], [-0.5]]]> : tensor<2x2x1xf32>
  %v = arith.constant dense<[[[1.0, 2.0, 3.0, 4.0, 0.5, 0.25, -1.0, 8.0, 16.0, 0.0]], [[4.0, -4.0, 2.0, 0.0, 1.0, 8.0, -2.0, 1.0, 0.5, 12.0]]]> : tensor<2x1x10xf32>
  %w = qnt.bitstack %signs u(%u) v(%v) : (tensor<2x2x2xi8>, tensor<2x2x1xf32>, tensor<2x1x10xf32>) -> !qnt.qtensor<2x10xf32, #qnt.bitstack<levels = 2, rank = 1>>
  %out = qnt.dequantize %w : !qnt.qtensor<2x10xf32, #qnt.bitstack<levels = 2, rank = 1>> -> tensor<2x10xf32>
  %printed = tensor.cast %out : tensor<2x10xf32> to tensor<*xf32>
  call @printMemrefF32(%printed) : (tensor<*xf32>) -> ()
  return
}

// 2 levels, rank 2, K = 4.
// sign bytes: [[[1], [6], [15]], [[8], [0], [5]]]
// CHECK: rank = 2 offset = 0 sizes = [3, 4] strides = [4, 1] data =
// CHECK-NEXT: {{\[\[}}-2.25, 2.5, 3.25, 6.875],
// CHECK-NEXT: [-0.5, -5, -9.5, -2],
// CHECK-NEXT: [3.4375, 0.125, -3.6875, -0.75]]
func.func @levels2_rank2() {
  %signs = arith.constant dense<[[[1], [6], [15]], [[8], [0], [5]]]> : tensor<2x3x1xi8>
  %u = arith.constant dense<[[[1.0, 0.5], [2.0, -1.0], [0.0, 0.25]], [[0.5, 0.5], [-1.0, 0.0], [0.125, 4.0]]]> : tensor<2x3x2xf32>
  %v = arith.constant dense<[[[1.0, 2.0, 3.0, 4.0], [2.0, 0.0, -2.0, 8.0]], [[0.5, 1.0, 1.5, 2.0], [-1.0, 0.0, 1.0, 0.25]]]> : tensor<2x2x4xf32>
  %w = qnt.bitstack %signs u(%u) v(%v) : (tensor<2x3x1xi8>, tensor<2x3x2xf32>, tensor<2x2x4xf32>) -> !qnt.qtensor<3x4xf32, #qnt.bitstack<levels = 2, rank = 2>>
  %out = qnt.dequantize %w : !qnt.qtensor<3x4xf32, #qnt.bitstack<levels = 2, rank = 2>> -> tensor<3x4xf32>
  %printed = tensor.cast %out : tensor<3x4xf32> to tensor<*xf32>
  call @printMemrefF32(%printed) : (tensor<*xf32>) -> ()
  return
}

// 1 level, rank 2, f16 expressed type; row 0 sign byte 0xFF (all negative).
// sign bytes: [[[255], [64]]]
// CHECK: rank = 2 offset = 0 sizes = [2, 8] strides = [8, 1] data =
// CHECK-NEXT: {{\[\[}}-2, -2, -2, -4.5, 0.5, 0, -10, -8.25],
// CHECK-NEXT: [0.375, -0.25, 1, -0.25, -0.5625, 2.5, -3.75, -0.875]]
func.func @level1_f16() {
  %signs = arith.constant dense<[[[-1], [64]]]> : tensor<1x2x1xi8>
  %u = arith.constant dense<[[[1.0, 2.0], [0.5, -0.25]]]> : tensor<1x2x2xf16>
  %v = arith.constant dense<[[[1.0, 0.0, 2.0, 0.5, -1.0, 4.0, 8.0, 0.25], [0.5, 1.0, 0.0, 2.0, 0.25, -2.0, 1.0, 4.0]]]> : tensor<1x2x8xf16>
  %w = qnt.bitstack %signs u(%u) v(%v) : (tensor<1x2x1xi8>, tensor<1x2x2xf16>, tensor<1x2x8xf16>) -> !qnt.qtensor<2x8xf16, #qnt.bitstack<levels = 1, rank = 2>>
  %h = qnt.dequantize %w : !qnt.qtensor<2x8xf16, #qnt.bitstack<levels = 1, rank = 2>> -> tensor<2x8xf16>
  %out = arith.extf %h : tensor<2x8xf16> to tensor<2x8xf32>
  %printed = tensor.cast %out : tensor<2x8xf32> to tensor<*xf32>
  call @printMemrefF32(%printed) : (tensor<*xf32>) -> ()
  return
}

func.func @main() {
  call @levels2_rank1() : () -> ()
  call @levels2_rank2() : () -> ()
  call @level1_f16() : () -> ()
  return
}
func.func private @printMemrefF32(tensor<*xf32>)
func.func private @printMemrefI32(tensor<*xi32>)
