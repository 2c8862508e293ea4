// RUN: quench-opt %s --convert-onnx-to-linalg -split-input-file -verify-diagnostics

// Every error the element-wise lowerings report.

func.func @bool_add(%a: tensor<4xi1>, %b: tensor<4xi1>) -> tensor<4xi1> {
  // expected-error@+1 {{ONNX node 'add' (Add-14): input 0 has element type i1; Add takes float or integer tensors}}
  %y = onnx.node "Add"(%a, %b) {domain = "", opset = 14 : i64, name = "add", attrs = {}} : (tensor<4xi1>, tensor<4xi1>) -> tensor<4xi1>
  return %y : tensor<4xi1>
}

// -----

func.func @unsupported_element_type(%a: tensor<4xf8E4M3FN>) -> tensor<4xf8E4M3FN> {
  // expected-error@+1 {{input 0 has element type f8E4M3FN; Exp takes float tensors}}
  %y = onnx.node "Exp"(%a) {domain = "", opset = 13 : i64, name = "exp", attrs = {}} : (tensor<4xf8E4M3FN>) -> tensor<4xf8E4M3FN>
  return %y : tensor<4xf8E4M3FN>
}

// -----

func.func @mixed_types(%a: tensor<4xf32>, %b: tensor<4xf16>) -> tensor<4xf32> {
  // expected-error@+1 {{input 1 has element type f16 but input 0 has f32}}
  %y = onnx.node "Mul"(%a, %b) {domain = "", opset = 14 : i64, name = "mul", attrs = {}} : (tensor<4xf32>, tensor<4xf16>) -> tensor<4xf32>
  return %y : tensor<4xf32>
}

// -----

func.func @mixed_signedness(%a: tensor<4xi8>, %b: tensor<4xui8>) -> tensor<4xi8> {
  // expected-error@+1 {{input 1 has element type ui8 but input 0 has i8}}
  %y = onnx.node "Sub"(%a, %b) {domain = "", opset = 14 : i64, name = "sub", attrs = {}} : (tensor<4xi8>, tensor<4xui8>) -> tensor<4xi8>
  return %y : tensor<4xi8>
}

// -----

func.func @no_broadcast(%a: tensor<2x3xf32>, %b: tensor<4xf32>) -> tensor<2x3xf32> {
  // expected-error@+1 {{input shapes [2, 3], [4] do not broadcast}}
  %y = onnx.node "Add"(%a, %b) {domain = "", opset = 14 : i64, name = "add", attrs = {}} : (tensor<2x3xf32>, tensor<4xf32>) -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}

// -----

func.func @where_three_shapes(%c: tensor<2xi1>, %a: tensor<3xf32>, %b: tensor<1xf32>) -> tensor<3xf32> {
  // expected-error@+1 {{input shapes [2], [3], [1] do not broadcast}}
  %y = onnx.node "Where"(%c, %a, %b) {domain = "", opset = 16 : i64, name = "where", attrs = {}} : (tensor<2xi1>, tensor<3xf32>, tensor<1xf32>) -> tensor<3xf32>
  return %y : tensor<3xf32>
}

// -----

func.func @where_condition_not_bool(%c: tensor<3xi8>, %a: tensor<3xf32>, %b: tensor<3xf32>) -> tensor<3xf32> {
  // expected-error@+1 {{input 0 has element type i8; Where takes bool tensors}}
  %y = onnx.node "Where"(%c, %a, %b) {domain = "", opset = 16 : i64, name = "where", attrs = {}} : (tensor<3xi8>, tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  return %y : tensor<3xf32>
}

// -----

func.func @not_float(%a: tensor<3xf32>) -> tensor<3xf32> {
  // expected-error@+1 {{input 0 has element type f32; Not takes bool tensors}}
  %y = onnx.node "Not"(%a) {domain = "", opset = 1 : i64, name = "not", attrs = {}} : (tensor<3xf32>) -> tensor<3xf32>
  return %y : tensor<3xf32>
}

// -----

func.func @neg_unsigned(%a: tensor<3xui32>) -> tensor<3xi32> {
  // expected-error@+1 {{input 0 has element type ui32; Neg takes float or signed integer tensors}}
  %y = onnx.node "Neg"(%a) {domain = "", opset = 13 : i64, name = "neg", attrs = {}} : (tensor<3xui32>) -> tensor<3xi32>
  return %y : tensor<3xi32>
}

// -----

func.func @less_bool(%a: tensor<3xi1>, %b: tensor<3xi1>) -> tensor<3xi1> {
  // expected-error@+1 {{input 0 has element type i1; Less takes float or integer tensors}}
  %y = onnx.node "Less"(%a, %b) {domain = "", opset = 13 : i64, name = "less", attrs = {}} : (tensor<3xi1>, tensor<3xi1>) -> tensor<3xi1>
  return %y : tensor<3xi1>
}

// -----

func.func @float_mod_needs_fmod(%a: tensor<3xf32>, %b: tensor<3xf32>) -> tensor<3xf32> {
  // expected-error@+1 {{fmod must be 1 for float inputs}}
  %y = onnx.node "Mod"(%a, %b) {domain = "", opset = 13 : i64, name = "mod", attrs = {}} : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  return %y : tensor<3xf32>
}

// -----

func.func @pow_bool_exponent(%a: tensor<3xf32>, %b: tensor<3xi1>) -> tensor<3xf32> {
  // expected-error@+1 {{input 1 has element type i1; Pow takes float or integer tensors}}
  %y = onnx.node "Pow"(%a, %b) {domain = "", opset = 15 : i64, name = "pow", attrs = {}} : (tensor<3xf32>, tensor<3xi1>) -> tensor<3xf32>
  return %y : tensor<3xf32>
}

// -----

func.func @sum_without_inputs() -> tensor<3xf32> {
  // expected-error@+1 {{Sum-13): expects at least one input}}
  %y = onnx.node "Sum"() {domain = "", opset = 13 : i64, name = "sum", attrs = {}} : () -> tensor<3xf32>
  return %y : tensor<3xf32>
}

// -----

func.func @mean_without_inputs() -> tensor<3xf32> {
  // expected-error@+1 {{Mean-13): expects at least one input}}
  %y = onnx.node "Mean"() {domain = "", opset = 13 : i64, name = "mean", attrs = {}} : () -> tensor<3xf32>
  return %y : tensor<3xf32>
}

// -----

func.func @mean_of_integers(%a: tensor<3xi32>, %b: tensor<3xi32>) -> tensor<3xi32> {
  // expected-error@+1 {{input 0 has element type i32; Mean takes float tensors}}
  %y = onnx.node "Mean"(%a, %b) {domain = "", opset = 13 : i64, name = "mean", attrs = {}} : (tensor<3xi32>, tensor<3xi32>) -> tensor<3xi32>
  return %y : tensor<3xi32>
}

// -----

func.func @clip_bound_not_scalar(%a: tensor<3xf32>, %lo: tensor<2xf32>) -> tensor<3xf32> {
  // expected-error@+1 {{input 1 (min) must be a scalar, not of shape [2]}}
  %y = onnx.node "Clip"(%a, %lo) {domain = "", opset = 13 : i64, name = "clip", attrs = {}} : (tensor<3xf32>, tensor<2xf32>) -> tensor<3xf32>
  return %y : tensor<3xf32>
}

// -----

func.func @clip_bound_type(%a: tensor<3xf32>, %hi: tensor<f64>) -> tensor<3xf32> {
  %none = onnx.none
  // expected-error@+1 {{input 2 has element type f64 but input 0 has f32}}
  %y = onnx.node "Clip"(%a, %none, %hi) {domain = "", opset = 13 : i64, name = "clip", attrs = {}} : (tensor<3xf32>, none, tensor<f64>) -> tensor<3xf32>
  return %y : tensor<3xf32>
}

// -----

func.func @prelu_slope_too_big(%a: tensor<3xf32>, %s: tensor<2x3xf32>) -> tensor<3xf32> {
  // expected-error@+1 {{slope of shape [2, 3] does not broadcast to the input shape [3]}}
  %y = onnx.node "PRelu"(%a, %s) {domain = "", opset = 16 : i64, name = "prelu", attrs = {}} : (tensor<3xf32>, tensor<2x3xf32>) -> tensor<3xf32>
  return %y : tensor<3xf32>
}

// -----

func.func @gelu_approximation(%a: tensor<3xf32>) -> tensor<3xf32> {
  // expected-error@+1 {{approximate must be 'none' or 'tanh', not 'fast'}}
  %y = onnx.node "Gelu"(%a) {domain = "", opset = 20 : i64, name = "gelu", attrs = {approximate = "fast"}} : (tensor<3xf32>) -> tensor<3xf32>
  return %y : tensor<3xf32>
}

// -----

func.func @cast_without_to(%a: tensor<3xf32>) -> tensor<3xi32> {
  // expected-error@+1 {{needs the 'to' attribute}}
  %y = onnx.node "Cast"(%a) {domain = "", opset = 13 : i64, name = "cast", attrs = {}} : (tensor<3xf32>) -> tensor<3xi32>
  return %y : tensor<3xi32>
}

// -----

func.func @cast_to_float8(%a: tensor<3xf32>) -> tensor<3xf32> {
  // expected-error@+1 {{cast to ONNX data type 17 (FLOAT8E4M3FN) is not supported}}
  %y = onnx.node "Cast"(%a) {domain = "", opset = 19 : i64, name = "cast", attrs = {to = 17 : i64}} : (tensor<3xf32>) -> tensor<3xf32>
  return %y : tensor<3xf32>
}

// -----

func.func @cast_to_string(%a: tensor<3xf32>) -> tensor<3xf32> {
  // expected-error@+1 {{cast to ONNX data type 8 (STRING) is not supported}}
  %y = onnx.node "Cast"(%a) {domain = "", opset = 13 : i64, name = "cast", attrs = {to = 8 : i64}} : (tensor<3xf32>) -> tensor<3xf32>
  return %y : tensor<3xf32>
}

// -----

func.func @cast_to_unknown_code(%a: tensor<3xf32>) -> tensor<3xf32> {
  // expected-error@+1 {{cast to ONNX data type 99 is not supported}}
  %y = onnx.node "Cast"(%a) {domain = "", opset = 13 : i64, name = "cast", attrs = {to = 99 : i64}} : (tensor<3xf32>) -> tensor<3xf32>
  return %y : tensor<3xf32>
}

// -----

func.func @cast_1_unknown_name(%a: tensor<3xf32>) -> tensor<3xf32> {
  // expected-error@+1 {{unknown data type 'QUADRUPLE' in 'to'}}
  %y = onnx.node "Cast"(%a) {domain = "", opset = 1 : i64, name = "cast", attrs = {to = "quadruple"}} : (tensor<3xf32>) -> tensor<3xf32>
  return %y : tensor<3xf32>
}

// -----

func.func @cast_like_target_type(%a: tensor<3xf32>, %b: tensor<3xcomplex<f32>>) -> tensor<3xf32> {
  // expected-error@+1 {{input 1 has element type complex<f32>; CastLike takes float, integer or bool tensors}}
  %y = onnx.node "CastLike"(%a, %b) {domain = "", opset = 15 : i64, name = "castlike", attrs = {}} : (tensor<3xf32>, tensor<3xcomplex<f32>>) -> tensor<3xf32>
  return %y : tensor<3xf32>
}

// -----

func.func @dynamic_shape(%a: tensor<?xf32>) -> tensor<?xf32> {
  // expected-error@+1 {{input 0 has type 'tensor<?xf32>'; lowering needs static shapes}}
  %y = onnx.node "Sqrt"(%a) {domain = "", opset = 13 : i64, name = "sqrt", attrs = {}} : (tensor<?xf32>) -> tensor<?xf32>
  return %y : tensor<?xf32>
}
