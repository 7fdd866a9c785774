// Knuth–Bendix's criterion (Newman's lemma with the critical pair lemma): a terminating system
// whose critical pairs are all joinable is confluent; joins are checked by normalising both sides.
import { attempt, type Budget } from "../budget.ts";
import { toCSteps, toCTerm, type CJoin, type CPair } from "../certificate.ts";
import type { CriticalPair } from "../critical-pairs.ts";
import { proveTermination, type TerminationProof } from "../termination/prove.ts";
import { showDerivation, showPair, type Analysis, type Proof } from "../analysis.ts";

export function certPair(a: Analysis, cp: CriticalPair): CPair {
  const b = a.trs.bank;
  return {
    outer: cp.outer.index + 1,
    inner: cp.inner.index + 1,
    pos: cp.pos.map((i) => i + 1),
    peak: toCTerm(b, cp.peak),
    left: toCTerm(b, cp.left),
    right: toCTerm(b, cp.right),
  };
}

export function proveKnuthBendix(a: Analysis, budget: Budget, termination?: TerminationProof): Proof | undefined {
  const order = termination ?? proveTermination(a.trs, budget);
  if (!order) return undefined;
  const joins: (CPair & CJoin)[] = [];
  const lines = [`The system terminates: ${order.description}.`, `All ${a.cps.length} critical pairs are joinable:`];
  for (const cp of a.cps) {
    const nf = attempt(() => [a.rw.normalize(cp.left, budget), a.rw.normalize(cp.right, budget)] as const);
    if (!nf || nf[0] !== nf[1]) return undefined;
    const left = attempt(() => a.rw.derivation(cp.left, budget));
    const right = attempt(() => a.rw.derivation(cp.right, budget));
    if (!left || !right) return undefined;
    joins.push({ ...certPair(a, cp), leftSteps: toCSteps(a.trs.bank, left), rightSteps: toCSteps(a.trs.bank, right) });
    lines.push(`  ${showPair(a.trs, cp)}`);
    lines.push(`    ${showDerivation(a.trs, cp.left, left)}`);
    lines.push(`    ${showDerivation(a.trs, cp.right, right)}`);
  }
  lines.push("By Newman's lemma and the critical pair lemma (Knuth–Bendix), the system is confluent.");
  return { certificate: { answer: "YES", criterion: "knuth-bendix", order: order.order, joins }, lines };
}
