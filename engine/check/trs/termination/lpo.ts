// The lexicographic path order: the precedence constraints under which l >lpo r, and a search
// for one precedence orienting every rule.
import { isVar, occurs, type Term } from "../term.ts";
import type { Budget } from "../budget.ts";
import { FALSE, TRUE, and, atom, isTrue, linearise, or, solve, type Dnf } from "./precedence.ts";
import type { Trs } from "../trs.ts";

/** s >lpo t as a formula over the precedence. */
export function lpoConstraints(s: Term, t: Term, budget: Budget, memo = new Map<string, Dnf>()): Dnf {
  if (isVar(s)) return FALSE;
  if (isVar(t)) return occurs(t, s) ? TRUE : FALSE;
  const key = `${s.id},${t.id}`;
  const known = memo.get(key);
  if (known) return known;
  budget.tick();
  const gt = (a: Term, b: Term) => lpoConstraints(a, b, budget, memo);
  // (1) some argument of s is t or greater than it
  const sub: Dnf[] = [];
  for (const si of s.args) {
    if (si === t) {
      memo.set(key, TRUE);
      return TRUE;
    }
    sub.push(gt(si, t));
  }
  let result = or(...sub);
  if (!isTrue(result)) {
    let rest: Dnf;
    let from = 0;
    if (s.head !== t.head) rest = atom(s.head, t.head);
    else {
      // (3) same head: arguments compared lexicographically
      while (from < s.args.length && s.args[from] === t.args[from]) from++;
      rest = from < s.args.length ? gt(s.args[from]!, t.args[from]!) : FALSE;
      from++;
    }
    // (2)/(3) s is greater than every remaining argument of t
    for (let j = s.head !== t.head ? 0 : from; j < t.args.length && rest.length > 0; j++)
      rest = and(rest, gt(s, t.args[j]!));
    result = or(result, rest);
  }
  memo.set(key, result);
  return result;
}

/** A precedence (greatest first) under which every rule decreases, or undefined. */
export function findLpo(trs: Trs, budget: Budget): number[] | undefined {
  const memo = new Map<string, Dnf>();
  const formulas: Dnf[] = [];
  for (const r of trs.rules) {
    const f = lpoConstraints(r.lhs, r.rhs, budget, memo);
    if (f.length === 0) return undefined;
    formulas.push(f);
  }
  const c = solve(formulas, budget);
  return c && linearise(trs.symbols, c);
}
