// A brute-force oracle against wrong answers: each YES on random small systems is tested on every small
// ground term with finitely many reducts (there, enumeration decides confluence); certificates must check.
import { describe, expect, it } from "vitest";
import { problem } from "./systems.ts";
import { trsFromProblem, type Trs } from "../../engine/check/trs/trs.ts";
import { checkConfluence } from "../../engine/check/trs/prove.ts";
import { Rewriter } from "../../engine/check/trs/rewrite.ts";
import { explore } from "../../engine/check/trs/explore.ts";
import { Budget } from "../../engine/check/trs/budget.ts";
import { printTerm, type Term } from "../../engine/check/trs/term.ts";
import { checkCertificate } from "./certificate-checker.ts";

/** A deterministic generator (mulberry32), so that failures reproduce. */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SIG: [string, number][] = [
  ["f", 2],
  ["g", 1],
  ["a", 0],
  ["b", 0],
];

function randomTerm(r: () => number, depth: number, vars: readonly string[]): string {
  if (depth === 0 || r() < 0.3) {
    const leaves = [...vars, "a", "b"];
    return leaves[Math.floor(r() * leaves.length)]!;
  }
  const [f, n] = SIG[Math.floor(r() * 2)]!;
  return `(${f} ${Array.from({ length: n }, () => randomTerm(r, depth - 1, vars)).join(" ")})`;
}

function randomSystem(r: () => number): string {
  const rules: string[] = [];
  const count = 1 + Math.floor(r() * 3);
  while (rules.length < count) {
    const lhs = randomTerm(r, 2, ["x", "y"]);
    if (lhs === "x" || lhs === "y") continue;
    const lvars = ["x", "y"].filter((v) => new RegExp(`\\b${v}\\b`).test(lhs));
    rules.push(`(rule ${lhs} ${randomTerm(r, 2, lvars)})`);
  }
  return `${SIG.map(([f, n]) => `(fun ${f} ${n})`).join("")}${rules.join("")}`;
}

function groundTerms(trs: Trs, depth: number): Term[] {
  const b = trs.bank;
  let terms = [b.app(b.symbolOf("a")!, []), b.app(b.symbolOf("b")!, [])];
  for (let d = 0; d < depth; d++) {
    const next = [...terms];
    for (const t of terms) next.push(b.app(b.symbolOf("g")!, [t]));
    for (const s of terms) for (const t of terms) next.push(b.app(b.symbolOf("f")!, [s, t]));
    terms = [...new Set(next)];
  }
  return terms;
}

/** A ground term with a finite set of reducts, two of which have no common reduct. */
function counterexample(trs: Trs): string | undefined {
  const rw = new Rewriter(trs);
  const limits = { maxTerms: 60, maxSize: 30 };
  const budget = Budget.ms(2000);
  for (const t of groundTerms(trs, 2)) {
    const reach = explore(rw, t, limits, budget);
    if (!reach.complete) continue;
    const sets = new Map(
      [...reach.parent.keys()].map((u) => [u, new Set(explore(rw, u, limits, budget).parent.keys())]),
    );
    for (const [u, su] of sets)
      for (const [v, sv] of sets)
        if (![...su].some((w) => sv.has(w)))
          return `${printTerm(trs.bank, t)} →* ${printTerm(trs.bank, u)}, ${printTerm(trs.bank, v)}`;
  }
  return undefined;
}

/** Rules that make systems non-terminating or overlapping, so that the stronger criteria get exercised. */
const POOL = [
  "(rule (f x y) (f y x))",
  "(rule (f (f x y) z) (f x (f y z)))",
  "(rule (f x (f y z)) (f (f x y) z))",
  "(rule (f a x) x)",
  "(rule (f x a) x)",
  "(rule (f (g x) y) (g (f x y)))",
  "(rule (f x (g y)) (g (f x y)))",
  "(rule (g (g x)) x)",
  "(rule (g (g x)) (g x))",
  "(rule (g x) (g (g x)))",
  "(rule (g a) b)",
  "(rule a b)",
  "(rule b a)",
  "(rule (f x x) x)",
  "(rule (g b) (g a))",
  "(rule (f b x) (f x b))",
];

function pooledSystem(r: () => number): string {
  const count = 2 + Math.floor(r() * 3);
  const rules = new Set<string>();
  while (rules.size < count) rules.add(POOL[Math.floor(r() * POOL.length)]!);
  return `${SIG.map(([f, n]) => `(fun ${f} ${n})`).join("")}${[...rules].join("")}`;
}

function againstOracle(systems: readonly string[]): Record<string, number> {
  const tally: Record<string, number> = {};
  for (const text of systems) {
    const p = problem(text);
    const outcome = checkConfluence(trsFromProblem(p), 150);
    const key = `${outcome.answer} ${outcome.criterion ?? ""}`.trim();
    tally[key] = (tally[key] ?? 0) + 1;
    if (outcome.proof) expect(() => checkCertificate(p, outcome.proof!.certificate), text).not.toThrow();
    if (outcome.answer === "YES")
      expect(counterexample(trsFromProblem(p)), `${text} (${outcome.criterion})`).toBeUndefined();
  }
  return tally;
}

describe("random systems against a brute-force oracle", () => {
  it("never answers YES for a non-confluent system built from algebraic rules", () => {
    const r = rng(7);
    const tally = againstOracle(Array.from({ length: 200 }, () => pooledSystem(r)));
    console.log(`pooled systems: ${JSON.stringify(tally)}`);
  });

  it("the oracle finds a counterexample in a non-confluent system", () => {
    const trs = trsFromProblem(
      problem(`${SIG.map(([f, n]) => `(fun ${f} ${n})`).join("")}(rule (g a) b)(rule a (f b b))`),
    );
    expect(counterexample(trs)).toBe("g(a) →* b, g(f(b, b))");
  });

  it("never answers YES when a small ground term has two unjoinable reducts", () => {
    const r = rng(20250401);
    const tally = { YES: 0, NO: 0, MAYBE: 0 };
    const criteria = new Map<string, number>();
    for (let i = 0; i < 250; i++) {
      const text = randomSystem(r);
      const p = problem(text);
      const trs = trsFromProblem(p);
      const outcome = checkConfluence(trs, 150);
      tally[outcome.answer]++;
      criteria.set(outcome.criterion ?? "-", (criteria.get(outcome.criterion ?? "-") ?? 0) + 1);
      if (outcome.proof) expect(() => checkCertificate(p, outcome.proof!.certificate), text).not.toThrow();
      if (outcome.answer === "YES")
        expect(counterexample(trsFromProblem(p)), `${text} (${outcome.criterion})`).toBeUndefined();
    }
    console.log(
      `random systems: YES ${tally.YES}, NO ${tally.NO}, MAYBE ${tally.MAYBE}; by criterion ${JSON.stringify(Object.fromEntries(criteria))}`,
    );
    expect(tally.YES).toBeGreaterThan(20);
    expect(tally.NO).toBeGreaterThan(20);
  });
});
