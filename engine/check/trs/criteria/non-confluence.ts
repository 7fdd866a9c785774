// Non-confluence: two reducts of one term (a critical peak, or found by exploring it) that provably have
// no common reduct: distinct normal forms, non-unifiable caps, finite closed reduct sets, tree automata.
import { attempt, type Budget } from "../budget.ts";
import { explore, derivationTo, type Reach } from "../explore.ts";
import { toCSteps, toCTerm, type CAutomaton, type CNonJoinable } from "../certificate.ts";
import { complete, intersects, type TreeAutomaton } from "../automata.ts";
import { isLeftLinear, type Trs } from "../trs.ts";
import { showDerivation, showTerm, type Analysis, type Proof } from "../analysis.ts";
import { criticalPairStream, type CriticalPair } from "../critical-pairs.ts";
import type { Step } from "../rewrite.ts";
import type { Term } from "../term.ts";

const PEAK_LIMITS = { maxTerms: 300, maxSize: 40 };
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
    const w = attempt(() => quick(a, cp, budget.slice(10, 500)));
    if (w) return report(a, w);
  }
  return undefined;
}

/** Peaks (critical peaks, then left-hand sides) with two explored reducts that cannot be joined. */
export function deepNonConfluence(a: Analysis, budget: Budget): Proof | undefined {
  const peaks = [
    ...nontrivial(a).map((cp) => ({ peak: cp.peak, first: [cp.left, cp.right] })),
    ...a.trs.rules.map((r) => ({ peak: r.lhs, first: [r.rhs] })),
  ];
  for (const { peak, first } of peaks) {
    if (budget.expired()) return undefined;
    const w = attempt(() => deep(a, peak, budget.slice(60), first));
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
  if (a.rw.isNormal(cp.left) && a.rw.isNormal(cp.right))
    return { peak: cp.peak, left: [left], right: [right], reason: { kind: "normal-forms" } };
  if (a.capper.nonJoinable(cp.left, cp.right))
    return { peak: cp.peak, left: [left], right: [right], reason: { kind: "tcap" } };
  if (a.rw.normalize(cp.left, budget) === a.rw.normalize(cp.right, budget)) return undefined;
  const l = a.rw.derivation(cp.left, budget);
  const r = a.rw.derivation(cp.right, budget);
  return { peak: cp.peak, left: [left, ...l], right: [right, ...r], reason: { kind: "normal-forms" } };
}

/** Explores the reducts of a peak and tries pairs of them: any two reducts of the peak will do. */
function deep(a: Analysis, peak: Term, budget: Budget, first: readonly Term[] = []): Witness | undefined {
  const R = explore(a.rw, peak, PEAK_LIMITS, budget);
  const witness = (s: Term, t: Term, reason: CNonJoinable): Witness => ({
    peak,
    left: derivationTo(R, s),
    right: derivationTo(R, t),
    reason,
  });
  const terms = [...R.parent.keys()];
  const normal = terms.filter((u) => a.rw.isNormal(u));
  if (normal.length >= 2) return witness(normal[0]!, normal[1]!, { kind: "normal-forms" });
  const small = terms.sort((x, y) => x.size - y.size).slice(0, 16);
  const candidates = [...new Set([...first.filter((u) => R.parent.has(u)), ...normal, ...small])];
  for (let i = 0; i < candidates.length; i++)
    for (let j = i + 1; j < candidates.length; j++) {
      budget.tick();
      if (a.capper.nonJoinable(candidates[i]!, candidates[j]!))
        return witness(candidates[i]!, candidates[j]!, { kind: "tcap" });
    }
  const automata = isLeftLinear(a.trs) ? automataTest(a, candidates.slice(0, 5), budget) : undefined;
  if (automata) return witness(automata.s, automata.t, automata.reason);
  const few = candidates.slice(0, 8);
  for (let i = 0; i < few.length; i++)
    for (let j = i + 1; j < few.length; j++) {
      if (budget.expired()) return undefined;
      const reason = attempt(() => closureTest(a, few[i]!, few[j]!, budget.slice(10)));
      if (reason) return witness(few[i]!, few[j]!, reason);
    }
  return undefined;
}

/** Two of the terms whose tree automata (closed under rewriting) have disjoint languages. */
function automataTest(
  a: Analysis,
  terms: readonly Term[],
  budget: Budget,
): { s: Term; t: Term; reason: CNonJoinable } | undefined {
  const automata = new Map<Term, ReturnType<typeof complete>>();
  const automaton = (u: Term) =>
    automata.has(u)
      ? automata.get(u)
      : automata
          .set(
            u,
            attempt(() => complete(a.trs, u, budget.slice(15))),
          )
          .get(u);
  for (let i = 0; i < terms.length; i++)
    for (let j = i + 1; j < terms.length; j++) {
      const A = automaton(terms[i]!);
      const B = A && automaton(terms[j]!);
      if (!A || !B || intersects(A.automaton, A.final, B.automaton, B.final)) continue;
      const reason: CNonJoinable = {
        kind: "automata",
        left: toCAutomaton(a.trs, A.automaton, A.final),
        right: toCAutomaton(a.trs, B.automaton, B.final),
      };
      return { s: terms[i]!, t: terms[j]!, reason };
    }
  return undefined;
}

function toCAutomaton(trs: Trs, A: TreeAutomaton, final: number): CAutomaton {
  const b = trs.bank;
  return {
    final,
    transitions: A.transitions.map((t) => ({
      ...(t.head >= 0 ? { symbol: b.symbolName(t.head) } : { variable: b.varName(b.variableAt(-1 - t.head)) }),
      args: t.args,
      to: t.to,
    })),
    epsilons: A.epsilons,
  };
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
        : w.reason.kind === "automata"
          ? `tree automata closed under rewriting accept their reducts (${w.reason.left.transitions.length} and ${w.reason.right.transitions.length} transitions) in disjoint languages`
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
