// memref.dma_start / dma_wait as a synchronous copy: num_elements elements in row-major order from
// the source position (crossing rows), and the strided form (chunks of elements_per_stride taken
// `stride` apart on the slower memory space, the source in space 0 here; then the destination).
// ORACLE: hand-computed: MLIR 22 has no lowering for memref.dma_start (bufferization and
// finalize-memref-to-llvm leave it in place), so the values follow MLIR's op documentation.
// src = [[0,1,2,3],[4,5,6,7],[8,9,10,11]]: 5 elements from src[0,2] are 2..6, to dst[1..5].
// Strided (stride 4, 2 per stride) from src[0,1]: 1,2, 5,6, 9,10 to dst2[0..5].
// Back from dst2[0] (contiguous) into the source, now the strided side, from src[1,0]: src[1,0..1]
// = 1,2 and src[2,0..1] = 5,6; dma_wait leaves the tag as it was.
// OUT: ( -1, 2, 3, 4, 5, 6, -1, -1 )
// OUT: ( 1, 2, 5, 6, 9, 10 )
// OUT: ( ( 0, 1, 2, 3 ), ( 1, 2, 6, 7 ), ( 5, 6, 10, 11 ) )
// OUT: 7
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c4 = arith.constant 4 : index
  %c5 = arith.constant 5 : index
  %c6 = arith.constant 6 : index
  %src = memref.alloc() : memref<3x4xf32>
  %c3 = arith.constant 3 : index
  scf.for %i = %c0 to %c3 step %c1 {
    scf.for %j = %c0 to %c4 step %c1 {
      %k = arith.muli %i, %c4 : index
      %l = arith.addi %k, %j : index
      %n = arith.index_cast %l : index to i32
      %f = arith.sitofp %n : i32 to f32
      memref.store %f, %src[%i, %j] : memref<3x4xf32>
    }
  }
  %dst = memref.alloc() : memref<8xf32, 1>
  %m1 = arith.constant -1.0 : f32
  linalg.fill ins(%m1 : f32) outs(%dst : memref<8xf32, 1>)
  %tag = memref.alloc() : memref<2xi32>
  %seven = arith.constant 7 : i32
  memref.store %seven, %tag[%c1] : memref<2xi32>
  memref.dma_start %src[%c0, %c2], %dst[%c1], %c5, %tag[%c0] : memref<3x4xf32>, memref<8xf32, 1>, memref<2xi32>
  memref.dma_wait %tag[%c0], %c5 : memref<2xi32>
  %v = vector.transfer_read %dst[%c0], %m1 : memref<8xf32, 1>, vector<8xf32>
  vector.print %v : vector<8xf32>
  %dst2 = memref.alloc() : memref<6xf32, 1>
  memref.dma_start %src[%c0, %c1], %dst2[%c0], %c6, %tag[%c1], %c4, %c2 : memref<3x4xf32>, memref<6xf32, 1>, memref<2xi32>
  memref.dma_wait %tag[%c1], %c6 : memref<2xi32>
  %w = vector.transfer_read %dst2[%c0], %m1 : memref<6xf32, 1>, vector<6xf32>
  vector.print %w : vector<6xf32>
  memref.dma_start %dst2[%c0], %src[%c1, %c0], %c4, %tag[%c1], %c4, %c2 : memref<6xf32, 1>, memref<3x4xf32>, memref<2xi32>
  memref.dma_wait %tag[%c1], %c4 : memref<2xi32>
  %s = vector.transfer_read %src[%c0, %c0], %m1 : memref<3x4xf32>, vector<3x4xf32>
  vector.print %s : vector<3x4xf32>
  %t = memref.load %tag[%c1] : memref<2xi32>
  vector.print %t : i32
  return
}
