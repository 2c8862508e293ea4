// RUN: quench-opt %s --convert-onnx-to-linalg -split-input-file -verify-diagnostics

// Every diagnostic of the quantized-op lowerings (Quant.cpp).

//===----------------------------------------------------------------------===//
// DequantizeLinear
//===----------------------------------------------------------------------===//

func.func @dq_half_scale_before_19(%x: tensor<4xi8>, %s: tensor<f16>) -> tensor<4xf16> {
  // expected-error@+1 {{ONNX node 'dq' (DequantizeLinear-13): x_scale must be float, got f16}}
  %y = onnx.node "DequantizeLinear"(%x, %s) {domain = "", opset = 13 : i64, name = "dq", attrs = {}} : (tensor<4xi8>, tensor<f16>) -> tensor<4xf16>
  return %y : tensor<4xf16>
}

// -----

func.func @dq_output_dtype(%x: tensor<4xi8>, %s: tensor<f32>) -> tensor<4xf32> {
  // expected-error@+1 {{output_dtype 7 is not a float type (1, 10 or 16)}}
  %y = onnx.node "DequantizeLinear"(%x, %s) {domain = "", opset = 23 : i64, name = "dq", attrs = {output_dtype = 7 : i64}} : (tensor<4xi8>, tensor<f32>) -> tensor<4xf32>
  return %y : tensor<4xf32>
}

// -----

func.func @dq_fnuz(%x: tensor<4xf8E4M3FNUZ>, %s: tensor<f32>) -> tensor<4xf32> {
  // expected-error@+1 {{x of type f8E4M3FNUZ is not supported (float8 FNUZ formats have no qnt encoding); use float8e4m3fn or float8e5m2}}
  %y = onnx.node "DequantizeLinear"(%x, %s) {domain = "", opset = 19 : i64, name = "dq", attrs = {}} : (tensor<4xf8E4M3FNUZ>, tensor<f32>) -> tensor<4xf32>
  return %y : tensor<4xf32>
}

// -----

func.func @dq_int4_before_21(%x: tensor<4xi4>, %s: tensor<f32>) -> tensor<4xf32> {
  // expected-error@+1 {{x of type int4 cannot be dequantized in opset 19}}
  %y = onnx.node "DequantizeLinear"(%x, %s) {domain = "", opset = 19 : i64, name = "dq", attrs = {}} : (tensor<4xi4>, tensor<f32>) -> tensor<4xf32>
  return %y : tensor<4xf32>
}

// -----

func.func @dq_uint32(%x: tensor<4xui32>, %s: tensor<f32>) -> tensor<4xf32> {
  // expected-error@+1 {{x of type uint32 cannot be dequantized in opset 21}}
  %y = onnx.node "DequantizeLinear"(%x, %s) {domain = "", opset = 21 : i64, name = "dq", attrs = {}} : (tensor<4xui32>, tensor<f32>) -> tensor<4xf32>
  return %y : tensor<4xf32>
}

// -----

func.func @dq_zero_point_type(%x: tensor<4xui8>, %s: tensor<f32>, %z: tensor<i8>) -> tensor<4xf32> {
  // expected-error@+1 {{x_zero_point must have x's type uint8, got int8}}
  %y = onnx.node "DequantizeLinear"(%x, %s, %z) {domain = "", opset = 13 : i64, name = "dq", attrs = {}} : (tensor<4xui8>, tensor<f32>, tensor<i8>) -> tensor<4xf32>
  return %y : tensor<4xf32>
}

// -----

func.func @dq_fp8_zero_point(%x: tensor<4xf8E4M3FN>, %s: tensor<f32>) -> tensor<4xf32> {
  %z = arith.constant dense<1.0> : tensor<f8E4M3FN>
  // expected-error@+1 {{x_zero_point must be 0 for float8 and float4 inputs}}
  %y = onnx.node "DequantizeLinear"(%x, %s, %z) {domain = "", opset = 19 : i64, name = "dq", attrs = {}} : (tensor<4xf8E4M3FN>, tensor<f32>, tensor<f8E4M3FN>) -> tensor<4xf32>
  return %y : tensor<4xf32>
}

// -----

func.func @dq_zero_point_shape(%x: tensor<2x3xi8>, %s: tensor<3xf32>, %z: tensor<2xi8>) -> tensor<2x3xf32> {
  // expected-error@+1 {{the zero point must have the scale's shape 'tensor<3xf32>', got 'tensor<2xi8>'}}
  %y = onnx.node "DequantizeLinear"(%x, %s, %z) {domain = "", opset = 13 : i64, name = "dq", attrs = {}} : (tensor<2x3xi8>, tensor<3xf32>, tensor<2xi8>) -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}

// -----

func.func @dq_negative_block(%x: tensor<2x4xi8>, %s: tensor<2x2xf32>) -> tensor<2x4xf32> {
  // expected-error@+1 {{block_size must be >= 0, got -2}}
  %y = onnx.node "DequantizeLinear"(%x, %s) {domain = "", opset = 21 : i64, name = "dq", attrs = {block_size = -2 : i64}} : (tensor<2x4xi8>, tensor<2x2xf32>) -> tensor<2x4xf32>
  return %y : tensor<2x4xf32>
}

// -----

func.func @dq_axis_before_13(%x: tensor<2x3xi8>, %s: tensor<3xf32>) -> tensor<2x3xf32> {
  // expected-error@+1 {{the scale must be a scalar in opset 10 (per-axis scales need opset 13), got shape 'tensor<3xf32>'}}
  %y = onnx.node "DequantizeLinear"(%x, %s) {domain = "", opset = 10 : i64, name = "dq", attrs = {}} : (tensor<2x3xi8>, tensor<3xf32>) -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}

// -----

func.func @dq_axis_size(%x: tensor<2x3xi8>, %s: tensor<2xf32>) -> tensor<2x3xf32> {
  // expected-error@+1 {{a per-axis scale must be 1-D with 3 elements (the size of axis 1), got 'tensor<2xf32>'}}
  %y = onnx.node "DequantizeLinear"(%x, %s) {domain = "", opset = 13 : i64, name = "dq", attrs = {}} : (tensor<2x3xi8>, tensor<2xf32>) -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}

// -----

func.func @dq_blocked_without_block_size(%x: tensor<2x4xi8>, %s: tensor<2x2xf32>) -> tensor<2x4xf32> {
  // expected-error@+1 {{blocked scales need block_size > 0}}
  %y = onnx.node "DequantizeLinear"(%x, %s) {domain = "", opset = 21 : i64, name = "dq", attrs = {}} : (tensor<2x4xi8>, tensor<2x2xf32>) -> tensor<2x4xf32>
  return %y : tensor<2x4xf32>
}

// -----

func.func @dq_blocked_shape(%x: tensor<2x5xi8>, %s: tensor<2x2xf32>) -> tensor<2x5xf32> {
  // expected-error@+1 {{a blocked scale (block_size 2 along axis 1) must have shape [2, 3], got 'tensor<2x2xf32>'}}
  %y = onnx.node "DequantizeLinear"(%x, %s) {domain = "", opset = 21 : i64, name = "dq", attrs = {block_size = 2 : i64}} : (tensor<2x5xi8>, tensor<2x2xf32>) -> tensor<2x5xf32>
  return %y : tensor<2x5xf32>
}

// -----

func.func @dq_axis_range(%x: tensor<2x3xi8>, %s: tensor<3xf32>) -> tensor<2x3xf32> {
  // expected-error@+1 {{axis 2 is out of range for rank 2}}
  %y = onnx.node "DequantizeLinear"(%x, %s) {domain = "", opset = 13 : i64, name = "dq", attrs = {axis = 2 : i64}} : (tensor<2x3xi8>, tensor<3xf32>) -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}

// -----

func.func @dq_empty(%x: tensor<2x0xi8>, %s: tensor<f32>) -> tensor<2x0xf32> {
  // expected-error@+1 {{tensors with a zero-sized dimension are not supported}}
  %y = onnx.node "DequantizeLinear"(%x, %s) {domain = "", opset = 13 : i64, name = "dq", attrs = {}} : (tensor<2x0xi8>, tensor<f32>) -> tensor<2x0xf32>
  return %y : tensor<2x0xf32>
}

// -----

//===----------------------------------------------------------------------===//
// QuantizeLinear
//===----------------------------------------------------------------------===//

func.func @q_half_before_19(%x: tensor<4xf16>, %s: tensor<f32>) -> tensor<4xui8> {
  // expected-error@+1 {{ONNX node 'q' (QuantizeLinear-13): x must be float or int32, got f16}}
  %y = onnx.node "QuantizeLinear"(%x, %s) {domain = "", opset = 13 : i64, name = "q", attrs = {}} : (tensor<4xf16>, tensor<f32>) -> tensor<4xui8>
  return %y : tensor<4xui8>
}

// -----

func.func @q_scale_type(%x: tensor<4xf32>, %s: tensor<f64>) -> tensor<4xui8> {
  // expected-error@+1 {{y_scale must be float, float16, bfloat16 or int32, got f64}}
  %y = onnx.node "QuantizeLinear"(%x, %s) {domain = "", opset = 19 : i64, name = "q", attrs = {}} : (tensor<4xf32>, tensor<f64>) -> tensor<4xui8>
  return %y : tensor<4xui8>
}

// -----

func.func @q_fp8_output(%x: tensor<4xf32>, %s: tensor<f32>, %z: tensor<f8E4M3FN>) -> tensor<4xf8E4M3FN> {
  // expected-error@+1 {{quantizing to f8E4M3FN is not supported; only integer outputs are}}
  %y = onnx.node "QuantizeLinear"(%x, %s, %z) {domain = "", opset = 19 : i64, name = "q", attrs = {}} : (tensor<4xf32>, tensor<f32>, tensor<f8E4M3FN>) -> tensor<4xf8E4M3FN>
  return %y : tensor<4xf8E4M3FN>
}

// -----

func.func @q_output_dtype_float(%x: tensor<4xf32>, %s: tensor<f32>) -> tensor<4xf8E4M3FN> {
  // expected-error@+1 {{output_dtype 17 is not supported; only integer outputs are}}
  %y = onnx.node "QuantizeLinear"(%x, %s) {domain = "", opset = 21 : i64, name = "q", attrs = {output_dtype = 17 : i64}} : (tensor<4xf32>, tensor<f32>) -> tensor<4xf8E4M3FN>
  return %y : tensor<4xf8E4M3FN>
}

// -----

func.func @q_output_dtype_contradiction(%x: tensor<4xf32>, %s: tensor<f32>, %z: tensor<ui8>) -> tensor<4xui8> {
  // expected-error@+1 {{output_dtype 3 contradicts the zero point's type uint8}}
  %y = onnx.node "QuantizeLinear"(%x, %s, %z) {domain = "", opset = 21 : i64, name = "q", attrs = {output_dtype = 3 : i64}} : (tensor<4xf32>, tensor<f32>, tensor<ui8>) -> tensor<4xui8>
  return %y : tensor<4xui8>
}

// -----

func.func @q_int4_before_21(%x: tensor<4xf32>, %s: tensor<f32>, %z: tensor<i4>) -> tensor<4xi4> {
  // expected-error@+1 {{cannot quantize to int4 in opset 19}}
  %y = onnx.node "QuantizeLinear"(%x, %s, %z) {domain = "", opset = 19 : i64, name = "q", attrs = {}} : (tensor<4xf32>, tensor<f32>, tensor<i4>) -> tensor<4xi4>
  return %y : tensor<4xi4>
}

// -----

func.func @q_precision(%x: tensor<4xf32>, %s: tensor<f32>) -> tensor<4xui8> {
  // expected-error@+1 {{precision 11 is not a float type (1, 10 or 16)}}
  %y = onnx.node "QuantizeLinear"(%x, %s) {domain = "", opset = 23 : i64, name = "q", attrs = {precision = 11 : i64}} : (tensor<4xf32>, tensor<f32>) -> tensor<4xui8>
  return %y : tensor<4xui8>
}

// -----

//===----------------------------------------------------------------------===//
// DynamicQuantizeLinear
//===----------------------------------------------------------------------===//

func.func @dynamic_half(%x: tensor<4xf16>) -> tensor<4xui8> {
  // expected-error@+1 {{ONNX node 'dq' (DynamicQuantizeLinear-11): x must be float, got f16}}
  %y:3 = onnx.node "DynamicQuantizeLinear"(%x) {domain = "", opset = 11 : i64, name = "dq", attrs = {}} : (tensor<4xf16>) -> (tensor<4xui8>, tensor<f32>, tensor<ui8>)
  return %y#0 : tensor<4xui8>
}

// -----

//===----------------------------------------------------------------------===//
// MatMulInteger and QLinearMatMul
//===----------------------------------------------------------------------===//

func.func @mmi_type(%a: tensor<2x3xi16>, %b: tensor<3x2xi8>) -> tensor<2x2xi32> {
  // expected-error@+1 {{ONNX node 'mmi' (MatMulInteger-10): input 0 must be int8 or uint8, got int16}}
  %y = onnx.node "MatMulInteger"(%a, %b) {domain = "", opset = 10 : i64, name = "mmi", attrs = {}} : (tensor<2x3xi16>, tensor<3x2xi8>) -> tensor<2x2xi32>
  return %y : tensor<2x2xi32>
}

// -----

func.func @mmi_zero_point_type(%a: tensor<2x3xi8>, %b: tensor<3x2xui8>, %zb: tensor<i8>) -> tensor<2x2xi32> {
  %none = onnx.none
  // expected-error@+1 {{the zero point of input 1 must be uint8, got int8}}
  %y = onnx.node "MatMulInteger"(%a, %b, %none, %zb) {domain = "", opset = 10 : i64, name = "mmi", attrs = {}} : (tensor<2x3xi8>, tensor<3x2xui8>, none, tensor<i8>) -> tensor<2x2xi32>
  return %y : tensor<2x2xi32>
}

// -----

func.func @mmi_zero_point_rows(%a: tensor<3x4xi8>, %b: tensor<4x2xi8>, %za: tensor<2xi8>) -> tensor<3x2xi32> {
  // expected-error@+1 {{a 1-D zero point of input 0 holds one value per row (3), got 2}}
  %y = onnx.node "MatMulInteger"(%a, %b, %za) {domain = "", opset = 10 : i64, name = "mmi", attrs = {}} : (tensor<3x4xi8>, tensor<4x2xi8>, tensor<2xi8>) -> tensor<3x2xi32>
  return %y : tensor<3x2xi32>
}

// -----

func.func @mmi_zero_point_broadcast(%a: tensor<3x4xi8>, %b: tensor<4x2xi8>, %zb: tensor<3xi8>) -> tensor<3x2xi32> {
  %none = onnx.none
  // expected-error@+1 {{the zero point 'tensor<3xi8>' does not broadcast to input 1 'tensor<4x2xi8>'}}
  %y = onnx.node "MatMulInteger"(%a, %b, %none, %zb) {domain = "", opset = 10 : i64, name = "mmi", attrs = {}} : (tensor<3x4xi8>, tensor<4x2xi8>, none, tensor<3xi8>) -> tensor<3x2xi32>
  return %y : tensor<3x2xi32>
}

// -----

func.func @mmi_inner(%a: tensor<2x3xi8>, %b: tensor<4x2xi8>) -> tensor<2x2xi32> {
  // expected-error@+1 {{matmul inner dimensions differ: 3 and 4}}
  %y = onnx.node "MatMulInteger"(%a, %b) {domain = "", opset = 10 : i64, name = "mmi", attrs = {}} : (tensor<2x3xi8>, tensor<4x2xi8>) -> tensor<2x2xi32>
  return %y : tensor<2x2xi32>
}

// -----

func.func @mmi_batch(%a: tensor<2x2x3xi8>, %b: tensor<3x3x2xi8>) -> tensor<2x2x2xi32> {
  // expected-error@+1 {{matmul batch dimensions do not broadcast}}
  %y = onnx.node "MatMulInteger"(%a, %b) {domain = "", opset = 10 : i64, name = "mmi", attrs = {}} : (tensor<2x2x3xi8>, tensor<3x3x2xi8>) -> tensor<2x2x2xi32>
  return %y : tensor<2x2x2xi32>
}

// -----

func.func @mmi_rank0(%a: tensor<i8>, %b: tensor<3x2xi8>) -> tensor<2xi32> {
  // expected-error@+1 {{matmul operands must have rank >= 1}}
  %y = onnx.node "MatMulInteger"(%a, %b) {domain = "", opset = 10 : i64, name = "mmi", attrs = {}} : (tensor<i8>, tensor<3x2xi8>) -> tensor<2xi32>
  return %y : tensor<2xi32>
}

// -----

func.func @qlmm_half_scale_before_21(%a: tensor<2x3xui8>, %sa: tensor<f16>, %za: tensor<ui8>, %b: tensor<3x2xui8>, %sb: tensor<f32>, %zb: tensor<ui8>, %sy: tensor<f32>, %zy: tensor<ui8>) -> tensor<2x2xui8> {
  // expected-error@+1 {{ONNX node 'qmm' (QLinearMatMul-10): scale input 1 must be float, got f16}}
  %y = onnx.node "QLinearMatMul"(%a, %sa, %za, %b, %sb, %zb, %sy, %zy) {domain = "", opset = 10 : i64, name = "qmm", attrs = {}} : (tensor<2x3xui8>, tensor<f16>, tensor<ui8>, tensor<3x2xui8>, tensor<f32>, tensor<ui8>, tensor<f32>, tensor<ui8>) -> tensor<2x2xui8>
  return %y : tensor<2x2xui8>
}

// -----

func.func @qlmm_y_scale(%a: tensor<2x3xui8>, %sa: tensor<f32>, %za: tensor<ui8>, %b: tensor<3x2xui8>, %sb: tensor<f32>, %zb: tensor<ui8>, %sy: tensor<2xf32>, %zy: tensor<ui8>) -> tensor<2x2xui8> {
  // expected-error@+1 {{y_scale must be a scalar, got f32 tensor of 2 elements}}
  %y = onnx.node "QLinearMatMul"(%a, %sa, %za, %b, %sb, %zb, %sy, %zy) {domain = "", opset = 10 : i64, name = "qmm", attrs = {}} : (tensor<2x3xui8>, tensor<f32>, tensor<ui8>, tensor<3x2xui8>, tensor<f32>, tensor<ui8>, tensor<2xf32>, tensor<ui8>) -> tensor<2x2xui8>
  return %y : tensor<2x2xui8>
}

// -----

func.func @qlmm_a_scale(%a: tensor<2x3xui8>, %sa: tensor<3xf32>, %za: tensor<ui8>, %b: tensor<3x2xui8>, %sb: tensor<f32>, %zb: tensor<ui8>, %sy: tensor<f32>, %zy: tensor<ui8>) -> tensor<2x2xui8> {
  // expected-error@+1 {{a_scale must be a scalar or hold one value per row of a, got 3 elements}}
  %y = onnx.node "QLinearMatMul"(%a, %sa, %za, %b, %sb, %zb, %sy, %zy) {domain = "", opset = 10 : i64, name = "qmm", attrs = {}} : (tensor<2x3xui8>, tensor<3xf32>, tensor<ui8>, tensor<3x2xui8>, tensor<f32>, tensor<ui8>, tensor<f32>, tensor<ui8>) -> tensor<2x2xui8>
  return %y : tensor<2x2xui8>
}

// -----

func.func @qlmm_scale_broadcast(%a: tensor<2x3xui8>, %sa: tensor<f32>, %za: tensor<ui8>, %b: tensor<3x2xui8>, %sb: tensor<3x1xf32>, %zb: tensor<ui8>, %sy: tensor<f32>, %zy: tensor<ui8>) -> tensor<2x2xui8> {
  // expected-error@+1 {{scale input 4 does not broadcast to the result}}
  %y = onnx.node "QLinearMatMul"(%a, %sa, %za, %b, %sb, %zb, %sy, %zy) {domain = "", opset = 10 : i64, name = "qmm", attrs = {}} : (tensor<2x3xui8>, tensor<f32>, tensor<ui8>, tensor<3x2xui8>, tensor<3x1xf32>, tensor<ui8>, tensor<f32>, tensor<ui8>) -> tensor<2x2xui8>
  return %y : tensor<2x2xui8>
}

// -----

func.func @qlmm_y_zero_point(%a: tensor<2x3xui8>, %sa: tensor<f32>, %za: tensor<ui8>, %b: tensor<3x2xui8>, %sb: tensor<f32>, %zb: tensor<ui8>, %sy: tensor<f32>, %zy: tensor<2xui8>) -> tensor<2x2xui8> {
  // expected-error@+1 {{y_zero_point must be one int8 or uint8 value}}
  %y = onnx.node "QLinearMatMul"(%a, %sa, %za, %b, %sb, %zb, %sy, %zy) {domain = "", opset = 10 : i64, name = "qmm", attrs = {}} : (tensor<2x3xui8>, tensor<f32>, tensor<ui8>, tensor<3x2xui8>, tensor<f32>, tensor<ui8>, tensor<f32>, tensor<2xui8>) -> tensor<2x2xui8>
  return %y : tensor<2x2xui8>
}

// -----

//===----------------------------------------------------------------------===//
// MatMulNBits
//===----------------------------------------------------------------------===//

func.func @nbits_attrs(%a: tensor<1x32xf32>, %b: tensor<2x2x8xui8>, %s: tensor<4xf32>) -> tensor<1x2xf32> {
  // expected-error@+1 {{ONNX node 'mm' (MatMulNBits-1): attributes K, N and block_size are required}}
  %y = onnx.node "MatMulNBits"(%a, %b, %s) {domain = "com.microsoft", opset = 1 : i64, name = "mm", attrs = {K = 32 : i64, N = 2 : i64}} : (tensor<1x32xf32>, tensor<2x2x8xui8>, tensor<4xf32>) -> tensor<1x2xf32>
  return %y : tensor<1x2xf32>
}

// -----

func.func @nbits_bits(%a: tensor<1x32xf32>, %b: tensor<2x2x8xui8>, %s: tensor<4xf32>) -> tensor<1x2xf32> {
  // expected-error@+1 {{bits must be in [2, 8], got 9}}
  %y = onnx.node "MatMulNBits"(%a, %b, %s) {domain = "com.microsoft", opset = 1 : i64, name = "mm", attrs = {K = 32 : i64, N = 2 : i64, bits = 9 : i64, block_size = 16 : i64}} : (tensor<1x32xf32>, tensor<2x2x8xui8>, tensor<4xf32>) -> tensor<1x2xf32>
  return %y : tensor<1x2xf32>
}

// -----

func.func @nbits_block_size(%a: tensor<1x32xf32>, %b: tensor<2x2x8xui8>, %s: tensor<4xf32>) -> tensor<1x2xf32> {
  // expected-error@+1 {{block_size must be a power of 2 and >= 16, got 24}}
  %y = onnx.node "MatMulNBits"(%a, %b, %s) {domain = "com.microsoft", opset = 1 : i64, name = "mm", attrs = {K = 32 : i64, N = 2 : i64, block_size = 24 : i64}} : (tensor<1x32xf32>, tensor<2x2x8xui8>, tensor<4xf32>) -> tensor<1x2xf32>
  return %y : tensor<1x2xf32>
}

// -----

func.func @nbits_k(%a: tensor<1x32xf32>, %b: tensor<2x2x8xui8>, %s: tensor<4xf32>) -> tensor<1x2xf32> {
  // expected-error@+1 {{K and N must be positive}}
  %y = onnx.node "MatMulNBits"(%a, %b, %s) {domain = "com.microsoft", opset = 1 : i64, name = "mm", attrs = {K = 0 : i64, N = 2 : i64, block_size = 16 : i64}} : (tensor<1x32xf32>, tensor<2x2x8xui8>, tensor<4xf32>) -> tensor<1x2xf32>
  return %y : tensor<1x2xf32>
}

// -----

func.func @nbits_prepacked(%a: tensor<1x32xf32>, %b: tensor<2x2x8xui8>, %s: tensor<4xf32>) -> tensor<1x2xf32> {
  // expected-error@+1 {{prepacked weights (weight_prepacked = 1) are a runtime layout and are not supported}}
  %y = onnx.node "MatMulNBits"(%a, %b, %s) {domain = "com.microsoft", opset = 1 : i64, name = "mm", attrs = {K = 32 : i64, N = 2 : i64, block_size = 16 : i64, weight_prepacked = 1 : i64}} : (tensor<1x32xf32>, tensor<2x2x8xui8>, tensor<4xf32>) -> tensor<1x2xf32>
  return %y : tensor<1x2xf32>
}

// -----

func.func @nbits_a_type(%a: tensor<1x32xf64>, %b: tensor<2x2x8xui8>, %s: tensor<4xf64>) -> tensor<1x2xf64> {
  // expected-error@+1 {{A must be float, float16 or bfloat16, got f64}}
  %y = onnx.node "MatMulNBits"(%a, %b, %s) {domain = "com.microsoft", opset = 1 : i64, name = "mm", attrs = {K = 32 : i64, N = 2 : i64, block_size = 16 : i64}} : (tensor<1x32xf64>, tensor<2x2x8xui8>, tensor<4xf64>) -> tensor<1x2xf64>
  return %y : tensor<1x2xf64>
}

// -----

func.func @nbits_a_shape(%a: tensor<1x30xf32>, %b: tensor<2x2x8xui8>, %s: tensor<4xf32>) -> tensor<1x2xf32> {
  // expected-error@+1 {{A must be [..., K] with K = 32}}
  %y = onnx.node "MatMulNBits"(%a, %b, %s) {domain = "com.microsoft", opset = 1 : i64, name = "mm", attrs = {K = 32 : i64, N = 2 : i64, block_size = 16 : i64}} : (tensor<1x30xf32>, tensor<2x2x8xui8>, tensor<4xf32>) -> tensor<1x2xf32>
  return %y : tensor<1x2xf32>
}

// -----

func.func @nbits_b_shape(%a: tensor<1x32xf32>, %b: tensor<2x16xui8>, %s: tensor<4xf32>) -> tensor<1x2xf32> {
  // expected-error@+1 {{B must be uint8 [N, k_blocks, blob_size] = [2, 2, 8]}}
  %y = onnx.node "MatMulNBits"(%a, %b, %s) {domain = "com.microsoft", opset = 1 : i64, name = "mm", attrs = {K = 32 : i64, N = 2 : i64, block_size = 16 : i64}} : (tensor<1x32xf32>, tensor<2x16xui8>, tensor<4xf32>) -> tensor<1x2xf32>
  return %y : tensor<1x2xf32>
}

// -----

func.func @nbits_scales(%a: tensor<1x32xf32>, %b: tensor<2x2x8xui8>, %s: tensor<2xf32>) -> tensor<1x2xf32> {
  // expected-error@+1 {{scales must be float [N * k_blocks] or [N, k_blocks] with N * k_blocks = 4}}
  %y = onnx.node "MatMulNBits"(%a, %b, %s) {domain = "com.microsoft", opset = 1 : i64, name = "mm", attrs = {K = 32 : i64, N = 2 : i64, block_size = 16 : i64}} : (tensor<1x32xf32>, tensor<2x2x8xui8>, tensor<2xf32>) -> tensor<1x2xf32>
  return %y : tensor<1x2xf32>
}

// -----

func.func @nbits_packed_zero_points(%a: tensor<1x32xf32>, %b: tensor<2x2x8xui8>, %s: tensor<4xf32>, %z: tensor<4xui8>) -> tensor<1x2xf32> {
  // expected-error@+1 {{packed uint8 zero_points must be [N * 1] (ceil(k_blocks * bits / 8) bytes per row), got 4 elements}}
  %y = onnx.node "MatMulNBits"(%a, %b, %s, %z) {domain = "com.microsoft", opset = 1 : i64, name = "mm", attrs = {K = 32 : i64, N = 2 : i64, block_size = 16 : i64}} : (tensor<1x32xf32>, tensor<2x2x8xui8>, tensor<4xf32>, tensor<4xui8>) -> tensor<1x2xf32>
  return %y : tensor<1x2xf32>
}

// -----

func.func @nbits_float_zero_points(%a: tensor<1x32xf32>, %b: tensor<2x2x8xui8>, %s: tensor<4xf32>, %z: tensor<2xf32>) -> tensor<1x2xf32> {
  // expected-error@+1 {{float zero_points must have the scales' 4 elements}}
  %y = onnx.node "MatMulNBits"(%a, %b, %s, %z) {domain = "com.microsoft", opset = 1 : i64, name = "mm", attrs = {K = 32 : i64, N = 2 : i64, block_size = 16 : i64}} : (tensor<1x32xf32>, tensor<2x2x8xui8>, tensor<4xf32>, tensor<2xf32>) -> tensor<1x2xf32>
  return %y : tensor<1x2xf32>
}

// -----

func.func @nbits_zero_point_type(%a: tensor<1x32xf32>, %b: tensor<2x2x8xui8>, %s: tensor<4xf32>, %z: tensor<4xi32>) -> tensor<1x2xf32> {
  // expected-error@+1 {{zero_points must be uint8 (packed) or float, got int32}}
  %y = onnx.node "MatMulNBits"(%a, %b, %s, %z) {domain = "com.microsoft", opset = 1 : i64, name = "mm", attrs = {K = 32 : i64, N = 2 : i64, block_size = 16 : i64}} : (tensor<1x32xf32>, tensor<2x2x8xui8>, tensor<4xf32>, tensor<4xi32>) -> tensor<1x2xf32>
  return %y : tensor<1x2xf32>
}

// -----

func.func @nbits_g_idx(%a: tensor<1x32xf32>, %b: tensor<2x2x8xui8>, %s: tensor<4xf32>, %g: tensor<32xi64>) -> tensor<1x2xf32> {
  %none = onnx.none
  // expected-error@+1 {{g_idx must be int32 [K] = [32]}}
  %y = onnx.node "MatMulNBits"(%a, %b, %s, %none, %g) {domain = "com.microsoft", opset = 1 : i64, name = "mm", attrs = {K = 32 : i64, N = 2 : i64, block_size = 16 : i64}} : (tensor<1x32xf32>, tensor<2x2x8xui8>, tensor<4xf32>, none, tensor<32xi64>) -> tensor<1x2xf32>
  return %y : tensor<1x2xf32>
}

// -----

func.func @nbits_bias(%a: tensor<1x32xf32>, %b: tensor<2x2x8xui8>, %s: tensor<4xf32>, %bias: tensor<2xf16>) -> tensor<1x2xf32> {
  %none = onnx.none
  // expected-error@+1 {{bias must be [N] = [2] of A's type}}
  %y = onnx.node "MatMulNBits"(%a, %b, %s, %none, %none, %bias) {domain = "com.microsoft", opset = 1 : i64, name = "mm", attrs = {K = 32 : i64, N = 2 : i64, block_size = 16 : i64}} : (tensor<1x32xf32>, tensor<2x2x8xui8>, tensor<4xf32>, none, none, tensor<2xf16>) -> tensor<1x2xf32>
  return %y : tensor<1x2xf32>
}

// -----

func.func @nbits_g_idx_range(%a: tensor<1x32xf32>, %b: tensor<2x2x8xui8>, %s: tensor<4xf32>) -> tensor<1x2xf32> {
  %none = onnx.none
  %g = arith.constant dense<[0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 2]> : tensor<32xi32>
  // expected-error@+1 {{g_idx holds group 2, outside [0, k_blocks = 2)}}
  %y = onnx.node "MatMulNBits"(%a, %b, %s, %none, %g) {domain = "com.microsoft", opset = 1 : i64, name = "mm", attrs = {K = 32 : i64, N = 2 : i64, block_size = 16 : i64}} : (tensor<1x32xf32>, tensor<2x2x8xui8>, tensor<4xf32>, none, tensor<32xi32>) -> tensor<1x2xf32>
  return %y : tensor<1x2xf32>
}
