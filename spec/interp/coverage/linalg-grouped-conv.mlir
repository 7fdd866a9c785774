// Grouped convolutions (strides 2x1, dilations 1x2) and quantized_matmul on i8 values from -8 to 8,
// accumulated into i32 outputs that start at 1; compared with mlir-runner-22 by coverage.test.ts.
func.func private @printMemrefI32(memref<*xi32>)
// i8 tensor filled with ((a*i0 + b*i1 + c*i2 + d*i3 + e*i4) mod 17) - 8
func.func @fill5(%t: tensor<?x?x?x?x?xi8>, %s: i32) -> tensor<?x?x?x?x?xi8> {
  %r = linalg.generic {indexing_maps = [affine_map<(a,b,c,d,e) -> (a,b,c,d,e)>], iterator_types = ["parallel","parallel","parallel","parallel","parallel"]} outs(%t : tensor<?x?x?x?x?xi8>) {
  ^bb0(%o: i8):
    %i0 = linalg.index 0 : index
    %i1 = linalg.index 1 : index
    %i2 = linalg.index 2 : index
    %i3 = linalg.index 3 : index
    %i4 = linalg.index 4 : index
    %x0 = arith.index_cast %i0 : index to i32
    %x1 = arith.index_cast %i1 : index to i32
    %x2 = arith.index_cast %i2 : index to i32
    %x3 = arith.index_cast %i3 : index to i32
    %x4 = arith.index_cast %i4 : index to i32
    %c3 = arith.constant 3 : i32
    %c5 = arith.constant 5 : i32
    %c7 = arith.constant 7 : i32
    %c11 = arith.constant 11 : i32
    %c17 = arith.constant 17 : i32
    %c8 = arith.constant 8 : i32
    %a = arith.muli %x0, %c3 : i32
    %b = arith.muli %x1, %c5 : i32
    %c = arith.muli %x2, %c7 : i32
    %d = arith.muli %x3, %c11 : i32
    %s1 = arith.addi %a, %b : i32
    %s2 = arith.addi %s1, %c : i32
    %s3 = arith.addi %s2, %d : i32
    %s4 = arith.addi %s3, %x4 : i32
    %s5 = arith.addi %s4, %s : i32
    %m = arith.remui %s5, %c17 : i32
    %v = arith.subi %m, %c8 : i32
    %t8 = arith.trunci %v : i32 to i8
    linalg.yield %t8 : i8
  } -> tensor<?x?x?x?x?xi8>
  return %r : tensor<?x?x?x?x?xi8>
}
func.func @print(%t: tensor<?x?x?x?x?xi32>) {
  %m = bufferization.to_buffer %t : tensor<?x?x?x?x?xi32> to memref<?x?x?x?x?xi32>
  %u = memref.cast %m : memref<?x?x?x?x?xi32> to memref<*xi32>
  call @printMemrefI32(%u) : (memref<*xi32>) -> ()
  return
}
func.func @main() {
  %s0 = arith.constant 0 : i32
  %s1 = arith.constant 4 : i32
  %z = arith.constant 1 : i32
  // N=1 G=2 C=2 H=5 W=6 ; F=3 ; kernel 2x2 ; stride 2x1 ; dilation 1x2 -> OH = (5-1-1)/2+1 = 2 ; OW = 6-2-1+1... = (6 - 1*2 -1)/1 + 1 = 4
  %i0 = tensor.empty() : tensor<1x2x2x5x6xi8>
  %ic = tensor.cast %i0 : tensor<1x2x2x5x6xi8> to tensor<?x?x?x?x?xi8>
  %in = call @fill5(%ic, %s0) : (tensor<?x?x?x?x?xi8>, i32) -> tensor<?x?x?x?x?xi8>
  %inp = tensor.cast %in : tensor<?x?x?x?x?xi8> to tensor<1x2x2x5x6xi8>
  %f0 = tensor.empty() : tensor<3x2x2x2x2xi8>
  %fc = tensor.cast %f0 : tensor<3x2x2x2x2xi8> to tensor<?x?x?x?x?xi8>
  %fl = call @fill5(%fc, %s1) : (tensor<?x?x?x?x?xi8>, i32) -> tensor<?x?x?x?x?xi8>
  %fgchw = tensor.cast %fl : tensor<?x?x?x?x?xi8> to tensor<3x2x2x2x2xi8>
  %g0 = tensor.empty() : tensor<2x3x2x2x2xi8>
  %gc = tensor.cast %g0 : tensor<2x3x2x2x2xi8> to tensor<?x?x?x?x?xi8>
  %gl = call @fill5(%gc, %s1) : (tensor<?x?x?x?x?xi8>, i32) -> tensor<?x?x?x?x?xi8>
  %gfchw = tensor.cast %gl : tensor<?x?x?x?x?xi8> to tensor<2x3x2x2x2xi8>
  %o0 = tensor.empty() : tensor<1x2x3x2x4xi32>
  %o = linalg.fill ins(%z : i32) outs(%o0 : tensor<1x2x3x2x4xi32>) -> tensor<1x2x3x2x4xi32>
  %r1 = linalg.conv_2d_ngchw_fgchw {dilations = dense<[1, 2]> : tensor<2xi64>, strides = dense<[2, 1]> : tensor<2xi64>}
      ins(%inp, %fgchw : tensor<1x2x2x5x6xi8>, tensor<3x2x2x2x2xi8>) outs(%o : tensor<1x2x3x2x4xi32>) -> tensor<1x2x3x2x4xi32>
  %p1 = tensor.cast %r1 : tensor<1x2x3x2x4xi32> to tensor<?x?x?x?x?xi32>
  call @print(%p1) : (tensor<?x?x?x?x?xi32>) -> ()
  %r2 = linalg.conv_2d_ngchw_gfchw {dilations = dense<[1, 2]> : tensor<2xi64>, strides = dense<[2, 1]> : tensor<2xi64>}
      ins(%inp, %gfchw : tensor<1x2x2x5x6xi8>, tensor<2x3x2x2x2xi8>) outs(%o : tensor<1x2x3x2x4xi32>) -> tensor<1x2x3x2x4xi32>
  %p2 = tensor.cast %r2 : tensor<1x2x3x2x4xi32> to tensor<?x?x?x?x?xi32>
  call @print(%p2) : (tensor<?x?x?x?x?xi32>) -> ()
  // nhwgc: input 1x5x6x2x2 ; filter gfhwc 2x3x2x2x2 ; out 1x2x4x2x3
  %n0 = tensor.empty() : tensor<1x5x6x2x2xi8>
  %nc = tensor.cast %n0 : tensor<1x5x6x2x2xi8> to tensor<?x?x?x?x?xi8>
  %nl = call @fill5(%nc, %s0) : (tensor<?x?x?x?x?xi8>, i32) -> tensor<?x?x?x?x?xi8>
  %nhwgc = tensor.cast %nl : tensor<?x?x?x?x?xi8> to tensor<1x5x6x2x2xi8>
  %q0 = tensor.empty() : tensor<1x2x4x2x3xi32>
  %q = linalg.fill ins(%z : i32) outs(%q0 : tensor<1x2x4x2x3xi32>) -> tensor<1x2x4x2x3xi32>
  %r3 = linalg.conv_2d_nhwgc_gfhwc {dilations = dense<[1, 2]> : tensor<2xi64>, strides = dense<[2, 1]> : tensor<2xi64>}
      ins(%nhwgc, %gfchw : tensor<1x5x6x2x2xi8>, tensor<2x3x2x2x2xi8>) outs(%q : tensor<1x2x4x2x3xi32>) -> tensor<1x2x4x2x3xi32>
  %p3 = tensor.cast %r3 : tensor<1x2x4x2x3xi32> to tensor<?x?x?x?x?xi32>
  call @print(%p3) : (tensor<?x?x?x?x?xi32>) -> ()
  // quantized_matmul: (A - (-3)) * (B - 5) summed over k, on top of 1.
  %a0 = tensor.empty() : tensor<1x1x1x3x4xi8>
  %ac = tensor.cast %a0 : tensor<1x1x1x3x4xi8> to tensor<?x?x?x?x?xi8>
  %al = call @fill5(%ac, %s0) : (tensor<?x?x?x?x?xi8>, i32) -> tensor<?x?x?x?x?xi8>
  %a5 = tensor.cast %al : tensor<?x?x?x?x?xi8> to tensor<1x1x1x3x4xi8>
  %a = tensor.collapse_shape %a5 [[0, 1, 2, 3], [4]] : tensor<1x1x1x3x4xi8> into tensor<3x4xi8>
  %b0 = tensor.empty() : tensor<1x1x1x4x5xi8>
  %bc = tensor.cast %b0 : tensor<1x1x1x4x5xi8> to tensor<?x?x?x?x?xi8>
  %bl = call @fill5(%bc, %s1) : (tensor<?x?x?x?x?xi8>, i32) -> tensor<?x?x?x?x?xi8>
  %b5 = tensor.cast %bl : tensor<?x?x?x?x?xi8> to tensor<1x1x1x4x5xi8>
  %b = tensor.collapse_shape %b5 [[0, 1, 2, 3], [4]] : tensor<1x1x1x4x5xi8> into tensor<4x5xi8>
  %azp = arith.constant -3 : i8
  %bzp = arith.constant 5 : i8
  %c0 = tensor.empty() : tensor<3x5xi32>
  %c = linalg.fill ins(%z : i32) outs(%c0 : tensor<3x5xi32>) -> tensor<3x5xi32>
  %qm = linalg.quantized_matmul ins(%a, %b, %azp, %bzp : tensor<3x4xi8>, tensor<4x5xi8>, i8, i8) outs(%c : tensor<3x5xi32>) -> tensor<3x5xi32>
  %q5 = tensor.expand_shape %qm [[0, 1, 2, 3], [4]] output_shape [1, 1, 1, 3, 5] : tensor<3x5xi32> into tensor<1x1x1x3x5xi32>
  %p4 = tensor.cast %q5 : tensor<1x1x1x3x5xi32> to tensor<?x?x?x?x?xi32>
  call @print(%p4) : (tensor<?x?x?x?x?xi32>) -> ()
  return
}
