// fma of f32, f16 and bf16 rounds once (engine/interp/fma.ts), against an exact oracle: the sum
// a·b + c of dyadic rationals in BigInt, rounded to the format by hand (nearest, ties to even).
// spec/interp/coverage/fused-fma.mlir checks f32 cases against mlir-runner-22 as well.
import { describe, expect, it } from "vitest";
import { fusedMultiplyAdd } from "../../engine/interp/fma.ts";
import { Kinds } from "../../engine/interp/elements.ts";
import { Random } from "../../engine/interp/inputs.ts";

/** x as m·2^e with m, e integers (x finite). */
function dyadic(x: number): [bigint, number] {
  if (x === 0) return [0n, 0];
  let e = 0;
  while (!Number.isInteger(x)) {
    x *= 2;
    e--;
  }
  return [BigInt(x), e];
}

/** The exact a·b + c, rounded to `bits` significant bits with exponent range [emin, emax] (IEEE, ties to even). */
function exactFma(a: number, b: number, c: number, bits: number, emin: number, emax: number): number {
  const [ma, ea] = dyadic(a);
  const [mb, eb] = dyadic(b);
  const [mc, ec] = dyadic(c);
  const e = Math.min(ea + eb, ec);
  let m = ma * mb * 2n ** BigInt(ea + eb - e) + mc * 2n ** BigInt(ec - e);
  if (m === 0n) return (a * b === 0 ? Object.is(a * b, -0) && Object.is(c, -0) : false) ? -0 : 0;
  const negative = m < 0n;
  if (negative) m = -m;
  // The value is m·2^e; keep `bits` bits, or fewer below the normal range.
  const length = m.toString(2).length;
  const exponent = Math.max(length - 1 + e, emin);
  const drop = exponent - (bits - 1) - e;
  let kept = drop > 0 ? m >> BigInt(drop) : m << BigInt(-drop);
  if (drop > 0) {
    const rest = m - (kept << BigInt(drop));
    const half = 1n << BigInt(drop - 1);
    if (rest > half || (rest === half && (kept & 1n) === 1n)) kept++;
  }
  const value = Number(kept) * 2 ** (e + drop);
  const result = value >= 2 ** (emax + 1) ? Infinity : value;
  return negative ? -result : result;
}

// For products on midpoints: factors scaled by 2^scale, addends of 2^tiny (so small that a double
// cannot hold the sum exactly, which is when rounding the double sum first can go wrong). f16's
// range is too narrow for that (a product below 65504 and an addend above 2^-24 always sum exactly
// in a double), so there the single rounding only has to agree.
/** Two values of the format whose product is exactly m (m's odd significand split into factors), if any. */
function factorPair(m: number, norm: (x: number) => number): [number | undefined, number | undefined] {
  let odd = m;
  let e = 0;
  while (!Number.isInteger(odd)) (odd *= 2), e--;
  while (odd % 2 === 0) (odd /= 2), e++;
  for (let f = 3; f * f <= odd; f += 2) {
    if (odd % f !== 0) continue;
    const x = f * 2 ** Math.floor(e / 2);
    const y = (odd / f) * 2 ** (e - Math.floor(e / 2));
    if (norm(x) === x && norm(y) === y) return [x, y];
  }
  return [undefined, undefined];
}

const formats = [
  { name: "f32", kind: Kinds.f32, bits: 24, emin: -126, emax: 127, scale: 0, tiny: -60, doubleRoundingErrs: true },
  { name: "f16", kind: Kinds.f16, bits: 11, emin: -14, emax: 15, scale: 7, tiny: -24, doubleRoundingErrs: false },
  { name: "bf16", kind: Kinds.bf16, bits: 8, emin: -126, emax: 127, scale: 0, tiny: -60, doubleRoundingErrs: true },
] as const;

describe("fused multiply-add", () => {
  for (const fmt of formats) {
    it(`${fmt.name}: a·b + c rounded once, on products near midpoints and random values`, () => {
      const fma = fusedMultiplyAdd(fmt.kind.norm);
      const random = new Random(7);
      const next = () => random.next();
      const bad: string[] = [];
      let differFromDoubleRounding = 0;
      for (let i = 0; i < 20000; i++) {
        // Products of 1 + k·2^-(bits/2) land on midpoints; a tiny addend decides the rounding.
        const half = Math.ceil(fmt.bits / 2);
        const near = i % 2 === 0;
        const a = fmt.kind.norm(near ? (1 + Math.floor(next() * 2 ** half) * 2 ** -half) * 2 ** fmt.scale : (next() - 0.5) * 2 ** Math.floor(next() * 8));
        const b = fmt.kind.norm(near ? (1 + Math.floor(next() * 2 ** half) * 2 ** -half) * 2 ** fmt.scale : (next() - 0.5) * 4);
        const c = fmt.kind.norm(near ? (next() < 0.5 ? -1 : 1) * 2 ** (fmt.tiny + Math.floor(next() * 3)) : (next() - 0.5) * 3);
        const want = exactFma(a, b, c, fmt.bits, fmt.emin, fmt.emax);
        const got = fma(a, b, c);
        if (!Object.is(got, want) && !(got === 0 && want === 0)) bad.push(`fma(${a}, ${b}, ${c}) = ${got}, exact ${want}`);
        if (fmt.kind.norm(a * b + c) !== want) differFromDoubleRounding++;
      }
      // Products on the overflow midpoint (halfway from the largest finite value to the next power
      // of two), nudged below it by a tiny addend: the exact sum rounds to the largest finite value.
      const max = fmt.kind.norm(2 ** fmt.emax * (2 - 2 ** -(fmt.bits - 1)));
      const midpoint = 2 ** fmt.emax * (2 - 2 ** -fmt.bits);
      for (const sign of [1, -1]) {
        // midpoint = x·y with x, y of the format: split its odd significand into two factors.
        const [x, y] = factorPair(midpoint, fmt.kind.norm);
        if (x === undefined || y === undefined) continue;
        for (const [c, want] of [
          [-sign * 2 ** -100, sign * max],
          [sign * 2 ** -100, sign * Infinity],
        ] as const) {
          const got = fma(sign * x, y, c);
          if (got !== want) bad.push(`fma(${sign * x}, ${y}, ${c}) = ${got}, want ${want}`);
          if (exactFma(sign * x, y, c, fmt.bits, fmt.emin, fmt.emax) !== want) bad.push(`oracle disagrees on fma(${sign * x}, ${y}, ${c})`);
        }
      }
      expect(bad.slice(0, 5)).toEqual([]);
      // The cases exercise what double rounding gets wrong.
      if (fmt.doubleRoundingErrs) expect(differFromDoubleRounding).toBeGreaterThan(100);
    });
  }
});
