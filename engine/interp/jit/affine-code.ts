// JavaScript expressions for affine expressions and maps over named dims and symbols, with the
// same floor/ceil/mod arithmetic as the closures of ops/access.ts.
import type { AffineExpr, AffineMap } from "../../ir/affine.ts";

/** Names the generated code must bind: `affineMod`, `Math` is global. */
export const affinePrelude = "const affineMod = (a, b) => { const r = a % b; return r < 0 ? r + Math.abs(b) : r; };";

export function affineExpr(e: AffineExpr, dims: readonly string[], syms: readonly string[]): string {
  switch (e.kind) {
    case "dim":
      return dims[e.position]!;
    case "symbol":
      return syms[e.position]!;
    case "constant":
      return e.value < 0 ? `(${e.value})` : `${e.value}`;
    default: {
      const l = affineExpr(e.lhs, dims, syms);
      const r = affineExpr(e.rhs, dims, syms);
      switch (e.kind) {
        case "add":
          return `(${l} + ${r})`;
        case "mul":
          return `(${l} * ${r})`;
        case "mod":
          return `affineMod(${l}, ${r})`;
        case "floordiv":
          return `Math.floor(${l} / ${r})`;
        case "ceildiv":
          return `Math.ceil(${l} / ${r})`;
      }
    }
  }
  return "0";
}

/** Each result of `map`; `operands` names its dims then its symbols. */
export function affineMapExprs(map: AffineMap, operands: readonly string[]): string[] {
  const dims = operands.slice(0, map.numDims);
  const syms = operands.slice(map.numDims);
  return map.results.map((e) => affineExpr(e, dims, syms));
}

/** The max (lower bounds) or min (upper bounds) of a map's results. */
export function affineBound(map: AffineMap, operands: readonly string[], isMax: boolean): string {
  const xs = affineMapExprs(map, operands);
  if (xs.length === 1) return xs[0]!;
  return `Math.${isMax ? "max" : "min"}(${xs.join(", ")})`;
}

/** Bounds of an integer value as JS expressions over values known when a nest starts. */
export interface Range {
  readonly lo: string;
  readonly hi: string;
}

function isLiteral(r: Range): number | undefined {
  return r.lo === r.hi && /^\(?-?\d+\)?$/.test(r.lo) ? Number(r.lo.replace(/[()]/g, "")) : undefined;
}

/** The range of `x * c` for a constant c. */
export function scaleRange(x: Range, c: number): Range {
  return c >= 0 ? { lo: `(${x.lo} * ${c})`, hi: `(${x.hi} * ${c})` } : { lo: `(${x.hi} * (${c}))`, hi: `(${x.lo} * (${c}))` };
}

export function addRanges(a: Range, b: Range): Range {
  return { lo: `(${a.lo} + ${b.lo})`, hi: `(${a.hi} + ${b.hi})` };
}

/** The range of a product (interval multiplication; simpler when one side is a literal). */
export function mulRanges(a: Range, b: Range): Range {
  const ca = isLiteral(a);
  const cb = isLiteral(b);
  if (cb !== undefined) return scaleRange(a, cb);
  if (ca !== undefined) return scaleRange(b, ca);
  const products = [`${a.lo} * ${b.lo}`, `${a.lo} * ${b.hi}`, `${a.hi} * ${b.lo}`, `${a.hi} * ${b.hi}`].join(", ");
  return { lo: `Math.min(${products})`, hi: `Math.max(${products})` };
}

/** The range of an affine expression from its dims' and symbols' ranges (undefined when unknown). */
export function affineRange(e: AffineExpr, dims: readonly (Range | undefined)[], syms: readonly (Range | undefined)[]): Range | undefined {
  switch (e.kind) {
    case "dim":
      return dims[e.position];
    case "symbol":
      return syms[e.position];
    case "constant": {
      const v = e.value < 0 ? `(${e.value})` : `${e.value}`;
      return { lo: v, hi: v };
    }
    default: {
      const l = affineRange(e.lhs, dims, syms);
      const r = affineRange(e.rhs, dims, syms);
      const c = e.rhs.kind === "constant" ? e.rhs.value : undefined;
      if (e.kind === "mod" && c !== undefined && c > 0) return { lo: "0", hi: `${c - 1}` };
      if (l === undefined || r === undefined) return undefined;
      switch (e.kind) {
        case "add":
          return addRanges(l, r);
        case "mul":
          return mulRanges(l, r);
        case "floordiv":
          return c !== undefined && c > 0 ? { lo: `Math.floor(${l.lo} / ${c})`, hi: `Math.floor(${l.hi} / ${c})` } : undefined;
        case "ceildiv":
          return c !== undefined && c > 0 ? { lo: `Math.ceil(${l.lo} / ${c})`, hi: `Math.ceil(${l.hi} / ${c})` } : undefined;
      }
      return undefined;
    }
  }
}
