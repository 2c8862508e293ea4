// RUN: quench-opt %s --convert-onnx-to-linalg | FileCheck %s

// Indexing maps of the generics below (printed first).
// CHECK-DAG: #[[REV:.*]] = affine_map<(d0, d1) -> (-d0 + 2, d1)>
// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[IDX:.*]] = affine_map<(d0, d1, d2) -> (d0, d1)>
// CHECK-DAG: #[[B:.*]] = affine_map<(d0, d1, d2) -> (d1, 0)>
// CHECK-DAG: #[[T:.*]] = affine_map<(d0, d1, d2, d3) -> (d1, d3)>

// Reshapes that only merge or split dimensions are collapse/expand_shape.
// CHECK-LABEL: func.func @reshape_regroups
// CHECK: %[[C:.*]] = tensor.collapse_shape %arg0 {{\[}}[0, 1], [2]] : tensor<2x3x4xf32> into tensor<6x4xf32>
// CHECK: %[[E:.*]] = tensor.expand_shape %[[C]] {{\[}}[0], [1, 2]] output_shape [6, 2, 2]
// CHECK: return %[[E]]
func.func @reshape_regroups(%x: tensor<2x3x4xf32>) -> tensor<6x2x2xf32> {
  %s0 = arith.constant dense<[-1, 4]> : tensor<2xi64>
  %0 = onnx.node "Reshape"(%x, %s0) {domain = "", opset = 17 : i64, name = "r0", attrs = {}} : (tensor<2x3x4xf32>, tensor<2xi64>) -> tensor<6x4xf32>
  %s1 = arith.constant dense<[0, 2, 2]> : tensor<3xi64>
  %1 = onnx.node "Reshape"(%0, %s1) {domain = "", opset = 17 : i64, name = "r1", attrs = {}} : (tensor<6x4xf32>, tensor<3xi64>) -> tensor<6x2x2xf32>
  return %1 : tensor<6x2x2xf32>
}

// Other reshapes use tensor.reshape with a constant shape.
// CHECK-LABEL: func.func @reshape_general
// CHECK: tensor.reshape %arg0(%{{.*}}) : (tensor<2x3x4xf32>, tensor<2xi64>) -> tensor<4x6xf32>
func.func @reshape_general(%x: tensor<2x3x4xf32>) -> tensor<4x6xf32> {
  %s = arith.constant dense<[4, 6]> : tensor<2xi64>
  %0 = onnx.node "Reshape"(%x, %s) {domain = "", opset = 17 : i64, name = "r", attrs = {}} : (tensor<2x3x4xf32>, tensor<2xi64>) -> tensor<4x6xf32>
  return %0 : tensor<4x6xf32>
}

// Reshape-14 allowzero: 0 is a size; no data, so an empty tensor.
// CHECK-LABEL: func.func @reshape_allowzero
// CHECK: %[[E:.*]] = tensor.empty() : tensor<4x0xf32>
// CHECK: return %[[E]]
func.func @reshape_allowzero(%x: tensor<0x4xf32>) -> tensor<4x0xf32> {
  %s = arith.constant dense<[4, 0]> : tensor<2xi64>
  %0 = onnx.node "Reshape"(%x, %s) {domain = "", opset = 14 : i64, name = "r", attrs = {allowzero = 1 : i64}} : (tensor<0x4xf32>, tensor<2xi64>) -> tensor<4x0xf32>
  return %0 : tensor<4x0xf32>
}

// CHECK-LABEL: func.func @transpose
// CHECK: %[[I:.*]] = tensor.empty() : tensor<4x2x3xf32>
// CHECK: linalg.transpose ins(%arg0 : tensor<2x3x4xf32>) outs(%[[I]] : tensor<4x2x3xf32>) permutation = [2, 0, 1]
func.func @transpose(%x: tensor<2x3x4xf32>) -> tensor<4x2x3xf32> {
  %0 = onnx.node "Transpose"(%x) {domain = "", opset = 13 : i64, name = "t", attrs = {perm = array<i64: 2, 0, 1>}} : (tensor<2x3x4xf32>) -> tensor<4x2x3xf32>
  return %0 : tensor<4x2x3xf32>
}

// Unsqueeze/Squeeze regroup unit dimensions; squeezing to a scalar uses the
// empty reassociation.
// CHECK-LABEL: func.func @unsqueeze_squeeze
// CHECK: tensor.expand_shape %arg0 {{\[}}[0, 1], [2, 3]] output_shape [1, 2, 3, 1] : tensor<2x3xf32> into tensor<1x2x3x1xf32>
// CHECK: tensor.collapse_shape %arg1 [] : tensor<1x1xf32> into tensor<f32>
func.func @unsqueeze_squeeze(%x: tensor<2x3xf32>, %y: tensor<1x1xf32>) -> (tensor<1x2x3x1xf32>, tensor<f32>) {
  %axes = arith.constant dense<[0, 3]> : tensor<2xi64>
  %0 = onnx.node "Unsqueeze"(%x, %axes) {domain = "", opset = 13 : i64, name = "u", attrs = {}} : (tensor<2x3xf32>, tensor<2xi64>) -> tensor<1x2x3x1xf32>
  %1 = onnx.node "Squeeze"(%y) {domain = "", opset = 11 : i64, name = "s", attrs = {}} : (tensor<1x1xf32>) -> tensor<f32>
  return %0, %1 : tensor<1x2x3x1xf32>, tensor<f32>
}

// Empty inputs take no part in a Concat.
// CHECK-LABEL: func.func @concat
// CHECK: tensor.concat dim(1) %arg0, %arg1 : (tensor<2x3xf32>, tensor<2x1xf32>) -> tensor<2x4xf32>
func.func @concat(%a: tensor<2x3xf32>, %b: tensor<2x1xf32>, %c: tensor<2x0xf32>) -> tensor<2x4xf32> {
  %0 = onnx.node "Concat"(%a, %c, %b) {domain = "", opset = 13 : i64, name = "c", attrs = {axis = -1 : i64}} : (tensor<2x3xf32>, tensor<2x0xf32>, tensor<2x1xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// CHECK-LABEL: func.func @split
// CHECK: tensor.extract_slice %arg0[0, 0] [1, 6] [1, 1] : tensor<4x6xf32> to tensor<1x6xf32>
// CHECK: tensor.extract_slice %arg0[1, 0] [3, 6] [1, 1] : tensor<4x6xf32> to tensor<3x6xf32>
func.func @split(%x: tensor<4x6xf32>) -> (tensor<1x6xf32>, tensor<3x6xf32>) {
  %s = arith.constant dense<[1, 3]> : tensor<2xi64>
  %0:2 = onnx.node "Split"(%x, %s) {domain = "", opset = 13 : i64, name = "s", attrs = {}} : (tensor<4x6xf32>, tensor<2xi64>) -> (tensor<1x6xf32>, tensor<3x6xf32>)
  return %0#0, %0#1 : tensor<1x6xf32>, tensor<3x6xf32>
}

// A negative step: the strided slice in increasing order, then a reversal.
// CHECK-LABEL: func.func @slice_negative_step
// CHECK: %[[S:.*]] = tensor.extract_slice %arg0[1, 1] [3, 2] [2, 2] : tensor<8x5xf32> to tensor<3x2xf32>
// CHECK: linalg.generic {indexing_maps = [#[[REV]], #[[ID]]], {{.*}}} ins(%[[S]] : tensor<3x2xf32>)
func.func @slice_negative_step(%x: tensor<8x5xf32>) -> tensor<3x2xf32> {
  %starts = arith.constant dense<[5, 1]> : tensor<2xi64>
  %ends = arith.constant dense<[0, 5]> : tensor<2xi64>
  %axes = arith.constant dense<[0, 1]> : tensor<2xi64>
  %steps = arith.constant dense<[-2, 2]> : tensor<2xi64>
  %0 = onnx.node "Slice"(%x, %starts, %ends, %axes, %steps) {domain = "", opset = 13 : i64, name = "s", attrs = {}} : (tensor<8x5xf32>, tensor<2xi64>, tensor<2xi64>, tensor<2xi64>, tensor<2xi64>) -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}

// Gather reads its indices in a generic and extracts from the data; negative
// indices wrap, out-of-range ones are clamped.
// CHECK-LABEL: func.func @gather_embedding
// CHECK: linalg.generic {indexing_maps = [#[[IDX]], {{.*}}]{{.*}} ins(%arg1 : tensor<1x5xi64>)
// CHECK: ^bb0(%[[I:.*]]: i64, %{{.*}}: f32):
// CHECK: %[[D2:.*]] = linalg.index 2 : index
// CHECK: %[[C:.*]] = arith.index_cast %[[I]] : i64 to index
// CHECK: arith.cmpi slt, %[[C]]
// CHECK: arith.select
// CHECK: arith.maxsi
// CHECK: %[[K:.*]] = arith.minsi
// CHECK: tensor.extract %arg0[%[[K]], %[[D2]]] : tensor<100x8xf32>
func.func @gather_embedding(%table: tensor<100x8xf32>, %ids: tensor<1x5xi64>) -> tensor<1x5x8xf32> {
  %0 = onnx.node "Gather"(%table, %ids) {domain = "", opset = 13 : i64, name = "g", attrs = {}} : (tensor<100x8xf32>, tensor<1x5xi64>) -> tensor<1x5x8xf32>
  return %0 : tensor<1x5x8xf32>
}

// A constant scalar index is a slice.
// CHECK-LABEL: func.func @gather_scalar
// CHECK: %[[S:.*]] = tensor.extract_slice %arg0[0, 4, 0] [2, 1, 8] [1, 1, 1] : tensor<2x5x8xf32> to tensor<2x1x8xf32>
// CHECK: tensor.collapse_shape %[[S]] {{\[}}[0], [1, 2]] : tensor<2x1x8xf32> into tensor<2x8xf32>
func.func @gather_scalar(%x: tensor<2x5x8xf32>) -> tensor<2x8xf32> {
  %i = arith.constant dense<-1> : tensor<i64>
  %0 = onnx.node "Gather"(%x, %i) {domain = "", opset = 13 : i64, name = "g", attrs = {axis = 1 : i64}} : (tensor<2x5x8xf32>, tensor<i64>) -> tensor<2x8xf32>
  return %0 : tensor<2x8xf32>
}

// CHECK-LABEL: func.func @gather_nd
// CHECK: linalg.generic
// CHECK-COUNT-2: tensor.extract %arg1
// CHECK: tensor.extract %arg0
func.func @gather_nd(%x: tensor<2x3x4xf32>, %i: tensor<5x2xi64>) -> tensor<5x4xf32> {
  %0 = onnx.node "GatherND"(%x, %i) {domain = "", opset = 13 : i64, name = "g", attrs = {}} : (tensor<2x3x4xf32>, tensor<5x2xi64>) -> tensor<5x4xf32>
  return %0 : tensor<5x4xf32>
}

// CHECK-LABEL: func.func @gather_elements
// CHECK: linalg.generic {{.*}} ins(%arg1 : tensor<2x3xi32>)
// CHECK: tensor.extract %arg0
func.func @gather_elements(%x: tensor<4x3xf32>, %i: tensor<2x3xi32>) -> tensor<2x3xf32> {
  %0 = onnx.node "GatherElements"(%x, %i) {domain = "", opset = 13 : i64, name = "g", attrs = {}} : (tensor<4x3xf32>, tensor<2x3xi32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// Expand is a broadcasting generic.
// CHECK-LABEL: func.func @expand
// CHECK: linalg.generic {indexing_maps = [#[[B]], {{.*}}]{{.*}} ins(%arg0 : tensor<3x1xf32>) outs(%{{.*}} : tensor<2x3x4xf32>)
func.func @expand(%x: tensor<3x1xf32>) -> tensor<2x3x4xf32> {
  %s = arith.constant dense<[2, 1, 4]> : tensor<3xi64>
  %0 = onnx.node "Expand"(%x, %s) {domain = "", opset = 13 : i64, name = "e", attrs = {}} : (tensor<3x1xf32>, tensor<3xi64>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// Tile broadcasts to [r0, d0, r1, d1] and merges the pairs.
// CHECK-LABEL: func.func @tile
// CHECK: %[[G:.*]] = linalg.generic {indexing_maps = [#[[T]], {{.*}}]{{.*}} outs(%{{.*}} : tensor<2x2x3x3xf32>)
// CHECK: tensor.collapse_shape %[[G]] {{\[}}[0, 1], [2, 3]] : tensor<2x2x3x3xf32> into tensor<4x9xf32>
func.func @tile(%x: tensor<2x3xf32>) -> tensor<4x9xf32> {
  %r = arith.constant dense<[2, 3]> : tensor<2xi64>
  %0 = onnx.node "Tile"(%x, %r) {domain = "", opset = 13 : i64, name = "t", attrs = {}} : (tensor<2x3xf32>, tensor<2xi64>) -> tensor<4x9xf32>
  return %0 : tensor<4x9xf32>
}

// ConstantOfShape too large to fold is a fill.
// CHECK-LABEL: func.func @constant_of_shape
// CHECK: %[[V:.*]] = arith.constant 1.000000e+00 : f16
// CHECK: linalg.fill ins(%[[V]] : f16) outs(%{{.*}} : tensor<512x512xf16>)
func.func @constant_of_shape() -> tensor<512x512xf16> {
  %s = arith.constant dense<[512, 512]> : tensor<2xi64>
  %0 = onnx.node "ConstantOfShape"(%s) {domain = "", opset = 17 : i64, name = "c", attrs = {value = dense<1.0> : tensor<1xf16>}} : (tensor<2xi64>) -> tensor<512x512xf16>
  return %0 : tensor<512x512xf16>
}

// Pad in constant mode is tensor.pad; the other modes gather with index
// arithmetic.
// CHECK-LABEL: func.func @pad
// CHECK: %[[Z:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: tensor.pad %arg0 low[1, 0] high[0, 2]
// CHECK: tensor.yield %[[Z]] : f32
// CHECK: linalg.generic
// CHECK: arith.remsi
// CHECK: tensor.extract %arg0
func.func @pad(%x: tensor<2x3xf32>) -> (tensor<3x5xf32>, tensor<3x5xf32>) {
  %p = arith.constant dense<[1, 0, 0, 2]> : tensor<4xi64>
  %0 = onnx.node "Pad"(%x, %p) {domain = "", opset = 13 : i64, name = "p0", attrs = {}} : (tensor<2x3xf32>, tensor<4xi64>) -> tensor<3x5xf32>
  %1 = onnx.node "Pad"(%x, %p) {domain = "", opset = 13 : i64, name = "p1", attrs = {mode = "reflect"}} : (tensor<2x3xf32>, tensor<4xi64>) -> tensor<3x5xf32>
  return %0, %1 : tensor<3x5xf32>, tensor<3x5xf32>
}

// CHECK-LABEL: func.func @trilu
// CHECK: linalg.generic
// CHECK: linalg.index 0
// CHECK: linalg.index 1
// CHECK: arith.cmpi sle
// CHECK: arith.select
func.func @trilu(%x: tensor<3x3xf32>) -> tensor<3x3xf32> {
  %0 = onnx.node "Trilu"(%x) {domain = "", opset = 14 : i64, name = "t", attrs = {upper = 0 : i64}} : (tensor<3x3xf32>) -> tensor<3x3xf32>
  return %0 : tensor<3x3xf32>
}

// CHECK-LABEL: func.func @flatten
// CHECK: tensor.collapse_shape %arg0 {{\[}}[0, 1], [2, 3]] : tensor<2x3x4x5xf32> into tensor<6x20xf32>
func.func @flatten(%x: tensor<2x3x4x5xf32>) -> tensor<6x20xf32> {
  %0 = onnx.node "Flatten"(%x) {domain = "", opset = 13 : i64, name = "f", attrs = {axis = 2 : i64}} : (tensor<2x3x4x5xf32>) -> tensor<6x20xf32>
  return %0 : tensor<6x20xf32>
}

// Inference Dropout is the identity; an unused mask is not computed.
// CHECK-LABEL: func.func @dropout
// CHECK-NEXT: return %arg0
func.func @dropout(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0:2 = onnx.node "Dropout"(%x) {domain = "", opset = 13 : i64, name = "d", attrs = {}} : (tensor<2x3xf32>) -> (tensor<2x3xf32>, tensor<2x3xi1>)
  return %0#0 : tensor<2x3xf32>
}

// ScatterND loops over the index tuples, inserting slices.
// CHECK-LABEL: func.func @scatter_nd
// CHECK: scf.for {{.*}} iter_args(%[[ACC:.*]] = %arg0) -> (tensor<4x3xf32>)
// CHECK: tensor.extract %arg1
// CHECK: tensor.extract_slice %arg2
// CHECK: tensor.insert_slice {{.*}} into %[[ACC]]
func.func @scatter_nd(%x: tensor<4x3xf32>, %i: tensor<2x1xi64>, %u: tensor<2x3xf32>) -> tensor<4x3xf32> {
  %0 = onnx.node "ScatterND"(%x, %i, %u) {domain = "", opset = 13 : i64, name = "s", attrs = {}} : (tensor<4x3xf32>, tensor<2x1xi64>, tensor<2x3xf32>) -> tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}

// Data movement keeps unsigned data unsigned: the Div after it divides
// unsigned.
// CHECK-LABEL: func.func @unsigned_data
// CHECK: tensor.concat
// CHECK: arith.divui
func.func @unsigned_data(%a: tensor<2xui8>, %b: tensor<2xui8>) -> tensor<4xui8> {
  %0 = onnx.node "Concat"(%a, %b) {domain = "", opset = 13 : i64, name = "c", attrs = {axis = 0 : i64}} : (tensor<2xui8>, tensor<2xui8>) -> tensor<4xui8>
  %1 = onnx.node "Div"(%0, %0) {domain = "", opset = 13 : i64, name = "d", attrs = {}} : (tensor<4xui8>, tensor<4xui8>) -> tensor<4xui8>
  return %1 : tensor<4xui8>
}
