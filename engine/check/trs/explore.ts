// Bounded breadth-first exploration of the terms reachable from a term, with the derivation to
// each; used to find joins of critical pairs and to enumerate complete (finite) reduct sets.
import type { Term } from "./term.ts";
import type { Budget } from "./budget.ts";
import type { Rewriter, Step } from "./rewrite.ts";

export interface Reach {
  readonly root: Term;
  /** Every term found, with the step that first reached it (undefined for the root). */
  readonly parent: Map<Term, { from: Term; step: Step } | undefined>;
  /** True when every reduct of every found term was found: the set is closed under rewriting. */
  complete: boolean;
}

export interface ExploreLimits {
  readonly maxTerms: number;
  readonly maxSize: number;
}

export function explore(
  rw: Rewriter,
  root: Term,
  limits: ExploreLimits,
  budget: Budget,
  stopAt?: (t: Term) => boolean,
): Reach {
  const parent: Reach["parent"] = new Map([[root, undefined]]);
  const reach: Reach = { root, parent, complete: false };
  const queue: Term[] = [root];
  for (let head = 0; head < queue.length; head++) {
    const t = queue[head]!;
    if (stopAt?.(t)) return reach;
    for (const step of rw.steps(t)) {
      budget.tick();
      if (parent.has(step.to)) continue;
      if (parent.size >= limits.maxTerms || step.to.size > limits.maxSize) return reach;
      parent.set(step.to, { from: t, step });
      queue.push(step.to);
    }
  }
  reach.complete = true;
  return reach;
}

/** The steps from the root of the exploration to `t`. */
export function derivationTo(reach: Reach, t: Term): Step[] {
  const steps: Step[] = [];
  for (let p = reach.parent.get(t); p; p = reach.parent.get(p.from)) steps.push(p.step);
  return steps.reverse();
}

export interface Join {
  readonly meet: Term;
  readonly left: Step[];
  readonly right: Step[];
}

/** Searches for a common reduct of s and t by exploring both sides alternately. */
export function findJoin(rw: Rewriter, s: Term, t: Term, limits: ExploreLimits, budget: Budget): Join | undefined {
  if (s === t) return { meet: s, left: [], right: [] };
  const a = new Reach2(rw, s, limits);
  const b = new Reach2(rw, t, limits);
  for (;;) {
    const grewA = a.grow(budget, b);
    if (a.meet) return { meet: a.meet, left: derivationTo(a.reach, a.meet), right: derivationTo(b.reach, a.meet) };
    const grewB = b.grow(budget, a);
    if (b.meet) return { meet: b.meet, left: derivationTo(a.reach, b.meet), right: derivationTo(b.reach, b.meet) };
    if (!grewA && !grewB) return undefined;
  }
}

/** One side of a bidirectional search, grown one term at a time. */
class Reach2 {
  readonly reach: Reach;
  private readonly queue: Term[];
  private head = 0;
  meet: Term | undefined;
  private readonly rw: Rewriter;
  private readonly limits: ExploreLimits;

  constructor(rw: Rewriter, root: Term, limits: ExploreLimits) {
    this.rw = rw;
    this.limits = limits;
    this.reach = { root, parent: new Map([[root, undefined]]), complete: false };
    this.queue = [root];
  }

  grow(budget: Budget, other: Reach2): boolean {
    if (this.head >= this.queue.length) return false;
    const t = this.queue[this.head++]!;
    for (const step of this.rw.steps(t)) {
      budget.tick();
      if (this.reach.parent.has(step.to) || step.to.size > this.limits.maxSize) continue;
      if (this.reach.parent.size >= this.limits.maxTerms) return false;
      this.reach.parent.set(step.to, { from: t, step });
      this.queue.push(step.to);
      if (other.reach.parent.has(step.to)) {
        this.meet = step.to;
        return true;
      }
    }
    return true;
  }
}
