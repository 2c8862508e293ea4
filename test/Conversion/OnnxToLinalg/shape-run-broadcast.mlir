// Numeric tests of the ONNX broadcasting and generating lowerings (Expand,
// Tile, Range, ConstantOfShape, Trilu); expected values from numpy.
// Data inputs are copied into fresh tensors (bufferization.alloc_tensor), so
// they are not constants: nothing folds and the lowerings take their general
// paths.
// RUN: quench-opt %s --convert-onnx-to-linalg | %run_reference | FileCheck %s

// Expand [3,1] to [2,1,4]
// CHECK: rank = 3 offset = {{[0-9]+}} sizes = [2, 3, 4]
// CHECK-NEXT: {{\[\[\[}}1.5, 1.5, 1.5, 1.5],
// CHECK-NEXT: [-2, -2, -2, -2],
// CHECK-NEXT: [3, 3, 3, 3]],
// CHECK-NEXT: {{\[\[}}1.5, 1.5, 1.5, 1.5],
// CHECK-NEXT: [-2, -2, -2, -2],
// CHECK-NEXT: [3, 3, 3, 3]]]
// Expand with 1s keeping the input dimensions
// CHECK: rank = 3 offset = {{[0-9]+}} sizes = [3, 2, 3]
// CHECK-NEXT: {{\[\[\[}}-2.5, -1.5, -0.5],
// CHECK-NEXT: [0.5, 1.5, 2.5]],
// CHECK-NEXT: {{\[\[}}-2.5, -1.5, -0.5],
// CHECK-NEXT: [0.5, 1.5, 2.5]],
// CHECK-NEXT: {{\[\[}}-2.5, -1.5, -0.5],
// CHECK-NEXT: [0.5, 1.5, 2.5]]]
// Tile [2, 2]
// CHECK: rank = 2 offset = {{[0-9]+}} sizes = [4, 6]
// CHECK-NEXT: {{\[\[}}-2.5, -1.5, -0.5, -2.5, -1.5, -0.5],
// CHECK-NEXT: [0.5, 1.5, 2.5, 0.5, 1.5, 2.5],
// CHECK-NEXT: [-2.5, -1.5, -0.5, -2.5, -1.5, -0.5],
// CHECK-NEXT: [0.5, 1.5, 2.5, 0.5, 1.5, 2.5]]
// Tile [1, 3]
// CHECK: rank = 2 offset = {{[0-9]+}} sizes = [3, 3]
// CHECK-NEXT: {{\[\[}}1.5, 1.5, 1.5],
// CHECK-NEXT: [-2, -2, -2],
// CHECK-NEXT: [3, 3, 3]]
// Range float
// CHECK: rank = 1 offset = {{[0-9]+}} sizes = [4]
// CHECK-NEXT: [1, 1.25, 1.5, 1.75]
// Range float, negative delta
// CHECK: rank = 1 offset = {{[0-9]+}} sizes = [4]
// CHECK-NEXT: [3, 2.5, 2, 1.5]
// Range 5..70005 step 2, last 3
// CHECK: rank = 1 offset = {{[0-9]+}} sizes = [3]
// CHECK-NEXT: [69999, 70001, 70003]
// ConstantOfShape [300, 300] of int32 7, a corner
// CHECK: rank = 2 offset = {{[0-9]+}} sizes = [1, 3]
// CHECK-NEXT: {{\[\[}}7, 7, 7]]
// ConstantOfShape default value
// CHECK: rank = 2 offset = {{[0-9]+}} sizes = [2, 2]
// CHECK-NEXT: {{\[\[}}0, 0],
// CHECK-NEXT: [0, 0]]
// Trilu upper
// CHECK: rank = 2 offset = {{[0-9]+}} sizes = [3, 4]
// CHECK-NEXT: {{\[\[}}1, 2, 3, 4],
// CHECK-NEXT: [0, 6, 7, 8],
// CHECK-NEXT: [0, 0, 11, 12]]
// Trilu upper k=1
// CHECK: rank = 2 offset = {{[0-9]+}} sizes = [3, 4]
// CHECK-NEXT: {{\[\[}}0, 2, 3, 4],
// CHECK-NEXT: [0, 0, 7, 8],
// CHECK-NEXT: [0, 0, 0, 12]]
// Trilu lower k=-1
// CHECK: rank = 2 offset = {{[0-9]+}} sizes = [3, 4]
// CHECK-NEXT: {{\[\[}}0, 0, 0, 0],
// CHECK-NEXT: [5, 0, 0, 0],
// CHECK-NEXT: [9, 10, 0, 0]]
// Trilu batched lower, k=2 not a constant
// CHECK: rank = 3 offset = {{[0-9]+}} sizes = [2, 3, 3]
// CHECK-NEXT: {{\[\[\[}}1, 2, 3],
// CHECK-NEXT: [4, 5, 6],
// CHECK-NEXT: [7, 8, 9]],
// CHECK-NEXT: {{\[\[}}10, 11, 12],
// CHECK-NEXT: [13, 14, 15],
// CHECK-NEXT: [16, 17, 18]]]

func.func @main() {
  %c1 = arith.constant dense<[[1.5], [-2.0], [3.0]]> : tensor<3x1xf32>
  %d2 = bufferization.alloc_tensor() copy(%c1) : tensor<3x1xf32>
  %c3 = arith.constant dense<[2, 1, 4]> : tensor<3xi64>
  // Expand [3,1] to [2,1,4]
  %r4 = onnx.node "Expand"(%d2, %c3) {domain = "", opset = 17 : i64, name = "n4", attrs = {}} : (tensor<3x1xf32>, tensor<3xi64>) -> tensor<2x3x4xf32>
  %p5 = tensor.cast %r4 : tensor<2x3x4xf32> to tensor<*xf32>
  call @printMemrefF32(%p5) : (tensor<*xf32>) -> ()
  %c6 = arith.constant dense<[[-2.5, -1.5, -0.5], [0.5, 1.5, 2.5]]> : tensor<2x3xf32>
  %d7 = bufferization.alloc_tensor() copy(%c6) : tensor<2x3xf32>
  %c8 = arith.constant dense<[3, 1, 1]> : tensor<3xi64>
  // Expand with 1s keeping the input dimensions
  %r9 = onnx.node "Expand"(%d7, %c8) {domain = "", opset = 17 : i64, name = "n9", attrs = {}} : (tensor<2x3xf32>, tensor<3xi64>) -> tensor<3x2x3xf32>
  %p10 = tensor.cast %r9 : tensor<3x2x3xf32> to tensor<*xf32>
  call @printMemrefF32(%p10) : (tensor<*xf32>) -> ()
  %c11 = arith.constant dense<[2, 2]> : tensor<2xi64>
  // Tile [2, 2]
  %r12 = onnx.node "Tile"(%d7, %c11) {domain = "", opset = 17 : i64, name = "n12", attrs = {}} : (tensor<2x3xf32>, tensor<2xi64>) -> tensor<4x6xf32>
  %p13 = tensor.cast %r12 : tensor<4x6xf32> to tensor<*xf32>
  call @printMemrefF32(%p13) : (tensor<*xf32>) -> ()
  %c14 = arith.constant dense<[1, 3]> : tensor<2xi64>
  // Tile [1, 3]
  %r15 = onnx.node "Tile"(%d2, %c14) {domain = "", opset = 17 : i64, name = "n15", attrs = {}} : (tensor<3x1xf32>, tensor<2xi64>) -> tensor<3x3xf32>
  %p16 = tensor.cast %r15 : tensor<3x3xf32> to tensor<*xf32>
  call @printMemrefF32(%p16) : (tensor<*xf32>) -> ()
  %c17 = arith.constant dense<1.0> : tensor<f32>
  %c18 = arith.constant dense<2.0> : tensor<f32>
  %c19 = arith.constant dense<0.25> : tensor<f32>
  // Range float
  %r20 = onnx.node "Range"(%c17, %c18, %c19) {domain = "", opset = 17 : i64, name = "n20", attrs = {}} : (tensor<f32>, tensor<f32>, tensor<f32>) -> tensor<4xf32>
  %p21 = tensor.cast %r20 : tensor<4xf32> to tensor<*xf32>
  call @printMemrefF32(%p21) : (tensor<*xf32>) -> ()
  %c22 = arith.constant dense<3.0> : tensor<f32>
  %c23 = arith.constant dense<1.0> : tensor<f32>
  %c24 = arith.constant dense<-0.5> : tensor<f32>
  // Range float, negative delta
  %r25 = onnx.node "Range"(%c22, %c23, %c24) {domain = "", opset = 17 : i64, name = "n25", attrs = {}} : (tensor<f32>, tensor<f32>, tensor<f32>) -> tensor<4xf32>
  %p26 = tensor.cast %r25 : tensor<4xf32> to tensor<*xf32>
  call @printMemrefF32(%p26) : (tensor<*xf32>) -> ()
  %c28 = arith.constant dense<5> : tensor<i64>
  %c29 = arith.constant dense<70005> : tensor<i64>
  %c30 = arith.constant dense<2> : tensor<i64>
  %r27 = onnx.node "Range"(%c28, %c29, %c30) {domain = "", opset = 17 : i64, name = "range", attrs = {}} : (tensor<i64>, tensor<i64>, tensor<i64>) -> tensor<35000xi64>
  %c31 = arith.constant dense<[-3]> : tensor<1xi64>
  %c32 = arith.constant dense<[35000]> : tensor<1xi64>
  // Range 5..70005 step 2, last 3
  %r33 = onnx.node "Slice"(%r27, %c31, %c32) {domain = "", opset = 17 : i64, name = "n33", attrs = {}} : (tensor<35000xi64>, tensor<1xi64>, tensor<1xi64>) -> tensor<3xi64>
  %w34 = arith.trunci %r33 : tensor<3xi64> to tensor<3xi32>
  %p34 = tensor.cast %w34 : tensor<3xi32> to tensor<*xi32>
  call @printMemrefI32(%p34) : (tensor<*xi32>) -> ()
  %c36 = arith.constant dense<[300, 300]> : tensor<2xi64>
  %r35 = onnx.node "ConstantOfShape"(%c36) {domain = "", opset = 17 : i64, name = "cos", attrs = {value = dense<7> : tensor<1xi32>}} : (tensor<2xi64>) -> tensor<300x300xi32>
  %c37 = arith.constant dense<[299, 0]> : tensor<2xi64>
  %c38 = arith.constant dense<[300, 3]> : tensor<2xi64>
  // ConstantOfShape [300, 300] of int32 7, a corner
  %r39 = onnx.node "Slice"(%r35, %c37, %c38) {domain = "", opset = 17 : i64, name = "n39", attrs = {}} : (tensor<300x300xi32>, tensor<2xi64>, tensor<2xi64>) -> tensor<1x3xi32>
  %p40 = tensor.cast %r39 : tensor<1x3xi32> to tensor<*xi32>
  call @printMemrefI32(%p40) : (tensor<*xi32>) -> ()
  %c41 = arith.constant dense<[2, 2]> : tensor<2xi64>
  // ConstantOfShape default value
  %r42 = onnx.node "ConstantOfShape"(%c41) {domain = "", opset = 17 : i64, name = "n42", attrs = {}} : (tensor<2xi64>) -> tensor<2x2xf32>
  %p43 = tensor.cast %r42 : tensor<2x2xf32> to tensor<*xf32>
  call @printMemrefF32(%p43) : (tensor<*xf32>) -> ()
  %c44 = arith.constant dense<[[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0], [9.0, 10.0, 11.0, 12.0]]> : tensor<3x4xf32>
  %d45 = bufferization.alloc_tensor() copy(%c44) : tensor<3x4xf32>
  // Trilu upper
  %r46 = onnx.node "Trilu"(%d45) {domain = "", opset = 14 : i64, name = "n46", attrs = {}} : (tensor<3x4xf32>) -> tensor<3x4xf32>
  %p47 = tensor.cast %r46 : tensor<3x4xf32> to tensor<*xf32>
  call @printMemrefF32(%p47) : (tensor<*xf32>) -> ()
  %c48 = arith.constant dense<1> : tensor<i64>
  // Trilu upper k=1
  %r49 = onnx.node "Trilu"(%d45, %c48) {domain = "", opset = 14 : i64, name = "n49", attrs = {}} : (tensor<3x4xf32>, tensor<i64>) -> tensor<3x4xf32>
  %p50 = tensor.cast %r49 : tensor<3x4xf32> to tensor<*xf32>
  call @printMemrefF32(%p50) : (tensor<*xf32>) -> ()
  %c51 = arith.constant dense<-1> : tensor<i64>
  // Trilu lower k=-1
  %r52 = onnx.node "Trilu"(%d45, %c51) {domain = "", opset = 14 : i64, name = "n52", attrs = {upper = 0 : i64}} : (tensor<3x4xf32>, tensor<i64>) -> tensor<3x4xf32>
  %p53 = tensor.cast %r52 : tensor<3x4xf32> to tensor<*xf32>
  call @printMemrefF32(%p53) : (tensor<*xf32>) -> ()
  %c54 = arith.constant dense<[[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]], [[10.0, 11.0, 12.0], [13.0, 14.0, 15.0], [16.0, 17.0, 18.0]]]> : tensor<2x3x3xf32>
  %d55 = bufferization.alloc_tensor() copy(%c54) : tensor<2x3x3xf32>
  %c56 = arith.constant dense<2> : tensor<i64>
  %d57 = bufferization.alloc_tensor() copy(%c56) : tensor<i64>
  // Trilu batched lower, k=2 not a constant
  %r58 = onnx.node "Trilu"(%d55, %d57) {domain = "", opset = 14 : i64, name = "n58", attrs = {upper = 0 : i64}} : (tensor<2x3x3xf32>, tensor<i64>) -> tensor<2x3x3xf32>
  %p59 = tensor.cast %r58 : tensor<2x3x3xf32> to tensor<*xf32>
  call @printMemrefF32(%p59) : (tensor<*xf32>) -> ()
  return
}
func.func private @printMemrefF32(tensor<*xf32>)
func.func private @printMemrefI32(tensor<*xi32>)
