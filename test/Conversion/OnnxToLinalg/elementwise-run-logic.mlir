// RUN: quench-opt %s --convert-onnx-to-linalg | %run_reference | FileCheck %s

// Comparisons, logic, Where, IsNaN and IsInf against numpy; bool results
// print as 0 and 1.

// Equal: false when either side is NaN; -0 equals 0.
// CHECK: rank = 1 offset = 0 sizes = [5]
// CHECK-NEXT: {{\[}}1, 0, 0, 0, 1]
func.func @equal_f32(%x0: tensor<5xf32>, %x1: tensor<5xf32>) -> (tensor<5xi1>) {
  %y = onnx.node "Equal"(%x0, %x1) {domain = "", opset = 19 : i64, name = "equal_f32", attrs = {}} : (tensor<5xf32>, tensor<5xf32>) -> tensor<5xi1>
  return %y : tensor<5xi1>
}

// CHECK: rank = 1 offset = 0 sizes = [5]
// CHECK-NEXT: {{\[}}0, 0, 1, 0, 0]
func.func @less_f32(%x0: tensor<5xf32>, %x1: tensor<5xf32>) -> (tensor<5xi1>) {
  %y = onnx.node "Less"(%x0, %x1) {domain = "", opset = 13 : i64, name = "less_f32", attrs = {}} : (tensor<5xf32>, tensor<5xf32>) -> tensor<5xi1>
  return %y : tensor<5xi1>
}

// CHECK: rank = 1 offset = 0 sizes = [5]
// CHECK-NEXT: {{\[}}0, 0, 0, 1, 0]
func.func @greater_f32(%x0: tensor<5xf32>, %x1: tensor<5xf32>) -> (tensor<5xi1>) {
  %y = onnx.node "Greater"(%x0, %x1) {domain = "", opset = 13 : i64, name = "greater_f32", attrs = {}} : (tensor<5xf32>, tensor<5xf32>) -> tensor<5xi1>
  return %y : tensor<5xi1>
}

// CHECK: rank = 1 offset = 0 sizes = [5]
// CHECK-NEXT: {{\[}}1, 0, 1, 0, 1]
func.func @lessorequal_f32(%x0: tensor<5xf32>, %x1: tensor<5xf32>) -> (tensor<5xi1>) {
  %y = onnx.node "LessOrEqual"(%x0, %x1) {domain = "", opset = 16 : i64, name = "lessorequal_f32", attrs = {}} : (tensor<5xf32>, tensor<5xf32>) -> tensor<5xi1>
  return %y : tensor<5xi1>
}

// CHECK: rank = 1 offset = 0 sizes = [5]
// CHECK-NEXT: {{\[}}1, 0, 0, 1, 1]
func.func @greaterorequal_f32(%x0: tensor<5xf32>, %x1: tensor<5xf32>) -> (tensor<5xi1>) {
  %y = onnx.node "GreaterOrEqual"(%x0, %x1) {domain = "", opset = 16 : i64, name = "greaterorequal_f32", attrs = {}} : (tensor<5xf32>, tensor<5xf32>) -> tensor<5xi1>
  return %y : tensor<5xi1>
}

// Unsigned comparison: 200 > 100 (as int8, -56 < 100).
// CHECK: rank = 1 offset = 0 sizes = [3]
// CHECK-NEXT: {{\[}}0, 0, 1]
func.func @less_ui8(%x0: tensor<3xui8>, %x1: tensor<3xui8>) -> (tensor<3xi1>) {
  %y = onnx.node "Less"(%x0, %x1) {domain = "", opset = 13 : i64, name = "less_ui8", attrs = {}} : (tensor<3xui8>, tensor<3xui8>) -> tensor<3xi1>
  return %y : tensor<3xi1>
}

// CHECK: rank = 1 offset = 0 sizes = [3]
// CHECK-NEXT: {{\[}}1, 0, 0]
func.func @less_i8(%x0: tensor<3xi8>, %x1: tensor<3xi8>) -> (tensor<3xi1>) {
  %y = onnx.node "Less"(%x0, %x1) {domain = "", opset = 13 : i64, name = "less_i8", attrs = {}} : (tensor<3xi8>, tensor<3xi8>) -> tensor<3xi1>
  return %y : tensor<3xi1>
}

// CHECK: rank = 2 offset = 0 sizes = [2, 3]
// CHECK-NEXT: {{\[}}1, 0, 0]
// CHECK-NEXT: {{\[}}1, 1, 0]
func.func @greater_or_equal_i64_broadcast(%x0: tensor<2x1xi64>, %x1: tensor<3xi64>) -> (tensor<2x3xi1>) {
  %y = onnx.node "GreaterOrEqual"(%x0, %x1) {domain = "", opset = 16 : i64, name = "greater_or_equal_i64_broadcast", attrs = {}} : (tensor<2x1xi64>, tensor<3xi64>) -> tensor<2x3xi1>
  return %y : tensor<2x3xi1>
}

// CHECK: rank = 1 offset = 0 sizes = [4]
// CHECK-NEXT: {{\[}}1, 0, 0, 1]
func.func @equal_bool(%x0: tensor<4xi1>, %x1: tensor<4xi1>) -> (tensor<4xi1>) {
  %y = onnx.node "Equal"(%x0, %x1) {domain = "", opset = 11 : i64, name = "equal_bool", attrs = {}} : (tensor<4xi1>, tensor<4xi1>) -> tensor<4xi1>
  return %y : tensor<4xi1>
}

// CHECK: rank = 1 offset = 0 sizes = [4]
// CHECK-NEXT: {{\[}}0, 0, 1, 1]
func.func @not(%x0: tensor<4xi1>) -> (tensor<4xi1>) {
  %y = onnx.node "Not"(%x0) {domain = "", opset = 1 : i64, name = "not", attrs = {}} : (tensor<4xi1>) -> tensor<4xi1>
  return %y : tensor<4xi1>
}

// CHECK: rank = 1 offset = 0 sizes = [4]
// CHECK-NEXT: {{\[}}1, 0, 0, 0]
func.func @and(%x0: tensor<4xi1>, %x1: tensor<4xi1>) -> (tensor<4xi1>) {
  %y = onnx.node "And"(%x0, %x1) {domain = "", opset = 7 : i64, name = "and", attrs = {}} : (tensor<4xi1>, tensor<4xi1>) -> tensor<4xi1>
  return %y : tensor<4xi1>
}

// CHECK: rank = 1 offset = 0 sizes = [4]
// CHECK-NEXT: {{\[}}1, 1, 1, 0]
func.func @or(%x0: tensor<4xi1>, %x1: tensor<4xi1>) -> (tensor<4xi1>) {
  %y = onnx.node "Or"(%x0, %x1) {domain = "", opset = 7 : i64, name = "or", attrs = {}} : (tensor<4xi1>, tensor<4xi1>) -> tensor<4xi1>
  return %y : tensor<4xi1>
}

// CHECK: rank = 1 offset = 0 sizes = [4]
// CHECK-NEXT: {{\[}}0, 1, 1, 0]
func.func @xor(%x0: tensor<4xi1>, %x1: tensor<4xi1>) -> (tensor<4xi1>) {
  %y = onnx.node "Xor"(%x0, %x1) {domain = "", opset = 7 : i64, name = "xor", attrs = {}} : (tensor<4xi1>, tensor<4xi1>) -> tensor<4xi1>
  return %y : tensor<4xi1>
}

// CHECK: rank = 2 offset = 0 sizes = [2, 3]
// CHECK-NEXT: {{\[}}0, 1, 0]
// CHECK-NEXT: {{\[}}1, 0, 1]
func.func @xor_broadcast(%x0: tensor<2x1xi1>, %x1: tensor<3xi1>) -> (tensor<2x3xi1>) {
  %y = onnx.node "Xor"(%x0, %x1) {domain = "", opset = 7 : i64, name = "xor_broadcast", attrs = {}} : (tensor<2x1xi1>, tensor<3xi1>) -> tensor<2x3xi1>
  return %y : tensor<2x3xi1>
}

// Where broadcasts all three inputs.
// CHECK: rank = 2 offset = 0 sizes = [2, 3]
// CHECK-NEXT: {{\[}}1, -1, 3]
// CHECK-NEXT: {{\[}}-2, -2, 3]
func.func @where_broadcast(%x0: tensor<2x3xi1>, %x1: tensor<3xf32>, %x2: tensor<2x1xf32>) -> (tensor<2x3xf32>) {
  %y = onnx.node "Where"(%x0, %x1, %x2) {domain = "", opset = 16 : i64, name = "where_broadcast", attrs = {}} : (tensor<2x3xi1>, tensor<3xf32>, tensor<2x1xf32>) -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}

// CHECK: rank = 1 offset = 0 sizes = [2]
// CHECK-NEXT: {{\[}}250, 3]
func.func @where_ui8(%x0: tensor<2xi1>, %x1: tensor<2xui8>, %x2: tensor<1xui8>) -> (tensor<2xi8>) {
  %y = onnx.node "Where"(%x0, %x1, %x2) {domain = "", opset = 16 : i64, name = "where_ui8", attrs = {}} : (tensor<2xi1>, tensor<2xui8>, tensor<1xui8>) -> tensor<2xi8>
  return %y : tensor<2xi8>
}

// CHECK: rank = 1 offset = 0 sizes = [5]
// CHECK-NEXT: {{\[}}1, 0, 0, 0, 0]
func.func @is_nan(%x0: tensor<5xf32>) -> (tensor<5xi1>) {
  %y = onnx.node "IsNaN"(%x0) {domain = "", opset = 13 : i64, name = "is_nan", attrs = {}} : (tensor<5xf32>) -> tensor<5xi1>
  return %y : tensor<5xi1>
}

// CHECK: rank = 1 offset = 0 sizes = [5]
// CHECK-NEXT: {{\[}}0, 1, 1, 0, 0]
func.func @is_inf(%x0: tensor<5xf32>) -> (tensor<5xi1>) {
  %y = onnx.node "IsInf"(%x0) {domain = "", opset = 10 : i64, name = "is_inf", attrs = {}} : (tensor<5xf32>) -> tensor<5xi1>
  return %y : tensor<5xi1>
}

// CHECK: rank = 1 offset = 0 sizes = [5]
// CHECK-NEXT: {{\[}}0, 1, 0, 0, 0]
func.func @is_inf_positive_only(%x0: tensor<5xf32>) -> (tensor<5xi1>) {
  %y = onnx.node "IsInf"(%x0) {domain = "", opset = 10 : i64, name = "is_inf_positive_only", attrs = {detect_negative = 0 : i64}} : (tensor<5xf32>) -> tensor<5xi1>
  return %y : tensor<5xi1>
}

// CHECK: rank = 1 offset = 0 sizes = [5]
// CHECK-NEXT: {{\[}}0, 0, 1, 0, 0]
func.func @is_inf_negative_only(%x0: tensor<5xf32>) -> (tensor<5xi1>) {
  %y = onnx.node "IsInf"(%x0) {domain = "", opset = 20 : i64, name = "is_inf_negative_only", attrs = {detect_positive = 0 : i64}} : (tensor<5xf32>) -> tensor<5xi1>
  return %y : tensor<5xi1>
}

func.func @main() {
  %c1 = arith.constant dense<[1.0, 0x7FC00000, -2.0, 3.0, 0.0]> : tensor<5xf32>
  %c2 = arith.constant dense<[1.0, 0x7FC00000, 5.0, -3.0, -0.0]> : tensor<5xf32>
  %r3 = call @equal_f32(%c1, %c2) : (tensor<5xf32>, tensor<5xf32>) -> (tensor<5xi1>)
  %p4 = arith.extui %r3 : tensor<5xi1> to tensor<5xi32>
  %u4 = tensor.cast %p4 : tensor<5xi32> to tensor<*xi32>
  call @printMemrefI32(%u4) : (tensor<*xi32>) -> ()
  %c5 = arith.constant dense<[1.0, 0x7FC00000, -2.0, 3.0, 0.0]> : tensor<5xf32>
  %c6 = arith.constant dense<[1.0, 0x7FC00000, 5.0, -3.0, -0.0]> : tensor<5xf32>
  %r7 = call @less_f32(%c5, %c6) : (tensor<5xf32>, tensor<5xf32>) -> (tensor<5xi1>)
  %p8 = arith.extui %r7 : tensor<5xi1> to tensor<5xi32>
  %u8 = tensor.cast %p8 : tensor<5xi32> to tensor<*xi32>
  call @printMemrefI32(%u8) : (tensor<*xi32>) -> ()
  %c9 = arith.constant dense<[1.0, 0x7FC00000, -2.0, 3.0, 0.0]> : tensor<5xf32>
  %c10 = arith.constant dense<[1.0, 0x7FC00000, 5.0, -3.0, -0.0]> : tensor<5xf32>
  %r11 = call @greater_f32(%c9, %c10) : (tensor<5xf32>, tensor<5xf32>) -> (tensor<5xi1>)
  %p12 = arith.extui %r11 : tensor<5xi1> to tensor<5xi32>
  %u12 = tensor.cast %p12 : tensor<5xi32> to tensor<*xi32>
  call @printMemrefI32(%u12) : (tensor<*xi32>) -> ()
  %c13 = arith.constant dense<[1.0, 0x7FC00000, -2.0, 3.0, 0.0]> : tensor<5xf32>
  %c14 = arith.constant dense<[1.0, 0x7FC00000, 5.0, -3.0, -0.0]> : tensor<5xf32>
  %r15 = call @lessorequal_f32(%c13, %c14) : (tensor<5xf32>, tensor<5xf32>) -> (tensor<5xi1>)
  %p16 = arith.extui %r15 : tensor<5xi1> to tensor<5xi32>
  %u16 = tensor.cast %p16 : tensor<5xi32> to tensor<*xi32>
  call @printMemrefI32(%u16) : (tensor<*xi32>) -> ()
  %c17 = arith.constant dense<[1.0, 0x7FC00000, -2.0, 3.0, 0.0]> : tensor<5xf32>
  %c18 = arith.constant dense<[1.0, 0x7FC00000, 5.0, -3.0, -0.0]> : tensor<5xf32>
  %r19 = call @greaterorequal_f32(%c17, %c18) : (tensor<5xf32>, tensor<5xf32>) -> (tensor<5xi1>)
  %p20 = arith.extui %r19 : tensor<5xi1> to tensor<5xi32>
  %u20 = tensor.cast %p20 : tensor<5xi32> to tensor<*xi32>
  call @printMemrefI32(%u20) : (tensor<*xi32>) -> ()
  %c21 = arith.constant dense<[200, 3, 100]> : tensor<3xui8>
  %c22 = arith.constant dense<[100, 3, 200]> : tensor<3xui8>
  %r23 = call @less_ui8(%c21, %c22) : (tensor<3xui8>, tensor<3xui8>) -> (tensor<3xi1>)
  %p24 = arith.extui %r23 : tensor<3xi1> to tensor<3xi32>
  %u24 = tensor.cast %p24 : tensor<3xi32> to tensor<*xi32>
  call @printMemrefI32(%u24) : (tensor<*xi32>) -> ()
  %c25 = arith.constant dense<[-56, 3, 100]> : tensor<3xi8>
  %c26 = arith.constant dense<[100, 3, -56]> : tensor<3xi8>
  %r27 = call @less_i8(%c25, %c26) : (tensor<3xi8>, tensor<3xi8>) -> (tensor<3xi1>)
  %p28 = arith.extui %r27 : tensor<3xi1> to tensor<3xi32>
  %u28 = tensor.cast %p28 : tensor<3xi32> to tensor<*xi32>
  call @printMemrefI32(%u28) : (tensor<*xi32>) -> ()
  %c29 = arith.constant dense<[[1], [5]]> : tensor<2x1xi64>
  %c30 = arith.constant dense<[1, 5, 7]> : tensor<3xi64>
  %r31 = call @greater_or_equal_i64_broadcast(%c29, %c30) : (tensor<2x1xi64>, tensor<3xi64>) -> (tensor<2x3xi1>)
  %p32 = arith.extui %r31 : tensor<2x3xi1> to tensor<2x3xi32>
  %u32 = tensor.cast %p32 : tensor<2x3xi32> to tensor<*xi32>
  call @printMemrefI32(%u32) : (tensor<*xi32>) -> ()
  %c33 = arith.constant dense<[true, true, false, false]> : tensor<4xi1>
  %c34 = arith.constant dense<[true, false, true, false]> : tensor<4xi1>
  %r35 = call @equal_bool(%c33, %c34) : (tensor<4xi1>, tensor<4xi1>) -> (tensor<4xi1>)
  %p36 = arith.extui %r35 : tensor<4xi1> to tensor<4xi32>
  %u36 = tensor.cast %p36 : tensor<4xi32> to tensor<*xi32>
  call @printMemrefI32(%u36) : (tensor<*xi32>) -> ()
  %c37 = arith.constant dense<[true, true, false, false]> : tensor<4xi1>
  %r38 = call @not(%c37) : (tensor<4xi1>) -> (tensor<4xi1>)
  %p39 = arith.extui %r38 : tensor<4xi1> to tensor<4xi32>
  %u39 = tensor.cast %p39 : tensor<4xi32> to tensor<*xi32>
  call @printMemrefI32(%u39) : (tensor<*xi32>) -> ()
  %c40 = arith.constant dense<[true, true, false, false]> : tensor<4xi1>
  %c41 = arith.constant dense<[true, false, true, false]> : tensor<4xi1>
  %r42 = call @and(%c40, %c41) : (tensor<4xi1>, tensor<4xi1>) -> (tensor<4xi1>)
  %p43 = arith.extui %r42 : tensor<4xi1> to tensor<4xi32>
  %u43 = tensor.cast %p43 : tensor<4xi32> to tensor<*xi32>
  call @printMemrefI32(%u43) : (tensor<*xi32>) -> ()
  %c44 = arith.constant dense<[true, true, false, false]> : tensor<4xi1>
  %c45 = arith.constant dense<[true, false, true, false]> : tensor<4xi1>
  %r46 = call @or(%c44, %c45) : (tensor<4xi1>, tensor<4xi1>) -> (tensor<4xi1>)
  %p47 = arith.extui %r46 : tensor<4xi1> to tensor<4xi32>
  %u47 = tensor.cast %p47 : tensor<4xi32> to tensor<*xi32>
  call @printMemrefI32(%u47) : (tensor<*xi32>) -> ()
  %c48 = arith.constant dense<[true, true, false, false]> : tensor<4xi1>
  %c49 = arith.constant dense<[true, false, true, false]> : tensor<4xi1>
  %r50 = call @xor(%c48, %c49) : (tensor<4xi1>, tensor<4xi1>) -> (tensor<4xi1>)
  %p51 = arith.extui %r50 : tensor<4xi1> to tensor<4xi32>
  %u51 = tensor.cast %p51 : tensor<4xi32> to tensor<*xi32>
  call @printMemrefI32(%u51) : (tensor<*xi32>) -> ()
  %c52 = arith.constant dense<[[true], [false]]> : tensor<2x1xi1>
  %c53 = arith.constant dense<[true, false, true]> : tensor<3xi1>
  %r54 = call @xor_broadcast(%c52, %c53) : (tensor<2x1xi1>, tensor<3xi1>) -> (tensor<2x3xi1>)
  %p55 = arith.extui %r54 : tensor<2x3xi1> to tensor<2x3xi32>
  %u55 = tensor.cast %p55 : tensor<2x3xi32> to tensor<*xi32>
  call @printMemrefI32(%u55) : (tensor<*xi32>) -> ()
  %c56 = arith.constant dense<[[true, false, true], [false, false, true]]> : tensor<2x3xi1>
  %c57 = arith.constant dense<[1.0, 2.0, 3.0]> : tensor<3xf32>
  %c58 = arith.constant dense<[[-1.0], [-2.0]]> : tensor<2x1xf32>
  %r59 = call @where_broadcast(%c56, %c57, %c58) : (tensor<2x3xi1>, tensor<3xf32>, tensor<2x1xf32>) -> (tensor<2x3xf32>)
  %u60 = tensor.cast %r59 : tensor<2x3xf32> to tensor<*xf32>
  call @printMemrefF32(%u60) : (tensor<*xf32>) -> ()
  %c61 = arith.constant dense<[true, false]> : tensor<2xi1>
  %c62 = arith.constant dense<[250, 1]> : tensor<2xui8>
  %c63 = arith.constant dense<[3]> : tensor<1xui8>
  %r64 = call @where_ui8(%c61, %c62, %c63) : (tensor<2xi1>, tensor<2xui8>, tensor<1xui8>) -> (tensor<2xi8>)
  %p65 = arith.extui %r64 : tensor<2xi8> to tensor<2xi32>
  %u65 = tensor.cast %p65 : tensor<2xi32> to tensor<*xi32>
  call @printMemrefI32(%u65) : (tensor<*xi32>) -> ()
  %c66 = arith.constant dense<[0x7FC00000, 0x7F800000, 0xFF800000, 0.0, -1.5]> : tensor<5xf32>
  %r67 = call @is_nan(%c66) : (tensor<5xf32>) -> (tensor<5xi1>)
  %p68 = arith.extui %r67 : tensor<5xi1> to tensor<5xi32>
  %u68 = tensor.cast %p68 : tensor<5xi32> to tensor<*xi32>
  call @printMemrefI32(%u68) : (tensor<*xi32>) -> ()
  %c69 = arith.constant dense<[0x7FC00000, 0x7F800000, 0xFF800000, 0.0, -1.5]> : tensor<5xf32>
  %r70 = call @is_inf(%c69) : (tensor<5xf32>) -> (tensor<5xi1>)
  %p71 = arith.extui %r70 : tensor<5xi1> to tensor<5xi32>
  %u71 = tensor.cast %p71 : tensor<5xi32> to tensor<*xi32>
  call @printMemrefI32(%u71) : (tensor<*xi32>) -> ()
  %c72 = arith.constant dense<[0x7FC00000, 0x7F800000, 0xFF800000, 0.0, -1.5]> : tensor<5xf32>
  %r73 = call @is_inf_positive_only(%c72) : (tensor<5xf32>) -> (tensor<5xi1>)
  %p74 = arith.extui %r73 : tensor<5xi1> to tensor<5xi32>
  %u74 = tensor.cast %p74 : tensor<5xi32> to tensor<*xi32>
  call @printMemrefI32(%u74) : (tensor<*xi32>) -> ()
  %c75 = arith.constant dense<[0x7FC00000, 0x7F800000, 0xFF800000, 0.0, -1.5]> : tensor<5xf32>
  %r76 = call @is_inf_negative_only(%c75) : (tensor<5xf32>) -> (tensor<5xi1>)
  %p77 = arith.extui %r76 : tensor<5xi1> to tensor<5xi32>
  %u77 = tensor.cast %p77 : tensor<5xi32> to tensor<*xi32>
  call @printMemrefI32(%u77) : (tensor<*xi32>) -> ()
  return
}
func.func private @printMemrefF32(tensor<*xf32>)
func.func private @printMemrefI32(tensor<*xi32>)
