// The tutorial's example (docs/Tutorial.md): a 2x8 weight stored as NF4 codes,
// two per byte, with one absmax scale per row, multiplied by x = [1 .. 8].
!w = !qnt.qtensor<2x8xf32, #qnt.lut<bits = 4, table = nf4, block = [1, 8], packing = <bits = 4>>>

func.func @main() {
  // Row 0 holds codes 0, 15, 7, 8, 3, 12, 1, 14; row 1 holds 7, 7, 7, 7, 15, 15, 0, 0.
  // Two codes per byte, low nibble first: codes (0, 15) -> 0xF0 = -16 as i8.
  %codes = arith.constant dense<[[-16, -121, -61, -31], [119, 119, -1, 0]]> : tensor<2x4xi8>
  %absmax = arith.constant dense<[[2.0], [0.5]]> : tensor<2x1xf32>
  %w = qnt.lut %codes scales(%absmax) : (tensor<2x4xi8>, tensor<2x1xf32>) -> !w

  %x = arith.constant dense<[[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0]]> : tensor<1x8xf32>
  %y = qnt.matmul %x, %w : (tensor<1x8xf32>, !w) -> tensor<1x2xf32>

  %wf = qnt.dequantize %w : !w -> tensor<2x8xf32>
  %print_w = tensor.cast %wf : tensor<2x8xf32> to tensor<*xf32>
  %print_y = tensor.cast %y : tensor<1x2xf32> to tensor<*xf32>
  call @printMemrefF32(%print_w) : (tensor<*xf32>) -> ()
  call @printMemrefF32(%print_y) : (tensor<*xf32>) -> ()
  return
}

func.func private @printMemrefF32(tensor<*xf32>)
