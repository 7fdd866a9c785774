// What a stage of `prr check` hands back: its verdict, the lines of its report (certificates,
// summaries) and its findings as diagnostics at .prr spans.
import type { Diagnostic } from "../../support/diagnostics.ts";

export type StageName = "overlap" | "termination" | "confluence" | "soundness";
export const STAGES: readonly StageName[] = ["overlap", "termination", "confluence", "soundness"];

/** pass: proved; fail: a finding; unknown: neither proved nor refuted; skipped: not run. */
export type Verdict = "pass" | "fail" | "unknown" | "skipped";

export interface StageResult {
  readonly stage: StageName;
  readonly ruleSet: string;
  readonly verdict: Verdict;
  readonly lines: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
  /** Undecided for a reason no finding carries (e.g. confluence without a termination proof). */
  readonly openWithoutFinding: boolean;
}

export function stageResult(
  stage: StageName,
  ruleSet: string,
  lines: readonly string[],
  diagnostics: readonly Diagnostic[],
  undecided = false,
  openWithoutFinding = false,
): StageResult {
  const fails = diagnostics.some((d) => d.severity === "error");
  const open = undecided || openWithoutFinding;
  return { stage, ruleSet, verdict: fails ? "fail" : open ? "unknown" : "pass", lines, diagnostics, openWithoutFinding };
}
