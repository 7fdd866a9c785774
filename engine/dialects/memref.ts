// The memref dialect (LLVM 22): allocation, globals, loads and stores, views (subview, reshapes,
// reinterpret_cast, transpose), atomics, DMA and metadata extraction, with MLIR's custom assembly.
import { op, Trait, type Dialect, type OpDef } from "./registry.ts";
import type { OpAsmParser, ParsedOp } from "../../grammar/mlir/asm-parser.ts";
import type { OpAsmPrinter } from "../../grammar/mlir/asm-printer.ts";
import { Operation } from "../ir/operation.ts";
import type { Type } from "../ir/types.ts";
import { IntegerType, MemRefType, ShapedType } from "../ir/types.ts";
import {
  AffineMapAttr,
  DenseElementsAttr,
  DenseResourceAttr,
  IntegerAttr,
  StringAttr,
  TypeAttr,
  UnitAttr,
  type Attribute,
} from "../ir/attributes.ts";
import { printDenseBody } from "../../grammar/mlir/print-attribute.ts";
import { parseAffineMapBody } from "../../grammar/mlir/parse-affine.ts";
import {
  anyMemRef,
  arrayAttr,
  constraint,
  denseI64Array,
  elementOf,
  group,
  i32Attr,
  i64Attr,
  indexType,
  printAttrs,
  rankedMemRef,
  resolveIndices,
  tensorOfMemRef,
  unitAttr,
} from "./shaped-ops.ts";

const named = (name: string) => (): string[] => [name];
const indices = (name: string) => ({ name, arity: "variadic" as const, type: indexType });

const memref1d = constraint<Type>("1D memref of any type values", (t) => t instanceof MemRefType && t.shape.length === 1);
const boolAttr = constraint<Attribute>(
  "bool attribute",
  (a) => a instanceof IntegerAttr && a.type instanceof IntegerType && a.type.width === 1,
);
const typeAttr = constraint<Attribute>("memref type attribute", (a) => a instanceof TypeAttr && a.type instanceof MemRefType);
const symbolAttr = constraint<Attribute>("flat symbol reference attribute", (a) => a.kind === "symbol-ref");

/**
 * DefaultValuedOptionalAttr<BoolAttr, "false">. MLIR's printer elides an explicit `false`, which
 * loses it on a round trip; prr prints what the op holds so that nothing is lost.
 */
// MLIR's DefaultValuedOptionalAttr<BoolAttr, "false">. MLIR's custom printer drops an explicit
// `false`, which its parser then reads back as absent (a lossy round trip); prr keeps it.
const nontemporalSpec = { type: boolAttr, optional: true };

/** MLIR's AtomicRMWKind, in storage order. */
const atomicKinds = [
  "addf",
  "addi",
  "andi",
  "assign",
  "maximumf",
  "maxnumf",
  "maxs",
  "maxu",
  "minimumf",
  "minnumf",
  "mins",
  "minu",
  "mulf",
  "muli",
  "ori",
  "xori",
];

// ----- allocation -----

function verifyAlloc(o: Operation, emit: (m: string) => void): void {
  const t = o.result().type;
  if (!(t instanceof MemRefType)) return;
  const dyn = t.shape.filter((d) => d < 0).length;
  if (group(o, 0).length !== dyn) emit("dimension operand count does not equal memref dynamic dimension count");
}

/** Appends `memref.alloca_scope.return` to a body without a terminator (ensureTerminator). */
function ensureReturn(o: ParsedOp, p: OpAsmParser): void {
  const region = o.regions[0]!;
  const block = region.ensureBlock();
  const last = block.last;
  if (last !== null && last.hasTrait(Trait.Terminator)) return;
  block.append(Operation.create(p.ctx, { name: "memref.alloca_scope.return", loc: o.loc }));
}

function parseAllocaScope(p: OpAsmParser, s: ParsedOp): void {
  s.resultTypes = p.parseOptionalArrowTypeList();
  s.regions.push(p.parseRegion());
  ensureReturn(s, p);
  p.parseOptionalAttrDict(s);
}

function printAllocaScope(p: OpAsmPrinter, o: Operation): void {
  p.print(" ");
  const hasResults = o.results.length > 0;
  if (hasResults) {
    p.print(" -> (");
    p.printTypes(o.resultTypes);
    p.print(")");
  }
  p.print(" ");
  p.printRegion(o.region(), false, hasResults);
  printAttrs(p, o);
}

// ----- globals -----

function parseGlobal(p: OpAsmParser, s: ParsedOp): void {
  const ctx = p.ctx;
  const vis = p.parseOptionalString();
  if (vis !== undefined) s.addAttribute("sym_visibility", ctx.string(vis));
  if (p.parseOptionalKeyword("constant")) s.addAttribute("constant", ctx.unit());
  s.addAttribute("sym_name", ctx.string(p.parseSymbolName()));
  const type = p.parseColonType();
  s.addAttribute("type", ctx.typeAttr(type));
  if (p.parseOptionalEqual()) {
    if (p.parseOptionalKeyword("uninitialized")) s.addAttribute("initial_value", ctx.unit());
    else s.addAttribute("initial_value", p.parseAttribute(tensorOfMemRef(ctx, type)));
  }
  p.parseOptionalAttrDict(s);
}

function printGlobal(p: OpAsmPrinter, o: Operation): void {
  const vis = o.getAttr("sym_visibility");
  if (vis instanceof StringAttr) {
    p.print(" ");
    p.printString(vis.value);
  }
  if (o.getAttr("constant") !== undefined) p.print(" constant");
  const name = o.getAttr("sym_name");
  p.print(" ");
  p.printSymbolName(name instanceof StringAttr ? name.value : "");
  const type = o.getAttr("type");
  p.print(" : ");
  if (type instanceof TypeAttr) p.printType(type.type);
  const init = o.getAttr("initial_value");
  if (init !== undefined) {
    p.print(" = ");
    if (init instanceof UnitAttr) p.print("uninitialized");
    else if (init instanceof DenseElementsAttr) p.print(`dense<${printDenseBody(init)}>`);
    else if (init instanceof DenseResourceAttr) p.print(`dense_resource<${init.handle}>`);
    else p.printAttributeWithoutType(init);
  }
  printAttrs(p, o, ["sym_visibility", "constant", "sym_name", "type", "initial_value"]);
}

// ----- loads, stores, atomics -----

/** ` %m[%i, %j]` */
function printIndexed(p: OpAsmPrinter, memref: Operation["operandValues"][number], indices: Operation["operandValues"]): void {
  p.printOperand(memref);
  p.print("[");
  p.printOperands(indices);
  p.print("]");
}

function parseStore(p: OpAsmParser, s: ParsedOp): void {
  const value = p.parseOperand();
  p.parseComma();
  const memref = p.parseOperand();
  const indices = p.parseOperandList("square");
  p.parseOptionalAttrDict(s);
  const t = p.parseColonType();
  s.operands = [p.resolveOperand(value, elementOf(t)), p.resolveOperand(memref, t), ...resolveIndices(p, indices)];
}

function printStore(p: OpAsmPrinter, o: Operation): void {
  const [value, memref, ...indices] = o.operandValues;
  p.print(" ");
  p.printOperand(value!);
  p.print(", ");
  printIndexed(p, memref!, indices);
  printAttrs(p, o);
  p.print(" : ");
  p.printType(memref!.type);
}

function verifyIndexCount(first: number) {
  return (o: Operation, emit: (m: string) => void): void => {
    const t = o.operand(first).type;
    const n = o.operands.length - first - 1;
    if (t instanceof ShapedType && t.rank !== undefined && t.rank !== n)
      emit("incorrect number of indices for load, expected " + t.rank + " but got " + n);
  };
}

function parseGenericAtomicRmw(p: OpAsmParser, s: ParsedOp): void {
  const memref = p.parseOperand();
  const indices = p.parseOperandList("square");
  const t = p.parseColonType();
  s.operands = [p.resolveOperand(memref, t), ...resolveIndices(p, indices)];
  s.regions.push(p.parseRegion());
  p.parseOptionalAttrDict(s);
  s.resultTypes = [elementOf(t)];
}

function printGenericAtomicRmw(p: OpAsmPrinter, o: Operation): void {
  const [memref, ...indices] = o.operandValues;
  p.print(" ");
  printIndexed(p, memref!, indices);
  p.print(" : ");
  p.printType(memref!.type);
  p.print(" ");
  p.printRegion(o.region());
  printAttrs(p, o);
}

function parsePrefetch(p: OpAsmParser, s: ParsedOp): void {
  const ctx = p.ctx;
  const memref = p.parseOperand();
  const indices = p.parseOperandList("square");
  p.parseComma();
  const rw = p.parseAnyKeyword("read or write");
  if (rw !== "read" && rw !== "write") p.error("rw specifier has to be 'read' or 'write'");
  p.parseComma();
  p.parseKeyword("locality");
  p.parseLess();
  s.addAttribute("localityHint", ctx.integerAttr(ctx.i32(), p.parseInteger()));
  p.parseGreater();
  p.parseComma();
  const cache = p.parseAnyKeyword("data or instr");
  if (cache !== "data" && cache !== "instr") p.error("cache type has to be 'data' or 'instr'");
  s.addAttribute("isWrite", ctx.bool(rw === "write"));
  s.addAttribute("isDataCache", ctx.bool(cache === "data"));
  p.parseOptionalAttrDict(s);
  const t = p.parseColonType();
  s.operands = [p.resolveOperand(memref, t), ...resolveIndices(p, indices)];
}

function printPrefetch(p: OpAsmPrinter, o: Operation): void {
  const [memref, ...indices] = o.operandValues;
  const flag = (n: string) => {
    const a = o.getAttr(n);
    return a instanceof IntegerAttr && a.value !== 0n;
  };
  const hint = o.getAttr("localityHint");
  p.print(" ");
  printIndexed(p, memref!, indices);
  p.print(`, ${flag("isWrite") ? "write" : "read"}, locality<${hint instanceof IntegerAttr ? hint.value : 0}>, `);
  p.print(flag("isDataCache") ? "data" : "instr");
  printAttrs(p, o, ["localityHint", "isWrite", "isDataCache"]);
  p.print(" : ");
  p.printType(memref!.type);
}

// ----- DMA -----

/** `%src[%i], %dst[%j], %n, %tag[%k] (, %stride, %per)? : srcT, dstT, tagT` */
function parseDmaStart(p: OpAsmParser, s: ParsedOp): void {
  const src = p.parseOperand();
  const srcIdx = p.parseOperandList("square");
  p.parseComma();
  const dst = p.parseOperand();
  const dstIdx = p.parseOperandList("square");
  p.parseComma();
  const num = p.parseOperand();
  p.parseComma();
  const tag = p.parseOperand();
  const tagIdx = p.parseOperandList("square");
  const strides = p.parseOptionalComma() ? p.parseOperandList() : [];
  p.parseOptionalAttrDict(s);
  const st = p.parseColonType();
  p.parseComma();
  const dt = p.parseType();
  p.parseComma();
  const tt = p.parseType();
  s.operands = [
    p.resolveOperand(src, st),
    ...resolveIndices(p, srcIdx),
    p.resolveOperand(dst, dt),
    ...resolveIndices(p, dstIdx),
    p.resolveOperand(num, p.ctx.index()),
    p.resolveOperand(tag, tt),
    ...resolveIndices(p, tagIdx),
    ...resolveIndices(p, strides),
  ];
}

function rank(t: Type): number {
  return t instanceof ShapedType ? (t.rank ?? 0) : 0;
}

function printDmaStart(p: OpAsmPrinter, o: Operation): void {
  const v = o.operandValues;
  const src = v[0]!;
  const sr = rank(src.type);
  const dst = v[1 + sr]!;
  const dr = rank(dst.type);
  const num = v[2 + sr + dr]!;
  const tag = v[3 + sr + dr]!;
  const tr = rank(tag.type);
  const rest = v.slice(4 + sr + dr + tr);
  p.print(" ");
  printIndexed(p, src, v.slice(1, 1 + sr));
  p.print(", ");
  printIndexed(p, dst, v.slice(2 + sr, 2 + sr + dr));
  p.print(", ");
  p.printOperand(num);
  p.print(", ");
  printIndexed(p, tag, v.slice(4 + sr + dr, 4 + sr + dr + tr));
  if (rest.length > 0) {
    p.print(", ");
    p.printOperands(rest);
  }
  printAttrs(p, o);
  p.print(" : ");
  p.printTypes([src.type, dst.type, tag.type]);
}

// ----- views -----

function parseTranspose(p: OpAsmParser, s: ParsedOp): void {
  const source = p.parseOperand();
  s.addAttribute("permutation", p.ctx.affineMap(parseAffineMapBody(p.p)));
  p.parseOptionalAttrDict(s);
  const t = p.parseColonType();
  p.parseKeyword("to");
  s.resultTypes = [p.parseType()];
  s.operands = [p.resolveOperand(source, t)];
}

function printTranspose(p: OpAsmPrinter, o: Operation): void {
  const perm = o.getAttr("permutation");
  p.print(" ");
  p.printOperand(o.operand(0));
  p.print(" ");
  p.print(perm instanceof AffineMapAttr ? perm.map.toString() : "");
  printAttrs(p, o, ["permutation"]);
  p.print(" : ");
  p.printType(o.operand(0).type);
  p.print(" to ");
  p.printType(o.result().type);
}

// ----- the dialect -----

const ops: OpDef[] = [
  op("memref.alloc", {
    traits: [Trait.AttrSizedOperandSegments],
    operands: [indices("dynamicSizes"), indices("symbolOperands")],
    results: [{ name: "memref", type: rankedMemRef }],
    attributes: { alignment: { type: i64Attr, optional: true }, operandSegmentSizes: {} },
    format: "`(`$dynamicSizes`)` (`` `[` $symbolOperands^ `]`)? attr-dict `:` type($memref)",
    resultNames: named("alloc"),
    verify: verifyAlloc,
  }),
  op("memref.alloca", {
    traits: [Trait.AttrSizedOperandSegments],
    operands: [indices("dynamicSizes"), indices("symbolOperands")],
    results: [{ name: "memref", type: rankedMemRef }],
    attributes: { alignment: { type: i64Attr, optional: true }, operandSegmentSizes: {} },
    format: "`(`$dynamicSizes`)` (`` `[` $symbolOperands^ `]`)? attr-dict `:` type($memref)",
    resultNames: named("alloca"),
    verify: verifyAlloc,
  }),
  op("memref.alloca_scope", {
    traits: [Trait.AutomaticAllocationScope, Trait.SingleBlock],
    results: [{ name: "results", arity: "variadic" }],
    regions: 1,
    parse: parseAllocaScope,
    print: printAllocaScope,
  }),
  op("memref.alloca_scope.return", {
    traits: [Trait.Pure, Trait.Terminator, Trait.ReturnLike],
    operands: [{ name: "results", arity: "variadic" }],
    parents: ["memref.alloca_scope"],
    format: "attr-dict ($results^ `:` type($results))?",
  }),
  op("memref.assume_alignment", {
    traits: [Trait.Pure],
    operands: [{ name: "memref", type: anyMemRef }],
    results: [{ name: "result", type: anyMemRef }],
    attributes: { alignment: { type: i32Attr } },
    format: "$memref `,` $alignment attr-dict `:` type($memref)",
    typesMatch: [["memref", "result"]],
    resultNames: named("assume_align"),
  }),
  op("memref.atomic_rmw", {
    operands: [{ name: "value" }, { name: "memref", type: rankedMemRef }, indices("indices")],
    results: [{ name: "result" }],
    attributes: { kind: { type: i64Attr, enumCases: atomicKinds } },
    format: "$kind $value `,` $memref `[` $indices `]` attr-dict `:` `(` type($value) `,` type($memref) `)` `->` type($result)",
  }),
  op("memref.atomic_yield", {
    traits: [Trait.Pure, Trait.Terminator, Trait.ReturnLike],
    operands: [{ name: "result" }],
    parents: ["memref.generic_atomic_rmw"],
    format: "$result attr-dict `:` type($result)",
  }),
  op("memref.cast", {
    traits: [Trait.Pure],
    operands: [{ name: "source", type: anyMemRef }],
    results: [{ name: "dest", type: anyMemRef }],
    format: "$source attr-dict `:` type($source) `to` type($dest)",
    resultNames: named("cast"),
  }),
  op("memref.collapse_shape", {
    traits: [Trait.Pure],
    operands: [{ name: "src", type: rankedMemRef }],
    results: [{ name: "result", type: rankedMemRef }],
    attributes: { reassociation: { type: arrayAttr } },
    format: "$src $reassociation attr-dict `:` type($src) `into` type($result)",
    resultNames: named("collapse_shape"),
  }),
  op("memref.copy", {
    operands: [
      { name: "source", type: anyMemRef },
      { name: "target", type: anyMemRef },
    ],
    format: "$source `,` $target attr-dict `:` type($source) `to` type($target)",
  }),
  op("memref.dealloc", {
    operands: [{ name: "memref", type: anyMemRef }],
    format: "$memref attr-dict `:` type($memref)",
  }),
  op("memref.dim", {
    traits: [Trait.Pure],
    operands: [
      { name: "source", type: anyMemRef },
      { name: "index", type: indexType },
    ],
    results: [{ name: "result", type: indexType }],
    format: "attr-dict $source `,` $index `:` type($source)",
    resultNames: named("dim"),
  }),
  op("memref.distinct_objects", {
    traits: [Trait.Pure],
    operands: [{ name: "operands", arity: "variadic", type: anyMemRef }],
    results: [{ name: "results", arity: "variadic", type: anyMemRef }],
    format: "$operands attr-dict `:` type($operands)",
    inferResultTypes: (_ctx, types) => [...types],
  }),
  op("memref.dma_start", {
    operands: [{ name: "operands", arity: "variadic" }],
    parse: parseDmaStart,
    print: printDmaStart,
  }),
  op("memref.dma_wait", {
    operands: [{ name: "tagMemRef", type: anyMemRef }, indices("tagIndices"), { name: "numElements", type: indexType }],
    format: "$tagMemRef `[` $tagIndices `]` `,` $numElements attr-dict `:` type($tagMemRef)",
  }),
  op("memref.expand_shape", {
    traits: [Trait.Pure],
    operands: [{ name: "src", type: rankedMemRef }, indices("output_shape")],
    results: [{ name: "result", type: rankedMemRef }],
    attributes: { reassociation: { type: arrayAttr }, static_output_shape: { type: denseI64Array } },
    format:
      "$src $reassociation `output_shape` custom<DynamicIndexList>($output_shape, $static_output_shape) attr-dict `:` type($src) `into` type($result)",
    resultNames: named("expand_shape"),
  }),
  op("memref.extract_aligned_pointer_as_index", {
    traits: [Trait.Pure],
    operands: [{ name: "source", type: anyMemRef }],
    results: [{ name: "aligned_pointer", type: indexType }],
    format: "$source `:` type($source) `->` type(results) attr-dict",
    resultNames: named("intptr"),
  }),
  op("memref.extract_strided_metadata", {
    traits: [Trait.Pure],
    operands: [{ name: "source", type: anyMemRef }],
    results: [
      { name: "base_buffer", type: anyMemRef },
      { name: "offset", type: indexType },
      { name: "sizes", arity: "variadic", type: indexType },
      { name: "strides", arity: "variadic", type: indexType },
    ],
    format: "$source `:` type($source) `->` type(results) attr-dict",
    resultNames(o) {
      const n = o.results.length;
      const r = (n - 2) / 2;
      const names: (string | undefined)[] = ["base_buffer", "offset"];
      if (r > 0) {
        names[2] = "sizes";
        names[2 + r] = "strides";
      }
      return names;
    },
  }),
  op("memref.generic_atomic_rmw", {
    operands: [
      { name: "memref", type: rankedMemRef },
      { name: "indices", arity: "variadic", type: indexType },
    ],
    results: [{ name: "result" }],
    regions: 1,
    parse: parseGenericAtomicRmw,
    print: printGenericAtomicRmw,
  }),
  op("memref.get_global", {
    traits: [Trait.Pure],
    results: [{ name: "result", type: rankedMemRef }],
    attributes: { name: { type: symbolAttr } },
    format: "$name `:` type($result) attr-dict",
  }),
  op("memref.global", {
    traits: [Trait.Symbol],
    attributes: {
      sym_name: {},
      sym_visibility: { optional: true },
      type: { type: typeAttr },
      initial_value: { optional: true },
      constant: { type: unitAttr, optional: true },
      alignment: { type: i64Attr, optional: true },
    },
    parse: parseGlobal,
    print: printGlobal,
  }),
  op("memref.load", {
    operands: [{ name: "memref", type: anyMemRef }, indices("indices")],
    results: [{ name: "result" }],
    attributes: { nontemporal: nontemporalSpec, alignment: { type: i64Attr, optional: true } },
    format: "$memref `[` $indices `]` attr-dict `:` type($memref)",
    inferResultTypes: (_ctx, types) => [elementOf(types[0]!)],
    verify: verifyIndexCount(0),
  }),
  op("memref.memory_space_cast", {
    traits: [Trait.Pure],
    operands: [{ name: "source", type: anyMemRef }],
    results: [{ name: "dest", type: anyMemRef }],
    format: "$source attr-dict `:` type($source) `to` type($dest)",
    resultNames: named("memspacecast"),
  }),
  op("memref.prefetch", {
    operands: [
      { name: "memref", type: anyMemRef },
      { name: "indices", arity: "variadic", type: indexType },
    ],
    attributes: { isWrite: { type: boolAttr }, localityHint: { type: i32Attr }, isDataCache: { type: boolAttr } },
    parse: parsePrefetch,
    print: printPrefetch,
  }),
  op("memref.rank", {
    traits: [Trait.Pure],
    operands: [{ name: "memref", type: anyMemRef }],
    results: [{ name: "result", type: indexType }],
    format: "$memref attr-dict `:` type($memref)",
    inferResultTypes: (ctx) => [ctx.index()],
  }),
  op("memref.realloc", {
    operands: [
      { name: "source", type: memref1d },
      { name: "dynamicResultSize", arity: "optional", type: indexType },
    ],
    results: [{ name: "result", type: memref1d }],
    attributes: { alignment: { type: i64Attr, optional: true } },
    format: "$source (`(` $dynamicResultSize^ `)`)? attr-dict `:` type($source) `to` type(results)",
  }),
  op("memref.reinterpret_cast", {
    traits: [Trait.Pure, Trait.AttrSizedOperandSegments],
    operands: [{ name: "source", type: anyMemRef }, indices("offsets"), indices("sizes"), indices("strides")],
    results: [{ name: "result", type: rankedMemRef }],
    attributes: {
      static_offsets: { type: denseI64Array },
      static_sizes: { type: denseI64Array },
      static_strides: { type: denseI64Array },
      operandSegmentSizes: {},
    },
    format:
      "$source `to` `offset` `` `:` custom<DynamicIndexList>($offsets, $static_offsets) `` `,` `sizes` `` `:` " +
      "custom<DynamicIndexList>($sizes, $static_sizes) `` `,` `strides` `` `:` custom<DynamicIndexList>($strides, $static_strides) " +
      "attr-dict `:` type($source) `to` type($result)",
    resultNames: named("reinterpret_cast"),
  }),
  op("memref.reshape", {
    traits: [Trait.Pure],
    operands: [
      { name: "source", type: anyMemRef },
      { name: "shape", type: rankedMemRef },
    ],
    results: [{ name: "result", type: anyMemRef }],
    format: "$source `(` $shape `)` attr-dict `:` functional-type(operands, results)",
    resultNames: named("reshape"),
  }),
  op("memref.store", {
    operands: [{ name: "value" }, { name: "memref", type: anyMemRef }, { name: "indices", arity: "variadic", type: indexType }],
    attributes: { nontemporal: nontemporalSpec, alignment: { type: i64Attr, optional: true } },
    parse: parseStore,
    print: printStore,
    verify: verifyIndexCount(1),
  }),
  op("memref.subview", {
    traits: [Trait.Pure, Trait.AttrSizedOperandSegments],
    operands: [{ name: "source", type: rankedMemRef }, indices("offsets"), indices("sizes"), indices("strides")],
    results: [{ name: "result", type: rankedMemRef }],
    attributes: {
      static_offsets: { type: denseI64Array },
      static_sizes: { type: denseI64Array },
      static_strides: { type: denseI64Array },
      operandSegmentSizes: {},
    },
    format:
      "$source `` custom<DynamicIndexList>($offsets, $static_offsets) custom<DynamicIndexList>($sizes, $static_sizes) " +
      "custom<DynamicIndexList>($strides, $static_strides) attr-dict `:` type($source) `to` type($result)",
    resultNames: named("subview"),
  }),
  op("memref.transpose", {
    traits: [Trait.Pure],
    operands: [{ name: "in", type: rankedMemRef }],
    results: [{ name: "result", type: rankedMemRef }],
    attributes: { permutation: {} },
    parse: parseTranspose,
    print: printTranspose,
    resultNames: named("transpose"),
  }),
  op("memref.view", {
    traits: [Trait.Pure],
    operands: [{ name: "source", type: rankedMemRef }, { name: "byte_shift", type: indexType }, indices("sizes")],
    results: [{ name: "result", type: rankedMemRef }],
    format: "$source `[` $byte_shift `]` `` `[` $sizes `]` attr-dict `:` type($source) `to` type(results)",
    resultNames: named("view"),
  }),
];

export const memrefDialect: Dialect = { name: "memref", ops };
