// Rewriting: one-step reducts with their positions and rules, and innermost normalisation
// (memoised per term, bounded by a budget) with or without a recorded derivation.
import { isVar, type Pos, type Term, type TermBank } from "./term.ts";
import { matchInto } from "./matching.ts";
import { applySubst, type Subst } from "./substitution.ts";
import { OutOfBudget, type Budget } from "./budget.ts";
import type { Rule, Trs } from "./trs.ts";

/** One rewrite step: the rule applied at `pos`, giving `to`. */
export interface Step {
  readonly pos: Pos;
  readonly rule: Rule;
  readonly to: Term;
}

export class Rewriter {
  readonly bank: TermBank;
  private readonly byHead: Rule[][] = [];
  private readonly normalForms = new Map<Term, Term>();
  private readonly inProgress = new Set<Term>();
  private readonly normal = new Map<Term, boolean>();

  readonly trs: Trs;
  readonly rules: readonly Rule[];

  constructor(trs: Trs, rules: readonly Rule[] = trs.rules) {
    this.trs = trs;
    this.rules = rules;
    this.bank = trs.bank;
    for (const r of rules) (this.byHead[r.lhs.head] ??= []).push(r);
  }

  /** Reducts of t by a step at the root. */
  rootSteps(t: Term): { rule: Rule; to: Term }[] {
    const out: { rule: Rule; to: Term }[] = [];
    if (isVar(t)) return out;
    for (const r of this.byHead[t.head] ?? []) {
      const s: Subst = new Map();
      if (matchInto(r.lhs, t, s)) out.push({ rule: r, to: applySubst(this.bank, r.rhs, s) });
    }
    return out;
  }

  /** The first root reduct, if t is a redex. */
  rootStep(t: Term): { rule: Rule; to: Term } | undefined {
    if (isVar(t)) return undefined;
    for (const r of this.byHead[t.head] ?? []) {
      const s: Subst = new Map();
      if (matchInto(r.lhs, t, s)) return { rule: r, to: applySubst(this.bank, r.rhs, s) };
    }
    return undefined;
  }

  isRedex(t: Term): boolean {
    if (isVar(t)) return false;
    for (const r of this.byHead[t.head] ?? []) if (matchInto(r.lhs, t, new Map())) return true;
    return false;
  }

  isNormal(t: Term): boolean {
    if (isVar(t)) return true;
    const known = this.normal.get(t);
    if (known !== undefined) return known;
    const result = !this.isRedex(t) && t.args.every((a) => this.isNormal(a));
    this.normal.set(t, result);
    return result;
  }

  /** Every one-step reduct of t, outermost first. */
  steps(t: Term, prefix: number[] = [], out: Step[] = []): Step[] {
    if (isVar(t)) return out;
    for (const { rule, to } of this.rootSteps(t)) out.push({ pos: prefix.slice(), rule, to });
    for (let i = 0; i < t.args.length; i++) {
      prefix.push(i);
      const inner = this.steps(t.args[i]!, prefix, []);
      prefix.pop();
      for (const st of inner) {
        const args = t.args.slice();
        args[i] = st.to;
        out.push({ pos: st.pos, rule: st.rule, to: this.bank.app(t.head, args) });
      }
    }
    return out;
  }

  /** The innermost normal form (first matching rule); throws OutOfBudget on loops or budget exhaustion. */
  normalize(t: Term, budget: Budget): Term {
    if (isVar(t)) return t;
    const known = this.normalForms.get(t);
    if (known) return known;
    if (this.inProgress.has(t)) throw new OutOfBudget();
    this.inProgress.add(t);
    try {
      let u = this.bank.rebuild(
        t,
        t.args.map((a) => this.normalize(a, budget)),
      );
      const step = this.rootStep(u);
      if (step) {
        budget.tick();
        u = this.normalize(step.to, budget);
      }
      this.normalForms.set(t, u);
      return u;
    } finally {
      this.inProgress.delete(t);
    }
  }

  /** A leftmost-innermost derivation from t to its normal form, step by step. */
  derivation(t: Term, budget: Budget): Step[] {
    const steps: Step[] = [];
    for (;;) {
      const at = this.innermostRedex(t, []);
      if (!at) return steps;
      budget.tick();
      steps.push(at);
      t = at.to;
    }
  }

  private innermostRedex(t: Term, prefix: number[]): Step | undefined {
    if (isVar(t) || this.isNormal(t)) return undefined;
    for (let i = 0; i < t.args.length; i++) {
      prefix.push(i);
      const inner = this.innermostRedex(t.args[i]!, prefix);
      prefix.pop();
      if (inner) {
        const args = t.args.slice();
        args[i] = inner.to;
        return { pos: inner.pos, rule: inner.rule, to: this.bank.app(t.head, args) };
      }
    }
    const root = this.rootStep(t)!;
    return { pos: prefix.slice(), rule: root.rule, to: root.to };
  }
}
