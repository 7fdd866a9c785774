// Float literals exactly as MLIR 22 prints and parses them: APFloat::toString's digit selection
// and layout, printFloatValue's choice of `1.500000e+00` / APFloat's default form / `0x…` bits.
//
// Values are JS numbers, so f80/f128 numbers carry at most a double's precision: use
// formatFloatBits/parseFloatBits for exact patterns of those kinds (MLIR itself reads decimal
// literals through a double, so only hex patterns can hold more).

import {
  FloatClass,
  bitLength,
  bitsToFloat,
  decodeBits,
  doubleHi,
  doubleLo,
  doubleToExact,
  doubleWords,
  encodeExact,
  floatSemantics,
  floatToBits,
  floatWidth,
  roundDecimal,
  roundToKind,
  roundToKindNoteTie,
  roundingHitTie,
  sameExact,
} from "./float-semantics.ts";
import type { FloatKind } from "./float-semantics.ts";

export type { FloatKind } from "./float-semantics.ts";
export { bitsToFloat, floatKinds, floatToBits, floatWidth, roundToKind } from "./float-semantics.ts";

// ---------------------------------------------------------------------------------------------
// Digit selection. Both paths leave their result here: significant digits without trailing
// zeros, and the decimal exponent of the first one.

let digits = "";
let exp10 = 0;
/** The digits spell the value exactly (so the printed text trivially reads back as it). */
let digitsExact = false;

/** bitsRequired of APFloat's AdjustToPrecision: 196/59 slightly over-estimates lg(10). */
const bitsRequiredFor = (precision: number): number => Math.floor((precision * 196 + 58) / 59);
/** tensRemovable of AdjustToPrecision. */
const tensRemovable = (bits: number, required: number): number =>
  bits > required ? Math.floor(((bits - required) * 59) / 196) : 0;

/**
 * The second AdjustToPrecision plus trailing-zero removal: `s` holds a (possibly truncated)
 * significand whose last digit has exponent `lastExp`; keep at most `precision` digits, rounding
 * half up on the first dropped digit alone (APFloat's rule). Returns whether digits were dropped.
 */
function keepDigits(s: string, lastExp: number, precision: number): boolean {
  let end = s.length;
  while (s.charCodeAt(end - 1) === 48) end--;
  lastExp += s.length - end;
  if (end > precision) {
    const up = s.charCodeAt(precision) >= 53;
    lastExp += end - precision;
    end = precision;
    if (!up) {
      while (s.charCodeAt(end - 1) === 48) {
        end--;
        lastExp++;
      }
      digits = s.slice(0, end);
    } else {
      let i = end - 1;
      while (i >= 0 && s.charCodeAt(i) === 57) {
        i--;
        lastExp++;
      }
      digits = i < 0 ? "1" : s.slice(0, i) + String.fromCharCode(s.charCodeAt(i) + 1);
    }
    exp10 = lastExp + digits.length - 1;
    return true;
  }
  digits = end === s.length ? s : s.slice(0, end);
  exp10 = lastExp + digits.length - 1;
  return false;
}

/** APFloat::toStringImpl's digits for mant × 2^exp2 > 0, with bigint arithmetic as APFloat does. */
function exactDigits(mant: bigint, exp2: number, precision: number): void {
  let m = mant;
  let e = exp2;
  while ((m & 1n) === 0n) {
    m >>= 1n;
    e++;
  }
  let n: bigint;
  let lastExp = 0;
  if (e >= 0) n = m << BigInt(e);
  else {
    n = m * 5n ** BigInt(-e);
    lastExp = e;
  }
  const t = tensRemovable(bitLength(n), bitsRequiredFor(precision));
  if (t > 0) {
    n /= 10n ** BigInt(t);
    lastExp += t;
  }
  keepDigits(n.toString(), lastExp, precision);
  digitsExact = false;
}

const POW5 = [
  1, 5, 25, 125, 625, 3125, 15625, 78125, 390625, 1953125, 9765625, 48828125, 244140625, 1220703125, 6103515625, 30517578125,
  152587890625, 762939453125, 3814697265625, 19073486328125, 95367431640625, 476837158203125, 2384185791015625,
];
const LOG2_5 = Math.log2(5);
const TWO32 = 4294967296;

function bitLength53(v: number): number {
  return v < TWO32 ? 32 - Math.clz32(v) : 64 - Math.clz32(Math.floor(v / TWO32));
}

/** Digits of an integer n < 2^53 (value n × 10^lastExp) through both AdjustToPrecision steps. */
function smallDigits(n: number, lastExp: number, precision: number): void {
  integerDigits(n.toString(), bitLength53(n), lastExp, precision);
}

/** Both AdjustToPrecision steps on the decimal spelling `s` of a `bits`-bit integer. */
function integerDigits(s: string, bits: number, lastExp: number, precision: number): void {
  const t = tensRemovable(bits, bitsRequiredFor(precision));
  if (t > 0) {
    s = s.slice(0, s.length - t);
    lastExp += t;
  }
  digitsExact = !keepDigits(s, lastExp, precision) && t === 0;
}

/**
 * The same digits as exactDigits for a positive finite double, from the engine's correctly
 * rounded toExponential. Returns false when it cannot be sure (the caller then goes exact).
 *
 * APFloat writes a = N × 10^e0 (N = m × 5^-q when a = m × 2^q, q < 0), drops t digits by
 * truncating division, then rounds half up on the next digit. When the truncated N has exactly
 * `precision` digits the rounding digit is already gone, so the result is a truncation.
 */
function fastDigits(a: number, precision: number): boolean {
  doubleWords(a);
  const hi = doubleHi();
  const lo = doubleLo();
  const biased = (hi >>> 20) & 0x7ff;
  let mHi = hi & 0xfffff;
  let q = -1074;
  if (biased !== 0) {
    mHi += 0x100000;
    q = biased - 1075;
  }
  const tz = lo !== 0 ? 31 - Math.clz32(lo & -lo) : 32 + 31 - Math.clz32(mHi & -mHi);
  const m = (mHi * TWO32 + lo) / 2 ** tz;
  q += tz;
  let bits: number;
  let e0 = 0;
  if (q >= 0) {
    bits = bitLength53(m) + q;
    if (bits <= 53) {
      smallDigits(m * 2 ** q, 0, precision);
      return true;
    }
  } else {
    const texp = -q;
    if (texp <= 22 && m <= Number.MAX_SAFE_INTEGER / POW5[texp]!) {
      smallDigits(m * POW5[texp]!, q, precision);
      return true;
    }
    const l = Math.log2(m) + texp * LOG2_5;
    const frac = l - Math.floor(l);
    if (frac < 1e-9 || frac > 1 - 1e-9) return false;
    bits = Math.floor(l) + 1;
    e0 = q;
  }
  const t = tensRemovable(bits, bitsRequiredFor(precision));
  // precision + 3 correctly rounded digits; the first precision + 1 are exact unless a carry
  // could have run through the last two (they then read 00).
  let u = a.toExponential(precision + 2);
  if (u.charCodeAt(precision + 2) === 48 && u.charCodeAt(precision + 3) === 48) {
    const wide = Math.min(precision + 30, 100);
    u = a.toExponential(wide);
    let i = precision + 2;
    while (i <= wide + 1 && u.charCodeAt(i) === 48) i++;
    if (i > wide + 1) {
      // Few digits after all: an integer spells itself exactly; anything else goes exact.
      if (q < 0) return false;
      integerDigits(BigInt(a).toString(), bits, 0, precision);
      digitsExact = false;
      return true;
    }
  }
  const e10 = Number(u.slice(u.indexOf("e") + 1));
  const truncated = t > 0 && e10 - e0 + 1 <= precision + t;
  if (truncated) keepDigits(u[0] + u.slice(2, precision + 1), e10 - precision + 1, precision);
  else keepDigits(u[0] + u.slice(2, precision + 2), e10 - precision, precision);
  digitsExact = false;
  return true;
}

function doubleDigits(a: number, precision: number): void {
  if (fastDigits(a, precision)) return;
  const e = doubleToExact(a);
  exactDigits(e.mant, e.exp, precision);
}

// ---------------------------------------------------------------------------------------------
// Layout.

/** toString(FormatPrecision 6, FormatMaxPadding 0, TruncateZero false): `d.dddddde±XX`. */
function scientificText(negative: boolean): string {
  const n = digits.length;
  let s = negative ? "-" : "";
  s += n === 1 ? digits + ".000000" : digits[0] + "." + digits.slice(1) + "000000".slice(n - 1);
  const e = exp10;
  if (e < 0) return s + (e > -10 ? "e-0" : "e-") + -e;
  return s + (e < 10 ? "e+0" : "e+") + e;
}

/** Default toString (FormatMaxPadding 3, TruncateZero true); undefined when it has no '.'. */
function defaultText(negative: boolean, precision: number): string | undefined {
  const n = digits.length;
  const msd = exp10;
  const last = msd - n + 1;
  const scientific = last >= 0 ? last > 3 || n + last > precision : msd < -3;
  const sign = negative ? "-" : "";
  if (scientific) {
    const mant = n === 1 ? digits + ".0" : digits[0] + "." + digits.slice(1);
    return sign + mant + (msd >= 0 ? "E+" : "E-") + (msd >= 0 ? msd : -msd);
  }
  if (last >= 0) return undefined; // an integer spelling: MLIR falls back to hex
  if (msd >= 0) return sign + digits.slice(0, msd + 1) + "." + digits.slice(msd + 1);
  return sign + "0." + "0".repeat(-msd - 1) + digits;
}

function hexText(bits: bigint): string {
  return "0x" + bits.toString(16).toUpperCase();
}

// ---------------------------------------------------------------------------------------------
// printFloatValue.

/**
 * Print `x` (rounded into `kind`) as MLIR's AsmPrinter prints a float attribute or dense
 * element: the 6-digit scientific form when it parses back to the same value, else APFloat's
 * default form when it has a '.', else the bit pattern (`0x` and upper-case hex, no leading
 * zeros, as APInt prints it). NaN and ±Inf always print as bits.
 */
export function formatFloat(x: number, kind: FloatKind): string {
  const s = floatSemantics(kind);
  if (s.precision > 53) return formatFloatBits(floatToBits(x, kind), kind);
  const v = roundToKind(x, kind);
  if (v !== v || v === Infinity || v === -Infinity) return hexText(floatToBits(x, kind));
  if (v === 0) return 1 / v < 0 ? "-0.000000e+00" : "0.000000e+00";
  const negative = v < 0;
  const a = negative ? -v : v;
  doubleDigits(a, 6);
  const sci = scientificText(negative);
  if (digitsExact || roundTrips(sci, v, negative, kind)) return sci;
  doubleDigits(a, s.defaultDigits);
  return defaultText(negative, s.defaultDigits) ?? hexText(floatToBits(v, kind));
}

/** APFloat(kind, text).bitwiseIsEqual(v), for the text just laid out from `digits`. */
function roundTrips(text: string, v: number, negative: boolean, kind: FloatKind): boolean {
  const y = Number(text);
  if (kind === "f64") return y === v;
  const r = roundToKindNoteTie(y, kind);
  if (!roundingHitTie()) return r === v;
  // The double sits on a midpoint of `kind`: decide on the exact decimal instead.
  const back = roundDecimal(negative, BigInt(digits), exp10 - digits.length + 1, kind);
  return sameExact(back, doubleToExact(v));
}

/**
 * Print a bit pattern of `kind` as MLIR does, exactly (bigint arithmetic throughout: the
 * reference for formatFloat, and the only exact path for f80/f128).
 */
export function formatFloatBits(bits: bigint, kind: FloatKind): string {
  const v = decodeBits(bits, kind);
  if (v.cls === FloatClass.nan || v.cls === FloatClass.inf) return hexText(encodeExact(v, kind));
  if (v.cls === FloatClass.zero) return v.negative ? "-0.000000e+00" : "0.000000e+00";
  exactDigits(v.mant, v.exp, 6);
  const sci = scientificText(v.negative);
  if (sameExact(roundDecimal(v.negative, BigInt(digits), exp10 - digits.length + 1, kind), v)) return sci;
  const precision = floatSemantics(kind).defaultDigits;
  exactDigits(v.mant, v.exp, precision);
  return defaultText(v.negative, precision) ?? hexText(encodeExact(v, kind));
}

// ---------------------------------------------------------------------------------------------
// Parsing: MLIR's lexer accepts `[0-9]+\.[0-9]*([eE][-+]?[0-9]+)?` as a float literal, reads it
// through a double (Token::getFloatingPointValue) and converts that to the attribute's type; a
// hex integer `0x[0-9a-fA-F]+` is a bit pattern (no leading minus, at most the type's width).

const LiteralForm = { invalid: 0, hex: 1, decimal: 2 } as const;
type LiteralForm = (typeof LiteralForm)[keyof typeof LiteralForm];

let literalNegative = false;
let literalBody = "";

function scanLiteral(text: string, negative: boolean): LiteralForm {
  let start = 0;
  if (text.charCodeAt(0) === 45 /* - */) {
    negative = !negative;
    start = 1;
  }
  literalNegative = negative;
  literalBody = start === 0 ? text : text.slice(start);
  const body = literalBody;
  const n = body.length;
  if (n > 2 && body.charCodeAt(0) === 48 && body.charCodeAt(1) === 120 /* x */) {
    for (let i = 2; i < n; i++) if (!isHexDigit(body.charCodeAt(i))) return LiteralForm.invalid;
    return LiteralForm.hex;
  }
  let i = 0;
  while (i < n && isDigit(body.charCodeAt(i))) i++;
  if (i === 0 || body.charCodeAt(i) !== 46 /* . */) return LiteralForm.invalid;
  i++;
  while (i < n && isDigit(body.charCodeAt(i))) i++;
  if (i < n && (body.charCodeAt(i) | 0x20) === 101 /* e */) {
    i++;
    if (i < n && (body.charCodeAt(i) === 43 || body.charCodeAt(i) === 45)) i++;
    const digitsFrom = i;
    while (i < n && isDigit(body.charCodeAt(i))) i++;
    if (i === digitsFrom) return LiteralForm.invalid;
  }
  return i === n ? LiteralForm.decimal : LiteralForm.invalid;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isHexDigit = (c: number): boolean => isDigit(c) || ((c | 0x20) >= 97 && (c | 0x20) <= 102);

/** The bits of a hex literal, or undefined when negative or wider than `kind`. */
function hexBits(kind: FloatKind): bigint | undefined {
  if (literalNegative) return undefined;
  const bits = BigInt(literalBody);
  return bitLength(bits) > floatWidth(kind) ? undefined : bits;
}

/** The double MLIR reads a decimal literal as (±Inf past the double range), signed. */
function decimalValue(): number {
  const d = Number(literalBody);
  return literalNegative ? -d : d;
}

/**
 * Parse a float literal as MLIR's parser does for an attribute of type `kind`: a decimal float
 * (`1.5`, `1.`, `-2.0e-3`; not `1`, `1e5` or `.5`) or a hex bit pattern (`0x7FC00000`). A leading
 * `-` in `text` and `negative` both negate (a negated hex literal is invalid). Decimals overflowing
 * a double become ±Inf as in MLIR, even in the finite-only kinds (f4/f6), where LLVM then prints
 * the bits of ±0 (it asserts in debug builds). f80/f128 hex patterns round to the nearest double.
 */
export function parseFloatLiteral(text: string, kind: FloatKind, negative = false): number | undefined {
  const form = scanLiteral(text, negative);
  if (form === LiteralForm.decimal) return roundToKind(decimalValue(), kind);
  if (form === LiteralForm.invalid) return undefined;
  const bits = hexBits(kind);
  return bits === undefined ? undefined : bitsToFloat(bits, kind);
}

/** parseFloatLiteral returning the bit pattern APFloat holds (exact for every kind). */
export function parseFloatBits(text: string, kind: FloatKind, negative = false): bigint | undefined {
  const form = scanLiteral(text, negative);
  if (form === LiteralForm.invalid) return undefined;
  if (form === LiteralForm.hex) {
    const bits = hexBits(kind);
    return bits === undefined || kind !== "f80" ? bits : encodeExact(decodeBits(bits, kind), kind);
  }
  return floatToBits(decimalValue(), kind);
}
