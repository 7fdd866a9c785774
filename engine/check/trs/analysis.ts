// What every criterion shares about one system: its rewriter, its critical pairs, its caps,
// and the shape of a proof (a certificate plus the lines a user reads).
import { Rewriter } from "./rewrite.ts";
import { criticalPairs, type CriticalPair } from "./critical-pairs.ts";
import { Capper } from "./tcap.ts";
import { printPos, printTerm, type Term } from "./term.ts";
import { ruleLabel, type Trs } from "./trs.ts";
import type { Certificate } from "./certificate.ts";
import type { Step } from "./rewrite.ts";

export interface Analysis {
  readonly trs: Trs;
  readonly rw: Rewriter;
  /** All critical pairs, computed on first use. */
  readonly cps: readonly CriticalPair[];
  readonly capper: Capper;
}

export function analyse(trs: Trs): Analysis {
  let cps: CriticalPair[] | undefined;
  return {
    trs,
    rw: new Rewriter(trs),
    get cps() {
      return (cps ??= criticalPairs(trs));
    },
    capper: new Capper(trs),
  };
}

/** A decided answer: the certificate and a readable account of it. */
export interface Proof {
  readonly certificate: Certificate;
  readonly lines: readonly string[];
}

export function showTerm(trs: Trs, t: Term): string {
  return printTerm(trs.bank, t);
}

/** `f(a) → f(b) [2 at 1] → …` as one line. */
export function showDerivation(trs: Trs, from: Term, steps: readonly Step[]): string {
  let out = showTerm(trs, from);
  for (const s of steps) out += ` →[${s.rule.index + 1}@${printPos(s.pos)}] ${showTerm(trs, s.to)}`;
  return out;
}

export function showPair(trs: Trs, cp: CriticalPair): string {
  return (
    `${showTerm(trs, cp.left)} ← ${showTerm(trs, cp.peak)} → ${showTerm(trs, cp.right)}` +
    `  (rule ${cp.inner.index + 1} at ${printPos(cp.pos)}, rule ${cp.outer.index + 1} at ε)`
  );
}

export function showRules(trs: Trs): string[] {
  return trs.rules.map((r) => `  ${ruleLabel(trs, r)}`);
}
