// RUN: quench-opt %s --pass-pipeline='builtin.module(func.func(quench-insert-observers))' | FileCheck %s
// RUN: quench-opt %s --pass-pipeline='builtin.module(func.func(quench-insert-observers),quench-expose-observers)' | FileCheck %s --check-prefix=EXPOSE

// Two layers read %x (like q/k/v): one observer, named after the first
// layer's weight, feeds both; the layer reading %h gets its own.
// CHECK-LABEL: func.func @main
// CHECK: %[[X:.*]] = qnt.observe %arg0 {name = "wa"} : tensor<2x8xf32>
// CHECK-NOT: qnt.observe %arg0
// CHECK: linalg.matmul ins(%[[X]], %{{.*}} : tensor<2x8xf32>, tensor<8x4xf32>)
// CHECK: linalg.matmul ins(%[[X]], %{{.*}} : tensor<2x8xf32>, tensor<8x4xf32>)
// CHECK: %[[H:.*]] = qnt.observe %{{.*}} {name = "wc"} : tensor<2x4xf32>
// CHECK: linalg.matmul ins(%[[H]],

// The calibration copy returns four statistics per observer (Gram [K, K],
// absmax, min, max [K]) after the model's own result, named for the manifest.
// EXPOSE: module attributes {quench.observers = ["wa", "wc"]}
// EXPOSE: func.func @main(%arg0: tensor<2x8xf32>) -> (tensor<2x4xf32>, tensor<8x8xf32> {onnx.name = "wa.gram"}, tensor<8xf32> {onnx.name = "wa.absmax"}, tensor<8xf32> {onnx.name = "wa.min"}, tensor<8xf32> {onnx.name = "wa.max"}, tensor<4x4xf32> {onnx.name = "wc.gram"}, tensor<4xf32> {onnx.name = "wc.absmax"}, tensor<4xf32> {onnx.name = "wc.min"}, tensor<4xf32> {onnx.name = "wc.max"})
// EXPOSE-NOT: qnt.observe
// EXPOSE: linalg.generic {{.*}} iterator_types = ["parallel", "parallel", "reduction"]} ins(%arg0, %arg0 : tensor<2x8xf32>, tensor<2x8xf32>)
// EXPOSE: math.absf
// EXPOSE: arith.minimumf
// EXPOSE: arith.maximumf
func.func @main(%x: tensor<2x8xf32>) -> tensor<2x4xf32> {
  %wa = arith.constant {onnx.name = "wa"} dense<0.5> : tensor<8x4xf32>
  %wb = arith.constant {onnx.name = "wb"} dense<0.25> : tensor<8x4xf32>
  %wc = arith.constant {onnx.name = "wc"} dense<1.0> : tensor<4x4xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x4xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<2x4xf32>) -> tensor<2x4xf32>
  %a = linalg.matmul ins(%x, %wa : tensor<2x8xf32>, tensor<8x4xf32>) outs(%f : tensor<2x4xf32>) -> tensor<2x4xf32>
  %b = linalg.matmul ins(%x, %wb : tensor<2x8xf32>, tensor<8x4xf32>) outs(%f : tensor<2x4xf32>) -> tensor<2x4xf32>
  %h = arith.addf %a, %b : tensor<2x4xf32>
  %c = linalg.matmul ins(%h, %wc : tensor<2x4xf32>, tensor<4x4xf32>) outs(%f : tensor<2x4xf32>) -> tensor<2x4xf32>
  return %c : tensor<2x4xf32>
}
