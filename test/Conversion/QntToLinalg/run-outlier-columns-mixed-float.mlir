// RUN: quench-opt %s | %run_reference | FileCheck %s
//
// qnt.outlier_columns whose values have a different float type than the
// weight (values may be any float tensor): bf16 values in an f16 weight.
// Expected values computed independently of Quench.

// bf16 outlier values in an f16 weight.
// CHECK: rank = 2 offset = 0 sizes = [2, 2] strides = [2, 1] data =
// CHECK-NEXT: {{\[\[}}1, 0.5],
// CHECK-NEXT: [3, -2]]
func.func @bf16_values_f16_weight() {
  %codes = arith.constant dense<[[1, 2], [3, 4]]> : tensor<2x2xi8>
  %s = arith.constant dense<[[1.0]]> : tensor<1x1xf16>
  %cols = arith.constant dense<[1]> : tensor<1xi32>
  %vals = arith.constant dense<[[0.5], [-2.0]]> : tensor<2x1xbf16>
  %b = qnt.uniform %codes scales(%s) : (tensor<2x2xi8>, tensor<1x1xf16>) -> !qnt.qtensor<2x2xf16, #qnt.uniform<bits = 8, block = [2, 2]>>
  %w = qnt.outlier_columns %b columns(%cols) values(%vals) : (!qnt.qtensor<2x2xf16, #qnt.uniform<bits = 8, block = [2, 2]>>, tensor<1xi32>, tensor<2x1xbf16>) -> !qnt.qtensor<2x2xf16, #qnt.outlier_columns<count = 1>>
  %h = qnt.dequantize %w : !qnt.qtensor<2x2xf16, #qnt.outlier_columns<count = 1>> -> tensor<2x2xf16>
  %out = arith.extf %h : tensor<2x2xf16> to tensor<2x2xf32>
  %printed = tensor.cast %out : tensor<2x2xf32> to tensor<*xf32>
  call @printMemrefF32(%printed) : (tensor<*xf32>) -> ()
  return
}

// f16 outlier values in a bf16 weight.
// CHECK: rank = 2 offset = 0 sizes = [2, 2] strides = [2, 1] data =
// CHECK-NEXT: {{\[\[}}0.25, 1],
// CHECK-NEXT: [8, 2]]
func.func @f16_values_bf16_weight() {
  %codes = arith.constant dense<[[1, 2], [3, 4]]> : tensor<2x2xi8>
  %s = arith.constant dense<[[0.5]]> : tensor<1x1xbf16>
  %cols = arith.constant dense<[0]> : tensor<1xi64>
  %vals = arith.constant dense<[[0.25], [8.0]]> : tensor<2x1xf16>
  %b = qnt.uniform %codes scales(%s) : (tensor<2x2xi8>, tensor<1x1xbf16>) -> !qnt.qtensor<2x2xbf16, #qnt.uniform<bits = 8, block = [2, 2]>>
  %w = qnt.outlier_columns %b columns(%cols) values(%vals) : (!qnt.qtensor<2x2xbf16, #qnt.uniform<bits = 8, block = [2, 2]>>, tensor<1xi64>, tensor<2x1xf16>) -> !qnt.qtensor<2x2xbf16, #qnt.outlier_columns<count = 1>>
  %h = qnt.dequantize %w : !qnt.qtensor<2x2xbf16, #qnt.outlier_columns<count = 1>> -> tensor<2x2xbf16>
  %out = arith.extf %h : tensor<2x2xbf16> to tensor<2x2xf32>
  %printed = tensor.cast %out : tensor<2x2xf32> to tensor<*xf32>
  call @printMemrefF32(%printed) : (tensor<*xf32>) -> ()
  return
}

func.func @main() {
  call @bf16_values_f16_weight() : () -> ()
  call @f16_values_bf16_weight() : () -> ()
  return
}
func.func private @printMemrefF32(tensor<*xf32>)
func.func private @printMemrefI32(tensor<*xi32>)
