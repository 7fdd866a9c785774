// Church–Rosser modulo reversible rules (Huet 1980, Lemma 2.7), with Aoto and Toyama's reduction-preserving
// completion: R = S ∪ P is confluent when P undoes itself and S is Church–Rosser modulo P (see proveCrModulo).
import { isVar, isLinear, varsOf, type Term } from "../term.ts";
import { attempt, type Budget } from "../budget.ts";
import { explore, derivationTo } from "../explore.ts";
import { Rewriter, type Step } from "../rewrite.ts";
import { criticalPairsOf, renamedApart, type CriticalPair } from "../critical-pairs.ts";
import { embeds } from "../termination/prove.ts";
import { searchPolynomial, polynomialOrder, naturalTemplates, describePolynomial } from "../termination/polynomial.ts";
import { toCSteps, toCTerm, type CJoin, type CPair, type CStep, type Certificate } from "../certificate.ts";
import { showTerm, showDerivation, showPair, type Analysis, type Proof } from "../analysis.ts";
import { withRules, type Rule, type Trs } from "../trs.ts";

const EQUIV_LIMITS = { maxTerms: 3000, maxSize: 80 };
const DERIVE_LIMITS = { maxTerms: 600, maxSize: 60 };

/** The largest set of rules (with non-variable sides) each of which is undone by the set. */
export function reversibleCore(trs: Trs, budget: Budget): { rules: Rule[]; inverses: Map<Rule, Step[]> } {
  let core = trs.rules.filter((r) => !isVar(r.rhs) && varsOf(r.lhs).every((v) => varsOf(r.rhs).includes(v)));
  for (;;) {
    const rw = new Rewriter(trs, core);
    const inverses = new Map<Rule, Step[]>();
    const next = core.filter((r) => {
      const reach = attempt(() =>
        explore(rw, r.rhs, { maxTerms: 400, maxSize: 60 }, budget.slice(10), (u) => u === r.lhs),
      );
      if (!reach?.parent.has(r.lhs)) return false;
      inverses.set(r, derivationTo(reach, r.lhs));
      return true;
    });
    if (next.length === core.length) return { rules: core, inverses };
    core = next;
  }
}

/** The inverse of a P rule, numbered -k for rule k so it never counts as the same rule as another. */
function inverse(r: Rule): Rule {
  return { index: -2 - r.index, lhs: r.rhs, rhs: r.lhs, span: r.span };
}

/** Rule k is numbered k; the inverse of rule k is numbered -k. */
export function number(r: Rule): number {
  return r.index + 1;
}

interface ModuloJoin {
  readonly left: Step[];
  readonly right: Step[];
  readonly equiv: Step[];
}

const MAX_ADDED = 8;

/**
 * Split R into S and a part P whose rules are undone within P, so that ↔*P = →*P. If S is left-linear,
 * S/P terminates, and every critical pair of S with S, and of S with P or P⁻¹ (either way round), is
 * joinable modulo P (s →*S · ↔*P · ←*S t), then S is Church–Rosser modulo P and R is confluent.
 * A pair whose S-normal forms are not P-equivalent, but one rewrites to the other in R, becomes a new
 * rule of S (reduction-preserving completion: →* is unchanged), and the test is repeated.
 */
export function proveCrModulo(a: Analysis, budget: Budget): Proof | undefined {
  const core = reversibleCore(a.trs, budget);
  let trs = a.trs;
  const added: { lhs: Term; rhs: Term; steps: Step[] }[] = [];
  for (;;) {
    if (budget.expired()) return undefined;
    const P = trs.rules.filter((r) => r.index < a.trs.rules.length && core.rules.some((q) => q.index === r.index));
    const inverses = new Map(P.map((r) => [r, core.inverses.get(a.trs.rules[r.index]!)!] as const));
    const result = attempt(() => tryCrModulo(trs, P, inverses, budget));
    if (!result) return undefined;
    if ("proof" in result) return added.length === 0 ? result.proof : withAdded(a.trs, trs, added, result.proof);
    if (added.length >= MAX_ADDED) return undefined;
    const rule = attempt(() => derivableRule(trs, result.stuck[0], result.stuck[1], budget));
    if (!rule) return undefined;
    added.push(rule);
    trs = withRules(trs, [...trs.rules, rule]);
  }
}

/** A left-linear rule s -> t or t -> s derivable in the system, if any. */
function derivableRule(
  trs: Trs,
  s: Term,
  t: Term,
  budget: Budget,
): { lhs: Term; rhs: Term; steps: Step[] } | undefined {
  const rw = new Rewriter(trs);
  for (const [l, r] of [
    [s, t],
    [t, s],
  ] as const) {
    if (isVar(l) || !isLinear(l) || !varsOf(r).every((v) => varsOf(l).includes(v))) continue;
    const reach = explore(rw, l, DERIVE_LIMITS, budget.slice(30), (u) => u === r);
    if (reach.parent.has(r)) return { lhs: l, rhs: r, steps: derivationTo(reach, r) };
  }
  return undefined;
}

function withAdded(
  original: Trs,
  extended: Trs,
  added: readonly { lhs: Term; rhs: Term; steps: Step[] }[],
  proof: Proof,
): Proof {
  const b = original.bank;
  const lines = [
    "Add rules derivable in the system (this leaves →* unchanged):",
    ...added.map(
      (x, i) =>
        `  [${original.rules.length + i + 1}] ${showTerm(extended, x.lhs)} -> ${showTerm(extended, x.rhs)}, as ${showDerivation(extended, x.lhs, x.steps)}`,
    ),
    ...proof.lines,
  ];
  const certificate: Certificate = {
    answer: "YES",
    criterion: "redundant-rules",
    added: added.map((x) => ({ lhs: toCTerm(b, x.lhs), rhs: toCTerm(b, x.rhs), steps: toCSteps(b, x.steps) })),
    removed: [],
    proof: proof.certificate,
  };
  return { certificate, lines };
}

function tryCrModulo(
  trs: Trs,
  P: readonly Rule[],
  inverses: ReadonlyMap<Rule, Step[]>,
  budget: Budget,
): { proof: Proof } | { stuck: [Term, Term] } | undefined {
  const S = trs.rules.filter((r) => !P.includes(r));
  if (P.length === 0 || S.length === 0 || !S.every((r) => isLinear(r.lhs))) return undefined;
  if (S.some((r) => embeds(r.lhs, r.rhs))) return undefined; // no monotone interpretation on N≥1 makes it decrease
  const interp = searchPolynomial(
    trs,
    { strict: S, weak: P, domainMin: 1, templates: naturalTemplates },
    budget.slice(200),
  );
  if (!interp) return undefined;
  const order = polynomialOrder(trs, interp, 1);
  const sRw = new Rewriter(trs, S);
  const pRw = new Rewriter(trs, P);
  const pairs: CriticalPair[] = [];
  const copies = new Map<Rule, { lhs: Term; rhs: Term }>();
  const copy = (r: Rule) => copies.get(r) ?? copies.set(r, renamedApart(trs, r)).get(r)!;
  const both = [...P, ...P.map(inverse)];
  for (const o of S) for (const i of [...S, ...both]) pairs.push(...criticalPairsOf(trs, o, i, copy(i)));
  for (const o of both) for (const i of S) pairs.push(...criticalPairsOf(trs, o, i, copy(i)));
  const entries: (CPair & CJoin & { equivSteps: CStep[] })[] = [];
  const lines = [
    `Split the rules into S = {${S.map(number).join(", ")}} and P = {${P.map(number).join(", ")}}; every rule of P is undone within P:`,
    ...P.map((r) => `  [${number(r)}] ${showDerivation(trs, r.rhs, inverses.get(r)!)}`),
    `S is left-linear and S/P terminates: ${describePolynomial(order)} (S decreases, P does not increase).`,
    `All ${pairs.length} critical pairs of S with S, P and P⁻¹ are joinable modulo P:`,
  ];
  for (const cp of pairs) {
    const j = joinModulo(sRw, pRw, cp.left, cp.right, budget);
    if ("stuck" in j) return j;
    const b = trs.bank;
    entries.push({
      outer: number(cp.outer),
      inner: number(cp.inner),
      pos: cp.pos.map((i) => i + 1),
      peak: toCTerm(b, cp.peak),
      left: toCTerm(b, cp.left),
      right: toCTerm(b, cp.right),
      leftSteps: toCSteps(b, j.left),
      rightSteps: toCSteps(b, j.right),
      equivSteps: toCSteps(b, j.equiv),
    });
    lines.push(
      `  ${showPair(trs, cp)}`,
      `    ${showDerivation(trs, cp.left, j.left)}`,
      `    ${showDerivation(trs, cp.right, j.right)}`,
    );
    if (j.equiv.length) lines.push(`    ${showDerivation(trs, j.left.at(-1)?.to ?? cp.left, j.equiv)}  (P)`);
  }
  lines.push("Hence S is Church–Rosser modulo P (Huet), and since ↔*P = →*P the system is confluent.");
  const certificate: Certificate = {
    answer: "YES",
    criterion: "cr-modulo",
    symmetric: P.map(number),
    inverses: P.map((r) => ({ rule: number(r), steps: toCSteps(trs.bank, inverses.get(r)!) })),
    order,
    pairs: entries,
  };
  return { proof: { certificate, lines } };
}

/** S-normal forms of s and t, and P-steps from the first to the second. */
function joinModulo(
  sRw: Rewriter,
  pRw: Rewriter,
  s: Term,
  t: Term,
  budget: Budget,
): ModuloJoin | { stuck: [Term, Term] } {
  const left = sRw.derivation(s, budget);
  const right = sRw.derivation(t, budget);
  const ls = left.at(-1)?.to ?? s;
  const rt = right.at(-1)?.to ?? t;
  if (ls === rt) return { left, right, equiv: [] };
  const reach = explore(pRw, ls, EQUIV_LIMITS, budget, (u) => u === rt);
  if (!reach.parent.has(rt)) return { stuck: [ls, rt] };
  return { left, right, equiv: derivationTo(reach, rt) };
}
