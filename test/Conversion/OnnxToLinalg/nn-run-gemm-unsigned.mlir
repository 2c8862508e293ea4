// RUN: quench-opt %s --convert-onnx-to-linalg | %run_reference | FileCheck %s
// An integer Gemm with alpha 1 and no C keeps its uint32 result unsigned:
// 60000 * 50000 = 3e9 > INT32_MAX, cast to double.
// CHECK: [3e+09]
func.func @main() {
  %a = arith.constant dense<[[60000]]> : tensor<1x1xui32>
  %b = arith.constant dense<[[50000]]> : tensor<1x1xui32>
  %g = onnx.node "Gemm"(%a, %b) {domain = "", opset = 13 : i64, name = "g", attrs = {}} : (tensor<1x1xui32>, tensor<1x1xui32>) -> tensor<1x1xui32>
  %f = onnx.node "Cast"(%g) {domain = "", opset = 13 : i64, name = "c", attrs = {to = 11 : i64}} : (tensor<1x1xui32>) -> tensor<1x1xf64>
  %u = tensor.cast %f : tensor<1x1xf64> to tensor<*xf64>
  call @printMemrefF64(%u) : (tensor<*xf64>) -> ()
  return
}
func.func private @printMemrefF64(tensor<*xf64>)
