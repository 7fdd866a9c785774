// RUN: prr opt %s --print-generic --allow-unregistered-dialect | FileCheck %s
// CHECK: #map = affine_map<(d0) -> (d0 floordiv 4, d0 mod 4)>
// CHECK-NEXT: "builtin.module"() ({
// CHECK-NEXT:   "func.func"() <{function_type = (i32) -> i32, sym_name = "mixed"}> ({
// CHECK-NEXT:   ^bb0(%[[VAL_0:.*]]: i32):
// CHECK-NEXT:     %[[VAL_1:.*]] = "test.op"(%[[VAL_0]]) {dense = dense<[1, 2, 3]> : tensor<3xi32>, map = #map, str = "a\22b"} : (i32) -> i32
// CHECK-NEXT:     %[[VAL_2:.*]] = "arith.addi"(%[[VAL_1]], %[[VAL_0]]) <{overflowFlags = #arith.overflow<none>}> : (i32, i32) -> i32
// CHECK-NEXT:     "func.return"(%[[VAL_2]]) : (i32) -> ()
// CHECK-NEXT:   }) {llvm.emit_c_interface} : () -> ()
// CHECK-NEXT: }) : () -> ()

#map = affine_map<(d0) -> (d0 floordiv 4, d0 mod 4)>
func.func @mixed(%arg0: i32) -> i32 attributes {llvm.emit_c_interface} {
  %0 = "test.op"(%arg0) {map = #map, dense = dense<[1, 2, 3]> : tensor<3xi32>, str = "a\"b"} : (i32) -> i32
  %1 = arith.addi %0, %arg0 : i32
  return %1 : i32
}
