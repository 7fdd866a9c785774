// Non-confluence: a peak s ←* peak →* t (from a critical pair, extended by exploration) whose ends
// provably have no common reduct: distinct normal forms, non-unifiable caps, or a finite closed
// reduct set of one side that the other side cannot reach.
import { attempt, type Budget } from "../budget.ts";
import { explore, derivationTo, type Reach } from "../explore.ts";
import { toCSteps, toCTerm, type CNonJoinable } from "../certificate.ts";
import { showDerivation, showTerm, type Analysis, type Proof } from "../analysis.ts";
import { criticalPairStream, type CriticalPair } from "../critical-pairs.ts";
import type { Step } from "../rewrite.ts";
import type { Term } from "../term.ts";

const SIDE_LIMITS = { maxTerms: 150, maxSize: 40 };
const CLOSURE_LIMITS = { maxTerms: 120, maxSize: 40 };

interface Witness {
  readonly peak: Term;
  readonly left: readonly Step[];
  readonly right: readonly Step[];
  readonly reason: CNonJoinable;
}

/** Critical pairs whose sides are already non-joinable, or normalise to distinct normal forms. */
export function quickNonConfluence(a: Analysis, budget: Budget): Proof | undefined {
  for (const cp of criticalPairStream(a.trs)) {
    if (cp.left === cp.right) continue;
    if (budget.expired()) return undefined;
    const w = attempt(() => quick(a, cp, budget.slice(20, 2000)));
    if (w) return report(a, w);
  }
  return undefined;
}

/** Critical pairs whose sides' explored reducts contain a non-joinable pair. */
export function deepNonConfluence(a: Analysis, budget: Budget): Proof | undefined {
  for (const cp of nontrivial(a)) {
    if (budget.expired()) return undefined;
    const w = attempt(() => deep(a, cp, budget.slice(100)));
    if (w) return report(a, w);
  }
  return undefined;
}

function nontrivial(a: Analysis): CriticalPair[] {
  return a.cps.filter((cp) => cp.left !== cp.right).sort((x, y) => x.peak.size - y.peak.size);
}

function peakSteps(cp: CriticalPair): { left: Step; right: Step } {
  return { left: { pos: cp.pos, rule: cp.inner, to: cp.left }, right: { pos: [], rule: cp.outer, to: cp.right } };
}

/** The critical pair itself, or the innermost normal forms of its two sides. */
function quick(a: Analysis, cp: CriticalPair, budget: Budget): Witness | undefined {
  const { left, right } = peakSteps(cp);
  if (a.rw.isNormal(cp.left) && a.rw.isNormal(cp.right)) return { peak: cp.peak, left: [left], right: [right], reason: { kind: "normal-forms" } };
  if (a.capper.nonJoinable(cp.left, cp.right)) return { peak: cp.peak, left: [left], right: [right], reason: { kind: "tcap" } };
  const l = a.rw.derivation(cp.left, budget);
  const r = a.rw.derivation(cp.right, budget);
  const s = l.at(-1)?.to ?? cp.left;
  const t = r.at(-1)?.to ?? cp.right;
  if (s !== t) return { peak: cp.peak, left: [left, ...l], right: [right, ...r], reason: { kind: "normal-forms" } };
  return undefined;
}

/** Explores both sides and tries pairs of their reducts. */
function deep(a: Analysis, cp: CriticalPair, budget: Budget): Witness | undefined {
  const S = explore(a.rw, cp.left, SIDE_LIMITS, budget);
  const T = explore(a.rw, cp.right, SIDE_LIMITS, budget);
  for (const u of S.parent.keys()) if (T.parent.has(u)) return undefined;
  const { left, right } = peakSteps(cp);
  const witness = (s: Term, t: Term, reason: CNonJoinable): Witness => ({
    peak: cp.peak,
    left: [left, ...derivationTo(S, s)],
    right: [right, ...derivationTo(T, t)],
    reason,
  });
  if (S.complete && T.complete) return witness(cp.left, cp.right, closureReason(a, S, T, false)!);
  const small = (R: Reach) => [...R.parent.keys()].sort((x, y) => x.size - y.size).slice(0, 12);
  const nfS = [...S.parent.keys()].filter((u) => a.rw.isNormal(u));
  const nfT = [...T.parent.keys()].filter((u) => a.rw.isNormal(u));
  if (nfS[0] && nfT[0]) return witness(nfS[0], nfT[0], { kind: "normal-forms" });
  const lefts = [cp.left, ...nfS.slice(0, 3), ...small(S)];
  const rights = [cp.right, ...nfT.slice(0, 3), ...small(T)];
  for (const s of lefts)
    for (const t of rights) {
      budget.tick();
      if (a.capper.nonJoinable(s, t)) return witness(s, t, { kind: "tcap" });
    }
  for (const s of lefts.slice(0, 6))
    for (const t of rights.slice(0, 6)) {
      const reason = closureTest(a, s, t, budget);
      if (reason) return witness(s, t, reason);
    }
  return undefined;
}

/** s and t have no common reduct because s's reducts form a finite set t cannot reach (or vice versa). */
function closureTest(a: Analysis, s: Term, t: Term, budget: Budget): CNonJoinable | undefined {
  const S = explore(a.rw, s, CLOSURE_LIMITS, budget);
  const T = explore(a.rw, t, CLOSURE_LIMITS, budget);
  for (const u of S.parent.keys()) if (T.parent.has(u)) return undefined;
  if (S.complete) {
    const r = closureReason(a, S, T, false);
    if (r) return r;
  }
  if (T.complete) return closureReason(a, T, S, true);
  return undefined;
}

/** `closed` is complete; each member must be outside `other` (when complete) or unreachable by caps. */
function closureReason(a: Analysis, closed: Reach, other: Reach, swap: boolean): CNonJoinable | undefined {
  const b = a.trs.bank;
  for (const u of closed.parent.keys())
    if (!(other.complete && !other.parent.has(u)) && !a.capper.cannotReach(other.root, u)) return undefined;
  return {
    kind: "closure",
    closure: [...closed.parent.keys()].map((u) => toCTerm(b, u)),
    ...(other.complete ? { otherClosure: [...other.parent.keys()].map((u) => toCTerm(b, u)) } : {}),
    swap,
  };
}

function report(a: Analysis, w: Witness): Proof {
  const b = a.trs.bank;
  const s = w.left.at(-1)?.to ?? w.peak;
  const t = w.right.at(-1)?.to ?? w.peak;
  const why =
    w.reason.kind === "normal-forms"
      ? "they are distinct normal forms"
      : w.reason.kind === "tcap"
        ? "their term caps (subterms that may be rewritten replaced by holes) do not unify"
        : `the reducts of ${showTerm(a.trs, w.reason.swap ? t : s)} form a finite closed set of ${w.reason.closure.length} terms, none reachable from ${showTerm(a.trs, w.reason.swap ? s : t)}`;
  return {
    certificate: {
      answer: "NO",
      criterion: "non-joinable-peak",
      peak: toCTerm(b, w.peak),
      left: toCSteps(b, w.left),
      right: toCSteps(b, w.right),
      reason: w.reason,
    },
    lines: [
      `The term ${showTerm(a.trs, w.peak)} has two reducts that are not joinable:`,
      `  ${showDerivation(a.trs, w.peak, w.left)}`,
      `  ${showDerivation(a.trs, w.peak, w.right)}`,
      `${showTerm(a.trs, s)} and ${showTerm(a.trs, t)} have no common reduct: ${why}.`,
      "Hence the system is not confluent.",
    ],
  };
}
