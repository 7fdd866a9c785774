// linalg's elementwise named ops (add sub mul max min exp log sqrt negf select) on tensors with
// negative values; compared with mlir-runner-22 by coverage.test.ts.
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %a = arith.constant dense<[[1.0, -2.0], [3.5, 4.0]]> : tensor<2x2xf32>
  %b = arith.constant dense<[[0.5, 2.0], [-1.0, 9.0]]> : tensor<2x2xf32>
  %c = arith.constant dense<[[true, false], [false, true]]> : tensor<2x2xi1>
  %e = tensor.empty() : tensor<2x2xf32>
  %0 = linalg.add ins(%a, %b : tensor<2x2xf32>, tensor<2x2xf32>) outs(%e : tensor<2x2xf32>) -> tensor<2x2xf32>
  %1 = linalg.sub ins(%0, %b : tensor<2x2xf32>, tensor<2x2xf32>) outs(%e : tensor<2x2xf32>) -> tensor<2x2xf32>
  %2 = linalg.mul ins(%1, %b : tensor<2x2xf32>, tensor<2x2xf32>) outs(%e : tensor<2x2xf32>) -> tensor<2x2xf32>
  %3 = linalg.max ins(%2, %a : tensor<2x2xf32>, tensor<2x2xf32>) outs(%e : tensor<2x2xf32>) -> tensor<2x2xf32>
  %4 = linalg.min ins(%3, %b : tensor<2x2xf32>, tensor<2x2xf32>) outs(%e : tensor<2x2xf32>) -> tensor<2x2xf32>
  %5 = linalg.exp ins(%4 : tensor<2x2xf32>) outs(%e : tensor<2x2xf32>) -> tensor<2x2xf32>
  %6 = linalg.log ins(%5 : tensor<2x2xf32>) outs(%e : tensor<2x2xf32>) -> tensor<2x2xf32>
  %7 = linalg.sqrt ins(%5 : tensor<2x2xf32>) outs(%e : tensor<2x2xf32>) -> tensor<2x2xf32>
  %8 = linalg.negf ins(%7 : tensor<2x2xf32>) outs(%e : tensor<2x2xf32>) -> tensor<2x2xf32>
  %9 = linalg.select ins(%c, %8, %6 : tensor<2x2xi1>, tensor<2x2xf32>, tensor<2x2xf32>) outs(%e : tensor<2x2xf32>) -> tensor<2x2xf32>
  %10 = linalg.sub ins(%9, %a : tensor<2x2xf32>, tensor<2x2xf32>) outs(%e : tensor<2x2xf32>) -> tensor<2x2xf32>
  %m = bufferization.to_buffer %10 : tensor<2x2xf32> to memref<2x2xf32>
  %u = memref.cast %m : memref<2x2xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
