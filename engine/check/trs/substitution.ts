// Substitutions: finite maps from variables to terms, applied through the hash-consing bank.
import { isVar, printTerm, type Term, type TermBank } from "./term.ts";

/** Keys are variable terms. */
export type Subst = Map<Term, Term>;

/** tσ; ground subterms are shared untouched. */
export function applySubst(bank: TermBank, t: Term, s: Subst): Term {
  if (t.ground) return t;
  if (isVar(t)) return s.get(t) ?? t;
  const args = t.args;
  let out: Term[] | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const b = applySubst(bank, a, s);
    if (b !== a && !out) out = args.slice(0, i);
    if (out) out.push(b);
  }
  return out ? bank.app(t.head, out) : t;
}

/** A renaming of t's variables to fresh ones (for renaming rules apart). */
export function freshRenaming(bank: TermBank, vars: readonly Term[]): Subst {
  const s: Subst = new Map();
  for (const v of vars) s.set(v, bank.fresh(bank.varName(v)));
  return s;
}

export function printSubst(bank: TermBank, s: Subst): string {
  const parts = [...s].map(([v, t]) => `${printTerm(bank, v)} ↦ ${printTerm(bank, t)}`);
  return `{${parts.join(", ")}}`;
}
