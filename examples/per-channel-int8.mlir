// A per-channel int8 weight with constant scales: the form upstream !quant.uniform
// can also express (docs/Tutorial.md, step 5).
func.func @f(%codes: tensor<2x4xi8>) -> tensor<2x4xf32> {
  %s = arith.constant dense<[[0.5], [0.25]]> : tensor<2x1xf32>
  %w = qnt.uniform %codes scales(%s) : (tensor<2x4xi8>, tensor<2x1xf32>) -> !qnt.qtensor<2x4xf32, #qnt.uniform<bits = 8, block = [1, 4]>>
  %f = qnt.dequantize %w : !qnt.qtensor<2x4xf32, #qnt.uniform<bits = 8, block = [1, 4]>> -> tensor<2x4xf32>
  return %f : tensor<2x4xf32>
}
