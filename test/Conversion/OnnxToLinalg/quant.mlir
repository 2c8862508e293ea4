// RUN: quench-opt %s --convert-onnx-to-linalg | FileCheck %s

// The IR each quantized-op lowering produces; the numbers are checked in
// quant-run-*.mlir.

// MatMulNBits keeps B's bytes: a collapse_shape (no copy) to one packed row
// per output, the block-wise encoding with its packing, then qnt.matmul. The
// packed 4-bit zero points are unpacked to one i8 per block.
// CHECK-LABEL: func.func @matmulnbits_4bit
// CHECK-SAME: (%[[A:.*]]: tensor<2x32xf32>, %[[B:.*]]: tensor<3x2x8xi8>, %[[S:.*]]: tensor<6xf32>, %[[Z:.*]]: tensor<3xi8>, %[[BIAS:.*]]: tensor<3xf32>)
// CHECK-DAG: %[[CODES:.*]] = tensor.collapse_shape %[[B]] {{\[}}[0], [1, 2]] : tensor<3x2x8xi8> into tensor<3x16xi8>
// CHECK-DAG: %[[SCALES:.*]] = tensor.expand_shape %[[S]] {{\[}}[0, 1]] output_shape [3, 2] : tensor<6xf32> into tensor<3x2xf32>
// CHECK-DAG: %[[ZBYTES:.*]] = tensor.expand_shape %[[Z]] {{\[}}[0, 1]] output_shape [3, 1] : tensor<3xi8> into tensor<3x1xi8>
// CHECK: %[[ZP:.*]] = linalg.generic {{.*}} outs(%{{.*}} : tensor<3x2xi8>)
// CHECK:   tensor.extract %[[ZBYTES]]
// CHECK:   arith.shrui
// CHECK: %[[W:.*]] = qnt.uniform %[[CODES]] scales(%[[SCALES]]) zero_points(%[[ZP]]) : (tensor<3x16xi8>, tensor<3x2xf32>, tensor<3x2xi8>) -> !qnt.qtensor<3x32xf32, #qnt.uniform<bits = 4, signedness = unsigned, block = [1, 16], zero_point = true, packing = <bits = 4>>>
// CHECK: %[[Y:.*]] = qnt.matmul %[[A]], %[[W]] bias(%[[BIAS]])
// CHECK-SAME: -> tensor<2x3xf32>
// CHECK: return %[[Y]]
func.func @matmulnbits_4bit(%a: tensor<2x32xf32>, %b: tensor<3x2x8xui8>, %s: tensor<6xf32>, %z: tensor<3xui8>, %bias: tensor<3xf32>) -> tensor<2x3xf32> {
  %none = onnx.none
  %y = onnx.node "MatMulNBits"(%a, %b, %s, %z, %none, %bias) {domain = "com.microsoft", opset = 1 : i64, name = "mm", attrs = {K = 32 : i64, N = 3 : i64, bits = 4 : i64, block_size = 16 : i64, accuracy_level = 4 : i64}} : (tensor<2x32xf32>, tensor<3x2x8xui8>, tensor<6xf32>, tensor<3xui8>, none, tensor<3xf32>) -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}

// K = 20 with blocks of 16: the weight is [N, 32] and A and g_idx are padded
// with zeros to K = 32. Without zero points, 2^(bits-1) = 4 is implied.
// CHECK-LABEL: func.func @matmulnbits_padded
// CHECK-SAME: (%[[A:.*]]: tensor<1x4x20xf16>, %[[B:.*]]: tensor<2x2x6xi8>, %[[S:.*]]: tensor<2x2xf16>, %[[G:.*]]: tensor<20xi32>)
// CHECK-DAG: %[[CODES:.*]] = tensor.collapse_shape %[[B]] {{\[}}[0], [1, 2]] : tensor<2x2x6xi8> into tensor<2x12xi8>
// CHECK-DAG: %[[ZP:.*]] = arith.constant dense<4> : tensor<2x2xi8>
// CHECK-DAG: %[[GPAD:.*]] = tensor.insert_slice %[[G]] into %{{.*}}[0] [20] [1] : tensor<20xi32> into tensor<32xi32>
// CHECK: %[[W:.*]] = qnt.uniform %[[CODES]] scales(%[[S]]) zero_points(%[[ZP]]) group_index(%[[GPAD]]) {{.*}} -> !qnt.qtensor<2x32xf16, #qnt.uniform<bits = 3, signedness = unsigned, block = [1, 16], zero_point = true, packing = <bits = 3>>>
// CHECK: %[[APAD:.*]] = tensor.insert_slice %[[A]] into %{{.*}}[0, 0, 0] [1, 4, 20] [1, 1, 1] : tensor<1x4x20xf16> into tensor<1x4x32xf16>
// CHECK: qnt.matmul %[[APAD]], %[[W]] : {{.*}} -> tensor<1x4x2xf16>
func.func @matmulnbits_padded(%a: tensor<1x4x20xf16>, %b: tensor<2x2x6xui8>, %s: tensor<2x2xf16>, %g: tensor<20xi32>) -> tensor<1x4x2xf16> {
  %none = onnx.none
  %y = onnx.node "MatMulNBits"(%a, %b, %s, %none, %g) {domain = "com.microsoft", opset = 1 : i64, name = "mm", attrs = {K = 20 : i64, N = 2 : i64, bits = 3 : i64, block_size = 16 : i64}} : (tensor<1x4x20xf16>, tensor<2x2x6xui8>, tensor<2x2xf16>, none, tensor<20xi32>) -> tensor<1x4x2xf16>
  return %y : tensor<1x4x2xf16>
}

// Per-axis scales become one dimension per tensor dimension: [3] -> [1, 3]
// with block [2, 1]. uint8 is an unsigned encoding over the signless codes.
// CHECK-LABEL: func.func @dequantize_per_axis
// CHECK-DAG: %[[S:.*]] = tensor.expand_shape %arg1 {{\[}}[0, 1]] output_shape [1, 3] : tensor<3xf32> into tensor<1x3xf32>
// CHECK-DAG: %[[Z:.*]] = tensor.expand_shape %arg2 {{\[}}[0, 1]] output_shape [1, 3] : tensor<3xi8> into tensor<1x3xi8>
// CHECK: %[[Q:.*]] = qnt.uniform %arg0 scales(%[[S]]) zero_points(%[[Z]]) {{.*}} -> !qnt.qtensor<2x3xf32, #qnt.uniform<bits = 8, signedness = unsigned, block = [2, 1], zero_point = true>>
// CHECK: qnt.dequantize %[[Q]] {{.*}} -> tensor<2x3xf32>
func.func @dequantize_per_axis(%x: tensor<2x3xui8>, %s: tensor<3xf32>, %z: tensor<3xui8>) -> tensor<2x3xf32> {
  %y = onnx.node "DequantizeLinear"(%x, %s, %z) {domain = "", opset = 13 : i64, name = "dq", attrs = {}} : (tensor<2x3xui8>, tensor<3xf32>, tensor<3xui8>) -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}

// Blocks of 2 over 5 columns: the codes are padded to 6 and the result sliced.
// CHECK-LABEL: func.func @dequantize_blocked_int4
// CHECK: %[[PAD:.*]] = tensor.insert_slice %arg0 into %{{.*}}[0, 0] [2, 5] [1, 1] : tensor<2x5xi4> into tensor<2x6xi4>
// CHECK: %[[Q:.*]] = qnt.uniform %[[PAD]] scales(%arg1) : (tensor<2x6xi4>, tensor<2x3xf16>) -> !qnt.qtensor<2x6xf16, #qnt.uniform<bits = 4, block = [1, 2]>>
// CHECK: %[[F:.*]] = qnt.dequantize %[[Q]]
// CHECK: tensor.extract_slice %[[F]][0, 0] [2, 5] [1, 1] : tensor<2x6xf16> to tensor<2x5xf16>
func.func @dequantize_blocked_int4(%x: tensor<2x5xi4>, %s: tensor<2x3xf16>) -> tensor<2x5xf16> {
  %y = onnx.node "DequantizeLinear"(%x, %s) {domain = "", opset = 21 : i64, name = "dq", attrs = {axis = 1 : i64, block_size = 2 : i64}} : (tensor<2x5xi4>, tensor<2x3xf16>) -> tensor<2x5xf16>
  return %y : tensor<2x5xf16>
}

// CHECK-LABEL: func.func @dequantize_fp8
// CHECK: %[[Q:.*]] = qnt.fp8 %arg0 scales(%{{.*}}) : (tensor<4x8xf8E4M3FN>, tensor<4x1xf32>) -> !qnt.qtensor<4x8xf32, #qnt.fp8<block = [1, 8]>>
// CHECK: qnt.dequantize %[[Q]]
func.func @dequantize_fp8(%x: tensor<4x8xf8E4M3FN>, %s: tensor<4xf32>) -> tensor<4x8xf32> {
  %y = onnx.node "DequantizeLinear"(%x, %s) {domain = "", opset = 19 : i64, name = "dq", attrs = {axis = 0 : i64}} : (tensor<4x8xf8E4M3FN>, tensor<4xf32>) -> tensor<4x8xf32>
  return %y : tensor<4x8xf32>
}

// 16-bit codes have no qnt encoding: (x - z) * s directly, in f32.
// CHECK-LABEL: func.func @dequantize_int16
// CHECK-NOT: qnt.
// CHECK: linalg.generic {{.*}} ins(%arg0 : tensor<4xi16>) outs(%{{.*}} : tensor<4xf32>)
// CHECK:   arith.sitofp %{{.*}} : i16 to f32
// CHECK:   arith.subf
// CHECK:   arith.mulf
func.func @dequantize_int16(%x: tensor<4xi16>, %s: tensor<f32>, %z: tensor<i16>) -> tensor<4xf32> {
  %y = onnx.node "DequantizeLinear"(%x, %s, %z) {domain = "", opset = 21 : i64, name = "dq", attrs = {}} : (tensor<4xi16>, tensor<f32>, tensor<i16>) -> tensor<4xf32>
  return %y : tensor<4xf32>
}

// CHECK-LABEL: func.func @quantize_per_tensor
// CHECK: qnt.quantize %arg0 scales(%{{.*}}) zero_points(%{{.*}}) {encoding = #qnt.uniform<bits = 8, signedness = unsigned, block = [6], zero_point = true>} : (tensor<6xf32>, tensor<1xf32>, tensor<1xi8>) -> tensor<6xi8>
func.func @quantize_per_tensor(%x: tensor<6xf32>, %s: tensor<f32>, %z: tensor<ui8>) -> tensor<6xui8> {
  %y = onnx.node "QuantizeLinear"(%x, %s, %z) {domain = "", opset = 13 : i64, name = "q", attrs = {}} : (tensor<6xf32>, tensor<f32>, tensor<ui8>) -> tensor<6xui8>
  return %y : tensor<6xui8>
}

// output_dtype = int4 without a zero point; blocks of 4 over 6 columns.
// CHECK-LABEL: func.func @quantize_blocked_int4
// CHECK: %[[PAD:.*]] = tensor.insert_slice %arg0 into %{{.*}}[0, 0] [2, 6] [1, 1] : tensor<2x6xf32> into tensor<2x8xf32>
// CHECK: %[[Q:.*]] = qnt.quantize %[[PAD]] scales(%arg1) {encoding = #qnt.uniform<bits = 4, block = [1, 4]>} : (tensor<2x8xf32>, tensor<2x2xf32>) -> tensor<2x8xi4>
// CHECK: tensor.extract_slice %[[Q]][0, 0] [2, 6] [1, 1] : tensor<2x8xi4> to tensor<2x6xi4>
func.func @quantize_blocked_int4(%x: tensor<2x6xf32>, %s: tensor<2x2xf32>) -> tensor<2x6xi4> {
  %y = onnx.node "QuantizeLinear"(%x, %s) {domain = "", opset = 21 : i64, name = "q", attrs = {axis = 1 : i64, block_size = 4 : i64, output_dtype = 22 : i64}} : (tensor<2x6xf32>, tensor<2x2xf32>) -> tensor<2x6xi4>
  return %y : tensor<2x6xi4>
}

// One reduction yields min(0, min x) and max(0, max x); the scale and zero
// point are rank-0 tensors, and qnt.quantize rounds x per tensor.
// CHECK-LABEL: func.func @dynamic_quantize
// CHECK: %[[RANGE:.*]]:2 = linalg.generic {{.*}}iterator_types = ["reduction", "reduction"]{{.*}} ins(%arg0 : tensor<3x4xf32>) outs(%{{.*}}, %{{.*}} : tensor<f32>, tensor<f32>)
// CHECK:   arith.minimumf
// CHECK:   arith.maximumf
// CHECK: %[[SCALE:.*]] = linalg.generic {{.*}} ins(%[[RANGE]]#0, %[[RANGE]]#1 : tensor<f32>, tensor<f32>) outs(%{{.*}} : tensor<f32>)
// CHECK: %[[ZP:.*]] = linalg.generic {{.*}} ins(%[[RANGE]]#0, %[[SCALE]] : tensor<f32>, tensor<f32>) outs(%{{.*}} : tensor<i8>)
// CHECK-DAG: %[[Z11:.*]] = tensor.expand_shape %[[ZP]] [] output_shape [1, 1] : tensor<i8> into tensor<1x1xi8>
// CHECK-DAG: %[[S11:.*]] = tensor.expand_shape %[[SCALE]] [] output_shape [1, 1] : tensor<f32> into tensor<1x1xf32>
// CHECK: %[[Y:.*]] = qnt.quantize %arg0 scales(%[[S11]]) zero_points(%[[Z11]]) {encoding = #qnt.uniform<bits = 8, signedness = unsigned, block = [3, 4], zero_point = true>}
// CHECK: return %[[Y]], %[[SCALE]], %[[ZP]] : tensor<3x4xi8>, tensor<f32>, tensor<i8>
func.func @dynamic_quantize(%x: tensor<3x4xf32>) -> (tensor<3x4xui8>, tensor<f32>, tensor<ui8>) {
  %y:3 = onnx.node "DynamicQuantizeLinear"(%x) {domain = "", opset = 11 : i64, name = "dq", attrs = {}} : (tensor<3x4xf32>) -> (tensor<3x4xui8>, tensor<f32>, tensor<ui8>)
  return %y#0, %y#1, %y#2 : tensor<3x4xui8>, tensor<f32>, tensor<ui8>
}

// Exact integer arithmetic: both operands widened to i32 (uint8 with extui,
// int8 with extsi), the per-row zero point subtracted, an i32 contraction.
// CHECK-LABEL: func.func @matmul_integer
// CHECK: %[[ZA:.*]] = tensor.expand_shape %arg2 {{\[}}[0, 1]] output_shape [3, 1] : tensor<3xi8> into tensor<3x1xi8>
// CHECK: %[[A:.*]] = linalg.generic {{.*}} ins(%arg0, %[[ZA]] : tensor<3x4xi8>, tensor<3x1xi8>) outs(%{{.*}} : tensor<3x4xi32>)
// CHECK:   arith.extui
// CHECK:   arith.extui
// CHECK:   arith.subi
// CHECK: %[[B:.*]] = linalg.generic {{.*}} ins(%arg1 : tensor<4x2xi8>) outs(%{{.*}} : tensor<4x2xi32>)
// CHECK:   arith.extsi
// CHECK: linalg.generic {{.*}}iterator_types = ["parallel", "parallel", "reduction"]{{.*}} ins(%[[A]], %[[B]] : tensor<3x4xi32>, tensor<4x2xi32>) outs(%{{.*}} : tensor<3x2xi32>)
// CHECK:   arith.muli
// CHECK:   arith.addi
func.func @matmul_integer(%a: tensor<3x4xui8>, %b: tensor<4x2xi8>, %za: tensor<3xui8>) -> tensor<3x2xi32> {
  %none = onnx.none
  %y = onnx.node "MatMulInteger"(%a, %b, %za, %none) {domain = "", opset = 10 : i64, name = "mmi", attrs = {}} : (tensor<3x4xui8>, tensor<4x2xi8>, tensor<3xui8>, none) -> tensor<3x2xi32>
  return %y : tensor<3x2xi32>
}
