// The Knuth–Bendix order: small weights are enumerated (pruned rule by rule), and for each
// weight function the precedence constraints of weight ties are solved as for path orders.
import { isVar, varCounts, type Term } from "../term.ts";
import type { Budget } from "../budget.ts";
import type { Trs } from "../trs.ts";
import { FALSE, TRUE, and, atom, linearise, solve, type Dnf } from "./precedence.ts";

export interface Kbo {
  readonly precedence: number[];
  readonly weights: Map<number, number>;
  readonly variableWeight: number;
}

const VARIABLE_WEIGHT = 1;
const MAX_WEIGHT = 3;

function weight(t: Term, w: ReadonlyMap<number, number>): number {
  if (isVar(t)) return VARIABLE_WEIGHT;
  let sum = w.get(t.head) ?? 0;
  for (const a of t.args) sum += weight(a, w);
  return sum;
}

function varCondition(s: Term, t: Term): boolean {
  const cs = varCounts(s);
  for (const [v, n] of varCounts(t)) if ((cs.get(v) ?? 0) < n) return false;
  return true;
}

/** s >kbo t as a formula over the precedence, for fixed weights. */
export function kboConstraints(s: Term, t: Term, w: ReadonlyMap<number, number>): Dnf {
  if (isVar(s)) return FALSE;
  if (isVar(t)) return varCounts(s).has(t) ? TRUE : FALSE;
  if (!varCondition(s, t)) return FALSE;
  const ws = weight(s, w);
  const wt = weight(t, w);
  if (ws !== wt) return ws > wt ? TRUE : FALSE;
  if (s.head !== t.head) return atom(s.head, t.head);
  for (let i = 0; i < s.args.length; i++) if (s.args[i] !== t.args[i]) return kboConstraints(s.args[i]!, t.args[i]!, w);
  return FALSE;
}

/** Occurrences of each symbol in l minus those in r, plus the variable surplus. */
function balance(l: Term, r: Term): { syms: Map<number, number>; vars: number } {
  const syms = new Map<number, number>();
  let vars = 0;
  const walk = (t: Term, sign: number) => {
    if (isVar(t)) vars += sign;
    else {
      syms.set(t.head, (syms.get(t.head) ?? 0) + sign);
      for (const a of t.args) walk(a, sign);
    }
  };
  walk(l, 1);
  walk(r, -1);
  return { syms, vars };
}

export function findKbo(trs: Trs, budget: Budget): Kbo | undefined {
  if (!trs.rules.every((r) => varCondition(r.lhs, r.rhs))) return undefined;
  const symbols = [...new Set(trs.rules.flatMap((r) => [...symbolsOf(r.lhs), ...symbolsOf(r.rhs)]))];
  const unary = symbols.filter((f) => trs.bank.arity(f) === 1);
  for (const zero of [undefined, ...unary]) {
    const found = searchWeights(trs, symbols, zero, budget);
    if (found) return found;
  }
  return undefined;
}

function symbolsOf(t: Term, out: number[] = []): number[] {
  if (!isVar(t)) {
    out.push(t.head);
    for (const a of t.args) symbolsOf(a, out);
  }
  return out;
}

function searchWeights(trs: Trs, symbols: number[], zero: number | undefined, budget: Budget): Kbo | undefined {
  const balances = trs.rules.map((r) => balance(r.lhs, r.rhs));
  const order = symbols.filter((f) => f !== zero);
  // a rule can be checked once the last of its symbols has a weight
  const lastIndex = balances.map((b) => Math.max(-1, ...[...b.syms.keys()].map((f) => order.indexOf(f))));
  const w = new Map<number, number>();
  if (zero !== undefined) w.set(zero, 0);
  const others = trs.symbols.filter((g) => g !== zero);
  const zeroAtoms: Dnf = zero === undefined ? TRUE : others.reduce<Dnf>((acc, g) => and(acc, atom(zero, g)), TRUE);
  const go = (i: number): Kbo | undefined => {
    budget.tick();
    if (i === order.length) {
      const formulas = [zeroAtoms, ...trs.rules.map((r) => kboConstraints(r.lhs, r.rhs, w))];
      if (formulas.some((f) => f.length === 0)) return undefined;
      const c = solve(formulas, budget);
      if (!c) return undefined;
      const weights = new Map(trs.symbols.map((f) => [f, w.get(f) ?? 1]));
      return { precedence: linearise(trs.symbols, c), weights, variableWeight: VARIABLE_WEIGHT };
    }
    for (let v = 1; v <= MAX_WEIGHT; v++) {
      w.set(order[i]!, v);
      let ok = true;
      for (let k = 0; k < balances.length && ok; k++) {
        if (lastIndex[k] !== i) continue;
        let sum = balances[k]!.vars * VARIABLE_WEIGHT;
        for (const [f, n] of balances[k]!.syms) sum += n * w.get(f)!;
        ok = sum >= 0;
      }
      if (ok) {
        const r = go(i + 1);
        if (r) return r;
      }
    }
    w.delete(order[i]!);
    return undefined;
  };
  return go(0);
}
