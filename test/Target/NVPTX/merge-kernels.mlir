// RUN: quench-opt %s --quench-nvptx-merge-kernels | FileCheck %s

// Two outlined kernels move into one module, named in launch order.
// CHECK: module attributes {gpu.container_module}
// CHECK-NOT: gpu.module @second
// CHECK: gpu.module @quench_kernels {
// CHECK: gpu.func @k0(%{{.*}}: memref<8xf32>) kernel
// CHECK: gpu.func @k1(%{{.*}}: memref<8xf32>) kernel
// CHECK-NOT: gpu.module
// CHECK-LABEL: func.func @entry
// CHECK: gpu.launch_func @quench_kernels::@k0
// CHECK: gpu.launch_func @quench_kernels::@k1
// CHECK: gpu.launch_func @quench_kernels::@k0
module attributes {gpu.container_module} {
  gpu.module @second {
    gpu.func @body(%a: memref<8xf32>) kernel {
      gpu.return
    }
  }
  gpu.module @first {
    gpu.func @body(%a: memref<8xf32>) kernel {
      gpu.return
    }
  }
  func.func @entry(%a: memref<8xf32>) {
    %c1 = arith.constant 1 : index
    gpu.launch_func @first::@body blocks in (%c1, %c1, %c1) threads in (%c1, %c1, %c1) args(%a : memref<8xf32>)
    gpu.launch_func @second::@body blocks in (%c1, %c1, %c1) threads in (%c1, %c1, %c1) args(%a : memref<8xf32>)
    gpu.launch_func @first::@body blocks in (%c1, %c1, %c1) threads in (%c1, %c1, %c1) args(%a : memref<8xf32>)
    return
  }
}
