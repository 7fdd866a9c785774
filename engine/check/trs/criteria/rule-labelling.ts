// Decreasing diagrams with the rule labelling (van Oostrom 2008): a linear system is confluent when some
// labelling of its rules by naturals makes every critical peak decreasing (see `decreasing`).
import { isLeftLinear, isRightLinear } from "../trs.ts";
import { attempt, type Budget } from "../budget.ts";
import { derivationTo, explore, type Reach } from "../explore.ts";
import { toCSteps } from "../certificate.ts";
import { certPair } from "./knuth-bendix.ts";
import { showDerivation, showPair, type Analysis, type Proof } from "../analysis.ts";
import type { Step } from "../rewrite.ts";
import type { CriticalPair } from "../critical-pairs.ts";

const LIMITS = { maxTerms: 150, maxSize: 50 };
const JOINS_PER_PAIR = 6;
const MAX_LABEL = 3;

interface Candidate {
  readonly left: Step[];
  readonly right: Step[];
}

/**
 * Whether the labels of a joining sequence fit `↠<α · →=β · ↠<max(α,β)`: a peak t ←α s →β u is
 * decreasing when t's sequence fits (α, β) and u's fits (β, α), ending in the same term.
 */
export function decreasing(labels: readonly number[], alpha: number, beta: number): boolean {
  let i = 0;
  while (i < labels.length && labels[i]! < alpha) i++;
  if (i < labels.length && labels[i] === beta) i++;
  const top = Math.max(alpha, beta);
  for (; i < labels.length; i++) if (labels[i]! >= top) return false;
  return true;
}

function candidates(a: Analysis, cp: CriticalPair, budget: Budget): Candidate[] {
  const S = explore(a.rw, cp.left, LIMITS, budget);
  const T = explore(a.rw, cp.right, LIMITS, budget);
  const meets = [...S.parent.keys()].filter((u) => T.parent.has(u));
  const length = (R: Reach, u: typeof cp.left) => derivationTo(R, u).length;
  meets.sort((x, y) => length(S, x) + length(T, x) - length(S, y) - length(T, y));
  return meets.slice(0, JOINS_PER_PAIR).map((u) => ({ left: derivationTo(S, u), right: derivationTo(T, u) }));
}

export function proveRuleLabelling(a: Analysis, budget: Budget): Proof | undefined {
  const trs = a.trs;
  if (!isLeftLinear(trs) || !isRightLinear(trs) || a.cps.length === 0) return undefined;
  const pairs: { cp: CriticalPair; joins: Candidate[]; last: number }[] = [];
  for (const cp of a.cps) {
    const joins = attempt(() => candidates(a, cp, budget));
    if (!joins || joins.length === 0) return undefined;
    const used = [
      cp.inner.index,
      cp.outer.index,
      ...joins.flatMap((j) => [...j.left, ...j.right].map((s) => s.rule.index)),
    ];
    pairs.push({ cp, joins, last: Math.max(...used) });
  }
  const n = trs.rules.length;
  const label = new Array<number>(n).fill(0);
  const chosen = new Array<Candidate | undefined>(pairs.length);
  const fits = (p: (typeof pairs)[number], k: number): boolean => {
    const alpha = label[p.cp.inner.index]!;
    const beta = label[p.cp.outer.index]!;
    for (const j of p.joins) {
      const l = j.left.map((s) => label[s.rule.index]!);
      const r = j.right.map((s) => label[s.rule.index]!);
      if (decreasing(l, alpha, beta) && decreasing(r, beta, alpha)) {
        chosen[k] = j;
        return true;
      }
    }
    return false;
  };
  const go = (i: number): boolean => {
    if (i === n) return true;
    for (let v = 0; v < Math.min(MAX_LABEL, n); v++) {
      budget.tick();
      label[i] = v;
      if (pairs.every((p, k) => p.last !== i || fits(p, k)) && go(i + 1)) return true;
    }
    return false;
  };
  if (!attempt(() => go(0))) return undefined;
  const lines = [
    `The system is linear; label each rule by a natural number: ${trs.rules.map((r) => `ℓ(${r.index + 1}) = ${label[r.index]}`).join(", ")}.`,
    "Every critical peak is decreasing for this rule labelling:",
  ];
  const entries = pairs.map((p, k) => {
    const j = chosen[k]!;
    lines.push(
      `  ${showPair(trs, p.cp)}`,
      `    ${showDerivation(trs, p.cp.left, j.left)}`,
      `    ${showDerivation(trs, p.cp.right, j.right)}`,
    );
    return { ...certPair(a, p.cp), leftSteps: toCSteps(trs.bank, j.left), rightSteps: toCSteps(trs.bank, j.right) };
  });
  lines.push("Hence the system is confluent by decreasing diagrams (van Oostrom).");
  return { certificate: { answer: "YES", criterion: "rule-labelling", labels: label, pairs: entries }, lines };
}
