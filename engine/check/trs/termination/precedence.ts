// Precedence constraints for path orders: formulas in disjunctive normal form over atoms `f > g`,
// and a backtracking search for one strict precedence satisfying a formula per rule.
import { Budget } from "../budget.ts";

/** One alternative: a set of atoms `f > g`, each coded `f * 65536 + g`, sorted. */
export type Conjunction = readonly number[];
/** Alternatives; `[]` is false, `[[]]` is true. */
export type Dnf = readonly Conjunction[];

export const TRUE: Dnf = [[]];
export const FALSE: Dnf = [];
/** Larger formulas are cut to this many alternatives (losing solutions, never soundness). */
const MAX_ALTERNATIVES = 24;

export function atom(f: number, g: number): Dnf {
  return f === g ? FALSE : [[f * 65536 + g]];
}

function subset(a: Conjunction, b: Conjunction): boolean {
  let j = 0;
  for (const x of a) {
    while (j < b.length && b[j]! < x) j++;
    if (j >= b.length || b[j] !== x) return false;
  }
  return true;
}

function union(a: Conjunction, b: Conjunction): number[] {
  const out = [...new Set([...a, ...b])];
  return out.sort((x, y) => x - y);
}

/** Whether the atoms `f > g` form an acyclic relation. */
export function acyclic(c: Conjunction): boolean {
  const succ = new Map<number, number[]>();
  for (const code of c) {
    const f = Math.floor(code / 65536);
    (succ.get(f) ?? succ.set(f, []).get(f)!).push(code % 65536);
  }
  const state = new Map<number, number>(); // 1 = on stack, 2 = done
  const visit = (f: number): boolean => {
    const s = state.get(f);
    if (s === 1) return false;
    if (s === 2) return true;
    state.set(f, 1);
    for (const g of succ.get(f) ?? []) if (!visit(g)) return false;
    state.set(f, 2);
    return true;
  };
  for (const f of succ.keys()) if (!visit(f)) return false;
  return true;
}

function minimise(alts: Conjunction[]): Dnf {
  alts.sort((a, b) => a.length - b.length);
  const out: Conjunction[] = [];
  for (const a of alts) {
    if (out.some((b) => subset(b, a))) continue;
    out.push(a);
    if (out.length >= MAX_ALTERNATIVES) break;
  }
  return out;
}

export function or(...fs: Dnf[]): Dnf {
  const all: Conjunction[] = [];
  for (const f of fs) {
    if (f.length === 1 && f[0]!.length === 0) return TRUE;
    all.push(...f);
  }
  return minimise(all);
}

export function and(a: Dnf, b: Dnf): Dnf {
  if (a.length === 0 || b.length === 0) return FALSE;
  const out: Conjunction[] = [];
  for (const x of a)
    for (const y of b) {
      const u = union(x, y);
      if (acyclic(u)) out.push(u);
    }
  return minimise(out);
}

export function isTrue(f: Dnf): boolean {
  return f.length === 1 && f[0]!.length === 0;
}

/** One alternative from each formula whose union is acyclic, or undefined. */
export function solve(formulas: readonly Dnf[], budget: Budget): Conjunction | undefined {
  const order = [...formulas].sort((a, b) => a.length - b.length);
  const go = (i: number, acc: Conjunction): Conjunction | undefined => {
    if (i === order.length) return acc;
    for (const alt of order[i]!) {
      budget.tick();
      const u = union(acc, alt);
      if (!acyclic(u)) continue;
      const r = go(i + 1, u);
      if (r) return r;
    }
    return undefined;
  };
  return go(0, []);
}

/** A total order of `symbols` (greatest first) extending the atoms. */
export function linearise(symbols: readonly number[], c: Conjunction): number[] {
  const above = new Map<number, Set<number>>();
  for (const f of symbols) above.set(f, new Set());
  for (const code of c) {
    const f = Math.floor(code / 65536);
    const g = code % 65536;
    if (!above.has(f)) above.set(f, new Set());
    if (!above.has(g)) above.set(g, new Set());
    above.get(g)!.add(f);
  }
  const out: number[] = [];
  const placed = new Set<number>();
  while (out.length < above.size) {
    const next = [...above.keys()].find((f) => !placed.has(f) && [...above.get(f)!].every((g) => placed.has(g)));
    if (next === undefined) throw new Error("cyclic precedence");
    out.push(next);
    placed.add(next);
  }
  return out;
}
