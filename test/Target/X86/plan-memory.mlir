// RUN: quench-opt %s --quench-plan-memory | FileCheck %s

// Three 4 KiB buffers: %a and %b are live together, %c only after %a died,
// so %c reuses %a's bytes and the workspace is 8 KiB. The 1 KiB constant
// moves into the weight blob; the 16-byte one stays in the code.
// CHECK: module attributes {quench.weights = dense_resource<quench_weights> : tensor<1024xi8>, quench.workspace_bytes = 8192 : i64}
// CHECK-NOT: memref.global "private" constant @big
// CHECK: memref.global "private" constant @small
// CHECK: func.func @quench_entry(%[[W:.*]]: memref<1024xi8>, %[[WS:.*]]: memref<8192xi8>, %[[IN:.*]]: memref<1024xf32>, %[[OUT:.*]]: memref<1024xf32>) attributes {llvm.emit_c_interface}
// CHECK: memref.view %[[W]][%{{.*}}][] : memref<1024xi8> to memref<256xf32>
// CHECK: %[[Z:.*]] = arith.constant 0 : index
// CHECK-NEXT: %[[A:.*]] = memref.view %[[WS]][%[[Z]]][] : memref<8192xi8> to memref<1024xf32>
// CHECK: %[[F:.*]] = arith.constant 4096 : index
// CHECK-NEXT: %[[B:.*]] = memref.view %[[WS]][%[[F]]][] : memref<8192xi8> to memref<1024xf32>
// CHECK: memref.copy %[[IN]], %[[A]]
// CHECK: memref.copy %[[A]], %[[B]]
// CHECK: %[[Z2:.*]] = arith.constant 0 : index
// CHECK-NEXT: %[[C:.*]] = memref.view %[[WS]][%[[Z2]]][] : memref<8192xi8> to memref<1024xf32>
// CHECK: memref.copy %[[C]], %[[OUT]]
// CHECK-NOT: memref.alloc
// The blob holds the constant's bytes (1.0f = 0x3F800000, little-endian)
// after the blob's alignment word.
// CHECK: quench_weights: "0x010000000000803F0000803F
memref.global "private" constant @big : memref<256xf32> = dense<1.0>
memref.global "private" constant @small : memref<4xf32> = dense<2.0>
func.func @quench_entry(%in: memref<1024xf32>, %out: memref<1024xf32>) {
  %big = memref.get_global @big : memref<256xf32>
  %small = memref.get_global @small : memref<4xf32>
  %a = memref.alloc() : memref<1024xf32>
  %b = memref.alloc() : memref<1024xf32>
  memref.copy %in, %a : memref<1024xf32> to memref<1024xf32>
  memref.copy %a, %b : memref<1024xf32> to memref<1024xf32>
  %c = memref.alloc() : memref<1024xf32>
  memref.copy %b, %c : memref<1024xf32> to memref<1024xf32>
  memref.copy %c, %out : memref<1024xf32> to memref<1024xf32>
  return
}
