// RUN: quench-opt %s --quench-nvptx-split-reductions --split-input-file | FileCheck %s
// RUN: quench-opt %s --quench-nvptx-split-reductions=min-parallel=64 --split-input-file | FileCheck %s --check-prefix=FEW

// A one-row matmul: 256 outputs of 384-long dot products become 32 x 256
// partial sums of 12 products (the partial index outermost), then 256 sums
// of 32 partials.
// CHECK-LABEL: func @gemv
// CHECK: %[[A:.*]] = tensor.expand_shape %{{.*}} {{\[\[}}0], [1, 2]] output_shape [1, 32, 12] : tensor<1x384xf32> into tensor<1x32x12xf32>
// CHECK: %[[B:.*]] = tensor.expand_shape %{{.*}} {{\[\[}}0, 1], [2]] output_shape [32, 12, 256] : tensor<384x256xf32> into tensor<32x12x256xf32>
// CHECK: %[[ZERO:.*]] = linalg.fill {{.*}} -> tensor<32x1x256xf32>
// CHECK: %[[PARTIAL:.*]] = linalg.generic
// CHECK-SAME: iterator_types = ["parallel", "parallel", "parallel", "reduction"]
// CHECK-SAME: ins(%[[A]], %[[B]] : tensor<1x32x12xf32>, tensor<32x12x256xf32>) outs(%[[ZERO]] : tensor<32x1x256xf32>)
// CHECK: %[[SUM:.*]] = linalg.generic
// CHECK-SAME: iterator_types = ["parallel", "parallel", "reduction"]
// CHECK-SAME: ins(%[[PARTIAL]] : tensor<32x1x256xf32>) outs(%{{.*}} : tensor<1x256xf32>)
// CHECK: return %[[SUM]]
// FEW-LABEL: func @gemv
// FEW-NOT: tensor.expand_shape
// FEW: linalg.matmul
func.func @gemv(%a: tensor<1x384xf32>, %b: tensor<384x256xf32>) -> tensor<1x256xf32> {
  %zero = arith.constant 0.0 : f32
  %empty = tensor.empty() : tensor<1x256xf32>
  %init = linalg.fill ins(%zero : f32) outs(%empty : tensor<1x256xf32>) -> tensor<1x256xf32>
  %c = linalg.matmul ins(%a, %b : tensor<1x384xf32>, tensor<384x256xf32>) outs(%init : tensor<1x256xf32>) -> tensor<1x256xf32>
  return %c : tensor<1x256xf32>
}

// -----

// Enough outputs (128 x 256 >= 16384): one thread per output, unchanged.
// CHECK-LABEL: func @gemm
// CHECK-NOT: tensor.expand_shape
// CHECK: linalg.matmul
func.func @gemm(%a: tensor<128x384xf32>, %b: tensor<384x256xf32>) -> tensor<128x256xf32> {
  %zero = arith.constant 0.0 : f32
  %empty = tensor.empty() : tensor<128x256xf32>
  %init = linalg.fill ins(%zero : f32) outs(%empty : tensor<128x256xf32>) -> tensor<128x256xf32>
  %c = linalg.matmul ins(%a, %b : tensor<128x384xf32>, tensor<384x256xf32>) outs(%init : tensor<128x256xf32>) -> tensor<128x256xf32>
  return %c : tensor<128x256xf32>
}

// -----

// A short reduction (48 < 64) is not worth splitting.
// CHECK-LABEL: func @short
// CHECK-NOT: tensor.expand_shape
// CHECK: linalg.matmul
func.func @short(%a: tensor<1x48xf32>, %b: tensor<48x256xf32>) -> tensor<1x256xf32> {
  %zero = arith.constant 0.0 : f32
  %empty = tensor.empty() : tensor<1x256xf32>
  %init = linalg.fill ins(%zero : f32) outs(%empty : tensor<1x256xf32>) -> tensor<1x256xf32>
  %c = linalg.matmul ins(%a, %b : tensor<1x48xf32>, tensor<48x256xf32>) outs(%init : tensor<1x256xf32>) -> tensor<1x256xf32>
  return %c : tensor<1x256xf32>
}

// -----

// A row maximum over 1000 elements (not a divisor of 32: 25 partials of 40).
// CHECK-LABEL: func @row_max
// CHECK: tensor.expand_shape %{{.*}} output_shape [4, 25, 40]
// CHECK: linalg.fill ins(%{{.*}} : f32) outs(%{{.*}} : tensor<25x4xf32>)
// CHECK: arith.maximumf
// CHECK: linalg.generic
// CHECK-SAME: iterator_types = ["parallel", "reduction"]
// CHECK: arith.maximumf
#in = affine_map<(d0, d1) -> (d0, d1)>
#out = affine_map<(d0, d1) -> (d0)>
func.func @row_max(%x: tensor<4x1000xf32>, %init: tensor<4xf32>) -> tensor<4xf32> {
  %m = linalg.generic {indexing_maps = [#in, #out], iterator_types = ["parallel", "reduction"]}
      ins(%x : tensor<4x1000xf32>) outs(%init : tensor<4xf32>) {
  ^bb0(%v: f32, %acc: f32):
    %r = arith.maximumf %v, %acc : f32
    linalg.yield %r : f32
  } -> tensor<4xf32>
  return %m : tensor<4xf32>
}

// -----

// A column sum (reduction outer) is interchanged: one parallel loop nest.
// CHECK-LABEL: func @column_sum
// CHECK: linalg.generic {indexing_maps = [#[[IN:.*]], #[[OUT:.*]]], iterator_types = ["parallel", "reduction"]}
#cin = affine_map<(d0, d1) -> (d0, d1)>
#cout = affine_map<(d0, d1) -> (d1)>
func.func @column_sum(%x: tensor<8x64xf32>, %init: tensor<64xf32>) -> tensor<64xf32> {
  %s = linalg.generic {indexing_maps = [#cin, #cout], iterator_types = ["reduction", "parallel"]}
      ins(%x : tensor<8x64xf32>) outs(%init : tensor<64xf32>) {
  ^bb0(%v: f32, %acc: f32):
    %r = arith.addf %v, %acc : f32
    linalg.yield %r : f32
  } -> tensor<64xf32>
  return %s : tensor<64xf32>
}
