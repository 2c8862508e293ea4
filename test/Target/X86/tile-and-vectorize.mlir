// RUN: quench-opt %s --pass-pipeline='builtin.module(func.func(quench-x86-tile-and-vectorize{vector-bits=512}))' | FileCheck %s
// RUN: quench-opt %s --pass-pipeline='builtin.module(func.func(quench-x86-tile-and-vectorize{vector-bits=256}))' | FileCheck %s --check-prefix=AVX2

// A 120x96 * 96x256 matmul: cache blocks of 60x128 in an scf.forall (one
// thread task each) with the fill fused; register tiles of 6 rows x two
// vector registers (32 lanes with AVX-512, 16 with AVX2); the reduction walks
// one column of A at a time with the accumulator carried in registers.
// CHECK-LABEL: func.func @matmul
// CHECK: scf.forall (%{{.*}}, %{{.*}}) = (0, 0) to (120, 256) step (60, 128)
// CHECK:   linalg.fill {{.*}} -> tensor<60x128xf32>
// CHECK:   scf.for {{.*}} step %c32
// CHECK:     scf.for {{.*}} step %c6
// CHECK:       scf.for {{.*}} iter_args({{.*}}) -> ({{.*}}vector<6x32xf32>)
// CHECK:         vector.contract {{.*}} : vector<6x1xf32>, vector<1x32xf32> into vector<6x32xf32>
// AVX2-LABEL: func.func @matmul
// AVX2: vector.contract {{.*}} : vector<6x1xf32>, vector<1x16xf32> into vector<6x16xf32>
func.func @matmul(%a: tensor<120x96xf32>, %b: tensor<96x256xf32>) -> tensor<120x256xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<120x256xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<120x256xf32>) -> tensor<120x256xf32>
  %m = linalg.matmul ins(%a, %b : tensor<120x96xf32>, tensor<96x256xf32>) outs(%f : tensor<120x256xf32>) -> tensor<120x256xf32>
  return %m : tensor<120x256xf32>
}

// 128 rows are not a multiple of 6: the first 120 (two whole blocks of 60)
// split off with 6-row register tiles, the last 8 rows use 4-row tiles; each
// part gets its own fill.
// CHECK-LABEL: func.func @matmul_row_tail
// CHECK: scf.forall {{.*}} = (0, 0) to (120, 256) step (60, 128)
// CHECK:   linalg.fill
// CHECK:   vector.contract {{.*}} into vector<6x32xf32>
// CHECK: tensor.insert_slice {{.*}}[0, 0] [120, 256]
// CHECK: scf.forall {{.*}} to (256) step (128)
// CHECK:   linalg.fill
// CHECK:   vector.contract {{.*}} into vector<4x32xf32>
// CHECK: tensor.insert_slice {{.*}}[120, 0] [8, 256]
func.func @matmul_row_tail(%a: tensor<128x96xf32>, %b: tensor<96x256xf32>) -> tensor<128x256xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<128x256xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<128x256xf32>) -> tensor<128x256xf32>
  %m = linalg.matmul ins(%a, %b : tensor<128x96xf32>, tensor<96x256xf32>) outs(%f : tensor<128x256xf32>) -> tensor<128x256xf32>
  return %m : tensor<128x256xf32>
}

// ONNX MatMul of [1, M, K] by [K, N] arrives as a linalg.generic with a unit
// dimension: the unit dimension is dropped and the register tile is again a
// vector.contract (not a multiply on vector<6x32x1>, which LLVM scalarizes).
// CHECK-LABEL: func.func @generic_matmul_unit_batch
// CHECK-NOT: vector<6x32x1xf32>
// CHECK: vector.contract {{.*}} : vector<6x1xf32>, vector<1x32xf32> into vector<6x32xf32>
// CHECK: tensor.expand_shape {{.*}} into tensor<1x120x256xf32>
func.func @generic_matmul_unit_batch(%a: tensor<1x120x96xf32>, %b: tensor<96x256xf32>) -> tensor<1x120x256xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x120x256xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x120x256xf32>) -> tensor<1x120x256xf32>
  %m = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d3)>,
                                        affine_map<(d0, d1, d2, d3) -> (d3, d2)>,
                                        affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>],
                       iterator_types = ["parallel", "parallel", "parallel", "reduction"]}
      ins(%a, %b : tensor<1x120x96xf32>, tensor<96x256xf32>) outs(%f : tensor<1x120x256xf32>) {
  ^bb0(%x: f32, %y: f32, %acc: f32):
    %p = arith.mulf %x, %y : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  } -> tensor<1x120x256xf32>
  return %m : tensor<1x120x256xf32>
}

// A long row reduction (a softmax denominator) walks its row four vector
// registers at a time instead of holding all 512 lanes in registers.
// CHECK-LABEL: func.func @row_sum_exp
// CHECK: scf.for {{.*}} to %c512 step %c64 iter_args({{.*}}vector<1xf32>)
// CHECK:   math.exp {{.*}} : vector<1x64xf32>
// CHECK:   vector.multi_reduction <add>, {{.*}} [1] : vector<1x64xf32> to vector<1xf32>
// AVX2-LABEL: func.func @row_sum_exp
// AVX2: math.exp {{.*}} : vector<1x32xf32>
func.func @row_sum_exp(%x: tensor<64x512xf32>) -> tensor<64xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<64xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<64xf32>) -> tensor<64xf32>
  %r = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0)>],
                       iterator_types = ["parallel", "reduction"]}
      ins(%x : tensor<64x512xf32>) outs(%f : tensor<64xf32>) {
  ^bb0(%in: f32, %acc: f32):
    %t = math.exp %in : f32
    %s = arith.addf %t, %acc : f32
    linalg.yield %s : f32
  } -> tensor<64xf32>
  return %r : tensor<64xf32>
}

// An element-wise op with enough work is split over threads along its outer
// dimension and vectorized along the inner one (4 registers per tile).
// CHECK-LABEL: func.func @elementwise
// CHECK: scf.forall
// CHECK: math.tanh {{.*}} : vector<1x64xf32>
func.func @elementwise(%x: tensor<512x512xf32>) -> tensor<512x512xf32> {
  %e = tensor.empty() : tensor<512x512xf32>
  %r = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>],
                       iterator_types = ["parallel", "parallel"]}
      ins(%x : tensor<512x512xf32>) outs(%e : tensor<512x512xf32>) {
  ^bb0(%in: f32, %out: f32):
    %t = math.tanh %in : f32
    linalg.yield %t : f32
  } -> tensor<512x512xf32>
  return %r : tensor<512x512xf32>
}

// Ops on i1 stay scalar: a memref of i1 stores a byte per element, a vector
// of i1 a bit per lane.
// CHECK-LABEL: func.func @bool_and
// CHECK-NOT: vector.transfer_read
// CHECK: arith.andi {{.*}} : i1
func.func @bool_and(%x: tensor<64x64xi1>, %y: tensor<64x64xi1>) -> tensor<64x64xi1> {
  %e = tensor.empty() : tensor<64x64xi1>
  %r = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>],
                       iterator_types = ["parallel", "parallel"]}
      ins(%x, %y : tensor<64x64xi1>, tensor<64x64xi1>) outs(%e : tensor<64x64xi1>) {
  ^bb0(%a: i1, %b: i1, %out: i1):
    %t = arith.andi %a, %b : i1
    linalg.yield %t : i1
  } -> tensor<64x64xi1>
  return %r : tensor<64x64xi1>
}

// A weight computed in [N, K] layout (as qnt.matmul's dequantization writes
// it) and read only by a contraction over K: the producer writes [K, N]
// instead, its loops swapped so the writes stay contiguous (its
// linalg.index 0, the row n, is now the inner dimension: a vector.step),
// and the contraction becomes a plain matmul with register tiles loading
// rows of B.
// CHECK-LABEL: func.func @computed_transposed_weight
// CHECK: %[[W:.*]] = scf.for {{.*}} -> (tensor<96x256xf32>)
// CHECK:   vector.transfer_read {{.*}} : tensor<64x1xi8>, vector<64x1xi8>
// CHECK:   vector.step : vector<64xindex>
// CHECK:   vector.transfer_write {{.*}} : vector<1x64xf32>, tensor<1x64xf32>
// CHECK: scf.forall (%{{.*}}, %{{.*}}) = (0, 0) to (120, 256) step (60, 128)
// CHECK:   tensor.extract_slice %[[W]][0, %{{.*}}] [96, 128] [1, 1] : tensor<96x256xf32> to tensor<96x128xf32>
// CHECK:   vector.contract {{.*}} : vector<6x1xf32>, vector<1x32xf32> into vector<6x32xf32>
func.func @computed_transposed_weight(%a: tensor<120x96xf32>, %codes: tensor<256x96xi8>) -> tensor<120x256xf32> {
  %zero = arith.constant 0.0 : f32
  %ew = tensor.empty() : tensor<256x96xf32>
  %w = linalg.generic {indexing_maps = [affine_map<(n, k) -> (n, k)>, affine_map<(n, k) -> (n, k)>], iterator_types = ["parallel", "parallel"]} ins(%codes : tensor<256x96xi8>) outs(%ew : tensor<256x96xf32>) {
  ^bb0(%c: i8, %o: f32):
    %n = linalg.index 0 : index
    %ni = arith.index_cast %n : index to i32
    %nf = arith.sitofp %ni : i32 to f32
    %cf = arith.sitofp %c : i8 to f32
    %v = arith.mulf %cf, %nf : f32
    linalg.yield %v : f32
  } -> tensor<256x96xf32>
  %e = tensor.empty() : tensor<120x256xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<120x256xf32>) -> tensor<120x256xf32>
  %y = linalg.generic {indexing_maps = [affine_map<(i, j, k) -> (i, k)>, affine_map<(i, j, k) -> (j, k)>, affine_map<(i, j, k) -> (i, j)>], iterator_types = ["parallel", "parallel", "reduction"]} ins(%a, %w : tensor<120x96xf32>, tensor<256x96xf32>) outs(%f : tensor<120x256xf32>) {
  ^bb0(%x: f32, %b: f32, %acc: f32):
    %m = arith.mulf %x, %b : f32
    %s = arith.addf %acc, %m : f32
    linalg.yield %s : f32
  } -> tensor<120x256xf32>
  return %y : tensor<120x256xf32>
}

// A [N, K] weight that is an argument is read as it is.
// CHECK-LABEL: func.func @argument_transposed_weight
// CHECK-NOT: tensor<96x256xf32>
// CHECK: return
func.func @argument_transposed_weight(%a: tensor<120x96xf32>, %w: tensor<256x96xf32>) -> tensor<120x256xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<120x256xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<120x256xf32>) -> tensor<120x256xf32>
  %y = linalg.generic {indexing_maps = [affine_map<(i, j, k) -> (i, k)>, affine_map<(i, j, k) -> (j, k)>, affine_map<(i, j, k) -> (i, j)>], iterator_types = ["parallel", "parallel", "reduction"]} ins(%a, %w : tensor<120x96xf32>, tensor<256x96xf32>) outs(%f : tensor<120x256xf32>) {
  ^bb0(%x: f32, %b: f32, %acc: f32):
    %m = arith.mulf %x, %b : f32
    %s = arith.addf %acc, %m : f32
    linalg.yield %s : f32
  } -> tensor<120x256xf32>
  return %y : tensor<120x256xf32>
}

// A producer that reads its init (here it adds to %w0) keeps its layout: its
// result is not a fresh tensor that could be written transposed.
// CHECK-LABEL: func.func @producer_reads_init
// CHECK-NOT: tensor<96x256xf32>
// CHECK: return
func.func @producer_reads_init(%a: tensor<120x96xf32>, %codes: tensor<256x96xi8>, %w0: tensor<256x96xf32>) -> tensor<120x256xf32> {
  %zero = arith.constant 0.0 : f32
  %w = linalg.generic {indexing_maps = [affine_map<(n, k) -> (n, k)>, affine_map<(n, k) -> (n, k)>], iterator_types = ["parallel", "parallel"]} ins(%codes : tensor<256x96xi8>) outs(%w0 : tensor<256x96xf32>) {
  ^bb0(%c: i8, %o: f32):
    %cf = arith.sitofp %c : i8 to f32
    %v = arith.addf %cf, %o : f32
    linalg.yield %v : f32
  } -> tensor<256x96xf32>
  %e = tensor.empty() : tensor<120x256xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<120x256xf32>) -> tensor<120x256xf32>
  %y = linalg.generic {indexing_maps = [affine_map<(i, j, k) -> (i, k)>, affine_map<(i, j, k) -> (j, k)>, affine_map<(i, j, k) -> (i, j)>], iterator_types = ["parallel", "parallel", "reduction"]} ins(%a, %w : tensor<120x96xf32>, tensor<256x96xf32>) outs(%f : tensor<120x256xf32>) {
  ^bb0(%x: f32, %b: f32, %acc: f32):
    %m = arith.mulf %x, %b : f32
    %s = arith.addf %acc, %m : f32
    linalg.yield %s : f32
  } -> tensor<120x256xf32>
  return %y : tensor<120x256xf32>
}
