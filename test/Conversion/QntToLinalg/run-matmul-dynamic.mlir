// RUN: quench-opt %s | %run_reference | FileCheck %s
//
// qnt.matmul with dynamically shaped leading input dimensions ("input : [..., K]",
// accepted by the verifier): y = x * W^T (+ act_quant). The static data is cast
// to a dynamic shape before the matmul and the result is printed through an
// unranked cast. Expected values computed independently of Quench.

// Input tensor<?x4xf32> (2 rows at run time) -> tensor<?x3xf32>.
// CHECK: rank = 2 offset = 0 sizes = [2, 3] strides = [3, 1] data =
// CHECK-NEXT: {{\[\[}}-2.5, 5, -6],
// CHECK-NEXT: [-1.625, 2.875, -3]]
func.func @dynamic_rows() {
  %x0 = arith.constant dense<[[1.0, 2.0, 3.0, 4.0], [0.5, -0.5, 0.0, 2.0]]> : tensor<2x4xf32>
  %codes = arith.constant dense<[[1, -2, 3, -4], [0, 5, -6, 7], [8, 0, 0, -8]]> : tensor<3x4xi8>
  %s = arith.constant dense<[[0.25]]> : tensor<1x1xf32>
  %x = tensor.cast %x0 : tensor<2x4xf32> to tensor<?x4xf32>
  %w = qnt.uniform %codes scales(%s) : (tensor<3x4xi8>, tensor<1x1xf32>) -> !qnt.qtensor<3x4xf32, #qnt.uniform<bits = 8, block = [3, 4]>>
  %y = qnt.matmul %x, %w : (tensor<?x4xf32>, !qnt.qtensor<3x4xf32, #qnt.uniform<bits = 8, block = [3, 4]>>) -> tensor<?x3xf32>
  %out = tensor.cast %y : tensor<?x3xf32> to tensor<2x3xf32>
  %printed = tensor.cast %out : tensor<2x3xf32> to tensor<*xf32>
  call @printMemrefF32(%printed) : (tensor<*xf32>) -> ()
  return
}

// Input tensor<?x1x4xf32> with per-token act_quant (row scales 1 and 2).
// CHECK: rank = 3 offset = 0 sizes = [2, 1, 3] strides = [3, 3, 1] data =
// CHECK-NEXT: {{\[\[\[}}27.75, 8.5, 254]],
// CHECK-NEXT: {{\[\[}}-68.5, 11, -508]]]
func.func @dynamic_act_quant() {
  %x0 = arith.constant dense<[[[127.0, 2.5, -3.5, 0.5]], [[-254.0, 5.0, -3.0, 1.0]]]> : tensor<2x1x4xf32>
  %codes = arith.constant dense<[[1, -2, 3, -4], [0, 5, -6, 7], [8, 0, 0, -8]]> : tensor<3x4xi8>
  %s = arith.constant dense<[[0.25]]> : tensor<1x1xf32>
  %x = tensor.cast %x0 : tensor<2x1x4xf32> to tensor<?x1x4xf32>
  %w = qnt.uniform %codes scales(%s) : (tensor<3x4xi8>, tensor<1x1xf32>) -> !qnt.qtensor<3x4xf32, #qnt.uniform<bits = 8, block = [3, 4]>>
  %y = qnt.matmul %x, %w {act_quant = #qnt.act_quant<bits = 8>} : (tensor<?x1x4xf32>, !qnt.qtensor<3x4xf32, #qnt.uniform<bits = 8, block = [3, 4]>>) -> tensor<?x1x3xf32>
  %out = tensor.cast %y : tensor<?x1x3xf32> to tensor<2x1x3xf32>
  %printed = tensor.cast %out : tensor<2x1x3xf32> to tensor<*xf32>
  call @printMemrefF32(%printed) : (tensor<*xf32>) -> ()
  return
}

func.func @main() {
  call @dynamic_rows() : () -> ()
  call @dynamic_act_quant() : () -> ()
  return
}
func.func private @printMemrefF32(tensor<*xf32>)
func.func private @printMemrefI32(tensor<*xi32>)
