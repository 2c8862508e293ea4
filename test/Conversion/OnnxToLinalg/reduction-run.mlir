// RUN: quench-opt %s --convert-onnx-to-linalg | %run_reference | FileCheck %s

// Reductions (Reduce*), ArgMax, ArgMin and CumSum against numpy with the ONNX
// reference rules.

// ReduceSum-13: axes is an input.
// CHECK: rank = 1 offset = 0 sizes = [2]
// CHECK-NEXT: {{\[}}2.5, -1.5]
func.func @sum_axes_input(%x0: tensor<2x3xf32>) -> (tensor<2xf32>) {
  %k1 = arith.constant dense<[1]> : tensor<1xi64>
  %y = onnx.node "ReduceSum"(%x0, %k1) {domain = "", opset = 13 : i64, name = "sum_axes_input", attrs = {keepdims = 0 : i64}} : (tensor<2x3xf32>, tensor<1xi64>) -> tensor<2xf32>
  return %y : tensor<2xf32>
}

// No axes: everything, keeping size-1 dimensions.
// CHECK: rank = 2 offset = 0 sizes = [1, 1]
// CHECK-NEXT: {{\[}}1]
func.func @sum_all_keepdims(%x0: tensor<2x3xf32>) -> (tensor<1x1xf32>) {
  %y = onnx.node "ReduceSum"(%x0) {domain = "", opset = 13 : i64, name = "sum_all_keepdims", attrs = {}} : (tensor<2x3xf32>) -> tensor<1x1xf32>
  return %y : tensor<1x1xf32>
}

// Empty axes with noop_with_empty_axes: the input.
// CHECK: rank = 2 offset = 0 sizes = [2, 3]
// CHECK-NEXT: {{\[}}1, -2, 3.5]
// CHECK-NEXT: {{\[}}4, 0.5, -6]
func.func @sum_noop(%x0: tensor<2x3xf32>) -> (tensor<2x3xf32>) {
  %k1 = arith.constant dense<[]> : tensor<0xi64>
  %y = onnx.node "ReduceSum"(%x0, %k1) {domain = "", opset = 13 : i64, name = "sum_noop", attrs = {noop_with_empty_axes = 1 : i64}} : (tensor<2x3xf32>, tensor<0xi64>) -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}

// ReduceSum-11: axes is an attribute.
// CHECK: rank = 1 offset = 0 sizes = [3]
// CHECK-NEXT: {{\[}}14, 22, 30]
func.func @sum_11_attribute(%x0: tensor<2x3x2xf32>) -> (tensor<3xf32>) {
  %y = onnx.node "ReduceSum"(%x0) {domain = "", opset = 11 : i64, name = "sum_11_attribute", attrs = {axes = array<i64: 0, -1>, keepdims = 0 : i64}} : (tensor<2x3x2xf32>) -> tensor<3xf32>
  return %y : tensor<3xf32>
}

// CHECK: rank = 3 offset = 0 sizes = [2, 1, 2]
// CHECK-NEXT: {{\[}}6, 9]
// CHECK-NEXT: {{\[}}24, 27]
func.func @sum_middle_keepdims(%x0: tensor<2x3x2xf32>) -> (tensor<2x1x2xf32>) {
  %k1 = arith.constant dense<[1]> : tensor<1xi64>
  %y = onnx.node "ReduceSum"(%x0, %k1) {domain = "", opset = 13 : i64, name = "sum_middle_keepdims", attrs = {}} : (tensor<2x3x2xf32>, tensor<1xi64>) -> tensor<2x1x2xf32>
  return %y : tensor<2x1x2xf32>
}

// CHECK: rank = 0 offset = 0 sizes = []
// CHECK-NEXT: {{\[}}45]
func.func @sum_ui8_wraps(%x0: tensor<1x3xui8>) -> (tensor<i8>) {
  %y = onnx.node "ReduceSum"(%x0) {domain = "", opset = 13 : i64, name = "sum_ui8_wraps", attrs = {keepdims = 0 : i64}} : (tensor<1x3xui8>) -> tensor<i8>
  return %y : tensor<i8>
}

// f16 sums accumulate in f32: 2048 + 1 + 1 = 2050 (2048 in f16 steps).
// CHECK: rank = 0 offset = 0 sizes = []
// CHECK-NEXT: {{\[}}2050]
func.func @sum_f16_accumulates_f32(%x0: tensor<3xf16>) -> (tensor<f16>) {
  %y = onnx.node "ReduceSum"(%x0) {domain = "", opset = 13 : i64, name = "sum_f16_accumulates_f32", attrs = {keepdims = 0 : i64}} : (tensor<3xf16>) -> tensor<f16>
  return %y : tensor<f16>
}

// ReduceMean-17 (attribute) and -18 (input).
// CHECK: rank = 2 offset = 0 sizes = [2, 1]
// CHECK-NEXT: {{\[}}0.833333]
// CHECK-NEXT: {{\[}}-0.5]
func.func @mean_17_attribute(%x0: tensor<2x3xf32>) -> (tensor<2x1xf32>) {
  %y = onnx.node "ReduceMean"(%x0) {domain = "", opset = 17 : i64, name = "mean_17_attribute", attrs = {axes = array<i64: 1>}} : (tensor<2x3xf32>) -> tensor<2x1xf32>
  return %y : tensor<2x1xf32>
}

// CHECK: rank = 1 offset = 0 sizes = [3]
// CHECK-NEXT: {{\[}}2.5, -0.75, -1.25]
func.func @mean_18_input(%x0: tensor<2x3xf32>) -> (tensor<3xf32>) {
  %k1 = arith.constant dense<[-2]> : tensor<1xi64>
  %y = onnx.node "ReduceMean"(%x0, %k1) {domain = "", opset = 18 : i64, name = "mean_18_input", attrs = {keepdims = 0 : i64}} : (tensor<2x3xf32>, tensor<1xi64>) -> tensor<3xf32>
  return %y : tensor<3xf32>
}

// Integer means truncate toward zero.
// CHECK: rank = 1 offset = 0 sizes = [2]
// CHECK-NEXT: {{\[}}-2, 4]
func.func @mean_i32_truncates(%x0: tensor<2x2xi32>) -> (tensor<2xi32>) {
  %k1 = arith.constant dense<[1]> : tensor<1xi64>
  %y = onnx.node "ReduceMean"(%x0, %k1) {domain = "", opset = 18 : i64, name = "mean_i32_truncates", attrs = {keepdims = 0 : i64}} : (tensor<2x2xi32>, tensor<1xi64>) -> tensor<2xi32>
  return %y : tensor<2xi32>
}

// NaN wins ReduceMax, as in numpy.
// CHECK: rank = 1 offset = 0 sizes = [2]
// CHECK-NEXT: {{\[}}nan, -1]
func.func @max_nan(%x0: tensor<2x3xf32>) -> (tensor<2xf32>) {
  %k1 = arith.constant dense<[1]> : tensor<1xi64>
  %y = onnx.node "ReduceMax"(%x0, %k1) {domain = "", opset = 18 : i64, name = "max_nan", attrs = {keepdims = 0 : i64}} : (tensor<2x3xf32>, tensor<1xi64>) -> tensor<2xf32>
  return %y : tensor<2xf32>
}

// CHECK: rank = 1 offset = 0 sizes = [3]
// CHECK-NEXT: {{\[}}1, -2, -6]
func.func @min_13_attribute(%x0: tensor<2x3xf32>) -> (tensor<3xf32>) {
  %y = onnx.node "ReduceMin"(%x0) {domain = "", opset = 13 : i64, name = "min_13_attribute", attrs = {axes = array<i64: 0>, keepdims = 0 : i64}} : (tensor<2x3xf32>) -> tensor<3xf32>
  return %y : tensor<3xf32>
}

// CHECK: rank = 0 offset = 0 sizes = []
// CHECK-NEXT: {{\[}}-3]
func.func @max_i8(%x0: tensor<2x2xi8>) -> (tensor<i8>) {
  %y = onnx.node "ReduceMax"(%x0) {domain = "", opset = 18 : i64, name = "max_i8", attrs = {keepdims = 0 : i64}} : (tensor<2x2xi8>) -> tensor<i8>
  return %y : tensor<i8>
}

// CHECK: rank = 0 offset = 0 sizes = []
// CHECK-NEXT: {{\[}}100]
func.func @min_ui8(%x0: tensor<3xui8>) -> (tensor<i8>) {
  %y = onnx.node "ReduceMin"(%x0) {domain = "", opset = 18 : i64, name = "min_ui8", attrs = {keepdims = 0 : i64}} : (tensor<3xui8>) -> tensor<i8>
  return %y : tensor<i8>
}

// CHECK: rank = 0 offset = 0 sizes = []
// CHECK-NEXT: {{\[}}200]
func.func @max_ui8(%x0: tensor<3xui8>) -> (tensor<i8>) {
  %y = onnx.node "ReduceMax"(%x0) {domain = "", opset = 18 : i64, name = "max_ui8", attrs = {keepdims = 0 : i64}} : (tensor<3xui8>) -> tensor<i8>
  return %y : tensor<i8>
}

// CHECK: rank = 2 offset = 0 sizes = [2, 1]
// CHECK-NEXT: {{\[}}1]
// CHECK-NEXT: {{\[}}0]
func.func @max_bool(%x0: tensor<2x2xi1>) -> (tensor<2x1xi1>) {
  %k1 = arith.constant dense<[1]> : tensor<1xi64>
  %y = onnx.node "ReduceMax"(%x0, %k1) {domain = "", opset = 20 : i64, name = "max_bool", attrs = {}} : (tensor<2x2xi1>, tensor<1xi64>) -> tensor<2x1xi1>
  return %y : tensor<2x1xi1>
}

// CHECK: rank = 2 offset = 0 sizes = [1, 2]
// CHECK-NEXT: {{\[}}0, 0]
func.func @min_bool(%x0: tensor<2x2xi1>) -> (tensor<1x2xi1>) {
  %k1 = arith.constant dense<[0]> : tensor<1xi64>
  %y = onnx.node "ReduceMin"(%x0, %k1) {domain = "", opset = 20 : i64, name = "min_bool", attrs = {}} : (tensor<2x2xi1>, tensor<1xi64>) -> tensor<1x2xi1>
  return %y : tensor<1x2xi1>
}

// CHECK: rank = 1 offset = 0 sizes = [2]
// CHECK-NEXT: {{\[}}6, -120]
func.func @prod(%x0: tensor<2x3xf32>) -> (tensor<2xf32>) {
  %k1 = arith.constant dense<[1]> : tensor<1xi64>
  %y = onnx.node "ReduceProd"(%x0, %k1) {domain = "", opset = 18 : i64, name = "prod", attrs = {keepdims = 0 : i64}} : (tensor<2x3xf32>, tensor<1xi64>) -> tensor<2xf32>
  return %y : tensor<2xf32>
}

// CHECK: rank = 0 offset = 0 sizes = []
// CHECK-NEXT: {{\[}}-360]
func.func @prod_i64(%x0: tensor<2x2xi64>) -> (tensor<i64>) {
  %y = onnx.node "ReduceProd"(%x0) {domain = "", opset = 13 : i64, name = "prod_i64", attrs = {keepdims = 0 : i64}} : (tensor<2x2xi64>) -> tensor<i64>
  return %y : tensor<i64>
}

// CHECK: rank = 1 offset = 0 sizes = [2]
// CHECK-NEXT: {{\[}}6.5, 10.5]
func.func @l1(%x0: tensor<2x3xf32>) -> (tensor<2xf32>) {
  %k1 = arith.constant dense<[1]> : tensor<1xi64>
  %y = onnx.node "ReduceL1"(%x0, %k1) {domain = "", opset = 18 : i64, name = "l1", attrs = {keepdims = 0 : i64}} : (tensor<2x3xf32>, tensor<1xi64>) -> tensor<2xf32>
  return %y : tensor<2xf32>
}

// Reducing no axes still applies the element function, as the ONNX reference does.
// CHECK: rank = 2 offset = 0 sizes = [2, 3]
// CHECK-NEXT: {{\[}}1, 2, 3.5]
// CHECK-NEXT: {{\[}}4, 0.5, 6]
func.func @l1_noop(%x0: tensor<2x3xf32>) -> (tensor<2x3xf32>) {
  %y = onnx.node "ReduceL1"(%x0) {domain = "", opset = 18 : i64, name = "l1_noop", attrs = {noop_with_empty_axes = 1 : i64}} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}

// CHECK: rank = 1 offset = 0 sizes = [2]
// CHECK-NEXT: {{\[}}5, 13]
func.func @l2(%x0: tensor<2x2xf32>) -> (tensor<2xf32>) {
  %k1 = arith.constant dense<[1]> : tensor<1xi64>
  %y = onnx.node "ReduceL2"(%x0, %k1) {domain = "", opset = 18 : i64, name = "l2", attrs = {keepdims = 0 : i64}} : (tensor<2x2xf32>, tensor<1xi64>) -> tensor<2xf32>
  return %y : tensor<2xf32>
}

// Integer L2 norms truncate.
// CHECK: rank = 1 offset = 0 sizes = [2]
// CHECK-NEXT: {{\[}}5, 2]
func.func @l2_i32(%x0: tensor<2x2xi32>) -> (tensor<2xi32>) {
  %y = onnx.node "ReduceL2"(%x0) {domain = "", opset = 13 : i64, name = "l2_i32", attrs = {axes = array<i64: 1>, keepdims = 0 : i64}} : (tensor<2x2xi32>) -> tensor<2xi32>
  return %y : tensor<2xi32>
}

// CHECK: rank = 2 offset = 0 sizes = [1, 3]
// CHECK-NEXT: {{\[}}17, 4.25, 48.25]
func.func @sum_square(%x0: tensor<2x3xf32>) -> (tensor<1x3xf32>) {
  %k1 = arith.constant dense<[0]> : tensor<1xi64>
  %y = onnx.node "ReduceSumSquare"(%x0, %k1) {domain = "", opset = 18 : i64, name = "sum_square", attrs = {}} : (tensor<2x3xf32>, tensor<1xi64>) -> tensor<1x3xf32>
  return %y : tensor<1x3xf32>
}

// LogSumExp subtracts the maximum: no overflow at 1000; all -inf gives -inf.
// CHECK: rank = 1 offset = 0 sizes = [4]
// CHECK-NEXT: {{\[}}0.693147, 1000.69, -inf, 2.31326]
func.func @log_sum_exp(%x0: tensor<4x2xf32>) -> (tensor<4xf32>) {
  %k1 = arith.constant dense<[1]> : tensor<1xi64>
  %y = onnx.node "ReduceLogSumExp"(%x0, %k1) {domain = "", opset = 18 : i64, name = "log_sum_exp", attrs = {keepdims = 0 : i64}} : (tensor<4x2xf32>, tensor<1xi64>) -> tensor<4xf32>
  return %y : tensor<4xf32>
}

// A full reduction without keepdims has rank 0.
// CHECK: rank = 0 offset = 0 sizes = []
// CHECK-NEXT: {{\[}}4]
func.func @max_all_scalar(%x0: tensor<2x3xf32>) -> (tensor<f32>) {
  %y = onnx.node "ReduceMax"(%x0) {domain = "", opset = 13 : i64, name = "max_all_scalar", attrs = {keepdims = 0 : i64}} : (tensor<2x3xf32>) -> tensor<f32>
  return %y : tensor<f32>
}

// ArgMax and ArgMin: ties go to the first index,
// CHECK: rank = 2 offset = 0 sizes = [2, 1]
// CHECK-NEXT: {{\[}}1]
// CHECK-NEXT: {{\[}}0]
func.func @argmax_first(%x0: tensor<2x3xf32>) -> (tensor<2x1xi64>) {
  %y = onnx.node "ArgMax"(%x0) {domain = "", opset = 13 : i64, name = "argmax_first", attrs = {axis = 1 : i64}} : (tensor<2x3xf32>) -> tensor<2x1xi64>
  return %y : tensor<2x1xi64>
}

// or the last with select_last_index.
// CHECK: rank = 2 offset = 0 sizes = [2, 1]
// CHECK-NEXT: {{\[}}2]
// CHECK-NEXT: {{\[}}2]
func.func @argmax_last(%x0: tensor<2x3xf32>) -> (tensor<2x1xi64>) {
  %y = onnx.node "ArgMax"(%x0) {domain = "", opset = 13 : i64, name = "argmax_last", attrs = {axis = 1 : i64, select_last_index = 1 : i64}} : (tensor<2x3xf32>) -> tensor<2x1xi64>
  return %y : tensor<2x1xi64>
}

// CHECK: rank = 1 offset = 0 sizes = [3]
// CHECK-NEXT: {{\[}}0, 1, 0]
func.func @argmin_axis0(%x0: tensor<2x3xf32>) -> (tensor<3xi64>) {
  %y = onnx.node "ArgMin"(%x0) {domain = "", opset = 13 : i64, name = "argmin_axis0", attrs = {axis = 0 : i64, keepdims = 0 : i64}} : (tensor<2x3xf32>) -> tensor<3xi64>
  return %y : tensor<3xi64>
}

// NaN is picked first, as in numpy.
// CHECK: rank = 1 offset = 0 sizes = [2]
// CHECK-NEXT: {{\[}}1, 0]
func.func @argmin_nan(%x0: tensor<2x4xf32>) -> (tensor<2xi64>) {
  %y = onnx.node "ArgMin"(%x0) {domain = "", opset = 13 : i64, name = "argmin_nan", attrs = {axis = -1 : i64, keepdims = 0 : i64}} : (tensor<2x4xf32>) -> tensor<2xi64>
  return %y : tensor<2xi64>
}

// CHECK: rank = 1 offset = 0 sizes = [2]
// CHECK-NEXT: {{\[}}1, 2]
func.func @argmax_nan(%x0: tensor<2x4xf32>) -> (tensor<2xi64>) {
  %y = onnx.node "ArgMax"(%x0) {domain = "", opset = 13 : i64, name = "argmax_nan", attrs = {axis = -1 : i64, keepdims = 0 : i64}} : (tensor<2x4xf32>) -> tensor<2xi64>
  return %y : tensor<2xi64>
}

// CHECK: rank = 1 offset = 0 sizes = [2]
// CHECK-NEXT: {{\[}}3, 2]
func.func @argmax_nan_last(%x0: tensor<2x4xf32>) -> (tensor<2xi64>) {
  %y = onnx.node "ArgMax"(%x0) {domain = "", opset = 13 : i64, name = "argmax_nan_last", attrs = {axis = -1 : i64, keepdims = 0 : i64, select_last_index = 1 : i64}} : (tensor<2x4xf32>) -> tensor<2xi64>
  return %y : tensor<2xi64>
}

// CHECK: rank = 2 offset = 0 sizes = [1, 1]
// CHECK-NEXT: {{\[}}1]
func.func @argmax_i32_default_axis(%x0: tensor<4x1xi32>) -> (tensor<1x1xi64>) {
  %y = onnx.node "ArgMax"(%x0) {domain = "", opset = 11 : i64, name = "argmax_i32_default_axis", attrs = {}} : (tensor<4x1xi32>) -> tensor<1x1xi64>
  return %y : tensor<1x1xi64>
}

// Unsigned: 100 is the least.
// CHECK: rank = 0 offset = 0 sizes = []
// CHECK-NEXT: {{\[}}1]
func.func @argmin_ui8(%x0: tensor<3xui8>) -> (tensor<i64>) {
  %y = onnx.node "ArgMin"(%x0) {domain = "", opset = 13 : i64, name = "argmin_ui8", attrs = {keepdims = 0 : i64}} : (tensor<3xui8>) -> tensor<i64>
  return %y : tensor<i64>
}

// CumSum in each mode.
// CHECK: rank = 1 offset = 0 sizes = [4]
// CHECK-NEXT: {{\[}}1, 3, 6, 10]
func.func @cumsum(%x0: tensor<4xf32>) -> (tensor<4xf32>) {
  %k1 = arith.constant dense<0> : tensor<i64>
  %y = onnx.node "CumSum"(%x0, %k1) {domain = "", opset = 14 : i64, name = "cumsum", attrs = {}} : (tensor<4xf32>, tensor<i64>) -> tensor<4xf32>
  return %y : tensor<4xf32>
}

// CHECK: rank = 1 offset = 0 sizes = [4]
// CHECK-NEXT: {{\[}}10, 9, 7, 4]
func.func @cumsum_reverse(%x0: tensor<4xf32>) -> (tensor<4xf32>) {
  %k1 = arith.constant dense<0> : tensor<i64>
  %y = onnx.node "CumSum"(%x0, %k1) {domain = "", opset = 14 : i64, name = "cumsum_reverse", attrs = {reverse = 1 : i64}} : (tensor<4xf32>, tensor<i64>) -> tensor<4xf32>
  return %y : tensor<4xf32>
}

// CHECK: rank = 1 offset = 0 sizes = [4]
// CHECK-NEXT: {{\[}}0, 1, 3, 6]
func.func @cumsum_exclusive(%x0: tensor<4xf32>) -> (tensor<4xf32>) {
  %k1 = arith.constant dense<0> : tensor<i64>
  %y = onnx.node "CumSum"(%x0, %k1) {domain = "", opset = 14 : i64, name = "cumsum_exclusive", attrs = {exclusive = 1 : i64}} : (tensor<4xf32>, tensor<i64>) -> tensor<4xf32>
  return %y : tensor<4xf32>
}

// CHECK: rank = 1 offset = 0 sizes = [4]
// CHECK-NEXT: {{\[}}9, 7, 4, 0]
func.func @cumsum_exclusive_reverse(%x0: tensor<4xf32>) -> (tensor<4xf32>) {
  %k1 = arith.constant dense<0> : tensor<i64>
  %y = onnx.node "CumSum"(%x0, %k1) {domain = "", opset = 14 : i64, name = "cumsum_exclusive_reverse", attrs = {exclusive = 1 : i64, reverse = 1 : i64}} : (tensor<4xf32>, tensor<i64>) -> tensor<4xf32>
  return %y : tensor<4xf32>
}

// CHECK: rank = 2 offset = 0 sizes = [2, 3]
// CHECK-NEXT: {{\[}}1, 3, 6]
// CHECK-NEXT: {{\[}}10, 30, 60]
func.func @cumsum_i32_axis1(%x0: tensor<2x3xi32>) -> (tensor<2x3xi32>) {
  %k1 = arith.constant dense<[-1]> : tensor<1xi32>
  %y = onnx.node "CumSum"(%x0, %k1) {domain = "", opset = 11 : i64, name = "cumsum_i32_axis1", attrs = {}} : (tensor<2x3xi32>, tensor<1xi32>) -> tensor<2x3xi32>
  return %y : tensor<2x3xi32>
}

// CHECK: rank = 2 offset = 0 sizes = [2, 3]
// CHECK-NEXT: {{\[}}11, 22, 33]
// CHECK-NEXT: {{\[}}10, 20, 30]
func.func @cumsum_axis0_reverse(%x0: tensor<2x3xi32>) -> (tensor<2x3xi32>) {
  %k1 = arith.constant dense<0> : tensor<i32>
  %y = onnx.node "CumSum"(%x0, %k1) {domain = "", opset = 11 : i64, name = "cumsum_axis0_reverse", attrs = {reverse = 1 : i64}} : (tensor<2x3xi32>, tensor<i32>) -> tensor<2x3xi32>
  return %y : tensor<2x3xi32>
}

func.func @main() {
  %c1 = arith.constant dense<[[1.0, -2.0, 3.5], [4.0, 0.5, -6.0]]> : tensor<2x3xf32>
  %r2 = call @sum_axes_input(%c1) : (tensor<2x3xf32>) -> (tensor<2xf32>)
  %u3 = tensor.cast %r2 : tensor<2xf32> to tensor<*xf32>
  call @printMemrefF32(%u3) : (tensor<*xf32>) -> ()
  %c4 = arith.constant dense<[[1.0, -2.0, 3.5], [4.0, 0.5, -6.0]]> : tensor<2x3xf32>
  %r5 = call @sum_all_keepdims(%c4) : (tensor<2x3xf32>) -> (tensor<1x1xf32>)
  %u6 = tensor.cast %r5 : tensor<1x1xf32> to tensor<*xf32>
  call @printMemrefF32(%u6) : (tensor<*xf32>) -> ()
  %c7 = arith.constant dense<[[1.0, -2.0, 3.5], [4.0, 0.5, -6.0]]> : tensor<2x3xf32>
  %r8 = call @sum_noop(%c7) : (tensor<2x3xf32>) -> (tensor<2x3xf32>)
  %u9 = tensor.cast %r8 : tensor<2x3xf32> to tensor<*xf32>
  call @printMemrefF32(%u9) : (tensor<*xf32>) -> ()
  %c10 = arith.constant dense<[[[0.0, 1.0], [2.0, 3.0], [4.0, 5.0]], [[6.0, 7.0], [8.0, 9.0], [10.0, 11.0]]]> : tensor<2x3x2xf32>
  %r11 = call @sum_11_attribute(%c10) : (tensor<2x3x2xf32>) -> (tensor<3xf32>)
  %u12 = tensor.cast %r11 : tensor<3xf32> to tensor<*xf32>
  call @printMemrefF32(%u12) : (tensor<*xf32>) -> ()
  %c13 = arith.constant dense<[[[0.0, 1.0], [2.0, 3.0], [4.0, 5.0]], [[6.0, 7.0], [8.0, 9.0], [10.0, 11.0]]]> : tensor<2x3x2xf32>
  %r14 = call @sum_middle_keepdims(%c13) : (tensor<2x3x2xf32>) -> (tensor<2x1x2xf32>)
  %u15 = tensor.cast %r14 : tensor<2x1x2xf32> to tensor<*xf32>
  call @printMemrefF32(%u15) : (tensor<*xf32>) -> ()
  %c16 = arith.constant dense<[[200, 100, 1]]> : tensor<1x3xui8>
  %r17 = call @sum_ui8_wraps(%c16) : (tensor<1x3xui8>) -> (tensor<i8>)
  %p18 = arith.extui %r17 : tensor<i8> to tensor<i32>
  %u18 = tensor.cast %p18 : tensor<i32> to tensor<*xi32>
  call @printMemrefI32(%u18) : (tensor<*xi32>) -> ()
  %c19 = arith.constant dense<[2048.0, 1.0, 1.0]> : tensor<3xf16>
  %r20 = call @sum_f16_accumulates_f32(%c19) : (tensor<3xf16>) -> (tensor<f16>)
  %p21 = arith.extf %r20 : tensor<f16> to tensor<f32>
  %u21 = tensor.cast %p21 : tensor<f32> to tensor<*xf32>
  call @printMemrefF32(%u21) : (tensor<*xf32>) -> ()
  %c22 = arith.constant dense<[[1.0, -2.0, 3.5], [4.0, 0.5, -6.0]]> : tensor<2x3xf32>
  %r23 = call @mean_17_attribute(%c22) : (tensor<2x3xf32>) -> (tensor<2x1xf32>)
  %u24 = tensor.cast %r23 : tensor<2x1xf32> to tensor<*xf32>
  call @printMemrefF32(%u24) : (tensor<*xf32>) -> ()
  %c25 = arith.constant dense<[[1.0, -2.0, 3.5], [4.0, 0.5, -6.0]]> : tensor<2x3xf32>
  %r26 = call @mean_18_input(%c25) : (tensor<2x3xf32>) -> (tensor<3xf32>)
  %u27 = tensor.cast %r26 : tensor<3xf32> to tensor<*xf32>
  call @printMemrefF32(%u27) : (tensor<*xf32>) -> ()
  %c28 = arith.constant dense<[[-7, 2], [7, 2]]> : tensor<2x2xi32>
  %r29 = call @mean_i32_truncates(%c28) : (tensor<2x2xi32>) -> (tensor<2xi32>)
  %u30 = tensor.cast %r29 : tensor<2xi32> to tensor<*xi32>
  call @printMemrefI32(%u30) : (tensor<*xi32>) -> ()
  %c31 = arith.constant dense<[[1.0, 0x7FC00000, 3.0], [-1.0, -5.0, -2.0]]> : tensor<2x3xf32>
  %r32 = call @max_nan(%c31) : (tensor<2x3xf32>) -> (tensor<2xf32>)
  %u33 = tensor.cast %r32 : tensor<2xf32> to tensor<*xf32>
  call @printMemrefF32(%u33) : (tensor<*xf32>) -> ()
  %c34 = arith.constant dense<[[1.0, -2.0, 3.5], [4.0, 0.5, -6.0]]> : tensor<2x3xf32>
  %r35 = call @min_13_attribute(%c34) : (tensor<2x3xf32>) -> (tensor<3xf32>)
  %u36 = tensor.cast %r35 : tensor<3xf32> to tensor<*xf32>
  call @printMemrefF32(%u36) : (tensor<*xf32>) -> ()
  %c37 = arith.constant dense<[[-128, -5], [-3, -100]]> : tensor<2x2xi8>
  %r38 = call @max_i8(%c37) : (tensor<2x2xi8>) -> (tensor<i8>)
  %p39 = arith.extsi %r38 : tensor<i8> to tensor<i32>
  %u39 = tensor.cast %p39 : tensor<i32> to tensor<*xi32>
  call @printMemrefI32(%u39) : (tensor<*xi32>) -> ()
  %c40 = arith.constant dense<[200, 100, 150]> : tensor<3xui8>
  %r41 = call @min_ui8(%c40) : (tensor<3xui8>) -> (tensor<i8>)
  %p42 = arith.extui %r41 : tensor<i8> to tensor<i32>
  %u42 = tensor.cast %p42 : tensor<i32> to tensor<*xi32>
  call @printMemrefI32(%u42) : (tensor<*xi32>) -> ()
  %c43 = arith.constant dense<[200, 100, 150]> : tensor<3xui8>
  %r44 = call @max_ui8(%c43) : (tensor<3xui8>) -> (tensor<i8>)
  %p45 = arith.extui %r44 : tensor<i8> to tensor<i32>
  %u45 = tensor.cast %p45 : tensor<i32> to tensor<*xi32>
  call @printMemrefI32(%u45) : (tensor<*xi32>) -> ()
  %c46 = arith.constant dense<[[true, false], [false, false]]> : tensor<2x2xi1>
  %r47 = call @max_bool(%c46) : (tensor<2x2xi1>) -> (tensor<2x1xi1>)
  %p48 = arith.extui %r47 : tensor<2x1xi1> to tensor<2x1xi32>
  %u48 = tensor.cast %p48 : tensor<2x1xi32> to tensor<*xi32>
  call @printMemrefI32(%u48) : (tensor<*xi32>) -> ()
  %c49 = arith.constant dense<[[true, false], [false, false]]> : tensor<2x2xi1>
  %r50 = call @min_bool(%c49) : (tensor<2x2xi1>) -> (tensor<1x2xi1>)
  %p51 = arith.extui %r50 : tensor<1x2xi1> to tensor<1x2xi32>
  %u51 = tensor.cast %p51 : tensor<1x2xi32> to tensor<*xi32>
  call @printMemrefI32(%u51) : (tensor<*xi32>) -> ()
  %c52 = arith.constant dense<[[1.0, 2.0, 3.0], [4.0, 5.0, -6.0]]> : tensor<2x3xf32>
  %r53 = call @prod(%c52) : (tensor<2x3xf32>) -> (tensor<2xf32>)
  %u54 = tensor.cast %r53 : tensor<2xf32> to tensor<*xf32>
  call @printMemrefF32(%u54) : (tensor<*xf32>) -> ()
  %c55 = arith.constant dense<[[3, -4], [5, 6]]> : tensor<2x2xi64>
  %r56 = call @prod_i64(%c55) : (tensor<2x2xi64>) -> (tensor<i64>)
  %p57 = arith.trunci %r56 : tensor<i64> to tensor<i32>
  %u57 = tensor.cast %p57 : tensor<i32> to tensor<*xi32>
  call @printMemrefI32(%u57) : (tensor<*xi32>) -> ()
  %c58 = arith.constant dense<[[1.0, -2.0, 3.5], [4.0, 0.5, -6.0]]> : tensor<2x3xf32>
  %r59 = call @l1(%c58) : (tensor<2x3xf32>) -> (tensor<2xf32>)
  %u60 = tensor.cast %r59 : tensor<2xf32> to tensor<*xf32>
  call @printMemrefF32(%u60) : (tensor<*xf32>) -> ()
  %c61 = arith.constant dense<[[1.0, -2.0, 3.5], [4.0, 0.5, -6.0]]> : tensor<2x3xf32>
  %r62 = call @l1_noop(%c61) : (tensor<2x3xf32>) -> (tensor<2x3xf32>)
  %u63 = tensor.cast %r62 : tensor<2x3xf32> to tensor<*xf32>
  call @printMemrefF32(%u63) : (tensor<*xf32>) -> ()
  %c64 = arith.constant dense<[[3.0, 4.0], [-5.0, 12.0]]> : tensor<2x2xf32>
  %r65 = call @l2(%c64) : (tensor<2x2xf32>) -> (tensor<2xf32>)
  %u66 = tensor.cast %r65 : tensor<2xf32> to tensor<*xf32>
  call @printMemrefF32(%u66) : (tensor<*xf32>) -> ()
  %c67 = arith.constant dense<[[3, 4], [2, 2]]> : tensor<2x2xi32>
  %r68 = call @l2_i32(%c67) : (tensor<2x2xi32>) -> (tensor<2xi32>)
  %u69 = tensor.cast %r68 : tensor<2xi32> to tensor<*xi32>
  call @printMemrefI32(%u69) : (tensor<*xi32>) -> ()
  %c70 = arith.constant dense<[[1.0, -2.0, 3.5], [4.0, 0.5, -6.0]]> : tensor<2x3xf32>
  %r71 = call @sum_square(%c70) : (tensor<2x3xf32>) -> (tensor<1x3xf32>)
  %u72 = tensor.cast %r71 : tensor<1x3xf32> to tensor<*xf32>
  call @printMemrefF32(%u72) : (tensor<*xf32>) -> ()
  %c73 = arith.constant dense<[[0.0, 0.0], [1000.0, 1000.0], [0xFF800000, 0xFF800000], [1.0, 2.0]]> : tensor<4x2xf32>
  %r74 = call @log_sum_exp(%c73) : (tensor<4x2xf32>) -> (tensor<4xf32>)
  %u75 = tensor.cast %r74 : tensor<4xf32> to tensor<*xf32>
  call @printMemrefF32(%u75) : (tensor<*xf32>) -> ()
  %c76 = arith.constant dense<[[1.0, -2.0, 3.5], [4.0, 0.5, -6.0]]> : tensor<2x3xf32>
  %r77 = call @max_all_scalar(%c76) : (tensor<2x3xf32>) -> (tensor<f32>)
  %u78 = tensor.cast %r77 : tensor<f32> to tensor<*xf32>
  call @printMemrefF32(%u78) : (tensor<*xf32>) -> ()
  %c79 = arith.constant dense<[[1.0, 3.0, 3.0], [5.0, 2.0, 5.0]]> : tensor<2x3xf32>
  %r80 = call @argmax_first(%c79) : (tensor<2x3xf32>) -> (tensor<2x1xi64>)
  %p81 = arith.trunci %r80 : tensor<2x1xi64> to tensor<2x1xi32>
  %u81 = tensor.cast %p81 : tensor<2x1xi32> to tensor<*xi32>
  call @printMemrefI32(%u81) : (tensor<*xi32>) -> ()
  %c82 = arith.constant dense<[[1.0, 3.0, 3.0], [5.0, 2.0, 5.0]]> : tensor<2x3xf32>
  %r83 = call @argmax_last(%c82) : (tensor<2x3xf32>) -> (tensor<2x1xi64>)
  %p84 = arith.trunci %r83 : tensor<2x1xi64> to tensor<2x1xi32>
  %u84 = tensor.cast %p84 : tensor<2x1xi32> to tensor<*xi32>
  call @printMemrefI32(%u84) : (tensor<*xi32>) -> ()
  %c85 = arith.constant dense<[[1.0, 3.0, 3.0], [5.0, 2.0, 5.0]]> : tensor<2x3xf32>
  %r86 = call @argmin_axis0(%c85) : (tensor<2x3xf32>) -> (tensor<3xi64>)
  %p87 = arith.trunci %r86 : tensor<3xi64> to tensor<3xi32>
  %u87 = tensor.cast %p87 : tensor<3xi32> to tensor<*xi32>
  call @printMemrefI32(%u87) : (tensor<*xi32>) -> ()
  %c88 = arith.constant dense<[[2.0, 0x7FC00000, 1.0, 0x7FC00000], [0xFF800000, 0xFF800000, 0.0, -1.0]]> : tensor<2x4xf32>
  %r89 = call @argmin_nan(%c88) : (tensor<2x4xf32>) -> (tensor<2xi64>)
  %p90 = arith.trunci %r89 : tensor<2xi64> to tensor<2xi32>
  %u90 = tensor.cast %p90 : tensor<2xi32> to tensor<*xi32>
  call @printMemrefI32(%u90) : (tensor<*xi32>) -> ()
  %c91 = arith.constant dense<[[2.0, 0x7FC00000, 1.0, 0x7FC00000], [0xFF800000, 0xFF800000, 0.0, -1.0]]> : tensor<2x4xf32>
  %r92 = call @argmax_nan(%c91) : (tensor<2x4xf32>) -> (tensor<2xi64>)
  %p93 = arith.trunci %r92 : tensor<2xi64> to tensor<2xi32>
  %u93 = tensor.cast %p93 : tensor<2xi32> to tensor<*xi32>
  call @printMemrefI32(%u93) : (tensor<*xi32>) -> ()
  %c94 = arith.constant dense<[[2.0, 0x7FC00000, 1.0, 0x7FC00000], [0xFF800000, 0xFF800000, 0.0, -1.0]]> : tensor<2x4xf32>
  %r95 = call @argmax_nan_last(%c94) : (tensor<2x4xf32>) -> (tensor<2xi64>)
  %p96 = arith.trunci %r95 : tensor<2xi64> to tensor<2xi32>
  %u96 = tensor.cast %p96 : tensor<2xi32> to tensor<*xi32>
  call @printMemrefI32(%u96) : (tensor<*xi32>) -> ()
  %c97 = arith.constant dense<[[-5], [7], [7], [-9]]> : tensor<4x1xi32>
  %r98 = call @argmax_i32_default_axis(%c97) : (tensor<4x1xi32>) -> (tensor<1x1xi64>)
  %p99 = arith.trunci %r98 : tensor<1x1xi64> to tensor<1x1xi32>
  %u99 = tensor.cast %p99 : tensor<1x1xi32> to tensor<*xi32>
  call @printMemrefI32(%u99) : (tensor<*xi32>) -> ()
  %c100 = arith.constant dense<[200, 100, 255]> : tensor<3xui8>
  %r101 = call @argmin_ui8(%c100) : (tensor<3xui8>) -> (tensor<i64>)
  %p102 = arith.trunci %r101 : tensor<i64> to tensor<i32>
  %u102 = tensor.cast %p102 : tensor<i32> to tensor<*xi32>
  call @printMemrefI32(%u102) : (tensor<*xi32>) -> ()
  %c103 = arith.constant dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
  %r104 = call @cumsum(%c103) : (tensor<4xf32>) -> (tensor<4xf32>)
  %u105 = tensor.cast %r104 : tensor<4xf32> to tensor<*xf32>
  call @printMemrefF32(%u105) : (tensor<*xf32>) -> ()
  %c106 = arith.constant dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
  %r107 = call @cumsum_reverse(%c106) : (tensor<4xf32>) -> (tensor<4xf32>)
  %u108 = tensor.cast %r107 : tensor<4xf32> to tensor<*xf32>
  call @printMemrefF32(%u108) : (tensor<*xf32>) -> ()
  %c109 = arith.constant dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
  %r110 = call @cumsum_exclusive(%c109) : (tensor<4xf32>) -> (tensor<4xf32>)
  %u111 = tensor.cast %r110 : tensor<4xf32> to tensor<*xf32>
  call @printMemrefF32(%u111) : (tensor<*xf32>) -> ()
  %c112 = arith.constant dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
  %r113 = call @cumsum_exclusive_reverse(%c112) : (tensor<4xf32>) -> (tensor<4xf32>)
  %u114 = tensor.cast %r113 : tensor<4xf32> to tensor<*xf32>
  call @printMemrefF32(%u114) : (tensor<*xf32>) -> ()
  %c115 = arith.constant dense<[[1, 2, 3], [10, 20, 30]]> : tensor<2x3xi32>
  %r116 = call @cumsum_i32_axis1(%c115) : (tensor<2x3xi32>) -> (tensor<2x3xi32>)
  %u117 = tensor.cast %r116 : tensor<2x3xi32> to tensor<*xi32>
  call @printMemrefI32(%u117) : (tensor<*xi32>) -> ()
  %c118 = arith.constant dense<[[1, 2, 3], [10, 20, 30]]> : tensor<2x3xi32>
  %r119 = call @cumsum_axis0_reverse(%c118) : (tensor<2x3xi32>) -> (tensor<2x3xi32>)
  %u120 = tensor.cast %r119 : tensor<2x3xi32> to tensor<*xi32>
  call @printMemrefI32(%u120) : (tensor<*xi32>) -> ()
  return
}
func.func private @printMemrefF32(tensor<*xf32>)
func.func private @printMemrefI32(tensor<*xi32>)
