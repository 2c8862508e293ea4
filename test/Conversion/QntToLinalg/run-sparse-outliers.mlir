// RUN: quench-opt %s | %run_reference | FileCheck %s
//
// Numeric end-to-end tests of the reference lowering of qnt.sparse_outliers
// (SpQR): W = dequantize(base) + S, S in CSR form (row n holds values[p] at
// column col_idx[p] for row_ptr[n] <= p < row_ptr[n + 1]). Expected values
// computed independently of Quench.

// Base: 3-bit codes x 0.5. CSR row_ptr [0, 2, 2, 3]: row 1 is empty;
// row 0 gets +10 at column 1 and -0.25 at column 3, row 2 gets +100 at column 0.
// CHECK: rank = 2 offset = 0 sizes = [3, 4] strides = [4, 1] data =
// CHECK-NEXT: {{\[\[}}0.5, 9, 1.5, -2.25],
// CHECK-NEXT: [0, 0.5, 1, 1.5],
// CHECK-NEXT: [98.5, -1, -0.5, 0]]
func.func @csr_empty_row() {
  %codes = arith.constant dense<[[1, -2, 3, -4], [0, 1, 2, 3], [-3, -2, -1, 0]]> : tensor<3x4xi8>
  %s = arith.constant dense<[[0.5]]> : tensor<1x1xf32>
  %rp = arith.constant dense<[0, 2, 2, 3]> : tensor<4xi32>
  %ci = arith.constant dense<[1, 3, 0]> : tensor<3xi32>
  %vals = arith.constant dense<[10.0, -0.25, 100.0]> : tensor<3xf32>
  %b = qnt.uniform %codes scales(%s) : (tensor<3x4xi8>, tensor<1x1xf32>) -> !qnt.qtensor<3x4xf32, #qnt.uniform<bits = 3, block = [3, 4]>>
  %w = qnt.sparse_outliers %b rows(%rp) cols(%ci) values(%vals) : (!qnt.qtensor<3x4xf32, #qnt.uniform<bits = 3, block = [3, 4]>>, tensor<4xi32>, tensor<3xi32>, tensor<3xf32>) -> !qnt.qtensor<3x4xf32, #qnt.sparse_outliers>
  %out = qnt.dequantize %w : !qnt.qtensor<3x4xf32, #qnt.sparse_outliers> -> tensor<3x4xf32>
  %printed = tensor.cast %out : tensor<3x4xf32> to tensor<*xf32>
  call @printMemrefF32(%printed) : (tensor<*xf32>) -> ()
  return
}

// i64 row_ptr, i16 col_idx, dynamically shaped col_idx / values (tensor<?x..>),
// first row empty, unsorted columns in row 2.
// CHECK: rank = 2 offset = 0 sizes = [3, 4] strides = [4, 1] data =
// CHECK-NEXT: {{\[\[}}0.5, -1, 1.5, -2],
// CHECK-NEXT: [-8, 0.5, 1, 2.25],
// CHECK-NEXT: [-1.5, 1, -0.375, 0]]
func.func @csr_i64_i16_dynamic() {
  %codes = arith.constant dense<[[1, -2, 3, -4], [0, 1, 2, 3], [-3, -2, -1, 0]]> : tensor<3x4xi8>
  %s = arith.constant dense<[[0.5]]> : tensor<1x1xf32>
  %rp = arith.constant dense<[0, 0, 2, 4]> : tensor<4xi64>
  %ci = arith.constant dense<[3, 0, 2, 1]> : tensor<4xi16>
  %vals = arith.constant dense<[0.75, -8.0, 0.125, 2.0]> : tensor<4xf32>
  %b = qnt.uniform %codes scales(%s) : (tensor<3x4xi8>, tensor<1x1xf32>) -> !qnt.qtensor<3x4xf32, #qnt.uniform<bits = 3, block = [3, 4]>>
  %cid = tensor.cast %ci : tensor<4xi16> to tensor<?xi16>
  %valsd = tensor.cast %vals : tensor<4xf32> to tensor<?xf32>
  %w = qnt.sparse_outliers %b rows(%rp) cols(%cid) values(%valsd) : (!qnt.qtensor<3x4xf32, #qnt.uniform<bits = 3, block = [3, 4]>>, tensor<4xi64>, tensor<?xi16>, tensor<?xf32>) -> !qnt.qtensor<3x4xf32, #qnt.sparse_outliers>
  %out = qnt.dequantize %w : !qnt.qtensor<3x4xf32, #qnt.sparse_outliers> -> tensor<3x4xf32>
  %printed = tensor.cast %out : tensor<3x4xf32> to tensor<*xf32>
  call @printMemrefF32(%printed) : (tensor<*xf32>) -> ()
  return
}

// nnz = 0: every row empty, W = base.
// CHECK: rank = 2 offset = 0 sizes = [3, 4] strides = [4, 1] data =
// CHECK-NEXT: {{\[\[}}0.5, -1, 1.5, -2],
// CHECK-NEXT: [0, 0.5, 1, 1.5],
// CHECK-NEXT: [-1.5, -1, -0.5, 0]]
func.func @csr_no_outliers() {
  %codes = arith.constant dense<[[1, -2, 3, -4], [0, 1, 2, 3], [-3, -2, -1, 0]]> : tensor<3x4xi8>
  %s = arith.constant dense<[[0.5]]> : tensor<1x1xf32>
  %rp = arith.constant dense<[0, 0, 0, 0]> : tensor<4xi32>
  %ci = arith.constant dense<> : tensor<0xi32>
  %vals = arith.constant dense<> : tensor<0xf32>
  %b = qnt.uniform %codes scales(%s) : (tensor<3x4xi8>, tensor<1x1xf32>) -> !qnt.qtensor<3x4xf32, #qnt.uniform<bits = 3, block = [3, 4]>>
  %w = qnt.sparse_outliers %b rows(%rp) cols(%ci) values(%vals) : (!qnt.qtensor<3x4xf32, #qnt.uniform<bits = 3, block = [3, 4]>>, tensor<4xi32>, tensor<0xi32>, tensor<0xf32>) -> !qnt.qtensor<3x4xf32, #qnt.sparse_outliers>
  %out = qnt.dequantize %w : !qnt.qtensor<3x4xf32, #qnt.sparse_outliers> -> tensor<3x4xf32>
  %printed = tensor.cast %out : tensor<3x4xf32> to tensor<*xf32>
  call @printMemrefF32(%printed) : (tensor<*xf32>) -> ()
  return
}

// Two entries on the same position (row 0, column 2) both add (S is the
// sum of its CSR entries, as in CSR / scipy semantics).
// CHECK: rank = 2 offset = 0 sizes = [3, 4] strides = [4, 1] data =
// CHECK-NEXT: {{\[\[}}0.5, -1, 3, -2],
// CHECK-NEXT: [-4, 0.5, 1, 1.5],
// CHECK-NEXT: [-1.5, -1, -0.5, 0]]
func.func @csr_duplicates() {
  %codes = arith.constant dense<[[1, -2, 3, -4], [0, 1, 2, 3], [-3, -2, -1, 0]]> : tensor<3x4xi8>
  %s = arith.constant dense<[[0.5]]> : tensor<1x1xf32>
  %rp = arith.constant dense<[0, 2, 3, 3]> : tensor<4xi32>
  %ci = arith.constant dense<[2, 2, 0]> : tensor<3xi64>
  %vals = arith.constant dense<[1.0, 0.5, -4.0]> : tensor<3xf32>
  %b = qnt.uniform %codes scales(%s) : (tensor<3x4xi8>, tensor<1x1xf32>) -> !qnt.qtensor<3x4xf32, #qnt.uniform<bits = 3, block = [3, 4]>>
  %w = qnt.sparse_outliers %b rows(%rp) cols(%ci) values(%vals) : (!qnt.qtensor<3x4xf32, #qnt.uniform<bits = 3, block = [3, 4]>>, tensor<4xi32>, tensor<3xi64>, tensor<3xf32>) -> !qnt.qtensor<3x4xf32, #qnt.sparse_outliers>
  %out = qnt.dequantize %w : !qnt.qtensor<3x4xf32, #qnt.sparse_outliers> -> tensor<3x4xf32>
  %printed = tensor.cast %out : tensor<3x4xf32> to tensor<*xf32>
  call @printMemrefF32(%printed) : (tensor<*xf32>) -> ()
  return
}

func.func @main() {
  call @csr_empty_row() : () -> ()
  call @csr_i64_i16_dynamic() : () -> ()
  call @csr_no_outliers() : () -> ()
  call @csr_duplicates() : () -> ()
  return
}
func.func private @printMemrefF32(tensor<*xf32>)
func.func private @printMemrefI32(tensor<*xi32>)
