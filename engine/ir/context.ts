// The Context owns uniqued types and attributes (one object per distinct value) and the
// dialect registry; everything that needs "the same type" compares references.
import * as A from "./attributes.ts";
import * as T from "./types.ts";
import type { AffineMap, IntegerSet } from "./affine.ts";
import { printMap, printSet } from "./affine.ts";
import type { FloatKind } from "./float-format.ts";
import type { DialectRegistry } from "../dialects/registry.ts";

const esc = (s: string) => JSON.stringify(s);
const dimText = (d: number) => (d < 0 ? "?" : String(d));

export class Context {
  private readonly types = new Map<string, T.Type>();
  private readonly attrs = new Map<string, A.Attribute>();
  private nextDistinct = 0;
  /** Whether ops of unregistered dialects are accepted (`--allow-unregistered-dialect`). */
  allowUnregistered = false;

  readonly registry: DialectRegistry;
  constructor(registry: DialectRegistry) {
    this.registry = registry;
  }

  private type<X extends T.Type>(key: string, make: (key: string) => X): X {
    let t = this.types.get(key);
    if (t === undefined) {
      t = make(key);
      this.types.set(key, t);
    }
    return t as X;
  }

  private attr<X extends A.Attribute>(key: string, make: (key: string) => X): X {
    let a = this.attrs.get(key);
    if (a === undefined) {
      a = make(key);
      this.attrs.set(key, a);
    }
    return a as X;
  }

  // ----- types -----

  /** Signless integer types by width (the most common types by far). */
  private readonly signless: (T.IntegerType | undefined)[] = [];

  integer(width: number, signedness: T.Signedness = T.Signedness.signless): T.IntegerType {
    if (signedness === 0 && width < 4096) {
      const t = this.signless[width];
      if (t !== undefined) return t;
      while (this.signless.length < width) this.signless.push(undefined);
      return (this.signless[width] = this.type("i" + width, (k) => new T.IntegerType(k, width, 0)));
    }
    const prefix = signedness === 0 ? "i" : signedness === 1 ? "si" : "ui";
    return this.type(prefix + width, (k) => new T.IntegerType(k, width, signedness));
  }
  i1(): T.IntegerType {
    return this.integer(1);
  }
  i32(): T.IntegerType {
    return this.integer(32);
  }
  i64(): T.IntegerType {
    return this.integer(64);
  }
  f32(): T.FloatType {
    return this.float("f32");
  }
  f64(): T.FloatType {
    return this.float("f64");
  }
  index(): T.IndexType {
    return this.type("index", (k) => new T.IndexType(k));
  }
  float(kind: FloatKind): T.FloatType {
    return this.type(kind, (k) => new T.FloatType(k, kind));
  }
  none(): T.NoneType {
    return this.type("none", (k) => new T.NoneType(k));
  }
  complex(element: T.Type): T.ComplexType {
    return this.type(`complex<${element.key}>`, (k) => new T.ComplexType(k, element));
  }
  vector(shape: readonly number[], element: T.Type, scalable?: readonly boolean[]): T.VectorType {
    const sc = scalable ?? shape.map(() => false);
    const dims = shape.map((d, i) => (sc[i] ? `[${d}]` : String(d)));
    return this.type(
      `vector<${dims.map((d) => d + "x").join("")}${element.key}>`,
      (k) => new T.VectorType(k, shape, sc, element),
    );
  }
  tensor(shape: readonly number[], element: T.Type, encoding?: A.Attribute): T.RankedTensorType {
    const enc = encoding ? `, ${encoding.key}` : "";
    return this.type(
      `tensor<${shape.map((d) => dimText(d) + "x").join("")}${element.key}${enc}>`,
      (k) => new T.RankedTensorType(k, shape, element, encoding),
    );
  }
  unrankedTensor(element: T.Type): T.UnrankedTensorType {
    return this.type(`tensor<*x${element.key}>`, (k) => new T.UnrankedTensorType(k, element));
  }
  memref(shape: readonly number[], element: T.Type, layout?: A.Attribute, memorySpace?: A.Attribute): T.MemRefType {
    const l = layout ? `, ${layout.key}` : "";
    const m = memorySpace ? `, ${memorySpace.key}` : "";
    return this.type(
      `memref<${shape.map((d) => dimText(d) + "x").join("")}${element.key}${l}${m}>`,
      (k) => new T.MemRefType(k, shape, element, layout, memorySpace),
    );
  }
  unrankedMemref(element: T.Type, memorySpace?: A.Attribute): T.UnrankedMemRefType {
    const m = memorySpace ? `, ${memorySpace.key}` : "";
    return this.type(`memref<*x${element.key}${m}>`, (k) => new T.UnrankedMemRefType(k, element, memorySpace));
  }
  tuple(types: readonly T.Type[]): T.TupleType {
    return this.type(`tuple<${types.map((t) => t.key).join(", ")}>`, (k) => new T.TupleType(k, types));
  }
  func(inputs: readonly T.Type[], results: readonly T.Type[]): T.FunctionType {
    const r =
      results.length === 1 && !(results[0] instanceof T.FunctionType)
        ? results[0]!.key
        : `(${results.map((t) => t.key).join(", ")})`;
    return this.type(`(${inputs.map((t) => t.key).join(", ")}) -> ${r}`, (k) => new T.FunctionType(k, inputs, results));
  }
  dialectType(dialect: string, text: string): T.DialectType {
    return this.type(`!${text}`, (k) => new T.DialectType(k, dialect, text));
  }

  // ----- attributes -----

  integerAttr(type: T.Type, value: bigint | number): A.IntegerAttr {
    const v = BigInt(value);
    const key =
      type instanceof T.IntegerType && type.width === 1 && type.signedness === 0 ? (v ? "true" : "false") : `${v} : ${type.key}`;
    return this.attr(key, (k) => new A.IntegerAttr(k, type, v));
  }
  bool(value: boolean): A.IntegerAttr {
    return this.integerAttr(this.integer(1), value ? 1n : 0n);
  }
  floatAttr(type: T.Type, value: number): A.FloatAttr {
    const v = Object.is(value, -0) ? "-0" : String(value);
    return this.attr(`${v} : ${type.key}`, (k) => new A.FloatAttr(k, type, value));
  }
  string(value: string, type?: T.Type): A.StringAttr {
    return this.attr(type ? `${esc(value)} : ${type.key}` : esc(value), (k) => new A.StringAttr(k, value, type));
  }
  unit(): A.UnitAttr {
    return this.attr("unit", (k) => new A.UnitAttr(k));
  }
  typeAttr(type: T.Type): A.TypeAttr {
    return this.attr(`type:${type.key}`, (k) => new A.TypeAttr(k, type));
  }
  array(elements: readonly A.Attribute[]): A.ArrayAttr {
    return this.attr(`[${elements.map((e) => e.key).join(", ")}]`, (k) => new A.ArrayAttr(k, elements));
  }
  denseArray(elementType: T.Type, values: readonly (bigint | number)[]): A.DenseArrayAttr {
    // Integer arrays hold bigints, float arrays numbers, whatever the caller passed.
    if (elementType instanceof T.IntegerType) values = values.map((v) => (typeof v === "bigint" ? v : BigInt(v)));
    else values = values.map((v) => (typeof v === "number" ? v : Number(v)));
    return this.attr(
      `array<${elementType.key}: ${values.map(String).join(", ")}>`,
      (k) => new A.DenseArrayAttr(k, elementType, values),
    );
  }
  /** Small dictionaries (the common case: none or one entry) are found without building a key. */
  private emptyDict: A.DictionaryAttr | undefined;
  private readonly singleDicts = new Map<string, Map<A.Attribute, A.DictionaryAttr>>();

  dictionary(entries: readonly A.NamedAttribute[]): A.DictionaryAttr {
    if (entries.length === 0) return (this.emptyDict ??= this.attr("{}", (k) => new A.DictionaryAttr(k, [])));
    if (entries.length === 1) {
      const e = entries[0]!;
      let byValue = this.singleDicts.get(e.name);
      if (byValue === undefined) this.singleDicts.set(e.name, (byValue = new Map()));
      let d = byValue.get(e.value);
      if (d === undefined) {
        d = this.attr(`{${esc(e.name)} = ${e.value.key}}`, (k) => new A.DictionaryAttr(k, [e]));
        byValue.set(e.value, d);
      }
      return d;
    }
    const sorted = [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return this.attr(
      `{${sorted.map((e) => `${esc(e.name)} = ${e.value.key}`).join(", ")}}`,
      (k) => new A.DictionaryAttr(k, sorted),
    );
  }
  dense(type: T.ShapedType, values: readonly A.DenseValue[], splat: boolean): A.DenseElementsAttr {
    // A dense attribute whose elements are all equal is stored as a splat, as MLIR does.
    if (!splat && values.length > 0) {
      const first = denseKey(values[0]!);
      let same = true;
      for (let i = 1; i < values.length && same; i++) same = denseKey(values[i]!) === first;
      if (same) {
        values = [values[0]!];
        splat = true;
      }
    }
    const body = splat ? denseKey(values[0]!) : values.map(denseKey).join(",");
    return this.attr(`dense<${body}> : ${type.key}`, (k) => new A.DenseElementsAttr(k, type, values, splat));
  }
  denseResource(type: T.ShapedType, handle: string): A.DenseResourceAttr {
    return this.attr(`dense_resource<${handle}> : ${type.key}`, (k) => new A.DenseResourceAttr(k, type, handle));
  }
  sparse(type: T.ShapedType, indices: A.Attribute, values: A.Attribute): A.SparseElementsAttr {
    return this.attr(
      `sparse<${indices.key}, ${values.key}> : ${type.key}`,
      (k) => new A.SparseElementsAttr(k, type, indices, values),
    );
  }
  affineMap(map: AffineMap): A.AffineMapAttr {
    return this.attr(`affine_map<${printMap(map)}>`, (k) => new A.AffineMapAttr(k, map));
  }
  integerSet(set: IntegerSet): A.IntegerSetAttr {
    return this.attr(`affine_set<${printSet(set)}>`, (k) => new A.IntegerSetAttr(k, set));
  }
  symbolRef(root: string, nested: readonly string[] = []): A.SymbolRefAttr {
    return this.attr(
      ["@" + esc(root), ...nested.map((n) => "@" + esc(n))].join("::"),
      (k) => new A.SymbolRefAttr(k, root, nested),
    );
  }
  strided(strides: readonly (number | null)[], offset: number | null): A.StridedLayoutAttr {
    const s = (x: number | null) => (x === null ? "?" : String(x));
    return this.attr(
      `strided<[${strides.map(s).join(", ")}], offset: ${s(offset)}>`,
      (k) => new A.StridedLayoutAttr(k, strides, offset),
    );
  }
  dialectAttr(dialect: string, text: string): A.DialectAttr {
    return this.attr(`#${text}`, (k) => new A.DialectAttr(k, dialect, text));
  }
  /** A fresh distinct attribute (never uniqued with another). */
  distinct(referenced: A.Attribute): A.DistinctAttr {
    const id = this.nextDistinct++;
    return new A.DistinctAttr(`distinct[${id}]<${referenced.key}>`, id, referenced);
  }

  // ----- locations -----

  unknownLoc(): A.UnknownLoc {
    return this.attr("loc(unknown)", (k) => new A.UnknownLoc(k));
  }
  /** Per file, plain `file:line:col` locations keyed by number (one per parsed op: a hot path). */
  private readonly fileLocs = new Map<string, { quoted: string; byLine: (A.FileLineColLoc[] | undefined)[] }>();

  fileLoc(file: string, line: number, col: number, endLine?: number, endCol?: number): A.FileLineColLoc {
    if (endLine === undefined && endCol === undefined && col < 1 << 20 && line < 1 << 30) {
      // Plain locations are uniqued here only (nothing else creates them).
      let f = this.fileLocs.get(file);
      if (f === undefined) this.fileLocs.set(file, (f = { quoted: esc(file), byLine: [] }));
      let cols = f.byLine[line];
      if (cols === undefined) f.byLine[line] = cols = [];
      for (const l of cols) if (l.col === col) return l;
      const l = new A.FileLineColLoc(`loc(${f.quoted}:${line}:${col})`, file, line, col, undefined, undefined);
      cols.push(l);
      return l;
    }
    const range = endLine !== undefined ? ` to ${endLine}:${endCol ?? 0}` : endCol !== undefined ? ` to :${endCol}` : "";
    return this.attr(
      `loc(${esc(file)}:${line}:${col}${range})`,
      (k) => new A.FileLineColLoc(k, file, line, col, endLine, endCol),
    );
  }
  nameLoc(name: string, child?: A.Location): A.NameLoc {
    return this.attr(`loc(${esc(name)}${child ? `(${child.key})` : ""})`, (k) => new A.NameLoc(k, name, child));
  }
  callSiteLoc(callee: A.Location, caller: A.Location): A.CallSiteLoc {
    return this.attr(`loc(callsite(${callee.key} at ${caller.key}))`, (k) => new A.CallSiteLoc(k, callee, caller));
  }
  fusedLoc(locations: readonly A.Location[], metadata?: A.Attribute): A.FusedLoc {
    const md = metadata ? `<${metadata.key}>` : "";
    return this.attr(`loc(fused${md}[${locations.map((l) => l.key).join(", ")}])`, (k) => new A.FusedLoc(k, locations, metadata));
  }
  opaqueLoc(attr: A.Attribute): A.OpaqueLoc {
    return this.attr(`loc(${attr.key})`, (k) => new A.OpaqueLoc(k, attr));
  }

  /** Number of distinct types and attributes (for tests of uniquing). */
  get uniquedCount(): number {
    return this.types.size + this.attrs.size;
  }
}

function denseKey(v: A.DenseValue): string {
  if (typeof v === "object") return `(${String(v[0])},${String(v[1])})`;
  if (typeof v === "number" && Object.is(v, -0)) return "-0";
  if (typeof v === "string") return esc(v);
  return String(v);
}
