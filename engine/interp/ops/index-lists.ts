// MLIR's mixed static/dynamic index lists (static_offsets with kDynamic placeholders filled from
// operands) and reassociation groups, read into closures over the registers.
import type { Operation } from "../../ir/operation.ts";
import { ArrayAttr, type Attribute } from "../../ir/attributes.ts";
import type { RuntimeValue } from "../values.ts";
import { intList } from "./attr-helpers.ts";

/** kDynamic (INT64_MIN) as it reads back from an i64 array. */
const isDynamic = (x: number) => x < -(2 ** 62);

export type IndexList = (regs: RuntimeValue[]) => number[];

export function mixedList(statics: Attribute | undefined, dynamicSlots: readonly number[]): IndexList {
  const s = intList(statics);
  let d = 0;
  // A part is a dynamic operand's slot (>= 0) or, when the slot is -1, a static value.
  const slots = s.map((x) => (isDynamic(x) ? dynamicSlots[d++]! : -1));
  if (slots.every((x) => x < 0)) {
    const fixed = s;
    return () => fixed;
  }
  return (regs) => slots.map((slot, i) => (slot >= 0 ? (regs[slot] as number) : s[i]!));
}

/** `[[0, 1], [2]]` as lists of dimension numbers. */
export function reassociation(op: Operation): number[][] {
  const a = op.getAttr("reassociation");
  if (!(a instanceof ArrayAttr)) return [];
  return a.elements.map((g) => intList(g));
}

/** The shape of a result type with `?` filled from dynamic size operands, in order. */
export function shapeWithDynamic(shape: readonly number[], sizes: readonly number[]): number[] {
  let d = 0;
  return shape.map((x) => (x < 0 ? sizes[d++]! : x));
}
