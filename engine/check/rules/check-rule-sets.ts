// `prr check` on rule sets: runs the chosen stages (overlap, termination, confluence, soundness)
// on each rule set, with z3 started once, only when a stage needs it. Rule sets that another
// checked set includes are checked as part of it (its findings contain theirs).
import { diag } from "../../support/diagnostics.ts";
import type { RuleSet } from "../../rewrite/sema/rule-set.ts";
import { CheckContext } from "./context.ts";
import type { Context } from "../../ir/context.ts";
import { DEFAULT_DIFFERENTIAL, type DifferentialOptions } from "./differential/differential.ts";
import { checkConfluence } from "./confluence.ts";
import { stageResult, type StageName, type StageResult } from "./findings.ts";
import { checkOverlap } from "./overlap.ts";
import { ruleTerms } from "./rule-terms.ts";
import { applyExplanations } from "./explained.ts";
import { Smt } from "./smt.ts";
import { checkSoundness } from "./soundness.ts";
import { checkTermination } from "./termination.ts";

export interface RuleSetReport {
  readonly ruleSet: string;
  readonly rules: number;
  readonly stages: readonly StageResult[];
  readonly ms: number;
  readonly detail: string;
}

export interface CheckOptions {
  /** The context the sets were compiled in; without it, rules z3 cannot encode are not tested. */
  readonly ctx?: Context;
  readonly differential?: DifferentialOptions;
}

export async function checkRuleSets(sets: readonly RuleSet[], stages: ReadonlySet<StageName>, options: CheckOptions = {}): Promise<RuleSetReport[]> {
  const needsSmt = stages.has("overlap") || stages.has("confluence") || stages.has("soundness");
  const smt = needsSmt ? await Smt.load() : undefined;
  try {
    const out: RuleSetReport[] = [];
    for (const set of sets) out.push(await checkRuleSet(set, stages, smt, options));
    return out;
  } finally {
    if (smt instanceof Smt) await smt.close();
  }
}

async function checkRuleSet(set: RuleSet, stages: ReadonlySet<StageName>, smt: Smt | string | undefined, options: CheckOptions): Promise<RuleSetReport> {
  const start = Date.now();
  const terms = ruleTerms(set);
  const results: StageResult[] = [];
  const untranslated = terms.untranslated.map((u) =>
    diag("PRR3208", `rule '${u.rule.name}' is not analysed by the overlap, termination and confluence stages: ${u.problem}`, u.rule.span, [], "warning"),
  );
  let terminates = false;
  if (stages.has("termination") || stages.has("confluence")) {
    const t = checkTermination(set, terms);
    terminates = t.proved;
    if (stages.has("termination")) results.push(t.result);
  }
  const ir = options.ctx ? { ctx: options.ctx, differential: options.differential ?? DEFAULT_DIFFERENTIAL } : undefined;
  const cx = smt instanceof Smt ? new CheckContext(set, terms, smt, ir) : undefined;
  const noSmt = (stage: StageName) =>
    stageResult(stage, set.name, [`skipped: ${typeof smt === "string" ? smt : "no solver"}`], [diag("PRR9003", `stage '${stage}' needs z3: ${String(smt)}`, undefined)]);
  if (stages.has("overlap")) results.unshift(cx ? await checkOverlap(cx) : noSmt("overlap"));
  if (stages.has("confluence")) results.push(cx ? await checkConfluence(cx, terminates) : noSmt("confluence"));
  if (stages.has("soundness")) results.push(cx ? await checkSoundness(cx) : noSmt("soundness"));
  if (untranslated.length > 0) {
    // the stages over terms saw only the other rules: they cannot pass for the whole set
    const names = terms.untranslated.map((u) => u.rule.name).join(", ");
    for (let i = 0; i < results.length; i++) {
      const r = results[i]!;
      if (r.stage === "soundness") continue;
      const lines = [...r.lines, `not analysed (${untranslated.length} rules, see PRR3208): ${names}`];
      const diagnostics = i === 0 ? [...untranslated, ...r.diagnostics] : r.diagnostics;
      results[i] = stageResult(r.stage, r.ruleSet, lines, diagnostics, r.verdict === "unknown" && !r.openWithoutFinding, true);
    }
  }
  for (let i = 0; i < results.length; i++) results[i] = applyExplanations(set, results[i]!);
  const smtLine = smt instanceof Smt ? `, ${smt.queries} SMT queries (${smt.solverCalls} reached the solver)` : "";
  return { ruleSet: set.name, rules: set.rules.length, stages: results, ms: Date.now() - start, detail: `${terms.rules.length} rule variants${smtLine}` };
}

/** The sets to check: those no other given set includes (by rule identity). */
export function outermostSets(sets: readonly RuleSet[]): { check: RuleSet[]; partOf: Map<string, string> } {
  const partOf = new Map<string, string>();
  const spans = (s: RuleSet) => new Set(s.rules.map((r) => `${r.span.file.path}:${r.span.start}`));
  const all = sets.map((s) => ({ s, keys: spans(s) }));
  for (const a of all)
    for (const b of all) {
      if (a === b || partOf.has(a.s.name) || b.keys.size <= a.keys.size) continue;
      if ([...a.keys].every((k) => b.keys.has(k))) partOf.set(a.s.name, b.s.name);
    }
  return { check: sets.filter((s) => !partOf.has(s.name)), partOf };
}
