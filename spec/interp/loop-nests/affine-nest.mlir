// Affine nests with iter_args, apply/min/max, mod/floordiv maps, affine.if and f32 math: the
// loop-nest JIT against the closures and mlir-runner-22.
#tile = affine_map<(d0) -> (d0 floordiv 3 + d0 mod 3)>
#low = affine_map<(d0)[s0] -> (d0 - s0, 0)>
#high = affine_map<(d0)[s0] -> (d0 + s0, 5)>
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %a = memref.alloc() : memref<5x7xf32>
  %b = memref.alloc() : memref<7x4xf32>
  %c = memref.alloc() : memref<5x4xf32>
  %one = arith.constant 1.0 : f32
  %tenth = arith.constant 0.1 : f32
  %c2 = arith.constant 2 : index
  affine.for %i = 0 to 5 {
    affine.for %j = 0 to 7 {
      %t = affine.apply #tile(%j)
      %s = arith.addi %i, %t : index
      %si = arith.index_cast %s : index to i32
      %f = arith.sitofp %si : i32 to f32
      %g = arith.mulf %f, %tenth : f32
      %e = math.exp %g : f32
      affine.store %e, %a[%i, %j] : memref<5x7xf32>
    }
  }
  affine.for %k = 0 to 7 {
    affine.for %j = 0 to 4 {
      %kj = arith.muli %k, %j : index
      %x = arith.index_cast %kj : index to i32
      %y = arith.sitofp %x : i32 to f32
      %z = arith.subf %y, %one : f32
      affine.store %z, %b[%k, %j] : memref<7x4xf32>
    }
  }
  affine.for %i = 0 to 5 {
    affine.for %j = 0 to 4 {
      %zero = arith.constant 0.0 : f32
      %sum = affine.for %k = 0 to 7 iter_args(%acc = %zero) -> (f32) {
        %p = affine.load %a[%i, %k] : memref<5x7xf32>
        %q = affine.load %b[%k, %j] : memref<7x4xf32>
        %pq = arith.mulf %p, %q : f32
        %n = arith.addf %acc, %pq : f32
        affine.yield %n : f32
      }
      %r = affine.if affine_set<(d0, d1) : (d0 - d1 >= 0)>(%i, %j) -> f32 {
        %h = arith.divf %sum, %one : f32
        affine.yield %h : f32
      } else {
        %m = arith.maximumf %sum, %one : f32
        affine.yield %m : f32
      }
      affine.store %r, %c[%i, %j] : memref<5x4xf32>
    }
  }
  // A window sum with bounds clamped by max/min maps.
  %w = memref.alloc() : memref<5xf32>
  affine.for %i = 0 to 5 {
    %zero = arith.constant 0.0 : f32
    %s = affine.for %k = max #low(%i)[%c2] to min #high(%i)[%c2] iter_args(%acc = %zero) -> (f32) {
      %v = affine.load %c[%k, 0] : memref<5x4xf32>
      %n = arith.addf %acc, %v : f32
      affine.yield %n : f32
    }
    %lo = affine.max #low(%i)[%c2]
    %hi = affine.min #high(%i)[%c2]
    %d = arith.subi %hi, %lo : index
    %di = arith.index_cast %d : index to i32
    %df = arith.sitofp %di : i32 to f32
    %mean = arith.divf %s, %df : f32
    affine.store %mean, %w[%i] : memref<5xf32>
  }
  // Indices through floordiv and mod maps, and loads of a view with an offset (proven in bounds).
  %v = memref.alloc() : memref<4x4xf32>
  %sub = memref.subview %a[1, 2] [4, 5] [1, 1] : memref<5x7xf32> to memref<4x5xf32, strided<[7, 1], offset: 9>>
  affine.for %i = 0 to 4 {
    affine.for %j = 0 to 4 {
      %p = affine.load %sub[%i, %j floordiv 2 + %j mod 2] : memref<4x5xf32, strided<[7, 1], offset: 9>>
      %q = affine.load %c[%i + 1, (%j + 3) mod 4] : memref<5x4xf32>
      %s = arith.addf %p, %q : f32
      affine.store %s, %v[%i, %j] : memref<4x4xf32>
    }
  }
  %uv = memref.cast %v : memref<4x4xf32> to memref<*xf32>
  call @printMemrefF32(%uv) : (memref<*xf32>) -> ()
  %uc = memref.cast %c : memref<5x4xf32> to memref<*xf32>
  call @printMemrefF32(%uc) : (memref<*xf32>) -> ()
  %uw = memref.cast %w : memref<5xf32> to memref<*xf32>
  call @printMemrefF32(%uw) : (memref<*xf32>) -> ()
  memref.dealloc %a : memref<5x7xf32>
  memref.dealloc %b : memref<7x4xf32>
  memref.dealloc %c : memref<5x4xf32>
  memref.dealloc %w : memref<5xf32>
  memref.dealloc %v : memref<4x4xf32>
  return
}
