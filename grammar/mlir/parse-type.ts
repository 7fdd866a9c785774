// Parsing of types: builtin types, shaped types with dimension lists, function types, and
// dialect types kept as text.
import { Tok } from "./tokens.ts";
import type { Parser } from "./parser.ts";
import type { Type } from "../../engine/ir/types.ts";
import type { Attribute } from "../../engine/ir/attributes.ts";
import { AffineMapAttr, StridedLayoutAttr } from "../../engine/ir/attributes.ts";
import { Signedness } from "../../engine/ir/types.ts";
import type { FloatKind } from "../../engine/ir/float-format.ts";
import { dialectBody } from "./dialect-body.ts";

const floatNames = new Set<string>([
  "f16",
  "bf16",
  "f32",
  "f64",
  "f80",
  "f128",
  "tf32",
  "f4E2M1FN",
  "f6E2M3FN",
  "f6E3M2FN",
  "f8E5M2",
  "f8E4M3",
  "f8E4M3FN",
  "f8E5M2FNUZ",
  "f8E4M3FNUZ",
  "f8E4M3B11FNUZ",
  "f8E3M4",
  "f8E8M0FNU",
]);

const intPattern = /^(s|u)?i([1-9][0-9]*)$/;

/** `i1`..`i99999` (signless) and `index` without slicing the token; undefined for anything else. */
function simpleType(p: Parser): Type | undefined {
  const text = p.text;
  const start = p.lex.start;
  const end = p.lex.end;
  const c0 = text.charCodeAt(start);
  if (c0 === 105 /* i */) {
    if (end - start === 5 && text.startsWith("index", start)) return p.ctx.index();
    if (end - start < 2 || end - start > 6) return undefined;
    let w = 0;
    for (let i = start + 1; i < end; i++) {
      const d = text.charCodeAt(i) - 48;
      if (d < 0 || d > 9 || (i === start + 1 && d === 0)) return undefined;
      w = w * 10 + d;
    }
    return p.ctx.integer(w);
  }
  return undefined;
}

/** Whether the current token can start a type. */
export function atType(p: Parser): boolean {
  switch (p.tok) {
    case Tok.bangIdent:
    case Tok.lparen:
      return true;
    case Tok.bareIdent: {
      const s = p.spelling;
      return (
        floatNames.has(s) ||
        intPattern.test(s) ||
        s === "index" ||
        s === "none" ||
        s === "tensor" ||
        s === "memref" ||
        s === "vector" ||
        s === "complex" ||
        s === "tuple"
      );
    }
    default:
      return false;
  }
}

export function parseType(p: Parser): Type {
  const ctx = p.ctx;
  const span = p.here();
  switch (p.tok) {
    case Tok.bangIdent:
      return parseDialectType(p);
    case Tok.lparen:
      return parseFunctionType(p);
    case Tok.bareIdent:
      break;
    default:
      p.error("PRR1011", `expected type, found ${p.describe()}`);
  }
  // Fast path for `iN` and `index`, by characters (types are parsed once per op or more).
  const fast = simpleType(p);
  if (fast !== undefined) {
    p.consume();
    return fast;
  }
  const s = p.spelling;
  const m = intPattern.exec(s);
  if (m) {
    const width = Number(m[2]);
    if (width > 16777215) p.error("PRR1011", "invalid integer width", span);
    p.consume();
    return ctx.integer(width, m[1] === "s" ? Signedness.signed : m[1] === "u" ? Signedness.unsigned : Signedness.signless);
  }
  if (floatNames.has(s)) {
    p.consume();
    return ctx.float(s as FloatKind);
  }
  switch (s) {
    case "index":
      p.consume();
      return ctx.index();
    case "none":
      p.consume();
      return ctx.none();
    case "complex": {
      p.consume();
      p.expect(Tok.less);
      const elt = parseType(p);
      p.expect(Tok.greater);
      return ctx.complex(elt);
    }
    case "tuple": {
      p.consume();
      p.expect(Tok.less);
      const types: Type[] = [];
      if (!p.is(Tok.greater)) {
        do types.push(parseType(p));
        while (p.consumeIf(Tok.comma));
      }
      p.expect(Tok.greater);
      return ctx.tuple(types);
    }
    case "vector":
      return parseVectorType(p);
    case "tensor":
      return parseTensorType(p);
    case "memref":
      return parseMemRefType(p);
  }
  return p.error("PRR1011", `expected type, found '${s}'`, span);
}

/** Parses `d0xd1x...x` by characters (MLIR re-lexes these too: `4x8xf32` is one identifier). */
function parseDimensions(p: Parser, allowScalable: boolean): { shape: number[]; scalable: boolean[] } {
  const text = p.text;
  let i = p.lex.start;
  const shape: number[] = [];
  const scalable: boolean[] = [];
  for (;;) {
    let j = i;
    let sc = false;
    if (text.charCodeAt(j) === 91) {
      if (!allowScalable) break;
      sc = true;
      j++;
    }
    let d: number;
    if (text.charCodeAt(j) === 63) {
      if (allowScalable) p.error("PRR1011", "vector types must have static dimensions", { file: p.file, start: j, end: j + 1 });
      d = -1;
      j++;
    } else {
      const k = j;
      while (j < text.length && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
      if (j === k) {
        if (sc) p.error("PRR1011", "expected dimension size", { file: p.file, start: j, end: j + 1 });
        break;
      }
      d = Number(text.slice(k, j));
    }
    if (sc) {
      if (text.charCodeAt(j) !== 93)
        p.error("PRR1011", "missing ']' closing scalable dimension", { file: p.file, start: j, end: j + 1 });
      j++;
    }
    while (text.charCodeAt(j) === 32) j++;
    if (text.charCodeAt(j) !== 120) p.error("PRR1011", "expected 'x' in dimension list", { file: p.file, start: j, end: j + 1 });
    j++;
    while (text.charCodeAt(j) === 32) j++;
    shape.push(d);
    scalable.push(sc);
    i = j;
  }
  if (i !== p.lex.start) {
    p.lex.reset(i);
    p.consume();
  }
  return { shape, scalable };
}

function parseVectorType(p: Parser): Type {
  p.consume();
  p.expect(Tok.less);
  const span = p.here();
  const { shape, scalable } = parseDimensions(p, true);
  const elt = parseType(p);
  p.expect(Tok.greater);
  void span;
  return p.ctx.vector(shape, elt, scalable);
}

function parseTensorType(p: Parser): Type {
  p.consume();
  p.expect(Tok.less);
  if (p.is(Tok.star)) {
    p.consume();
    // `*xf32`: the lexer reads `xf32` as one identifier.
    if (!p.is(Tok.bareIdent) || !p.spelling.startsWith("x")) p.error("PRR1011", "expected 'x' after '*'");
    p.lex.reset(p.lex.start + 1);
    p.consume();
    const elt = parseType(p);
    p.expect(Tok.greater);
    return p.ctx.unrankedTensor(elt);
  }
  const { shape } = parseDimensions(p, false);
  const elt = parseType(p);
  let encoding: Attribute | undefined;
  if (p.consumeIf(Tok.comma)) encoding = p.parseAttribute();
  p.expect(Tok.greater);
  return p.ctx.tensor(shape, elt, encoding);
}

function parseMemRefType(p: Parser): Type {
  p.consume();
  p.expect(Tok.less);
  if (p.is(Tok.star)) {
    p.consume();
    // `*xf32`: the lexer reads `xf32` as one identifier.
    if (!p.is(Tok.bareIdent) || !p.spelling.startsWith("x")) p.error("PRR1011", "expected 'x' after '*'");
    p.lex.reset(p.lex.start + 1);
    p.consume();
    const elt = parseType(p);
    let space: Attribute | undefined;
    if (p.consumeIf(Tok.comma)) space = p.parseAttribute();
    p.expect(Tok.greater);
    return p.ctx.unrankedMemref(elt, space);
  }
  const { shape } = parseDimensions(p, false);
  const elt = parseType(p);
  let layout: Attribute | undefined;
  let space: Attribute | undefined;
  if (p.consumeIf(Tok.comma)) {
    const a = p.parseAttribute();
    if (a instanceof AffineMapAttr || a instanceof StridedLayoutAttr) {
      layout = a;
      if (p.consumeIf(Tok.comma)) space = p.parseAttribute();
    } else space = a;
  }
  p.expect(Tok.greater);
  // An identity layout is the same as no layout, as in MLIR.
  if (layout instanceof AffineMapAttr && layout.map.isIdentity() && layout.map.numDims === shape.length) layout = undefined;
  return p.ctx.memref(shape, elt, layout, space);
}

function parseFunctionType(p: Parser): Type {
  const inputs = parseTypeListParens(p);
  p.expect(Tok.arrow);
  let results: Type[];
  if (p.is(Tok.lparen)) {
    // Either a parenthesized result list or a function type as the single result.
    const save = p.lex.start;
    const list = parseTypeListParens(p);
    if (p.is(Tok.arrow)) {
      p.lex.reset(save);
      p.consume();
      results = [parseFunctionType(p)];
    } else results = list;
  } else results = [parseType(p)];
  return p.ctx.func(inputs, results);
}

export function parseTypeListParens(p: Parser): Type[] {
  p.expect(Tok.lparen);
  const types: Type[] = [];
  if (!p.is(Tok.rparen)) {
    do types.push(parseType(p));
    while (p.consumeIf(Tok.comma));
  }
  p.expect(Tok.rparen);
  return types;
}

function parseDialectType(p: Parser): Type {
  const span = p.here();
  const name = p.spelling.slice(1);
  const dot = name.indexOf(".");
  if (dot < 0) {
    const alias = p.typeAliases.get(name);
    if (alias !== undefined) {
      p.consume();
      return alias;
    }
    // `!dialect<"opaque body">`
    if (p.text.charCodeAt(p.lex.end) === 60) {
      const text = dialectBody(p, name, p.lex.end);
      return p.ctx.dialectType(name, text);
    }
    p.error("PRR1007", `undefined type alias '!${name}'`, span);
  }
  if (name.startsWith("builtin.")) p.error("PRR1011", `unsupported builtin type syntax '!${name}'`, span);
  const text = dialectBody(p, name, p.lex.end);
  return p.ctx.dialectType(name.slice(0, dot), text);
}
