// Termination: tries reduction orders from cheapest to strongest and returns the first that
// orients every rule, as a certificate and a readable description.
import { attempt, type Budget } from "../budget.ts";
import type { CMonomial, COrder } from "../certificate.ts";
import { proveByDependencyPairs, type DpProof } from "./dependency-pairs.ts";
import type { Trs } from "../trs.ts";
import { isVar, type Term } from "../term.ts";
import { matches } from "../matching.ts";
import { findLpo } from "./lpo.ts";
import { findKbo } from "./kbo.ts";
import { findPolynomial, describePolynomial } from "./polynomial.ts";

export interface TerminationProof {
  readonly order: COrder;
  readonly description: string;
}

/** s ⊴ t (homeomorphic embedding): no simplification order has s > t then, and none has t < s. */
export function embeds(s: Term, t: Term): boolean {
  if (s === t) return true;
  if (isVar(t)) return false;
  if (t.args.some((ti) => embeds(s, ti))) return true;
  return !isVar(s) && s.head === t.head && s.args.every((si, i) => embeds(si, t.args[i]!));
}

export function proveTermination(trs: Trs, budget: Budget): TerminationProof | undefined {
  if (trs.rules.length === 0)
    return { order: { kind: "lpo", precedence: [] }, description: "the empty system terminates" };
  if (trs.rules.some((r) => containsInstance(r.rhs, r.lhs))) return undefined; // l → C[lσ] loops
  const names = (fs: readonly number[]) => fs.map((f) => trs.bank.symbolName(f));
  // simplification orders cannot orient a rule whose left side embeds in its right side
  if (!trs.rules.some((r) => embeds(r.lhs, r.rhs))) {
    const simple = simplificationOrder(trs, budget, names);
    if (simple) return simple;
  }
  const dp = attempt(() => proveByDependencyPairs(trs, budget.slice(200)));
  return dp && dependencyPairCertificate(trs, dp);
}

/** Whether some subterm of t is an instance of l. */
function containsInstance(t: Term, l: Term): boolean {
  return matches(l, t) || t.args.some((a) => containsInstance(a, l));
}

function dependencyPairCertificate(trs: Trs, dp: DpProof): TerminationProof {
  const b = trs.bank;
  const name = (f: number) => b.symbolName(f);
  const record = <T>(m: ReadonlyMap<number, T>, f: (v: T) => unknown = (v) => v) =>
    Object.fromEntries([...m].map(([k, v]) => [name(k), f(v)]));
  const order: COrder = {
    kind: "dependency-pairs",
    marks: Object.fromEntries([...dp.marks].map(([f, m]) => [name(f), name(m)])),
    pairs: dp.pairs.map((p) => ({ rule: p.rule.index + 1, pos: p.pos.map((i) => i + 1) })),
    steps: dp.steps.map((s) => ({
      scc: s.scc,
      ...(s.projection ? { projection: record(s.projection, (i) => i + 1) as Record<string, number> } : {}),
      ...(s.interpretation ? { interpretation: record(s.interpretation) as Record<string, readonly CMonomial[]> } : {}),
      removed: s.removed,
    })),
  };
  const how = dp.steps.map((s) => (s.projection ? "subterm criterion" : "polynomial reduction pair"));
  return {
    order,
    description:
      `dependency pairs: ${dp.pairs.length} pairs, ${dp.steps.length} cycle${dp.steps.length === 1 ? "" : "s"} ` +
      `of the estimated dependency graph closed${how.length ? ` by ${[...new Set(how)].join(" and ")}` : ""}`,
  };
}

function simplificationOrder(
  trs: Trs,
  budget: Budget,
  names: (fs: readonly number[]) => string[],
): TerminationProof | undefined {
  const lpo = attempt(() => findLpo(trs, budget.slice(100)));
  if (lpo) {
    const precedence = names(lpo);
    return {
      order: { kind: "lpo", precedence },
      description: `lexicographic path order with precedence ${precedence.join(" > ")}`,
    };
  }
  const kbo = attempt(() => findKbo(trs, budget.slice(100)));
  if (kbo) {
    const precedence = names(kbo.precedence);
    const weights: Record<string, number> = {};
    for (const [f, w] of kbo.weights) weights[trs.bank.symbolName(f)] = w;
    const ws = Object.entries(weights)
      .map(([f, w]) => `w(${f}) = ${w}`)
      .join(", ");
    return {
      order: { kind: "kbo", precedence, weights, variableWeight: kbo.variableWeight },
      description: `Knuth–Bendix order with ${ws}, w(x) = ${kbo.variableWeight} and precedence ${precedence.join(" > ")}`,
    };
  }
  const poly = attempt(() => findPolynomial(trs, budget.slice(150)));
  if (poly) return { order: poly, description: `polynomial interpretation ${describePolynomial(poly)}` };
  return undefined;
}
