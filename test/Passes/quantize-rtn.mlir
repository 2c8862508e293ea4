// RUN: quench-opt %s --pass-pipeline='builtin.module(func.func(quench-quantize-rtn{bits=2 group-size=4}))' | FileCheck %s
// RUN: quench-opt %s --pass-pipeline='builtin.module(func.func(quench-quantize-rtn{bits=8 group-size=0 output-layer=true}))' | FileCheck %s --check-prefix=W8
// RUN: quench-opt %s --pass-pipeline='builtin.module(func.func(quench-quantize-rtn{bits=4 group-size=3}))' 2>&1 | FileCheck %s --check-prefix=GROUP
// RUN: quench-opt %s --pass-pipeline='builtin.module(func.func(quench-quantize-rtn{bits=2 group-size=0 per-tensor=true}))' | FileCheck %s --check-prefix=TENSOR
// RUN: quench-opt %s --pass-pipeline='builtin.module(func.func(quench-quantize-rtn{bits=2 group-size=0 per-tensor=true}),lower-qnt-to-linalg)' | FileCheck %s --check-prefix=TENSOR-LOWERED
// RUN: not quench-opt %s --pass-pipeline='builtin.module(func.func(quench-quantize-rtn{bits=2 per-tensor=true}))' 2>&1 | FileCheck %s --check-prefix=TENSOR-GROUP
// RUN: quench-opt %s --pass-pipeline='builtin.module(func.func(quench-quantize-rtn{bits=2 group-size=4 mse-clip=true}))' | FileCheck %s --check-prefix=MSE
// RUN: quench-compile %s --recipe=w2g4-rtn-mse --emit=linalg -o - | FileCheck %s --check-prefix=MSE

// Two linear layers. The hidden one (x @ w1, w1 [8 x 4]) becomes qnt.matmul
// of a [4 x 8] weight; the output layer (its result is returned) stays float.
//
// By hand, output 0 of w1 (column 0: 1, 2, -1, 0.5 | 1, 0, 0.25, 1), 2 bits:
//   group 0: range [-1, 2] -> scale 1, zero round(1) = 1,
//            codes round(w) + 1 = 2, 3, 0, 1 (0.5 rounds to even 0)
//            -> packed LSB first: 2 + 3*4 + 0*16 + 1*64 = 78
//   group 1: range [0, 1] -> scale 1/3, zero 0, codes 3, 0, 1, 3
//            -> 3 + 0 + 1*16 + 3*64 = 211 = -45 as i8
// CHECK-LABEL: func.func @main
// CHECK-DAG: %[[CODES:.*]] = arith.constant dense<{{\[}}[78, -45], {{.*}}]> : tensor<4x2xi8>
// CHECK-DAG: %[[SCALES:.*]] = arith.constant dense<{{\[}}[1.000000e+00, 0.333333343], {{.*}}]> : tensor<4x2xf32>
// CHECK-DAG: %[[ZEROS:.*]] = arith.constant dense<{{\[}}[1, 0], {{.*}}]> : tensor<4x2xi8>
// CHECK: %[[W:.*]] = qnt.uniform %[[CODES]] scales(%[[SCALES]]) zero_points(%[[ZEROS]]) {{.*}} -> !qnt.qtensor<4x8xf32, #qnt.uniform<bits = 2, signedness = unsigned, block = [1, 4], zero_point = true, packing = <bits = 2>>>
// CHECK: %[[H:.*]] = qnt.matmul %arg0, %[[W]] {quench.weight = "w1"} : (tensor<2x8xf32>, {{.*}}) -> tensor<2x4xf32>
// CHECK: linalg.matmul ins(%[[H]], %{{.*}} : tensor<2x4xf32>, tensor<4x2xf32>)

// mse-clip, output 0, group 0 (1, 2, -1, 0.5): the full range leaves
// error |0.5 - 0|^2.4 = 0.189; shrunk by p = 0.9 to [-0.9, 1.8] (scale 0.9,
// zero 1), codes 2, 3, 0, 2 dequantize to 0.9, 1.8, -0.9, 0.9, error
// 0.1^2.4 + 0.2^2.4 + 0.1^2.4 + 0.4^2.4 = 0.140, the least over the 80
// shrinks (a replica of quant.py's find_params agrees): packed 2 + 3*4 +
// 0*16 + 2*64 = 142 = -114. Group 1 (1, 0, 0.25, 1) shrinks by p = 0.98 to
// scale 0.98 / 3 with the same codes 3, 0, 1, 3. The other outputs, from
// the same replica.
// MSE-LABEL: func.func @main
// MSE-DAG: arith.constant dense<{{\[}}[-114, -45], [-76, 83], [55, -40], [-115, -56]]> : tensor<4x2xi8>
// MSE-DAG: arith.constant dense<{{\[}}[0.899999976, 0.326666653], {{.*}}]> : tensor<4x2xf32>

// 8 bits, one scale per output channel, output layer included: both layers
// are quantized, 8-bit codes unpacked.
// W8-LABEL: func.func @main
// W8-NOT: linalg.matmul
// W8: qnt.matmul {{.*}}!qnt.qtensor<4x8xf32, #qnt.uniform<bits = 8, signedness = unsigned, block = [1, 8], zero_point = true>>
// W8: qnt.matmul {{.*}}!qnt.qtensor<2x4xf32, #qnt.uniform<bits = 8, signedness = unsigned, block = [1, 4], zero_point = true>>

// Per tensor, 2 bits: one range over all of w1, [-2, 2] -> scale 4/3, stored
// as float 1.33333337, zero round(2 / 1.33333337) = round(1.49999997) = 1:
// a single scale and zero point, block [4, 8].
// TENSOR-DAG: %[[SCALES:.*]] = arith.constant dense<1.33333337> : tensor<1x1xf32>
// TENSOR-DAG: %[[ZEROS:.*]] = arith.constant dense<1> : tensor<1x1xi8>
// TENSOR: qnt.uniform %{{.*}} scales(%[[SCALES]]) zero_points(%[[ZEROS]]) {{.*}} -> !qnt.qtensor<4x8xf32, #qnt.uniform<bits = 2, signedness = unsigned, block = [4, 8], zero_point = true, packing = <bits = 2>>>
// TENSOR-LOWERED-NOT: qnt.
// TENSOR-GROUP: error: quench-quantize-rtn: per-tensor takes group-size=0, got 128

// GROUP: warning: weight 'w1' [8 x 4]: group size 3 does not divide its 8 inputs; left in float
// GROUP-NOT: qnt.matmul
func.func @main(%x: tensor<2x8xf32>) -> tensor<2x2xf32> {
  %w1 = arith.constant {onnx.name = "w1"} dense<[[1.0, -1.0, 0.5, 0.25], [2.0, 0.0, -0.5, 1.5], [-1.0, 1.0, 0.75, 0.0], [0.5, 0.5, -2.0, 1.0], [1.0, 2.0, 0.0, -0.5], [0.0, -1.5, 1.0, 1.0], [0.25, 0.5, 0.5, -1.0], [1.0, 0.0, 1.5, 2.0]]> : tensor<8x4xf32>
  %w2 = arith.constant {onnx.name = "w2"} dense<[[1.0, 0.5], [0.5, -1.0], [2.0, 1.0], [-0.5, 0.25]]> : tensor<4x2xf32>
  %zero = arith.constant 0.0 : f32
  %e1 = tensor.empty() : tensor<2x4xf32>
  %f1 = linalg.fill ins(%zero : f32) outs(%e1 : tensor<2x4xf32>) -> tensor<2x4xf32>
  %h = linalg.matmul ins(%x, %w1 : tensor<2x8xf32>, tensor<8x4xf32>) outs(%f1 : tensor<2x4xf32>) -> tensor<2x4xf32>
  %e2 = tensor.empty() : tensor<2x2xf32>
  %f2 = linalg.fill ins(%zero : f32) outs(%e2 : tensor<2x2xf32>) -> tensor<2x2xf32>
  %y = linalg.matmul ins(%h, %w2 : tensor<2x4xf32>, tensor<4x2xf32>) outs(%f2 : tensor<2x2xf32>) -> tensor<2x2xf32>
  return %y : tensor<2x2xf32>
}
