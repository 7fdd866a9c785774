// Indexing maps of linalg ops as linear forms (coefficient per loop dimension plus a constant):
// read from `indexing_maps`, or built for named ops (matmul, convolutions, pooling, ...).
import type { Operation } from "../../ir/operation.ts";
import { AffineMapAttr, ArrayAttr } from "../../ir/attributes.ts";
import type { AffineExpr, AffineMap } from "../../ir/affine.ts";
import { intList } from "./attr-helpers.ts";
import { trap } from "../trap.ts";

/** One result of an indexing map: Σ coef[d]·iv[d] + c. */
export interface LinearExpr {
  readonly coef: number[];
  readonly c: number;
}
export interface LinearMap {
  readonly dims: number;
  readonly results: LinearExpr[];
}

function linear(e: AffineExpr, dims: number): LinearExpr | undefined {
  switch (e.kind) {
    case "dim": {
      const coef = new Array<number>(dims).fill(0);
      coef[e.position] = 1;
      return { coef, c: 0 };
    }
    case "constant":
      return { coef: new Array<number>(dims).fill(0), c: e.value };
    case "add": {
      const a = linear(e.lhs, dims);
      const b = linear(e.rhs, dims);
      if (!a || !b) return undefined;
      return { coef: a.coef.map((x, i) => x + b.coef[i]!), c: a.c + b.c };
    }
    case "mul": {
      const a = linear(e.lhs, dims);
      const b = linear(e.rhs, dims);
      if (!a || !b) return undefined;
      const aConst = a.coef.every((x) => x === 0);
      const bConst = b.coef.every((x) => x === 0);
      if (bConst) return { coef: a.coef.map((x) => x * b.c), c: a.c * b.c };
      if (aConst) return { coef: b.coef.map((x) => x * a.c), c: a.c * b.c };
      return undefined;
    }
    default:
      return undefined;
  }
}

export function linearMap(m: AffineMap): LinearMap {
  const results = m.results.map((e) => linear(e, m.numDims));
  if (results.some((r) => r === undefined)) trap("PRR6006", `indexing map ${m} is not linear in the loop dimensions`);
  return { dims: m.numDims, results: results as LinearExpr[] };
}

/** A map from loop dims to operand dims given as [dim index | {terms}] lists. */
function build(dims: number, results: (number | [number, number][])[]): LinearMap {
  return {
    dims,
    results: results.map((r) => {
      const coef = new Array<number>(dims).fill(0);
      if (typeof r === "number") coef[r] = 1;
      else for (const [d, k] of r) coef[d]! += k;
      return { coef, c: 0 };
    }),
  };
}

export function mapsAttr(op: Operation): LinearMap[] | undefined {
  const a = op.getAttr("indexing_maps");
  if (!(a instanceof ArrayAttr) || a.elements.length === 0) return undefined;
  return a.elements.map((e) => linearMap((e as AffineMapAttr).map));
}

function window(op: Operation, n: number): { s: number[]; d: number[] } {
  const s = intList(op.getAttr("strides"));
  const d = intList(op.getAttr("dilations"));
  return { s: s.length ? s : new Array<number>(n).fill(1), d: d.length ? d : new Array<number>(n).fill(1) };
}

/** The indexing maps of a named op (inputs then outputs), or undefined when not known. */
export function namedMaps(op: Operation): LinearMap[] | undefined {
  return mapsAttr(op) ?? standardMaps(op);
}

/** Whether two lists of maps are the same linear forms. */
export function sameMaps(a: readonly LinearMap[], b: readonly LinearMap[]): boolean {
  return (
    a.length === b.length &&
    a.every((m, i) => {
      const n = b[i]!;
      return m.dims === n.dims && m.results.length === n.results.length && m.results.every((r, k) => r.c === n.results[k]!.c && r.coef.every((x, d) => x === n.results[k]!.coef[d]));
    })
  );
}

/** The maps a named op has without an `indexing_maps` attribute (its OpDSL definition). */
export function standardMaps(op: Operation): LinearMap[] | undefined {
  switch (op.name) {
    case "linalg.matmul":
      return [build(3, [0, 2]), build(3, [2, 1]), build(3, [0, 1])];
    case "linalg.batch_matmul":
      return [build(4, [0, 1, 3]), build(4, [0, 3, 2]), build(4, [0, 1, 2])];
    case "linalg.batch_reduce_matmul":
      return [build(4, [0, 1, 3]), build(4, [0, 3, 2]), build(4, [1, 2])];
    case "linalg.matvec":
      return [build(2, [0, 1]), build(2, [1]), build(2, [0])];
    case "linalg.vecmat":
      return [build(2, [1]), build(2, [1, 0]), build(2, [0])];
    case "linalg.batch_matvec":
      return [build(3, [0, 1, 2]), build(3, [0, 2]), build(3, [0, 1])];
    case "linalg.dot":
      return [build(1, [0]), build(1, [0]), build(1, [])];
    case "linalg.conv_1d_nwc_wcf": {
      const { s, d } = window(op, 1); // n, ow, f, kw, c
      return [build(5, [0, [[1, s[0]!], [3, d[0]!]], 4]), build(5, [3, 4, 2]), build(5, [0, 1, 2])];
    }
    case "linalg.conv_2d_nhwc_hwcf": {
      const { s, d } = window(op, 2); // n, oh, ow, f, kh, kw, c
      return [build(7, [0, [[1, s[0]!], [4, d[0]!]], [[2, s[1]!], [5, d[1]!]], 6]), build(7, [4, 5, 6, 3]), build(7, [0, 1, 2, 3])];
    }
    case "linalg.conv_2d_nhwc_fhwc": {
      const { s, d } = window(op, 2);
      return [build(7, [0, [[1, s[0]!], [4, d[0]!]], [[2, s[1]!], [5, d[1]!]], 6]), build(7, [3, 4, 5, 6]), build(7, [0, 1, 2, 3])];
    }
    case "linalg.conv_2d_nchw_fchw": {
      const { s, d } = window(op, 2); // n, f, oh, ow, c, kh, kw
      return [build(7, [0, 4, [[2, s[0]!], [5, d[0]!]], [[3, s[1]!], [6, d[1]!]]]), build(7, [1, 4, 5, 6]), build(7, [0, 1, 2, 3])];
    }
    case "linalg.conv_2d_ngchw_fgchw":
    case "linalg.conv_2d_ngchw_gfchw":
    case "linalg.conv_2d_ngchw_gfchw_q": {
      const { s, d } = window(op, 2); // n, g, f, oh, ow, c, kh, kw
      const input = build(8, [0, 1, 5, [[3, s[0]!], [6, d[0]!]], [[4, s[1]!], [7, d[1]!]]]);
      const filter = op.name === "linalg.conv_2d_ngchw_fgchw" ? build(8, [2, 1, 5, 6, 7]) : build(8, [1, 2, 5, 6, 7]);
      return withZeroPoints(op, [input, filter], build(8, [0, 1, 2, 3, 4]));
    }
    case "linalg.conv_2d_nhwgc_gfhwc":
    case "linalg.conv_2d_nhwgc_gfhwc_q": {
      const { s, d } = window(op, 2); // n, oh, ow, g, f, kh, kw, c
      const input = build(8, [0, [[1, s[0]!], [5, d[0]!]], [[2, s[1]!], [6, d[1]!]], 3, 7]);
      return withZeroPoints(op, [input, build(8, [3, 4, 5, 6, 7])], build(8, [0, 1, 2, 3, 4]));
    }
    case "linalg.quantized_matmul":
      return [build(3, [0, 2]), build(3, [2, 1]), build(3, []), build(3, []), build(3, [0, 1])];
    case "linalg.quantized_batch_matmul":
      return [build(4, [0, 1, 3]), build(4, [0, 3, 2]), build(4, []), build(4, []), build(4, [0, 1, 2])];
    case "linalg.conv_2d":
      return [build(4, [[[0, 1], [2, 1]], [[1, 1], [3, 1]]]), build(4, [2, 3]), build(4, [0, 1])];
    case "linalg.depthwise_conv_2d_nhwc_hwc": {
      const { s, d } = window(op, 2); // n, oh, ow, c, kh, kw
      return [build(6, [0, [[1, s[0]!], [4, d[0]!]], [[2, s[1]!], [5, d[1]!]], 3]), build(6, [4, 5, 3]), build(6, [0, 1, 2, 3])];
    }
    case "linalg.pooling_nhwc_max":
    case "linalg.pooling_nhwc_min":
    case "linalg.pooling_nhwc_sum":
    case "linalg.pooling_nhwc_max_unsigned":
    case "linalg.pooling_nhwc_min_unsigned": {
      const { s, d } = window(op, 2); // n, oh, ow, c, kh, kw
      return [build(6, [0, [[1, s[0]!], [4, d[0]!]], [[2, s[1]!], [5, d[1]!]], 3]), build(6, [4, 5]), build(6, [0, 1, 2, 3])];
    }
    case "linalg.pooling_nchw_max":
    case "linalg.pooling_nchw_sum": {
      const { s, d } = window(op, 2); // n, c, oh, ow, kh, kw
      return [build(6, [0, 1, [[2, s[0]!], [4, d[0]!]], [[3, s[1]!], [5, d[1]!]]]), build(6, [4, 5]), build(6, [0, 1, 2, 3])];
    }
  }
  return undefined;
}

/** Input and filter maps, the scalar zero points' maps of the `_q` variants, the output map. */
function withZeroPoints(op: Operation, inputs: LinearMap[], output: LinearMap): LinearMap[] {
  const scalar = build(output.dims, []);
  return op.name.endsWith("_q") ? [...inputs, scalar, scalar, output] : [...inputs, output];
}

/** Identity maps of rank `r` for `n` operands (elementwise ops). */
export function identityMaps(r: number, n: number): LinearMap[] {
  const ids = Array.from({ length: r }, (_, i) => i);
  return Array.from({ length: n }, () => build(r, ids));
}

/** linalg.reduce: inputs use every dim, inits drop the reduced `dimensions`. */
export function reduceMaps(rank: number, inputs: number, inits: number, dims: readonly number[]): LinearMap[] {
  const all = Array.from({ length: rank }, (_, i) => i);
  const kept = all.filter((d) => !dims.includes(d));
  return [...Array.from({ length: inputs }, () => build(rank, all)), ...Array.from({ length: inits }, () => build(rank, kept))];
}

export { build as buildMap };
