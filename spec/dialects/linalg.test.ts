// The linalg dialect against mlir-opt-22: linalg.generic/map/reduce/transpose/broadcast, every named
// structured op over several element types (their implicit bodies must be the ones MLIR builds),
// pack/unpack, softmax, Winograd, and the corpus inputs that use linalg ops.
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
import { prrOpt } from "../conformance/prr-opt.ts";

const structured: Input = {
  name: "linalg-structured.mlir",
  text: `
#id = affine_map<(d0, d1) -> (d0, d1)>
func.func @l(%s0: tensor<f32>, %bc1: tensor<4x16xi32>, %a: tensor<4x8xf32>, %b: tensor<8x16xf32>, %c: tensor<4x16xf32>, %v: tensor<8xf32>, %w: tensor<4xf32>, %x: tensor<4x8xf32>, %bi: tensor<2x4x8xi8>, %bj: tensor<2x8x16xi8>, %bc: tensor<2x4x16xi32>, %m: memref<4x8xf32>, %s: f32, %ai: tensor<4x8xi8>, %bk: tensor<8x16xi16>, %ci: tensor<4x16xi32>) {
  %3 = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel"], library_call = "foo", doc = "d"} ins(%a : tensor<4x8xf32>) outs(%x : tensor<4x8xf32>) attrs = {hello = "world"} {
  ^bb0(%in: f32, %out: f32):
    %i = linalg.index 0 : index
    linalg.yield %in : f32
  } -> tensor<4x8xf32>
  linalg.generic {indexing_maps = [#id], iterator_types = ["parallel", "reduction"]} outs(%m : memref<4x8xf32>) {
  ^bb0(%out: f32):
    linalg.yield %out : f32
  }
  %4 = linalg.matmul indexing_maps = [affine_map<(m, n, k) -> (k, m)>, affine_map<(m, n, k) -> (k, n)>, affine_map<(m, n, k) -> (m, n)>] ins(%b, %b : tensor<8x16xf32>, tensor<8x16xf32>) outs(%s16 : tensor<16x16xf32>) -> tensor<16x16xf32>
  %5 = linalg.matmul {cast = #linalg.type_fn<cast_unsigned>} ins(%ai, %bk : tensor<4x8xi8>, tensor<8x16xi16>) outs(%ci : tensor<4x16xi32>) -> tensor<4x16xi32>
  %m5 = linalg.matmul ins(%ai, %bk : tensor<4x8xi8>, tensor<8x16xi16>) outs(%ci : tensor<4x16xi32>) {cast = #linalg.type_fn<cast_signed>} -> tensor<4x16xi32>
  %6 = linalg.batch_matmul ins(%bi, %bj : tensor<2x4x8xi8>, tensor<2x8x16xi8>) outs(%bc : tensor<2x4x16xi32>) -> tensor<2x4x16xi32>
  %m6 = linalg.batch_matmul {cast = #linalg.type_fn<cast_unsigned>} ins(%bi, %bj : tensor<2x4x8xi8>, tensor<2x8x16xi8>) outs(%bc : tensor<2x4x16xi32>) -> tensor<2x4x16xi32>
  %7 = linalg.elementwise kind=#linalg.elementwise_kind<exp> ins(%a : tensor<4x8xf32>) outs(%x : tensor<4x8xf32>) -> tensor<4x8xf32>
  %m7 = linalg.elementwise kind=#linalg.elementwise_kind<exp> indexing_maps = [affine_map<(d0, d1) -> (d1, d0)>, affine_map<(d0, d1) -> (d0, d1)>] ins(%t84 : tensor<8x4xf32>) outs(%x : tensor<4x8xf32>) -> tensor<4x8xf32>
  %8 = linalg.contract indexing_maps = [affine_map<(m, n, k) -> (m, k)>, affine_map<(m, n, k) -> (k, n)>, affine_map<(m, n, k) -> (m, n)>] ins(%ai, %bk : tensor<4x8xi8>, tensor<8x16xi16>) outs(%ci : tensor<4x16xi32>) {cast = #linalg.type_fn<cast_unsigned>} -> tensor<4x16xi32>
  %9 = linalg.dot ins(%v, %v : tensor<8xf32>, tensor<8xf32>) outs(%s0 : tensor<f32>) -> tensor<f32>
  %11 = linalg.batch_reduce_matmul {cast = #linalg.type_fn<cast_unsigned>} ins(%bi, %bj : tensor<2x4x8xi8>, tensor<2x8x16xi8>) outs(%bc1 : tensor<4x16xi32>) -> tensor<4x16xi32>
  linalg.exp ins(%m : memref<4x8xf32>) outs(%m : memref<4x8xf32>)
  linalg.matmul {id} ins(%m, %m8 : memref<4x8xf32>, memref<8x4xf32>) outs(%m44 : memref<4x4xf32>)
  %12 = linalg.softmax dimension(1) ins(%a : tensor<4x8xf32>) outs(%x : tensor<4x8xf32>) -> tensor<4x8xf32>
  %13 = linalg.fill ins(%s : f32) outs(%x : tensor<4x8xf32>) -> tensor<4x8xf32>
  linalg.fill {id} ins(%s : f32) outs(%m : memref<4x8xf32>)
  %14 = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%img, %ker : tensor<1x9x9x3xf32>, tensor<3x3x3x4xf32>) outs(%cout : tensor<1x4x4x4xf32>) -> tensor<1x4x4x4xf32>
  %15 = linalg.fill_rng_2d ins(%d0, %d0, %seed : f64, f64, i32) outs(%x : tensor<4x8xf32>) -> tensor<4x8xf32>
  %16 = linalg.copy {cast = #linalg.type_fn<cast_unsigned>} ins(%ai : tensor<4x8xi8>) outs(%x : tensor<4x8xf32>) -> tensor<4x8xf32>
  return
}
`.replace(
    "func.func @l(",
    "func.func @l(%s16: tensor<16x16xf32>, %t84: tensor<8x4xf32>, %m8: memref<8x4xf32>, %m44: memref<4x4xf32>, %img: tensor<1x9x9x3xf32>, %ker: tensor<3x3x3x4xf32>, %cout: tensor<1x4x4x4xf32>, %d0: f64, %seed: i32, ",
  ),
};

const mapReduce: Input = {
  name: "linalg-map-reduce.mlir",
  text: `
func.func @l(%y: tensor<8x4xf32>, %a: tensor<4x8xf32>, %x: tensor<4x8xf32>, %w: tensor<4xf32>, %s: f32, %m: memref<4x8xf32>, %n: memref<4xf32>, %i: tensor<100x50xi32>, %ir: tensor<i32>) {
  %0 = linalg.map ins(%a, %x : tensor<4x8xf32>, tensor<4x8xf32>) outs(%x : tensor<4x8xf32>)
    (%p: f32, %q: f32, %o: f32) {
      %r = arith.addf %p, %o : f32
      linalg.yield %r : f32
    }
  %1 = linalg.map { arith.addf {fastmath = #arith.fastmath<fast>} } ins(%a, %x : tensor<4x8xf32>, tensor<4x8xf32>) outs(%x : tensor<4x8xf32>) {foo}
  %2 = linalg.map ins(%a, %x : tensor<4x8xf32>, tensor<4x8xf32>) outs(%x : tensor<4x8xf32>)
    (%p: f32, %q: f32, %o: f32) {
      %r = arith.mulf %p, %q : f32
      linalg.yield %r : f32
    }
  %3 = linalg.map outs(%x : tensor<4x8xf32>)
    (%o: f32) {
      linalg.yield %s : f32
    }
  linalg.map { arith.negf } ins(%m : memref<4x8xf32>) outs(%m : memref<4x8xf32>)
  %4 = linalg.reduce ins(%a : tensor<4x8xf32>) outs(%w : tensor<4xf32>) dimensions = [1]
    (%in: f32, %init: f32) {
      %r = arith.addf %init, %in : f32
      linalg.yield %r : f32
    }
  %5 = linalg.reduce ins(%a : tensor<4x8xf32>) outs(%w : tensor<4xf32>) dimensions = [1]
    (%in: f32, %init: f32) {
      %r = arith.addf %in, %init : f32
      linalg.yield %r : f32
    }
  %6 = linalg.reduce { arith.maximumf } ins(%a : tensor<4x8xf32>) outs(%w : tensor<4xf32>) dimensions = [1] {foo}
  linalg.reduce ins(%m : memref<4x8xf32>) outs(%n : memref<4xf32>) dimensions = [1]
    (%in: f32, %init: f32) {
      %r = arith.addf %in, %init : f32
      linalg.yield %r : f32
    }
  %7 = linalg.reduce { arith.addi } ins(%i : tensor<100x50xi32>) outs(%ir : tensor<i32>) dimensions = [0, 1]
  %8 = linalg.transpose ins(%a : tensor<4x8xf32>) outs(%y : tensor<8x4xf32>) permutation = [1, 0] {foo}
  %9 = linalg.broadcast ins(%w : tensor<4xf32>) outs(%x : tensor<4x8xf32>) dimensions = [1]
  linalg.broadcast ins(%n : memref<4xf32>) outs(%m : memref<4x8xf32>) dimensions = [1]
  return
}
`,
};

const relayout: Input = {
  name: "linalg-pack-winograd.mlir",
  text: `
func.func @p(%a: tensor<4x8xf32>, %pk: tensor<2x4x2x2xf32>, %pk2: tensor<4x2x2x2xf32>, %s: f32, %f: tensor<2x3x3x5xf32>, %fo: tensor<6x6x5x2xf32>, %i: tensor<2x10x10x5xf32>, %io: tensor<6x6x2x2x2x5xf32>, %v: tensor<6x6x2x2x2x2xf32>, %o: tensor<2x8x8x2xf32>, %t: index, %dyn: tensor<2x?x2x?xf32>) {
  %0 = linalg.unpack %pk inner_dims_pos = [0, 1] inner_tiles = [2, 2] into %a : tensor<2x4x2x2xf32> -> tensor<4x8xf32>
  %1 = linalg.pack %a padding_value(%s : f32) outer_dims_perm = [1, 0] inner_dims_pos = [0, 1] inner_tiles = [2, 2] into %pk2 : tensor<4x8xf32> -> tensor<4x2x2x2xf32>
  %2 = linalg.pack %a inner_dims_pos = [0, 1] inner_tiles = [2, %t] into %dyn : tensor<4x8xf32> -> tensor<2x?x2x?xf32>
  %3 = linalg.winograd_filter_transform fmr(F_4_3) ins(%f : tensor<2x3x3x5xf32>) outs(%fo : tensor<6x6x5x2xf32>) -> tensor<6x6x5x2xf32>
  %4 = linalg.winograd_input_transform fmr(F_4_3) ins(%i : tensor<2x10x10x5xf32>) outs(%io : tensor<6x6x2x2x2x5xf32>) -> tensor<6x6x2x2x2x5xf32>
  %5 = linalg.winograd_output_transform fmr(F_4_3) ins(%v : tensor<6x6x2x2x2x2xf32>) outs(%o : tensor<2x8x8x2xf32>) -> tensor<2x8x8x2xf32>
  return
}
`,
};

// ----- every OpDSL named op, with dynamic shapes of the right ranks ('s': an i32 scalar) -----

type Rank = number | "s";
const namedOps: Record<string, readonly Rank[]> = {
  matvec: [2, 1, 1],
  vecmat: [1, 2, 1],
  batch_matvec: [3, 2, 2],
  batch_vecmat: [2, 3, 2],
  dot: [1, 1, 0],
  mmt4d: [4, 4, 4],
  batch_mmt4d: [5, 5, 5],
  quantized_matmul: [2, 2, "s", "s", 2],
  quantized_batch_matmul: [3, 3, "s", "s", 3],
  conv_1d: [1, 1, 1],
  conv_2d: [2, 2, 2],
  conv_3d: [3, 3, 3],
  conv_1d_nwc_wcf: [3, 3, 3],
  conv_1d_ncw_fcw: [3, 3, 3],
  conv_2d_nhwc_hwcf: [4, 4, 4],
  conv_2d_nhwc_fhwc: [4, 4, 4],
  conv_2d_nchw_fchw: [4, 4, 4],
  conv_2d_ngchw_fgchw: [5, 5, 5],
  conv_2d_ngchw_gfchw: [5, 5, 5],
  conv_2d_nhwgc_gfhwc: [5, 5, 5],
  conv_3d_ndhwc_dhwcf: [5, 5, 5],
  conv_3d_ncdhw_fcdhw: [5, 5, 5],
  depthwise_conv_1d_nwc_wc: [3, 2, 3],
  depthwise_conv_1d_ncw_cw: [3, 2, 3],
  depthwise_conv_1d_nwc_wcm: [3, 3, 4],
  depthwise_conv_2d_nhwc_hwc: [4, 3, 4],
  depthwise_conv_2d_nchw_chw: [4, 3, 4],
  depthwise_conv_2d_nhwc_hwcm: [4, 4, 5],
  depthwise_conv_3d_ndhwc_dhwc: [5, 4, 5],
  depthwise_conv_3d_ncdhw_cdhw: [5, 4, 5],
  depthwise_conv_3d_ndhwc_dhwcm: [5, 5, 6],
  conv_2d_nhwc_hwcf_q: [4, 4, "s", "s", 4],
  conv_2d_nhwc_fhwc_q: [4, 4, "s", "s", 4],
  conv_2d_nchw_fchw_q: [4, 4, "s", "s", 4],
  conv_2d_ngchw_gfchw_q: [5, 5, "s", "s", 5],
  conv_2d_nhwgc_gfhwc_q: [5, 5, "s", "s", 5],
  conv_3d_ndhwc_dhwcf_q: [5, 5, "s", "s", 5],
  depthwise_conv_2d_nhwc_hwc_q: [4, 3, "s", "s", 4],
  depthwise_conv_2d_nhwc_hwcm_q: [4, 4, "s", "s", 5],
  ...Object.fromEntries(
    ["sum", "max", "min", "max_unsigned", "min_unsigned"].flatMap((k) => [
      [`pooling_nhwc_${k}`, [4, 2, 4]],
      [`pooling_nwc_${k}`, [3, 1, 3]],
    ]),
  ),
  ...Object.fromEntries(
    ["sum", "max"].flatMap((k) => [
      [`pooling_nchw_${k}`, [4, 2, 4]],
      [`pooling_ncw_${k}`, [3, 1, 3]],
    ]),
  ),
  ...Object.fromEntries(["sum", "max", "min"].map((k) => [`pooling_ndhwc_${k}`, [5, 3, 5]])),
};

/** One function applying every named op with inputs of `inT` and outputs of `outT`. */
function namedOpsInput(inT: string, outT: string): Input {
  const args: string[] = [];
  const lines: string[] = [];
  let n = 0;
  const type = (r: Rank, e: string) => (r === "s" ? "i32" : `tensor<${"?x".repeat(r)}${e}>`);
  for (const [name, ranks] of Object.entries(namedOps)) {
    if (name.includes("unsigned") && (inT.startsWith("f") || outT.startsWith("f"))) continue;
    const ins = ranks.slice(0, -1).map((r) => ({ v: `%a${n++}`, t: type(r, inT) }));
    const out = { v: `%a${n++}`, t: type(ranks[ranks.length - 1]!, outT) };
    args.push(...[...ins, out].map((a) => `${a.v}: ${a.t}`));
    lines.push(
      `  %r${n} = linalg.${name} ins(${ins.map((a) => a.v).join(", ")} : ${ins.map((a) => a.t).join(", ")}) outs(${out.v} : ${out.t}) -> ${out.t}`,
    );
  }
  return {
    name: `linalg-named-${inT}-${outT}.mlir`,
    text: `func.func @f(${args.join(", ")}) {\n${lines.join("\n")}\n  return\n}\n`,
  };
}

const unaryOps = ["abs", "ceil", "erf", "exp", "floor", "log", "negf", "reciprocal", "round", "rsqrt", "sqrt", "square", "tanh"];
const binaryOps = ["add", "sub", "mul", "div", "max", "min", "powf"];
const elementwise: Input = {
  name: "linalg-elementwise.mlir",
  text: [
    "func.func @e(%a: tensor<4x8xf32>, %b: tensor<4x8xf32>, %o: tensor<4x8xf32>, %c: tensor<4x8xi1>, %m: memref<4x8xf64>, %i: tensor<4x8xi16>, %j: tensor<4x8xi16>, %z: tensor<4x8xcomplex<f32>>, %h: tensor<4x8xf16>) {",
    ...unaryOps.map((u) => `  %${u} = linalg.${u} ins(%a : tensor<4x8xf32>) outs(%o : tensor<4x8xf32>) -> tensor<4x8xf32>`),
    ...unaryOps.map((u) => `  linalg.${u} ins(%m : memref<4x8xf64>) outs(%m : memref<4x8xf64>)`),
    ...binaryOps.map(
      (x) => `  %${x} = linalg.${x} ins(%a, %b : tensor<4x8xf32>, tensor<4x8xf32>) outs(%o : tensor<4x8xf32>) -> tensor<4x8xf32>`,
    ),
    ...["add", "sub", "mul", "div", "div_unsigned", "max", "min"].map(
      (x) =>
        `  %i${x} = linalg.${x} ins(%i, %j : tensor<4x8xi16>, tensor<4x8xi16>) outs(%j : tensor<4x8xi16>) -> tensor<4x8xi16>`,
    ),
    ...["add", "mul", "max", "min"].map(
      (x) => `  %b${x} = linalg.${x} ins(%c, %c : tensor<4x8xi1>, tensor<4x8xi1>) outs(%c : tensor<4x8xi1>) -> tensor<4x8xi1>`,
    ),
    ...["add", "sub", "mul", "div"].map(
      (x) =>
        `  %z${x} = linalg.${x} ins(%z, %z : tensor<4x8xcomplex<f32>>, tensor<4x8xcomplex<f32>>) outs(%z : tensor<4x8xcomplex<f32>>) -> tensor<4x8xcomplex<f32>>`,
    ),
    "  %sel = linalg.select ins(%c, %a, %b : tensor<4x8xi1>, tensor<4x8xf32>, tensor<4x8xf32>) outs(%o : tensor<4x8xf32>) -> tensor<4x8xf32>",
    ...unaryOps.map(
      (k) =>
        `  %k${k} = linalg.elementwise kind=#linalg.elementwise_kind<${k}> ins(%a : tensor<4x8xf32>) outs(%o : tensor<4x8xf32>) -> tensor<4x8xf32>`,
    ),
    ...["add", "sub", "mul", "div", "max_signed", "min_signed", "powf"].map(
      (k) =>
        `  %k${k} = linalg.elementwise kind=#linalg.elementwise_kind<${k}> ins(%a, %b : tensor<4x8xf32>, tensor<4x8xf32>) outs(%o : tensor<4x8xf32>) -> tensor<4x8xf32>`,
    ),
    ...["div_unsigned", "max_unsigned", "min_unsigned"].map(
      (k) =>
        `  %ki${k} = linalg.elementwise kind=#linalg.elementwise_kind<${k}> ins(%i, %j : tensor<4x8xi16>, tensor<4x8xi16>) outs(%j : tensor<4x8xi16>) -> tensor<4x8xi16>`,
    ),
    "  %ksel = linalg.elementwise kind=#linalg.elementwise_kind<select> ins(%c, %a, %b : tensor<4x8xi1>, tensor<4x8xf32>, tensor<4x8xf32>) outs(%o : tensor<4x8xf32>) -> tensor<4x8xf32>",
    "  %cp = linalg.copy ins(%i : tensor<4x8xi16>) outs(%o : tensor<4x8xf32>) -> tensor<4x8xf32>",
    "  %cp2 = linalg.copy {cast = #linalg.type_fn<cast_unsigned>} ins(%i : tensor<4x8xi16>) outs(%o : tensor<4x8xf32>) -> tensor<4x8xf32>",
    "  %cp3 = linalg.copy ins(%h : tensor<4x8xf16>) outs(%z : tensor<4x8xcomplex<f32>>) -> tensor<4x8xcomplex<f32>>",
    "  %cp4 = linalg.copy ins(%a : tensor<4x8xf32>) outs(%h : tensor<4x8xf16>) -> tensor<4x8xf16>",
    "  return",
    "}",
  ].join("\n"),
};

const inputs: Input[] = [
  structured,
  mapReduce,
  relayout,
  elementwise,
  namedOpsInput("i8", "i32"),
  namedOpsInput("i32", "i32"),
  namedOpsInput("f16", "f32"),
  namedOpsInput("f32", "f32"),
  namedOpsInput("f32", "f16"),
  namedOpsInput("i16", "f32"),
  namedOpsInput("f32", "i8"),
];

/** Checks known to fail, by input, with the reason; a listed check that passes fails the suite. */
const known: Record<string, KnownException> = {};

const linalgOp = /\blinalg\.(?!iterator_type|type_fn|elementwise_kind|memoized)[a-z_0-9]+/;
const corpus = corpusInputs(linalgOp);
const o = oracle();
if ("skip" in o) console.log(`linalg dialect suite skipped: ${o.skip}`);

describe.skipIf("skip" in o)("linalg dialect: round trip through prr judged by mlir-opt-22", () => {
  const results = new Map<string, Outcome>();
  beforeAll(async () => {
    for (const r of await roundTrip([...inputs, ...corpus], (o as { tool: string }).tool)) results.set(r.name, r);
    console.log(formatOutcomes("linalg", [...results.values()]));
  }, 600_000);

  for (const input of inputs)
    it(`${input.name}: accepted, same generic form, same text`, () => {
      const r = results.get(input.name)!;
      expect(problems(r, known[input.name])).toEqual([]);
      if (r.failures.size === 0) expect(r.textDifference).toBeUndefined();
    });

  it("corpus inputs: no check fails on a linalg op", () => {
    const blamed = corpus.flatMap((input) =>
      [...results.get(input.name)!.failures]
        .filter(([, why]) => linalgOp.test(why) || /exits 70/.test(why))
        .map(([c, why]) => `${input.name} [${c}]: ${why}`),
    );
    expect(blamed).toEqual([]);
  });

  it("rejects bodies MLIR cannot build, as mlir-opt-22 does", async () => {
    const bad = [
      "func.func @f(%a: tensor<4x4xf32>, %k: tensor<2x2xf32>, %o: tensor<3x3xf32>) {",
      "  %0 = linalg.pooling_nwc_max_unsigned ins(%a, %k : tensor<4x4xf32>, tensor<2x2xf32>) outs(%o : tensor<3x3xf32>) -> tensor<3x3xf32>",
      "  return",
      "}",
    ].join("\n");
    const run = await prrOpt(
      "bad.mlir",
      bad
        .replace(/4x4xf32/g, "1x4x4xf32")
        .replace(/3x3xf32/g, "1x3x4xf32")
        .replace(/2x2xf32/g, "2xf32"),
      [],
    );
    expect(run.code).toBe(1);
    expect(run.err).toContain("unsigned max not on uint");
  });
});
