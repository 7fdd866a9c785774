// The vector dialect's memory ops: transfer_read/transfer_write with their defaulted maps and
// masks, and the plain and masked loads and stores (`%base[%i], ... : memref, vector`).
import { op, type EmitError, type OpDef } from "./registry.ts";
import type {
  OpAsmParser,
  ParsedOp,
  UnresolvedOperand,
} from "../../grammar/mlir/asm-parser.ts";
import type { OpAsmPrinter } from "../../grammar/mlir/asm-printer.ts";
import type { Operation } from "../ir/operation.ts";
import type { Context } from "../ir/context.ts";
import { ShapedType, VectorType, type Type } from "../ir/types.ts";
import {
  AffineMapAttr,
  ArrayAttr,
  DenseArrayAttr,
  IntegerAttr,
} from "../ir/attributes.ts";
import * as AF from "../ir/affine.ts";
import { printAttrDict } from "./region-syntax.ts";
import {
  parseVectorType,
  parseBaseAndIndices,
  printBaseAndIndices,
  elementVectorRank,
  rankOf,
  elementOf,
} from "./vector-support.ts";
import type { OpSpec } from "./vector-support.ts";

// ----- transfers -----

/** The minor identity map `(d0, ..., dn-1) -> (dn-k, ..., dn-1)`. */
export function minorIdentity(
  sourceRank: number,
  vectorRank: number,
): AF.AffineMap {
  return new AF.AffineMap(
    sourceRank,
    0,
    Array.from({ length: vectorRank }, (_, i) =>
      AF.dim(sourceRank - vectorRank + i),
    ),
  );
}

export function isMinorIdentity(m: AF.AffineMap): boolean {
  const k = m.results.length;
  return (
    m.numSymbols === 0 &&
    k <= m.numDims &&
    m.results.every(
      (e, i) => e.kind === "dim" && e.position === m.numDims - k + i,
    )
  );
}

/** MLIR's inferTransferOpMaskType: the vector shape in the order of the source dims it reads. */
export function maskType(
  ctx: Context,
  vt: VectorType,
  map: AF.AffineMap,
): VectorType {
  const dims: { pos: number; size: number; scalable: boolean }[] = [];
  map.results.forEach((e, i) => {
    if (e.kind === "dim")
      dims.push({
        pos: e.position,
        size: vt.shape[i]!,
        scalable: vt.scalableDims[i] ?? false,
      });
  });
  dims.sort((a, b) => a.pos - b.pos);
  if (dims.length === 0) return ctx.vector([1], ctx.i1());
  return ctx.vector(
    dims.map((d) => d.size),
    ctx.i1(),
    dims.map((d) => d.scalable),
  );
}

/** Fills in the permutation map and in_bounds a transfer op leaves out, as MLIR's parser does. */
export function transferDefaults(
  p: OpAsmParser,
  s: ParsedOp,
  sourceType: Type,
  vt: VectorType,
): AF.AffineMap {
  const ctx = p.ctx;
  let map: AF.AffineMap;
  const given = s.getAttribute("permutation_map");
  if (given instanceof AffineMapAttr) map = given.map;
  else {
    map = minorIdentity(
      rankOf(sourceType),
      vt.shape.length - elementVectorRank(sourceType),
    );
    s.addAttribute("permutation_map", ctx.affineMap(map));
  }
  if (s.getAttribute("in_bounds") === undefined)
    s.addAttribute(
      "in_bounds",
      ctx.array(map.results.map(() => ctx.bool(false))),
    );
  return map;
}

export function parseTransferRead(p: OpAsmParser, s: ParsedOp): void {
  const ctx = p.ctx;
  const { base, indices } = parseBaseAndIndices(p);
  p.parseComma();
  const padding = p.parseOperand();
  const mask = p.parseOptionalComma() ? p.parseOperand() : undefined;
  p.parseOptionalAttrDict(s);
  p.parseColon();
  const st = p.parseType();
  p.parseComma();
  const vt = parseVectorType(p);
  const map = transferDefaults(p, s, st, vt);
  s.resultTypes = [vt];
  s.operands = [
    p.resolveOperand(base, st),
    ...p.resolveOperands(indices, ctx.index()),
    p.resolveOperand(padding, elementOf(st)),
    ...(mask ? [p.resolveOperand(mask, maskType(ctx, vt, map))] : []),
  ];
  s.addAttribute(
    "operandSegmentSizes",
    ctx.denseArray(ctx.i32(), [1, indices.length, 1, mask ? 1 : 0]),
  );
}

export function parseTransferWrite(p: OpAsmParser, s: ParsedOp): void {
  const ctx = p.ctx;
  const value = p.parseOperand();
  p.parseComma();
  const { base, indices } = parseBaseAndIndices(p);
  const mask = p.parseOptionalComma() ? p.parseOperand() : undefined;
  p.parseOptionalAttrDict(s);
  p.parseColon();
  const vt = parseVectorType(p);
  p.parseComma();
  const st = p.parseType();
  const map = transferDefaults(p, s, st, vt);
  s.resultTypes = st.kind === "tensor" ? [st] : [];
  s.operands = [
    p.resolveOperand(value, vt),
    p.resolveOperand(base, st),
    ...p.resolveOperands(indices, ctx.index()),
    ...(mask ? [p.resolveOperand(mask, maskType(ctx, vt, map))] : []),
  ];
  s.addAttribute(
    "operandSegmentSizes",
    ctx.denseArray(ctx.i32(), [1, 1, indices.length, mask ? 1 : 0]),
  );
}

export function segments(o: Operation): number[] {
  const a = o.getAttr("operandSegmentSizes");
  return a instanceof DenseArrayAttr ? a.numbers() : [];
}

/** permutation_map is elided when it is the minor identity, in_bounds when all false. */
export function transferElided(o: Operation): string[] {
  const elided = ["operandSegmentSizes"];
  const map = o.getAttr("permutation_map");
  if (map instanceof AffineMapAttr && isMinorIdentity(map.map))
    elided.push("permutation_map");
  const ib = o.getAttr("in_bounds");
  if (
    ib instanceof ArrayAttr &&
    ib.elements.every((e) => e instanceof IntegerAttr && e.value === 0n)
  )
    elided.push("in_bounds");
  return elided;
}

export function printTransferRead(p: OpAsmPrinter, o: Operation): void {
  const [, ni = 0, , nm = 0] = segments(o);
  p.print(" ");
  printBaseAndIndices(p, o, 0, ni);
  p.print(", ");
  p.printOperand(o.operand(1 + ni));
  if (nm > 0) {
    p.print(", ");
    p.printOperand(o.operand(2 + ni));
  }
  printAttrDict(p, o, transferElided(o));
  p.print(
    ` : ${p.typeText(o.operand(0).type)}, ${p.typeText(o.result(0).type)}`,
  );
}

export function printTransferWrite(p: OpAsmPrinter, o: Operation): void {
  const [, , ni = 0, nm = 0] = segments(o);
  p.print(" ");
  p.printOperand(o.operand(0));
  p.print(", ");
  printBaseAndIndices(p, o, 1, ni);
  if (nm > 0) {
    p.print(", ");
    p.printOperand(o.operand(2 + ni));
  }
  printAttrDict(p, o, transferElided(o));
  p.print(
    ` : ${p.typeText(o.operand(0).type)}, ${p.typeText(o.operand(1).type)}`,
  );
}

export function verifyTransfer(
  o: Operation,
  sourceIndex: number,
  vectorType: Type | undefined,
  emit: EmitError,
): void {
  const st = o.operands[sourceIndex]?.value.type;
  if (!(st instanceof ShapedType) || !(vectorType instanceof VectorType))
    return;
  const map = o.getAttr("permutation_map");
  if (map instanceof AffineMapAttr) {
    if (map.map.numDims !== rankOf(st))
      emit(
        "requires a permutation_map with input dims of the same rank as the source type",
      );
    if (
      map.map.results.length !==
      vectorType.shape.length - elementVectorRank(st)
    )
      emit(
        "requires a permutation_map with result dims of the same rank as the vector type",
      );
    const ib = o.getAttr("in_bounds");
    if (
      ib instanceof ArrayAttr &&
      ib.elements.length !== map.map.results.length
    )
      emit(
        "expects the in_bounds attr of same rank as permutation_map results",
      );
  }
}

// ----- plain loads and stores: `%base[%i], ... : memref, vector` -----

/** The memory ops whose syntax is `[value,] base[indices] [, extra...] attr-dict : types`. */
interface AccessShape {
  /** Operand names before the base (the stored value). */
  readonly before: number;
  /** Operands after the indices (mask, pass_thru or value). */
  readonly after: number;
  readonly results: number;
  /** Extra type after the base type in the trailing list, then `into` result type. */
  readonly into: boolean;
}

export function parseAccess(
  p: OpAsmParser,
  s: ParsedOp,
  shape: AccessShape,
): void {
  const ctx = p.ctx;
  const before = shape.before > 0 ? [p.parseOperand()] : [];
  if (shape.before > 0) p.parseComma();
  const { base, indices } = parseBaseAndIndices(p);
  const after: UnresolvedOperand[] = [];
  for (let i = 0; i < shape.after; i++) {
    p.parseComma();
    after.push(p.parseOperand());
  }
  p.parseOptionalAttrDict(s);
  p.parseColon();
  const bt = p.parseType();
  const rest: Type[] = [];
  while (p.parseOptionalComma()) rest.push(p.parseType());
  if (shape.into) {
    p.parseKeyword("into");
    s.resultTypes = [p.parseType()];
  } else if (shape.results > 0) s.resultTypes = [rest[rest.length - 1]!];
  // The stored value of vector.store takes the last type; the extras take the others in order.
  const valueTypes = shape.before > 0 ? [rest[rest.length - 1]!] : [];
  const extraTypes =
    shape.before > 0 ? [] : shape.results > 0 && !shape.into ? [] : rest;
  s.operands = [
    ...p.resolveOperands(before, valueTypes),
    p.resolveOperand(base, bt),
    ...p.resolveOperands(indices, ctx.index()),
    ...p.resolveOperands(after, extraTypes),
  ];
}

export function printAccess(
  p: OpAsmPrinter,
  o: Operation,
  shape: AccessShape,
): void {
  const n = o.operands.length - shape.before - 1 - shape.after;
  p.print(" ");
  if (shape.before > 0) {
    p.printOperand(o.operand(0));
    p.print(", ");
  }
  printBaseAndIndices(p, o, shape.before, n);
  for (const v of o.operandValues.slice(shape.before + 1 + n)) {
    p.print(", ");
    p.printOperand(v);
  }
  printAttrDict(p, o);
  const types: Type[] = [o.operand(shape.before).type];
  if (shape.before > 0) types.push(o.operand(0).type);
  else if (shape.into || shape.results === 0)
    types.push(...o.operandTypes.slice(shape.before + 1 + n));
  else types.push(o.result(0).type);
  p.print(" : ");
  p.printTypes(types);
  if (shape.into) p.print(` into ${p.typeText(o.result(0).type)}`);
}

export function accessOp(
  name: string,
  shape: AccessShape,
  extra: OpSpec = {},
): OpDef {
  return op(name, {
    ...extra,
    parse: (p, s) => parseAccess(p, s, shape),
    print: (p, o) => printAccess(p, o, shape),
  });
}
