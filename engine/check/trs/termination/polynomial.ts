// Polynomial interpretations: a backtracking search over small templates per symbol, checking
// each rule as soon as all its symbols are interpreted; strict rules must decrease, weak ones not increase.
import { isVar, varIndex, type Term } from "../term.ts";
import type { Budget } from "../budget.ts";
import type { Rule, Trs } from "../trs.ts";
import type { CMonomial, COrder } from "../certificate.ts";
import { add, constant, mul, positive, power, variable, type Poly } from "./poly.ts";

export type Interpretation = readonly CMonomial[];

export interface PolynomialSearch {
  readonly strict: readonly Rule[];
  readonly weak: readonly Rule[];
  readonly domainMin: number;
  /** Candidate interpretations of a symbol of the given arity, tried in order. */
  readonly templates: (f: number, arity: number) => readonly Interpretation[];
}

export function evaluate(t: Term, interp: ReadonlyMap<number, Interpretation>): Poly {
  if (isVar(t)) return variable(varIndex(t));
  const args = t.args.map((a) => evaluate(a, interp));
  let out: Poly = new Map();
  for (const m of interp.get(t.head)!) {
    let term = constant(m.coefficient);
    m.exponents.forEach((e, i) => {
      if (e > 0) term = mul(term, power(args[i]!, e));
    });
    out = add(out, term);
  }
  return out;
}

/** Whether [lhs] > [rhs] (strict) or [lhs] ≥ [rhs] on the naturals ≥ domainMin. */
export function decreases(
  r: Rule,
  interp: ReadonlyMap<number, Interpretation>,
  domainMin: number,
  strict: boolean,
): boolean {
  return positive(add(evaluate(r.lhs, interp), evaluate(r.rhs, interp), -1), domainMin, strict);
}

function symbolsOf(t: Term, out: Set<number>): Set<number> {
  if (!isVar(t)) {
    out.add(t.head);
    for (const a of t.args) symbolsOf(a, out);
  }
  return out;
}

/** Linear templates `c + a1·x1 + … + an·xn` with ai ∈ {1, 2}, c ∈ {0, 1, 2} (strictly monotone on N). */
export function linearTemplates(_f: number, arity: number): Interpretation[] {
  const out: Interpretation[] = [];
  const coeffs = (i: number, acc: number[]): void => {
    if (i === arity) {
      for (const c of [0, 1, 2]) {
        const ms: CMonomial[] = acc.map((a, j) => ({ coefficient: a, exponents: unit(arity, j) }));
        if (c > 0 || arity === 0) ms.push({ coefficient: c, exponents: new Array<number>(arity).fill(0) });
        out.push(ms);
      }
      return;
    }
    for (const a of [1, 2]) coeffs(i + 1, [...acc, a]);
  };
  coeffs(0, []);
  return out;
}

export function unit(arity: number, j: number): number[] {
  const e = new Array<number>(arity).fill(0);
  e[j] = 1;
  return e;
}

export function searchPolynomial(
  trs: Trs,
  spec: PolynomialSearch,
  budget: Budget,
): Map<number, Interpretation> | undefined {
  const rules = [...spec.strict.map((r) => ({ r, strict: true })), ...spec.weak.map((r) => ({ r, strict: false }))];
  const syms = rules.map(({ r }) => symbolsOf(r.rhs, symbolsOf(r.lhs, new Set())));
  // symbols ordered so that small rules are complete early
  const order: number[] = [];
  for (const i of rules.map((_, i) => i).sort((a, b) => syms[a]!.size - syms[b]!.size))
    for (const f of syms[i]!) if (!order.includes(f)) order.push(f);
  const ready = rules.map((_, k) => Math.max(...[...syms[k]!].map((f) => order.indexOf(f))));
  const interp = new Map<number, Interpretation>();
  const go = (i: number): boolean => {
    if (i === order.length) return true;
    const f = order[i]!;
    for (const cand of spec.templates(f, trs.bank.arity(f))) {
      budget.tick();
      interp.set(f, cand);
      let ok = true;
      for (let k = 0; k < rules.length && ok; k++) {
        if (ready[k] !== i) continue;
        const { r, strict } = rules[k]!;
        ok = positive(add(evaluate(r.lhs, interp), evaluate(r.rhs, interp), -1), spec.domainMin, strict);
      }
      if (ok && go(i + 1)) return true;
    }
    interp.delete(f);
    return false;
  };
  if (!go(0)) return undefined;
  for (const f of trs.symbols) if (!interp.has(f)) interp.set(f, spec.templates(f, trs.bank.arity(f))[0]!);
  return interp;
}

export function polynomialOrder(
  trs: Trs,
  interp: ReadonlyMap<number, Interpretation>,
  domainMin: number,
): COrder & { kind: "polynomial" } {
  const interpretation: Record<string, readonly CMonomial[]> = {};
  for (const [f, ms] of interp) interpretation[trs.bank.symbolName(f)] = ms;
  return { kind: "polynomial", domainMin, interpretation };
}

/** A strictly monotone linear interpretation on N making every rule decrease. */
export function findPolynomial(trs: Trs, budget: Budget): COrder | undefined {
  const interp = searchPolynomial(
    trs,
    { strict: trs.rules, weak: [], domainMin: 0, templates: linearTemplates },
    budget,
  );
  return interp && polynomialOrder(trs, interp, 0);
}

export function describePolynomial(order: COrder): string {
  if (order.kind !== "polynomial") return "";
  const parts = Object.entries(order.interpretation).map(([f, ms]) => {
    const n = ms[0]?.exponents.length ?? 0;
    const xs = Array.from({ length: n }, (_, i) => `x${i + 1}`);
    const body = ms
      .map((m) => {
        const factors = m.exponents.flatMap((e, i) => (e === 0 ? [] : [e === 1 ? xs[i]! : `${xs[i]}^${e}`]));
        if (factors.length === 0) return `${m.coefficient}`;
        return (m.coefficient === 1 ? "" : `${m.coefficient}·`) + factors.join("·");
      })
      .join(" + ");
    return `[${f}](${xs.join(", ")}) = ${body || "0"}`;
  });
  return `over the naturals ≥ ${order.domainMin}: ${parts.join(", ")}`;
}

function mono(coefficient: number, ...exponents: number[]): CMonomial {
  return { coefficient, exponents };
}

/**
 * Templates over the naturals ≥ 1, including the associative and commutative `x + y + c`, `x·y` and
 * `x·y + x + y`, for relative termination modulo AC-like rules.
 */
export function naturalTemplates(_f: number, arity: number): Interpretation[] {
  if (arity === 0) return [[mono(1)], [mono(2)], [mono(3)], [mono(4)]];
  if (arity === 1)
    return [
      [mono(1, 1), mono(1, 0)],
      [mono(2, 1)],
      [mono(1, 1), mono(2, 0)],
      [mono(2, 1), mono(1, 0)],
      [mono(1, 1)],
      [mono(3, 1)],
      [mono(1, 2), mono(1, 0)],
      [mono(2, 1), mono(2, 0)],
    ];
  if (arity === 2)
    return [
      [mono(1, 1, 0), mono(1, 0, 1)],
      [mono(1, 1, 0), mono(1, 0, 1), mono(1, 0, 0)],
      [mono(1, 1, 0), mono(1, 0, 1), mono(2, 0, 0)],
      [mono(1, 1, 1), mono(1, 1, 0), mono(1, 0, 1)],
      [mono(1, 1, 1)],
      [mono(2, 1, 0), mono(1, 0, 1)],
      [mono(1, 1, 0), mono(2, 0, 1)],
      [mono(2, 1, 0), mono(2, 0, 1)],
      [mono(2, 1, 1)],
      [mono(1, 1, 1), mono(1, 1, 0), mono(1, 0, 1), mono(1, 0, 0)],
    ];
  return linearTemplates(_f, arity);
}
