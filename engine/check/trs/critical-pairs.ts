// Critical pairs: every overlap of a left-hand side (renamed apart) at a non-variable position
// of another (or the same) left-hand side, except a rule with itself at the root.
import { functionPositions, replaceAt, subtermAt, varsOf, type Pos, type Term } from "./term.ts";
import { applySubst, freshRenaming } from "./substitution.ts";
import { unify } from "./unification.ts";
import type { Rule, Trs } from "./trs.ts";

/**
 * The peak `left ← peak → right`: `inner` rewrites the peak at `pos` giving `left`,
 * `outer` rewrites it at the root giving `right`.
 */
export interface CriticalPair {
  readonly outer: Rule;
  readonly inner: Rule;
  readonly pos: Pos;
  readonly peak: Term;
  readonly left: Term;
  readonly right: Term;
}

export function isOverlay(cp: CriticalPair): boolean {
  return cp.pos.length === 0;
}

export function isTrivial(cp: CriticalPair): boolean {
  return cp.left === cp.right;
}

/** A copy of the rule with fresh variables. */
export function renamedApart(trs: Trs, r: Rule): { lhs: Term; rhs: Term } {
  const ren = freshRenaming(trs.bank, varsOf(r.lhs));
  return { lhs: applySubst(trs.bank, r.lhs, ren), rhs: applySubst(trs.bank, r.rhs, ren) };
}

/** The critical pairs of `outer` and `inner` (in this orientation). */
export function criticalPairsOf(trs: Trs, outer: Rule, inner: Rule, copy = renamedApart(trs, inner)): CriticalPair[] {
  const out: CriticalPair[] = [];
  for (const pos of functionPositions(outer.lhs)) {
    if (pos.length === 0 && outer.index === inner.index) continue;
    const sub = subtermAt(outer.lhs, pos);
    if (sub.head !== copy.lhs.head) continue;
    const mgu = unify(trs.bank, sub, copy.lhs);
    if (!mgu) continue;
    const peak = applySubst(trs.bank, outer.lhs, mgu);
    const left = replaceAt(trs.bank, peak, pos, applySubst(trs.bank, copy.rhs, mgu));
    const right = applySubst(trs.bank, outer.rhs, mgu);
    out.push({ outer, inner, pos, peak, left, right });
  }
  return out;
}

/** All critical pairs of the system. */
export function criticalPairs(trs: Trs): CriticalPair[] {
  const copies = trs.rules.map((r) => renamedApart(trs, r));
  const out: CriticalPair[] = [];
  for (const outer of trs.rules)
    for (const inner of trs.rules) out.push(...criticalPairsOf(trs, outer, inner, copies[inner.index]!));
  return out;
}
