// RUN: quench-opt %s | %run_reference | FileCheck %s
//
// qnt.quantize where the op description's formula
//   q = clamp(round_half_even(x / s) + z, qmin, qmax)
// needs the precision written down in include/quench/Quant/Formats.h (note 1),
// which the MLIR reference lowering is documented to match:
//   - a non-integral float zero point: the sum is rounded half to even once
//     more before clamping, q = clamp(rhe(rhe(x / s) + z), qmin, qmax);
//   - a NaN x / s is treated as 0, q = clamp(z); in any case q lies in
//     [qmin, qmax].
// Expected values computed independently of Quench.

// Signed 8-bit, scale 1, float zero points 0.5 and -1.5 (Formats.h note 1):
// row 0: 2 + 0.5 = 2.5 -> 2, 3 + 0.5 = 3.5 -> 4, -1 + 0.5 = -0.5 -> 0, 127.5 -> 128 -> 127;
// row 1: 0 - 1.5 -> -2, 1 - 1.5 = -0.5 -> 0, -4.5 -> -4, 0.5 -> 0.
// CHECK: rank = 2 offset = 0 sizes = [2, 4] strides = [4, 1] data =
// CHECK-NEXT: {{\[\[}}2, 4, 0, 127],
// CHECK-NEXT: [-2, 0, -4, 0]]
func.func @float_zero_point_non_integral() {
  %x = arith.constant dense<[[2.0, 3.0, -1.0, 127.0], [0.0, 1.0, -3.0, 2.0]]> : tensor<2x4xf32>
  %s = arith.constant dense<[[1.0], [1.0]]> : tensor<2x1xf32>
  %z = arith.constant dense<[[0.5], [-1.5]]> : tensor<2x1xf32>
  %out = qnt.quantize %x scales(%s) zero_points(%z) {encoding = #qnt.uniform<bits = 8, block = [1, 4], zero_point = true>} : (tensor<2x4xf32>, tensor<2x1xf32>, tensor<2x1xf32>) -> tensor<2x4xi32>
  %printed = tensor.cast %out : tensor<2x4xi32> to tensor<*xi32>
  call @printMemrefI32(%printed) : (tensor<*xi32>) -> ()
  return
}

// A NaN input is quantized as x / s = 0 (Formats.h note 1): signed 8-bit with zero
// point 5 gives 5; the code must in any case lie in [-128, 127].
// CHECK: rank = 2 offset = 0 sizes = [1, 4] strides = [4, 1] data =
// CHECK-NEXT: {{\[\[}}5, 6, 5, 3]]
func.func @nan_input() {
  %x = arith.constant dense<[[0x7FC00000, 1.0, 0xFFC00000, -2.0]]> : tensor<1x4xf32>
  %s = arith.constant dense<[[1.0]]> : tensor<1x1xf32>
  %z = arith.constant dense<[[5]]> : tensor<1x1xi8>
  %out = qnt.quantize %x scales(%s) zero_points(%z) {encoding = #qnt.uniform<bits = 8, block = [1, 4], zero_point = true>} : (tensor<1x4xf32>, tensor<1x1xf32>, tensor<1x1xi8>) -> tensor<1x4xi32>
  %printed = tensor.cast %out : tensor<1x4xi32> to tensor<*xi32>
  call @printMemrefI32(%printed) : (tensor<*xi32>) -> ()
  return
}

func.func @main() {
  call @float_zero_point_non_integral() : () -> ()
  call @nan_input() : () -> ()
  return
}
func.func private @printMemrefF32(tensor<*xf32>)
func.func private @printMemrefI32(tensor<*xi32>)
