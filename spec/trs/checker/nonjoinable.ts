// The checker's own non-joinability arguments: normal forms, term caps with root-symbol sets,
// and finite sets closed under rewriting.
import type { CNonJoinable } from "../../../engine/check/trs/certificate.ts";
import { checkAutomata } from "./automata.ts";
import { eq, fromC, key, matchT, replace, subst, type R, type T } from "./terms.ts";

/** All one-step reducts of t. */
export function reducts(rules: readonly R[], t: T): T[] {
  const out: T[] = [];
  const walk = (u: T, pos: number[]) => {
    for (const r of rules) {
      const m = matchT(r.l, u);
      if (m) out.push(replace(t, pos, subst(r.r, m)));
    }
    if (!("v" in u)) u.a.forEach((x, i) => walk(x, [...pos, i + 1]));
  };
  walk(t, []);
  return out;
}

type Cap = { hole: Set<string> | "any" } | { rigid: string } | { f: string; a: Cap[] };

/** Root symbols that reducts of an f-rooted term can have ("any" if a collapsing rule is reachable). */
function heads(rules: readonly R[], f: string): Set<string> | "any" {
  const seen = new Set([f]);
  let changed = true;
  while (changed) {
    changed = false;
    for (const r of rules) {
      if ("v" in r.l || !seen.has(r.l.f)) continue;
      if ("v" in r.r) return "any";
      if (!seen.has(r.r.f)) {
        seen.add(r.r.f);
        changed = true;
      }
    }
  }
  return seen;
}

function mayMatch(c: Cap, l: T): boolean {
  if ("v" in l) return true;
  if ("hole" in c) return c.hole === "any" || c.hole.has(l.f);
  if ("rigid" in c || c.f !== l.f) return false;
  return c.a.every((x, i) => mayMatch(x, l.a[i]!));
}

function cap(rules: readonly R[], t: T): Cap {
  if ("v" in t) return { rigid: t.v };
  const c: Cap = { f: t.f, a: t.a.map((x) => cap(rules, x)) };
  return rules.some((r) => mayMatch(c, r.l)) ? { hole: heads(rules, t.f) } : c;
}

function exact(t: T): Cap {
  return "v" in t ? { rigid: t.v } : { f: t.f, a: t.a.map(exact) };
}

function admits(h: Set<string> | "any", c: Cap): boolean {
  return h === "any" || ("f" in c && h.has(c.f));
}

function capsMeet(a: Cap, b: Cap): boolean {
  if ("hole" in a && "hole" in b)
    return a.hole === "any" || b.hole === "any" || [...a.hole].some((f) => (b.hole as Set<string>).has(f));
  if ("hole" in a) return admits(a.hole, b);
  if ("hole" in b) return admits(b.hole, a);
  if ("rigid" in a || "rigid" in b) return "rigid" in a && "rigid" in b && a.rigid === b.rigid;
  return a.f === b.f && a.a.every((x, i) => capsMeet(x, b.a[i]!));
}

/** Throws unless s and t provably have no common reduct for the stated reason. */
export function checkNonJoinable(
  rules: readonly R[],
  s: T,
  t: T,
  reason: CNonJoinable,
  arity: ReadonlyMap<string, number>,
): void {
  if (reason.kind === "normal-forms") {
    if (eq(s, t)) throw new Error("the two normal forms are equal");
    if (reducts(rules, s).length > 0 || reducts(rules, t).length > 0)
      throw new Error("a claimed normal form is reducible");
    return;
  }
  if (reason.kind === "tcap") {
    if (capsMeet(cap(rules, s), cap(rules, t))) throw new Error("the caps unify");
    return;
  }
  if (reason.kind === "automata") return checkAutomata(rules, s, t, reason.left, reason.right, arity);
  const [from, to] = reason.swap ? [t, s] : [s, t];
  const closure = closedSet(rules, reason.closure, from, arity);
  const other = reason.otherClosure && closedSet(rules, reason.otherClosure, to, arity);
  const toCap = cap(rules, to);
  for (const [k, u] of closure) {
    if (other && !other.has(k)) continue;
    if (capsMeet(toCap, exact(u))) throw new Error(`${k} might be a common reduct`);
  }
}

/** The set, checked to contain `root` and every reduct of its members. */
function closedSet(
  rules: readonly R[],
  terms: readonly unknown[],
  root: T,
  arity: ReadonlyMap<string, number>,
): Map<string, T> {
  const set = new Map<string, T>();
  for (const c of terms) {
    const u = fromC(c as never, arity);
    set.set(key(u), u);
  }
  if (!set.has(key(root))) throw new Error(`closure does not contain ${key(root)}`);
  for (const u of set.values())
    for (const v of reducts(rules, u))
      if (!set.has(key(v))) throw new Error(`closure misses the reduct ${key(v)} of ${key(u)}`);
  return set;
}
