// Stage 3, local confluence: every critical pair (a left-hand side overlapping another, or itself,
// at an operand position; commutative variants included) whose combined guards can hold must
// join by rewriting both results. Root overlaps of equal priority are the overlap stage's; at
// different priorities only the higher rule ever rewrites the root.
import { diag, type Diagnostic } from "../../support/diagnostics.ts";
import { printPos } from "../trs/term.ts";
import { peaksOf } from "./peaks.ts";
import { stageResult, type StageResult } from "./findings.ts";
import { joinPeak, peakNotes, type CheckContext } from "./context.ts";
import { nativeCriticalPairs } from "./native-confluence.ts";

export async function checkConfluence(cx: CheckContext, terminates: boolean): Promise<StageResult> {
  const diagnostics: Diagnostic[] = [];
  const reported = new Set<string>();
  let pairs = 0;
  let infeasible = 0;
  let undecided = 0;
  for (const outer of cx.terms.rules)
    for (const inner of cx.terms.rules)
      for (const p of peaksOf(cx.terms, outer, inner, false)) {
        if (p.pos.length === 0) continue;
        pairs++;
        const key = `${outer.rule.name}|${inner.rule.name}|${printPos(p.pos)}`;
        if (reported.has(key)) continue;
        const j = await joinPeak(cx, p);
        if (j.kind === "infeasible") infeasible++;
        if (j.kind === "infeasible" || j.kind === "joined") continue;
        if (j.kind === "unknown") undecided++;
        reported.add(key);
        const verdict = j.kind === "unknown" ? "could not be joined (undecided)" : "does not join";
        diagnostics.push(
          diag(
            "PRR3205",
            `critical pair of '${outer.rule.name}' and '${inner.rule.name}' (at operand position ${printPos(p.pos)}) ${verdict}`,
            outer.rule.span,
            [{ span: inner.rule.span, message: `'${inner.rule.name}' rewrites inside the match of '${outer.rule.name}'` }, ...peakNotes(cx, p, j)],
            j.kind === "unknown" ? "warning" : "error",
          ),
        );
      }
  const lines = [`${pairs} critical pair${pairs === 1 ? "" : "s"} at nested positions, ${infeasible} with unsatisfiable guards, ${reported.size} not joined`];
  const natives = nativeCriticalPairs(cx.terms);
  lines.push(...natives.lines);
  diagnostics.push(...natives.diagnostics);
  undecided += natives.diagnostics.length;
  if (reported.size + natives.diagnostics.length === 0)
    lines.push(terminates ? "all critical pairs join and the set terminates: confluent" : "all critical pairs join: locally confluent (termination not proved, so not confluence)");
  return stageResult("confluence", cx.set.name, lines, diagnostics, undecided > 0, !terminates);
}
