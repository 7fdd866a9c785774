// Arguments for differential testing: deterministic pseudo-random values per argument type, with
// the edge cases a rule is most often wrong on mixed in (-0.0, NaN, ±inf, the integer extremes).
import { ShapedType, type Type } from "../../../ir/types.ts";
import { Random } from "../../../interp/inputs.ts";
import { kindOf, type ElementKind } from "../../../interp/elements.ts";
import { allocate, contiguous, ShapedValue, type RuntimeValue } from "../../../interp/values.ts";

const SPECIAL_FLOATS = [0, -0, 1, -1, 0.5, NaN, Infinity, -Infinity, 1e30, -1e-30];

function scalar(k: ElementKind, r: Random): number | bigint {
  const special = r.next() < 0.2;
  if (k.isFloat) return k.norm(special ? SPECIAL_FLOATS[Math.floor(r.next() * SPECIAL_FLOATS.length)]! : Math.round((r.next() * 8 - 4) * 64) / 64);
  if (k.width === 1) return r.next() < 0.5 ? 0 : 1;
  if (k.name === "index") return Math.floor(r.next() * 8);
  let x: bigint;
  if (special) {
    const w = BigInt(k.width);
    const extremes = [0n, -1n, 1n, -(1n << (w - 1n)), (1n << (w - 1n)) - 1n];
    x = extremes[Math.floor(r.next() * extremes.length)]!;
  } else x = BigInt(Math.floor(r.next() * 33) - 16);
  return k.isBig ? x : k.norm(Number(x));
}

/** Values for a function's argument types, or undefined when one has no static form. */
export function randomArguments(types: readonly Type[], seed: number): RuntimeValue[] | undefined {
  const r = new Random(seed);
  const out: RuntimeValue[] = [];
  for (const t of types) {
    if (t instanceof ShapedType) {
      const k = kindOf(t.elementType);
      if (k === undefined || t.shape === undefined || !t.hasStaticShape()) return undefined;
      const v = allocate(k, t.shape);
      const d = v.data as unknown as { [i: number]: number | bigint };
      for (let i = 0; i < v.size; i++) d[i] = scalar(k, r);
      out.push(v);
      continue;
    }
    const k = kindOf(t);
    if (k === undefined) return undefined;
    out.push(scalar(k, r));
  }
  return out;
}

/** A copy that a run may write into (memref arguments) without touching the original. */
export function copyArguments(args: readonly RuntimeValue[]): RuntimeValue[] {
  return args.map((a) => (a instanceof ShapedValue ? contiguous(a, false) : a));
}

/** Equal as the rule must keep them: floats bit for bit (all NaNs alike, -0.0 is not +0.0), integers exactly. */
export function sameValue(a: RuntimeValue, b: RuntimeValue): boolean {
  if (a instanceof ShapedValue || b instanceof ShapedValue) {
    if (!(a instanceof ShapedValue && b instanceof ShapedValue)) return false;
    if (a.shape.length !== b.shape.length || a.shape.some((d, i) => d !== b.shape[i])) return false;
    const x = contiguous(a, true).data as unknown as ArrayLike<number | bigint>;
    const y = contiguous(b, true).data as unknown as ArrayLike<number | bigint>;
    for (let i = 0; i < a.size; i++) if (!Object.is(x[i], y[i])) return false;
    return true;
  }
  return Object.is(a, b);
}

/** A short text of a value: scalars as they are, tensors by their elements (the first 16). */
export function valueText(v: RuntimeValue): string {
  if (!(v instanceof ShapedValue)) return v === undefined ? "none" : Object.is(v, -0) ? "-0.0" : String(v);
  const d = contiguous(v, true).data as unknown as ArrayLike<number | bigint>;
  const items = Array.from({ length: Math.min(v.size, 16) }, (_, i) => (Object.is(d[i], -0) ? "-0.0" : String(d[i])));
  return `[${items.join(", ")}${v.size > 16 ? ", ..." : ""}] (shape ${v.shape.join("x") || "scalar"})`;
}
