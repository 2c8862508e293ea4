// Two linear layers on a [2, 8] input: quench-calibrate observes %x (wa) and
// %h (wb).
func.func @main(%x: tensor<2x8xf32> {onnx.name = "x"}) -> tensor<2x4xf32> {
  %wa = arith.constant {onnx.name = "wa"} dense<[[0.9, -0.4, 0.2, 0.7], [0.1, 0.5, -0.8, 0.3], [-0.6, 0.2, 0.4, -0.1], [0.3, -0.9, 0.6, 0.2], [0.5, 0.1, -0.3, 0.8], [-0.2, 0.6, 0.9, -0.5], [0.7, -0.3, 0.1, 0.4], [-0.4, 0.8, -0.2, 0.6]]> : tensor<8x4xf32>
  %wb = arith.constant {onnx.name = "wb"} dense<[[0.5, -0.2, 0.3, 0.1], [0.2, 0.4, -0.6, 0.7], [-0.3, 0.8, 0.1, -0.4], [0.6, -0.1, 0.5, 0.2]]> : tensor<4x4xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x4xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<2x4xf32>) -> tensor<2x4xf32>
  %h = linalg.matmul ins(%x, %wa : tensor<2x8xf32>, tensor<8x4xf32>) outs(%f : tensor<2x4xf32>) -> tensor<2x4xf32>
  %y = linalg.matmul ins(%h, %wb : tensor<2x4xf32>, tensor<4x4xf32>) outs(%f : tensor<2x4xf32>) -> tensor<2x4xf32>
  return %y : tensor<2x4xf32>
}
