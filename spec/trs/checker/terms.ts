// The certificate checker's own terms: plain trees with structural equality, substitution,
// matching, unification and rewrite-step replay, written apart from the prover's engine.
import type { TermSyntax } from "../../../grammar/trs/ast.ts";
import type { CStep, CTerm } from "../../../engine/check/trs/certificate.ts";

export type T = { readonly v: string } | { readonly f: string; readonly a: readonly T[] };
export interface R {
  readonly l: T;
  readonly r: T;
}
export type Sub = Map<string, T>;

export function fromSyntax(t: TermSyntax): T {
  return t.kind === "var" ? { v: t.name } : { f: t.name, a: t.args.map(fromSyntax) };
}

/** Reads a certificate term, checking symbols and arities against the signature. */
export function fromC(c: CTerm, arity: ReadonlyMap<string, number>): T {
  if (typeof c === "string") {
    if (arity.has(c)) throw new Error(`'${c}' is a function symbol, not a variable`);
    return { v: c };
  }
  const [f, ...args] = c;
  if (arity.get(f) !== args.length) throw new Error(`'${f}' applied to ${args.length} arguments`);
  return { f, a: args.map((x) => fromC(x, arity)) };
}

export function key(t: T): string {
  return "v" in t ? `?${t.v}` : t.a.length === 0 ? t.f : `${t.f}(${t.a.map(key).join(",")})`;
}

export function eq(s: T, t: T): boolean {
  return key(s) === key(t);
}

export function vars(t: T, out: string[] = []): string[] {
  if ("v" in t) {
    if (!out.includes(t.v)) out.push(t.v);
  } else for (const x of t.a) vars(x, out);
  return out;
}

export function subst(t: T, s: Sub): T {
  if ("v" in t) return s.get(t.v) ?? t;
  return { f: t.f, a: t.a.map((x) => subst(x, s)) };
}

export function matchT(p: T, t: T, s: Sub = new Map()): Sub | undefined {
  if ("v" in p) {
    const b = s.get(p.v);
    if (b === undefined) s.set(p.v, t);
    else if (!eq(b, t)) return undefined;
    return s;
  }
  if ("v" in t || p.f !== t.f || p.a.length !== t.a.length) return undefined;
  for (let i = 0; i < p.a.length; i++) if (!matchT(p.a[i]!, t.a[i]!, s)) return undefined;
  return s;
}

/** Most general unifier by the rule-based algorithm, with occurs check. */
export function unifyT(s: T, t: T): Sub | undefined {
  const sub: Sub = new Map();
  const todo: [T, T][] = [[s, t]];
  while (todo.length) {
    let [a, b] = todo.pop()!;
    a = subst(a, sub);
    b = subst(b, sub);
    if (eq(a, b)) continue;
    if (!("v" in a) && "v" in b) [a, b] = [b, a];
    if ("v" in a) {
      if (vars(b).includes(a.v)) return undefined;
      const one: Sub = new Map([[a.v, b]]);
      for (const [k, x] of sub) sub.set(k, subst(x, one));
      sub.set(a.v, b);
      continue;
    }
    if ("v" in b || a.f !== b.f || a.a.length !== b.a.length) return undefined;
    for (let i = 0; i < a.a.length; i++) todo.push([a.a[i]!, b.a[i]!]);
  }
  return sub;
}

export function at(t: T, pos: readonly number[]): T | undefined {
  let u: T = t;
  for (const i of pos) {
    if ("v" in u || i < 1 || i > u.a.length) return undefined;
    u = u.a[i - 1]!;
  }
  return u;
}

export function replace(t: T, pos: readonly number[], u: T, d = 0): T {
  if (d === pos.length) return u;
  if ("v" in t) throw new Error("position below a variable");
  const i = pos[d]! - 1;
  return { f: t.f, a: t.a.map((x, j) => (j === i ? replace(x, pos, u, d + 1) : x)) };
}

/** Non-variable positions (1-based paths). */
export function funPositions(t: T, prefix: number[] = [], out: number[][] = []): number[][] {
  if ("v" in t) return out;
  out.push(prefix.slice());
  t.a.forEach((x, i) => funPositions(x, [...prefix, i + 1], out));
  return out;
}

/** Whether `to` results from `from` by rule `rules[n-1]` at `pos`; throws with the reason otherwise. */
export function replayStep(rules: readonly R[], from: T, step: CStep, arity: ReadonlyMap<string, number>): T {
  const rule = rules[step.rule - 1];
  if (!rule) throw new Error(`no rule ${step.rule}`);
  const sub = at(from, step.pos);
  if (!sub) throw new Error(`no position ${step.pos.join(".")} in ${key(from)}`);
  const m = matchT(rule.l, sub);
  if (!m) throw new Error(`rule ${step.rule} does not apply at ${step.pos.join(".") || "root"} of ${key(from)}`);
  const expected = replace(from, step.pos, subst(rule.r, m));
  const claimed = fromC(step.term, arity);
  if (!eq(expected, claimed)) throw new Error(`step by rule ${step.rule} gives ${key(expected)}, not ${key(claimed)}`);
  return expected;
}

export function replay(rules: readonly R[], from: T, steps: readonly CStep[], arity: ReadonlyMap<string, number>): T {
  let t = from;
  for (const s of steps) t = replayStep(rules, t, s, arity);
  return t;
}

/** Whether (s1, t1) and (s2, t2) are equal up to a bijective renaming of variables. */
export function variantPair(s1: T, t1: T, s2: T, t2: T): boolean {
  const p1: T = { f: "⟨pair⟩", a: [s1, t1] };
  const p2: T = { f: "⟨pair⟩", a: [s2, t2] };
  const m = matchT(p1, p2);
  if (!m) return false;
  const images = [...m.values()];
  return images.every((x) => "v" in x) && new Set(images.map(key)).size === images.length;
}
