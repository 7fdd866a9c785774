// memref.atomic_rmw mulf and muli: the old value is returned, the product stored (rounded to f32,
// wrapped to i32).
// ORACLE: hand-computed: mlir-opt-22 has no lowering for these two kinds (finalize-memref-to-llvm
// maps only the kinds LLVM's atomicrmw has, memref-expand only maximumf/minimumf).
// 1.5 · -3.25 = -4.875; -4.875 · 1e-39 rounds to the f32 subnormal nearest -4.875e-39.
// 2147483647 · 3 = 6442450941 wraps to 2147483645; 2147483645 · -2 = -4294967290 wraps to 6.
// OUT: 1.5
// OUT: -4.875
// OUT: 2147483647
// OUT: 2147483645
// OUT: 6
// OUT: -4.875e-39
func.func @main() {
  %c0 = arith.constant 0 : index
  %f = memref.alloc() : memref<1xf32>
  %x = arith.constant 1.5 : f32
  memref.store %x, %f[%c0] : memref<1xf32>
  %y = arith.constant -3.25 : f32
  %tiny = arith.constant 1.0e-39 : f32
  %o1 = memref.atomic_rmw mulf %y, %f[%c0] : (f32, memref<1xf32>) -> f32
  %o2 = memref.atomic_rmw mulf %tiny, %f[%c0] : (f32, memref<1xf32>) -> f32
  vector.print %o1 : f32
  vector.print %o2 : f32
  %i = memref.alloc() : memref<1xi32>
  %max = arith.constant 2147483647 : i32
  memref.store %max, %i[%c0] : memref<1xi32>
  %three = arith.constant 3 : i32
  %m2 = arith.constant -2 : i32
  %p1 = memref.atomic_rmw muli %three, %i[%c0] : (i32, memref<1xi32>) -> i32
  %p2 = memref.atomic_rmw muli %m2, %i[%c0] : (i32, memref<1xi32>) -> i32
  %p3 = memref.load %i[%c0] : memref<1xi32>
  vector.print %p1 : i32
  vector.print %p2 : i32
  vector.print %p3 : i32
  %last = memref.load %f[%c0] : memref<1xf32>
  vector.print %last : f32
  return
}
