// RUN: quench-opt %s | %run_reference | FileCheck %s
// CHECK: {{\[}}[0.5, -0.5, 0, -16],

func.func @main() {
  %codes = arith.constant dense<[[9, 7, 8, 0], [15, 8, 1, 8]]> : tensor<2x4xi8>
  %s = arith.constant dense<[[0.5, 2.0], [1.0, 0.25]]> : tensor<2x2xf32>
  %z = arith.constant dense<[[8, 8], [8, 0]]> : tensor<2x2xi8>
  %w = qnt.uniform %codes scales(%s) zero_points(%z) : (tensor<2x4xi8>, tensor<2x2xf32>, tensor<2x2xi8>) -> !qnt.qtensor<2x4xf32, #qnt.uniform<bits = 4, signedness = unsigned, block = [1, 2], zero_point = true>>
  %f = qnt.dequantize %w : !qnt.qtensor<2x4xf32, #qnt.uniform<bits = 4, signedness = unsigned, block = [1, 2], zero_point = true>> -> tensor<2x4xf32>
  %u = tensor.cast %f : tensor<2x4xf32> to tensor<*xf32>
  call @printMemrefF32(%u) : (tensor<*xf32>) -> ()
  return
}
func.func private @printMemrefF32(tensor<*xf32>)
