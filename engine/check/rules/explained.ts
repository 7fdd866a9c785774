// Findings a rule's comment explains: a comment line `check-allow: STAGE [RULE...] — reason`
// above a rule accepts that stage's findings on it (with those other rules only, if named);
// they are reported as notes with the reason and do not fail the check.
import type { Diagnostic } from "../../support/diagnostics.ts";
import type { Rule } from "../../rewrite/rule.ts";
import type { RuleSet } from "../../rewrite/sema/rule-set.ts";
import { stageResult, type StageResult } from "./findings.ts";

interface Allowance {
  readonly stage: string;
  readonly others: readonly string[];
  readonly reason: string;
}

const ALLOW = /^check-allow:\s*(overlap|termination|confluence|soundness)\b([^—:]*)(?:—|:)\s*(.+)$/;

function allowances(rule: Rule): Allowance[] {
  const out: Allowance[] = [];
  for (const line of rule.doc?.split("\n") ?? []) {
    const m = ALLOW.exec(line.trim());
    if (m) out.push({ stage: m[1]!, others: m[2]!.trim().split(/[\s,]+/).filter(Boolean), reason: m[3]!.trim() });
  }
  return out;
}

/** The stage result with the findings that rule comments explain turned into notes. */
export function applyExplanations(set: RuleSet, result: StageResult): StageResult {
  const bySpan = new Map(set.rules.map((r) => [r.span, r]));
  let changed = false;
  const diagnostics = result.diagnostics.map((d) => {
    if (d.severity === "note" || d.span === undefined) return d;
    const rules = [d.span, ...d.notes.map((n) => n.span)].map((s) => (s ? bySpan.get(s) : undefined)).filter((r): r is Rule => r !== undefined);
    const reason = explanation(result.stage, rules);
    if (reason === undefined) return d;
    changed = true;
    return explainedDiagnostic(d, reason);
  });
  if (!changed) return result;
  const undecided = diagnostics.some((d) => d.severity === "warning" && d.code !== "PRR3208");
  const lines = [...result.lines, `${diagnostics.filter((d) => d.message.startsWith("explained:")).length} finding(s) explained in rule comments`];
  return stageResult(result.stage, result.ruleSet, lines, diagnostics, undecided, result.openWithoutFinding);
}

function explanation(stage: string, rules: readonly Rule[]): string | undefined {
  for (const r of rules) {
    const others = rules.filter((o) => o !== r).map((o) => o.name);
    for (const a of allowances(r)) {
      if (a.stage !== stage) continue;
      if (a.others.length === 0 || others.every((o) => a.others.includes(o))) return a.reason;
    }
  }
  return undefined;
}

function explainedDiagnostic(d: Diagnostic, reason: string): Diagnostic {
  return { ...d, severity: "note", message: `explained: ${d.message}`, notes: [{ span: undefined, message: `the rule's comment says: ${reason}` }, ...d.notes] };
}
