// RUN: quench-opt %s --convert-onnx-to-linalg | %run_reference | FileCheck %s

// LayerNormalization, RMSNormalization, SimplifiedLayerNormalization,
// BatchNormalization and InstanceNormalization against numpy.

// CHECK: rank = 2 offset = 0 sizes = [2, 4]
// CHECK-NEXT: [-1.34164, 0.105576, 0.223606, {{-2\.34163|-2\.34164}}]
// CHECK-NEXT: [-0.577349, -0.154699, -0.288675, -2.73205]
func.func @layernorm_default_axis(%x0: tensor<2x4xf32>, %x1: tensor<4xf32>, %x2: tensor<4xf32>) -> (tensor<2x4xf32>) {
  %y = onnx.node "LayerNormalization"(%x0, %x1, %x2) {domain = "", opset = 17 : i64, name = "layernorm_default_axis", attrs = {}} : (tensor<2x4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<2x4xf32>
  return %y : tensor<2x4xf32>
}

// CHECK: rank = 3 offset = 0 sizes = [2, 2, 2]
// CHECK-NEXT: [-2.68328, -0.447214]
// CHECK-NEXT: [0.447214, 2.68328]
// CHECK-NEXT: [-1.1547, -0.57735]
// CHECK-NEXT: [1.73205, -1.1547]
// CHECK: rank = 3 offset = 0 sizes = [2, 1, 1]
// CHECK-NEXT: [4]
// CHECK-NEXT: [1]
// CHECK: rank = 3 offset = 0 sizes = [2, 1, 1]
// CHECK-NEXT: [0.447214]
// CHECK-NEXT: [0.57735]
func.func @layernorm_axis_1_stats(%x0: tensor<2x2x2xf32>, %x1: tensor<2x2xf32>) -> (tensor<2x2x2xf32>, tensor<2x1x1xf32>, tensor<2x1x1xf32>) {
  %y:3 = onnx.node "LayerNormalization"(%x0, %x1) {domain = "", opset = 17 : i64, name = "layernorm_axis_1_stats", attrs = {axis = 1 : i64, epsilon = 0.0 : f32}} : (tensor<2x2x2xf32>, tensor<2x2xf32>) -> (tensor<2x2x2xf32>, tensor<2x1x1xf32>, tensor<2x1x1xf32>)
  return %y#0, %y#1, %y#2 : tensor<2x2x2xf32>, tensor<2x1x1xf32>, tensor<2x1x1xf32>
}

// CHECK: rank = 2 offset = 0 sizes = [2, 4]
// CHECK-NEXT: [{{-1\.34082|-1\.3418|-1\.34277}}, {{0\.10553|0\.105591|0\.105652}}, {{0\.223511|0\.223633|0\.223755}}, {{-2\.33984|-2\.3418|-2\.34375}}]
// CHECK-NEXT: [{{-0\.57666|-0\.577148|-0\.577637}}, {{-0\.154541|-0\.154663|-0\.154785}}, {{-0\.28833|-0\.288574|-0\.288818}}, {{-2\.73047|-2\.73242|-2\.73438}}]
func.func @layernorm_f16(%x0: tensor<2x4xf16>, %x1: tensor<4xf16>, %x2: tensor<4xf16>) -> (tensor<2x4xf16>) {
  %y = onnx.node "LayerNormalization"(%x0, %x1, %x2) {domain = "", opset = 17 : i64, name = "layernorm_f16", attrs = {}} : (tensor<2x4xf16>, tensor<4xf16>, tensor<4xf16>) -> tensor<2x4xf16>
  return %y : tensor<2x4xf16>
}

// CHECK: rank = 2 offset = 0 sizes = [2, 4]
// CHECK-NEXT: [1.2, 3.2, 0, 0]
// CHECK-NEXT: [1, 2, 3, 4]
func.func @rmsnorm_23(%x0: tensor<2x4xf32>, %x1: tensor<4xf32>) -> (tensor<2x4xf32>) {
  %y = onnx.node "RMSNormalization"(%x0, %x1) {domain = "", opset = 23 : i64, name = "rmsnorm_23", attrs = {epsilon = 0.0 : f32}} : (tensor<2x4xf32>, tensor<4xf32>) -> tensor<2x4xf32>
  return %y : tensor<2x4xf32>
}

// CHECK: rank = 2 offset = 0 sizes = [2, 4]
// CHECK-NEXT: [{{3\.15135|3\.15136}}, {{4\.2018|4\.20181}}, 0, 0]
// CHECK-NEXT: [1.05045, 1.05045, 1.05045, 1.05045]
func.func @rmsnorm_23_axis_0_broadcast_scale(%x0: tensor<2x4xf32>, %x1: tensor<1xf32>) -> (tensor<2x4xf32>) {
  %y = onnx.node "RMSNormalization"(%x0, %x1) {domain = "", opset = 23 : i64, name = "rmsnorm_23_axis_0_broadcast_scale", attrs = {axis = 0 : i64, epsilon = 0.0 : f32}} : (tensor<2x4xf32>, tensor<1xf32>) -> tensor<2x4xf32>
  return %y : tensor<2x4xf32>
}

// CHECK: rank = 2 offset = 0 sizes = [2, 4]
// CHECK-NEXT: [1.2, 3.2, 0, 0]
// CHECK-NEXT: [1, 2, 3, 4]
// CHECK: rank = 2 offset = 0 sizes = [2, 1]
// CHECK-NEXT: [0.4]
// CHECK-NEXT: [1]
func.func @simplified_layernorm(%x0: tensor<2x4xf32>, %x1: tensor<4xf32>) -> (tensor<2x4xf32>, tensor<2x1xf32>) {
  %y:2 = onnx.node "SimplifiedLayerNormalization"(%x0, %x1) {domain = "", opset = 1 : i64, name = "simplified_layernorm", attrs = {epsilon = 0.0 : f32}} : (tensor<2x4xf32>, tensor<4xf32>) -> (tensor<2x4xf32>, tensor<2x1xf32>)
  return %y#0, %y#1 : tensor<2x4xf32>, tensor<2x1xf32>
}

// CHECK: rank = 2 offset = 0 sizes = [2, 4]
// CHECK-NEXT: [1.2, 3.2, 0, 0]
// CHECK-NEXT: [1, 2, 3, 4]
func.func @simplified_layernorm_ms(%x0: tensor<2x4xf32>, %x1: tensor<4xf32>) -> (tensor<2x4xf32>) {
  %y = onnx.node "SimplifiedLayerNormalization"(%x0, %x1) {domain = "com.microsoft", opset = 1 : i64, name = "simplified_layernorm_ms", attrs = {epsilon = 0.0 : f32}} : (tensor<2x4xf32>, tensor<4xf32>) -> tensor<2x4xf32>
  return %y : tensor<2x4xf32>
}

// CHECK: rank = 3 offset = 0 sizes = [2, 2, 2]
// CHECK-NEXT: [0, 0.5]
// CHECK-NEXT: [5, 9]
// CHECK-NEXT: [-1, -0.5]
// CHECK-NEXT: [13, 29]
func.func @batchnorm_15(%x0: tensor<2x2x2xf32>, %x1: tensor<2xf32>, %x2: tensor<2xf32>, %x3: tensor<2xf32>, %x4: tensor<2xf32>) -> (tensor<2x2x2xf32>) {
  %y = onnx.node "BatchNormalization"(%x0, %x1, %x2, %x3, %x4) {domain = "", opset = 15 : i64, name = "batchnorm_15", attrs = {epsilon = 0.0 : f32}} : (tensor<2x2x2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<2x2x2xf32>
  return %y : tensor<2x2x2xf32>
}

// CHECK: rank = 3 offset = 0 sizes = [2, 2, 2]
// CHECK-NEXT: [0, 0.499999]
// CHECK-NEXT: [4.99992, 8.99984]
// CHECK-NEXT: [-0.999999, -0.499999]
// CHECK-NEXT: [12.9998, 28.9994]
func.func @batchnorm_9_default_epsilon(%x0: tensor<2x2x2xf32>, %x1: tensor<2xf32>, %x2: tensor<2xf32>, %x3: tensor<2xf32>, %x4: tensor<2xf32>) -> (tensor<2x2x2xf32>) {
  %y = onnx.node "BatchNormalization"(%x0, %x1, %x2, %x3, %x4) {domain = "", opset = 9 : i64, name = "batchnorm_9_default_epsilon", attrs = {}} : (tensor<2x2x2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<2x2x2xf32>
  return %y : tensor<2x2x2xf32>
}

// CHECK: rank = 3 offset = 0 sizes = [2, 2, 4]
// CHECK-NEXT: [-1.34164, -0.447214, 0.447214, 1.34164]
// CHECK-NEXT: [{{-0\.1547|-0\.154701}}, {{-0\.1547|-0\.154701}}, {{-0\.1547|-0\.154701}}, 4.4641]
// CHECK-NEXT: [-1, 1, -1, 1]
// CHECK-NEXT: [-1.82843, 1, 1, 3.82843]
func.func @instancenorm(%x0: tensor<2x2x4xf32>, %x1: tensor<2xf32>, %x2: tensor<2xf32>) -> (tensor<2x2x4xf32>) {
  %y = onnx.node "InstanceNormalization"(%x0, %x1, %x2) {domain = "", opset = 6 : i64, name = "instancenorm", attrs = {epsilon = 0.0 : f32}} : (tensor<2x2x4xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<2x2x4xf32>
  return %y : tensor<2x2x4xf32>
}

func.func @main() {
  %c0_0 = arith.constant dense<[[1.0, 2.0, 3.0, 4.0], [2.0, 2.0, 2.0, 6.0]]> : tensor<2x4xf32>
  %c0_1 = arith.constant dense<[1.0, 2.0, 0.5, -1.0]> : tensor<4xf32>
  %c0_2 = arith.constant dense<[0.0, 1.0, 0.0, -1.0]> : tensor<4xf32>
  %r0:1 = call @layernorm_default_axis(%c0_0, %c0_1, %c0_2) : (tensor<2x4xf32>, tensor<4xf32>, tensor<4xf32>) -> (tensor<2x4xf32>)
  %u0_0 = tensor.cast %r0#0 : tensor<2x4xf32> to tensor<*xf32>
  call @printMemrefF32(%u0_0) : (tensor<*xf32>) -> ()
  %c1_0 = arith.constant dense<[[[1.0, 3.0], [5.0, 7.0]], [[0.0, 0.0], [4.0, 0.0]]]> : tensor<2x2x2xf32>
  %c1_1 = arith.constant dense<[[2.0, 1.0], [1.0, 2.0]]> : tensor<2x2xf32>
  %r1:3 = call @layernorm_axis_1_stats(%c1_0, %c1_1) : (tensor<2x2x2xf32>, tensor<2x2xf32>) -> (tensor<2x2x2xf32>, tensor<2x1x1xf32>, tensor<2x1x1xf32>)
  %u1_0 = tensor.cast %r1#0 : tensor<2x2x2xf32> to tensor<*xf32>
  call @printMemrefF32(%u1_0) : (tensor<*xf32>) -> ()
  %u1_1 = tensor.cast %r1#1 : tensor<2x1x1xf32> to tensor<*xf32>
  call @printMemrefF32(%u1_1) : (tensor<*xf32>) -> ()
  %u1_2 = tensor.cast %r1#2 : tensor<2x1x1xf32> to tensor<*xf32>
  call @printMemrefF32(%u1_2) : (tensor<*xf32>) -> ()
  %c2_0 = arith.constant dense<[[1.0, 2.0, 3.0, 4.0], [2.0, 2.0, 2.0, 6.0]]> : tensor<2x4xf16>
  %c2_1 = arith.constant dense<[1.0, 2.0, 0.5, -1.0]> : tensor<4xf16>
  %c2_2 = arith.constant dense<[0.0, 1.0, 0.0, -1.0]> : tensor<4xf16>
  %r2:1 = call @layernorm_f16(%c2_0, %c2_1, %c2_2) : (tensor<2x4xf16>, tensor<4xf16>, tensor<4xf16>) -> (tensor<2x4xf16>)
  %e2_0 = arith.extf %r2#0 : tensor<2x4xf16> to tensor<2x4xf32>
  %u2_0 = tensor.cast %e2_0 : tensor<2x4xf32> to tensor<*xf32>
  call @printMemrefF32(%u2_0) : (tensor<*xf32>) -> ()
  %c3_0 = arith.constant dense<[[3.0, 4.0, 0.0, 0.0], [1.0, 1.0, 1.0, 1.0]]> : tensor<2x4xf32>
  %c3_1 = arith.constant dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
  %r3:1 = call @rmsnorm_23(%c3_0, %c3_1) : (tensor<2x4xf32>, tensor<4xf32>) -> (tensor<2x4xf32>)
  %u3_0 = tensor.cast %r3#0 : tensor<2x4xf32> to tensor<*xf32>
  call @printMemrefF32(%u3_0) : (tensor<*xf32>) -> ()
  %c4_0 = arith.constant dense<[[3.0, 4.0, 0.0, 0.0], [1.0, 1.0, 1.0, 1.0]]> : tensor<2x4xf32>
  %c4_1 = arith.constant dense<[2.0]> : tensor<1xf32>
  %r4:1 = call @rmsnorm_23_axis_0_broadcast_scale(%c4_0, %c4_1) : (tensor<2x4xf32>, tensor<1xf32>) -> (tensor<2x4xf32>)
  %u4_0 = tensor.cast %r4#0 : tensor<2x4xf32> to tensor<*xf32>
  call @printMemrefF32(%u4_0) : (tensor<*xf32>) -> ()
  %c5_0 = arith.constant dense<[[3.0, 4.0, 0.0, 0.0], [1.0, 1.0, 1.0, 1.0]]> : tensor<2x4xf32>
  %c5_1 = arith.constant dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
  %r5:2 = call @simplified_layernorm(%c5_0, %c5_1) : (tensor<2x4xf32>, tensor<4xf32>) -> (tensor<2x4xf32>, tensor<2x1xf32>)
  %u5_0 = tensor.cast %r5#0 : tensor<2x4xf32> to tensor<*xf32>
  call @printMemrefF32(%u5_0) : (tensor<*xf32>) -> ()
  %u5_1 = tensor.cast %r5#1 : tensor<2x1xf32> to tensor<*xf32>
  call @printMemrefF32(%u5_1) : (tensor<*xf32>) -> ()
  %c6_0 = arith.constant dense<[[3.0, 4.0, 0.0, 0.0], [1.0, 1.0, 1.0, 1.0]]> : tensor<2x4xf32>
  %c6_1 = arith.constant dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
  %r6:1 = call @simplified_layernorm_ms(%c6_0, %c6_1) : (tensor<2x4xf32>, tensor<4xf32>) -> (tensor<2x4xf32>)
  %u6_0 = tensor.cast %r6#0 : tensor<2x4xf32> to tensor<*xf32>
  call @printMemrefF32(%u6_0) : (tensor<*xf32>) -> ()
  %c7_0 = arith.constant dense<[[[1.0, 2.0], [3.0, 4.0]], [[-1.0, 0.0], [5.0, 9.0]]]> : tensor<2x2x2xf32>
  %c7_1 = arith.constant dense<[1.0, 2.0]> : tensor<2xf32>
  %c7_2 = arith.constant dense<[0.0, 1.0]> : tensor<2xf32>
  %c7_3 = arith.constant dense<[1.0, 2.0]> : tensor<2xf32>
  %c7_4 = arith.constant dense<[4.0, 0.25]> : tensor<2xf32>
  %r7:1 = call @batchnorm_15(%c7_0, %c7_1, %c7_2, %c7_3, %c7_4) : (tensor<2x2x2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> (tensor<2x2x2xf32>)
  %u7_0 = tensor.cast %r7#0 : tensor<2x2x2xf32> to tensor<*xf32>
  call @printMemrefF32(%u7_0) : (tensor<*xf32>) -> ()
  %c8_0 = arith.constant dense<[[[1.0, 2.0], [3.0, 4.0]], [[-1.0, 0.0], [5.0, 9.0]]]> : tensor<2x2x2xf32>
  %c8_1 = arith.constant dense<[1.0, 2.0]> : tensor<2xf32>
  %c8_2 = arith.constant dense<[0.0, 1.0]> : tensor<2xf32>
  %c8_3 = arith.constant dense<[1.0, 2.0]> : tensor<2xf32>
  %c8_4 = arith.constant dense<[4.0, 0.25]> : tensor<2xf32>
  %r8:1 = call @batchnorm_9_default_epsilon(%c8_0, %c8_1, %c8_2, %c8_3, %c8_4) : (tensor<2x2x2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> (tensor<2x2x2xf32>)
  %u8_0 = tensor.cast %r8#0 : tensor<2x2x2xf32> to tensor<*xf32>
  call @printMemrefF32(%u8_0) : (tensor<*xf32>) -> ()
  %c9_0 = arith.constant dense<[[[1.0, 3.0, 5.0, 7.0], [2.0, 2.0, 2.0, 6.0]], [[0.0, 4.0, 0.0, 4.0], [-1.0, 3.0, 3.0, 7.0]]]> : tensor<2x2x4xf32>
  %c9_1 = arith.constant dense<[1.0, 2.0]> : tensor<2xf32>
  %c9_2 = arith.constant dense<[0.0, 1.0]> : tensor<2xf32>
  %r9:1 = call @instancenorm(%c9_0, %c9_1, %c9_2) : (tensor<2x2x4xf32>, tensor<2xf32>, tensor<2xf32>) -> (tensor<2x2x4xf32>)
  %u9_0 = tensor.cast %r9#0 : tensor<2x2x4xf32> to tensor<*xf32>
  call @printMemrefF32(%u9_0) : (tensor<*xf32>) -> ()
  return
}
func.func private @printMemrefF32(tensor<*xf32>)
func.func private @printMemrefI32(tensor<*xi32>)
