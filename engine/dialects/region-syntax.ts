// Custom-syntax pieces shared by the dialects whose ops hold regions or index lists (scf, affine,
// tosa, vector, shard): implicit terminators, `(%a = %init, ...)` assignment lists, yields, and
// MLIR's dynamic index lists (`[%i, 4, %j]` with kDynamic placeholders).
import { constraint, Trait, type Constraint, type EmitError } from "./registry.ts";
import type {
  OpAsmParser,
  ParsedOp,
  RegionArgument,
  UnresolvedOperand,
} from "../../grammar/mlir/asm-parser.ts";
import type { OpAsmPrinter } from "../../grammar/mlir/asm-printer.ts";
import { Operation } from "../ir/operation.ts";
import { Region } from "../ir/block.ts";
import type { Value } from "../ir/value.ts";
import type { Type } from "../ir/types.ts";
import { IntegerType } from "../ir/types.ts";
import { DenseArrayAttr, type Attribute } from "../ir/attributes.ts";
import { Tok } from "../../grammar/mlir/tokens.ts";

/** MLIR's ensureTerminator: gives `region` a block ending in `name` (built without operands). */
export function ensureTerminator(
  p: OpAsmParser,
  s: ParsedOp,
  region: Region,
  name: string,
): void {
  const block = region.ensureBlock();
  const last = block.last;
  if (last !== null && last.hasTrait(Trait.Terminator)) return;
  block.append(Operation.create(p.ctx, { name, loc: s.loc }));
}

/** `(%inner = %outer, ...)`: region arguments (untyped) and the operands bound to them. */
export function parseAssignmentList(p: OpAsmParser): {
  args: RegionArgument[];
  operands: UnresolvedOperand[];
} {
  const args: RegionArgument[] = [];
  const operands: UnresolvedOperand[] = [];
  p.parseLParen();
  if (!p.parseOptionalRParen()) {
    do {
      args.push(p.parseArgument(false));
      p.parseEqual();
      operands.push(p.parseOperand());
    } while (p.parseOptionalComma());
    p.parseRParen();
  }
  return { args, operands };
}

/** `<prefix>(%inner = %outer, ...)`, nothing when there are no initializers. */
export function printInitializationList(
  p: OpAsmPrinter,
  inner: readonly Value[],
  outer: readonly Value[],
  prefix: string,
): void {
  if (outer.length === 0) return;
  p.print(`${prefix}(`);
  outer.forEach((v, i) => {
    if (i > 0) p.print(", ");
    p.printOperand(inner[i]!);
    p.print(" = ");
    p.printOperand(v);
  });
  p.print(")");
}

/** ` -> t` or ` -> (t1, t2)`, nothing for no types (printOptionalArrowTypeList). */
export function printOptionalArrowTypeList(
  p: OpAsmPrinter,
  types: readonly Type[],
): void {
  if (types.length === 0) return;
  p.print(" -> ");
  p.printArrowTypeList(types);
}

/** The printOptionalAttrDict of MLIR on all attributes, minus `elided`. */
export function printAttrDict(
  p: OpAsmPrinter,
  o: Operation,
  elided: readonly string[] = [],
): void {
  p.printOptionalAttrDict(p.allAttributes(o), elided);
}

/** `attr-dict ($values^ : type($values))?` (scf.yield, affine.yield, ...). */
export function parseYieldLike(p: OpAsmParser, s: ParsedOp): void {
  p.parseOptionalAttrDict(s);
  const operands = p.parseOperandList();
  const types = operands.length > 0 ? p.parseColonTypeList() : [];
  s.operands = p.resolveOperands(operands, types);
}

export function printYieldLike(p: OpAsmPrinter, o: Operation): void {
  printAttrDict(p, o);
  if (o.operands.length === 0) return;
  p.print(" ");
  p.printOperands(o.operandValues);
  p.print(" : ");
  p.printTypes(o.operandTypes);
}

/** Verifies that the terminator of `region` yields values of `types`. */
export function verifyYieldTypes(
  region: Region | undefined,
  types: readonly Type[],
  what: string,
  emit: EmitError,
): void {
  const term = region?.blocks[0]?.last;
  if (!term || !term.hasTrait(Trait.Terminator)) return;
  if (term.operands.length !== types.length) {
    emit(
      `${what} yields ${term.operands.length} values, but ${types.length} are expected`,
    );
    return;
  }
  term.operandTypes.forEach((t, i) => {
    if (t !== types[i])
      emit(
        `${what} yields a value of type '${t.key}' at position ${i}, but '${types[i]!.key}' is expected`,
      );
  });
}

export const index = (p: OpAsmParser) => p.ctx.index();

/** A named type constraint for operand and result specs. */
export function typeIs(
  description: string,
  pred: (t: Type) => boolean,
): Constraint<Type> {
  return constraint(description, pred);
}
export const isI1 = (t: Type) =>
  t instanceof IntegerType && t.width === 1 && t.signedness === 0;
export const denseI64 = (a: Attribute | undefined): number[] =>
  a instanceof DenseArrayAttr ? a.numbers() : [];
/** MLIR's ShapedType::kDynamic in static index lists (INT64_MIN). */
export const kDynamic = -9223372036854775808;

/** `(%a, 4, %b)`: a list mixing SSA values and integers (parseDynamicIndexList). */
export function parseDynamicIndexList(
  p: OpAsmParser,
  open: Tok = Tok.lparen,
): { values: UnresolvedOperand[]; statics: (number | bigint)[] } {
  const values: UnresolvedOperand[] = [];
  const statics: (number | bigint)[] = [];
  const close = open === Tok.lparen ? Tok.rparen : Tok.rsquare;
  if (open === Tok.lparen) p.parseLParen();
  else p.parseLSquare();
  if (!p.at(close)) {
    do {
      const u = p.parseOptionalOperand();
      if (u) {
        values.push(u);
        statics.push(BigInt(kDynamic));
      } else statics.push(p.parseInteger());
    } while (p.parseOptionalComma());
  }
  if (open === Tok.lparen) p.parseRParen();
  else p.parseRSquare();
  return { values, statics };
}

/** Prints statics with dynamic entries taken in order from `values` (printDynamicIndexList). */
export function printDynamicIndexList(
  p: OpAsmPrinter,
  values: readonly Value[],
  statics: readonly number[],
  open = "(",
  close = ")",
): void {
  let next = 0;
  p.print(open);
  statics.forEach((s, i) => {
    if (i > 0) p.print(", ");
    if (s === kDynamic) p.printOperand(values[next++]!);
    else p.print(String(s));
  });
  p.print(close);
}
