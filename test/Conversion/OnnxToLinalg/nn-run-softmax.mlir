// RUN: quench-opt %s --convert-onnx-to-linalg | %run_reference | FileCheck %s

// Softmax and LogSoftmax against numpy (the max is subtracted first; large
// inputs would overflow exp otherwise).

// CHECK: rank = 2 offset = 0 sizes = [2, 3]
// CHECK-NEXT: [0.0900306, {{0\.244728|0\.244729}}, 0.665241]
// CHECK-NEXT: [0.333333, 0.333333, 0.333333]
func.func @softmax_13_default_axis(%x0: tensor<2x3xf32>) -> (tensor<2x3xf32>) {
  %y = onnx.node "Softmax"(%x0) {domain = "", opset = 13 : i64, name = "softmax_13_default_axis", attrs = {}} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}

// CHECK: rank = 3 offset = 0 sizes = [2, 2, 2]
// CHECK-NEXT: [0.119203, 0.119203]
// CHECK-NEXT: [0.880797, 0.880797]
// CHECK-NEXT: [0.5, 0]
// CHECK-NEXT: [0.5, 1]
func.func @softmax_13_axis_1(%x0: tensor<2x2x2xf32>) -> (tensor<2x2x2xf32>) {
  %y = onnx.node "Softmax"(%x0) {domain = "", opset = 13 : i64, name = "softmax_13_axis_1", attrs = {axis = 1 : i64}} : (tensor<2x2x2xf32>) -> tensor<2x2x2xf32>
  return %y : tensor<2x2x2xf32>
}

// CHECK: rank = 3 offset = 0 sizes = [2, 2, 2]
// CHECK-NEXT: [0.0320586, 0.0871443]
// CHECK-NEXT: [0.236883, 0.643914]
// CHECK-NEXT: [0, 0]
// CHECK-NEXT: [0, 1]
func.func @softmax_11_flattens_from_axis_1(%x0: tensor<2x2x2xf32>) -> (tensor<2x2x2xf32>) {
  %y = onnx.node "Softmax"(%x0) {domain = "", opset = 11 : i64, name = "softmax_11_flattens_from_axis_1", attrs = {}} : (tensor<2x2x2xf32>) -> tensor<2x2x2xf32>
  return %y : tensor<2x2x2xf32>
}

// CHECK: rank = 3 offset = 0 sizes = [2, 2, 2]
// CHECK-NEXT: [{{0\.268941|0\.268942}}, {{0\.731058|0\.731059}}]
// CHECK-NEXT: [{{0\.268941|0\.268942}}, {{0\.731058|0\.731059}}]
// CHECK-NEXT: [0.5, 0.5]
// CHECK-NEXT: [0, 1]
func.func @softmax_1_axis_2(%x0: tensor<2x2x2xf32>) -> (tensor<2x2x2xf32>) {
  %y = onnx.node "Softmax"(%x0) {domain = "", opset = 1 : i64, name = "softmax_1_axis_2", attrs = {axis = 2 : i64}} : (tensor<2x2x2xf32>) -> tensor<2x2x2xf32>
  return %y : tensor<2x2x2xf32>
}

// CHECK: rank = 2 offset = 0 sizes = [2, 3]
// CHECK-NEXT: [-2.40761, -1.40761, -0.407606]
// CHECK-NEXT: [-1.09861, -1.09861, -1.09861]
func.func @logsoftmax_13_default_axis(%x0: tensor<2x3xf32>) -> (tensor<2x3xf32>) {
  %y = onnx.node "LogSoftmax"(%x0) {domain = "", opset = 13 : i64, name = "logsoftmax_13_default_axis", attrs = {}} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}

// CHECK: rank = 2 offset = 0 sizes = [2, 3]
// CHECK-NEXT: [-4.26779, -3.26779, -2.26779]
// CHECK-NEXT: [-1.26779, -1.26779, -1.26779]
func.func @logsoftmax_11_axis_0(%x0: tensor<2x3xf32>) -> (tensor<2x3xf32>) {
  %y = onnx.node "LogSoftmax"(%x0) {domain = "", opset = 11 : i64, name = "logsoftmax_11_axis_0", attrs = {axis = 0 : i64}} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}

// CHECK: rank = 2 offset = 0 sizes = [2, 3]
// CHECK-NEXT: [{{0\.0899658|0\.0900269|0\.0900879}}, {{0\.244629|0\.244751|0\.244873}}, {{0\.664551|0\.665039|0\.665527}}]
// CHECK-NEXT: [{{0\.333008|0\.333252|0\.333496}}, {{0\.333008|0\.333252|0\.333496}}, {{0\.333008|0\.333252|0\.333496}}]
func.func @softmax_13_f16(%x0: tensor<2x3xf16>) -> (tensor<2x3xf16>) {
  %y = onnx.node "Softmax"(%x0) {domain = "", opset = 13 : i64, name = "softmax_13_f16", attrs = {}} : (tensor<2x3xf16>) -> tensor<2x3xf16>
  return %y : tensor<2x3xf16>
}

func.func @main() {
  %c0_0 = arith.constant dense<[[0.0, 1.0, 2.0], [3.0, 3.0, 3.0]]> : tensor<2x3xf32>
  %r0:1 = call @softmax_13_default_axis(%c0_0) : (tensor<2x3xf32>) -> (tensor<2x3xf32>)
  %u0_0 = tensor.cast %r0#0 : tensor<2x3xf32> to tensor<*xf32>
  call @printMemrefF32(%u0_0) : (tensor<*xf32>) -> ()
  %c1_0 = arith.constant dense<[[[1.0, 2.0], [3.0, 4.0]], [[0.0, 0.0], [0.0, 1000.0]]]> : tensor<2x2x2xf32>
  %r1:1 = call @softmax_13_axis_1(%c1_0) : (tensor<2x2x2xf32>) -> (tensor<2x2x2xf32>)
  %u1_0 = tensor.cast %r1#0 : tensor<2x2x2xf32> to tensor<*xf32>
  call @printMemrefF32(%u1_0) : (tensor<*xf32>) -> ()
  %c2_0 = arith.constant dense<[[[1.0, 2.0], [3.0, 4.0]], [[0.0, 0.0], [0.0, 1000.0]]]> : tensor<2x2x2xf32>
  %r2:1 = call @softmax_11_flattens_from_axis_1(%c2_0) : (tensor<2x2x2xf32>) -> (tensor<2x2x2xf32>)
  %u2_0 = tensor.cast %r2#0 : tensor<2x2x2xf32> to tensor<*xf32>
  call @printMemrefF32(%u2_0) : (tensor<*xf32>) -> ()
  %c3_0 = arith.constant dense<[[[1.0, 2.0], [3.0, 4.0]], [[0.0, 0.0], [0.0, 1000.0]]]> : tensor<2x2x2xf32>
  %r3:1 = call @softmax_1_axis_2(%c3_0) : (tensor<2x2x2xf32>) -> (tensor<2x2x2xf32>)
  %u3_0 = tensor.cast %r3#0 : tensor<2x2x2xf32> to tensor<*xf32>
  call @printMemrefF32(%u3_0) : (tensor<*xf32>) -> ()
  %c4_0 = arith.constant dense<[[0.0, 1.0, 2.0], [3.0, 3.0, 3.0]]> : tensor<2x3xf32>
  %r4:1 = call @logsoftmax_13_default_axis(%c4_0) : (tensor<2x3xf32>) -> (tensor<2x3xf32>)
  %u4_0 = tensor.cast %r4#0 : tensor<2x3xf32> to tensor<*xf32>
  call @printMemrefF32(%u4_0) : (tensor<*xf32>) -> ()
  %c5_0 = arith.constant dense<[[0.0, 1.0, 2.0], [3.0, 3.0, 3.0]]> : tensor<2x3xf32>
  %r5:1 = call @logsoftmax_11_axis_0(%c5_0) : (tensor<2x3xf32>) -> (tensor<2x3xf32>)
  %u5_0 = tensor.cast %r5#0 : tensor<2x3xf32> to tensor<*xf32>
  call @printMemrefF32(%u5_0) : (tensor<*xf32>) -> ()
  %c6_0 = arith.constant dense<[[0.0, 1.0, 2.0], [3.0, 3.0, 3.0]]> : tensor<2x3xf16>
  %r6:1 = call @softmax_13_f16(%c6_0) : (tensor<2x3xf16>) -> (tensor<2x3xf16>)
  %e6_0 = arith.extf %r6#0 : tensor<2x3xf16> to tensor<2x3xf32>
  %u6_0 = tensor.cast %e6_0 : tensor<2x3xf32> to tensor<*xf32>
  call @printMemrefF32(%u6_0) : (tensor<*xf32>) -> ()
  return
}
func.func private @printMemrefF32(tensor<*xf32>)
func.func private @printMemrefI32(tensor<*xi32>)
