// RUN: quench-opt %s --convert-onnx-to-linalg | FileCheck %s

// The IR that element-wise ONNX nodes lower to: one linalg.generic with
// broadcasting indexing maps, and the scalar op picked by element category.

// CHECK-DAG: #[[ID2:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[ROW:.*]] = affine_map<(d0, d1) -> (d1)>
// CHECK-DAG: #[[COL:.*]] = affine_map<(d0, d1) -> (d0, 0)>
// CHECK-DAG: #[[W0:.*]] = affine_map<(d0, d1, d2) -> (d1, d2)>
// CHECK-DAG: #[[W1:.*]] = affine_map<(d0, d1, d2) -> (d0, 0, 0)>
// CHECK-DAG: #[[W2:.*]] = affine_map<(d0, d1, d2) -> (d2)>
// CHECK-DAG: #[[W3:.*]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>

// CHECK-LABEL: func.func @add_broadcast(
// CHECK-SAME: %[[A:.*]]: tensor<2x3xf32>, %[[B:.*]]: tensor<3xf32>) -> tensor<2x3xf32>
// CHECK: %[[INIT:.*]] = tensor.empty() : tensor<2x3xf32>
// CHECK: linalg.generic {indexing_maps = [#[[ID2]], #[[ROW]], #[[ID2]]], iterator_types = ["parallel", "parallel"]}
// CHECK-SAME: ins(%[[A]], %[[B]] : tensor<2x3xf32>, tensor<3xf32>) outs(%[[INIT]] : tensor<2x3xf32>)
// CHECK: arith.addf
func.func @add_broadcast(%a: tensor<2x3xf32>, %b: tensor<3xf32>) -> tensor<2x3xf32> {
  %y = onnx.node "Add"(%a, %b) {domain = "", opset = 14 : i64, name = "add", attrs = {}} : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}

// A size-1 dimension broadcasts with a constant index.
// CHECK-LABEL: func.func @sub_size_one_dim(
// CHECK: linalg.generic {indexing_maps = [#[[ID2]], #[[COL]], #[[ID2]]]
// CHECK: arith.subi
func.func @sub_size_one_dim(%a: tensor<2x3xi32>, %b: tensor<2x1xi32>) -> tensor<2x3xi32> {
  %y = onnx.node "Sub"(%a, %b) {domain = "", opset = 14 : i64, name = "sub", attrs = {}} : (tensor<2x3xi32>, tensor<2x1xi32>) -> tensor<2x3xi32>
  return %y : tensor<2x3xi32>
}

// Unsigned data becomes signless; its ops are the unsigned ones.
// CHECK-LABEL: func.func @div_unsigned(
// CHECK-SAME: tensor<4xi8>, %{{.*}}: tensor<4xi8>) -> tensor<4xi8>
// CHECK: arith.divui
func.func @div_unsigned(%a: tensor<4xui8>, %b: tensor<4xui8>) -> tensor<4xui8> {
  %y = onnx.node "Div"(%a, %b) {domain = "", opset = 14 : i64, name = "div", attrs = {}} : (tensor<4xui8>, tensor<4xui8>) -> tensor<4xui8>
  return %y : tensor<4xui8>
}

// CHECK-LABEL: func.func @div_signed(
// CHECK: arith.divsi
func.func @div_signed(%a: tensor<4xi64>, %b: tensor<4xi64>) -> tensor<4xi64> {
  %y = onnx.node "Div"(%a, %b) {domain = "", opset = 14 : i64, name = "div", attrs = {}} : (tensor<4xi64>, tensor<4xi64>) -> tensor<4xi64>
  return %y : tensor<4xi64>
}

// x ** 2 (RMSNorm) multiplies; other exponents call powf.
// CHECK-LABEL: func.func @pow_square(
// CHECK: linalg.generic {indexing_maps = [#[[ID2]], #[[ID2]]]
// CHECK: ^bb0(%[[X:.*]]: f32, %{{.*}}: f32):
// CHECK: arith.mulf %[[X]], %[[X]] : f32
// CHECK-NOT: math.powf
func.func @pow_square(%a: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %two = arith.constant dense<2.0> : tensor<f32>
  %y = onnx.node "Pow"(%a, %two) {domain = "", opset = 15 : i64, name = "pow", attrs = {}} : (tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}

// A float base with an int64 exponent converts the exponent.
// CHECK-LABEL: func.func @pow_int_exponent(
// CHECK: arith.sitofp %{{.*}} : i64 to f16
// CHECK: math.powf %{{.*}}, %{{.*}} : f16
func.func @pow_int_exponent(%a: tensor<4xf16>, %b: tensor<4xi64>) -> tensor<4xf16> {
  %y = onnx.node "Pow"(%a, %b) {domain = "", opset = 15 : i64, name = "pow", attrs = {}} : (tensor<4xf16>, tensor<4xi64>) -> tensor<4xf16>
  return %y : tensor<4xf16>
}

// Integer Pow: square-and-multiply in an scf.while.
// CHECK-LABEL: func.func @pow_integer(
// CHECK: linalg.generic
// CHECK: scf.while
// CHECK: arith.shrui
func.func @pow_integer(%a: tensor<4xi32>, %b: tensor<4xi32>) -> tensor<4xi32> {
  %y = onnx.node "Pow"(%a, %b) {domain = "", opset = 15 : i64, name = "pow", attrs = {}} : (tensor<4xi32>, tensor<4xi32>) -> tensor<4xi32>
  return %y : tensor<4xi32>
}

// Comparisons produce i1; float ones are ordered.
// CHECK-LABEL: func.func @less_f32(
// CHECK-SAME: -> tensor<2x3xi1>
// CHECK: arith.cmpf olt
// CHECK: -> tensor<2x3xi1>
func.func @less_f32(%a: tensor<2x3xf32>, %b: tensor<3xf32>) -> tensor<2x3xi1> {
  %y = onnx.node "Less"(%a, %b) {domain = "", opset = 13 : i64, name = "less", attrs = {}} : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xi1>
  return %y : tensor<2x3xi1>
}

// CHECK-LABEL: func.func @greater_unsigned(
// CHECK: arith.cmpi ugt
func.func @greater_unsigned(%a: tensor<4xui16>, %b: tensor<4xui16>) -> tensor<4xi1> {
  %y = onnx.node "Greater"(%a, %b) {domain = "", opset = 13 : i64, name = "greater", attrs = {}} : (tensor<4xui16>, tensor<4xui16>) -> tensor<4xi1>
  return %y : tensor<4xi1>
}

// Where: three inputs broadcast together.
// CHECK-LABEL: func.func @where(
// CHECK: linalg.generic {indexing_maps = [#[[W0]], #[[W1]], #[[W2]], #[[W3]]]
// CHECK: arith.select
// CHECK: -> tensor<4x2x3xf32>
func.func @where(%c: tensor<2x3xi1>, %x: tensor<4x1x1xf32>, %y: tensor<3xf32>) -> tensor<4x2x3xf32> {
  %r = onnx.node "Where"(%c, %x, %y) {domain = "", opset = 16 : i64, name = "where", attrs = {}} : (tensor<2x3xi1>, tensor<4x1x1xf32>, tensor<3xf32>) -> tensor<4x2x3xf32>
  return %r : tensor<4x2x3xf32>
}

// Cast: uint8 -> float is uitofp; int32 -> uint32 is a copy that only
// changes how later nodes read the bits.
// CHECK-LABEL: func.func @cast_unsigned_to_float(
// CHECK: arith.uitofp %{{.*}} : i8 to f32
func.func @cast_unsigned_to_float(%a: tensor<4xui8>) -> tensor<4xf32> {
  %y = onnx.node "Cast"(%a) {domain = "", opset = 13 : i64, name = "cast", attrs = {to = 1 : i64}} : (tensor<4xui8>) -> tensor<4xf32>
  return %y : tensor<4xf32>
}

// CHECK-LABEL: func.func @cast_to_unsigned_then_divide(
// CHECK: %[[U:.*]] = linalg.generic
// CHECK-NEXT: ^bb0(%[[IN:.*]]: i32, %{{.*}}: i32):
// CHECK-NEXT: linalg.yield %[[IN]] : i32
// CHECK: linalg.generic {{.*}} ins(%[[U]], %[[U]] :
// CHECK: arith.divui
func.func @cast_to_unsigned_then_divide(%a: tensor<4xi32>) -> tensor<4xui32> {
  %u = onnx.node "Cast"(%a) {domain = "", opset = 13 : i64, name = "cast", attrs = {to = 12 : i64}} : (tensor<4xi32>) -> tensor<4xui32>
  %y = onnx.node "Div"(%u, %u) {domain = "", opset = 14 : i64, name = "div", attrs = {}} : (tensor<4xui32>, tensor<4xui32>) -> tensor<4xui32>
  return %y : tensor<4xui32>
}

// Casting to the same type is the input itself.
// CHECK-LABEL: func.func @cast_same_type(
// CHECK-SAME: %[[A:.*]]: tensor<4xf32>)
// CHECK-NEXT: return %[[A]]
func.func @cast_same_type(%a: tensor<4xf32>) -> tensor<4xf32> {
  %y = onnx.node "Cast"(%a) {domain = "", opset = 19 : i64, name = "cast", attrs = {to = 1 : i64}} : (tensor<4xf32>) -> tensor<4xf32>
  return %y : tensor<4xf32>
}

// CHECK-LABEL: func.func @cast_f32_to_bf16(
// CHECK: arith.truncf %{{.*}} : f32 to bf16
func.func @cast_f32_to_bf16(%a: tensor<4xf32>) -> tensor<4xbf16> {
  %y = onnx.node "Cast"(%a) {domain = "", opset = 13 : i64, name = "cast", attrs = {to = 16 : i64}} : (tensor<4xf32>) -> tensor<4xbf16>
  return %y : tensor<4xbf16>
}

// Clip-11 with a rank-1 one-element bound keeps the input's shape.
// CHECK-LABEL: func.func @clip_rank1_bound(
// CHECK: tensor.collapse_shape %{{.*}} [] : tensor<1xf32> into tensor<f32>
// CHECK: arith.maximumf
// CHECK-NOT: arith.minimumf
// CHECK: -> tensor<2x3xf32>
func.func @clip_rank1_bound(%a: tensor<2x3xf32>, %lo: tensor<1xf32>) -> tensor<2x3xf32> {
  %y = onnx.node "Clip"(%a, %lo) {domain = "", opset = 13 : i64, name = "clip", attrs = {}} : (tensor<2x3xf32>, tensor<1xf32>) -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}

// Clip-1: an absent bound does not clip (Clip-6 would clamp to FLT_MAX).
// CHECK-LABEL: func.func @clip_1_max_only(
// CHECK-NOT: arith.maximumf
// CHECK: arith.constant 6.000000e+00 : f32
// CHECK-NEXT: arith.minimumf
func.func @clip_1_max_only(%a: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %y = onnx.node "Clip"(%a) {domain = "", opset = 1 : i64, name = "clip", attrs = {max = 6.0 : f32}} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}

// CHECK-LABEL: func.func @sigmoid(
// CHECK: arith.negf
// CHECK: math.exp
// CHECK: arith.addf
// CHECK: arith.divf
func.func @sigmoid(%a: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %y = onnx.node "Sigmoid"(%a) {domain = "", opset = 13 : i64, name = "sigmoid", attrs = {}} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}

// CHECK-LABEL: func.func @gelu(
// CHECK: math.erf
func.func @gelu(%a: tensor<2x3xbf16>) -> tensor<2x3xbf16> {
  %y = onnx.node "Gelu"(%a) {domain = "", opset = 20 : i64, name = "gelu", attrs = {}} : (tensor<2x3xbf16>) -> tensor<2x3xbf16>
  return %y : tensor<2x3xbf16>
}

// Variadic ops fold over their inputs; one input is returned as is.
// CHECK-LABEL: func.func @max_three(
// CHECK: arith.maxsi
// CHECK: arith.maxsi
// CHECK-LABEL: func.func @sum_one(
// CHECK-SAME: %[[A:.*]]: tensor<3xf32>)
// CHECK-NEXT: return %[[A]]
func.func @max_three(%a: tensor<3xi16>, %b: tensor<1xi16>, %c: tensor<2x3xi16>) -> tensor<2x3xi16> {
  %y = onnx.node "Max"(%a, %b, %c) {domain = "", opset = 13 : i64, name = "max", attrs = {}} : (tensor<3xi16>, tensor<1xi16>, tensor<2x3xi16>) -> tensor<2x3xi16>
  return %y : tensor<2x3xi16>
}
func.func @sum_one(%a: tensor<3xf32>) -> tensor<3xf32> {
  %y = onnx.node "Sum"(%a) {domain = "", opset = 13 : i64, name = "sum", attrs = {}} : (tensor<3xf32>) -> tensor<3xf32>
  return %y : tensor<3xf32>
}

// Rank-0 operands.
// CHECK-LABEL: func.func @mul_scalars(
// CHECK: linalg.generic {indexing_maps = [#{{.*}}, #{{.*}}, #{{.*}}], iterator_types = []}
// CHECK: -> tensor<f32>
func.func @mul_scalars(%a: tensor<f32>, %b: tensor<f32>) -> tensor<f32> {
  %y = onnx.node "Mul"(%a, %b) {domain = "", opset = 14 : i64, name = "mul", attrs = {}} : (tensor<f32>, tensor<f32>) -> tensor<f32>
  return %y : tensor<f32>
}
