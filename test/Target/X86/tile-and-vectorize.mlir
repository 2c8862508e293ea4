// RUN: quench-opt %s --pass-pipeline='builtin.module(func.func(quench-x86-tile-and-vectorize{vector-bits=512}))' | FileCheck %s
// RUN: quench-opt %s --pass-pipeline='builtin.module(func.func(quench-x86-tile-and-vectorize{vector-bits=256}))' | FileCheck %s --check-prefix=AVX2

// A 128x96 * 96x256 matmul: 2x2 cache blocks of 64x128 in an scf.forall
// (one thread task each) with the fill fused; register tiles of 8 rows x two
// vector registers (32 lanes with AVX-512, 16 with AVX2); the reduction walks
// one column of A at a time with the accumulator carried in registers.
// CHECK-LABEL: func.func @matmul
// CHECK: scf.forall (%{{.*}}, %{{.*}}) = (0, 0) to (128, 256) step (64, 128)
// CHECK:   vector.transfer_write {{.*}} : vector<64x128xf32>
// CHECK:   scf.for {{.*}} step %c32
// CHECK:     scf.for {{.*}} step %c8
// CHECK:       scf.for {{.*}} iter_args({{.*}}) -> ({{.*}}vector<8x32xf32>)
// CHECK:         vector.contract {{.*}} : vector<8x1xf32>, vector<1x32xf32> into vector<8x32xf32>
// AVX2: vector.contract {{.*}} : vector<8x1xf32>, vector<1x16xf32> into vector<8x16xf32>
func.func @matmul(%a: tensor<128x96xf32>, %b: tensor<96x256xf32>) -> tensor<128x256xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<128x256xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<128x256xf32>) -> tensor<128x256xf32>
  %m = linalg.matmul ins(%a, %b : tensor<128x96xf32>, tensor<96x256xf32>) outs(%f : tensor<128x256xf32>) -> tensor<128x256xf32>
  return %m : tensor<128x256xf32>
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
