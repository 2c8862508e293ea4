// RUN: quench-opt %s | %run_reference | FileCheck %s
//
// Numeric end-to-end tests of the reference lowering of qnt.outlier_columns
// (LLM.int8): W[:, columns[j]] = values[:, j], other columns from base.
// Expected values computed independently of Quench.

// Columns [3, 0] (i64, unsorted) replaced by float values.
// CHECK: rank = 2 offset = 0 sizes = [3, 5] strides = [5, 1] data =
// CHECK-NEXT: {{\[\[}}-0.125, -5, 7.5, 1000.5, 12.5],
// CHECK-NEXT: [0, 2, 3, -7.75, 5],
// CHECK-NEXT: [1e+06, 63.5, 0, 3, -32]]
func.func @two_columns() {
  %codes = arith.constant dense<[[10, -20, 30, -40, 50], [1, 2, 3, 4, 5], [-128, 127, 0, 64, -64]]> : tensor<3x5xi8>
  %s = arith.constant dense<[[0.25], [1.0], [0.5]]> : tensor<3x1xf32>
  %cols = arith.constant dense<[3, 0]> : tensor<2xi64>
  %vals = arith.constant dense<[[1000.5, -0.125], [-7.75, 0.0], [3.0, 1000000.0]]> : tensor<3x2xf32>
  %b = qnt.uniform %codes scales(%s) : (tensor<3x5xi8>, tensor<3x1xf32>) -> !qnt.qtensor<3x5xf32, #qnt.uniform<bits = 8, block = [1, 5]>>
  %w = qnt.outlier_columns %b columns(%cols) values(%vals) : (!qnt.qtensor<3x5xf32, #qnt.uniform<bits = 8, block = [1, 5]>>, tensor<2xi64>, tensor<3x2xf32>) -> !qnt.qtensor<3x5xf32, #qnt.outlier_columns<count = 2>>
  %out = qnt.dequantize %w : !qnt.qtensor<3x5xf32, #qnt.outlier_columns<count = 2>> -> tensor<3x5xf32>
  %printed = tensor.cast %out : tensor<3x5xf32> to tensor<*xf32>
  call @printMemrefF32(%printed) : (tensor<*xf32>) -> ()
  return
}

// One column (index 4, i32), the last one.
// CHECK: rank = 2 offset = 0 sizes = [3, 5] strides = [5, 1] data =
// CHECK-NEXT: {{\[\[}}2.5, -5, 7.5, -10, 0.5],
// CHECK-NEXT: [1, 2, 3, 4, -0.5],
// CHECK-NEXT: [-64, 63.5, 0, 32, 2]]
func.func @one_column_i32() {
  %codes = arith.constant dense<[[10, -20, 30, -40, 50], [1, 2, 3, 4, 5], [-128, 127, 0, 64, -64]]> : tensor<3x5xi8>
  %s = arith.constant dense<[[0.25], [1.0], [0.5]]> : tensor<3x1xf32>
  %cols = arith.constant dense<[4]> : tensor<1xi32>
  %vals = arith.constant dense<[[0.5], [-0.5], [2.0]]> : tensor<3x1xf32>
  %b = qnt.uniform %codes scales(%s) : (tensor<3x5xi8>, tensor<3x1xf32>) -> !qnt.qtensor<3x5xf32, #qnt.uniform<bits = 8, block = [1, 5]>>
  %w = qnt.outlier_columns %b columns(%cols) values(%vals) : (!qnt.qtensor<3x5xf32, #qnt.uniform<bits = 8, block = [1, 5]>>, tensor<1xi32>, tensor<3x1xf32>) -> !qnt.qtensor<3x5xf32, #qnt.outlier_columns<count = 1>>
  %out = qnt.dequantize %w : !qnt.qtensor<3x5xf32, #qnt.outlier_columns<count = 1>> -> tensor<3x5xf32>
  %printed = tensor.cast %out : tensor<3x5xf32> to tensor<*xf32>
  call @printMemrefF32(%printed) : (tensor<*xf32>) -> ()
  return
}

// Columns [1, 2, 0] with f16 values.
// CHECK: rank = 2 offset = 0 sizes = [3, 5] strides = [5, 1] data =
// CHECK-NEXT: {{\[\[}}0.25, 1.5, -2, -10, 12.5],
// CHECK-NEXT: [-16, 4, 8, 4, 5],
// CHECK-NEXT: [3, 0, -0.75, 32, -32]]
func.func @f16_values() {
  %codes = arith.constant dense<[[10, -20, 30, -40, 50], [1, 2, 3, 4, 5], [-128, 127, 0, 64, -64]]> : tensor<3x5xi8>
  %s = arith.constant dense<[[0.25], [1.0], [0.5]]> : tensor<3x1xf32>
  %cols = arith.constant dense<[1, 2, 0]> : tensor<3xi32>
  %vals = arith.constant dense<[[1.5, -2.0, 0.25], [4.0, 8.0, -16.0], [0.0, -0.75, 3.0]]> : tensor<3x3xf16>
  %b = qnt.uniform %codes scales(%s) : (tensor<3x5xi8>, tensor<3x1xf32>) -> !qnt.qtensor<3x5xf32, #qnt.uniform<bits = 8, block = [1, 5]>>
  %w = qnt.outlier_columns %b columns(%cols) values(%vals) : (!qnt.qtensor<3x5xf32, #qnt.uniform<bits = 8, block = [1, 5]>>, tensor<3xi32>, tensor<3x3xf16>) -> !qnt.qtensor<3x5xf32, #qnt.outlier_columns<count = 3>>
  %out = qnt.dequantize %w : !qnt.qtensor<3x5xf32, #qnt.outlier_columns<count = 3>> -> tensor<3x5xf32>
  %printed = tensor.cast %out : tensor<3x5xf32> to tensor<*xf32>
  call @printMemrefF32(%printed) : (tensor<*xf32>) -> ()
  return
}

func.func @main() {
  call @two_columns() : () -> ()
  call @one_column_i32() : () -> ()
  call @f16_values() : () -> ()
  return
}
func.func private @printMemrefF32(tensor<*xf32>)
func.func private @printMemrefI32(tensor<*xi32>)
