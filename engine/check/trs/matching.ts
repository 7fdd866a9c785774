// Matching: the substitution σ with lσ = t, if any (t's variables are treated as constants).
import { isVar, type Term } from "./term.ts";
import type { Subst } from "./substitution.ts";

/** Extends `s` so that pattern·s = t; returns undefined (and leaves `s` partly extended) on failure. */
export function matchInto(pattern: Term, t: Term, s: Subst): boolean {
  if (isVar(pattern)) {
    const bound = s.get(pattern);
    if (bound === undefined) {
      s.set(pattern, t);
      return true;
    }
    return bound === t;
  }
  if (pattern.head !== t.head) return false;
  if (pattern.ground) return pattern === t;
  const pa = pattern.args;
  const ta = t.args;
  for (let i = 0; i < pa.length; i++) if (!matchInto(pa[i]!, ta[i]!, s)) return false;
  return true;
}

export function match(pattern: Term, t: Term): Subst | undefined {
  const s: Subst = new Map();
  return matchInto(pattern, t, s) ? s : undefined;
}

/** Whether s is an instance of pattern. */
export function matches(pattern: Term, t: Term): boolean {
  return matchInto(pattern, t, new Map());
}
