// Syntactic unification with occurs check: the most general unifier of two terms, idempotent.
import { isVar, type Term, type TermBank } from "./term.ts";
import type { Subst } from "./substitution.ts";

/** Follows variable bindings until an unbound variable or a non-variable term. */
function walk(t: Term, s: Subst): Term {
  while (isVar(t)) {
    const b = s.get(t);
    if (b === undefined) return t;
    t = b;
  }
  return t;
}

function occursIn(v: Term, t: Term, s: Subst): boolean {
  t = walk(t, s);
  if (t === v) return true;
  if (isVar(t) || t.ground) return false;
  for (const a of t.args) if (occursIn(v, a, s)) return true;
  return false;
}

/** Triangular unification of pairs; false when there is a clash or an occurs-check failure. */
function solve(pairs: [Term, Term][], s: Subst): boolean {
  while (pairs.length > 0) {
    const [x, y] = pairs.pop()!;
    const a = walk(x, s);
    const b = walk(y, s);
    if (a === b) continue;
    if (isVar(a)) {
      if (occursIn(a, b, s)) return false;
      s.set(a, b);
    } else if (isVar(b)) {
      if (occursIn(b, a, s)) return false;
      s.set(b, a);
    } else {
      if (a.head !== b.head) return false;
      if (a.ground && b.ground) return false; // distinct ground terms
      for (let i = 0; i < a.args.length; i++) pairs.push([a.args[i]!, b.args[i]!]);
    }
  }
  return true;
}

/** The idempotent mgu of the pairs, or undefined when they do not unify. */
export function unifyAll(bank: TermBank, pairs: readonly (readonly [Term, Term])[]): Subst | undefined {
  const s: Subst = new Map();
  if (
    !solve(
      pairs.map(([a, b]) => [a, b]),
      s,
    )
  )
    return undefined;
  const out: Subst = new Map();
  for (const v of s.keys()) out.set(v, resolve(bank, v, s));
  return out;
}

export function unify(bank: TermBank, a: Term, b: Term): Subst | undefined {
  return unifyAll(bank, [[a, b]]);
}

/** Whether a and b unify (no substitution built). */
export function unifiable(a: Term, b: Term): boolean {
  return solve([[a, b]], new Map());
}

function resolve(bank: TermBank, t: Term, s: Subst): Term {
  t = walk(t, s);
  if (isVar(t) || t.ground) return t;
  let out: Term[] | undefined;
  for (let i = 0; i < t.args.length; i++) {
    const a = t.args[i]!;
    const b = resolve(bank, a, s);
    if (b !== a && !out) out = t.args.slice(0, i);
    if (out) out.push(b);
  }
  return out ? bank.app(t.head, out) : t;
}
