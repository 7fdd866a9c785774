// Undefined behaviour in the ops of spec/interp/coverage: each function traps at the op under its
// `expected-trap@+1` line, with that diagnostic code (coverage.test.ts runs each as the entry).
func.func @dma_past_the_end() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %a = memref.alloc() : memref<2x2xf32>
  %b = memref.alloc() : memref<8xf32, 1>
  %t = memref.alloc() : memref<1xi32>
  // expected-trap@+1 PRR6002
  memref.dma_start %a[%c0, %c1], %b[%c0], %c4, %t[%c0] : memref<2x2xf32>, memref<8xf32, 1>, memref<1xi32>
  return
}
func.func @dma_overlap() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %a = memref.alloc() : memref<2x2xf32>
  %t = memref.alloc() : memref<1xi32>
  // expected-trap@+1 PRR6001
  memref.dma_start %a[%c0, %c0], %a[%c0, %c1], %c2, %t[%c0] : memref<2x2xf32>, memref<2x2xf32>, memref<1xi32>
  return
}
func.func @dma_tag_out_of_bounds() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %t = memref.alloc() : memref<1xi32>
  // expected-trap@+1 PRR6002
  memref.dma_wait %t[%c1], %c0 : memref<1xi32>
  return
}
func.func @view_past_the_end() {
  %c8 = arith.constant 8 : index
  %c3 = arith.constant 3 : index
  %bytes = memref.alloc() : memref<16xi8>
  // expected-trap@+1 PRR6002
  %v = memref.view %bytes[%c8][%c3] : memref<16xi8> to memref<?xf32>
  return
}
func.func @view_misaligned() {
  %c2 = arith.constant 2 : index
  %bytes = memref.alloc() : memref<16xi8>
  // expected-trap@+1 PRR6001
  %v = memref.view %bytes[%c2][] : memref<16xi8> to memref<2xf32>
  return
}
func.func @view_of_freed_buffer() {
  %c0 = arith.constant 0 : index
  %bytes = memref.alloc() : memref<16xi8>
  %v = memref.view %bytes[%c0][] : memref<16xi8> to memref<4xf32>
  memref.dealloc %bytes : memref<16xi8>
  // expected-trap@+1 PRR6008
  %x = memref.load %v[%c0] : memref<4xf32>
  return
}
func.func @atomic_out_of_bounds() {
  %c4 = arith.constant 4 : index
  %one = arith.constant 1 : i32
  %m = memref.alloc() : memref<4xi32>
  // expected-trap@+1 PRR6002
  %old = memref.atomic_rmw addi %one, %m[%c4] : (i32, memref<4xi32>) -> i32
  return
}
