// RUN: quench-opt %s --convert-onnx-to-linalg | %run_reference | FileCheck %s
// Range over the whole int64 span (limit - start overflows int64) folds right.
// CHECK: [-9223372036854775808,  -1,  9223372036854775806]
func.func @main() {
  %s = arith.constant dense<-9223372036854775808> : tensor<i64>
  %l = arith.constant dense<9223372036854775807> : tensor<i64>
  %d = arith.constant dense<9223372036854775807> : tensor<i64>
  %r = onnx.node "Range"(%s, %l, %d) {domain = "", opset = 13 : i64, name = "r", attrs = {}} : (tensor<i64>, tensor<i64>, tensor<i64>) -> tensor<?xi64>
  %u = tensor.cast %r : tensor<?xi64> to tensor<*xi64>
  call @printMemrefI64(%u) : (tensor<*xi64>) -> ()
  return
}
func.func private @printMemrefI64(tensor<*xi64>)
