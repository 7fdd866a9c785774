// Analyses a rule set: each rule (pattern, guards, rewrite) into a compiled Rule, and the set's
// options (budget, order, folding, legality for conversions). Collects every error of the set.
import type * as A from "../../../grammar/prr/ast.ts";
import type { Context } from "../../ir/context.ts";
import type { SourceFile, Span } from "../../support/source.ts";
import type { Diagnostic } from "../../support/diagnostics.ts";
import type { NativeRegistry } from "../natives.ts";
import type { Expr, Rule } from "../rule.ts";
import { RuleScope, suggest } from "./scope.ts";
import { compileRootPattern } from "./pattern.ts";
import { compileExpr } from "./expr.ts";
import { compileRewrite } from "./rewrite.ts";

export interface RuleSetTest {
  readonly name: string;
  readonly decl: A.TestDecl;
  readonly file: SourceFile;
}

export interface RuleSet {
  readonly name: string;
  readonly span: Span;
  readonly conversion: boolean;
  readonly rules: Rule[];
  readonly tests: RuleSetTest[];
  readonly budget: { iterations: number; rewrites: number };
  readonly order: "top-down" | "bottom-up";
  readonly fold: boolean;
  readonly illegalDialects: Set<string>;
  readonly illegalOps: Set<string>;
  readonly legalOps: Set<string>;
}

/** MLIR's greedy driver gives up after 10 iterations; rewrites are bounded so cycles end. */
export const defaultBudget = { iterations: 10, rewrites: 1_000_000 };

export function compileRuleSetBody(
  ctx: Context,
  natives: NativeRegistry,
  decl: A.RuleSetDecl,
  file: SourceFile,
  diagnostics: Diagnostic[],
): RuleSet {
  const set: RuleSet = {
    name: decl.name.text,
    span: decl.name.span,
    conversion: decl.conversion,
    rules: [],
    tests: [],
    budget: { ...defaultBudget },
    order: "top-down",
    fold: true,
    illegalDialects: new Set(),
    illegalOps: new Set(),
    legalOps: new Set(),
  };
  const names = new Map<string, Span>();
  for (const m of decl.members) {
    switch (m.kind) {
      case "rule": {
        const prev = names.get(m.name.text);
        if (prev) diagnostics.push({ severity: "error", code: "PRR3010", message: `rule '${m.name.text}' is defined twice in '${set.name}'`, span: m.name.span, notes: [{ span: prev, message: "first defined here" }] });
        names.set(m.name.text, m.name.span);
        const r = compileRule(ctx, natives, m, set.name, set.rules.length, diagnostics);
        if (r) set.rules.push(r);
        break;
      }
      case "test":
        set.tests.push({ name: m.name.text, decl: m, file });
        break;
      case "budget":
        for (const l of m.limits) {
          if (l.name.text !== "iterations" && l.name.text !== "rewrites") {
            diagnostics.push({ severity: "error", code: "PRR3012", message: `unknown budget '${l.name.text}' (expected 'iterations' or 'rewrites')`, span: l.name.span, notes: [] });
            continue;
          }
          if (l.value < 1) diagnostics.push({ severity: "error", code: "PRR3012", message: `the ${l.name.text} budget must be at least 1`, span: m.span, notes: [] });
          set.budget[l.name.text] = l.value;
        }
        break;
      case "order":
        if (m.order.text !== "top-down" && m.order.text !== "bottom-up")
          diagnostics.push({ severity: "error", code: "PRR3012", message: `unknown order '${m.order.text}' (expected 'top-down' or 'bottom-up')`, span: m.order.span, notes: [] });
        else (set as { order: string }).order = m.order.text;
        break;
      case "fold":
        (set as { fold: boolean }).fold = m.enabled;
        break;
      case "legality":
        checkLegality(ctx, m, decl, diagnostics);
        if (m.target === "dialect") set.illegalDialects.add(m.name.text);
        else (m.legal ? set.legalOps : set.illegalOps).add(m.name.text);
        break;
      case "include":
        break;
    }
  }
  return set;
}

function checkLegality(ctx: Context, m: A.LegalityDecl, decl: A.RuleSetDecl, diagnostics: Diagnostic[]): void {
  const err = (message: string, span: Span) => diagnostics.push({ severity: "error", code: "PRR3012", message, span, notes: [] });
  if (!decl.conversion) err("only a 'conversion' rule set declares legal and illegal ops", m.span);
  if (m.target === "dialect") {
    if (m.legal) err("declare legal ops one by one ('legal op dialect.op'); every dialect not declared illegal is legal", m.span);
    if (!ctx.registry.hasDialect(m.name.text)) {
      const near = suggest(m.name.text, ctx.registry.dialectNames);
      err(`unknown dialect '${m.name.text}'${near ? `; did you mean '${near}'?` : ""}`, m.name.span);
    }
  } else if (ctx.registry.lookup(m.name.text) === undefined) {
    const near = suggest(m.name.text, ctx.registry.opNames);
    err(`unknown op '${m.name.text}'${near ? `; did you mean '${near}'?` : ""}`, m.name.span);
  }
}

export function compileRule(
  ctx: Context,
  natives: NativeRegistry,
  decl: A.RuleDecl,
  ruleSet: string,
  order: number,
  diagnostics: Diagnostic[],
): Rule | undefined {
  const before = diagnostics.length;
  const s = new RuleScope(ctx, natives, diagnostics);
  let pattern = compileRootPattern(s, decl.pattern);
  if (pattern !== undefined && pattern.opSlot < 0) pattern = { ...pattern, opSlot: s.hidden("op", decl.pattern.span) };
  const guards: Expr[] = [];
  for (const g of decl.guards) {
    const c = compileExpr(s, g);
    if (c) guards.push(c);
  }
  const rewrite = pattern === undefined ? undefined : compileRewrite(s, decl.rewrite, pattern.opSlot);
  if (pattern === undefined || rewrite === undefined || diagnostics.length > before) return undefined;
  return {
    name: decl.name.text,
    ruleSet,
    priority: decl.priority ?? 0,
    order,
    pattern,
    guards,
    rewrite,
    vars: s.vars,
    doc: decl.doc,
    span: decl.name.span,
  };
}
