// Modularity (Toyama 1987): a system whose rules split into groups sharing no function symbol is
// confluent when every group is, each group proved by whichever criterion suits it.
import { isVar, type Term } from "../term.ts";
import type { Budget } from "../budget.ts";
import { analyse, type Analysis, type Proof } from "../analysis.ts";
import { ruleLabel, withRules, type Rule, type Trs } from "../trs.ts";
import type { Certificate } from "../certificate.ts";

export type Criterion = (a: Analysis, budget: Budget) => Proof | undefined;

function symbols(t: Term, out: Set<number>): Set<number> {
  if (!isVar(t)) {
    out.add(t.head);
    for (const a of t.args) symbols(a, out);
  }
  return out;
}

/** The rules grouped into classes that share no function symbol with each other. */
export function disjointComponents(trs: Trs): Rule[][] {
  const owner = new Map<number, number>();
  const parent = trs.rules.map((r) => r.index);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (const r of trs.rules)
    for (const f of symbols(r.rhs, symbols(r.lhs, new Set()))) {
      const o = owner.get(f);
      if (o === undefined) owner.set(f, r.index);
      else parent[find(o)] = find(r.index);
    }
  const groups = new Map<number, Rule[]>();
  for (const r of trs.rules) (groups.get(find(r.index)) ?? groups.set(find(r.index), []).get(find(r.index))!).push(r);
  return [...groups.values()];
}

export function proveDisjointUnion(a: Analysis, budget: Budget, criteria: readonly Criterion[]): Proof | undefined {
  const groups = disjointComponents(a.trs);
  if (groups.length < 2) return undefined;
  const lines = [
    `The rules form ${groups.length} systems over disjoint signatures; each is confluent, hence so is their union (Toyama):`,
  ];
  const components: { rules: number[]; proof: Certificate }[] = [];
  for (const [k, rules] of groups.entries()) {
    const part = analyse(withRules(a.trs, rules));
    const share = Math.max(0, budget.deadline - Date.now()) / (groups.length - k);
    let proof: Proof | undefined;
    for (const criterion of criteria) {
      if (budget.expired()) return undefined;
      proof = criterion(part, budget.slice(share / 2));
      if (proof?.certificate.answer === "YES") break;
      proof = undefined;
    }
    if (!proof) return undefined;
    components.push({ rules: rules.map((r) => r.index + 1), proof: proof.certificate });
    lines.push(`Part ${k + 1}, rules ${rules.map((r) => r.index + 1).join(", ")} (renumbered):`);
    lines.push(...part.trs.rules.map((r) => `  ${ruleLabel(part.trs, r)}`), ...proof.lines.map((l) => `  ${l}`));
  }
  return { certificate: { answer: "YES", criterion: "disjoint-union", components }, lines };
}
