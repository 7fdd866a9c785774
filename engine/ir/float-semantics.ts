// Floating-point kinds as LLVM 22's APFloat models them: semantics table, bit encodings,
// and rounding (from JS numbers, and exactly from rationals for the printer's round-trip check).

export type FloatKind =
  | "f16"
  | "bf16"
  | "f32"
  | "f64"
  | "f80"
  | "f128"
  | "tf32"
  | "f4E2M1FN"
  | "f6E2M3FN"
  | "f6E3M2FN"
  | "f8E5M2"
  | "f8E4M3"
  | "f8E4M3FN"
  | "f8E5M2FNUZ"
  | "f8E4M3FNUZ"
  | "f8E4M3B11FNUZ"
  | "f8E3M4"
  | "f8E8M0FNU";

/** How a format spells Inf and NaN (APFloat's fltNonfiniteBehavior). */
export const NonFinite = { ieee: 0, nanOnly: 1, finiteOnly: 2 } as const;
export type NonFinite = (typeof NonFinite)[keyof typeof NonFinite];

/** Where NaN lives (APFloat's fltNanEncoding). */
export const NanEncoding = { ieee: 0, allOnes: 1, negativeZero: 2 } as const;
export type NanEncoding = (typeof NanEncoding)[keyof typeof NanEncoding];

/** Value classes, as APFloat's fltCategory. */
export const FloatClass = { zero: 0, finite: 1, inf: 2, nan: 3 } as const;
export type FloatClass = (typeof FloatClass)[keyof typeof FloatClass];

export interface FloatSemantics {
  readonly kind: FloatKind;
  /** Storage bits. */
  readonly width: number;
  /** Significand bits including the integer bit. */
  readonly precision: number;
  /** Largest e with 2^e representable; smallest normal exponent. */
  readonly maxExponent: number;
  readonly minExponent: number;
  readonly nonFinite: NonFinite;
  readonly nanEncoding: NanEncoding;
  readonly hasZero: boolean;
  readonly hasSign: boolean;
  /** Stored fraction bits (f80 stores its integer bit too: 64). */
  readonly fractionBits: number;
  readonly exponentBits: number;
  readonly bias: number;
  /** Largest finite magnitude, as a double (Infinity-free for every kind but none overflow). */
  readonly maxFinite: number;
  /** APFloat::toString's default FormatPrecision: 2 + floor(precision * 59 / 196). */
  readonly defaultDigits: number;
}

function semantics(
  kind: FloatKind,
  maxExponent: number,
  minExponent: number,
  precision: number,
  width: number,
  nonFinite: NonFinite = NonFinite.ieee,
  nanEncoding: NanEncoding = NanEncoding.ieee,
  hasZero = true,
  hasSign = true,
): FloatSemantics {
  const explicitInt = kind === "f80";
  const fractionBits = explicitInt ? precision : precision - 1;
  const exponentBits = width - fractionBits - (hasSign ? 1 : 0);
  const bias = hasZero ? 1 - minExponent : -minExponent;
  // The largest finite significand is all ones, except where all ones at the top exponent is NaN.
  let top = 2 - 2 ** (1 - precision);
  if (nonFinite === NonFinite.nanOnly && nanEncoding === NanEncoding.allOnes && precision > 1) top -= 2 ** (1 - precision);
  const maxFinite = maxExponent > 1023 ? Number.MAX_VALUE : top * 2 ** maxExponent;
  const defaultDigits = 2 + Math.floor((precision * 59) / 196);
  return {
    kind,
    width,
    precision,
    maxExponent,
    minExponent,
    nonFinite,
    nanEncoding,
    hasZero,
    hasSign,
    fractionBits,
    exponentBits,
    bias,
    maxFinite,
    defaultDigits,
  };
}

const { nanOnly, finiteOnly } = NonFinite;
const { allOnes, negativeZero } = NanEncoding;

const table: Record<FloatKind, FloatSemantics> = {
  f16: semantics("f16", 15, -14, 11, 16),
  bf16: semantics("bf16", 127, -126, 8, 16),
  f32: semantics("f32", 127, -126, 24, 32),
  f64: semantics("f64", 1023, -1022, 53, 64),
  f80: semantics("f80", 16383, -16382, 64, 80),
  f128: semantics("f128", 16383, -16382, 113, 128),
  tf32: semantics("tf32", 127, -126, 11, 19),
  f4E2M1FN: semantics("f4E2M1FN", 2, 0, 2, 4, finiteOnly),
  f6E2M3FN: semantics("f6E2M3FN", 2, 0, 4, 6, finiteOnly),
  f6E3M2FN: semantics("f6E3M2FN", 4, -2, 3, 6, finiteOnly),
  f8E5M2: semantics("f8E5M2", 15, -14, 3, 8),
  f8E4M3: semantics("f8E4M3", 7, -6, 4, 8),
  f8E4M3FN: semantics("f8E4M3FN", 8, -6, 4, 8, nanOnly, allOnes),
  f8E5M2FNUZ: semantics("f8E5M2FNUZ", 15, -15, 3, 8, nanOnly, negativeZero),
  f8E4M3FNUZ: semantics("f8E4M3FNUZ", 7, -7, 4, 8, nanOnly, negativeZero),
  f8E4M3B11FNUZ: semantics("f8E4M3B11FNUZ", 4, -10, 4, 8, nanOnly, negativeZero),
  f8E3M4: semantics("f8E3M4", 3, -2, 5, 8),
  f8E8M0FNU: semantics("f8E8M0FNU", 127, -127, 1, 8, nanOnly, allOnes, false, false),
};

export const floatKinds: readonly FloatKind[] = Object.keys(table) as FloatKind[];

export function floatSemantics(kind: FloatKind): FloatSemantics {
  return table[kind];
}

/** Storage bits of `kind`. */
export function floatWidth(kind: FloatKind): number {
  return table[kind].width;
}

// ---------------------------------------------------------------------------------------------
// Doubles: raw access without allocation.

const f64Box = new Float64Array(1);
const u32Box = new Uint32Array(f64Box.buffer);
const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const LO = littleEndian ? 0 : 1;
const HI = littleEndian ? 1 : 0;

/** 2^k for k in [-1100, 1100] (0 and Infinity past the double range). */
const pow2Table = new Float64Array(2201);
for (let k = -1100; k <= 1100; k++) pow2Table[k + 1100] = 2 ** k;
function pow2(k: number): number {
  return pow2Table[k + 1100]!;
}

/** High and low 32-bit words of a double (into the shared box). */
export function doubleWords(x: number): void {
  f64Box[0] = x;
}
export function doubleHi(): number {
  return u32Box[HI]!;
}
export function doubleLo(): number {
  return u32Box[LO]!;
}
function wordsToDouble(hi: number, lo: number): number {
  u32Box[HI] = hi;
  u32Box[LO] = lo;
  return f64Box[0]!;
}

// ---------------------------------------------------------------------------------------------
// Rounding a double into a kind (APFloat::convert with rmNearestTiesToEven).

/** Set by roundMagnitude: the scaled value sat exactly halfway between two kind values. */
let lastRoundWasTie = false;
export function roundingHitTie(): boolean {
  return lastRoundWasTie;
}

/** Round a finite positive double to `s`'s significand and exponent range (no overflow handling). */
function roundMagnitude(a: number, s: FloatSemantics): number {
  lastRoundWasTie = false;
  if (a < 1e-60) return 0; // far below half the smallest subnormal of every narrow kind
  if (a > 1e60) return Infinity;
  f64Box[0] = a;
  const e = ((u32Box[HI]! >>> 20) & 0x7ff) - 1023;
  const ulpExp = (e < s.minExponent ? s.minExponent : e) - (s.precision - 1);
  const r = a * pow2(-ulpExp);
  let n = Math.floor(r);
  const frac = r - n;
  if (frac === 0.5) lastRoundWasTie = true;
  if (frac > 0.5 || (frac === 0.5 && n % 2 === 1)) n += 1;
  return n * pow2(ulpExp);
}

/** Apply `s`'s overflow and zero rules to a rounded magnitude, then the sign. */
function finishRounded(v: number, negative: boolean, s: FloatSemantics): number {
  if (v > s.maxFinite) {
    if (s.nonFinite === NonFinite.ieee) return negative ? -Infinity : Infinity;
    if (s.nonFinite === NonFinite.nanOnly) return NaN;
    v = s.maxFinite;
  }
  if (v === 0) {
    if (!s.hasZero) return pow2(s.minExponent);
    if (s.nanEncoding === NanEncoding.negativeZero) return 0;
  }
  return negative ? -v : v;
}

/**
 * Round a JS number to the nearest value representable in `kind` (IEEE round-to-nearest-even,
 * with APFloat's rules: FN/FNUZ overflow to NaN, finite-only formats saturate, FNUZ has no -0,
 * f8E8M0FNU flushes to 2^-127 and keeps a sign APFloat carries but cannot encode).
 * f80/f128 hold every double exactly: the number is returned unchanged. ±Inf and NaN into a
 * finite-only kind stay ±Inf/NaN (APFloat keeps the category; floatToBits then writes what a
 * release LLVM writes, which for ±Inf are the bits of ±0).
 */
export function roundToKind(x: number, kind: FloatKind): number {
  const s = table[kind];
  if (s.precision >= 53 || x !== x) return x;
  if (kind === "f32") return Math.fround(x);
  if (x === Infinity || x === -Infinity) return s.nonFinite === NonFinite.nanOnly ? NaN : x;
  if (x === 0) return finishRounded(0, x === 0 && 1 / x < 0, s);
  const negative = x < 0;
  return finishRounded(roundMagnitude(negative ? -x : x, s), negative, s);
}

/** roundToKind, also reporting (via roundingHitTie) whether the input was a rounding midpoint. */
export function roundToKindNoteTie(x: number, kind: FloatKind): number {
  const s = table[kind];
  lastRoundWasTie = false;
  if (s.precision >= 53 || x !== x || x === 0 || x === Infinity || x === -Infinity) return roundToKind(x, kind);
  const negative = x < 0;
  return finishRounded(roundMagnitude(negative ? -x : x, s), negative, s);
}

// ---------------------------------------------------------------------------------------------
// Bit patterns of narrow kinds (≤ 32 bits) as plain numbers.

/** A NaN pattern of `s` (width ≤ 32) from a double NaN's high and low words. */
function encodeNarrowNaN(hi: number, lo: number, s: FloatSemantics): number {
  const fb = s.fractionBits;
  const signBit = 2 ** (s.width - 1);
  const negative = hi >>> 31 === 1;
  if (s.nanEncoding === NanEncoding.negativeZero) return signBit;
  if (s.nanEncoding === NanEncoding.allOnes) {
    if (!s.hasSign) return 2 ** s.width - 1;
    return (negative ? signBit : 0) + signBit - 1;
  }
  // IEEE NaN: keep the top `fb` payload bits of the double (where bitsToFloat put them),
  // setting the quiet bit only when nothing would be left to make it a NaN.
  const frac52hi = hi & 0xfffff;
  let frac = fb <= 20 ? frac52hi >>> (20 - fb) : frac52hi * 2 ** (fb - 20) + Math.floor(lo / 2 ** (52 - fb));
  if (frac === 0 && s.nonFinite === NonFinite.ieee) frac = 2 ** (fb - 1);
  return (negative ? signBit : 0) + Number(overflowField(s)) * 2 ** fb + frac;
}

/** Encode a non-NaN value already representable in `s` (width ≤ 32). */
function encodeNarrow(v: number, s: FloatSemantics): number {
  const fb = s.fractionBits;
  const signBit = 2 ** (s.width - 1);
  const negative = v < 0 || (v === 0 && 1 / v < 0);
  const a = negative ? -v : v;
  let field: number;
  if (a === Infinity) field = Number(overflowField(s)) * 2 ** fb;
  else if (a === 0) field = 0;
  else {
    f64Box[0] = a;
    const e = ((u32Box[HI]! >>> 20) & 0x7ff) - 1023;
    if (!s.hasZero) field = e + s.bias;
    else if (e < s.minExponent) field = a * pow2(fb - s.minExponent);
    else field = (e + s.bias) * 2 ** fb + (a * pow2(-e) - 1) * 2 ** fb;
  }
  if (!negative) return field;
  // APFloat ORs the sign in at the top bit even for f8E8M0FNU, which has no sign.
  if (!s.hasSign) return field | signBit;
  return signBit + field;
}

/** Decode a narrow bit pattern; NaNs carry their payload in the double's top fraction bits. */
function decodeNarrow(bits: number, s: FloatSemantics): number {
  const fb = s.fractionBits;
  const expMask = 2 ** s.exponentBits - 1;
  if (!s.hasSign) {
    const e = bits % 2 ** s.exponentBits;
    return e === expMask ? NaN : pow2(e - s.bias);
  }
  const signBit = 2 ** (s.width - 1);
  const negative = bits >= signBit;
  const mag = negative ? bits - signBit : bits;
  const frac = mag % 2 ** fb;
  const e = Math.floor(mag / 2 ** fb);
  if (e === expMask) {
    if (s.nonFinite === NonFinite.ieee) {
      if (frac === 0) return negative ? -Infinity : Infinity;
      const shifted = frac * 2 ** (52 - fb); // payload at the top of the double's fraction
      const hiFrac = Math.floor(shifted / 4294967296);
      return wordsToDouble((negative ? 0x80000000 : 0) | 0x7ff00000 | hiFrac, shifted % 4294967296);
    }
    if (s.nanEncoding === NanEncoding.allOnes && frac === 2 ** fb - 1) {
      return wordsToDouble(negative ? 0xfff80000 : 0x7ff80000, 0);
    }
  }
  if (mag === 0) {
    if (negative && s.nanEncoding === NanEncoding.negativeZero) return NaN;
    return negative ? -0 : 0;
  }
  const v = e === 0 ? frac * pow2(s.minExponent - fb) : (frac + 2 ** fb) * pow2(e - s.bias - fb);
  return negative ? -v : v;
}

// ---------------------------------------------------------------------------------------------
// Exact values: sign × mant × 2^exp with bigint significands (all kinds, including f80/f128).

export interface ExactFloat {
  negative: boolean;
  cls: FloatClass;
  /** Finite: the significand (value = mant × 2^exp). NaN: APFloat's stored significand (payload). */
  mant: bigint;
  exp: number;
}

export function bitLength(n: bigint): number {
  if (n === 0n) return 0;
  const hex = n.toString(16);
  return (hex.length - 1) * 4 + (32 - Math.clz32(parseInt(hex[0]!, 16)));
}

const fractionMask = (s: FloatSemantics): bigint => (1n << BigInt(s.fractionBits)) - 1n;

/** Decode bits as APFloat's initFromAPInt does (f80 unnormals are NaN, pseudo-denormals normal). */
export function decodeBits(bits: bigint, kind: FloatKind): ExactFloat {
  const s = table[kind];
  const fb = BigInt(s.fractionBits);
  const expMask = (1n << BigInt(s.exponentBits)) - 1n;
  if (!s.hasSign) {
    const e = bits & expMask;
    if (e === expMask) return { negative: false, cls: FloatClass.nan, mant: 1n, exp: 0 };
    return { negative: false, cls: FloatClass.finite, mant: 1n, exp: Number(e) - s.bias };
  }
  const negative = ((bits >> BigInt(s.width - 1)) & 1n) === 1n;
  const frac = bits & fractionMask(s);
  const e = (bits >> fb) & expMask;
  if (kind === "f80") {
    const intBit = frac >> 63n;
    if (e === 0n && frac === 0n) return { negative, cls: FloatClass.zero, mant: 0n, exp: 0 };
    if (e === expMask && frac === 1n << 63n) return { negative, cls: FloatClass.inf, mant: 0n, exp: 0 };
    if (e === expMask || (e !== 0n && intBit === 0n)) return { negative, cls: FloatClass.nan, mant: frac, exp: 0 };
    const exp = (e === 0n ? s.minExponent : Number(e) - s.bias) - 63;
    return { negative, cls: FloatClass.finite, mant: frac, exp };
  }
  if (s.nonFinite === NonFinite.ieee && e === expMask) {
    if (frac === 0n) return { negative, cls: FloatClass.inf, mant: 0n, exp: 0 };
    return { negative, cls: FloatClass.nan, mant: frac, exp: 0 };
  }
  if (s.nanEncoding === NanEncoding.allOnes && e === expMask && frac === fractionMask(s)) {
    return { negative, cls: FloatClass.nan, mant: frac, exp: 0 };
  }
  if (e === 0n && frac === 0n) {
    if (negative && s.nanEncoding === NanEncoding.negativeZero) return { negative, cls: FloatClass.nan, mant: 0n, exp: 0 };
    return { negative, cls: FloatClass.zero, mant: 0n, exp: 0 };
  }
  if (e === 0n) return { negative, cls: FloatClass.finite, mant: frac, exp: s.minExponent - s.fractionBits };
  return { negative, cls: FloatClass.finite, mant: frac | (1n << fb), exp: Number(e) - s.bias - s.fractionBits };
}

/** Encode a value representable in `kind` as APFloat's bitcastToAPInt does. */
export function encodeExact(v: ExactFloat, kind: FloatKind): bigint {
  const s = table[kind];
  const fb = BigInt(s.fractionBits);
  const expMask = (1n << BigInt(s.exponentBits)) - 1n;
  const sign = v.negative ? 1n << BigInt(s.width - 1) : 0n;
  switch (v.cls) {
    case FloatClass.nan:
      if (!s.hasSign) return expMask;
      if (s.nanEncoding === NanEncoding.negativeZero) return 1n << BigInt(s.width - 1);
      if (s.nanEncoding === NanEncoding.allOnes) return sign | (expMask << fb) | fractionMask(s);
      return sign | (overflowField(s) << fb) | (v.mant & fractionMask(s));
    case FloatClass.inf:
      if (s.nonFinite === NonFinite.nanOnly) return encodeExact({ ...v, cls: FloatClass.nan }, kind);
      return sign | (overflowField(s) << fb) | (kind === "f80" ? 1n << 63n : 0n);
    case FloatClass.zero:
      if (!s.hasZero) throw new RangeError(`${kind} has no encoding for zero`);
      return s.nanEncoding === NanEncoding.negativeZero ? 0n : sign;
  }
  const top = v.exp + bitLength(v.mant) - 1;
  if (!s.hasSign) return BigInt(top + s.bias) | sign;
  if (top < s.minExponent) return sign | shift(v.mant, v.exp - (s.minExponent - (s.precision - 1)));
  const intBit = kind === "f80" ? 0n : 1n << fb;
  const frac = shift(v.mant, v.exp - (top - (s.precision - 1))) - intBit;
  return sign | (BigInt(top + s.bias) << fb) | frac;
}

/**
 * The exponent field APFloat writes for Inf and IEEE NaN: maxExponent + 1 + bias, masked. In
 * the finite-only kinds this wraps to 0 (LLVM asserts there; release builds print ±0's bits).
 */
function overflowField(s: FloatSemantics): bigint {
  return BigInt(s.maxExponent + 1 + s.bias) & ((1n << BigInt(s.exponentBits)) - 1n);
}

function shift(n: bigint, by: number): bigint {
  return by >= 0 ? n << BigInt(by) : n >> BigInt(-by);
}

/** A double as an exact value (NaN payloads map to f64's fraction field). */
export function doubleToExact(x: number): ExactFloat {
  f64Box[0] = x;
  const hi = u32Box[HI]!;
  const lo = u32Box[LO]!;
  const negative = hi >>> 31 === 1;
  const be = (hi >>> 20) & 0x7ff;
  const frac = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (be === 0x7ff) return { negative, cls: frac === 0n ? FloatClass.inf : FloatClass.nan, mant: frac, exp: 0 };
  if (be === 0) return { negative, cls: frac === 0n ? FloatClass.zero : FloatClass.finite, mant: frac, exp: -1074 };
  return { negative, cls: FloatClass.finite, mant: frac | (1n << 52n), exp: be - 1075 };
}

/** Carry a double NaN's payload into `kind`'s stored significand as APFloat::convert does. */
function nanPayloadFromDouble(frac52: bigint, kind: FloatKind): bigint {
  const s = table[kind];
  const signalling = (frac52 & (1n << 51n)) === 0n;
  const width = kind === "f80" ? 63 : s.fractionBits;
  let p = width >= 52 ? frac52 << BigInt(width - 52) : frac52 >> BigInt(52 - width);
  if (signalling && s.nonFinite === NonFinite.ieee) p |= 1n << BigInt(width - 1);
  return kind === "f80" ? p | (1n << 63n) : p;
}

/**
 * The bit pattern of `x` (rounded into `kind` first). NaN sign and payload come from the
 * double's bits, so they survive only as far as the JS engine keeps NaN bits.
 */
export function floatToBits(x: number, kind: FloatKind): bigint {
  const s = table[kind];
  if (kind === "f64") {
    f64Box[0] = x;
    return (BigInt(u32Box[HI]!) << 32n) | BigInt(u32Box[LO]!);
  }
  const v = roundToKind(x, kind);
  if (s.width <= 32) {
    if (v === v) return BigInt(encodeNarrow(v, s));
    // A NaN made by overflow takes the overflowing value's sign; a NaN input keeps its own bits.
    if (x === x) return BigInt(encodeNarrowNaN(x < 0 ? 0xfff80000 : 0x7ff80000, 0, s));
    f64Box[0] = x;
    return BigInt(encodeNarrowNaN(u32Box[HI]!, u32Box[LO]!, s));
  }
  const e = doubleToExact(x);
  if (e.cls === FloatClass.nan) e.mant = nanPayloadFromDouble(e.mant, kind);
  return encodeExact(e, kind);
}

/** The value of a bit pattern; f80/f128 round to the nearest double (NaN payloads: top bits only). */
export function bitsToFloat(bits: bigint, kind: FloatKind): number {
  const s = table[kind];
  if (kind === "f64") {
    return wordsToDouble(Number((bits >> 32n) & 0xffffffffn), Number(bits & 0xffffffffn));
  }
  if (s.width <= 32) return decodeNarrow(Number(bits & ((1n << BigInt(s.width)) - 1n)), s);
  return exactToDouble(decodeBits(bits, kind), kind);
}

/** Nearest double to an exact value (ties to even). */
export function exactToDouble(v: ExactFloat, kind: FloatKind): number {
  const sign = v.negative ? -1 : 1;
  switch (v.cls) {
    case FloatClass.zero:
      return sign * 0;
    case FloatClass.inf:
      return sign * Infinity;
    case FloatClass.nan: {
      const width = kind === "f80" ? 63 : table[kind].fractionBits;
      const frac = (v.mant & ((1n << BigInt(width)) - 1n)) >> BigInt(width - 52);
      return wordsToDouble((v.negative ? 0x80000000 : 0) | 0x7ff00000 | Number(frac >> 32n), Number(frac & 0xffffffffn));
    }
  }
  const r = roundRational(v.negative, v.mant, 1n, v.exp, table.f64);
  return exactToNumber(r);
}

/** A finite or special exact value within double range, as a number. */
function exactToNumber(v: ExactFloat): number {
  const sign = v.negative ? -1 : 1;
  if (v.cls === FloatClass.zero) return sign * 0;
  if (v.cls === FloatClass.inf) return sign * Infinity;
  if (v.cls === FloatClass.nan) return NaN;
  // mant < 2^113 at most; split the scaling so that no intermediate overflows or underflows.
  const m = Number(v.mant);
  const half = Math.trunc(v.exp / 2);
  return sign * m * pow2(half) * pow2(v.exp - half);
}

// ---------------------------------------------------------------------------------------------
// Exact rounding of a rational (num / den) × 2^exp2 into a kind: APFloat's decimal conversion.

/** Round ±(num / den) × 2^exp2 (num, den > 0) to `s`, with APFloat's overflow, zero and NaN rules. */
export function roundRational(negative: boolean, num: bigint, den: bigint, exp2: number, s: FloatSemantics): ExactFloat {
  // k = floor(log2(num / den)).
  let k = bitLength(num) - bitLength(den);
  if (k >= 0 ? num < den << BigInt(k) : num << BigInt(-k) < den) k -= 1;
  const top = k + exp2;
  const ulpExp = (top < s.minExponent ? s.minExponent : top) - (s.precision - 1);
  const sh = ulpExp - exp2; // scaled = num / den / 2^sh
  const n0 = sh >= 0 ? num : num << BigInt(-sh);
  const d0 = sh >= 0 ? den << BigInt(sh) : den;
  let q = n0 / d0;
  const twice = (n0 - q * d0) * 2n;
  if (twice > d0 || (twice === d0 && (q & 1n) === 1n)) q += 1n;
  return finishExact(negative, q, ulpExp, s);
}

function finishExact(negative: boolean, q: bigint, ulpExp: number, s: FloatSemantics): ExactFloat {
  if (q === 0n) {
    if (!s.hasZero) return { negative: false, cls: FloatClass.finite, mant: 1n, exp: s.minExponent };
    const neg = negative && s.nanEncoding !== NanEncoding.negativeZero;
    return { negative: neg, cls: FloatClass.zero, mant: 0n, exp: 0 };
  }
  const top = ulpExp + bitLength(q) - 1;
  const overflow =
    top > s.maxExponent ||
    (top === s.maxExponent &&
      s.nonFinite === NonFinite.nanOnly &&
      s.nanEncoding === NanEncoding.allOnes &&
      s.precision > 1 &&
      q === (1n << BigInt(s.precision)) - 1n);
  if (overflow) {
    if (s.nonFinite === NonFinite.ieee) return { negative, cls: FloatClass.inf, mant: 0n, exp: 0 };
    if (s.nonFinite === NonFinite.nanOnly) return { negative, cls: FloatClass.nan, mant: 0n, exp: 0 };
    const mant = (1n << BigInt(s.precision)) - 1n;
    return { negative, cls: FloatClass.finite, mant, exp: s.maxExponent - (s.precision - 1) };
  }
  return { negative, cls: FloatClass.finite, mant: q, exp: ulpExp };
}

/** APFloat(kind, "±D × 10^exp10"): correctly rounded decimal → kind (the printer's round-trip check). */
export function roundDecimal(negative: boolean, digits: bigint, exp10: number, kind: FloatKind): ExactFloat {
  const s = table[kind];
  if (digits === 0n) return finishExact(negative, 0n, 0, s);
  if (exp10 >= 0) return roundRational(negative, digits * 5n ** BigInt(exp10), 1n, exp10, s);
  return roundRational(negative, digits, 5n ** BigInt(-exp10), exp10, s);
}

/** APFloat::bitwiseIsEqual on exact values. */
export function sameExact(a: ExactFloat, b: ExactFloat): boolean {
  if (a.cls !== b.cls || a.negative !== b.negative) return false;
  if (a.cls !== FloatClass.finite) return a.cls !== FloatClass.nan || a.mant === b.mant;
  let am = a.mant,
    ae = a.exp,
    bm = b.mant,
    be = b.exp;
  while ((am & 1n) === 0n) {
    am >>= 1n;
    ae++;
  }
  while ((bm & 1n) === 0n) {
    bm >>= 1n;
    be++;
  }
  return am === bm && ae === be;
}
