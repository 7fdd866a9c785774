// RUN: prr opt %s | FileCheck %s

// CHECK: module {
// CHECK-LABEL: func.func @block(
// CHECK-SAME: %[[VAL_0:.*]]: tensor<1x4x8xf32>, %[[VAL_1:.*]]: tensor<1x8x8xf32>) -> tensor<1x4x8xf32> {
// CHECK-NEXT:     %[[VAL_2:.*]] = "tosa.const"() <{values = dense<0.000000e+00> : tensor<1xf32>}> : () -> tensor<1xf32>
// CHECK-NEXT:     %[[VAL_3:.*]] = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
// CHECK-NEXT:     %[[VAL_4:.*]] = tosa.matmul %[[VAL_0]], %[[VAL_1]], %[[VAL_2]], %[[VAL_2]] : (tensor<1x4x8xf32>, tensor<1x8x8xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x4x8xf32>
// CHECK-NEXT:     %[[VAL_5:.*]] = tosa.sigmoid %[[VAL_4]] : (tensor<1x4x8xf32>) -> tensor<1x4x8xf32>
// CHECK-NEXT:     %[[VAL_6:.*]] = tosa.mul %[[VAL_4]], %[[VAL_5]], %[[VAL_3]] : (tensor<1x4x8xf32>, tensor<1x4x8xf32>, tensor<1xi8>) -> tensor<1x4x8xf32>
// CHECK-NEXT:     return %[[VAL_6]] : tensor<1x4x8xf32>
// CHECK-NEXT:   }
// CHECK-NEXT: }
func.func @block(%x: tensor<1x4x8xf32>, %w: tensor<1x8x8xf32>) -> tensor<1x4x8xf32> {
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %shift = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %m = tosa.matmul %x, %w, %zp, %zp : (tensor<1x4x8xf32>, tensor<1x8x8xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x4x8xf32>
  %s = tosa.sigmoid %m : (tensor<1x4x8xf32>) -> tensor<1x4x8xf32>
  %p = tosa.mul %m, %s, %shift : (tensor<1x4x8xf32>, tensor<1x4x8xf32>, tensor<1xi8>) -> tensor<1x4x8xf32>
  return %p : tensor<1x4x8xf32>
}
