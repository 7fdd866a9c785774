// RUN: prr opt %s --split-input-file | FileCheck %s

// CHECK: module {
// CHECK-LABEL: func.func @loops(
// CHECK-SAME: %[[VAL_0:.*]]: index, %[[VAL_1:.*]]: memref<?xf32>) -> f32 {
// CHECK-NEXT:     %[[VAL_2:.*]] = arith.constant 0 : index
// CHECK-NEXT:     %[[VAL_3:.*]] = arith.constant 1 : index
// CHECK-NEXT:     %[[VAL_4:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-NEXT:     %[[VAL_5:.*]] = scf.for %[[VAL_6:.*]] = %[[VAL_2]] to %[[VAL_0]] step %[[VAL_3]] iter_args(%[[VAL_7:.*]] = %[[VAL_4]]) -> (f32) {
// CHECK-NEXT:       %[[VAL_8:.*]] = memref.load %[[VAL_1]][%[[VAL_6]]] : memref<?xf32>
// CHECK-NEXT:       %[[VAL_9:.*]] = arith.addf %[[VAL_7]], %[[VAL_8]] : f32
// CHECK-NEXT:       scf.yield %[[VAL_9]] : f32
// CHECK-NEXT:     }
// CHECK-NEXT:     return %[[VAL_5]] : f32
// CHECK-NEXT:   }
// CHECK-NEXT: }
func.func @loops(%n: index, %m: memref<?xf32>) -> f32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %zero = arith.constant 0.0 : f32
  %sum = scf.for %i = %c0 to %n step %c1 iter_args(%acc = %zero) -> (f32) {
    %v = memref.load %m[%i] : memref<?xf32>
    %s = arith.addf %acc, %v : f32
    scf.yield %s : f32
  }
  return %sum : f32
}

// -----

// CHECK: module {
// CHECK-LABEL: func.func @branches(
// CHECK-SAME: %[[VAL_0:.*]]: i1, %[[VAL_1:.*]]: i32) -> i32 {
// CHECK-NEXT:     cf.cond_br %[[VAL_0]], ^bb1(%[[VAL_1]] : i32), ^bb2
// CHECK-NEXT:   ^bb1(%[[VAL_2:.*]]: i32):  // pred: ^bb0
// CHECK-NEXT:     cf.br ^bb3(%[[VAL_2]] : i32)
// CHECK-NEXT:   ^bb2:  // pred: ^bb0
// CHECK-NEXT:     %[[VAL_3:.*]] = arith.constant 7 : i32
// CHECK-NEXT:     cf.br ^bb3(%[[VAL_3]] : i32)
// CHECK-NEXT:   ^bb3(%[[VAL_4:.*]]: i32):  // 2 preds: ^bb1, ^bb2
// CHECK-NEXT:     return %[[VAL_4]] : i32
// CHECK-NEXT:   }
// CHECK-NEXT: }
func.func @branches(%c: i1, %x: i32) -> i32 {
  cf.cond_br %c, ^bb1(%x : i32), ^bb2
^bb1(%a: i32):
  cf.br ^bb3(%a : i32)
^bb2:
  %k = arith.constant 7 : i32
  cf.br ^bb3(%k : i32)
^bb3(%r: i32):
  return %r : i32
}

// -----

#map = affine_map<(d0) -> (d0 * 2 + 1)>
// CHECK: #map = affine_map<(d0) -> (d0 * 2 + 1)>
// CHECK-NEXT: module {
// CHECK-LABEL: func.func @affine(
// CHECK-SAME: %[[VAL_0:.*]]: memref<64xf32>) {
// CHECK-NEXT:     affine.for %[[VAL_1:.*]] = 0 to 31 {
// CHECK-NEXT:       %[[VAL_2:.*]] = affine.apply #map(%[[VAL_1]])
// CHECK-NEXT:       %[[VAL_3:.*]] = affine.load %[[VAL_0]][%[[VAL_1]] * 2] : memref<64xf32>
// CHECK-NEXT:       affine.store %[[VAL_3]], %[[VAL_0]][%[[VAL_1]] * 2 + 1] : memref<64xf32>
// CHECK-NEXT:     }
// CHECK-NEXT:     return
// CHECK-NEXT:   }
// CHECK-NEXT: }
func.func @affine(%m: memref<64xf32>) {
  affine.for %i = 0 to 31 {
    %j = affine.apply #map(%i)
    %v = affine.load %m[%i * 2] : memref<64xf32>
    affine.store %v, %m[%i * 2 + 1] : memref<64xf32>
  }
  return
}
