// Traps inside compiled loop nests: each function fails at one op, and the diagnostic (code,
// message, location) must be the closures' one.
func.func @divide_by_zero() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %ten = arith.constant 10 : i32
  %m = memref.alloc() : memref<4xi32>
  scf.for %i = %c0 to %c4 step %c1 {
    %d = arith.index_cast %i : index to i32
    %q = arith.divsi %ten, %d : i32
    memref.store %q, %m[%i] : memref<4xi32>
  }
  return
}
func.func @out_of_bounds() {
  %m = memref.alloc() : memref<4x3xf32>
  %one = arith.constant 1.0 : f32
  affine.for %i = 0 to 4 {
    affine.for %j = 0 to 4 {
      affine.store %one, %m[%i, %j] : memref<4x3xf32>
    }
  }
  memref.dealloc %m : memref<4x3xf32>
  return
}
func.func @zero_step() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %m = memref.alloc() : memref<4xindex>
  scf.for %i = %c0 to %c4 step %c1 {
    memref.store %i, %m[%i] : memref<4xindex>
    %s = arith.subi %c1, %i : index
    scf.for %j = %c0 to %c4 step %s {
      memref.store %j, %m[%j] : memref<4xindex>
    }
  }
  return
}
func.func @use_after_free() {
  %m = memref.alloc() : memref<4xf32>
  %n = memref.alloc() : memref<4xf32>
  memref.dealloc %m : memref<4xf32>
  affine.for %i = 0 to 4 {
    %v = affine.load %m[%i] : memref<4xf32>
    affine.store %v, %n[%i] : memref<4xf32>
  }
  return
}
func.func @out_of_bounds_computed() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c4 = arith.constant 4 : index
  %m = memref.alloc() : memref<7xindex>
  scf.for %i = %c0 to %c4 step %c1 {
    %d = arith.muli %i, %c2 : index
    %j = arith.addi %d, %c1 : index
    memref.store %i, %m[%j] : memref<7xindex>
  }
  return
}
func.func @vector_load_out_of_bounds() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  %m = memref.alloc() : memref<3x8xf32>
  %n = memref.alloc() : memref<3x4xf32>
  scf.for %i = %c0 to %c3 step %c1 {
    %j = arith.muli %i, %c3 : index
    %v = vector.load %m[%i, %j] : memref<3x8xf32>, vector<4xf32>
    vector.store %v, %n[%i, %c0] : memref<3x4xf32>, vector<4xf32>
  }
  return
}
func.func @vector_store_out_of_bounds() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  %m = memref.alloc() : memref<3x10xf32>
  %one = arith.constant dense<1.0> : vector<4xf32>
  scf.for %i = %c0 to %c3 step %c1 {
    %j = arith.muli %i, %c3 : index
    %k = arith.addi %j, %c1 : index
    vector.store %one, %m[%i, %k] : memref<3x10xf32>, vector<4xf32>
  }
  return
}
// A vector reduction loop that runs as a WebAssembly lane kernel for its first rows; its bound
// grows by two a row, and on row 5 its vector.load at k = 49 runs past the row's end: the kernel
// bails out and the loop traps as the closures do.
func.func @lane_loop_out_of_bounds() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c8 = arith.constant 8 : index
  %c40 = arith.constant 40 : index
  %m = memref.alloc() : memref<8x64xf32>
  %out = memref.alloc() : memref<8x16xf32>
  %zero = arith.constant dense<0.0> : vector<16xf32>
  scf.for %r = %c0 to %c8 step %c1 {
    %extra = arith.muli %r, %c2 : index
    %hi = arith.addi %c40, %extra : index
    %s = scf.for %k = %c0 to %hi step %c1 iter_args(%acc = %zero) -> (vector<16xf32>) {
      %v = vector.load %m[%r, %k] : memref<8x64xf32>, vector<16xf32>
      %n = arith.addf %acc, %v : vector<16xf32>
      scf.yield %n : vector<16xf32>
    }
    vector.store %s, %out[%r, %c0] : memref<8x16xf32>, vector<16xf32>
  }
  return
}
// A lane loop to the largest index: too large for the kernel's exact integers, so the loop runs
// in JavaScript and traps when its vector.load passes the end.
func.func @lane_loop_huge_bound() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %cmax = arith.constant 9223372036854775807 : index
  %m = memref.alloc() : memref<64xf32>
  %zero = arith.constant dense<0.0> : vector<4xf32>
  %s = scf.for %k = %c0 to %cmax step %c1 iter_args(%acc = %zero) -> (vector<4xf32>) {
    %v = vector.load %m[%k] : memref<64xf32>, vector<4xf32>
    %a = arith.addf %acc, %v : vector<4xf32>
    scf.yield %a : vector<4xf32>
  }
  %e = vector.extract %s[0] : f32 from vector<4xf32>
  vector.print %e : f32
  return
}
