// RUN: quench-opt %s --lower-qnt-to-linalg -split-input-file -verify-diagnostics
//
// A quantized operand must be built by a qnt constructor in the same function:
// the reference lowering needs its codes and scales.

func.func @matmul_weight_is_argument(
    %x: tensor<2x8xf32>,
    %w: !qnt.qtensor<3x8xf32, #qnt.uniform<bits = 8, block = [1, 8]>>) -> tensor<2x3xf32> {
  // expected-error@+1 {{could not be lowered to linalg}}
  %y = qnt.matmul %x, %w
      : (tensor<2x8xf32>, !qnt.qtensor<3x8xf32, #qnt.uniform<bits = 8, block = [1, 8]>>) -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}

// -----

func.func @dequantize_argument(
    %w: !qnt.qtensor<4x8xf32, #qnt.lut<bits = 4, table = nf4, block = [1, 8]>>) -> tensor<4x8xf32> {
  // expected-error@+1 {{could not be lowered to linalg}}
  %f = qnt.dequantize %w
      : !qnt.qtensor<4x8xf32, #qnt.lut<bits = 4, table = nf4, block = [1, 8]>> -> tensor<4x8xf32>
  return %f : tensor<4x8xf32>
}
