// RUN: quench-opt %s | %run_reference | FileCheck %s
//
// qnt.observe returns its input unchanged; the reference lowering forwards it.

// An observed tensor prints unchanged.
// CHECK: rank = 2 offset = 0 sizes = [2, 3] strides = [3, 1] data =
// CHECK-NEXT: {{\[\[}}1.5, -2, 0.25],
// CHECK-NEXT: [-0.125, 1000, -0]]
func.func @observe_forwards() {
  %x = arith.constant dense<[[1.5, -2.0, 0.25], [-0.125, 1000.0, -0.0]]> : tensor<2x3xf32>
  %out = qnt.observe %x {name = "layers.0.input"} : tensor<2x3xf32>
  %printed = tensor.cast %out : tensor<2x3xf32> to tensor<*xf32>
  call @printMemrefF32(%printed) : (tensor<*xf32>) -> ()
  return
}

// An observed activation feeding a qnt.matmul, and the observed output.
// CHECK: rank = 2 offset = 0 sizes = [1, 2] strides = [2, 1] data =
// CHECK-NEXT: {{\[\[}}-0.75, 5]]
func.func @observe_into_matmul() {
  %x = arith.constant dense<[[1.0, 2.0, -1.0, 0.5]]> : tensor<1x4xf32>
  %codes = arith.constant dense<[[1, 0, 2, -1], [4, 4, 4, 4]]> : tensor<2x4xi8>
  %s = arith.constant dense<[[0.5]]> : tensor<1x1xf32>
  %xo = qnt.observe %x {name = "layers.0.mlp.in"} : tensor<1x4xf32>
  %w = qnt.uniform %codes scales(%s) : (tensor<2x4xi8>, tensor<1x1xf32>) -> !qnt.qtensor<2x4xf32, #qnt.uniform<bits = 8, block = [2, 4]>>
  %y = qnt.matmul %xo, %w : (tensor<1x4xf32>, !qnt.qtensor<2x4xf32, #qnt.uniform<bits = 8, block = [2, 4]>>) -> tensor<1x2xf32>
  %out = qnt.observe %y {name = "layers.0.mlp.out"} : tensor<1x2xf32>
  %printed = tensor.cast %out : tensor<1x2xf32> to tensor<*xf32>
  call @printMemrefF32(%printed) : (tensor<*xf32>) -> ()
  return
}

func.func @main() {
  call @observe_forwards() : () -> ()
  call @observe_into_matmul() : () -> ()
  return
}
func.func private @printMemrefF32(tensor<*xf32>)
func.func private @printMemrefI32(tensor<*xi32>)
