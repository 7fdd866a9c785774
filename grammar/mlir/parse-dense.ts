// Parsing of dense elements (`dense<...>`, nested lists, splats, hex blobs) and dense arrays
// (`array<i64: 1, 2>`), converting each literal to the element type.
import { Tok } from "./tokens.ts";
import type { Parser } from "./parser.ts";
import type { Attribute, DenseValue } from "../../engine/ir/attributes.ts";
import type { Span } from "../../engine/support/source.ts";
import { type Type, ComplexType, FloatType, IndexType, IntegerType, ShapedType } from "../../engine/ir/types.ts";
import { parseType } from "./parse-type.ts";
import { bitsToFloat, floatWidth, parseFloatLiteral } from "../../engine/ir/float-format.ts";

type Literal =
  | { k: "num"; text: string; neg: boolean; isFloat: boolean; span: Span }
  | { k: "bool"; v: boolean; span: Span }
  | { k: "str"; s: string; span: Span }
  | { k: "complex"; re: Literal; im: Literal; span: Span };

function parseLiteral(p: Parser): Literal {
  const span = p.here();
  if (p.is(Tok.string)) return { k: "str", s: p.parseString(), span };
  if (p.isKeyword("true") || p.isKeyword("false")) {
    const v = p.spelling === "true";
    p.consume();
    return { k: "bool", v, span };
  }
  if (p.consumeIf(Tok.lparen)) {
    const re = parseLiteral(p);
    p.expect(Tok.comma);
    const im = parseLiteral(p);
    p.expect(Tok.rparen);
    return { k: "complex", re, im, span };
  }
  const neg = p.consumeIf(Tok.minus);
  if (!p.is(Tok.integer) && !p.is(Tok.float)) p.error("PRR1015", `expected element literal, found ${p.describe()}`);
  const isFloat = p.is(Tok.float);
  const text = p.spelling;
  p.consume();
  return { k: "num", text, neg, isFloat, span };
}

/** Parses a nested list; fills `flat` and returns the shape. */
function parseNested(p: Parser, flat: Literal[]): number[] {
  if (!p.is(Tok.lsquare)) {
    flat.push(parseLiteral(p));
    return [];
  }
  const span = p.here();
  p.consume();
  if (p.consumeIf(Tok.rsquare)) return [0];
  let inner: number[] | undefined;
  let count = 0;
  do {
    const s = parseNested(p, flat);
    if (inner === undefined) inner = s;
    else if (s.length !== inner.length || s.some((d, i) => d !== inner![i]))
      p.error("PRR1015", "tensor literal is invalid; ranks are not consistent between elements", span);
    count++;
  } while (p.consumeIf(Tok.comma));
  p.expect(Tok.rsquare);
  return [count, ...(inner ?? [])];
}

export function convertLiteral(p: Parser, lit: Literal, elt: Type): DenseValue {
  if (elt instanceof ComplexType) {
    if (lit.k !== "complex") p.error("PRR1015", "expected complex element as (real, imaginary)", lit.span);
    const re = convertLiteral(p, lit.re, elt.elementType);
    const im = convertLiteral(p, lit.im, elt.elementType);
    return typeof re === "bigint" ? [re, im as bigint] : [re as number, im as number];
  }
  if (elt instanceof IntegerType || elt instanceof IndexType) {
    if (lit.k === "bool") return lit.v ? 1n : 0n;
    if (lit.k !== "num" || lit.isFloat)
      p.error("PRR1015", `expected integer elements, but parsed ${lit.k === "num" ? "floating-point" : lit.k}`, lit.span);
    let v = BigInt(lit.text);
    if (lit.neg) v = -v;
    if (elt instanceof IntegerType) {
      const w = BigInt(elt.width);
      if (elt.signedness === 2 && lit.neg) p.error("PRR1015", "expected unsigned integer elements", lit.span);
      if (v >= 1n << w || v < -(1n << w)) p.error("PRR1015", `integer constant out of range for type ${elt}`, lit.span);
      if (elt.width === 1) {
        if (v !== 0n && v !== 1n && v !== -1n) p.error("PRR1015", "integer constant out of range for type i1", lit.span);
        return v === 0n ? 0n : 1n;
      }
      v = elt.signedness === 2 ? BigInt.asUintN(elt.width, v) : BigInt.asIntN(elt.width, v);
    }
    return v;
  }
  if (elt instanceof FloatType) {
    if (lit.k === "bool") p.error("PRR1015", "expected floating-point elements, but parsed boolean", lit.span);
    if (lit.k !== "num") p.error("PRR1015", "expected floating-point elements", lit.span);
    if (!lit.isFloat && /^0x/i.test(lit.text)) {
      return bitsToFloat(BigInt(lit.text), elt.floatKind);
    }
    const v = parseFloatLiteral(lit.text, elt.floatKind, lit.neg);
    if (v === undefined) p.error("PRR1015", `invalid float literal for type ${elt}`, lit.span);
    return v;
  }
  if (lit.k === "str") return lit.s;
  return p.error("PRR1015", `elements of type ${elt} are not supported in dense literals`, lit.span);
}

/** `dense<...>` with the current token on `dense`; `type` is given when the caller knows it. */
export function parseDenseBody(p: Parser, type: Type | undefined): Attribute {
  const span = p.here();
  p.consume();
  p.expect(Tok.less);
  let hex: { text: string; span: Span } | undefined;
  const flat: Literal[] = [];
  let shape: number[] = [];
  let empty = false;
  if (p.is(Tok.greater)) empty = true;
  else if (p.is(Tok.string) && p.spelling.startsWith('"0x')) {
    hex = { text: p.spelling.slice(3, -1), span: p.here() };
    p.consume();
  } else shape = parseNested(p, flat);
  p.expect(Tok.greater);
  const tspan = p.here();
  const t = type ?? (p.expect(Tok.colon), parseType(p));
  if (!(t instanceof ShapedType) || !t.hasStaticShape())
    p.error("PRR1015", "elements literal type must have static shape", tspan);
  const elt = t.elementType;
  const n = t.numElements!;
  if (empty) {
    if (n !== 0) p.error("PRR1015", `parsed zero elements, but type (${t}) expected at least 1`, span);
    return p.ctx.dense(t, [], false);
  }
  if (hex) return p.ctx.dense(t, ...decodeHex(p, hex.text, hex.span, t, elt, n));
  if (shape.length === 0) return p.ctx.dense(t, [convertLiteral(p, flat[0]!, elt)], true);
  const want = t.shape!;
  if (shape.length !== want.length || shape.some((d, i) => d !== want[i]))
    p.error(
      "PRR1015",
      `inferred shape of elements literal ([${shape.join(", ")}]) does not match type ([${want.join(", ")}])`,
      span,
    );
  const values = new Array<DenseValue>(flat.length);
  for (let i = 0; i < flat.length; i++) values[i] = convertLiteral(p, flat[i]!, elt);
  return p.ctx.dense(t, values, false);
}

function elementBits(elt: Type): number | undefined {
  if (elt instanceof IntegerType) return elt.width;
  if (elt instanceof IndexType) return 64;
  if (elt instanceof FloatType) return floatWidth(elt.floatKind);
  if (elt instanceof ComplexType) {
    const b = elementBits(elt.elementType);
    return b === undefined ? undefined : 2 * Math.ceil(b / 8) * 8;
  }
  return undefined;
}

function decodeHex(p: Parser, hex: string, span: Span, t: ShapedType, elt: Type, n: number): [DenseValue[], boolean] {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) p.error("PRR1015", "expected hex string of bytes", span);
  const bits = elementBits(elt);
  if (bits === undefined) p.error("PRR1015", `hex elements of type ${elt} are not supported`, span);
  const bytes = Buffer.from(hex, "hex");
  const eltBytes = elt instanceof ComplexType ? bits / 8 : Math.ceil(bits / 8);
  const splat = bytes.length === eltBytes && n !== 1;
  if (!splat && bytes.length !== eltBytes * n)
    p.error("PRR1015", `elements hex data size is invalid for provided type: ${bytes.length} bytes for ${t}`, span);
  const count = splat ? 1 : n;
  const out = new Array<DenseValue>(count);
  const read = (off: number, size: number): bigint => {
    let v = 0n;
    for (let i = size - 1; i >= 0; i--) v = (v << 8n) | BigInt(bytes[off + i]!);
    return v;
  };
  const scalar = (raw: bigint, ty: Type): bigint | number => {
    if (ty instanceof FloatType) return bitsToFloat(raw, ty.floatKind);
    if (ty instanceof IntegerType) {
      if (ty.width === 1) return raw & 1n;
      return ty.signedness === 2 ? BigInt.asUintN(ty.width, raw) : BigInt.asIntN(ty.width, raw);
    }
    return BigInt.asIntN(64, raw);
  };
  // Fast path for the common float kinds.
  if (elt instanceof FloatType && (elt.floatKind === "f32" || elt.floatKind === "f64")) {
    const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let i = 0; i < count; i++) out[i] = elt.floatKind === "f32" ? dv.getFloat32(i * 4, true) : dv.getFloat64(i * 8, true);
    return [out, splat];
  }
  for (let i = 0; i < count; i++) {
    if (elt instanceof ComplexType) {
      const half = eltBytes / 2;
      const re = scalar(read(i * eltBytes, half), elt.elementType);
      const im = scalar(read(i * eltBytes + half, half), elt.elementType);
      out[i] = typeof re === "bigint" ? [re, im as bigint] : [re, im as number];
    } else out[i] = scalar(read(i * eltBytes, eltBytes), elt);
  }
  return [out, splat];
}

/** `array<i64: 1, 2>`, `array<f32: 1.0>`, `array<i1: true>`, or `array<i32>`. */
export function parseDenseArray(p: Parser): Attribute {
  p.consume();
  p.expect(Tok.less);
  const tspan = p.here();
  const elt = parseType(p);
  if (!(elt instanceof IntegerType) && !(elt instanceof FloatType))
    p.error("PRR1012", "expected integer or float type in dense array", tspan);
  const values: (bigint | number)[] = [];
  if (p.consumeIf(Tok.colon)) {
    do {
      const lit = parseLiteral(p);
      values.push(convertLiteral(p, lit, elt) as bigint | number);
    } while (p.consumeIf(Tok.comma));
  }
  p.expect(Tok.greater);
  return p.ctx.denseArray(elt, values);
}
