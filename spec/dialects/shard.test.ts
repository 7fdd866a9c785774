// shard against mlir-opt-22: grids, shardings and the collectives round-trip through prr.
import * as vitest from "vitest";
import { llvmTool } from "../support/llvm.ts";
import { defineRoundTripSuite } from "./roundtrip.ts";

const cases: Record<string, string> = {
  collectives: `shard.grid @g(shape = 2x4)
func.func @f(%t: tensor<4x8xf32>, %c: index) {
  %0 = shard.all_reduce %t on @g grid_axes = [0] reduction = max : tensor<4x8xf32> -> tensor<4x8xf64>
  %1 = shard.all_reduce %t on @g : tensor<4x8xf32> -> tensor<4x8xf32>
  %2 = shard.all_gather %t on @g grid_axes = [1] gather_axis = 1 : tensor<4x8xf32> -> tensor<4x32xf32>
  %3 = shard.all_slice %t on @g grid_axes = [1] slice_axis = 1 : tensor<4x8xf32> -> tensor<4x2xf32>
  %4 = shard.all_to_all %t on @g grid_axes = [0] split_axis = 0 concat_axis = 1 : tensor<4x8xf32> -> tensor<2x16xf32>
  %5 = shard.reduce_scatter %t on @g grid_axes = [1] scatter_axis = 0 : tensor<4x8xf32> -> tensor<1x8xf64>
  %6 = shard.reduce %t on @g grid_axes = [0] reduction = max root = [%c] : (tensor<4x8xf32>, index) -> tensor<4x8xf32>
  return
}
`,
};

await defineRoundTripSuite(vitest, llvmTool("mlir-opt"), {
  dialect: "shard",
  cases,
});
