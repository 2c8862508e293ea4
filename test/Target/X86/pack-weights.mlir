// RUN: quench-opt %s --quench-x86-pack-weights=vector-bits=128 --split-input-file | FileCheck %s
// RUN: quench-opt %s --quench-x86-pack-weights="vector-bits=128 max-rows=0" --split-input-file | FileCheck %s --check-prefix=NONE
// RUN: quench-opt %s --quench-x86-pack-weights="vector-bits=128 int8-activations=1" --split-input-file | FileCheck %s --check-prefix=INT8

// 4-bit codes, 4 lanes: chunks of 8 codes in 4 bytes, byte i = code i | code (i + 4) << 4.
// Row 0 holds codes 0..7 (0x10, 0x32, ...) -> 0x40 0x51 0x62 0x73; row 1 holds
// 14 15 12 13 10 11 8 9 -> 0xAE 0xBF 0x8C 0x9D. The two rows the kernel
// reads at once are stored chunk by chunk (tile [2, 8]: storage [1, 1, 8]).
// Scales and zero points stay.
// CHECK-LABEL: func.func @u4
// CHECK-DAG:   %[[S:.*]] = arith.constant dense<{{\[\[}}5.000000e-01], [2.500000e-01]]> : tensor<2x1xf32>
// CHECK-DAG:   %[[Z:.*]] = arith.constant dense<{{\[\[}}8], [7]]> : tensor<2x1xi8>
// CHECK-DAG:   %[[C:.*]] = arith.constant dense_resource<x86_codes> : tensor<1x1x8xi8>
// CHECK:       %[[W:.*]] = qnt.uniform %[[C]] scales(%[[S]]) zero_points(%[[Z]])
// CHECK-SAME:    packing = <bits = 4, tile = [2, 8], interleave = [0, 2, 4, 6, 1, 3, 5, 7]>
// CHECK:       qnt.matmul %{{.*}}, %[[W]]
// CHECK:       x86_codes: "0x0100000040516273AEBF8C9D"
// NONE-LABEL:  func.func @u4
// NONE:        packing = <bits = 4>>
// NONE-NOT:    interleave
func.func @u4(%x: tensor<1x8xf32>) -> tensor<1x2xf32> {
  %codes = arith.constant dense<[[16, 50, 84, 118], [-2, -36, -70, -104]]> : tensor<2x4xi8>
  %s = arith.constant dense<[[0.5], [0.25]]> : tensor<2x1xf32>
  %z = arith.constant dense<[[8], [7]]> : tensor<2x1xi8>
  %w = qnt.uniform %codes scales(%s) zero_points(%z) : (tensor<2x4xi8>, tensor<2x1xf32>, tensor<2x1xi8>)
      -> !qnt.qtensor<2x8xf32, #qnt.uniform<bits = 4, signedness = unsigned, block = [1, 8], zero_point = true, packing = <bits = 4>>>
  %y = qnt.matmul %x, %w : (tensor<1x8xf32>, !qnt.qtensor<2x8xf32, #qnt.uniform<bits = 4, signedness = unsigned, block = [1, 8], zero_point = true, packing = <bits = 4>>>) -> tensor<1x2xf32>
  return %y : tensor<1x2xf32>
}

// -----

// Signed 8-bit codes with one scale for the tensor: codes + 128 as unsigned
// bytes (-128 -> 0x00, -1 -> 0x7F, 0 -> 0x80, 127 -> 0xFF), zero points 128
// per row, the scale repeated per row; both rows in one tile.
// CHECK-LABEL: func.func @s8_per_tensor
// CHECK:       qnt.uniform {{.*}} -> !qnt.qtensor<2x4xf32, #qnt.uniform<bits = 8, signedness = unsigned, block = [1, 4], zero_point = true, packing = <bits = 8, tile = [2, 4]>>>
// CHECK:       x86_codes: "0x01000000007F80FF81828384"
// CHECK:       x86_scales: "0x040000000000003F0000003F"
// CHECK:       x86_zero_points: "0x010000008080"
func.func @s8_per_tensor(%x: tensor<1x4xf32>) -> tensor<1x2xf32> {
  %codes = arith.constant dense<[[-128, -1, 0, 127], [1, 2, 3, 4]]> : tensor<2x4xi8>
  %s = arith.constant dense<[[0.5]]> : tensor<1x1xf32>
  %w = qnt.uniform %codes scales(%s) : (tensor<2x4xi8>, tensor<1x1xf32>)
      -> !qnt.qtensor<2x4xf32, #qnt.uniform<bits = 8, block = [2, 4]>>
  %y = qnt.matmul %x, %w : (tensor<1x4xf32>, !qnt.qtensor<2x4xf32, #qnt.uniform<bits = 8, block = [2, 4]>>) -> tensor<1x2xf32>
  return %y : tensor<1x2xf32>
}

// -----

// Act-order: group index [1, 0, 1, 0, 0, 1, 1, 0] sorts the columns as
// [1, 3, 4, 7, 0, 2, 5, 6]; the codes 10..17 follow, the input is gathered
// with the same permutation, and the group index is gone.
// CHECK-LABEL: func.func @act_order
// CHECK-SAME:    (%[[X:.*]]: tensor<1x8xf32>)
// CHECK:       %[[P:.*]] = arith.constant dense_resource<x86_act_order> : tensor<8xi64>
// CHECK:       %[[W:.*]] = qnt.uniform %{{[^ ]*}} scales(%{{[^)]*}}) zero_points(%{{[^)]*}}) :
// CHECK-SAME:    block = [1, 4]
// CHECK:       %[[G:.*]] = linalg.generic
// CHECK-SAME:    outs(%{{.*}} : tensor<1x8xf32>)
// CHECK:         %[[K:.*]] = linalg.index 1
// CHECK:         %[[PK:.*]] = tensor.extract %[[P]][%[[K]]]
// CHECK:         %[[I:.*]] = arith.index_cast %[[PK]]
// CHECK:         tensor.extract %[[X]][%{{.*}}, %[[I]]]
// CHECK:       qnt.matmul %[[G]], %[[W]]
// CHECK:       x86_act_order: "0x0800000001000000000000000300000000000000040000000000000007000000000000000000000000000000020000000000000005000000000000000600000000000000"
// CHECK:       x86_codes: "0x010000000B0D0E110A0C0F10"
func.func @act_order(%x: tensor<1x8xf32>) -> tensor<1x1xf32> {
  %codes = arith.constant dense<[[10, 11, 12, 13, 14, 15, 16, 17]]> : tensor<1x8xi8>
  %s = arith.constant dense<[[0.5, 0.25]]> : tensor<1x2xf32>
  %z = arith.constant dense<[[128, 127]]> : tensor<1x2xi8>
  %g = arith.constant dense<[1, 0, 1, 0, 0, 1, 1, 0]> : tensor<8xi32>
  %w = qnt.uniform %codes scales(%s) zero_points(%z) group_index(%g)
      : (tensor<1x8xi8>, tensor<1x2xf32>, tensor<1x2xi8>, tensor<8xi32>)
      -> !qnt.qtensor<1x8xf32, #qnt.uniform<bits = 8, signedness = unsigned, block = [1, 4], zero_point = true>>
  %y = qnt.matmul %x, %w : (tensor<1x8xf32>, !qnt.qtensor<1x8xf32, #qnt.uniform<bits = 8, signedness = unsigned, block = [1, 4], zero_point = true>>) -> tensor<1x1xf32>
  return %y : tensor<1x1xf32>
}

// -----

// A float contraction over a dequantized [K, N] weight (ONNX QDQ:
// DequantizeLinear feeding MatMul) becomes qnt.matmul over the transposed
// weight, then takes the kernel layout: codes [[1, 3, 5, 7], [2, 4, 6, 8]]
// (transposed), + 128 (signed to unsigned), two rows per tile.
#qdq_a = affine_map<(m, n, k) -> (m, k)>
#qdq_b = affine_map<(m, n, k) -> (k, n)>
#qdq_c = affine_map<(m, n, k) -> (m, n)>
// CHECK-LABEL: func.func @qdq_kn
// CHECK-SAME:    (%[[X:.*]]: tensor<1x4xf32>)
// CHECK-NOT:     linalg.generic
// CHECK:         %[[W:.*]] = qnt.uniform {{.*}} -> !qnt.qtensor<2x4xf32, #qnt.uniform<bits = 8, signedness = unsigned, block = [1, 4], zero_point = true, packing = <bits = 8, tile = [2, 4]>>>
// CHECK:         qnt.matmul %[[X]], %[[W]]
// CHECK:         x86_codes: "0x010000008183858782848688"
func.func @qdq_kn(%x: tensor<1x4xf32>) -> tensor<1x2xf32> {
  %codes = arith.constant dense<[[1, 2], [3, 4], [5, 6], [7, 8]]> : tensor<4x2xi8>
  %s = arith.constant dense<[[0.5, 0.25]]> : tensor<1x2xf32>
  %w = qnt.uniform %codes scales(%s) : (tensor<4x2xi8>, tensor<1x2xf32>)
      -> !qnt.qtensor<4x2xf32, #qnt.uniform<bits = 8, block = [4, 1]>>
  %wf = qnt.dequantize %w : !qnt.qtensor<4x2xf32, #qnt.uniform<bits = 8, block = [4, 1]>> -> tensor<4x2xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x2xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<1x2xf32>) -> tensor<1x2xf32>
  %y = linalg.generic {indexing_maps = [#qdq_a, #qdq_b, #qdq_c],
                       iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%x, %wf : tensor<1x4xf32>, tensor<4x2xf32>) outs(%init : tensor<1x2xf32>) {
  ^bb0(%a: f32, %b: f32, %c: f32):
    %p = arith.mulf %a, %b : f32
    %q = arith.addf %c, %p : f32
    linalg.yield %q : f32
  } -> tensor<1x2xf32>
  return %y : tensor<1x2xf32>
}

// -----

// More rows than the row kernel takes (13 > 12): the panel kernel's layout,
// strips of 4 rows (4 f32 lanes), byte i of each run of 4 bytes holding the
// two consecutive codes of row i: tile [4, 2], storage [N/4, K/2, 4]. Rows
// 0 and 2 hold codes 0..7, rows 1 and 3 codes 8..15: columns (0, 1) give
// 0x10 0x98 0x10 0x98, columns (2, 3) 0x32 0xBA 0x32 0xBA, and so on.
// Scales and zero points stay.
// CHECK-LABEL: func.func @panel
// CHECK-DAG:   %[[S:.*]] = arith.constant dense<{{.*}}> : tensor<4x1xf32>
// CHECK-DAG:   %[[Z:.*]] = arith.constant dense<{{.*}}> : tensor<4x1xi8>
// CHECK-DAG:   %[[C:.*]] = arith.constant dense_resource<x86_codes> : tensor<1x4x4xi8>
// CHECK:       %[[W:.*]] = qnt.uniform %[[C]] scales(%[[S]]) zero_points(%[[Z]])
// CHECK-SAME:    packing = <bits = 4, tile = [4, 2]>>
// CHECK:       qnt.matmul %{{.*}}, %[[W]] : (tensor<13x8xf32>
// CHECK:       x86_codes: "0x010000001098109832BA32BA54DC54DC76FE76FE"
// NONE-LABEL:  func.func @panel
// NONE:        packing = <bits = 4, tile = [4, 2]>>
func.func @panel(%x: tensor<13x8xf32>) -> tensor<13x4xf32> {
  %codes = arith.constant dense<[[16, 50, 84, 118], [-104, -70, -36, -2], [16, 50, 84, 118], [-104, -70, -36, -2]]> : tensor<4x4xi8>
  %s = arith.constant dense<[[0.5], [0.25], [1.0], [2.0]]> : tensor<4x1xf32>
  %z = arith.constant dense<[[8], [7], [6], [5]]> : tensor<4x1xi8>
  %w = qnt.uniform %codes scales(%s) zero_points(%z) : (tensor<4x4xi8>, tensor<4x1xf32>, tensor<4x1xi8>)
      -> !qnt.qtensor<4x8xf32, #qnt.uniform<bits = 4, signedness = unsigned, block = [1, 8], zero_point = true, packing = <bits = 4>>>
  %y = qnt.matmul %x, %w : (tensor<13x8xf32>, !qnt.qtensor<4x8xf32, #qnt.uniform<bits = 4, signedness = unsigned, block = [1, 8], zero_point = true, packing = <bits = 4>>>) -> tensor<13x4xf32>
  return %y : tensor<13x4xf32>
}

// -----

// The panel kernel needs whole strips: 6 rows are no whole number of 4-row
// strips, so the weight keeps its layout (and the reference lowering).
// CHECK-LABEL: func.func @panel_partial_strip
// CHECK:       packing = <bits = 4>>
// CHECK-NOT:   tile =
func.func @panel_partial_strip(%x: tensor<13x8xf32>) -> tensor<13x6xf32> {
  %codes = arith.constant dense<17> : tensor<6x4xi8>
  %s = arith.constant dense<0.5> : tensor<6x1xf32>
  %z = arith.constant dense<8> : tensor<6x1xi8>
  %w = qnt.uniform %codes scales(%s) zero_points(%z) : (tensor<6x4xi8>, tensor<6x1xf32>, tensor<6x1xi8>)
      -> !qnt.qtensor<6x8xf32, #qnt.uniform<bits = 4, signedness = unsigned, block = [1, 8], zero_point = true, packing = <bits = 4>>>
  %y = qnt.matmul %x, %w : (tensor<13x8xf32>, !qnt.qtensor<6x8xf32, #qnt.uniform<bits = 4, signedness = unsigned, block = [1, 8], zero_point = true, packing = <bits = 4>>>) -> tensor<13x6xf32>
  return %y : tensor<13x6xf32>
}

// -----

// With int8 activations, more rows than the row kernel takes (13 > 2): the
// int8 panel layout, strips of 4 rows, bytes 4r .. 4r + 3 of each run of 16
// holding row r's codes j (low nibble) and j + 4 (high nibble) of a chunk of
// 8: tile [4, 8], interleave [0, 2, 4, 6, 1, 3, 5, 7], storage [1, 4, 16].
// Code (r, k) = (k + r) mod 16: chunk 0 of row 0 is 0x40 0x51 0x62 0x73, of
// row 1 0x51 0x62 0x73 0x84; chunk 1 of row 1 ends with codes 12 | 0 << 4.
// With float activations the same weight takes the float panel layout.
// CHECK-LABEL: func.func @int8_panel
// CHECK:       packing = <bits = 4, tile = [4, 2]>>
// INT8-LABEL: func.func @int8_panel
// INT8:       qnt.uniform {{.*}} -> !qnt.qtensor<4x32xf32, #qnt.uniform<bits = 4, signedness = unsigned, block = [1, 32], zero_point = true, packing = <bits = 4, tile = [4, 8], interleave = [0, 2, 4, 6, 1, 3, 5, 7]>>>
// INT8:       x86_codes: "0x01000000405162735162738462738495738495A6C8D9EAFBD9EAFB0CEAFB0C1DFB0C1D2E405162735162738462738495738495A6C8D9EAFBD9EAFB0CEAFB0C1DFB0C1D2E"
func.func @int8_panel(%x: tensor<13x32xf32>) -> tensor<13x4xf32> {
  %codes = arith.constant dense<[[16, 50, 84, 118, -104, -70, -36, -2, 16, 50, 84, 118, -104, -70, -36, -2], [33, 67, 101, -121, -87, -53, -19, 15, 33, 67, 101, -121, -87, -53, -19, 15], [50, 84, 118, -104, -70, -36, -2, 16, 50, 84, 118, -104, -70, -36, -2, 16], [67, 101, -121, -87, -53, -19, 15, 33, 67, 101, -121, -87, -53, -19, 15, 33]]> : tensor<4x16xi8>
  %s = arith.constant dense<0.5> : tensor<4x1xf32>
  %z = arith.constant dense<8> : tensor<4x1xi8>
  %w = qnt.uniform %codes scales(%s) zero_points(%z) : (tensor<4x16xi8>, tensor<4x1xf32>, tensor<4x1xi8>)
      -> !qnt.qtensor<4x32xf32, #qnt.uniform<bits = 4, signedness = unsigned, block = [1, 32], zero_point = true, packing = <bits = 4>>>
  %y = qnt.matmul %x, %w : (tensor<13x32xf32>, !qnt.qtensor<4x32xf32, #qnt.uniform<bits = 4, signedness = unsigned, block = [1, 32], zero_point = true, packing = <bits = 4>>>) -> tensor<13x4xf32>
  return %y : tensor<13x4xf32>
}

// -----

// An NF4 weight of a matmul that takes the float panel kernel: codes in the
// panel layout (rows 0 and 2 hold codes 0..7, rows 1 and 3 codes 8..15, as
// in @panel), scales per row and group, and the named table as an f32
// custom table operand (NF4 from -1 to 1, code 7 = 0).
// CHECK-LABEL: func.func @nf4_panel
// CHECK-DAG:   %[[T:.*]] = arith.constant dense<[-1.000000e+00, {{.*}}, 0.000000e+00, {{.*}}, 1.000000e+00]> : tensor<16xf32>
// CHECK-DAG:   %[[C:.*]] = arith.constant dense_resource<x86_codes> : tensor<1x4x4xi8>
// CHECK:       qnt.lut %[[C]] scales(%{{.*}}) table(%[[T]])
// CHECK-SAME:    #qnt.lut<bits = 4, table = custom, block = [1, 8], packing = <bits = 4, tile = [4, 2]>>
// CHECK:       x86_codes: "0x010000001098109832BA32BA54DC54DC76FE76FE"
// The same in int8 mode (float activations for this matmul).
// INT8-LABEL:  func.func @nf4_panel
// INT8:        #qnt.lut<bits = 4, table = custom, block = [1, 8], packing = <bits = 4, tile = [4, 2]>>
func.func @nf4_panel(%x: tensor<13x8xf32>) -> tensor<13x4xf32> {
  %codes = arith.constant dense<[[16, 50, 84, 118], [-104, -70, -36, -2], [16, 50, 84, 118], [-104, -70, -36, -2]]> : tensor<4x4xi8>
  %s = arith.constant dense<[[0.5], [0.25], [1.0], [2.0]]> : tensor<4x1xf32>
  %w = qnt.lut %codes scales(%s) : (tensor<4x4xi8>, tensor<4x1xf32>)
      -> !qnt.qtensor<4x8xf32, #qnt.lut<bits = 4, table = nf4, block = [1, 8], packing = <bits = 4>>>
  %y = qnt.matmul %x, %w : (tensor<13x8xf32>, !qnt.qtensor<4x8xf32, #qnt.lut<bits = 4, table = nf4, block = [1, 8], packing = <bits = 4>>>) -> tensor<13x4xf32>
  return %y : tensor<13x4xf32>
}
