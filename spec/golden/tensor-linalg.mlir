// RUN: prr opt %s --split-input-file | FileCheck %s

// CHECK: module {
// CHECK-LABEL: func.func @matmul(
// CHECK-SAME: %[[VAL_0:.*]]: tensor<4x8xf32>, %[[VAL_1:.*]]: tensor<8x16xf32>) -> tensor<4x16xf32> {
// CHECK-NEXT:     %[[VAL_2:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-NEXT:     %[[VAL_3:.*]] = tensor.empty() : tensor<4x16xf32>
// CHECK-NEXT:     %[[VAL_4:.*]] = linalg.fill ins(%[[VAL_2]] : f32) outs(%[[VAL_3]] : tensor<4x16xf32>) -> tensor<4x16xf32>
// CHECK-NEXT:     %[[VAL_5:.*]] = linalg.matmul ins(%[[VAL_0]], %[[VAL_1]] : tensor<4x8xf32>, tensor<8x16xf32>) outs(%[[VAL_4]] : tensor<4x16xf32>) -> tensor<4x16xf32>
// CHECK-NEXT:     return %[[VAL_5]] : tensor<4x16xf32>
// CHECK-NEXT:   }
// CHECK-NEXT: }
func.func @matmul(%a: tensor<4x8xf32>, %b: tensor<8x16xf32>) -> tensor<4x16xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<4x16xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<4x16xf32>) -> tensor<4x16xf32>
  %r = linalg.matmul ins(%a, %b : tensor<4x8xf32>, tensor<8x16xf32>) outs(%init : tensor<4x16xf32>) -> tensor<4x16xf32>
  return %r : tensor<4x16xf32>
}

// -----

#id = affine_map<(d0, d1) -> (d0, d1)>
// CHECK: #map = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-NEXT: module {
// CHECK-LABEL: func.func @relu(
// CHECK-SAME: %[[VAL_0:.*]]: tensor<4x16xf32>) -> tensor<4x16xf32> {
// CHECK-NEXT:     %[[VAL_1:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-NEXT:     %[[VAL_2:.*]] = tensor.empty() : tensor<4x16xf32>
// CHECK-NEXT:     %[[VAL_3:.*]] = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%[[VAL_0]] : tensor<4x16xf32>) outs(%[[VAL_2]] : tensor<4x16xf32>) {
// CHECK-NEXT:     ^bb0(%[[VAL_4:.*]]: f32, %[[VAL_5:.*]]: f32):
// CHECK-NEXT:       %[[VAL_6:.*]] = arith.maximumf %[[VAL_4]], %[[VAL_1]] : f32
// CHECK-NEXT:       linalg.yield %[[VAL_6]] : f32
// CHECK-NEXT:     } -> tensor<4x16xf32>
// CHECK-NEXT:     return %[[VAL_3]] : tensor<4x16xf32>
// CHECK-NEXT:   }
// CHECK-NEXT: }
func.func @relu(%x: tensor<4x16xf32>) -> tensor<4x16xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<4x16xf32>
  %r = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel"]}
      ins(%x : tensor<4x16xf32>) outs(%e : tensor<4x16xf32>) {
  ^bb0(%in: f32, %out: f32):
    %m = arith.maximumf %in, %zero : f32
    linalg.yield %m : f32
  } -> tensor<4x16xf32>
  return %r : tensor<4x16xf32>
}

// -----

// CHECK: module {
// CHECK-LABEL: func.func @reshape(
// CHECK-SAME: %[[VAL_0:.*]]: tensor<2x8xf32>) -> tensor<16xf32> {
// CHECK-NEXT:     %[[VAL_1:.*]] = tensor.collapse_shape %[[VAL_0]] {{\[\[}}0, 1]] : tensor<2x8xf32> into tensor<16xf32>
// CHECK-NEXT:     %[[VAL_2:.*]] = tensor.extract_slice %[[VAL_1]][0] [8] [1] : tensor<16xf32> to tensor<8xf32>
// CHECK-NEXT:     %[[VAL_3:.*]] = tensor.insert_slice %[[VAL_2]] into %[[VAL_1]][8] [8] [1] : tensor<8xf32> into tensor<16xf32>
// CHECK-NEXT:     return %[[VAL_3]] : tensor<16xf32>
// CHECK-NEXT:   }
// CHECK-NEXT: }
func.func @reshape(%x: tensor<2x8xf32>) -> tensor<16xf32> {
  %c = tensor.collapse_shape %x [[0, 1]] : tensor<2x8xf32> into tensor<16xf32>
  %s = tensor.extract_slice %c[0] [8] [1] : tensor<16xf32> to tensor<8xf32>
  %i = tensor.insert_slice %s into %c[8] [8] [1] : tensor<8xf32> into tensor<16xf32>
  return %i : tensor<16xf32>
}
