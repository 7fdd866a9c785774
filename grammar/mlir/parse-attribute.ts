// Parsing of attributes: literals, arrays, dictionaries, elements (dense, dense_resource,
// sparse), dense arrays, affine maps and sets, symbol references, layouts and locations.
import { Tok } from "./tokens.ts";
import type { Parser } from "./parser.ts";
import type { Attribute, Location, NamedAttribute } from "../../engine/ir/attributes.ts";
import { Location as LocationBase } from "../../engine/ir/attributes.ts";
import { type Type, FloatType, IntegerType, IndexType, ShapedType } from "../../engine/ir/types.ts";
import { atType, parseType } from "./parse-type.ts";
import { dialectBody } from "./dialect-body.ts";
import { printType } from "./print-attribute.ts";
import { parseAffineMapBody, parseIntegerSetBody } from "./parse-affine.ts";
import { parseDenseBody, parseDenseArray } from "./parse-dense.ts";
import { parseFloatLiteral } from "../../engine/ir/float-format.ts";

export function parseAttribute(p: Parser, type?: Type): Attribute {
  p.enter();
  try {
    return parseAttributeInner(p, type);
  } finally {
    p.leave();
  }
}

function parseAttributeInner(p: Parser, type?: Type): Attribute {
  const ctx = p.ctx;
  const span = p.here();
  switch (p.tok) {
    case Tok.hashIdent: {
      const a = parseHashAttribute(p);
      // A dialect attribute takes an optional trailing `: type` (MLIR's parseExtendedAttr).
      if (type === undefined && a.kind === "dialect" && p.is(Tok.colon)) {
        p.consume();
        const t = parseType(p);
        return ctx.dialectAttr((a as import("../../engine/ir/attributes.ts").DialectAttr).dialect, `${(a as import("../../engine/ir/attributes.ts").DialectAttr).text} : ${printType(t)}`);
      }
      return a;
    }
    case Tok.string: {
      const s = p.parseString();
      if (type === undefined && p.consumeIf(Tok.colon)) return ctx.string(s, parseType(p));
      return ctx.string(s, undefined);
    }
    case Tok.lsquare: {
      p.consume();
      const elements: Attribute[] = [];
      if (!p.is(Tok.rsquare)) {
        do elements.push(parseAttribute(p));
        while (p.consumeIf(Tok.comma));
      }
      p.expect(Tok.rsquare);
      return ctx.array(elements);
    }
    case Tok.lbrace: {
      const entries: NamedAttribute[] = [];
      p.parseAttrDict(entries);
      return ctx.dictionary(entries);
    }
    case Tok.atIdent: {
      const root = p.parseSymbolName();
      const nested: string[] = [];
      while (p.consumeIf(Tok.colonColon)) nested.push(p.parseSymbolName());
      return ctx.symbolRef(root, nested);
    }
    case Tok.minus:
    case Tok.integer:
    case Tok.float:
      return parseNumber(p, type);
    case Tok.bareIdent:
      break;
    default:
      if (atType(p)) return ctx.typeAttr(parseType(p));
      p.error("PRR1012", `expected attribute value, found ${p.describe()}`, span);
  }
  switch (p.spelling) {
    case "true":
    case "false": {
      const v = p.spelling === "true";
      p.consume();
      if (type === undefined && p.consumeIf(Tok.colon)) {
        const t = parseType(p);
        if (!(t instanceof IntegerType) || t.width !== 1)
          p.error("PRR1012", "expected i1 type for 'true' or 'false' values", span);
      }
      return ctx.bool(v);
    }
    case "unit":
      p.consume();
      return ctx.unit();
    case "dense":
      return parseDenseBody(p, type);
    case "dense_resource": {
      p.consume();
      p.expect(Tok.less);
      if (!p.is(Tok.bareIdent) && !p.is(Tok.string)) p.error("PRR1012", "expected resource handle");
      const handle = p.is(Tok.string) ? p.parseString() : p.spelling;
      if (!p.is(Tok.greater)) p.consume();
      p.expect(Tok.greater);
      const t = type ?? (p.expect(Tok.colon), parseType(p));
      if (!(t instanceof ShapedType)) p.error("PRR1015", "dense_resource expects a shaped type", span);
      return ctx.denseResource(t, handle);
    }
    case "sparse": {
      p.consume();
      p.expect(Tok.less);
      let indices: Attribute = ctx.array([]);
      let values: Attribute = ctx.array([]);
      if (!p.is(Tok.greater)) {
        indices = parseRawLiteral(p);
        p.expect(Tok.comma);
        values = parseRawLiteral(p);
      }
      p.expect(Tok.greater);
      const t = type ?? (p.expect(Tok.colon), parseType(p));
      if (!(t instanceof ShapedType)) p.error("PRR1015", "sparse expects a shaped type", span);
      return ctx.sparse(t, indices, values);
    }
    case "array":
      return parseDenseArray(p);
    case "affine_map": {
      p.consume();
      p.expect(Tok.less);
      const map = parseAffineMapBody(p);
      p.expect(Tok.greater);
      return ctx.affineMap(map);
    }
    case "affine_set": {
      p.consume();
      p.expect(Tok.less);
      const set = parseIntegerSetBody(p);
      p.expect(Tok.greater);
      return ctx.integerSet(set);
    }
    case "strided":
      return parseStrided(p);
    case "loc":
      return parseLocation(p, () => p.error("PRR1007", "location alias used before its definition"))!;
    case "distinct": {
      p.consume();
      p.expect(Tok.lsquare);
      p.parseInteger();
      p.expect(Tok.rsquare);
      p.expect(Tok.less);
      const inner = p.is(Tok.greater) ? ctx.unit() : parseAttribute(p);
      p.expect(Tok.greater);
      return ctx.distinct(inner);
    }
  }
  if (atType(p)) return ctx.typeAttr(parseType(p));
  return p.error("PRR1012", `expected attribute value, found ${p.describe()}`, span);
}

/** The literal of a sparse attribute's indices or values, kept as an array of numbers. */
function parseRawLiteral(p: Parser): Attribute {
  const ctx = p.ctx;
  if (p.consumeIf(Tok.lsquare)) {
    const elements: Attribute[] = [];
    if (!p.is(Tok.rsquare)) {
      do elements.push(parseRawLiteral(p));
      while (p.consumeIf(Tok.comma));
    }
    p.expect(Tok.rsquare);
    return ctx.array(elements);
  }
  if (p.is(Tok.string)) return ctx.string(p.parseString());
  return parseNumber(p, undefined, true);
}

function parseNumber(p: Parser, type: Type | undefined, noType = false): Attribute {
  const ctx = p.ctx;
  const span = p.here();
  const neg = p.consumeIf(Tok.minus);
  if (!p.is(Tok.integer) && !p.is(Tok.float)) p.error("PRR1010", `expected a number, found ${p.describe()}`);
  const isFloat = p.is(Tok.float);
  const text = p.spelling;
  p.consume();
  let t = type;
  if (t === undefined && !noType && p.is(Tok.colon)) {
    p.consume();
    t = parseType(p);
  }
  if (t instanceof FloatType || (t === undefined && isFloat)) {
    const ft = t instanceof FloatType ? t : ctx.float("f64");
    const isHex = /^0x/i.test(text);
    if (isHex && neg) p.error("PRR1010", "hexadecimal float literal should not have a leading minus", span);
    const v = parseFloatLiteral(text, ft.floatKind, neg);
    if (v === undefined) p.error("PRR1010", `invalid float literal '${text}' for type ${ft}`, span);
    return ctx.floatAttr(ft, v);
  }
  if (isFloat) p.error("PRR1010", "floating point value not valid for specified type", span);
  const it = t ?? ctx.i64();
  if (!(it instanceof IntegerType) && !(it instanceof IndexType))
    p.error("PRR1010", `integer literal not valid for type ${it}`, span);
  let v = BigInt(text);
  if (neg) v = -v;
  if (it instanceof IntegerType) {
    const w = BigInt(it.width);
    const fits =
      it.signedness === 2
        ? v >= 0n && v < 1n << w
        : it.signedness === 1
          ? v >= -(1n << (w - 1n)) && v < 1n << (w - 1n)
          : v >= -(1n << w) && v < 1n << w;
    if (!fits || (neg && it.signedness === 2)) p.error("PRR1010", `integer constant out of range for attribute`, span);
    if (it.signedness === 0) v = BigInt.asIntN(it.width, v);
    if (it.width === 1) return ctx.integerAttr(it, v & 1n);
  }
  return ctx.integerAttr(it, v);
}

/** `#alias`, `#dialect.attr<...>` or `#dialect<"...">`. */
function parseHashAttribute(p: Parser): Attribute {
  const span = p.here();
  const name = p.spelling.slice(1);
  const dot = name.indexOf(".");
  if (dot < 0) {
    const alias = p.attrAliases.get(name) ?? p.locAliases.get(name);
    if (alias !== undefined) {
      p.consume();
      return alias;
    }
    if (p.text.charCodeAt(p.lex.end) === 60) return p.ctx.dialectAttr(name, dialectBody(p, name, p.lex.end));
    p.error("PRR1007", `undefined symbol alias id '${name}'`, span);
  }
  const text = dialectBody(p, name, p.lex.end);
  return p.ctx.dialectAttr(name.slice(0, dot), text);
}

function parseStrided(p: Parser): Attribute {
  p.consume();
  p.expect(Tok.less);
  p.expect(Tok.lsquare);
  const strides: (number | null)[] = [];
  const dimOrDyn = (): number | null => {
    if (p.consumeIf(Tok.question)) return null;
    return p.parseSmallInteger();
  };
  if (!p.is(Tok.rsquare)) {
    do strides.push(dimOrDyn());
    while (p.consumeIf(Tok.comma));
  }
  p.expect(Tok.rsquare);
  let offset: number | null = 0;
  if (p.consumeIf(Tok.comma)) {
    p.expectKeyword("offset");
    p.expect(Tok.colon);
    offset = dimOrDyn();
  }
  p.expect(Tok.greater);
  return p.ctx.strided(strides, offset);
}

/**
 * `loc(...)`. Returns undefined when the location is an alias defined later in the file, in
 * which case `defer` is called with the alias name (resolved after the whole file is read).
 */
export function parseLocation(p: Parser, defer: (alias: string) => void): Location | undefined {
  p.expectKeyword("loc");
  p.expect(Tok.lparen);
  let loc: Location | undefined;
  if (p.is(Tok.hashIdent) && !p.spelling.includes(".")) {
    const name = p.spelling.slice(1);
    const known = p.locAliases.get(name) ?? p.attrAliases.get(name);
    if (known !== undefined) {
      loc = known instanceof LocationBase ? known : p.ctx.opaqueLoc(known);
      p.consume();
    } else {
      defer(name);
      p.consume();
    }
  } else loc = parseLocationInstance(p);
  p.expect(Tok.rparen);
  return loc;
}

export function parseLocationInstance(p: Parser): Location {
  const ctx = p.ctx;
  const span = p.here();
  if (p.is(Tok.hashIdent)) {
    const a = parseHashAttribute(p);
    return a instanceof LocationBase ? a : ctx.opaqueLoc(a);
  }
  if (p.is(Tok.string)) {
    const s = p.parseString();
    if (p.consumeIf(Tok.colon)) {
      const line = p.parseSmallInteger();
      p.expect(Tok.colon);
      const col = p.parseSmallInteger();
      if (p.consumeKeywordIf("to")) {
        if (p.consumeIf(Tok.colon)) return ctx.fileLoc(s, line, col, line, p.parseSmallInteger());
        const endLine = p.parseSmallInteger();
        p.expect(Tok.colon);
        return ctx.fileLoc(s, line, col, endLine, p.parseSmallInteger());
      }
      return ctx.fileLoc(s, line, col);
    }
    if (p.consumeIf(Tok.lparen)) {
      const child = parseLocationInstance(p);
      p.expect(Tok.rparen);
      return ctx.nameLoc(s, child);
    }
    return ctx.nameLoc(s);
  }
  if (p.consumeKeywordIf("unknown")) return ctx.unknownLoc();
  if (p.consumeKeywordIf("callsite")) {
    p.expect(Tok.lparen);
    const callee = parseLocationInstance(p);
    p.expectKeyword("at");
    const caller = parseLocationInstance(p);
    p.expect(Tok.rparen);
    return ctx.callSiteLoc(callee, caller);
  }
  if (p.consumeKeywordIf("fused")) {
    let metadata: Attribute | undefined;
    if (p.consumeIf(Tok.less)) {
      metadata = parseAttribute(p);
      p.expect(Tok.greater);
    }
    p.expect(Tok.lsquare);
    const locs: Location[] = [];
    if (!p.is(Tok.rsquare)) {
      do locs.push(parseLocationInstance(p));
      while (p.consumeIf(Tok.comma));
    }
    p.expect(Tok.rsquare);
    return ctx.fusedLoc(locs, metadata);
  }
  return p.error("PRR1012", `expected location instance, found ${p.describe()}`, span);
}

