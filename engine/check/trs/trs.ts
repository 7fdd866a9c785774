// A term rewriting system in engine form: the rules as hash-consed terms over one bank,
// built from a parsed problem, with the syntactic properties criteria ask about.
import type { TermSyntax, TrsProblem } from "../../../grammar/trs/ast.ts";
import type { Span } from "../../support/source.ts";
import { TermBank, isLinear, printTerm, type Term } from "./term.ts";

export interface Rule {
  /** 0-based position in the system; printed 1-based. */
  readonly index: number;
  readonly lhs: Term;
  readonly rhs: Term;
  readonly span: Span | undefined;
}

export interface Trs {
  readonly bank: TermBank;
  readonly rules: readonly Rule[];
  /** Every declared function symbol, used or not. */
  readonly symbols: readonly number[];
}

export function trsFromProblem(problem: TrsProblem): Trs {
  const bank = new TermBank();
  const symbols = problem.funs.map((f) => bank.symbol(f.name, f.arity));
  const term = (t: TermSyntax): Term =>
    t.kind === "var" ? bank.variable(t.name) : bank.app(bank.symbol(t.name, t.args.length), t.args.map(term));
  const rules = problem.rules.map((r, index) => ({ index, lhs: term(r.lhs), rhs: term(r.rhs), span: r.span }));
  return { bank, rules, symbols };
}

/** A system over the same bank with other rules (renumbered), e.g. after removing or adding rules. */
export function withRules(trs: Trs, rules: readonly { lhs: Term; rhs: Term; span?: Span | undefined }[]): Trs {
  return {
    bank: trs.bank,
    symbols: trs.symbols,
    rules: rules.map((r, index) => ({ index, lhs: r.lhs, rhs: r.rhs, span: r.span })),
  };
}

export function isLeftLinear(trs: Trs): boolean {
  return trs.rules.every((r) => isLinear(r.lhs));
}

export function isRightLinear(trs: Trs): boolean {
  return trs.rules.every((r) => isLinear(r.rhs));
}

/** Symbols at the root of some left-hand side. */
export function definedSymbols(trs: Trs): Set<number> {
  return new Set(trs.rules.map((r) => r.lhs.head));
}

export function printRule(trs: Trs, r: Rule): string {
  return `${printTerm(trs.bank, r.lhs)} -> ${printTerm(trs.bank, r.rhs)}`;
}

/** `[3] f(x) -> x`: rules are numbered from 1 in everything a user reads. */
export function ruleLabel(trs: Trs, r: Rule): string {
  return `[${r.index + 1}] ${printRule(trs, r)}`;
}
