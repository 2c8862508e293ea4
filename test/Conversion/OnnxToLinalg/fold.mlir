// Small integer shape computations fold to constants while lowering, so the
// nodes they feed see constant shapes. Expected values from numpy.
// RUN: quench-opt %s --convert-onnx-to-linalg | FileCheck %s

// The view chain of PyTorch exports: Shape -> Gather -> Unsqueeze -> Concat
// -> Reshape becomes a constant-shape Reshape, here a pure split.
// CHECK-LABEL: func.func @reshape_from_shape
// CHECK-NOT: onnx.node
// CHECK: arith.constant dense<[1, 5, 4, -1]> : tensor<4xi64>
// CHECK: %[[R:.*]] = tensor.expand_shape %arg0 {{\[}}[0], [1], [2, 3]] output_shape [1, 5, 4, 16] : tensor<1x5x64xf32> into tensor<1x5x4x16xf32>
// CHECK: return %[[R]]
func.func @reshape_from_shape(%x: tensor<1x5x64xf32>) -> !onnx.unknown {
  %shape = onnx.node "Shape"(%x) {domain = "", opset = 17 : i64, name = "shape", attrs = {}} : (tensor<1x5x64xf32>) -> !onnx.unknown
  %c0 = arith.constant dense<0> : tensor<i64>
  %c1 = arith.constant dense<1> : tensor<i64>
  %b = onnx.node "Gather"(%shape, %c0) {domain = "", opset = 17 : i64, name = "batch", attrs = {axis = 0 : i64}} : (!onnx.unknown, tensor<i64>) -> !onnx.unknown
  %s = onnx.node "Gather"(%shape, %c1) {domain = "", opset = 17 : i64, name = "seq", attrs = {axis = 0 : i64}} : (!onnx.unknown, tensor<i64>) -> !onnx.unknown
  %axes = arith.constant dense<[0]> : tensor<1xi64>
  %ub = onnx.node "Unsqueeze"(%b, %axes) {domain = "", opset = 17 : i64, name = "ub", attrs = {}} : (!onnx.unknown, tensor<1xi64>) -> !onnx.unknown
  %us = onnx.node "Unsqueeze"(%s, %axes) {domain = "", opset = 17 : i64, name = "us", attrs = {}} : (!onnx.unknown, tensor<1xi64>) -> !onnx.unknown
  %heads = arith.constant dense<[4, -1]> : tensor<2xi64>
  %target = onnx.node "Concat"(%ub, %us, %heads) {domain = "", opset = 17 : i64, name = "cat", attrs = {axis = 0 : i64}} : (!onnx.unknown, !onnx.unknown, tensor<2xi64>) -> !onnx.unknown
  %r = onnx.node "Reshape"(%x, %target) {domain = "", opset = 17 : i64, name = "view", attrs = {}} : (tensor<1x5x64xf32>, !onnx.unknown) -> !onnx.unknown
  return %r : !onnx.unknown
}

// Merging heads back: Shape -> Slice -> Mul of the last two dims (opset 11,
// Unsqueeze axes as an attribute) -> Concat -> Reshape, a collapse.
// CHECK-LABEL: func.func @reshape_merge_heads
// CHECK-NOT: onnx.node
// CHECK: arith.constant dense<[4, 16]> : tensor<2xi64>
// CHECK: arith.constant dense<64> : tensor<i64>
// CHECK: %[[R:.*]] = tensor.collapse_shape %arg0 {{\[}}[0], [1], [2, 3]] : tensor<1x5x4x16xf32> into tensor<1x5x64xf32>
// CHECK: return %[[R]]
func.func @reshape_merge_heads(%x: tensor<1x5x4x16xf32>) -> !onnx.unknown {
  %shape = onnx.node "Shape"(%x) {domain = "", opset = 11 : i64, name = "shape", attrs = {}} : (tensor<1x5x4x16xf32>) -> !onnx.unknown
  %st = arith.constant dense<[2]> : tensor<1xi64>
  %en = arith.constant dense<[9223372036854775807]> : tensor<1xi64>
  %lead_st = arith.constant dense<[0]> : tensor<1xi64>
  %lead_en = arith.constant dense<[2]> : tensor<1xi64>
  %tail = onnx.node "Slice"(%shape, %st, %en) {domain = "", opset = 11 : i64, name = "tail", attrs = {}} : (!onnx.unknown, tensor<1xi64>, tensor<1xi64>) -> !onnx.unknown
  %lead = onnx.node "Slice"(%shape, %lead_st, %lead_en) {domain = "", opset = 11 : i64, name = "lead", attrs = {}} : (!onnx.unknown, tensor<1xi64>, tensor<1xi64>) -> !onnx.unknown
  %c0 = arith.constant dense<0> : tensor<i64>
  %c1 = arith.constant dense<1> : tensor<i64>
  %h = onnx.node "Gather"(%tail, %c0) {domain = "", opset = 11 : i64, name = "h", attrs = {}} : (!onnx.unknown, tensor<i64>) -> !onnx.unknown
  %d = onnx.node "Gather"(%tail, %c1) {domain = "", opset = 11 : i64, name = "d", attrs = {}} : (!onnx.unknown, tensor<i64>) -> !onnx.unknown
  %hd = onnx.node "Mul"(%h, %d) {domain = "", opset = 11 : i64, name = "hd", attrs = {}} : (!onnx.unknown, !onnx.unknown) -> !onnx.unknown
  %u = onnx.node "Unsqueeze"(%hd) {domain = "", opset = 11 : i64, name = "u", attrs = {axes = array<i64: 0>}} : (!onnx.unknown) -> !onnx.unknown
  %target = onnx.node "Concat"(%lead, %u) {domain = "", opset = 11 : i64, name = "cat", attrs = {axis = 0 : i64}} : (!onnx.unknown, !onnx.unknown) -> !onnx.unknown
  %r = onnx.node "Reshape"(%x, %target) {domain = "", opset = 11 : i64, name = "view", attrs = {}} : (tensor<1x5x4x16xf32>, !onnx.unknown) -> !onnx.unknown
  return %r : !onnx.unknown
}

// The -1 handling of `expand(...)` exports: Where(Equal(shape, -1), 1, shape)
// -> Expand, and position ids from Range over the sequence length.
// CHECK-LABEL: func.func @expand_and_positions
// CHECK-NOT: onnx.node
// CHECK: %[[POS:.*]] = arith.constant dense<{{\[}}[0, 1, 2, 3, 4]]> : tensor<1x5xi64>
// CHECK: arith.constant dense<[3, 5]> : tensor<2xi64>
// CHECK: %[[E:.*]] = linalg.generic {{.*}} ins(%arg1 : tensor<1x5xf32>) outs(%{{.*}} : tensor<3x5xf32>)
// CHECK: return %[[POS]], %[[E]]
func.func @expand_and_positions(%x: tensor<1x5x64xf32>, %y: tensor<1x5xf32>) -> (!onnx.unknown, !onnx.unknown) {
  %shape = onnx.node "Shape"(%x) {domain = "", opset = 17 : i64, name = "shape", attrs = {}} : (tensor<1x5x64xf32>) -> !onnx.unknown
  %c0 = arith.constant dense<0> : tensor<i64>
  %c1 = arith.constant dense<1> : tensor<i64>
  %len = onnx.node "Gather"(%shape, %c1) {domain = "", opset = 17 : i64, name = "len", attrs = {}} : (!onnx.unknown, tensor<i64>) -> !onnx.unknown
  %range = onnx.node "Range"(%c0, %len, %c1) {domain = "", opset = 17 : i64, name = "range", attrs = {}} : (tensor<i64>, !onnx.unknown, tensor<i64>) -> !onnx.unknown
  %axes = arith.constant dense<[0]> : tensor<1xi64>
  %pos = onnx.node "Unsqueeze"(%range, %axes) {domain = "", opset = 17 : i64, name = "pos", attrs = {}} : (!onnx.unknown, tensor<1xi64>) -> !onnx.unknown
  %want = arith.constant dense<[3, -1]> : tensor<2xi64>
  %minus1 = arith.constant dense<-1> : tensor<i64>
  %eq = onnx.node "Equal"(%want, %minus1) {domain = "", opset = 17 : i64, name = "eq", attrs = {}} : (tensor<2xi64>, tensor<i64>) -> !onnx.unknown
  %ones = arith.constant dense<1> : tensor<2xi64>
  %keep = onnx.node "Where"(%eq, %ones, %want) {domain = "", opset = 17 : i64, name = "where", attrs = {}} : (!onnx.unknown, tensor<2xi64>, tensor<2xi64>) -> !onnx.unknown
  %seq = onnx.node "Unsqueeze"(%len, %axes) {domain = "", opset = 17 : i64, name = "seq", attrs = {}} : (!onnx.unknown, tensor<1xi64>) -> !onnx.unknown
  %eqs = onnx.node "Equal"(%keep, %ones) {domain = "", opset = 17 : i64, name = "eqs", attrs = {}} : (!onnx.unknown, tensor<2xi64>) -> !onnx.unknown
  %target = onnx.node "Where"(%eqs, %seq, %keep) {domain = "", opset = 17 : i64, name = "target", attrs = {}} : (!onnx.unknown, !onnx.unknown, !onnx.unknown) -> !onnx.unknown
  %e = onnx.node "Expand"(%y, %target) {domain = "", opset = 17 : i64, name = "expand", attrs = {}} : (tensor<1x5xf32>, !onnx.unknown) -> !onnx.unknown
  return %pos, %e : !onnx.unknown, !onnx.unknown
}

// Integer arithmetic: Div truncates, Mod takes the divisor's sign unless
// fmod = 1; results wrap to the type.
// CHECK-LABEL: func.func @arith
// CHECK-DAG: %[[DIV:.*]] = arith.constant dense<[-3, -3, 3]> : tensor<3xi64>
// CHECK-DAG: %[[MOD:.*]] = arith.constant dense<[2, -2, -1, 2]> : tensor<4xi32>
// CHECK-DAG: %[[FMOD:.*]] = arith.constant dense<[-1, 1, -1, 2]> : tensor<4xi32>
// CHECK-DAG: %[[WRAP:.*]] = arith.constant dense<[-128, -1]> : tensor<2xi8>
// CHECK-DAG: %[[SUB:.*]] = arith.constant dense<{{\[}}[-1, -2], [1, 0]]> : tensor<2x2xi64>
// CHECK: return %[[DIV]], %[[MOD]], %[[FMOD]], %[[WRAP]], %[[SUB]]
func.func @arith() -> (!onnx.unknown, !onnx.unknown, !onnx.unknown, !onnx.unknown, !onnx.unknown) {
  %a = arith.constant dense<[-7, 7, -7]> : tensor<3xi64>
  %b = arith.constant dense<[2, -2, -2]> : tensor<3xi64>
  %div = onnx.node "Div"(%a, %b) {domain = "", opset = 17 : i64, name = "div", attrs = {}} : (tensor<3xi64>, tensor<3xi64>) -> !onnx.unknown
  %p = arith.constant dense<[-7, 7, -7, 5]> : tensor<4xi32>
  %q = arith.constant dense<[3, -3, -3, 3]> : tensor<4xi32>
  %mod = onnx.node "Mod"(%p, %q) {domain = "", opset = 17 : i64, name = "mod", attrs = {}} : (tensor<4xi32>, tensor<4xi32>) -> !onnx.unknown
  %fmod = onnx.node "Mod"(%p, %q) {domain = "", opset = 17 : i64, name = "fmod", attrs = {fmod = 1 : i64}} : (tensor<4xi32>, tensor<4xi32>) -> !onnx.unknown
  %m = arith.constant dense<[127, -2]> : tensor<2xi8>
  %one = arith.constant dense<1> : tensor<1xi8>
  %wrap = onnx.node "Add"(%m, %one) {domain = "", opset = 17 : i64, name = "wrap", attrs = {}} : (tensor<2xi8>, tensor<1xi8>) -> !onnx.unknown
  %col = arith.constant dense<[[1], [3]]> : tensor<2x1xi64>
  %row = arith.constant dense<[2, 3]> : tensor<2xi64>
  %sub = onnx.node "Sub"(%col, %row) {domain = "", opset = 17 : i64, name = "sub", attrs = {}} : (tensor<2x1xi64>, tensor<2xi64>) -> !onnx.unknown
  return %div, %mod, %fmod, %wrap, %sub : !onnx.unknown, !onnx.unknown, !onnx.unknown, !onnx.unknown, !onnx.unknown
}

// Comparisons and logic give bool; unsigned data compares unsigned.
// CHECK-LABEL: func.func @compare_logic
// CHECK-DAG: %[[LT:.*]] = arith.constant dense<[true, false, false]> : tensor<3xi1>
// CHECK-DAG: %[[GE:.*]] = arith.constant dense<[false, true, true]> : tensor<3xi1>
// CHECK-DAG: %[[ULT:.*]] = arith.constant dense<[false, true]> : tensor<2xi1>
// CHECK-DAG: %[[AND:.*]] = arith.constant dense<false> : tensor<3xi1>
// CHECK-DAG: %[[OR:.*]] = arith.constant dense<true> : tensor<3xi1>
// CHECK-DAG: %[[NOT:.*]] = arith.constant dense<[false, true, true]> : tensor<3xi1>
// CHECK: return %[[LT]], %[[GE]], %[[ULT]], %[[AND]], %[[OR]], %[[NOT]]
func.func @compare_logic() -> (!onnx.unknown, !onnx.unknown, !onnx.unknown, !onnx.unknown, !onnx.unknown, !onnx.unknown) {
  %a = arith.constant dense<[-1, 2, 3]> : tensor<3xi64>
  %b = arith.constant dense<2> : tensor<i64>
  %lt = onnx.node "Less"(%a, %b) {domain = "", opset = 17 : i64, name = "lt", attrs = {}} : (tensor<3xi64>, tensor<i64>) -> !onnx.unknown
  %ge = onnx.node "GreaterOrEqual"(%a, %b) {domain = "", opset = 17 : i64, name = "ge", attrs = {}} : (tensor<3xi64>, tensor<i64>) -> !onnx.unknown
  %u = arith.constant dense<[255, 1]> : tensor<2xui8>
  %v = arith.constant dense<[2, 2]> : tensor<2xui8>
  %ult = onnx.node "Less"(%u, %v) {domain = "", opset = 17 : i64, name = "ult", attrs = {}} : (tensor<2xui8>, tensor<2xui8>) -> !onnx.unknown
  %and = onnx.node "And"(%lt, %ge) {domain = "", opset = 17 : i64, name = "and", attrs = {}} : (!onnx.unknown, !onnx.unknown) -> !onnx.unknown
  %or = onnx.node "Or"(%lt, %ge) {domain = "", opset = 17 : i64, name = "or", attrs = {}} : (!onnx.unknown, !onnx.unknown) -> !onnx.unknown
  %not = onnx.node "Not"(%lt) {domain = "", opset = 17 : i64, name = "not", attrs = {}} : (!onnx.unknown) -> !onnx.unknown
  return %lt, %ge, %ult, %and, %or, %not : !onnx.unknown, !onnx.unknown, !onnx.unknown, !onnx.unknown, !onnx.unknown, !onnx.unknown
}

// Max/Min are variadic with broadcasting; Neg and Abs.
// CHECK-LABEL: func.func @min_max_neg_abs
// CHECK-DAG: %[[MAX:.*]] = arith.constant dense<{{\[}}[3, 2, 4], [5, 5, 5]]> : tensor<2x3xi64>
// CHECK-DAG: %[[MIN:.*]] = arith.constant dense<{{\[}}[1, -2, 1], [3, -2, 4]]> : tensor<2x3xi64>
// CHECK-DAG: %[[NEG:.*]] = arith.constant dense<[-3, 2, -4]> : tensor<3xi64>
// CHECK-DAG: %[[ABS:.*]] = arith.constant dense<[3, 2, 4]> : tensor<3xi64>
// CHECK: return %[[MAX]], %[[MIN]], %[[NEG]], %[[ABS]]
func.func @min_max_neg_abs() -> (!onnx.unknown, !onnx.unknown, !onnx.unknown, !onnx.unknown) {
  %a = arith.constant dense<[[1], [5]]> : tensor<2x1xi64>
  %b = arith.constant dense<[3, -2, 4]> : tensor<3xi64>
  %c = arith.constant dense<2> : tensor<i64>
  %max = onnx.node "Max"(%a, %b, %c) {domain = "", opset = 17 : i64, name = "max", attrs = {}} : (tensor<2x1xi64>, tensor<3xi64>, tensor<i64>) -> !onnx.unknown
  %min = onnx.node "Min"(%a, %b) {domain = "", opset = 17 : i64, name = "min", attrs = {}} : (tensor<2x1xi64>, tensor<3xi64>) -> !onnx.unknown
  %neg = onnx.node "Neg"(%b) {domain = "", opset = 17 : i64, name = "neg", attrs = {}} : (tensor<3xi64>) -> !onnx.unknown
  %abs = onnx.node "Abs"(%b) {domain = "", opset = 17 : i64, name = "abs", attrs = {}} : (tensor<3xi64>) -> !onnx.unknown
  return %max, %min, %neg, %abs : !onnx.unknown, !onnx.unknown, !onnx.unknown, !onnx.unknown
}

// Cast: wraps to narrower integers (uint8 stays unsigned, signless i8 after
// lowering), truncates floats toward zero, bool is "!= 0".
// CHECK-LABEL: func.func @cast
// CHECK-DAG: %[[U8:.*]] = arith.constant dense<[44, -56, -1]> : tensor<3xi8>
// CHECK-DAG: %[[I32:.*]] = arith.constant dense<[2, -2, 0]> : tensor<3xi32>
// CHECK-DAG: %[[B:.*]] = arith.constant dense<[true, true, false]> : tensor<3xi1>
// CHECK-DAG: %[[F:.*]] = arith.constant dense<[3.000000e+02, 2.000000e+02, -1.000000e+00]> : tensor<3xf16>
// CHECK: return %[[U8]], %[[I32]], %[[B]], %[[F]]
func.func @cast() -> (!onnx.unknown, !onnx.unknown, !onnx.unknown, !onnx.unknown) {
  %a = arith.constant dense<[300, 200, -1]> : tensor<3xi64>
  %f = arith.constant dense<[2.7, -2.7, 0.0]> : tensor<3xf32>
  %u8 = onnx.node "Cast"(%a) {domain = "", opset = 17 : i64, name = "u8", attrs = {to = 2 : i64}} : (tensor<3xi64>) -> !onnx.unknown
  %i32 = onnx.node "Cast"(%f) {domain = "", opset = 17 : i64, name = "i32", attrs = {to = 6 : i64}} : (tensor<3xf32>) -> !onnx.unknown
  %b = onnx.node "Cast"(%f) {domain = "", opset = 17 : i64, name = "b", attrs = {to = 9 : i64}} : (tensor<3xf32>) -> !onnx.unknown
  %h = onnx.node "Cast"(%a) {domain = "", opset = 17 : i64, name = "h", attrs = {to = 10 : i64}} : (tensor<3xi64>) -> !onnx.unknown
  return %u8, %i32, %b, %h : !onnx.unknown, !onnx.unknown, !onnx.unknown, !onnx.unknown
}

// The uint8 result of a folded Cast is still unsigned for the nodes after
// it: the Div lowering divides unsigned.
// CHECK-LABEL: func.func @cast_keeps_unsigned
// CHECK: arith.divui
func.func @cast_keeps_unsigned(%x: tensor<3xui8>) -> !onnx.unknown {
  %a = arith.constant dense<[300, 200, -1]> : tensor<3xi64>
  %u8 = onnx.node "Cast"(%a) {domain = "", opset = 17 : i64, name = "u8", attrs = {to = 2 : i64}} : (tensor<3xi64>) -> !onnx.unknown
  %d = onnx.node "Div"(%x, %u8) {domain = "", opset = 17 : i64, name = "d", attrs = {}} : (tensor<3xui8>, !onnx.unknown) -> !onnx.unknown
  return %d : !onnx.unknown
}

// Data movement on constants.
// CHECK-LABEL: func.func @movement
// CHECK-DAG: %[[SL:.*]] = arith.constant dense<[8, 5, 2]> : tensor<3xi64>
// CHECK-DAG: %[[TR:.*]] = arith.constant dense<{{\[\[\[}}0, 3]], {{\[\[}}1, 4]], {{\[\[}}2, 5]]]> : tensor<3x1x2xi32>
// CHECK-DAG: %[[TI:.*]] = arith.constant dense<{{\[}}[1, 2, 1, 2], [1, 2, 1, 2]]> : tensor<2x4xi64>
// CHECK-DAG: %[[SQ:.*]] = arith.constant dense<[1, 2]> : tensor<2xi64>
// CHECK-DAG: %[[EX:.*]] = arith.constant dense<{{\[}}[1, 2], [1, 2], [1, 2]]> : tensor<3x2xi64>
// CHECK-DAG: %[[GA:.*]] = arith.constant dense<{{\[}}[2], [5]]> : tensor<2x1xi32>
// CHECK: return %[[SL]], %[[TR]], %[[TI]], %[[SQ]], %[[EX]], %[[GA]]
func.func @movement() -> (!onnx.unknown, !onnx.unknown, !onnx.unknown, !onnx.unknown, !onnx.unknown, !onnx.unknown) {
  %r = arith.constant dense<[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]> : tensor<10xi64>
  %st = arith.constant dense<[-2]> : tensor<1xi64>
  %en = arith.constant dense<[1]> : tensor<1xi64>
  %ax = arith.constant dense<[0]> : tensor<1xi64>
  %sp = arith.constant dense<[-3]> : tensor<1xi64>
  %sl = onnx.node "Slice"(%r, %st, %en, %ax, %sp) {domain = "", opset = 17 : i64, name = "sl", attrs = {}} : (tensor<10xi64>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>) -> !onnx.unknown
  %t = arith.constant dense<[[[0, 1, 2], [3, 4, 5]]]> : tensor<1x2x3xi32>
  %tr = onnx.node "Transpose"(%t) {domain = "", opset = 17 : i64, name = "tr", attrs = {perm = array<i64: 2, 0, 1>}} : (tensor<1x2x3xi32>) -> !onnx.unknown
  %p = arith.constant dense<[[1, 2]]> : tensor<1x2xi64>
  %reps = arith.constant dense<[2, 2]> : tensor<2xi64>
  %ti = onnx.node "Tile"(%p, %reps) {domain = "", opset = 17 : i64, name = "ti", attrs = {}} : (tensor<1x2xi64>, tensor<2xi64>) -> !onnx.unknown
  %sq = onnx.node "Squeeze"(%p) {domain = "", opset = 17 : i64, name = "sq", attrs = {}} : (tensor<1x2xi64>) -> !onnx.unknown
  %shape = arith.constant dense<[3, 1]> : tensor<2xi64>
  %ex = onnx.node "Expand"(%p, %shape) {domain = "", opset = 17 : i64, name = "ex", attrs = {}} : (tensor<1x2xi64>, tensor<2xi64>) -> !onnx.unknown
  %idx = arith.constant dense<[[-1]]> : tensor<1x1xi64>
  %ga = onnx.node "Gather"(%t, %idx) {domain = "", opset = 17 : i64, name = "ga", attrs = {axis = 2 : i64}} : (tensor<1x2x3xi32>, tensor<1x1xi64>) -> !onnx.unknown
  %gs = onnx.node "Squeeze"(%ga) {domain = "", opset = 11 : i64, name = "gs", attrs = {axes = array<i64: 0, 3>}} : (!onnx.unknown) -> !onnx.unknown
  return %sl, %tr, %ti, %sq, %ex, %gs : !onnx.unknown, !onnx.unknown, !onnx.unknown, !onnx.unknown, !onnx.unknown, !onnx.unknown
}

// Generators, scans and reductions.
// CHECK-LABEL: func.func @generate_reduce
// CHECK-DAG: %[[RANGE:.*]] = arith.constant dense<[10, 7, 4, 1]> : tensor<4xi32>
// CHECK-DAG: %[[COS:.*]] = arith.constant dense<-3> : tensor<2x2xi64>
// CHECK-DAG: %[[COSF:.*]] = arith.constant dense<0.000000e+00> : tensor<3xf32>
// CHECK-DAG: %[[CUM:.*]] = arith.constant dense<{{\[}}[5, 3, 0], [11, 6, 0]]> : tensor<2x3xi64>
// CHECK-DAG: %[[SUM:.*]] = arith.constant dense<[5, 7, 9]> : tensor<3xi64>
// CHECK-DAG: %[[SUM11:.*]] = arith.constant dense<{{\[}}[6], [15]]> : tensor<2x1xi64>
// CHECK-DAG: %[[SIZE:.*]] = arith.constant dense<6> : tensor<i64>
// CHECK: return %[[RANGE]], %[[COS]], %[[COSF]], %[[CUM]], %[[SUM]], %[[SUM11]], %[[SIZE]]
func.func @generate_reduce() -> (!onnx.unknown, !onnx.unknown, !onnx.unknown, !onnx.unknown, !onnx.unknown, !onnx.unknown, !onnx.unknown) {
  %start = arith.constant dense<10> : tensor<i32>
  %limit = arith.constant dense<0> : tensor<i32>
  %delta = arith.constant dense<-3> : tensor<i32>
  %range = onnx.node "Range"(%start, %limit, %delta) {domain = "", opset = 17 : i64, name = "range", attrs = {}} : (tensor<i32>, tensor<i32>, tensor<i32>) -> !onnx.unknown
  %shape = arith.constant dense<[2, 2]> : tensor<2xi64>
  %cos = onnx.node "ConstantOfShape"(%shape) {domain = "", opset = 17 : i64, name = "cos", attrs = {value = dense<-3> : tensor<1xi64>}} : (tensor<2xi64>) -> !onnx.unknown
  %three = arith.constant dense<[3]> : tensor<1xi64>
  %cosf = onnx.node "ConstantOfShape"(%three) {domain = "", opset = 17 : i64, name = "cosf", attrs = {}} : (tensor<1xi64>) -> !onnx.unknown
  %x = arith.constant dense<[[1, 2, 3], [4, 5, 6]]> : tensor<2x3xi64>
  %axis = arith.constant dense<1> : tensor<i32>
  %cum = onnx.node "CumSum"(%x, %axis) {domain = "", opset = 17 : i64, name = "cum", attrs = {exclusive = 1 : i64, reverse = 1 : i64}} : (tensor<2x3xi64>, tensor<i32>) -> !onnx.unknown
  %axes = arith.constant dense<[0]> : tensor<1xi64>
  %sum = onnx.node "ReduceSum"(%x, %axes) {domain = "", opset = 17 : i64, name = "sum", attrs = {keepdims = 0 : i64}} : (tensor<2x3xi64>, tensor<1xi64>) -> !onnx.unknown
  %sum11 = onnx.node "ReduceSum"(%x) {domain = "", opset = 11 : i64, name = "sum11", attrs = {axes = array<i64: -1>}} : (tensor<2x3xi64>) -> !onnx.unknown
  %size = onnx.node "Size"(%x) {domain = "", opset = 17 : i64, name = "size", attrs = {}} : (tensor<2x3xi64>) -> !onnx.unknown
  return %range, %cos, %cosf, %cum, %sum, %sum11, %size : !onnx.unknown, !onnx.unknown, !onnx.unknown, !onnx.unknown, !onnx.unknown, !onnx.unknown, !onnx.unknown
}

// Float arithmetic and results above 65536 elements are left to the lowerings.
// CHECK-LABEL: func.func @not_folded
// CHECK: linalg.generic
// CHECK: arith.addf
// CHECK: linalg.fill
func.func @not_folded() -> (!onnx.unknown, !onnx.unknown) {
  %a = arith.constant dense<[1.0, 2.0]> : tensor<2xf32>
  %add = onnx.node "Add"(%a, %a) {domain = "", opset = 17 : i64, name = "add", attrs = {}} : (tensor<2xf32>, tensor<2xf32>) -> !onnx.unknown
  %shape = arith.constant dense<[300, 300]> : tensor<2xi64>
  %big = onnx.node "ConstantOfShape"(%shape) {domain = "", opset = 17 : i64, name = "big", attrs = {}} : (tensor<2xi64>) -> !onnx.unknown
  return %add, %big : !onnx.unknown, !onnx.unknown
}
