// RUN: quench-opt %s | %run_reference | FileCheck %s
//
// Numeric end-to-end tests of the reference lowering of qnt.matmul:
//   y[..., n] = sum_k x'[..., k] * W[n, k] + b[n]
// with x' = x, or with act_quant:
//   x'[i] = clamp(round_half_even(x[i] / a), -qmax, qmax) * a   (a = 0 -> x' = 0)
// a = max|x| / qmax per token (row) or per tensor, or the static input_scale.
// Several cases use W = [I; 1 1 1 1] so that y shows x' itself (and its sum).
// Expected values computed independently of Quench.

// Rank-2 input [2, 8], 4-bit packed group-wise weight [3, 8] with zero points, bias.
// CHECK: rank = 2 offset = 0 sizes = [2, 3] strides = [3, 1] data =
// CHECK-NEXT: {{\[\[}}3.75, -29.625, 101.25],
// CHECK-NEXT: [-43.75, -13.875, 103.25]]
func.func @rank2_bias() {
  %x = arith.constant dense<[[1.0, -2.0, 0.5, 4.0, 0.0, 1.0, -1.0, 2.0], [0.25, 0.25, 0.25, 0.25, -3.0, 0.5, 1.0, -0.5]]> : tensor<2x8xf32>
  %codes = arith.constant dense<[[33, 67, 15, -104], [-70, -36, 94, 118], [-120, -120, -16, -105]]> : tensor<3x4xi8>
  %s = arith.constant dense<[[0.5, 1.0], [0.25, 2.0], [1.0, 0.125]]> : tensor<3x2xf32>
  %z = arith.constant dense<[[8, 0], [7, 15], [8, 8]]> : tensor<3x2xi8>
  %b = arith.constant dense<[0.5, -1.0, 100.0]> : tensor<3xf32>
  %w = qnt.uniform %codes scales(%s) zero_points(%z) : (tensor<3x4xi8>, tensor<3x2xf32>, tensor<3x2xi8>) -> !qnt.qtensor<3x8xf32, #qnt.uniform<bits = 4, signedness = unsigned, block = [1, 4], zero_point = true, packing = <bits = 4>>>
  %out = qnt.matmul %x, %w bias(%b) : (tensor<2x8xf32>, !qnt.qtensor<3x8xf32, #qnt.uniform<bits = 4, signedness = unsigned, block = [1, 4], zero_point = true, packing = <bits = 4>>>, tensor<3xf32>) -> tensor<2x3xf32>
  %printed = tensor.cast %out : tensor<2x3xf32> to tensor<*xf32>
  call @printMemrefF32(%printed) : (tensor<*xf32>) -> ()
  return
}

// Rank-3 input [2, 2, 4] times an 8-bit per-tensor weight [3, 4], no bias.
// CHECK: rank = 3 offset = 0 sizes = [2, 2, 3] strides = [6, 3, 1] data =
// CHECK-NEXT: {{\[\[\[}}-2.5, 5, -6],
// CHECK-NEXT: [-1.625, 2.875, -3]],
// CHECK-NEXT: {{\[\[}}-7.5, 12.5, -18],
// CHECK-NEXT: [-4.25, 11.4375, 7.5]]]
func.func @rank3_input() {
  %x = arith.constant dense<[[[1.0, 2.0, 3.0, 4.0], [0.5, -0.5, 0.0, 2.0]], [[-1.0, 0.0, 1.0, 8.0], [4.0, 4.0, -4.0, 0.25]]]> : tensor<2x2x4xf32>
  %codes = arith.constant dense<[[1, -2, 3, -4], [0, 5, -6, 7], [8, 0, 0, -8]]> : tensor<3x4xi8>
  %s = arith.constant dense<[[0.25]]> : tensor<1x1xf32>
  %w = qnt.uniform %codes scales(%s) : (tensor<3x4xi8>, tensor<1x1xf32>) -> !qnt.qtensor<3x4xf32, #qnt.uniform<bits = 8, block = [3, 4]>>
  %out = qnt.matmul %x, %w : (tensor<2x2x4xf32>, !qnt.qtensor<3x4xf32, #qnt.uniform<bits = 8, block = [3, 4]>>) -> tensor<2x2x3xf32>
  %printed = tensor.cast %out : tensor<2x2x3xf32> to tensor<*xf32>
  call @printMemrefF32(%printed) : (tensor<*xf32>) -> ()
  return
}

// Rank-1 input [4] -> [3].
// CHECK: rank = 1 offset = 0 sizes = [3] strides = [1] data =
// CHECK-NEXT: [1.75, -3.1875, 1.5]
func.func @rank1_input() {
  %x = arith.constant dense<[1.0, -0.5, 2.0, 0.25]> : tensor<4xf32>
  %codes = arith.constant dense<[[1, -2, 3, -4], [0, 5, -6, 7], [8, 0, 0, -8]]> : tensor<3x4xi8>
  %s = arith.constant dense<[[0.25]]> : tensor<1x1xf32>
  %w = qnt.uniform %codes scales(%s) : (tensor<3x4xi8>, tensor<1x1xf32>) -> !qnt.qtensor<3x4xf32, #qnt.uniform<bits = 8, block = [3, 4]>>
  %out = qnt.matmul %x, %w : (tensor<4xf32>, !qnt.qtensor<3x4xf32, #qnt.uniform<bits = 8, block = [3, 4]>>) -> tensor<3xf32>
  %printed = tensor.cast %out : tensor<3xf32> to tensor<*xf32>
  call @printMemrefF32(%printed) : (tensor<*xf32>) -> ()
  return
}

// act_quant per_token, 8 bits (qmax 127). Row scales a = 1, 0.5, 0, 2:
// 2.5 -> 2, -3.5 -> -4, 0.5 -> 0, -2.5 -> -2, 1.5 -> 2 (half to even); the all-zero
// row has a = 0, so x' = 0 and y = bias. Bias [0, 0, 0, 0, 0.5].
// CHECK: rank = 2 offset = 0 sizes = [4, 5] strides = [5, 1] data =
// CHECK-NEXT: {{\[\[}}127, 2, -4, 0, 125.5],
// CHECK-NEXT: [63.5, -1, 1, 0, 64],
// CHECK-NEXT: [0, 0, 0, 0, 0.5],
// CHECK-NEXT: [-254, 4, -4, 0, -253.5]]
func.func @act_per_token_ties() {
  %x = arith.constant dense<[[127.0, 2.5, -3.5, 0.5], [63.5, -1.25, 0.75, 0.25], [0.0, 0.0, 0.0, 0.0], [-254.0, 5.0, -3.0, 1.0]]> : tensor<4x4xf32>
  %codes = arith.constant dense<[[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1], [1, 1, 1, 1]]> : tensor<5x4xi8>
  %s = arith.constant dense<[[1.0]]> : tensor<1x1xf32>
  %b = arith.constant dense<[0.0, 0.0, 0.0, 0.0, 0.5]> : tensor<5xf32>
  %w = qnt.uniform %codes scales(%s) : (tensor<5x4xi8>, tensor<1x1xf32>) -> !qnt.qtensor<5x4xf32, #qnt.uniform<bits = 8, block = [5, 4]>>
  %out = qnt.matmul %x, %w bias(%b) {act_quant = #qnt.act_quant<bits = 8>} : (tensor<4x4xf32>, !qnt.qtensor<5x4xf32, #qnt.uniform<bits = 8, block = [5, 4]>>, tensor<5xf32>) -> tensor<4x5xf32>
  %printed = tensor.cast %out : tensor<4x5xf32> to tensor<*xf32>
  call @printMemrefF32(%printed) : (tensor<*xf32>) -> ()
  return
}

// act_quant per_token with 4 bits (qmax 7) on a rank-3 input: one scale per
// [i, j] row (a = 1, 0, 0.25, 2).
// CHECK: rank = 3 offset = 0 sizes = [2, 2, 5] strides = [10, 5, 1] data =
// CHECK-NEXT: {{\[\[\[}}7, 4, 0, 2, 13],
// CHECK-NEXT: [0, 0, 0, 0, 0]],
// CHECK-NEXT: {{\[\[}}-1.75, 1, 0.5, 0, -0.25],
// CHECK-NEXT: [14, 0, -4, 4, 14]]]
func.func @act_per_token_4bit_rank3() {
  %x = arith.constant dense<[[[7.0, 3.5, -0.5, 1.5], [0.0, 0.0, 0.0, 0.0]], [[-1.75, 0.875, 0.625, -0.125], [14.0, 1.0, -3.0, 5.0]]]> : tensor<2x2x4xf32>
  %codes = arith.constant dense<[[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1], [1, 1, 1, 1]]> : tensor<5x4xi8>
  %s = arith.constant dense<[[1.0]]> : tensor<1x1xf32>
  %w = qnt.uniform %codes scales(%s) : (tensor<5x4xi8>, tensor<1x1xf32>) -> !qnt.qtensor<5x4xf32, #qnt.uniform<bits = 8, block = [5, 4]>>
  %out = qnt.matmul %x, %w {act_quant = #qnt.act_quant<bits = 4, granularity = per_token>} : (tensor<2x2x4xf32>, !qnt.qtensor<5x4xf32, #qnt.uniform<bits = 8, block = [5, 4]>>) -> tensor<2x2x5xf32>
  %printed = tensor.cast %out : tensor<2x2x5xf32> to tensor<*xf32>
  call @printMemrefF32(%printed) : (tensor<*xf32>) -> ()
  return
}

// act_quant per_tensor: a = 127 / 127 = 1 for the whole tensor; 12.5 -> 12,
// -2.5 -> -2, 1.5 -> 2, 3.25 -> 3.
// CHECK: rank = 2 offset = 0 sizes = [2, 5] strides = [5, 1] data =
// CHECK-NEXT: {{\[\[}}127, 2, -2, 0, 127],
// CHECK-NEXT: [3, -100, 0, 12, -85]]
func.func @act_per_tensor() {
  %x = arith.constant dense<[[127.0, 1.5, -2.5, 0.5], [3.25, -100.0, 0.0, 12.5]]> : tensor<2x4xf32>
  %codes = arith.constant dense<[[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1], [1, 1, 1, 1]]> : tensor<5x4xi8>
  %s = arith.constant dense<[[1.0]]> : tensor<1x1xf32>
  %w = qnt.uniform %codes scales(%s) : (tensor<5x4xi8>, tensor<1x1xf32>) -> !qnt.qtensor<5x4xf32, #qnt.uniform<bits = 8, block = [5, 4]>>
  %out = qnt.matmul %x, %w {act_quant = #qnt.act_quant<bits = 8, granularity = per_tensor>} : (tensor<2x4xf32>, !qnt.qtensor<5x4xf32, #qnt.uniform<bits = 8, block = [5, 4]>>) -> tensor<2x5xf32>
  %printed = tensor.cast %out : tensor<2x5xf32> to tensor<*xf32>
  call @printMemrefF32(%printed) : (tensor<*xf32>) -> ()
  return
}

// Static input_scale 0.5: 100 / 0.5 = 200 -> 127, -140 -> -127 (the clamp is
// symmetric: -qmax, not -128), -127.5 -> -128 -> -127, 126.5 -> 126, 2.5 -> 2, -1.5 -> -2.
// CHECK: rank = 2 offset = 0 sizes = [2, 5] strides = [5, 1] data =
// CHECK-NEXT: {{\[\[}}64.5, -61.5, 4, 4, 6],
// CHECK-NEXT: [64, -61.5, 4, 3, 4.5]]
func.func @act_static_scale() {
  %x = arith.constant dense<[[100.0, -70.0, 0.75, 0.25], [63.25, -63.75, 1.25, -0.75]]> : tensor<2x4xf32>
  %codes = arith.constant dense<[[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1], [1, 1, 1, 1]]> : tensor<5x4xi8>
  %s = arith.constant dense<[[1.0]]> : tensor<1x1xf32>
  %b = arith.constant dense<[1.0, 2.0, 3.0, 4.0, 5.0]> : tensor<5xf32>
  %a = arith.constant dense<0.5> : tensor<f32>
  %w = qnt.uniform %codes scales(%s) : (tensor<5x4xi8>, tensor<1x1xf32>) -> !qnt.qtensor<5x4xf32, #qnt.uniform<bits = 8, block = [5, 4]>>
  %out = qnt.matmul %x, %w bias(%b) input_scale(%a) {act_quant = #qnt.act_quant<bits = 8, granularity = per_tensor>} : (tensor<2x4xf32>, !qnt.qtensor<5x4xf32, #qnt.uniform<bits = 8, block = [5, 4]>>, tensor<5xf32>, tensor<f32>) -> tensor<2x5xf32>
  %printed = tensor.cast %out : tensor<2x5xf32> to tensor<*xf32>
  call @printMemrefF32(%printed) : (tensor<*xf32>) -> ()
  return
}

// Static input_scale 0: x' = 0, y = bias.
// CHECK: rank = 2 offset = 0 sizes = [1, 5] strides = [5, 1] data =
// CHECK-NEXT: {{\[\[}}1, 2, 3, 4, 5]]
func.func @act_static_zero_scale() {
  %x = arith.constant dense<[[1.0, -2.0, 3.0, 4.0]]> : tensor<1x4xf32>
  %codes = arith.constant dense<[[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1], [1, 1, 1, 1]]> : tensor<5x4xi8>
  %s = arith.constant dense<[[1.0]]> : tensor<1x1xf32>
  %b = arith.constant dense<[1.0, 2.0, 3.0, 4.0, 5.0]> : tensor<5xf32>
  %a = arith.constant dense<0.0> : tensor<f32>
  %w = qnt.uniform %codes scales(%s) : (tensor<5x4xi8>, tensor<1x1xf32>) -> !qnt.qtensor<5x4xf32, #qnt.uniform<bits = 8, block = [5, 4]>>
  %out = qnt.matmul %x, %w bias(%b) input_scale(%a) {act_quant = #qnt.act_quant<bits = 8, granularity = per_tensor>} : (tensor<1x4xf32>, !qnt.qtensor<5x4xf32, #qnt.uniform<bits = 8, block = [5, 4]>>, tensor<5xf32>, tensor<f32>) -> tensor<1x5xf32>
  %printed = tensor.cast %out : tensor<1x5xf32> to tensor<*xf32>
  call @printMemrefF32(%printed) : (tensor<*xf32>) -> ()
  return
}

// act_quant per_token on a rank-1 input: one scale a = 1 for the vector.
// CHECK: rank = 1 offset = 0 sizes = [5] strides = [1] data =
// CHECK-NEXT: [127, 2, -4, 0, 125]
func.func @act_per_token_rank1() {
  %x = arith.constant dense<[127.0, 2.5, -3.5, 0.5]> : tensor<4xf32>
  %codes = arith.constant dense<[[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1], [1, 1, 1, 1]]> : tensor<5x4xi8>
  %s = arith.constant dense<[[1.0]]> : tensor<1x1xf32>
  %w = qnt.uniform %codes scales(%s) : (tensor<5x4xi8>, tensor<1x1xf32>) -> !qnt.qtensor<5x4xf32, #qnt.uniform<bits = 8, block = [5, 4]>>
  %out = qnt.matmul %x, %w {act_quant = #qnt.act_quant<bits = 8>} : (tensor<4xf32>, !qnt.qtensor<5x4xf32, #qnt.uniform<bits = 8, block = [5, 4]>>) -> tensor<5xf32>
  %printed = tensor.cast %out : tensor<5xf32> to tensor<*xf32>
  call @printMemrefF32(%printed) : (tensor<*xf32>) -> ()
  return
}

// act_quant per_token with an outlier_columns weight (column 0 = [2, 0, 0, 0, 1] in
// float; the base codes of column 0 are 9 and must not be used). Column 0 of x
// stays in float and is excluded from the absmax: row scales 1, 0 (only the
// outlier is nonzero), 1/32. W = [[2, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0],
// [0, 0, 0, 1], [1, 1, 1, 1]].
// CHECK: rank = 2 offset = 0 sizes = [3, 5] strides = [5, 1] data =
// CHECK-NEXT: {{\[\[}}2000.5, 127, 2, 0, 1129.25],
// CHECK-NEXT: [11, 0, 0, 0, 5.5],
// CHECK-NEXT: [-7, 3.96875, 0.0625, -0.0625, 0.46875]]
func.func @act_per_token_outlier_columns() {
  %x = arith.constant dense<[[1000.25, 127.0, 2.5, -0.5], [5.5, 0.0, 0.0, 0.0], [-3.5, 3.96875, 0.046875, -0.078125]]> : tensor<3x4xf32>
  %codes = arith.constant dense<[[9, 0, 0, 0], [9, 1, 0, 0], [9, 0, 1, 0], [9, 0, 0, 1], [9, 1, 1, 1]]> : tensor<5x4xi8>
  %s = arith.constant dense<[[1.0]]> : tensor<1x1xf32>
  %cols = arith.constant dense<[0]> : tensor<1xi32>
  %vals = arith.constant dense<[[2.0], [0.0], [0.0], [0.0], [1.0]]> : tensor<5x1xf32>
  %b = qnt.uniform %codes scales(%s) : (tensor<5x4xi8>, tensor<1x1xf32>) -> !qnt.qtensor<5x4xf32, #qnt.uniform<bits = 8, block = [5, 4]>>
  %w = qnt.outlier_columns %b columns(%cols) values(%vals) : (!qnt.qtensor<5x4xf32, #qnt.uniform<bits = 8, block = [5, 4]>>, tensor<1xi32>, tensor<5x1xf32>) -> !qnt.qtensor<5x4xf32, #qnt.outlier_columns<count = 1>>
  %out = qnt.matmul %x, %w {act_quant = #qnt.act_quant<bits = 8>} : (tensor<3x4xf32>, !qnt.qtensor<5x4xf32, #qnt.outlier_columns<count = 1>>) -> tensor<3x5xf32>
  %printed = tensor.cast %out : tensor<3x5xf32> to tensor<*xf32>
  call @printMemrefF32(%printed) : (tensor<*xf32>) -> ()
  return
}

// act_quant per_tensor with the outlier column: a = 127 / 127 (not 1000.25 / 127).
// CHECK: rank = 2 offset = 0 sizes = [2, 5] strides = [5, 1] data =
// CHECK-NEXT: {{\[\[}}2000.5, 127, 2, 0, 1129.25],
// CHECK-NEXT: [14.5, -64, 0, 2, -54.75]]
func.func @act_per_tensor_outlier_columns() {
  %x = arith.constant dense<[[1000.25, 127.0, 2.5, -0.5], [7.25, -63.5, 0.5, 1.5]]> : tensor<2x4xf32>
  %codes = arith.constant dense<[[9, 0, 0, 0], [9, 1, 0, 0], [9, 0, 1, 0], [9, 0, 0, 1], [9, 1, 1, 1]]> : tensor<5x4xi8>
  %s = arith.constant dense<[[1.0]]> : tensor<1x1xf32>
  %cols = arith.constant dense<[0]> : tensor<1xi32>
  %vals = arith.constant dense<[[2.0], [0.0], [0.0], [0.0], [1.0]]> : tensor<5x1xf32>
  %b = qnt.uniform %codes scales(%s) : (tensor<5x4xi8>, tensor<1x1xf32>) -> !qnt.qtensor<5x4xf32, #qnt.uniform<bits = 8, block = [5, 4]>>
  %w = qnt.outlier_columns %b columns(%cols) values(%vals) : (!qnt.qtensor<5x4xf32, #qnt.uniform<bits = 8, block = [5, 4]>>, tensor<1xi32>, tensor<5x1xf32>) -> !qnt.qtensor<5x4xf32, #qnt.outlier_columns<count = 1>>
  %out = qnt.matmul %x, %w {act_quant = #qnt.act_quant<bits = 8, granularity = per_tensor>} : (tensor<2x4xf32>, !qnt.qtensor<5x4xf32, #qnt.outlier_columns<count = 1>>) -> tensor<2x5xf32>
  %printed = tensor.cast %out : tensor<2x5xf32> to tensor<*xf32>
  call @printMemrefF32(%printed) : (tensor<*xf32>) -> ()
  return
}

// The outlier_columns weight without act_quant.
// CHECK: rank = 2 offset = 0 sizes = [1, 5] strides = [5, 1] data =
// CHECK-NEXT: {{\[\[}}3, -2, 0.25, 4, 3.75]]
func.func @outlier_columns_no_act_quant() {
  %x = arith.constant dense<[[1.5, -2.0, 0.25, 4.0]]> : tensor<1x4xf32>
  %codes = arith.constant dense<[[9, 0, 0, 0], [9, 1, 0, 0], [9, 0, 1, 0], [9, 0, 0, 1], [9, 1, 1, 1]]> : tensor<5x4xi8>
  %s = arith.constant dense<[[1.0]]> : tensor<1x1xf32>
  %cols = arith.constant dense<[0]> : tensor<1xi32>
  %vals = arith.constant dense<[[2.0], [0.0], [0.0], [0.0], [1.0]]> : tensor<5x1xf32>
  %b = qnt.uniform %codes scales(%s) : (tensor<5x4xi8>, tensor<1x1xf32>) -> !qnt.qtensor<5x4xf32, #qnt.uniform<bits = 8, block = [5, 4]>>
  %w = qnt.outlier_columns %b columns(%cols) values(%vals) : (!qnt.qtensor<5x4xf32, #qnt.uniform<bits = 8, block = [5, 4]>>, tensor<1xi32>, tensor<5x1xf32>) -> !qnt.qtensor<5x4xf32, #qnt.outlier_columns<count = 1>>
  %out = qnt.matmul %x, %w  : (tensor<1x4xf32>, !qnt.qtensor<5x4xf32, #qnt.outlier_columns<count = 1>>) -> tensor<1x5xf32>
  %printed = tensor.cast %out : tensor<1x5xf32> to tensor<*xf32>
  call @printMemrefF32(%printed) : (tensor<*xf32>) -> ()
  return
}

// One qtensor consumed by qnt.dequantize and qnt.matmul: W is printed first,
// then y = x * W^T.
// CHECK: rank = 2 offset = 0 sizes = [2, 2] strides = [2, 1] data =
// CHECK-NEXT: {{\[\[}}0.5, 1],
// CHECK-NEXT: [1.5, 2]]
// CHECK: rank = 2 offset = 0 sizes = [1, 2] strides = [2, 1] data =
// CHECK-NEXT: {{\[\[}}-0.5, -0.5]]
func.func @two_consumers() {
  %codes = arith.constant dense<[[1, 2], [3, 4]]> : tensor<2x2xi8>
  %s = arith.constant dense<[[0.5]]> : tensor<1x1xf32>
  %x = arith.constant dense<[[1.0, -1.0]]> : tensor<1x2xf32>
  %w = qnt.uniform %codes scales(%s) : (tensor<2x2xi8>, tensor<1x1xf32>) -> !qnt.qtensor<2x2xf32, #qnt.uniform<bits = 8, block = [2, 2]>>
  %f = qnt.dequantize %w : !qnt.qtensor<2x2xf32, #qnt.uniform<bits = 8, block = [2, 2]>> -> tensor<2x2xf32>
  %out = qnt.matmul %x, %w : (tensor<1x2xf32>, !qnt.qtensor<2x2xf32, #qnt.uniform<bits = 8, block = [2, 2]>>) -> tensor<1x2xf32>
  %pf = tensor.cast %f : tensor<2x2xf32> to tensor<*xf32>
  call @printMemrefF32(%pf) : (tensor<*xf32>) -> ()
  %printed = tensor.cast %out : tensor<1x2xf32> to tensor<*xf32>
  call @printMemrefF32(%printed) : (tensor<*xf32>) -> ()
  return
}

// f16 activation, weight (f16 scales), bias and result; 2048 + 1 = 2049 rounds
// to the f16 2048 (ties to even).
// CHECK: rank = 2 offset = 0 sizes = [2, 2] strides = [2, 1] data =
// CHECK-NEXT: {{\[\[}}2048, 1024],
// CHECK-NEXT: [-2.75, 17.75]]
func.func @f16() {
  %x = arith.constant dense<[[2048.0, 1.0, 0.0, 0.5], [-3.0, 0.25, 8.0, 1.0]]> : tensor<2x4xf16>
  %codes = arith.constant dense<[[2, 2, 0, 0], [1, -2, 4, 8]]> : tensor<2x4xi8>
  %s = arith.constant dense<[[0.5], [0.5]]> : tensor<2x1xf16>
  %b = arith.constant dense<[0.0, -0.5]> : tensor<2xf16>
  %w = qnt.uniform %codes scales(%s) : (tensor<2x4xi8>, tensor<2x1xf16>) -> !qnt.qtensor<2x4xf16, #qnt.uniform<bits = 8, block = [1, 4]>>
  %h = qnt.matmul %x, %w bias(%b) : (tensor<2x4xf16>, !qnt.qtensor<2x4xf16, #qnt.uniform<bits = 8, block = [1, 4]>>, tensor<2xf16>) -> tensor<2x2xf16>
  %out = arith.extf %h : tensor<2x2xf16> to tensor<2x2xf32>
  %printed = tensor.cast %out : tensor<2x2xf32> to tensor<*xf32>
  call @printMemrefF32(%printed) : (tensor<*xf32>) -> ()
  return
}

func.func @main() {
  call @rank2_bias() : () -> ()
  call @rank3_input() : () -> ()
  call @rank1_input() : () -> ()
  call @act_per_token_ties() : () -> ()
  call @act_per_token_4bit_rank3() : () -> ()
  call @act_per_tensor() : () -> ()
  call @act_static_scale() : () -> ()
  call @act_static_zero_scale() : () -> ()
  call @act_per_token_rank1() : () -> ()
  call @act_per_token_outlier_columns() : () -> ()
  call @act_per_tensor_outlier_columns() : () -> ()
  call @outlier_columns_no_act_quant() : () -> ()
  call @two_consumers() : () -> ()
  call @f16() : () -> ()
  return
}
func.func private @printMemrefF32(tensor<*xf32>)
func.func private @printMemrefI32(tensor<*xi32>)
