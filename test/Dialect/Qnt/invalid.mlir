// RUN: quench-opt %s -split-input-file -verify-diagnostics

// One case per diagnostic of the qnt type parser, the type and attribute
// verifiers (QntDialect.cpp, QntAttrs.cpp) and the op verifiers (QntOps.cpp),
// followed by a few cases rejected by the ODS type constraints.

//===----------------------------------------------------------------------===//
// !qnt.qtensor: parser and verifier
//===----------------------------------------------------------------------===//

// expected-error@+1 {{qtensor element type must be the float type the tensor stands for, got 'i32'}}
func.func @qtensor_integer_element(%w: !qnt.qtensor<4x8xi32, #qnt.e8p>) {
  return
}

// -----

// expected-error@+1 {{qtensor encoding must be a #qnt encoding (uniform, lut, fp8, additive, vector, e8p, hadamard, sparse_outliers, outlier_columns, bitstack), got #qnt.packing<bits = 4>}}
func.func @qtensor_packing_is_not_an_encoding(%w: !qnt.qtensor<4x8xf32, #qnt.packing<bits = 4>>) {
  return
}

// -----

// expected-error@+1 {{qtensor encoding must be a #qnt encoding (uniform, lut, fp8, additive, vector, e8p, hadamard, sparse_outliers, outlier_columns, bitstack), got "uniform"}}
func.func @qtensor_string_encoding(%w: !qnt.qtensor<4x8xf32, "uniform">) {
  return
}

// -----

// expected-error@+1 {{qtensor must have rank >= 1}}
func.func @qtensor_rank0(%w: !qnt.qtensor<f32, #qnt.e8p>) {
  return
}

// -----

// expected-error@+1 {{qtensor dimensions must be static and positive, got 0}}
func.func @qtensor_zero_dim(%w: !qnt.qtensor<0x8xf32, #qnt.e8p>) {
  return
}

// -----

// The parser rejects `?` before the type verifier sees it.
// expected-error@+1 {{expected static shape}}
func.func @qtensor_dynamic_dim(%w: !qnt.qtensor<?x8xf32, #qnt.e8p>) {
  return
}

//===----------------------------------------------------------------------===//
// #qnt.packing
//===----------------------------------------------------------------------===//

// -----

// expected-error@+1 {{packing bits must be in [1, 8], got 0}}
func.func @packing_bits_zero() attributes {packing = #qnt.packing<bits = 0>} {
  return
}

// -----

// Inside an encoding, the generated parser of the enclosing attribute adds a
// second error.
// expected-error@+2 {{packing bits must be in [1, 8], got 9}}
// expected-error@+1 {{failed to parse Qnt_UniformAttr parameter 'packing' which is to be a `::quench::qnt::PackingAttr`}}
func.func @packing_bits_too_wide(%w: !qnt.qtensor<4x8xf32, #qnt.uniform<bits = 8, block = [1, 8], packing = <bits = 9>>>) {
  return
}

// -----

// expected-error@+1 {{packing tile must be [rows, cols], got 3 entries}}
func.func @packing_tile_rank() attributes {packing = #qnt.packing<bits = 4, tile = [1, 2, 4]>} {
  return
}

// -----

// expected-error@+1 {{packing tile sizes must be in [1, 2^24]}}
func.func @packing_tile_zero() attributes {packing = #qnt.packing<bits = 4, tile = [0, 8]>} {
  return
}

// -----

// expected-error@+1 {{a packing tile of 1x4 3-bit codes does not fill whole bytes}}
func.func @packing_tile_partial_byte() attributes {packing = #qnt.packing<bits = 3, tile = [1, 4]>} {
  return
}

// -----

// expected-error@+1 {{packing interleave must be a permutation of 0..3}}
func.func @packing_interleave_repeated() attributes {packing = #qnt.packing<bits = 4, interleave = [0, 1, 1, 3]>} {
  return
}

// -----

// expected-error@+1 {{packing interleave must be a permutation of 0..3}}
func.func @packing_interleave_out_of_range() attributes {packing = #qnt.packing<bits = 4, interleave = [0, 1, 2, 4]>} {
  return
}

// -----

// expected-error@+1 {{packing interleave must be a permutation of 0..1}}
func.func @packing_interleave_negative() attributes {packing = #qnt.packing<bits = 4, interleave = [-1, 0]>} {
  return
}

// -----

// expected-error@+1 {{a tiled packing needs a rank-2 tensor, got rank 3}}
func.func @packing_tile_rank3_tensor(%w: !qnt.qtensor<2x4x8xf32, #qnt.uniform<bits = 4, block = [1, 1, 8], packing = <bits = 4, tile = [2, 4]>>>) {
  return
}

// -----

// expected-error@+1 {{packing tile [4, 4] does not divide the shape [4, 6]}}
func.func @packing_tile_not_dividing(%w: !qnt.qtensor<4x6xf32, #qnt.uniform<bits = 4, block = [1, 6], packing = <bits = 4, tile = [4, 4]>>>) {
  return
}

// -----

// expected-error@+1 {{packing interleave of length 3 does not divide the 8 codes of each packed row or tile}}
func.func @packing_interleave_not_dividing_row(%w: !qnt.qtensor<4x8xf32, #qnt.uniform<bits = 4, block = [1, 8], packing = <bits = 4, interleave = [2, 0, 1]>>>) {
  return
}

// -----

// expected-error@+1 {{packing interleave of length 3 does not divide the 16 codes of each packed row or tile}}
func.func @packing_interleave_not_dividing_tile(%w: !qnt.qtensor<4x8xf32, #qnt.uniform<bits = 4, block = [1, 8], packing = <bits = 4, tile = [2, 8], interleave = [2, 0, 1]>>>) {
  return
}

//===----------------------------------------------------------------------===//
// #qnt.uniform, #qnt.lut, #qnt.fp8: bits, blocks, packing
//===----------------------------------------------------------------------===//

// -----

// expected-error@+1 {{uniform bits must be in [2, 8], got 1}}
func.func @uniform_bits_too_narrow(%w: !qnt.qtensor<4x8xf32, #qnt.uniform<bits = 1, block = [1, 8]>>) {
  return
}

// -----

// expected-error@+1 {{uniform bits must be in [2, 8], got 16}}
func.func @uniform_bits_too_wide(%w: !qnt.qtensor<4x8xf32, #qnt.uniform<bits = 16, block = [1, 8]>>) {
  return
}

// -----

// expected-error@+1 {{block must have one entry per dimension, got []}}
func.func @block_empty(%w: !qnt.qtensor<4x8xf32, #qnt.uniform<bits = 8, block = []>>) {
  return
}

// -----

// expected-error@+1 {{block sizes must be positive, got 0}}
func.func @block_zero(%w: !qnt.qtensor<4x8xf32, #qnt.fp8<block = [1, 0]>>) {
  return
}

// -----

// expected-error@+1 {{block sizes must be positive, got -2}}
func.func @block_negative(%w: !qnt.qtensor<4x8xf32, #qnt.lut<bits = 4, table = nf4, block = [-2, 8]>>) {
  return
}

// -----

// expected-error@+1 {{block has 1 entry but the tensor has rank 2; give one block size per dimension}}
func.func @block_rank_mismatch(%w: !qnt.qtensor<4x8xf32, #qnt.uniform<bits = 8, block = [8]>>) {
  return
}

// -----

// expected-error@+1 {{block has 3 entries but the tensor has rank 2; give one block size per dimension}}
func.func @block_rank_mismatch_fp8(%w: !qnt.qtensor<4x8xf32, #qnt.fp8<block = [1, 1, 8]>>) {
  return
}

// -----

// expected-error@+1 {{block size 3 does not divide dimension 1 of size 8; use a divisor of 8}}
func.func @block_not_dividing(%w: !qnt.qtensor<4x8xf32, #qnt.uniform<bits = 8, block = [1, 3]>>) {
  return
}

// -----

// expected-error@+1 {{block size 3 does not divide dimension 0 of size 4; use a divisor of 4}}
func.func @block_not_dividing_lut(%w: !qnt.qtensor<4x8xf32, #qnt.lut<bits = 4, table = fp4_e2m1, block = [3, 8]>>) {
  return
}

// -----

// expected-error@+1 {{packing stores 4-bit codes but the encoding has 3-bit codes; make them equal}}
func.func @uniform_packing_bits_mismatch(%w: !qnt.qtensor<4x8xf32, #qnt.uniform<bits = 3, block = [1, 8], packing = <bits = 4>>>) {
  return
}

// -----

// expected-error@+1 {{packing stores 2-bit codes but the encoding has 4-bit codes; make them equal}}
func.func @lut_packing_bits_mismatch(%w: !qnt.qtensor<4x8xf32, #qnt.lut<bits = 4, table = nf4, block = [1, 8], packing = <bits = 2>>>) {
  return
}

// -----

// expected-error@+1 {{lut bits must be in [1, 8], got 0}}
func.func @lut_bits_zero(%w: !qnt.qtensor<4x8xf32, #qnt.lut<bits = 0, table = custom, block = [1, 8]>>) {
  return
}

// -----

// expected-error@+1 {{lut bits must be in [1, 8], got 9}}
func.func @lut_bits_too_wide(%w: !qnt.qtensor<4x8xf32, #qnt.lut<bits = 9, table = custom, block = [1, 8]>>) {
  return
}

// -----

// expected-error@+1 {{table nf4 has 16 entries and needs bits = 4, got 3}}
func.func @lut_nf4_needs_4_bits(%w: !qnt.qtensor<4x8xf32, #qnt.lut<bits = 3, table = nf4, block = [1, 8]>>) {
  return
}

// -----

// expected-error@+1 {{table fp4_e2m1 has 16 entries and needs bits = 4, got 8}}
func.func @lut_fp4_needs_4_bits(%w: !qnt.qtensor<4x8xf32, #qnt.lut<bits = 8, table = fp4_e2m1, block = [1, 8]>>) {
  return
}

//===----------------------------------------------------------------------===//
// #qnt.additive, #qnt.vector, #qnt.e8p
//===----------------------------------------------------------------------===//

// -----

// expected-error@+1 {{additive books must be in [1, 16], got 0}}
func.func @additive_no_books(%w: !qnt.qtensor<4x8xf32, #qnt.additive<books = 0, bits = 8, dim = 8>>) {
  return
}

// -----

// expected-error@+1 {{additive books must be in [1, 16], got 17}}
func.func @additive_too_many_books(%w: !qnt.qtensor<4x8xf32, #qnt.additive<books = 17, bits = 8, dim = 8>>) {
  return
}

// -----

// expected-error@+1 {{additive codebook bits must be in [1, 16], got 0}}
func.func @additive_bits_zero(%w: !qnt.qtensor<4x8xf32, #qnt.additive<books = 1, bits = 0, dim = 8>>) {
  return
}

// -----

// expected-error@+1 {{additive codebook bits must be in [1, 16], got 17}}
func.func @additive_bits_too_wide(%w: !qnt.qtensor<4x8xf32, #qnt.additive<books = 1, bits = 17, dim = 8>>) {
  return
}

// -----

// expected-error@+1 {{additive vector dimension must be positive}}
func.func @additive_dim_zero(%w: !qnt.qtensor<4x8xf32, #qnt.additive<books = 1, bits = 8, dim = 0>>) {
  return
}

// -----

// expected-error@+1 {{additive encoding describes a [N, K] weight matrix, got rank 1}}
func.func @additive_rank1(%w: !qnt.qtensor<8xf32, #qnt.additive<books = 1, bits = 8, dim = 8>>) {
  return
}

// -----

// expected-error@+1 {{additive encoding vector dimension 3 does not divide K = 8; pad K or pick a divisor}}
func.func @additive_dim_not_dividing(%w: !qnt.qtensor<4x8xf32, #qnt.additive<books = 1, bits = 8, dim = 3>>) {
  return
}

// -----

// expected-error@+1 {{vector dimension must be positive}}
func.func @vector_dim_zero(%w: !qnt.qtensor<4x8xf32, #qnt.vector<dim = 0, centroids = 16>>) {
  return
}

// -----

// expected-error@+1 {{vector encoding needs at least one centroid}}
func.func @vector_no_centroids(%w: !qnt.qtensor<4x8xf32, #qnt.vector<dim = 4, centroids = 0>>) {
  return
}

// -----

// expected-error@+1 {{vector encoding describes a [N, K] weight matrix, got rank 3}}
func.func @vector_rank3(%w: !qnt.qtensor<2x4x8xf32, #qnt.vector<dim = 4, centroids = 16>>) {
  return
}

// -----

// expected-error@+1 {{vector encoding vector dimension 3 does not divide K = 8; pad K or pick a divisor}}
func.func @vector_dim_not_dividing(%w: !qnt.qtensor<4x8xf32, #qnt.vector<dim = 3, centroids = 16>>) {
  return
}

// -----

// expected-error@+1 {{e8p encoding describes a [N, K] weight matrix, got rank 1}}
func.func @e8p_rank1(%w: !qnt.qtensor<16xf32, #qnt.e8p>) {
  return
}

// -----

// expected-error@+1 {{e8p encoding stores one code per 8 weights and needs K divisible by 8, got K = 12; pad K to 16}}
func.func @e8p_k_not_multiple_of_8(%w: !qnt.qtensor<4x12xf32, #qnt.e8p>) {
  return
}

//===----------------------------------------------------------------------===//
// #qnt.hadamard, #qnt.sparse_outliers, #qnt.outlier_columns, #qnt.bitstack
//===----------------------------------------------------------------------===//

// -----

// expected-error@+1 {{hadamard encoding describes a [N, K] weight matrix, got rank 1}}
func.func @hadamard_rank1(%w: !qnt.qtensor<16xf32, #qnt.hadamard<input_seed = 0, output_seed = 0>>) {
  return
}

// -----

// expected-error@+1 {{hadamard rotation needs power-of-two dimensions, got 12; pad it to 16}}
func.func @hadamard_not_power_of_two_n(%w: !qnt.qtensor<12x16xf32, #qnt.hadamard<input_seed = 0, output_seed = 0>>) {
  return
}

// -----

// expected-error@+1 {{hadamard rotation needs power-of-two dimensions, got 48; pad it to 64}}
func.func @hadamard_not_power_of_two_k(%w: !qnt.qtensor<16x48xf32, #qnt.hadamard<input_seed = 0, output_seed = 0>>) {
  return
}

// -----

// expected-error@+1 {{sparse_outliers encoding describes a [N, K] weight matrix, got rank 3}}
func.func @sparse_outliers_rank3(%w: !qnt.qtensor<2x4x8xf32, #qnt.sparse_outliers>) {
  return
}

// -----

// expected-error@+1 {{outlier_columns encoding describes a [N, K] weight matrix, got rank 1}}
func.func @outlier_columns_rank1(%w: !qnt.qtensor<8xf32, #qnt.outlier_columns<count = 1>>) {
  return
}

// -----

// expected-error@+1 {{outlier_columns count must be in [1, K = 8], got 0}}
func.func @outlier_columns_count_zero(%w: !qnt.qtensor<4x8xf32, #qnt.outlier_columns<count = 0>>) {
  return
}

// -----

// expected-error@+1 {{outlier_columns count must be in [1, K = 8], got 9}}
func.func @outlier_columns_count_above_k(%w: !qnt.qtensor<4x8xf32, #qnt.outlier_columns<count = 9>>) {
  return
}

// -----

// expected-error@+1 {{bitstack needs levels >= 1 and rank >= 1}}
func.func @bitstack_no_levels(%w: !qnt.qtensor<4x8xf32, #qnt.bitstack<levels = 0, rank = 1>>) {
  return
}

// -----

// expected-error@+1 {{bitstack needs levels >= 1 and rank >= 1}}
func.func @bitstack_rank_zero(%w: !qnt.qtensor<4x8xf32, #qnt.bitstack<levels = 2, rank = 0>>) {
  return
}

// -----

// expected-error@+1 {{bitstack encoding describes a [N, K] weight matrix, got rank 1}}
func.func @bitstack_rank1_tensor(%w: !qnt.qtensor<8xf32, #qnt.bitstack<levels = 1, rank = 1>>) {
  return
}

//===----------------------------------------------------------------------===//
// #qnt.act_quant
//===----------------------------------------------------------------------===//

// -----

func.func @act_quant_bits_too_narrow(%x: tensor<3x8xf32>, %w: !qnt.qtensor<4x8xf32, #qnt.fp8<block = [1, 8]>>) {
  // expected-error@+1 {{act_quant bits must be in [2, 8], got 1}}
  %y = qnt.matmul %x, %w {act_quant = #qnt.act_quant<bits = 1>} : (tensor<3x8xf32>, !qnt.qtensor<4x8xf32, #qnt.fp8<block = [1, 8]>>) -> tensor<3x4xf32>
  return
}

// -----

func.func @act_quant_bits_too_wide(%x: tensor<3x8xf32>, %w: !qnt.qtensor<4x8xf32, #qnt.fp8<block = [1, 8]>>) {
  // expected-error@+1 {{act_quant bits must be in [2, 8], got 16}}
  %y = qnt.matmul %x, %w {act_quant = #qnt.act_quant<bits = 16, granularity = per_tensor>} : (tensor<3x8xf32>, !qnt.qtensor<4x8xf32, #qnt.fp8<block = [1, 8]>>) -> tensor<3x4xf32>
  return
}

//===----------------------------------------------------------------------===//
// Codes (shared by qnt.uniform, qnt.lut and qnt.quantize)
//===----------------------------------------------------------------------===//

// -----

func.func @packed_codes_not_i8(%codes: tensor<4x4xi16>, %s: tensor<4x1xf32>) {
  // expected-error@+1 {{'qnt.uniform' op packed codes must be stored in i8, got 'i16'}}
  %w = qnt.uniform %codes scales(%s) : (tensor<4x4xi16>, tensor<4x1xf32>) -> !qnt.qtensor<4x8xf32, #qnt.uniform<bits = 4, block = [1, 8], packing = <bits = 4>>>
  return
}

// -----

func.func @packed_codes_shape(%codes: tensor<4x8xi8>, %s: tensor<4x1xf32>) {
  // expected-error@+1 {{'qnt.uniform' op packed codes has shape [4, 8] but [4, 4] is expected (the storage shape of [4, 8] under the encoding's packing)}}
  %w = qnt.uniform %codes scales(%s) : (tensor<4x8xi8>, tensor<4x1xf32>) -> !qnt.qtensor<4x8xf32, #qnt.uniform<bits = 4, block = [1, 8], packing = <bits = 4>>>
  return
}

// -----

// A 3-bit row of 5 codes needs ceil(15 / 8) = 2 bytes.
func.func @packed_codes_shape_3bit(%codes: tensor<4x1xi8>, %s: tensor<4x1xf32>) {
  // expected-error@+1 {{'qnt.lut' op packed codes has shape [4, 1] but [4, 2] is expected (the storage shape of [4, 5] under the encoding's packing)}}
  %w = qnt.lut %codes scales(%s) : (tensor<4x1xi8>, tensor<4x1xf32>) -> !qnt.qtensor<4x5xf32, #qnt.lut<bits = 3, table = custom, block = [1, 5], packing = <bits = 3>>>
  return
}

// -----

func.func @packed_codes_shape_tiled(%codes: tensor<4x4xi8>, %s: tensor<4x1xf32>) {
  // expected-error@+1 {{'qnt.uniform' op packed codes has shape [4, 4] but [2, 2, 4] is expected (the storage shape of [4, 8] under the encoding's packing)}}
  %w = qnt.uniform %codes scales(%s) : (tensor<4x4xi8>, tensor<4x1xf32>) -> !qnt.qtensor<4x8xf32, #qnt.uniform<bits = 4, block = [1, 8], packing = <bits = 4, tile = [2, 4]>>>
  return
}

// -----

func.func @codes_too_narrow(%codes: tensor<4x8xi2>, %s: tensor<4x1xf32>) {
  // expected-error@+1 {{'qnt.uniform' op codes of type 'i2' cannot hold 4-bit codes; use a wider integer or a packing}}
  %w = qnt.uniform %codes scales(%s) : (tensor<4x8xi2>, tensor<4x1xf32>) -> !qnt.qtensor<4x8xf32, #qnt.uniform<bits = 4, block = [1, 8]>>
  return
}

// -----

func.func @codes_shape(%codes: tensor<4x4xi8>, %s: tensor<4x1xf32>) {
  // expected-error@+1 {{'qnt.uniform' op codes has shape [4, 4] but [4, 8] is expected (the logical shape)}}
  %w = qnt.uniform %codes scales(%s) : (tensor<4x4xi8>, tensor<4x1xf32>) -> !qnt.qtensor<4x8xf32, #qnt.uniform<bits = 4, block = [1, 8]>>
  return
}

//===----------------------------------------------------------------------===//
// qnt.uniform
//===----------------------------------------------------------------------===//

// -----

func.func @uniform_missing_zero_points(%codes: tensor<4x8xi8>, %s: tensor<4x1xf32>) {
  // expected-error@+1 {{'qnt.uniform' op encoding has zero_point = true but no zero_points operand is given}}
  %w = qnt.uniform %codes scales(%s) : (tensor<4x8xi8>, tensor<4x1xf32>) -> !qnt.qtensor<4x8xf32, #qnt.uniform<bits = 4, signedness = unsigned, block = [1, 8], zero_point = true>>
  return
}

// -----

func.func @uniform_unexpected_zero_points(%codes: tensor<4x8xi8>, %s: tensor<4x1xf32>, %z: tensor<4x1xi8>) {
  // expected-error@+1 {{'qnt.uniform' op zero_points are given but the encoding says zero_point = false; set zero_point = true}}
  %w = qnt.uniform %codes scales(%s) zero_points(%z) : (tensor<4x8xi8>, tensor<4x1xf32>, tensor<4x1xi8>) -> !qnt.qtensor<4x8xf32, #qnt.uniform<bits = 4, block = [1, 8]>>
  return
}

// -----

func.func @uniform_group_index_rank3(%codes: tensor<2x4x8xi8>, %s: tensor<2x4x2xf32>, %g: tensor<8xi32>) {
  // expected-error@+1 {{'qnt.uniform' op group_index needs a rank-2 [N, K] weight}}
  %w = qnt.uniform %codes scales(%s) group_index(%g) : (tensor<2x4x8xi8>, tensor<2x4x2xf32>, tensor<8xi32>) -> !qnt.qtensor<2x4x8xf32, #qnt.uniform<bits = 4, block = [1, 1, 4]>>
  return
}

// -----

func.func @uniform_group_index_shape(%codes: tensor<4x8xi8>, %s: tensor<4x2xf32>, %g: tensor<4xi32>) {
  // expected-error@+1 {{'qnt.uniform' op group_index has shape [4] but [8] is expected (one group per input column)}}
  %w = qnt.uniform %codes scales(%s) group_index(%g) : (tensor<4x8xi8>, tensor<4x2xf32>, tensor<4xi32>) -> !qnt.qtensor<4x8xf32, #qnt.uniform<bits = 4, block = [1, 4]>>
  return
}

// -----

func.func @uniform_group_index_rank(%codes: tensor<4x8xi8>, %s: tensor<4x2xf32>, %g: tensor<1x8xi32>) {
  // expected-error@+1 {{'qnt.uniform' op group_index has shape [1, 8] but [8] is expected (one group per input column)}}
  %w = qnt.uniform %codes scales(%s) group_index(%g) : (tensor<4x8xi8>, tensor<4x2xf32>, tensor<1x8xi32>) -> !qnt.qtensor<4x8xf32, #qnt.uniform<bits = 4, block = [1, 4]>>
  return
}

// -----

func.func @uniform_group_index_scales_rows(%codes: tensor<4x8xi8>, %s: tensor<2x3xf32>, %g: tensor<8xi32>) {
  // expected-error@+1 {{'qnt.uniform' op scales has shape [2, 3] but [4, 3] is expected ([N / block[0], number of groups])}}
  %w = qnt.uniform %codes scales(%s) group_index(%g) : (tensor<4x8xi8>, tensor<2x3xf32>, tensor<8xi32>) -> !qnt.qtensor<4x8xf32, #qnt.uniform<bits = 4, block = [1, 4]>>
  return
}

// -----

func.func @uniform_scales_shape(%codes: tensor<4x8xi8>, %s: tensor<4x1xf32>) {
  // expected-error@+1 {{'qnt.uniform' op scales has shape [4, 1] but [4, 2] is expected (the tensor shape divided by the block [1, 4])}}
  %w = qnt.uniform %codes scales(%s) : (tensor<4x8xi8>, tensor<4x1xf32>) -> !qnt.qtensor<4x8xf32, #qnt.uniform<bits = 8, block = [1, 4]>>
  return
}

// -----

func.func @uniform_scales_rank(%codes: tensor<4x8xi8>, %s: tensor<4xf32>) {
  // expected-error@+1 {{'qnt.uniform' op scales has shape [4] but [4, 1] is expected (the tensor shape divided by the block [1, 8])}}
  %w = qnt.uniform %codes scales(%s) : (tensor<4x8xi8>, tensor<4xf32>) -> !qnt.qtensor<4x8xf32, #qnt.uniform<bits = 8, block = [1, 8]>>
  return
}

// -----

// Double quantization: a qtensor of scales is checked the same way.
func.func @uniform_qtensor_scales_shape(%codes: tensor<4x8xi8>, %s: !qnt.qtensor<4x4xf32, #qnt.uniform<bits = 8, block = [4, 4]>>) {
  // expected-error@+1 {{'qnt.uniform' op scales has shape [4, 4] but [4, 2] is expected (the tensor shape divided by the block [1, 4])}}
  %w = qnt.uniform %codes scales(%s) : (tensor<4x8xi8>, !qnt.qtensor<4x4xf32, #qnt.uniform<bits = 8, block = [4, 4]>>) -> !qnt.qtensor<4x8xf32, #qnt.uniform<bits = 8, block = [1, 4]>>
  return
}

// -----

func.func @uniform_zero_points_shape(%codes: tensor<4x8xi8>, %s: tensor<4x2xf32>, %z: tensor<4x1xi8>) {
  // expected-error@+1 {{'qnt.uniform' op zero_points has shape [4, 1] but [4, 2] is expected (the shape of the scales)}}
  %w = qnt.uniform %codes scales(%s) zero_points(%z) : (tensor<4x8xi8>, tensor<4x2xf32>, tensor<4x1xi8>) -> !qnt.qtensor<4x8xf32, #qnt.uniform<bits = 4, signedness = unsigned, block = [1, 4], zero_point = true>>
  return
}

// -----

func.func @uniform_zero_points_shape_group_index(%codes: tensor<4x8xi8>, %s: tensor<4x3xf32>, %z: tensor<4x2xi8>, %g: tensor<8xi32>) {
  // expected-error@+1 {{'qnt.uniform' op zero_points has shape [4, 2] but [4, 3] is expected (the shape of the scales)}}
  %w = qnt.uniform %codes scales(%s) zero_points(%z) group_index(%g) : (tensor<4x8xi8>, tensor<4x3xf32>, tensor<4x2xi8>, tensor<8xi32>) -> !qnt.qtensor<4x8xf32, #qnt.uniform<bits = 4, signedness = unsigned, block = [1, 4], zero_point = true>>
  return
}

//===----------------------------------------------------------------------===//
// qnt.lut
//===----------------------------------------------------------------------===//

// -----

func.func @lut_scales_shape(%codes: tensor<4x32xi8>, %s: tensor<4x2xf32>) {
  // expected-error@+1 {{'qnt.lut' op scales has shape [4, 2] but [4, 1] is expected (the tensor shape divided by the block [1, 64])}}
  %w = qnt.lut %codes scales(%s) : (tensor<4x32xi8>, tensor<4x2xf32>) -> !qnt.qtensor<4x64xf32, #qnt.lut<bits = 4, table = nf4, block = [1, 64], packing = <bits = 4>>>
  return
}

// -----

func.func @lut_codes_too_narrow(%codes: tensor<4x8xi2>, %s: tensor<4x1xf32>) {
  // expected-error@+1 {{'qnt.lut' op codes of type 'i2' cannot hold 4-bit codes; use a wider integer or a packing}}
  %w = qnt.lut %codes scales(%s) : (tensor<4x8xi2>, tensor<4x1xf32>) -> !qnt.qtensor<4x8xf32, #qnt.lut<bits = 4, table = nf4, block = [1, 8]>>
  return
}

// -----

func.func @lut_custom_without_table(%codes: tensor<4x8xi8>, %s: tensor<4x1xf32>) {
  // expected-error@+1 {{'qnt.lut' op table = custom needs a table operand}}
  %w = qnt.lut %codes scales(%s) : (tensor<4x8xi8>, tensor<4x1xf32>) -> !qnt.qtensor<4x8xf32, #qnt.lut<bits = 3, table = custom, block = [1, 8]>>
  return
}

// -----

func.func @lut_named_with_table(%codes: tensor<4x8xi8>, %s: tensor<4x1xf32>, %t: tensor<16xf32>) {
  // expected-error@+1 {{'qnt.lut' op a table operand is given but the encoding names a built-in table; use table = custom}}
  %w = qnt.lut %codes scales(%s) table(%t) : (tensor<4x8xi8>, tensor<4x1xf32>, tensor<16xf32>) -> !qnt.qtensor<4x8xf32, #qnt.lut<bits = 4, table = nf4, block = [1, 8]>>
  return
}

// -----

func.func @lut_table_size(%codes: tensor<4x8xi8>, %s: tensor<4x1xf32>, %t: tensor<16xf32>) {
  // expected-error@+1 {{'qnt.lut' op table has shape [16] but [8] is expected (2^bits entries)}}
  %w = qnt.lut %codes scales(%s) table(%t) : (tensor<4x8xi8>, tensor<4x1xf32>, tensor<16xf32>) -> !qnt.qtensor<4x8xf32, #qnt.lut<bits = 3, table = custom, block = [1, 8]>>
  return
}

// -----

func.func @lut_table_rank(%codes: tensor<4x8xi8>, %s: tensor<4x1xf32>, %t: tensor<2x4xf32>) {
  // expected-error@+1 {{'qnt.lut' op table has shape [2, 4] but [8] is expected (2^bits entries)}}
  %w = qnt.lut %codes scales(%s) table(%t) : (tensor<4x8xi8>, tensor<4x1xf32>, tensor<2x4xf32>) -> !qnt.qtensor<4x8xf32, #qnt.lut<bits = 3, table = custom, block = [1, 8]>>
  return
}

//===----------------------------------------------------------------------===//
// qnt.fp8
//===----------------------------------------------------------------------===//

// -----

func.func @fp8_codes_shape(%codes: tensor<4x4xf8E4M3FN>, %s: tensor<4x1xf32>) {
  // expected-error@+1 {{'qnt.fp8' op codes has shape [4, 4] but [4, 8] is expected (the logical shape)}}
  %w = qnt.fp8 %codes scales(%s) : (tensor<4x4xf8E4M3FN>, tensor<4x1xf32>) -> !qnt.qtensor<4x8xf32, #qnt.fp8<block = [1, 8]>>
  return
}

// -----

func.func @fp8_scales_shape(%codes: tensor<4x8xf8E5M2>, %s: tensor<4x1xf32>) {
  // expected-error@+1 {{'qnt.fp8' op scales has shape [4, 1] but [2, 2] is expected (the tensor shape divided by the block [2, 4])}}
  %w = qnt.fp8 %codes scales(%s) : (tensor<4x8xf8E5M2>, tensor<4x1xf32>) -> !qnt.qtensor<4x8xf32, #qnt.fp8<block = [2, 4]>>
  return
}

//===----------------------------------------------------------------------===//
// qnt.additive
//===----------------------------------------------------------------------===//

// -----

func.func @additive_codes_too_narrow(%codes: tensor<4x2x1xi8>, %books: tensor<1x65536x8xf16>, %s: tensor<4xf16>) {
  // expected-error@+1 {{'qnt.additive' op codes of type 'i8' cannot hold 16-bit codebook indices}}
  %w = qnt.additive %codes codebooks(%books) scales(%s) : (tensor<4x2x1xi8>, tensor<1x65536x8xf16>, tensor<4xf16>) -> !qnt.qtensor<4x16xf16, #qnt.additive<books = 1, bits = 16, dim = 8>>
  return
}

// -----

func.func @additive_codes_shape(%codes: tensor<4x2x1xi8>, %books: tensor<2x256x8xf16>, %s: tensor<4xf16>) {
  // expected-error@+1 {{'qnt.additive' op codes has shape [4, 2, 1] but [4, 2, 2] is expected ([N, K / dim, books])}}
  %w = qnt.additive %codes codebooks(%books) scales(%s) : (tensor<4x2x1xi8>, tensor<2x256x8xf16>, tensor<4xf16>) -> !qnt.qtensor<4x16xf16, #qnt.additive<books = 2, bits = 8, dim = 8>>
  return
}

// -----

func.func @additive_codebooks_shape(%codes: tensor<4x2x2xi8>, %books: tensor<2x16x8xf16>, %s: tensor<4xf16>) {
  // expected-error@+1 {{'qnt.additive' op codebooks has shape [2, 16, 8] but [2, 256, 8] is expected ([books, 2^bits, dim])}}
  %w = qnt.additive %codes codebooks(%books) scales(%s) : (tensor<4x2x2xi8>, tensor<2x16x8xf16>, tensor<4xf16>) -> !qnt.qtensor<4x16xf16, #qnt.additive<books = 2, bits = 8, dim = 8>>
  return
}

// -----

func.func @additive_scales_shape(%codes: tensor<4x2x2xi8>, %books: tensor<2x256x8xf16>, %s: tensor<4x1xf16>) {
  // expected-error@+1 {{'qnt.additive' op scales has shape [4, 1] but [4] is expected (one scale per output row)}}
  %w = qnt.additive %codes codebooks(%books) scales(%s) : (tensor<4x2x2xi8>, tensor<2x256x8xf16>, tensor<4x1xf16>) -> !qnt.qtensor<4x16xf16, #qnt.additive<books = 2, bits = 8, dim = 8>>
  return
}

//===----------------------------------------------------------------------===//
// qnt.vector
//===----------------------------------------------------------------------===//

// -----

func.func @vector_indices_shape(%idx: tensor<4x8xi16>, %c: tensor<256x4xf32>) {
  // expected-error@+1 {{'qnt.vector' op indices has shape [4, 8] but [4, 2] is expected ([N, K / dim])}}
  %w = qnt.vector %idx centroids(%c) : (tensor<4x8xi16>, tensor<256x4xf32>) -> !qnt.qtensor<4x8xf32, #qnt.vector<dim = 4, centroids = 256>>
  return
}

// -----

func.func @vector_centroids_shape(%idx: tensor<4x2xi16>, %c: tensor<128x4xf32>) {
  // expected-error@+1 {{'qnt.vector' op centroids has shape [128, 4] but [256, 4] is expected ([centroids, dim])}}
  %w = qnt.vector %idx centroids(%c) : (tensor<4x2xi16>, tensor<128x4xf32>) -> !qnt.qtensor<4x8xf32, #qnt.vector<dim = 4, centroids = 256>>
  return
}

// -----

func.func @vector_missing_residual(%idx: tensor<4x2xi16>, %c: tensor<256x4xf32>) {
  // expected-error@+1 {{'qnt.vector' op encoding has residual_centroids > 0 but no residual operands are given}}
  %w = qnt.vector %idx centroids(%c) : (tensor<4x2xi16>, tensor<256x4xf32>) -> !qnt.qtensor<4x8xf32, #qnt.vector<dim = 4, centroids = 256, residual_centroids = 16>>
  return
}

// -----

func.func @vector_unexpected_residual(%idx: tensor<4x2xi16>, %c: tensor<256x4xf32>, %ridx: tensor<4x2xi8>, %r: tensor<16x4xf32>) {
  // expected-error@+1 {{'qnt.vector' op residual operands are given but the encoding has residual_centroids = 0}}
  %w = qnt.vector %idx centroids(%c) residual(%ridx, %r) : (tensor<4x2xi16>, tensor<256x4xf32>, tensor<4x2xi8>, tensor<16x4xf32>) -> !qnt.qtensor<4x8xf32, #qnt.vector<dim = 4, centroids = 256>>
  return
}

// -----

func.func @vector_residual_indices_shape(%idx: tensor<4x2xi16>, %c: tensor<256x4xf32>, %ridx: tensor<4x1xi8>, %r: tensor<16x4xf32>) {
  // expected-error@+1 {{'qnt.vector' op residual indices has shape [4, 1] but [4, 2] is expected ([N, K / dim])}}
  %w = qnt.vector %idx centroids(%c) residual(%ridx, %r) : (tensor<4x2xi16>, tensor<256x4xf32>, tensor<4x1xi8>, tensor<16x4xf32>) -> !qnt.qtensor<4x8xf32, #qnt.vector<dim = 4, centroids = 256, residual_centroids = 16>>
  return
}

// -----

func.func @vector_residual_centroids_shape(%idx: tensor<4x2xi16>, %c: tensor<256x4xf32>, %ridx: tensor<4x2xi8>, %r: tensor<16x8xf32>) {
  // expected-error@+1 {{'qnt.vector' op residual centroids has shape [16, 8] but [16, 4] is expected ([residual_centroids, dim])}}
  %w = qnt.vector %idx centroids(%c) residual(%ridx, %r) : (tensor<4x2xi16>, tensor<256x4xf32>, tensor<4x2xi8>, tensor<16x8xf32>) -> !qnt.qtensor<4x8xf32, #qnt.vector<dim = 4, centroids = 256, residual_centroids = 16>>
  return
}

// -----

func.func @vector_column_scales_shape(%idx: tensor<4x2xi16>, %c: tensor<256x4xf32>, %cs: tensor<4xf32>) {
  // expected-error@+1 {{'qnt.vector' op column_scales has shape [4] but [8] is expected (one per input column)}}
  %w = qnt.vector %idx centroids(%c) column_scales(%cs) : (tensor<4x2xi16>, tensor<256x4xf32>, tensor<4xf32>) -> !qnt.qtensor<4x8xf32, #qnt.vector<dim = 4, centroids = 256>>
  return
}

// -----

func.func @vector_column_biases_shape(%idx: tensor<4x2xi16>, %c: tensor<256x4xf32>, %cs: tensor<8xf32>, %cb: tensor<1x8xf32>) {
  // expected-error@+1 {{'qnt.vector' op column_biases has shape [1, 8] but [8] is expected (one per input column)}}
  %w = qnt.vector %idx centroids(%c) column_scales(%cs) column_biases(%cb) : (tensor<4x2xi16>, tensor<256x4xf32>, tensor<8xf32>, tensor<1x8xf32>) -> !qnt.qtensor<4x8xf32, #qnt.vector<dim = 4, centroids = 256>>
  return
}

//===----------------------------------------------------------------------===//
// qnt.e8p
//===----------------------------------------------------------------------===//

// -----

func.func @e8p_codes_shape(%codes: tensor<4x16xi16>, %s: tensor<f32>) {
  // expected-error@+1 {{'qnt.e8p' op codes has shape [4, 16] but [4, 2] is expected (one 16-bit code per 8 weights)}}
  %w = qnt.e8p %codes scale(%s) : (tensor<4x16xi16>, tensor<f32>) -> !qnt.qtensor<4x16xf32, #qnt.e8p>
  return
}

//===----------------------------------------------------------------------===//
// qnt.hadamard, qnt.sparse_outliers, qnt.outlier_columns
//===----------------------------------------------------------------------===//

// -----

func.func @hadamard_inner_shape(%inner: !qnt.qtensor<8x8xf32, #qnt.e8p>) {
  // expected-error@+1 {{'qnt.hadamard' op inner must have the result's shape and float type, got '!qnt.qtensor<8x8xf32, #qnt.e8p>' for '!qnt.qtensor<8x16xf32, #qnt.hadamard<input_seed = 1, output_seed = 2>>'}}
  %w = qnt.hadamard %inner : !qnt.qtensor<8x8xf32, #qnt.e8p> -> !qnt.qtensor<8x16xf32, #qnt.hadamard<input_seed = 1, output_seed = 2>>
  return
}

// -----

func.func @hadamard_inner_float_type(%inner: !qnt.qtensor<8x16xf32, #qnt.e8p>) {
  // expected-error@+1 {{'qnt.hadamard' op inner must have the result's shape and float type, got '!qnt.qtensor<8x16xf32, #qnt.e8p>' for '!qnt.qtensor<8x16xf16, #qnt.hadamard<input_seed = 1, output_seed = 2>>'}}
  %w = qnt.hadamard %inner : !qnt.qtensor<8x16xf32, #qnt.e8p> -> !qnt.qtensor<8x16xf16, #qnt.hadamard<input_seed = 1, output_seed = 2>>
  return
}

// -----

func.func @sparse_outliers_base_type(%base: !qnt.qtensor<4x8xf16, #qnt.fp8<block = [1, 8]>>, %rows: tensor<5xi32>, %cols: tensor<?xi32>, %vals: tensor<?xf32>) {
  // expected-error@+1 {{'qnt.sparse_outliers' op base must have the result's shape and float type, got '!qnt.qtensor<4x8xf16, #qnt.fp8<block = [1, 8]>>' for '!qnt.qtensor<4x8xf32, #qnt.sparse_outliers>'}}
  %w = qnt.sparse_outliers %base rows(%rows) cols(%cols) values(%vals) : (!qnt.qtensor<4x8xf16, #qnt.fp8<block = [1, 8]>>, tensor<5xi32>, tensor<?xi32>, tensor<?xf32>) -> !qnt.qtensor<4x8xf32, #qnt.sparse_outliers>
  return
}

// -----

func.func @sparse_outliers_row_ptr_shape(%base: !qnt.qtensor<4x8xf32, #qnt.fp8<block = [1, 8]>>, %rows: tensor<4xi32>, %cols: tensor<?xi32>, %vals: tensor<?xf32>) {
  // expected-error@+1 {{'qnt.sparse_outliers' op row_ptr has shape [4] but [5] is expected (N + 1 row offsets)}}
  %w = qnt.sparse_outliers %base rows(%rows) cols(%cols) values(%vals) : (!qnt.qtensor<4x8xf32, #qnt.fp8<block = [1, 8]>>, tensor<4xi32>, tensor<?xi32>, tensor<?xf32>) -> !qnt.qtensor<4x8xf32, #qnt.sparse_outliers>
  return
}

// -----

func.func @sparse_outliers_values_rank(%base: !qnt.qtensor<4x8xf32, #qnt.fp8<block = [1, 8]>>, %rows: tensor<5xi32>, %cols: tensor<3xi32>, %vals: tensor<3x1xf32>) {
  // expected-error@+1 {{'qnt.sparse_outliers' op col_idx and values must be rank-1 [nnz] tensors}}
  %w = qnt.sparse_outliers %base rows(%rows) cols(%cols) values(%vals) : (!qnt.qtensor<4x8xf32, #qnt.fp8<block = [1, 8]>>, tensor<5xi32>, tensor<3xi32>, tensor<3x1xf32>) -> !qnt.qtensor<4x8xf32, #qnt.sparse_outliers>
  return
}

// -----

func.func @sparse_outliers_col_idx_rank(%base: !qnt.qtensor<4x8xf32, #qnt.fp8<block = [1, 8]>>, %rows: tensor<5xi32>, %cols: tensor<i32>, %vals: tensor<?xf32>) {
  // expected-error@+1 {{'qnt.sparse_outliers' op col_idx and values must be rank-1 [nnz] tensors}}
  %w = qnt.sparse_outliers %base rows(%rows) cols(%cols) values(%vals) : (!qnt.qtensor<4x8xf32, #qnt.fp8<block = [1, 8]>>, tensor<5xi32>, tensor<i32>, tensor<?xf32>) -> !qnt.qtensor<4x8xf32, #qnt.sparse_outliers>
  return
}

// -----

func.func @sparse_outliers_nnz_mismatch(%base: !qnt.qtensor<4x8xf32, #qnt.fp8<block = [1, 8]>>, %rows: tensor<5xi64>, %cols: tensor<3xi16>, %vals: tensor<2xf32>) {
  // expected-error@+1 {{'qnt.sparse_outliers' op col_idx has 3 entries but values has 2; both hold one entry per outlier}}
  %w = qnt.sparse_outliers %base rows(%rows) cols(%cols) values(%vals) : (!qnt.qtensor<4x8xf32, #qnt.fp8<block = [1, 8]>>, tensor<5xi64>, tensor<3xi16>, tensor<2xf32>) -> !qnt.qtensor<4x8xf32, #qnt.sparse_outliers>
  return
}

// -----

func.func @outlier_columns_base_type(%base: !qnt.qtensor<4x16xf32, #qnt.e8p>, %cols: tensor<2xi64>, %vals: tensor<4x2xf32>) {
  // expected-error@+1 {{'qnt.outlier_columns' op base must have the result's shape and float type, got '!qnt.qtensor<4x16xf32, #qnt.e8p>' for '!qnt.qtensor<4x8xf32, #qnt.outlier_columns<count = 2>>'}}
  %w = qnt.outlier_columns %base columns(%cols) values(%vals) : (!qnt.qtensor<4x16xf32, #qnt.e8p>, tensor<2xi64>, tensor<4x2xf32>) -> !qnt.qtensor<4x8xf32, #qnt.outlier_columns<count = 2>>
  return
}

// -----

func.func @outlier_columns_columns_shape(%base: !qnt.qtensor<4x8xf32, #qnt.fp8<block = [1, 8]>>, %cols: tensor<3xi64>, %vals: tensor<4x2xf32>) {
  // expected-error@+1 {{'qnt.outlier_columns' op columns has shape [3] but [2] is expected (the encoding's count)}}
  %w = qnt.outlier_columns %base columns(%cols) values(%vals) : (!qnt.qtensor<4x8xf32, #qnt.fp8<block = [1, 8]>>, tensor<3xi64>, tensor<4x2xf32>) -> !qnt.qtensor<4x8xf32, #qnt.outlier_columns<count = 2>>
  return
}

// -----

func.func @outlier_columns_values_shape(%base: !qnt.qtensor<4x8xf32, #qnt.fp8<block = [1, 8]>>, %cols: tensor<2xi32>, %vals: tensor<2x4xf32>) {
  // expected-error@+1 {{'qnt.outlier_columns' op values has shape [2, 4] but [4, 2] is expected ([N, count])}}
  %w = qnt.outlier_columns %base columns(%cols) values(%vals) : (!qnt.qtensor<4x8xf32, #qnt.fp8<block = [1, 8]>>, tensor<2xi32>, tensor<2x4xf32>) -> !qnt.qtensor<4x8xf32, #qnt.outlier_columns<count = 2>>
  return
}

//===----------------------------------------------------------------------===//
// qnt.bitstack
//===----------------------------------------------------------------------===//

// -----

// K = 12 needs ceil(12 / 8) = 2 sign bytes per row.
func.func @bitstack_signs_shape(%signs: tensor<2x4x1xi8>, %u: tensor<2x4x1xf32>, %v: tensor<2x1x12xf32>) {
  // expected-error@+1 {{'qnt.bitstack' op signs has shape [2, 4, 1] but [2, 4, 2] is expected ([levels, N, ceil(K / 8)] sign bits)}}
  %w = qnt.bitstack %signs u(%u) v(%v) : (tensor<2x4x1xi8>, tensor<2x4x1xf32>, tensor<2x1x12xf32>) -> !qnt.qtensor<4x12xf32, #qnt.bitstack<levels = 2, rank = 1>>
  return
}

// -----

func.func @bitstack_u_shape(%signs: tensor<2x4x1xi8>, %u: tensor<2x4x2xf32>, %v: tensor<2x1x8xf32>) {
  // expected-error@+1 {{'qnt.bitstack' op u has shape [2, 4, 2] but [2, 4, 1] is expected ([levels, N, rank])}}
  %w = qnt.bitstack %signs u(%u) v(%v) : (tensor<2x4x1xi8>, tensor<2x4x2xf32>, tensor<2x1x8xf32>) -> !qnt.qtensor<4x8xf32, #qnt.bitstack<levels = 2, rank = 1>>
  return
}

// -----

func.func @bitstack_v_shape(%signs: tensor<2x4x1xi8>, %u: tensor<2x4x1xf32>, %v: tensor<2x8x1xf32>) {
  // expected-error@+1 {{'qnt.bitstack' op v has shape [2, 8, 1] but [2, 1, 8] is expected ([levels, rank, K])}}
  %w = qnt.bitstack %signs u(%u) v(%v) : (tensor<2x4x1xi8>, tensor<2x4x1xf32>, tensor<2x8x1xf32>) -> !qnt.qtensor<4x8xf32, #qnt.bitstack<levels = 2, rank = 1>>
  return
}

//===----------------------------------------------------------------------===//
// qnt.dequantize
//===----------------------------------------------------------------------===//

// -----

func.func @dequantize_result_float_type(%w: !qnt.qtensor<4x16xf32, #qnt.e8p>) {
  // expected-error@+1 {{'qnt.dequantize' op result must be 'tensor<4x16xf32>', the tensor the input stands for}}
  %f = qnt.dequantize %w : !qnt.qtensor<4x16xf32, #qnt.e8p> -> tensor<4x16xf16>
  return
}

// -----

func.func @dequantize_result_shape(%w: !qnt.qtensor<4x16xf32, #qnt.e8p>) {
  // expected-error@+1 {{'qnt.dequantize' op result must be 'tensor<4x16xf32>', the tensor the input stands for}}
  %f = qnt.dequantize %w : !qnt.qtensor<4x16xf32, #qnt.e8p> -> tensor<?x16xf32>
  return
}

//===----------------------------------------------------------------------===//
// qnt.quantize
//===----------------------------------------------------------------------===//

// -----

func.func @quantize_packed_encoding(%x: tensor<2x4xf32>, %s: tensor<2x1xf32>) {
  // expected-error@+1 {{'qnt.quantize' op returns unpacked codes; drop the packing from the encoding}}
  %q = qnt.quantize %x scales(%s) {encoding = #qnt.uniform<bits = 4, block = [1, 4], packing = <bits = 4>>} : (tensor<2x4xf32>, tensor<2x1xf32>) -> tensor<2x2xi8>
  return
}

// -----

// The encoding is not part of a qtensor type here, so its block is checked
// against the input shape by the op.
func.func @quantize_block_rank(%x: tensor<2x4xf32>, %s: tensor<2xf32>) {
  // expected-error@+1 {{'qnt.quantize' op block has 1 entry but the tensor has rank 2; give one block size per dimension}}
  %q = qnt.quantize %x scales(%s) {encoding = #qnt.uniform<bits = 8, block = [4]>} : (tensor<2x4xf32>, tensor<2xf32>) -> tensor<2x4xi8>
  return
}

// -----

func.func @quantize_block_not_dividing(%x: tensor<2x4xf32>, %s: tensor<2x1xf32>) {
  // expected-error@+1 {{'qnt.quantize' op block size 3 does not divide dimension 1 of size 4; use a divisor of 4}}
  %q = qnt.quantize %x scales(%s) {encoding = #qnt.uniform<bits = 8, block = [1, 3]>} : (tensor<2x4xf32>, tensor<2x1xf32>) -> tensor<2x4xi8>
  return
}

// -----

func.func @quantize_result_too_narrow(%x: tensor<2x4xf32>, %s: tensor<2x1xf32>) {
  // expected-error@+1 {{'qnt.quantize' op codes of type 'i4' cannot hold 8-bit codes; use a wider integer or a packing}}
  %q = qnt.quantize %x scales(%s) {encoding = #qnt.uniform<bits = 8, block = [1, 4]>} : (tensor<2x4xf32>, tensor<2x1xf32>) -> tensor<2x4xi4>
  return
}

// -----

func.func @quantize_result_shape(%x: tensor<2x4xf32>, %s: tensor<2x1xf32>) {
  // expected-error@+1 {{'qnt.quantize' op codes has shape [2, 2] but [2, 4] is expected (the logical shape)}}
  %q = qnt.quantize %x scales(%s) {encoding = #qnt.uniform<bits = 4, block = [1, 4]>} : (tensor<2x4xf32>, tensor<2x1xf32>) -> tensor<2x2xi8>
  return
}

// -----

func.func @quantize_scales_shape(%x: tensor<2x4xf32>, %s: tensor<2x1xf32>) {
  // expected-error@+1 {{'qnt.quantize' op scales has shape [2, 1] but [2, 2] is expected (the tensor shape divided by the block [1, 2])}}
  %q = qnt.quantize %x scales(%s) {encoding = #qnt.uniform<bits = 8, block = [1, 2]>} : (tensor<2x4xf32>, tensor<2x1xf32>) -> tensor<2x4xi8>
  return
}

// -----

func.func @quantize_missing_zero_points(%x: tensor<2x4xf32>, %s: tensor<2x1xf32>) {
  // expected-error@+1 {{'qnt.quantize' op zero_points must be given exactly when the encoding says zero_point = true}}
  %q = qnt.quantize %x scales(%s) {encoding = #qnt.uniform<bits = 8, signedness = unsigned, block = [1, 4], zero_point = true>} : (tensor<2x4xf32>, tensor<2x1xf32>) -> tensor<2x4xi8>
  return
}

// -----

func.func @quantize_unexpected_zero_points(%x: tensor<2x4xf32>, %s: tensor<2x1xf32>, %z: tensor<2x1xi8>) {
  // expected-error@+1 {{'qnt.quantize' op zero_points must be given exactly when the encoding says zero_point = true}}
  %q = qnt.quantize %x scales(%s) zero_points(%z) {encoding = #qnt.uniform<bits = 8, block = [1, 4]>} : (tensor<2x4xf32>, tensor<2x1xf32>, tensor<2x1xi8>) -> tensor<2x4xi8>
  return
}

// -----

func.func @quantize_zero_points_shape(%x: tensor<2x4xf32>, %s: tensor<2x2xf32>, %z: tensor<2x1xi8>) {
  // expected-error@+1 {{'qnt.quantize' op zero_points has shape [2, 1] but [2, 2] is expected (the tensor shape divided by the block [1, 2])}}
  %q = qnt.quantize %x scales(%s) zero_points(%z) {encoding = #qnt.uniform<bits = 4, signedness = unsigned, block = [1, 2], zero_point = true>} : (tensor<2x4xf32>, tensor<2x2xf32>, tensor<2x1xi8>) -> tensor<2x4xi8>
  return
}

//===----------------------------------------------------------------------===//
// qnt.matmul
//===----------------------------------------------------------------------===//

// -----

func.func @matmul_weight_rank3(%x: tensor<3x8xf32>, %w: !qnt.qtensor<2x4x8xf32, #qnt.fp8<block = [1, 1, 8]>>) {
  // expected-error@+1 {{'qnt.matmul' op weight must be a rank-2 [N, K] qtensor, got rank 3}}
  %y = qnt.matmul %x, %w : (tensor<3x8xf32>, !qnt.qtensor<2x4x8xf32, #qnt.fp8<block = [1, 1, 8]>>) -> tensor<3x4xf32>
  return
}

// -----

func.func @matmul_weight_rank1(%x: tensor<3x8xf32>, %w: !qnt.qtensor<8xf32, #qnt.uniform<bits = 8, block = [8]>>) {
  // expected-error@+1 {{'qnt.matmul' op weight must be a rank-2 [N, K] qtensor, got rank 1}}
  %y = qnt.matmul %x, %w : (tensor<3x8xf32>, !qnt.qtensor<8xf32, #qnt.uniform<bits = 8, block = [8]>>) -> tensor<3xf32>
  return
}

// -----

func.func @matmul_k_mismatch(%x: tensor<3x4xf32>, %w: !qnt.qtensor<4x8xf32, #qnt.fp8<block = [1, 8]>>) {
  // expected-error@+1 {{'qnt.matmul' op input's last dimension must equal the weight's K = 8, got input shape [3, 4]}}
  %y = qnt.matmul %x, %w : (tensor<3x4xf32>, !qnt.qtensor<4x8xf32, #qnt.fp8<block = [1, 8]>>) -> tensor<3x4xf32>
  return
}

// -----

func.func @matmul_rank0_input(%x: tensor<f32>, %w: !qnt.qtensor<4x8xf32, #qnt.fp8<block = [1, 8]>>) {
  // expected-error@+1 {{'qnt.matmul' op input's last dimension must equal the weight's K = 8, got input shape []}}
  %y = qnt.matmul %x, %w : (tensor<f32>, !qnt.qtensor<4x8xf32, #qnt.fp8<block = [1, 8]>>) -> tensor<4xf32>
  return
}

// -----

func.func @matmul_bias_shape(%x: tensor<3x8xf32>, %w: !qnt.qtensor<4x8xf32, #qnt.fp8<block = [1, 8]>>, %b: tensor<8xf32>) {
  // expected-error@+1 {{'qnt.matmul' op bias has shape [8] but [4] is expected ([N])}}
  %y = qnt.matmul %x, %w bias(%b) : (tensor<3x8xf32>, !qnt.qtensor<4x8xf32, #qnt.fp8<block = [1, 8]>>, tensor<8xf32>) -> tensor<3x4xf32>
  return
}

// -----

func.func @matmul_input_scale_without_act_quant(%x: tensor<3x8xf32>, %w: !qnt.qtensor<4x8xf32, #qnt.fp8<block = [1, 8]>>, %a: tensor<f32>) {
  // expected-error@+1 {{'qnt.matmul' op input_scale is only meaningful with act_quant}}
  %y = qnt.matmul %x, %w input_scale(%a) : (tensor<3x8xf32>, !qnt.qtensor<4x8xf32, #qnt.fp8<block = [1, 8]>>, tensor<f32>) -> tensor<3x4xf32>
  return
}

// -----

func.func @matmul_input_scale_per_token(%x: tensor<3x8xf32>, %w: !qnt.qtensor<4x8xf32, #qnt.fp8<block = [1, 8]>>, %a: tensor<f32>) {
  // expected-error@+1 {{'qnt.matmul' op a static input_scale is one scale for the whole tensor; set act_quant granularity = per_tensor}}
  %y = qnt.matmul %x, %w input_scale(%a) {act_quant = #qnt.act_quant<>} : (tensor<3x8xf32>, !qnt.qtensor<4x8xf32, #qnt.fp8<block = [1, 8]>>, tensor<f32>) -> tensor<3x4xf32>
  return
}

// -----

func.func @matmul_result_shape(%x: tensor<3x8xf32>, %w: !qnt.qtensor<4x8xf32, #qnt.fp8<block = [1, 8]>>) {
  // expected-error@+1 {{'qnt.matmul' op result has shape [3, 8] but [3, 4] is expected (input's leading dimensions, then N)}}
  %y = qnt.matmul %x, %w : (tensor<3x8xf32>, !qnt.qtensor<4x8xf32, #qnt.fp8<block = [1, 8]>>) -> tensor<3x8xf32>
  return
}

// -----

func.func @matmul_result_rank(%x: tensor<2x3x8xf32>, %w: !qnt.qtensor<4x8xf32, #qnt.fp8<block = [1, 8]>>) {
  // expected-error@+1 {{'qnt.matmul' op result has shape [6, 4] but [2, 3, 4] is expected (input's leading dimensions, then N)}}
  %y = qnt.matmul %x, %w : (tensor<2x3x8xf32>, !qnt.qtensor<4x8xf32, #qnt.fp8<block = [1, 8]>>) -> tensor<6x4xf32>
  return
}

//===----------------------------------------------------------------------===//
// ODS constraints
//===----------------------------------------------------------------------===//

// -----

func.func @ods_uniform_float_codes(%codes: tensor<4x8xf32>, %s: tensor<4x1xf32>) {
  // expected-error@+1 {{'qnt.uniform' op operand #0 must be ranked tensor of signless integer values, but got 'tensor<4x8xf32>'}}
  %w = qnt.uniform %codes scales(%s) : (tensor<4x8xf32>, tensor<4x1xf32>) -> !qnt.qtensor<4x8xf32, #qnt.uniform<bits = 8, block = [1, 8]>>
  return
}

// -----

func.func @ods_uniform_integer_scales(%codes: tensor<4x8xi8>, %s: tensor<4x1xi32>) {
  // expected-error@+1 {{'qnt.uniform' op operand #1 must be float tensor or quantized tensor, but got 'tensor<4x1xi32>'}}
  %w = qnt.uniform %codes scales(%s) : (tensor<4x8xi8>, tensor<4x1xi32>) -> !qnt.qtensor<4x8xf32, #qnt.uniform<bits = 8, block = [1, 8]>>
  return
}

// -----

func.func @ods_uniform_wrong_encoding(%codes: tensor<4x8xi8>, %s: tensor<4x1xf32>) {
  // expected-error@+1 {{'qnt.uniform' op result #0 must be quantized tensor with #qnt.uniform encoding, but got '!qnt.qtensor<4x8xf32, #qnt.lut<bits = 4, table = nf4, block = [1, 8]>>'}}
  %w = qnt.uniform %codes scales(%s) : (tensor<4x8xi8>, tensor<4x1xf32>) -> !qnt.qtensor<4x8xf32, #qnt.lut<bits = 4, table = nf4, block = [1, 8]>>
  return
}

// -----

func.func @ods_fp8_integer_codes(%codes: tensor<4x8xi8>, %s: tensor<4x1xf32>) {
  // expected-error@+1 {{'qnt.fp8' op operand #0 must be ranked tensor of f8E4M3FN type or f8E5M2 type values, but got 'tensor<4x8xi8>'}}
  %w = qnt.fp8 %codes scales(%s) : (tensor<4x8xi8>, tensor<4x1xf32>) -> !qnt.qtensor<4x8xf32, #qnt.fp8<block = [1, 8]>>
  return
}

// -----

func.func @ods_e8p_i8_codes(%codes: tensor<4x2xi8>, %s: tensor<f32>) {
  // expected-error@+1 {{'qnt.e8p' op operand #0 must be ranked tensor of 16-bit signless integer values, but got 'tensor<4x2xi8>'}}
  %w = qnt.e8p %codes scale(%s) : (tensor<4x2xi8>, tensor<f32>) -> !qnt.qtensor<4x16xf32, #qnt.e8p>
  return
}

// -----

func.func @ods_e8p_scale_rank(%codes: tensor<4x2xi16>, %s: tensor<1xf32>) {
  // expected-error@+1 {{'qnt.e8p' op operand #1 must be 0D tensor of floating-point values, but got 'tensor<1xf32>'}}
  %w = qnt.e8p %codes scale(%s) : (tensor<4x2xi16>, tensor<1xf32>) -> !qnt.qtensor<4x16xf32, #qnt.e8p>
  return
}

// -----

func.func @ods_bitstack_signs_i1(%signs: tensor<2x4x1xi1>, %u: tensor<2x4x1xf32>, %v: tensor<2x1x8xf32>) {
  // expected-error@+1 {{'qnt.bitstack' op operand #0 must be ranked tensor of 8-bit signless integer values, but got 'tensor<2x4x1xi1>'}}
  %w = qnt.bitstack %signs u(%u) v(%v) : (tensor<2x4x1xi1>, tensor<2x4x1xf32>, tensor<2x1x8xf32>) -> !qnt.qtensor<4x8xf32, #qnt.bitstack<levels = 2, rank = 1>>
  return
}

// -----

func.func @ods_quantize_lut_encoding(%x: tensor<2x4xf32>, %s: tensor<2x1xf32>) {
  // expected-error@+1 {{'qnt.quantize' op attribute 'encoding' failed to satisfy constraint}}
  %q = qnt.quantize %x scales(%s) {encoding = #qnt.lut<bits = 4, table = nf4, block = [1, 4]>} : (tensor<2x4xf32>, tensor<2x1xf32>) -> tensor<2x4xi8>
  return
}

// -----

func.func @ods_matmul_input_scale_rank(%x: tensor<3x8xf32>, %w: !qnt.qtensor<4x8xf32, #qnt.fp8<block = [1, 8]>>, %a: tensor<1xf32>) {
  // expected-error@+1 {{'qnt.matmul' op operand #2 must be 0D tensor of floating-point values, but got 'tensor<1xf32>'}}
  %y = qnt.matmul %x, %w input_scale(%a) {act_quant = #qnt.act_quant<granularity = per_tensor>} : (tensor<3x8xf32>, !qnt.qtensor<4x8xf32, #qnt.fp8<block = [1, 8]>>, tensor<1xf32>) -> tensor<3x4xf32>
  return
}

// -----

func.func @ods_matmul_act_quant_kind(%x: tensor<3x8xf32>, %w: !qnt.qtensor<4x8xf32, #qnt.fp8<block = [1, 8]>>) {
  // expected-error@+1 {{'qnt.matmul' op attribute 'act_quant' failed to satisfy constraint}}
  %y = qnt.matmul %x, %w {act_quant = #qnt.packing<bits = 8>} : (tensor<3x8xf32>, !qnt.qtensor<4x8xf32, #qnt.fp8<block = [1, 8]>>) -> tensor<3x4xf32>
  return
}

// -----

func.func @ods_observe_integer(%x: tensor<4xi32>) {
  // expected-error@+1 {{'qnt.observe' op operand #0 must be ranked tensor of floating-point values, but got 'tensor<4xi32>'}}
  %y = qnt.observe %x {name = "x"} : tensor<4xi32>
  return
}

// -----

func.func @ods_observe_without_name(%x: tensor<4xf32>) {
  // expected-error@+1 {{'qnt.observe' op requires attribute 'name'}}
  %y = qnt.observe %x : tensor<4xf32>
  return
}

// -----

// A tile size large enough to overflow the byte count is rejected.
// expected-error@+1 {{packing tile sizes must be in [1, 2^24]}}
func.func private @tile_overflow() -> () attributes {p = #qnt.packing<bits = 4, tile = [4611686018427387904, 4]>}

// -----

func.func @vector_residual_indices_alone(%idx: tensor<4x2xi16>, %c: tensor<256x4xf32>, %ridx: tensor<4x2xi8>) {
  // expected-error@+1 {{residual indices and residual centroids must be given together}}
  %w = "qnt.vector"(%idx, %c, %ridx) <{operandSegmentSizes = array<i32: 1, 1, 1, 0, 0, 0>}> : (tensor<4x2xi16>, tensor<256x4xf32>, tensor<4x2xi8>) -> !qnt.qtensor<4x8xf32, #qnt.vector<dim = 4, centroids = 256, residual_centroids = 16>>
  return
}

// -----

func.func @vector_residual_centroids_alone(%idx: tensor<4x2xi16>, %c: tensor<256x4xf32>, %r: tensor<16x4xf32>) {
  // expected-error@+1 {{residual indices and residual centroids must be given together}}
  %w = "qnt.vector"(%idx, %c, %r) <{operandSegmentSizes = array<i32: 1, 1, 0, 1, 0, 0>}> : (tensor<4x2xi16>, tensor<256x4xf32>, tensor<16x4xf32>) -> !qnt.qtensor<4x8xf32, #qnt.vector<dim = 4, centroids = 256>>
  return
}

// -----

func.func @vector_index_too_narrow(%idx: tensor<4x2xi1>, %c: tensor<256x4xf32>) {
  // expected-error@+1 {{indices of type 'i1' cannot address 256 entries; use a wider integer}}
  %w = qnt.vector %idx centroids(%c) : (tensor<4x2xi1>, tensor<256x4xf32>) -> !qnt.qtensor<4x8xf32, #qnt.vector<dim = 4, centroids = 256>>
  return
}

// -----

func.func @group_index_scales_rank(%c: tensor<4x8xi8>, %s: tensor<4xf32>, %g: tensor<8xi32>) {
  // expected-error@+1 {{with group_index, scales must be rank-2 [N / block[0], number of groups], got shape [4]}}
  %w = qnt.uniform %c scales(%s) group_index(%g) : (tensor<4x8xi8>, tensor<4xf32>, tensor<8xi32>) -> !qnt.qtensor<4x8xf32, #qnt.uniform<bits = 4, block = [1, 4]>>
  return
}

// -----

func.func @quantize_dynamic(%x: tensor<?x4xf32>, %s: tensor<1x1xf32>) {
  // expected-error@+1 {{needs a static input shape to place its blocks, got 'tensor<?x4xf32>'}}
  %q = qnt.quantize %x scales(%s) {encoding = #qnt.uniform<bits = 8, block = [3, 4]>} : (tensor<?x4xf32>, tensor<1x1xf32>) -> tensor<3x4xi8>
  return
}

// -----

func.func @matmul_result_float_type(%x: tensor<2x8xf16>, %w: !qnt.qtensor<4x8xf32, #qnt.uniform<bits = 8, block = [1, 8]>>) {
  // expected-error@+1 {{result element type must be the input's, 'f16'}}
  %y = qnt.matmul %x, %w : (tensor<2x8xf16>, !qnt.qtensor<4x8xf32, #qnt.uniform<bits = 8, block = [1, 8]>>) -> tensor<2x4xf32>
  return
}

// -----

func.func @matmul_bias_float_type(%x: tensor<2x8xf32>, %w: !qnt.qtensor<4x8xf32, #qnt.uniform<bits = 8, block = [1, 8]>>, %b: tensor<4xbf16>) {
  // expected-error@+1 {{bias element type must be the input's, 'f32'}}
  %y = qnt.matmul %x, %w bias(%b) : (tensor<2x8xf32>, !qnt.qtensor<4x8xf32, #qnt.uniform<bits = 8, block = [1, 8]>>, tensor<4xbf16>) -> tensor<2x4xf32>
  return
}
