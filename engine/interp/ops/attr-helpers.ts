// Small readers of op attributes shared by the semantics files (integer lists, booleans, enums).
import { ArrayAttr, AffineMapAttr, DenseArrayAttr, DenseElementsAttr, DialectAttr, IntegerAttr, type Attribute } from "../../ir/attributes.ts";

export { AffineMapAttr, ArrayAttr };

/** An attribute that is a boolean (`true`/`false`, an i1 IntegerAttr). */
export function BoolAttrLike(a: Attribute): boolean {
  if (a instanceof IntegerAttr) return a.value !== 0n;
  return (a as { value?: unknown }).value === true;
}

/** Integers of a dense array, array of integers, or dense elements attribute. */
export function intList(a: Attribute | undefined): number[] {
  if (a === undefined) return [];
  if (a instanceof DenseArrayAttr) return a.numbers();
  if (a instanceof ArrayAttr) return a.elements.map((e) => (e instanceof IntegerAttr ? Number(e.value) : 0));
  if (a instanceof DenseElementsAttr) {
    const n = a.type.numElements ?? a.values.length;
    return Array.from({ length: n }, (_, i) => Number(a.at(i)));
  }
  if (a instanceof IntegerAttr) return [Number(a.value)];
  return [];
}

export function intAttr(a: Attribute | undefined, fallback = 0): number {
  return a instanceof IntegerAttr ? Number(a.value) : fallback;
}

/** The case of an enum attribute `#dialect.name<case>` (or its integer storage as text). */
export function enumCase(a: Attribute | undefined): string {
  if (a instanceof DialectAttr) {
    const m = /<\s*([^>]*)>/.exec(a.text);
    return m ? m[1]!.trim() : "";
  }
  if (a instanceof IntegerAttr) return String(a.value);
  return "";
}

