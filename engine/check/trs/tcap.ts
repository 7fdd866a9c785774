// Non-joinability by term caps: subterms that might be rewritten at their root become holes labelled with
// the root symbols their reducts can have; if the caps of s and t do not unify, s and t cannot join.
import { isVar, type Term } from "./term.ts";
import type { Trs } from "./trs.ts";

/** A cap: a term whose holes stand for any reduct of the replaced subterm. */
export type Cap =
  | { readonly kind: "fn"; readonly head: number; readonly args: readonly Cap[] }
  | { readonly kind: "rigid"; readonly v: Term }
  /** `heads` lists the possible root symbols; undefined means anything (a variable included). */
  | { readonly kind: "hole"; readonly heads: ReadonlySet<number> | undefined };

export class Capper {
  private readonly lhsByHead = new Map<number, Term[]>();
  private readonly heads = new Map<number, ReadonlySet<number> | undefined>();
  private readonly trs: Trs;

  constructor(trs: Trs) {
    this.trs = trs;
    for (const r of trs.rules) {
      const list = this.lhsByHead.get(r.lhs.head) ?? [];
      list.push(r.lhs);
      this.lhsByHead.set(r.lhs.head, list);
    }
  }

  /** Root symbols of the reducts of an f-rooted term; undefined when a collapsing rule applies. */
  rootHeads(f: number): ReadonlySet<number> | undefined {
    if (this.heads.has(f)) return this.heads.get(f);
    const seen = new Set<number>([f]);
    const todo = [f];
    let top = false;
    while (todo.length > 0 && !top) {
      const g = todo.pop()!;
      for (const r of this.trs.rules) {
        if (r.lhs.head !== g) continue;
        if (isVar(r.rhs)) top = true;
        else if (!seen.has(r.rhs.head)) {
          seen.add(r.rhs.head);
          todo.push(r.rhs.head);
        }
      }
    }
    const out = top ? undefined : seen;
    this.heads.set(f, out);
    return out;
  }

  private readonly caps = new Map<Term, Cap>();

  cap(t: Term): Cap {
    const known = this.caps.get(t);
    if (known) return known;
    const c = this.capOf(t);
    this.caps.set(t, c);
    return c;
  }

  private capOf(t: Term): Cap {
    if (isVar(t)) return { kind: "rigid", v: t };
    const c: Cap = { kind: "fn", head: t.head, args: t.args.map((a) => this.cap(a)) };
    for (const l of this.lhsByHead.get(t.head) ?? [])
      if (unifiesWithPattern(c, l)) return { kind: "hole", heads: this.rootHeads(t.head) };
    return c;
  }

  /** Whether s and t certainly have no common reduct. */
  nonJoinable(s: Term, t: Term): boolean {
    return !capsUnify(this.cap(s), this.cap(t));
  }

  /** Whether t certainly cannot reach u (u's variables are constants). */
  cannotReach(t: Term, u: Term): boolean {
    return !capsUnify(this.cap(t), exact(u));
  }
}

/** A term as a cap without holes. */
export function exact(t: Term): Cap {
  return isVar(t) ? { kind: "rigid", v: t } : { kind: "fn", head: t.head, args: t.args.map(exact) };
}

/** Over-approximates unifiability of a cap with a left-hand side (its non-linearity is ignored). */
function unifiesWithPattern(c: Cap, l: Term): boolean {
  if (isVar(l)) return true;
  if (c.kind === "hole") return c.heads === undefined || c.heads.has(l.head);
  if (c.kind === "rigid" || c.head !== l.head) return false;
  for (let i = 0; i < l.args.length; i++) if (!unifiesWithPattern(c.args[i]!, l.args[i]!)) return false;
  return true;
}

/** Unifiability of two caps; holes occur once each, so no bindings need to be kept. */
export function capsUnify(a: Cap, b: Cap): boolean {
  if (a.kind === "hole" && b.kind === "hole")
    return a.heads === undefined || b.heads === undefined || [...a.heads].some((f) => b.heads!.has(f));
  if (a.kind === "hole") return admits(a.heads, b);
  if (b.kind === "hole") return admits(b.heads, a);
  if (a.kind === "rigid" || b.kind === "rigid")
    return a.kind === b.kind && a.kind === "rigid" && a.v === (b as { v: Term }).v;
  if (a.head !== b.head) return false;
  for (let i = 0; i < a.args.length; i++) if (!capsUnify(a.args[i]!, b.args[i]!)) return false;
  return true;
}

function admits(heads: ReadonlySet<number> | undefined, c: Cap): boolean {
  if (heads === undefined) return true;
  return c.kind === "fn" && heads.has(c.head);
}
