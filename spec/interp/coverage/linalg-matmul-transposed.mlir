// linalg.matmul with B stored transposed (maps (m,k), (n,k), (m,n), as the lm-head model writes
// it): the interpreter's dot-product kernel, four outputs at a time plus a tail (N = 11), on
// varied values whose f32 sums round at every step; compared with mlir-runner-22 by coverage.test.ts.
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %c7 = arith.constant 7 : index
  %c13 = arith.constant 13 : index
  %third = arith.constant 0.333333343 : f32
  %a = tensor.generate {
  ^bb0(%i: index, %k: index):
    %p = arith.muli %i, %c7 : index
    %q = arith.addi %p, %k : index
    %r = arith.remui %q, %c13 : index
    %n = arith.index_cast %r : index to i32
    %f = arith.sitofp %n : i32 to f32
    %v = arith.mulf %f, %third : f32
    tensor.yield %v : f32
  } : tensor<3x37xf32>
  %b = tensor.generate {
  ^bb0(%j: index, %k: index):
    %p = arith.muli %k, %c13 : index
    %q = arith.addi %p, %j : index
    %r = arith.remui %q, %c7 : index
    %n = arith.index_cast %r : index to i32
    %m3 = arith.constant 3 : i32
    %s = arith.subi %n, %m3 : i32
    %f = arith.sitofp %s : i32 to f32
    %v = arith.mulf %f, %third : f32
    tensor.yield %v : f32
  } : tensor<11x37xf32>
  %init = arith.constant dense<0.25> : tensor<3x11xf32>
  %c = linalg.matmul indexing_maps = [affine_map<(m, n, k) -> (m, k)>, affine_map<(m, n, k) -> (n, k)>, affine_map<(m, n, k) -> (m, n)>]
      ins(%a, %b : tensor<3x37xf32>, tensor<11x37xf32>) outs(%init : tensor<3x11xf32>) -> tensor<3x11xf32>
  %m = bufferization.to_buffer %c : tensor<3x11xf32> to memref<3x11xf32>
  %u = memref.cast %m : memref<3x11xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
