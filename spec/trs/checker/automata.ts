// The checker's own tree automata: runs, state-compatibility with a left-linear system (every
// rule instance lθ accepted in q has rθ accepted in q), and emptiness of an intersection.
import type { CAutomaton } from "../../../engine/check/trs/certificate.ts";
import type { R, T } from "./terms.ts";

interface Auto {
  readonly final: number;
  readonly trans: readonly { readonly head: string; readonly args: readonly number[]; readonly to: number }[];
  /** up[q]: the states q reaches by ε-transitions, q included. */
  readonly up: Map<number, Set<number>>;
}

function read(c: CAutomaton, arity: ReadonlyMap<string, number>): Auto {
  const trans = c.transitions.map((t) => {
    if ((t.symbol === undefined) === (t.variable === undefined))
      throw new Error("a transition needs a symbol or a variable");
    if (t.symbol !== undefined && arity.get(t.symbol) !== t.args.length) throw new Error(`bad arity for '${t.symbol}'`);
    if (t.variable !== undefined && t.args.length !== 0) throw new Error("a variable takes no arguments");
    return { head: t.symbol !== undefined ? `f:${t.symbol}` : `v:${t.variable}`, args: t.args, to: t.to };
  });
  const states = new Set<number>([c.final, ...trans.flatMap((t) => [...t.args, t.to]), ...c.epsilons.flat()]);
  const up = new Map([...states].map((q) => [q, new Set([q])]));
  for (let changed = true; changed;) {
    changed = false;
    for (const [from, to] of c.epsilons)
      for (const q of up.get(to)!)
        if (!up.get(from)!.has(q)) {
          up.get(from)!.add(q);
          changed = true;
        }
  }
  return { final: c.final, trans, up };
}

const closeUp = (A: Auto, qs: Iterable<number>) => new Set([...qs].flatMap((q) => [...(A.up.get(q) ?? [q])]));

/** The states accepting tθ, where θ gives the states of the variables (unbound variables are constants). */
function states(A: Auto, t: T, theta: ReadonlyMap<string, number>): Set<number> {
  if ("v" in t) {
    const q = theta.get(t.v);
    if (q !== undefined) return closeUp(A, [q]);
    return closeUp(
      A,
      A.trans.filter((x) => x.head === `v:${t.v}`).map((x) => x.to),
    );
  }
  const args = t.a.map((x) => states(A, x, theta));
  const out = A.trans.filter((x) => x.head === `f:${t.f}` && x.args.every((q, i) => args[i]!.has(q))).map((x) => x.to);
  return closeUp(A, out);
}

/** Every θ with lθ →* q, for a linear pattern l. */
function matchesInto(A: Auto, l: T, q: number): Map<string, number>[] {
  if ("v" in l) return [new Map([[l.v, q]])];
  const out: Map<string, number>[] = [];
  for (const x of A.trans) {
    if (x.head !== `f:${l.f}` || !A.up.get(x.to)!.has(q)) continue;
    let partial: Map<string, number>[] = [new Map()];
    l.a.forEach((li, i) => {
      partial = partial.flatMap((p) => matchesInto(A, li, x.args[i]!).map((m) => new Map([...p, ...m])));
    });
    out.push(...partial);
  }
  return out;
}

/** Throws unless A is closed under rewriting by the (left-linear) rules and accepts t in its final state. */
function checkAutomaton(rules: readonly R[], A: Auto, t: T): void {
  if (!states(A, t, new Map()).has(A.final)) throw new Error("the automaton does not accept the term");
  for (const [k, r] of rules.entries())
    for (const q of A.up.keys())
      for (const theta of matchesInto(A, r.l, q))
        if (!states(A, r.r, theta).has(q)) throw new Error(`rule ${k + 1} leads out of state ${q}`);
}

function intersects(A: Auto, B: Auto): boolean {
  const reached = new Set<string>();
  for (let changed = true; changed;) {
    changed = false;
    for (const x of A.trans)
      for (const y of B.trans) {
        if (x.head !== y.head || !x.args.every((p, i) => reached.has(`${p},${y.args[i]}`))) continue;
        for (const p of A.up.get(x.to)!)
          for (const q of B.up.get(y.to)!)
            if (!reached.has(`${p},${q}`)) {
              reached.add(`${p},${q}`);
              changed = true;
            }
      }
  }
  return reached.has(`${A.final},${B.final}`);
}

export function checkAutomata(
  rules: readonly R[],
  s: T,
  t: T,
  left: CAutomaton,
  right: CAutomaton,
  arity: ReadonlyMap<string, number>,
): void {
  const linear = (u: T, seen: Set<string>): boolean =>
    "v" in u ? !seen.has(u.v) && !!seen.add(u.v) : u.a.every((x) => linear(x, seen));
  if (!rules.every((r) => linear(r.l, new Set()))) throw new Error("tree automata need a left-linear system");
  const A = read(left, arity);
  const B = read(right, arity);
  checkAutomaton(rules, A, s);
  checkAutomaton(rules, B, t);
  if (intersects(A, B)) throw new Error("the automata accept a common term");
}
