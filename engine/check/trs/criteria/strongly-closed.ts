// Strong closedness (Huet 1980): a linear system is confluent when every critical pair (s, t)
// has s →= u ←* t and t →= v ←* s.
import { isLeftLinear, isRightLinear } from "../trs.ts";
import { attempt, type Budget } from "../budget.ts";
import { explore, derivationTo } from "../explore.ts";
import { toCSteps, type CJoin } from "../certificate.ts";
import { certPair } from "./knuth-bendix.ts";
import { showDerivation, showPair, type Analysis, type Proof } from "../analysis.ts";
import type { Term } from "../term.ts";
import type { Step } from "../rewrite.ts";

const LIMITS = { maxTerms: 300, maxSize: 60 };

export function proveStronglyClosed(a: Analysis, budget: Budget): Proof | undefined {
  if (!isLeftLinear(a.trs) || !isRightLinear(a.trs) || a.cps.length === 0) return undefined;
  const lines = ["The system is linear and strongly closed:"];
  const pairs = [];
  for (const cp of a.cps) {
    const there = attempt(() => closeOneWay(a, cp.left, cp.right, budget));
    const back = there && attempt(() => closeOneWay(a, cp.right, cp.left, budget));
    if (!there || !back) return undefined;
    const join = (j: { first: Step[]; rest: Step[] }): CJoin => ({
      leftSteps: toCSteps(a.trs.bank, j.first),
      rightSteps: toCSteps(a.trs.bank, j.rest),
    });
    pairs.push({ ...certPair(a, cp), leftToRight: join(there), rightToLeft: join(back) });
    lines.push(`  ${showPair(a.trs, cp)}`);
    lines.push(`    ${showDerivation(a.trs, cp.left, there.first)};  ${showDerivation(a.trs, cp.right, there.rest)}`);
    lines.push(`    ${showDerivation(a.trs, cp.right, back.first)};  ${showDerivation(a.trs, cp.left, back.rest)}`);
  }
  lines.push("Hence the system is confluent (Huet's strong closedness theorem).");
  return { certificate: { answer: "YES", criterion: "strongly-closed", pairs }, lines };
}

/** s →= u ←* t: `first` is at most one step from s, `rest` the steps from t. */
function closeOneWay(a: Analysis, s: Term, t: Term, budget: Budget): { first: Step[]; rest: Step[] } | undefined {
  const targets = new Map<Term, Step[]>([[s, []]]);
  for (const step of a.rw.steps(s)) if (!targets.has(step.to)) targets.set(step.to, [step]);
  const reach = explore(a.rw, t, LIMITS, budget, (u) => targets.has(u));
  for (const [u, first] of targets) if (reach.parent.has(u)) return { first, rest: derivationTo(reach, u) };
  return undefined;
}
