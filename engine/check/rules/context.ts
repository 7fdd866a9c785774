// What the stages share: the rule set as terms, the solver, the symbolic rewriter, and how a
// peak (two ways to rewrite one term) is joined and described.
import type { Note } from "../../support/diagnostics.ts";
import type { RuleSet } from "../../rewrite/sema/rule-set.ts";
import type { Term } from "../trs/term.ts";
import { encodeExpr, toBool, type SmtEnv } from "./expr-smt.ts";
import { differences, SymbolicRewriter } from "./join.ts";
import type { Peak } from "./peaks.ts";
import { printRuleTerm } from "./print.ts";
import { reproducer } from "./reproducer.ts";
import { integerLiteral, type RuleTerms } from "./rule-terms.ts";
import { applySubst } from "../trs/substitution.ts";
import type { B, Smt } from "./smt.ts";
import { Constraints } from "./symbolic.ts";
import type { Context } from "../../ir/context.ts";
import type { DifferentialOptions } from "./differential/differential.ts";

/** The IR context the rule set was compiled in: differential testing parses instances in it. */
export interface IrContext {
  readonly ctx: Context;
  readonly differential: DifferentialOptions;
}

export class CheckContext {
  readonly set: RuleSet;
  readonly terms: RuleTerms;
  readonly smt: Smt;
  readonly rw: SymbolicRewriter;
  readonly ir: IrContext | undefined;

  constructor(set: RuleSet, terms: RuleTerms, smt: Smt, ir?: IrContext) {
    this.set = set;
    this.terms = terms;
    this.smt = smt;
    this.rw = new SymbolicRewriter(terms);
    this.ir = ir;
  }

  constraints(roots: readonly Term[]): Constraints {
    return new Constraints(this.smt, this.terms, roots);
  }

  boolOf(env: SmtEnv, g: Term): B {
    return toBool(env, encodeExpr(env, g));
  }
}

export type Joined =
  | { readonly kind: "infeasible" }
  | { readonly kind: "joined" }
  | {
      readonly kind: "unknown" | "diverges";
      readonly left: Term | undefined;
      readonly right: Term | undefined;
      readonly values: ReadonlyMap<Term, bigint>;
      /** The instance (attribute values filled in) that diverges, when the peak itself did not decide. */
      readonly instance?: Peak;
    };

/** Decides whether the guards of a peak can hold and, if so, whether its two results join. */
export async function joinPeak(cx: CheckContext, p: Peak): Promise<Joined> {
  const c = cx.constraints([p.peak, p.left, p.right, ...p.guards]);
  const sat = await c.satisfiable(p.guards);
  if (sat.status === "unsat") return { kind: "infeasible" };
  const values = sat.values ?? new Map<Term, bigint>();
  cx.rw.attrVars = c.attrVars;
  const state = { steps: 0, undecided: 0 };
  const left = await cx.rw.normalize(p.left, p.guards, c, state);
  const rightState = { steps: 0, undecided: 0 };
  const right = await cx.rw.normalize(p.right, p.guards, c, rightState);
  if (left === undefined || right === undefined) return { kind: "unknown", left, right, values };
  if (left === right) return { kind: "joined" };
  const diffs = differences(cx.rw, left, right);
  const eq = diffs === undefined ? "invalid" : await c.equalExprs(p.guards, diffs);
  if (eq === "valid") return { kind: "joined" };
  if (eq === "invalid" && state.undecided + rightState.undecided === 0) return { kind: "diverges", left, right, values };
  // a rule whose guard holds for some attribute values might have joined them: try values
  return (await concreteDivergence(cx, p, c.attrVars, values)) ?? { kind: "unknown", left, right, values };
}

/** Attribute values tried when a join depends on them: the guards' model, then small numbers. */
const TRIAL_VALUES = [3n, 1n, 0n, -1n, 5n];

/** An instance of the peak, with literal attribute values, whose two results do not join. */
async function concreteDivergence(cx: CheckContext, p: Peak, attrVars: ReadonlySet<Term>, model: ReadonlyMap<Term, bigint>): Promise<Joined | undefined> {
  const bank = cx.terms.bank;
  const vars = [...attrVars];
  const trials = [model, ...TRIAL_VALUES.map((v) => new Map(vars.map((x, i) => [x, v + BigInt(i)])))];
  for (const values of trials) {
    const s = new Map(vars.map((v) => [v, integerLiteral(bank, values.get(v) ?? 0n)]));
    const ap = (t: Term) => applySubst(bank, t, s);
    const instance: Peak = { ...p, peak: ap(p.peak), left: ap(p.left), right: ap(p.right), guards: p.guards.map(ap) };
    const c = cx.constraints([instance.peak, instance.left, instance.right, ...instance.guards]);
    if ((await c.satisfiable(instance.guards)).status !== "sat") continue;
    const st = { steps: 0, undecided: 0 };
    const left = await cx.rw.normalize(instance.left, instance.guards, c, st);
    const right = await cx.rw.normalize(instance.right, instance.guards, c, st);
    if (left === undefined || right === undefined || st.undecided > 0) continue;
    const diffs = differences(cx.rw, left, right);
    const eq = diffs === undefined ? "invalid" : await c.equalExprs(instance.guards, diffs);
    if (eq === "invalid") return { kind: "diverges", left, right, values, instance };
  }
  return undefined;
}

/** Notes that show a peak: the overlap, both results (normalised where possible) and an input. */
export function peakNotes(cx: CheckContext, p: Peak, j?: Joined): Note[] {
  const show = (t: Term) => printRuleTerm(cx.terms, t);
  const notes: Note[] = [{ span: undefined, message: `overlap: ${show(p.peak)}` }];
  if (j && "instance" in j && j.instance) {
    notes.push({ span: undefined, message: `for example: ${show(j.instance.peak)}` });
    p = j.instance;
  }
  if (p.guards.length > 0) notes.push({ span: undefined, message: `under: ${p.guards.map(show).join(" && ")}` });
  notes.push({ span: undefined, message: `'${p.inner.rule.name}' gives: ${show(p.left)}` });
  notes.push({ span: undefined, message: `'${p.outer.rule.name}' gives: ${show(p.right)}` });
  if (j && j.kind !== "infeasible" && j.kind !== "joined") {
    if (j.left && j.left !== p.left) notes.push({ span: undefined, message: `which normalises to: ${show(j.left)}` });
    if (j.right && j.right !== p.right) notes.push({ span: undefined, message: `and the other to: ${show(j.right)}` });
  }
  const mlir = reproducer(cx.terms, p.peak, j && "values" in j ? j.values : new Map());
  if (mlir) notes.push({ span: undefined, message: `reproducer:\n${mlir}` });
  return notes;
}
