// How formats write attributes: enum keywords, stripped dialect attributes (`<nsw>`), typed
// dense arrays (`[1, 2]`), default values and the types attributes carry.
import type { AttrSpec } from "../registry.ts";
import { defaultValue } from "../registry.ts";
import type { Attribute } from "../../ir/attributes.ts";
import type { Type } from "../../ir/types.ts";
import type { Context } from "../../ir/context.ts";
import {
  DialectAttr,
  DenseElementsAttr,
  DenseResourceAttr,
  FloatAttr,
  IntegerAttr,
  SparseElementsAttr,
  StringAttr,
} from "../../ir/attributes.ts";

export function attrType(a: Attribute | undefined): Type | undefined {
  if (
    a instanceof IntegerAttr ||
    a instanceof FloatAttr ||
    a instanceof DenseElementsAttr ||
    a instanceof DenseResourceAttr ||
    a instanceof SparseElementsAttr
  )
    return a.type;
  if (a instanceof StringAttr) return a.type;
  return undefined;
}

/** MLIR's canFormatStringAsKeyword. */
export function isKeyword(s: string): boolean {
  return /^[A-Za-z_][\w$.]*$/.test(s);
}

/** Whether a defaulted attribute holds its default (and so is elided). */
export function isDefault(ctx: Context, spec: AttrSpec | undefined, a: Attribute | undefined): boolean {
  return spec !== undefined && a !== undefined && a === defaultValue(spec, ctx);
}

/** The `<...>` remainder of a dialect attribute after `dialect.mnemonic`, as printStrippedAttrOrType. */
export function strippedText(a: DialectAttr, storage: { dialect: string; mnemonic: string }): string | undefined {
  const prefix = `${storage.dialect}.${storage.mnemonic}`;
  return a.text.startsWith(prefix) ? a.text.slice(prefix.length) : undefined;
}

/** The element type name of a typed dense array attribute spec ("i32 dense array attribute"). */
export function denseArrayElement(spec: AttrSpec | undefined): string | undefined {
  const m = /^(i1|i8|i16|i32|i64|f32|f64) dense array/.exec(spec?.type?.description ?? "");
  return m?.[1];
}

export function isUnitAttr(spec: AttrSpec | undefined): boolean {
  return spec?.type !== undefined && /unit/i.test(spec.type.description);
}
