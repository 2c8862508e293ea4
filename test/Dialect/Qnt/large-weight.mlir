// RUN: quench-opt %s --verify-roundtrip | FileCheck %s

// A 4096x4096 weight at group 128 has 131,072 scales. They are a tensor
// operand; the type stays a few dozen characters however large the weight.

!w = !qnt.qtensor<4096x4096xf16, #qnt.uniform<bits = 4, signedness = unsigned, block = [1, 128], zero_point = true, packing = <bits = 4>>>

// CHECK-LABEL: func.func @llama_projection
// CHECK-SAME: (%[[CODES:.*]]: tensor<4096x2048xi8>, %[[SCALES:.*]]: tensor<4096x32xf16>, %[[ZEROS:.*]]: tensor<4096x32xi8>
// CHECK: %[[W:.*]] = qnt.uniform %[[CODES]] scales(%[[SCALES]]) zero_points(%[[ZEROS]])
// CHECK-SAME: -> !qnt.qtensor<4096x4096xf16, #qnt.uniform<bits = 4, signedness = unsigned, block = [1, 128], zero_point = true, packing = <bits = 4>>>
// CHECK: qnt.matmul %{{.*}}, %[[W]]
func.func @llama_projection(%codes: tensor<4096x2048xi8>, %scales: tensor<4096x32xf16>,
                            %zeros: tensor<4096x32xi8>, %x: tensor<1x4096xf16>) -> tensor<1x4096xf16> {
  %w = qnt.uniform %codes scales(%scales) zero_points(%zeros)
      : (tensor<4096x2048xi8>, tensor<4096x32xf16>, tensor<4096x32xi8>) -> !w
  %y = qnt.matmul %x, %w : (tensor<1x4096xf16>, !w) -> tensor<1x4096xf16>
  return %y : tensor<1x4096xf16>
}

// An AQLM 1x16 codebook holds 65,536 vectors of 8: again an operand.
// CHECK-LABEL: func.func @aqlm_1x16
// CHECK: qnt.additive %{{.*}} codebooks(%{{.*}}) scales(%{{.*}}) : (tensor<4096x512x1xi16>, tensor<1x65536x8xf16>, tensor<4096xf16>) -> !qnt.qtensor<4096x4096xf16, #qnt.additive<books = 1, bits = 16, dim = 8>>
func.func @aqlm_1x16(%codes: tensor<4096x512x1xi16>, %books: tensor<1x65536x8xf16>,
                     %scales: tensor<4096xf16>) -> !qnt.qtensor<4096x4096xf16, #qnt.additive<books = 1, bits = 16, dim = 8>> {
  %w = qnt.additive %codes codebooks(%books) scales(%scales)
      : (tensor<4096x512x1xi16>, tensor<1x65536x8xf16>, tensor<4096xf16>)
      -> !qnt.qtensor<4096x4096xf16, #qnt.additive<books = 1, bits = 16, dim = 8>>
  return %w : !qnt.qtensor<4096x4096xf16, #qnt.additive<books = 1, bits = 16, dim = 8>>
}
