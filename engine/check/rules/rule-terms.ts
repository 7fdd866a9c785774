// Compiled .prr rules as first-order terms: ops are function symbols (operands, then the
// attributes the rule set mentions for that op), attribute literals are constants, guards and
// attribute arithmetic are expression terms (`@+`, `@udiv`, ...). One term rule per commutative variant.
import type { Build, Expr, OpPat, Rule, ValuePat } from "../../rewrite/rule.ts";
import type { RuleSet } from "../../rewrite/sema/rule-set.ts";
import { commutativeVariants } from "../../rewrite/automaton.ts";
import { TermBank, isVar, type Term } from "../trs/term.ts";
import { nativeRule, type NativeRule } from "./native-rules.ts";

/** One operand order of one rule, as terms; `problem` says why a rule has no term form. */
export interface TermRule {
  readonly rule: Rule;
  readonly variant: number;
  readonly lhs: Term;
  readonly rhs: Term;
  /** Guards as expression terms (all must hold). */
  readonly guards: readonly Term[];
  /** The pattern constrains types (`x : t`, a type used twice): the terms do not show whether it matches. */
  readonly typed: boolean;
}

export interface Untranslated {
  readonly rule: Rule;
  readonly problem: string;
}

export interface RuleTerms {
  readonly bank: TermBank;
  readonly rules: readonly TermRule[];
  readonly untranslated: readonly Untranslated[];
  /** Rules rewritten by a native with a contract: analysed through the contract, not as terms. */
  readonly natives: readonly NativeRule[];
  /** Attribute names per op symbol, in argument order after the operands. */
  readonly attrNames: ReadonlyMap<string, readonly string[]>;
  /** Ops with the Commutative trait (two operands that may be swapped). */
  readonly commutative: ReadonlySet<string>;
}

/** Prefix of expression symbols and of attribute literal constants. */
export const EXPR_PREFIX = "@";
export const LITERAL_PREFIX = "#";

export function isExprSymbol(name: string): boolean {
  return name.startsWith(EXPR_PREFIX) || name.startsWith(LITERAL_PREFIX);
}

class Untranslatable extends Error {}

/** The op name a pattern stands for (a literal in operand position is an arith.constant). */
export function opNameOf(p: OpPat): string {
  return p.name === "<constant>" ? "arith.constant" : p.name;
}

export function ruleTerms(set: RuleSet): RuleTerms {
  const bank = new TermBank();
  const attrNames = collectAttrNames(set.rules);
  const rules: TermRule[] = [];
  const untranslated: Untranslated[] = [];
  const natives: NativeRule[] = [];
  for (const rule of set.rules) {
    const native = nativeRule(rule);
    if (typeof native === "string") untranslated.push({ rule, problem: native });
    else if (native !== undefined) natives.push(native);
    if (native !== undefined) continue;
    try {
      const variants = commutativeVariants(rule.pattern);
      variants.forEach((pattern, variant) => rules.push(translate(bank, attrNames, rule, pattern, variant)));
    } catch (e) {
      if (!(e instanceof Untranslatable)) throw e;
      untranslated.push({ rule, problem: e.message });
    }
  }
  return { bank, rules, untranslated, natives, attrNames, commutative: commutativeOps(set.rules) };
}

function commutativeOps(rules: readonly Rule[]): Set<string> {
  const out = new Set<string>();
  const visitPat = (p: ValuePat) => {
    if (p.kind !== "op") return;
    if (p.def?.traits.has("Commutative")) out.add(p.name);
    p.operands.forEach(visitPat);
  };
  const visitBuild = (b: Build) => {
    if (b.kind !== "op") return;
    if (b.def.traits.has("Commutative")) out.add(b.name);
    b.operands.forEach(visitBuild);
  };
  for (const r of rules) {
    visitPat(r.pattern);
    if (r.rewrite.result) visitBuild(r.rewrite.result);
  }
  return out;
}

function collectAttrNames(rules: readonly Rule[]): Map<string, string[]> {
  const names = new Map<string, Set<string>>();
  const add = (op: string, attr: string) => (names.get(op) ?? names.set(op, new Set()).get(op)!).add(attr);
  const visitPat = (p: ValuePat) => {
    if (p.kind !== "op") return;
    names.get(opNameOf(p)) ?? names.set(opNameOf(p), new Set());
    for (const a of p.attrs) add(opNameOf(p), a.name);
    p.operands.forEach(visitPat);
  };
  const visitBuild = (b: Build) => {
    if (b.kind === "op") {
      for (const a of b.attrs) add(b.name, a.name);
      b.operands.forEach(visitBuild);
    } else if (b.kind === "tuple") b.items.forEach(visitBuild);
  };
  for (const r of rules) {
    visitPat(r.pattern);
    if (r.rewrite.result) visitBuild(r.rewrite.result);
  }
  return new Map([...names].map(([op, s]) => [op, [...s].sort()]));
}

/** Translation of one variant; variables are named `name'rule` so rules never share them. */
function translate(bank: TermBank, attrNames: ReadonlyMap<string, readonly string[]>, rule: Rule, pattern: OpPat, variant: number): TermRule {
  const tag = `${rule.name}.${variant}`;
  const slotVar = (slot: number) => bank.variable(`${rule.vars[slot]?.name ?? `v${slot}`}'${tag}`);
  let anon = 0;
  const opTerms = new Map<number, Term>();
  const pat = (p: ValuePat): Term => {
    if (p.kind === "any") return p.slot >= 0 ? slotVar(p.slot) : bank.variable(`_${anon++}'${tag}`);
    if (p.variadic || p.region) throw new Untranslatable("variadic operands or regions");
    const name = opNameOf(p);
    const args = p.operands.map(pat);
    for (const a of attrNames.get(name) ?? []) {
      const m = p.attrs.find((x) => x.name === a)?.match;
      if (m === undefined) args.push(bank.variable(`_${anon++}'${tag}`));
      else if (m.kind === "bind") args.push(slotVar(m.slot));
      else if (m.kind === "absent") args.push(literal(bank, "absent"));
      else args.push(literal(bank, literalName(m.value)));
    }
    const t = bank.app(bank.symbol(name, args.length), args);
    if (p.opSlot >= 0) opTerms.set(p.opSlot, t);
    return t;
  };
  const lhs = pat(pattern);
  const expr = (e: Expr): Term => exprTerm(bank, e, slotVar);
  const build = (b: Build): Term => {
    switch (b.kind) {
      case "value": {
        if (b.index !== undefined && b.index !== 0) throw new Untranslatable("a result other than the first");
        return opTerms.get(b.slot) ?? slotVar(b.slot);
      }
      case "op": {
        if (b.region || b.grouped) throw new Untranslatable("regions or operand groups in the rewrite");
        const args = b.operands.map(build);
        for (const a of attrNames.get(b.name) ?? []) {
          const v = b.attrs.find((x) => x.name === a)?.value;
          args.push(v === undefined ? literal(bank, "unset") : expr(v));
        }
        return bank.app(bank.symbol(b.name, args.length), args);
      }
      case "expr":
        return expr(b.expr);
      default:
        throw new Untranslatable(`a ${b.kind} rewrite`);
    }
  };
  if (rule.rewrite.statements.length > 0 || rule.rewrite.result === undefined) throw new Untranslatable("statements in the rewrite");
  const rhs = build(rule.rewrite.result);
  return { rule, variant, lhs, rhs, guards: rule.guards.map(expr), typed: constrainsTypes(pattern) };
}

/** A guard or attribute expression of a rule as a term, with the variables of `variant`. */
export function ruleExprTerm(bank: TermBank, rule: Rule, variant: number, e: Expr): Term {
  return exprTerm(bank, e, (slot) => bank.variable(`${rule.vars[slot]?.name ?? `v${slot}`}'${rule.name}.${variant}`));
}

/** The constant term for an integer attribute value. */
export function integerLiteral(bank: TermBank, value: bigint): Term {
  return literal(bank, String(value));
}

/** Whether matching the pattern depends on types: only a root `: t` that binds a fresh name does not. */
function constrainsTypes(root: OpPat): boolean {
  let typed = false;
  const visit = (p: ValuePat, isRoot: boolean) => {
    if (p.kind === "any") {
      if (p.type) typed = true;
      return;
    }
    const rt = p.resultTypes;
    if (rt && rt.length > 0 && !(isRoot && rt.every((t) => t.kind === "var"))) typed = true;
    p.operands.forEach((o) => visit(o, false));
  };
  visit(root, true);
  return typed;
}

function literal(bank: TermBank, name: string): Term {
  return bank.app(bank.symbol(`${LITERAL_PREFIX}${name}`, 0), []);
}

/** A literal's symbol: `#5`, `#true`, `#2.5`, `#"s"`; booleans are i1 integers (as the matcher keys them). */
function literalName(v: import("../../rewrite/eval-value.ts").EvalValue): string {
  switch (v.kind) {
    case "int":
      return String(v.value);
    case "bool":
      return v.value ? "1" : "0";
    case "float":
      return `f${v.value}`;
    case "string":
      return JSON.stringify(v.value);
    default:
      throw new Untranslatable(`a ${v.kind} literal`);
  }
}

function exprTerm(bank: TermBank, e: Expr, slotVar: (slot: number) => Term): Term {
  const sub = (x: Expr) => exprTerm(bank, x, slotVar);
  switch (e.kind) {
    case "lit":
      return literal(bank, literalName(e.value));
    case "var":
      return slotVar(e.slot);
    case "binary":
      return bank.app(bank.symbol(`${EXPR_PREFIX}${e.op}`, 2), [sub(e.lhs), sub(e.rhs)]);
    case "unary":
      return bank.app(bank.symbol(`${EXPR_PREFIX}u${e.op}`, 1), [sub(e.operand)]);
    case "call":
      return bank.app(bank.symbol(`${EXPR_PREFIX}${e.name}`, e.args.length), e.args.map(sub));
    case "type":
      return bank.app(bank.symbol(`${EXPR_PREFIX}type:${JSON.stringify(e.type)}`, 0), []);
  }
}

/** The literal integer a `#n` term stands for, if any. */
export function literalValue(bank: TermBank, t: Term): bigint | undefined {
  if (isVar(t) || t.args.length > 0) return undefined;
  const m = /^#(-?\d+)$/.exec(bank.symbolName(t.head));
  return m ? BigInt(m[1]!) : undefined;
}

/** A variable's name as the user wrote it (without the rule tag). */
export function userVarName(bank: TermBank, v: Term): string {
  return bank.varName(v).replace(/'.*$/, "");
}
