// RUN: quench-opt %s --convert-onnx-to-linalg | %run_reference | FileCheck %s

// Element-wise arithmetic: Add, Sub, Mul, Div, Pow, Mod, Sum, Mean, Max, Min,
// Clip, Neg, Abs, Sign, Reciprocal, Sqrt, Floor, Ceil, Round; expected values
// from numpy with the ONNX reference rules. Inputs are function arguments so
// that nothing folds away.

// Add with numpy broadcasting ([2, 3] + [3]).
// CHECK: rank = 2 offset = 0 sizes = [2, 3]
// CHECK-NEXT: {{\[}}3.5, -1.5, 0]
// CHECK-NEXT: {{\[}}2.25, 8.5, -4.5]
func.func @add_f32_broadcast(%x0: tensor<2x3xf32>, %x1: tensor<3xf32>) -> (tensor<2x3xf32>) {
  %y = onnx.node "Add"(%x0, %x1) {domain = "", opset = 14 : i64, name = "add_f32_broadcast", attrs = {}} : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}

// Integer Add wraps around.
// CHECK: rank = 1 offset = 0 sizes = [4]
// CHECK-NEXT: {{\[}}-56, 56, -2, -128]
func.func @add_i8_wraps(%x0: tensor<4xi8>, %x1: tensor<4xi8>) -> (tensor<4xi8>) {
  %y = onnx.node "Add"(%x0, %x1) {domain = "", opset = 14 : i64, name = "add_i8_wraps", attrs = {}} : (tensor<4xi8>, tensor<4xi8>) -> tensor<4xi8>
  return %y : tensor<4xi8>
}

// CHECK: rank = 1 offset = 0 sizes = [3]
// CHECK-NEXT: {{\[}}150, 254, 9]
func.func @sub_ui8(%x0: tensor<3xui8>, %x1: tensor<3xui8>) -> (tensor<3xi8>) {
  %y = onnx.node "Sub"(%x0, %x1) {domain = "", opset = 14 : i64, name = "sub_ui8", attrs = {}} : (tensor<3xui8>, tensor<3xui8>) -> tensor<3xi8>
  return %y : tensor<3xi8>
}

// CHECK: rank = 2 offset = 0 sizes = [2, 3]
// CHECK-NEXT: {{\[}}15, -18, 21]
// CHECK-NEXT: {{\[}}-20, 24, -28]
func.func @mul_i32_broadcast(%x0: tensor<2x1xi32>, %x1: tensor<3xi32>) -> (tensor<2x3xi32>) {
  %y = onnx.node "Mul"(%x0, %x1) {domain = "", opset = 14 : i64, name = "mul_i32_broadcast", attrs = {}} : (tensor<2x1xi32>, tensor<3xi32>) -> tensor<2x3xi32>
  return %y : tensor<2x3xi32>
}

// Integer Div truncates toward zero.
// CHECK: rank = 1 offset = 0 sizes = [5]
// CHECK-NEXT: {{\[}}-3, 3, 3, -3, 0]
func.func @div_i32_truncates(%x0: tensor<5xi32>, %x1: tensor<5xi32>) -> (tensor<5xi32>) {
  %y = onnx.node "Div"(%x0, %x1) {domain = "", opset = 14 : i64, name = "div_i32_truncates", attrs = {}} : (tensor<5xi32>, tensor<5xi32>) -> tensor<5xi32>
  return %y : tensor<5xi32>
}

// Unsigned Div (250 is not -6).
// CHECK: rank = 1 offset = 0 sizes = [3]
// CHECK-NEXT: {{\[}}83, 15, 3]
func.func @div_ui8(%x0: tensor<3xui8>, %x1: tensor<3xui8>) -> (tensor<3xi8>) {
  %y = onnx.node "Div"(%x0, %x1) {domain = "", opset = 14 : i64, name = "div_ui8", attrs = {}} : (tensor<3xui8>, tensor<3xui8>) -> tensor<3xi8>
  return %y : tensor<3xi8>
}

// CHECK: rank = 1 offset = 0 sizes = [3]
// CHECK-NEXT: {{\[}}0.25, -0.375, -2]
func.func @div_f32(%x0: tensor<3xf32>, %x1: tensor<3xf32>) -> (tensor<3xf32>) {
  %y = onnx.node "Div"(%x0, %x1) {domain = "", opset = 7 : i64, name = "div_f32", attrs = {}} : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  return %y : tensor<3xf32>
}

// CHECK: rank = 1 offset = 0 sizes = [4]
// CHECK-NEXT: {{\[}}8, 3, 4, 0.1]
func.func @pow_f32(%x0: tensor<4xf32>, %x1: tensor<4xf32>) -> (tensor<4xf32>) {
  %y = onnx.node "Pow"(%x0, %x1) {domain = "", opset = 15 : i64, name = "pow_f32", attrs = {}} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %y : tensor<4xf32>
}

// A float base with an integer exponent.
// CHECK: rank = 1 offset = 0 sizes = [4]
// CHECK-NEXT: {{\[}}8, -27, 4, 1]
func.func @pow_f32_int_exponent(%x0: tensor<4xf32>, %x1: tensor<4xi64>) -> (tensor<4xf32>) {
  %y = onnx.node "Pow"(%x0, %x1) {domain = "", opset = 15 : i64, name = "pow_f32_int_exponent", attrs = {}} : (tensor<4xf32>, tensor<4xi64>) -> tensor<4xf32>
  return %y : tensor<4xf32>
}

// x ** 2 with a constant exponent (multiplied, not powf).
// CHECK: rank = 2 offset = 0 sizes = [2, 2]
// CHECK-NEXT: {{\[}}2.25, 9]
// CHECK-NEXT: {{\[}}0.0625, 10000]
func.func @pow_square(%x0: tensor<2x2xf32>) -> (tensor<2x2xf32>) {
  %k1 = arith.constant dense<[2.0]> : tensor<1xf32>
  %y = onnx.node "Pow"(%x0, %k1) {domain = "", opset = 15 : i64, name = "pow_square", attrs = {}} : (tensor<2x2xf32>, tensor<1xf32>) -> tensor<2x2xf32>
  return %y : tensor<2x2xf32>
}

// Integer Pow: exact products; negative exponents truncate 1/b**n.
// CHECK: rank = 1 offset = 0 sizes = [8]
// CHECK-NEXT: {{\[}}1024, -27, 1, 1, -1, 1, 0, 49]
func.func @pow_i32(%x0: tensor<8xi32>, %x1: tensor<8xi64>) -> (tensor<8xi32>) {
  %y = onnx.node "Pow"(%x0, %x1) {domain = "", opset = 15 : i64, name = "pow_i32", attrs = {}} : (tensor<8xi32>, tensor<8xi64>) -> tensor<8xi32>
  return %y : tensor<8xi32>
}

// Integer Pow wraps like repeated multiplication (low 32 bits printed).
// CHECK: rank = 1 offset = 0 sizes = [3]
// CHECK-NEXT: {{\[}}689956897, 1878557649, -2069870691]
func.func @pow_i64_wraps(%x0: tensor<3xi64>, %x1: tensor<3xi32>) -> (tensor<3xi64>) {
  %y = onnx.node "Pow"(%x0, %x1) {domain = "", opset = 15 : i64, name = "pow_i64_wraps", attrs = {}} : (tensor<3xi64>, tensor<3xi32>) -> tensor<3xi64>
  return %y : tensor<3xi64>
}

// An integer base with a float exponent: computed in f64, truncated.
// CHECK: rank = 1 offset = 0 sizes = [3]
// CHECK-NEXT: {{\[}}2, 3, 3]
func.func @pow_i32_float_exponent(%x0: tensor<3xi32>, %x1: tensor<3xf32>) -> (tensor<3xi32>) {
  %y = onnx.node "Pow"(%x0, %x1) {domain = "", opset = 15 : i64, name = "pow_i32_float_exponent", attrs = {}} : (tensor<3xi32>, tensor<3xf32>) -> tensor<3xi32>
  return %y : tensor<3xi32>
}

// Mod takes the sign of the divisor by default,
// CHECK: rank = 1 offset = 0 sizes = [6]
// CHECK-NEXT: {{\[}}2, 1, -1, -2, 0, 0]
func.func @mod_i32(%x0: tensor<6xi32>, %x1: tensor<6xi32>) -> (tensor<6xi32>) {
  %y = onnx.node "Mod"(%x0, %x1) {domain = "", opset = 13 : i64, name = "mod_i32", attrs = {}} : (tensor<6xi32>, tensor<6xi32>) -> tensor<6xi32>
  return %y : tensor<6xi32>
}

// and of the dividend with fmod = 1.
// CHECK: rank = 1 offset = 0 sizes = [6]
// CHECK-NEXT: {{\[}}-1, 1, -1, 1, 0, 0]
func.func @mod_i32_fmod(%x0: tensor<6xi32>, %x1: tensor<6xi32>) -> (tensor<6xi32>) {
  %y = onnx.node "Mod"(%x0, %x1) {domain = "", opset = 13 : i64, name = "mod_i32_fmod", attrs = {fmod = 1 : i64}} : (tensor<6xi32>, tensor<6xi32>) -> tensor<6xi32>
  return %y : tensor<6xi32>
}

// CHECK: rank = 1 offset = 0 sizes = [3]
// CHECK-NEXT: {{\[}}-1.5, 1.5, 0]
func.func @mod_f32_fmod(%x0: tensor<3xf32>, %x1: tensor<3xf32>) -> (tensor<3xf32>) {
  %y = onnx.node "Mod"(%x0, %x1) {domain = "", opset = 13 : i64, name = "mod_f32_fmod", attrs = {fmod = 1 : i64}} : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  return %y : tensor<3xf32>
}

// CHECK: rank = 1 offset = 0 sizes = [2]
// CHECK-NEXT: {{\[}}5, 7]
func.func @mod_ui8(%x0: tensor<2xui8>, %x1: tensor<2xui8>) -> (tensor<2xi8>) {
  %y = onnx.node "Mod"(%x0, %x1) {domain = "", opset = 13 : i64, name = "mod_ui8", attrs = {}} : (tensor<2xui8>, tensor<2xui8>) -> tensor<2xi8>
  return %y : tensor<2xi8>
}

// Sum, Mean, Max and Min broadcast any number of inputs.
// CHECK: rank = 2 offset = 0 sizes = [2, 3]
// CHECK-NEXT: {{\[}}11.5, 12.5, 13.5]
// CHECK-NEXT: {{\[}}21.5, 22.5, 23.5]
func.func @sum_three(%x0: tensor<1x3xf32>, %x1: tensor<2x1xf32>, %x2: tensor<1xf32>) -> (tensor<2x3xf32>) {
  %y = onnx.node "Sum"(%x0, %x1, %x2) {domain = "", opset = 13 : i64, name = "sum_three", attrs = {}} : (tensor<1x3xf32>, tensor<2x1xf32>, tensor<1xf32>) -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}

// CHECK: rank = 2 offset = 0 sizes = [2, 3]
// CHECK-NEXT: {{\[}}3.83333, 4.16667, 4.5]
// CHECK-NEXT: {{\[}}7.16667, 7.5, 7.83333]
func.func @mean_three(%x0: tensor<1x3xf32>, %x1: tensor<2x1xf32>, %x2: tensor<1xf32>) -> (tensor<2x3xf32>) {
  %y = onnx.node "Mean"(%x0, %x1, %x2) {domain = "", opset = 13 : i64, name = "mean_three", attrs = {}} : (tensor<1x3xf32>, tensor<2x1xf32>, tensor<1xf32>) -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}

// CHECK: rank = 1 offset = 0 sizes = [4]
// CHECK-NEXT: {{\[}}3, nan, -2, 5]
func.func @max_f32_nan(%x0: tensor<4xf32>, %x1: tensor<4xf32>) -> (tensor<4xf32>) {
  %y = onnx.node "Max"(%x0, %x1) {domain = "", opset = 13 : i64, name = "max_f32_nan", attrs = {}} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %y : tensor<4xf32>
}

// CHECK: rank = 1 offset = 0 sizes = [4]
// CHECK-NEXT: {{\[}}1, nan, -4, 5]
func.func @min_f32_nan(%x0: tensor<4xf32>, %x1: tensor<4xf32>) -> (tensor<4xf32>) {
  %y = onnx.node "Min"(%x0, %x1) {domain = "", opset = 13 : i64, name = "min_f32_nan", attrs = {}} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %y : tensor<4xf32>
}

// CHECK: rank = 1 offset = 0 sizes = [3]
// CHECK-NEXT: {{\[}}2, 10, 100]
func.func @max_i8_three(%x0: tensor<3xi8>, %x1: tensor<1xi8>, %x2: tensor<3xi8>) -> (tensor<3xi8>) {
  %y = onnx.node "Max"(%x0, %x1, %x2) {domain = "", opset = 13 : i64, name = "max_i8_three", attrs = {}} : (tensor<3xi8>, tensor<1xi8>, tensor<3xi8>) -> tensor<3xi8>
  return %y : tensor<3xi8>
}

// Unsigned Min: 200 is not -56.
// CHECK: rank = 1 offset = 0 sizes = [2]
// CHECK-NEXT: {{\[}}100, 3]
func.func @min_ui8(%x0: tensor<2xui8>, %x1: tensor<2xui8>) -> (tensor<2xi8>) {
  %y = onnx.node "Min"(%x0, %x1) {domain = "", opset = 13 : i64, name = "min_ui8", attrs = {}} : (tensor<2xui8>, tensor<2xui8>) -> tensor<2xi8>
  return %y : tensor<2xi8>
}

// CHECK: rank = 1 offset = 0 sizes = [4]
// CHECK-NEXT: {{\[}}3, 1, -4, 5]
func.func @max_one_input(%x0: tensor<4xf32>) -> (tensor<4xf32>) {
  %y = onnx.node "Max"(%x0) {domain = "", opset = 8 : i64, name = "max_one_input", attrs = {}} : (tensor<4xf32>) -> tensor<4xf32>
  return %y : tensor<4xf32>
}

// Clip-11: optional min and max inputs.
// CHECK: rank = 1 offset = 0 sizes = [6]
// CHECK-NEXT: {{\[}}-1.5, -1, 0.5, 2, 2.5, nan]
func.func @clip_min_max(%x0: tensor<6xf32>, %x1: tensor<f32>, %x2: tensor<f32>) -> (tensor<6xf32>) {
  %y = onnx.node "Clip"(%x0, %x1, %x2) {domain = "", opset = 13 : i64, name = "clip_min_max", attrs = {}} : (tensor<6xf32>, tensor<f32>, tensor<f32>) -> tensor<6xf32>
  return %y : tensor<6xf32>
}

// CHECK: rank = 1 offset = 0 sizes = [6]
// CHECK-NEXT: {{\[}}-3, -1, 0.5, 1, 1, nan]
func.func @clip_max_only(%x0: tensor<6xf32>, %x2: tensor<1xf32>) -> (tensor<6xf32>) {
  %none1 = onnx.none
  %y = onnx.node "Clip"(%x0, %none1, %x2) {domain = "", opset = 13 : i64, name = "clip_max_only", attrs = {}} : (tensor<6xf32>, none, tensor<1xf32>) -> tensor<6xf32>
  return %y : tensor<6xf32>
}

// CHECK: rank = 1 offset = 0 sizes = [6]
// CHECK-NEXT: {{\[}}-3, -1, 0.5, 2, 7, nan]
func.func @clip_none(%x0: tensor<6xf32>) -> (tensor<6xf32>) {
  %y = onnx.node "Clip"(%x0) {domain = "", opset = 13 : i64, name = "clip_none", attrs = {}} : (tensor<6xf32>) -> tensor<6xf32>
  return %y : tensor<6xf32>
}

// CHECK: rank = 1 offset = 0 sizes = [3]
// CHECK-NEXT: {{\[}}-10, 5, 10]
func.func @clip_i32(%x0: tensor<3xi32>, %x1: tensor<i32>, %x2: tensor<i32>) -> (tensor<3xi32>) {
  %y = onnx.node "Clip"(%x0, %x1, %x2) {domain = "", opset = 13 : i64, name = "clip_i32", attrs = {}} : (tensor<3xi32>, tensor<i32>, tensor<i32>) -> tensor<3xi32>
  return %y : tensor<3xi32>
}

// Clip-6: bounds are attributes.
// CHECK: rank = 1 offset = 0 sizes = [6]
// CHECK-NEXT: {{\[}}-1, -1, 0.5, 1, 1, nan]
func.func @clip_6_attributes(%x0: tensor<6xf32>) -> (tensor<6xf32>) {
  %y = onnx.node "Clip"(%x0) {domain = "", opset = 6 : i64, name = "clip_6_attributes", attrs = {min = -1.0 : f32, max = 1.0 : f32}} : (tensor<6xf32>) -> tensor<6xf32>
  return %y : tensor<6xf32>
}

// Clip-6 defaults to the float range, so infinities become +-FLT_MAX.
// CHECK: rank = 1 offset = 0 sizes = [3]
// CHECK-NEXT: {{\[}}3.40282e+38, -3.40282e+38, 3]
func.func @clip_6_defaults(%x0: tensor<3xf32>) -> (tensor<3xf32>) {
  %y = onnx.node "Clip"(%x0) {domain = "", opset = 6 : i64, name = "clip_6_defaults", attrs = {}} : (tensor<3xf32>) -> tensor<3xf32>
  return %y : tensor<3xf32>
}

// CHECK: rank = 1 offset = 0 sizes = [5]
// CHECK-NEXT: {{\[}}2.5, 0, -0, -1.5, -nan]
func.func @neg_f32(%x0: tensor<5xf32>) -> (tensor<5xf32>) {
  %y = onnx.node "Neg"(%x0) {domain = "", opset = 13 : i64, name = "neg_f32", attrs = {}} : (tensor<5xf32>) -> tensor<5xf32>
  return %y : tensor<5xf32>
}

// CHECK: rank = 1 offset = 0 sizes = [3]
// CHECK-NEXT: {{\[}}-5, -128, 0]
func.func @neg_i8(%x0: tensor<3xi8>) -> (tensor<3xi8>) {
  %y = onnx.node "Neg"(%x0) {domain = "", opset = 13 : i64, name = "neg_i8", attrs = {}} : (tensor<3xi8>) -> tensor<3xi8>
  return %y : tensor<3xi8>
}

// CHECK: rank = 1 offset = 0 sizes = [5]
// CHECK-NEXT: {{\[}}2.5, 0, 0, 1.5, nan]
func.func @abs_f32(%x0: tensor<5xf32>) -> (tensor<5xf32>) {
  %y = onnx.node "Abs"(%x0) {domain = "", opset = 13 : i64, name = "abs_f32", attrs = {}} : (tensor<5xf32>) -> tensor<5xf32>
  return %y : tensor<5xf32>
}

// CHECK: rank = 1 offset = 0 sizes = [3]
// CHECK-NEXT: {{\[}}7, 7, -32768]
func.func @abs_i16(%x0: tensor<3xi16>) -> (tensor<3xi16>) {
  %y = onnx.node "Abs"(%x0) {domain = "", opset = 13 : i64, name = "abs_i16", attrs = {}} : (tensor<3xi16>) -> tensor<3xi16>
  return %y : tensor<3xi16>
}

// CHECK: rank = 1 offset = 0 sizes = [2]
// CHECK-NEXT: {{\[}}200, 1]
func.func @abs_ui8(%x0: tensor<2xui8>) -> (tensor<2xi8>) {
  %y = onnx.node "Abs"(%x0) {domain = "", opset = 13 : i64, name = "abs_ui8", attrs = {}} : (tensor<2xui8>) -> tensor<2xi8>
  return %y : tensor<2xi8>
}

// CHECK: rank = 1 offset = 0 sizes = [5]
// CHECK-NEXT: {{\[}}-1, 0, 0, 1, nan]
func.func @sign_f32(%x0: tensor<5xf32>) -> (tensor<5xf32>) {
  %y = onnx.node "Sign"(%x0) {domain = "", opset = 13 : i64, name = "sign_f32", attrs = {}} : (tensor<5xf32>) -> tensor<5xf32>
  return %y : tensor<5xf32>
}

// CHECK: rank = 1 offset = 0 sizes = [3]
// CHECK-NEXT: {{\[}}-1, 0, 1]
func.func @sign_i64(%x0: tensor<3xi64>) -> (tensor<3xi64>) {
  %y = onnx.node "Sign"(%x0) {domain = "", opset = 13 : i64, name = "sign_i64", attrs = {}} : (tensor<3xi64>) -> tensor<3xi64>
  return %y : tensor<3xi64>
}

// CHECK: rank = 1 offset = 0 sizes = [2]
// CHECK-NEXT: {{\[}}1, 1]
func.func @sign_ui8(%x0: tensor<2xui8>) -> (tensor<2xi8>) {
  %y = onnx.node "Sign"(%x0) {domain = "", opset = 13 : i64, name = "sign_ui8", attrs = {}} : (tensor<2xui8>) -> tensor<2xi8>
  return %y : tensor<2xi8>
}

// CHECK: rank = 1 offset = 0 sizes = [4]
// CHECK-NEXT: {{\[}}0.25, -2, inf, -0.125]
func.func @reciprocal(%x0: tensor<4xf32>) -> (tensor<4xf32>) {
  %y = onnx.node "Reciprocal"(%x0) {domain = "", opset = 13 : i64, name = "reciprocal", attrs = {}} : (tensor<4xf32>) -> tensor<4xf32>
  return %y : tensor<4xf32>
}

// CHECK: rank = 1 offset = 0 sizes = [4]
// CHECK-NEXT: {{\[}}2, 1.5, 0, -nan]
func.func @sqrt(%x0: tensor<4xf32>) -> (tensor<4xf32>) {
  %y = onnx.node "Sqrt"(%x0) {domain = "", opset = 13 : i64, name = "sqrt", attrs = {}} : (tensor<4xf32>) -> tensor<4xf32>
  return %y : tensor<4xf32>
}

// CHECK: rank = 1 offset = 0 sizes = [8]
// CHECK-NEXT: {{\[}}-3, -1, 0, 1, 2, -2, 3, -4]
func.func @floor(%x0: tensor<8xf32>) -> (tensor<8xf32>) {
  %y = onnx.node "Floor"(%x0) {domain = "", opset = 13 : i64, name = "floor", attrs = {}} : (tensor<8xf32>) -> tensor<8xf32>
  return %y : tensor<8xf32>
}

// CHECK: rank = 1 offset = 0 sizes = [8]
// CHECK-NEXT: {{\[}}-2, -0, 1, 2, 3, -1, 4, -3]
func.func @ceil(%x0: tensor<8xf32>) -> (tensor<8xf32>) {
  %y = onnx.node "Ceil"(%x0) {domain = "", opset = 13 : i64, name = "ceil", attrs = {}} : (tensor<8xf32>) -> tensor<8xf32>
  return %y : tensor<8xf32>
}

// Round halves to even.
// CHECK: rank = 1 offset = 0 sizes = [8]
// CHECK-NEXT: {{\[}}-2, -0, 0, 2, 2, -2, 4, -4]
func.func @round_half_even(%x0: tensor<8xf32>) -> (tensor<8xf32>) {
  %y = onnx.node "Round"(%x0) {domain = "", opset = 11 : i64, name = "round_half_even", attrs = {}} : (tensor<8xf32>) -> tensor<8xf32>
  return %y : tensor<8xf32>
}

// CHECK: rank = 1 offset = 0 sizes = [3]
// CHECK-NEXT: {{\[}}2, -2, 1024]
func.func @add_f16(%x0: tensor<3xf16>, %x1: tensor<3xf16>) -> (tensor<3xf16>) {
  %y = onnx.node "Add"(%x0, %x1) {domain = "", opset = 14 : i64, name = "add_f16", attrs = {}} : (tensor<3xf16>, tensor<3xf16>) -> tensor<3xf16>
  return %y : tensor<3xf16>
}

// CHECK: rank = 1 offset = 0 sizes = [2]
// CHECK-NEXT: {{\[}}1, -1.25]
func.func @mul_f64(%x0: tensor<2xf64>, %x1: tensor<2xf64>) -> (tensor<2xf64>) {
  %y = onnx.node "Mul"(%x0, %x1) {domain = "", opset = 14 : i64, name = "mul_f64", attrs = {}} : (tensor<2xf64>, tensor<2xf64>) -> tensor<2xf64>
  return %y : tensor<2xf64>
}

// CHECK: rank = 1 offset = 0 sizes = [3]
// CHECK-NEXT: {{\[}}3, -1.5, 0.0234375]
func.func @mul_bf16(%x0: tensor<3xbf16>, %x1: tensor<3xbf16>) -> (tensor<3xbf16>) {
  %y = onnx.node "Mul"(%x0, %x1) {domain = "", opset = 14 : i64, name = "mul_bf16", attrs = {}} : (tensor<3xbf16>, tensor<3xbf16>) -> tensor<3xbf16>
  return %y : tensor<3xbf16>
}

func.func @main() {
  %c1 = arith.constant dense<[[1.5, -2.0, 4.0], [0.25, 8.0, -0.5]]> : tensor<2x3xf32>
  %c2 = arith.constant dense<[2.0, 0.5, -4.0]> : tensor<3xf32>
  %r3 = call @add_f32_broadcast(%c1, %c2) : (tensor<2x3xf32>, tensor<3xf32>) -> (tensor<2x3xf32>)
  %u4 = tensor.cast %r3 : tensor<2x3xf32> to tensor<*xf32>
  call @printMemrefF32(%u4) : (tensor<*xf32>) -> ()
  %c5 = arith.constant dense<[100, -100, 7, 127]> : tensor<4xi8>
  %c6 = arith.constant dense<[100, -100, -9, 1]> : tensor<4xi8>
  %r7 = call @add_i8_wraps(%c5, %c6) : (tensor<4xi8>, tensor<4xi8>) -> (tensor<4xi8>)
  %p8 = arith.extsi %r7 : tensor<4xi8> to tensor<4xi32>
  %u8 = tensor.cast %p8 : tensor<4xi32> to tensor<*xi32>
  call @printMemrefI32(%u8) : (tensor<*xi32>) -> ()
  %c9 = arith.constant dense<[200, 255, 3]> : tensor<3xui8>
  %c10 = arith.constant dense<[50, 1, 250]> : tensor<3xui8>
  %r11 = call @sub_ui8(%c9, %c10) : (tensor<3xui8>, tensor<3xui8>) -> (tensor<3xi8>)
  %p12 = arith.extui %r11 : tensor<3xi8> to tensor<3xi32>
  %u12 = tensor.cast %p12 : tensor<3xi32> to tensor<*xi32>
  call @printMemrefI32(%u12) : (tensor<*xi32>) -> ()
  %c13 = arith.constant dense<[[3], [-4]]> : tensor<2x1xi32>
  %c14 = arith.constant dense<[5, -6, 7]> : tensor<3xi32>
  %r15 = call @mul_i32_broadcast(%c13, %c14) : (tensor<2x1xi32>, tensor<3xi32>) -> (tensor<2x3xi32>)
  %u16 = tensor.cast %r15 : tensor<2x3xi32> to tensor<*xi32>
  call @printMemrefI32(%u16) : (tensor<*xi32>) -> ()
  %c17 = arith.constant dense<[-7, 7, -7, 7, 0]> : tensor<5xi32>
  %c18 = arith.constant dense<[2, 2, -2, -2, 5]> : tensor<5xi32>
  %r19 = call @div_i32_truncates(%c17, %c18) : (tensor<5xi32>, tensor<5xi32>) -> (tensor<5xi32>)
  %u20 = tensor.cast %r19 : tensor<5xi32> to tensor<*xi32>
  call @printMemrefI32(%u20) : (tensor<*xi32>) -> ()
  %c21 = arith.constant dense<[250, 255, 7]> : tensor<3xui8>
  %c22 = arith.constant dense<[3, 16, 2]> : tensor<3xui8>
  %r23 = call @div_ui8(%c21, %c22) : (tensor<3xui8>, tensor<3xui8>) -> (tensor<3xi8>)
  %p24 = arith.extui %r23 : tensor<3xi8> to tensor<3xi32>
  %u24 = tensor.cast %p24 : tensor<3xi32> to tensor<*xi32>
  call @printMemrefI32(%u24) : (tensor<*xi32>) -> ()
  %c25 = arith.constant dense<[1.0, -3.0, 0.5]> : tensor<3xf32>
  %c26 = arith.constant dense<[4.0, 8.0, -0.25]> : tensor<3xf32>
  %r27 = call @div_f32(%c25, %c26) : (tensor<3xf32>, tensor<3xf32>) -> (tensor<3xf32>)
  %u28 = tensor.cast %r27 : tensor<3xf32> to tensor<*xf32>
  call @printMemrefF32(%u28) : (tensor<*xf32>) -> ()
  %c29 = arith.constant dense<[2.0, 9.0, 0.5, 10.0]> : tensor<4xf32>
  %c30 = arith.constant dense<[3.0, 0.5, -2.0, -1.0]> : tensor<4xf32>
  %r31 = call @pow_f32(%c29, %c30) : (tensor<4xf32>, tensor<4xf32>) -> (tensor<4xf32>)
  %u32 = tensor.cast %r31 : tensor<4xf32> to tensor<*xf32>
  call @printMemrefF32(%u32) : (tensor<*xf32>) -> ()
  %c33 = arith.constant dense<[2.0, -3.0, 0.5, -7.0]> : tensor<4xf32>
  %c34 = arith.constant dense<[3, 3, -2, 0]> : tensor<4xi64>
  %r35 = call @pow_f32_int_exponent(%c33, %c34) : (tensor<4xf32>, tensor<4xi64>) -> (tensor<4xf32>)
  %u36 = tensor.cast %r35 : tensor<4xf32> to tensor<*xf32>
  call @printMemrefF32(%u36) : (tensor<*xf32>) -> ()
  %c37 = arith.constant dense<[[1.5, -3.0], [0.25, 100.0]]> : tensor<2x2xf32>
  %r38 = call @pow_square(%c37) : (tensor<2x2xf32>) -> (tensor<2x2xf32>)
  %u39 = tensor.cast %r38 : tensor<2x2xf32> to tensor<*xf32>
  call @printMemrefF32(%u39) : (tensor<*xf32>) -> ()
  %c40 = arith.constant dense<[2, -3, 5, 1, -1, -1, 2, 7]> : tensor<8xi32>
  %c41 = arith.constant dense<[10, 3, 0, -4, -3, -2, -1, 2]> : tensor<8xi64>
  %r42 = call @pow_i32(%c40, %c41) : (tensor<8xi32>, tensor<8xi64>) -> (tensor<8xi32>)
  %u43 = tensor.cast %r42 : tensor<8xi32> to tensor<*xi32>
  call @printMemrefI32(%u43) : (tensor<*xi32>) -> ()
  %c44 = arith.constant dense<[3, 7, -3]> : tensor<3xi64>
  %c45 = arith.constant dense<[40, 30, 41]> : tensor<3xi32>
  %r46 = call @pow_i64_wraps(%c44, %c45) : (tensor<3xi64>, tensor<3xi32>) -> (tensor<3xi64>)
  %p47 = arith.trunci %r46 : tensor<3xi64> to tensor<3xi32>
  %u47 = tensor.cast %p47 : tensor<3xi32> to tensor<*xi32>
  call @printMemrefI32(%u47) : (tensor<*xi32>) -> ()
  %c48 = arith.constant dense<[4, 9, 27]> : tensor<3xi32>
  %c49 = arith.constant dense<[0.5, 0.5, 0.3333333432674408]> : tensor<3xf32>
  %r50 = call @pow_i32_float_exponent(%c48, %c49) : (tensor<3xi32>, tensor<3xf32>) -> (tensor<3xi32>)
  %u51 = tensor.cast %r50 : tensor<3xi32> to tensor<*xi32>
  call @printMemrefI32(%u51) : (tensor<*xi32>) -> ()
  %c52 = arith.constant dense<[-7, 7, -7, 7, 6, 0]> : tensor<6xi32>
  %c53 = arith.constant dense<[3, 3, -3, -3, 3, -5]> : tensor<6xi32>
  %r54 = call @mod_i32(%c52, %c53) : (tensor<6xi32>, tensor<6xi32>) -> (tensor<6xi32>)
  %u55 = tensor.cast %r54 : tensor<6xi32> to tensor<*xi32>
  call @printMemrefI32(%u55) : (tensor<*xi32>) -> ()
  %c56 = arith.constant dense<[-7, 7, -7, 7, 6, 0]> : tensor<6xi32>
  %c57 = arith.constant dense<[3, 3, -3, -3, 3, -5]> : tensor<6xi32>
  %r58 = call @mod_i32_fmod(%c56, %c57) : (tensor<6xi32>, tensor<6xi32>) -> (tensor<6xi32>)
  %u59 = tensor.cast %r58 : tensor<6xi32> to tensor<*xi32>
  call @printMemrefI32(%u59) : (tensor<*xi32>) -> ()
  %c60 = arith.constant dense<[-7.5, 7.5, 5.0]> : tensor<3xf32>
  %c61 = arith.constant dense<[2.0, -2.0, 2.5]> : tensor<3xf32>
  %r62 = call @mod_f32_fmod(%c60, %c61) : (tensor<3xf32>, tensor<3xf32>) -> (tensor<3xf32>)
  %u63 = tensor.cast %r62 : tensor<3xf32> to tensor<*xf32>
  call @printMemrefF32(%u63) : (tensor<*xf32>) -> ()
  %c64 = arith.constant dense<[250, 7]> : tensor<2xui8>
  %c65 = arith.constant dense<[7, 250]> : tensor<2xui8>
  %r66 = call @mod_ui8(%c64, %c65) : (tensor<2xui8>, tensor<2xui8>) -> (tensor<2xi8>)
  %p67 = arith.extui %r66 : tensor<2xi8> to tensor<2xi32>
  %u67 = tensor.cast %p67 : tensor<2xi32> to tensor<*xi32>
  call @printMemrefI32(%u67) : (tensor<*xi32>) -> ()
  %c68 = arith.constant dense<[[1.0, 2.0, 3.0]]> : tensor<1x3xf32>
  %c69 = arith.constant dense<[[10.0], [20.0]]> : tensor<2x1xf32>
  %c70 = arith.constant dense<[0.5]> : tensor<1xf32>
  %r71 = call @sum_three(%c68, %c69, %c70) : (tensor<1x3xf32>, tensor<2x1xf32>, tensor<1xf32>) -> (tensor<2x3xf32>)
  %u72 = tensor.cast %r71 : tensor<2x3xf32> to tensor<*xf32>
  call @printMemrefF32(%u72) : (tensor<*xf32>) -> ()
  %c73 = arith.constant dense<[[1.0, 2.0, 3.0]]> : tensor<1x3xf32>
  %c74 = arith.constant dense<[[10.0], [20.0]]> : tensor<2x1xf32>
  %c75 = arith.constant dense<[0.5]> : tensor<1xf32>
  %r76 = call @mean_three(%c73, %c74, %c75) : (tensor<1x3xf32>, tensor<2x1xf32>, tensor<1xf32>) -> (tensor<2x3xf32>)
  %u77 = tensor.cast %r76 : tensor<2x3xf32> to tensor<*xf32>
  call @printMemrefF32(%u77) : (tensor<*xf32>) -> ()
  %c78 = arith.constant dense<[1.0, 0x7FC00000, -2.0, 5.0]> : tensor<4xf32>
  %c79 = arith.constant dense<[3.0, 1.0, -4.0, 5.0]> : tensor<4xf32>
  %r80 = call @max_f32_nan(%c78, %c79) : (tensor<4xf32>, tensor<4xf32>) -> (tensor<4xf32>)
  %u81 = tensor.cast %r80 : tensor<4xf32> to tensor<*xf32>
  call @printMemrefF32(%u81) : (tensor<*xf32>) -> ()
  %c82 = arith.constant dense<[1.0, 0x7FC00000, -2.0, 5.0]> : tensor<4xf32>
  %c83 = arith.constant dense<[3.0, 1.0, -4.0, 5.0]> : tensor<4xf32>
  %r84 = call @min_f32_nan(%c82, %c83) : (tensor<4xf32>, tensor<4xf32>) -> (tensor<4xf32>)
  %u85 = tensor.cast %r84 : tensor<4xf32> to tensor<*xf32>
  call @printMemrefF32(%u85) : (tensor<*xf32>) -> ()
  %c86 = arith.constant dense<[-5, 3, 100]> : tensor<3xi8>
  %c87 = arith.constant dense<[2]> : tensor<1xi8>
  %c88 = arith.constant dense<[0, 10, -128]> : tensor<3xi8>
  %r89 = call @max_i8_three(%c86, %c87, %c88) : (tensor<3xi8>, tensor<1xi8>, tensor<3xi8>) -> (tensor<3xi8>)
  %p90 = arith.extsi %r89 : tensor<3xi8> to tensor<3xi32>
  %u90 = tensor.cast %p90 : tensor<3xi32> to tensor<*xi32>
  call @printMemrefI32(%u90) : (tensor<*xi32>) -> ()
  %c91 = arith.constant dense<[200, 3]> : tensor<2xui8>
  %c92 = arith.constant dense<[100, 4]> : tensor<2xui8>
  %r93 = call @min_ui8(%c91, %c92) : (tensor<2xui8>, tensor<2xui8>) -> (tensor<2xi8>)
  %p94 = arith.extui %r93 : tensor<2xi8> to tensor<2xi32>
  %u94 = tensor.cast %p94 : tensor<2xi32> to tensor<*xi32>
  call @printMemrefI32(%u94) : (tensor<*xi32>) -> ()
  %c95 = arith.constant dense<[3.0, 1.0, -4.0, 5.0]> : tensor<4xf32>
  %r96 = call @max_one_input(%c95) : (tensor<4xf32>) -> (tensor<4xf32>)
  %u97 = tensor.cast %r96 : tensor<4xf32> to tensor<*xf32>
  call @printMemrefF32(%u97) : (tensor<*xf32>) -> ()
  %c98 = arith.constant dense<[-3.0, -1.0, 0.5, 2.0, 7.0, 0x7FC00000]> : tensor<6xf32>
  %c99 = arith.constant dense<-1.5> : tensor<f32>
  %c100 = arith.constant dense<2.5> : tensor<f32>
  %r101 = call @clip_min_max(%c98, %c99, %c100) : (tensor<6xf32>, tensor<f32>, tensor<f32>) -> (tensor<6xf32>)
  %u102 = tensor.cast %r101 : tensor<6xf32> to tensor<*xf32>
  call @printMemrefF32(%u102) : (tensor<*xf32>) -> ()
  %c103 = arith.constant dense<[-3.0, -1.0, 0.5, 2.0, 7.0, 0x7FC00000]> : tensor<6xf32>
  %c104 = arith.constant dense<[1.0]> : tensor<1xf32>
  %r105 = call @clip_max_only(%c103, %c104) : (tensor<6xf32>, tensor<1xf32>) -> (tensor<6xf32>)
  %u106 = tensor.cast %r105 : tensor<6xf32> to tensor<*xf32>
  call @printMemrefF32(%u106) : (tensor<*xf32>) -> ()
  %c107 = arith.constant dense<[-3.0, -1.0, 0.5, 2.0, 7.0, 0x7FC00000]> : tensor<6xf32>
  %r108 = call @clip_none(%c107) : (tensor<6xf32>) -> (tensor<6xf32>)
  %u109 = tensor.cast %r108 : tensor<6xf32> to tensor<*xf32>
  call @printMemrefF32(%u109) : (tensor<*xf32>) -> ()
  %c110 = arith.constant dense<[-100, 5, 100]> : tensor<3xi32>
  %c111 = arith.constant dense<-10> : tensor<i32>
  %c112 = arith.constant dense<10> : tensor<i32>
  %r113 = call @clip_i32(%c110, %c111, %c112) : (tensor<3xi32>, tensor<i32>, tensor<i32>) -> (tensor<3xi32>)
  %u114 = tensor.cast %r113 : tensor<3xi32> to tensor<*xi32>
  call @printMemrefI32(%u114) : (tensor<*xi32>) -> ()
  %c115 = arith.constant dense<[-3.0, -1.0, 0.5, 2.0, 7.0, 0x7FC00000]> : tensor<6xf32>
  %r116 = call @clip_6_attributes(%c115) : (tensor<6xf32>) -> (tensor<6xf32>)
  %u117 = tensor.cast %r116 : tensor<6xf32> to tensor<*xf32>
  call @printMemrefF32(%u117) : (tensor<*xf32>) -> ()
  %c118 = arith.constant dense<[0x7F800000, 0xFF800000, 3.0]> : tensor<3xf32>
  %r119 = call @clip_6_defaults(%c118) : (tensor<3xf32>) -> (tensor<3xf32>)
  %u120 = tensor.cast %r119 : tensor<3xf32> to tensor<*xf32>
  call @printMemrefF32(%u120) : (tensor<*xf32>) -> ()
  %c121 = arith.constant dense<[-2.5, -0.0, 0.0, 1.5, 0x7FC00000]> : tensor<5xf32>
  %r122 = call @neg_f32(%c121) : (tensor<5xf32>) -> (tensor<5xf32>)
  %u123 = tensor.cast %r122 : tensor<5xf32> to tensor<*xf32>
  call @printMemrefF32(%u123) : (tensor<*xf32>) -> ()
  %c124 = arith.constant dense<[5, -128, 0]> : tensor<3xi8>
  %r125 = call @neg_i8(%c124) : (tensor<3xi8>) -> (tensor<3xi8>)
  %p126 = arith.extsi %r125 : tensor<3xi8> to tensor<3xi32>
  %u126 = tensor.cast %p126 : tensor<3xi32> to tensor<*xi32>
  call @printMemrefI32(%u126) : (tensor<*xi32>) -> ()
  %c127 = arith.constant dense<[-2.5, -0.0, 0.0, 1.5, 0x7FC00000]> : tensor<5xf32>
  %r128 = call @abs_f32(%c127) : (tensor<5xf32>) -> (tensor<5xf32>)
  %u129 = tensor.cast %r128 : tensor<5xf32> to tensor<*xf32>
  call @printMemrefF32(%u129) : (tensor<*xf32>) -> ()
  %c130 = arith.constant dense<[-7, 7, -32768]> : tensor<3xi16>
  %r131 = call @abs_i16(%c130) : (tensor<3xi16>) -> (tensor<3xi16>)
  %p132 = arith.extsi %r131 : tensor<3xi16> to tensor<3xi32>
  %u132 = tensor.cast %p132 : tensor<3xi32> to tensor<*xi32>
  call @printMemrefI32(%u132) : (tensor<*xi32>) -> ()
  %c133 = arith.constant dense<[200, 1]> : tensor<2xui8>
  %r134 = call @abs_ui8(%c133) : (tensor<2xui8>) -> (tensor<2xi8>)
  %p135 = arith.extui %r134 : tensor<2xi8> to tensor<2xi32>
  %u135 = tensor.cast %p135 : tensor<2xi32> to tensor<*xi32>
  call @printMemrefI32(%u135) : (tensor<*xi32>) -> ()
  %c136 = arith.constant dense<[-2.5, -0.0, 0.0, 1.5, 0x7FC00000]> : tensor<5xf32>
  %r137 = call @sign_f32(%c136) : (tensor<5xf32>) -> (tensor<5xf32>)
  %u138 = tensor.cast %r137 : tensor<5xf32> to tensor<*xf32>
  call @printMemrefF32(%u138) : (tensor<*xf32>) -> ()
  %c139 = arith.constant dense<[-9, 0, 4]> : tensor<3xi64>
  %r140 = call @sign_i64(%c139) : (tensor<3xi64>) -> (tensor<3xi64>)
  %p141 = arith.trunci %r140 : tensor<3xi64> to tensor<3xi32>
  %u141 = tensor.cast %p141 : tensor<3xi32> to tensor<*xi32>
  call @printMemrefI32(%u141) : (tensor<*xi32>) -> ()
  %c142 = arith.constant dense<[200, 1]> : tensor<2xui8>
  %r143 = call @sign_ui8(%c142) : (tensor<2xui8>) -> (tensor<2xi8>)
  %p144 = arith.extui %r143 : tensor<2xi8> to tensor<2xi32>
  %u144 = tensor.cast %p144 : tensor<2xi32> to tensor<*xi32>
  call @printMemrefI32(%u144) : (tensor<*xi32>) -> ()
  %c145 = arith.constant dense<[4.0, -0.5, 0.0, -8.0]> : tensor<4xf32>
  %r146 = call @reciprocal(%c145) : (tensor<4xf32>) -> (tensor<4xf32>)
  %u147 = tensor.cast %r146 : tensor<4xf32> to tensor<*xf32>
  call @printMemrefF32(%u147) : (tensor<*xf32>) -> ()
  %c148 = arith.constant dense<[4.0, 2.25, 0.0, -1.0]> : tensor<4xf32>
  %r149 = call @sqrt(%c148) : (tensor<4xf32>) -> (tensor<4xf32>)
  %u150 = tensor.cast %r149 : tensor<4xf32> to tensor<*xf32>
  call @printMemrefF32(%u150) : (tensor<*xf32>) -> ()
  %c151 = arith.constant dense<[-2.5, -0.5, 0.5, 1.5, 2.5, -1.5, 3.700000047683716, -3.700000047683716]> : tensor<8xf32>
  %r152 = call @floor(%c151) : (tensor<8xf32>) -> (tensor<8xf32>)
  %u153 = tensor.cast %r152 : tensor<8xf32> to tensor<*xf32>
  call @printMemrefF32(%u153) : (tensor<*xf32>) -> ()
  %c154 = arith.constant dense<[-2.5, -0.5, 0.5, 1.5, 2.5, -1.5, 3.700000047683716, -3.700000047683716]> : tensor<8xf32>
  %r155 = call @ceil(%c154) : (tensor<8xf32>) -> (tensor<8xf32>)
  %u156 = tensor.cast %r155 : tensor<8xf32> to tensor<*xf32>
  call @printMemrefF32(%u156) : (tensor<*xf32>) -> ()
  %c157 = arith.constant dense<[-2.5, -0.5, 0.5, 1.5, 2.5, -1.5, 3.700000047683716, -3.700000047683716]> : tensor<8xf32>
  %r158 = call @round_half_even(%c157) : (tensor<8xf32>) -> (tensor<8xf32>)
  %u159 = tensor.cast %r158 : tensor<8xf32> to tensor<*xf32>
  call @printMemrefF32(%u159) : (tensor<*xf32>) -> ()
  %c160 = arith.constant dense<[1.5, -2.25, 1000.0]> : tensor<3xf16>
  %c161 = arith.constant dense<[0.5, 0.25, 24.0]> : tensor<3xf16>
  %r162 = call @add_f16(%c160, %c161) : (tensor<3xf16>, tensor<3xf16>) -> (tensor<3xf16>)
  %p163 = arith.extf %r162 : tensor<3xf16> to tensor<3xf32>
  %u163 = tensor.cast %p163 : tensor<3xf32> to tensor<*xf32>
  call @printMemrefF32(%u163) : (tensor<*xf32>) -> ()
  %c164 = arith.constant dense<[1.0e+300, -2.5]> : tensor<2xf64>
  %c165 = arith.constant dense<[1.0e-300, 0.5]> : tensor<2xf64>
  %r166 = call @mul_f64(%c164, %c165) : (tensor<2xf64>, tensor<2xf64>) -> (tensor<2xf64>)
  %p167 = arith.truncf %r166 : tensor<2xf64> to tensor<2xf32>
  %u167 = tensor.cast %p167 : tensor<2xf32> to tensor<*xf32>
  call @printMemrefF32(%u167) : (tensor<*xf32>) -> ()
  %c168 = arith.constant dense<[1.5, -3.0, 0.0078125]> : tensor<3xbf16>
  %c169 = arith.constant dense<[2.0, 0.5, 3.0]> : tensor<3xbf16>
  %r170 = call @mul_bf16(%c168, %c169) : (tensor<3xbf16>, tensor<3xbf16>) -> (tensor<3xbf16>)
  %p171 = arith.extf %r170 : tensor<3xbf16> to tensor<3xf32>
  %u171 = tensor.cast %p171 : tensor<3xf32> to tensor<*xf32>
  call @printMemrefF32(%u171) : (tensor<*xf32>) -> ()
  return
}
func.func private @printMemrefF32(tensor<*xf32>)
func.func private @printMemrefI32(tensor<*xi32>)
