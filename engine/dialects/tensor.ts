// The tensor dialect (LLVM 22): creation, element and slice access, reshapes, padding,
// gather/scatter, with MLIR's assembly (ODS formats, hand-written where operand types follow from
// other types) and result names (`%extracted_slice`, ...).
import { op, Trait, type Dialect, type OpDef } from "./registry.ts";
import type { OpAsmParser, ParsedOp } from "../../grammar/mlir/asm-parser.ts";
import type { OpAsmPrinter } from "../../grammar/mlir/asm-printer.ts";
import type { Operation } from "../ir/operation.ts";
import { RankedTensorType, ShapedType, type Type } from "../ir/types.ts";
import {
  anyTensor,
  arrayAttr,
  denseI64Array,
  elementOf,
  group,
  i64Attr,
  indexType,
  kDynamic,
  printAttrs,
  printSpacedOperands,
  rankedTensor,
  resolveIndices,
  staticValues,
  unitAttr,
} from "./shaped-ops.ts";

const named = (name: string) => (): string[] => [name];

// ----- shared pieces -----

const sliceAttrs = ["static_offsets", "static_sizes", "static_strides"];

const offsetSizeStrideAttrs = {
  static_offsets: { type: denseI64Array },
  static_sizes: { type: denseI64Array },
  static_strides: { type: denseI64Array },
  operandSegmentSizes: {},
};

const offsetsSizesStrides =
  "custom<DynamicIndexList>($offsets, $static_offsets) custom<DynamicIndexList>($sizes, $static_sizes) " +
  "custom<DynamicIndexList>($strides, $static_strides)";

const indices = (name: string) => ({ name, arity: "variadic" as const, type: indexType });

/** Checks that each static list has `rank` entries with one SSA value per dynamic entry. */
function verifyMixedLists(
  o: Operation,
  rank: number,
  names: readonly string[],
  firstGroup: number,
  emit: (m: string) => void,
): void {
  names.forEach((name, i) => {
    const what = name.replace("static_", "");
    const statics = staticValues(o, name);
    if (statics.length !== rank) emit(`expected ${rank} ${what} values, got ${statics.length}`);
    const dynamic = statics.filter((v) => v === kDynamic).length;
    const given = group(o, firstGroup + i).length;
    if (dynamic !== given) emit(`expected ${dynamic} dynamic ${what} values, got ${given}`);
  });
}

function rankOf(o: Operation, i: number): number {
  const t = o.operand(i).type;
  return t instanceof ShapedType ? (t.rank ?? 0) : 0;
}

/** The element type of the first operand (TypesMatchWith "result type matches element type"). */
const elementOfFirst = (_ctx: unknown, types: readonly Type[]): Type[] => [elementOf(types[0]!)];

// ----- ops whose operand types follow from other types (TypesMatchWith): hand-written -----

/** `%s into %t[%i, %j] : tensor<...>`: the scalar has the tensor's element type. */
function parseInsert(p: OpAsmParser, s: ParsedOp): void {
  const scalar = p.parseOperand();
  p.parseKeyword("into");
  const dest = p.parseOperand();
  const idx = p.parseOperandList("square");
  p.parseOptionalAttrDict(s);
  const t = p.parseColonType();
  s.operands = [p.resolveOperand(scalar, elementOf(t)), p.resolveOperand(dest, t), ...resolveIndices(p, idx)];
  s.resultTypes = [t];
}

function printInsert(p: OpAsmPrinter, o: Operation): void {
  const [scalar, dest, ...idx] = o.operandValues;
  p.print(" ");
  p.printOperand(scalar!);
  p.print(" into ");
  p.printOperand(dest!);
  p.print("[");
  p.printOperands(idx);
  p.print("]");
  printAttrs(p, o);
  p.print(" : ");
  p.printType(dest!.type);
}

/** `%a, %b : tensor<2xf32>`: the elements have the result's element type. */
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

/** `%s[%d0] : tensor<?x8xf32>`: the input has the result's element type. */
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
  op("tensor.collapse_shape", {
    traits: [Trait.Pure],
    operands: [{ name: "src", type: anyTensor }],
    results: [{ name: "result", type: anyTensor }],
    attributes: { reassociation: { type: arrayAttr } },
    format: "$src $reassociation attr-dict `:` type($src) `into` type($result)",
    resultNames: named("collapsed"),
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
    format: "attr-dict $source `,` $index `:` type($source)",
    resultNames: named("dim"),
  }),
  op("tensor.empty", {
    traits: [Trait.Pure],
    operands: [indices("dynamicSizes")],
    results: [{ name: "result", type: rankedTensor }],
    format: "`(`$dynamicSizes`)` attr-dict `:` type($result)",
    verify(o, emit) {
      const t = o.result().type;
      if (!(t instanceof RankedTensorType)) return;
      const dyn = t.shape.filter((d) => d < 0).length;
      if (dyn !== o.operands.length) emit(`incorrect number of dynamic sizes, has ${o.operands.length}, expected ${dyn}`);
    },
  }),
  op("tensor.expand_shape", {
    traits: [Trait.Pure],
    operands: [{ name: "src", type: anyTensor }, indices("output_shape")],
    results: [{ name: "result", type: anyTensor }],
    attributes: { reassociation: { type: arrayAttr }, static_output_shape: { type: denseI64Array } },
    format:
      "$src $reassociation `output_shape` custom<DynamicIndexList>($output_shape, $static_output_shape) attr-dict `:` type($src) `into` type($result)",
    resultNames: named("expanded"),
  }),
  op("tensor.extract", {
    traits: [Trait.Pure],
    operands: [{ name: "tensor", type: rankedTensor }, indices("indices")],
    results: [{ name: "result" }],
    format: "$tensor `[` $indices `]` attr-dict `:` type($tensor)",
    inferResultTypes: elementOfFirst,
    resultNames: named("extracted"),
    verify(o, emit) {
      if (o.operands.length - 1 !== rankOf(o, 0)) emit("incorrect number of indices for extract_element");
    },
  }),
  op("tensor.extract_slice", {
    traits: [Trait.Pure, Trait.AttrSizedOperandSegments],
    operands: [{ name: "source", type: rankedTensor }, indices("offsets"), indices("sizes"), indices("strides")],
    results: [{ name: "result", type: rankedTensor }],
    attributes: offsetSizeStrideAttrs,
    format: `$source \`\` ${offsetsSizesStrides} attr-dict \`:\` type($source) \`to\` type($result)`,
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
    format:
      "$source `[` $indices `]` `gather_dims` `(` $gather_dims `)` (`unique` $unique^)? attr-dict `:` functional-type(operands, results)",
    resultNames: named("gather"),
  }),
  op("tensor.generate", {
    operands: [indices("dynamicExtents")],
    results: [{ name: "result", type: rankedTensor }],
    regions: 1,
    format: "$dynamicExtents $body attr-dict `:` type($result)",
    resultNames: named("generated"),
  }),
  op("tensor.insert", {
    traits: [Trait.Pure],
    operands: [{ name: "scalar" }, { name: "dest", type: rankedTensor }, indices("indices")],
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
      indices("offsets"),
      indices("sizes"),
      indices("strides"),
    ],
    results: [{ name: "result", type: rankedTensor }],
    attributes: offsetSizeStrideAttrs,
    format: `$source \`into\` $dest \`\` ${offsetsSizesStrides} attr-dict \`:\` type($source) \`into\` type($dest)`,
    typesMatch: [["dest", "result"]],
    resultNames: named("inserted_slice"),
    verify: (o, emit) => verifyMixedLists(o, rankOf(o, 1), sliceAttrs, 2, emit),
  }),
  op("tensor.pad", {
    traits: [Trait.Pure, Trait.AttrSizedOperandSegments, Trait.SingleBlock],
    operands: [{ name: "source", type: rankedTensor }, indices("low"), indices("high")],
    results: [{ name: "result", type: rankedTensor }],
    attributes: {
      static_low: { type: denseI64Array },
      static_high: { type: denseI64Array },
      nofold: { type: unitAttr, optional: true },
      operandSegmentSizes: {},
    },
    regions: 1,
    format:
      "$source (`nofold` $nofold^)? `low` `` custom<DynamicIndexList>($low, $static_low) " +
      "`high` `` custom<DynamicIndexList>($high, $static_high) $region attr-dict `:` type($source) `to` type($result)",
    resultNames: named("padded"),
    verify: (o, emit) => verifyMixedLists(o, rankOf(o, 0), ["static_low", "static_high"], 1, emit),
  }),
  op("tensor.parallel_insert_slice", {
    traits: [Trait.AttrSizedOperandSegments],
    operands: [
      { name: "source", type: rankedTensor },
      { name: "dest", type: rankedTensor },
      indices("offsets"),
      indices("sizes"),
      indices("strides"),
    ],
    attributes: offsetSizeStrideAttrs,
    format: `$source \`into\` $dest \`\` ${offsetsSizesStrides} attr-dict \`:\` type($source) \`into\` type($dest)`,
    verify: (o, emit) => verifyMixedLists(o, rankOf(o, 1), sliceAttrs, 2, emit),
  }),
  op("tensor.rank", {
    traits: [Trait.Pure],
    operands: [{ name: "tensor", type: anyTensor }],
    results: [{ name: "result", type: indexType }],
    format: "$tensor attr-dict `:` type($tensor)",
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
  op("tensor.scatter", {
    traits: [Trait.Pure],
    operands: [
      { name: "source", type: rankedTensor },
      { name: "dest", type: rankedTensor },
      { name: "indices", type: rankedTensor },
    ],
    results: [{ name: "result", type: rankedTensor }],
    attributes: { scatter_dims: { type: denseI64Array }, unique: { type: unitAttr, optional: true } },
    format:
      "$source `into` $dest `[` $indices `]` `scatter_dims` `(` $scatter_dims `)` (`unique` $unique^)? attr-dict `:` functional-type(operands, results)",
    resultNames: named("scatter"),
  }),
  op("tensor.splat", {
    traits: [Trait.Pure],
    operands: [{ name: "input" }, indices("dynamicSizes")],
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
