// The elements a format string is made of (literals, variables, directives, optional groups),
// the registry of custom directives, and where each named operand, region or successor lives.
import type { OpDef, AttrSpec, ValueSpec } from "../registry.ts";
import type { OpAsmParser, ParsedOp, UnresolvedOperand } from "../../../grammar/mlir/asm-parser.ts";
import type { OpAsmPrinter } from "../../../grammar/mlir/asm-printer.ts";
import type { Operation } from "../../ir/operation.ts";
import type { Attribute, NamedAttribute } from "../../ir/attributes.ts";
import type { Type } from "../../ir/types.ts";
import type { Value } from "../../ir/value.ts";
import type { Block, Region } from "../../ir/block.ts";
import { DenseArrayAttr } from "../../ir/attributes.ts";

export type VarKind = "operand" | "result" | "attr" | "region" | "successor";

export interface Variable {
  readonly k: "var";
  readonly kind: VarKind;
  readonly name: string;
  readonly arity: "single" | "optional" | "variadic";
  readonly attr?: AttrSpec;
  qualified: boolean;
}
export type TypeArg = Variable | { readonly k: "operands" } | { readonly k: "results" };
export type Element =
  | { readonly k: "literal"; readonly text: string }
  | { readonly k: "space"; readonly text: string }
  | Variable
  | { readonly k: "attr-dict"; readonly keyword: boolean }
  | { readonly k: "prop-dict" }
  | { readonly k: "operands" }
  | { readonly k: "results" }
  | { readonly k: "regions" }
  | { readonly k: "successors" }
  | { readonly k: "type"; readonly arg: TypeArg; qualified: boolean }
  | { readonly k: "functional-type"; readonly inputs: TypeArg; readonly results: TypeArg }
  | { readonly k: "custom"; readonly name: string; readonly args: readonly CustomParam[] }
  | { readonly k: "ref"; readonly arg: Element }
  | { readonly k: "string"; readonly text: string }
  | Optional;

export interface Optional {
  readonly k: "optional";
  readonly then: readonly Element[];
  readonly else: readonly Element[];
  readonly anchor: Element;
  /** A unit attribute anchor that is not printed: its presence is the group's presence. */
  readonly elidedAnchor: Variable | undefined;
}

export type CustomParam = Element;

// ----- custom directives -----

/** One argument of a custom directive: what the format passes (`$x`, `type($x)`, `ref(...)`, ...). */
export interface CustomArg {
  readonly kind:
    "operand" | "result" | "operand-type" | "result-type" | "attribute" | "region" | "successor" | "attr-dict" | "string";
  readonly name: string;
  readonly arity: "single" | "optional" | "variadic";
  /** A `ref(...)`: the value was parsed earlier and is read, not set. */
  readonly ref: boolean;
  operands?: UnresolvedOperand[];
  values?: Value[];
  types?: Type[];
  attribute?: Attribute | undefined;
  regions?: Region[];
  successors?: Block[];
  /** For `attr-dict`: the op's attributes; for a string parameter: its text. */
  attributes?: NamedAttribute[];
  text?: string;
}

export interface CustomDirective {
  /** Parses into the non-ref arguments' fields (`operands`, `types`, `attribute`, ...). */
  parse(p: OpAsmParser, args: CustomArg[], state: ParsedOp): void;
  /** Whether the directive is present (used when it starts an optional group). */
  present?(p: OpAsmParser): boolean;
  print(p: OpAsmPrinter, op: Operation, args: readonly CustomArg[]): void;
}

export const customDirectives = new Map<string, CustomDirective>();

/** Registers the implementation of `custom<Name>(...)`. */
export function registerCustomDirective(name: string, directive: CustomDirective): void {
  customDirectives.set(name, directive);
}

// ----- layout of an op's values -----

/** Region and successor names in order of first appearance (OpDef counts them, not names). */
export interface Orders {
  readonly regions: readonly string[];
  readonly successors: readonly string[];
}

/** The [start, length] of each declared group among `count` values (operands or results). */
const splitCache = new WeakMap<readonly ValueSpec[], Map<number, [number, number][]>>();

/** Where each declared group starts and how many values it has (the result is shared: do not modify). */
export function segments(specs: readonly ValueSpec[], count: number, sizes: Attribute | undefined): [number, number][] {
  const out: [number, number][] = [];
  if (sizes instanceof DenseArrayAttr && sizes.values.length === specs.length) {
    let start = 0;
    for (const n of sizes.values) {
      out.push([start, Number(n)]);
      start += Number(n);
    }
    return out;
  }
  // Without a sizes attribute the split depends only on the count: computed once per (specs, count).
  let byCount = splitCache.get(specs);
  if (byCount === undefined) splitCache.set(specs, (byCount = new Map()));
  const cached = byCount.get(count);
  if (cached !== undefined) return cached;
  byCount.set(count, out);
  const nVar = specs.filter((s) => (s.arity ?? "single") !== "single").length;
  const each = nVar === 0 ? 0 : Math.max(0, Math.floor((count - (specs.length - nVar)) / nVar));
  let start = 0;
  for (const s of specs) {
    const n = (s.arity ?? "single") === "single" ? 1 : each;
    out.push([start, n]);
    start += n;
  }
  return out;
}

export function collectVars(elements: readonly Element[], kind: VarKind, out: string[]): void {
  for (const e of elements) {
    if (e.k === "var" && e.kind === kind && !out.includes(e.name)) out.push(e.name);
    else if (e.k === "optional") {
      collectVars(e.then, kind, out);
      collectVars(e.else, kind, out);
    } else if (e.k === "custom") collectVars(e.args, kind, out);
    else if (e.k === "ref") collectVars([e.arg], kind, out);
  }
}

export function attrNamesUsed(elements: readonly Element[], out: Set<string>): Set<string> {
  for (const e of elements) {
    if (e.k === "var" && e.kind === "attr") out.add(e.name);
    else if (e.k === "optional") {
      attrNamesUsed(e.then, out);
      attrNamesUsed(e.else, out);
    } else if (e.k === "custom") attrNamesUsed(e.args, out);
    else if (e.k === "ref") attrNamesUsed([e.arg], out);
  }
  return out;
}
