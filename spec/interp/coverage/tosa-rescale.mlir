// tosa.rescale: scale32 with SINGLE_ROUND and DOUBLE_ROUND (ties of both signs, shifts above 31),
// per-channel multipliers and shifts, zero points, input_unsigned and output_unsigned, 16-bit
// multipliers (apply_scale_16), i16/i32 inputs and clamping at both ends of i8 and i16; compared with
// mlir-runner-22 (tosa-to-arith must lower tosa.apply_scale, which the oracle's pipeline leaves).
// PRE-PIPELINE: builtin.module(func.func(tosa-to-linalg-named,tosa-to-linalg,tosa-to-arith{include-apply-rescale=true}))
func.func private @printMemrefI32(memref<*xi32>)
func.func @print(%t: tensor<?x?xi32>) {
  %m = bufferization.to_buffer %t : tensor<?x?xi32> to memref<?x?xi32>
  %u = memref.cast %m : memref<?x?xi32> to memref<*xi32>
  call @printMemrefI32(%u) : (memref<*xi32>) -> ()
  return
}
func.func @main() {
  %x = arith.constant dense<[[-128, -127, -3, -2, -1, 0, 1, 2, 3, 127],
                             [5, -5, 6, -6, 7, -7, 100, -100, 64, -64]]> : tensor<2x10xi8>
  // multiplier 2^30, shift 31: x / 2 with ties rounded up.
  %m30 = "tosa.const"() <{values = dense<1073741824> : tensor<1xi32>}> : () -> tensor<1xi32>
  %s31 = "tosa.const"() <{values = dense<31> : tensor<1xi8>}> : () -> tensor<1xi8>
  %zp0 = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %zp3 = "tosa.const"() <{values = dense<3> : tensor<1xi8>}> : () -> tensor<1xi8>
  %zpm7 = "tosa.const"() <{values = dense<-7> : tensor<1xi8>}> : () -> tensor<1xi8>
  %r0 = tosa.rescale %x, %m30, %s31, %zp0, %zp0 {rounding_mode = SINGLE_ROUND, scale32 = true, per_channel = false, input_unsigned = false, output_unsigned = false} : (tensor<2x10xi8>, tensor<1xi32>, tensor<1xi8>, tensor<1xi8>, tensor<1xi8>) -> tensor<2x10xi8>
  %p0 = tosa.cast %r0 : (tensor<2x10xi8>) -> tensor<2x10xi32>
  %d0 = tensor.cast %p0 : tensor<2x10xi32> to tensor<?x?xi32>
  call @print(%d0) : (tensor<?x?xi32>) -> ()
  // x · 3/4 (multiplier 3·2^29, shift 31) with DOUBLE_ROUND, zero points 3 and -7; then a shift of
  // 36, where DOUBLE_ROUND adds its extra rounding step.
  %m3 = "tosa.const"() <{values = dense<1610612736> : tensor<1xi32>}> : () -> tensor<1xi32>
  %s31b = "tosa.const"() <{values = dense<31> : tensor<1xi8>}> : () -> tensor<1xi8>
  %r1 = tosa.rescale %x, %m3, %s31b, %zp3, %zpm7 {rounding_mode = DOUBLE_ROUND, scale32 = true, per_channel = false, input_unsigned = false, output_unsigned = false} : (tensor<2x10xi8>, tensor<1xi32>, tensor<1xi8>, tensor<1xi8>, tensor<1xi8>) -> tensor<2x10xi8>
  %p1 = tosa.cast %r1 : (tensor<2x10xi8>) -> tensor<2x10xi32>
  %d1 = tensor.cast %p1 : tensor<2x10xi32> to tensor<?x?xi32>
  call @print(%d1) : (tensor<?x?xi32>) -> ()
  %s40 = "tosa.const"() <{values = dense<36> : tensor<1xi8>}> : () -> tensor<1xi8>
  %m40 = "tosa.const"() <{values = dense<2040109465> : tensor<1xi32>}> : () -> tensor<1xi32>
  %r2 = tosa.rescale %x, %m40, %s40, %zp0, %zp0 {rounding_mode = DOUBLE_ROUND, scale32 = true, per_channel = false, input_unsigned = false, output_unsigned = false} : (tensor<2x10xi8>, tensor<1xi32>, tensor<1xi8>, tensor<1xi8>, tensor<1xi8>) -> tensor<2x10xi8>
  %p2 = tosa.cast %r2 : (tensor<2x10xi8>) -> tensor<2x10xi32>
  %d2 = tensor.cast %p2 : tensor<2x10xi32> to tensor<?x?xi32>
  call @print(%d2) : (tensor<?x?xi32>) -> ()
  // Per channel along the last axis (10 channels), output widened to i32.
  %mc = "tosa.const"() <{values = dense<[1073741824, 2147483647, 1, 1500000000, 1073741824, 1073741824, 858993459, 1073741824, 2000000000, 1717986918]> : tensor<10xi32>}> : () -> tensor<10xi32>
  %sc = "tosa.const"() <{values = dense<[30, 31, 10, 33, 29, 40, 32, 20, 35, 30]> : tensor<10xi8>}> : () -> tensor<10xi8>
  %zpo32 = "tosa.const"() <{values = dense<0> : tensor<1xi32>}> : () -> tensor<1xi32>
  %r3 = tosa.rescale %x, %mc, %sc, %zp3, %zpo32 {rounding_mode = SINGLE_ROUND, scale32 = true, per_channel = true, input_unsigned = false, output_unsigned = false} : (tensor<2x10xi8>, tensor<10xi32>, tensor<10xi8>, tensor<1xi8>, tensor<1xi32>) -> tensor<2x10xi32>
  %d3 = tensor.cast %r3 : tensor<2x10xi32> to tensor<?x?xi32>
  call @print(%d3) : (tensor<?x?xi32>) -> ()
  // The i8 bytes read as unsigned (0..255, zero point 128), written signed; then signed to unsigned.
  %zpu = "tosa.const"() <{values = dense<-128> : tensor<1xi8>}> : () -> tensor<1xi8>
  %m1 = "tosa.const"() <{values = dense<1073741824> : tensor<1xi32>}> : () -> tensor<1xi32>
  %s30 = "tosa.const"() <{values = dense<30> : tensor<1xi8>}> : () -> tensor<1xi8>
  %r4 = tosa.rescale %x, %m1, %s30, %zpu, %zp0 {rounding_mode = SINGLE_ROUND, scale32 = true, per_channel = false, input_unsigned = true, output_unsigned = false} : (tensor<2x10xi8>, tensor<1xi32>, tensor<1xi8>, tensor<1xi8>, tensor<1xi8>) -> tensor<2x10xi8>
  %p4 = tosa.cast %r4 : (tensor<2x10xi8>) -> tensor<2x10xi32>
  %d4 = tensor.cast %p4 : tensor<2x10xi32> to tensor<?x?xi32>
  call @print(%d4) : (tensor<?x?xi32>) -> ()
  %r5 = tosa.rescale %x, %m1, %s30, %zp3, %zpu {rounding_mode = SINGLE_ROUND, scale32 = true, per_channel = false, input_unsigned = false, output_unsigned = true} : (tensor<2x10xi8>, tensor<1xi32>, tensor<1xi8>, tensor<1xi8>, tensor<1xi8>) -> tensor<2x10xi8>
  %r5i = tosa.rescale %r5, %m1, %s30, %zpu, %zpo32 {rounding_mode = SINGLE_ROUND, scale32 = true, per_channel = false, input_unsigned = true, output_unsigned = false} : (tensor<2x10xi8>, tensor<1xi32>, tensor<1xi8>, tensor<1xi8>, tensor<1xi32>) -> tensor<2x10xi32>
  %d5 = tensor.cast %r5i : tensor<2x10xi32> to tensor<?x?xi32>
  call @print(%d5) : (tensor<?x?xi32>) -> ()
  // i16 inputs with 16-bit multipliers (scale32 = false), clamped into i8 and i16.
  %y = arith.constant dense<[[-32768, -20000, -255, -1, 0, 1, 255, 20000, 32767, 12345]]> : tensor<1x10xi16>
  %m16 = "tosa.const"() <{values = dense<24576> : tensor<1xi16>}> : () -> tensor<1xi16>
  %s15 = "tosa.const"() <{values = dense<15> : tensor<1xi8>}> : () -> tensor<1xi8>
  %zp16 = "tosa.const"() <{values = dense<0> : tensor<1xi16>}> : () -> tensor<1xi16>
  %r6 = tosa.rescale %y, %m16, %s15, %zp16, %zp0 {rounding_mode = SINGLE_ROUND, scale32 = false, per_channel = false, input_unsigned = false, output_unsigned = false} : (tensor<1x10xi16>, tensor<1xi16>, tensor<1xi8>, tensor<1xi16>, tensor<1xi8>) -> tensor<1x10xi8>
  %p6 = tosa.cast %r6 : (tensor<1x10xi8>) -> tensor<1x10xi32>
  %d6 = tensor.cast %p6 : tensor<1x10xi32> to tensor<?x?xi32>
  call @print(%d6) : (tensor<?x?xi32>) -> ()
  %m2x = "tosa.const"() <{values = dense<32767> : tensor<1xi16>}> : () -> tensor<1xi16>
  %s14 = "tosa.const"() <{values = dense<14> : tensor<1xi8>}> : () -> tensor<1xi8>
  %r7 = tosa.rescale %y, %m2x, %s14, %zp16, %zp16 {rounding_mode = SINGLE_ROUND, scale32 = false, per_channel = false, input_unsigned = false, output_unsigned = false} : (tensor<1x10xi16>, tensor<1xi16>, tensor<1xi8>, tensor<1xi16>, tensor<1xi16>) -> tensor<1x10xi16>
  %p7 = tosa.cast %r7 : (tensor<1x10xi16>) -> tensor<1x10xi32>
  %d7 = tensor.cast %p7 : tensor<1x10xi32> to tensor<?x?xi32>
  call @print(%d7) : (tensor<?x?xi32>) -> ()
  // i32 accumulators down to i8 (the usual requantization), with a large shift.
  %z = arith.constant dense<[[-2147483648, -1000000, -65536, -257, -1, 0, 256, 65535, 1000000, 2147483647]]> : tensor<1x10xi32>
  %mz = "tosa.const"() <{values = dense<1395864371> : tensor<1xi32>}> : () -> tensor<1xi32>
  %sz = "tosa.const"() <{values = dense<45> : tensor<1xi8>}> : () -> tensor<1xi8>
  %zp32 = "tosa.const"() <{values = dense<0> : tensor<1xi32>}> : () -> tensor<1xi32>
  %r8 = tosa.rescale %z, %mz, %sz, %zp32, %zp3 {rounding_mode = DOUBLE_ROUND, scale32 = true, per_channel = false, input_unsigned = false, output_unsigned = false} : (tensor<1x10xi32>, tensor<1xi32>, tensor<1xi8>, tensor<1xi32>, tensor<1xi8>) -> tensor<1x10xi8>
  %p8 = tosa.cast %r8 : (tensor<1x10xi8>) -> tensor<1x10xi32>
  %d8 = tensor.cast %p8 : tensor<1x10xi32> to tensor<?x?xi32>
  call @print(%d8) : (tensor<?x?xi32>) -> ()
  return
}
