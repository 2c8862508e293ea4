// RUN: quench-opt %s --convert-onnx-to-linalg -split-input-file -verify-diagnostics

// An axis on a rank-0 input is an error (it used to index empty shapes).

func.func @squeeze_scalar(%x: tensor<f32>) -> tensor<*xf32> {
  %a = arith.constant dense<[0]> : tensor<1xi64>
  // expected-error@+1 {{ONNX node 'sq' (Squeeze-13): axis 0 is given for a rank-0 (scalar) input}}
  %r = onnx.node "Squeeze"(%x, %a) {domain = "", opset = 13 : i64, name = "sq", attrs = {}} : (tensor<f32>, tensor<1xi64>) -> tensor<*xf32>
  return %r : tensor<*xf32>
}

// -----

func.func @slice_scalar(%x: tensor<f32>) -> tensor<*xf32> {
  %a = arith.constant dense<[0]> : tensor<1xi64>
  %b = arith.constant dense<[1]> : tensor<1xi64>
  // expected-error@+1 {{ONNX node 'sl' (Slice-13): axis 0 is given for a rank-0 (scalar) input}}
  %r = onnx.node "Slice"(%x, %a, %b) {domain = "", opset = 13 : i64, name = "sl", attrs = {}} : (tensor<f32>, tensor<1xi64>, tensor<1xi64>) -> tensor<*xf32>
  return %r : tensor<*xf32>
}

// -----

func.func @split_scalar(%x: tensor<f32>) -> tensor<*xf32> {
  // expected-error@+1 {{ONNX node 'sp' (Split-11): axis 0 is given for a rank-0 (scalar) input}}
  %r:1 = onnx.node "Split"(%x) {domain = "", opset = 11 : i64, name = "sp", attrs = {axis = 0 : i64}} : (tensor<f32>) -> (tensor<*xf32>)
  return %r#0 : tensor<*xf32>
}

// -----

func.func @pad_scalar(%x: tensor<f32>) -> tensor<*xf32> {
  %p = arith.constant dense<[1, 1]> : tensor<2xi64>
  %none = onnx.none
  %a = arith.constant dense<[0]> : tensor<1xi64>
  // expected-error@+1 {{ONNX node 'pd' (Pad-18): axis 0 is given for a rank-0 (scalar) input}}
  %r = onnx.node "Pad"(%x, %p, %none, %a) {domain = "", opset = 18 : i64, name = "pd", attrs = {}} : (tensor<f32>, tensor<2xi64>, none, tensor<1xi64>) -> tensor<*xf32>
  return %r : tensor<*xf32>
}

// -----

func.func @reduce_sum_scalar() -> tensor<*xi64> {
  %x = arith.constant dense<5> : tensor<i64>
  %a = arith.constant dense<[0]> : tensor<1xi64>
  // expected-error@+1 {{ONNX node 'rs' (ReduceSum-13): axis 0 is given for a rank-0 (scalar) input}}
  %r = onnx.node "ReduceSum"(%x, %a) {domain = "", opset = 13 : i64, name = "rs", attrs = {keepdims = 0 : i64}} : (tensor<i64>, tensor<1xi64>) -> tensor<*xi64>
  return %r : tensor<*xi64>
}
