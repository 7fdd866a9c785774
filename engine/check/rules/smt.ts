// The SMT solver of the rule checks: z3 (the `z3-solver` WebAssembly build), loaded lazily by
// the stages that need it, with one solver reused through push/pop and a time limit per query.
import type { Bool, BitVec, BitVecNum, Context, Model } from "z3-solver";

export type Z3 = Context<"main">;
export type BV = BitVec<number, "main">;
export type B = Bool<"main">;
export type Z3Model = Model<"main">;

export type SatResult = { readonly status: "sat"; readonly model: Z3Model } | { readonly status: "unsat" | "unknown" };

/** Per query; a query that runs out is "unknown", never a proof. */
const QUERY_TIMEOUT_MS = 2000;
/** For proofs that bit-blast wide dividers (64-bit sdiv takes z3 about 5 s). */
export const LONG_QUERY_TIMEOUT_MS = 20000;

export class Smt {
  readonly z: Z3;
  private readonly em: unknown;
  private readonly killThreads: (em: unknown) => Promise<void>;
  private readonly solver;
  /** Queries asked, and how many reached the solver (the others the simplifier or the memo decided). */
  queries = 0;
  solverCalls = 0;
  private readonly memo = new Map<string, SatResult>();

  private constructor(z: Z3, em: unknown, killThreads: (em: unknown) => Promise<void>) {
    this.z = z;
    this.em = em;
    this.killThreads = killThreads;
    this.solver = new z.Solver();
    this.solver.set("timeout", QUERY_TIMEOUT_MS);
  }

  /** Starts z3, or says why it cannot (the caller reports the stage as not run). */
  static async load(): Promise<Smt | string> {
    try {
      const mod = await import("z3-solver");
      const api = await mod.init();
      return new Smt(api.Context("main"), api.em, mod.killThreads as (em: unknown) => Promise<void>);
    } catch (e) {
      return `z3-solver could not be loaded: ${(e as Error).message}`;
    }
  }

  async check(f: B, timeoutMs = QUERY_TIMEOUT_MS): Promise<SatResult> {
    this.queries++;
    const simple = (await this.z.simplify(f)) as B;
    if (this.z.isFalse(simple)) return { status: "unsat" };
    const key = simple.toString();
    const known = this.memo.get(key);
    if (known) return known;
    this.solverCalls++;
    this.solver.push();
    try {
      this.solver.set("timeout", timeoutMs);
      this.solver.add(simple);
      const t0 = Date.now();
      const status = await this.solver.check();
      if (process.env.PRR_SMT_TRACE && Date.now() - t0 > 100) process.stderr.write(`[smt ${Date.now() - t0} ms ${status}] ${key.slice(0, 300)}\n`);
      const r: SatResult = status === "sat" ? { status, model: this.solver.model() } : { status };
      this.memo.set(key, r);
      return r;
    } finally {
      this.solver.pop();
    }
  }

  /** Whether f holds for every assignment (proved: its negation is unsatisfiable). */
  async valid(f: B): Promise<"valid" | "invalid" | "unknown"> {
    const simple = await this.z.simplify(f);
    if (this.z.isTrue(simple)) return "valid";
    const r = await this.check(this.z.Not(simple as B));
    return r.status === "unsat" ? "valid" : r.status === "sat" ? "invalid" : "unknown";
  }

  /** Satisfiability of SMT-LIB assertions (a fresh solver); the model printed when satisfiable. */
  async checkSmtLib(text: string, timeoutMs = QUERY_TIMEOUT_MS): Promise<{ status: "sat" | "unsat" | "unknown"; model?: string }> {
    this.queries++;
    this.solverCalls++;
    const solver = new this.z.Solver();
    solver.set("timeout", timeoutMs);
    solver.fromString(text);
    const status = await solver.check();
    return status === "sat" ? { status, model: solver.model().sexpr() } : { status };
  }

  async close(): Promise<void> {
    await this.killThreads(this.em);
  }
}

/** The value a model gives a bit-vector, as a signed bigint of its width. */
export function modelValue(m: Z3Model, v: BV): bigint {
  const e = m.eval(v, true) as BitVecNum<number, "main">;
  return BigInt.asIntN(v.size(), e.value());
}
