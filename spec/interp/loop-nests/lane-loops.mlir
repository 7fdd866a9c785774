// Vector reduction loops the loop-nest JIT runs as WebAssembly lane kernels (wasm/lane-loop.ts):
// a register-blocked f32 gemm in vector.fma with a k count that is not a multiple of the kernel's
// unroll and a column tail in math.fma, inside scf.parallel; an f64 loop with add, sub, mul, div
// and a splat constant. Results print as hashes of their bits, so one ulp of difference shows.
func.func private @printMemrefF32(memref<*xf32>)

// A[i][k] = ((7i + 3k) mod 13 - 6) * 0.37, B[k][n] = ((5k + n) mod 11 - 5) * 0.21.
func.func @fill(%a: memref<24x150xf32>, %b: memref<150x40xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  %c5 = arith.constant 5 : index
  %c6 = arith.constant 6 : index
  %c7 = arith.constant 7 : index
  %c11 = arith.constant 11 : index
  %c13 = arith.constant 13 : index
  %c24 = arith.constant 24 : index
  %c40 = arith.constant 40 : index
  %c150 = arith.constant 150 : index
  %sa = arith.constant 0.37 : f32
  %sb = arith.constant 0.21 : f32
  scf.for %i = %c0 to %c24 step %c1 {
    scf.for %k = %c0 to %c150 step %c1 {
      %x = arith.muli %i, %c7 : index
      %y = arith.muli %k, %c3 : index
      %s = arith.addi %x, %y : index
      %r = arith.remui %s, %c13 : index
      %d = arith.subi %r, %c6 : index
      %di = arith.index_cast %d : index to i32
      %f = arith.sitofp %di : i32 to f32
      %v = arith.mulf %f, %sa : f32
      memref.store %v, %a[%i, %k] : memref<24x150xf32>
    }
  }
  scf.for %k = %c0 to %c150 step %c1 {
    scf.for %n = %c0 to %c40 step %c1 {
      %x = arith.muli %k, %c5 : index
      %s = arith.addi %x, %n : index
      %r = arith.remui %s, %c11 : index
      %d = arith.subi %r, %c5 : index
      %di = arith.index_cast %d : index to i32
      %f = arith.sitofp %di : i32 to f32
      %v = arith.mulf %f, %sb : f32
      memref.store %v, %b[%k, %n] : memref<150x40xf32>
    }
  }
  return
}

// C = A·B: rows two at a time, 16 columns at a time in vector<16xf32> accumulators, the last 8
// columns one at a time in math.fma.
func.func @gemm(%a: memref<24x150xf32>, %b: memref<150x40xf32>, %c: memref<24x40xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c16 = arith.constant 16 : index
  %c24 = arith.constant 24 : index
  %c32 = arith.constant 32 : index
  %c40 = arith.constant 40 : index
  %c150 = arith.constant 150 : index
  scf.parallel (%i) = (%c0) to (%c24) step (%c2) {
    %i1 = arith.addi %i, %c1 : index
    scf.for %n = %c0 to %c32 step %c16 {
      %zero = arith.constant dense<0.0> : vector<16xf32>
      %r0, %r1 = scf.for %k = %c0 to %c150 step %c1 iter_args(%s0 = %zero, %s1 = %zero) -> (vector<16xf32>, vector<16xf32>) {
        %a0 = memref.load %a[%i, %k] : memref<24x150xf32>
        %a1 = memref.load %a[%i1, %k] : memref<24x150xf32>
        %v0 = vector.broadcast %a0 : f32 to vector<16xf32>
        %v1 = vector.broadcast %a1 : f32 to vector<16xf32>
        %bv = vector.load %b[%k, %n] : memref<150x40xf32>, vector<16xf32>
        %t0 = vector.fma %v0, %bv, %s0 : vector<16xf32>
        %t1 = vector.fma %v1, %bv, %s1 : vector<16xf32>
        scf.yield %t0, %t1 : vector<16xf32>, vector<16xf32>
      }
      vector.store %r0, %c[%i, %n] : memref<24x40xf32>, vector<16xf32>
      vector.store %r1, %c[%i1, %n] : memref<24x40xf32>, vector<16xf32>
    }
    scf.for %n = %c32 to %c40 step %c1 {
      %zero = arith.constant 0.0 : f32
      %r0, %r1 = scf.for %k = %c0 to %c150 step %c1 iter_args(%s0 = %zero, %s1 = %zero) -> (f32, f32) {
        %a0 = memref.load %a[%i, %k] : memref<24x150xf32>
        %a1 = memref.load %a[%i1, %k] : memref<24x150xf32>
        %bk = memref.load %b[%k, %n] : memref<150x40xf32>
        %t0 = math.fma %a0, %bk, %s0 : f32
        %t1 = math.fma %a1, %bk, %s1 : f32
        scf.yield %t0, %t1 : f32, f32
      }
      memref.store %r0, %c[%i, %n] : memref<24x40xf32>
      memref.store %r1, %c[%i1, %n] : memref<24x40xf32>
    }
    scf.reduce
  }
  return
}

// h = h * 31 + bits(m[i][j]) over a 24x40 f32 memref, wrapping in i32.
func.func @hash(%m: memref<24x40xf32>) -> i32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c24 = arith.constant 24 : index
  %c40 = arith.constant 40 : index
  %k31 = arith.constant 31 : i32
  %h0 = arith.constant 17 : i32
  %h = scf.for %i = %c0 to %c24 step %c1 iter_args(%hi = %h0) -> (i32) {
    %hr = scf.for %j = %c0 to %c40 step %c1 iter_args(%hj = %hi) -> (i32) {
      %x = memref.load %m[%i, %j] : memref<24x40xf32>
      %bits = arith.bitcast %x : f32 to i32
      %p = arith.muli %hj, %k31 : i32
      %n = arith.addi %p, %bits : i32
      scf.yield %n : i32
    }
    scf.yield %hr : i32
  }
  return %h : i32
}

// Per 4-lane block of a 40x8 f64 matrix: s = (s + x) * x / (x + 2) - x over its rows, from 1;
// summed over the blocks' first and last lanes, four times over.
func.func @wide(%a: memref<24x150xf32>) -> f64 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %c8 = arith.constant 8 : index
  %c40 = arith.constant 40 : index
  %w = memref.alloc() : memref<40x8xf64>
  scf.for %r = %c0 to %c40 step %c1 {
    scf.for %q = %c0 to %c8 step %c1 {
      %x = memref.load %a[%q, %r] : memref<24x150xf32>
      %e = arith.extf %x : f32 to f64
      memref.store %e, %w[%r, %q] : memref<40x8xf64>
    }
  }
  %total0 = arith.constant 0.0 : f64
  %total = scf.for %rep = %c0 to %c4 step %c1 iter_args(%t0 = %total0) -> (f64) {
  %sub = scf.for %q = %c0 to %c8 step %c4 iter_args(%t = %t0) -> (f64) {
    %one = arith.constant dense<1.0> : vector<4xf64>
    %s = scf.for %r = %c0 to %c40 step %c1 iter_args(%acc = %one) -> (vector<4xf64>) {
      %x = vector.load %w[%r, %q] : memref<40x8xf64>, vector<4xf64>
      %two = arith.constant dense<2.0> : vector<4xf64>
      %p = arith.addf %acc, %x : vector<4xf64>
      %m = arith.mulf %p, %x : vector<4xf64>
      %d = arith.addf %x, %two : vector<4xf64>
      %v = arith.divf %m, %d : vector<4xf64>
      %n = arith.subf %v, %x : vector<4xf64>
      scf.yield %n : vector<4xf64>
    }
    %s0 = vector.extract %s[0] : f64 from vector<4xf64>
    %s3 = vector.extract %s[3] : f64 from vector<4xf64>
    %u = arith.addf %t, %s0 : f64
    %u3 = arith.addf %u, %s3 : f64
    scf.yield %u3 : f64
  }
  scf.yield %sub : f64
  }
  memref.dealloc %w : memref<40x8xf64>
  return %total : f64
}

// A lane loop over an empty view: zero iterations, the initial vector comes out.
func.func @empty() -> f32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %n = arith.subi %c4, %c4 : index
  %m = memref.alloc() : memref<4x16xf32>
  %sv = memref.subview %m[0, 0] [%n, 8] [1, 1] : memref<4x16xf32> to memref<?x8xf32, strided<[16, 1]>>
  %init = arith.constant dense<2.5> : vector<4xf32>
  %s = scf.for %k = %c0 to %n step %c1 iter_args(%acc = %init) -> (vector<4xf32>) {
    %v = vector.load %sv[%k, %c0] : memref<?x8xf32, strided<[16, 1]>>, vector<4xf32>
    %a = arith.addf %acc, %v : vector<4xf32>
    scf.yield %a : vector<4xf32>
  }
  memref.dealloc %m : memref<4x16xf32>
  %e = vector.extract %s[0] : f32 from vector<4xf32>
  return %e : f32
}

func.func @main() {
  %a = memref.alloc() : memref<24x150xf32>
  %b = memref.alloc() : memref<150x40xf32>
  %c = memref.alloc() : memref<24x40xf32>
  call @fill(%a, %b) : (memref<24x150xf32>, memref<150x40xf32>) -> ()
  call @gemm(%a, %b, %c) : (memref<24x150xf32>, memref<150x40xf32>, memref<24x40xf32>) -> ()
  %h = call @hash(%c) : (memref<24x40xf32>) -> i32
  vector.print %h : i32
  %w = call @wide(%a) : (memref<24x150xf32>) -> f64
  vector.print %w : f64
  %z = call @empty() : () -> f32
  vector.print %z : f32
  %cast = memref.cast %c : memref<24x40xf32> to memref<*xf32>
  call @printMemrefF32(%cast) : (memref<*xf32>) -> ()
  memref.dealloc %a : memref<24x150xf32>
  memref.dealloc %b : memref<150x40xf32>
  memref.dealloc %c : memref<24x40xf32>
  return
}
