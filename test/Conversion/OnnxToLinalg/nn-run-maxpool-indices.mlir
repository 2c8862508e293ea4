// RUN: quench-opt %s --convert-onnx-to-linalg | %run_reference | FileCheck %s

// MaxPool's Indices output against a direct loop over the spec: the index of the
// first maximum in window scan order into the flattened input [N, C, D...],
// row major (storage_order = 0) or column major over the spatial dims
// (storage_order = 1); windows start at o * stride - pad_begin.

// CHECK: rank = 4 offset = 0 sizes = [1, 1, 3, 3]
// CHECK-NEXT: [6, 7, 7]
// CHECK-NEXT: [6, 6, 7]
// CHECK-NEXT: [5, 6, 4]
// CHECK: rank = 4 offset = 0 sizes = [1, 1, 3, 3]
// CHECK-NEXT: [6, 3, 3]
// CHECK-NEXT: [6, 6, 14]
// CHECK-NEXT: [20, 17, 23]
func.func @maxpool_idx_pads_strides_row(%x: tensor<1x1x5x5xf32>) -> (tensor<1x1x3x3xf32>, tensor<1x1x3x3xi64>) {
  %y, %i = onnx.node "MaxPool"(%x) {domain = "", opset = 12 : i64, name = "maxpool_idx_pads_strides_row", attrs = {kernel_shape = array<i64: 3, 3>, strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>}} : (tensor<1x1x5x5xf32>) -> (tensor<1x1x3x3xf32>, tensor<1x1x3x3xi64>)
  return %y, %i : tensor<1x1x3x3xf32>, tensor<1x1x3x3xi64>
}

// CHECK: rank = 4 offset = 0 sizes = [1, 1, 3, 3]
// CHECK-NEXT: [6, 7, 7]
// CHECK-NEXT: [6, 6, 7]
// CHECK-NEXT: [5, 6, 4]
// CHECK: rank = 4 offset = 0 sizes = [1, 1, 3, 3]
// CHECK-NEXT: [6, 15, 15]
// CHECK-NEXT: [6, 6, 22]
// CHECK-NEXT: [4, 13, 19]
func.func @maxpool_idx_pads_strides_col(%x: tensor<1x1x5x5xf32>) -> (tensor<1x1x3x3xf32>, tensor<1x1x3x3xi64>) {
  %y, %i = onnx.node "MaxPool"(%x) {domain = "", opset = 12 : i64, name = "maxpool_idx_pads_strides_col", attrs = {kernel_shape = array<i64: 3, 3>, strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>, storage_order = 1 : i64}} : (tensor<1x1x5x5xf32>) -> (tensor<1x1x3x3xf32>, tensor<1x1x3x3xi64>)
  return %y, %i : tensor<1x1x3x3xf32>, tensor<1x1x3x3xi64>
}

// CHECK: rank = 4 offset = 0 sizes = [1, 1, 2, 2]
// CHECK-NEXT: [7, 9]
// CHECK-NEXT: [17, 19]
// CHECK: rank = 4 offset = 0 sizes = [1, 1, 2, 2]
// CHECK-NEXT: [6, 16]
// CHECK-NEXT: [8, 18]
func.func @maxpool_idx_strides_col(%x: tensor<1x1x5x5xf32>) -> (tensor<1x1x2x2xf32>, tensor<1x1x2x2xi64>) {
  %y, %i = onnx.node "MaxPool"(%x) {domain = "", opset = 12 : i64, name = "maxpool_idx_strides_col", attrs = {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>, pads = array<i64: 0, 0, 0, 0>, storage_order = 1 : i64}} : (tensor<1x1x5x5xf32>) -> (tensor<1x1x2x2xf32>, tensor<1x1x2x2xi64>)
  return %y, %i : tensor<1x1x2x2xf32>, tensor<1x1x2x2xi64>
}

// CHECK: rank = 4 offset = 0 sizes = [1, 1, 5, 5]
// CHECK-NEXT: [13, 14, 15, 15, 15]
// CHECK-NEXT: [18, 19, 20, 20, 20]
// CHECK-NEXT: [23, 24, 25, 25, 25]
// CHECK-NEXT: [23, 24, 25, 25, 25]
// CHECK-NEXT: [23, 24, 25, 25, 25]
// CHECK: rank = 4 offset = 0 sizes = [1, 1, 5, 5]
// CHECK-NEXT: [12, 13, 14, 14, 14]
// CHECK-NEXT: [17, 18, 19, 19, 19]
// CHECK-NEXT: [22, 23, 24, 24, 24]
// CHECK-NEXT: [22, 23, 24, 24, 24]
// CHECK-NEXT: [22, 23, 24, 24, 24]
func.func @maxpool_idx_pads_row(%x: tensor<1x1x5x5xf32>) -> (tensor<1x1x5x5xf32>, tensor<1x1x5x5xi64>) {
  %y, %i = onnx.node "MaxPool"(%x) {domain = "", opset = 12 : i64, name = "maxpool_idx_pads_row", attrs = {kernel_shape = array<i64: 5, 5>, strides = array<i64: 1, 1>, pads = array<i64: 2, 2, 2, 2>}} : (tensor<1x1x5x5xf32>) -> (tensor<1x1x5x5xf32>, tensor<1x1x5x5xi64>)
  return %y, %i : tensor<1x1x5x5xf32>, tensor<1x1x5x5xi64>
}

// CHECK: rank = 4 offset = 0 sizes = [2, 3, 4, 2]
// CHECK-NEXT: [9, 8]
// CHECK-NEXT: [9, 8]
// CHECK-NEXT: [9, 6]
// CHECK-NEXT: [8, 6]
// CHECK-NEXT: [7, 7]
// CHECK-NEXT: [9, 9]
// CHECK-NEXT: [9, 9]
// CHECK-NEXT: [9, 6]
// CHECK-NEXT: [-5, 6]
// CHECK-NEXT: [4, 7]
// CHECK-NEXT: [9, 9]
// CHECK-NEXT: [9, 9]
// CHECK-NEXT: [1, 9]
// CHECK-NEXT: [9, 9]
// CHECK-NEXT: [9, 9]
// CHECK-NEXT: [2, 6]
// CHECK-NEXT: [4, 4]
// CHECK-NEXT: [4, 9]
// CHECK-NEXT: [8, 9]
// CHECK-NEXT: [8, 8]
// CHECK-NEXT: [4, 4]
// CHECK-NEXT: [4, 4]
// CHECK-NEXT: [3, 7]
// CHECK-NEXT: [8, 7]
// CHECK: rank = 4 offset = 0 sizes = [2, 3, 4, 2]
// CHECK-NEXT: [1, 2]
// CHECK-NEXT: [1, 2]
// CHECK-NEXT: [6, 9]
// CHECK-NEXT: [11, 14]
// CHECK-NEXT: [22, 22]
// CHECK-NEXT: [27, 27]
// CHECK-NEXT: [27, 27]
// CHECK-NEXT: [36, 32]
// CHECK-NEXT: [42, 43]
// CHECK-NEXT: [46, 49]
// CHECK-NEXT: [51, 54]
// CHECK-NEXT: [51, 54]
// CHECK-NEXT: [62, 64]
// CHECK-NEXT: [65, 64]
// CHECK-NEXT: [65, 68]
// CHECK-NEXT: [76, 73]
// CHECK-NEXT: [82, 82]
// CHECK-NEXT: [82, 88]
// CHECK-NEXT: [90, 88]
// CHECK-NEXT: [90, 99]
// CHECK-NEXT: [102, 102]
// CHECK-NEXT: [102, 102]
// CHECK-NEXT: [111, 114]
// CHECK-NEXT: [116, 114]
func.func @maxpool_idx_batch_row(%x: tensor<2x3x4x5xf32>) -> (tensor<2x3x4x2xf32>, tensor<2x3x4x2xi64>) {
  %y, %i = onnx.node "MaxPool"(%x) {domain = "", opset = 12 : i64, name = "maxpool_idx_batch_row", attrs = {kernel_shape = array<i64: 2, 3>, strides = array<i64: 1, 2>, pads = array<i64: 1, 0, 0, 1>}} : (tensor<2x3x4x5xf32>) -> (tensor<2x3x4x2xf32>, tensor<2x3x4x2xi64>)
  return %y, %i : tensor<2x3x4x2xf32>, tensor<2x3x4x2xi64>
}

// CHECK: rank = 4 offset = 0 sizes = [2, 3, 4, 2]
// CHECK-NEXT: [9, 8]
// CHECK-NEXT: [9, 8]
// CHECK-NEXT: [9, 6]
// CHECK-NEXT: [8, 6]
// CHECK-NEXT: [7, 7]
// CHECK-NEXT: [9, 9]
// CHECK-NEXT: [9, 9]
// CHECK-NEXT: [9, 6]
// CHECK-NEXT: [-5, 6]
// CHECK-NEXT: [4, 7]
// CHECK-NEXT: [9, 9]
// CHECK-NEXT: [9, 9]
// CHECK-NEXT: [1, 9]
// CHECK-NEXT: [9, 9]
// CHECK-NEXT: [9, 9]
// CHECK-NEXT: [2, 6]
// CHECK-NEXT: [4, 4]
// CHECK-NEXT: [4, 9]
// CHECK-NEXT: [8, 9]
// CHECK-NEXT: [8, 8]
// CHECK-NEXT: [4, 4]
// CHECK-NEXT: [4, 4]
// CHECK-NEXT: [3, 7]
// CHECK-NEXT: [8, 7]
// CHECK: rank = 4 offset = 0 sizes = [2, 3, 4, 2]
// CHECK-NEXT: [4, 8]
// CHECK-NEXT: [4, 8]
// CHECK-NEXT: [5, 17]
// CHECK-NEXT: [6, 18]
// CHECK-NEXT: [28, 28]
// CHECK-NEXT: [29, 29]
// CHECK-NEXT: [29, 29]
// CHECK-NEXT: [27, 30]
// CHECK-NEXT: [48, 52]
// CHECK-NEXT: [45, 57]
// CHECK-NEXT: [46, 58]
// CHECK-NEXT: [46, 58]
// CHECK-NEXT: [68, 76]
// CHECK-NEXT: [61, 76]
// CHECK-NEXT: [61, 73]
// CHECK-NEXT: [67, 74]
// CHECK-NEXT: [88, 88]
// CHECK-NEXT: [88, 93]
// CHECK-NEXT: [82, 93]
// CHECK-NEXT: [82, 99]
// CHECK-NEXT: [108, 108]
// CHECK-NEXT: [108, 108]
// CHECK-NEXT: [106, 118]
// CHECK-NEXT: [107, 118]
func.func @maxpool_idx_batch_col(%x: tensor<2x3x4x5xf32>) -> (tensor<2x3x4x2xf32>, tensor<2x3x4x2xi64>) {
  %y, %i = onnx.node "MaxPool"(%x) {domain = "", opset = 12 : i64, name = "maxpool_idx_batch_col", attrs = {kernel_shape = array<i64: 2, 3>, strides = array<i64: 1, 2>, pads = array<i64: 1, 0, 0, 1>, storage_order = 1 : i64}} : (tensor<2x3x4x5xf32>) -> (tensor<2x3x4x2xf32>, tensor<2x3x4x2xi64>)
  return %y, %i : tensor<2x3x4x2xf32>, tensor<2x3x4x2xi64>
}

// CHECK: rank = 4 offset = 0 sizes = [1, 1, 2, 2]
// CHECK-NEXT: [2, 2]
// CHECK-NEXT: [2, 2]
// CHECK: rank = 4 offset = 0 sizes = [1, 1, 2, 2]
// CHECK-NEXT: [4, 2]
// CHECK-NEXT: [4, 4]
func.func @maxpool_idx_ties(%x: tensor<1x1x3x3xf32>) -> (tensor<1x1x2x2xf32>, tensor<1x1x2x2xi64>) {
  %y, %i = onnx.node "MaxPool"(%x) {domain = "", opset = 12 : i64, name = "maxpool_idx_ties", attrs = {kernel_shape = array<i64: 2, 2>, strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>}} : (tensor<1x1x3x3xf32>) -> (tensor<1x1x2x2xf32>, tensor<1x1x2x2xi64>)
  return %y, %i : tensor<1x1x2x2xf32>, tensor<1x1x2x2xi64>
}

func.func @main() {
  %c0 = arith.constant dense<[[[[-3.0, 4.0, 0.0, 7.0, 3.0], [-1.0, 6.0, 2.0, -2.0, 5.0], [1.0, -3.0, 4.0, 0.0, 7.0], [3.0, -1.0, 6.0, 2.0, -2.0], [5.0, 1.0, -3.0, 4.0, 0.0]]]]> : tensor<1x1x5x5xf32>
  %r0:2 = call @maxpool_idx_pads_strides_row(%c0) : (tensor<1x1x5x5xf32>) -> (tensor<1x1x3x3xf32>, tensor<1x1x3x3xi64>)
  %y0 = tensor.cast %r0#0 : tensor<1x1x3x3xf32> to tensor<*xf32>
  call @printMemrefF32(%y0) : (tensor<*xf32>) -> ()
  %i0 = tensor.cast %r0#1 : tensor<1x1x3x3xi64> to tensor<*xi64>
  call @printMemrefI64(%i0) : (tensor<*xi64>) -> ()
  %c1 = arith.constant dense<[[[[-3.0, 4.0, 0.0, 7.0, 3.0], [-1.0, 6.0, 2.0, -2.0, 5.0], [1.0, -3.0, 4.0, 0.0, 7.0], [3.0, -1.0, 6.0, 2.0, -2.0], [5.0, 1.0, -3.0, 4.0, 0.0]]]]> : tensor<1x1x5x5xf32>
  %r1:2 = call @maxpool_idx_pads_strides_col(%c1) : (tensor<1x1x5x5xf32>) -> (tensor<1x1x3x3xf32>, tensor<1x1x3x3xi64>)
  %y1 = tensor.cast %r1#0 : tensor<1x1x3x3xf32> to tensor<*xf32>
  call @printMemrefF32(%y1) : (tensor<*xf32>) -> ()
  %i1 = tensor.cast %r1#1 : tensor<1x1x3x3xi64> to tensor<*xi64>
  call @printMemrefI64(%i1) : (tensor<*xi64>) -> ()
  %c2 = arith.constant dense<[[[[1.0, 2.0, 3.0, 4.0, 5.0], [6.0, 7.0, 8.0, 9.0, 10.0], [11.0, 12.0, 13.0, 14.0, 15.0], [16.0, 17.0, 18.0, 19.0, 20.0], [21.0, 22.0, 23.0, 24.0, 25.0]]]]> : tensor<1x1x5x5xf32>
  %r2:2 = call @maxpool_idx_strides_col(%c2) : (tensor<1x1x5x5xf32>) -> (tensor<1x1x2x2xf32>, tensor<1x1x2x2xi64>)
  %y2 = tensor.cast %r2#0 : tensor<1x1x2x2xf32> to tensor<*xf32>
  call @printMemrefF32(%y2) : (tensor<*xf32>) -> ()
  %i2 = tensor.cast %r2#1 : tensor<1x1x2x2xi64> to tensor<*xi64>
  call @printMemrefI64(%i2) : (tensor<*xi64>) -> ()
  %c3 = arith.constant dense<[[[[1.0, 2.0, 3.0, 4.0, 5.0], [6.0, 7.0, 8.0, 9.0, 10.0], [11.0, 12.0, 13.0, 14.0, 15.0], [16.0, 17.0, 18.0, 19.0, 20.0], [21.0, 22.0, 23.0, 24.0, 25.0]]]]> : tensor<1x1x5x5xf32>
  %r3:2 = call @maxpool_idx_pads_row(%c3) : (tensor<1x1x5x5xf32>) -> (tensor<1x1x5x5xf32>, tensor<1x1x5x5xi64>)
  %y3 = tensor.cast %r3#0 : tensor<1x1x5x5xf32> to tensor<*xf32>
  call @printMemrefF32(%y3) : (tensor<*xf32>) -> ()
  %i3 = tensor.cast %r3#1 : tensor<1x1x5x5xi64> to tensor<*xi64>
  call @printMemrefI64(%i3) : (tensor<*xi64>) -> ()
  %c4 = arith.constant dense<[[[[-2.0, 9.0, 8.0, -5.0, 2.0], [6.0, 9.0, -7.0, -9.0, 6.0], [-1.0, 8.0, -2.0, -3.0, 6.0], [8.0, 8.0, 6.0, 3.0, -5.0]], [[-2.0, -5.0, 7.0, 3.0, -9.0], [-7.0, -4.0, 9.0, -8.0, 0.0], [-9.0, -1.0, 6.0, 3.0, 4.0], [3.0, 9.0, 5.0, -5.0, 2.0]], [[-6.0, -8.0, -5.0, 6.0, -3.0], [-1.0, 4.0, 0.0, 4.0, 7.0], [3.0, 9.0, 2.0, 8.0, 9.0], [4.0, 9.0, -2.0, 1.0, -9.0]]], [[[-1.0, -4.0, 1.0, 8.0, 9.0], [9.0, -6.0, -3.0, 9.0, -1.0], [0.0, -6.0, -7.0, 6.0, 6.0], [-7.0, 2.0, -7.0, 4.0, -5.0]], [[-9.0, 0.0, 4.0, 4.0, -6.0], [-8.0, -8.0, 3.0, 9.0, 1.0], [8.0, -1.0, 7.0, -2.0, -8.0], [0.0, -9.0, -7.0, -6.0, 8.0]], [[-8.0, -3.0, 4.0, 0.0, -1.0], [-5.0, -8.0, 1.0, 1.0, 2.0], [-5.0, 3.0, 3.0, 5.0, 7.0], [3.0, 8.0, -6.0, 7.0, -1.0]]]]> : tensor<2x3x4x5xf32>
  %r4:2 = call @maxpool_idx_batch_row(%c4) : (tensor<2x3x4x5xf32>) -> (tensor<2x3x4x2xf32>, tensor<2x3x4x2xi64>)
  %y4 = tensor.cast %r4#0 : tensor<2x3x4x2xf32> to tensor<*xf32>
  call @printMemrefF32(%y4) : (tensor<*xf32>) -> ()
  %i4 = tensor.cast %r4#1 : tensor<2x3x4x2xi64> to tensor<*xi64>
  call @printMemrefI64(%i4) : (tensor<*xi64>) -> ()
  %c5 = arith.constant dense<[[[[-2.0, 9.0, 8.0, -5.0, 2.0], [6.0, 9.0, -7.0, -9.0, 6.0], [-1.0, 8.0, -2.0, -3.0, 6.0], [8.0, 8.0, 6.0, 3.0, -5.0]], [[-2.0, -5.0, 7.0, 3.0, -9.0], [-7.0, -4.0, 9.0, -8.0, 0.0], [-9.0, -1.0, 6.0, 3.0, 4.0], [3.0, 9.0, 5.0, -5.0, 2.0]], [[-6.0, -8.0, -5.0, 6.0, -3.0], [-1.0, 4.0, 0.0, 4.0, 7.0], [3.0, 9.0, 2.0, 8.0, 9.0], [4.0, 9.0, -2.0, 1.0, -9.0]]], [[[-1.0, -4.0, 1.0, 8.0, 9.0], [9.0, -6.0, -3.0, 9.0, -1.0], [0.0, -6.0, -7.0, 6.0, 6.0], [-7.0, 2.0, -7.0, 4.0, -5.0]], [[-9.0, 0.0, 4.0, 4.0, -6.0], [-8.0, -8.0, 3.0, 9.0, 1.0], [8.0, -1.0, 7.0, -2.0, -8.0], [0.0, -9.0, -7.0, -6.0, 8.0]], [[-8.0, -3.0, 4.0, 0.0, -1.0], [-5.0, -8.0, 1.0, 1.0, 2.0], [-5.0, 3.0, 3.0, 5.0, 7.0], [3.0, 8.0, -6.0, 7.0, -1.0]]]]> : tensor<2x3x4x5xf32>
  %r5:2 = call @maxpool_idx_batch_col(%c5) : (tensor<2x3x4x5xf32>) -> (tensor<2x3x4x2xf32>, tensor<2x3x4x2xi64>)
  %y5 = tensor.cast %r5#0 : tensor<2x3x4x2xf32> to tensor<*xf32>
  call @printMemrefF32(%y5) : (tensor<*xf32>) -> ()
  %i5 = tensor.cast %r5#1 : tensor<2x3x4x2xi64> to tensor<*xi64>
  call @printMemrefI64(%i5) : (tensor<*xi64>) -> ()
  %c6 = arith.constant dense<[[[[1.0, 1.0, 2.0], [1.0, 2.0, 2.0], [0.0, 0.0, 0.0]]]]> : tensor<1x1x3x3xf32>
  %r6:2 = call @maxpool_idx_ties(%c6) : (tensor<1x1x3x3xf32>) -> (tensor<1x1x2x2xf32>, tensor<1x1x2x2xi64>)
  %y6 = tensor.cast %r6#0 : tensor<1x1x2x2xf32> to tensor<*xf32>
  call @printMemrefF32(%y6) : (tensor<*xf32>) -> ()
  %i6 = tensor.cast %r6#1 : tensor<1x1x2x2xi64> to tensor<*xi64>
  call @printMemrefI64(%i6) : (tensor<*xi64>) -> ()
  return
}

func.func private @printMemrefF32(tensor<*xf32>)
func.func private @printMemrefI64(tensor<*xi64>)
