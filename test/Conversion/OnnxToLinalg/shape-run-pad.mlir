// Numeric tests of the ONNX Pad, Dropout, Constant and Size lowerings;
// expected values from numpy.
// Data inputs are copied into fresh tensors (bufferization.alloc_tensor), so
// they are not constants: nothing folds and the lowerings take their general
// paths.
// RUN: quench-opt %s --convert-onnx-to-linalg | %run_reference | FileCheck %s

// Pad constant 2.5
// CHECK: rank = 2 offset = {{[0-9]+}} sizes = [3, 5]
// CHECK-NEXT: {{\[\[}}2.5, 2.5, 2.5, 2.5, 2.5],
// CHECK-NEXT: [-1, 1, 3, 2.5, 2.5],
// CHECK-NEXT: [5, 7, 9, 2.5, 2.5]]
// Pad constant with a negative pad
// CHECK: rank = 2 offset = {{[0-9]+}} sizes = [3, 2]
// CHECK-NEXT: {{\[\[}}1, 3],
// CHECK-NEXT: [7, 9],
// CHECK-NEXT: [0, 0]]
// Pad reflect
// CHECK: rank = 2 offset = {{[0-9]+}} sizes = [2, 6]
// CHECK-NEXT: {{\[\[}}3, 1, -1, 1, 3, 1],
// CHECK-NEXT: [9, 7, 5, 7, 9, 7]]
// Pad reflect wider than the dimension
// CHECK: rank = 2 offset = {{[0-9]+}} sizes = [8, 3]
// CHECK-NEXT: {{\[\[}}5, 7, 9],
// CHECK-NEXT: [-1, 1, 3],
// CHECK-NEXT: [5, 7, 9],
// CHECK-NEXT: [-1, 1, 3],
// CHECK-NEXT: [5, 7, 9],
// CHECK-NEXT: [-1, 1, 3],
// CHECK-NEXT: [5, 7, 9],
// CHECK-NEXT: [-1, 1, 3]]
// Pad edge
// CHECK: rank = 2 offset = {{[0-9]+}} sizes = [5, 6]
// CHECK-NEXT: {{\[\[}}-1, -1, 1, 3, 3, 3],
// CHECK-NEXT: [-1, -1, 1, 3, 3, 3],
// CHECK-NEXT: [5, 5, 7, 9, 9, 9],
// CHECK-NEXT: [5, 5, 7, 9, 9, 9],
// CHECK-NEXT: [5, 5, 7, 9, 9, 9]]
// Pad-19 wrap
// CHECK: rank = 2 offset = {{[0-9]+}} sizes = [4, 9]
// CHECK-NEXT: {{\[\[}}7, 9, 5, 7, 9, 5, 7, 9, 5],
// CHECK-NEXT: [1, 3, -1, 1, 3, -1, 1, 3, -1],
// CHECK-NEXT: [7, 9, 5, 7, 9, 5, 7, 9, 5],
// CHECK-NEXT: [1, 3, -1, 1, 3, -1, 1, 3, -1]]
// Pad-2 attributes
// CHECK: rank = 2 offset = {{[0-9]+}} sizes = [3, 4]
// CHECK-NEXT: {{\[\[}}1.5, -1, 1, 3],
// CHECK-NEXT: [1.5, 5, 7, 9],
// CHECK-NEXT: [1.5, 1.5, 1.5, 1.5]]
// Pad-18 axes input
// CHECK: rank = 2 offset = {{[0-9]+}} sizes = [2, 5]
// CHECK-NEXT: {{\[\[}}0, -1, 1, 3, 0],
// CHECK-NEXT: [0, 5, 7, 9, 0]]
// Pad int64
// CHECK: rank = 2 offset = {{[0-9]+}} sizes = [2, 3]
// CHECK-NEXT: {{\[\[}}9, 1, -2],
// CHECK-NEXT: [9, 3, 4]]
// Pad constant_value not a constant
// CHECK: rank = 2 offset = {{[0-9]+}} sizes = [3, 2]
// CHECK-NEXT: {{\[\[}}-5, -5],
// CHECK-NEXT: [1, -2],
// CHECK-NEXT: [3, 4]]
// Dropout-13 with mask (output 0)
// CHECK: rank = 2 offset = {{[0-9]+}} sizes = [2, 3]
// CHECK-NEXT: {{\[\[}}-1, 1, 3],
// CHECK-NEXT: [5, 7, 9]]
// Dropout-13 with mask (output 1)
// CHECK: rank = 2 offset = {{[0-9]+}} sizes = [2, 3]
// CHECK-NEXT: {{\[\[}}1, 1, 1],
// CHECK-NEXT: [1, 1, 1]]
// Dropout-7
// CHECK: rank = 2 offset = {{[0-9]+}} sizes = [2, 3]
// CHECK-NEXT: {{\[\[}}-1, 1, 3],
// CHECK-NEXT: [5, 7, 9]]
// Constant value_float
// CHECK: rank = 0 offset = {{[0-9]+}} sizes = []
// CHECK-NEXT: [2.5]
// Constant value_floats
// CHECK: rank = 1 offset = {{[0-9]+}} sizes = [2]
// CHECK-NEXT: [1, -0.5]
// Constant value_int
// CHECK: rank = 0 offset = {{[0-9]+}} sizes = []
// CHECK-NEXT: [-7]
// Constant value_ints
// CHECK: rank = 1 offset = {{[0-9]+}} sizes = [3]
// CHECK-NEXT: [3, 1, 4]
// Constant value
// CHECK: rank = 2 offset = {{[0-9]+}} sizes = [1, 2]
// CHECK-NEXT: {{\[\[}}1, 2]]
// Size
// CHECK: rank = 0 offset = {{[0-9]+}} sizes = []
// CHECK-NEXT: [6]

func.func @main() {
  %none = onnx.none
  %c1 = arith.constant dense<[[-1.0, 1.0, 3.0], [5.0, 7.0, 9.0]]> : tensor<2x3xf32>
  %d2 = bufferization.alloc_tensor() copy(%c1) : tensor<2x3xf32>
  %c3 = arith.constant dense<[1, 0, 0, 2]> : tensor<4xi64>
  %c4 = arith.constant dense<2.5> : tensor<f32>
  // Pad constant 2.5
  %r5 = onnx.node "Pad"(%d2, %c3, %c4) {domain = "", opset = 17 : i64, name = "n5", attrs = {}} : (tensor<2x3xf32>, tensor<4xi64>, tensor<f32>) -> tensor<3x5xf32>
  %p6 = tensor.cast %r5 : tensor<3x5xf32> to tensor<*xf32>
  call @printMemrefF32(%p6) : (tensor<*xf32>) -> ()
  %c7 = arith.constant dense<[0, -1, 1, 0]> : tensor<4xi64>
  // Pad constant with a negative pad
  %r8 = onnx.node "Pad"(%d2, %c7) {domain = "", opset = 17 : i64, name = "n8", attrs = {}} : (tensor<2x3xf32>, tensor<4xi64>) -> tensor<3x2xf32>
  %p9 = tensor.cast %r8 : tensor<3x2xf32> to tensor<*xf32>
  call @printMemrefF32(%p9) : (tensor<*xf32>) -> ()
  %c10 = arith.constant dense<[0, 2, 0, 1]> : tensor<4xi64>
  // Pad reflect
  %r11 = onnx.node "Pad"(%d2, %c10) {domain = "", opset = 17 : i64, name = "n11", attrs = {mode = "reflect"}} : (tensor<2x3xf32>, tensor<4xi64>) -> tensor<2x6xf32>
  %p12 = tensor.cast %r11 : tensor<2x6xf32> to tensor<*xf32>
  call @printMemrefF32(%p12) : (tensor<*xf32>) -> ()
  %c13 = arith.constant dense<[3, 0, 3, 0]> : tensor<4xi64>
  // Pad reflect wider than the dimension
  %r14 = onnx.node "Pad"(%d2, %c13) {domain = "", opset = 17 : i64, name = "n14", attrs = {mode = "reflect"}} : (tensor<2x3xf32>, tensor<4xi64>) -> tensor<8x3xf32>
  %p15 = tensor.cast %r14 : tensor<8x3xf32> to tensor<*xf32>
  call @printMemrefF32(%p15) : (tensor<*xf32>) -> ()
  %c16 = arith.constant dense<[1, 1, 2, 2]> : tensor<4xi64>
  // Pad edge
  %r17 = onnx.node "Pad"(%d2, %c16) {domain = "", opset = 17 : i64, name = "n17", attrs = {mode = "edge"}} : (tensor<2x3xf32>, tensor<4xi64>) -> tensor<5x6xf32>
  %p18 = tensor.cast %r17 : tensor<5x6xf32> to tensor<*xf32>
  call @printMemrefF32(%p18) : (tensor<*xf32>) -> ()
  %c19 = arith.constant dense<[1, 2, 1, 4]> : tensor<4xi64>
  // Pad-19 wrap
  %r20 = onnx.node "Pad"(%d2, %c19) {domain = "", opset = 19 : i64, name = "n20", attrs = {mode = "wrap"}} : (tensor<2x3xf32>, tensor<4xi64>) -> tensor<4x9xf32>
  %p21 = tensor.cast %r20 : tensor<4x9xf32> to tensor<*xf32>
  call @printMemrefF32(%p21) : (tensor<*xf32>) -> ()
  // Pad-2 attributes
  %r22 = onnx.node "Pad"(%d2) {domain = "", opset = 2 : i64, name = "n22", attrs = {pads = array<i64: 0, 1, 1, 0>, value = 1.5 : f32}} : (tensor<2x3xf32>) -> tensor<3x4xf32>
  %p23 = tensor.cast %r22 : tensor<3x4xf32> to tensor<*xf32>
  call @printMemrefF32(%p23) : (tensor<*xf32>) -> ()
  %c24 = arith.constant dense<[1, 1]> : tensor<2xi64>
  %c25 = arith.constant dense<[-1]> : tensor<1xi64>
  // Pad-18 axes input
  %r26 = onnx.node "Pad"(%d2, %c24, %none, %c25) {domain = "", opset = 18 : i64, name = "n26", attrs = {}} : (tensor<2x3xf32>, tensor<2xi64>, none, tensor<1xi64>) -> tensor<2x5xf32>
  %p27 = tensor.cast %r26 : tensor<2x5xf32> to tensor<*xf32>
  call @printMemrefF32(%p27) : (tensor<*xf32>) -> ()
  %c28 = arith.constant dense<[[1, -2], [3, 4]]> : tensor<2x2xi64>
  %d29 = bufferization.alloc_tensor() copy(%c28) : tensor<2x2xi64>
  %c30 = arith.constant dense<[0, 1, 0, 0]> : tensor<4xi64>
  %c31 = arith.constant dense<9> : tensor<i64>
  // Pad int64
  %r32 = onnx.node "Pad"(%d29, %c30, %c31) {domain = "", opset = 17 : i64, name = "n32", attrs = {}} : (tensor<2x2xi64>, tensor<4xi64>, tensor<i64>) -> tensor<2x3xi64>
  %w33 = arith.trunci %r32 : tensor<2x3xi64> to tensor<2x3xi32>
  %p33 = tensor.cast %w33 : tensor<2x3xi32> to tensor<*xi32>
  call @printMemrefI32(%p33) : (tensor<*xi32>) -> ()
  %c34 = arith.constant dense<[[1, -2], [3, 4]]> : tensor<2x2xi64>
  %d35 = bufferization.alloc_tensor() copy(%c34) : tensor<2x2xi64>
  %c36 = arith.constant dense<[1, 0, 0, 0]> : tensor<4xi64>
  %c37 = arith.constant dense<-5> : tensor<i64>
  %d38 = bufferization.alloc_tensor() copy(%c37) : tensor<i64>
  // Pad constant_value not a constant
  %r39 = onnx.node "Pad"(%d35, %c36, %d38) {domain = "", opset = 17 : i64, name = "n39", attrs = {}} : (tensor<2x2xi64>, tensor<4xi64>, tensor<i64>) -> tensor<3x2xi64>
  %w40 = arith.trunci %r39 : tensor<3x2xi64> to tensor<3x2xi32>
  %p40 = tensor.cast %w40 : tensor<3x2xi32> to tensor<*xi32>
  call @printMemrefI32(%p40) : (tensor<*xi32>) -> ()
  %c41 = arith.constant dense<[[-1.0, 1.0, 3.0], [5.0, 7.0, 9.0]]> : tensor<2x3xf32>
  %d42 = bufferization.alloc_tensor() copy(%c41) : tensor<2x3xf32>
  %c43 = arith.constant dense<0.25> : tensor<f32>
  %c44 = arith.constant dense<false> : tensor<i1>
  // Dropout-13 with mask
  %r45:2 = onnx.node "Dropout"(%d42, %c43, %c44) {domain = "", opset = 13 : i64, name = "n45", attrs = {}} : (tensor<2x3xf32>, tensor<f32>, tensor<i1>) -> (tensor<2x3xf32>, tensor<2x3xi1>)
  %p46 = tensor.cast %r45#0 : tensor<2x3xf32> to tensor<*xf32>
  call @printMemrefF32(%p46) : (tensor<*xf32>) -> ()
  %w47 = arith.extui %r45#1 : tensor<2x3xi1> to tensor<2x3xi32>
  %p47 = tensor.cast %w47 : tensor<2x3xi32> to tensor<*xi32>
  call @printMemrefI32(%p47) : (tensor<*xi32>) -> ()
  %c48 = arith.constant dense<[[-1.0, 1.0, 3.0], [5.0, 7.0, 9.0]]> : tensor<2x3xf32>
  %d49 = bufferization.alloc_tensor() copy(%c48) : tensor<2x3xf32>
  // Dropout-7
  %r50 = onnx.node "Dropout"(%d49) {domain = "", opset = 7 : i64, name = "n50", attrs = {ratio = 0.5 : f32}} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %p51 = tensor.cast %r50 : tensor<2x3xf32> to tensor<*xf32>
  call @printMemrefF32(%p51) : (tensor<*xf32>) -> ()
  // Constant value_float
  %r52 = onnx.node "Constant"() {domain = "", opset = 17 : i64, name = "n52", attrs = {value_float = 2.5 : f32}} : () -> tensor<f32>
  %p53 = tensor.cast %r52 : tensor<f32> to tensor<*xf32>
  call @printMemrefF32(%p53) : (tensor<*xf32>) -> ()
  // Constant value_floats
  %r54 = onnx.node "Constant"() {domain = "", opset = 17 : i64, name = "n54", attrs = {value_floats = array<f32: 1.0, -0.5>}} : () -> tensor<2xf32>
  %p55 = tensor.cast %r54 : tensor<2xf32> to tensor<*xf32>
  call @printMemrefF32(%p55) : (tensor<*xf32>) -> ()
  // Constant value_int
  %r56 = onnx.node "Constant"() {domain = "", opset = 17 : i64, name = "n56", attrs = {value_int = -7 : i64}} : () -> tensor<i64>
  %w57 = arith.trunci %r56 : tensor<i64> to tensor<i32>
  %p57 = tensor.cast %w57 : tensor<i32> to tensor<*xi32>
  call @printMemrefI32(%p57) : (tensor<*xi32>) -> ()
  // Constant value_ints
  %r58 = onnx.node "Constant"() {domain = "", opset = 17 : i64, name = "n58", attrs = {value_ints = array<i64: 3, 1, 4>}} : () -> tensor<3xi64>
  %w59 = arith.trunci %r58 : tensor<3xi64> to tensor<3xi32>
  %p59 = tensor.cast %w59 : tensor<3xi32> to tensor<*xi32>
  call @printMemrefI32(%p59) : (tensor<*xi32>) -> ()
  // Constant value
  %r60 = onnx.node "Constant"() {domain = "", opset = 17 : i64, name = "n60", attrs = {value = dense<[[1, 2]]> : tensor<1x2xi8>}} : () -> tensor<1x2xi8>
  %w61 = arith.extsi %r60 : tensor<1x2xi8> to tensor<1x2xi32>
  %p61 = tensor.cast %w61 : tensor<1x2xi32> to tensor<*xi32>
  call @printMemrefI32(%p61) : (tensor<*xi32>) -> ()
  // Size
  %r62 = onnx.node "Size"(%d2) {domain = "", opset = 17 : i64, name = "n62", attrs = {}} : (tensor<2x3xf32>) -> tensor<i64>
  %w63 = arith.trunci %r62 : tensor<i64> to tensor<i32>
  %p63 = tensor.cast %w63 : tensor<i32> to tensor<*xi32>
  call @printMemrefI32(%p63) : (tensor<*xi32>) -> ()
  return
}
func.func private @printMemrefF32(tensor<*xf32>)
func.func private @printMemrefI32(tensor<*xi32>)
