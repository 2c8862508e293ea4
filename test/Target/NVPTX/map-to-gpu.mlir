// RUN: quench-opt %s --quench-nvptx-map-to-gpu --cse --split-input-file --verify-diagnostics | FileCheck %s
// RUN: quench-opt %s --quench-nvptx-map-to-gpu=threads-per-block=128 --cse --split-input-file --verify-diagnostics | FileCheck %s --check-prefix=T128

// 4 x 100 iterations: 2 blocks of 256 threads, a guard for the last 112,
// the last dimension fastest.
// CHECK-LABEL: func @two_dims
// CHECK-DAG: %[[C1:.*]] = arith.constant 1 : index
// CHECK-DAG: %[[C2:.*]] = arith.constant 2 : index
// CHECK-DAG: %[[C256:.*]] = arith.constant 256 : index
// CHECK: gpu.launch blocks(%[[BX:.*]], %{{.*}}, %{{.*}}) in (%{{.*}} = %[[C2]], %{{.*}} = %[[C1]], %{{.*}} = %[[C1]]) threads(%[[TX:.*]], %{{.*}}, %{{.*}}) in (%{{.*}} = %[[C256]], %{{.*}} = %[[C1]], %{{.*}} = %[[C1]])
// CHECK: %[[BASE:.*]] = arith.muli %[[BX]], %[[C256]]
// CHECK: %[[ID:.*]] = arith.addi %[[BASE]], %[[TX]]
// CHECK: %[[C400:.*]] = arith.constant 400 : index
// CHECK: %[[IN:.*]] = arith.cmpi ult, %[[ID]], %[[C400]]
// CHECK: scf.if %[[IN]] {
// CHECK: %[[C100:.*]] = arith.constant 100 : index
// CHECK: %[[J:.*]] = arith.remui %[[ID]], %[[C100]]
// CHECK: %[[I:.*]] = arith.divui %[[ID]], %[[C100]]
// CHECK: %[[V:.*]] = memref.load %{{.*}}[%[[I]], %[[J]]]
// CHECK: memref.store %[[V]], %{{.*}}[%[[I]], %[[J]]]
// CHECK: gpu.terminator
// CHECK-NOT: scf.parallel
// T128-LABEL: func @two_dims
// T128: gpu.launch
// T128-SAME: in (%{{.*}} = %c4, %{{.*}} = %c1, %{{.*}} = %c1) threads
// T128-SAME: in (%{{.*}} = %c128,
func.func @two_dims(%a: memref<4x100xf32>, %b: memref<4x100xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %c100 = arith.constant 100 : index
  scf.parallel (%i, %j) = (%c0, %c0) to (%c4, %c100) step (%c1, %c1) {
    %v = memref.load %a[%i, %j] : memref<4x100xf32>
    memref.store %v, %b[%i, %j] : memref<4x100xf32>
    scf.reduce
  }
  return
}

// -----

// A small loop gets one block of exactly its size, no guard; steps and lower
// bounds are applied; a reduction loop inside stays sequential.
// CHECK-LABEL: func @small_with_reduction
// CHECK: gpu.launch blocks({{.*}}) in (%{{.*}} = %c1{{.*}}) threads({{.*}}) in (%{{.*}} = %c8,
// CHECK-NOT: scf.if
// CHECK: %[[T:.*]] = arith.addi
// CHECK: %[[S:.*]] = arith.muli %[[T]], %c2
// CHECK: %[[I:.*]] = arith.addi %[[S]], %c4
// CHECK: scf.for
// CHECK: memref.load %{{.*}}[%[[I]], %{{.*}}]
func.func @small_with_reduction(%a: memref<20x64xf32>, %out: memref<20xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c4 = arith.constant 4 : index
  %c20 = arith.constant 20 : index
  %c64 = arith.constant 64 : index
  scf.parallel (%i) = (%c4) to (%c20) step (%c2) {
    scf.for %k = %c0 to %c64 step %c1 {
      %v = memref.load %a[%i, %k] : memref<20x64xf32>
      %acc = memref.load %out[%i] : memref<20xf32>
      %s = arith.addf %acc, %v : f32
      memref.store %s, %out[%i] : memref<20xf32>
    }
    scf.reduce
  }
  return
}

// -----

// A sequential loop nest on its own (a full reduction) runs as one thread.
// CHECK-LABEL: func @serial
// CHECK: gpu.launch blocks({{.*}}) in (%{{.*}} = %[[ONE:.*]], %{{.*}} = %[[ONE]], %{{.*}} = %[[ONE]]) threads({{.*}}) in (%{{.*}} = %[[ONE]], %{{.*}} = %[[ONE]], %{{.*}} = %[[ONE]])
// CHECK-NEXT: scf.for
// CHECK: gpu.terminator
// CHECK: return
func.func @serial(%a: memref<64xf32>, %out: memref<f32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c64 = arith.constant 64 : index
  scf.for %k = %c0 to %c64 step %c1 {
    %v = memref.load %a[%k] : memref<64xf32>
    %acc = memref.load %out[] : memref<f32>
    %s = arith.addf %acc, %v : f32
    memref.store %s, %out[] : memref<f32>
  }
  return
}

// -----

// Address arithmetic stays on the host.
// CHECK-LABEL: func @views_only
// CHECK-NOT: gpu.launch
// CHECK: memref.subview
func.func @views_only(%a: memref<64xf32>) -> memref<8xf32, strided<[1], offset: 8>> {
  %v = memref.subview %a[8] [8] [1] : memref<64xf32> to memref<8xf32, strided<[1], offset: 8>>
  return %v : memref<8xf32, strided<[1], offset: 8>>
}

// -----

// Threads follow the element stored: b[j, i] is written with i fastest
// although i is the outer loop dimension.
// CHECK-LABEL: func @transposed_store
// CHECK: gpu.launch
// CHECK: %[[ID:.*]] = arith.addi
// CHECK: %[[I:.*]] = arith.remui %[[ID]], %c4
// CHECK: %[[J:.*]] = arith.divui %[[ID]], %c4
// CHECK: memref.load %{{.*}}[%[[I]], %[[J]]]
// CHECK: memref.store %{{.*}}, %{{.*}}[%[[J]], %[[I]]]
func.func @transposed_store(%a: memref<4x64xf32>, %b: memref<64x4xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %c64 = arith.constant 64 : index
  scf.parallel (%i, %j) = (%c0, %c0) to (%c4, %c64) step (%c1, %c1) {
    %v = memref.load %a[%i, %j] : memref<4x64xf32>
    memref.store %v, %b[%j, %i] : memref<64x4xf32>
    scf.reduce
  }
  return
}

// -----

func.func @host_use(%a: memref<64xf32>) -> f32 {
  %c0 = arith.constant 0 : index
  // expected-error@+1 {{reads memory the kernels wrote and its result is used on the host}}
  %v = memref.load %a[%c0] : memref<64xf32>
  return %v : f32
}
