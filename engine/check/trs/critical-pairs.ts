// Critical pairs: every overlap of a left-hand side (renamed apart) at a non-variable position
// of another (or the same) left-hand side, except a rule with itself at the root.
import { functionPositions, replaceAt, subtermAt, varsOf, type Pos, type Term } from "./term.ts";
import { applySubst, freshRenaming, type Subst } from "./substitution.ts";
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

/** Renames the variables of one pair to their original names (`x_1` back to `x`) where no two collide. */
function readableNames(trs: Trs, vars: readonly Term[]): Subst {
  const used = new Set<string>();
  const out: Subst = new Map();
  for (const v of vars) {
    const base = trs.bank.varName(v).replace(/_\d+$/, "");
    let name = base;
    for (let i = 1; used.has(name) || trs.bank.symbolOf(name) !== undefined; i++) name = `${base}${i}`;
    used.add(name);
    out.set(v, trs.bank.variable(name));
  }
  return out;
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
    // the variables of the peak: those of both left-hand sides left unbound, and those in the bindings
    const free = [...varsOf(outer.lhs), ...varsOf(copy.lhs)].filter((v) => !mgu.has(v));
    for (const t of mgu.values()) varsOf(t, free);
    const tidy = readableNames(trs, [...new Set(free)]);
    const sigma: Subst = new Map(tidy);
    for (const [v, t] of mgu) sigma.set(v, applySubst(trs.bank, t, tidy));
    const peak = applySubst(trs.bank, outer.lhs, sigma);
    const left = replaceAt(trs.bank, peak, pos, applySubst(trs.bank, copy.rhs, sigma));
    const right = applySubst(trs.bank, outer.rhs, sigma);
    out.push({ outer, inner, pos, peak, left, right });
  }
  return out;
}

/** All critical pairs of the system, produced lazily (rule pair by rule pair). */
export function* criticalPairStream(trs: Trs): Generator<CriticalPair> {
  const copies = trs.rules.map((r) => renamedApart(trs, r));
  for (const outer of trs.rules)
    for (const inner of trs.rules) yield* criticalPairsOf(trs, outer, inner, copies[inner.index]!);
}

/** All critical pairs of the system. */
export function criticalPairs(trs: Trs): CriticalPair[] {
  return [...criticalPairStream(trs)];
}
