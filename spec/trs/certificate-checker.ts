// The independent certificate checker: re-validates every YES/NO certificate of the TRS prover
// against the parsed rules, with its own terms, critical pairs, orders and non-joinability tests.
import type { TrsProblem } from "../../grammar/trs/ast.ts";
import type { CJoin, Certificate } from "../../engine/check/trs/certificate.ts";
import { criticalPairs, criticalPairsAmong, findEntry } from "./checker/critical-pairs.ts";
import { checkOrder } from "./checker/orders.ts";
import { checkNonJoinable } from "./checker/nonjoinable.ts";
import { eq, fromC, fromSyntax, key, matchT, replay, vars, type R, type T } from "./checker/terms.ts";

export interface System {
  readonly rules: readonly R[];
  readonly arity: ReadonlyMap<string, number>;
}

export function systemOf(problem: TrsProblem): System {
  return {
    rules: problem.rules.map((r) => ({ l: fromSyntax(r.lhs), r: fromSyntax(r.rhs) })),
    arity: new Map(problem.funs.map((f) => [f.name, f.arity])),
  };
}

/** Throws an Error saying what is wrong unless `cert` proves its answer for the problem. */
export function checkCertificate(problem: TrsProblem, cert: Certificate): void {
  check(systemOf(problem), JSON.parse(JSON.stringify(cert)) as Certificate);
}

function linear(t: T): boolean {
  const vs: string[] = [];
  const walk = (u: T): boolean => ("v" in u ? (vs.includes(u.v) ? false : (vs.push(u.v), true)) : u.a.every(walk));
  return walk(t);
}

function joins(sys: System, s: T, t: T, j: CJoin, maxLeft = Infinity): void {
  if (j.leftSteps.length > maxLeft) throw new Error("too many steps on the left");
  const a = replay(sys.rules, s, j.leftSteps, sys.arity);
  const b = replay(sys.rules, t, j.rightSteps, sys.arity);
  if (!eq(a, b)) throw new Error(`join ends in ${key(a)} and ${key(b)}`);
}

function check(sys: System, cert: Certificate): void {
  const { rules, arity } = sys;
  const cps = () => criticalPairs(rules);
  switch (cert.criterion) {
    case "weakly-orthogonal":
      if (!rules.every((r) => linear(r.l))) throw new Error("not left-linear");
      for (const cp of cps())
        if (!eq(cp.left, cp.right)) throw new Error(`non-trivial critical pair ${key(cp.left)} / ${key(cp.right)}`);
      return;
    case "knuth-bendix": {
      const bad = checkOrder(cert.order, rules, [], arity);
      if (bad) throw new Error(`termination: ${bad}`);
      for (const cp of cps()) {
        const { entry, left, right } = findEntry(cp, cert.joins, arity);
        joins(sys, left, right, entry);
      }
      return;
    }
    case "development-closed": {
      if (!rules.every((r) => linear(r.l))) throw new Error("not left-linear");
      for (const cp of cps()) {
        const { entry, left, right } = findEntry(cp, cert.pairs, arity);
        const via = fromC(entry.via, arity);
        if (cp.pos.length > 0 && entry.rightSteps.length > 0)
          throw new Error("only overlays may rewrite the right side");
        if (!eq(replay(rules, right, entry.rightSteps, arity), via)) throw new Error("right side does not reach via");
        if (!develops(rules, left, via)) throw new Error(`${key(left)} does not develop to ${key(via)}`);
      }
      return;
    }
    case "strongly-closed":
      if (!rules.every((r) => linear(r.l) && linear(r.r))) throw new Error("not linear");
      for (const cp of cps()) {
        const { entry, left, right } = findEntry(cp, cert.pairs, arity);
        joins(sys, left, right, entry.leftToRight, 1);
        joins(sys, right, left, entry.rightToLeft, 1);
      }
      return;
    case "rule-labelling": {
      if (!rules.every((r) => linear(r.l) && linear(r.r))) throw new Error("not linear");
      if (cert.labels.length !== rules.length || cert.labels.some((x) => !Number.isInteger(x) || x < 0))
        throw new Error("bad labels");
      const lab = (k: number) => cert.labels[k - 1]!;
      for (const cp of cps()) {
        const { entry, left, right } = findEntry(cp, cert.pairs, arity);
        joins(sys, left, right, entry);
        const alpha = lab(cp.inner);
        const beta = lab(cp.outer);
        if (
          !decreasing(
            entry.leftSteps.map((s) => lab(s.rule)),
            alpha,
            beta,
          ) ||
          !decreasing(
            entry.rightSteps.map((s) => lab(s.rule)),
            beta,
            alpha,
          )
        )
          throw new Error(`critical peak ${key(cp.peak)} is not decreasing`);
      }
      return;
    }
    case "reversible":
      rules.forEach((r, i) => {
        const inv = cert.inverses.find((x) => x.rule === i + 1);
        if (!inv) throw new Error(`no inverse derivation for rule ${i + 1}`);
        if (!eq(replay(rules, r.r, inv.steps, arity), r.l)) throw new Error(`rule ${i + 1} is not undone`);
      });
      return;
    case "redundant-rules":
      return checkRedundant(sys, cert);
    case "cr-modulo":
      return checkCrModulo(sys, cert);
    case "disjoint-union":
      return checkDisjointUnion(sys, cert);
    case "non-joinable-peak": {
      const peak = fromC(cert.peak, arity);
      const s = replay(rules, peak, cert.left, arity);
      const t = replay(rules, peak, cert.right, arity);
      checkNonJoinable(rules, s, t, cert.reason, arity);
      return;
    }
  }
}

function checkRedundant(sys: System, cert: Certificate & { criterion: "redundant-rules" }): void {
  if (cert.answer !== cert.proof.answer) throw new Error("the inner proof answers differently");
  if (cert.answer === "NO" && cert.removed.length > 0)
    throw new Error("removing rules does not preserve non-confluence");
  const rules = [...sys.rules];
  for (const add of cert.added) {
    const l = fromC(add.lhs, sys.arity);
    const r = fromC(add.rhs, sys.arity);
    if ("v" in l || !vars(r).every((v) => vars(l).includes(v))) throw new Error("an added rule is not a rewrite rule");
    if (!eq(replay(rules, l, add.steps, sys.arity), r))
      throw new Error(`added rule ${key(l)} -> ${key(r)} is not derivable`);
    rules.push({ l, r });
  }
  const removed = new Set<number>();
  for (const x of cert.removed) {
    const rule = rules[x.rule - 1];
    if (!rule || removed.has(x.rule)) throw new Error(`no rule ${x.rule} to remove`);
    removed.add(x.rule);
    const used = [...x.join.leftSteps, ...x.join.rightSteps].find((s) => removed.has(s.rule));
    if (used) throw new Error(`the join of removed rule ${x.rule} uses removed rule ${used.rule}`);
    joins({ rules, arity: sys.arity }, rule.l, rule.r, x.join);
  }
  check({ rules: rules.filter((_, i) => !removed.has(i + 1)), arity: sys.arity }, cert.proof);
}

/** Groups partitioning the rules, over pairwise disjoint function symbols, each with its own proof. */
function checkDisjointUnion(sys: System, cert: Certificate & { criterion: "disjoint-union" }): void {
  const all = cert.components.flatMap((c) => c.rules);
  if (all.length !== sys.rules.length || new Set(all).size !== all.length || all.some((k) => !sys.rules[k - 1]))
    throw new Error("the groups do not partition the rules");
  const syms = (t: T, out: Set<string>): Set<string> =>
    "v" in t ? out : (out.add(t.f), t.a.forEach((x) => syms(x, out)), out);
  const owner = new Map<string, number>();
  cert.components.forEach((c, i) => {
    for (const k of c.rules)
      for (const f of syms(sys.rules[k - 1]!.r, syms(sys.rules[k - 1]!.l, new Set()))) {
        if ((owner.get(f) ?? i) !== i) throw new Error(`symbol '${f}' is shared between groups`);
        owner.set(f, i);
      }
  });
  for (const c of cert.components) {
    if (c.proof.answer !== "YES") throw new Error("a group is not proved confluent");
    check({ rules: c.rules.map((k) => sys.rules[k - 1]!), arity: sys.arity }, c.proof);
  }
}

/** S ∪ P with P undone within P, S left-linear, S/P terminating, critical pairs joinable modulo P. */
function checkCrModulo(sys: System, cert: Certificate & { criterion: "cr-modulo" }): void {
  const { rules, arity } = sys;
  const inP = new Set(cert.symmetric);
  if (inP.size !== cert.symmetric.length || cert.symmetric.some((k) => !rules[k - 1])) throw new Error("bad P");
  const P = rules.map((r, i) => [i + 1, r] as const).filter(([k]) => inP.has(k));
  const S = rules.map((r, i) => [i + 1, r] as const).filter(([k]) => !inP.has(k));
  const only = (keep: readonly (readonly [number, R])[]): R[] =>
    rules.map((r, i) => (keep.some(([k]) => k === i + 1) ? r : { l: { f: "⟨unusable⟩", a: [] }, r: r.r }));
  const sRules = only(S);
  const pRules = only(P);
  for (const [k, r] of P) {
    if ("v" in r.l || "v" in r.r) throw new Error(`P rule ${k} has a variable side`);
    const inv = cert.inverses.find((x) => x.rule === k);
    if (!inv || !eq(replay(pRules, r.r, inv.steps, arity), r.l)) throw new Error(`P rule ${k} is not undone within P`);
  }
  if (!S.every(([, r]) => linear(r.l))) throw new Error("S is not left-linear");
  const bad = checkOrder(
    cert.order,
    S.map(([, r]) => r),
    P.map(([, r]) => r),
    arity,
  );
  if (bad) throw new Error(`relative termination: ${bad}`);
  const both = [...P, ...P.map(([k, r]) => [-k, { l: r.r, r: r.l }] as const)];
  const cps = [...criticalPairsAmong(S, [...S, ...both]), ...criticalPairsAmong(both, S)];
  for (const cp of cps) {
    const { entry, left, right } = findEntry(cp, cert.pairs, arity);
    const a = replay(sRules, left, entry.leftSteps, arity);
    const b = replay(sRules, right, entry.rightSteps, arity);
    if (!eq(replay(pRules, a, entry.equivSteps, arity), b))
      throw new Error(`pair ${key(left)} / ${key(right)} is not joinable modulo P`);
  }
}

/** Whether labels form ↠<α · →=β · ↠<max(α,β), written from the definition: some split point works. */
function decreasing(labels: readonly number[], alpha: number, beta: number): boolean {
  for (let i = 0; i <= labels.length; i++) {
    if (!labels.slice(0, i).every((l) => l < alpha)) break;
    const rest = labels.slice(i);
    const tail = rest[0] === beta ? rest.slice(1) : rest;
    if (tail.every((l) => l < alpha || l < beta) || rest.every((l) => l < alpha || l < beta)) return true;
  }
  return false;
}

/** t →o s: s is obtained from t by contracting a set of nested, non-overlapping redexes. */
export function develops(rules: readonly R[], t: T, s: T): boolean {
  if (eq(t, s)) return true;
  if ("v" in t) return false;
  if (!("v" in s) && s.f === t.f && t.a.every((x, i) => develops(rules, x, s.a[i]!))) return true;
  for (const r of rules) {
    const sigma = matchT(r.l, t);
    const tau = sigma && matchT(r.r, s);
    if (sigma && tau && [...tau].every(([x, u]) => develops(rules, sigma.get(x)!, u))) return true;
  }
  return false;
}
