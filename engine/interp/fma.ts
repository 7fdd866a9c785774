// Fused multiply-add rounded once to f32, f16 or bf16, as LLVM's llvm.fma computes it: the product
// of two such values is exact in a double, and the double sum is rounded to odd when it is inexact
// and falls on a midpoint of the narrow type, so the final rounding sees the exact sum's side.
// (f64 fma is a double multiply then add here: one rounding more than LLVM's, a known gap.)
import type { ElementKind } from "./elements.ts";

/** a·b + c rounded once by `norm` (a narrow float's round-to-nearest-even); a, b, c of that type. */
export function fusedMultiplyAdd(norm: (x: number) => number): (a: number, b: number, c: number) => number {
  return (a, b, c) => {
    const p = a * b;
    const s = p + c;
    const r = norm(s);
    if (r === s || !Number.isFinite(r)) return r;
    // p + c = s + e exactly (Knuth's two-sum).
    const z = s - p;
    const e = p - (s - z) + (c - z);
    if (e === 0) return r;
    // s is a midpoint of the narrow type exactly when its reflection through s of r is representable.
    const other = 2 * s - r;
    if (other === r || norm(other) !== other) return r;
    return e > 0 === other > r ? other : r;
  };
}

const fusedF32 = fusedMultiplyAdd(Math.fround);
const fused = new Map<ElementKind, (a: number, b: number, c: number) => number>();

/** The fma of a float kind: fused for f32, f16 and bf16, multiply then add for f64. */
export function fmaOf(k: ElementKind): (a: number, b: number, c: number) => number {
  if (k.name === "f64") return (a, b, c) => a * b + c;
  if (k.name === "f32") return fusedF32;
  let f = fused.get(k);
  if (f === undefined) fused.set(k, (f = fusedMultiplyAdd(k.norm)));
  return f;
}
