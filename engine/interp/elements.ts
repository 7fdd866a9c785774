// Element kinds of the interpreter: how each MLIR element type is stored (typed arrays) and how a
// scalar of that type is normalised (f32/f16/bf16 rounding, integer wrap-around).
import { FloatType, IndexType, IntegerType, type Type } from "../ir/types.ts";
import { roundToKind } from "../ir/float-semantics.ts";

export type Storage =
  | Float32Array
  | Float64Array
  | Int8Array
  | Uint8Array
  | Int16Array
  | Int32Array
  | BigInt64Array;

export interface ElementKind {
  /** `f32`, `f64`, `f16`, `bf16`, `i1`..`i64`, `index`. */
  readonly name: string;
  readonly isFloat: boolean;
  /** i64 (and wider ints): scalars are bigint, storage BigInt64Array. */
  readonly isBig: boolean;
  /** Bit width (index: 64). */
  readonly width: number;
  alloc(n: number): Storage;
  /** Normalises a number to this kind (rounding or wrap-around); not used for big kinds. */
  norm(x: number): number;
}

const f16Round = (x: number) => roundToKind(x, "f16");
const bf16Round = (x: number) => roundToKind(x, "bf16");

function floatKind(name: string, width: number, norm: (x: number) => number, wide: boolean): ElementKind {
  return {
    name,
    isFloat: true,
    isBig: false,
    width,
    alloc: wide ? (n) => new Float64Array(n) : (n) => new Float32Array(n),
    norm,
  };
}

/** Wraps an integer of `width` bits (≤ 32) to its signed value. */
export function wrapInt(x: number, width: number): number {
  if (width === 32) return x | 0;
  if (width === 1) return x & 1 ? 1 : 0;
  const shift = 32 - width;
  return ((x | 0) << shift) >> shift;
}

function intKind(width: number): ElementKind {
  const name = `i${width}`;
  if (width > 32)
    return { name, isFloat: false, isBig: true, width, alloc: (n) => new BigInt64Array(n), norm: (x) => x };
  const alloc =
    width === 1
      ? (n: number) => new Uint8Array(n)
      : width <= 8
        ? (n: number) => new Int8Array(n)
        : width <= 16
          ? (n: number) => new Int16Array(n)
          : (n: number) => new Int32Array(n);
  const norm = width === 32 ? (x: number) => x | 0 : width === 1 ? (x: number) => (x & 1 ? 1 : 0) : (x: number) => wrapInt(x, width);
  return { name, isFloat: false, isBig: false, width, alloc, norm };
}

export const Kinds = {
  f32: floatKind("f32", 32, Math.fround, false),
  f64: floatKind("f64", 64, (x) => x, true),
  f16: floatKind("f16", 16, f16Round, false),
  bf16: floatKind("bf16", 16, bf16Round, false),
  /** index values are JS numbers (exact to 2^53), stored in Float64Array. */
  index: { name: "index", isFloat: false, isBig: false, width: 64, alloc: (n: number) => new Float64Array(n), norm: Math.trunc } as ElementKind,
} as const;

const intKinds = new Map<number, ElementKind>();

/** The element kind of a scalar type, or undefined when the interpreter has no storage for it. */
export function kindOf(t: Type): ElementKind | undefined {
  if (t instanceof FloatType) {
    switch (t.floatKind) {
      case "f32":
      case "tf32":
        return Kinds.f32;
      case "f64":
        return Kinds.f64;
      case "f16":
        return Kinds.f16;
      case "bf16":
        return Kinds.bf16;
      default:
        return undefined;
    }
  }
  if (t instanceof IndexType) return Kinds.index;
  if (t instanceof IntegerType) {
    if (t.width > 64) return undefined;
    let k = intKinds.get(t.width);
    if (k === undefined) intKinds.set(t.width, (k = intKind(t.width)));
    return k;
  }
  return undefined;
}
