// RUN: quench-opt %s --quench-nvptx-split-reductions | %run_reference | FileCheck %s
// RUN: quench-opt %s | %run_reference | FileCheck %s
//
// The split reductions compute what the original ops compute (integers, so
// the order of the sums does not matter): a one-row matmul, a row maximum
// and a column sum, run on the CPU through the reference pipeline.

// y[n] = sum_k 1 * ((k mod 7) + n) over k < 384 = 1149 + 384 n.
// CHECK: sizes = [1, 4] strides = [{{[0-9]+}}, 1] data =
// CHECK-NEXT: {{\[\[}}1149, 1533, 1917, 2301]]
// CHECK: sizes = [1, 2] strides = [{{[0-9]+}}, 1] data =
// CHECK-NEXT: {{\[\[}}98685, 99069]]
// Row maxima of x[r][c] = (c * (r + 3)) mod 1000, c < 1000: the largest
// multiple of gcd(r + 3, 1000) below 1000: 999, 996, 995, 998.
// CHECK: sizes = [4] strides = [1] data =
// CHECK-NEXT: [999, 996, 995, 998]
// Column sums of x[r][c] = r + c over 8 rows: 28 + 8 c.
// CHECK: sizes = [4] strides = [1] data =
// CHECK-NEXT: [28, 36, 44, 52]
#id2 = affine_map<(d0, d1) -> (d0, d1)>
#row = affine_map<(d0, d1) -> (d0)>
#col = affine_map<(d0, d1) -> (d1)>
func.func @main() {
  %zero = arith.constant 0.0 : f32
  %ones = arith.constant dense<1.0> : tensor<1x384xf32>
  %e = tensor.empty() : tensor<384x256xf32>
  %b = linalg.generic {indexing_maps = [#id2], iterator_types = ["parallel", "parallel"]} outs(%e : tensor<384x256xf32>) {
  ^bb0(%out: f32):
    %k = linalg.index 0 : index
    %n = linalg.index 1 : index
    %c7 = arith.constant 7 : index
    %m = arith.remui %k, %c7 : index
    %s = arith.addi %m, %n : index
    %i = arith.index_cast %s : index to i32
    %f = arith.sitofp %i : i32 to f32
    linalg.yield %f : f32
  } -> tensor<384x256xf32>
  %ye = tensor.empty() : tensor<1x256xf32>
  %yinit = linalg.fill ins(%zero : f32) outs(%ye : tensor<1x256xf32>) -> tensor<1x256xf32>
  %y = linalg.matmul ins(%ones, %b : tensor<1x384xf32>, tensor<384x256xf32>) outs(%yinit : tensor<1x256xf32>) -> tensor<1x256xf32>
  %head = tensor.extract_slice %y[0, 0] [1, 4] [1, 1] : tensor<1x256xf32> to tensor<1x4xf32>
  %tail = tensor.extract_slice %y[0, 254] [1, 2] [1, 1] : tensor<1x256xf32> to tensor<1x2xf32>
  %p0 = tensor.cast %head : tensor<1x4xf32> to tensor<*xf32>
  call @printMemrefF32(%p0) : (tensor<*xf32>) -> ()
  %p1 = tensor.cast %tail : tensor<1x2xf32> to tensor<*xf32>
  call @printMemrefF32(%p1) : (tensor<*xf32>) -> ()

  %xe = tensor.empty() : tensor<4x1000xf32>
  %x = linalg.generic {indexing_maps = [#id2], iterator_types = ["parallel", "parallel"]} outs(%xe : tensor<4x1000xf32>) {
  ^bb0(%out: f32):
    %r = linalg.index 0 : index
    %c = linalg.index 1 : index
    %c3 = arith.constant 3 : index
    %c1000 = arith.constant 1000 : index
    %r3 = arith.addi %r, %c3 : index
    %p = arith.muli %c, %r3 : index
    %v = arith.remui %p, %c1000 : index
    %i = arith.index_cast %v : index to i32
    %f = arith.sitofp %i : i32 to f32
    linalg.yield %f : f32
  } -> tensor<4x1000xf32>
  %low = arith.constant -1.0e30 : f32
  %me = tensor.empty() : tensor<4xf32>
  %minit = linalg.fill ins(%low : f32) outs(%me : tensor<4xf32>) -> tensor<4xf32>
  %max = linalg.generic {indexing_maps = [#id2, #row], iterator_types = ["parallel", "reduction"]}
      ins(%x : tensor<4x1000xf32>) outs(%minit : tensor<4xf32>) {
  ^bb0(%v: f32, %acc: f32):
    %r = arith.maximumf %v, %acc : f32
    linalg.yield %r : f32
  } -> tensor<4xf32>
  %p2 = tensor.cast %max : tensor<4xf32> to tensor<*xf32>
  call @printMemrefF32(%p2) : (tensor<*xf32>) -> ()

  %ce = tensor.empty() : tensor<8x64xf32>
  %cx = linalg.generic {indexing_maps = [#id2], iterator_types = ["parallel", "parallel"]} outs(%ce : tensor<8x64xf32>) {
  ^bb0(%out: f32):
    %r = linalg.index 0 : index
    %c = linalg.index 1 : index
    %s = arith.addi %r, %c : index
    %i = arith.index_cast %s : index to i32
    %f = arith.sitofp %i : i32 to f32
    linalg.yield %f : f32
  } -> tensor<8x64xf32>
  %se = tensor.empty() : tensor<64xf32>
  %sinit = linalg.fill ins(%zero : f32) outs(%se : tensor<64xf32>) -> tensor<64xf32>
  %sum = linalg.generic {indexing_maps = [#id2, #col], iterator_types = ["reduction", "parallel"]}
      ins(%cx : tensor<8x64xf32>) outs(%sinit : tensor<64xf32>) {
  ^bb0(%v: f32, %acc: f32):
    %r = arith.addf %v, %acc : f32
    linalg.yield %r : f32
  } -> tensor<64xf32>
  %first = tensor.extract_slice %sum[0] [4] [1] : tensor<64xf32> to tensor<4xf32>
  %p3 = tensor.cast %first : tensor<4xf32> to tensor<*xf32>
  call @printMemrefF32(%p3) : (tensor<*xf32>) -> ()
  return
}
func.func private @printMemrefF32(tensor<*xf32>)
