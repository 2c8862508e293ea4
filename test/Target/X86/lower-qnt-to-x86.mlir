// RUN: quench-opt %s --lower-qnt-to-x86=vector-bits=128 --split-input-file | FileCheck %s
// RUN: quench-opt %s --lower-qnt-to-x86="vector-bits=128 max-rows=1" --split-input-file | FileCheck %s --check-prefix=ROWS
// RUN: quench-opt %s --lower-qnt-to-x86="vector-bits=128 int8-activations=1 vnni=1" --split-input-file | FileCheck %s --check-prefix=INT8

!w4 = !qnt.qtensor<8x16xf32, #qnt.uniform<bits = 4, signedness = unsigned, block = [1, 16], zero_point = true, packing = <bits = 4, tile = [2, 8], interleave = [0, 2, 4, 6, 1, 3, 5, 7]>>>

// A weight in the kernel layout (4 lanes, 4-bit, pairs of rows stored chunk
// by chunk): thread tasks over N (4
// tasks of 2 rows), 2 rows in flight (2 activation rows x 2 rows x 2
// accumulators fill the 16 registers of 128-bit targets), per chunk one load of 4 code bytes per row, two runs by shift
// and mask, the zero point subtracted in integers, an exact conversion, one
// FMA per activation row and run; one scale per group; a lane reduction per
// output. No float weight and no linalg op anywhere.
// CHECK-LABEL: func.func @w4
// CHECK-SAME:    (%[[X:.*]]: tensor<2x16xf32>, %[[CODES:.*]]: tensor<4x2x8xi8>, %[[S:.*]]: tensor<8x1xf32>, %[[Z:.*]]: tensor<8x1xi8>)
// CHECK-DAG:     %[[MASK:.*]] = arith.constant dense<15> : vector<4xi32>
// CHECK-DAG:     %[[FOUR:.*]] = arith.constant dense<4> : vector<4xi32>
// CHECK:         scf.forall (%{{.*}}) in (4) shared_outs(%{{.*}} = %{{.*}}) -> (tensor<2x8xf32>)
// CHECK:           scf.for %{{.*}} = %c0 to %c2 step %c2
// CHECK:             scf.for %[[M0:.*]] = %c0 to %c2 step %c2
// CHECK:               scf.for %[[G:.*]] = %c0 to %c1 step %c1
// CHECK:                 %[[ZV:.*]] = tensor.extract %[[Z]][%{{.*}}, %[[G]]] : tensor<8x1xi8>
// CHECK:                 %[[ZI:.*]] = arith.extui %[[ZV]] : i8 to i32
// CHECK:                 %[[ZB:.*]] = vector.broadcast %[[ZI]] : i32 to vector<4xi32>
// CHECK:                 scf.for %{{.*}} = %c0 to %c16 step %c8
// CHECK:                   %[[BYTES:.*]] = vector.transfer_read %[[CODES]][%{{.*}}, %{{.*}}, %c0], %{{.*}} {in_bounds = [true]} : tensor<4x2x8xi8>, vector<4xi8>
// CHECK:                   %[[WIDE:.*]] = arith.extui %[[BYTES]] : vector<4xi8> to vector<4xi32>
// CHECK:                   %[[LO:.*]] = arith.andi %[[WIDE]], %[[MASK]]
// CHECK:                   %[[D0:.*]] = arith.subi %[[LO]], %[[ZB]]
// CHECK:                   arith.sitofp %[[D0]] : vector<4xi32> to vector<4xf32>
// CHECK:                   %[[HI:.*]] = arith.shrui %[[WIDE]], %[[FOUR]]
// CHECK:                   arith.andi %[[HI]], %[[MASK]]
// CHECK:                   vector.transfer_read %[[X]][%{{.*}}], %{{.*}} {in_bounds = [true]} : tensor<2x16xf32>, vector<4xf32>
// CHECK:                   vector.fma
// CHECK:                 tensor.extract %[[S]]
// CHECK:                 vector.fma
// CHECK:               vector.reduction <add>
// CHECK:               vector.transfer_write %{{.*}} : vector<2xf32>, tensor<2x2xf32>
// CHECK:           tensor.parallel_insert_slice
// CHECK-NOT:     linalg.
// CHECK-NOT:     qnt.
func.func @w4(%x: tensor<2x16xf32>, %codes: tensor<4x2x8xi8>, %s: tensor<8x1xf32>, %z: tensor<8x1xi8>) -> tensor<2x8xf32> {
  %w = qnt.uniform %codes scales(%s) zero_points(%z) : (tensor<4x2x8xi8>, tensor<8x1xf32>, tensor<8x1xi8>) -> !w4
  %y = qnt.matmul %x, %w : (tensor<2x16xf32>, !w4) -> tensor<2x8xf32>
  return %y : tensor<2x8xf32>
}

// With more activation rows than max-rows the matmul takes the panel
// kernel, whose layout this weight is not in: it is left as it is
// (quench-x86-pack-weights lays such a weight out for the panel kernel).
// ROWS-LABEL: func.func @w4
// ROWS:         qnt.matmul

// -----

// CHECK-LABEL: func.func @not_kernel_layout
// CHECK:         qnt.matmul
func.func @not_kernel_layout(%x: tensor<1x16xf32>) -> tensor<1x8xf32> {
  %codes = arith.constant dense<1> : tensor<8x8xi8>
  %s = arith.constant dense<0.5> : tensor<8x1xf32>
  %z = arith.constant dense<3> : tensor<8x1xi8>
  %w = qnt.uniform %codes scales(%s) zero_points(%z) : (tensor<8x8xi8>, tensor<8x1xf32>, tensor<8x1xi8>)
      -> !qnt.qtensor<8x16xf32, #qnt.uniform<bits = 4, signedness = unsigned, block = [1, 16], zero_point = true, packing = <bits = 4>>>
  %y = qnt.matmul %x, %w : (tensor<1x16xf32>, !qnt.qtensor<8x16xf32, #qnt.uniform<bits = 4, signedness = unsigned, block = [1, 16], zero_point = true, packing = <bits = 4>>>) -> tensor<1x8xf32>
  return %y : tensor<1x8xf32>
}

// -----

!p4 = !qnt.qtensor<8x32xf32, #qnt.uniform<bits = 4, signedness = unsigned, block = [1, 16], zero_point = true, packing = <bits = 4, tile = [4, 2]>>>

// The panel kernel (24 rows, more than max-rows): 4 lanes, tiles of 6 rows x
// 8 weight rows (two vectors). One task for the 8 weight rows, the 24 rows
// in two blocks of 12 (each at least two tiles): 2 tasks, a [32, 8] panel
// each in one buffer of the function. A task dequantizes per strip of 4
// weight rows and group (scale and zero point vectors read down their
// column) one byte column at a time, (q - z) * s written into the panel,
// then runs its register tiles over the panel: per column two panel loads,
// broadcast activations, FMAs.
// CHECK-LABEL: func.func @panel
// CHECK-SAME:    (%[[X:.*]]: tensor<24x32xf32>, %[[CODES:.*]]: tensor<2x16x4xi8>, %[[S:.*]]: tensor<8x2xf32>, %[[Z:.*]]: tensor<8x2xi8>)
// CHECK:         %[[PANELS:.*]] = memref.alloc() {alignment = 64 : i64} : memref<2x32x8xf32>
// CHECK:         scf.forall (%[[T:.*]]) in (2) shared_outs(%{{.*}} = %{{.*}}) -> (tensor<24x8xf32>)
// CHECK:           %[[VIEW:.*]] = memref.subview %[[PANELS]][%[[T]], 0, 0] [1, 32, 8] [1, 1, 1]
// CHECK:           %[[PANEL:.*]] = bufferization.to_tensor %[[VIEW]] restrict writable
// CHECK:           scf.for %{{.*}} = %c0 to %c8 step %c4 iter_args(%{{.*}} = %[[PANEL]])
// CHECK:             scf.for %{{.*}} = %c0 to %c32 step %c16
// CHECK:               %[[ZV:.*]] = vector.transfer_read %[[Z]]{{.*}} : tensor<8x2xi8>, vector<4xi8>
// CHECK:               %[[ZI:.*]] = arith.extui %[[ZV]] : vector<4xi8> to vector<4xi32>
// CHECK:               %[[SV:.*]] = vector.transfer_read %[[S]]{{.*}} : tensor<8x2xf32>, vector<4xf32>
// CHECK:               scf.for %{{.*}} = %c0 to %c16 step %c2
// CHECK:                 %[[BYTES:.*]] = vector.transfer_read %[[CODES]]{{.*}} : tensor<2x16x4xi8>, vector<4xi8>
// CHECK:                 %[[WIDE:.*]] = arith.extui %[[BYTES]] : vector<4xi8> to vector<4xi32>
// CHECK:                 %[[LO:.*]] = arith.andi %[[WIDE]]
// CHECK:                 %[[D:.*]] = arith.subi %[[LO]], %[[ZI]]
// CHECK:                 %[[F:.*]] = arith.sitofp %[[D]]
// CHECK:                 %[[W:.*]] = arith.mulf %[[F]], %[[SV]]
// CHECK:                 vector.transfer_write %[[W]], %{{.*}} : vector<4xf32>, tensor<32x8xf32>
// CHECK:                 arith.shrui %[[WIDE]]
// CHECK:           scf.for %{{.*}} = %c0 to %c8 step %c8
// CHECK:             scf.for %{{.*}} = %c0 to %c12 step %c6
// CHECK:               scf.for %{{.*}} = %c0 to %c32 step %c1
// CHECK-COUNT-2:         vector.transfer_read %{{.*}} : tensor<32x8xf32>, vector<4xf32>
// CHECK:                 tensor.extract %[[X]]
// CHECK:                 vector.broadcast
// CHECK:                 vector.fma
// CHECK:           tensor.parallel_insert_slice
// CHECK-NOT:     linalg.
// CHECK-NOT:     qnt.
func.func @panel(%x: tensor<24x32xf32>, %codes: tensor<2x16x4xi8>, %s: tensor<8x2xf32>, %z: tensor<8x2xi8>) -> tensor<24x8xf32> {
  %w = qnt.uniform %codes scales(%s) zero_points(%z) : (tensor<2x16x4xi8>, tensor<8x2xf32>, tensor<8x2xi8>) -> !p4
  %y = qnt.matmul %x, %w : (tensor<24x32xf32>, !p4) -> tensor<24x8xf32>
  return %y : tensor<24x8xf32>
}

// -----

!q4 = !qnt.qtensor<8x64xf32, #qnt.uniform<bits = 4, signedness = unsigned, block = [1, 32], zero_point = true, packing = <bits = 4, tile = [4, 8], interleave = [0, 2, 4, 6, 1, 3, 5, 7]>>>

// The int8 panel kernel (24 rows, more than the 2 the int8 row kernel
// takes): the activations quantized per row and block of 32 columns first;
// 6 tasks of 4 rows (blocks of two tiles: the 8 weight rows give one task),
// each writing its rows' scales and s * z per group into a [2, 2, 8] table;
// tiles of 2 rows (128-bit vectors) x 8 weight rows; per
// group the zero points' share, per chunk of 8 columns one load of 16 code
// bytes per strip, two runs by shift (and mask), a broadcast dword of four
// activation bytes per row and run, one vpdpbusd per strip; per block the
// int32 sums scaled into the float sums.
// Without int8 activations the weight is not in the float kernels' layout.
// CHECK-LABEL: func.func @int8_panel
// CHECK:         qnt.matmul
// INT8-LABEL: func.func @int8_panel
// INT8-SAME:    (%[[X:.*]]: tensor<24x64xf32>, %[[CODES:.*]]: tensor<2x8x16xi8>, %[[S:.*]]: tensor<8x2xf32>, %[[Z:.*]]: tensor<8x2xi8>)
// INT8:         scf.forall (%{{.*}}) in (24) shared_outs({{.*}}) -> (tensor<24x64xi8>, tensor<24x2xf32>, tensor<24x2xf32>)
// INT8:         %[[TABLES:.*]] = memref.alloc() {alignment = 64 : i64} : memref<6x2x2x8xf32>
// INT8:         scf.forall (%[[T:.*]]) in (6) shared_outs(%{{.*}} = %{{.*}}) -> (tensor<24x8xf32>)
// INT8:           memref.subview %[[TABLES]][%[[T]], 0, 0, 0] [1, 2, 2, 8] [1, 1, 1, 1]
// INT8:           bufferization.to_tensor %{{.*}} restrict writable
// INT8:           vector.transfer_read %[[S]]{{.*}} : tensor<8x2xf32>, vector<4xf32>
// INT8:           vector.transfer_read %[[Z]]{{.*}} : tensor<8x2xi8>, vector<4xi8>
// INT8:           arith.mulf
// INT8:           scf.for %{{.*}} = %c0 to %c4 step %c2
// INT8:             scf.for %{{.*}} = %c0 to %c2 step %c1
// INT8:               vector.fma
// INT8:               scf.for %{{.*}} = %c0 to %c1 step %c1
// INT8:                 scf.for %{{.*}} = %c0 to %c32 step %c8
// INT8:                   %[[B:.*]] = vector.transfer_read %[[CODES]]{{.*}} : tensor<2x8x16xi8>, vector<16xi8>
// INT8:                   arith.andi %[[B]]
// INT8:                   arith.shrui %[[B]]
// INT8:                   vector.bitcast %{{.*}} : vector<4xi8> to vector<1xi32>
// INT8:                   vector.broadcast %{{.*}} : i32 to vector<4xi32>
// INT8:                   llvm.call_intrinsic "llvm.x86.avx512.vpdpbusd.128"
// INT8:                 arith.sitofp %{{.*}} : vector<4xi32> to vector<4xf32>
// INT8:                 vector.fma
// INT8:           tensor.parallel_insert_slice
// INT8-NOT:     qnt.
func.func @int8_panel(%x: tensor<24x64xf32>, %codes: tensor<2x8x16xi8>, %s: tensor<8x2xf32>, %z: tensor<8x2xi8>) -> tensor<24x8xf32> {
  %w = qnt.uniform %codes scales(%s) zero_points(%z) : (tensor<2x8x16xi8>, tensor<8x2xf32>, tensor<8x2xi8>) -> !q4
  %y = qnt.matmul %x, %w : (tensor<24x64xf32>, !q4) -> tensor<24x8xf32>
  return %y : tensor<24x8xf32>
}

// -----

!l4 = !qnt.qtensor<8x32xf32, #qnt.lut<bits = 4, table = custom, block = [1, 16], packing = <bits = 4, tile = [4, 2]>>>

// A lookup-table weight in the panel layout: the float panel kernel, each
// code vector dequantized as table[q] * s (a gather from the table), no
// zero points.
// CHECK-LABEL: func.func @lut_panel
// CHECK-SAME:    (%[[X:.*]]: tensor<24x32xf32>, %[[CODES:.*]]: tensor<2x16x4xi8>, %[[S:.*]]: tensor<8x2xf32>, %[[T:.*]]: tensor<16xf32>)
// CHECK:         scf.forall
// CHECK:           %[[SV:.*]] = vector.transfer_read %[[S]]{{.*}} : tensor<8x2xf32>, vector<4xf32>
// CHECK:           vector.transfer_read %[[CODES]]{{.*}} : tensor<2x16x4xi8>, vector<4xi8>
// CHECK:           %[[W:.*]] = vector.gather %[[T]][%c0] [%{{.*}}], %{{.*}}, %{{.*}} : tensor<16xf32>, vector<4xi32>, vector<4xi1>, vector<4xf32> into vector<4xf32>
// CHECK:           arith.mulf %[[W]], %[[SV]]
// CHECK:           vector.fma
// CHECK-NOT:     qnt.
// ROWS-LABEL:  func.func @lut_panel
// In int8 mode too: only the float panel kernel has a table path.
// INT8-LABEL:  func.func @lut_panel
// INT8:          vector.gather
// INT8-NOT:      qnt.
func.func @lut_panel(%x: tensor<24x32xf32>, %codes: tensor<2x16x4xi8>, %s: tensor<8x2xf32>, %t: tensor<16xf32>) -> tensor<24x8xf32> {
  %w = qnt.lut %codes scales(%s) table(%t) : (tensor<2x16x4xi8>, tensor<8x2xf32>, tensor<16xf32>) -> !l4
  %y = qnt.matmul %x, %w : (tensor<24x32xf32>, !l4) -> tensor<24x8xf32>
  return %y : tensor<24x8xf32>
}
