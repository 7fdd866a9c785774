// Redundant rules (Nagele, Felgenhauer, Middeldorp 2015): a rule joinable by the others can be removed
// (conversion is unchanged, so confluence of the rest implies confluence); the rest goes to other criteria.
import { attempt, type Budget } from "../budget.ts";
import { findJoin } from "../explore.ts";
import { Rewriter } from "../rewrite.ts";
import { toCSteps, type CJoin } from "../certificate.ts";
import { analyse, showDerivation, type Analysis, type Proof } from "../analysis.ts";
import { ruleLabel, withRules, type Rule, type Trs } from "../trs.ts";

const LIMITS = { maxTerms: 200, maxSize: 50 };

export type Criterion = (a: Analysis, budget: Budget) => Proof | undefined;

interface Removal {
  readonly rule: Rule;
  readonly join: CJoin;
  readonly lines: string[];
}

/** Removes, in the given order, each rule whose sides are joinable by the rules still present. */
function removeGreedily(trs: Trs, order: readonly Rule[], budget: Budget): { remaining: Rule[]; removed: Removal[] } {
  let remaining: Rule[] = [...trs.rules];
  const removed: Removal[] = [];
  for (const r of order) {
    if (budget.expired()) break;
    const others = remaining.filter((x) => x !== r);
    const rw = new Rewriter(trs, others);
    const join = attempt(() => findJoin(rw, r.lhs, r.rhs, LIMITS, budget.slice(20)));
    if (!join) continue;
    remaining = others;
    removed.push({
      rule: r,
      join: { leftSteps: toCSteps(trs.bank, join.left), rightSteps: toCSteps(trs.bank, join.right) },
      lines: [
        `  ${ruleLabel(trs, r)}:`,
        `    ${showDerivation(trs, r.lhs, join.left)}`,
        `    ${showDerivation(trs, r.rhs, join.right)}`,
      ],
    });
  }
  return { remaining, removed };
}

const MAX_ORDERS_RULES = 12;

export function proveByRemovingRules(a: Analysis, budget: Budget, criteria: readonly Criterion[]): Proof | undefined {
  const trs = a.trs;
  // rules that grow first: they are the usual culprits of non-termination; then each rule first in turn
  const base = [...trs.rules].sort((x, y) => y.rhs.size - y.lhs.size - (x.rhs.size - x.lhs.size));
  const orders = [
    base,
    ...(trs.rules.length <= MAX_ORDERS_RULES ? base.map((r) => [r, ...base.filter((x) => x !== r)]) : []),
  ];
  const tried = new Set<string>();
  for (const order of orders) {
    if (budget.expired()) return undefined;
    const { remaining, removed } = removeGreedily(trs, order, budget);
    const key = remaining.map((r) => r.index).join(",");
    if (removed.length === 0 || tried.has(key)) continue;
    tried.add(key);
    const proof = proveReduced(trs, remaining, removed, budget, criteria);
    if (proof) return proof;
  }
  return undefined;
}

function proveReduced(
  trs: Trs,
  remaining: Rule[],
  removed: readonly Removal[],
  budget: Budget,
  criteria: readonly Criterion[],
): Proof | undefined {
  const reduced = analyse(withRules(trs, remaining));
  for (const criterion of criteria) {
    if (budget.expired()) return undefined;
    const proof = criterion(reduced, budget.slice(Math.max(0, budget.deadline - Date.now()) / 3));
    if (!proof || proof.certificate.answer !== "YES") continue;
    const lines = [
      "The following rules are redundant: their sides are joinable by the remaining rules, so removing them",
      "preserves conversion, and confluence of the remaining system implies confluence of the original:",
      ...removed.flatMap((x) => x.lines),
      "The remaining system:",
      ...reduced.trs.rules.map((r) => `  ${ruleLabel(reduced.trs, r)}`),
      ...proof.lines,
    ];
    const certificate = {
      answer: "YES" as const,
      criterion: "redundant-rules" as const,
      added: [],
      removed: removed.map((x) => ({ rule: x.rule.index + 1, join: x.join })),
      proof: proof.certificate,
    };
    return { certificate, lines };
  }
  return undefined;
}
