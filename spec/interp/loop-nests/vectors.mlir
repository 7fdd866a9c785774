// Small vectors in compiled loop nests: vector.load/store, broadcast, fma, lane-wise arith and
// selects, vector constants, and vector iter_args leaving the nest.
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c6 = arith.constant 6 : index
  %c8 = arith.constant 8 : index
  %a = memref.alloc() : memref<6x8xf32>
  %out = memref.alloc() : memref<6x8xf32>
  scf.for %i = %c0 to %c6 step %c1 {
    scf.for %j = %c0 to %c8 step %c1 {
      %ij = arith.muli %i, %j : index
      %s = arith.addi %ij, %i : index
      %si = arith.index_cast %s : index to i32
      %f = arith.sitofp %si : i32 to f32
      %third = arith.constant 0.333333343 : f32
      %g = arith.mulf %f, %third : f32
      memref.store %g, %a[%i, %j] : memref<6x8xf32>
    }
  }
  %zero = arith.constant dense<0.0> : vector<8xf32>
  %ramp = arith.constant dense<[1.0, -2.0, 3.0, -4.0, 5.0, -6.0, 7.0, -8.0]> : vector<8xf32>
  %acc = scf.for %i = %c0 to %c6 step %c1 iter_args(%v = %zero) -> (vector<8xf32>) {
    %row = vector.load %a[%i, %c0] : memref<6x8xf32>, vector<8xf32>
    %ii = arith.index_cast %i : index to i32
    %fi = arith.sitofp %ii : i32 to f32
    %b = vector.broadcast %fi : f32 to vector<8xf32>
    %m = vector.fma %row, %b, %v : vector<8xf32>
    %p = arith.mulf %row, %ramp : vector<8xf32>
    %neg = arith.cmpf olt, %p, %zero : vector<8xf32>
    %q = arith.select %neg, %zero, %p : vector<8xi1>, vector<8xf32>
    %r = arith.maximumf %q, %m : vector<8xf32>
    vector.store %r, %out[%i, %c0] : memref<6x8xf32>, vector<8xf32>
    %e = math.exp %row : vector<8xf32>
    %one = arith.constant dense<1.0> : vector<8xf32>
    %b1 = arith.addf %b, %one : vector<8xf32>
    %small = arith.divf %e, %b1 : vector<8xf32>
    %n = arith.addf %m, %small : vector<8xf32>
    scf.yield %n : vector<8xf32>
  }
  vector.print %acc : vector<8xf32>
  %u = memref.cast %out : memref<6x8xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  memref.dealloc %a : memref<6x8xf32>
  memref.dealloc %out : memref<6x8xf32>
  return
}
