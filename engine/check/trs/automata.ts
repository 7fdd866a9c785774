// Tree automata completion (Genet; Felgenhauer and Thiemann): for a left-linear system, an automaton closed
// under rewriting that accepts every reduct of a term; disjoint languages mean no common reduct.
import { isVar, type Term } from "./term.ts";
import type { Budget } from "./budget.ts";
import type { Rule, Trs } from "./trs.ts";

/** `head(args) → to`; `head` is a term head (a symbol, or a variable read as a constant). */
export interface Transition {
  readonly head: number;
  readonly args: readonly number[];
  readonly to: number;
}

export class TreeAutomaton {
  states = 0;
  readonly transitions: Transition[] = [];
  /** ε-transitions `from → to`: a term accepted in `from` is accepted in `to`. */
  readonly epsilons: [number, number][] = [];
  private readonly byHead = new Map<number, Transition[]>();
  private readonly keys = new Set<string>();
  private readonly subtermState = new Map<Term, number>();

  newState(): number {
    return this.states++;
  }

  addTransition(head: number, args: readonly number[], to: number): boolean {
    const key = `${head}(${args.join(",")})${to}`;
    if (this.keys.has(key)) return false;
    this.keys.add(key);
    const t = { head, args, to };
    this.transitions.push(t);
    (this.byHead.get(head) ?? this.byHead.set(head, []).get(head)!).push(t);
    return true;
  }

  addEpsilon(from: number, to: number): boolean {
    if (from === to || this.keys.has(`${from}>${to}`)) return false;
    this.keys.add(`${from}>${to}`);
    this.epsilons.push([from, to]);
    return true;
  }

  /** The state accepting exactly the term (for the term the automaton starts from). */
  stateOfTerm(t: Term): number {
    const known = this.subtermState.get(t);
    if (known !== undefined) return known;
    const args = t.args.map((a) => this.stateOfTerm(a));
    const q = this.newState();
    this.addTransition(t.head, args, q);
    this.subtermState.set(t, q);
    return q;
  }

  /** For each state, the states it reaches by ε-transitions (itself included). */
  closure(): Set<number>[] {
    const up = Array.from({ length: this.states }, (_, q) => new Set([q]));
    let changed = true;
    while (changed) {
      changed = false;
      for (const [from, to] of this.epsilons)
        for (const q of up[to]!)
          if (!up[from]!.has(q)) {
            up[from]!.add(q);
            changed = true;
          }
    }
    return up;
  }

  transitionsOf(head: number): readonly Transition[] {
    return this.byHead.get(head) ?? [];
  }
}

/** All θ (variable → state) and q with lθ →* q, for a linear pattern l. */
function matches(A: TreeAutomaton, up: Set<number>[], l: Term): [Map<Term, number>, number][] {
  if (isVar(l)) return Array.from({ length: A.states }, (_, q) => [new Map([[l, q]]), q]);
  const out: [Map<Term, number>, number][] = [];
  const argMatches = l.args.map((a) => groupByState(matches(A, up, a)));
  for (const t of A.transitionsOf(l.head)) {
    let partial: Map<Term, number>[] = [new Map()];
    for (let i = 0; i < t.args.length && partial.length > 0; i++) {
      const options = argMatches[i]!.get(t.args[i]!) ?? [];
      partial = partial.flatMap((p) => options.map((o) => new Map([...p, ...o])));
    }
    for (const theta of partial) for (const q of up[t.to]!) out.push([theta, q]);
  }
  return out;
}

function groupByState(ms: [Map<Term, number>, number][]): Map<number, Map<Term, number>[]> {
  const out = new Map<number, Map<Term, number>[]>();
  for (const [theta, q] of ms) (out.get(q) ?? out.set(q, []).get(q)!).push(theta);
  return out;
}

const MAX_STATES = 200;
const MAX_TRANSITIONS = 3000;

/** An automaton, closed under rewriting, accepting every reduct of t in the returned state. */
export function complete(trs: Trs, t: Term, budget: Budget): { automaton: TreeAutomaton; final: number } | undefined {
  const A = new TreeAutomaton();
  const final = A.stateOfTerm(t);
  const shared = new Map<string, number>();
  const stateFor = (r: Rule, pos: string) =>
    shared.get(`${r.index}:${pos}`) ?? shared.set(`${r.index}:${pos}`, A.newState()).get(`${r.index}:${pos}`)!;
  const build = (r: Rule, u: Term, pos: string, theta: Map<Term, number>): number => {
    if (isVar(u)) return theta.get(u)!;
    const q = stateFor(r, pos);
    A.addTransition(
      u.head,
      u.args.map((a, i) => build(r, a, `${pos}.${i}`, theta)),
      q,
    );
    return q;
  };
  for (let changed = true; changed;) {
    changed = false;
    for (const r of trs.rules) {
      for (const [theta, q] of matches(A, A.closure(), r.lhs)) {
        budget.tick();
        if (A.states > MAX_STATES || A.transitions.length > MAX_TRANSITIONS) return undefined;
        if (isVar(r.rhs)) changed = A.addEpsilon(theta.get(r.rhs)!, q) || changed;
        else
          changed =
            A.addTransition(
              r.rhs.head,
              r.rhs.args.map((a, i) => build(r, a, `${i}`, theta)),
              q,
            ) || changed;
      }
    }
  }
  return { automaton: A, final };
}

/** Whether some term is accepted by A in state p and by B in state q. */
export function intersects(A: TreeAutomaton, p: number, B: TreeAutomaton, q: number): boolean {
  const upA = A.closure();
  const upB = B.closure();
  const reached = new Set<string>();
  for (let changed = true; changed;) {
    changed = false;
    for (const ta of A.transitions)
      for (const tb of B.transitionsOf(ta.head)) {
        if (!ta.args.every((x, i) => reached.has(`${x},${tb.args[i]}`))) continue;
        for (const x of upA[ta.to]!)
          for (const y of upB[tb.to]!) {
            const key = `${x},${y}`;
            if (!reached.has(key)) {
              reached.add(key);
              changed = true;
            }
          }
      }
  }
  return reached.has(`${p},${q}`);
}
