// RUN: quench-opt %s --convert-onnx-to-linalg -split-input-file -verify-diagnostics

func.func @matmul_scalar(%a: tensor<f32>, %b: tensor<3xf32>) -> tensor<3xf32> {
  // expected-error@+1 {{ONNX node 'mm' (MatMul-13): MatMul operands must have rank >= 1}}
  %y = onnx.node "MatMul"(%a, %b) {domain = "", opset = 13 : i64, name = "mm", attrs = {}} : (tensor<f32>, tensor<3xf32>) -> tensor<3xf32>
  return %y : tensor<3xf32>
}

// -----

func.func @matmul_int(%a: tensor<2x3xi32>, %b: tensor<3x2xi32>) -> tensor<2x2xi32> {
  // expected-error@+1 {{MatMul needs float operands (f16, bf16, f32 or f64) of one type}}
  %y = onnx.node "MatMul"(%a, %b) {domain = "", opset = 13 : i64, name = "mm", attrs = {}} : (tensor<2x3xi32>, tensor<3x2xi32>) -> tensor<2x2xi32>
  return %y : tensor<2x2xi32>
}

// -----

func.func @matmul_inner(%a: tensor<2x3xf32>, %b: tensor<4x2xf32>) -> tensor<2x2xf32> {
  // expected-error@+1 {{MatMul inner dimensions differ: 3 and 4}}
  %y = onnx.node "MatMul"(%a, %b) {domain = "", opset = 13 : i64, name = "mm", attrs = {}} : (tensor<2x3xf32>, tensor<4x2xf32>) -> tensor<2x2xf32>
  return %y : tensor<2x2xf32>
}

// -----

func.func @matmul_batch(%a: tensor<2x2x3xf32>, %b: tensor<3x3x2xf32>) -> tensor<2x2x2xf32> {
  // expected-error@+1 {{MatMul batch dimensions do not broadcast}}
  %y = onnx.node "MatMul"(%a, %b) {domain = "", opset = 13 : i64, name = "mm", attrs = {}} : (tensor<2x2x3xf32>, tensor<3x3x2xf32>) -> tensor<2x2x2xf32>
  return %y : tensor<2x2x2xf32>
}

// -----

func.func @gemm_types(%a: tensor<2x3xf32>, %b: tensor<3x2xf16>) -> tensor<2x2xf32> {
  %none = onnx.none
  // expected-error@+1 {{ONNX node 'gemm' (Gemm-13): A and B have different element types}}
  %y = onnx.node "Gemm"(%a, %b, %none) {domain = "", opset = 13 : i64, name = "gemm", attrs = {}} : (tensor<2x3xf32>, tensor<3x2xf16>, none) -> tensor<2x2xf32>
  return %y : tensor<2x2xf32>
}

// -----

func.func @gemm_int16(%a: tensor<2x3xi16>, %b: tensor<3x2xi16>) -> tensor<2x2xi16> {
  %none = onnx.none
  // expected-error@+1 {{element type 16-bit integer is not supported (int32 and int64 from opset 9, or f16, bf16, f32, f64)}}
  %y = onnx.node "Gemm"(%a, %b, %none) {domain = "", opset = 13 : i64, name = "gemm", attrs = {}} : (tensor<2x3xi16>, tensor<3x2xi16>, none) -> tensor<2x2xi16>
  return %y : tensor<2x2xi16>
}

// -----

func.func @gemm_int32_opset_7(%a: tensor<2x3xi32>, %b: tensor<3x2xi32>, %c: tensor<2x2xi32>) -> tensor<2x2xi32> {
  // expected-error@+1 {{element type 32-bit integer is not supported (int32 and int64 from opset 9, or f16, bf16, f32, f64)}}
  %y = onnx.node "Gemm"(%a, %b, %c) {domain = "", opset = 7 : i64, name = "gemm", attrs = {}} : (tensor<2x3xi32>, tensor<3x2xi32>, tensor<2x2xi32>) -> tensor<2x2xi32>
  return %y : tensor<2x2xi32>
}

// -----

func.func @gemm_f8(%a: tensor<2x3xf8E4M3FN>, %b: tensor<3x2xf8E4M3FN>) -> tensor<2x2xf8E4M3FN> {
  %none = onnx.none
  // expected-error@+1 {{element type must be f16, bf16, f32 or f64 (or int32, int64 from opset 9)}}
  %y = onnx.node "Gemm"(%a, %b, %none) {domain = "", opset = 13 : i64, name = "gemm", attrs = {}} : (tensor<2x3xf8E4M3FN>, tensor<3x2xf8E4M3FN>, none) -> tensor<2x2xf8E4M3FN>
  return %y : tensor<2x2xf8E4M3FN>
}

// -----

func.func @gemm_rank(%a: tensor<1x2x3xf32>, %b: tensor<3x2xf32>) -> tensor<2x2xf32> {
  %none = onnx.none
  // expected-error@+1 {{A and B must have rank 2}}
  %y = onnx.node "Gemm"(%a, %b, %none) {domain = "", opset = 13 : i64, name = "gemm", attrs = {}} : (tensor<1x2x3xf32>, tensor<3x2xf32>, none) -> tensor<2x2xf32>
  return %y : tensor<2x2xf32>
}

// -----

func.func @gemm_inner(%a: tensor<2x3xf32>, %b: tensor<3x2xf32>) -> tensor<2x2xf32> {
  %none = onnx.none
  // expected-error@+1 {{inner dimensions differ: 2 and 3}}
  %y = onnx.node "Gemm"(%a, %b, %none) {domain = "", opset = 13 : i64, name = "gemm", attrs = {transA = 1 : i64}} : (tensor<2x3xf32>, tensor<3x2xf32>, none) -> tensor<2x2xf32>
  return %y : tensor<2x2xf32>
}

// -----

func.func @gemm_c_required(%a: tensor<2x3xf32>, %b: tensor<3x2xf32>) -> tensor<2x2xf32> {
  %none = onnx.none
  // expected-error@+1 {{ONNX node 'gemm' (Gemm-9): input 2 (C) is required before opset 11}}
  %y = onnx.node "Gemm"(%a, %b, %none) {domain = "", opset = 9 : i64, name = "gemm", attrs = {}} : (tensor<2x3xf32>, tensor<3x2xf32>, none) -> tensor<2x2xf32>
  return %y : tensor<2x2xf32>
}

// -----

func.func @gemm_c_type(%a: tensor<2x3xf32>, %b: tensor<3x2xf32>, %c: tensor<2xf16>) -> tensor<2x2xf32> {
  // expected-error@+1 {{C has a different element type than A and B}}
  %y = onnx.node "Gemm"(%a, %b, %c) {domain = "", opset = 13 : i64, name = "gemm", attrs = {}} : (tensor<2x3xf32>, tensor<3x2xf32>, tensor<2xf16>) -> tensor<2x2xf32>
  return %y : tensor<2x2xf32>
}

// -----

func.func @gemm_c_shape(%a: tensor<2x3xf32>, %b: tensor<3x2xf32>, %c: tensor<3xf32>) -> tensor<2x2xf32> {
  // expected-error@+1 {{C does not broadcast to 2x2}}
  %y = onnx.node "Gemm"(%a, %b, %c) {domain = "", opset = 13 : i64, name = "gemm", attrs = {}} : (tensor<2x3xf32>, tensor<3x2xf32>, tensor<3xf32>) -> tensor<2x2xf32>
  return %y : tensor<2x2xf32>
}

// -----

func.func @gemm_6_without_broadcast(%a: tensor<2x3xf32>, %b: tensor<3x2xf32>, %c: tensor<2xf32>) -> tensor<2x2xf32> {
  // expected-error@+1 {{ONNX node 'gemm' (Gemm-6): C must have shape 2x2 unless broadcast = 1}}
  %y = onnx.node "Gemm"(%a, %b, %c) {domain = "", opset = 6 : i64, name = "gemm", attrs = {}} : (tensor<2x3xf32>, tensor<3x2xf32>, tensor<2xf32>) -> tensor<2x2xf32>
  return %y : tensor<2x2xf32>
}

// -----

func.func @softmax_int(%x: tensor<2x3xi32>) -> tensor<2x3xi32> {
  // expected-error@+1 {{ONNX node 'sm' (Softmax-13): input 0 has element type 'i32'; expected f16, bf16, f32 or f64}}
  %y = onnx.node "Softmax"(%x) {domain = "", opset = 13 : i64, name = "sm", attrs = {}} : (tensor<2x3xi32>) -> tensor<2x3xi32>
  return %y : tensor<2x3xi32>
}

// -----

func.func @softmax_11_axis(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // expected-error@+1 {{ONNX node 'sm' (LogSoftmax-11): axis 3 is out of range for rank 2}}
  %y = onnx.node "LogSoftmax"(%x) {domain = "", opset = 11 : i64, name = "sm", attrs = {axis = 3 : i64}} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}

// -----

func.func @softmax_13_axis(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // expected-error@+1 {{ONNX node 'sm' (Softmax-13): axis 2 is out of range for rank 2}}
  %y = onnx.node "Softmax"(%x) {domain = "", opset = 13 : i64, name = "sm", attrs = {axis = 2 : i64}} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}

// -----

func.func @layernorm_scalar(%x: tensor<f32>, %s: tensor<f32>) -> tensor<f32> {
  // expected-error@+1 {{ONNX node 'ln' (LayerNormalization-17): X must have rank >= 1}}
  %y = onnx.node "LayerNormalization"(%x, %s) {domain = "", opset = 17 : i64, name = "ln", attrs = {}} : (tensor<f32>, tensor<f32>) -> tensor<f32>
  return %y : tensor<f32>
}

// -----

func.func @layernorm_stash_type(%x: tensor<2x4xf32>, %s: tensor<4xf32>) -> tensor<2x4xf32> {
  // expected-error@+1 {{stash_type 7 is not a float type (1, 10, 11 or 16)}}
  %y = onnx.node "LayerNormalization"(%x, %s) {domain = "", opset = 17 : i64, name = "ln", attrs = {stash_type = 7 : i64}} : (tensor<2x4xf32>, tensor<4xf32>) -> tensor<2x4xf32>
  return %y : tensor<2x4xf32>
}

// -----

func.func @layernorm_scale_size(%x: tensor<2x4xf32>, %s: tensor<3xf32>) -> tensor<2x4xf32> {
  // expected-error@+1 {{input 1 has 3 elements; expected 4 (the normalized dimensions)}}
  %y = onnx.node "LayerNormalization"(%x, %s) {domain = "", opset = 17 : i64, name = "ln", attrs = {}} : (tensor<2x4xf32>, tensor<3xf32>) -> tensor<2x4xf32>
  return %y : tensor<2x4xf32>
}

// -----

func.func @layernorm_axis(%x: tensor<2x4xf32>, %s: tensor<4xf32>) -> tensor<2x4xf32> {
  // expected-error@+1 {{axis -3 is out of range for rank 2}}
  %y = onnx.node "LayerNormalization"(%x, %s) {domain = "", opset = 17 : i64, name = "ln", attrs = {axis = -3 : i64}} : (tensor<2x4xf32>, tensor<4xf32>) -> tensor<2x4xf32>
  return %y : tensor<2x4xf32>
}

// -----

func.func @rmsnorm_scale(%x: tensor<2x4xf32>, %s: tensor<2x1x4xf32>) -> tensor<2x4xf32> {
  // expected-error@+1 {{input 1 of shape 'tensor<2x1x4xf32>' does not broadcast to the input shape}}
  %y = onnx.node "RMSNormalization"(%x, %s) {domain = "", opset = 23 : i64, name = "rms", attrs = {}} : (tensor<2x4xf32>, tensor<2x1x4xf32>) -> tensor<2x4xf32>
  return %y : tensor<2x4xf32>
}

// -----

func.func @batchnorm_spatial(%x: tensor<2x3x4xf32>, %p: tensor<3xf32>) -> tensor<2x3x4xf32> {
  // expected-error@+1 {{ONNX node 'bn' (BatchNormalization-7): spatial = 0 (per-activation statistics) is not supported}}
  %y = onnx.node "BatchNormalization"(%x, %p, %p, %p, %p) {domain = "", opset = 7 : i64, name = "bn", attrs = {spatial = 0 : i64}} : (tensor<2x3x4xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<2x3x4xf32>
  return %y : tensor<2x3x4xf32>
}

// -----

func.func @batchnorm_training(%x: tensor<2x3x4xf32>, %p: tensor<3xf32>) -> tensor<2x3x4xf32> {
  // expected-error@+1 {{ONNX node 'bn' (BatchNormalization-14): training_mode = 1 is not supported; only inference is lowered}}
  %y:3 = onnx.node "BatchNormalization"(%x, %p, %p, %p, %p) {domain = "", opset = 14 : i64, name = "bn", attrs = {training_mode = 1 : i64}} : (tensor<2x3x4xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> (tensor<2x3x4xf32>, tensor<3xf32>, tensor<3xf32>)
  return %y#0 : tensor<2x3x4xf32>
}

// -----

func.func @batchnorm_rank(%x: tensor<3xf32>, %p: tensor<3xf32>) -> tensor<3xf32> {
  // expected-error@+1 {{X must have rank >= 2 (N x C x ...)}}
  %y = onnx.node "BatchNormalization"(%x, %p, %p, %p, %p) {domain = "", opset = 15 : i64, name = "bn", attrs = {}} : (tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  return %y : tensor<3xf32>
}

// -----

func.func @batchnorm_channels(%x: tensor<2x3x4xf32>, %p: tensor<3xf32>, %q: tensor<4xf32>) -> tensor<2x3x4xf32> {
  // expected-error@+1 {{input 3 must have shape [3] (one value per channel)}}
  %y = onnx.node "BatchNormalization"(%x, %p, %p, %q, %p) {domain = "", opset = 15 : i64, name = "bn", attrs = {}} : (tensor<2x3x4xf32>, tensor<3xf32>, tensor<3xf32>, tensor<4xf32>, tensor<3xf32>) -> tensor<2x3x4xf32>
  return %y : tensor<2x3x4xf32>
}

// -----

func.func @batchnorm_mixed_types(%x: tensor<2x3x4xf16>, %p: tensor<3xf32>) -> tensor<2x3x4xf16> {
  // expected-error@+1 {{ONNX node 'bn' (BatchNormalization-14): input 1 has a different element type than X (allowed from opset 15)}}
  %y = onnx.node "BatchNormalization"(%x, %p, %p, %p, %p) {domain = "", opset = 14 : i64, name = "bn", attrs = {}} : (tensor<2x3x4xf16>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<2x3x4xf16>
  return %y : tensor<2x3x4xf16>
}

// -----

func.func @instancenorm_rank(%x: tensor<3xf32>, %p: tensor<3xf32>) -> tensor<3xf32> {
  // expected-error@+1 {{ONNX node 'in' (InstanceNormalization-6): input must have rank >= 2 (N x C x D1 ...)}}
  %y = onnx.node "InstanceNormalization"(%x, %p, %p) {domain = "", opset = 6 : i64, name = "in", attrs = {}} : (tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  return %y : tensor<3xf32>
}

// -----

func.func @instancenorm_channels(%x: tensor<2x3x4xf32>, %p: tensor<3xf32>, %q: tensor<2xf32>) -> tensor<2x3x4xf32> {
  // expected-error@+1 {{input 2 must have shape [3] (one value per channel)}}
  %y = onnx.node "InstanceNormalization"(%x, %p, %q) {domain = "", opset = 6 : i64, name = "in", attrs = {}} : (tensor<2x3x4xf32>, tensor<3xf32>, tensor<2xf32>) -> tensor<2x3x4xf32>
  return %y : tensor<2x3x4xf32>
}

// -----

func.func @conv_types(%x: tensor<1x1x5xf32>, %w: tensor<1x1x3xf16>) -> tensor<1x1x3xf32> {
  // expected-error@+1 {{ONNX node 'conv' (Conv-11): X and W have different element types}}
  %y = onnx.node "Conv"(%x, %w) {domain = "", opset = 11 : i64, name = "conv", attrs = {}} : (tensor<1x1x5xf32>, tensor<1x1x3xf16>) -> tensor<1x1x3xf32>
  return %y : tensor<1x1x3xf32>
}

// -----

func.func @conv_rank(%x: tensor<1x5xf32>, %w: tensor<1x3xf32>) -> tensor<1x3xf32> {
  // expected-error@+1 {{X and W must have one rank >= 3 (N x C x D1 ...)}}
  %y = onnx.node "Conv"(%x, %w) {domain = "", opset = 11 : i64, name = "conv", attrs = {}} : (tensor<1x5xf32>, tensor<1x3xf32>) -> tensor<1x3xf32>
  return %y : tensor<1x3xf32>
}

// -----

func.func @conv_group(%x: tensor<1x4x5xf32>, %w: tensor<2x4x3xf32>) -> tensor<1x2x3xf32> {
  // expected-error@+1 {{group 2 does not fit 4 input channels, 2 output channels and W of 4 channels per group}}
  %y = onnx.node "Conv"(%x, %w) {domain = "", opset = 11 : i64, name = "conv", attrs = {group = 2 : i64}} : (tensor<1x4x5xf32>, tensor<2x4x3xf32>) -> tensor<1x2x3xf32>
  return %y : tensor<1x2x3xf32>
}

// -----

func.func @conv_kernel_shape(%x: tensor<1x1x5xf32>, %w: tensor<1x1x3xf32>) -> tensor<1x1x3xf32> {
  // expected-error@+1 {{kernel_shape does not match the shape of W}}
  %y = onnx.node "Conv"(%x, %w) {domain = "", opset = 11 : i64, name = "conv", attrs = {kernel_shape = array<i64: 2>}} : (tensor<1x1x5xf32>, tensor<1x1x3xf32>) -> tensor<1x1x3xf32>
  return %y : tensor<1x1x3xf32>
}

// -----

func.func @conv_bias(%x: tensor<1x1x5xf32>, %w: tensor<2x1x3xf32>, %b: tensor<1xf32>) -> tensor<1x2x3xf32> {
  // expected-error@+1 {{B must have shape [2]}}
  %y = onnx.node "Conv"(%x, %w, %b) {domain = "", opset = 11 : i64, name = "conv", attrs = {}} : (tensor<1x1x5xf32>, tensor<2x1x3xf32>, tensor<1xf32>) -> tensor<1x2x3xf32>
  return %y : tensor<1x2x3xf32>
}

// -----

func.func @conv_strides_size(%x: tensor<1x1x5x5xf32>, %w: tensor<1x1x3x3xf32>) -> tensor<1x1x3x3xf32> {
  // expected-error@+1 {{strides has 1 values; expected 2}}
  %y = onnx.node "Conv"(%x, %w) {domain = "", opset = 11 : i64, name = "conv", attrs = {strides = array<i64: 1>}} : (tensor<1x1x5x5xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x3x3xf32>
  return %y : tensor<1x1x3x3xf32>
}

// -----

func.func @conv_dilations_zero(%x: tensor<1x1x5xf32>, %w: tensor<1x1x3xf32>) -> tensor<1x1x3xf32> {
  // expected-error@+1 {{dilations values must be >= 1}}
  %y = onnx.node "Conv"(%x, %w) {domain = "", opset = 11 : i64, name = "conv", attrs = {dilations = array<i64: 0>}} : (tensor<1x1x5xf32>, tensor<1x1x3xf32>) -> tensor<1x1x3xf32>
  return %y : tensor<1x1x3xf32>
}

// -----

func.func @conv_negative_pads(%x: tensor<1x1x5xf32>, %w: tensor<1x1x3xf32>) -> tensor<1x1x3xf32> {
  // expected-error@+1 {{pads values must be >= 0}}
  %y = onnx.node "Conv"(%x, %w) {domain = "", opset = 11 : i64, name = "conv", attrs = {pads = array<i64: -1, 0>}} : (tensor<1x1x5xf32>, tensor<1x1x3xf32>) -> tensor<1x1x3xf32>
  return %y : tensor<1x1x3xf32>
}

// -----

func.func @conv_window_too_large(%x: tensor<1x1x2xf32>, %w: tensor<1x1x3xf32>) -> tensor<1x1x1xf32> {
  // expected-error@+1 {{window of extent 3 exceeds the padded size 2 of spatial dimension 0}}
  %y = onnx.node "Conv"(%x, %w) {domain = "", opset = 11 : i64, name = "conv", attrs = {}} : (tensor<1x1x2xf32>, tensor<1x1x3xf32>) -> tensor<1x1x1xf32>
  return %y : tensor<1x1x1xf32>
}

// -----

func.func @conv_auto_pad(%x: tensor<1x1x5xf32>, %w: tensor<1x1x3xf32>) -> tensor<1x1x3xf32> {
  // expected-error@+1 {{auto_pad 'SAME' is not NOTSET, SAME_UPPER, SAME_LOWER or VALID}}
  %y = onnx.node "Conv"(%x, %w) {domain = "", opset = 11 : i64, name = "conv", attrs = {auto_pad = "SAME"}} : (tensor<1x1x5xf32>, tensor<1x1x3xf32>) -> tensor<1x1x3xf32>
  return %y : tensor<1x1x3xf32>
}

// -----

func.func @maxpool_rank(%x: tensor<1x5xf32>) -> tensor<1x4xf32> {
  // expected-error@+1 {{ONNX node 'mp' (MaxPool-12): input must have rank >= 3 (N x C x D1 ...)}}
  %y = onnx.node "MaxPool"(%x) {domain = "", opset = 12 : i64, name = "mp", attrs = {kernel_shape = array<i64: 2>}} : (tensor<1x5xf32>) -> tensor<1x4xf32>
  return %y : tensor<1x4xf32>
}

// -----

func.func @maxpool_no_kernel(%x: tensor<1x1x5xf32>) -> tensor<1x1x4xf32> {
  // expected-error@+1 {{kernel_shape is required}}
  %y = onnx.node "MaxPool"(%x) {domain = "", opset = 12 : i64, name = "mp", attrs = {}} : (tensor<1x1x5xf32>) -> tensor<1x1x4xf32>
  return %y : tensor<1x1x4xf32>
}

// -----

func.func @maxpool_kernel_size(%x: tensor<1x1x5xf32>) -> tensor<1x1x4xf32> {
  // expected-error@+1 {{kernel_shape has 2 values for 1 spatial dimensions}}
  %y = onnx.node "MaxPool"(%x) {domain = "", opset = 12 : i64, name = "mp", attrs = {kernel_shape = array<i64: 2, 2>}} : (tensor<1x1x5xf32>) -> tensor<1x1x4xf32>
  return %y : tensor<1x1x4xf32>
}

// -----

func.func @maxpool_kernel_zero(%x: tensor<1x1x5xf32>) -> tensor<1x1x4xf32> {
  // expected-error@+1 {{kernel sizes must be >= 1}}
  %y = onnx.node "MaxPool"(%x) {domain = "", opset = 12 : i64, name = "mp", attrs = {kernel_shape = array<i64: 0>}} : (tensor<1x1x5xf32>) -> tensor<1x1x4xf32>
  return %y : tensor<1x1x4xf32>
}

// -----

func.func @maxpool_int8_opset_11(%x: tensor<1x1x5xi8>) -> tensor<1x1x4xi8> {
  // expected-error@+1 {{ONNX node 'mp' (MaxPool-11): element type must be f16, bf16, f32 or f64 (or int8, uint8 from opset 12)}}
  %y = onnx.node "MaxPool"(%x) {domain = "", opset = 11 : i64, name = "mp", attrs = {kernel_shape = array<i64: 2>}} : (tensor<1x1x5xi8>) -> tensor<1x1x4xi8>
  return %y : tensor<1x1x4xi8>
}

// -----

func.func @maxpool_storage_order(%x: tensor<1x1x5xf32>) -> tensor<1x1x4xi64> {
  // expected-error@+1 {{ONNX node 'mp' (MaxPool-12): storage_order must be 0 or 1}}
  %y:2 = onnx.node "MaxPool"(%x) {domain = "", opset = 12 : i64, name = "mp", attrs = {kernel_shape = array<i64: 2>, storage_order = 2 : i64}} : (tensor<1x1x5xf32>) -> (tensor<1x1x4xf32>, tensor<1x1x4xi64>)
  return %y#1 : tensor<1x1x4xi64>
}

// -----

func.func @batchnorm_mean_output(%x: tensor<2x3x4xf32>, %p: tensor<3xf32>) -> tensor<3xf32> {
  // expected-error@+1 {{ONNX node 'bn' (BatchNormalization-9): optional output #1 is used but not produced by this lowering}}
  %y:2 = onnx.node "BatchNormalization"(%x, %p, %p, %p, %p) {domain = "", opset = 9 : i64, name = "bn", attrs = {}} : (tensor<2x3x4xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> (tensor<2x3x4xf32>, tensor<3xf32>)
  return %y#1 : tensor<3xf32>
}

// -----

func.func @averagepool_int(%x: tensor<1x1x5xi8>) -> tensor<1x1x4xi8> {
  // expected-error@+1 {{ONNX node 'ap' (AveragePool-19): element type must be f16, bf16, f32 or f64}}
  %y = onnx.node "AveragePool"(%x) {domain = "", opset = 19 : i64, name = "ap", attrs = {kernel_shape = array<i64: 2>}} : (tensor<1x1x5xi8>) -> tensor<1x1x4xi8>
  return %y : tensor<1x1x4xi8>
}

// -----

func.func @globalpool_rank(%x: tensor<5xf32>) -> tensor<5xf32> {
  // expected-error@+1 {{ONNX node 'gap' (GlobalAveragePool-1): input must have rank >= 2 (N x C x D1 ...)}}
  %y = onnx.node "GlobalAveragePool"(%x) {domain = "", opset = 1 : i64, name = "gap", attrs = {}} : (tensor<5xf32>) -> tensor<5xf32>
  return %y : tensor<5xf32>
}
