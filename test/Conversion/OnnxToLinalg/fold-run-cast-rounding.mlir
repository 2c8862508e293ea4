// RUN: quench-opt %s --convert-onnx-to-linalg | %run_reference | FileCheck %s
// Folding an int64 -> f32 Cast rounds once, like the lowered sitofp: 2^60+2^36+1
// becomes 2^60+2^37 (bits 1568669697), not 2^60 (double rounding).
// The folded Cast, then the lowered one:
// CHECK: [1568669697,  1509949440]
// CHECK: [1568669697,  1509949440]
func.func @main() {
  %c = arith.constant dense<[1152921573326323713, 9007199254740993]> : tensor<2xi64>
  %d = bufferization.alloc_tensor() copy(%c) : tensor<2xi64>
  %f = onnx.node "Cast"(%c) {domain = "", opset = 13 : i64, name = "fold", attrs = {to = 1 : i64}} : (tensor<2xi64>) -> tensor<2xf32>
  %l = onnx.node "Cast"(%d) {domain = "", opset = 13 : i64, name = "low", attrs = {to = 1 : i64}} : (tensor<2xi64>) -> tensor<2xf32>
  %fb = arith.bitcast %f : tensor<2xf32> to tensor<2xi32>
  %lb = arith.bitcast %l : tensor<2xf32> to tensor<2xi32>
  %u1 = tensor.cast %fb : tensor<2xi32> to tensor<*xi32>
  %u2 = tensor.cast %lb : tensor<2xi32> to tensor<*xi32>
  call @printMemrefI32(%u1) : (tensor<*xi32>) -> ()
  call @printMemrefI32(%u2) : (tensor<*xi32>) -> ()
  return
}
func.func private @printMemrefI32(tensor<*xi32>)
