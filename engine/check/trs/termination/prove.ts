// Termination: tries reduction orders from cheapest to strongest and returns the first that
// orients every rule, as a certificate and a readable description.
import { attempt, type Budget } from "../budget.ts";
import type { COrder } from "../certificate.ts";
import type { Trs } from "../trs.ts";
import { isVar, type Term } from "../term.ts";
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
  // every order tried is a simplification order, which cannot orient a rule whose left side embeds in its right
  if (trs.rules.some((r) => embeds(r.lhs, r.rhs))) return undefined;
  const names = (fs: readonly number[]) => fs.map((f) => trs.bank.symbolName(f));
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
