// RUN: prr opt %s --split-input-file | FileCheck %s

// CHECK: module {
// CHECK-LABEL: func.func @constants(
// CHECK-SAME: ) -> (i32, index, f32, i1) {
// CHECK-NEXT:     %[[VAL_0:.*]] = arith.constant 42 : i32
// CHECK-NEXT:     %[[VAL_1:.*]] = arith.constant 0 : index
// CHECK-NEXT:     %[[VAL_2:.*]] = arith.constant 1.500000e+00 : f32
// CHECK-NEXT:     %[[VAL_3:.*]] = arith.constant true
// CHECK-NEXT:     return %[[VAL_0]], %[[VAL_1]], %[[VAL_2]], %[[VAL_3]] : i32, index, f32, i1
// CHECK-NEXT:   }
// CHECK-NEXT: }
func.func @constants() -> (i32, index, f32, i1) {
  %a = arith.constant 42 : i32
  %b = arith.constant 0 : index
  %c = arith.constant 1.5 : f32
  %d = arith.constant true
  return %a, %b, %c, %d : i32, index, f32, i1
}

// -----

// CHECK: module {
// CHECK-LABEL: func.func @binary(
// CHECK-SAME: %[[VAL_0:.*]]: i32, %[[VAL_1:.*]]: i32, %[[VAL_2:.*]]: f32) -> (i32, i1, f32) {
// CHECK-NEXT:     %[[VAL_3:.*]] = arith.addi %[[VAL_0]], %[[VAL_1]] overflow<nsw> : i32
// CHECK-NEXT:     %[[VAL_4:.*]] = arith.muli %[[VAL_3]], %[[VAL_0]] : i32
// CHECK-NEXT:     %[[VAL_5:.*]] = arith.cmpi slt, %[[VAL_4]], %[[VAL_1]] : i32
// CHECK-NEXT:     %[[VAL_6:.*]] = arith.addf %[[VAL_2]], %[[VAL_2]] fastmath<fast> : f32
// CHECK-NEXT:     %[[VAL_7:.*]] = arith.select %[[VAL_5]], %[[VAL_3]], %[[VAL_4]] : i32
// CHECK-NEXT:     return %[[VAL_7]], %[[VAL_5]], %[[VAL_6]] : i32, i1, f32
// CHECK-NEXT:   }
// CHECK-NEXT: }
func.func @binary(%x: i32, %y: i32, %f: f32) -> (i32, i1, f32) {
  %0 = arith.addi %x, %y overflow<nsw> : i32
  %1 = arith.muli %0, %x : i32
  %2 = arith.cmpi slt, %1, %y : i32
  %3 = arith.addf %f, %f fastmath<fast> : f32
  %4 = arith.select %2, %0, %1 : i32
  return %4, %2, %3 : i32, i1, f32
}

// -----

// CHECK: module {
// CHECK-LABEL: func.func @casts(
// CHECK-SAME: %[[VAL_0:.*]]: i8, %[[VAL_1:.*]]: vector<4xf32>) -> (i32, vector<4xf16>, index) {
// CHECK-NEXT:     %[[VAL_2:.*]] = arith.extsi %[[VAL_0]] : i8 to i32
// CHECK-NEXT:     %[[VAL_3:.*]] = arith.truncf %[[VAL_1]] : vector<4xf32> to vector<4xf16>
// CHECK-NEXT:     %[[VAL_4:.*]] = arith.index_cast %[[VAL_2]] : i32 to index
// CHECK-NEXT:     return %[[VAL_2]], %[[VAL_3]], %[[VAL_4]] : i32, vector<4xf16>, index
// CHECK-NEXT:   }
// CHECK-NEXT: }
func.func @casts(%x: i8, %v: vector<4xf32>) -> (i32, vector<4xf16>, index) {
  %0 = arith.extsi %x : i8 to i32
  %1 = arith.truncf %v : vector<4xf32> to vector<4xf16>
  %2 = arith.index_cast %0 : i32 to index
  return %0, %1, %2 : i32, vector<4xf16>, index
}
