// Codes and scales in dense_resource blobs (how weights are stored: out of the
// textual IR) go through the reference pipeline like any constant.
// RUN: quench-opt %s | %run_reference | FileCheck %s
// Bytes 0x79 0x08 | 0x0F 0x80 hold codes (9 7 8 0 | 15 0 0 8), low nibble first;
// scales [[0.5, 2], [1, 0.25]], zero point 8.
// CHECK:      [0.5,   -0.5,   0,   -16]
// CHECK-NEXT: [7,   -8,   -2,   0]

!w = !qnt.qtensor<2x4xf32, #qnt.uniform<bits = 4, signedness = unsigned, block = [1, 2], zero_point = true, packing = <bits = 4>>>
func.func @main() {
  %codes = arith.constant dense_resource<codes> : tensor<2x2xi8>
  %s = arith.constant dense_resource<scales> : tensor<2x2xf32>
  %z = arith.constant dense<8> : tensor<2x2xi8>
  %w = qnt.uniform %codes scales(%s) zero_points(%z) : (tensor<2x2xi8>, tensor<2x2xf32>, tensor<2x2xi8>) -> !w
  %f = qnt.dequantize %w : !w -> tensor<2x4xf32>
  %u = tensor.cast %f : tensor<2x4xf32> to tensor<*xf32>
  call @printMemrefF32(%u) : (tensor<*xf32>) -> ()
  return
}
func.func private @printMemrefF32(tensor<*xf32>)
{-#
  dialect_resources: {
    builtin: {
      codes: "0x0100000079080F80",
      scales: "0x040000000000003F000000400000803F0000803E"
    }
  }
#-}
