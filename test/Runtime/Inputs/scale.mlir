// y = x * 2 + w, with w[r, c] = (16 r + c) / 4: 64 floats, 256 bytes, so
// quench-plan-memory moves w into the artifact's weight blob.
func.func @main(%x: tensor<4x16xf32>) -> tensor<4x16xf32> {
  %w = arith.constant dense<[[0.00, 0.25, 0.50, 0.75, 1.00, 1.25, 1.50, 1.75, 2.00, 2.25, 2.50, 2.75, 3.00, 3.25, 3.50, 3.75], [4.00, 4.25, 4.50, 4.75, 5.00, 5.25, 5.50, 5.75, 6.00, 6.25, 6.50, 6.75, 7.00, 7.25, 7.50, 7.75], [8.00, 8.25, 8.50, 8.75, 9.00, 9.25, 9.50, 9.75, 10.00, 10.25, 10.50, 10.75, 11.00, 11.25, 11.50, 11.75], [12.00, 12.25, 12.50, 12.75, 13.00, 13.25, 13.50, 13.75, 14.00, 14.25, 14.50, 14.75, 15.00, 15.25, 15.50, 15.75]]> : tensor<4x16xf32>
  %two = arith.constant dense<2.0> : tensor<4x16xf32>
  %m = arith.mulf %x, %two : tensor<4x16xf32>
  %y = arith.addf %m, %w : tensor<4x16xf32>
  return %y : tensor<4x16xf32>
}
