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
