// memref.atomic_rmw of every kind mlir-opt-22 lowers (all but mulf and muli: memref-atomic-mul.mlir;
// old value returned, new value stored; NaN,
// negative zero, unsigned comparisons of negative values, wrap-around) and memref.view of an i8
// buffer as f32 and i32 at byte shifts, with dynamic sizes; compared with mlir-runner-22.
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI32(memref<*xi32>)
func.func private @printMemrefI8(memref<*xi8>) attributes { llvm.emit_c_interface }
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c3 = arith.constant 3 : index
  %f = memref.alloc() : memref<2x4xf32>
  %one = arith.constant 1.5 : f32
  linalg.fill ins(%one : f32) outs(%f : memref<2x4xf32>)
  %nan = arith.constant 0x7FC00000 : f32
  %nz = arith.constant -0.0 : f32
  %m3 = arith.constant -3.25 : f32
  %o1 = memref.atomic_rmw addf %m3, %f[%c0, %c0] : (f32, memref<2x4xf32>) -> f32
  %o2 = memref.atomic_rmw addf %m3, %f[%c0, %c0] : (f32, memref<2x4xf32>) -> f32
  %o3 = memref.atomic_rmw assign %m3, %f[%c0, %c1] : (f32, memref<2x4xf32>) -> f32
  %o4 = memref.atomic_rmw maximumf %nz, %f[%c0, %c2] : (f32, memref<2x4xf32>) -> f32
  %o5 = memref.atomic_rmw minimumf %m3, %f[%c0, %c3] : (f32, memref<2x4xf32>) -> f32
  %o6 = memref.atomic_rmw maximumf %nan, %f[%c1, %c0] : (f32, memref<2x4xf32>) -> f32
  %o7 = memref.atomic_rmw minimumf %nan, %f[%c1, %c1] : (f32, memref<2x4xf32>) -> f32
  %o9 = memref.atomic_rmw maxnumf %nan, %f[%c1, %c3] : (f32, memref<2x4xf32>) -> f32
  %o10 = memref.atomic_rmw minnumf %m3, %f[%c1, %c3] : (f32, memref<2x4xf32>) -> f32
  vector.print %o1 : f32
  vector.print %o2 : f32
  vector.print %o3 : f32
  vector.print %o4 : f32
  vector.print %o10 : f32
  %uf = memref.cast %f : memref<2x4xf32> to memref<*xf32>
  call @printMemrefF32(%uf) : (memref<*xf32>) -> ()

  %i = memref.alloc() : memref<12xi32>
  %seed = arith.constant -7 : i32
  linalg.fill ins(%seed : i32) outs(%i : memref<12xi32>)
  %v5 = arith.constant 5 : i32
  %max = arith.constant 2147483647 : i32
  %c4 = arith.constant 4 : index
  %c5 = arith.constant 5 : index
  %c6 = arith.constant 6 : index
  %c7 = arith.constant 7 : index
  %c8 = arith.constant 8 : index
  %c9 = arith.constant 9 : index
  %c10 = arith.constant 10 : index
  %c11 = arith.constant 11 : index
  %p0 = memref.atomic_rmw addi %max, %i[%c0] : (i32, memref<12xi32>) -> i32
  %p1 = memref.atomic_rmw addi %max, %i[%c0] : (i32, memref<12xi32>) -> i32
  %p2 = memref.atomic_rmw maxs %v5, %i[%c1] : (i32, memref<12xi32>) -> i32
  %p3 = memref.atomic_rmw maxu %v5, %i[%c2] : (i32, memref<12xi32>) -> i32
  %p4 = memref.atomic_rmw mins %v5, %i[%c3] : (i32, memref<12xi32>) -> i32
  %p5 = memref.atomic_rmw minu %v5, %i[%c4] : (i32, memref<12xi32>) -> i32
  %p6 = memref.atomic_rmw andi %v5, %i[%c5] : (i32, memref<12xi32>) -> i32
  %p7 = memref.atomic_rmw ori %v5, %i[%c6] : (i32, memref<12xi32>) -> i32
  %p8 = memref.atomic_rmw xori %v5, %i[%c7] : (i32, memref<12xi32>) -> i32
  %p10 = memref.atomic_rmw assign %v5, %i[%c9] : (i32, memref<12xi32>) -> i32
  vector.print %p1 : i32
  vector.print %p10 : i32
  %ui = memref.cast %i : memref<12xi32> to memref<*xi32>
  call @printMemrefI32(%ui) : (memref<*xi32>) -> ()

  %bytes = memref.alloc() : memref<64xi8>
  %zero8 = arith.constant 0 : i8
  linalg.fill ins(%zero8 : i8) outs(%bytes : memref<64xi8>)
  %c16 = arith.constant 16 : index
  %fv = memref.view %bytes[%c16][%c2] : memref<64xi8> to memref<?x3xf32>
  %iv = memref.view %bytes[%c16][] : memref<64xi8> to memref<6xi32>
  %whole = memref.view %bytes[%c0][] : memref<64xi8> to memref<4x4xi32>
  %x = arith.constant -2.0 : f32
  %y = arith.constant 1.0 : f32
  memref.store %x, %fv[%c0, %c0] : memref<?x3xf32>
  memref.store %y, %fv[%c1, %c2] : memref<?x3xf32>
  %big = arith.constant 16909060 : i32
  memref.store %big, %whole[%c0, %c1] : memref<4x4xi32>
  %neg = arith.constant -1 : i32
  memref.store %neg, %iv[%c3] : memref<6xi32>
  %ufv = memref.cast %fv : memref<?x3xf32> to memref<*xf32>
  call @printMemrefF32(%ufv) : (memref<*xf32>) -> ()
  %uiv = memref.cast %whole : memref<4x4xi32> to memref<*xi32>
  call @printMemrefI32(%uiv) : (memref<*xi32>) -> ()
  %ub = memref.cast %bytes : memref<64xi8> to memref<*xi8>
  call @printMemrefI8(%ub) : (memref<*xi8>) -> ()
  memref.dealloc %bytes : memref<64xi8>
  memref.dealloc %i : memref<12xi32>
  memref.dealloc %f : memref<2x4xf32>
  return
}
