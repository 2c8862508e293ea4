// RUN: quench-opt %s --split-input-file --verify-diagnostics --pass-pipeline='builtin.module(func.func(quench-insert-observers),quench-split-at-observers)' | FileCheck %s

// Three observers (x for wa/wb, h for wc, r for wd): three segments, the tail
// after the last observer (wd's matmul) dropped. Segment 0 only measures the
// model input; segment 1 takes wa and wb as arguments and the input x, and
// returns h (needed by segment 2 for wc and the residual) before the
// statistics of h; segment 2 takes wc and h. Constants and the zero fill are
// cloned where they are used, never passed.
// CHECK-LABEL: func.func @main_segment0(%arg0: tensor<2x8xf32> {onnx.name = "x", quench.input = 0 : i64})
// CHECK-SAME: -> (tensor<8x8xf32> {onnx.name = "wa.gram", quench.statistics = "wa"}, tensor<8xf32> {onnx.name = "wa.absmax", quench.statistics = "wa"}, tensor<8xf32> {onnx.name = "wa.min", quench.statistics = "wa"}, tensor<8xf32> {onnx.name = "wa.max", quench.statistics = "wa"})
// CHECK-NOT: linalg.matmul
// CHECK: linalg.generic {{.*}} iterator_types = ["parallel", "parallel", "reduction"]} ins(%arg0, %arg0
// CHECK: return

// CHECK-LABEL: func.func @main_segment1(%arg0: tensor<8x4xf32> {onnx.name = "wa", quench.weight = "wa"}, %arg1: tensor<8x4xf32> {onnx.name = "wb", quench.weight = "wb"}, %arg2: tensor<2x8xf32> {onnx.name = "x", quench.input = 0 : i64})
// CHECK-SAME: -> (tensor<2x4xf32> {onnx.name = "value1", quench.value = 1 : i64}, tensor<4x4xf32> {onnx.name = "wc.gram", quench.statistics = "wc"},
// CHECK-NOT: dense<
// CHECK: %[[ZERO:.*]] = linalg.fill
// CHECK: %[[A:.*]] = linalg.matmul ins(%arg2, %arg0 : {{.*}}) outs(%[[ZERO]]
// CHECK: %[[B:.*]] = linalg.matmul ins(%arg2, %arg1 : {{.*}}) outs(%[[ZERO]]
// CHECK: %[[H:.*]] = arith.addf %[[A]], %[[B]]
// CHECK: %[[G:.*]] = linalg.generic {{.*}} ins(%[[H]], %[[H]]
// CHECK: return %[[H]], %[[G]],

// CHECK-LABEL: func.func @main_segment2(%arg0: tensor<4x4xf32> {onnx.name = "wc", quench.weight = "wc"}, %arg1: tensor<2x4xf32> {onnx.name = "value1", quench.value = 1 : i64})
// CHECK: %[[C:.*]] = linalg.matmul ins(%arg1, %arg0 :
// CHECK: %[[R:.*]] = arith.addf %[[C]], %arg1
// CHECK: linalg.generic {{.*}} ins(%[[R]], %[[R]]
// CHECK-NOT: dense<2.0
// CHECK-NOT: func.func @main(
func.func @main(%x: tensor<2x8xf32> {onnx.name = "x"}) -> tensor<2x4xf32> {
  %wa = arith.constant {onnx.name = "wa"} dense<0.5> : tensor<8x4xf32>
  %wb = arith.constant {onnx.name = "wb"} dense<0.25> : tensor<8x4xf32>
  %wc = arith.constant {onnx.name = "wc"} dense<1.0> : tensor<4x4xf32>
  %wd = arith.constant {onnx.name = "wd"} dense<2.0> : tensor<4x4xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x4xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<2x4xf32>) -> tensor<2x4xf32>
  %a = linalg.matmul ins(%x, %wa : tensor<2x8xf32>, tensor<8x4xf32>) outs(%f : tensor<2x4xf32>) -> tensor<2x4xf32>
  %b = linalg.matmul ins(%x, %wb : tensor<2x8xf32>, tensor<8x4xf32>) outs(%f : tensor<2x4xf32>) -> tensor<2x4xf32>
  %h = arith.addf %a, %b : tensor<2x4xf32>
  %c = linalg.matmul ins(%h, %wc : tensor<2x4xf32>, tensor<4x4xf32>) outs(%f : tensor<2x4xf32>) -> tensor<2x4xf32>
  %r = arith.addf %c, %h : tensor<2x4xf32>
  %d = linalg.matmul ins(%r, %wd : tensor<2x4xf32>, tensor<4x4xf32>) outs(%f : tensor<2x4xf32>) -> tensor<2x4xf32>
  %out = arith.addf %d, %r : tensor<2x4xf32>
  return %out : tensor<2x4xf32>
}

// -----

// expected-error @below {{quench-split-at-observers: the entry has no qnt.observe}}
func.func @no_layers(%x: tensor<2x8xf32>) -> tensor<2x8xf32> {
  return %x : tensor<2x8xf32>
}

// -----

// The observer of %x sits at %x, the function's argument.
// expected-error @+1 {{quench-split-at-observers: an observed value needs a static f32 shape, got 'tensor<?x8xf32>'}}
func.func @dynamic(%x: tensor<?x8xf32>) -> tensor<?x4xf32> {
  %w = arith.constant {onnx.name = "w"} dense<0.5> : tensor<8x4xf32>
  %zero = arith.constant 0.0 : f32
  %c0 = arith.constant 0 : index
  %m = tensor.dim %x, %c0 : tensor<?x8xf32>
  %e = tensor.empty(%m) : tensor<?x4xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<?x4xf32>) -> tensor<?x4xf32>
  %a = linalg.matmul ins(%x, %w : tensor<?x8xf32>, tensor<8x4xf32>) outs(%f : tensor<?x4xf32>) -> tensor<?x4xf32>
  return %a : tensor<?x4xf32>
}
