// A small transformer feed-forward block (SwiGLU) for a hidden size of 64 and an
// intermediate size of 256, in tensor form: y = (silu(x W1) * (x W3)) W2.
// Written for prr's examples; valid LLVM 22 MLIR (mlir-opt-22 accepts it).

#map_ew = affine_map<(d0, d1) -> (d0, d1)>

func.func @ffn(%x: tensor<8x64xf32>, %w1: tensor<64x256xf32>, %w3: tensor<64x256xf32>,
               %w2: tensor<256x64xf32>) -> tensor<8x64xf32> {
  %zero = arith.constant 0.000000e+00 : f32
  %one = arith.constant 1.000000e+00 : f32
  %e0 = tensor.empty() : tensor<8x256xf32>
  %acc0 = linalg.fill ins(%zero : f32) outs(%e0 : tensor<8x256xf32>) -> tensor<8x256xf32>
  %gate = linalg.matmul ins(%x, %w1 : tensor<8x64xf32>, tensor<64x256xf32>)
                        outs(%acc0 : tensor<8x256xf32>) -> tensor<8x256xf32>
  %up = linalg.matmul ins(%x, %w3 : tensor<8x64xf32>, tensor<64x256xf32>)
                      outs(%acc0 : tensor<8x256xf32>) -> tensor<8x256xf32>
  // silu(g) * u = g / (1 + exp(-g)) * u
  %h = linalg.generic {indexing_maps = [#map_ew, #map_ew, #map_ew],
                       iterator_types = ["parallel", "parallel"]}
      ins(%gate, %up : tensor<8x256xf32>, tensor<8x256xf32>) outs(%e0 : tensor<8x256xf32>) {
  ^bb0(%g: f32, %u: f32, %out: f32):
    %neg = arith.negf %g : f32
    %ex = math.exp %neg : f32
    %den = arith.addf %one, %ex : f32
    %sig = arith.divf %g, %den : f32
    %prod = arith.mulf %sig, %u : f32
    linalg.yield %prod : f32
  } -> tensor<8x256xf32>
  %e1 = tensor.empty() : tensor<8x64xf32>
  %acc1 = linalg.fill ins(%zero : f32) outs(%e1 : tensor<8x64xf32>) -> tensor<8x64xf32>
  %y = linalg.matmul ins(%h, %w2 : tensor<8x256xf32>, tensor<256x64xf32>)
                     outs(%acc1 : tensor<8x64xf32>) -> tensor<8x64xf32>
  return %y : tensor<8x64xf32>
}
