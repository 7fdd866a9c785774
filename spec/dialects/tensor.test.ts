// The tensor dialect against mlir-opt-22: every op in custom and generic form, and the corpus inputs
// that use tensor ops, must read back through prr as mlir-opt-22 reads them.
import { beforeAll, describe, expect, it } from "vitest";
import {
  corpusInputs,
  formatOutcomes,
  oracle,
  problems,
  roundTrip,
  type Input,
  type KnownException,
  type Outcome,
} from "./oracle-checks.ts";

const ops: Input = {
  name: "tensor-ops.mlir",
  text: `
func.func @t(%t: tensor<4x?xf32>, %i: index, %u: tensor<*xf32>, %s: f32, %b: tensor<4xui32>, %idx: tensor<2x3xindex>, %src: tensor<4x4x4xf32>) {
  %0 = tensor.bitcast %b : tensor<4xui32> to tensor<4xi32>
  %1 = tensor.cast %t : tensor<4x?xf32> to tensor<?x?xf32>
  %2 = tensor.concat dim(0) %t, %t : (tensor<4x?xf32>, tensor<4x?xf32>) -> tensor<8x?xf32>
  %3 = tensor.dim %t, %i : tensor<4x?xf32>
  %4 = tensor.empty(%i) : tensor<4x?xf32>
  %5 = tensor.extract %t[%i, %i] : tensor<4x?xf32>
  %6 = tensor.extract_slice %t[0, %i] [2, %i] [1, 1] : tensor<4x?xf32> to tensor<2x?xf32>
  %7 = tensor.from_elements %s, %s : tensor<2xf32>
  %8 = tensor.gather %src[%idx] gather_dims([0, 1, 2]) unique : (tensor<4x4x4xf32>, tensor<2x3xindex>) -> tensor<2x1x1x1xf32>
  %9 = tensor.generate %i {
  ^bb0(%a: index, %c: index):
    tensor.yield %s : f32
  } : tensor<4x?xf32>
  %10 = tensor.insert %s into %t[%i, %i] : tensor<4x?xf32>
  %11 = tensor.insert_slice %6 into %t[0, %i] [2, %i] [1, 1] {keep} : tensor<2x?xf32> into tensor<4x?xf32>
  %12 = tensor.rank %u : tensor<*xf32>
  %13 = tensor.pad %t nofold low[1, %i] high[2, 3] {
  ^bb0(%a: index, %c: index):
    tensor.yield %s : f32
  } : tensor<4x?xf32> to tensor<7x?xf32>
  %14 = tensor.splat %s[%i] : tensor<?x8xf32>
  %15 = tensor.expand_shape %t [[0, 1], [2]] output_shape [2, 2, %i] : tensor<4x?xf32> into tensor<2x2x?xf32>
  %16 = tensor.collapse_shape %15 [[0, 1], [2]] : tensor<2x2x?xf32> into tensor<4x?xf32>
  %17 = tensor.scatter %8 into %src[%idx] scatter_dims([0, 1, 2]) unique : (tensor<2x1x1x1xf32>, tensor<4x4x4xf32>, tensor<2x3xindex>) -> tensor<4x4x4xf32>
  %sh = tensor.from_elements %i : tensor<1xindex>
  %18 = tensor.reshape %u(%sh) : (tensor<*xf32>, tensor<1xindex>) -> tensor<?xf32>
  %19 = tensor.splat %s : tensor<8xf32>
  %20 = tensor.generate {
  ^bb0(%a: index):
    tensor.yield %s : f32
  } : tensor<3xf32>
  %21 = tensor.pad %t low[1, 1] high[2, 3] {
  ^bb0(%a: index, %c: index):
    tensor.yield %s : f32
  } : tensor<4x?xf32> to tensor<7x?xf32>
  %22 = tensor.dim {hello = "world"} %t, %i : tensor<4x?xf32>
  return
}
`,
};

const parallelInsert: Input = {
  name: "tensor-parallel-insert-slice.mlir",
  text: `
func.func @p(%t: tensor<8xf32>, %d: tensor<16xf32>) -> tensor<16xf32> {
  %0 = scf.forall (%k) in (2) shared_outs(%acc = %d) -> (tensor<16xf32>) {
    scf.forall.in_parallel {
      tensor.parallel_insert_slice %t into %acc[%k] [8] [1] : tensor<8xf32> into tensor<16xf32>
    }
  }
  return %0 : tensor<16xf32>
}
`,
};

const genericForm: Input = {
  name: "tensor-generic.mlir",
  text: `
%t1 = tensor.empty() : tensor<2x3xf32>
%t2 = tensor.empty() : tensor<2xf32>
%inserted_slice = "tensor.insert_slice"(%t2, %t1) <{static_offsets = array<i64: 0, 1>, static_sizes = array<i64: 1, 2>, static_strides = array<i64: 1, 1>, operandSegmentSizes = array<i32: 1, 1, 0, 0, 0>}> : (tensor<2xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
%extracted_slice = "tensor.extract_slice"(%t1) <{static_offsets = array<i64: 0, 1>, static_sizes = array<i64: 1, 2>, static_strides = array<i64: 1, 1>, operandSegmentSizes = array<i32: 1, 0, 0, 0>}> : (tensor<2x3xf32>) -> tensor<2xf32>
%c = "tensor.cast"(%t1) {hello = "world"} : (tensor<2x3xf32>) -> tensor<?x?xf32>
`,
};

const inputs = [ops, genericForm, parallelInsert];

/** Checks known to fail, by input, with the reason; a listed check that passes fails the suite. */
const known: Record<string, KnownException> = {};
const tensorOp = /\btensor\.(?!iterator)[a-z_]+/;
const corpus = corpusInputs(tensorOp);
const o = oracle();
if ("skip" in o) console.log(`tensor dialect suite skipped: ${o.skip}`);

describe.skipIf("skip" in o)("tensor dialect: round trip through prr judged by mlir-opt-22", () => {
  const results = new Map<string, Outcome>();
  beforeAll(async () => {
    for (const r of await roundTrip([...inputs, ...corpus], (o as { tool: string }).tool)) results.set(r.name, r);
    console.log(formatOutcomes("tensor", [...results.values()]));
  }, 600_000);

  for (const input of inputs)
    it(`${input.name}: accepted, same generic form, same text`, () => {
      const r = results.get(input.name)!;
      expect(problems(r, known[input.name])).toEqual([]);
      if (r.failures.size === 0) expect(r.textDifference).toBeUndefined();
    });

  it("corpus inputs: no check fails on a tensor op", () => {
    const blamed = corpus.flatMap((input) =>
      [...results.get(input.name)!.failures]
        .filter(([, why]) => tensorOp.test(why) || /exits 70/.test(why))
        .map(([c, why]) => `${input.name} [${c}]: ${why}`),
    );
    expect(blamed).toEqual([]);
  });
});
