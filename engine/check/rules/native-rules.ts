// Rules whose rewrite is a native with a declared contract (engine/rewrite/natives.ts): what the
// overlap, termination and confluence stages know of them without running the native.
import type { InspectedOp, NativeContract } from "../../rewrite/natives.ts";
import type { OpPat, Rule } from "../../rewrite/rule.ts";

export interface NativeRule {
  readonly rule: Rule;
  readonly native: string;
  readonly contract: NativeContract;
  /** The root op the pattern matches. */
  readonly root: string;
  /** Operands the pattern fixes (each `_` or a variable); with `variadic`, any number more. */
  readonly operands: number;
  readonly variadic: boolean;
}

/** The rule as a native rule, `undefined` if its rewrite is not a native, or why it is not analysed. */
export function nativeRule(rule: Rule): NativeRule | string | undefined {
  const r = rule.rewrite.result;
  if (r?.kind !== "native") return undefined;
  const contract = r.fn.contract;
  if (contract === undefined) return `native rewrite '${r.name}' declares no contract (what it changes and which ops it inspects)`;
  if (rule.rewrite.statements.length > 0) return "statements besides the native rewrite";
  const p = rule.pattern;
  if (!contract.roots.includes(p.name)) return `the contract of '${r.name}' does not cover '${p.name}'`;
  if (p.operands.some((o) => o.kind !== "any") || p.region !== undefined)
    return `a pattern with nested ops or regions under native rewrite '${r.name}'`;
  return { rule, native: r.name, contract, root: p.name, operands: p.operands.length, variadic: p.variadic !== undefined };
}

/** Whether a native rule and a pattern with `n` operands can match the same op (by arity only). */
export function arityCompatible(a: NativeRule, n: number): boolean {
  return a.variadic ? n >= a.operands : n === a.operands;
}

/** Whether the root of `p` is an op the native inspects (by name or trait). */
export function inspectsRoot(inspects: readonly InspectedOp[], p: OpPat): boolean {
  return inspects.some((i) =>
    "op" in i ? p.name === i.op || (p.anyConstant && i.op === "arith.constant") : p.def?.traits.has(i.trait) === true || (p.anyConstant && i.trait === "ConstantLike"),
  );
}

export function describeInspected(inspects: readonly InspectedOp[]): string {
  return inspects.map((i) => ("op" in i ? i.op : `ops with trait ${i.trait}`)).join(", ");
}
