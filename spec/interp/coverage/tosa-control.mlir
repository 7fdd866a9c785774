// tosa.cond_if (implicitly captured values and an explicit input list, both branches) and
// tosa.while_loop (a count-up loop with two carried tensors); compared with mlir-runner-22 after
// tosa-to-scf, which the oracle's fixed pipeline does not include.
// PRE-PIPELINE: builtin.module(func.func(tosa-to-scf))
func.func private @printMemrefF32(memref<*xf32>)
func.func @print(%t: tensor<2xf32>) {
  %m = bufferization.to_buffer %t : tensor<2xf32> to memref<2xf32>
  %u = memref.cast %m : memref<2xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
func.func @choose(%c: tensor<i1>, %a: tensor<2xf32>, %b: tensor<2xf32>) -> tensor<2xf32> {
  %r = tosa.cond_if %c : tensor<i1> -> tensor<2xf32> {
    %s = tosa.add %a, %b : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
    tosa.yield %s : tensor<2xf32>
  } else {
    %d = tosa.sub %a, %b : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
    tosa.yield %d : tensor<2xf32>
  }
  return %r : tensor<2xf32>
}
func.func @chooseArgs(%c: tensor<i1>, %a: tensor<2xf32>, %b: tensor<2xf32>) -> tensor<2xf32> {
  %r = tosa.cond_if %c (%x = %a, %y = %b) : tensor<i1> (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32> {
  ^bb0(%x0: tensor<2xf32>, %y0: tensor<2xf32>):
    %m = tosa.maximum %x0, %y0 : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
    tosa.yield %m : tensor<2xf32>
  } else {
  ^bb0(%x1: tensor<2xf32>, %y1: tensor<2xf32>):
    %m = tosa.minimum %x1, %y1 : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
    tosa.yield %m : tensor<2xf32>
  }
  return %r : tensor<2xf32>
}
func.func @main() {
  %a = arith.constant dense<[1.5, -2.0]> : tensor<2xf32>
  %b = arith.constant dense<[0.25, 4.0]> : tensor<2xf32>
  %t = arith.constant dense<true> : tensor<i1>
  %f = arith.constant dense<false> : tensor<i1>
  %r0 = call @choose(%t, %a, %b) : (tensor<i1>, tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  call @print(%r0) : (tensor<2xf32>) -> ()
  %r1 = call @choose(%f, %a, %b) : (tensor<i1>, tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  call @print(%r1) : (tensor<2xf32>) -> ()
  %r2 = call @chooseArgs(%t, %a, %b) : (tensor<i1>, tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  call @print(%r2) : (tensor<2xf32>) -> ()
  %r3 = call @chooseArgs(%f, %a, %b) : (tensor<i1>, tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  call @print(%r3) : (tensor<2xf32>) -> ()
  // i = 0; x = a; while (i < 5) { i = i + 1; x = x * 2 + b }
  %i0 = arith.constant dense<0> : tensor<i32>
  %w:2 = tosa.while_loop (%i = %i0, %x = %a) : (tensor<i32>, tensor<2xf32>) -> (tensor<i32>, tensor<2xf32>) {
    %five = "tosa.const"() <{values = dense<5> : tensor<i32>}> : () -> tensor<i32>
    %go = tosa.greater %five, %i : (tensor<i32>, tensor<i32>) -> tensor<i1>
    tosa.yield %go : tensor<i1>
  } do {
  ^bb0(%i1: tensor<i32>, %x1: tensor<2xf32>):
    %one = "tosa.const"() <{values = dense<1> : tensor<i32>}> : () -> tensor<i32>
    %i2 = tosa.add %i1, %one : (tensor<i32>, tensor<i32>) -> tensor<i32>
    %x2 = tosa.add %x1, %x1 : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
    %x3 = tosa.add %x2, %b : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
    tosa.yield %i2, %x3 : tensor<i32>, tensor<2xf32>
  }
  call @print(%w#1) : (tensor<2xf32>) -> ()
  return
}
