// Numeric tests of the ONNX slicing and gathering lowerings (Slice, Gather,
// GatherND, GatherElements, ScatterND); expected values from numpy.
// Data inputs are copied into fresh tensors (bufferization.alloc_tensor), so
// they are not constants: nothing folds and the lowerings take their general
// paths.
// RUN: quench-opt %s --convert-onnx-to-linalg | %run_reference | FileCheck %s

// Slice-13 negative step on axis 0, step 2 on axis 1
// CHECK: rank = 2 offset = {{[0-9]+}} sizes = [3, 2]
// CHECK-NEXT: {{\[\[}}8, 11],
// CHECK-NEXT: [2, 5],
// CHECK-NEXT: [-4, -1]]
// Slice-1 attributes, end past the dimension
// CHECK: rank = 2 offset = {{[0-9]+}} sizes = [3, 3]
// CHECK-NEXT: {{\[\[}}-2.5, -1, 0.5],
// CHECK-NEXT: [3.5, 5, 6.5],
// CHECK-NEXT: [9.5, 11, 12.5]]
// Slice-13 out-of-range start with step -2
// CHECK: rank = 2 offset = {{[0-9]+}} sizes = [3, 2]
// CHECK-NEXT: {{\[\[}}0.5, -2.5],
// CHECK-NEXT: [6.5, 3.5],
// CHECK-NEXT: [12.5, 9.5]]
// Slice-13 without axes
// CHECK: rank = 2 offset = {{[0-9]+}} sizes = [2, 2]
// CHECK-NEXT: {{\[\[}}-2.5, -1],
// CHECK-NEXT: [3.5, 5]]
// Slice-10 without axes and steps
// CHECK: rank = 2 offset = {{[0-9]+}} sizes = [2, 4]
// CHECK-NEXT: {{\[\[}}2, 3.5, 5, 6.5],
// CHECK-NEXT: [8, 9.5, 11, 12.5]]
// Gather axis 1, 2-d indices with a negative one
// CHECK: rank = 3 offset = {{[0-9]+}} sizes = [3, 2, 2]
// CHECK-NEXT: {{\[\[\[}}-4, 0.5],
// CHECK-NEXT: [-1, -2.5]],
// CHECK-NEXT: {{\[\[}}2, 6.5],
// CHECK-NEXT: [5, 3.5]],
// CHECK-NEXT: {{\[\[}}8, 12.5],
// CHECK-NEXT: [11, 9.5]]]
// Gather constant scalar index -1
// CHECK: rank = 1 offset = {{[0-9]+}} sizes = [4]
// CHECK-NEXT: [8, 9.5, 11, 12.5]
// Gather int32 indices, axis 0
// CHECK: rank = 2 offset = {{[0-9]+}} sizes = [3, 4]
// CHECK-NEXT: {{\[\[}}8, 9.5, 11, 12.5],
// CHECK-NEXT: [-4, -2.5, -1, 0.5],
// CHECK-NEXT: [8, 9.5, 11, 12.5]]
// GatherND element tuples
// CHECK: rank = 1 offset = {{[0-9]+}} sizes = [2]
// CHECK-NEXT: [0, 3]
// GatherND row tuples
// CHECK: rank = 2 offset = {{[0-9]+}} sizes = [2, 2]
// CHECK-NEXT: {{\[\[}}2, 3],
// CHECK-NEXT: [4, 5]]
// GatherND batch_dims 1
// CHECK: rank = 2 offset = {{[0-9]+}} sizes = [2, 2]
// CHECK-NEXT: {{\[\[}}2, 3],
// CHECK-NEXT: [4, 5]]
// GatherND batch_dims 1, negative indices
// CHECK: rank = 2 offset = {{[0-9]+}} sizes = [2, 1]
// CHECK-NEXT: {{\[\[}}2],
// CHECK-NEXT: [5]]
// GatherElements axis 1
// CHECK: rank = 2 offset = {{[0-9]+}} sizes = [2, 2]
// CHECK-NEXT: {{\[\[}}1, 1],
// CHECK-NEXT: [4, 3]]
// GatherElements axis 0, fewer rows, a negative index
// CHECK: rank = 2 offset = {{[0-9]+}} sizes = [2, 3]
// CHECK-NEXT: {{\[\[}}4, 8, 3],
// CHECK-NEXT: [7, 2, 3]]
// ScatterND-11 elements
// CHECK: rank = 1 offset = {{[0-9]+}} sizes = [8]
// CHECK-NEXT: [1, 11, 3, 10, 9, 6, 7, 12]
// ScatterND rows
// CHECK: rank = 3 offset = {{[0-9]+}} sizes = [2, 3, 4]
// CHECK-NEXT: {{\[\[\[}}0, 1, 2, 3],
// CHECK-NEXT: [4, 5, 6, 7],
// CHECK-NEXT: [-4, -5, -6, -7]],
// CHECK-NEXT: {{\[\[}}-0, -1, -2, -3],
// CHECK-NEXT: [16, 17, 18, 19],
// CHECK-NEXT: [20, 21, 22, 23]]]
// ScatterND-16 reduction add, repeated index
// CHECK: rank = 1 offset = {{[0-9]+}} sizes = [8]
// CHECK-NEXT: [1, 32, 3, 4, 5, 6, 7, 38]
// ScatterND-16 reduction mul
// CHECK: rank = 1 offset = {{[0-9]+}} sizes = [8]
// CHECK-NEXT: [1, 400, 3, 4, 5, 6, 7, 240]
// ScatterND-18 reduction max
// CHECK: rank = 1 offset = {{[0-9]+}} sizes = [8]
// CHECK-NEXT: [1, 5, 3, 4, 5, 6, 7, 8]

func.func @main() {
  %none = onnx.none
  %c1 = arith.constant dense<[[-4.0, -2.5, -1.0, 0.5], [2.0, 3.5, 5.0, 6.5], [8.0, 9.5, 11.0, 12.5]]> : tensor<3x4xf32>
  %d2 = bufferization.alloc_tensor() copy(%c1) : tensor<3x4xf32>
  %c3 = arith.constant dense<[-1, 0]> : tensor<2xi64>
  %c4 = arith.constant dense<[-1000, 4]> : tensor<2xi64>
  %c5 = arith.constant dense<[0, 1]> : tensor<2xi64>
  %c6 = arith.constant dense<[-1, 2]> : tensor<2xi64>
  // Slice-13 negative step on axis 0, step 2 on axis 1
  %r7 = onnx.node "Slice"(%d2, %c3, %c4, %c5, %c6) {domain = "", opset = 17 : i64, name = "n7", attrs = {}} : (tensor<3x4xf32>, tensor<2xi64>, tensor<2xi64>, tensor<2xi64>, tensor<2xi64>) -> tensor<3x2xf32>
  %p8 = tensor.cast %r7 : tensor<3x2xf32> to tensor<*xf32>
  call @printMemrefF32(%p8) : (tensor<*xf32>) -> ()
  // Slice-1 attributes, end past the dimension
  %r9 = onnx.node "Slice"(%d2) {domain = "", opset = 1 : i64, name = "n9", attrs = {starts = array<i64: 1>, ends = array<i64: 9223372036854775807>, axes = array<i64: 1>}} : (tensor<3x4xf32>) -> tensor<3x3xf32>
  %p10 = tensor.cast %r9 : tensor<3x3xf32> to tensor<*xf32>
  call @printMemrefF32(%p10) : (tensor<*xf32>) -> ()
  %c11 = arith.constant dense<[10]> : tensor<1xi64>
  %c12 = arith.constant dense<[-10]> : tensor<1xi64>
  %c13 = arith.constant dense<[-1]> : tensor<1xi64>
  %c14 = arith.constant dense<[-2]> : tensor<1xi64>
  // Slice-13 out-of-range start with step -2
  %r15 = onnx.node "Slice"(%d2, %c11, %c12, %c13, %c14) {domain = "", opset = 17 : i64, name = "n15", attrs = {}} : (tensor<3x4xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>) -> tensor<3x2xf32>
  %p16 = tensor.cast %r15 : tensor<3x2xf32> to tensor<*xf32>
  call @printMemrefF32(%p16) : (tensor<*xf32>) -> ()
  %c17 = arith.constant dense<[0, 1]> : tensor<2xi64>
  %c18 = arith.constant dense<[2, -1]> : tensor<2xi64>
  %c19 = arith.constant dense<[1, 1]> : tensor<2xi64>
  // Slice-13 without axes
  %r20 = onnx.node "Slice"(%d2, %c17, %c18, %none, %c19) {domain = "", opset = 17 : i64, name = "n20", attrs = {}} : (tensor<3x4xf32>, tensor<2xi64>, tensor<2xi64>, none, tensor<2xi64>) -> tensor<2x2xf32>
  %p21 = tensor.cast %r20 : tensor<2x2xf32> to tensor<*xf32>
  call @printMemrefF32(%p21) : (tensor<*xf32>) -> ()
  %c22 = arith.constant dense<[-2]> : tensor<1xi64>
  %c23 = arith.constant dense<[9223372036854775807]> : tensor<1xi64>
  // Slice-10 without axes and steps
  %r24 = onnx.node "Slice"(%d2, %c22, %c23) {domain = "", opset = 10 : i64, name = "n24", attrs = {}} : (tensor<3x4xf32>, tensor<1xi64>, tensor<1xi64>) -> tensor<2x4xf32>
  %p25 = tensor.cast %r24 : tensor<2x4xf32> to tensor<*xf32>
  call @printMemrefF32(%p25) : (tensor<*xf32>) -> ()
  %c26 = arith.constant dense<[[0, -1], [2, 1]]> : tensor<2x2xi64>
  %d27 = bufferization.alloc_tensor() copy(%c26) : tensor<2x2xi64>
  // Gather axis 1, 2-d indices with a negative one
  %r28 = onnx.node "Gather"(%d2, %d27) {domain = "", opset = 17 : i64, name = "n28", attrs = {axis = 1 : i64}} : (tensor<3x4xf32>, tensor<2x2xi64>) -> tensor<3x2x2xf32>
  %p29 = tensor.cast %r28 : tensor<3x2x2xf32> to tensor<*xf32>
  call @printMemrefF32(%p29) : (tensor<*xf32>) -> ()
  %c30 = arith.constant dense<-1> : tensor<i64>
  // Gather constant scalar index -1
  %r31 = onnx.node "Gather"(%d2, %c30) {domain = "", opset = 17 : i64, name = "n31", attrs = {}} : (tensor<3x4xf32>, tensor<i64>) -> tensor<4xf32>
  %p32 = tensor.cast %r31 : tensor<4xf32> to tensor<*xf32>
  call @printMemrefF32(%p32) : (tensor<*xf32>) -> ()
  %c33 = arith.constant dense<[2, 0, 2]> : tensor<3xi32>
  %d34 = bufferization.alloc_tensor() copy(%c33) : tensor<3xi32>
  // Gather int32 indices, axis 0
  %r35 = onnx.node "Gather"(%d2, %d34) {domain = "", opset = 17 : i64, name = "n35", attrs = {}} : (tensor<3x4xf32>, tensor<3xi32>) -> tensor<3x4xf32>
  %p36 = tensor.cast %r35 : tensor<3x4xf32> to tensor<*xf32>
  call @printMemrefF32(%p36) : (tensor<*xf32>) -> ()
  %c37 = arith.constant dense<[[0.0, 1.0], [2.0, 3.0]]> : tensor<2x2xf32>
  %d38 = bufferization.alloc_tensor() copy(%c37) : tensor<2x2xf32>
  %c39 = arith.constant dense<[[0, 0], [1, 1]]> : tensor<2x2xi64>
  %d40 = bufferization.alloc_tensor() copy(%c39) : tensor<2x2xi64>
  // GatherND element tuples
  %r41 = onnx.node "GatherND"(%d38, %d40) {domain = "", opset = 17 : i64, name = "n41", attrs = {}} : (tensor<2x2xf32>, tensor<2x2xi64>) -> tensor<2xf32>
  %p42 = tensor.cast %r41 : tensor<2xf32> to tensor<*xf32>
  call @printMemrefF32(%p42) : (tensor<*xf32>) -> ()
  %c43 = arith.constant dense<[[[0.0, 1.0], [2.0, 3.0]], [[4.0, 5.0], [6.0, 7.0]]]> : tensor<2x2x2xf32>
  %d44 = bufferization.alloc_tensor() copy(%c43) : tensor<2x2x2xf32>
  %c45 = arith.constant dense<[[0, 1], [1, 0]]> : tensor<2x2xi64>
  %d46 = bufferization.alloc_tensor() copy(%c45) : tensor<2x2xi64>
  // GatherND row tuples
  %r47 = onnx.node "GatherND"(%d44, %d46) {domain = "", opset = 17 : i64, name = "n47", attrs = {}} : (tensor<2x2x2xf32>, tensor<2x2xi64>) -> tensor<2x2xf32>
  %p48 = tensor.cast %r47 : tensor<2x2xf32> to tensor<*xf32>
  call @printMemrefF32(%p48) : (tensor<*xf32>) -> ()
  %c49 = arith.constant dense<[[[0.0, 1.0], [2.0, 3.0]], [[4.0, 5.0], [6.0, 7.0]]]> : tensor<2x2x2xf32>
  %d50 = bufferization.alloc_tensor() copy(%c49) : tensor<2x2x2xf32>
  %c51 = arith.constant dense<[[1], [0]]> : tensor<2x1xi64>
  %d52 = bufferization.alloc_tensor() copy(%c51) : tensor<2x1xi64>
  // GatherND batch_dims 1
  %r53 = onnx.node "GatherND"(%d50, %d52) {domain = "", opset = 17 : i64, name = "n53", attrs = {batch_dims = 1 : i64}} : (tensor<2x2x2xf32>, tensor<2x1xi64>) -> tensor<2x2xf32>
  %p54 = tensor.cast %r53 : tensor<2x2xf32> to tensor<*xf32>
  call @printMemrefF32(%p54) : (tensor<*xf32>) -> ()
  %c55 = arith.constant dense<[[[0.0, 1.0], [2.0, 3.0]], [[4.0, 5.0], [6.0, 7.0]]]> : tensor<2x2x2xf32>
  %d56 = bufferization.alloc_tensor() copy(%c55) : tensor<2x2x2xf32>
  %c57 = arith.constant dense<[[[-1, 0]], [[0, -1]]]> : tensor<2x1x2xi64>
  %d58 = bufferization.alloc_tensor() copy(%c57) : tensor<2x1x2xi64>
  // GatherND batch_dims 1, negative indices
  %r59 = onnx.node "GatherND"(%d56, %d58) {domain = "", opset = 17 : i64, name = "n59", attrs = {batch_dims = 1 : i64}} : (tensor<2x2x2xf32>, tensor<2x1x2xi64>) -> tensor<2x1xf32>
  %p60 = tensor.cast %r59 : tensor<2x1xf32> to tensor<*xf32>
  call @printMemrefF32(%p60) : (tensor<*xf32>) -> ()
  %c61 = arith.constant dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32>
  %d62 = bufferization.alloc_tensor() copy(%c61) : tensor<2x2xf32>
  %c63 = arith.constant dense<[[0, 0], [1, 0]]> : tensor<2x2xi64>
  %d64 = bufferization.alloc_tensor() copy(%c63) : tensor<2x2xi64>
  // GatherElements axis 1
  %r65 = onnx.node "GatherElements"(%d62, %d64) {domain = "", opset = 17 : i64, name = "n65", attrs = {axis = 1 : i64}} : (tensor<2x2xf32>, tensor<2x2xi64>) -> tensor<2x2xf32>
  %p66 = tensor.cast %r65 : tensor<2x2xf32> to tensor<*xf32>
  call @printMemrefF32(%p66) : (tensor<*xf32>) -> ()
  %c67 = arith.constant dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]]> : tensor<3x3xf32>
  %d68 = bufferization.alloc_tensor() copy(%c67) : tensor<3x3xf32>
  %c69 = arith.constant dense<[[1, -1, 0], [2, 0, 0]]> : tensor<2x3xi64>
  %d70 = bufferization.alloc_tensor() copy(%c69) : tensor<2x3xi64>
  // GatherElements axis 0, fewer rows, a negative index
  %r71 = onnx.node "GatherElements"(%d68, %d70) {domain = "", opset = 17 : i64, name = "n71", attrs = {}} : (tensor<3x3xf32>, tensor<2x3xi64>) -> tensor<2x3xf32>
  %p72 = tensor.cast %r71 : tensor<2x3xf32> to tensor<*xf32>
  call @printMemrefF32(%p72) : (tensor<*xf32>) -> ()
  %c73 = arith.constant dense<[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0]> : tensor<8xf32>
  %d74 = bufferization.alloc_tensor() copy(%c73) : tensor<8xf32>
  %c75 = arith.constant dense<[[4], [3], [1], [7]]> : tensor<4x1xi64>
  %d76 = bufferization.alloc_tensor() copy(%c75) : tensor<4x1xi64>
  %c77 = arith.constant dense<[9.0, 10.0, 11.0, 12.0]> : tensor<4xf32>
  %d78 = bufferization.alloc_tensor() copy(%c77) : tensor<4xf32>
  // ScatterND-11 elements
  %r79 = onnx.node "ScatterND"(%d74, %d76, %d78) {domain = "", opset = 11 : i64, name = "n79", attrs = {}} : (tensor<8xf32>, tensor<4x1xi64>, tensor<4xf32>) -> tensor<8xf32>
  %p80 = tensor.cast %r79 : tensor<8xf32> to tensor<*xf32>
  call @printMemrefF32(%p80) : (tensor<*xf32>) -> ()
  %c81 = arith.constant dense<[[[0.0, 1.0, 2.0, 3.0], [4.0, 5.0, 6.0, 7.0], [8.0, 9.0, 10.0, 11.0]], [[12.0, 13.0, 14.0, 15.0], [16.0, 17.0, 18.0, 19.0], [20.0, 21.0, 22.0, 23.0]]]> : tensor<2x3x4xf32>
  %d82 = bufferization.alloc_tensor() copy(%c81) : tensor<2x3x4xf32>
  %c83 = arith.constant dense<[[1, 0], [0, 2]]> : tensor<2x2xi64>
  %d84 = bufferization.alloc_tensor() copy(%c83) : tensor<2x2xi64>
  %c85 = arith.constant dense<[[-0.0, -1.0, -2.0, -3.0], [-4.0, -5.0, -6.0, -7.0]]> : tensor<2x4xf32>
  %d86 = bufferization.alloc_tensor() copy(%c85) : tensor<2x4xf32>
  // ScatterND rows
  %r87 = onnx.node "ScatterND"(%d82, %d84, %d86) {domain = "", opset = 17 : i64, name = "n87", attrs = {}} : (tensor<2x3x4xf32>, tensor<2x2xi64>, tensor<2x4xf32>) -> tensor<2x3x4xf32>
  %p88 = tensor.cast %r87 : tensor<2x3x4xf32> to tensor<*xf32>
  call @printMemrefF32(%p88) : (tensor<*xf32>) -> ()
  %c89 = arith.constant dense<[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0]> : tensor<8xf32>
  %d90 = bufferization.alloc_tensor() copy(%c89) : tensor<8xf32>
  %c91 = arith.constant dense<[[1], [1], [-1]]> : tensor<3x1xi64>
  %d92 = bufferization.alloc_tensor() copy(%c91) : tensor<3x1xi64>
  %c93 = arith.constant dense<[10.0, 20.0, 30.0]> : tensor<3xf32>
  %d94 = bufferization.alloc_tensor() copy(%c93) : tensor<3xf32>
  // ScatterND-16 reduction add, repeated index
  %r95 = onnx.node "ScatterND"(%d90, %d92, %d94) {domain = "", opset = 17 : i64, name = "n95", attrs = {reduction = "add"}} : (tensor<8xf32>, tensor<3x1xi64>, tensor<3xf32>) -> tensor<8xf32>
  %p96 = tensor.cast %r95 : tensor<8xf32> to tensor<*xf32>
  call @printMemrefF32(%p96) : (tensor<*xf32>) -> ()
  %c97 = arith.constant dense<[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0]> : tensor<8xf32>
  %d98 = bufferization.alloc_tensor() copy(%c97) : tensor<8xf32>
  %c99 = arith.constant dense<[[1], [1], [-1]]> : tensor<3x1xi64>
  %d100 = bufferization.alloc_tensor() copy(%c99) : tensor<3x1xi64>
  %c101 = arith.constant dense<[10.0, 20.0, 30.0]> : tensor<3xf32>
  %d102 = bufferization.alloc_tensor() copy(%c101) : tensor<3xf32>
  // ScatterND-16 reduction mul
  %r103 = onnx.node "ScatterND"(%d98, %d100, %d102) {domain = "", opset = 17 : i64, name = "n103", attrs = {reduction = "mul"}} : (tensor<8xf32>, tensor<3x1xi64>, tensor<3xf32>) -> tensor<8xf32>
  %p104 = tensor.cast %r103 : tensor<8xf32> to tensor<*xf32>
  call @printMemrefF32(%p104) : (tensor<*xf32>) -> ()
  %c105 = arith.constant dense<[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0]> : tensor<8xf32>
  %d106 = bufferization.alloc_tensor() copy(%c105) : tensor<8xf32>
  %c107 = arith.constant dense<[[1], [1], [-1]]> : tensor<3x1xi64>
  %d108 = bufferization.alloc_tensor() copy(%c107) : tensor<3x1xi64>
  %c109 = arith.constant dense<[2.5, 5.0, 7.5]> : tensor<3xf32>
  %d110 = bufferization.alloc_tensor() copy(%c109) : tensor<3xf32>
  // ScatterND-18 reduction max
  %r111 = onnx.node "ScatterND"(%d106, %d108, %d110) {domain = "", opset = 18 : i64, name = "n111", attrs = {reduction = "max"}} : (tensor<8xf32>, tensor<3x1xi64>, tensor<3xf32>) -> tensor<8xf32>
  %p112 = tensor.cast %r111 : tensor<8xf32> to tensor<*xf32>
  call @printMemrefF32(%p112) : (tensor<*xf32>) -> ()
  return
}
func.func private @printMemrefF32(tensor<*xf32>)
func.func private @printMemrefI32(tensor<*xi32>)
