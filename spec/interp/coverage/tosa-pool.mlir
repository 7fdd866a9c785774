// tosa.max_pool2d and tosa.avg_pool2d with kernels, strides and padding on every side: f32 (NaN
// propagated and ignored, -inf), i8 max, f32 and f16 (f32 accumulator) averages, i8 and i16
// averages with zero points (rounding ties of both signs, clamping at both ends); compared with
// mlir-runner-22 (tosa-to-arith must lower tosa.apply_scale, which the oracle's pipeline leaves).
// PRE-PIPELINE: builtin.module(func.func(tosa-to-linalg-named,tosa-to-linalg,tosa-to-arith{include-apply-rescale=true}))
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI32(memref<*xi32>)
func.func @printf(%t: tensor<?x?x?x?xf32>) {
  %m = bufferization.to_buffer %t : tensor<?x?x?x?xf32> to memref<?x?x?x?xf32>
  %u = memref.cast %m : memref<?x?x?x?xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
func.func @printi(%t: tensor<?x?x?x?xi32>) {
  %m = bufferization.to_buffer %t : tensor<?x?x?x?xi32> to memref<?x?x?x?xi32>
  %u = memref.cast %m : memref<?x?x?x?xi32> to memref<*xi32>
  call @printMemrefI32(%u) : (memref<*xi32>) -> ()
  return
}
func.func @main() {
  // 1x4x5x2: channel 0 counts 0..19 with sign flips, channel 1 has NaN and -inf.
  %f = arith.constant dense<[[[[0.0, 1.0], [-1.0, 0x7FC00000], [2.0, -3.0], [-3.0, 4.5], [4.0, 0xFF800000]],
                              [[-5.0, 0xFF800000], [6.0, 0xFF800000], [-7.0, 2.5], [8.0, -1.5], [-9.0, 0.25]],
                              [[10.0, 3.0], [-11.0, 0x7FC00000], [12.0, 0x7FC00000], [-13.0, 0.0], [14.0, -0.5]],
                              [[-15.0, 1.0], [16.0, 2.0], [-17.0, 3.0], [18.0, 4.0], [-19.0, 5.0]]]]> : tensor<1x4x5x2xf32>
  %mp = tosa.max_pool2d %f {kernel = array<i64: 2, 3>, pad = array<i64: 1, 1, 1, 1>, stride = array<i64: 2, 2>} : (tensor<1x4x5x2xf32>) -> tensor<1x3x3x2xf32>
  %mpd = tensor.cast %mp : tensor<1x3x3x2xf32> to tensor<?x?x?x?xf32>
  call @printf(%mpd) : (tensor<?x?x?x?xf32>) -> ()
  %mi = tosa.max_pool2d %f {kernel = array<i64: 2, 3>, pad = array<i64: 1, 1, 1, 1>, stride = array<i64: 2, 2>, nan_mode = IGNORE} : (tensor<1x4x5x2xf32>) -> tensor<1x3x3x2xf32>
  %mid = tensor.cast %mi : tensor<1x3x3x2xf32> to tensor<?x?x?x?xf32>
  call @printf(%mid) : (tensor<?x?x?x?xf32>) -> ()
  // A window of only -inf gives the lowest finite f32 (tosa-to-linalg's starting value), not -inf.
  %ninf = arith.constant dense<[[[[0xFF800000], [0xFF800000], [1.0]]]]> : tensor<1x1x3x1xf32>
  %mn = tosa.max_pool2d %ninf {kernel = array<i64: 1, 2>, pad = array<i64: 0, 0, 0, 1>, stride = array<i64: 1, 2>} : (tensor<1x1x3x1xf32>) -> tensor<1x1x2x1xf32>
  %mnd = tensor.cast %mn : tensor<1x1x2x1xf32> to tensor<?x?x?x?xf32>
  call @printf(%mnd) : (tensor<?x?x?x?xf32>) -> ()
  %fzp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %ap = tosa.avg_pool2d %f, %fzp, %fzp {acc_type = f32, kernel = array<i64: 3, 2>, pad = array<i64: 2, 1, 0, 1>, stride = array<i64: 1, 2>} : (tensor<1x4x5x2xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x5x3x2xf32>
  %apd = tensor.cast %ap : tensor<1x5x3x2xf32> to tensor<?x?x?x?xf32>
  call @printf(%apd) : (tensor<?x?x?x?xf32>) -> ()
  %h = tosa.cast %f : (tensor<1x4x5x2xf32>) -> tensor<1x4x5x2xf16>
  %hzp = "tosa.const"() <{values = dense<0.0> : tensor<1xf16>}> : () -> tensor<1xf16>
  %aph = tosa.avg_pool2d %h, %hzp, %hzp {acc_type = f32, kernel = array<i64: 2, 2>, pad = array<i64: 0, 1, 1, 0>, stride = array<i64: 1, 1>} : (tensor<1x4x5x2xf16>, tensor<1xf16>, tensor<1xf16>) -> tensor<1x4x5x2xf16>
  %aphf = tosa.cast %aph : (tensor<1x4x5x2xf16>) -> tensor<1x4x5x2xf32>
  %aphd = tensor.cast %aphf : tensor<1x4x5x2xf32> to tensor<?x?x?x?xf32>
  call @printf(%aphd) : (tensor<?x?x?x?xf32>) -> ()

  // i8: values around the ends of the range.
  %q = arith.constant dense<[[[[-128], [127], [1], [-1], [2]],
                              [[-2], [3], [-3], [100], [-100]],
                              [[120], [-120], [0], [5], [-6]],
                              [[7], [-7], [126], [-127], [9]]]]> : tensor<1x4x5x1xi8>
  %qm = tosa.max_pool2d %q {kernel = array<i64: 3, 2>, pad = array<i64: 1, 1, 0, 1>, stride = array<i64: 1, 2>} : (tensor<1x4x5x1xi8>) -> tensor<1x4x3x1xi8>
  %qm32 = tosa.cast %qm : (tensor<1x4x3x1xi8>) -> tensor<1x4x3x1xi32>
  %qmd = tensor.cast %qm32 : tensor<1x4x3x1xi32> to tensor<?x?x?x?xi32>
  call @printi(%qmd) : (tensor<?x?x?x?xi32>) -> ()
  %izp = "tosa.const"() <{values = dense<-3> : tensor<1xi8>}> : () -> tensor<1xi8>
  %ozp = "tosa.const"() <{values = dense<5> : tensor<1xi8>}> : () -> tensor<1xi8>
  %qa = tosa.avg_pool2d %q, %izp, %ozp {acc_type = i32, kernel = array<i64: 2, 2>, pad = array<i64: 1, 1, 1, 1>, stride = array<i64: 1, 1>} : (tensor<1x4x5x1xi8>, tensor<1xi8>, tensor<1xi8>) -> tensor<1x5x6x1xi8>
  %qa32 = tosa.cast %qa : (tensor<1x5x6x1xi8>) -> tensor<1x5x6x1xi32>
  %qad = tensor.cast %qa32 : tensor<1x5x6x1xi32> to tensor<?x?x?x?xi32>
  call @printi(%qad) : (tensor<?x?x?x?xi32>) -> ()
  %zero = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %qb = tosa.avg_pool2d %q, %zero, %zero {acc_type = i32, kernel = array<i64: 2, 2>, pad = array<i64: 0, 0, 0, 0>, stride = array<i64: 1, 1>} : (tensor<1x4x5x1xi8>, tensor<1xi8>, tensor<1xi8>) -> tensor<1x3x4x1xi8>
  %qb32 = tosa.cast %qb : (tensor<1x3x4x1xi8>) -> tensor<1x3x4x1xi32>
  %qbd = tensor.cast %qb32 : tensor<1x3x4x1xi32> to tensor<?x?x?x?xi32>
  call @printi(%qbd) : (tensor<?x?x?x?xi32>) -> ()
  %w = arith.constant dense<[[[[-32768], [32767], [-3], [3], [1000]],
                              [[-1], [-1], [2], [-2], [-1000]],
                              [[30000], [30000], [-30000], [-30001], [7]]]]> : tensor<1x3x5x1xi16>
  %wzp = "tosa.const"() <{values = dense<0> : tensor<1xi16>}> : () -> tensor<1xi16>
  %wa = tosa.avg_pool2d %w, %wzp, %wzp {acc_type = i32, kernel = array<i64: 2, 3>, pad = array<i64: 1, 0, 2, 0>, stride = array<i64: 1, 1>} : (tensor<1x3x5x1xi16>, tensor<1xi16>, tensor<1xi16>) -> tensor<1x3x5x1xi16>
  %wa32 = tosa.cast %wa : (tensor<1x3x5x1xi16>) -> tensor<1x3x5x1xi32>
  %wad = tensor.cast %wa32 : tensor<1x3x5x1xi32> to tensor<?x?x?x?xi32>
  call @printi(%wad) : (tensor<?x?x?x?xi32>) -> ()
  return
}
