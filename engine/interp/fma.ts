// Fused multiply-add rounded once to f32, f16 or bf16, as LLVM's llvm.fma computes it: the product
// of two such values is exact in a double; when the double sum is inexact and falls on a midpoint
// of the narrow type (the overflow threshold included), the exact sum's side decides.
// (f64 fma is a double multiply then add here: one rounding more than LLVM's, a known gap.)
import type { ElementKind } from "./elements.ts";

/** a·b + c rounded once by `norm` (a narrow float's round-to-nearest-even); a, b, c of that type. */
export function fusedMultiplyAdd(norm: (x: number) => number): (a: number, b: number, c: number) => number {
  return (a, b, c) => {
    const p = a * b;
    const s = p + c;
    const r = norm(s);
    if (r === s || !Number.isFinite(s)) return r;
    // p + c = s + e exactly (Knuth's two-sum).
    const z = s - p;
    const e = p - (s - z) + (c - z);
    if (e === 0) return r;
    if (!Number.isFinite(r)) return overflowed(s, e, r, norm);
    // s is a midpoint of the narrow type exactly when the reflection of r through s is representable.
    const other = 2 * s - r;
    if (other === r || norm(other) !== other) return r;
    return e > 0 === other > r ? other : r;
  };
}

/**
 * A sum s that rounds to infinity, with the exact sum s + e: when s is exactly the overflow
 * midpoint (halfway from the largest finite value to the next power of two) and e points back
 * below it, the exact sum rounds to the largest finite value instead.
 */
function overflowed(s: number, e: number, inf: number, norm: (x: number) => number): number {
  if (e > 0 === s > 0) return inf;
  // Just below the midpoint, in range of the largest finite value (2^-40 of s is far less than
  // half its spacing and far more than a double's).
  const max = norm(s - s * 2 ** -40);
  const beyond = Math.abs(2 * s - max);
  return Number.isFinite(max) && beyond === 2 ** Math.round(Math.log2(beyond)) ? max : inf;
}

const fusedF32 = fusedMultiplyAdd(Math.fround);
const multiplyAdd = (a: number, b: number, c: number) => a * b + c;
const fused = new Map<ElementKind, (a: number, b: number, c: number) => number>();

/** The fma of a float kind: fused for f32, f16 and bf16, multiply then add for f64. */
export function fmaOf(k: ElementKind): (a: number, b: number, c: number) => number {
  if (k.name === "f64") return multiplyAdd;
  if (k.name === "f32") return fusedF32;
  let f = fused.get(k);
  if (f === undefined) fused.set(k, (f = fusedMultiplyAdd(k.norm)));
  return f;
}
