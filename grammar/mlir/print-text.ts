// Alias-free text of a type or attribute (for expanding aliases inside dialect bodies, and for
// messages).
import type { Attribute } from "../../engine/ir/attributes.ts";
import type { Type } from "../../engine/ir/types.ts";
import { printAttribute, printType } from "./print-attribute.ts";

export function printAttributeText(a: Attribute): string {
  return printAttribute(a);
}

export function printTypeText(t: Type): string {
  return printType(t);
}
