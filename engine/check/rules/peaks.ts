// Overlaps of rule left-hand sides: a left-hand side unified with a non-variable operand position
// of another (or, renamed apart, the same) one, giving the peak term, both one-step results and
// the guards of both rules under the unifier.
import { functionPositions, replaceAt, subtermAt, varsOf, type Pos, type Term } from "../trs/term.ts";
import { applySubst, type Subst } from "../trs/substitution.ts";
import { unify } from "../trs/unification.ts";
import { isExprSymbol, type RuleTerms, type TermRule } from "./rule-terms.ts";

export interface Peak {
  /** Rewrites the peak at the root, giving `right`. */
  readonly outer: TermRule;
  /** Rewrites the peak at `pos`, giving `left`. */
  readonly inner: TermRule;
  readonly pos: Pos;
  readonly peak: Term;
  readonly left: Term;
  readonly right: Term;
  readonly guards: readonly Term[];
}

/** The rule with fresh variables (for self-overlaps). */
export function renamed(terms: RuleTerms, r: TermRule): TermRule {
  const vars = [r.lhs, r.rhs, ...r.guards].flatMap((t) => varsOf(t));
  const s: Subst = new Map();
  for (const v of new Set(vars)) s.set(v, terms.bank.fresh(`${terms.bank.varName(v)}~`));
  const ap = (t: Term) => applySubst(terms.bank, t, s);
  return { ...r, lhs: ap(r.lhs), rhs: ap(r.rhs), guards: r.guards.map(ap) };
}

/** Positions of op subterms (not attribute literals or arithmetic), the root first. */
export function opPositions(terms: RuleTerms, t: Term): Pos[] {
  return functionPositions(t).filter((p) => !isExprSymbol(terms.bank.symbolName(subtermAt(t, p).head)));
}

/** The overlaps of `inner` into `outer` (at the root only when `rootOnly`). */
export function peaksOf(terms: RuleTerms, outer: TermRule, inner: TermRule, rootOnly: boolean): Peak[] {
  const out: Peak[] = [];
  const copy = outer.rule === inner.rule ? renamed(terms, inner) : inner;
  for (const pos of rootOnly ? [[]] : opPositions(terms, outer.lhs)) {
    if (pos.length === 0 && outer.rule === inner.rule) continue;
    const sub = subtermAt(outer.lhs, pos);
    if (sub.head !== copy.lhs.head) continue;
    const mgu = unify(terms.bank, sub, copy.lhs);
    if (!mgu) continue;
    const ap = (t: Term) => applySubst(terms.bank, t, mgu);
    const peak = ap(outer.lhs);
    out.push({
      outer,
      inner: copy,
      pos,
      peak,
      left: replaceAt(terms.bank, peak, pos, ap(copy.rhs)),
      right: ap(outer.rhs),
      guards: [...outer.guards, ...copy.guards].map(ap),
    });
  }
  return out;
}
