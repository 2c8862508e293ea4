// Quickstart: quantize a float weight to 4 bits with group-wise scales, run
// the quantized matmul through the reference lowering, and compare with the
// float matmul. `scripts/demo.sh` runs this file; docs/Tutorial.md explains it.
//
// W is 4x16 (N x K), x is 2x16; scales are absmax/7 over groups of 8 inputs
// (symmetric signed 4-bit: codes in [-8, 7]).

func.func @main() {
  %w = arith.constant dense<[[-0.352, -0.698, 0.302, -0.855, 0.072, -0.269, -0.884, 0.015, -0.925, -0.133, -0.86, -0.819, -0.151, 0.654, -0.752, -0.554], [0.255, 0.895, 0.154, -0.207, 0.953, -0.907, 0.717, -0.421, -0.711, -0.764, -0.383, 0.632, -0.639, 0.163, 0.278, -0.255], [0.095, -0.874, -0.881, -0.588, 0.361, -0.145, -0.372, 0.171, -0.094, -0.4, 0.589, 0.398, -0.512, 0.149, 0.05, 0.75], [0.459, -0.424, 0.96, -0.764, -0.164, 0.514, -0.696, -0.022, -0.922, 0.336, 0.529, 0.146, 0.751, -0.373, 0.391, 0.189]]> : tensor<4x16xf32>
  %x = arith.constant dense<[[0.16, -0.088, 0.68, 0.889, -0.052, 0.328, -0.879, 0.403, 0.294, 0.986, 0.644, -0.431, -0.228, 0.337, -0.955, -0.077], [-0.664, -0.766, -0.882, 0.536, -0.741, -0.505, -0.218, 0.743, -0.839, -0.102, 0.099, 0.767, 0.639, 0.728, -0.443, -0.169]]> : tensor<2x16xf32>
  %scales = arith.constant dense<[[0.126286, 0.132143], [0.136143, 0.109143], [0.125857, 0.107143], [0.137143, 0.131714]]> : tensor<4x2xf32>

  // 1. Quantize: round W / scale to 4-bit codes (ONNX QuantizeLinear rules).
  %codes = qnt.quantize %w scales(%scales) {encoding = #qnt.uniform<bits = 4, block = [1, 8]>}
      : (tensor<4x16xf32>, tensor<4x2xf32>) -> tensor<4x16xi8>

  // 2. Build the quantized weight: codes + scales, described by the encoding.
  %qw = qnt.uniform %codes scales(%scales)
      : (tensor<4x16xi8>, tensor<4x2xf32>) -> !qnt.qtensor<4x16xf32, #qnt.uniform<bits = 4, block = [1, 8]>>

  // 3. The quantized matmul, y = x * W^T, and the float one for comparison.
  %y_quant = qnt.matmul %x, %qw
      : (tensor<2x16xf32>, !qnt.qtensor<4x16xf32, #qnt.uniform<bits = 4, block = [1, 8]>>) -> tensor<2x4xf32>
  %zero = arith.constant 0.0 : f32
  %init = tensor.empty() : tensor<2x4xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%init : tensor<2x4xf32>) -> tensor<2x4xf32>
  %y_float = linalg.matmul
      indexing_maps = [affine_map<(m, n, k) -> (m, k)>,
                       affine_map<(m, n, k) -> (n, k)>,
                       affine_map<(m, n, k) -> (m, n)>]
      ins(%x, %w : tensor<2x16xf32>, tensor<4x16xf32>)
      outs(%acc : tensor<2x4xf32>) -> tensor<2x4xf32>

  %zero_e = tensor.empty() : tensor<f32>
  %zero_t = linalg.fill ins(%zero : f32) outs(%zero_e : tensor<f32>) -> tensor<f32>

  // 4. The largest absolute difference between the two.
  %diff = linalg.generic {
      indexing_maps = [affine_map<(m, n) -> (m, n)>, affine_map<(m, n) -> (m, n)>,
                       affine_map<(m, n) -> ()>],
      iterator_types = ["reduction", "reduction"]}
      ins(%y_quant, %y_float : tensor<2x4xf32>, tensor<2x4xf32>)
      outs(%zero_t : tensor<f32>) {
    ^bb0(%a: f32, %b: f32, %m: f32):
      %d = arith.subf %a, %b : f32
      %abs = math.absf %d : f32
      %max = arith.maximumf %m, %abs : f32
      linalg.yield %max : f32
  } -> tensor<f32>

  %codes32 = arith.extsi %codes : tensor<4x16xi8> to tensor<4x16xi32>
  %c = tensor.cast %codes32 : tensor<4x16xi32> to tensor<*xi32>
  %q = tensor.cast %y_quant : tensor<2x4xf32> to tensor<*xf32>
  %f = tensor.cast %y_float : tensor<2x4xf32> to tensor<*xf32>
  %e = tensor.cast %diff : tensor<f32> to tensor<*xf32>
  call @printMemrefI32(%c) : (tensor<*xi32>) -> ()
  call @printMemrefF32(%q) : (tensor<*xf32>) -> ()
  call @printMemrefF32(%f) : (tensor<*xf32>) -> ()
  call @printMemrefF32(%e) : (tensor<*xf32>) -> ()
  return
}

func.func private @printMemrefI32(tensor<*xi32>)
func.func private @printMemrefF32(tensor<*xf32>)
