// RUN: quench-opt %s --convert-onnx-to-linalg | %run_reference | FileCheck %s

// Cast and CastLike between float, integer (signed and unsigned) and bool
// types, against numpy's astype.

// Float to integer truncates toward zero.
// CHECK: rank = 1 offset = 0 sizes = [4]
// CHECK-NEXT: {{\[}}-2, 2, 0, 100]
func.func @cast_f32_to_i32(%x0: tensor<4xf32>) -> (tensor<4xi32>) {
  %y = onnx.node "Cast"(%x0) {domain = "", opset = 13 : i64, name = "cast_f32_to_i32", attrs = {to = 6 : i64}} : (tensor<4xf32>) -> tensor<4xi32>
  return %y : tensor<4xi32>
}

// CHECK: rank = 1 offset = 0 sizes = [3]
// CHECK-NEXT: {{\[}}200, 0, 255]
func.func @cast_f32_to_ui8(%x0: tensor<3xf32>) -> (tensor<3xi8>) {
  %y = onnx.node "Cast"(%x0) {domain = "", opset = 13 : i64, name = "cast_f32_to_ui8", attrs = {to = 2 : i64}} : (tensor<3xf32>) -> tensor<3xi8>
  return %y : tensor<3xi8>
}

// Anything to bool is "!= 0" (NaN is true).
// CHECK: rank = 1 offset = 0 sizes = [5]
// CHECK-NEXT: {{\[}}0, 0, 1, 1, 1]
func.func @cast_f32_to_bool(%x0: tensor<5xf32>) -> (tensor<5xi1>) {
  %y = onnx.node "Cast"(%x0) {domain = "", opset = 13 : i64, name = "cast_f32_to_bool", attrs = {to = 9 : i64}} : (tensor<5xf32>) -> tensor<5xi1>
  return %y : tensor<5xi1>
}

// Signed sources sign-extend, unsigned ones zero-extend.
// CHECK: rank = 1 offset = 0 sizes = [3]
// CHECK-NEXT: {{\[}}65535, 5, 65408]
func.func @cast_i8_to_ui16(%x0: tensor<3xi8>) -> (tensor<3xi16>) {
  %y = onnx.node "Cast"(%x0) {domain = "", opset = 13 : i64, name = "cast_i8_to_ui16", attrs = {to = 4 : i64}} : (tensor<3xi8>) -> tensor<3xi16>
  return %y : tensor<3xi16>
}

// CHECK: rank = 1 offset = 0 sizes = [3]
// CHECK-NEXT: {{\[}}255, 128, 7]
func.func @cast_ui8_to_i16(%x0: tensor<3xui8>) -> (tensor<3xi16>) {
  %y = onnx.node "Cast"(%x0) {domain = "", opset = 13 : i64, name = "cast_ui8_to_i16", attrs = {to = 5 : i64}} : (tensor<3xui8>) -> tensor<3xi16>
  return %y : tensor<3xi16>
}

// CHECK: rank = 1 offset = 0 sizes = [3]
// CHECK-NEXT: {{\[}}255, 128, 7]
func.func @cast_ui8_to_f32(%x0: tensor<3xui8>) -> (tensor<3xf32>) {
  %y = onnx.node "Cast"(%x0) {domain = "", opset = 13 : i64, name = "cast_ui8_to_f32", attrs = {to = 1 : i64}} : (tensor<3xui8>) -> tensor<3xf32>
  return %y : tensor<3xf32>
}

// Narrowing integers wraps.
// CHECK: rank = 1 offset = 0 sizes = [3]
// CHECK-NEXT: {{\[}}44, 127, 65]
func.func @cast_i32_to_i8(%x0: tensor<3xi32>) -> (tensor<3xi8>) {
  %y = onnx.node "Cast"(%x0) {domain = "", opset = 13 : i64, name = "cast_i32_to_i8", attrs = {to = 3 : i64}} : (tensor<3xi32>) -> tensor<3xi8>
  return %y : tensor<3xi8>
}

// CHECK: rank = 1 offset = 0 sizes = [2]
// CHECK-NEXT: {{\[}}1, 0]
func.func @cast_bool_to_f32(%x0: tensor<2xi1>) -> (tensor<2xf32>) {
  %y = onnx.node "Cast"(%x0) {domain = "", opset = 13 : i64, name = "cast_bool_to_f32", attrs = {to = 1 : i64}} : (tensor<2xi1>) -> tensor<2xf32>
  return %y : tensor<2xf32>
}

// CHECK: rank = 1 offset = 0 sizes = [2]
// CHECK-NEXT: {{\[}}1, 0]
func.func @cast_bool_to_i64(%x0: tensor<2xi1>) -> (tensor<2xi64>) {
  %y = onnx.node "Cast"(%x0) {domain = "", opset = 13 : i64, name = "cast_bool_to_i64", attrs = {to = 7 : i64}} : (tensor<2xi1>) -> tensor<2xi64>
  return %y : tensor<2xi64>
}

// CHECK: rank = 1 offset = 0 sizes = [3]
// CHECK-NEXT: {{\[}}2048, 65504, -3]
func.func @cast_i64_to_f16(%x0: tensor<3xi64>) -> (tensor<3xf16>) {
  %y = onnx.node "Cast"(%x0) {domain = "", opset = 13 : i64, name = "cast_i64_to_f16", attrs = {to = 10 : i64}} : (tensor<3xi64>) -> tensor<3xf16>
  return %y : tensor<3xf16>
}

// bfloat16 rounds to nearest even.
// CHECK: rank = 1 offset = 0 sizes = [4]
// CHECK-NEXT: {{\[}}1, 1.01562, -3.00406e+38, 0.100098]
func.func @cast_f32_to_bf16(%x0: tensor<4xf32>) -> (tensor<4xbf16>) {
  %y = onnx.node "Cast"(%x0) {domain = "", opset = 13 : i64, name = "cast_f32_to_bf16", attrs = {to = 16 : i64}} : (tensor<4xf32>) -> tensor<4xbf16>
  return %y : tensor<4xbf16>
}

// CHECK: rank = 1 offset = 0 sizes = [3]
// CHECK-NEXT: {{\[}}0.100098, -65536, 3]
func.func @cast_f16_to_bf16(%x0: tensor<3xf16>) -> (tensor<3xbf16>) {
  %y = onnx.node "Cast"(%x0) {domain = "", opset = 13 : i64, name = "cast_f16_to_bf16", attrs = {to = 16 : i64}} : (tensor<3xf16>) -> tensor<3xbf16>
  return %y : tensor<3xbf16>
}

// CHECK: rank = 1 offset = 0 sizes = [3]
// CHECK-NEXT: {{\[}}0.1, inf, -2.5]
func.func @cast_f64_to_f32(%x0: tensor<3xf64>) -> (tensor<3xf32>) {
  %y = onnx.node "Cast"(%x0) {domain = "", opset = 13 : i64, name = "cast_f64_to_f32", attrs = {to = 1 : i64}} : (tensor<3xf64>) -> tensor<3xf32>
  return %y : tensor<3xf32>
}

// CHECK: rank = 1 offset = 0 sizes = [4]
// CHECK-NEXT: {{\[}}-2.7, 2.7, -0.5, 100.9]
func.func @cast_f32_to_f64(%x0: tensor<4xf32>) -> (tensor<4xf64>) {
  %y = onnx.node "Cast"(%x0) {domain = "", opset = 13 : i64, name = "cast_f32_to_f64", attrs = {to = 11 : i64}} : (tensor<4xf32>) -> tensor<4xf64>
  return %y : tensor<4xf64>
}

// CHECK: rank = 1 offset = 0 sizes = [2]
// CHECK-NEXT: {{\[}}3e+09, 1]
func.func @cast_ui32_to_f64(%x0: tensor<2xui32>) -> (tensor<2xf64>) {
  %y = onnx.node "Cast"(%x0) {domain = "", opset = 13 : i64, name = "cast_ui32_to_f64", attrs = {to = 11 : i64}} : (tensor<2xui32>) -> tensor<2xf64>
  return %y : tensor<2xf64>
}

// Cast-1 names the type.
// CHECK: rank = 1 offset = 0 sizes = [4]
// CHECK-NEXT: {{\[}}-2, 2, 0, 100]
func.func @cast_1_named_type(%x0: tensor<4xf32>) -> (tensor<4xi32>) {
  %y = onnx.node "Cast"(%x0) {domain = "", opset = 1 : i64, name = "cast_1_named_type", attrs = {to = "INT32"}} : (tensor<4xf32>) -> tensor<4xi32>
  return %y : tensor<4xi32>
}

// CastLike takes the type (and signedness) of its second input.
// CHECK: rank = 1 offset = 0 sizes = [3]
// CHECK-NEXT: {{\[}}200, 0, 255]
func.func @cast_like_ui8(%x0: tensor<3xf32>, %x1: tensor<1xui8>) -> (tensor<3xi8>) {
  %y = onnx.node "CastLike"(%x0, %x1) {domain = "", opset = 15 : i64, name = "cast_like_ui8", attrs = {}} : (tensor<3xf32>, tensor<1xui8>) -> tensor<3xi8>
  return %y : tensor<3xi8>
}

// CHECK: rank = 1 offset = 0 sizes = [3]
// CHECK-NEXT: {{\[}}2048, 65504, -3]
func.func @cast_like_f16(%x0: tensor<3xi64>, %x1: tensor<2x2xf16>) -> (tensor<3xf16>) {
  %y = onnx.node "CastLike"(%x0, %x1) {domain = "", opset = 19 : i64, name = "cast_like_f16", attrs = {}} : (tensor<3xi64>, tensor<2x2xf16>) -> tensor<3xf16>
  return %y : tensor<3xf16>
}

func.func @main() {
  %c1 = arith.constant dense<[-2.700000047683716, 2.700000047683716, -0.5, 100.9000015258789]> : tensor<4xf32>
  %r2 = call @cast_f32_to_i32(%c1) : (tensor<4xf32>) -> (tensor<4xi32>)
  %u3 = tensor.cast %r2 : tensor<4xi32> to tensor<*xi32>
  call @printMemrefI32(%u3) : (tensor<*xi32>) -> ()
  %c4 = arith.constant dense<[200.89999389648438, 0.5, 255.0]> : tensor<3xf32>
  %r5 = call @cast_f32_to_ui8(%c4) : (tensor<3xf32>) -> (tensor<3xi8>)
  %p6 = arith.extui %r5 : tensor<3xi8> to tensor<3xi32>
  %u6 = tensor.cast %p6 : tensor<3xi32> to tensor<*xi32>
  call @printMemrefI32(%u6) : (tensor<*xi32>) -> ()
  %c7 = arith.constant dense<[0.0, -0.0, 0.5, 0x7FC00000, 0xFF800000]> : tensor<5xf32>
  %r8 = call @cast_f32_to_bool(%c7) : (tensor<5xf32>) -> (tensor<5xi1>)
  %p9 = arith.extui %r8 : tensor<5xi1> to tensor<5xi32>
  %u9 = tensor.cast %p9 : tensor<5xi32> to tensor<*xi32>
  call @printMemrefI32(%u9) : (tensor<*xi32>) -> ()
  %c10 = arith.constant dense<[-1, 5, -128]> : tensor<3xi8>
  %r11 = call @cast_i8_to_ui16(%c10) : (tensor<3xi8>) -> (tensor<3xi16>)
  %p12 = arith.extui %r11 : tensor<3xi16> to tensor<3xi32>
  %u12 = tensor.cast %p12 : tensor<3xi32> to tensor<*xi32>
  call @printMemrefI32(%u12) : (tensor<*xi32>) -> ()
  %c13 = arith.constant dense<[255, 128, 7]> : tensor<3xui8>
  %r14 = call @cast_ui8_to_i16(%c13) : (tensor<3xui8>) -> (tensor<3xi16>)
  %p15 = arith.extsi %r14 : tensor<3xi16> to tensor<3xi32>
  %u15 = tensor.cast %p15 : tensor<3xi32> to tensor<*xi32>
  call @printMemrefI32(%u15) : (tensor<*xi32>) -> ()
  %c16 = arith.constant dense<[255, 128, 7]> : tensor<3xui8>
  %r17 = call @cast_ui8_to_f32(%c16) : (tensor<3xui8>) -> (tensor<3xf32>)
  %u18 = tensor.cast %r17 : tensor<3xf32> to tensor<*xf32>
  call @printMemrefF32(%u18) : (tensor<*xf32>) -> ()
  %c19 = arith.constant dense<[300, -129, 65]> : tensor<3xi32>
  %r20 = call @cast_i32_to_i8(%c19) : (tensor<3xi32>) -> (tensor<3xi8>)
  %p21 = arith.extsi %r20 : tensor<3xi8> to tensor<3xi32>
  %u21 = tensor.cast %p21 : tensor<3xi32> to tensor<*xi32>
  call @printMemrefI32(%u21) : (tensor<*xi32>) -> ()
  %c22 = arith.constant dense<[true, false]> : tensor<2xi1>
  %r23 = call @cast_bool_to_f32(%c22) : (tensor<2xi1>) -> (tensor<2xf32>)
  %u24 = tensor.cast %r23 : tensor<2xf32> to tensor<*xf32>
  call @printMemrefF32(%u24) : (tensor<*xf32>) -> ()
  %c25 = arith.constant dense<[true, false]> : tensor<2xi1>
  %r26 = call @cast_bool_to_i64(%c25) : (tensor<2xi1>) -> (tensor<2xi64>)
  %p27 = arith.trunci %r26 : tensor<2xi64> to tensor<2xi32>
  %u27 = tensor.cast %p27 : tensor<2xi32> to tensor<*xi32>
  call @printMemrefI32(%u27) : (tensor<*xi32>) -> ()
  %c28 = arith.constant dense<[2049, 65519, -3]> : tensor<3xi64>
  %r29 = call @cast_i64_to_f16(%c28) : (tensor<3xi64>) -> (tensor<3xf16>)
  %p30 = arith.extf %r29 : tensor<3xf16> to tensor<3xf32>
  %u30 = tensor.cast %p30 : tensor<3xf32> to tensor<*xf32>
  call @printMemrefF32(%u30) : (tensor<*xf32>) -> ()
  %c31 = arith.constant dense<[1.00390625, 1.01171875, -3.0000000054977558e+38, 0.10000000149011612]> : tensor<4xf32>
  %r32 = call @cast_f32_to_bf16(%c31) : (tensor<4xf32>) -> (tensor<4xbf16>)
  %p33 = arith.extf %r32 : tensor<4xbf16> to tensor<4xf32>
  %u33 = tensor.cast %p33 : tensor<4xf32> to tensor<*xf32>
  call @printMemrefF32(%u33) : (tensor<*xf32>) -> ()
  %c34 = arith.constant dense<[0.0999755859375, -65504.0, 3.0]> : tensor<3xf16>
  %r35 = call @cast_f16_to_bf16(%c34) : (tensor<3xf16>) -> (tensor<3xbf16>)
  %p36 = arith.extf %r35 : tensor<3xbf16> to tensor<3xf32>
  %u36 = tensor.cast %p36 : tensor<3xf32> to tensor<*xf32>
  call @printMemrefF32(%u36) : (tensor<*xf32>) -> ()
  %c37 = arith.constant dense<[0.1, 1.0e+40, -2.5]> : tensor<3xf64>
  %r38 = call @cast_f64_to_f32(%c37) : (tensor<3xf64>) -> (tensor<3xf32>)
  %u39 = tensor.cast %r38 : tensor<3xf32> to tensor<*xf32>
  call @printMemrefF32(%u39) : (tensor<*xf32>) -> ()
  %c40 = arith.constant dense<[-2.700000047683716, 2.700000047683716, -0.5, 100.9000015258789]> : tensor<4xf32>
  %r41 = call @cast_f32_to_f64(%c40) : (tensor<4xf32>) -> (tensor<4xf64>)
  %p42 = arith.truncf %r41 : tensor<4xf64> to tensor<4xf32>
  %u42 = tensor.cast %p42 : tensor<4xf32> to tensor<*xf32>
  call @printMemrefF32(%u42) : (tensor<*xf32>) -> ()
  %c43 = arith.constant dense<[3000000000, 1]> : tensor<2xui32>
  %r44 = call @cast_ui32_to_f64(%c43) : (tensor<2xui32>) -> (tensor<2xf64>)
  %p45 = arith.truncf %r44 : tensor<2xf64> to tensor<2xf32>
  %u45 = tensor.cast %p45 : tensor<2xf32> to tensor<*xf32>
  call @printMemrefF32(%u45) : (tensor<*xf32>) -> ()
  %c46 = arith.constant dense<[-2.700000047683716, 2.700000047683716, -0.5, 100.9000015258789]> : tensor<4xf32>
  %r47 = call @cast_1_named_type(%c46) : (tensor<4xf32>) -> (tensor<4xi32>)
  %u48 = tensor.cast %r47 : tensor<4xi32> to tensor<*xi32>
  call @printMemrefI32(%u48) : (tensor<*xi32>) -> ()
  %c49 = arith.constant dense<[200.89999389648438, 0.5, 255.0]> : tensor<3xf32>
  %c50 = arith.constant dense<[0]> : tensor<1xui8>
  %r51 = call @cast_like_ui8(%c49, %c50) : (tensor<3xf32>, tensor<1xui8>) -> (tensor<3xi8>)
  %p52 = arith.extui %r51 : tensor<3xi8> to tensor<3xi32>
  %u52 = tensor.cast %p52 : tensor<3xi32> to tensor<*xi32>
  call @printMemrefI32(%u52) : (tensor<*xi32>) -> ()
  %c53 = arith.constant dense<[2049, 65519, -3]> : tensor<3xi64>
  %c54 = arith.constant dense<[[0.0, 0.0], [0.0, 0.0]]> : tensor<2x2xf16>
  %r55 = call @cast_like_f16(%c53, %c54) : (tensor<3xi64>, tensor<2x2xf16>) -> (tensor<3xf16>)
  %p56 = arith.extf %r55 : tensor<3xf16> to tensor<3xf32>
  %u56 = tensor.cast %p56 : tensor<3xf32> to tensor<*xf32>
  call @printMemrefF32(%u56) : (tensor<*xf32>) -> ()
  return
}
func.func private @printMemrefF32(tensor<*xf32>)
func.func private @printMemrefI32(tensor<*xi32>)
