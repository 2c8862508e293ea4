// RUN: quench-opt %s --quench-x86="vector-bits=128" | FileCheck %s

// The panel kernel's panels live in the workspace that quench-plan-memory
// lays out, not on the heap: after the whole x86 pipeline no allocation call
// is left (a panel allocated per task would be a malloc per task and run).
// CHECK-NOT:   llvm.call @malloc
// CHECK:       llvm.func @quench_main
// CHECK-NOT:   llvm.call @malloc

!p4 = !qnt.qtensor<8x32xf32, #qnt.uniform<bits = 4, signedness = unsigned, block = [1, 16], zero_point = true, packing = <bits = 4, tile = [4, 2]>>>

func.func @panel(%x: tensor<24x32xf32>, %codes: tensor<2x16x4xi8>, %s: tensor<8x2xf32>, %z: tensor<8x2xi8>) -> tensor<24x8xf32> {
  %w = qnt.uniform %codes scales(%s) zero_points(%z) : (tensor<2x16x4xi8>, tensor<8x2xf32>, tensor<8x2xi8>) -> !p4
  %y = qnt.matmul %x, %w : (tensor<24x32xf32>, !p4) -> tensor<24x8xf32>
  return %y : tensor<24x8xf32>
}
