// RUN: quench-opt %s --convert-onnx-to-linalg --convert-math-to-libm | %run_reference | FileCheck %s

// Erf and Gelu. The reference pipeline has no lowering for math.erf, so it
// goes to libm (erff) here.

// CHECK: rank = 1 offset = 0 sizes = [6]
// CHECK-NEXT: {{\[}}-0.995322, -0.5205, 0, 0.276326, 0.842701, 0.999978]
func.func @erf(%x0: tensor<6xf32>) -> (tensor<6xf32>) {
  %y = onnx.node "Erf"(%x0) {domain = "", opset = 13 : i64, name = "erf", attrs = {}} : (tensor<6xf32>) -> tensor<6xf32>
  return %y : tensor<6xf32>
}

// Gelu, exact form: x/2 (1 + erf(x / sqrt(2))).
// CHECK: rank = 1 offset = 0 sizes = [6]
// CHECK-NEXT: {{\[}}-0.0455003, -0.154269, 0, 0.149677, 0.841345, 2.99595]
func.func @gelu(%x0: tensor<6xf32>) -> (tensor<6xf32>) {
  %y = onnx.node "Gelu"(%x0) {domain = "", opset = 20 : i64, name = "gelu", attrs = {}} : (tensor<6xf32>) -> tensor<6xf32>
  return %y : tensor<6xf32>
}

// CHECK: rank = 1 offset = 0 sizes = [6]
// CHECK-NEXT: {{\[}}-0.0455003, -0.154269, 0, 0.149677, 0.841345, 2.99595]
func.func @gelu_none(%x0: tensor<6xf32>) -> (tensor<6xf32>) {
  %y = onnx.node "Gelu"(%x0) {domain = "", opset = 20 : i64, name = "gelu_none", attrs = {approximate = "none"}} : (tensor<6xf32>) -> tensor<6xf32>
  return %y : tensor<6xf32>
}

func.func @main() {
  %c1 = arith.constant dense<[-2.0, -0.5, 0.0, 0.25, 1.0, 3.0]> : tensor<6xf32>
  %r2 = call @erf(%c1) : (tensor<6xf32>) -> (tensor<6xf32>)
  %u3 = tensor.cast %r2 : tensor<6xf32> to tensor<*xf32>
  call @printMemrefF32(%u3) : (tensor<*xf32>) -> ()
  %c4 = arith.constant dense<[-2.0, -0.5, 0.0, 0.25, 1.0, 3.0]> : tensor<6xf32>
  %r5 = call @gelu(%c4) : (tensor<6xf32>) -> (tensor<6xf32>)
  %u6 = tensor.cast %r5 : tensor<6xf32> to tensor<*xf32>
  call @printMemrefF32(%u6) : (tensor<*xf32>) -> ()
  %c7 = arith.constant dense<[-2.0, -0.5, 0.0, 0.25, 1.0, 3.0]> : tensor<6xf32>
  %r8 = call @gelu_none(%c7) : (tensor<6xf32>) -> (tensor<6xf32>)
  %u9 = tensor.cast %r8 : tensor<6xf32> to tensor<*xf32>
  call @printMemrefF32(%u9) : (tensor<*xf32>) -> ()
  return
}
func.func private @printMemrefF32(tensor<*xf32>)
