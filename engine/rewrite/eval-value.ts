// The values rule expressions compute with: integers (two's complement in their type's width),
// floats (rounded to their type), booleans, strings, types, attributes, lists and IR handles;
// with conversions from and to attributes, and the integer arithmetic MLIR's folders use.
import { ArrayAttr, Attribute, DenseArrayAttr, DenseElementsAttr, FloatAttr, IntegerAttr, StringAttr, TypeAttr } from "../ir/attributes.ts";
import type { Context } from "../ir/context.ts";
import { FloatType, IndexType, IntegerType, ShapedType, type Type } from "../ir/types.ts";
import type { Operation } from "../ir/operation.ts";
import type { Value } from "../ir/value.ts";
import { roundToKind } from "../ir/float-semantics.ts";

export type EvalValue =
  | { readonly kind: "int"; readonly value: bigint; readonly type: Type | undefined }
  | { readonly kind: "float"; readonly value: number; readonly type: Type | undefined }
  | { readonly kind: "bool"; readonly value: boolean }
  | { readonly kind: "string"; readonly value: string }
  | { readonly kind: "type"; readonly type: Type }
  | { readonly kind: "attr"; readonly attr: Attribute }
  | { readonly kind: "list"; readonly items: readonly EvalValue[] }
  | { readonly kind: "value"; readonly value: Value }
  | { readonly kind: "values"; readonly values: readonly Value[] }
  | { readonly kind: "op"; readonly op: Operation };

/** Evaluation cannot go on (division by zero, a type that does not fit): the rule does not apply. */
export class EvalFailure extends Error {}

export const int = (value: bigint, type?: Type): EvalValue => ({ kind: "int", value, type });
export const bool = (value: boolean): EvalValue => ({ kind: "bool", value });

/** The scalar element type of a (possibly shaped) type. */
export function scalarOf(t: Type): Type {
  return t instanceof ShapedType ? t.elementType : t;
}

/** Width in bits of an integer or index type (index is 64 bits, as MLIR's folders assume). */
export function intWidth(t: Type | undefined): number | undefined {
  if (t === undefined) return undefined;
  const s = scalarOf(t);
  if (s instanceof IntegerType) return s.width;
  if (s instanceof IndexType) return 64;
  return undefined;
}

/** Wraps to the type's width: signless and signed as signed values, i1 and unsigned as unsigned. */
export function wrap(v: bigint, t: Type | undefined): bigint {
  const w = intWidth(t);
  if (w === undefined) return v;
  const s = scalarOf(t!);
  if (w === 1 || (s instanceof IntegerType && s.signedness === 2)) return BigInt.asUintN(w, v);
  return BigInt.asIntN(w, v);
}

/** The value as an unsigned number of its width. */
export function unsigned(v: bigint, t: Type | undefined): bigint {
  const w = intWidth(t);
  return w === undefined ? v : BigInt.asUintN(w, v);
}

export function fromAttr(a: Attribute): EvalValue {
  if (a instanceof IntegerAttr) return { kind: "int", value: a.value, type: a.type };
  if (a instanceof FloatAttr) return { kind: "float", value: a.value, type: a.type };
  if (a instanceof StringAttr) return { kind: "string", value: a.value };
  if (a instanceof TypeAttr) return { kind: "type", type: a.type };
  if (a instanceof DenseElementsAttr && a.splat) {
    const v = a.values[0];
    if (typeof v === "bigint") return { kind: "int", value: v, type: a.type };
    if (typeof v === "boolean") return { kind: "int", value: v ? 1n : 0n, type: a.type };
    if (typeof v === "number") return { kind: "float", value: v, type: a.type };
  }
  if (a instanceof DenseArrayAttr)
    return { kind: "list", items: a.values.map((v) => (typeof v === "bigint" ? int(v, a.elementType) : { kind: "float", value: v, type: a.elementType })) };
  if (a instanceof ArrayAttr && a.elements.every((e) => e instanceof IntegerAttr)) return { kind: "list", items: a.elements.map(fromAttr) };
  return { kind: "attr", attr: a };
}

/** Makes an attribute of `type` (or the value's own type) from a value; splats for shaped types. */
export function toAttr(ctx: Context, v: EvalValue, type?: Type): Attribute {
  switch (v.kind) {
    case "int": {
      const t = type ?? v.type;
      if (t === undefined) throw new EvalFailure("an integer constant needs a type; annotate it (`: i32`)");
      const s = scalarOf(t);
      if (s instanceof FloatType) return toAttr(ctx, { kind: "float", value: Number(v.value), type: t });
      if (intWidth(t) === undefined) throw new EvalFailure(`cannot make an integer attribute of type ${t}`);
      const value = wrap(v.value, t);
      return t instanceof ShapedType ? ctx.dense(t, [value], true) : ctx.integerAttr(t, value);
    }
    case "float": {
      const t = type ?? v.type;
      if (t === undefined) throw new EvalFailure("a float constant needs a type; annotate it (`: f32`)");
      const s = scalarOf(t);
      if (!(s instanceof FloatType)) throw new EvalFailure(`cannot make a float attribute of type ${t}`);
      const value = roundToKind(v.value, s.floatKind);
      return t instanceof ShapedType ? ctx.dense(t, [value], true) : ctx.floatAttr(t, value);
    }
    case "bool":
      return type instanceof ShapedType ? ctx.dense(type, [v.value ? 1n : 0n], true) : ctx.bool(v.value);
    case "string":
      return ctx.string(v.value);
    case "type":
      return ctx.typeAttr(v.type);
    case "attr":
      return v.attr;
    case "list": {
      const elem = v.items[0];
      if (elem === undefined || elem.kind === "int") return ctx.denseArray(type ?? (elem?.type && scalarOf(elem.type)) ?? ctx.i64(), v.items.map((i) => (i as { value: bigint }).value));
      return ctx.array(v.items.map((i) => toAttr(ctx, i)));
    }
    default:
      throw new EvalFailure(`a ${v.kind} is not an attribute`);
  }
}

/** Structural equality, as `==` in guards means it: values compare numerically, IR by identity. */
export function evalEquals(a: EvalValue, b: EvalValue): boolean {
  if ((a.kind === "int" || a.kind === "bool") && (b.kind === "int" || b.kind === "bool"))
    return asBigInt(a) === asBigInt(b) || (a.kind === "int" && b.kind === "int" && unsigned(a.value, a.type) === unsigned(b.value, b.type ?? a.type));
  if (a.kind === "float" && b.kind === "float") return Object.is(a.value, b.value) || a.value === b.value;
  if (a.kind === "float" && b.kind === "int") return a.value === Number(b.value);
  if (a.kind === "int" && b.kind === "float") return Number(a.value) === b.value;
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case "string":
      return a.value === (b as typeof a).value;
    case "type":
      return a.type === (b as typeof a).type;
    case "attr":
      return a.attr === (b as typeof a).attr;
    case "value":
      return a.value === (b as typeof a).value;
    case "op":
      return a.op === (b as typeof a).op;
    case "list": {
      const bi = (b as typeof a).items;
      return a.items.length === bi.length && a.items.every((x, i) => evalEquals(x, bi[i]!));
    }
    case "values": {
      const bv = (b as typeof a).values;
      return a.values.length === bv.length && a.values.every((x, i) => x === bv[i]);
    }
  }
  return false;
}

export function asBigInt(v: EvalValue): bigint {
  if (v.kind === "int") return v.value;
  if (v.kind === "bool") return v.value ? 1n : 0n;
  throw new EvalFailure(`expected an integer, got a ${v.kind}`);
}

export function asBool(v: EvalValue): boolean {
  if (v.kind === "bool") return v.value;
  if (v.kind === "int") return v.value !== 0n;
  throw new EvalFailure(`expected a boolean, got a ${v.kind}`);
}

export function asType(v: EvalValue): Type {
  if (v.kind === "type") return v.type;
  if (v.kind === "value") return v.value.type;
  if (v.kind === "attr" && "type" in v.attr) return (v.attr as unknown as { type: Type }).type;
  if ((v.kind === "int" || v.kind === "float") && v.type !== undefined) return v.type;
  throw new EvalFailure(`expected a type, got a ${v.kind}`);
}

export function describe(v: EvalValue): string {
  switch (v.kind) {
    case "int":
      return `${v.value}${v.type ? ` : ${v.type}` : ""}`;
    case "float":
      return `${v.value}${v.type ? ` : ${v.type}` : ""}`;
    case "bool":
    case "string":
      return String(v.value);
    case "type":
      return String(v.type);
    case "attr":
      return String(v.attr);
    case "list":
      return `[${v.items.map(describe).join(", ")}]`;
    default:
      return v.kind;
  }
}
