// Diagnostics of the ONNX shape and data-movement lowerings, one per case.
// RUN: quench-opt %s --convert-onnx-to-linalg -split-input-file -verify-diagnostics

func.func @case0(%x: tensor<4xi4>) -> !onnx.unknown {
  // expected-error@+1 {{input 0 has element type 'i4'; supported are f16, bf16, f32, f64, 8- to 64-bit integers and bool}}
  %out = onnx.node "Transpose"(%x) {domain = "", opset = 13 : i64, name = "n", attrs = {}} : (tensor<4xi4>) -> !onnx.unknown
  return %out : !onnx.unknown
}

// -----

func.func @case1(%x: tensor<?x3xf32>) -> !onnx.unknown {
  // expected-error@+1 {{input 0 has type 'tensor<?x3xf32>'; lowering needs static shapes}}
  %out = onnx.node "Squeeze"(%x) {domain = "", opset = 13 : i64, name = "n", attrs = {}} : (tensor<?x3xf32>) -> !onnx.unknown
  return %out : !onnx.unknown
}

// -----

func.func @case2(%x: tensor<4xf32>, %i: tensor<2xf32>) -> !onnx.unknown {
  // expected-error@+1 {{indices must be an integer tensor, got 'tensor<2xf32>'}}
  %out = onnx.node "Gather"(%x, %i) {domain = "", opset = 13 : i64, name = "n", attrs = {}} : (tensor<4xf32>, tensor<2xf32>) -> !onnx.unknown
  return %out : !onnx.unknown
}

// -----

func.func @case3(%x: tensor<4xf32>) -> !onnx.unknown {
  %none = onnx.none
  // expected-error@+1 {{the shape input is required}}
  %out = onnx.node "Reshape"(%x, %none) {domain = "", opset = 13 : i64, name = "n", attrs = {}} : (tensor<4xf32>, none) -> !onnx.unknown
  return %out : !onnx.unknown
}

// -----

func.func @case4(%x: tensor<4xf32>, %s: tensor<2xi64>) -> !onnx.unknown {
  // expected-error@+1 {{the shape input must be a constant integer tensor (lowering needs static shapes)}}
  %out = onnx.node "Reshape"(%x, %s) {domain = "", opset = 13 : i64, name = "n", attrs = {}} : (tensor<4xf32>, tensor<2xi64>) -> !onnx.unknown
  return %out : !onnx.unknown
}

// -----

func.func @case5(%x: tensor<2x3xf32>) -> !onnx.unknown {
  %s = arith.constant dense<[-1, -1]> : tensor<2xi64>
  // expected-error@+1 {{shape has more than one -1 entry}}
  %out = onnx.node "Reshape"(%x, %s) {domain = "", opset = 13 : i64, name = "n", attrs = {}} : (tensor<2x3xf32>, tensor<2xi64>) -> !onnx.unknown
  return %out : !onnx.unknown
}

// -----

func.func @case6(%x: tensor<2x3xf32>) -> !onnx.unknown {
  %s = arith.constant dense<[-2, 3]> : tensor<2xi64>
  // expected-error@+1 {{shape entry -2 is invalid}}
  %out = onnx.node "Reshape"(%x, %s) {domain = "", opset = 13 : i64, name = "n", attrs = {}} : (tensor<2x3xf32>, tensor<2xi64>) -> !onnx.unknown
  return %out : !onnx.unknown
}

// -----

func.func @case7(%x: tensor<2x3xf32>) -> !onnx.unknown {
  %s = arith.constant dense<[1, 6, 0]> : tensor<3xi64>
  // expected-error@+1 {{shape entry 2 is 0 (copy) but the input has rank 2}}
  %out = onnx.node "Reshape"(%x, %s) {domain = "", opset = 13 : i64, name = "n", attrs = {}} : (tensor<2x3xf32>, tensor<3xi64>) -> !onnx.unknown
  return %out : !onnx.unknown
}

// -----

func.func @case8(%x: tensor<0x3xf32>) -> !onnx.unknown {
  %s = arith.constant dense<[0, -1]> : tensor<2xi64>
  // expected-error@+1 {{shape has both 0 and -1 entries with allowzero=1}}
  %out = onnx.node "Reshape"(%x, %s) {domain = "", opset = 14 : i64, name = "n", attrs = {allowzero = 1 : i64}} : (tensor<0x3xf32>, tensor<2xi64>) -> !onnx.unknown
  return %out : !onnx.unknown
}

// -----

func.func @case9(%x: tensor<2x3xf32>) -> !onnx.unknown {
  %s = arith.constant dense<[4, -1]> : tensor<2xi64>
  // expected-error@+1 {{cannot infer the -1 entry: 6 elements do not divide by 4}}
  %out = onnx.node "Reshape"(%x, %s) {domain = "", opset = 13 : i64, name = "n", attrs = {}} : (tensor<2x3xf32>, tensor<2xi64>) -> !onnx.unknown
  return %out : !onnx.unknown
}

// -----

func.func @case10(%x: tensor<2x3xf32>) -> !onnx.unknown {
  %s = arith.constant dense<[2, 4]> : tensor<2xi64>
  // expected-error@+1 {{cannot reshape 6 elements into 8}}
  %out = onnx.node "Reshape"(%x, %s) {domain = "", opset = 13 : i64, name = "n", attrs = {}} : (tensor<2x3xf32>, tensor<2xi64>) -> !onnx.unknown
  return %out : !onnx.unknown
}

// -----

func.func @case11(%x: tensor<4xf32>) -> !onnx.unknown {
  // expected-error@+1 {{the 'shape' attribute is required}}
  %out = onnx.node "Reshape"(%x) {domain = "", opset = 1 : i64, name = "n", attrs = {}} : (tensor<4xf32>) -> !onnx.unknown
  return %out : !onnx.unknown
}

// -----

func.func @case12(%x: tensor<1x2x3xf32>) -> !onnx.unknown {
  // expected-error@+1 {{perm has 2 entries for an input of rank 3}}
  %out = onnx.node "Transpose"(%x) {domain = "", opset = 13 : i64, name = "n", attrs = {perm = array<i64: 1, 0>}} : (tensor<1x2x3xf32>) -> !onnx.unknown
  return %out : !onnx.unknown
}

// -----

func.func @case13(%x: tensor<2x3xf32>) -> !onnx.unknown {
  // expected-error@+1 {{perm is not a permutation of the input dimensions}}
  %out = onnx.node "Transpose"(%x) {domain = "", opset = 13 : i64, name = "n", attrs = {perm = array<i64: 1, 1>}} : (tensor<2x3xf32>) -> !onnx.unknown
  return %out : !onnx.unknown
}

// -----

func.func @case14(%x: tensor<2xf32>) -> !onnx.unknown {
  // expected-error@+1 {{axes are required}}
  %out = onnx.node "Unsqueeze"(%x) {domain = "", opset = 11 : i64, name = "n", attrs = {}} : (tensor<2xf32>) -> !onnx.unknown
  return %out : !onnx.unknown
}

// -----

func.func @case15(%x: tensor<2xf32>) -> !onnx.unknown {
  // expected-error@+1 {{axis 3 is out of range for rank 3}}
  %out = onnx.node "Unsqueeze"(%x) {domain = "", opset = 11 : i64, name = "n", attrs = {axes = array<i64: 0, 3>}} : (tensor<2xf32>) -> !onnx.unknown
  return %out : !onnx.unknown
}

// -----

func.func @case16(%x: tensor<2xf32>) -> !onnx.unknown {
  %a = arith.constant dense<[2, -1]> : tensor<2xi64>
  // expected-error@+1 {{axis -1 is given twice}}
  %out = onnx.node "Unsqueeze"(%x, %a) {domain = "", opset = 13 : i64, name = "n", attrs = {}} : (tensor<2xf32>, tensor<2xi64>) -> !onnx.unknown
  return %out : !onnx.unknown
}

// -----

func.func @case17(%x: tensor<2xf32>, %a: tensor<1xi64>) -> !onnx.unknown {
  // expected-error@+1 {{the axes input must be a constant integer tensor}}
  %out = onnx.node "Unsqueeze"(%x, %a) {domain = "", opset = 13 : i64, name = "n", attrs = {}} : (tensor<2xf32>, tensor<1xi64>) -> !onnx.unknown
  return %out : !onnx.unknown
}

// -----

func.func @case18(%x: tensor<1x3xf32>) -> !onnx.unknown {
  // expected-error@+1 {{cannot squeeze dimension 1 of size 3}}
  %out = onnx.node "Squeeze"(%x) {domain = "", opset = 11 : i64, name = "n", attrs = {axes = array<i64: 1>}} : (tensor<1x3xf32>) -> !onnx.unknown
  return %out : !onnx.unknown
}

// -----

func.func @case19() -> !onnx.unknown {
  // expected-error@+1 {{needs at least one input}}
  %out = onnx.node "Concat"() {domain = "", opset = 13 : i64, name = "n", attrs = {axis = 0 : i64}} : () -> !onnx.unknown
  return %out : !onnx.unknown
}

// -----

func.func @case20(%x: tensor<2xf32>) -> !onnx.unknown {
  // expected-error@+1 {{the 'axis' attribute is required}}
  %out = onnx.node "Concat"(%x, %x) {domain = "", opset = 13 : i64, name = "n", attrs = {}} : (tensor<2xf32>, tensor<2xf32>) -> !onnx.unknown
  return %out : !onnx.unknown
}

// -----

func.func @case21(%x: tensor<f32>) -> !onnx.unknown {
  // expected-error@+1 {{cannot concatenate scalars}}
  %out = onnx.node "Concat"(%x, %x) {domain = "", opset = 13 : i64, name = "n", attrs = {axis = 0 : i64}} : (tensor<f32>, tensor<f32>) -> !onnx.unknown
  return %out : !onnx.unknown
}

// -----

func.func @case22(%x: tensor<2xf32>, %y: tensor<2xf16>) -> !onnx.unknown {
  // expected-error@+1 {{inputs have different element types}}
  %out = onnx.node "Concat"(%x, %y) {domain = "", opset = 13 : i64, name = "n", attrs = {axis = 0 : i64}} : (tensor<2xf32>, tensor<2xf16>) -> !onnx.unknown
  return %out : !onnx.unknown
}

// -----

func.func @case23(%x: tensor<2x3xf32>, %y: tensor<2x4xf32>) -> !onnx.unknown {
  // expected-error@+1 {{input 1 has a shape that does not match input 0 outside the concatenation axis}}
  %out = onnx.node "Concat"(%x, %y) {domain = "", opset = 13 : i64, name = "n", attrs = {axis = 0 : i64}} : (tensor<2x3xf32>, tensor<2x4xf32>) -> !onnx.unknown
  return %out : !onnx.unknown
}

// -----

func.func @case24(%x: tensor<7xf32>) {
  // expected-error@+1 {{needs at least one output}}
  onnx.node "Split"(%x) {domain = "", opset = 13 : i64, name = "n", attrs = {}} : (tensor<7xf32>) -> ()
  return
}

// -----

func.func @case25(%x: tensor<7xf32>) -> !onnx.unknown {
  %s = arith.constant dense<[3, 4]> : tensor<2xi64>
  // expected-error@+1 {{give either the 'split' input or the 'num_outputs' attribute, not both}}
  %out:2 = onnx.node "Split"(%x, %s) {domain = "", opset = 18 : i64, name = "n", attrs = {num_outputs = 2 : i64}} : (tensor<7xf32>, tensor<2xi64>) -> (!onnx.unknown, !onnx.unknown)
  return %out#0 : !onnx.unknown
}

// -----

func.func @case26(%x: tensor<7xf32>) -> !onnx.unknown {
  // expected-error@+1 {{needs the 'split' input or the 'num_outputs' attribute}}
  %out:2 = onnx.node "Split"(%x) {domain = "", opset = 18 : i64, name = "n", attrs = {}} : (tensor<7xf32>) -> (!onnx.unknown, !onnx.unknown)
  return %out#0 : !onnx.unknown
}

// -----

func.func @case27(%x: tensor<7xf32>) -> !onnx.unknown {
  // expected-error@+1 {{num_outputs is 3 but the node has 2 outputs}}
  %out:2 = onnx.node "Split"(%x) {domain = "", opset = 18 : i64, name = "n", attrs = {num_outputs = 3 : i64}} : (tensor<7xf32>) -> (!onnx.unknown, !onnx.unknown)
  return %out#0 : !onnx.unknown
}

// -----

func.func @case28(%x: tensor<5xf32>) -> !onnx.unknown {
  // expected-error@+1 {{cannot split a dimension of 5 into 4 chunks}}
  %out:4 = onnx.node "Split"(%x) {domain = "", opset = 18 : i64, name = "n", attrs = {num_outputs = 4 : i64}} : (tensor<5xf32>) -> (!onnx.unknown, !onnx.unknown, !onnx.unknown, !onnx.unknown)
  return %out#0 : !onnx.unknown
}

// -----

func.func @case29(%x: tensor<7xf32>) -> !onnx.unknown {
  // expected-error@+1 {{cannot split a dimension of 7 into 2 equal parts}}
  %out:2 = onnx.node "Split"(%x) {domain = "", opset = 13 : i64, name = "n", attrs = {}} : (tensor<7xf32>) -> (!onnx.unknown, !onnx.unknown)
  return %out#0 : !onnx.unknown
}

// -----

func.func @case30(%x: tensor<7xf32>) -> !onnx.unknown {
  // expected-error@+1 {{split has 3 entries for 2 outputs}}
  %out:2 = onnx.node "Split"(%x) {domain = "", opset = 11 : i64, name = "n", attrs = {split = array<i64: 1, 2, 4>}} : (tensor<7xf32>) -> (!onnx.unknown, !onnx.unknown)
  return %out#0 : !onnx.unknown
}

// -----

func.func @case31(%x: tensor<7xf32>) -> !onnx.unknown {
  %s = arith.constant dense<[3, 3]> : tensor<2xi64>
  // expected-error@+1 {{split sizes do not add up to the dimension size 7}}
  %out:2 = onnx.node "Split"(%x, %s) {domain = "", opset = 13 : i64, name = "n", attrs = {}} : (tensor<7xf32>, tensor<2xi64>) -> (!onnx.unknown, !onnx.unknown)
  return %out#0 : !onnx.unknown
}

// -----

func.func @case32(%x: tensor<4xf32>) -> !onnx.unknown {
  // expected-error@+1 {{the 'starts' and 'ends' attributes are required}}
  %out = onnx.node "Slice"(%x) {domain = "", opset = 1 : i64, name = "n", attrs = {starts = array<i64: 0>}} : (tensor<4xf32>) -> !onnx.unknown
  return %out : !onnx.unknown
}

// -----

func.func @case33(%x: tensor<4x4xf32>) -> !onnx.unknown {
  %b = arith.constant dense<[0, 0]> : tensor<2xi64>
  %e = arith.constant dense<[1]> : tensor<1xi64>
  // expected-error@+1 {{starts, ends, axes and steps differ in length}}
  %out = onnx.node "Slice"(%x, %b, %e) {domain = "", opset = 13 : i64, name = "n", attrs = {}} : (tensor<4x4xf32>, tensor<2xi64>, tensor<1xi64>) -> !onnx.unknown
  return %out : !onnx.unknown
}

// -----

func.func @case34(%x: tensor<4x4xf32>) -> !onnx.unknown {
  %b = arith.constant dense<[0, 0]> : tensor<2xi64>
  %e = arith.constant dense<[1, 1]> : tensor<2xi64>
  %a = arith.constant dense<[0, -2]> : tensor<2xi64>
  // expected-error@+1 {{axis 0 is sliced twice}}
  %out = onnx.node "Slice"(%x, %b, %e, %a) {domain = "", opset = 13 : i64, name = "n", attrs = {}} : (tensor<4x4xf32>, tensor<2xi64>, tensor<2xi64>, tensor<2xi64>) -> !onnx.unknown
  return %out : !onnx.unknown
}

// -----

func.func @case35(%x: tensor<4x4xf32>) -> !onnx.unknown {
  %b = arith.constant dense<[0, 0]> : tensor<2xi64>
  %e = arith.constant dense<[1, 1]> : tensor<2xi64>
  %a = arith.constant dense<[0, 1]> : tensor<2xi64>
  %s = arith.constant dense<[1, 0]> : tensor<2xi64>
  // expected-error@+1 {{slice step 0 on axis 1}}
  %out = onnx.node "Slice"(%x, %b, %e, %a, %s) {domain = "", opset = 13 : i64, name = "n", attrs = {}} : (tensor<4x4xf32>, tensor<2xi64>, tensor<2xi64>, tensor<2xi64>, tensor<2xi64>) -> !onnx.unknown
  return %out : !onnx.unknown
}

// -----

func.func @case36(%x: tensor<4xf32>, %b: tensor<1xi64>) -> !onnx.unknown {
  %e = arith.constant dense<2> : tensor<1xi64>
  // expected-error@+1 {{the starts input must be a constant integer tensor}}
  %out = onnx.node "Slice"(%x, %b, %e) {domain = "", opset = 13 : i64, name = "n", attrs = {}} : (tensor<4xf32>, tensor<1xi64>, tensor<1xi64>) -> !onnx.unknown
  return %out : !onnx.unknown
}

// -----

func.func @case37(%x: tensor<f32>, %i: tensor<i64>) -> !onnx.unknown {
  // expected-error@+1 {{cannot gather from a scalar}}
  %out = onnx.node "Gather"(%x, %i) {domain = "", opset = 13 : i64, name = "n", attrs = {}} : (tensor<f32>, tensor<i64>) -> !onnx.unknown
  return %out : !onnx.unknown
}

// -----

func.func @case38(%x: tensor<2x2xf32>, %i: tensor<i64>) -> !onnx.unknown {
  // expected-error@+1 {{axis 2 is out of range for rank 2}}
  %out = onnx.node "Gather"(%x, %i) {domain = "", opset = 13 : i64, name = "n", attrs = {axis = 2 : i64}} : (tensor<2x2xf32>, tensor<i64>) -> !onnx.unknown
  return %out : !onnx.unknown
}

// -----

func.func @case39(%x: tensor<2xf32>, %i: tensor<i64>) -> !onnx.unknown {
  // expected-error@+1 {{data and indices must have rank >= 1}}
  %out = onnx.node "GatherND"(%x, %i) {domain = "", opset = 13 : i64, name = "n", attrs = {}} : (tensor<2xf32>, tensor<i64>) -> !onnx.unknown
  return %out : !onnx.unknown
}

// -----

func.func @case40(%x: tensor<2x2xf32>, %i: tensor<2x1xi64>) -> !onnx.unknown {
  // expected-error@+1 {{batch_dims 2 must be below the ranks of data and indices}}
  %out = onnx.node "GatherND"(%x, %i) {domain = "", opset = 13 : i64, name = "n", attrs = {batch_dims = 2 : i64}} : (tensor<2x2xf32>, tensor<2x1xi64>) -> !onnx.unknown
  return %out : !onnx.unknown
}

// -----

func.func @case41(%x: tensor<2x2xf32>, %i: tensor<4x3xi64>) -> !onnx.unknown {
  // expected-error@+1 {{the last indices dimension is 3; it must be between 1 and rank(data) - batch_dims = 2}}
  %out = onnx.node "GatherND"(%x, %i) {domain = "", opset = 13 : i64, name = "n", attrs = {}} : (tensor<2x2xf32>, tensor<4x3xi64>) -> !onnx.unknown
  return %out : !onnx.unknown
}

// -----

func.func @case42(%x: tensor<2x2xf32>, %i: tensor<3x1xi64>) -> !onnx.unknown {
  // expected-error@+1 {{the batch dimensions of data and indices differ}}
  %out = onnx.node "GatherND"(%x, %i) {domain = "", opset = 13 : i64, name = "n", attrs = {batch_dims = 1 : i64}} : (tensor<2x2xf32>, tensor<3x1xi64>) -> !onnx.unknown
  return %out : !onnx.unknown
}

// -----

func.func @case43(%x: tensor<2x2xf32>, %i: tensor<2xi64>) -> !onnx.unknown {
  // expected-error@+1 {{data and indices must have the same rank >= 1}}
  %out = onnx.node "GatherElements"(%x, %i) {domain = "", opset = 13 : i64, name = "n", attrs = {}} : (tensor<2x2xf32>, tensor<2xi64>) -> !onnx.unknown
  return %out : !onnx.unknown
}

// -----

func.func @case44(%x: tensor<2x2xf32>, %i: tensor<2x3xi64>) -> !onnx.unknown {
  // expected-error@+1 {{indices dimension 1 exceeds that of data}}
  %out = onnx.node "GatherElements"(%x, %i) {domain = "", opset = 13 : i64, name = "n", attrs = {}} : (tensor<2x2xf32>, tensor<2x3xi64>) -> !onnx.unknown
  return %out : !onnx.unknown
}

// -----

func.func @case45(%x: tensor<4xf32>, %i: tensor<i64>, %u: tensor<f32>) -> !onnx.unknown {
  // expected-error@+1 {{data and indices must have rank >= 1}}
  %out = onnx.node "ScatterND"(%x, %i, %u) {domain = "", opset = 16 : i64, name = "n", attrs = {}} : (tensor<4xf32>, tensor<i64>, tensor<f32>) -> !onnx.unknown
  return %out : !onnx.unknown
}

// -----

func.func @case46(%x: tensor<4xf32>, %i: tensor<1x2xi64>, %u: tensor<1xf32>) -> !onnx.unknown {
  // expected-error@+1 {{the last indices dimension must be between 1 and rank(data)}}
  %out = onnx.node "ScatterND"(%x, %i, %u) {domain = "", opset = 16 : i64, name = "n", attrs = {}} : (tensor<4xf32>, tensor<1x2xi64>, tensor<1xf32>) -> !onnx.unknown
  return %out : !onnx.unknown
}

// -----

func.func @case47(%x: tensor<4x3xf32>, %i: tensor<2x1xi64>, %u: tensor<2x4xf32>) -> !onnx.unknown {
  // expected-error@+1 {{updates must have shape indices.shape[:-1] + data.shape[k:] and the element type of data}}
  %out = onnx.node "ScatterND"(%x, %i, %u) {domain = "", opset = 16 : i64, name = "n", attrs = {}} : (tensor<4x3xf32>, tensor<2x1xi64>, tensor<2x4xf32>) -> !onnx.unknown
  return %out : !onnx.unknown
}

// -----

func.func @case48(%x: tensor<4xf32>, %i: tensor<2x1xi64>, %u: tensor<2xf32>) -> !onnx.unknown {
  // expected-error@+1 {{unknown reduction 'sum'}}
  %out = onnx.node "ScatterND"(%x, %i, %u) {domain = "", opset = 16 : i64, name = "n", attrs = {reduction = "sum"}} : (tensor<4xf32>, tensor<2x1xi64>, tensor<2xf32>) -> !onnx.unknown
  return %out : !onnx.unknown
}

// -----

func.func @case49(%x: tensor<4xf32>, %i: tensor<2x1xi64>, %u: tensor<2xf32>) -> !onnx.unknown {
  // expected-error@+1 {{reduction 'max' needs opset 18}}
  %out = onnx.node "ScatterND"(%x, %i, %u) {domain = "", opset = 16 : i64, name = "n", attrs = {reduction = "max"}} : (tensor<4xf32>, tensor<2x1xi64>, tensor<2xf32>) -> !onnx.unknown
  return %out : !onnx.unknown
}

// -----

func.func @case50(%x: tensor<4xi1>, %i: tensor<2x1xi64>, %u: tensor<2xi1>) -> !onnx.unknown {
  // expected-error@+1 {{reductions on bool tensors are not supported}}
  %out = onnx.node "ScatterND"(%x, %i, %u) {domain = "", opset = 16 : i64, name = "n", attrs = {reduction = "add"}} : (tensor<4xi1>, tensor<2x1xi64>, tensor<2xi1>) -> !onnx.unknown
  return %out : !onnx.unknown
}

// -----

func.func @case51(%x: tensor<2xf32>) -> !onnx.unknown {
  %s = arith.constant dense<[-1, 2]> : tensor<2xi64>
  // expected-error@+1 {{shape has negative entries}}
  %out = onnx.node "Expand"(%x, %s) {domain = "", opset = 13 : i64, name = "n", attrs = {}} : (tensor<2xf32>, tensor<2xi64>) -> !onnx.unknown
  return %out : !onnx.unknown
}

// -----

func.func @case52(%x: tensor<2xf32>) -> !onnx.unknown {
  %s = arith.constant dense<3> : tensor<1xi64>
  // expected-error@+1 {{shape does not broadcast with the input shape}}
  %out = onnx.node "Expand"(%x, %s) {domain = "", opset = 13 : i64, name = "n", attrs = {}} : (tensor<2xf32>, tensor<1xi64>) -> !onnx.unknown
  return %out : !onnx.unknown
}

// -----

func.func @case53(%x: tensor<2x2xf32>) -> !onnx.unknown {
  %r = arith.constant dense<2> : tensor<1xi64>
  // expected-error@+1 {{repeats has 1 entries for an input of rank 2}}
  %out = onnx.node "Tile"(%x, %r) {domain = "", opset = 13 : i64, name = "n", attrs = {}} : (tensor<2x2xf32>, tensor<1xi64>) -> !onnx.unknown
  return %out : !onnx.unknown
}

// -----

func.func @case54(%x: tensor<2xf32>) -> !onnx.unknown {
  %r = arith.constant dense<-1> : tensor<1xi64>
  // expected-error@+1 {{repeats has negative entries}}
  %out = onnx.node "Tile"(%x, %r) {domain = "", opset = 13 : i64, name = "n", attrs = {}} : (tensor<2xf32>, tensor<1xi64>) -> !onnx.unknown
  return %out : !onnx.unknown
}

// -----

func.func @case55(%a: tensor<2xf32>) -> !onnx.unknown {
  // expected-error@+1 {{start, limit and delta must be scalars}}
  %out = onnx.node "Range"(%a, %a, %a) {domain = "", opset = 13 : i64, name = "n", attrs = {}} : (tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> !onnx.unknown
  return %out : !onnx.unknown
}

// -----

func.func @case56(%a: tensor<f16>) -> !onnx.unknown {
  // expected-error@+1 {{Range supports f32, f64, int16, int32 and int64, got 'f16'}}
  %out = onnx.node "Range"(%a, %a, %a) {domain = "", opset = 13 : i64, name = "n", attrs = {}} : (tensor<f16>, tensor<f16>, tensor<f16>) -> !onnx.unknown
  return %out : !onnx.unknown
}

// -----

func.func @case57(%a: tensor<f32>, %b: tensor<f64>) -> !onnx.unknown {
  // expected-error@+1 {{start, limit and delta have different element types}}
  %out = onnx.node "Range"(%a, %a, %b) {domain = "", opset = 13 : i64, name = "n", attrs = {}} : (tensor<f32>, tensor<f32>, tensor<f64>) -> !onnx.unknown
  return %out : !onnx.unknown
}

// -----

func.func @case58(%a: tensor<f32>) -> !onnx.unknown {
  %b = arith.constant dense<1.0> : tensor<f32>
  // expected-error@+1 {{start, limit and delta must be constants: the result size depends on their values}}
  %out = onnx.node "Range"(%a, %b, %b) {domain = "", opset = 13 : i64, name = "n", attrs = {}} : (tensor<f32>, tensor<f32>, tensor<f32>) -> !onnx.unknown
  return %out : !onnx.unknown
}

// -----

func.func @case59() -> !onnx.unknown {
  %a = arith.constant dense<0.0> : tensor<f32>
  %b = arith.constant dense<1.0> : tensor<f32>
  // expected-error@+1 {{delta is 0}}
  %out = onnx.node "Range"(%a, %b, %a) {domain = "", opset = 13 : i64, name = "n", attrs = {}} : (tensor<f32>, tensor<f32>, tensor<f32>) -> !onnx.unknown
  return %out : !onnx.unknown
}

// -----

func.func @case60() -> !onnx.unknown {
  %s = arith.constant dense<[2, -1]> : tensor<2xi64>
  // expected-error@+1 {{shape has negative entries}}
  %out = onnx.node "ConstantOfShape"(%s) {domain = "", opset = 13 : i64, name = "n", attrs = {}} : (tensor<2xi64>) -> !onnx.unknown
  return %out : !onnx.unknown
}

// -----

func.func @case61() -> !onnx.unknown {
  %s = arith.constant dense<70000> : tensor<1xi64>
  // expected-error@+1 {{value must be a one-element tensor of a float, integer or bool type}}
  %out = onnx.node "ConstantOfShape"(%s) {domain = "", opset = 13 : i64, name = "n", attrs = {value = dense<[1.0, 2.0]> : tensor<2xf32>}} : (tensor<1xi64>) -> !onnx.unknown
  return %out : !onnx.unknown
}

// -----

func.func @case62(%x: tensor<3xf32>) -> !onnx.unknown {
  // expected-error@+1 {{input must have rank >= 2}}
  %out = onnx.node "Trilu"(%x) {domain = "", opset = 14 : i64, name = "n", attrs = {}} : (tensor<3xf32>) -> !onnx.unknown
  return %out : !onnx.unknown
}

// -----

func.func @case63(%x: tensor<3x3xf32>, %k: tensor<2xi64>) -> !onnx.unknown {
  // expected-error@+1 {{k must be a scalar}}
  %out = onnx.node "Trilu"(%x, %k) {domain = "", opset = 14 : i64, name = "n", attrs = {}} : (tensor<3x3xf32>, tensor<2xi64>) -> !onnx.unknown
  return %out : !onnx.unknown
}

// -----

func.func @case64(%x: tensor<1x2x3xf32>) -> !onnx.unknown {
  // expected-error@+1 {{axis 4 is out of range for rank 3}}
  %out = onnx.node "Flatten"(%x) {domain = "", opset = 13 : i64, name = "n", attrs = {axis = 4 : i64}} : (tensor<1x2x3xf32>) -> !onnx.unknown
  return %out : !onnx.unknown
}

// -----

func.func @case65(%x: tensor<2x3xf32>) -> !onnx.unknown {
  %p = arith.constant dense<[1, 1, 1, 1]> : tensor<4xi64>
  // expected-error@+1 {{unknown mode 'wrap'}}
  %out = onnx.node "Pad"(%x, %p) {domain = "", opset = 18 : i64, name = "n", attrs = {mode = "wrap"}} : (tensor<2x3xf32>, tensor<4xi64>) -> !onnx.unknown
  return %out : !onnx.unknown
}

// -----

func.func @case66(%x: tensor<2x3xf32>) -> !onnx.unknown {
  // expected-error@+1 {{the 'pads' attribute is required}}
  %out = onnx.node "Pad"(%x) {domain = "", opset = 2 : i64, name = "n", attrs = {}} : (tensor<2x3xf32>) -> !onnx.unknown
  return %out : !onnx.unknown
}

// -----

func.func @case67(%x: tensor<2x3xf32>) -> !onnx.unknown {
  %p = arith.constant dense<[1, 1]> : tensor<2xi64>
  // expected-error@+1 {{pads has 2 entries; expected 4}}
  %out = onnx.node "Pad"(%x, %p) {domain = "", opset = 13 : i64, name = "n", attrs = {}} : (tensor<2x3xf32>, tensor<2xi64>) -> !onnx.unknown
  return %out : !onnx.unknown
}

// -----

func.func @case68(%x: tensor<2x3xf32>) -> !onnx.unknown {
  %none = onnx.none
  %p = arith.constant dense<[1, 1, 1, 1]> : tensor<4xi64>
  %a = arith.constant dense<[1, -1]> : tensor<2xi64>
  // expected-error@+1 {{axis 1 is given twice}}
  %out = onnx.node "Pad"(%x, %p, %none, %a) {domain = "", opset = 18 : i64, name = "n", attrs = {}} : (tensor<2x3xf32>, tensor<4xi64>, none, tensor<2xi64>) -> !onnx.unknown
  return %out : !onnx.unknown
}

// -----

func.func @case69(%x: tensor<2x3xf32>) -> !onnx.unknown {
  %p = arith.constant dense<[-2, 0, -1, 0]> : tensor<4xi64>
  // expected-error@+1 {{pads remove more than dimension 0 holds}}
  %out = onnx.node "Pad"(%x, %p) {domain = "", opset = 13 : i64, name = "n", attrs = {}} : (tensor<2x3xf32>, tensor<4xi64>) -> !onnx.unknown
  return %out : !onnx.unknown
}

// -----

func.func @case70(%x: tensor<2x3xf32>) -> !onnx.unknown {
  %p = arith.constant dense<[1, 0, 0, 0]> : tensor<4xi64>
  %v = arith.constant dense<1.0> : tensor<f16>
  // expected-error@+1 {{constant_value has a different element type than data}}
  %out = onnx.node "Pad"(%x, %p, %v) {domain = "", opset = 13 : i64, name = "n", attrs = {}} : (tensor<2x3xf32>, tensor<4xi64>, tensor<f16>) -> !onnx.unknown
  return %out : !onnx.unknown
}

// -----

func.func @case71(%x: tensor<0x3xf32>) -> !onnx.unknown {
  %p = arith.constant dense<[1, 0, 0, 0]> : tensor<4xi64>
  // expected-error@+1 {{cannot pad an empty dimension in edge mode}}
  %out = onnx.node "Pad"(%x, %p) {domain = "", opset = 13 : i64, name = "n", attrs = {mode = "edge"}} : (tensor<0x3xf32>, tensor<4xi64>) -> !onnx.unknown
  return %out : !onnx.unknown
}

// -----

func.func @case72(%x: tensor<2xf32>, %t: tensor<i1>) -> !onnx.unknown {
  %r = arith.constant dense<0.5> : tensor<f32>
  // expected-error@+1 {{training_mode must be a constant}}
  %out = onnx.node "Dropout"(%x, %r, %t) {domain = "", opset = 13 : i64, name = "n", attrs = {}} : (tensor<2xf32>, tensor<f32>, tensor<i1>) -> !onnx.unknown
  return %out : !onnx.unknown
}

// -----

func.func @case73(%x: tensor<2xf32>) -> !onnx.unknown {
  %none = onnx.none
  %t = arith.constant dense<true> : tensor<i1>
  // expected-error@+1 {{training-mode Dropout (random masking) is not supported; export the model for inference}}
  %out = onnx.node "Dropout"(%x, %none, %t) {domain = "", opset = 13 : i64, name = "n", attrs = {}} : (tensor<2xf32>, none, tensor<i1>) -> !onnx.unknown
  return %out : !onnx.unknown
}

// -----

func.func @case74(%x: tensor<2xf32>) -> !onnx.unknown {
  // expected-error@+1 {{training-mode Dropout (random masking) is not supported}}
  %out = onnx.node "Dropout"(%x) {domain = "", opset = 6 : i64, name = "n", attrs = {}} : (tensor<2xf32>) -> !onnx.unknown
  return %out : !onnx.unknown
}

// -----

func.func @case75() -> !onnx.unknown {
  // expected-error@+1 {{constants of type 'complex<f32>' are not supported}}
  %out = onnx.node "Constant"() {domain = "", opset = 13 : i64, name = "n", attrs = {value = dense<(1.0, 2.0)> : tensor<complex<f32>>}} : () -> !onnx.unknown
  return %out : !onnx.unknown
}

// -----

func.func @case76() -> !onnx.unknown {
  // expected-error@+1 {{only the value, value_float(s) and value_int(s) forms are supported}}
  %out = onnx.node "Constant"() {domain = "", opset = 13 : i64, name = "n", attrs = {value_string = "hello"}} : () -> !onnx.unknown
  return %out : !onnx.unknown
}
