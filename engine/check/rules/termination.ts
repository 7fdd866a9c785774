// Stage 2, termination: the rules as plain first-order terms over ops (attributes and types
// dropped, guards ignored: every real rewrite is a step of this system, so its termination is
// the set's) handed to the TRS orders (LPO, KBO, polynomial, dependency pairs); for conversion
// sets also a dialect-level order. Failing those, a bounded search for a rewrite loop.
import { diag, type Diagnostic, type Note } from "../../support/diagnostics.ts";
import { Budget } from "../trs/budget.ts";
import { derivationTo, explore } from "../trs/explore.ts";
import { matches } from "../trs/matching.ts";
import { Rewriter } from "../trs/rewrite.ts";
import { TermBank, isVar, printTerm, varCounts, type Term } from "../trs/term.ts";
import { proveTermination, type TerminationProof } from "../trs/termination/prove.ts";
import type { Rule as TrsRule, Trs } from "../trs/trs.ts";
import { isExprSymbol, type RuleTerms, type TermRule } from "./rule-terms.ts";
import type { RuleSet } from "../../rewrite/sema/rule-set.ts";
import { stageResult, type StageResult } from "./findings.ts";
import { extendWithNatives } from "./native-termination.ts";

const ORDER_BUDGET_MS = 3000;
const LOOP_SEARCH = { maxTerms: 3000, maxSize: 60 };

export interface TerminationOutcome {
  readonly result: StageResult;
  readonly proved: boolean;
}

/** The rules as a TRS over ops and, when one is found, a reduction order for it. */
export function terminationProof(terms: RuleTerms): { trs: Trs; origin: TermRule[]; proof: TerminationProof | undefined } {
  const { trs, origin } = opSystem(terms);
  return { trs, origin, proof: proveTermination(trs, Budget.ms(ORDER_BUDGET_MS)) };
}

export function checkTermination(set: RuleSet, terms: RuleTerms): TerminationOutcome {
  const { trs, origin, proof } = terminationProof(terms);
  const natives = terms.natives;
  if (proof) {
    const lines = [`terminates: ${proof.description}`, `certificate: ${JSON.stringify(proof.order)}`];
    if (natives.length === 0) return { result: stageResult("termination", set.name, lines, []), proved: true };
    const ext = extendWithNatives(proof, trs, natives);
    if (ext.proved) return { result: stageResult("termination", set.name, [...lines, ...ext.lines], []), proved: true };
    const d = diag("PRR3204", `termination of rule set '${set.name}' not proved: the rules without natives terminate, but ${ext.reason}`, set.span, [], "warning");
    return { result: stageResult("termination", set.name, [...lines, "unknown with the native rules"], [d], true), proved: false };
  }
  const dialect = natives.length === 0 ? dialectOrder(set, trs) : undefined;
  if (dialect) return { result: stageResult("termination", set.name, [dialect], []), proved: true };
  const loop = findLoop(trs, origin);
  if (loop) return { result: stageResult("termination", set.name, ["a rewrite loop was found"], [loop]), proved: false };
  const d = diag("PRR3204", `termination of rule set '${set.name}' not proved: no reduction order found and no loop within the search bound`, set.span, [], "warning");
  return { result: stageResult("termination", set.name, ["unknown"], [d], true), proved: false };
}

/** The rules over ops only, one TRS rule per commutative variant. */
function opSystem(terms: RuleTerms): { trs: Trs; origin: TermRule[] } {
  const bank = new TermBank();
  const strip = (t: Term): Term => {
    if (isVar(t)) return bank.variable(terms.bank.varName(t));
    const name = terms.bank.symbolName(t.head);
    const attrs = terms.attrNames.get(name)?.length ?? 0;
    const args = t.args.slice(0, t.args.length - attrs).map(strip);
    return bank.app(bank.symbol(name, args.length), args);
  };
  const origin: TermRule[] = [];
  const rules: TrsRule[] = [];
  for (const r of terms.rules) {
    if (isExprSymbol(terms.bank.symbolName(r.lhs.head))) continue;
    rules.push({ index: rules.length, lhs: strip(r.lhs), rhs: strip(r.rhs), span: r.rule.span });
    origin.push(r);
  }
  const symbols = [...new Set(rules.flatMap((r) => [...symbolsOf(r.lhs), ...symbolsOf(r.rhs)]))];
  return { trs: { bank, rules, symbols }, origin };
}

function symbolsOf(t: Term, out: number[] = []): number[] {
  if (!isVar(t)) {
    out.push(t.head);
    for (const a of t.args) symbolsOf(a, out);
  }
  return out;
}

/** Conversions: each step removes an op of an illegal dialect and adds none (right sides linear). */
function dialectOrder(set: RuleSet, trs: Trs): string | undefined {
  if (!set.conversion) return undefined;
  const illegal = (f: number) => {
    const name = trs.bank.symbolName(f);
    return set.illegalOps.has(name) || set.illegalDialects.has(name.slice(0, name.indexOf(".")));
  };
  for (const r of trs.rules) {
    if (isVar(r.lhs) || !illegal(r.lhs.head)) return undefined;
    if (symbolsOf(r.rhs).some(illegal)) return undefined;
    for (const n of varCounts(r.rhs).values()) if (n > 1) return undefined;
  }
  return "terminates: every rule removes an op of an illegal dialect and creates none (dialect-level order: the number of illegal ops decreases)";
}

/** A term that rewrites to a term containing an instance of itself, within the search bound. */
function findLoop(trs: Trs, origin: readonly TermRule[]): Diagnostic | undefined {
  const rw = new Rewriter(trs);
  const budget = Budget.ms(2000);
  for (const r of trs.rules) {
    const start = r.lhs;
    const containsInstance = (t: Term): boolean => matches(start, t) || t.args.some(containsInstance);
    let reach;
    try {
      reach = explore(rw, start, LOOP_SEARCH, budget, (t) => t !== start && containsInstance(t));
    } catch {
      return undefined;
    }
    const end = [...reach.parent.keys()].find((t) => t !== start && containsInstance(t));
    if (end === undefined) continue;
    const steps = derivationTo(reach, end);
    const used = steps.map((s) => origin[s.rule.index]!.rule);
    const guarded = used.some((u) => u.guards.length > 0);
    const names = used.map((u) => `'${u.name}'`).join(" → ");
    const path = [start, ...steps.map((s) => s.to)].map((t) => printTerm(trs.bank, t).replace(/'[^,)]*/g, "")).join("\n  → ");
    const first = used[0]!;
    return diag(
      "PRR3203",
      `rules ${names} form a rewrite loop${guarded ? " (if their guards hold along it: guards are not checked here)" : ""}`,
      first.span,
      [
        ...[...new Set(used.slice(1))].filter((u) => u !== first).map((u): Note => ({ span: u.span, message: `'${u.name}' is part of the loop` })),
        { span: undefined, message: `loop:\n  ${path}` },
      ],
    );
  }
  return undefined;
}
