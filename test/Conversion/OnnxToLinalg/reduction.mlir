// RUN: quench-opt %s --convert-onnx-to-linalg | FileCheck %s

// The IR that Reduce*, ArgMax/ArgMin and CumSum lower to.

// CHECK-DAG: #[[ID3:.*]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-DAG: #[[KEEP0:.*]] = affine_map<(d0, d1, d2) -> (d0)>

// Mean: a sum over the reduced dims into a zero-filled init, a division by
// the count, then expand_shape for keepdims.
// CHECK-LABEL: func.func @mean_keepdims(
// CHECK-SAME: %[[X:.*]]: tensor<2x3x4xf32>) -> tensor<2x1x1xf32>
// CHECK: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: %[[FILL:.*]] = linalg.fill ins(%[[ZERO]] : f32) outs(%{{.*}} : tensor<2xf32>)
// CHECK: %[[SUM:.*]] = linalg.generic {indexing_maps = [#[[ID3]], #[[KEEP0]]], iterator_types = ["parallel", "reduction", "reduction"]}
// CHECK-SAME: ins(%[[X]] : tensor<2x3x4xf32>) outs(%[[FILL]] : tensor<2xf32>)
// CHECK: arith.addf
// CHECK: %[[MEAN:.*]] = linalg.generic
// CHECK-SAME: ins(%[[SUM]] : tensor<2xf32>)
// CHECK: arith.constant 1.200000e+01 : f32
// CHECK: arith.divf
// CHECK: tensor.expand_shape %[[MEAN]] {{\[\[}}0, 1, 2]] output_shape [2, 1, 1] : tensor<2xf32> into tensor<2x1x1xf32>
func.func @mean_keepdims(%x: tensor<2x3x4xf32>) -> tensor<2x1x1xf32> {
  %y = onnx.node "ReduceMean"(%x) {domain = "", opset = 17 : i64, name = "mean", attrs = {axes = array<i64: -1, 1>}} : (tensor<2x3x4xf32>) -> tensor<2x1x1xf32>
  return %y : tensor<2x1x1xf32>
}

// Leading reduced dimensions join the first kept dimension's group.
// CHECK-LABEL: func.func @sum_leading_keepdims(
// CHECK: tensor.expand_shape %{{.*}} {{\[\[}}0, 1, 2]] output_shape [1, 1, 4] : tensor<4xf32> into tensor<1x1x4xf32>
func.func @sum_leading_keepdims(%x: tensor<2x3x4xf32>) -> tensor<1x1x4xf32> {
  %axes = arith.constant dense<[0, 1]> : tensor<2xi64>
  %y = onnx.node "ReduceSum"(%x, %axes) {domain = "", opset = 13 : i64, name = "sum", attrs = {}} : (tensor<2x3x4xf32>, tensor<2xi64>) -> tensor<1x1x4xf32>
  return %y : tensor<1x1x4xf32>
}

// Everything reduced with keepdims: rank 0 expanded with no groups.
// CHECK-LABEL: func.func @sum_all(
// CHECK: linalg.generic {{.*}} iterator_types = ["reduction", "reduction"]
// CHECK-SAME: outs(%{{.*}} : tensor<f32>)
// CHECK: tensor.expand_shape %{{.*}} [] output_shape [1, 1] : tensor<f32> into tensor<1x1xf32>
func.func @sum_all(%x: tensor<2x3xf32>) -> tensor<1x1xf32> {
  %none = onnx.none
  %y = onnx.node "ReduceSum"(%x, %none) {domain = "", opset = 13 : i64, name = "sum", attrs = {}} : (tensor<2x3xf32>, none) -> tensor<1x1xf32>
  return %y : tensor<1x1xf32>
}

// f16 sums accumulate in f32 and round once at the end.
// CHECK-LABEL: func.func @sum_f16(
// CHECK: linalg.generic {{.*}} outs(%{{.*}} : tensor<2xf32>)
// CHECK: arith.extf %{{.*}} : f16 to f32
// CHECK: arith.addf %{{.*}}, %{{.*}} : f32
// CHECK: linalg.generic
// CHECK: arith.truncf %{{.*}} : f32 to f16
// CHECK: -> tensor<2xf16>
func.func @sum_f16(%x: tensor<2x8xf16>) -> tensor<2xf16> {
  %axes = arith.constant dense<1> : tensor<1xi64>
  %y = onnx.node "ReduceSum"(%x, %axes) {domain = "", opset = 13 : i64, name = "sum", attrs = {keepdims = 0 : i64}} : (tensor<2x8xf16>, tensor<1xi64>) -> tensor<2xf16>
  return %y : tensor<2xf16>
}

// Max starts from -inf (NaN-propagating maximumf); Min of signed ints from
// the largest value.
// CHECK-LABEL: func.func @max_min(
// CHECK: arith.constant 0xFF800000 : f32
// CHECK: arith.maximumf
// CHECK: arith.constant 127 : i8
// CHECK: arith.minsi
func.func @max_min(%x: tensor<3x4xf32>, %i: tensor<3x4xi8>) -> (tensor<3xf32>, tensor<4xi8>) {
  %a = onnx.node "ReduceMax"(%x) {domain = "", opset = 13 : i64, name = "max", attrs = {axes = array<i64: 1>, keepdims = 0 : i64}} : (tensor<3x4xf32>) -> tensor<3xf32>
  %b = onnx.node "ReduceMin"(%i) {domain = "", opset = 13 : i64, name = "min", attrs = {axes = array<i64: 0>, keepdims = 0 : i64}} : (tensor<3x4xi8>) -> tensor<4xi8>
  return %a, %b : tensor<3xf32>, tensor<4xi8>
}

// noop_with_empty_axes: no reduction iterator at all.
// CHECK-LABEL: func.func @l1_noop(
// CHECK: linalg.generic {{.*}} iterator_types = ["parallel", "parallel"]
// CHECK: math.absf
// CHECK-NOT: tensor.expand_shape
func.func @l1_noop(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %y = onnx.node "ReduceL1"(%x) {domain = "", opset = 18 : i64, name = "l1", attrs = {noop_with_empty_axes = 1 : i64}} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}

// LogSumExp: a max reduction, its finite part as shift, then
// log(sum(exp(x - shift))) + shift.
// CHECK-LABEL: func.func @log_sum_exp(
// CHECK: %[[MAX:.*]] = linalg.generic
// CHECK: arith.maximumf
// CHECK: %[[SHIFT:.*]] = linalg.generic {{.*}} ins(%[[MAX]] :
// CHECK: arith.select
// CHECK: %[[SUM:.*]] = linalg.generic {{.*}} ins(%{{.*}}, %[[SHIFT]] :
// CHECK: arith.subf
// CHECK: math.exp
// CHECK: linalg.generic {{.*}} ins(%[[SUM]], %[[SHIFT]] :
// CHECK: math.log
func.func @log_sum_exp(%x: tensor<2x3xf32>) -> tensor<2xf32> {
  %axes = arith.constant dense<1> : tensor<1xi64>
  %y = onnx.node "ReduceLogSumExp"(%x, %axes) {domain = "", opset = 18 : i64, name = "lse", attrs = {keepdims = 0 : i64}} : (tensor<2x3xf32>, tensor<1xi64>) -> tensor<2xf32>
  return %y : tensor<2xf32>
}

// ArgMax: values and int64 indices reduced together; linalg.index gives the
// position along the axis.
// CHECK-LABEL: func.func @argmax(
// CHECK: %[[R:.*]]:2 = linalg.generic {{.*}} iterator_types = ["parallel", "reduction"]
// CHECK-SAME: outs(%{{.*}}, %{{.*}} : tensor<2xf32>, tensor<2xi64>)
// CHECK: linalg.index 1 : index
// CHECK: arith.index_cast
// CHECK: tensor.expand_shape %[[R]]#1 {{\[\[}}0, 1]] output_shape [2, 1] : tensor<2xi64> into tensor<2x1xi64>
func.func @argmax(%x: tensor<2x3xf32>) -> tensor<2x1xi64> {
  %y = onnx.node "ArgMax"(%x) {domain = "", opset = 13 : i64, name = "argmax", attrs = {axis = -1 : i64}} : (tensor<2x3xf32>) -> tensor<2x1xi64>
  return %y : tensor<2x1xi64>
}

// CumSum: one pass along the axis with the running sum carried by scf.for.
// CHECK-LABEL: func.func @cumsum(
// CHECK: %[[C0:.*]] = arith.constant 0 : index
// CHECK: %[[C5:.*]] = arith.constant 5 : index
// CHECK: scf.for %[[I:.*]] = %[[C0]] to %[[C5]]
// CHECK: tensor.extract_slice %{{.*}}[0, %[[I]]] [2, 1] [1, 1] : tensor<2x5xi64> to tensor<2x1xi64>
// CHECK: arith.addi
// CHECK: tensor.insert_slice
func.func @cumsum(%x: tensor<2x5xi64>) -> tensor<2x5xi64> {
  %axis = arith.constant dense<1> : tensor<i32>
  %y = onnx.node "CumSum"(%x, %axis) {domain = "", opset = 14 : i64, name = "cumsum", attrs = {}} : (tensor<2x5xi64>, tensor<i32>) -> tensor<2x5xi64>
  return %y : tensor<2x5xi64>
}
