// Pieces shared by the tensor, memref, bufferization and linalg dialects: type and attribute
// constraints, mixed static/dynamic index lists (MLIR's DynamicIndexList), reassociations,
// index operands and operand segments.
import { constraint, type Constraint } from "./registry.ts";
import type { OpAsmParser, ParsedOp, UnresolvedOperand } from "../../grammar/mlir/asm-parser.ts";
import type { OpAsmPrinter } from "../../grammar/mlir/asm-printer.ts";
import type { Operation } from "../ir/operation.ts";
import type { Value } from "../ir/value.ts";
import type { Context } from "../ir/context.ts";
import type { Attribute } from "../ir/attributes.ts";
import { ArrayAttr, DenseArrayAttr, IntegerAttr } from "../ir/attributes.ts";
import { registerCustomDirective } from "./assembly-format.ts";
import {
  type Type,
  IndexType,
  IntegerType,
  MemRefType,
  RankedTensorType,
  ShapedType,
  UnrankedMemRefType,
  UnrankedTensorType,
} from "../ir/types.ts";
import { elementTypeOrSelf } from "../ir/types.ts";

// ----- constraints -----

export { constraint };

export const anyTensor = constraint<Type>(
  "tensor of any type values",
  (t) => t instanceof RankedTensorType || t instanceof UnrankedTensorType,
);
export const rankedTensor = constraint<Type>("ranked tensor of any type values", (t) => t instanceof RankedTensorType);
export const anyMemRef = constraint<Type>(
  "memref of any type values",
  (t) => t instanceof MemRefType || t instanceof UnrankedMemRefType,
);
export const rankedMemRef = constraint<Type>("ranked memref of any type values", (t) => t instanceof MemRefType);
export const indexType = constraint<Type>("index", (t) => t instanceof IndexType, {
  buildableType: (ctx: Context) => ctx.index(),
});
export const shaped = constraint<Type>("shaped of any type values", (t) => t instanceof ShapedType);

export const i64Attr = constraint<Attribute>(
  "64-bit signless integer attribute",
  (a) => a instanceof IntegerAttr && a.type instanceof IntegerType && a.type.width === 64,
  { buildableType: (ctx: Context) => ctx.i64() },
);
export const i32Attr = constraint<Attribute>(
  "32-bit signless integer attribute",
  (a) => a instanceof IntegerAttr && a.type instanceof IntegerType && a.type.width === 32,
  { buildableType: (ctx: Context) => ctx.i32() },
);
export const unitAttr = constraint<Attribute>("unit attribute", (a) => a.kind === "unit");
export const denseI64Array = constraint<Attribute>(
  "i64 dense array attribute",
  (a) => a instanceof DenseArrayAttr && a.elementType instanceof IntegerType && a.elementType.width === 64,
);
export const arrayAttr = constraint<Attribute>("array attribute", (a) => a instanceof ArrayAttr);

// ----- static and dynamic sizes -----

/** MLIR's ShapedType::kDynamic as stored in `static_*` dense arrays. */
export const kDynamic = -9223372036854775808n;

/** The i64 values of a dense array attribute of `op` (empty when absent). */
export function staticValues(op: Operation, name: string): bigint[] {
  const a = op.getAttr(name);
  return a instanceof DenseArrayAttr ? a.values.map((v) => BigInt(v)) : [];
}

export function i64Array(ctx: Context, values: readonly bigint[]): DenseArrayAttr {
  return ctx.denseArray(ctx.i64(), values);
}

/** `[%a, 4, %b]`: SSA values stand for kDynamic entries of the static list. */
export function parseDynamicIndexList(
  p: OpAsmParser,
  open: "[" | "(" = "[",
): { operands: UnresolvedOperand[]; statics: bigint[] } {
  const operands: UnresolvedOperand[] = [];
  const statics: bigint[] = [];
  if (open === "[") p.parseLSquare();
  else p.parseLParen();
  if (open === "[" ? p.parseOptionalRSquare() : p.parseOptionalRParen()) return { operands, statics };
  do {
    const u = p.parseOptionalOperand();
    if (u !== undefined) {
      operands.push(u);
      statics.push(kDynamic);
    } else statics.push(p.parseInteger());
  } while (p.parseOptionalComma());
  if (open === "[") p.parseRSquare();
  else p.parseRParen();
  return { operands, statics };
}

export function printDynamicIndexList(
  p: OpAsmPrinter,
  values: readonly Value[],
  statics: readonly bigint[],
  open: "[" | "(" = "[",
): void {
  p.print(open);
  let k = 0;
  statics.forEach((s, i) => {
    if (i > 0) p.print(", ");
    if (s === kDynamic) p.printOperand(values[k++]!);
    else p.print(String(s));
  });
  p.print(open === "[" ? "]" : ")");
}

/** `custom<DynamicIndexList>($values, $static_values)` in formats (ViewLikeInterface's syntax). */
registerCustomDirective("DynamicIndexList", {
  parse(p, args) {
    const [values, statics] = args;
    const r = parseDynamicIndexList(p);
    values!.operands = r.operands;
    statics!.attribute = i64Array(p.ctx, r.statics);
  },
  print(p, _op, args) {
    const [values, statics] = args;
    const a = statics?.attribute;
    printDynamicIndexList(p, values?.values ?? [], a instanceof DenseArrayAttr ? a.values.map((v) => BigInt(v)) : []);
  },
});

/** `[0, 1, 2]`: a dense i64 array written as a bracketed list (DenseI64ArrayAttr in a format). */
export function parseI64List(p: OpAsmParser): bigint[] {
  const out: bigint[] = [];
  p.parseLSquare();
  if (p.parseOptionalRSquare()) return out;
  do out.push(p.parseInteger());
  while (p.parseOptionalComma());
  p.parseRSquare();
  return out;
}

export function printI64List(p: OpAsmPrinter, values: readonly bigint[]): void {
  p.print(`[${values.map(String).join(", ")}]`);
}

// ----- operands -----

/** Resolves operands of `index` type. */
export function resolveIndices(p: OpAsmParser, us: readonly UnresolvedOperand[]): Value[] {
  return p.resolveOperands(us, p.ctx.index());
}

/** `operandSegmentSizes` for the given group sizes. */
export function segmentSizes(ctx: Context, sizes: readonly number[]): DenseArrayAttr {
  return ctx.denseArray(
    ctx.i32(),
    sizes.map((n) => BigInt(n)),
  );
}

export function setSegments(p: OpAsmParser, s: ParsedOp, groups: readonly (readonly unknown[])[]): void {
  s.addAttribute(
    "operandSegmentSizes",
    segmentSizes(
      p.ctx,
      groups.map((g) => g.length),
    ),
  );
}

/** The operands of `op` split by its `operandSegmentSizes`. */
export function operandGroups(op: Operation): Value[][] {
  const sizes = op.getAttr("operandSegmentSizes");
  const all = op.operandValues;
  if (!(sizes instanceof DenseArrayAttr)) return [all];
  const out: Value[][] = [];
  let start = 0;
  for (const n of sizes.values) {
    out.push(all.slice(start, start + Number(n)));
    start += Number(n);
  }
  return out;
}

/** The `i`th operand group (empty when absent). */
export function group(op: Operation, i: number): Value[] {
  return operandGroups(op)[i] ?? [];
}

// ----- printing helpers -----

/** ` %a, %b` (a leading space, then the list; MLIR's generated printers keep the space when empty). */
export function printSpacedOperands(p: OpAsmPrinter, values: readonly Value[]): void {
  p.print(" ");
  p.printOperands(values);
}

/**
 * ` {attrs}` minus the names given, the segment sizes of ops sized by them, and defaulted
 * attributes that hold their default (as ODS-generated printers elide them).
 */
export function printAttrs(p: OpAsmPrinter, op: Operation, elided: readonly string[] = []): void {
  const specs = op.def?.attributes ?? {};
  const hidden = new Set(elided);
  if (op.hasTrait("AttrSizedOperandSegments")) hidden.add("operandSegmentSizes");
  const shown = p.allAttributes(op).filter((e) => {
    if (hidden.has(e.name)) return false;
    const d = specs[e.name]?.default;
    return d === undefined || d(op.ctx) !== e.value;
  });
  p.printOptionalAttrDict(shown);
}

/** The element type of a shaped type, or the type itself (the IR's elementTypeOrSelf). */
export const elementOf = elementTypeOrSelf;

/** A ranked tensor type with the shape of `t` (a memref), as MLIR's getTensorTypeFromMemRefType. */
export function tensorOfMemRef(ctx: Context, t: Type): Type {
  if (t instanceof MemRefType) return ctx.tensor(t.shape, t.elementType);
  if (t instanceof UnrankedMemRefType) return ctx.unrankedTensor(t.elementType);
  return t;
}
