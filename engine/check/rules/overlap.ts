// Stage 1, overlap and shadowing (priority-aware): rules of equal priority whose left-hand sides
// unify at the root with satisfiable guards and whose results do not join; and rules a
// higher-priority rule always matches first (an instance of its pattern, its guard implied).
import { diag, type Diagnostic } from "../../support/diagnostics.ts";
import { applySubst, type Subst } from "../trs/substitution.ts";
import { matchInto } from "../trs/matching.ts";
import type { Term } from "../trs/term.ts";
import type { Rule } from "../../rewrite/rule.ts";
import { peaksOf, type Peak } from "./peaks.ts";
import type { TermRule } from "./rule-terms.ts";
import { stageResult, type StageResult } from "./findings.ts";
import { joinPeak, peakNotes, type CheckContext, type Joined } from "./context.ts";
import { nativeOverlaps } from "./native-overlap.ts";

export async function checkOverlap(cx: CheckContext): Promise<StageResult> {
  const diagnostics: Diagnostic[] = [];
  const reported = new Set<string>();
  let overlaps = 0;
  let undecided = 0;
  const rules = cx.terms.rules;
  for (let i = 0; i < rules.length; i++)
    for (let j = 0; j < rules.length; j++) {
      const a = rules[i]!;
      const b = rules[j]!;
      if (a.rule === b.rule || a.rule.priority !== b.rule.priority || a.rule.order > b.rule.order) continue;
      const key = `${a.rule.name}|${b.rule.name}`;
      if (reported.has(key)) continue;
      for (const p of peaksOf(cx.terms, a, b, true)) {
        const joined = await joinPeak(cx, p);
        if (joined.kind === "infeasible") continue;
        overlaps++;
        if (joined.kind === "joined") continue;
        if (joined.kind === "unknown") undecided++;
        reported.add(key);
        diagnostics.push(overlapDiagnostic(cx, p, joined));
        break;
      }
    }
  const shadowed = await shadowing(cx);
  diagnostics.push(...shadowed);
  const lines = [
    `${overlaps} root overlap${overlaps === 1 ? "" : "s"} of equal-priority rules, ${reported.size} with different results`,
    `${shadowed.length} unreachable rule${shadowed.length === 1 ? "" : "s"}`,
  ];
  const natives = nativeOverlaps(cx.terms);
  lines.push(...natives.lines);
  diagnostics.push(...natives.diagnostics);
  return stageResult("overlap", cx.set.name, lines, diagnostics, undecided + natives.diagnostics.length > 0);
}

function overlapDiagnostic(cx: CheckContext, p: Peak, j: Joined): Diagnostic {
  const a = p.outer.rule;
  const b = p.inner.rule;
  const how = j.kind === "unknown" ? "may give different results (could not be decided)" : "give different results";
  return diag(
    "PRR3201",
    `rules '${a.name}' and '${b.name}' have equal priority (${a.priority}), match the same IR and ${how}: the outcome depends on their order`,
    a.span,
    [{ span: b.span, message: `'${b.name}' overlaps here` }, ...peakNotes(cx, p, j)],
  );
}

/** Rules that a higher-priority rule always matches first. */
async function shadowing(cx: CheckContext): Promise<Diagnostic[]> {
  const out: Diagnostic[] = [];
  const byRule = new Map<Rule, TermRule[]>();
  for (const r of cx.terms.rules) (byRule.get(r.rule) ?? byRule.set(r.rule, []).get(r.rule)!).push(r);
  for (const [victim, variants] of byRule) {
    for (const [masker, maskerVariants] of byRule) {
      if (masker.priority <= victim.priority) continue;
      let all = true;
      for (const v of variants) if (!(await maskedBy(cx, v, maskerVariants))) all = false;
      if (!all) continue;
      out.push(
        diag("PRR3202", `rule '${victim.name}' never applies: '${masker.name}' (priority ${masker.priority}) matches everything it matches first`, victim.span, [
          { span: masker.span, message: `'${masker.name}' is defined here` },
        ]),
      );
      break;
    }
  }
  return out;
}

async function maskedBy(cx: CheckContext, v: TermRule, maskers: readonly TermRule[]): Promise<boolean> {
  for (const m of maskers) {
    if (m.typed) continue; // its type constraints may reject what the terms show it matching
    const s: Subst = new Map();
    if (!matchInto(m.lhs, v.lhs, s)) continue;
    if (m.guards.length === 0) return true;
    const guards = m.guards.map((g: Term) => applySubst(cx.terms.bank, g, s));
    const c = cx.constraints([v.lhs, ...v.guards, ...guards]);
    const r = await c.implies(v.guards, (env) => env.z.And(...guards.map((g) => cx.boolOf(env, g))));
    if (r === "valid") return true;
  }
  return false;
}
