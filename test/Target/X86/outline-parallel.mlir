// RUN: quench-opt %s --quench-outline-parallel | FileCheck %s

// The forall becomes a call that hands 2 x 3 = 6 iterations to the runtime
// and a body function over a range of the linearized iterations; the
// constant it uses is rebuilt inside, the buffer is passed.
// CHECK-LABEL: func.func @quench_entry
// CHECK-SAME: (%[[BUF:.*]]: memref<4x6xf32>)
// CHECK: call @__quench_parallel_for0(%{{.*}}, %[[BUF]]) : (index, memref<4x6xf32>) -> ()
// CHECK-NOT: scf.forall
// CHECK: func.func private @quench_entry_par0(%[[BEGIN:.*]]: index, %[[END:.*]]: index, %[[B:.*]]: memref<4x6xf32>)
// CHECK: arith.constant 1.500000e+00 : f32
// CHECK: scf.for %[[T:.*]] = %[[BEGIN]] to %[[END]]
// CHECK:   %[[J:.*]] = arith.remui %[[T]], %{{.*}}
// CHECK:   %[[I:.*]] = arith.divui %[[T]], %{{.*}}
// CHECK:   %[[JS:.*]] = arith.muli %[[J]], %{{.*}}
// CHECK:   %[[JV:.*]] = arith.addi %[[JS]], %{{.*}}
// CHECK:   %[[IS:.*]] = arith.muli %[[I]], %{{.*}}
// CHECK:   %[[IV:.*]] = arith.addi %[[IS]], %{{.*}}
// CHECK:   memref.store %{{.*}}, %[[B]][%[[IV]], %[[JV]]]
// CHECK: func.func private @__quench_parallel_for0(index, memref<4x6xf32>) attributes {quench.parallel_body = @quench_entry_par0}
func.func @quench_entry(%buf: memref<4x6xf32>) {
  %v = arith.constant 1.5 : f32
  scf.forall (%i, %j) = (0, 0) to (4, 6) step (2, 2) {
    memref.store %v, %buf[%i, %j] : memref<4x6xf32>
  }
  return
}
