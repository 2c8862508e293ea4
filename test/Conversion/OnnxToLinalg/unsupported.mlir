// RUN: quench-opt %s --convert-onnx-to-linalg -verify-diagnostics

// Every op type without a lowering is listed once, with its nodes, including
// nodes downstream of another unsupported node.

// expected-error@+1 {{cannot lower this ONNX graph: no lowering for Frob-17 (2 nodes: 'f1', 'f2'), custom.Blur-1 (1 node: 'b1')}}
func.func @main(%a: tensor<2x3xf32>) -> !onnx.unknown {
  %0 = onnx.node "Frob"(%a) {domain = "", opset = 17 : i64, name = "f1", attrs = {}} : (tensor<2x3xf32>) -> !onnx.unknown
  %1 = onnx.node "Relu"(%0) {domain = "", opset = 17 : i64, name = "r", attrs = {}} : (!onnx.unknown) -> !onnx.unknown
  %2 = onnx.node "Blur"(%1) {domain = "custom", opset = 1 : i64, name = "b1", attrs = {}} : (!onnx.unknown) -> !onnx.unknown
  %3 = onnx.node "Frob"(%2) {domain = "", opset = 17 : i64, name = "f2", attrs = {}} : (!onnx.unknown) -> !onnx.unknown
  return %3 : !onnx.unknown
}
