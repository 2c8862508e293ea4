// RUN: quench-opt %s | %run_reference | FileCheck %s
//
// Numeric end-to-end tests of the reference lowering of qnt.vector (VPTQ):
//   w[n, k] = (C[idx[n, k / dim], k % dim] + R[ridx[n, k / dim], k % dim]) * cs[k] + cb[k]
// (absent R / cb are 0, absent cs is 1). Expected values computed independently
// of Quench.

// Centroids only (no residual, no column scales or biases), i16 indices.
// CHECK: rank = 2 offset = 0 sizes = [3, 4] strides = [4, 1] data =
// CHECK-NEXT: {{\[\[}}1, 2, 0, 8],
// CHECK-NEXT: [4, -4, -0.5, 0.25],
// CHECK-NEXT: [-0.5, 0.25, -0.5, 0.25]]
func.func @centroids_only() {
  %idx = arith.constant dense<[[0, 3], [2, 1], [1, 1]]> : tensor<3x2xi16>
  %c = arith.constant dense<[[1.0, 2.0], [-0.5, 0.25], [4.0, -4.0], [0.0, 8.0]]> : tensor<4x2xf32>
  %w = qnt.vector %idx centroids(%c) : (tensor<3x2xi16>, tensor<4x2xf32>) -> !qnt.qtensor<3x4xf32, #qnt.vector<dim = 2, centroids = 4>>
  %out = qnt.dequantize %w : !qnt.qtensor<3x4xf32, #qnt.vector<dim = 2, centroids = 4>> -> tensor<3x4xf32>
  %printed = tensor.cast %out : tensor<3x4xf32> to tensor<*xf32>
  call @printMemrefF32(%printed) : (tensor<*xf32>) -> ()
  return
}

// Centroids plus residual centroids, i32 / i8 indices.
// CHECK: rank = 2 offset = 0 sizes = [3, 4] strides = [4, 1] data =
// CHECK-NEXT: {{\[\[}}0, 2.5, 0.125, 7.875],
// CHECK-NEXT: [4.125, -4.125, -1.5, 0.75],
// CHECK-NEXT: [-1.5, 0.75, -1.5, 0.75]]
func.func @residual() {
  %idx = arith.constant dense<[[0, 3], [2, 1], [1, 1]]> : tensor<3x2xi32>
  %c = arith.constant dense<[[1.0, 2.0], [-0.5, 0.25], [4.0, -4.0], [0.0, 8.0]]> : tensor<4x2xf32>
  %ridx = arith.constant dense<[[1, 0], [0, 1], [1, 1]]> : tensor<3x2xi8>
  %r = arith.constant dense<[[0.125, -0.125], [-1.0, 0.5]]> : tensor<2x2xf32>
  %w = qnt.vector %idx centroids(%c) residual(%ridx, %r) : (tensor<3x2xi32>, tensor<4x2xf32>, tensor<3x2xi8>, tensor<2x2xf32>) -> !qnt.qtensor<3x4xf32, #qnt.vector<dim = 2, centroids = 4, residual_centroids = 2>>
  %out = qnt.dequantize %w : !qnt.qtensor<3x4xf32, #qnt.vector<dim = 2, centroids = 4, residual_centroids = 2>> -> tensor<3x4xf32>
  %printed = tensor.cast %out : tensor<3x4xf32> to tensor<*xf32>
  call @printMemrefF32(%printed) : (tensor<*xf32>) -> ()
  return
}

// Residual, column scales [2, 0.5, -1, 4] and biases [0, 1, -0.25, 0.5].
// CHECK: rank = 2 offset = 0 sizes = [3, 4] strides = [4, 1] data =
// CHECK-NEXT: {{\[\[}}0, 2.25, -0.375, 32],
// CHECK-NEXT: [8.25, -1.0625, 1.25, 3.5],
// CHECK-NEXT: [-3, 1.375, 1.25, 3.5]]
func.func @residual_scales_biases() {
  %idx = arith.constant dense<[[0, 3], [2, 1], [1, 1]]> : tensor<3x2xi16>
  %c = arith.constant dense<[[1.0, 2.0], [-0.5, 0.25], [4.0, -4.0], [0.0, 8.0]]> : tensor<4x2xf32>
  %ridx = arith.constant dense<[[1, 0], [0, 1], [1, 1]]> : tensor<3x2xi16>
  %r = arith.constant dense<[[0.125, -0.125], [-1.0, 0.5]]> : tensor<2x2xf32>
  %cs = arith.constant dense<[2.0, 0.5, -1.0, 4.0]> : tensor<4xf32>
  %cb = arith.constant dense<[0.0, 1.0, -0.25, 0.5]> : tensor<4xf32>
  %w = qnt.vector %idx centroids(%c) residual(%ridx, %r) column_scales(%cs) column_biases(%cb) : (tensor<3x2xi16>, tensor<4x2xf32>, tensor<3x2xi16>, tensor<2x2xf32>, tensor<4xf32>, tensor<4xf32>) -> !qnt.qtensor<3x4xf32, #qnt.vector<dim = 2, centroids = 4, residual_centroids = 2>>
  %out = qnt.dequantize %w : !qnt.qtensor<3x4xf32, #qnt.vector<dim = 2, centroids = 4, residual_centroids = 2>> -> tensor<3x4xf32>
  %printed = tensor.cast %out : tensor<3x4xf32> to tensor<*xf32>
  call @printMemrefF32(%printed) : (tensor<*xf32>) -> ()
  return
}

// Column scales without residual or biases.
// CHECK: rank = 2 offset = 0 sizes = [3, 4] strides = [4, 1] data =
// CHECK-NEXT: {{\[\[}}2, 1, -0, 32],
// CHECK-NEXT: [8, -2, 0.5, 1],
// CHECK-NEXT: [-1, 0.125, 0.5, 1]]
func.func @scales_only() {
  %idx = arith.constant dense<[[0, 3], [2, 1], [1, 1]]> : tensor<3x2xi8>
  %c = arith.constant dense<[[1.0, 2.0], [-0.5, 0.25], [4.0, -4.0], [0.0, 8.0]]> : tensor<4x2xf32>
  %cs = arith.constant dense<[2.0, 0.5, -1.0, 4.0]> : tensor<4xf32>
  %w = qnt.vector %idx centroids(%c) column_scales(%cs) : (tensor<3x2xi8>, tensor<4x2xf32>, tensor<4xf32>) -> !qnt.qtensor<3x4xf32, #qnt.vector<dim = 2, centroids = 4>>
  %out = qnt.dequantize %w : !qnt.qtensor<3x4xf32, #qnt.vector<dim = 2, centroids = 4>> -> tensor<3x4xf32>
  %printed = tensor.cast %out : tensor<3x4xf32> to tensor<*xf32>
  call @printMemrefF32(%printed) : (tensor<*xf32>) -> ()
  return
}

// Column biases without residual or scales.
// CHECK: rank = 2 offset = 0 sizes = [3, 4] strides = [4, 1] data =
// CHECK-NEXT: {{\[\[}}1, 3, -0.25, 8.5],
// CHECK-NEXT: [4, -3, -0.75, 0.75],
// CHECK-NEXT: [-0.5, 1.25, -0.75, 0.75]]
func.func @biases_only() {
  %idx = arith.constant dense<[[0, 3], [2, 1], [1, 1]]> : tensor<3x2xi8>
  %c = arith.constant dense<[[1.0, 2.0], [-0.5, 0.25], [4.0, -4.0], [0.0, 8.0]]> : tensor<4x2xf32>
  %cb = arith.constant dense<[0.0, 1.0, -0.25, 0.5]> : tensor<4xf32>
  %w = qnt.vector %idx centroids(%c) column_biases(%cb) : (tensor<3x2xi8>, tensor<4x2xf32>, tensor<4xf32>) -> !qnt.qtensor<3x4xf32, #qnt.vector<dim = 2, centroids = 4>>
  %out = qnt.dequantize %w : !qnt.qtensor<3x4xf32, #qnt.vector<dim = 2, centroids = 4>> -> tensor<3x4xf32>
  %printed = tensor.cast %out : tensor<3x4xf32> to tensor<*xf32>
  call @printMemrefF32(%printed) : (tensor<*xf32>) -> ()
  return
}

// 256 centroids C[i] = [(i - 128) / 2, (i % 7) / 4] with i8 indices
// 200, 128 and 255 stored negative (indices are unsigned).
// CHECK: rank = 2 offset = 0 sizes = [2, 4] strides = [4, 1] data =
// CHECK-NEXT: {{\[\[}}36, 1, -0.5, 0.25],
// CHECK-NEXT: [0, 0.5, 63.5, 0.75]]
func.func @centroids_256_i8() {
  %idx = arith.constant dense<[[-56, 127], [-128, -1]]> : tensor<2x2xi8>
  %c = arith.constant dense<[[-64.0, 0.0], [-63.5, 0.25], [-63.0, 0.5], [-62.5, 0.75], [-62.0, 1.0], [-61.5, 1.25], [-61.0, 1.5], [-60.5, 0.0], [-60.0, 0.25], [-59.5, 0.5], [-59.0, 0.75], [-58.5, 1.0], [-58.0, 1.25], [-57.5, 1.5], [-57.0, 0.0], [-56.5, 0.25], [-56.0, 0.5], [-55.5, 0.75], [-55.0, 1.0], [-54.5, 1.25], [-54.0, 1.5], [-53.5, 0.0], [-53.0, 0.25], [-52.5, 0.5], [-52.0, 0.75], [-51.5, 1.0], [-51.0, 1.25], [-50.5, 1.5], [-50.0, 0.0], [-49.5, 0.25], [-49.0, 0.5], [-48.5, 0.75], [-48.0, 1.0], [-47.5, 1.25], [-47.0, 1.5], [-46.5, 0.0], [-46.0, 0.25], [-45.5, 0.5], [-45.0, 0.75], [-44.5, 1.0], [-44.0, 1.25], [-43.5, 1.5], [-43.0, 0.0], [-42.5, 0.25], [-42.0, 0.5], [-41.5, 0.75], [-41.0, 1.0], [-40.5, 1.25], [-40.0, 1.5], [-39.5, 0.0], [-39.0, 0.25], [-38.5, 0.5], [-38.0, 0.75], [-37.5, 1.0], [-37.0, 1.25], [-36.5, 1.5], [-36.0, 0.0], [-35.5, 0.25], [-35.0, 0.5], [-34.5, 0.75], [-34.0, 1.0], [-33.5, 1.25], [-33.0, 1.5], [-32.5, 0.0], [-32.0, 0.25], [-31.5, 0.5], [-31.0, 0.75], [-30.5, 1.0], [-30.0, 1.25], [-29.5, 1.5], [-29.0, 0.0], [-28.5, 0.25], [-28.0, 0.5], [-27.5, 0.75], [-27.0, 1.0], [-26.5, 1.25], [-26.0, 1.5], [-25.5, 0.0], [-25.0, 0.25], [-24.5, 0.5], [-24.0, 0.75], [-23.5, 1.0], [-23.0, 1.25], [-22.5, 1.5], [-22.0, 0.0], [-21.5, 0.25], [-21.0, 0.5], [-20.5, 0.75], [-20.0, 1.0], [-19.5, 1.25], [-19.0, 1.5], [-18.5, 0.0], [-18.0, 0.25], [-17.5, 0.5], [-17.0, 0.75], [-16.5, 1.0], [-16.0, 1.25], [-15.5, 1.5], [-15.0, 0.0], [-14.5, 0.25], [-14.0, 0.5], [-13.5, 0.75], [-13.0, 1.0], [-12.5, 1.25], [-12.0, 1.5], [-11.5, 0.0], [-11.0, 0.25], [-10.5, 0.5], [-10.0, 0.75], [-9.5, 1.0], [-9.0, 1.25], [-8.5, 1.5], [-8.0, 0.0], [-7.5, 0.25], [-7.0, 0.5], [-6.5, 0.75], [-6.0, 1.0], [-5.5, 1.25], [-5.0, 1.5], [-4.5, 0.0], [-4.0, 0.25], [-3.5, 0.5], [-3.0, 0.75], [-2.5, 1.0], [-2.0, 1.25], [-1.5, 1.5], [-1.0, 0.0], [-0.5, 0.25], [0.0, 0.5], [0.5, 0.75], [1.0, 1.0], [1.5, 1.25], [2.0, 1.5], [2.5, 0.0], [3.0, 0.25], [3.5, 0.5], [4.0, 0.75], [4.5, 1.0], [5.0, 1.25], [5.5, 1.5], [6.0, 0.0], [6.5, 0.25], [7.0, 0.5], [7.5, 0.75], [8.0, 1.0], [8.5, 1.25], [9.0, 1.5], [9.5, 0.0], [10.0, 0.25], [10.5, 0.5], [11.0, 0.75], [11.5, 1.0], [12.0, 1.25], [12.5, 1.5], [13.0, 0.0], [13.5, 0.25], [14.0, 0.5], [14.5, 0.75], [15.0, 1.0], [15.5, 1.25], [16.0, 1.5], [16.5, 0.0], [17.0, 0.25], [17.5, 0.5], [18.0, 0.75], [18.5, 1.0], [19.0, 1.25], [19.5, 1.5], [20.0, 0.0], [20.5, 0.25], [21.0, 0.5], [21.5, 0.75], [22.0, 1.0], [22.5, 1.25], [23.0, 1.5], [23.5, 0.0], [24.0, 0.25], [24.5, 0.5], [25.0, 0.75], [25.5, 1.0], [26.0, 1.25], [26.5, 1.5], [27.0, 0.0], [27.5, 0.25], [28.0, 0.5], [28.5, 0.75], [29.0, 1.0], [29.5, 1.25], [30.0, 1.5], [30.5, 0.0], [31.0, 0.25], [31.5, 0.5], [32.0, 0.75], [32.5, 1.0], [33.0, 1.25], [33.5, 1.5], [34.0, 0.0], [34.5, 0.25], [35.0, 0.5], [35.5, 0.75], [36.0, 1.0], [36.5, 1.25], [37.0, 1.5], [37.5, 0.0], [38.0, 0.25], [38.5, 0.5], [39.0, 0.75], [39.5, 1.0], [40.0, 1.25], [40.5, 1.5], [41.0, 0.0], [41.5, 0.25], [42.0, 0.5], [42.5, 0.75], [43.0, 1.0], [43.5, 1.25], [44.0, 1.5], [44.5, 0.0], [45.0, 0.25], [45.5, 0.5], [46.0, 0.75], [46.5, 1.0], [47.0, 1.25], [47.5, 1.5], [48.0, 0.0], [48.5, 0.25], [49.0, 0.5], [49.5, 0.75], [50.0, 1.0], [50.5, 1.25], [51.0, 1.5], [51.5, 0.0], [52.0, 0.25], [52.5, 0.5], [53.0, 0.75], [53.5, 1.0], [54.0, 1.25], [54.5, 1.5], [55.0, 0.0], [55.5, 0.25], [56.0, 0.5], [56.5, 0.75], [57.0, 1.0], [57.5, 1.25], [58.0, 1.5], [58.5, 0.0], [59.0, 0.25], [59.5, 0.5], [60.0, 0.75], [60.5, 1.0], [61.0, 1.25], [61.5, 1.5], [62.0, 0.0], [62.5, 0.25], [63.0, 0.5], [63.5, 0.75]]> : tensor<256x2xf32>
  %w = qnt.vector %idx centroids(%c) : (tensor<2x2xi8>, tensor<256x2xf32>) -> !qnt.qtensor<2x4xf32, #qnt.vector<dim = 2, centroids = 256>>
  %out = qnt.dequantize %w : !qnt.qtensor<2x4xf32, #qnt.vector<dim = 2, centroids = 256>> -> tensor<2x4xf32>
  %printed = tensor.cast %out : tensor<2x4xf32> to tensor<*xf32>
  call @printMemrefF32(%printed) : (tensor<*xf32>) -> ()
  return
}

func.func @main() {
  call @centroids_only() : () -> ()
  call @residual() : () -> ()
  call @residual_scales_biases() : () -> ()
  call @scales_only() : () -> ()
  call @biases_only() : () -> ()
  call @centroids_256_i8() : () -> ()
  return
}
func.func private @printMemrefF32(tensor<*xf32>)
func.func private @printMemrefI32(tensor<*xi32>)
