// The confluence prover: runs the criteria from cheapest to strongest within a time budget and
// answers YES or NO with a proof, or MAYBE. It never guesses: every answer carries a certificate.
import { Budget, attempt } from "./budget.ts";
import { analyse, showRules, type Analysis, type Proof } from "./analysis.ts";
import type { Trs } from "./trs.ts";
import { proveWeaklyOrthogonal } from "./criteria/orthogonal.ts";
import { proveKnuthBendix } from "./criteria/knuth-bendix.ts";
import { proveDevelopmentClosed } from "./criteria/development-closed.ts";
import { proveStronglyClosed } from "./criteria/strongly-closed.ts";
import { proveReversible } from "./criteria/reversible.ts";
import { quickNonConfluence, deepNonConfluence } from "./criteria/non-confluence.ts";
import { proveByRemovingRules } from "./criteria/redundant-rules.ts";
import { proveCrModulo } from "./criteria/cr-modulo.ts";
import { proveRuleLabelling } from "./criteria/rule-labelling.ts";
import { proveDisjointUnion, type Criterion } from "./criteria/modularity.ts";

export type Answer = "YES" | "NO" | "MAYBE";

export interface Outcome {
  readonly answer: Answer;
  /** The criterion that decided, e.g. `knuth-bendix`. */
  readonly criterion: string | undefined;
  readonly proof: Proof | undefined;
  /** The readable account: the system, then the proof (or what was tried). */
  readonly lines: readonly string[];
}

interface Stage {
  readonly name: string;
  /** Share of the total time this stage may use. */
  readonly share: number;
  readonly run: (a: Analysis, budget: Budget) => Proof | undefined;
}

/** The criteria that prove confluence of a system on their own, cheapest first. */
const DIRECT: readonly Criterion[] = [
  (a) => proveWeaklyOrthogonal(a),
  (a, b) => proveKnuthBendix(a, b),
  proveDevelopmentClosed,
  proveStronglyClosed,
  proveRuleLabelling,
];

const STAGES: readonly Stage[] = [
  { name: "non-joinable critical pair", share: 0.15, run: quickNonConfluence },
  { name: "weakly-orthogonal", share: 0.05, run: (a) => proveWeaklyOrthogonal(a) },
  { name: "knuth-bendix", share: 0.25, run: (a, b) => proveKnuthBendix(a, b) },
  { name: "development-closed", share: 0.1, run: proveDevelopmentClosed },
  { name: "strongly-closed", share: 0.1, run: proveStronglyClosed },
  { name: "reversible", share: 0.1, run: proveReversible },
  { name: "rule-labelling", share: 0.1, run: proveRuleLabelling },
  { name: "cr-modulo", share: 0.2, run: proveCrModulo },
  { name: "redundant rules", share: 0.2, run: (a, b) => proveByRemovingRules(a, b, DIRECT) },
  {
    name: "disjoint union",
    share: 0.2,
    run: (a, b) => proveDisjointUnion(a, b, [...DIRECT, proveCrModulo, (x, b2) => proveByRemovingRules(x, b2, DIRECT)]),
  },
  { name: "non-joinable peak", share: 0.3, run: deepNonConfluence },
];

/** Receives each stage's name and duration (for profiling). */
export type StageTrace = (stage: string, ms: number, decided: boolean) => void;

/** Part of the time limit kept free of proof search, for reporting and for overshoot between budget checks. */
const RESERVE = 0.1;

export function checkConfluence(trs: Trs, timeoutMs = 1000, trace?: StageTrace): Outcome {
  const total = Budget.ms(timeoutMs * (1 - RESERVE));
  const a = analyse(trs);
  const header = ["Rules:", ...showRules(trs)];
  const tried: string[] = [];
  for (const stage of STAGES) {
    if (total.expired()) break;
    tried.push(stage.name);
    const start = performance.now();
    const proof = attempt(() => stage.run(a, total.slice(timeoutMs * stage.share)));
    trace?.(stage.name, performance.now() - start, proof !== undefined);
    if (proof) {
      const criterion = proof.certificate.criterion;
      return { answer: proof.certificate.answer, criterion, proof, lines: [...header, "", ...proof.lines] };
    }
  }
  return {
    answer: "MAYBE",
    criterion: undefined,
    proof: undefined,
    lines: [
      ...header,
      "",
      `Tried: ${tried.join(", ")}${tried.length < STAGES.length ? " (then the time limit was reached)" : ""}.`,
      "None of them decided confluence.",
    ],
  };
}
