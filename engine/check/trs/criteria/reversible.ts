// Reversibility: when the right-hand side of every rule rewrites back to its left-hand side,
// →* is symmetric, so any two reducts of a term reach each other and the system is confluent.
import { attempt, type Budget } from "../budget.ts";
import { varsOf } from "../term.ts";
import { explore, derivationTo } from "../explore.ts";
import { toCSteps, type CStep } from "../certificate.ts";
import { showDerivation, type Analysis, type Proof } from "../analysis.ts";

const LIMITS = { maxTerms: 500, maxSize: 60 };

export function proveReversible(a: Analysis, budget: Budget): Proof | undefined {
  if (a.trs.rules.length === 0) return undefined;
  const inverses: { rule: number; steps: CStep[] }[] = [];
  const lines = ["Every rule can be undone (r →* l), so →* is symmetric and the system is confluent:"];
  if (!a.trs.rules.every((r) => varsOf(r.lhs).every((v) => varsOf(r.rhs).includes(v)))) return undefined;
  for (const r of a.trs.rules) {
    const reach = attempt(() => explore(a.rw, r.rhs, LIMITS, budget, (u) => u === r.lhs));
    if (!reach?.parent.has(r.lhs)) return undefined;
    const steps = derivationTo(reach, r.lhs);
    inverses.push({ rule: r.index + 1, steps: toCSteps(a.trs.bank, steps) });
    lines.push(`  [${r.index + 1}] ${showDerivation(a.trs, r.rhs, steps)}`);
  }
  return { certificate: { answer: "YES", criterion: "reversible", inverses }, lines };
}
