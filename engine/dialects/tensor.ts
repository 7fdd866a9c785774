// The tensor dialect (LLVM 22): creation, element and slice access, reshapes, padding,
// gather/scatter, with MLIR's custom assembly and result names (`%extracted_slice`, ...).
import { op, Trait, type Dialect, type OpDef } from "./registry.ts";
import type { OpAsmParser, ParsedOp } from "../../grammar/mlir/asm-parser.ts";
import type { OpAsmPrinter } from "../../grammar/mlir/asm-printer.ts";
import type { Operation } from "../ir/operation.ts";
import { RankedTensorType, ShapedType } from "../ir/types.ts";
import {
  anyTensor,
  arrayAttr,
  denseI64Array,
  elementOf,
  group,
  i64Array,
  i64Attr,
  indexType,
  kDynamic,
  parseDynamicIndexList,
  parseI64List,
  printAttrs,
  printDynamicIndexList,
  printI64List,
  printSpacedOperands,
  rankedTensor,
  resolveIndices,
  setSegments,
  staticValues,
  unitAttr,
} from "./shaped-ops.ts";

const named =
  (name: string) =>
  (): string[] => [name];

// ----- shared pieces -----

/** `[offsets] [sizes] [strides]` into the given state (operands are resolved by the caller). */
function parseOffsetsSizesStrides(p: OpAsmParser, s: ParsedOp) {
  const offsets = parseDynamicIndexList(p);
  const sizes = parseDynamicIndexList(p);
  const strides = parseDynamicIndexList(p);
  s.addAttribute("static_offsets", i64Array(p.ctx, offsets.statics));
  s.addAttribute("static_sizes", i64Array(p.ctx, sizes.statics));
  s.addAttribute("static_strides", i64Array(p.ctx, strides.statics));
  return [offsets.operands, sizes.operands, strides.operands] as const;
}

/** Prints the three lists; `first` is the operand group index of the offsets. */
function printOffsetsSizesStrides(p: OpAsmPrinter, o: Operation, first: number): void {
  printDynamicIndexList(p, group(o, first), staticValues(o, "static_offsets"));
  p.print(" ");
  printDynamicIndexList(p, group(o, first + 1), staticValues(o, "static_sizes"));
  p.print(" ");
  printDynamicIndexList(p, group(o, first + 2), staticValues(o, "static_strides"));
}

const sliceAttrs = ["static_offsets", "static_sizes", "static_strides"];

const offsetSizeStrideAttrs = {
  static_offsets: { type: denseI64Array },
  static_sizes: { type: denseI64Array },
  static_strides: { type: denseI64Array },
  operandSegmentSizes: {},
};

/** Checks that each static list has `rank` entries with one SSA value per dynamic entry. */
function verifyMixedLists(o: Operation, rank: number, names: readonly string[], firstGroup: number, emit: (m: string) => void): void {
  names.forEach((name, i) => {
    const statics = staticValues(o, name);
    if (statics.length !== rank) emit(`expected ${rank} ${name.replace("static_", "")} values, got ${statics.length}`);
    const dynamic = statics.filter((v) => v === kDynamic).length;
    if (dynamic !== group(o, firstGroup + i).length)
      emit(`expected ${dynamic} dynamic ${name.replace("static_", "")} values, got ${group(o, firstGroup + i).length}`);
  });
}

function rankOf(o: Operation, i: number): number {
  const t = o.operand(i).type;
  return t instanceof ShapedType ? (t.rank ?? 0) : 0;
}

// ----- extract_slice / insert_slice / parallel_insert_slice -----

function parseExtractSlice(p: OpAsmParser, s: ParsedOp): void {
  const source = p.parseOperand();
  const [offsets, sizes, strides] = parseOffsetsSizesStrides(p, s);
  p.parseOptionalAttrDict(s);
  const sourceType = p.parseColonType();
  p.parseKeyword("to");
  s.resultTypes = [p.parseType()];
  s.operands = [
    p.resolveOperand(source, sourceType),
    ...resolveIndices(p, offsets),
    ...resolveIndices(p, sizes),
    ...resolveIndices(p, strides),
  ];
  setSegments(p, s, [[source], offsets, sizes, strides]);
}

function printExtractSlice(p: OpAsmPrinter, o: Operation): void {
  p.print(" ");
  p.printOperand(o.operand(0));
  printOffsetsSizesStrides(p, o, 1);
  printAttrs(p, o, sliceAttrs);
  p.print(" : ");
  p.printType(o.operand(0).type);
  p.print(" to ");
  p.printType(o.result().type);
}

function parseInsertSlice(p: OpAsmParser, s: ParsedOp, hasResult: boolean): void {
  const source = p.parseOperand();
  p.parseKeyword("into");
  const dest = p.parseOperand();
  const [offsets, sizes, strides] = parseOffsetsSizesStrides(p, s);
  p.parseOptionalAttrDict(s);
  const sourceType = p.parseColonType();
  p.parseKeyword("into");
  const destType = p.parseType();
  s.operands = [
    p.resolveOperand(source, sourceType),
    p.resolveOperand(dest, destType),
    ...resolveIndices(p, offsets),
    ...resolveIndices(p, sizes),
    ...resolveIndices(p, strides),
  ];
  if (hasResult) s.resultTypes = [destType];
  setSegments(p, s, [[source], [dest], offsets, sizes, strides]);
}

function printInsertSlice(p: OpAsmPrinter, o: Operation): void {
  p.print(" ");
  p.printOperand(o.operand(0));
  p.print(" into ");
  p.printOperand(o.operand(1));
  printOffsetsSizesStrides(p, o, 2);
  printAttrs(p, o, sliceAttrs);
  p.print(" : ");
  p.printType(o.operand(0).type);
  p.print(" into ");
  p.printType(o.operand(1).type);
}

// ----- element access -----

function parseExtract(p: OpAsmParser, s: ParsedOp): void {
  const tensor = p.parseOperand();
  const indices = p.parseOperandList("square");
  p.parseOptionalAttrDict(s);
  const t = p.parseColonType();
  s.operands = [p.resolveOperand(tensor, t), ...resolveIndices(p, indices)];
  s.resultTypes = [elementOf(t)];
}

function printExtract(p: OpAsmPrinter, o: Operation): void {
  const [tensor, ...indices] = o.operandValues;
  p.print(" ");
  p.printOperand(tensor!);
  p.print("[");
  p.printOperands(indices);
  p.print("]");
  printAttrs(p, o);
  p.print(" : ");
  p.printType(tensor!.type);
}

function parseInsert(p: OpAsmParser, s: ParsedOp): void {
  const scalar = p.parseOperand();
  p.parseKeyword("into");
  const dest = p.parseOperand();
  const indices = p.parseOperandList("square");
  p.parseOptionalAttrDict(s);
  const t = p.parseColonType();
  s.operands = [p.resolveOperand(scalar, elementOf(t)), p.resolveOperand(dest, t), ...resolveIndices(p, indices)];
  s.resultTypes = [t];
}

function printInsert(p: OpAsmPrinter, o: Operation): void {
  const [scalar, dest, ...indices] = o.operandValues;
  p.print(" ");
  p.printOperand(scalar!);
  p.print(" into ");
  p.printOperand(dest!);
  p.print("[");
  p.printOperands(indices);
  p.print("]");
  printAttrs(p, o);
  p.print(" : ");
  p.printType(dest!.type);
}

// ----- creation -----

function parseEmpty(p: OpAsmParser, s: ParsedOp): void {
  const sizes = p.parseOperandList("paren");
  p.parseOptionalAttrDict(s);
  s.resultTypes = [p.parseColonType()];
  s.operands = resolveIndices(p, sizes);
}

function printEmpty(p: OpAsmPrinter, o: Operation): void {
  p.print("(");
  p.printOperands(o.operandValues);
  p.print(")");
  printAttrs(p, o);
  p.print(" : ");
  p.printType(o.result().type);
}

function parseFromElements(p: OpAsmParser, s: ParsedOp): void {
  const elements = p.parseOperandList();
  p.parseOptionalAttrDict(s);
  const t = p.parseColonType();
  s.resultTypes = [t];
  s.operands = p.resolveOperands(elements, elementOf(t));
}

function printFromElements(p: OpAsmPrinter, o: Operation): void {
  printSpacedOperands(p, o.operandValues);
  printAttrs(p, o);
  p.print(" : ");
  p.printType(o.result().type);
}

function parseSplat(p: OpAsmParser, s: ParsedOp): void {
  const input = p.parseOperand();
  const sizes = p.parseOperandList("optionalSquare");
  p.parseOptionalAttrDict(s);
  const t = p.parseColonType();
  s.resultTypes = [t];
  s.operands = [p.resolveOperand(input, elementOf(t)), ...resolveIndices(p, sizes)];
}

function printSplat(p: OpAsmPrinter, o: Operation): void {
  const [input, ...sizes] = o.operandValues;
  p.print(" ");
  p.printOperand(input!);
  if (sizes.length > 0) {
    p.print("[");
    p.printOperands(sizes);
    p.print("]");
  }
  printAttrs(p, o);
  p.print(" : ");
  p.printType(o.result().type);
}

function parseGenerate(p: OpAsmParser, s: ParsedOp): void {
  const extents = p.parseOperandList();
  s.regions.push(p.parseRegion());
  p.parseOptionalAttrDict(s);
  s.resultTypes = [p.parseColonType()];
  s.operands = resolveIndices(p, extents);
}

function printGenerate(p: OpAsmPrinter, o: Operation): void {
  printSpacedOperands(p, o.operandValues);
  p.print(" ");
  p.printRegion(o.region());
  printAttrs(p, o);
  p.print(" : ");
  p.printType(o.result().type);
}

// ----- padding -----

function parsePad(p: OpAsmParser, s: ParsedOp): void {
  const source = p.parseOperand();
  if (p.parseOptionalKeyword("nofold")) s.addAttribute("nofold", p.ctx.unit());
  p.parseKeyword("low");
  const low = parseDynamicIndexList(p);
  p.parseKeyword("high");
  const high = parseDynamicIndexList(p);
  s.addAttribute("static_low", i64Array(p.ctx, low.statics));
  s.addAttribute("static_high", i64Array(p.ctx, high.statics));
  s.regions.push(p.parseRegion());
  p.parseOptionalAttrDict(s);
  const sourceType = p.parseColonType();
  p.parseKeyword("to");
  s.resultTypes = [p.parseType()];
  s.operands = [p.resolveOperand(source, sourceType), ...resolveIndices(p, low.operands), ...resolveIndices(p, high.operands)];
  setSegments(p, s, [[source], low.operands, high.operands]);
}

function printPad(p: OpAsmPrinter, o: Operation): void {
  p.print(" ");
  p.printOperand(o.operand(0));
  if (o.getAttr("nofold") !== undefined) p.print(" nofold");
  p.print(" low");
  printDynamicIndexList(p, group(o, 1), staticValues(o, "static_low"));
  p.print(" high");
  printDynamicIndexList(p, group(o, 2), staticValues(o, "static_high"));
  p.print(" ");
  p.printRegion(o.region());
  printAttrs(p, o, ["nofold", "static_low", "static_high"]);
  p.print(" : ");
  p.printType(o.operand(0).type);
  p.print(" to ");
  p.printType(o.result().type);
}

// ----- reshapes -----

/** Parses `%src [[0, 1], [2]] output_shape [..] {attrs} : T into T` (tensor and memref alike). */
export function parseExpandShape(p: OpAsmParser, s: ParsedOp): void {
  const src = p.parseOperand();
  s.addAttribute("reassociation", p.parseAttribute());
  p.parseKeyword("output_shape");
  const shape = parseDynamicIndexList(p);
  s.addAttribute("static_output_shape", i64Array(p.ctx, shape.statics));
  p.parseOptionalAttrDict(s);
  const srcType = p.parseColonType();
  p.parseKeyword("into");
  s.resultTypes = [p.parseType()];
  s.operands = [p.resolveOperand(src, srcType), ...resolveIndices(p, shape.operands)];
}

/** Prints `%src [[0, 1], [2]] output_shape [..] {attrs} : T into T` (tensor and memref alike). */
export function printExpandShape(p: OpAsmPrinter, o: Operation): void {
  const [src, ...shape] = o.operandValues;
  p.print(" ");
  p.printOperand(src!);
  p.print(" ");
  p.printAttribute(o.getAttr("reassociation")!);
  p.print(" output_shape ");
  printDynamicIndexList(p, shape, staticValues(o, "static_output_shape"));
  printAttrs(p, o, ["reassociation", "static_output_shape"]);
  p.print(" : ");
  p.printType(src!.type);
  p.print(" into ");
  p.printType(o.result().type);
}

// ----- gather / scatter -----

function parseGather(p: OpAsmParser, s: ParsedOp): void {
  const source = p.parseOperand();
  p.parseLSquare();
  const indices = p.parseOperand();
  p.parseRSquare();
  p.parseKeyword("gather_dims");
  p.parseLParen();
  s.addAttribute("gather_dims", i64Array(p.ctx, parseI64List(p)));
  p.parseRParen();
  if (p.parseOptionalKeyword("unique")) s.addAttribute("unique", p.ctx.unit());
  p.parseOptionalAttrDict(s);
  finishFunctional(p, s, [source, indices]);
}

function parseScatter(p: OpAsmParser, s: ParsedOp): void {
  const source = p.parseOperand();
  p.parseKeyword("into");
  const dest = p.parseOperand();
  p.parseLSquare();
  const indices = p.parseOperand();
  p.parseRSquare();
  p.parseKeyword("scatter_dims");
  p.parseLParen();
  s.addAttribute("scatter_dims", i64Array(p.ctx, parseI64List(p)));
  p.parseRParen();
  if (p.parseOptionalKeyword("unique")) s.addAttribute("unique", p.ctx.unit());
  p.parseOptionalAttrDict(s);
  finishFunctional(p, s, [source, dest, indices]);
}

/** `: (operand types) -> result types`, resolving the operands. */
function finishFunctional(p: OpAsmParser, s: ParsedOp, operands: ReturnType<OpAsmParser["parseOperand"]>[]): void {
  p.parseColon();
  const span = p.here();
  const ins = p.parseParenTypeList();
  p.parseArrow();
  s.resultTypes = [p.parseType()];
  s.operands = p.resolveOperands(operands, ins, span);
}

function printGatherScatter(p: OpAsmPrinter, o: Operation): void {
  const scatter = o.name === "tensor.scatter";
  const vals = o.operandValues;
  p.print(" ");
  p.printOperand(vals[0]!);
  if (scatter) {
    p.print(" into ");
    p.printOperand(vals[1]!);
  }
  p.print("[");
  p.printOperand(vals[vals.length - 1]!);
  p.print("] ");
  const dims = scatter ? "scatter_dims" : "gather_dims";
  p.print(`${dims}(`);
  printI64List(p, staticValues(o, dims));
  p.print(")");
  if (o.getAttr("unique") !== undefined) p.print(" unique");
  printAttrs(p, o, [dims, "unique"]);
  p.print(" : ");
  p.printFunctionalType(o.operandTypes, o.resultTypes);
}

// ----- the dialect -----

const ops: OpDef[] = [
  op("tensor.bitcast", {
    traits: [Trait.Pure],
    operands: [{ name: "source", type: anyTensor }],
    results: [{ name: "dest", type: anyTensor }],
    format: "$source attr-dict `:` type($source) `to` type($dest)",
  }),
  op("tensor.cast", {
    traits: [Trait.Pure],
    operands: [{ name: "source", type: anyTensor }],
    results: [{ name: "dest", type: anyTensor }],
    format: "$source attr-dict `:` type($source) `to` type($dest)",
    resultNames: named("cast"),
    verify(o, emit) {
      const a = o.operand(0).type;
      const b = o.result().type;
      if (a instanceof ShapedType && b instanceof ShapedType && a.elementType !== b.elementType)
        emit(`operand type '${a}' and result type '${b}' are cast incompatible`);
    },
  }),
  op("tensor.concat", {
    traits: [Trait.Pure],
    operands: [{ name: "inputs", arity: "variadic", type: rankedTensor }],
    results: [{ name: "result", type: rankedTensor }],
    attributes: { dim: { type: i64Attr } },
    format: "`dim` `(` $dim `)` $inputs attr-dict `:` functional-type(operands, results)",
    resultNames: named("concat"),
  }),
  op("tensor.dim", {
    traits: [Trait.Pure],
    operands: [
      { name: "source", type: anyTensor },
      { name: "index", type: indexType },
    ],
    results: [{ name: "result", type: indexType }],
    parse(p, s) {
      p.parseOptionalAttrDict(s);
      const src = p.parseOperand();
      p.parseComma();
      const index = p.parseOperand();
      const t = p.parseColonType();
      s.operands = [p.resolveOperand(src, t), p.resolveOperand(index, p.ctx.index())];
      s.resultTypes = [p.ctx.index()];
    },
    print(p, o) {
      printAttrs(p, o);
      p.print(" ");
      p.printOperands(o.operandValues);
      p.print(" : ");
      p.printType(o.operand(0).type);
    },
    resultNames: named("dim"),
  }),
  op("tensor.empty", {
    traits: [Trait.Pure],
    operands: [{ name: "dynamicSizes", arity: "variadic", type: indexType }],
    results: [{ name: "result", type: rankedTensor }],
    parse: parseEmpty,
    print: printEmpty,
    verify(o, emit) {
      const t = o.result().type;
      if (!(t instanceof RankedTensorType)) return;
      const dyn = t.shape.filter((d) => d < 0).length;
      if (dyn !== o.operands.length) emit("incorrect number of dynamic sizes, has " + o.operands.length + ", expected " + dyn);
    },
  }),
  op("tensor.extract", {
    traits: [Trait.Pure],
    operands: [
      { name: "tensor", type: rankedTensor },
      { name: "indices", arity: "variadic", type: indexType },
    ],
    results: [{ name: "result" }],
    parse: parseExtract,
    print: printExtract,
    resultNames: named("extracted"),
    verify(o, emit) {
      if (o.operands.length - 1 !== rankOf(o, 0)) emit("incorrect number of indices for extract_element");
    },
  }),
  op("tensor.extract_slice", {
    traits: [Trait.Pure, Trait.AttrSizedOperandSegments],
    operands: [
      { name: "source", type: rankedTensor },
      { name: "offsets", arity: "variadic", type: indexType },
      { name: "sizes", arity: "variadic", type: indexType },
      { name: "strides", arity: "variadic", type: indexType },
    ],
    results: [{ name: "result", type: rankedTensor }],
    attributes: offsetSizeStrideAttrs,
    parse: parseExtractSlice,
    print: printExtractSlice,
    resultNames: named("extracted_slice"),
    verify: (o, emit) => verifyMixedLists(o, rankOf(o, 0), sliceAttrs, 1, emit),
  }),
  op("tensor.from_elements", {
    traits: [Trait.Pure],
    operands: [{ name: "elements", arity: "variadic" }],
    results: [{ name: "result", type: rankedTensor }],
    parse: parseFromElements,
    print: printFromElements,
    resultNames: named("from_elements"),
  }),
  op("tensor.gather", {
    traits: [Trait.Pure],
    operands: [
      { name: "source", type: rankedTensor },
      { name: "indices", type: rankedTensor },
    ],
    results: [{ name: "result", type: rankedTensor }],
    attributes: { gather_dims: { type: denseI64Array }, unique: { type: unitAttr, optional: true } },
    parse: parseGather,
    print: printGatherScatter,
    resultNames: named("gather"),
  }),
  op("tensor.generate", {
    traits: [],
    operands: [{ name: "dynamicExtents", arity: "variadic", type: indexType }],
    results: [{ name: "result", type: rankedTensor }],
    regions: 1,
    parse: parseGenerate,
    print: printGenerate,
    resultNames: named("generated"),
  }),
  op("tensor.insert", {
    traits: [Trait.Pure],
    operands: [
      { name: "scalar" },
      { name: "dest", type: rankedTensor },
      { name: "indices", arity: "variadic", type: indexType },
    ],
    results: [{ name: "result", type: rankedTensor }],
    parse: parseInsert,
    print: printInsert,
    resultNames: named("inserted"),
    verify(o, emit) {
      if (o.operands.length - 2 !== rankOf(o, 1)) emit("incorrect number of indices");
    },
  }),
  op("tensor.insert_slice", {
    traits: [Trait.Pure, Trait.AttrSizedOperandSegments],
    operands: [
      { name: "source", type: rankedTensor },
      { name: "dest", type: rankedTensor },
      { name: "offsets", arity: "variadic", type: indexType },
      { name: "sizes", arity: "variadic", type: indexType },
      { name: "strides", arity: "variadic", type: indexType },
    ],
    results: [{ name: "result", type: rankedTensor }],
    attributes: offsetSizeStrideAttrs,
    parse: (p, s) => parseInsertSlice(p, s, true),
    print: printInsertSlice,
    resultNames: named("inserted_slice"),
    verify: (o, emit) => verifyMixedLists(o, rankOf(o, 1), sliceAttrs, 2, emit),
  }),
  op("tensor.parallel_insert_slice", {
    traits: [Trait.AttrSizedOperandSegments],
    operands: [
      { name: "source", type: rankedTensor },
      { name: "dest", type: rankedTensor },
      { name: "offsets", arity: "variadic", type: indexType },
      { name: "sizes", arity: "variadic", type: indexType },
      { name: "strides", arity: "variadic", type: indexType },
    ],
    attributes: offsetSizeStrideAttrs,
    parse: (p, s) => parseInsertSlice(p, s, false),
    print: printInsertSlice,
    verify: (o, emit) => verifyMixedLists(o, rankOf(o, 1), sliceAttrs, 2, emit),
  }),
  op("tensor.pad", {
    traits: [Trait.Pure, Trait.AttrSizedOperandSegments, Trait.SingleBlock],
    operands: [
      { name: "source", type: rankedTensor },
      { name: "low", arity: "variadic", type: indexType },
      { name: "high", arity: "variadic", type: indexType },
    ],
    results: [{ name: "result", type: rankedTensor }],
    attributes: {
      static_low: { type: denseI64Array },
      static_high: { type: denseI64Array },
      nofold: { type: unitAttr, optional: true },
      operandSegmentSizes: {},
    },
    regions: 1,
    parse: parsePad,
    print: printPad,
    resultNames: named("padded"),
    verify: (o, emit) => verifyMixedLists(o, rankOf(o, 0), ["static_low", "static_high"], 1, emit),
  }),
  op("tensor.rank", {
    traits: [Trait.Pure],
    operands: [{ name: "tensor", type: anyTensor }],
    results: [{ name: "result", type: indexType }],
    format: "$tensor attr-dict `:` type($tensor)",
    inferResultTypes: (ctx) => [ctx.index()],
    resultNames: named("rank"),
  }),
  op("tensor.reshape", {
    traits: [Trait.Pure],
    operands: [
      { name: "source", type: anyTensor },
      { name: "shape", type: rankedTensor },
    ],
    results: [{ name: "result", type: anyTensor }],
    format: "$source `(` $shape `)` attr-dict `:` functional-type(operands, results)",
    resultNames: named("reshape"),
  }),
  op("tensor.expand_shape", {
    traits: [Trait.Pure],
    operands: [
      { name: "src", type: anyTensor },
      { name: "output_shape", arity: "variadic", type: indexType },
    ],
    results: [{ name: "result", type: anyTensor }],
    attributes: { reassociation: { type: arrayAttr }, static_output_shape: { type: denseI64Array } },
    parse: parseExpandShape,
    print: printExpandShape,
    resultNames: named("expanded"),
  }),
  op("tensor.collapse_shape", {
    traits: [Trait.Pure],
    operands: [{ name: "src", type: anyTensor }],
    results: [{ name: "result", type: anyTensor }],
    attributes: { reassociation: { type: arrayAttr } },
    format: "$src $reassociation attr-dict `:` type($src) `into` type($result)",
    resultNames: named("collapsed"),
  }),
  op("tensor.scatter", {
    traits: [Trait.Pure],
    operands: [
      { name: "source", type: rankedTensor },
      { name: "dest", type: rankedTensor },
      { name: "indices", type: rankedTensor },
    ],
    results: [{ name: "result", type: rankedTensor }],
    attributes: { scatter_dims: { type: denseI64Array }, unique: { type: unitAttr, optional: true } },
    parse: parseScatter,
    print: printGatherScatter,
    resultNames: named("scatter"),
  }),
  op("tensor.splat", {
    traits: [Trait.Pure],
    operands: [{ name: "input" }, { name: "dynamicSizes", arity: "variadic", type: indexType }],
    results: [{ name: "aggregate", type: rankedTensor }],
    parse: parseSplat,
    print: printSplat,
    resultNames: named("splat"),
  }),
  op("tensor.yield", {
    traits: [Trait.Pure, Trait.Terminator, Trait.ReturnLike],
    operands: [{ name: "value" }],
    parents: ["tensor.pad", "tensor.generate"],
    format: "$value attr-dict `:` type($value)",
  }),
];

export const tensorDialect: Dialect = { name: "tensor", ops };
