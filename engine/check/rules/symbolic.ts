// Attribute constraints over rule terms, decided by z3 at every integer width a check covers:
// a formula holds when it holds at each width, is satisfiable when it is at some width.
import { isVar, varsOf, type Term } from "../trs/term.ts";
import { encodeExpr, encodeGuards, NotEncodable, toBv, type SmtEnv } from "./expr-smt.ts";
import { isExprSymbol, type RuleTerms } from "./rule-terms.ts";
import { modelValue, type B, type Smt, type Z3Model } from "./smt.ts";

/** The integer widths the overlap and confluence stages check attribute arithmetic at. */
export const WIDTHS = [1, 8, 32, 64] as const;
const SMALL_WIDTHS = WIDTHS.filter((w) => w <= 8);
const LARGE_WIDTHS = WIDTHS.filter((w) => w > 8);
/** Attributes other than a constant's `value` (predicates, enums) are 64-bit integers. */
const ENUM_WIDTH = 64;

/** Attribute variables and the width class of each: "value" follows the check width, others are fixed. */
export function attrWidthClasses(terms: RuleTerms, roots: readonly Term[]): Map<Term, "value" | "enum"> {
  const out = new Map<Term, "value" | "enum">();
  const visit = (t: Term, cls: "value" | "enum" | undefined) => {
    if (isVar(t)) {
      if (cls !== undefined && !out.has(t)) out.set(t, cls);
      return;
    }
    const name = terms.bank.symbolName(t.head);
    if (isExprSymbol(name)) {
      for (const a of t.args) visit(a, cls ?? "value");
      return;
    }
    const attrs = terms.attrNames.get(name) ?? [];
    const operands = t.args.length - attrs.length;
    t.args.forEach((a, i) => visit(a, i < operands ? undefined : attrs[i - operands] === "value" ? "value" : "enum"));
  };
  for (const r of roots) visit(r, undefined);
  return out;
}

export class Constraints {
  private readonly smt: Smt;
  private readonly terms: RuleTerms;
  private readonly classes: Map<Term, "value" | "enum">;
  private readonly memo = new Map<string, string>();

  constructor(smt: Smt, terms: RuleTerms, roots: readonly Term[]) {
    this.smt = smt;
    this.terms = terms;
    this.classes = attrWidthClasses(terms, roots);
  }

  /** The variables of the problem that stand for attributes. */
  get attrVars(): Set<Term> {
    return new Set(this.classes.keys());
  }

  private env(width: number, defined: B[]): SmtEnv {
    const z = this.smt.z;
    const bank = this.terms.bank;
    return {
      z,
      bank,
      width,
      defined,
      attr: (v) => {
        const w = this.classes.get(v) === "enum" ? ENUM_WIDTH : width;
        return z.BitVec.const(`${bank.varName(v)}@${width}`, w);
      },
      typeWidth: () => width,
    };
  }

  /** `guards ⇒ goal` at every width, where goal is built from an env; "unknown" when not encodable. */
  async implies(guards: readonly Term[], goal: (env: SmtEnv) => B, key?: string): Promise<"valid" | "invalid" | "unknown"> {
    const k = key === undefined ? undefined : `i|${guards.map((g) => g.id).join(",")}|${key}`;
    const known = k === undefined ? undefined : this.memo.get(k);
    if (known) return known as "valid" | "invalid" | "unknown";
    const z = this.smt.z;
    let result: "valid" | "invalid" | "unknown";
    try {
      const failure = (w: number) => {
        const defined: B[] = [];
        const env = this.env(w, defined);
        const g = encodeGuards(env, guards);
        return z.And(g, ...defined, z.Not(goal(env)));
      };
      // counterexamples show at small widths and are cheap to find there; proofs need every width
      const small = await this.smt.check(z.Or(...SMALL_WIDTHS.map(failure)));
      if (small.status === "sat") result = "invalid";
      else {
        const large = await this.smt.check(z.Or(...LARGE_WIDTHS.map(failure)));
        result = large.status === "sat" ? "invalid" : large.status === "unsat" && small.status === "unsat" ? "valid" : "unknown";
      }
    } catch (e) {
      if (!(e instanceof NotEncodable)) throw e;
      result = "unknown";
    }
    if (k !== undefined) this.memo.set(k, result);
    return result;
  }

  /** Whether the guards can hold together at some width; with a model at width 32 when they can. */
  async satisfiable(guards: readonly Term[]): Promise<{ status: "sat" | "unsat" | "unknown"; values?: Map<Term, bigint> }> {
    if (guards.length === 0) return { status: "sat", values: new Map() };
    const z = this.smt.z;
    try {
      const per = WIDTHS.map((w) => {
        const defined: B[] = [];
        const env = this.env(w, defined);
        return { w, env, f: z.And(encodeGuards(env, guards), ...defined) };
      });
      const r = await this.smt.check(z.Or(...per.map((p) => p.f)));
      if (r.status !== "sat") return { status: r.status };
      return { status: "sat", values: this.valuesAt(r.model, guards, per.find((p) => p.w === 32)!.env) };
    } catch (e) {
      if (!(e instanceof NotEncodable)) throw e;
      return { status: "unknown" };
    }
  }

  private valuesAt(model: Z3Model, guards: readonly Term[], env: SmtEnv): Map<Term, bigint> {
    const out = new Map<Term, bigint>();
    for (const g of guards)
      for (const v of varsOf(g)) {
        out.set(v, modelValue(model, env.attr(v)));
      }
    return out;
  }

  /** Whether two attribute expressions are equal whenever the guards hold. */
  equalExprs(guards: readonly Term[], pairs: readonly (readonly [Term, Term])[]): Promise<"valid" | "invalid" | "unknown"> {
    const key = pairs.map(([a, b]) => `${a.id}=${b.id}`).join(",");
    return this.implies(
      guards,
      (env) => {
        const eqs = pairs.map(([a, b]) => {
          const x = encodeExpr(env, a);
          const y = encodeExpr(env, b);
          const w = x.kind === "bv" ? x.bv.size() : y.kind === "bv" ? y.bv.size() : env.width;
          return toBv(env, x, w).eq(toBv(env, y, w));
        });
        return env.z.And(...eqs);
      },
      key,
    );
  }
}
