// The checker's own reduction orders: LPO and KBO from their definitions, and polynomial
// interpretations compared by absolute positiveness on the shifted domain.
import type { CMonomial, COrder } from "../../../engine/check/trs/certificate.ts";
import { eq, vars, type R, type T } from "./terms.ts";
import { checkDependencyPairs } from "./dependency-pairs.ts";

function occurrences(t: T, v: string): number {
  return "v" in t ? (t.v === v ? 1 : 0) : t.a.reduce((n, x) => n + occurrences(x, v), 0);
}

function lpoGt(s: T, t: T, rank: (f: string) => number): boolean {
  if ("v" in s) return false;
  if ("v" in t) return occurrences(s, t.v) > 0;
  if (s.a.some((si) => eq(si, t) || lpoGt(si, t, rank))) return true;
  const allArgs = () => t.a.every((tj) => lpoGt(s, tj, rank));
  if (s.f !== t.f) return rank(s.f) < rank(t.f) && allArgs();
  for (let i = 0; i < s.a.length; i++) {
    if (eq(s.a[i]!, t.a[i]!)) continue;
    return lpoGt(s.a[i]!, t.a[i]!, rank) && allArgs();
  }
  return false;
}

function kboWeight(t: T, w: Readonly<Record<string, number>>, w0: number): number {
  return "v" in t ? w0 : (w[t.f] ?? NaN) + t.a.reduce((n, x) => n + kboWeight(x, w, w0), 0);
}

function kboGt(s: T, t: T, w: Readonly<Record<string, number>>, w0: number, rank: (f: string) => number): boolean {
  if ("v" in s) return false;
  for (const v of vars(t)) if (occurrences(s, v) < occurrences(t, v)) return false;
  if ("v" in t) return occurrences(s, t.v) > 0; // s = f^n(t) with weight-0 f, or heavier
  const ws = kboWeight(s, w, w0);
  const wt = kboWeight(t, w, w0);
  if (ws > wt) return true;
  if (ws < wt || Number.isNaN(ws) || Number.isNaN(wt)) return false;
  if (s.f !== t.f) return rank(s.f) < rank(t.f);
  for (let i = 0; i < s.a.length; i++) if (!eq(s.a[i]!, t.a[i]!)) return kboGt(s.a[i]!, t.a[i]!, w, w0, rank);
  return false;
}

/** A polynomial as a map from monomial (sorted `var^exp` list) to coefficient. */
type P = Map<string, number>;

function pAdd(a: P, b: P, k = 1): P {
  const o = new Map(a);
  for (const [m, c] of b) o.set(m, (o.get(m) ?? 0) + k * c);
  return o;
}
function pMul(a: P, b: P): P {
  const o: P = new Map();
  for (const [ma, ca] of a)
    for (const [mb, cb] of b) {
      const e = new Map<string, number>();
      for (const part of [...ma.split("·"), ...mb.split("·")].filter(Boolean)) {
        const [v, n] = part.split("^");
        e.set(v!, (e.get(v!) ?? 0) + Number(n));
      }
      const m = [...e]
        .sort(([x], [y]) => (x < y ? -1 : 1))
        .map(([v, n]) => `${v}^${n}`)
        .join("·");
      o.set(m, (o.get(m) ?? 0) + ca * cb);
    }
  return o;
}

/** [t] with every variable x read as (x + shift), so coefficients speak about x ≥ shift. */
function interpret(t: T, I: Readonly<Record<string, readonly CMonomial[]>>, shift: number): P {
  if ("v" in t)
    return new Map([
      [`${t.v}^1`, 1],
      ["", shift],
    ]);
  const args = t.a.map((x) => interpret(x, I, shift));
  const ms = I[t.f];
  if (!ms) throw new Error(`no interpretation for '${t.f}'`);
  let out: P = new Map();
  for (const m of ms) {
    if (m.coefficient < 0 || m.exponents.length !== t.a.length) throw new Error(`bad monomial for '${t.f}'`);
    let p: P = new Map([["", m.coefficient]]);
    m.exponents.forEach((e, i) => {
      for (let k = 0; k < e; k++) p = pMul(p, args[i]!);
    });
    out = pAdd(out, p);
  }
  return out;
}

/** Strict monotonicity and closure of the domain for every interpreted symbol. */
function polyWellFormed(
  I: Readonly<Record<string, readonly CMonomial[]>>,
  min: number,
  arity: ReadonlyMap<string, number>,
): string | undefined {
  for (const [f, n] of arity) {
    const ms = I[f];
    if (!ms) return `no interpretation for '${f}'`;
    if (
      ms.some(
        (m) => m.coefficient < 0 || m.exponents.length !== n || m.exponents.some((e) => e < 0 || !Number.isInteger(e)),
      )
    )
      return `bad interpretation of '${f}'`;
    for (let i = 0; i < n; i++) {
      const grows = ms.some(
        (m) =>
          m.coefficient > 0 && m.exponents[i]! > 0 && (min >= 1 || m.exponents.every((e, j) => j === i || e === 0)),
      );
      if (!grows) return `[${f}] is not strictly monotone in argument ${i + 1}`;
    }
    const atMin = ms.reduce((s, m) => s + m.coefficient * m.exponents.reduce((p, e) => p * min ** e, 1), 0);
    if (atMin < min) return `[${f}] leaves the domain`;
  }
  return undefined;
}

export function polyGe(
  l: T,
  r: T,
  I: Readonly<Record<string, readonly CMonomial[]>>,
  min: number,
  strict: boolean,
): boolean {
  const d = pAdd(interpret(l, I, min), interpret(r, I, min), -1);
  for (const c of d.values()) if (c < 0) return false;
  return !strict || (d.get("") ?? 0) > 0;
}

/** Why `order` fails to orient `strict` rules strictly and `weak` rules weakly, or undefined when it is a valid proof. */
export function checkOrder(
  order: COrder,
  strict: readonly R[],
  weak: readonly R[],
  arity: ReadonlyMap<string, number>,
): string | undefined {
  if (order.kind === "polynomial") {
    const bad = polyWellFormed(order.interpretation, order.domainMin, arity);
    if (bad) return bad;
    for (const r of strict)
      if (!polyGe(r.l, r.r, order.interpretation, order.domainMin, true)) return "a rule does not decrease";
    for (const r of weak)
      if (!polyGe(r.l, r.r, order.interpretation, order.domainMin, false)) return "a rule increases";
    return undefined;
  }
  if (weak.length > 0) return "path orders and dependency pairs are only used for strict decrease";
  if (order.kind === "dependency-pairs") return checkDependencyPairs(strict, arity, order);
  const prec = order.precedence;
  if (new Set(prec).size !== prec.length) return "precedence repeats a symbol";
  for (const f of arity.keys()) if (!prec.includes(f)) return `precedence misses '${f}'`;
  const rank = (f: string) => prec.indexOf(f);
  if (order.kind === "lpo")
    return strict.every((r) => lpoGt(r.l, r.r, rank)) ? undefined : "LPO does not orient every rule";
  const { weights: w, variableWeight: w0 } = order;
  if (!(w0 > 0)) return "variable weight must be positive";
  for (const [f, n] of arity) {
    const wf = w[f];
    if (wf === undefined || wf < 0 || !Number.isInteger(wf)) return `bad weight for '${f}'`;
    if (n === 0 && wf < w0) return `constant '${f}' lighter than variables`;
    if (wf === 0 && !(n === 1 && rank(f) === 0)) return `weight-0 symbol '${f}' must be unary and greatest`;
  }
  return strict.every((r) => kboGt(r.l, r.r, w, w0, rank)) ? undefined : "KBO does not orient every rule";
}
