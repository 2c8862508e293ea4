// RUN: quench-opt %s --quench-nvptx-prepare-buffers --split-input-file | FileCheck %s

// A copy becomes a kernel-able linalg.copy, layouts kept.
// CHECK-LABEL: func @copy
// CHECK-SAME: (%[[A:.*]]: memref<4x8xf32>, %[[B:.*]]: memref<4x8xf32, strided<[16, 1]>>)
// CHECK-NOT: memref.copy
// CHECK: linalg.copy ins(%[[A]] : memref<4x8xf32>) outs(%[[B]] : memref<4x8xf32, strided<[16, 1]>>)
func.func @copy(%a: memref<4x8xf32>, %b: memref<4x8xf32, strided<[16, 1]>>) {
  memref.copy %a, %b : memref<4x8xf32> to memref<4x8xf32, strided<[16, 1]>>
  return
}

// -----

// A static reshape reads no shape buffer on the host.
// CHECK-LABEL: func @reshape
// CHECK-SAME: (%[[A:.*]]: memref<2x3x4xf32>, %[[S:.*]]: memref<2xi64>)
// CHECK: %[[R:.*]] = memref.reinterpret_cast %[[A]] to offset: [0], sizes: [6, 4], strides: [4, 1]
// CHECK-SAME: memref<2x3x4xf32> to memref<6x4xf32>
// CHECK: return %[[R]]
func.func @reshape(%a: memref<2x3x4xf32>, %shape: memref<2xi64>) -> memref<6x4xf32> {
  %r = memref.reshape %a(%shape) : (memref<2x3x4xf32>, memref<2xi64>) -> memref<6x4xf32>
  return %r : memref<6x4xf32>
}

// -----

// A reshape to a dynamic shape stays (it needs its shape operand).
// CHECK-LABEL: func @dynamic_reshape
// CHECK: memref.reshape
func.func @dynamic_reshape(%a: memref<24xf32>, %shape: memref<2xindex>) -> memref<?x?xf32> {
  %r = memref.reshape %a(%shape) : (memref<24xf32>, memref<2xindex>) -> memref<?x?xf32>
  return %r : memref<?x?xf32>
}
