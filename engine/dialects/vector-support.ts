// Pieces the vector dialect's files share: enum attributes written `<case>`, vector and shape
// helpers, and memory-access operand lists.
import { op } from "./registry.ts";
import type {
  OpAsmParser,
  UnresolvedOperand,
} from "../../grammar/mlir/asm-parser.ts";
import type { OpAsmPrinter } from "../../grammar/mlir/asm-printer.ts";
import type { Operation } from "../ir/operation.ts";
import type { Context } from "../ir/context.ts";
import { ShapedType, VectorType, type Type } from "../ir/types.ts";
import { elementTypeOrSelf } from "../ir/types.ts";
import {
  ArrayAttr,
  DenseArrayAttr,
  DialectAttr,
  IntegerAttr,
  type Attribute,
} from "../ir/attributes.ts";

export type OpSpec = NonNullable<Parameters<typeof op>[1]>;

// ----- enum attributes printed as `<case>` -----

/** `<add>` for `#vector.kind<add>` and the like: the body of a dialect enum attribute. */
export function parseEnumBody(
  p: OpAsmParser,
  dialect: string,
  mnemonic: string,
): DialectAttr {
  p.parseLess();
  const c = p.parseAnyKeyword(`${mnemonic} value`);
  p.parseGreater();
  return p.ctx.dialectAttr(dialect, `${dialect}.${mnemonic}<${c}>`);
}

/** The case of a dialect enum attribute (`add` of `#vector.kind<add>`). */
export function enumCase(a: Attribute | undefined): string {
  const m = a instanceof DialectAttr ? /<(.*)>$/.exec(a.text) : null;
  return m ? m[1]! : "";
}

export const kind = (ctx: Context, c: string) =>
  ctx.dialectAttr("vector", `vector.kind<${c}>`);
export const fastmathNone = (ctx: Context) =>
  ctx.dialectAttr("arith", "arith.fastmath<none>");

// ----- shared pieces -----

export function vectorOf(
  p: OpAsmParser,
  span: ReturnType<OpAsmParser["here"]>,
  t: Type,
): VectorType {
  if (!(t instanceof VectorType)) p.error("expected vector type", span);
  return t;
}

export function parseVectorType(p: OpAsmParser): VectorType {
  const span = p.here();
  return vectorOf(p, span, p.parseType());
}

export function i64Numbers(a: Attribute | undefined): number[] {
  if (a instanceof DenseArrayAttr) return a.numbers();
  if (a instanceof ArrayAttr)
    return a.elements.map((e) =>
      e instanceof IntegerAttr ? Number(e.value) : 0,
    );
  return [];
}

/** `%base[%i, %j]`: the base and index operands of a memory access. */
export function parseBaseAndIndices(p: OpAsmParser): {
  base: UnresolvedOperand;
  indices: UnresolvedOperand[];
} {
  const base = p.parseOperand();
  const indices = p.parseOperandList("square");
  return { base, indices };
}

export function printBaseAndIndices(
  p: OpAsmPrinter,
  o: Operation,
  base: number,
  count: number,
): void {
  p.printOperand(o.operand(base));
  p.print("[");
  p.printOperands(o.operandValues.slice(base + 1, base + 1 + count));
  p.print("]");
}

/** The rank of the vectors a memref or tensor of vectors holds (0 for scalar elements). */
export function elementVectorRank(t: Type): number {
  return t instanceof ShapedType && t.elementType instanceof VectorType
    ? t.elementType.shape.length
    : 0;
}

export function rankOf(t: Type): number {
  return t instanceof ShapedType ? (t.rank ?? 0) : 0;
}

/** The element type of a shaped type, or the type itself (the IR's elementTypeOrSelf). */
export const elementOf = elementTypeOrSelf;
