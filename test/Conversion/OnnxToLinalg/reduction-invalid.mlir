// RUN: quench-opt %s --convert-onnx-to-linalg -split-input-file -verify-diagnostics

// Every error the reduction lowerings report.

func.func @axes_not_constant(%x: tensor<2x3xf32>, %axes: tensor<1xi64>) -> tensor<2xf32> {
  // expected-error@+1 {{ONNX node 'sum' (ReduceSum-13): the axes input must be a constant}}
  %y = onnx.node "ReduceSum"(%x, %axes) {domain = "", opset = 13 : i64, name = "sum", attrs = {keepdims = 0 : i64}} : (tensor<2x3xf32>, tensor<1xi64>) -> tensor<2xf32>
  return %y : tensor<2xf32>
}

// -----

func.func @axis_twice(%x: tensor<2x3xf32>) -> tensor<2xf32> {
  // expected-error@+1 {{axis -1 is given twice}}
  %y = onnx.node "ReduceMean"(%x) {domain = "", opset = 17 : i64, name = "mean", attrs = {axes = array<i64: 1, -1>, keepdims = 0 : i64}} : (tensor<2x3xf32>) -> tensor<2xf32>
  return %y : tensor<2xf32>
}

// -----

func.func @axis_out_of_range(%x: tensor<2x3xf32>) -> tensor<2xf32> {
  %axes = arith.constant dense<2> : tensor<1xi64>
  // expected-error@+1 {{axis 2 is out of range for rank 2}}
  %y = onnx.node "ReduceMax"(%x, %axes) {domain = "", opset = 18 : i64, name = "max", attrs = {keepdims = 0 : i64}} : (tensor<2x3xf32>, tensor<1xi64>) -> tensor<2xf32>
  return %y : tensor<2xf32>
}

// -----

func.func @log_sum_exp_of_integers(%x: tensor<2x3xi32>) -> tensor<2xi32> {
  // expected-error@+1 {{input 0 has element type i32; ReduceLogSumExp takes float tensors}}
  %y = onnx.node "ReduceLogSumExp"(%x) {domain = "", opset = 13 : i64, name = "lse", attrs = {axes = array<i64: 1>, keepdims = 0 : i64}} : (tensor<2x3xi32>) -> tensor<2xi32>
  return %y : tensor<2xi32>
}

// -----

func.func @sum_of_bools(%x: tensor<2x3xi1>) -> tensor<2xi1> {
  // expected-error@+1 {{input 0 has element type i1; ReduceSum takes float or integer tensors}}
  %y = onnx.node "ReduceSum"(%x) {domain = "", opset = 11 : i64, name = "sum", attrs = {axes = array<i64: 1>, keepdims = 0 : i64}} : (tensor<2x3xi1>) -> tensor<2xi1>
  return %y : tensor<2xi1>
}

// -----

func.func @argmax_of_unsigned_bools(%x: tensor<2x3xi1>) -> tensor<2xi64> {
  // expected-error@+1 {{input 0 has element type i1; ArgMax takes float or integer tensors}}
  %y = onnx.node "ArgMax"(%x) {domain = "", opset = 13 : i64, name = "argmax", attrs = {axis = 1 : i64, keepdims = 0 : i64}} : (tensor<2x3xi1>) -> tensor<2xi64>
  return %y : tensor<2xi64>
}

// -----

func.func @argmin_of_scalar(%x: tensor<f32>) -> tensor<i64> {
  // expected-error@+1 {{ArgMin-13): input must have rank >= 1}}
  %y = onnx.node "ArgMin"(%x) {domain = "", opset = 13 : i64, name = "argmin", attrs = {}} : (tensor<f32>) -> tensor<i64>
  return %y : tensor<i64>
}

// -----

func.func @argmax_axis(%x: tensor<2x3xf32>) -> tensor<2xi64> {
  // expected-error@+1 {{axis -3 is out of range for rank 2}}
  %y = onnx.node "ArgMax"(%x) {domain = "", opset = 13 : i64, name = "argmax", attrs = {axis = -3 : i64}} : (tensor<2x3xf32>) -> tensor<2xi64>
  return %y : tensor<2xi64>
}

// -----

func.func @cumsum_axis_not_constant(%x: tensor<2x3xf32>, %axis: tensor<i64>) -> tensor<2x3xf32> {
  // expected-error@+1 {{CumSum-14): the axis input must be a constant}}
  %y = onnx.node "CumSum"(%x, %axis) {domain = "", opset = 14 : i64, name = "cumsum", attrs = {}} : (tensor<2x3xf32>, tensor<i64>) -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}

// -----

func.func @cumsum_two_axes(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %axis = arith.constant dense<[0, 1]> : tensor<2xi64>
  // expected-error@+1 {{the axis input must hold one value}}
  %y = onnx.node "CumSum"(%x, %axis) {domain = "", opset = 14 : i64, name = "cumsum", attrs = {}} : (tensor<2x3xf32>, tensor<2xi64>) -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}

// -----

func.func @cumsum_without_axis(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // expected-error@+1 {{input 1 (axis) is required}}
  %y = onnx.node "CumSum"(%x) {domain = "", opset = 14 : i64, name = "cumsum", attrs = {}} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}

// -----

func.func @cumsum_of_scalar(%x: tensor<f32>) -> tensor<f32> {
  %axis = arith.constant dense<0> : tensor<i64>
  // expected-error@+1 {{CumSum-14): input must have rank >= 1}}
  %y = onnx.node "CumSum"(%x, %axis) {domain = "", opset = 14 : i64, name = "cumsum", attrs = {}} : (tensor<f32>, tensor<i64>) -> tensor<f32>
  return %y : tensor<f32>
}
