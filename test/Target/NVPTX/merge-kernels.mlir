// RUN: quench-opt %s --quench-nvptx-merge-kernels --split-input-file | FileCheck %s

// Two outlined kernels move into one module, named in launch order.
// CHECK: module attributes {gpu.container_module}
// CHECK-NOT: gpu.module @second
// CHECK: gpu.module @quench_kernels {
// CHECK: gpu.func @k0(%{{.*}}: memref<8xf32> {llvm.noalias}) kernel
// CHECK: gpu.func @k1(%{{.*}}: memref<8xf32> {llvm.noalias}) kernel
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

// -----

// Parameters whose bytes no other parameter covers are noalias (views of the
// workspace at disjoint offsets); overlapping views, and a buffer passed
// twice, are not.
// CHECK-LABEL: gpu.module @quench_kernels
// CHECK: gpu.func @k0(%{{.*}}: memref<16xf32> {llvm.noalias}, %{{.*}}: memref<16xf32> {llvm.noalias}, %{{.*}}: index) kernel
// CHECK: gpu.func @k1(%{{.*}}: memref<16xf32>, %{{.*}}: memref<16xf32>, %{{.*}}: memref<8xf32> {llvm.noalias}) kernel
// CHECK: gpu.func @k2(%{{.*}}: memref<16xf32>, %{{.*}}: memref<16xf32>) kernel
module attributes {gpu.container_module} {
  gpu.module @a {
    gpu.func @body(%x: memref<16xf32>, %y: memref<16xf32>, %n: index) kernel {
      gpu.return
    }
  }
  gpu.module @b {
    gpu.func @body(%x: memref<16xf32>, %y: memref<16xf32>, %z: memref<8xf32>) kernel {
      gpu.return
    }
  }
  gpu.module @c {
    gpu.func @body(%x: memref<16xf32>, %y: memref<16xf32>) kernel {
      gpu.return
    }
  }
  func.func @entry(%workspace: memref<256xi8>, %out: memref<8xf32>) {
    %c1 = arith.constant 1 : index
    %c0 = arith.constant 0 : index
    %c32 = arith.constant 32 : index
    %c64 = arith.constant 64 : index
    %v0 = memref.view %workspace[%c0][] : memref<256xi8> to memref<16xf32>
    %v64 = memref.view %workspace[%c64][] : memref<256xi8> to memref<16xf32>
    %v32 = memref.view %workspace[%c32][] : memref<256xi8> to memref<16xf32>
    gpu.launch_func @a::@body blocks in (%c1, %c1, %c1) threads in (%c1, %c1, %c1) args(%v0 : memref<16xf32>, %v64 : memref<16xf32>, %c1 : index)
    gpu.launch_func @b::@body blocks in (%c1, %c1, %c1) threads in (%c1, %c1, %c1) args(%v0 : memref<16xf32>, %v32 : memref<16xf32>, %out : memref<8xf32>)
    gpu.launch_func @c::@body blocks in (%c1, %c1, %c1) threads in (%c1, %c1, %c1) args(%v64 : memref<16xf32>, %v64 : memref<16xf32>)
    return
  }
}
