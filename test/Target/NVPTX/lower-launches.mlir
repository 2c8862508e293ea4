// RUN: quench-opt %s --quench-nvptx-lower-launches --split-input-file --verify-diagnostics | FileCheck %s

// Each launch: a slot per parameter (aligned pointer, index, float bits),
// one call with the kernel's index; the PTX and the kernel table become
// module attributes.
// CHECK: module attributes {
// CHECK-SAME: quench.kernels = [{block = array<i64: 128, 1, 1>, grid = array<i64: 3, 1, 1>, name = "k0", params = 3 : i64, source = "lower-launches.mlir:{{[0-9]+}}"}, {block = array<i64: 1, 1, 1>, grid = array<i64: 1, 1, 1>, name = "k0", params = 3 : i64, source = "lower-launches.mlir:{{[0-9]+}}"}]
// CHECK-SAME: quench.ptx = "// PTX of two kernels"
// CHECK-NOT: gpu.binary
// CHECK-LABEL: func.func @entry
// CHECK-SAME: (%[[A:.*]]: memref<8xf32>, %[[N:.*]]: index, %[[X:.*]]: f32)
// CHECK-DAG: %[[S0:.*]] = memref.alloca() : memref<3xi64>
// CHECK-DAG: %[[S1:.*]] = memref.alloca() : memref<3xi64>
// CHECK: %[[P:.*]] = memref.extract_aligned_pointer_as_index %[[A]]
// CHECK: %[[P64:.*]] = arith.index_castui %[[P]] : index to i64
// CHECK: memref.store %[[P64]], %[[SLOT:.*]][%{{.*}}]
// CHECK: %[[N64:.*]] = arith.index_cast %[[N]] : index to i64
// CHECK: memref.store %[[N64]], %[[SLOT]][%{{.*}}]
// CHECK: %[[XB:.*]] = arith.bitcast %[[X]] : f32 to i32
// CHECK: %[[X64:.*]] = arith.extui %[[XB]] : i32 to i64
// CHECK: memref.store %[[X64]], %[[SLOT]][%{{.*}}]
// CHECK: %[[SLOTS:.*]] = memref.extract_aligned_pointer_as_index %[[SLOT]]
// CHECK: %[[SLOTS64:.*]] = arith.index_castui %[[SLOTS]] : index to i64
// CHECK: call @__quench_gpu_launch(%c0_i64, %[[SLOTS64]]) : (i64, i64) -> ()
// CHECK: call @__quench_gpu_launch(%c1_i64, %{{.*}}) : (i64, i64) -> ()
// CHECK-NOT: gpu.launch_func
// CHECK: func.func private @__quench_gpu_launch(i64, i64)
module attributes {gpu.container_module} {
  gpu.binary @quench_kernels [#gpu.object<#nvvm.target<chip = "sm_90">, assembly = "// PTX of two kernels">]
  func.func @entry(%a: memref<8xf32>, %n: index, %x: f32) {
    %c1 = arith.constant 1 : index
    %c3 = arith.constant 3 : index
    %c128 = arith.constant 128 : index
    gpu.launch_func @quench_kernels::@k0 blocks in (%c3, %c1, %c1) threads in (%c128, %c1, %c1) args(%a : memref<8xf32>, %n : index, %x : f32)
    gpu.launch_func @quench_kernels::@k0 blocks in (%c1, %c1, %c1) threads in (%c1, %c1, %c1) args(%a : memref<8xf32>, %n : index, %x : f32)
    return
  }
}

// -----

module attributes {gpu.container_module} {
  gpu.binary @quench_kernels [#gpu.object<#nvvm.target<chip = "sm_90">, assembly = "">]
  func.func @dynamic(%a: memref<8xf32>, %n: index) {
    %c1 = arith.constant 1 : index
    // expected-error@+1 {{launch sizes must be constants}}
    gpu.launch_func @quench_kernels::@k0 blocks in (%n, %c1, %c1) threads in (%c1, %c1, %c1) args(%a : memref<8xf32>)
    return
  }
}

// -----

module attributes {gpu.container_module} {
  gpu.binary @quench_kernels [#gpu.object<#nvvm.target<chip = "sm_90">, assembly = "">]
  func.func @dynamic_memref(%a: memref<?xf32>) {
    %c1 = arith.constant 1 : index
    // expected-error@+1 {{kernel parameter 0 of type 'memref<?xf32>' cannot be passed}}
    gpu.launch_func @quench_kernels::@k0 blocks in (%c1, %c1, %c1) threads in (%c1, %c1, %c1) args(%a : memref<?xf32>)
    return
  }
}

// -----

// expected-error@+1 {{the kernels call libdevice functions that were not linked}}
module attributes {gpu.container_module} {
  gpu.binary @quench_kernels [#gpu.object<#nvvm.target<chip = "sm_90">, assembly = ".extern .func __nv_expf">]
}
