// Canonical keys for matching attributes against literals, shared by the automaton (which switches
// on them) and the matcher (which compares them): integers by their signed value in the attribute's
// width (i1 true is 1), floats by value (integral floats as integers, so `0` matches 0.0), splat
// constants as their element, strings by text, anything else by its uniqued text.
import { DenseElementsAttr, FloatAttr, IntegerAttr, StringAttr, type Attribute } from "../ir/attributes.ts";
import { IntegerType, ShapedType, type Type } from "../ir/types.ts";
import type { EvalValue } from "./eval-value.ts";

function intKey(v: bigint, t: Type | undefined): string {
  const s = t instanceof ShapedType ? t.elementType : t;
  if (s instanceof IntegerType && s.width > 1) return `i${BigInt.asIntN(s.width, v)}`;
  return `i${v}`;
}

function numberKey(x: number): string {
  return Number.isInteger(x) ? `i${x === 0 ? 0 : x}` : `f${x}`;
}

export function attrKey(a: Attribute): string {
  return (a.matchKey ??= computeAttrKey(a));
}

function computeAttrKey(a: Attribute): string {
  if (a instanceof IntegerAttr) return intKey(a.value, a.type);
  if (a instanceof FloatAttr) return numberKey(a.value);
  if (a instanceof StringAttr) return `s${a.value}`;
  if (a instanceof DenseElementsAttr && a.splat) {
    const v = a.values[0];
    if (typeof v === "bigint") return intKey(v, a.type);
    if (typeof v === "boolean") return v ? "i1" : "i0";
    if (typeof v === "number") return numberKey(v);
  }
  return `a${a.key}`;
}

/** The key of a literal in a pattern, or undefined when it has none (it never matches by key). */
export function literalKey(v: EvalValue): string | undefined {
  switch (v.kind) {
    case "int":
      return intKey(v.value, v.type);
    case "bool":
      return v.value ? "i1" : "i0";
    case "float":
      return numberKey(v.value);
    case "string":
      return `s${v.value}`;
    case "attr":
      return attrKey(v.attr);
    default:
      return undefined;
  }
}
