// Almost development closedness (van Oostrom 1997): a left-linear system is confluent when each critical
// pair left ← peak → right has left →o right (a development), or left →o · ←* right for overlays.
import { isVar, type Term } from "../term.ts";
import { match } from "../matching.ts";
import { isOverlay, type CriticalPair } from "../critical-pairs.ts";
import { isLeftLinear } from "../trs.ts";
import { attempt, type Budget } from "../budget.ts";
import { explore, derivationTo } from "../explore.ts";
import { toCSteps, toCTerm } from "../certificate.ts";
import { certPair } from "./knuth-bendix.ts";
import { showDerivation, showPair, showTerm, type Analysis, type Proof } from "../analysis.ts";
import type { Rewriter } from "../rewrite.ts";

/** Decides t →o s: s is the result of contracting a set of (possibly nested) redexes of t. */
export class Developer {
  private readonly memo = new Map<string, boolean>();
  private readonly rw: Rewriter;

  constructor(rw: Rewriter) {
    this.rw = rw;
  }

  develops(t: Term, s: Term): boolean {
    if (t === s) return true;
    if (isVar(t)) return false;
    const key = `${t.id},${s.id}`;
    const known = this.memo.get(key);
    if (known !== undefined) return known;
    this.memo.set(key, false);
    let result = !isVar(s) && s.head === t.head && t.args.every((a, i) => this.develops(a, s.args[i]!));
    for (const r of this.rw.rules) {
      if (result) break;
      if (r.lhs.head !== t.head) continue;
      const sigma = match(r.lhs, t);
      const tau = sigma && match(r.rhs, s);
      if (!sigma || !tau) continue;
      result = [...tau].every(([x, u]) => this.develops(sigma.get(x)!, u));
    }
    this.memo.set(key, result);
    return result;
  }
}

const LIMITS = { maxTerms: 300, maxSize: 60 };

export function proveDevelopmentClosed(a: Analysis, budget: Budget): Proof | undefined {
  if (!isLeftLinear(a.trs) || a.cps.length === 0) return undefined;
  const dev = new Developer(a.rw);
  const lines = ["The system is left-linear and almost development closed:"];
  const pairs = [];
  for (const cp of a.cps) {
    const found = attempt(() => closePair(a, dev, cp, budget));
    if (!found) return undefined;
    const rightSteps = found.steps;
    pairs.push({
      ...certPair(a, cp),
      via: toCTerm(a.trs.bank, found.via),
      rightSteps: toCSteps(a.trs.bank, rightSteps),
    });
    lines.push(`  ${showPair(a.trs, cp)}`);
    lines.push(
      `    ${showTerm(a.trs, cp.left)} →o ${showTerm(a.trs, found.via)}` +
        (rightSteps.length ? `;  ${showDerivation(a.trs, cp.right, rightSteps)}` : ""),
    );
  }
  lines.push("Hence the system is confluent (van Oostrom's development closedness theorem).");
  return { certificate: { answer: "YES", criterion: "development-closed", pairs }, lines };
}

function closePair(a: Analysis, dev: Developer, cp: CriticalPair, budget: Budget) {
  if (dev.develops(cp.left, cp.right)) return { via: cp.right, steps: [] };
  if (!isOverlay(cp)) return undefined;
  const reach = explore(a.rw, cp.right, LIMITS, budget, (u) => dev.develops(cp.left, u));
  for (const u of reach.parent.keys()) if (dev.develops(cp.left, u)) return { via: u, steps: derivationTo(reach, u) };
  return undefined;
}
