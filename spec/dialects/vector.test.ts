// vector against mlir-opt-22: corpus inputs (transfers, extract/insert, reductions, models) and
// the common ops round-trip through prr.
import * as vitest from "vitest";
import { llvmTool } from "../support/llvm.ts";
import { defineRoundTripSuite } from "./roundtrip.ts";

const cases: Record<string, string> = {
  "common-ops": `func.func @f(%v: vector<4xf32>, %m: vector<4x8xf32>, %s: f32, %i: index, %mem: memref<?x?xf32>, %mask: vector<4xi1>, %t: tensor<?x?xf32>, %vi: vector<4xi32>, %m2: vector<8x4xf32>, %acc: vector<4x4xf32>) {
  %0 = vector.broadcast %s : f32 to vector<4xf32>
  %1 = vector.extract_strided_slice %m {offsets = [0, 2], sizes = [2, 4], strides = [1, 1]} : vector<4x8xf32> to vector<2x4xf32>
  %2 = vector.insert_strided_slice %1, %m {offsets = [0, 2], strides = [1, 1]} : vector<2x4xf32> into vector<4x8xf32>
  %3 = vector.load %mem[%i, %i] : memref<?x?xf32>, vector<4xf32>
  vector.store %3, %mem[%i, %i] : memref<?x?xf32>, vector<4xf32>
  %4 = vector.maskedload %mem[%i, %i], %mask, %v : memref<?x?xf32>, vector<4xi1>, vector<4xf32> into vector<4xf32>
  vector.maskedstore %mem[%i, %i], %mask, %v : memref<?x?xf32>, vector<4xi1>, vector<4xf32>
  %5 = vector.reduction <add>, %v : vector<4xf32> into f32
  %6 = vector.reduction <maxnumf>, %v fastmath<fast> : vector<4xf32> into f32
  %7 = vector.outerproduct %v, %v : vector<4xf32>, vector<4xf32>
  %8 = vector.outerproduct %v, %s, %v {kind = #vector.kind<add>} : vector<4xf32>, f32
  %9 = vector.shape_cast %m : vector<4x8xf32> to vector<32xf32>
  %10 = vector.transpose %m, [1, 0] : vector<4x8xf32> to vector<8x4xf32>
  vector.print %v : vector<4xf32>
  vector.print str "hello\\n"
  vector.print %s : f32 punctuation <no_punctuation>
  %11 = vector.constant_mask [2] : vector<4xi1>
  %12 = vector.create_mask %i : vector<4xi1>
  %13 = vector.step : vector<4xindex>
  %14 = vector.from_elements %s, %s, %s, %s : vector<4xf32>
  %15 = vector.bitcast %v : vector<4xf32> to vector<8xf16>
  %16 = vector.fma %v, %v, %v : vector<4xf32>
  %17 = vector.contract {indexing_maps = [affine_map<(i,j,k) -> (i,k)>, affine_map<(i,j,k) -> (k,j)>, affine_map<(i,j,k) -> (i,j)>], iterator_types = ["parallel", "parallel", "reduction"], kind = #vector.kind<add>} %m, %m2, %acc : vector<4x8xf32>, vector<8x4xf32> into vector<4x4xf32>
  %18 = vector.multi_reduction <add>, %m, %v [1] : vector<4x8xf32> to vector<4xf32>
  %19 = vector.shuffle %v, %v [0, 4, 1, 5] : vector<4xf32>, vector<4xf32>
  %21:4 = vector.to_elements %v : vector<4xf32>
  %24 = vector.interleave %v, %v : vector<4xf32> -> vector<8xf32>
  %25, %26 = vector.deinterleave %15 : vector<8xf16> -> vector<4xf16>
  %27 = vector.extract %m[%i, 1] : f32 from vector<4x8xf32>
  %28 = vector.vscale
  %29 = vector.transfer_read %t[%i, %i], %s {in_bounds = [true]} : tensor<?x?xf32>, vector<4xf32>
  %sv = vector.broadcast %s : f32 to vector<f32>
  %30:2 = vector.scan <add>, %v, %sv {inclusive = true, reduction_dim = 0 : i64} : vector<4xf32>, vector<f32>
  return
}
`,
};

await defineRoundTripSuite(vitest, llvmTool("mlir-opt"), {
  dialect: "vector",
  cases,
});
