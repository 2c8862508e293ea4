// Numeric check of qnt-from-quant: quant.dcast of upstream !quant.uniform
// tensors, imported into qnt and run through the reference lowering. Every
// expected number is computed by hand from the upstream formula
//   expressed = (stored - zeroPoint) * scale
// RUN: quench-opt %s --qnt-from-quant | %run_reference | FileCheck %s

func.func @main() {
  // Per-tensor, signed, scale 0.5, zero point 3:
  //   (-128 - 3) * 0.5 = -65.5, (-1 - 3) * 0.5 = -2, (3 - 3) * 0.5 = 0,
  //   (127 - 3) * 0.5 = 62.
  // CHECK: [-65.5,  -2,  0,  62]
  %c0 = arith.constant dense<[-128, -1, 3, 127]> : tensor<4xi8>
  %q0 = quant.scast %c0 : tensor<4xi8> to tensor<4x!quant.uniform<i8:f32, 0.5:3>>
  %f0 = quant.dcast %q0 : tensor<4x!quant.uniform<i8:f32, 0.5:3>> to tensor<4xf32>
  %u0 = tensor.cast %f0 : tensor<4xf32> to tensor<*xf32>
  call @printMemrefF32(%u0) : (tensor<*xf32>) -> ()

  // Per-tensor, unsigned u8, scale 0.25, zero point 128. The i8 bit patterns
  // 0, 127, -128, -1 are the stored u8 values 0, 127, 128, 255:
  //   (0 - 128) * 0.25 = -32, (127 - 128) * 0.25 = -0.25,
  //   (128 - 128) * 0.25 = 0, (255 - 128) * 0.25 = 31.75.
  // CHECK: [-32,  -0.25,  0,  31.75]
  %c1 = arith.constant dense<[0, 127, -128, -1]> : tensor<4xi8>
  %q1 = quant.scast %c1 : tensor<4xi8> to tensor<4x!quant.uniform<u8:f32, 0.25:128>>
  %f1 = quant.dcast %q1 : tensor<4x!quant.uniform<u8:f32, 0.25:128>> to tensor<4xf32>
  %u1 = tensor.cast %f1 : tensor<4xf32> to tensor<*xf32>
  call @printMemrefF32(%u1) : (tensor<*xf32>) -> ()

  // Per-axis on dimension 1: column j uses (scale, zero point)
  // (0.5, 1), (0.25, -2), (2.0, 0):
  //   row 0: (1 - 1) * 0.5 = 0,   (2 + 2) * 0.25 = 1, (3 - 0) * 2 = 6
  //   row 1: (-1 - 1) * 0.5 = -1, (6 + 2) * 0.25 = 2, (-4 - 0) * 2 = -8
  // CHECK:      [0,   1,   6],
  // CHECK-NEXT: [-1,   2,   -8]]
  %c2 = arith.constant dense<[[1, 2, 3], [-1, 6, -4]]> : tensor<2x3xi8>
  %q2 = quant.scast %c2 : tensor<2x3xi8> to tensor<2x3x!quant.uniform<i8:f32:1, {0.5:1, 0.25:-2, 2.0:0}>>
  %f2 = quant.dcast %q2 : tensor<2x3x!quant.uniform<i8:f32:1, {0.5:1, 0.25:-2, 2.0:0}>> to tensor<2x3xf32>
  %u2 = tensor.cast %f2 : tensor<2x3xf32> to tensor<*xf32>
  call @printMemrefF32(%u2) : (tensor<*xf32>) -> ()

  // Sub-channel, blocks of 1x2: element (i, j) uses block (i, j / 2):
  //   row 0, block (0,0) = (0.5, 1):  (3 - 1) * 0.5 = 1, (-1 - 1) * 0.5 = -1
  //   row 0, block (0,1) = (2.0, 2):  (2 - 2) * 2 = 0,   (5 - 2) * 2 = 6
  //   row 1, block (1,0) = (1.0, 3):  (3 - 3) * 1 = 0,   (10 - 3) * 1 = 7
  //   row 1, block (1,1) = (0.25, 4): (8 - 4) * 0.25 = 1, (0 - 4) * 0.25 = -1
  // CHECK:      [1,   -1,   0,   6],
  // CHECK-NEXT: [0,   7,   1,   -1]]
  %c3 = arith.constant dense<[[3, -1, 2, 5], [3, 10, 8, 0]]> : tensor<2x4xi8>
  %q3 = quant.scast %c3 : tensor<2x4xi8> to tensor<2x4x!quant.uniform<i8:f32:{0:1, 1:2}, {{0.5:1, 2.0:2}, {1.0:3, 0.25:4}}>>
  %f3 = quant.dcast %q3 : tensor<2x4x!quant.uniform<i8:f32:{0:1, 1:2}, {{0.5:1, 2.0:2}, {1.0:3, 0.25:4}}>> to tensor<2x4xf32>
  %u3 = tensor.cast %f3 : tensor<2x4xf32> to tensor<*xf32>
  call @printMemrefF32(%u3) : (tensor<*xf32>) -> ()
  return
}
func.func private @printMemrefF32(tensor<*xf32>)
