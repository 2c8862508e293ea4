// RUN: quench-opt %s --convert-onnx-to-linalg | %run_reference | FileCheck %s

// Element-wise math and activations: Exp, Log, Tanh, Cos, Sin, Sigmoid,
// Softplus, Elu, Selu, HardSigmoid, LeakyRelu, Relu, PRelu and Gelu (tanh);
// expected values from Python's math module in double, rounded to f32.

// CHECK: rank = 1 offset = 0 sizes = [5]
// CHECK-NEXT: {{\[}}0.0497871, 0.606531, 1, 2.117, 7.38906]
func.func @exp(%x0: tensor<5xf32>) -> (tensor<5xf32>) {
  %y = onnx.node "Exp"(%x0) {domain = "", opset = 13 : i64, name = "exp", attrs = {}} : (tensor<5xf32>) -> tensor<5xf32>
  return %y : tensor<5xf32>
}

// log(0) = -inf, log(-1) = NaN.
// CHECK: rank = 1 offset = 0 sizes = [5]
// CHECK-NEXT: {{\[}}-0.693147, 0, 2.30259, -inf, -nan]
func.func @log(%x0: tensor<5xf32>) -> (tensor<5xf32>) {
  %y = onnx.node "Log"(%x0) {domain = "", opset = 13 : i64, name = "log", attrs = {}} : (tensor<5xf32>) -> tensor<5xf32>
  return %y : tensor<5xf32>
}

// CHECK: rank = 1 offset = 0 sizes = [5]
// CHECK-NEXT: {{\[}}-0.995055, -0.462117, 0, 0.635149, 0.964028]
func.func @tanh(%x0: tensor<5xf32>) -> (tensor<5xf32>) {
  %y = onnx.node "Tanh"(%x0) {domain = "", opset = 13 : i64, name = "tanh", attrs = {}} : (tensor<5xf32>) -> tensor<5xf32>
  return %y : tensor<5xf32>
}

// CHECK: rank = 1 offset = 0 sizes = [5]
// CHECK-NEXT: {{\[}}-0.989992, 0.877583, 1, 0.731689, -0.416147]
func.func @cos(%x0: tensor<5xf32>) -> (tensor<5xf32>) {
  %y = onnx.node "Cos"(%x0) {domain = "", opset = 7 : i64, name = "cos", attrs = {}} : (tensor<5xf32>) -> tensor<5xf32>
  return %y : tensor<5xf32>
}

// CHECK: rank = 1 offset = 0 sizes = [5]
// CHECK-NEXT: {{\[}}-0.14112, -0.479426, 0, 0.681639, 0.909297]
func.func @sin(%x0: tensor<5xf32>) -> (tensor<5xf32>) {
  %y = onnx.node "Sin"(%x0) {domain = "", opset = 7 : i64, name = "sin", attrs = {}} : (tensor<5xf32>) -> tensor<5xf32>
  return %y : tensor<5xf32>
}

// CHECK: rank = 1 offset = 0 sizes = [5]
// CHECK-NEXT: {{\[}}2.06115e-09, 0.119203, 0.5, 0.731059, 1]
func.func @sigmoid(%x0: tensor<5xf32>) -> (tensor<5xf32>) {
  %y = onnx.node "Sigmoid"(%x0) {domain = "", opset = 13 : i64, name = "sigmoid", attrs = {}} : (tensor<5xf32>) -> tensor<5xf32>
  return %y : tensor<5xf32>
}

// Softplus = log(exp(x) + 1), without overflow for large x.
// CHECK: rank = 1 offset = 0 sizes = [5]
// CHECK-NEXT: {{\[}}0.00671535, 0.313262, 0.693147, 2.12693, 30]
func.func @softplus(%x0: tensor<5xf32>) -> (tensor<5xf32>) {
  %y = onnx.node "Softplus"(%x0) {domain = "", opset = 1 : i64, name = "softplus", attrs = {}} : (tensor<5xf32>) -> tensor<5xf32>
  return %y : tensor<5xf32>
}

// CHECK: rank = 1 offset = 0 sizes = [5]
// CHECK-NEXT: {{\[}}-0.475106, -0.196735, 0, 0.75, 2]
func.func @elu(%x0: tensor<5xf32>) -> (tensor<5xf32>) {
  %y = onnx.node "Elu"(%x0) {domain = "", opset = 6 : i64, name = "elu", attrs = {alpha = 0.5 : f32}} : (tensor<5xf32>) -> tensor<5xf32>
  return %y : tensor<5xf32>
}

// CHECK: rank = 1 offset = 0 sizes = [5]
// CHECK-NEXT: {{\[}}-0.950213, -0.393469, 0, 0.75, 2]
func.func @elu_default(%x0: tensor<5xf32>) -> (tensor<5xf32>) {
  %y = onnx.node "Elu"(%x0) {domain = "", opset = 6 : i64, name = "elu_default", attrs = {}} : (tensor<5xf32>) -> tensor<5xf32>
  return %y : tensor<5xf32>
}

// CHECK: rank = 1 offset = 0 sizes = [5]
// CHECK-NEXT: {{\[}}-1.67057, -0.691758, 0, 0.788026, 2.1014]
func.func @selu(%x0: tensor<5xf32>) -> (tensor<5xf32>) {
  %y = onnx.node "Selu"(%x0) {domain = "", opset = 6 : i64, name = "selu", attrs = {}} : (tensor<5xf32>) -> tensor<5xf32>
  return %y : tensor<5xf32>
}

// CHECK: rank = 1 offset = 0 sizes = [5]
// CHECK-NEXT: {{\[}}0, 0.3, 0.5, 0.7, 1]
func.func @hard_sigmoid(%x0: tensor<5xf32>) -> (tensor<5xf32>) {
  %y = onnx.node "HardSigmoid"(%x0) {domain = "", opset = 6 : i64, name = "hard_sigmoid", attrs = {}} : (tensor<5xf32>) -> tensor<5xf32>
  return %y : tensor<5xf32>
}

// CHECK: rank = 1 offset = 0 sizes = [5]
// CHECK-NEXT: {{\[}}0, 0, 0.25, 0.5, 1]
func.func @hard_sigmoid_attrs(%x0: tensor<5xf32>) -> (tensor<5xf32>) {
  %y = onnx.node "HardSigmoid"(%x0) {domain = "", opset = 6 : i64, name = "hard_sigmoid_attrs", attrs = {alpha = 0.25 : f32, beta = 0.25 : f32}} : (tensor<5xf32>) -> tensor<5xf32>
  return %y : tensor<5xf32>
}

// LeakyRelu: alpha defaults to 0.01.
// CHECK: rank = 1 offset = 0 sizes = [4]
// CHECK-NEXT: {{\[}}-0.02, -0, 0.5, 3]
func.func @leaky_relu(%x0: tensor<4xf32>) -> (tensor<4xf32>) {
  %y = onnx.node "LeakyRelu"(%x0) {domain = "", opset = 16 : i64, name = "leaky_relu", attrs = {}} : (tensor<4xf32>) -> tensor<4xf32>
  return %y : tensor<4xf32>
}

// CHECK: rank = 1 offset = 0 sizes = [4]
// CHECK-NEXT: {{\[}}-1, -0, 0.5, 3]
func.func @leaky_relu_alpha(%x0: tensor<4xf32>) -> (tensor<4xf32>) {
  %y = onnx.node "LeakyRelu"(%x0) {domain = "", opset = 16 : i64, name = "leaky_relu_alpha", attrs = {alpha = 0.5 : f32}} : (tensor<4xf32>) -> tensor<4xf32>
  return %y : tensor<4xf32>
}

// CHECK: rank = 1 offset = 0 sizes = [4]
// CHECK-NEXT: {{\[}}0, 0, 0.5, 3]
func.func @relu(%x0: tensor<4xf32>) -> (tensor<4xf32>) {
  %y = onnx.node "Relu"(%x0) {domain = "", opset = 14 : i64, name = "relu", attrs = {}} : (tensor<4xf32>) -> tensor<4xf32>
  return %y : tensor<4xf32>
}

// CHECK: rank = 1 offset = 0 sizes = [3]
// CHECK-NEXT: {{\[}}0, 0, 7]
func.func @relu_i32(%x0: tensor<3xi32>) -> (tensor<3xi32>) {
  %y = onnx.node "Relu"(%x0) {domain = "", opset = 14 : i64, name = "relu_i32", attrs = {}} : (tensor<3xi32>) -> tensor<3xi32>
  return %y : tensor<3xi32>
}

// PRelu: the slope broadcasts to the input.
// CHECK: rank = 2 offset = 0 sizes = [2, 3]
// CHECK-NEXT: {{\[}}-1, 1, 4]
// CHECK-NEXT: {{\[}}3, -2, 0.5]
func.func @prelu_broadcast_slope(%x0: tensor<2x3xf32>, %x1: tensor<3xf32>) -> (tensor<2x3xf32>) {
  %y = onnx.node "PRelu"(%x0, %x1) {domain = "", opset = 16 : i64, name = "prelu_broadcast_slope", attrs = {}} : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}

// CHECK: rank = 1 offset = 0 sizes = [2]
// CHECK-NEXT: {{\[}}-18, 6]
func.func @prelu_i32(%x0: tensor<2xi32>, %x1: tensor<2xi32>) -> (tensor<2xi32>) {
  %y = onnx.node "PRelu"(%x0, %x1) {domain = "", opset = 16 : i64, name = "prelu_i32", attrs = {}} : (tensor<2xi32>, tensor<2xi32>) -> tensor<2xi32>
  return %y : tensor<2xi32>
}

// Gelu with the tanh approximation (no erf).
// CHECK: rank = 1 offset = 0 sizes = [5]
// CHECK-NEXT: {{\[}}-0.0454023, -0.158808, 0, 0.345714, 2.99636]
func.func @gelu_tanh(%x0: tensor<5xf32>) -> (tensor<5xf32>) {
  %y = onnx.node "Gelu"(%x0) {domain = "", opset = 20 : i64, name = "gelu_tanh", attrs = {approximate = "tanh"}} : (tensor<5xf32>) -> tensor<5xf32>
  return %y : tensor<5xf32>
}

func.func @main() {
  %c1 = arith.constant dense<[-3.0, -0.5, 0.0, 0.75, 2.0]> : tensor<5xf32>
  %r2 = call @exp(%c1) : (tensor<5xf32>) -> (tensor<5xf32>)
  %u3 = tensor.cast %r2 : tensor<5xf32> to tensor<*xf32>
  call @printMemrefF32(%u3) : (tensor<*xf32>) -> ()
  %c4 = arith.constant dense<[0.5, 1.0, 10.0, 0.0, -1.0]> : tensor<5xf32>
  %r5 = call @log(%c4) : (tensor<5xf32>) -> (tensor<5xf32>)
  %u6 = tensor.cast %r5 : tensor<5xf32> to tensor<*xf32>
  call @printMemrefF32(%u6) : (tensor<*xf32>) -> ()
  %c7 = arith.constant dense<[-3.0, -0.5, 0.0, 0.75, 2.0]> : tensor<5xf32>
  %r8 = call @tanh(%c7) : (tensor<5xf32>) -> (tensor<5xf32>)
  %u9 = tensor.cast %r8 : tensor<5xf32> to tensor<*xf32>
  call @printMemrefF32(%u9) : (tensor<*xf32>) -> ()
  %c10 = arith.constant dense<[-3.0, -0.5, 0.0, 0.75, 2.0]> : tensor<5xf32>
  %r11 = call @cos(%c10) : (tensor<5xf32>) -> (tensor<5xf32>)
  %u12 = tensor.cast %r11 : tensor<5xf32> to tensor<*xf32>
  call @printMemrefF32(%u12) : (tensor<*xf32>) -> ()
  %c13 = arith.constant dense<[-3.0, -0.5, 0.0, 0.75, 2.0]> : tensor<5xf32>
  %r14 = call @sin(%c13) : (tensor<5xf32>) -> (tensor<5xf32>)
  %u15 = tensor.cast %r14 : tensor<5xf32> to tensor<*xf32>
  call @printMemrefF32(%u15) : (tensor<*xf32>) -> ()
  %c16 = arith.constant dense<[-20.0, -2.0, 0.0, 1.0, 20.0]> : tensor<5xf32>
  %r17 = call @sigmoid(%c16) : (tensor<5xf32>) -> (tensor<5xf32>)
  %u18 = tensor.cast %r17 : tensor<5xf32> to tensor<*xf32>
  call @printMemrefF32(%u18) : (tensor<*xf32>) -> ()
  %c19 = arith.constant dense<[-5.0, -1.0, 0.0, 2.0, 30.0]> : tensor<5xf32>
  %r20 = call @softplus(%c19) : (tensor<5xf32>) -> (tensor<5xf32>)
  %u21 = tensor.cast %r20 : tensor<5xf32> to tensor<*xf32>
  call @printMemrefF32(%u21) : (tensor<*xf32>) -> ()
  %c22 = arith.constant dense<[-3.0, -0.5, 0.0, 0.75, 2.0]> : tensor<5xf32>
  %r23 = call @elu(%c22) : (tensor<5xf32>) -> (tensor<5xf32>)
  %u24 = tensor.cast %r23 : tensor<5xf32> to tensor<*xf32>
  call @printMemrefF32(%u24) : (tensor<*xf32>) -> ()
  %c25 = arith.constant dense<[-3.0, -0.5, 0.0, 0.75, 2.0]> : tensor<5xf32>
  %r26 = call @elu_default(%c25) : (tensor<5xf32>) -> (tensor<5xf32>)
  %u27 = tensor.cast %r26 : tensor<5xf32> to tensor<*xf32>
  call @printMemrefF32(%u27) : (tensor<*xf32>) -> ()
  %c28 = arith.constant dense<[-3.0, -0.5, 0.0, 0.75, 2.0]> : tensor<5xf32>
  %r29 = call @selu(%c28) : (tensor<5xf32>) -> (tensor<5xf32>)
  %u30 = tensor.cast %r29 : tensor<5xf32> to tensor<*xf32>
  call @printMemrefF32(%u30) : (tensor<*xf32>) -> ()
  %c31 = arith.constant dense<[-4.0, -1.0, 0.0, 1.0, 4.0]> : tensor<5xf32>
  %r32 = call @hard_sigmoid(%c31) : (tensor<5xf32>) -> (tensor<5xf32>)
  %u33 = tensor.cast %r32 : tensor<5xf32> to tensor<*xf32>
  call @printMemrefF32(%u33) : (tensor<*xf32>) -> ()
  %c34 = arith.constant dense<[-4.0, -1.0, 0.0, 1.0, 4.0]> : tensor<5xf32>
  %r35 = call @hard_sigmoid_attrs(%c34) : (tensor<5xf32>) -> (tensor<5xf32>)
  %u36 = tensor.cast %r35 : tensor<5xf32> to tensor<*xf32>
  call @printMemrefF32(%u36) : (tensor<*xf32>) -> ()
  %c37 = arith.constant dense<[-2.0, -0.0, 0.5, 3.0]> : tensor<4xf32>
  %r38 = call @leaky_relu(%c37) : (tensor<4xf32>) -> (tensor<4xf32>)
  %u39 = tensor.cast %r38 : tensor<4xf32> to tensor<*xf32>
  call @printMemrefF32(%u39) : (tensor<*xf32>) -> ()
  %c40 = arith.constant dense<[-2.0, -0.0, 0.5, 3.0]> : tensor<4xf32>
  %r41 = call @leaky_relu_alpha(%c40) : (tensor<4xf32>) -> (tensor<4xf32>)
  %u42 = tensor.cast %r41 : tensor<4xf32> to tensor<*xf32>
  call @printMemrefF32(%u42) : (tensor<*xf32>) -> ()
  %c43 = arith.constant dense<[-2.0, -0.0, 0.5, 3.0]> : tensor<4xf32>
  %r44 = call @relu(%c43) : (tensor<4xf32>) -> (tensor<4xf32>)
  %u45 = tensor.cast %r44 : tensor<4xf32> to tensor<*xf32>
  call @printMemrefF32(%u45) : (tensor<*xf32>) -> ()
  %c46 = arith.constant dense<[-5, 0, 7]> : tensor<3xi32>
  %r47 = call @relu_i32(%c46) : (tensor<3xi32>) -> (tensor<3xi32>)
  %u48 = tensor.cast %r47 : tensor<3xi32> to tensor<*xi32>
  call @printMemrefI32(%u48) : (tensor<*xi32>) -> ()
  %c49 = arith.constant dense<[[-2.0, 1.0, -4.0], [3.0, -1.0, -0.5]]> : tensor<2x3xf32>
  %c50 = arith.constant dense<[0.5, 2.0, -1.0]> : tensor<3xf32>
  %r51 = call @prelu_broadcast_slope(%c49, %c50) : (tensor<2x3xf32>, tensor<3xf32>) -> (tensor<2x3xf32>)
  %u52 = tensor.cast %r51 : tensor<2x3xf32> to tensor<*xf32>
  call @printMemrefF32(%u52) : (tensor<*xf32>) -> ()
  %c53 = arith.constant dense<[-6, 6]> : tensor<2xi32>
  %c54 = arith.constant dense<[3, 3]> : tensor<2xi32>
  %r55 = call @prelu_i32(%c53, %c54) : (tensor<2xi32>, tensor<2xi32>) -> (tensor<2xi32>)
  %u56 = tensor.cast %r55 : tensor<2xi32> to tensor<*xi32>
  call @printMemrefI32(%u56) : (tensor<*xi32>) -> ()
  %c57 = arith.constant dense<[-2.0, -1.0, 0.0, 0.5, 3.0]> : tensor<5xf32>
  %r58 = call @gelu_tanh(%c57) : (tensor<5xf32>) -> (tensor<5xf32>)
  %u59 = tensor.cast %r58 : tensor<5xf32> to tensor<*xf32>
  call @printMemrefF32(%u59) : (tensor<*xf32>) -> ()
  return
}
func.func private @printMemrefF32(tensor<*xf32>)
func.func private @printMemrefI32(tensor<*xi32>)
