// What sema needs to know about an op definition: how its positional arguments map to operands or
// (for ops without operands, like arith.constant) to attributes, and how enum cases are stored.
import type { Attribute } from "../../ir/attributes.ts";
import type { Context } from "../../ir/context.ts";
import type { AttrSpec, OpDef } from "../../dialects/registry.ts";
import type * as A from "../../../grammar/prr/ast.ts";
import { suggest, type RuleScope } from "./scope.ts";

/** Resolves an op name against the registry, reporting unknown ops with a suggestion. */
export function resolveOp(s: RuleScope, name: A.Name): OpDef | undefined {
  const def = s.ctx.registry.lookup(name.text);
  if (def !== undefined) return def;
  const dialect = name.text.slice(0, name.text.indexOf("."));
  const near = suggest(name.text, s.ctx.registry.opNames);
  const known = s.ctx.registry.hasDialect(dialect) ? "" : ` (no dialect '${dialect}' is registered)`;
  s.error("PRR3003", `unknown op '${name.text}'${known}${near ? `; did you mean '${near}'?` : ""}`, name.span);
  return undefined;
}

/** Ops without operands take their attributes positionally, in declaration order. */
export function positionalAttributes(def: OpDef): string[] | undefined {
  if ((def.operands?.length ?? 0) > 0) return undefined;
  const names = Object.keys(def.attributes ?? {});
  return names.length > 0 ? names : undefined;
}

/** Checks an attribute name against the op's inherent attributes (dialect-prefixed names pass). */
export function checkAttrName(s: RuleScope, def: OpDef, name: A.Name): AttrSpec | undefined {
  const spec = def.attributes?.[name.text];
  if (spec !== undefined || name.text.includes(".")) return spec;
  const known = Object.keys(def.attributes ?? {});
  const near = suggest(name.text, known);
  s.error(
    "PRR3007",
    `'${def.name}' has no attribute '${name.text}'${near ? `; did you mean '${near}'?` : known.length > 0 ? ` (it has: ${known.join(", ")})` : ""}`,
    name.span,
  );
  return undefined;
}

/** The attribute an enum case stands for, as the op stores it. */
export function enumAttr(ctx: Context, spec: AttrSpec, caseName: string): Attribute | undefined {
  const cases = spec.enumCases;
  if (cases === undefined) return undefined;
  const idx = cases.indexOf(caseName);
  if (idx < 0) return undefined;
  const storage = spec.enumStorage;
  if (typeof storage === "object") return ctx.dialectAttr(storage.dialect, `${storage.dialect}.${storage.mnemonic}<${caseName}>`);
  return ctx.integerAttr(storage === "i32" ? ctx.i32() : ctx.i64(), spec.enumValues?.[idx] ?? idx);
}

/** How many operands the op takes: exact when no group is optional or variadic. */
export function operandArity(def: OpDef): { min: number; exact: boolean } {
  const specs = def.operands ?? [];
  const min = specs.filter((o) => (o.arity ?? "single") === "single").length;
  return { min, exact: specs.every((o) => (o.arity ?? "single") === "single") };
}
