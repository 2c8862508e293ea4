// Diagnostics of the constant folder: constant nodes that are invalid.
// RUN: quench-opt %s --convert-onnx-to-linalg -split-input-file -verify-diagnostics

func.func @gather_out_of_range() -> !onnx.unknown {
  %shape = arith.constant dense<[1, 5, 64]> : tensor<3xi64>
  %i = arith.constant dense<3> : tensor<i64>
  // expected-error@+1 {{ONNX node 'g' (Gather-17): index 3 is out of range for a dimension of size 3}}
  %g = onnx.node "Gather"(%shape, %i) {domain = "", opset = 17 : i64, name = "g", attrs = {}} : (tensor<3xi64>, tensor<i64>) -> !onnx.unknown
  return %g : !onnx.unknown
}

// -----

func.func @div_by_zero() -> !onnx.unknown {
  %a = arith.constant dense<[4, 6]> : tensor<2xi64>
  %b = arith.constant dense<[2, 0]> : tensor<2xi64>
  // expected-error@+1 {{ONNX node 'd' (Div-17): integer division by zero}}
  %d = onnx.node "Div"(%a, %b) {domain = "", opset = 17 : i64, name = "d", attrs = {}} : (tensor<2xi64>, tensor<2xi64>) -> !onnx.unknown
  return %d : !onnx.unknown
}

// -----

func.func @mod_by_zero() -> !onnx.unknown {
  %a = arith.constant dense<[4, 6]> : tensor<2xi32>
  %b = arith.constant dense<0> : tensor<i32>
  // expected-error@+1 {{ONNX node 'm' (Mod-13): integer division by zero}}
  %m = onnx.node "Mod"(%a, %b) {domain = "", opset = 13 : i64, name = "m", attrs = {}} : (tensor<2xi32>, tensor<i32>) -> !onnx.unknown
  return %m : !onnx.unknown
}

// -----

func.func @range_zero_delta() -> !onnx.unknown {
  %a = arith.constant dense<0> : tensor<i64>
  %b = arith.constant dense<5> : tensor<i64>
  // expected-error@+1 {{ONNX node 'r' (Range-11): delta is 0}}
  %r = onnx.node "Range"(%a, %b, %a) {domain = "", opset = 11 : i64, name = "r", attrs = {}} : (tensor<i64>, tensor<i64>, tensor<i64>) -> !onnx.unknown
  return %r : !onnx.unknown
}

// -----

// The folder applies the same shape rules as the lowerings.
func.func @reshape_constant() -> !onnx.unknown {
  %x = arith.constant dense<[1, 2, 3, 4, 5, 6]> : tensor<6xi64>
  %s = arith.constant dense<[4, -1]> : tensor<2xi64>
  // expected-error@+1 {{ONNX node 'r' (Reshape-13): cannot infer the -1 entry: 6 elements do not divide by 4}}
  %r = onnx.node "Reshape"(%x, %s) {domain = "", opset = 13 : i64, name = "r", attrs = {}} : (tensor<6xi64>, tensor<2xi64>) -> !onnx.unknown
  return %r : !onnx.unknown
}

// -----

func.func @cumsum_axis() -> !onnx.unknown {
  %x = arith.constant dense<[1, 2]> : tensor<2xi64>
  %axis = arith.constant dense<1> : tensor<i64>
  // expected-error@+1 {{ONNX node 'c' (CumSum-14): axis 1 is out of range for rank 1}}
  %c = onnx.node "CumSum"(%x, %axis) {domain = "", opset = 14 : i64, name = "c", attrs = {}} : (tensor<2xi64>, tensor<i64>) -> !onnx.unknown
  return %c : !onnx.unknown
}

// -----

func.func @reduce_axis() -> !onnx.unknown {
  %x = arith.constant dense<[1, 2]> : tensor<2xi64>
  // expected-error@+1 {{ONNX node 's' (ReduceSum-11): axis -2 is out of range for rank 1}}
  %s = onnx.node "ReduceSum"(%x) {domain = "", opset = 11 : i64, name = "s", attrs = {axes = array<i64: -2>}} : (tensor<2xi64>) -> !onnx.unknown
  return %s : !onnx.unknown
}
