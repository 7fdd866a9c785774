// Printing of types and attributes in MLIR's textual form; an alias hook lets the module
// printer replace affine maps, sets and locations by `#map`, `#set`, `#loc` aliases.
import * as A from "../../engine/ir/attributes.ts";
import * as T from "../../engine/ir/types.ts";
import { printMap, printSet } from "../../engine/ir/affine.ts";
import { BINARY_PREFIX } from "./lexer.ts";
import { floatToBits, floatWidth, formatFloat } from "../../engine/ir/float-format.ts";

/** Returns `#alias` for attributes printed through an alias, or undefined. */
export type AliasHook = (a: A.Attribute) => string | undefined;

const noAlias: AliasHook = () => undefined;

const bareIdent = /^[A-Za-z_][A-Za-z0-9_$.]*$/;

/** MLIR's printEscapedString: printable ASCII as is (except `"` and `\`), others as \XX. */
export function escapeString(s: string): string {
  let simple = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 32 || c > 126 || c === 34 || c === 92) {
      simple = false;
      break;
    }
  }
  if (simple) return `"${s}"`;
  let out = '"';
  const bytes = s.startsWith(BINARY_PREFIX)
    ? Array.from(s.slice(BINARY_PREFIX.length), (c) => c.charCodeAt(0))
    : new TextEncoder().encode(s);
  for (const b of bytes) {
    // llvm::printEscapedString: printable ASCII except `\` and `"` as is, everything else as \XX.
    if (b >= 32 && b <= 126 && b !== 92 && b !== 34) out += String.fromCharCode(b);
    else out += "\\" + b.toString(16).toUpperCase().padStart(2, "0");
  }
  return out + '"';
}

export function printSymbolName(name: string): string {
  return bareIdent.test(name) ? `@${name}` : `@${escapeString(name)}`;
}

export function printKeywordOrString(s: string): string {
  return bareIdent.test(s) ? s : escapeString(s);
}

export function printType(t: T.Type, alias: AliasHook = noAlias): string {
  // Scalars first: most types printed are these, and their key is their text.
  if (t instanceof T.IntegerType || t instanceof T.FloatType || t instanceof T.IndexType) return t.key;
  if (t instanceof T.RankedTensorType) {
    if (!t.encoding) return t.key;
    return `tensor<${t.shape.map((d) => (d < 0 ? "?" : d) + "x").join("")}${printType(t.elementType, alias)}, ${printAttribute(t.encoding, alias)}>`;
  }
  if (t instanceof T.MemRefType) {
    if (!t.layout && !t.memorySpace) return t.key;
    let s = `memref<${t.shape.map((d) => (d < 0 ? "?" : d) + "x").join("")}${printType(t.elementType, alias)}`;
    if (t.layout) s += `, ${printAttribute(t.layout, alias)}`;
    if (t.memorySpace) s += `, ${printAttribute(t.memorySpace, alias, elidesDefaultType(t.memorySpace))}`;
    return s + ">";
  }
  if (t instanceof T.UnrankedMemRefType && t.memorySpace)
    return `memref<*x${printType(t.elementType, alias)}, ${printAttribute(t.memorySpace, alias, elidesDefaultType(t.memorySpace))}>`;
  if (t instanceof T.FunctionType) {
    const ins = `(${t.inputs.map((x) => printType(x, alias)).join(", ")})`;
    const r = t.results;
    const outs =
      r.length === 1 && !(r[0] instanceof T.FunctionType)
        ? printType(r[0]!, alias)
        : `(${r.map((x) => printType(x, alias)).join(", ")})`;
    return `${ins} -> ${outs}`;
  }
  if (t instanceof T.TupleType) return `tuple<${t.types.map((x) => printType(x, alias)).join(", ")}>`;
  if (t instanceof T.ComplexType) return `complex<${printType(t.elementType, alias)}>`;
  // The key of every other type is its text (no aliases inside).
  return t.key;
}

function intText(v: bigint, t: T.Type): string {
  if (t instanceof T.IntegerType && t.width === 1 && t.signedness === 0) return v ? "true" : "false";
  return String(v);
}

export function printFloatOf(x: number, t: T.Type): string {
  return formatFloat(x, t instanceof T.FloatType ? t.floatKind : "f64");
}

/** An attribute value; `elideType` drops the `: type` of integers/floats where MLIR elides it. */
export function printAttribute(a: A.Attribute, alias: AliasHook = noAlias, elideType = false): string {
  const al = alias(a);
  if (al !== undefined) return al;
  switch (a.kind) {
    case "integer": {
      const x = a as A.IntegerAttr;
      const t = x.type;
      if (t instanceof T.IntegerType && t.width === 1 && t.signedness === 0) return x.value ? "true" : "false";
      return elideType ? String(x.value) : `${x.value} : ${printType(t, alias)}`;
    }
    case "float": {
      const x = a as A.FloatAttr;
      const v = printFloatOf(x.value, x.type);
      return elideType ? v : `${v} : ${printType(x.type, alias)}`;
    }
    case "string": {
      const x = a as A.StringAttr;
      return x.type ? `${escapeString(x.value)} : ${printType(x.type, alias)}` : escapeString(x.value);
    }
    case "unit":
      return "unit";
    case "type":
      return printType((a as A.TypeAttr).type, alias);
    case "array":
      // Elements elide the default types i64 and f64, as MLIR's AttrTypeElision::May.
      return `[${(a as A.ArrayAttr).elements.map((e) => printAttribute(e, alias, elidesDefaultType(e))).join(", ")}]`;
    case "dense-array": {
      const x = a as A.DenseArrayAttr;
      const t = x.elementType;
      if (x.values.length === 0) return `array<${printType(t, alias)}>`;
      const vals = x.values.map((v) => (typeof v === "bigint" ? intText(v, t) : printFloatOf(v, t)));
      return `array<${printType(t, alias)}: ${vals.join(", ")}>`;
    }
    case "dictionary":
      return printDictionary((a as A.DictionaryAttr).entries, alias);
    case "dense": {
      const x = a as A.DenseElementsAttr;
      return `dense<${printDenseBody(x)}> : ${printType(x.type, alias)}`;
    }
    case "dense-resource": {
      const x = a as A.DenseResourceAttr;
      return `dense_resource<${x.handle}> : ${printType(x.type, alias)}`;
    }
    case "sparse": {
      const x = a as A.SparseElementsAttr;
      return `sparse<${printRawLiteral(x.indices)}, ${printRawLiteral(x.values)}> : ${printType(x.type, alias)}`;
    }
    case "affine-map":
      return `affine_map<${printMap((a as A.AffineMapAttr).map)}>`;
    case "integer-set":
      return `affine_set<${printSet((a as A.IntegerSetAttr).set)}>`;
    case "symbol-ref": {
      const x = a as A.SymbolRefAttr;
      return [x.root, ...x.nested].map(printSymbolName).join("::");
    }
    case "strided": {
      const x = a as A.StridedLayoutAttr;
      const s = (v: number | null) => (v === null ? "?" : String(v));
      const off = x.offset === 0 ? "" : `, offset: ${s(x.offset)}`;
      return `strided<[${x.strides.map(s).join(", ")}]${off}>`;
    }
    case "dialect":
      return `#${(a as A.DialectAttr).text}`;
    case "distinct": {
      const x = a as A.DistinctAttr;
      return `distinct[${x.id}]<${x.referenced.kind === "unit" ? "" : printAttribute(x.referenced, alias)}>`;
    }
    default:
      if (a instanceof A.Location) return `loc(${printLocationBody(a, alias)})`;
      return a.key;
  }
}

function elidesDefaultType(a: A.Attribute): boolean {
  if (a instanceof A.IntegerAttr) return a.type instanceof T.IntegerType && a.type.width === 64 && a.type.signedness === 0;
  if (a instanceof A.FloatAttr) return a.type instanceof T.FloatType && a.type.floatKind === "f64";
  return false;
}

function printRawLiteral(a: A.Attribute): string {
  if (a instanceof A.ArrayAttr) return `[${a.elements.map(printRawLiteral).join(", ")}]`;
  if (a instanceof A.IntegerAttr) return String(a.value);
  if (a instanceof A.FloatAttr) return formatFloat(a.value, "f64");
  if (a instanceof A.StringAttr) return escapeString(a.value);
  return a.key;
}

export function printDictionary(entries: readonly A.NamedAttribute[], alias: AliasHook = noAlias): string {
  if (entries.length === 0) return "{}";
  return `{${entries.map((e) => printNamedAttribute(e, alias)).join(", ")}}`;
}

export function printNamedAttribute(e: A.NamedAttribute, alias: AliasHook = noAlias): string {
  const name = bareIdent.test(e.name) ? e.name : escapeString(e.name);
  if (e.value.kind === "unit") return name;
  return `${name} = ${printAttribute(e.value, alias)}`;
}

function elementText(v: A.DenseValue, elt: T.Type): string {
  if (typeof v === "bigint") return intText(v, elt);
  if (typeof v === "number") return printFloatOf(v, elt);
  if (typeof v === "string") return escapeString(v);
  if (typeof v === "boolean") return v ? "true" : "false";
  const inner = elt instanceof T.ComplexType ? elt.elementType : elt;
  return `(${elementText(v[0], inner)},${elementText(v[1], inner)})`;
}

/** The body of `dense<...>`: a splat value or nested lists in row-major order. */
export function printDenseBody(x: A.DenseElementsAttr): string {
  const elt = x.type.elementType;
  if (x.splat) return elementText(x.values[0]!, elt);
  // MLIR prints elements attributes with more than 100 elements as a hex blob.
  if (x.values.length > 100) {
    const hex = hexBlob(x.values, elt);
    if (hex !== undefined) return `"0x${hex}"`;
  }
  const shape = x.type.shape ?? [];
  if (x.values.length === 0) return shape.length === 0 ? "" : "[]".padStart(2);
  if (shape.length === 0) return elementText(x.values[0]!, elt);
  const parts: string[] = [];
  let i = 0;
  const rec = (d: number) => {
    parts.push("[");
    const n = shape[d]!;
    for (let k = 0; k < n; k++) {
      if (k > 0) parts.push(", ");
      if (d === shape.length - 1) parts.push(elementText(x.values[i++]!, elt));
      else rec(d + 1);
    }
    parts.push("]");
  };
  rec(0);
  return parts.join("");
}

function scalarBits(t: T.Type): number | undefined {
  if (t instanceof T.IntegerType) return t.width;
  if (t instanceof T.IndexType) return 64;
  if (t instanceof T.FloatType) return floatWidth(t.floatKind);
  return undefined;
}

/** The raw little-endian bytes of the elements in upper-case hex, as MLIR's hex form. */
function hexBlob(values: readonly A.DenseValue[], elt: T.Type): string | undefined {
  const inner = elt instanceof T.ComplexType ? elt.elementType : elt;
  const bits = scalarBits(inner);
  if (bits === undefined || (bits === 1 && !(elt instanceof T.ComplexType) && false)) return undefined;
  const bytes = Math.ceil(bits / 8);
  const parts: string[] = [];
  const push = (v: bigint | number) => {
    let raw: bigint;
    if (typeof v === "number") raw = floatToBits(v, (inner as T.FloatType).floatKind);
    else raw = BigInt.asUintN(bytes * 8, v);
    let s = "";
    for (let i = 0; i < bytes; i++) {
      s += Number(raw & 0xffn).toString(16).toUpperCase().padStart(2, "0");
      raw >>= 8n;
    }
    parts.push(s);
  };
  for (const v of values) {
    if (typeof v === "object") {
      push(v[0] as bigint | number);
      push(v[1] as bigint | number);
    } else if (typeof v === "bigint" || typeof v === "number") push(v);
    else return undefined;
  }
  return parts.join("");
}

export function printLocationBody(l: A.Attribute, alias: AliasHook = noAlias): string {
  if (l instanceof A.UnknownLoc) return "unknown";
  if (l instanceof A.FileLineColLoc) {
    let s = `${escapeString(l.file)}:${l.line}:${l.col}`;
    if (l.endLine !== undefined) s += l.endLine === l.line ? ` to :${l.endCol}` : ` to ${l.endLine}:${l.endCol}`;
    else if (l.endCol !== undefined) s += ` to :${l.endCol}`;
    return s;
  }
  if (l instanceof A.NameLoc)
    return l.child && !(l.child instanceof A.UnknownLoc)
      ? `${escapeString(l.name)}(${printLocationBody(l.child, alias)})`
      : escapeString(l.name);
  if (l instanceof A.CallSiteLoc)
    return `callsite(${printLocationBody(l.callee, alias)} at ${printLocationBody(l.caller, alias)})`;
  if (l instanceof A.FusedLoc) {
    const md = l.metadata ? `<${printAttribute(l.metadata, alias)}>` : "";
    return `fused${md}[${l.locations.map((x) => printLocationBody(x, alias)).join(", ")}]`;
  }
  if (l instanceof A.OpaqueLoc) return printAttribute(l.attr, alias);
  return "unknown";
}
