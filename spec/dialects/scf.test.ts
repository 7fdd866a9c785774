// scf against mlir-opt-22: corpus inputs and every scf op (for with `unsigned` and `: i32`, forall,
// parallel/reduce, if, while/condition, execute_region, index_switch) round-trip through prr.
import * as vitest from "vitest";
import { llvmTool } from "../support/llvm.ts";
import { defineRoundTripSuite } from "./roundtrip.ts";

const cases: Record<string, string> = {
  "all-ops": `func.func @f(%lb: index, %ub: index, %st: index, %t: tensor<8xf32>, %m: memref<8x8xf32>, %c: i1) -> index {
  scf.for unsigned %iu = %lb to %ub step %st {
  }
  %r = scf.execute_region -> index no_inline {
    scf.yield %lb : index
  }
  %s = scf.index_switch %lb -> index
  case 2 {
    scf.yield %lb : index
  }
  case 5 {
    scf.yield %ub : index
  }
  default {
    scf.yield %st : index
  }
  scf.index_switch %lb
  case 1 {
    scf.yield
  }
  default {
  }
  %f = scf.forall (%i, %j) in (4, %ub) shared_outs(%o = %t) -> (tensor<8xf32>) {
    scf.forall.in_parallel {
      "tensor.parallel_insert_slice"(%o, %o) <{operandSegmentSizes = array<i32: 1, 1, 0, 0, 0>, static_offsets = array<i64: 0>, static_sizes = array<i64: 8>, static_strides = array<i64: 1>}> : (tensor<8xf32>, tensor<8xf32>) -> ()
    }
  } {mapping = [#gpu.thread<x>, #gpu.thread<y>]}
  scf.forall (%i) = (%lb) to (10) step (2) {
    "test.op"() : () -> ()
  }
  scf.if %c {
    "test.op"() : () -> ()
  }
  %w:2 = scf.while (%a = %lb, %b = %ub) : (index, index) -> (index, index) {
    scf.condition(%c) %a, %b : index, index
  } do {
  ^bb0(%a: index, %b: index):
    scf.yield %a, %b : index, index
  } attributes {foo}
  scf.while : () -> () {
    scf.condition(%c)
  } do {
    scf.yield
  }
  return %r : index
}
func.func @g(%c: i1, %x: i32) -> i32 {
  %r = scf.if %c -> (i32) {
    scf.yield %x : i32
  } else {
    scf.yield %x : i32
  } {some.attr = 1 : i64}
  %e:2 = scf.execute_region -> (i32, i32) {
    scf.yield %x, %x : i32, i32
  }
  return %r : i32
}
`,
};

await defineRoundTripSuite(vitest, llvmTool("mlir-opt"), {
  dialect: "scf",
  cases,
});
