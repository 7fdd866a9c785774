// affine against mlir-opt-22: corpus inputs plus bounds with max/min maps, steps, parallel with
// reductions, prefetch, maps of SSA ids and index (de)linearization round-trip through prr.
import * as vitest from "vitest";
import { llvmTool } from "../support/llvm.ts";
import { defineRoundTripSuite } from "./roundtrip.ts";

const cases: Record<string, string> = {
  "all-ops": `#lb = affine_map<(d0)[s0] -> (d0, s0 + 2)>
#ub = affine_map<(d0)[s0] -> (d0 + 10, s0)>
func.func @f(%m: memref<16x16xf32>, %n: index, %k: index) {
  affine.for %i = max #lb(%n)[%k] to min #ub(%n)[%k] step 2 {
    affine.for %j = %n to 16 {
      %v = affine.load %m[%i + 1, %j * 2 - symbol(%k)] : memref<16x16xf32>
      affine.store %v, %m[%i, %j] : memref<16x16xf32>
      affine.prefetch %m[%i, %j], read, locality<3>, data : memref<16x16xf32>
    }
  }
  %r:2 = affine.parallel (%i, %j) = (0, max(%n, 4)) to (16, 16) step (2, 4) reduce ("addf", "maximumf") -> (f32, f32) {
    %v = affine.load %m[%i, %j] : memref<16x16xf32>
    affine.yield %v, %v : f32, f32
  }
  %a = affine.max affine_map<(d0)[s0] -> (d0, s0)>(%n)[%k]
  %d:2 = affine.delinearize_index %n into (%k, 16) : index, index
  %l = affine.linearize_index disjoint [%d#0, %d#1] by (%k, 16) : index
  %l2 = affine.linearize_index [%d#0, %d#1] by (16) : index
  affine.if affine_set<(d0)[s0] : (d0 - s0 >= 0, d0 == 0)>(%n)[%k] {
  }
  return
}
`,
};

await defineRoundTripSuite(vitest, llvmTool("mlir-opt"), {
  dialect: "affine",
  cases,
});
