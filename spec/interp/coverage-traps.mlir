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
func.func @rescale_value_outside_the_shift_range() {
  %x = arith.constant dense<[1, -2, 5]> : tensor<3xi8>
  %m = "tosa.const"() <{values = dense<1> : tensor<1xi32>}> : () -> tensor<1xi32>
  %s = "tosa.const"() <{values = dense<2> : tensor<1xi8>}> : () -> tensor<1xi8>
  %zp = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  // expected-trap@+1 PRR6001
  %r = tosa.rescale %x, %m, %s, %zp, %zp {rounding_mode = SINGLE_ROUND, scale32 = true, per_channel = false, input_unsigned = false, output_unsigned = false} : (tensor<3xi8>, tensor<1xi32>, tensor<1xi8>, tensor<1xi8>, tensor<1xi8>) -> tensor<3xi8>
  return
}
func.func @rescale_negative_multiplier() {
  %x = arith.constant dense<[1, -2, 5]> : tensor<3xi8>
  %m = "tosa.const"() <{values = dense<-5> : tensor<1xi32>}> : () -> tensor<1xi32>
  %s = "tosa.const"() <{values = dense<10> : tensor<1xi8>}> : () -> tensor<1xi8>
  %zp = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  // expected-trap@+1 PRR6001
  %r = tosa.rescale %x, %m, %s, %zp, %zp {rounding_mode = SINGLE_ROUND, scale32 = true, per_channel = false, input_unsigned = false, output_unsigned = false} : (tensor<3xi8>, tensor<1xi32>, tensor<1xi8>, tensor<1xi8>, tensor<1xi8>) -> tensor<3xi8>
  return
}
func.func @max_pool_shape_mismatch() {
  %t = arith.constant dense<1.0> : tensor<1x4x4x1xf32>
  %c = tensor.cast %t : tensor<1x4x4x1xf32> to tensor<1x?x?x1xf32>
  // expected-trap@+1 PRR6004
  %r = tosa.max_pool2d %c {kernel = array<i64: 2, 2>, pad = array<i64: 0, 0, 0, 0>, stride = array<i64: 3, 3>} : (tensor<1x?x?x1xf32>) -> tensor<1x?x?x1xf32>
  return
}
