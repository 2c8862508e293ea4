// RUN: quench-opt %s --quench-nvptx-tile-contractions --cse --split-input-file | FileCheck %s
// RUN: quench-opt %s --quench-nvptx-tile-contractions=min-blocks=1 --cse --split-input-file | FileCheck %s --check-prefix=BIG

// 100 x 37 x 70: nothing divides, so every staged element is clamped and
// zero-filled, every store guarded. 32x32 tiles (the largest with enough
// blocks): 4 x 3 blocks of 8 x 8 threads, 4x4 outputs each.
// CHECK-LABEL: func @odd_matmul
// CHECK-DAG: %[[C12:.*]] = arith.constant 12 : index
// CHECK-DAG: %[[C64:.*]] = arith.constant 64 : index
// CHECK: gpu.launch blocks(%[[BX:.*]], %{{.*}}, %{{.*}}) in (%{{.*}} = %[[C12]], {{.*}} threads(%[[TX:.*]], %{{.*}}, %{{.*}}) in (%{{.*}} = %[[C64]],
// CHECK-SAME: workgroup(%[[LT:.*]] : memref<16x33xf32, #gpu.address_space<workgroup>>, %[[RT:.*]] : memref<16x33xf32, #gpu.address_space<workgroup>>)
// The first slice: A's rows are stored k-fastest, so consecutive threads
// take consecutive k; positions clamped, out-of-range elements zero.
// CHECK: %[[KK:.*]] = arith.remui %[[TX]], %[[C16:c16]] : index
// CHECK: %[[MM:.*]] = arith.divui %[[TX]], %[[C16]] : index
// CHECK: %[[MOK:.*]] = arith.cmpi ult, %{{.*}}, %{{.*}} : index
// CHECK: %[[MC:.*]] = arith.minui
// CHECK: %[[KOK:.*]] = arith.cmpi ult
// CHECK: %[[OK:.*]] = arith.andi %[[MOK]], %[[KOK]]
// CHECK: %[[KC:.*]] = arith.minui
// CHECK: %[[A:.*]] = memref.load %arg0[%[[MC]], %[[KC]]] : memref<100x37xf32>
// B is n-fastest.
// CHECK: memref.load %arg1[%{{.*}}, %{{.*}}] : memref<37x70xf32>
// CHECK: %[[AZ:.*]] = arith.select %[[OK]], %[[A]], %{{.*}} : f32
// CHECK: memref.store %[[AZ]], %[[LT]][%[[KK]], %[[MM]]]
// CHECK: memref.store %{{.*}}, %[[RT]]
// CHECK: gpu.barrier
// Then per slice: the next slice's loads, this slice's products, the next
// slice's stores.
// CHECK: %[[ACC:.*]]:16 = scf.for %[[K0:.*]] = %{{.*}} to %{{.*}} step %{{.*}} iter_args
// CHECK: arith.addi %[[K0]], %[[C16]]
// CHECK: memref.load %arg0
// CHECK: memref.load %arg1
// CHECK-NOT: memref.store
// CHECK-COUNT-16: math.fma
// CHECK: gpu.barrier
// CHECK: memref.store %{{.*}}, %[[LT]]
// CHECK: memref.store %{{.*}}, %[[RT]]
// CHECK: gpu.barrier
// CHECK: scf.yield
// CHECK: scf.if
// CHECK: %[[OLD:.*]] = memref.load %arg2
// CHECK: %[[NEW:.*]] = arith.addf %[[OLD]], %[[ACC]]#0 : f32
// CHECK: memref.store %[[NEW]], %arg2
// CHECK-NOT: linalg.matmul
func.func @odd_matmul(%a: memref<100x37xf32>, %b: memref<37x70xf32>, %c: memref<100x70xf32>) {
  linalg.matmul ins(%a, %b : memref<100x37xf32>, memref<37x70xf32>) outs(%c : memref<100x70xf32>)
  return
}

// -----

// A fused producer (exp of the gate times the up projection) and a weight
// stored [N, K]: the factors are written `W * x`, but the columns are the
// output's fastest dimension, so W is staged as the column side, k-fastest;
// exp runs once per staged element. 64 x 40: exact in rows, guarded columns.
// CHECK-LABEL: func @gated
// CHECK: gpu.launch
// CHECK: %[[G:.*]] = memref.load %arg0
// CHECK: %[[U:.*]] = memref.load %arg1
// CHECK: memref.load %arg2[%{{.*}}, %{{.*}}] : memref<40x48xf32>
// CHECK: %[[E:.*]] = math.exp %[[G]] : f32
// CHECK: arith.mulf %[[E]], %[[U]] : f32
// CHECK: gpu.barrier
// CHECK: scf.for
// CHECK: math.fma
// CHECK-NOT: linalg.generic
#lhs = affine_map<(d0, d1, d2) -> (d0, d2)>
#rhs = affine_map<(d0, d1, d2) -> (d1, d2)>
#out = affine_map<(d0, d1, d2) -> (d0, d1)>
func.func @gated(%g: memref<64x48xf32>, %u: memref<64x48xf32>, %w: memref<40x48xf32>, %c: memref<64x40xf32>) {
  linalg.generic {indexing_maps = [#lhs, #lhs, #rhs, #out], iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%g, %u, %w : memref<64x48xf32>, memref<64x48xf32>, memref<40x48xf32>) outs(%c : memref<64x40xf32>) {
  ^bb0(%a: f32, %b: f32, %x: f32, %o: f32):
    %e = math.exp %a : f32
    %p = arith.mulf %e, %b : f32
    %q = arith.mulf %x, %p : f32
    %s = arith.addf %o, %q : f32
    linalg.yield %s : f32
  }
  return
}

// -----

// Batched: 2 x 256 x 256 outputs. With the default min-blocks (128) the
// tiles shrink to 32x32 (128 blocks); with min-blocks=1 they are 128x128
// (8 blocks of 16 x 16 threads, 8x8 outputs each, no guards).
// CHECK-LABEL: func @batched
// CHECK-DAG: %[[C128:.*]] = arith.constant 128 : index
// CHECK: gpu.launch blocks({{.*}}) in (%{{.*}} = %[[C128]],
// CHECK-SAME: memref<16x33xf32, #gpu.address_space<workgroup>>
// BIG-LABEL: func @batched
// BIG-DAG: %[[C8:.*]] = arith.constant 8 : index
// BIG-DAG: %[[C256:.*]] = arith.constant 256 : index
// BIG: gpu.launch blocks({{.*}}) in (%{{.*}} = %[[C8]], {{.*}} threads({{.*}}) in (%{{.*}} = %[[C256]],
// BIG-SAME: memref<16x129xf32, #gpu.address_space<workgroup>>
// BIG: scf.for {{.*}} -> (f32
// BIG-NOT: arith.select
// BIG-COUNT-64: math.fma
// BIG-NOT: scf.if
// BIG: gpu.terminator
func.func @batched(%a: memref<2x256x64xf32>, %b: memref<2x64x256xf32>, %c: memref<2x256x256xf32>) {
  linalg.batch_matmul ins(%a, %b : memref<2x256x64xf32>, memref<2x64x256xf32>) outs(%c : memref<2x256x256xf32>)
  return
}

// -----

// Left alone: too few rows (a one-token matmul keeps the split-reduction
// mapping), a sum of squares (both factors read the same dimensions: no
// columns), and an op that reads the buffer it writes.
// Named contractions are generalized where the buffers allow the kernel.
// CHECK-LABEL: func @left_alone
// CHECK-NOT: gpu.launch
// CHECK: linalg.generic {{.*}} ins(%arg0, %arg1 : memref<8x64xf32>, memref<64x64xf32>)
// CHECK: linalg.generic {{.*}} ins(%arg0 : memref<8x64xf32>)
// CHECK: linalg.matmul ins(%arg4, %arg1 : memref<64x64xf32>, memref<64x64xf32>)
#row = affine_map<(d0, d1) -> (d0, d1)>
#red = affine_map<(d0, d1) -> (d0)>
func.func @left_alone(%x: memref<8x64xf32>, %w: memref<64x64xf32>, %y: memref<8x64xf32>,
                      %sq: memref<8xf32>, %s: memref<64x64xf32>) {
  linalg.matmul ins(%x, %w : memref<8x64xf32>, memref<64x64xf32>) outs(%y : memref<8x64xf32>)
  linalg.generic {indexing_maps = [#row, #red], iterator_types = ["parallel", "reduction"]}
      ins(%x : memref<8x64xf32>) outs(%sq : memref<8xf32>) {
  ^bb0(%a: f32, %o: f32):
    %p = arith.mulf %a, %a : f32
    %r = arith.addf %o, %p : f32
    linalg.yield %r : f32
  }
  linalg.matmul ins(%s, %w : memref<64x64xf32>, memref<64x64xf32>) outs(%s : memref<64x64xf32>)
  return
}

// -----

// The fill that zeroes a matmul's output right before it is folded: the
// kernel stores start + sum without reading the output, and the fill goes.
// Not when something else touches the buffer in between.
// CHECK-LABEL: func @filled
// CHECK-NOT: linalg.fill
// CHECK: gpu.launch
// CHECK-NOT: memref.load %arg2
// CHECK: %[[SUM:.*]] = arith.addf %arg3, %{{.*}} : f32
// CHECK: memref.store %[[SUM]], %arg2
// CHECK: gpu.terminator
// CHECK: linalg.fill ins(%arg3 : f32) outs(%arg5
// CHECK: memref.copy
// CHECK: gpu.launch
// CHECK: memref.load %arg5
func.func @filled(%a: memref<64x32xf32>, %b: memref<32x64xf32>, %c: memref<64x64xf32>, %zero: f32,
                  %d: memref<64x64xf32>, %e: memref<64x64xf32>) {
  linalg.fill ins(%zero : f32) outs(%c : memref<64x64xf32>)
  linalg.matmul ins(%a, %b : memref<64x32xf32>, memref<32x64xf32>) outs(%c : memref<64x64xf32>)
  linalg.fill ins(%zero : f32) outs(%e : memref<64x64xf32>)
  memref.copy %e, %d : memref<64x64xf32> to memref<64x64xf32>
  linalg.matmul ins(%a, %b : memref<64x32xf32>, memref<32x64xf32>) outs(%e : memref<64x64xf32>)
  return
}

// -----

// A fill several matmuls share reaches them through copies (as
// bufferization writes it): each copy goes, then the fill.
// CHECK-LABEL: func @shared_fill
// CHECK-NOT: linalg.fill
// CHECK-NOT: linalg.copy
// CHECK: gpu.launch
// CHECK: arith.addf %arg2
// CHECK: gpu.launch
// CHECK: arith.addf %arg2
// CHECK-NOT: linalg.fill
func.func @shared_fill(%a: memref<64x32xf32>, %b: memref<32x64xf32>, %zero: f32,
                       %c: memref<64x64xf32>, %d: memref<64x64xf32>) {
  %filled = memref.alloc() : memref<64x64xf32>
  linalg.fill ins(%zero : f32) outs(%filled : memref<64x64xf32>)
  linalg.copy ins(%filled : memref<64x64xf32>) outs(%c : memref<64x64xf32>)
  linalg.matmul ins(%a, %b : memref<64x32xf32>, memref<32x64xf32>) outs(%c : memref<64x64xf32>)
  linalg.copy ins(%filled : memref<64x64xf32>) outs(%d : memref<64x64xf32>)
  linalg.matmul ins(%a, %b : memref<64x32xf32>, memref<32x64xf32>) outs(%d : memref<64x64xf32>)
  return
}
