// Dependency pairs (Arts and Giesl): the cycles of the estimated dependency graph are closed by the
// subterm criterion or by weakly monotone polynomial reduction pairs, which proves termination.
import { isVar, type Pos, type Term } from "../term.ts";
import { unifiable } from "../unification.ts";
import type { Budget } from "../budget.ts";
import type { Rule, Trs } from "../trs.ts";
import type { CMonomial } from "../certificate.ts";
import { decreases, searchPolynomial, unit, type Interpretation } from "./polynomial.ts";
import { sccs } from "./scc.ts";

export interface DependencyPair {
  readonly rule: Rule;
  /** The position in the right-hand side of the call. */
  readonly pos: Pos;
  /** As a rule (`f#(…) -> g#(…)`), so that orders can be searched over it. */
  readonly pair: Rule;
}

export interface DpStep {
  readonly scc: readonly number[];
  readonly projection?: ReadonlyMap<number, number>;
  readonly interpretation?: ReadonlyMap<number, Interpretation>;
  readonly removed: readonly number[];
}

export interface DpProof {
  readonly marks: ReadonlyMap<number, number>;
  readonly pairs: readonly DependencyPair[];
  readonly steps: readonly DpStep[];
}

function mark(trs: Trs, marks: Map<number, number>, f: number): number {
  const known = marks.get(f);
  if (known !== undefined) return known;
  let name = `${trs.bank.symbolName(f)}#`;
  while (trs.bank.symbolOf(name) !== undefined) name += "#";
  const m = trs.bank.symbol(name, trs.bank.arity(f));
  marks.set(f, m);
  return m;
}

export function dependencyPairs(trs: Trs, marks: Map<number, number>): DependencyPair[] {
  const defined = new Set(trs.rules.map((r) => r.lhs.head));
  const out: DependencyPair[] = [];
  const walk = (r: Rule, t: Term, pos: number[]) => {
    if (isVar(t)) return;
    if (defined.has(t.head)) {
      const lhs = trs.bank.app(mark(trs, marks, r.lhs.head), r.lhs.args);
      const rhs = trs.bank.app(mark(trs, marks, t.head), t.args);
      out.push({ rule: r, pos: pos.slice(), pair: { index: out.length, lhs, rhs, span: undefined } });
    }
    t.args.forEach((a, i) => walk(r, a, [...pos, i]));
  };
  for (const r of trs.rules) walk(r, r.rhs, []);
  return out;
}

/** tcap: subterms that might be rewritten at their root (and variables) become fresh variables. */
function tcap(trs: Trs, t: Term): Term {
  if (isVar(t)) return trs.bank.fresh("z");
  const u = trs.bank.app(
    t.head,
    t.args.map((a) => tcap(trs, a)),
  );
  return trs.rules.some((r) => r.lhs.head === u.head && unifiable(r.lhs, u)) ? trs.bank.fresh("z") : u;
}

/** Edges i → j of the estimated dependency graph. */
export function dependencyGraph(trs: Trs, pairs: readonly DependencyPair[]): number[][] {
  return pairs.map((p) => {
    const cap = trs.bank.app(
      p.pair.rhs.head,
      p.pair.rhs.args.map((a) => tcap(trs, a)),
    );
    return pairs.flatMap((q, j) => (q.pair.lhs.head === cap.head && unifiable(cap, q.pair.lhs) ? [j] : []));
  });
}

function isSubterm(s: Term, t: Term): boolean {
  return s === t || t.args.some((a) => isSubterm(s, a));
}

/** A projection of each marked symbol to one argument making every pair weakly, some strictly, smaller. */
function subtermCriterion(pairs: readonly DependencyPair[], scc: readonly number[]): DpStep | undefined {
  const heads = [...new Set(scc.flatMap((i) => [pairs[i]!.pair.lhs.head, pairs[i]!.pair.rhs.head]))];
  const choice = new Map<number, number>();
  const arityOf = (f: number) => pairs.find((p) => p.pair.lhs.head === f || p.pair.rhs.head === f)!;
  const go = (k: number): DpStep | undefined => {
    if (k === heads.length) {
      const removed: number[] = [];
      for (const i of scc) {
        const { lhs, rhs } = pairs[i]!.pair;
        const s = lhs.args[choice.get(lhs.head)!]!;
        const t = rhs.args[choice.get(rhs.head)!]!;
        if (!isSubterm(t, s)) return undefined;
        if (t !== s) removed.push(i);
      }
      return removed.length > 0 ? { scc, projection: new Map(choice), removed } : undefined;
    }
    const f = heads[k]!;
    const p = arityOf(f);
    const n = (p.pair.lhs.head === f ? p.pair.lhs : p.pair.rhs).args.length;
    for (let i = 0; i < n; i++) {
      choice.set(f, i);
      const r = go(k + 1);
      if (r) return r;
    }
    return undefined;
  };
  return go(0);
}

/** Weakly monotone linear templates: coefficients in {0, 1}, constants in {0, 1, 2}. */
function weakTemplates(_f: number, arity: number): Interpretation[] {
  const out: Interpretation[] = [];
  for (let mask = (1 << arity) - 1; mask >= 0; mask--)
    for (const c of [0, 1, 2]) {
      const ms: CMonomial[] = [];
      for (let j = 0; j < arity; j++) if (mask & (1 << j)) ms.push({ coefficient: 1, exponents: unit(arity, j) });
      ms.push({ coefficient: c, exponents: new Array<number>(arity).fill(0) });
      out.push(ms);
    }
  return out;
}

function reductionPair(
  trs: Trs,
  pairs: readonly DependencyPair[],
  scc: readonly number[],
  budget: Budget,
): DpStep | undefined {
  for (const i of scc) {
    const strict = [pairs[i]!.pair];
    const weak = [...trs.rules, ...scc.filter((j) => j !== i).map((j) => pairs[j]!.pair)];
    const sub = { bank: trs.bank, symbols: [], rules: [...strict, ...weak] };
    const interp = searchPolynomial(sub, { strict, weak, domainMin: 0, templates: weakTemplates }, budget);
    if (!interp) continue;
    const removed = scc.filter((j) => decreases(pairs[j]!.pair, interp, 0, true));
    return { scc, interpretation: interp, removed };
  }
  return undefined;
}

export function proveByDependencyPairs(trs: Trs, budget: Budget): DpProof | undefined {
  const marks = new Map<number, number>();
  const pairs = dependencyPairs(trs, marks);
  const graph = dependencyGraph(trs, pairs);
  const steps: DpStep[] = [];
  const finite = (nodes: readonly number[]): boolean => {
    for (const scc of sccs(nodes, graph)) {
      budget.tick();
      const step = subtermCriterion(pairs, scc) ?? reductionPair(trs, pairs, scc, budget);
      if (!step) return false;
      steps.push(step);
      if (!finite(scc.filter((i) => !step.removed.includes(i)))) return false;
    }
    return true;
  };
  return finite(pairs.map((_, i) => i)) ? { marks, pairs, steps } : undefined;
}
