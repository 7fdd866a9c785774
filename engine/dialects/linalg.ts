// The linalg dialect (LLVM 22): linalg.generic, map, reduce, transpose, broadcast, the named
// structured ops (matmul, convolutions, pooling, elementwise, ...), pack/unpack, softmax,
// Winograd transforms, yield and index, with MLIR's custom assembly and implicit bodies.
import { op, Trait, type Dialect, type OpDef, type AttrSpec } from "./registry.ts";
import type { OpAsmParser, ParsedOp } from "../../grammar/mlir/asm-parser.ts";
import type { OpAsmPrinter } from "../../grammar/mlir/asm-printer.ts";
import type { Operation } from "../ir/operation.ts";
import type { Context } from "../ir/context.ts";
import { ArrayAttr, AffineMapAttr, type Attribute } from "../ir/attributes.ts";
import { ShapedType, RankedTensorType, type Type } from "../ir/types.ts";
import { AffineMap, dim } from "../ir/affine.ts";
import {
  genericArgNames,
  insOuts,
  mapReduceArgNames,
  parseCopyLike,
  parseGeneric,
  parseMapOrReduce,
  parseNamedOp,
  printCopyLike,
  printGeneric,
  printMapOrReduce,
  printNamedOp,
  type BodyBuilder,
} from "./linalg-structured.ts";
import {
  castAttr,
  contraction,
  elementwiseArity,
  elementwiseBody,
  fillBody,
  opdslOps,
  type NamedOpSpec,
} from "./linalg-named-ops.ts";
import {
  arrayAttr,
  denseI64Array,
  group,
  i32Attr,
  i64Array,
  i64Attr,
  indexType,
  parseDynamicIndexList,
  parseI64List,
  printAttrs,
  printDynamicIndexList,
  printI64List,
  resolveIndices,
  setSegments,
  shaped,
  staticValues,
} from "./shaped-ops.ts";

const named = (name: string) => (): string[] => [name];

const structuredTraits = [Trait.AttrSizedOperandSegments, Trait.MemrefEffectsOnly];
const structuredOperands = [
  { name: "inputs", arity: "variadic" as const },
  { name: "outputs", arity: "variadic" as const, type: shaped },
];
const resultTensors = [{ name: "result_tensors", arity: "variadic" as const }];

// ----- named ops -----

function namedOp(spec: NamedOpSpec): OpDef {
  return op(`linalg.${spec.name}`, {
    traits: structuredTraits,
    operands: structuredOperands,
    results: resultTensors,
    attributes: { ...spec.attributes, operandSegmentSizes: {} },
    regions: 1,
    parse: (p, s) => parseNamedOp(p, s, spec.body, spec.inputs + 1),
    print: (p, o) => printNamedOp(p, o),
  });
}

// ----- ops with indexing maps (matmul, batch_matmul, batch_reduce_matmul, contract, elementwise) -----

function mapsAttr(ctx: Context, numDims: number, results: readonly (readonly number[])[]): ArrayAttr {
  return ctx.array(
    results.map((r) =>
      ctx.affineMap(
        new AffineMap(
          numDims,
          0,
          r.map((d) => dim(d)),
        ),
      ),
    ),
  );
}

/** `indexing_maps = [...]` if present. */
function parseOptionalMaps(p: OpAsmParser, s: ParsedOp): boolean {
  if (!p.parseOptionalKeyword("indexing_maps")) return false;
  p.parseEqual();
  const span = p.here();
  const maps = p.parseAttribute();
  if (!(maps instanceof ArrayAttr) || !maps.elements.every((m) => m instanceof AffineMapAttr))
    p.error("expected an array of affine map attributes", span);
  s.addAttribute("indexing_maps", maps);
  return true;
}

function printMaps(p: OpAsmPrinter, o: Operation): void {
  p.print(" indexing_maps = ");
  p.printAttribute(o.getAttr("indexing_maps")!);
}

const indexingMapsAttr: AttrSpec = { type: arrayAttr };

/** matmul-like ops: maps printed only when not the default; `cast` read by the body (if `castAware`). */
function contractionOp(name: string, numDims: number, defaults: readonly (readonly number[])[], castAware: boolean): OpDef {
  const body: BodyBuilder = contraction(castAware ? "attr" : "cast_signed");
  return op(`linalg.${name}`, {
    traits: structuredTraits,
    operands: structuredOperands,
    results: resultTensors,
    attributes: { indexing_maps: indexingMapsAttr, cast: castAttr, operandSegmentSizes: {} },
    regions: 1,
    parse(p, s) {
      parseNamedOp(p, s, body, 3, (p2, s2) => {
        if (!parseOptionalMaps(p2, s2)) s2.addAttribute("indexing_maps", mapsAttr(p2.ctx, numDims, defaults));
      });
    },
    print(p, o) {
      if (o.getAttr("indexing_maps") !== mapsAttr(o.ctx, numDims, defaults)) printMaps(p, o);
      printNamedOp(p, o, ["indexing_maps"]);
    },
  });
}

const contractOp = op("linalg.contract", {
  traits: structuredTraits,
  operands: structuredOperands,
  results: resultTensors,
  attributes: { indexing_maps: indexingMapsAttr, cast: castAttr, operandSegmentSizes: {} },
  regions: 1,
  parse(p, s) {
    parseNamedOp(p, s, contraction("attr"), 3, (p2, s2) => {
      if (!parseOptionalMaps(p2, s2)) p2.error("expected 'indexing_maps'");
    });
  },
  print(p, o) {
    printMaps(p, o);
    printNamedOp(p, o, ["indexing_maps"]);
  },
});

/** Identity maps of the output's rank for each operand of an elementwise op. */
function elementwiseMaps(ctx: Context, kind: Attribute | undefined, outputType: Type | undefined): ArrayAttr | undefined {
  const rank = outputType instanceof ShapedType ? outputType.rank : undefined;
  if (rank === undefined) return undefined;
  const ids = Array.from({ length: rank }, (_, i) => i);
  return mapsAttr(
    ctx,
    rank,
    Array.from({ length: elementwiseArity(kind) + 1 }, () => ids),
  );
}

const elementwiseOp = op("linalg.elementwise", {
  traits: structuredTraits,
  operands: structuredOperands,
  results: resultTensors,
  attributes: { kind: {}, indexing_maps: indexingMapsAttr, operandSegmentSizes: {} },
  regions: 1,
  parse(p, s) {
    let explicit = false;
    parseNamedOp(
      p,
      s,
      elementwiseBody,
      (s2) => elementwiseArity(s2.getAttribute("kind")) + 1,
      (p2, s2) => {
        p2.parseKeyword("kind");
        p2.parseEqual();
        s2.addAttribute("kind", p2.parseAttribute());
        explicit = parseOptionalMaps(p2, s2);
      },
    );
    if (!explicit) {
      const maps = elementwiseMaps(p.ctx, s.getAttribute("kind"), s.operands[s.operands.length - 1]?.type);
      if (maps === undefined) return p.error("return type needs to be shaped type", p.nameSpan);
      s.addAttribute("indexing_maps", maps);
    }
  },
  print(p, o) {
    p.print(" kind=");
    p.printAttribute(o.getAttr("kind")!);
    const { outputs } = insOuts(o);
    if (o.getAttr("indexing_maps") !== elementwiseMaps(o.ctx, o.getAttr("kind"), outputs[0]?.type)) printMaps(p, o);
    printNamedOp(p, o, ["kind", "indexing_maps"]);
  },
});

// ----- pack / unpack -----

/** The result of pack/unpack: the destination's type when it is a tensor (none on buffers). */
const destResult =
  (dest: number) =>
  (_ctx: Context, types: readonly Type[]): Type[] =>
    types[dest] instanceof RankedTensorType ? [types[dest]] : [];

/**
 * linalg.pack's ODS format, hand-written: prr's format engine cannot yet infer the optional result
 * when the optional `padding_value` is absent.
 */
function parsePack(p: OpAsmParser, s: ParsedOp): void {
  const ctx = p.ctx;
  const source = p.parseOperand();
  let padding: ReturnType<OpAsmParser["parseOperand"]>[] = [];
  let paddingType: Type[] = [];
  if (p.parseOptionalKeyword("padding_value")) {
    p.parseLParen();
    padding = [p.parseOperand()];
    paddingType = [p.parseColonType()];
    p.parseRParen();
  }
  if (p.parseOptionalKeyword("outer_dims_perm")) {
    p.parseEqual();
    s.addAttribute("outer_dims_perm", i64Array(ctx, parseI64List(p)));
  }
  p.parseKeyword("inner_dims_pos");
  p.parseEqual();
  s.addAttribute("inner_dims_pos", i64Array(ctx, parseI64List(p)));
  p.parseKeyword("inner_tiles");
  p.parseEqual();
  const tiles = parseDynamicIndexList(p);
  s.addAttribute("static_inner_tiles", i64Array(ctx, tiles.statics));
  p.parseKeyword("into");
  const dest = p.parseOperand();
  p.parseOptionalAttrDict(s);
  const sourceType = p.parseColonType();
  p.parseArrow();
  const destType = p.parseType();
  s.operands = [
    p.resolveOperand(source, sourceType),
    p.resolveOperand(dest, destType),
    ...p.resolveOperands(padding, paddingType),
    ...resolveIndices(p, tiles.operands),
  ];
  s.resultTypes = destResult(1)(ctx, [sourceType, destType]);
  setSegments(p, s, [[source], [dest], padding, tiles.operands]);
}

function printPack(p: OpAsmPrinter, o: Operation): void {
  const [source, dest] = o.operandValues;
  p.print(" ");
  p.printOperand(source!);
  const padding = group(o, 2);
  if (padding.length > 0) {
    p.print(" padding_value(");
    p.printOperand(padding[0]!);
    p.print(" : ");
    p.printType(padding[0]!.type);
    p.print(")");
  }
  const perm = staticValues(o, "outer_dims_perm");
  if (o.getAttr("outer_dims_perm") !== undefined) {
    p.print(" outer_dims_perm = ");
    printI64List(p, perm);
  }
  p.print(" inner_dims_pos = ");
  printI64List(p, staticValues(o, "inner_dims_pos"));
  p.print(" inner_tiles = ");
  printDynamicIndexList(p, group(o, 3), staticValues(o, "static_inner_tiles"));
  p.print(" into ");
  p.printOperand(dest!);
  printAttrs(p, o, ["outer_dims_perm", "inner_dims_pos", "static_inner_tiles"]);
  p.print(" : ");
  p.printType(source!.type);
  p.print(" -> ");
  p.printType(dest!.type);
}

const packAttrs = {
  outer_dims_perm: { type: denseI64Array, optional: true },
  inner_dims_pos: { type: denseI64Array },
  static_inner_tiles: { type: denseI64Array },
};

// ----- linalg.yield -----

function parseYield(p: OpAsmParser, s: ParsedOp): void {
  const operands = p.parseOperandList();
  p.parseOptionalAttrDict(s);
  const types = operands.length > 0 ? p.parseColonTypeList() : [];
  s.operands = p.resolveOperands(operands, types);
}

function printYield(p: OpAsmPrinter, o: Operation): void {
  if (o.operands.length > 0) {
    p.print(" ");
    p.printOperands(o.operandValues);
  }
  printAttrs(p, o);
  if (o.operands.length > 0) {
    p.print(" : ");
    p.printTypes(o.operandTypes);
  }
}

// ----- Winograd -----

const winogradFmr: AttrSpec = { type: i32Attr, enumCases: ["F_2_3", "F_4_3", "F_2_5"], enumStorage: "i32" };

function winograd(name: string, input: string): OpDef {
  return op(`linalg.${name}`, {
    traits: [Trait.Pure],
    operands: [
      { name: input, type: shaped },
      { name: "output", type: shaped },
    ],
    results: [{ name: "result", type: shaped }],
    attributes: { fmr: winogradFmr },
    format: `attr-dict \`fmr\` \`(\` $fmr \`)\` \`ins\` \`(\` $${input} \`:\` type($${input}) \`)\` \`outs\` \`(\` $output \`:\` type($output) \`)\` \`->\` type($result)`,
  });
}

// ----- the dialect -----

const genericVerify = (o: Operation, emit: (m: string) => void): void => {
  const block = o.regions[0]?.blocks[0];
  if (block === undefined) return;
  if (block.arguments.length !== o.operands.length)
    emit(`expected as many non-induction variable region arguments as the number of input/output operands`);
  const maps = o.getAttr("indexing_maps");
  if (maps instanceof ArrayAttr && maps.elements.length !== o.operands.length)
    emit(
      `expected the number of indexing_map (${maps.elements.length}) to be equal to the number of input/output operands (${o.operands.length})`,
    );
};

const ops: OpDef[] = [
  op("linalg.generic", {
    traits: structuredTraits,
    operands: structuredOperands,
    results: resultTensors,
    attributes: {
      indexing_maps: indexingMapsAttr,
      iterator_types: { type: arrayAttr },
      doc: { optional: true },
      library_call: { optional: true },
      operandSegmentSizes: {},
    },
    regions: 1,
    parse: parseGeneric,
    print: printGeneric,
    blockArgNames: (o) => genericArgNames(o),
    verify: genericVerify,
  }),
  op("linalg.map", {
    operands: [
      { name: "inputs", arity: "variadic" },
      { name: "init", type: shaped },
    ],
    results: [{ name: "result", arity: "variadic" }],
    regions: 1,
    parse: (p, s) => parseMapOrReduce(p, s, "map"),
    print: (p, o) => printMapOrReduce(p, o, "map"),
    resultNames: named("mapped"),
    blockArgNames: (o) => mapReduceArgNames(o, "map"),
  }),
  op("linalg.reduce", {
    operands: [
      { name: "inputs", arity: "variadic", type: shaped },
      { name: "inits", arity: "variadic", type: shaped },
    ],
    results: [{ name: "result", arity: "variadic" }],
    attributes: { dimensions: { type: denseI64Array } },
    regions: 1,
    parse: (p, s) => parseMapOrReduce(p, s, "reduce"),
    print: (p, o) => printMapOrReduce(p, o, "reduce"),
    resultNames: named("reduced"),
    blockArgNames: (o) => mapReduceArgNames(o, "reduce"),
  }),
  op("linalg.transpose", {
    operands: [
      { name: "input", type: shaped },
      { name: "init", type: shaped },
    ],
    results: [{ name: "result", arity: "variadic" }],
    attributes: { permutation: { type: denseI64Array } },
    regions: 1,
    parse: (p, s) => parseCopyLike(p, s, "permutation"),
    print: (p, o) => printCopyLike(p, o, "permutation"),
    resultNames: named("transposed"),
  }),
  op("linalg.broadcast", {
    operands: [
      { name: "input", type: shaped },
      { name: "init", type: shaped },
    ],
    results: [{ name: "result", arity: "variadic" }],
    attributes: { dimensions: { type: denseI64Array } },
    regions: 1,
    parse: (p, s) => parseCopyLike(p, s, "dimensions"),
    print: (p, o) => printCopyLike(p, o, "dimensions"),
    resultNames: named("broadcasted"),
  }),
  op("linalg.yield", {
    traits: [Trait.Pure, Trait.Terminator, Trait.ReturnLike],
    operands: [{ name: "values", arity: "variadic" }],
    parse: parseYield,
    print: printYield,
    verify(o, emit) {
      const parent = o.parentOp;
      if (parent !== null && parent.def !== undefined && !parent.name.startsWith("linalg."))
        emit("expected parent op with LinalgOp interface");
    },
  }),
  op("linalg.index", {
    traits: [Trait.Pure],
    results: [{ name: "result" }],
    attributes: { dim: { type: i64Attr } },
    format: "$dim attr-dict `:` type($result)",
  }),
  op("linalg.fill", {
    traits: structuredTraits,
    operands: structuredOperands,
    results: resultTensors,
    attributes: { operandSegmentSizes: {} },
    regions: 1,
    parse: (p, s) => parseNamedOp(p, s, fillBody, 2),
    print: (p, o) => printNamedOp(p, o),
  }),
  contractionOp(
    "matmul",
    3,
    [
      [0, 2],
      [2, 1],
      [0, 1],
    ],
    true,
  ),
  contractionOp(
    "batch_matmul",
    4,
    [
      [0, 1, 3],
      [0, 3, 2],
      [0, 1, 2],
    ],
    true,
  ),
  contractionOp(
    "batch_reduce_matmul",
    4,
    [
      [0, 1, 3],
      [0, 3, 2],
      [1, 2],
    ],
    false,
  ),
  contractOp,
  elementwiseOp,
  ...opdslOps.map(namedOp),
  op("linalg.softmax", {
    operands: [
      { name: "input", type: shaped },
      { name: "output", type: shaped },
    ],
    results: [{ name: "result", arity: "variadic" }],
    attributes: { dimension: { type: i64Attr } },
    format:
      "attr-dict `dimension` `(` $dimension `)` `ins` `(` $input `:` type($input) `)` `outs` `(` $output `:` type($output) `)` (`->` type($result)^)?",
  }),
  op("linalg.pack", {
    traits: [Trait.AttrSizedOperandSegments],
    operands: [
      { name: "source", type: shaped },
      { name: "dest", type: shaped },
      { name: "padding_value", arity: "optional" },
      { name: "inner_tiles", arity: "variadic", type: indexType },
    ],
    results: [{ name: "result", arity: "optional" }],
    attributes: { ...packAttrs, operandSegmentSizes: {} },
    parse: parsePack,
    print: printPack,
    resultNames: named("pack"),
  }),
  op("linalg.unpack", {
    operands: [
      { name: "source", type: shaped },
      { name: "dest", type: shaped },
      { name: "inner_tiles", arity: "variadic", type: indexType },
    ],
    results: [{ name: "result", arity: "optional" }],
    attributes: packAttrs,
    format:
      "$source (`outer_dims_perm` `=` $outer_dims_perm^)? `inner_dims_pos` `=` $inner_dims_pos `inner_tiles` `=` " +
      "custom<DynamicIndexList>($inner_tiles, $static_inner_tiles) `into` $dest attr-dict `:` type($source) `->` type($dest)",
    inferResultTypes: destResult(1),
    resultNames: named("unpack"),
  }),
  winograd("winograd_filter_transform", "filter"),
  winograd("winograd_input_transform", "input"),
  winograd("winograd_output_transform", "value"),
];

export const linalgDialect: Dialect = { name: "linalg", ops };
