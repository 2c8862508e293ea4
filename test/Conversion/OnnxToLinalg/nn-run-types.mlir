// RUN: quench-opt %s --convert-onnx-to-linalg | %run_reference | FileCheck %s

// bfloat16 data is computed in f32 and rounded once at the end; int8 and
// uint8 MaxPool compare with the signedness of the data.

// exp/sum rounded to bf16 (8 significant bits).
// CHECK: sizes = [2, 3]
// CHECK-NEXT: [0.0898438, 0.245117, 0.664062]
// CHECK-NEXT: [0.333984, 0.333984, 0.333984]
func.func @softmax_bf16(%x: tensor<2x3xbf16>) -> tensor<2x3xbf16> {
  %y = onnx.node "Softmax"(%x) {domain = "", opset = 13 : i64, name = "softmax", attrs = {}} : (tensor<2x3xbf16>) -> tensor<2x3xbf16>
  return %y : tensor<2x3xbf16>
}

// 256 + 1 - 256 is 1 in f32; a bf16 accumulator would round 257 to 256.
// CHECK: sizes = [2, 2]
// CHECK-NEXT: [6, 6]
// CHECK-NEXT: [1, 1]
func.func @matmul_bf16(%a: tensor<2x3xbf16>, %b: tensor<3x2xbf16>) -> tensor<2x2xbf16> {
  %y = onnx.node "MatMul"(%a, %b) {domain = "", opset = 13 : i64, name = "matmul", attrs = {}} : (tensor<2x3xbf16>, tensor<3x2xbf16>) -> tensor<2x2xbf16>
  return %y : tensor<2x2xbf16>
}

// (x - 2.5) / sqrt(1.25) rounded to bf16.
// CHECK: sizes = [1, 4]
// CHECK-NEXT: [-1.34375, -0.447266, 0.447266, 1.34375]
func.func @layernorm_bf16(%x: tensor<1x4xbf16>, %scale: tensor<4xbf16>) -> tensor<1x4xbf16> {
  %y = onnx.node "LayerNormalization"(%x, %scale) {domain = "", opset = 17 : i64, name = "layernorm", attrs = {epsilon = 0.0 : f32}} : (tensor<1x4xbf16>, tensor<4xbf16>) -> tensor<1x4xbf16>
  return %y : tensor<1x4xbf16>
}

// Padding (-128) never wins; windows over 2x2 with one cell of padding.
// CHECK: sizes = [1, 1, 3, 3]
// CHECK-NEXT: [-5, -5, -128]
// CHECK-NEXT: [3, 3, -7]
// CHECK-NEXT: [3, 3, -7]
// Unsigned: 200 and 255 are large, the padding is 0.
// CHECK: sizes = [1, 1, 3, 3]
// CHECK-NEXT: [200, 200, 0]
// CHECK-NEXT: [200, 255, 255]
// CHECK-NEXT: [1, 255, 255]
func.func @main() {
  %x = arith.constant dense<[[0.0, 1.0, 2.0], [3.0, 3.0, 3.0]]> : tensor<2x3xbf16>
  %s = call @softmax_bf16(%x) : (tensor<2x3xbf16>) -> tensor<2x3xbf16>
  %s32 = arith.extf %s : tensor<2x3xbf16> to tensor<2x3xf32>
  %su = tensor.cast %s32 : tensor<2x3xf32> to tensor<*xf32>
  call @printMemrefF32(%su) : (tensor<*xf32>) -> ()

  %a = arith.constant dense<[[1.0, 2.0, 3.0], [256.0, 1.0, -256.0]]> : tensor<2x3xbf16>
  %b = arith.constant dense<1.0> : tensor<3x2xbf16>
  %m = call @matmul_bf16(%a, %b) : (tensor<2x3xbf16>, tensor<3x2xbf16>) -> tensor<2x2xbf16>
  %m32 = arith.extf %m : tensor<2x2xbf16> to tensor<2x2xf32>
  %mu = tensor.cast %m32 : tensor<2x2xf32> to tensor<*xf32>
  call @printMemrefF32(%mu) : (tensor<*xf32>) -> ()

  %lx = arith.constant dense<[[1.0, 2.0, 3.0, 4.0]]> : tensor<1x4xbf16>
  %ls = arith.constant dense<1.0> : tensor<4xbf16>
  %l = call @layernorm_bf16(%lx, %ls) : (tensor<1x4xbf16>, tensor<4xbf16>) -> tensor<1x4xbf16>
  %l32 = arith.extf %l : tensor<1x4xbf16> to tensor<1x4xf32>
  %lu = tensor.cast %l32 : tensor<1x4xf32> to tensor<*xf32>
  call @printMemrefF32(%lu) : (tensor<*xf32>) -> ()

  %i = arith.constant dense<[[[[-5, -128], [3, -7]]]]> : tensor<1x1x2x2xi8>
  %ip = onnx.node "MaxPool"(%i) {domain = "", opset = 12 : i64, name = "maxpool_i8", attrs = {kernel_shape = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>}} : (tensor<1x1x2x2xi8>) -> tensor<1x1x3x3xi8>
  %i32 = arith.extsi %ip : tensor<1x1x3x3xi8> to tensor<1x1x3x3xi32>
  %iu = tensor.cast %i32 : tensor<1x1x3x3xi32> to tensor<*xi32>
  call @printMemrefI32(%iu) : (tensor<*xi32>) -> ()

  // The lowering makes uint8 data signless and remembers it is unsigned.
  %u = arith.constant dense<[[[[200, 0], [1, 255]]]]> : tensor<1x1x2x2xui8>
  %up = onnx.node "MaxPool"(%u) {domain = "", opset = 12 : i64, name = "maxpool_u8", attrs = {kernel_shape = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>}} : (tensor<1x1x2x2xui8>) -> tensor<1x1x3x3xi8>
  %u32 = arith.extui %up : tensor<1x1x3x3xi8> to tensor<1x1x3x3xi32>
  %uu = tensor.cast %u32 : tensor<1x1x3x3xi32> to tensor<*xi32>
  call @printMemrefI32(%uu) : (tensor<*xi32>) -> ()
  return
}
func.func private @printMemrefF32(tensor<*xf32>)
func.func private @printMemrefI32(tensor<*xi32>)
