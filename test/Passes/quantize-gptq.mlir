// RUN: not quench-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(quench-quantize-gptq{bits=2 group-size=4 report=true}))' 2>&1 | FileCheck %s
// RUN: not quench-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(quench-quantize-gptq{bits=2 group-size=4}))' 2>&1 | FileCheck %s --check-prefix=NOSTATS
// RUN: not quench-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(quench-quantize-gptq{bits=2 group-size=4 mse-clip=true}))' 2>&1 | FileCheck %s --check-prefix=MSE

// GPTQ with the Hessian quench-calibrate attaches to the layer's observed
// input. With H = I nothing is compensated, so the codes are RTN's, checked
// by hand in quantize-rtn.mlir: 78, -45 for output 0; the report gives both
// objectives (equal here). The output layer, without statistics, stays float.
// CHECK: gptq: w1 [4 x 8] objective RTN [[OBJ:[0-9.e+-]+]] GPTQ [[OBJ]] (1.000)
// CHECK-LABEL: func.func @calibrated
// CHECK-DAG: arith.constant dense<{{\[}}[78, -45], {{.*}}]> : tensor<4x2xi8>
// CHECK: qnt.matmul %{{.*}} {quench.weight = "w1"} : (tensor<2x8xf32>, !qnt.qtensor<4x8xf32, #qnt.uniform<bits = 2, signedness = unsigned, block = [1, 4], zero_point = true, packing = <bits = 2>>>) -> tensor<2x4xf32>
// CHECK: linalg.matmul
// With mse-clip each group's range is searched as quench-quantize-rtn's
// mse-clip does (H = I: its codes, checked in quantize-rtn.mlir).
// MSE-LABEL: func.func @calibrated
// MSE: arith.constant dense<{{\[}}[-114, -45], [-76, 83], [55, -40], [-115, -56]]> : tensor<4x2xi8>
func.func @calibrated(%x: tensor<2x8xf32>) -> tensor<2x2xf32> {
  %w1 = arith.constant {onnx.name = "w1"} dense<[[1.0, -1.0, 0.5, 0.25], [2.0, 0.0, -0.5, 1.5], [-1.0, 1.0, 0.75, 0.0], [0.5, 0.5, -2.0, 1.0], [1.0, 2.0, 0.0, -0.5], [0.0, -1.5, 1.0, 1.0], [0.25, 0.5, 0.5, -1.0], [1.0, 0.0, 1.5, 2.0]]> : tensor<8x4xf32>
  %w2 = arith.constant {onnx.name = "w2"} dense<[[1.0, 0.5], [0.5, -1.0], [2.0, 1.0], [-0.5, 0.25]]> : tensor<4x2xf32>
  %zero = arith.constant 0.0 : f32
  %xo = qnt.observe %x {name = "w1", quench.hessian = dense_resource<identity8> : tensor<8x8xf64>} : tensor<2x8xf32>
  %e1 = tensor.empty() : tensor<2x4xf32>
  %f1 = linalg.fill ins(%zero : f32) outs(%e1 : tensor<2x4xf32>) -> tensor<2x4xf32>
  %h = linalg.matmul ins(%xo, %w1 : tensor<2x8xf32>, tensor<8x4xf32>) outs(%f1 : tensor<2x4xf32>) -> tensor<2x4xf32>
  %e2 = tensor.empty() : tensor<2x2xf32>
  %f2 = linalg.fill ins(%zero : f32) outs(%e2 : tensor<2x2xf32>) -> tensor<2x2xf32>
  %y = linalg.matmul ins(%h, %w2 : tensor<2x4xf32>, tensor<4x2xf32>) outs(%f2 : tensor<2x2xf32>) -> tensor<2x2xf32>
  return %y : tensor<2x2xf32>
}

{-#
  dialect_resources: {
    builtin: {
      identity8: "0x08000000000000000000F03F00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000F03F00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000F03F00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000F03F00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000F03F00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000F03F00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000F03F00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000F03F"
    }
  }
#-}

// -----

// Without calibration statistics GPTQ has nothing to work from.
// NOSTATS: error: quench-quantize-gptq: no linear layer has calibrated statistics (run quench-calibrate first)
func.func @uncalibrated(%x: tensor<2x8xf32>) -> tensor<2x2xf32> {
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
