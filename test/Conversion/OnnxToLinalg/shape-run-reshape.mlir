// Numeric tests of the ONNX reshaping lowerings (Reshape, Transpose,
// Unsqueeze, Squeeze, Flatten, Concat, Split); expected values from numpy.
// Data inputs are copied into fresh tensors (bufferization.alloc_tensor), so
// they are not constants: nothing folds and the lowerings take their general
// paths.
// RUN: quench-opt %s --convert-onnx-to-linalg | %run_reference | FileCheck %s

// Reshape [2,3,4] by [0, -1]
// CHECK: rank = 2 offset = {{[0-9]+}} sizes = [2, 12]
// CHECK-NEXT: {{\[\[}}-3, -2.5, -2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2, 2.5],
// CHECK-NEXT: [3, 3.5, 4, 4.5, 5, 5.5, 6, 6.5, 7, 7.5, 8, 8.5]]
// Reshape [2,3,4] by [4, 6]
// CHECK: rank = 2 offset = {{[0-9]+}} sizes = [4, 6]
// CHECK-NEXT: {{\[\[}}-3, -2.5, -2, -1.5, -1, -0.5],
// CHECK-NEXT: [0, 0.5, 1, 1.5, 2, 2.5],
// CHECK-NEXT: [3, 3.5, 4, 4.5, 5, 5.5],
// CHECK-NEXT: [6, 6.5, 7, 7.5, 8, 8.5]]
// Reshape-1 shape attribute [2, 3, 2, -1]
// CHECK: rank = 4 offset = {{[0-9]+}} sizes = [2, 3, 2, 2]
// CHECK-NEXT: {{\[\[\[\[}}-3, -2.5],
// CHECK-NEXT: [-2, -1.5]],
// CHECK-NEXT: {{\[\[}}-1, -0.5],
// CHECK-NEXT: [0, 0.5]],
// CHECK-NEXT: {{\[\[}}1, 1.5],
// CHECK-NEXT: [2, 2.5]]],
// CHECK-NEXT: {{\[\[\[}}3, 3.5],
// CHECK-NEXT: [4, 4.5]],
// CHECK-NEXT: {{\[\[}}5, 5.5],
// CHECK-NEXT: [6, 6.5]],
// CHECK-NEXT: {{\[\[}}7, 7.5],
// CHECK-NEXT: [8, 8.5]]]]
// Transpose default perm
// CHECK: rank = 3 offset = {{[0-9]+}} sizes = [4, 3, 2]
// CHECK-NEXT: {{\[\[\[}}-3, 3],
// CHECK-NEXT: [-1, 5],
// CHECK-NEXT: [1, 7]],
// CHECK-NEXT: {{\[\[}}-2.5, 3.5],
// CHECK-NEXT: [-0.5, 5.5],
// CHECK-NEXT: [1.5, 7.5]],
// CHECK-NEXT: {{\[\[}}-2, 4],
// CHECK-NEXT: [0, 6],
// CHECK-NEXT: [2, 8]],
// CHECK-NEXT: {{\[\[}}-1.5, 4.5],
// CHECK-NEXT: [0.5, 6.5],
// CHECK-NEXT: [2.5, 8.5]]]
// Transpose perm [1, 0, 2]
// CHECK: rank = 3 offset = {{[0-9]+}} sizes = [3, 2, 4]
// CHECK-NEXT: {{\[\[\[}}-3, -2.5, -2, -1.5],
// CHECK-NEXT: [3, 3.5, 4, 4.5]],
// CHECK-NEXT: {{\[\[}}-1, -0.5, 0, 0.5],
// CHECK-NEXT: [5, 5.5, 6, 6.5]],
// CHECK-NEXT: {{\[\[}}1, 1.5, 2, 2.5],
// CHECK-NEXT: [7, 7.5, 8, 8.5]]]
// Unsqueeze-11 axes [0, -1]
// CHECK: rank = 4 offset = {{[0-9]+}} sizes = [1, 2, 2, 1]
// CHECK-NEXT: {{\[\[\[\[}}1.5],
// CHECK-NEXT: [-2]],
// CHECK-NEXT: {{\[\[}}3],
// CHECK-NEXT: [4.25]]]]
// Unsqueeze-13 axes input [1]
// CHECK: rank = 3 offset = {{[0-9]+}} sizes = [2, 1, 2]
// CHECK-NEXT: {{\[\[\[}}1.5, -2]],
// CHECK-NEXT: {{\[\[}}3, 4.25]]]
// Squeeze without axes
// CHECK: rank = 1 offset = {{[0-9]+}} sizes = [3]
// CHECK-NEXT: [7, 8, 9]
// Squeeze-13 axes input [-1]
// CHECK: rank = 2 offset = {{[0-9]+}} sizes = [1, 3]
// CHECK-NEXT: {{\[\[}}7, 8, 9]]
// Squeeze-11 axes attribute [0]
// CHECK: rank = 2 offset = {{[0-9]+}} sizes = [3, 1]
// CHECK-NEXT: {{\[\[}}7],
// CHECK-NEXT: [8],
// CHECK-NEXT: [9]]
// Flatten axis 0
// CHECK: rank = 2 offset = {{[0-9]+}} sizes = [1, 24]
// CHECK-NEXT: {{\[\[}}-3, -2.5, -2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5, 5.5, 6, 6.5, 7, 7.5, 8, 8.5]]
// Flatten default axis 1
// CHECK: rank = 2 offset = {{[0-9]+}} sizes = [2, 12]
// CHECK-NEXT: {{\[\[}}-3, -2.5, -2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2, 2.5],
// CHECK-NEXT: [3, 3.5, 4, 4.5, 5, 5.5, 6, 6.5, 7, 7.5, 8, 8.5]]
// Flatten axis -1
// CHECK: rank = 2 offset = {{[0-9]+}} sizes = [6, 4]
// CHECK-NEXT: {{\[\[}}-3, -2.5, -2, -1.5],
// CHECK-NEXT: [-1, -0.5, 0, 0.5],
// CHECK-NEXT: [1, 1.5, 2, 2.5],
// CHECK-NEXT: [3, 3.5, 4, 4.5],
// CHECK-NEXT: [5, 5.5, 6, 6.5],
// CHECK-NEXT: [7, 7.5, 8, 8.5]]
// Concat axis -1
// CHECK: rank = 2 offset = {{[0-9]+}} sizes = [2, 7]
// CHECK-NEXT: {{\[\[}}1, 2, 5, 6, 7, 1, 2],
// CHECK-NEXT: [3, 4, 8, 9, 10, 3, 4]]
// Concat-1 default axis 1
// CHECK: rank = 2 offset = {{[0-9]+}} sizes = [2, 4]
// CHECK-NEXT: {{\[\[}}1, 2, 1, 2],
// CHECK-NEXT: [3, 4, 3, 4]]
// Split-13 split input [2, 5] (output 0)
// CHECK: rank = 2 offset = {{[0-9]+}} sizes = [2, 2]
// CHECK-NEXT: {{\[\[}}0, 1],
// CHECK-NEXT: [7, 8]]
// Split-13 split input [2, 5] (output 1)
// CHECK: rank = 2 offset = {{[0-9]+}} sizes = [2, 5]
// CHECK-NEXT: {{\[\[}}2, 3, 4, 5, 6],
// CHECK-NEXT: [9, 10, 11, 12, 13]]
// Split-18 num_outputs 3 of 7 (output 0)
// CHECK: rank = 2 offset = {{[0-9]+}} sizes = [2, 3]
// CHECK-NEXT: {{\[\[}}0, 1, 2],
// CHECK-NEXT: [7, 8, 9]]
// Split-18 num_outputs 3 of 7 (output 1)
// CHECK: rank = 2 offset = {{[0-9]+}} sizes = [2, 3]
// CHECK-NEXT: {{\[\[}}3, 4, 5],
// CHECK-NEXT: [10, 11, 12]]
// Split-18 num_outputs 3 of 7 (output 2)
// CHECK: rank = 2 offset = {{[0-9]+}} sizes = [2, 1]
// CHECK-NEXT: {{\[\[}}6],
// CHECK-NEXT: [13]]
// Split-11 split attribute [4, 3] (output 0)
// CHECK: rank = 2 offset = {{[0-9]+}} sizes = [2, 4]
// CHECK-NEXT: {{\[\[}}0, 1, 2, 3],
// CHECK-NEXT: [7, 8, 9, 10]]
// Split-11 split attribute [4, 3] (output 1)
// CHECK: rank = 2 offset = {{[0-9]+}} sizes = [2, 3]
// CHECK-NEXT: {{\[\[}}4, 5, 6],
// CHECK-NEXT: [11, 12, 13]]
// Split-11 equal parts (output 0)
// CHECK: rank = 2 offset = {{[0-9]+}} sizes = [1, 7]
// CHECK-NEXT: {{\[\[}}0, 1, 2, 3, 4, 5, 6]]
// Split-11 equal parts (output 1)
// CHECK: rank = 2 offset = {{[0-9]+}} sizes = [1, 7]
// CHECK-NEXT: {{\[\[}}7, 8, 9, 10, 11, 12, 13]]

func.func @main() {
  %c1 = arith.constant dense<[[[-3.0, -2.5, -2.0, -1.5], [-1.0, -0.5, 0.0, 0.5], [1.0, 1.5, 2.0, 2.5]], [[3.0, 3.5, 4.0, 4.5], [5.0, 5.5, 6.0, 6.5], [7.0, 7.5, 8.0, 8.5]]]> : tensor<2x3x4xf32>
  %d2 = bufferization.alloc_tensor() copy(%c1) : tensor<2x3x4xf32>
  %c3 = arith.constant dense<[0, -1]> : tensor<2xi64>
  // Reshape [2,3,4] by [0, -1]
  %r4 = onnx.node "Reshape"(%d2, %c3) {domain = "", opset = 17 : i64, name = "n4", attrs = {}} : (tensor<2x3x4xf32>, tensor<2xi64>) -> tensor<2x12xf32>
  %p5 = tensor.cast %r4 : tensor<2x12xf32> to tensor<*xf32>
  call @printMemrefF32(%p5) : (tensor<*xf32>) -> ()
  %c6 = arith.constant dense<[4, 6]> : tensor<2xi64>
  // Reshape [2,3,4] by [4, 6]
  %r7 = onnx.node "Reshape"(%d2, %c6) {domain = "", opset = 17 : i64, name = "n7", attrs = {}} : (tensor<2x3x4xf32>, tensor<2xi64>) -> tensor<4x6xf32>
  %p8 = tensor.cast %r7 : tensor<4x6xf32> to tensor<*xf32>
  call @printMemrefF32(%p8) : (tensor<*xf32>) -> ()
  // Reshape-1 shape attribute [2, 3, 2, -1]
  %r9 = onnx.node "Reshape"(%d2) {domain = "", opset = 1 : i64, name = "n9", attrs = {shape = array<i64: 2, 3, 2, -1>}} : (tensor<2x3x4xf32>) -> tensor<2x3x2x2xf32>
  %p10 = tensor.cast %r9 : tensor<2x3x2x2xf32> to tensor<*xf32>
  call @printMemrefF32(%p10) : (tensor<*xf32>) -> ()
  // Transpose default perm
  %r11 = onnx.node "Transpose"(%d2) {domain = "", opset = 17 : i64, name = "n11", attrs = {}} : (tensor<2x3x4xf32>) -> tensor<4x3x2xf32>
  %p12 = tensor.cast %r11 : tensor<4x3x2xf32> to tensor<*xf32>
  call @printMemrefF32(%p12) : (tensor<*xf32>) -> ()
  // Transpose perm [1, 0, 2]
  %r13 = onnx.node "Transpose"(%d2) {domain = "", opset = 17 : i64, name = "n13", attrs = {perm = array<i64: 1, 0, 2>}} : (tensor<2x3x4xf32>) -> tensor<3x2x4xf32>
  %p14 = tensor.cast %r13 : tensor<3x2x4xf32> to tensor<*xf32>
  call @printMemrefF32(%p14) : (tensor<*xf32>) -> ()
  %c15 = arith.constant dense<[[1.5, -2.0], [3.0, 4.25]]> : tensor<2x2xf32>
  %d16 = bufferization.alloc_tensor() copy(%c15) : tensor<2x2xf32>
  // Unsqueeze-11 axes [0, -1]
  %r17 = onnx.node "Unsqueeze"(%d16) {domain = "", opset = 11 : i64, name = "n17", attrs = {axes = array<i64: 0, -1>}} : (tensor<2x2xf32>) -> tensor<1x2x2x1xf32>
  %p18 = tensor.cast %r17 : tensor<1x2x2x1xf32> to tensor<*xf32>
  call @printMemrefF32(%p18) : (tensor<*xf32>) -> ()
  %c19 = arith.constant dense<[1]> : tensor<1xi64>
  // Unsqueeze-13 axes input [1]
  %r20 = onnx.node "Unsqueeze"(%d16, %c19) {domain = "", opset = 17 : i64, name = "n20", attrs = {}} : (tensor<2x2xf32>, tensor<1xi64>) -> tensor<2x1x2xf32>
  %p21 = tensor.cast %r20 : tensor<2x1x2xf32> to tensor<*xf32>
  call @printMemrefF32(%p21) : (tensor<*xf32>) -> ()
  %c22 = arith.constant dense<[[[7.0], [8.0], [9.0]]]> : tensor<1x3x1xf32>
  %d23 = bufferization.alloc_tensor() copy(%c22) : tensor<1x3x1xf32>
  // Squeeze without axes
  %r24 = onnx.node "Squeeze"(%d23) {domain = "", opset = 11 : i64, name = "n24", attrs = {}} : (tensor<1x3x1xf32>) -> tensor<3xf32>
  %p25 = tensor.cast %r24 : tensor<3xf32> to tensor<*xf32>
  call @printMemrefF32(%p25) : (tensor<*xf32>) -> ()
  %c26 = arith.constant dense<[-1]> : tensor<1xi64>
  // Squeeze-13 axes input [-1]
  %r27 = onnx.node "Squeeze"(%d23, %c26) {domain = "", opset = 17 : i64, name = "n27", attrs = {}} : (tensor<1x3x1xf32>, tensor<1xi64>) -> tensor<1x3xf32>
  %p28 = tensor.cast %r27 : tensor<1x3xf32> to tensor<*xf32>
  call @printMemrefF32(%p28) : (tensor<*xf32>) -> ()
  // Squeeze-11 axes attribute [0]
  %r29 = onnx.node "Squeeze"(%d23) {domain = "", opset = 11 : i64, name = "n29", attrs = {axes = array<i64: 0>}} : (tensor<1x3x1xf32>) -> tensor<3x1xf32>
  %p30 = tensor.cast %r29 : tensor<3x1xf32> to tensor<*xf32>
  call @printMemrefF32(%p30) : (tensor<*xf32>) -> ()
  // Flatten axis 0
  %r31 = onnx.node "Flatten"(%d2) {domain = "", opset = 17 : i64, name = "n31", attrs = {axis = 0 : i64}} : (tensor<2x3x4xf32>) -> tensor<1x24xf32>
  %p32 = tensor.cast %r31 : tensor<1x24xf32> to tensor<*xf32>
  call @printMemrefF32(%p32) : (tensor<*xf32>) -> ()
  // Flatten default axis 1
  %r33 = onnx.node "Flatten"(%d2) {domain = "", opset = 17 : i64, name = "n33", attrs = {}} : (tensor<2x3x4xf32>) -> tensor<2x12xf32>
  %p34 = tensor.cast %r33 : tensor<2x12xf32> to tensor<*xf32>
  call @printMemrefF32(%p34) : (tensor<*xf32>) -> ()
  // Flatten axis -1
  %r35 = onnx.node "Flatten"(%d2) {domain = "", opset = 17 : i64, name = "n35", attrs = {axis = -1 : i64}} : (tensor<2x3x4xf32>) -> tensor<6x4xf32>
  %p36 = tensor.cast %r35 : tensor<6x4xf32> to tensor<*xf32>
  call @printMemrefF32(%p36) : (tensor<*xf32>) -> ()
  %c37 = arith.constant dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32>
  %d38 = bufferization.alloc_tensor() copy(%c37) : tensor<2x2xf32>
  %c39 = arith.constant dense<[[5.0, 6.0, 7.0], [8.0, 9.0, 10.0]]> : tensor<2x3xf32>
  %d40 = bufferization.alloc_tensor() copy(%c39) : tensor<2x3xf32>
  // Concat axis -1
  %r41 = onnx.node "Concat"(%d38, %d40, %d38) {domain = "", opset = 17 : i64, name = "n41", attrs = {axis = -1 : i64}} : (tensor<2x2xf32>, tensor<2x3xf32>, tensor<2x2xf32>) -> tensor<2x7xf32>
  %p42 = tensor.cast %r41 : tensor<2x7xf32> to tensor<*xf32>
  call @printMemrefF32(%p42) : (tensor<*xf32>) -> ()
  // Concat-1 default axis 1
  %r43 = onnx.node "Concat"(%d38, %d38) {domain = "", opset = 1 : i64, name = "n43", attrs = {}} : (tensor<2x2xf32>, tensor<2x2xf32>) -> tensor<2x4xf32>
  %p44 = tensor.cast %r43 : tensor<2x4xf32> to tensor<*xf32>
  call @printMemrefF32(%p44) : (tensor<*xf32>) -> ()
  %c45 = arith.constant dense<[[0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0], [7.0, 8.0, 9.0, 10.0, 11.0, 12.0, 13.0]]> : tensor<2x7xf32>
  %d46 = bufferization.alloc_tensor() copy(%c45) : tensor<2x7xf32>
  %c47 = arith.constant dense<[2, 5]> : tensor<2xi64>
  // Split-13 split input [2, 5]
  %r48:2 = onnx.node "Split"(%d46, %c47) {domain = "", opset = 17 : i64, name = "n48", attrs = {axis = 1 : i64}} : (tensor<2x7xf32>, tensor<2xi64>) -> (tensor<2x2xf32>, tensor<2x5xf32>)
  %p49 = tensor.cast %r48#0 : tensor<2x2xf32> to tensor<*xf32>
  call @printMemrefF32(%p49) : (tensor<*xf32>) -> ()
  %p50 = tensor.cast %r48#1 : tensor<2x5xf32> to tensor<*xf32>
  call @printMemrefF32(%p50) : (tensor<*xf32>) -> ()
  // Split-18 num_outputs 3 of 7
  %r51:3 = onnx.node "Split"(%d46) {domain = "", opset = 18 : i64, name = "n51", attrs = {axis = -1 : i64, num_outputs = 3 : i64}} : (tensor<2x7xf32>) -> (tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x1xf32>)
  %p52 = tensor.cast %r51#0 : tensor<2x3xf32> to tensor<*xf32>
  call @printMemrefF32(%p52) : (tensor<*xf32>) -> ()
  %p53 = tensor.cast %r51#1 : tensor<2x3xf32> to tensor<*xf32>
  call @printMemrefF32(%p53) : (tensor<*xf32>) -> ()
  %p54 = tensor.cast %r51#2 : tensor<2x1xf32> to tensor<*xf32>
  call @printMemrefF32(%p54) : (tensor<*xf32>) -> ()
  // Split-11 split attribute [4, 3]
  %r55:2 = onnx.node "Split"(%d46) {domain = "", opset = 11 : i64, name = "n55", attrs = {axis = 1 : i64, split = array<i64: 4, 3>}} : (tensor<2x7xf32>) -> (tensor<2x4xf32>, tensor<2x3xf32>)
  %p56 = tensor.cast %r55#0 : tensor<2x4xf32> to tensor<*xf32>
  call @printMemrefF32(%p56) : (tensor<*xf32>) -> ()
  %p57 = tensor.cast %r55#1 : tensor<2x3xf32> to tensor<*xf32>
  call @printMemrefF32(%p57) : (tensor<*xf32>) -> ()
  // Split-11 equal parts
  %r58:2 = onnx.node "Split"(%d46) {domain = "", opset = 11 : i64, name = "n58", attrs = {}} : (tensor<2x7xf32>) -> (tensor<1x7xf32>, tensor<1x7xf32>)
  %p59 = tensor.cast %r58#0 : tensor<1x7xf32> to tensor<*xf32>
  call @printMemrefF32(%p59) : (tensor<*xf32>) -> ()
  %p60 = tensor.cast %r58#1 : tensor<1x7xf32> to tensor<*xf32>
  call @printMemrefF32(%p60) : (tensor<*xf32>) -> ()
  return
}
func.func private @printMemrefF32(tensor<*xf32>)
func.func private @printMemrefI32(tensor<*xi32>)
