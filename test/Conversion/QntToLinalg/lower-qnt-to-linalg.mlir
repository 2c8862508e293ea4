// RUN: quench-opt %s --lower-qnt-to-linalg | FileCheck %s
//
// The IR shape of the reference lowering: a qnt.matmul of a uniform weight
// becomes one linalg.generic that builds the dequantized weight element by
// element (no inputs, tensor.extract of codes / zero points / scales), one that
// broadcasts the bias into the accumulator, and the contraction
// y[m, n] += x[m, k] * w[n, k]. No qnt op is left.

// CHECK-DAG: #[[$ID:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[$LHS:.*]] = affine_map<(d0, d1, d2) -> (d0, d2)>
// CHECK-DAG: #[[$RHS:.*]] = affine_map<(d0, d1, d2) -> (d1, d2)>
// CHECK-DAG: #[[$OUT:.*]] = affine_map<(d0, d1, d2) -> (d0, d1)>

// CHECK-LABEL: func.func @uniform_matmul(
// CHECK-SAME: %[[X:[a-zA-Z0-9_]+]]: tensor<2x8xf32>, %[[CODES:[a-zA-Z0-9_]+]]: tensor<3x4xi8>, %[[S:[a-zA-Z0-9_]+]]: tensor<3x2xf32>, %[[Z:[a-zA-Z0-9_]+]]: tensor<3x2xi8>, %[[B:[a-zA-Z0-9_]+]]: tensor<3xf32>)
// CHECK-NOT: qnt.
// CHECK: %[[W:.*]] = linalg.generic {indexing_maps = [#[[$ID]]], iterator_types = ["parallel", "parallel"]} outs(%{{.*}} : tensor<3x8xf32>)
// CHECK-DAG: tensor.extract %[[CODES]][%{{.*}}, %{{.*}}] : tensor<3x4xi8>
// CHECK-DAG: arith.shrui
// CHECK-DAG: arith.andi
// CHECK-DAG: tensor.extract %[[Z]][%{{.*}}, %{{.*}}] : tensor<3x2xi8>
// CHECK-DAG: arith.subf
// CHECK-DAG: tensor.extract %[[S]][%{{.*}}, %{{.*}}] : tensor<3x2xf32>
// CHECK: linalg.yield %{{.*}} : f32
// CHECK: %[[INIT:.*]] = linalg.generic {{.*}} outs(%{{.*}} : tensor<2x3xf32>)
// CHECK: tensor.extract %[[B]]
// CHECK: %[[Y:.*]] = linalg.generic {indexing_maps = [#[[$LHS]], #[[$RHS]], #[[$OUT]]], iterator_types = ["parallel", "parallel", "reduction"]} ins(%[[X]], %[[W]] : tensor<2x8xf32>, tensor<3x8xf32>) outs(%[[INIT]] : tensor<2x3xf32>)
// CHECK: arith.mulf
// CHECK: arith.addf
// CHECK: return %[[Y]] : tensor<2x3xf32>
// CHECK-NOT: qnt.
func.func @uniform_matmul(%x: tensor<2x8xf32>, %codes: tensor<3x4xi8>, %s: tensor<3x2xf32>,
                          %z: tensor<3x2xi8>, %b: tensor<3xf32>) -> tensor<2x3xf32> {
  %w = qnt.uniform %codes scales(%s) zero_points(%z)
      : (tensor<3x4xi8>, tensor<3x2xf32>, tensor<3x2xi8>)
      -> !qnt.qtensor<3x8xf32, #qnt.uniform<bits = 4, signedness = unsigned, block = [1, 4], zero_point = true, packing = <bits = 4>>>
  %y = qnt.matmul %x, %w bias(%b)
      : (tensor<2x8xf32>, !qnt.qtensor<3x8xf32, #qnt.uniform<bits = 4, signedness = unsigned, block = [1, 4], zero_point = true, packing = <bits = 4>>>, tensor<3xf32>)
      -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}

// With per-token activation quantization: an absmax reduction over the last
// dimension, a generic that rounds the activation half to even, then the
// contraction of the rounded activation.
// CHECK-LABEL: func.func @uniform_matmul_act_quant(
// CHECK-SAME: %[[X:[a-zA-Z0-9_]+]]: tensor<2x8xf32>
// CHECK-NOT: qnt.
// CHECK: %[[W:.*]] = linalg.generic {{.*}} outs(%{{.*}} : tensor<3x8xf32>)
// CHECK: %[[AMAX:.*]] = linalg.generic {{.*}}iterator_types = ["parallel", "reduction"]} ins(%[[X]] : tensor<2x8xf32>) outs(%{{.*}} : tensor<2xf32>)
// CHECK: math.absf
// CHECK: arith.maximumf
// CHECK: %[[XQ:.*]] = linalg.generic {{.*}} outs(%{{.*}} : tensor<2x8xf32>)
// CHECK: tensor.extract %[[AMAX]]
// CHECK: math.roundeven
// CHECK: %[[Y:.*]] = linalg.generic {{.*}} ins(%[[XQ]], %[[W]] : tensor<2x8xf32>, tensor<3x8xf32>)
// CHECK: return %[[Y]] : tensor<2x3xf32>
// CHECK-NOT: qnt.
func.func @uniform_matmul_act_quant(%x: tensor<2x8xf32>, %codes: tensor<3x8xi8>,
                                    %s: tensor<3x1xf32>) -> tensor<2x3xf32> {
  %w = qnt.uniform %codes scales(%s)
      : (tensor<3x8xi8>, tensor<3x1xf32>) -> !qnt.qtensor<3x8xf32, #qnt.uniform<bits = 8, block = [1, 8]>>
  %y = qnt.matmul %x, %w {act_quant = #qnt.act_quant<bits = 8>}
      : (tensor<2x8xf32>, !qnt.qtensor<3x8xf32, #qnt.uniform<bits = 8, block = [1, 8]>>) -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}
