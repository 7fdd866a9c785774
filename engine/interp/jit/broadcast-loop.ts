// Generates, once per op, the element loop of a broadcasting elementwise op: a fresh function per
// op keeps its typed-array accesses and its scalar function call monomorphic (so V8 inlines them).
import type { Scalar } from "../ops/elementwise.ts";
import { generatedFunction } from "./generated.ts";

type Elements = { [i: number]: Scalar };

/**
 * Writes f(operands...) to dst[0..n); `strides` null means every operand is contiguous with the
 * output's shape, else strides[j][d] steps operand j along output dimension d (0 to broadcast).
 */
export type BroadcastLoop = (
  dst: Elements,
  arrays: readonly Elements[],
  offs: readonly number[],
  strides: readonly (readonly number[])[] | null,
  shape: readonly number[],
  n: number,
  f: (...xs: Scalar[]) => Scalar,
) => void;

const sources = new Map<number, string>();

function source(arity: number): string {
  const js = Array.from({ length: arity }, (_, j) => j);
  const args = (at: (j: number) => string) => js.map((j) => `a${j}[${at(j)}]`).join(", ");
  return [
    "return function broadcastLoop(dst, arrays, offs, strides, shape, n, f) {",
    ...js.map((j) => `const a${j} = arrays[${j}]; let o${j} = offs[${j}];`),
    `if (strides === null) { for (let i = 0; i < n; i++) dst[i] = f(${args((j) => `o${j} + i`)}); return; }`,
    "const r = shape.length, inner = shape[r - 1], rows = n / inner;",
    ...js.map((j) => `const s${j} = strides[${j}], t${j} = s${j}[r - 1];`),
    "const idx = new Array(r).fill(0);",
    "let q = 0;",
    "for (let row = 0; row < rows; row++) {",
    `  for (let i = 0; i < inner; i++) dst[q++] = f(${args((j) => `o${j} + i * t${j}`)});`,
    "  for (let d = r - 2; d >= 0; d--) {",
    `    idx[d]++; ${js.map((j) => `o${j} += s${j}[d];`).join(" ")}`,
    "    if (idx[d] < shape[d]) break;",
    `    ${js.map((j) => `o${j} -= s${j}[d] * shape[d];`).join(" ")} idx[d] = 0;`,
    "  }",
    "}",
    "};",
  ].join("\n");
}

/** A fresh element loop over `arity` operands (call once per op, at compile time). */
export function broadcastLoop(arity: number): BroadcastLoop {
  let s = sources.get(arity);
  if (s === undefined) sources.set(arity, (s = source(arity)));
  return generatedFunction([], s)() as BroadcastLoop;
}
