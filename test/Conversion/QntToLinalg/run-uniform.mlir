// RUN: quench-opt %s | %run_reference | FileCheck %s
//
// Numeric end-to-end tests of the reference lowering of qnt.uniform:
//   w[i] = (codes[i] - zero_points[i / block]) * scales[i / block]
// with packing (#qnt.packing), tiles, interleave, group_index (act-order),
// double quantization and f16. Every expected value below was computed from
// the formulas in QntOps.td / QntAttrs.td, independently of Quench.

// Per-tensor (block = shape), signed 8-bit codes, one scale.
// CHECK: rank = 2 offset = 0 sizes = [2, 4] strides = [4, 1] data =
// CHECK-NEXT: {{\[\[}}-32, -0.25, 0, 31.75],
// CHECK-NEXT: [0.25, 0.5, -0.75, 16]]
func.func @per_tensor_signed_i8() {
  %codes = arith.constant dense<[[-128, -1, 0, 127], [1, 2, -3, 64]]> : tensor<2x4xi8>
  %s = arith.constant dense<[[0.25]]> : tensor<1x1xf32>
  %w = qnt.uniform %codes scales(%s) : (tensor<2x4xi8>, tensor<1x1xf32>) -> !qnt.qtensor<2x4xf32, #qnt.uniform<bits = 8, block = [2, 4]>>
  %out = qnt.dequantize %w : !qnt.qtensor<2x4xf32, #qnt.uniform<bits = 8, block = [2, 4]>> -> tensor<2x4xf32>
  %printed = tensor.cast %out : tensor<2x4xf32> to tensor<*xf32>
  call @printMemrefF32(%printed) : (tensor<*xf32>) -> ()
  return
}

// Per-channel (block = [1, K]), unsigned 8-bit codes and zero points stored in i8:
// codes 200/255/128/129 and zero points 200/128 are stored as negative i8 and
// must be read as unsigned.
// CHECK: rank = 2 offset = 0 sizes = [2, 4] strides = [4, 1] data =
// CHECK-NEXT: {{\[\[}}-100, 0, 27.5, -36],
// CHECK-NEXT: [0, 0.25, -32, 31.75]]
func.func @per_channel_unsigned_zp_above_127() {
  %codes = arith.constant dense<[[0, -56, -1, -128], [-128, -127, 0, -1]]> : tensor<2x4xi8>
  %s = arith.constant dense<[[0.5], [0.25]]> : tensor<2x1xf32>
  %z = arith.constant dense<[[-56], [-128]]> : tensor<2x1xi8>
  %w = qnt.uniform %codes scales(%s) zero_points(%z) : (tensor<2x4xi8>, tensor<2x1xf32>, tensor<2x1xi8>) -> !qnt.qtensor<2x4xf32, #qnt.uniform<bits = 8, signedness = unsigned, block = [1, 4], zero_point = true>>
  %out = qnt.dequantize %w : !qnt.qtensor<2x4xf32, #qnt.uniform<bits = 8, signedness = unsigned, block = [1, 4], zero_point = true>> -> tensor<2x4xf32>
  %printed = tensor.cast %out : tensor<2x4xf32> to tensor<*xf32>
  call @printMemrefF32(%printed) : (tensor<*xf32>) -> ()
  return
}

// Group-wise (block = [1, 2]), signed 4-bit codes in i8, signed integer zero points.
// CHECK: rank = 2 offset = 0 sizes = [2, 4] strides = [4, 1] data =
// CHECK-NEXT: {{\[\[}}-3, 4.5, -0.5, -0.25],
// CHECK-NEXT: [6, -8, 1.625, 0.25]]
func.func @groupwise_signed_zp() {
  %codes = arith.constant dense<[[-8, 7, -1, 0], [3, -4, 5, -6]]> : tensor<2x4xi8>
  %s = arith.constant dense<[[0.5, 0.25], [2.0, 0.125]]> : tensor<2x2xf32>
  %z = arith.constant dense<[[-2, 1], [0, -8]]> : tensor<2x2xi8>
  %w = qnt.uniform %codes scales(%s) zero_points(%z) : (tensor<2x4xi8>, tensor<2x2xf32>, tensor<2x2xi8>) -> !qnt.qtensor<2x4xf32, #qnt.uniform<bits = 4, block = [1, 2], zero_point = true>>
  %out = qnt.dequantize %w : !qnt.qtensor<2x4xf32, #qnt.uniform<bits = 4, block = [1, 2], zero_point = true>> -> tensor<2x4xf32>
  %printed = tensor.cast %out : tensor<2x4xf32> to tensor<*xf32>
  call @printMemrefF32(%printed) : (tensor<*xf32>) -> ()
  return
}

// Sub-channel 2-D blocks (block = [2, 2]), unsigned 4-bit codes, float zero points.
// CHECK: rank = 2 offset = 0 sizes = [4, 4] strides = [4, 1] data =
// CHECK-NEXT: {{\[\[}}-3.75, 3.75, 0, -1],
// CHECK-NEXT: [-3.25, -2.75, 6, 5],
// CHECK-NEXT: [2.125, 2.375, -30, 0],
// CHECK-NEXT: [0.875, 1.125, -18, -24]]
func.func @block_2x2_float_zp() {
  %codes = arith.constant dense<[[0, 15, 8, 7], [1, 2, 14, 13], [9, 10, 0, 15], [4, 5, 6, 3]]> : tensor<4x4xi8>
  %s = arith.constant dense<[[0.5, 1.0], [0.25, 2.0]]> : tensor<2x2xf32>
  %z = arith.constant dense<[[7.5, 8.0], [0.5, 15.0]]> : tensor<2x2xf32>
  %w = qnt.uniform %codes scales(%s) zero_points(%z) : (tensor<4x4xi8>, tensor<2x2xf32>, tensor<2x2xf32>) -> !qnt.qtensor<4x4xf32, #qnt.uniform<bits = 4, signedness = unsigned, block = [2, 2], zero_point = true>>
  %out = qnt.dequantize %w : !qnt.qtensor<4x4xf32, #qnt.uniform<bits = 4, signedness = unsigned, block = [2, 2], zero_point = true>> -> tensor<4x4xf32>
  %printed = tensor.cast %out : tensor<4x4xf32> to tensor<*xf32>
  call @printMemrefF32(%printed) : (tensor<*xf32>) -> ()
  return
}

// 4-bit codes packed lsb_first (low nibble = even element), unsigned, zero points.
// CHECK: rank = 2 offset = 0 sizes = [2, 8] strides = [8, 1] data =
// CHECK-NEXT: {{\[\[}}-3.5, -3, -2.5, -2, 15, 0, 8, 9],
// CHECK-NEXT: [0.75, 1, 1.25, 1.5, -2, -20, -18, -16]]
func.func @pack4_lsb_unsigned() {
  %codes = arith.constant dense<[[33, 67, 15, -104], [-70, -36, 94, 118]]> : tensor<2x4xi8>
  %s = arith.constant dense<[[0.5, 1.0], [0.25, 2.0]]> : tensor<2x2xf32>
  %z = arith.constant dense<[[8, 0], [7, 15]]> : tensor<2x2xi8>
  %w = qnt.uniform %codes scales(%s) zero_points(%z) : (tensor<2x4xi8>, tensor<2x2xf32>, tensor<2x2xi8>) -> !qnt.qtensor<2x8xf32, #qnt.uniform<bits = 4, signedness = unsigned, block = [1, 4], zero_point = true, packing = <bits = 4>>>
  %out = qnt.dequantize %w : !qnt.qtensor<2x8xf32, #qnt.uniform<bits = 4, signedness = unsigned, block = [1, 4], zero_point = true, packing = <bits = 4>>> -> tensor<2x8xf32>
  %printed = tensor.cast %out : tensor<2x8xf32> to tensor<*xf32>
  call @printMemrefF32(%printed) : (tensor<*xf32>) -> ()
  return
}

// The same codes packed msb_first (high nibble = even element).
// CHECK: rank = 2 offset = 0 sizes = [2, 8] strides = [8, 1] data =
// CHECK-NEXT: {{\[\[}}-3.5, -3, -2.5, -2, 15, 0, 8, 9],
// CHECK-NEXT: [0.75, 1, 1.25, 1.5, -2, -20, -18, -16]]
func.func @pack4_msb_unsigned() {
  %codes = arith.constant dense<[[18, 52, -16, -119], [-85, -51, -27, 103]]> : tensor<2x4xi8>
  %s = arith.constant dense<[[0.5, 1.0], [0.25, 2.0]]> : tensor<2x2xf32>
  %z = arith.constant dense<[[8, 0], [7, 15]]> : tensor<2x2xi8>
  %w = qnt.uniform %codes scales(%s) zero_points(%z) : (tensor<2x4xi8>, tensor<2x2xf32>, tensor<2x2xi8>) -> !qnt.qtensor<2x8xf32, #qnt.uniform<bits = 4, signedness = unsigned, block = [1, 4], zero_point = true, packing = <bits = 4, order = msb_first>>>
  %out = qnt.dequantize %w : !qnt.qtensor<2x8xf32, #qnt.uniform<bits = 4, signedness = unsigned, block = [1, 4], zero_point = true, packing = <bits = 4, order = msb_first>>> -> tensor<2x8xf32>
  %printed = tensor.cast %out : tensor<2x8xf32> to tensor<*xf32>
  call @printMemrefF32(%printed) : (tensor<*xf32>) -> ()
  return
}

// Signed 4-bit codes packed lsb_first: nibbles 8..15 are negative.
// CHECK: rank = 2 offset = 0 sizes = [2, 4] strides = [4, 1] data =
// CHECK-NEXT: {{\[\[}}-4, 3.5, -0.5, 0],
// CHECK-NEXT: [0.25, -0.5, 1.5, -1.75]]
func.func @pack4_lsb_signed() {
  %codes = arith.constant dense<[[120, 15], [-31, -106]]> : tensor<2x2xi8>
  %s = arith.constant dense<[[0.5], [0.25]]> : tensor<2x1xf32>
  %w = qnt.uniform %codes scales(%s) : (tensor<2x2xi8>, tensor<2x1xf32>) -> !qnt.qtensor<2x4xf32, #qnt.uniform<bits = 4, block = [1, 4], packing = <bits = 4>>>
  %out = qnt.dequantize %w : !qnt.qtensor<2x4xf32, #qnt.uniform<bits = 4, block = [1, 4], packing = <bits = 4>>> -> tensor<2x4xf32>
  %printed = tensor.cast %out : tensor<2x4xf32> to tensor<*xf32>
  call @printMemrefF32(%printed) : (tensor<*xf32>) -> ()
  return
}

// 3-bit codes packed lsb_first, K = 8 (3 bytes per row): elements 2 and 5
// straddle two bytes; the last element ends exactly at the end of the row.
// CHECK: rank = 2 offset = 0 sizes = [2, 8] strides = [8, 1] data =
// CHECK-NEXT: {{\[\[}}0.5, -0.5, 1.5, -1.5, 1, -1, 0, 1.5],
// CHECK-NEXT: [-0.75, 1, 0.75, 0.5, 0.25, 0, -0.25, -0.5]]
func.func @pack3_lsb_unsigned() {
  %codes = arith.constant dense<[[-35, 99, -15], [-72, -53, 41]]> : tensor<2x3xi8>
  %s = arith.constant dense<[[0.5], [0.25]]> : tensor<2x1xf32>
  %z = arith.constant dense<[[4], [3]]> : tensor<2x1xi8>
  %w = qnt.uniform %codes scales(%s) zero_points(%z) : (tensor<2x3xi8>, tensor<2x1xf32>, tensor<2x1xi8>) -> !qnt.qtensor<2x8xf32, #qnt.uniform<bits = 3, signedness = unsigned, block = [1, 8], zero_point = true, packing = <bits = 3>>>
  %out = qnt.dequantize %w : !qnt.qtensor<2x8xf32, #qnt.uniform<bits = 3, signedness = unsigned, block = [1, 8], zero_point = true, packing = <bits = 3>>> -> tensor<2x8xf32>
  %printed = tensor.cast %out : tensor<2x8xf32> to tensor<*xf32>
  call @printMemrefF32(%printed) : (tensor<*xf32>) -> ()
  return
}

// Signed 3-bit codes packed msb_first, K = 8.
// CHECK: rank = 2 offset = 0 sizes = [2, 8] strides = [8, 1] data =
// CHECK-NEXT: {{\[\[}}-4, 3, -1, 2, -3, 1, 0, -2],
// CHECK-NEXT: [1.5, -2, 1, -0.5, 0.5, -1.5, -1, 0]]
func.func @pack3_msb_signed() {
  %codes = arith.constant dense<[[-113, -86, 70], [113, 115, 112]]> : tensor<2x3xi8>
  %s = arith.constant dense<[[1.0], [0.5]]> : tensor<2x1xf32>
  %w = qnt.uniform %codes scales(%s) : (tensor<2x3xi8>, tensor<2x1xf32>) -> !qnt.qtensor<2x8xf32, #qnt.uniform<bits = 3, block = [1, 8], packing = <bits = 3, order = msb_first>>>
  %out = qnt.dequantize %w : !qnt.qtensor<2x8xf32, #qnt.uniform<bits = 3, block = [1, 8], packing = <bits = 3, order = msb_first>>> -> tensor<2x8xf32>
  %printed = tensor.cast %out : tensor<2x8xf32> to tensor<*xf32>
  call @printMemrefF32(%printed) : (tensor<*xf32>) -> ()
  return
}

// 3-bit codes, K = 5 (2 bytes per row, the last byte partly used), lsb_first;
// element 2 straddles the two bytes.
// CHECK: rank = 2 offset = 0 sizes = [2, 5] strides = [5, 1] data =
// CHECK-NEXT: {{\[\[}}7, 6, 5, 4, 3],
// CHECK-NEXT: [-0.5, -1, -1.5, -2, -3.5]]
func.func @pack3_lsb_partial_byte() {
  %codes = arith.constant dense<[[119, 57], [-47, 120]]> : tensor<2x2xi8>
  %s = arith.constant dense<[[1.0], [-0.5]]> : tensor<2x1xf32>
  %w = qnt.uniform %codes scales(%s) : (tensor<2x2xi8>, tensor<2x1xf32>) -> !qnt.qtensor<2x5xf32, #qnt.uniform<bits = 3, signedness = unsigned, block = [1, 5], packing = <bits = 3, order = lsb_first>>>
  %out = qnt.dequantize %w : !qnt.qtensor<2x5xf32, #qnt.uniform<bits = 3, signedness = unsigned, block = [1, 5], packing = <bits = 3, order = lsb_first>>> -> tensor<2x5xf32>
  %printed = tensor.cast %out : tensor<2x5xf32> to tensor<*xf32>
  call @printMemrefF32(%printed) : (tensor<*xf32>) -> ()
  return
}

// 3-bit codes, K = 5 (2 bytes per row, the last byte partly used), msb_first;
// element 2 straddles the two bytes.
// CHECK: rank = 2 offset = 0 sizes = [2, 5] strides = [5, 1] data =
// CHECK-NEXT: {{\[\[}}7, 6, 5, 4, 3],
// CHECK-NEXT: [-0.5, -1, -1.5, -2, -3.5]]
func.func @pack3_msb_partial_byte() {
  %codes = arith.constant dense<[[-6, -58], [41, -50]]> : tensor<2x2xi8>
  %s = arith.constant dense<[[1.0], [-0.5]]> : tensor<2x1xf32>
  %w = qnt.uniform %codes scales(%s) : (tensor<2x2xi8>, tensor<2x1xf32>) -> !qnt.qtensor<2x5xf32, #qnt.uniform<bits = 3, signedness = unsigned, block = [1, 5], packing = <bits = 3, order = msb_first>>>
  %out = qnt.dequantize %w : !qnt.qtensor<2x5xf32, #qnt.uniform<bits = 3, signedness = unsigned, block = [1, 5], packing = <bits = 3, order = msb_first>>> -> tensor<2x5xf32>
  %printed = tensor.cast %out : tensor<2x5xf32> to tensor<*xf32>
  call @printMemrefF32(%printed) : (tensor<*xf32>) -> ()
  return
}

// 2-bit codes packed lsb_first (4 per byte), unsigned, zero point.
// CHECK: rank = 2 offset = 0 sizes = [2, 8] strides = [8, 1] data =
// CHECK-NEXT: {{\[\[}}-2, -1, 0, 1, 1, 0.5, 0, -0.5],
// CHECK-NEXT: [0.5, 0.5, 0, 0.75, -4, -4, 0, -6]]
func.func @pack2_lsb_unsigned() {
  %codes = arith.constant dense<[[-28, 27], [-54, 53]]> : tensor<2x2xi8>
  %s = arith.constant dense<[[1.0, 0.5], [0.25, 2.0]]> : tensor<2x2xf32>
  %z = arith.constant dense<[[2, 1], [0, 3]]> : tensor<2x2xi8>
  %w = qnt.uniform %codes scales(%s) zero_points(%z) : (tensor<2x2xi8>, tensor<2x2xf32>, tensor<2x2xi8>) -> !qnt.qtensor<2x8xf32, #qnt.uniform<bits = 2, signedness = unsigned, block = [1, 4], zero_point = true, packing = <bits = 2>>>
  %out = qnt.dequantize %w : !qnt.qtensor<2x8xf32, #qnt.uniform<bits = 2, signedness = unsigned, block = [1, 4], zero_point = true, packing = <bits = 2>>> -> tensor<2x8xf32>
  %printed = tensor.cast %out : tensor<2x8xf32> to tensor<*xf32>
  call @printMemrefF32(%printed) : (tensor<*xf32>) -> ()
  return
}

// 2-bit signed codes packed msb_first.
// CHECK: rank = 2 offset = 0 sizes = [2, 8] strides = [8, 1] data =
// CHECK-NEXT: {{\[\[}}-3, -1.5, 0, 1.5, 1.5, 0, -1.5, -3],
// CHECK-NEXT: [0, 0.75, -1.5, -0.75, -0.75, -1.5, 0.75, 0]]
func.func @pack2_msb_signed() {
  %codes = arith.constant dense<[[-79, 78], [27, -28]]> : tensor<2x2xi8>
  %s = arith.constant dense<[[1.5], [0.75]]> : tensor<2x1xf32>
  %w = qnt.uniform %codes scales(%s) : (tensor<2x2xi8>, tensor<2x1xf32>) -> !qnt.qtensor<2x8xf32, #qnt.uniform<bits = 2, block = [1, 8], packing = <bits = 2, order = msb_first>>>
  %out = qnt.dequantize %w : !qnt.qtensor<2x8xf32, #qnt.uniform<bits = 2, block = [1, 8], packing = <bits = 2, order = msb_first>>> -> tensor<2x8xf32>
  %printed = tensor.cast %out : tensor<2x8xf32> to tensor<*xf32>
  call @printMemrefF32(%printed) : (tensor<*xf32>) -> ()
  return
}

// 4-bit codes in tiles of 2x4 (storage [2, 2, 4]): element (n, k) is
// position (n % 2) * 4 + k % 4 of the stream of tile (n / 2, k / 4).
// CHECK: rank = 2 offset = 0 sizes = [4, 8] strides = [8, 1] data =
// CHECK-NEXT: {{\[\[}}-4, -1.5, 1, 3.5, -2, 0.5, 3, -2.5],
// CHECK-NEXT: [3, 8, 13, 2, 7, 12, 1, 6],
// CHECK-NEXT: [-2.25, -1, -3.75, -2.5, -1.25, 0, -2.75, -1.5],
// CHECK-NEXT: [10, 20, -2, 8, 18, -4, 6, 16]]
func.func @pack4_tile_2x4() {
  %codes = arith.constant dense<[[[80, -6, -125, 45], [-108, 62, -57, 97]], [[-74, 80, -23, -125], [-6, -108, 45, -57]]]> : tensor<2x2x4xi8>
  %s = arith.constant dense<[[0.5], [1.0], [0.25], [2.0]]> : tensor<4x1xf32>
  %z = arith.constant dense<[[8], [0], [15], [4]]> : tensor<4x1xi8>
  %w = qnt.uniform %codes scales(%s) zero_points(%z) : (tensor<2x2x4xi8>, tensor<4x1xf32>, tensor<4x1xi8>) -> !qnt.qtensor<4x8xf32, #qnt.uniform<bits = 4, signedness = unsigned, block = [1, 8], zero_point = true, packing = <bits = 4, tile = [2, 4]>>>
  %out = qnt.dequantize %w : !qnt.qtensor<4x8xf32, #qnt.uniform<bits = 4, signedness = unsigned, block = [1, 8], zero_point = true, packing = <bits = 4, tile = [2, 4]>>> -> tensor<4x8xf32>
  %printed = tensor.cast %out : tensor<4x8xf32> to tensor<*xf32>
  call @printMemrefF32(%printed) : (tensor<*xf32>) -> ()
  return
}

// Signed 3-bit codes in 2x4 tiles (3 bytes per tile), msb_first.
// CHECK: rank = 2 offset = 0 sizes = [4, 8] strides = [8, 1] data =
// CHECK-NEXT: {{\[\[}}-3, 0, 3, -2, 0.5, -2, -0.5, 1],
// CHECK-NEXT: [2, -3, 0, 3, -1, 0.5, -2, -0.5],
// CHECK-NEXT: [-0.25, 0.5, -0.75, 0, 6, -4, 2, -8],
// CHECK-NEXT: [-1, -0.25, 0.5, -0.75, 0, 6, -4, 2]]
func.func @pack3_tile_msb_signed() {
  %codes = arith.constant dense<[[[-95, -27, 67], [51, -84, 103]], [[-22, -119, -43], [120, -64, -15]]]> : tensor<2x2x3xi8>
  %s = arith.constant dense<[[1.0, 0.5], [0.25, 2.0]]> : tensor<2x2xf32>
  %w = qnt.uniform %codes scales(%s) : (tensor<2x2x3xi8>, tensor<2x2xf32>) -> !qnt.qtensor<4x8xf32, #qnt.uniform<bits = 3, block = [2, 4], packing = <bits = 3, order = msb_first, tile = [2, 4]>>>
  %out = qnt.dequantize %w : !qnt.qtensor<4x8xf32, #qnt.uniform<bits = 3, block = [2, 4], packing = <bits = 3, order = msb_first, tile = [2, 4]>>> -> tensor<4x8xf32>
  %printed = tensor.cast %out : tensor<4x8xf32> to tensor<*xf32>
  call @printMemrefF32(%printed) : (tensor<*xf32>) -> ()
  return
}

// 4-bit codes with interleave = [0, 2, 1, 3]: position p is stored
// at slot (p / 4) * 4 + perm[p % 4]; row 0 is stored as nibbles 0,2,1,3,4,6,5,7.
// CHECK: rank = 2 offset = 0 sizes = [2, 8] strides = [8, 1] data =
// CHECK-NEXT: {{\[\[}}0, 1, 2, 3, 4, 5, 6, 7],
// CHECK-NEXT: [0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5]]
func.func @pack4_interleave() {
  %codes = arith.constant dense<[[32, 49, 100, 117], [-88, -71, -20, -3]]> : tensor<2x4xi8>
  %s = arith.constant dense<[[1.0], [0.5]]> : tensor<2x1xf32>
  %z = arith.constant dense<[[0], [8]]> : tensor<2x1xi8>
  %w = qnt.uniform %codes scales(%s) zero_points(%z) : (tensor<2x4xi8>, tensor<2x1xf32>, tensor<2x1xi8>) -> !qnt.qtensor<2x8xf32, #qnt.uniform<bits = 4, signedness = unsigned, block = [1, 8], zero_point = true, packing = <bits = 4, interleave = [0, 2, 1, 3]>>>
  %out = qnt.dequantize %w : !qnt.qtensor<2x8xf32, #qnt.uniform<bits = 4, signedness = unsigned, block = [1, 8], zero_point = true, packing = <bits = 4, interleave = [0, 2, 1, 3]>>> -> tensor<2x8xf32>
  %printed = tensor.cast %out : tensor<2x8xf32> to tensor<*xf32>
  call @printMemrefF32(%printed) : (tensor<*xf32>) -> ()
  return
}

// 4-bit codes in 2x2 tiles with interleave = [3, 1, 0, 2] inside each tile stream.
// CHECK: rank = 2 offset = 0 sizes = [4, 4] strides = [4, 1] data =
// CHECK-NEXT: {{\[\[}}-4, -3.5, -3, -2.5],
// CHECK-NEXT: [-0.5, 0, 0.5, 1],
// CHECK-NEXT: [3, 3.5, -4, -3.5],
// CHECK-NEXT: [-1.5, -1, -0.5, 0]]
func.func @pack4_tile_interleave() {
  %codes = arith.constant dense<[[[23, 8], [57, 42]], [[-11, -26], [23, 8]]]> : tensor<2x2x2xi8>
  %s = arith.constant dense<[[0.5]]> : tensor<1x1xf32>
  %z = arith.constant dense<[[8]]> : tensor<1x1xi8>
  %w = qnt.uniform %codes scales(%s) zero_points(%z) : (tensor<2x2x2xi8>, tensor<1x1xf32>, tensor<1x1xi8>) -> !qnt.qtensor<4x4xf32, #qnt.uniform<bits = 4, signedness = unsigned, block = [4, 4], zero_point = true, packing = <bits = 4, tile = [2, 2], interleave = [3, 1, 0, 2]>>>
  %out = qnt.dequantize %w : !qnt.qtensor<4x4xf32, #qnt.uniform<bits = 4, signedness = unsigned, block = [4, 4], zero_point = true, packing = <bits = 4, tile = [2, 2], interleave = [3, 1, 0, 2]>>> -> tensor<4x4xf32>
  %printed = tensor.cast %out : tensor<4x4xf32> to tensor<*xf32>
  call @printMemrefF32(%printed) : (tensor<*xf32>) -> ()
  return
}

// Act-order: column k uses scale column group_index[k] = [2, 0, 1, 0]
// (3 groups), with zero points indexed the same way.
// CHECK: rank = 2 offset = 0 sizes = [2, 4] strides = [4, 1] data =
// CHECK-NEXT: {{\[\[}}-4, 0.5, 1, 1.5],
// CHECK-NEXT: [-11, -2, 32, 0.25]]
func.func @group_index_zp() {
  %codes = arith.constant dense<[[1, 2, 3, 4], [15, 0, 8, 9]]> : tensor<2x4xi8>
  %s = arith.constant dense<[[0.5, 1.0, 2.0], [0.25, 4.0, -1.0]]> : tensor<2x3xf32>
  %z = arith.constant dense<[[1, 2, 3], [8, 0, 4]]> : tensor<2x3xi8>
  %g = arith.constant dense<[2, 0, 1, 0]> : tensor<4xi32>
  %w = qnt.uniform %codes scales(%s) zero_points(%z) group_index(%g) : (tensor<2x4xi8>, tensor<2x3xf32>, tensor<2x3xi8>, tensor<4xi32>) -> !qnt.qtensor<2x4xf32, #qnt.uniform<bits = 4, signedness = unsigned, block = [1, 2], zero_point = true>>
  %out = qnt.dequantize %w : !qnt.qtensor<2x4xf32, #qnt.uniform<bits = 4, signedness = unsigned, block = [1, 2], zero_point = true>> -> tensor<2x4xf32>
  %printed = tensor.cast %out : tensor<2x4xf32> to tensor<*xf32>
  call @printMemrefF32(%printed) : (tensor<*xf32>) -> ()
  return
}

// Act-order with block = [2, 2]: scale index (n / 2, group_index[k]).
// CHECK: rank = 2 offset = 0 sizes = [4, 4] strides = [4, 1] data =
// CHECK-NEXT: {{\[\[}}2, -4, 1.5, -2],
// CHECK-NEXT: [10, -12, 3.5, -4],
// CHECK-NEXT: [1, -2, -0.75, 1],
// CHECK-NEXT: [-0, -1, 0, -0.25]]
func.func @group_index_block_rows() {
  %codes = arith.constant dense<[[1, -2, 3, -4], [5, -6, 7, -8], [-1, 2, -3, 4], [0, 1, 0, -1]]> : tensor<4x4xi8>
  %s = arith.constant dense<[[0.5, 2.0], [0.25, -1.0]]> : tensor<2x2xf32>
  %g = arith.constant dense<[1, 1, 0, 0]> : tensor<4xi64>
  %w = qnt.uniform %codes scales(%s) group_index(%g) : (tensor<4x4xi8>, tensor<2x2xf32>, tensor<4xi64>) -> !qnt.qtensor<4x4xf32, #qnt.uniform<bits = 4, block = [2, 2]>>
  %out = qnt.dequantize %w : !qnt.qtensor<4x4xf32, #qnt.uniform<bits = 4, block = [2, 2]>> -> tensor<4x4xf32>
  %printed = tensor.cast %out : tensor<4x4xf32> to tensor<*xf32>
  call @printMemrefF32(%printed) : (tensor<*xf32>) -> ()
  return
}

// Double quantization: the scales [[0.5, 1], [0.25, -0.5]] are themselves
// qnt.uniform (8-bit codes [[4, 8], [2, -4]] times 0.125).
// CHECK: rank = 2 offset = 0 sizes = [2, 8] strides = [8, 1] data =
// CHECK-NEXT: {{\[\[}}-3.5, -3, -2.5, -2, 7, -8, 0, 1],
// CHECK-NEXT: [0.5, 0.75, 1, 1.25, -3, 1.5, 1, 0.5]]
func.func @double_quant() {
  %sc = arith.constant dense<[[4, 8], [2, -4]]> : tensor<2x2xi8>
  %ss = arith.constant dense<[[0.125]]> : tensor<1x1xf32>
  %codes = arith.constant dense<[[33, 67, 15, -104], [-70, -36, 94, 118]]> : tensor<2x4xi8>
  %z = arith.constant dense<[[8, 8], [8, 8]]> : tensor<2x2xi8>
  %s = qnt.uniform %sc scales(%ss) : (tensor<2x2xi8>, tensor<1x1xf32>) -> !qnt.qtensor<2x2xf32, #qnt.uniform<bits = 8, block = [2, 2]>>
  %w = qnt.uniform %codes scales(%s) zero_points(%z) : (tensor<2x4xi8>, !qnt.qtensor<2x2xf32, #qnt.uniform<bits = 8, block = [2, 2]>>, tensor<2x2xi8>) -> !qnt.qtensor<2x8xf32, #qnt.uniform<bits = 4, signedness = unsigned, block = [1, 4], zero_point = true, packing = <bits = 4>>>
  %out = qnt.dequantize %w : !qnt.qtensor<2x8xf32, #qnt.uniform<bits = 4, signedness = unsigned, block = [1, 4], zero_point = true, packing = <bits = 4>>> -> tensor<2x8xf32>
  %printed = tensor.cast %out : tensor<2x8xf32> to tensor<*xf32>
  call @printMemrefF32(%printed) : (tensor<*xf32>) -> ()
  return
}

// f16 expressed type with f16 scales and zero points: the value is
// rounded to f16 (255 * 1.0009765625 = 255.249... -> 255.25).
// CHECK: rank = 2 offset = 0 sizes = [2, 4] strides = [4, 1] data =
// CHECK-NEXT: {{\[\[}}255.25, 0, 0, -63.5],
// CHECK-NEXT: [0, 19.2969, -82.5, 379.5]]
func.func @f16_expressed() {
  %codes = arith.constant dense<[[-1, 0, -128, 1], [7, -56, 100, -2]]> : tensor<2x4xi8>
  %s = arith.constant dense<[[1.0009765625, 0.5], [0.0999755859375, 3.0]]> : tensor<2x2xf16>
  %z = arith.constant dense<[[0.0, 128.0], [7.0, 127.5]]> : tensor<2x2xf16>
  %w = qnt.uniform %codes scales(%s) zero_points(%z) : (tensor<2x4xi8>, tensor<2x2xf16>, tensor<2x2xf16>) -> !qnt.qtensor<2x4xf16, #qnt.uniform<bits = 8, signedness = unsigned, block = [1, 2], zero_point = true>>
  %h = qnt.dequantize %w : !qnt.qtensor<2x4xf16, #qnt.uniform<bits = 8, signedness = unsigned, block = [1, 2], zero_point = true>> -> tensor<2x4xf16>
  %out = arith.extf %h : tensor<2x4xf16> to tensor<2x4xf32>
  %printed = tensor.cast %out : tensor<2x4xf32> to tensor<*xf32>
  call @printMemrefF32(%printed) : (tensor<*xf32>) -> ()
  return
}

// Rank-3 weight [2, 2, 4], 4-bit packed rows, block = [1, 2, 2].
// CHECK: rank = 3 offset = 0 sizes = [2, 2, 4] strides = [8, 4, 1] data =
// CHECK-NEXT: {{\[\[\[}}-4, -2.5, 6, 9],
// CHECK-NEXT: [-2, -0.5, 10, 13]],
// CHECK-NEXT: {{\[\[}}-1.75, -1, 20, -6],
// CHECK-NEXT: [-0.75, 0, -4, 2]]]
func.func @rank3_packed() {
  %codes = arith.constant dense<[[[48, -106], [116, -38]], [[-72, 30], [-4, 82]]]> : tensor<2x2x2xi8>
  %s = arith.constant dense<[[[0.5, 1.0]], [[0.25, 2.0]]]> : tensor<2x1x2xf32>
  %z = arith.constant dense<[[[8, 0]], [[15, 4]]]> : tensor<2x1x2xi8>
  %w = qnt.uniform %codes scales(%s) zero_points(%z) : (tensor<2x2x2xi8>, tensor<2x1x2xf32>, tensor<2x1x2xi8>) -> !qnt.qtensor<2x2x4xf32, #qnt.uniform<bits = 4, signedness = unsigned, block = [1, 2, 2], zero_point = true, packing = <bits = 4>>>
  %out = qnt.dequantize %w : !qnt.qtensor<2x2x4xf32, #qnt.uniform<bits = 4, signedness = unsigned, block = [1, 2, 2], zero_point = true, packing = <bits = 4>>> -> tensor<2x2x4xf32>
  %printed = tensor.cast %out : tensor<2x2x4xf32> to tensor<*xf32>
  call @printMemrefF32(%printed) : (tensor<*xf32>) -> ()
  return
}

// Unsigned 4-bit codes in an i4 tensor (15 and 8 are negative as i4 and
// must be read unsigned).
// CHECK: rank = 2 offset = 0 sizes = [2, 4] strides = [4, 1] data =
// CHECK-NEXT: {{\[\[}}15, 8, 0, 7],
// CHECK-NEXT: [0.5, 1, 7, 4.5]]
func.func @unpacked_i4_unsigned() {
  %codes = arith.constant dense<[[15, 8, 0, 7], [1, 2, 14, 9]]> : tensor<2x4xi4>
  %s = arith.constant dense<[[1.0], [0.5]]> : tensor<2x1xf32>
  %w = qnt.uniform %codes scales(%s) : (tensor<2x4xi4>, tensor<2x1xf32>) -> !qnt.qtensor<2x4xf32, #qnt.uniform<bits = 4, signedness = unsigned, block = [1, 4]>>
  %out = qnt.dequantize %w : !qnt.qtensor<2x4xf32, #qnt.uniform<bits = 4, signedness = unsigned, block = [1, 4]>> -> tensor<2x4xf32>
  %printed = tensor.cast %out : tensor<2x4xf32> to tensor<*xf32>
  call @printMemrefF32(%printed) : (tensor<*xf32>) -> ()
  return
}

// Signed 4-bit codes in an i4 tensor.
// CHECK: rank = 2 offset = 0 sizes = [2, 4] strides = [4, 1] data =
// CHECK-NEXT: {{\[\[}}-8, 7, -1, 0],
// CHECK-NEXT: [0.75, -1, 1.25, -1.5]]
func.func @unpacked_i4_signed() {
  %codes = arith.constant dense<[[-8, 7, -1, 0], [3, -4, 5, -6]]> : tensor<2x4xi4>
  %s = arith.constant dense<[[1.0], [0.25]]> : tensor<2x1xf32>
  %w = qnt.uniform %codes scales(%s) : (tensor<2x4xi4>, tensor<2x1xf32>) -> !qnt.qtensor<2x4xf32, #qnt.uniform<bits = 4, block = [1, 4]>>
  %out = qnt.dequantize %w : !qnt.qtensor<2x4xf32, #qnt.uniform<bits = 4, block = [1, 4]>> -> tensor<2x4xf32>
  %printed = tensor.cast %out : tensor<2x4xf32> to tensor<*xf32>
  call @printMemrefF32(%printed) : (tensor<*xf32>) -> ()
  return
}

// Unsigned 3-bit codes and zero points in i3 tensors (zero points 6 and 7).
// CHECK: rank = 2 offset = 0 sizes = [2, 4] strides = [4, 1] data =
// CHECK-NEXT: {{\[\[}}0.5, -1, -3, -1.5],
// CHECK-NEXT: [-4, -2, -12, -10]]
func.func @unpacked_i3_zp() {
  %codes = arith.constant dense<[[7, 4, 0, 3], [5, 6, 1, 2]]> : tensor<2x4xi3>
  %s = arith.constant dense<[[0.5], [2.0]]> : tensor<2x1xf32>
  %z = arith.constant dense<[[6], [7]]> : tensor<2x1xi3>
  %w = qnt.uniform %codes scales(%s) zero_points(%z) : (tensor<2x4xi3>, tensor<2x1xf32>, tensor<2x1xi3>) -> !qnt.qtensor<2x4xf32, #qnt.uniform<bits = 3, signedness = unsigned, block = [1, 4], zero_point = true>>
  %out = qnt.dequantize %w : !qnt.qtensor<2x4xf32, #qnt.uniform<bits = 3, signedness = unsigned, block = [1, 4], zero_point = true>> -> tensor<2x4xf32>
  %printed = tensor.cast %out : tensor<2x4xf32> to tensor<*xf32>
  call @printMemrefF32(%printed) : (tensor<*xf32>) -> ()
  return
}

// bf16 expressed type with bf16 scales.
// CHECK: rank = 2 offset = 0 sizes = [2, 4] strides = [4, 1] data =
// CHECK-NEXT: {{\[\[}}0.5, -1.5, 63.5, -64],
// CHECK-NEXT: [-1.25, -1.5, 1.75, -2]]
func.func @bf16_expressed() {
  %codes = arith.constant dense<[[1, -3, 127, -128], [5, 6, -7, 8]]> : tensor<2x4xi8>
  %s = arith.constant dense<[[0.5], [-0.25]]> : tensor<2x1xbf16>
  %w = qnt.uniform %codes scales(%s) : (tensor<2x4xi8>, tensor<2x1xbf16>) -> !qnt.qtensor<2x4xbf16, #qnt.uniform<bits = 8, block = [1, 4]>>
  %h = qnt.dequantize %w : !qnt.qtensor<2x4xbf16, #qnt.uniform<bits = 8, block = [1, 4]>> -> tensor<2x4xbf16>
  %out = arith.extf %h : tensor<2x4xbf16> to tensor<2x4xf32>
  %printed = tensor.cast %out : tensor<2x4xf32> to tensor<*xf32>
  call @printMemrefF32(%printed) : (tensor<*xf32>) -> ()
  return
}

// Nested double quantization: the scales [[4, -4], [-1, -6]] are qnt.uniform
// codes [[8, 4], [-2, 6]] with per-column scales [0.5, -1], which are themselves
// qnt.uniform codes [2, -4] times 0.25.
// CHECK: rank = 2 offset = 0 sizes = [2, 4] strides = [4, 1] data =
// CHECK-NEXT: {{\[\[}}4, 8, -12, -16],
// CHECK-NEXT: [1, 2, 18, -0]]
func.func @double_quant_nested() {
  %c0 = arith.constant dense<[[2, -4]]> : tensor<1x2xi8>
  %s0 = arith.constant dense<[[0.25, 0.25]]> : tensor<1x2xf32>
  %c1 = arith.constant dense<[[8, 4], [-2, 6]]> : tensor<2x2xi8>
  %codes = arith.constant dense<[[1, 2, 3, 4], [-1, -2, -3, 0]]> : tensor<2x4xi8>
  %ss = qnt.uniform %c0 scales(%s0) : (tensor<1x2xi8>, tensor<1x2xf32>) -> !qnt.qtensor<1x2xf32, #qnt.uniform<bits = 8, block = [1, 1]>>
  %s = qnt.uniform %c1 scales(%ss) : (tensor<2x2xi8>, !qnt.qtensor<1x2xf32, #qnt.uniform<bits = 8, block = [1, 1]>>) -> !qnt.qtensor<2x2xf32, #qnt.uniform<bits = 8, block = [2, 1]>>
  %w = qnt.uniform %codes scales(%s) : (tensor<2x4xi8>, !qnt.qtensor<2x2xf32, #qnt.uniform<bits = 8, block = [2, 1]>>) -> !qnt.qtensor<2x4xf32, #qnt.uniform<bits = 4, block = [1, 2]>>
  %out = qnt.dequantize %w : !qnt.qtensor<2x4xf32, #qnt.uniform<bits = 4, block = [1, 2]>> -> tensor<2x4xf32>
  %printed = tensor.cast %out : tensor<2x4xf32> to tensor<*xf32>
  call @printMemrefF32(%printed) : (tensor<*xf32>) -> ()
  return
}

// 3-bit codes, lsb_first, interleave = [1, 0]: each pair of stream positions
// is swapped, so the straddling slots hold different elements than without it.
// CHECK: rank = 2 offset = 0 sizes = [2, 8] strides = [8, 1] data =
// CHECK-NEXT: {{\[\[}}5, 3, 7, 1, 6, 2, 4, 7],
// CHECK-NEXT: [-2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5]]
func.func @pack3_interleave() {
  %codes = arith.constant dense<[[107, 46, -97], [-63, 84, -34]]> : tensor<2x3xi8>
  %s = arith.constant dense<[[1.0], [0.5]]> : tensor<2x1xf32>
  %z = arith.constant dense<[[0], [4]]> : tensor<2x1xi8>
  %w = qnt.uniform %codes scales(%s) zero_points(%z) : (tensor<2x3xi8>, tensor<2x1xf32>, tensor<2x1xi8>) -> !qnt.qtensor<2x8xf32, #qnt.uniform<bits = 3, signedness = unsigned, block = [1, 8], zero_point = true, packing = <bits = 3, interleave = [1, 0]>>>
  %out = qnt.dequantize %w : !qnt.qtensor<2x8xf32, #qnt.uniform<bits = 3, signedness = unsigned, block = [1, 8], zero_point = true, packing = <bits = 3, interleave = [1, 0]>>> -> tensor<2x8xf32>
  %printed = tensor.cast %out : tensor<2x8xf32> to tensor<*xf32>
  call @printMemrefF32(%printed) : (tensor<*xf32>) -> ()
  return
}

// Rank-1 tensor [6] of 4-bit packed codes, block = [3].
// CHECK: rank = 1 offset = 0 sizes = [6] strides = [1] data =
// CHECK-NEXT: [0.5, 1, 1.5, 8, 10, 12]
func.func @rank1_packed() {
  %codes = arith.constant dense<[33, 67, 101]> : tensor<3xi8>
  %s = arith.constant dense<[0.5, 2.0]> : tensor<2xf32>
  %w = qnt.uniform %codes scales(%s) : (tensor<3xi8>, tensor<2xf32>) -> !qnt.qtensor<6xf32, #qnt.uniform<bits = 4, signedness = unsigned, block = [3], packing = <bits = 4>>>
  %out = qnt.dequantize %w : !qnt.qtensor<6xf32, #qnt.uniform<bits = 4, signedness = unsigned, block = [3], packing = <bits = 4>>> -> tensor<6xf32>
  %printed = tensor.cast %out : tensor<6xf32> to tensor<*xf32>
  call @printMemrefF32(%printed) : (tensor<*xf32>) -> ()
  return
}

func.func @main() {
  call @per_tensor_signed_i8() : () -> ()
  call @per_channel_unsigned_zp_above_127() : () -> ()
  call @groupwise_signed_zp() : () -> ()
  call @block_2x2_float_zp() : () -> ()
  call @pack4_lsb_unsigned() : () -> ()
  call @pack4_msb_unsigned() : () -> ()
  call @pack4_lsb_signed() : () -> ()
  call @pack3_lsb_unsigned() : () -> ()
  call @pack3_msb_signed() : () -> ()
  call @pack3_lsb_partial_byte() : () -> ()
  call @pack3_msb_partial_byte() : () -> ()
  call @pack2_lsb_unsigned() : () -> ()
  call @pack2_msb_signed() : () -> ()
  call @pack4_tile_2x4() : () -> ()
  call @pack3_tile_msb_signed() : () -> ()
  call @pack4_interleave() : () -> ()
  call @pack4_tile_interleave() : () -> ()
  call @group_index_zp() : () -> ()
  call @group_index_block_rows() : () -> ()
  call @double_quant() : () -> ()
  call @f16_expressed() : () -> ()
  call @rank3_packed() : () -> ()
  call @unpacked_i4_unsigned() : () -> ()
  call @unpacked_i4_signed() : () -> ()
  call @unpacked_i3_zp() : () -> ()
  call @bf16_expressed() : () -> ()
  call @double_quant_nested() : () -> ()
  call @pack3_interleave() : () -> ()
  call @rank1_packed() : () -> ()
  return
}
func.func private @printMemrefF32(tensor<*xf32>)
func.func private @printMemrefI32(tensor<*xi32>)
