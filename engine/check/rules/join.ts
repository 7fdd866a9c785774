// Symbolic rewriting of rule terms under a guard: innermost, rules tried as the driver tries them
// (higher priority first, then file order); a rule applies only when z3 proves its guard (and any
// literal its pattern needs) from the context. Normal forms are compared modulo attribute arithmetic.
import { isVar, type Term } from "../trs/term.ts";
import { applySubst, type Subst } from "../trs/substitution.ts";
import { isExprSymbol, type RuleTerms, type TermRule } from "./rule-terms.ts";
import { encodeExpr, toBv, type SmtEnv } from "./expr-smt.ts";
import type { Constraints } from "./symbolic.ts";

/** Rewrite steps allowed per normalisation (a bound, not a proof of termination). */
const MAX_STEPS = 200;

export class SymbolicRewriter {
  private readonly terms: RuleTerms;
  private readonly byHead = new Map<number, TermRule[]>();

  constructor(terms: RuleTerms) {
    this.terms = terms;
    const sorted = [...terms.rules].sort((a, b) => b.rule.priority - a.rule.priority || a.rule.order - b.rule.order);
    for (const r of sorted) (this.byHead.get(r.lhs.head) ?? this.byHead.set(r.lhs.head, []).get(r.lhs.head)!).push(r);
  }

  /**
   * The normal form of t under the guards, or undefined when the step bound runs out; `undecided`
   * counts rules left out because their guard holds for some attribute values but not all.
   */
  async normalize(t: Term, guards: readonly Term[], c: Constraints, state = { steps: 0, undecided: 0 }): Promise<Term | undefined> {
    return this.norm(t, guards, c, state);
  }

  private async norm(t: Term, guards: readonly Term[], c: Constraints, state: { steps: number; undecided: number }): Promise<Term | undefined> {
    if (isVar(t) || isExprSymbol(this.terms.bank.symbolName(t.head))) return t;
    const args: Term[] = [];
    for (const a of t.args) {
      const n = await this.norm(a, guards, c, state);
      if (n === undefined) return undefined;
      args.push(n);
    }
    const u = this.terms.bank.rebuild(t, args);
    const step = await this.rootStep(u, guards, c, state);
    if (step === undefined) return u;
    if (++state.steps > MAX_STEPS) return undefined;
    return this.norm(step, guards, c, state);
  }

  /** The first rule's reduct at the root, if some rule provably applies. */
  async rootStep(t: Term, guards: readonly Term[], c: Constraints, state: { undecided: number }): Promise<Term | undefined> {
    for (const r of this.byHead.get(t.head) ?? []) {
      const s: Subst = new Map();
      const needs: [Term, Term][] = [];
      if (!this.match(r.lhs, t, s, needs)) continue;
      if (r.typed) {
        // whether its type constraints hold is not known here
        state.undecided++;
        continue;
      }
      const ruleGuards = r.guards.map((g) => applySubst(this.terms.bank, g, s));
      if (ruleGuards.length > 0 || needs.length > 0) {
        const applies = (env: SmtEnv) => {
          const conds = ruleGuards.map((g) => toBoolOf(env, g));
          for (const [p, v] of needs) {
            const x = encodeExpr(env, v);
            const w = x.kind === "bv" ? x.bv.size() : env.width;
            conds.push(toBv(env, encodeExpr(env, p), w).eq(toBv(env, x, w)));
          }
          return env.z.And(...conds);
        };
        const key = `${r.rule.name}.${r.variant}|${t.id}`;
        const ok = await c.implies(guards, applies, key);
        if (ok === "unknown") state.undecided++;
        if (ok !== "valid") {
          // applies for some attribute values only: the join would need a case split
          if (ok === "invalid" && (await c.implies(guards, (env) => env.z.Not(applies(env)), `not|${key}`)) !== "valid") state.undecided++;
          continue;
        }
      }
      return applySubst(this.terms.bank, r.rhs, s);
    }
    return undefined;
  }

  /** Matching where a literal in the pattern against attribute arithmetic becomes an obligation. */
  private match(p: Term, t: Term, s: Subst, needs: [Term, Term][]): boolean {
    if (isVar(p)) {
      const bound = s.get(p);
      if (bound === undefined) {
        s.set(p, t);
        return true;
      }
      if (bound === t) return true;
      if (this.isAttr(bound) && this.isAttr(t)) {
        needs.push([bound, t]);
        return true;
      }
      return false;
    }
    if (!isVar(t) && p.head === t.head) {
      for (let i = 0; i < p.args.length; i++) if (!this.match(p.args[i]!, t.args[i]!, s, needs)) return false;
      return true;
    }
    if (this.isAttr(p) && this.isAttr(t)) {
      needs.push([p, t]);
      return true;
    }
    return false;
  }

  isCommutative(t: Term): boolean {
    return !isVar(t) && this.terms.commutative.has(this.terms.bank.symbolName(t.head));
  }

  /** An attribute-level term: a literal, an expression, or an attribute variable. */
  isAttr(t: Term): boolean {
    return isVar(t) ? this.attrVars.has(t) : isExprSymbol(this.terms.bank.symbolName(t.head));
  }

  /** Variables that stand for attributes in the current problem (set by the caller). */
  attrVars = new Set<Term>();
}

function toBoolOf(env: Parameters<typeof encodeExpr>[0], g: Term) {
  const v = encodeExpr(env, g);
  if (v.kind === "bool") return v.b;
  if (v.kind === "lit") return env.z.Bool.val(v.value !== 0n);
  return v.bv.neq(env.z.BitVec.val(0, v.bv.size()));
}

/**
 * Attribute-level positions where s and t differ, or undefined when their op structure differs
 * (the operands of Commutative ops compared in either order).
 */
export function differences(rw: SymbolicRewriter, s: Term, t: Term, out: [Term, Term][] = []): [Term, Term][] | undefined {
  if (s === t) return out;
  if (rw.isAttr(s) && rw.isAttr(t)) {
    out.push([s, t]);
    return out;
  }
  if (isVar(s) || isVar(t) || s.head !== t.head) return undefined;
  const straight = argDifferences(rw, s.args, t.args);
  if (straight?.length === 0 || !rw.isCommutative(s)) return straight && (out.push(...straight), out);
  const swapped = argDifferences(rw, s.args, [t.args[1]!, t.args[0]!, ...t.args.slice(2)]);
  const best = swapped && (!straight || swapped.length < straight.length) ? swapped : straight;
  return best && (out.push(...best), out);
}

function argDifferences(rw: SymbolicRewriter, xs: readonly Term[], ys: readonly Term[]): [Term, Term][] | undefined {
  const out: [Term, Term][] = [];
  for (let i = 0; i < xs.length; i++) if (!differences(rw, xs[i]!, ys[i]!, out)) return undefined;
  return out;
}

/** Whether s and t are equal under the guards (same ops, attribute arithmetic proved equal). */
export async function equalUnder(rw: SymbolicRewriter, c: Constraints, guards: readonly Term[], s: Term, t: Term): Promise<boolean> {
  const diffs = differences(rw, s, t);
  if (diffs === undefined) return false;
  if (diffs.length === 0) return true;
  return (await c.equalExprs(guards, diffs)) === "valid";
}
