// The checker's own dependency pair argument: it recomputes the pairs and the estimated
// dependency graph (term caps), and demands a step for every cyclic component it finds.
import type { CDependencyPairs } from "../../../engine/check/trs/certificate.ts";
import { polyGe } from "./orders.ts";
import { at, eq, unifyT, type R, type T } from "./terms.ts";

function positions(t: T, prefix: number[] = [], out: number[][] = []): number[][] {
  if ("v" in t) return out;
  out.push(prefix);
  t.a.forEach((x, i) => positions(x, [...prefix, i + 1], out));
  return out;
}

let fresh = 0;

/** Calls that may be rewritten at their root, and variables, become fresh variables. */
function tcap(rules: readonly R[], t: T): T {
  if ("v" in t) return { v: `⟨z${fresh++}⟩` };
  const u: T = { f: t.f, a: t.a.map((x) => tcap(rules, x)) };
  return rules.some((r) => unifyT(r.l, u)) ? { v: `⟨z${fresh++}⟩` } : u;
}

function subtermEq(s: T, t: T): boolean {
  return eq(s, t) || (!("v" in s) && s.a.some((x) => subtermEq(x, t)));
}

/** Components of the graph restricted to `nodes` that contain a cycle, by transitive closure. */
function cyclicComponents(nodes: readonly number[], edge: (i: number, j: number) => boolean): number[][] {
  const reach = new Map(nodes.map((i) => [i, new Set(nodes.filter((j) => edge(i, j)))]));
  for (const k of nodes)
    for (const i of nodes) if (reach.get(i)!.has(k)) for (const j of reach.get(k)!) reach.get(i)!.add(j);
  const out: number[][] = [];
  const seen = new Set<number>();
  for (const i of nodes) {
    if (seen.has(i) || !reach.get(i)!.has(i)) continue;
    const comp = nodes.filter((j) => j === i || (reach.get(i)!.has(j) && reach.get(j)!.has(i)));
    comp.forEach((j) => seen.add(j));
    out.push(comp);
  }
  return out;
}

export function checkDependencyPairs(
  rules: readonly R[],
  arity: ReadonlyMap<string, number>,
  cert: CDependencyPairs,
): string | undefined {
  const defined = new Set(rules.map((r) => ("v" in r.l ? "" : r.l.f)));
  const marks = new Map(Object.entries(cert.marks));
  for (const f of defined) {
    const m = marks.get(f);
    if (m === undefined || arity.has(m) || [...marks].some(([g, n]) => g !== f && n === m))
      return `bad mark for '${f}'`;
  }
  const markT = (t: T): T => ("v" in t ? t : { f: marks.get(t.f)!, a: t.a });
  const pairs: R[] = [];
  const listed: string[] = [];
  rules.forEach((r, k) => {
    for (const p of positions(r.r)) {
      const u = at(r.r, p)!;
      if ("v" in u || !defined.has(u.f)) continue;
      pairs.push({ l: markT(r.l), r: markT(u) });
      listed.push(`${k + 1}@${p.join(".")}`);
    }
  });
  if (listed.join(" ") !== cert.pairs.map((p) => `${p.rule}@${p.pos.join(".")}`).join(" "))
    return "the dependency pairs differ";
  const caps = pairs.map((p) => ("v" in p.r ? p.r : { f: p.r.f, a: p.r.a.map((x) => tcap(rules, x)) }));
  const edge = (i: number, j: number) => unifyT(caps[i]!, pairs[j]!.l) !== undefined;
  const finite = (nodes: readonly number[]): string | undefined => {
    for (const scc of cyclicComponents(nodes, edge)) {
      const step = cert.steps.find((s) => [...s.scc].sort((a, b) => a - b).join() === scc.join());
      if (!step) return `no step for the cycle {${scc.join(", ")}}`;
      if (step.removed.length === 0 || step.removed.some((i) => !scc.includes(i))) return "a step removes nothing";
      if (step.projection) {
        const proj = step.projection;
        for (const i of scc) {
          const { l, r } = pairs[i]!;
          if ("v" in l || "v" in r) return "bad pair";
          const s = l.a[(proj[l.f] ?? 0) - 1];
          const t = r.a[(proj[r.f] ?? 0) - 1];
          if (!s || !t || !subtermEq(s, t)) return "the projection does not decrease";
          if (step.removed.includes(i) && eq(s, t)) return "the projection does not decrease strictly";
        }
      } else if (step.interpretation) {
        const I = step.interpretation;
        try {
          if (!rules.every((r) => polyGe(r.l, r.r, I, 0, false))) return "a rule increases";
          for (const i of scc)
            if (!polyGe(pairs[i]!.l, pairs[i]!.r, I, 0, step.removed.includes(i))) return "a pair does not decrease";
        } catch (e) {
          return (e as Error).message;
        }
      } else return "a step has no argument";
      const rest = finite(scc.filter((i) => !step.removed.includes(i)));
      if (rest) return rest;
    }
    return undefined;
  };
  return finite(pairs.map((_, i) => i));
}
