// `prr check [FILE.prr...]`: the rule-set stages (overlap, termination, confluence and, with
// --verify, soundness) on the rule sets of the files, or of the shipped rules/ when none is given.
import type { Io } from "../io.ts";
import { Exit } from "../exit.ts";
import { createContext } from "../../../engine/dialects/index.ts";
import { RuleLibrary, shippedRulesDir } from "../../../engine/rewrite/library.ts";
import { builtinRegistry } from "../../../engine/rewrite/builtins.ts";
import { diag, diagnosticToJson, formatDiagnostic, type Diagnostic } from "../../../engine/support/diagnostics.ts";
import { checkRuleSets, outermostSets, type RuleSetReport } from "../../../engine/check/rules/check-rule-sets.ts";
import type { StageName } from "../../../engine/check/rules/findings.ts";
import type { DifferentialOptions } from "../../../engine/check/rules/differential/differential.ts";
import type { RuleSet } from "../../../engine/rewrite/sema/rule-set.ts";
import * as path from "node:path";

export interface RuleCheckOptions {
  readonly json: boolean;
  readonly stages: ReadonlySet<StageName>;
  readonly differential?: DifferentialOptions;
}

export async function checkRuleFiles(files: readonly string[], options: RuleCheckOptions, io: Io): Promise<number> {
  const library = new RuleLibrary(createContext({ allowUnregistered: false }), builtinRegistry());
  const roots = files.length > 0 ? files : [shippedRulesDir()];
  if (roots[0] === undefined) return fail([diag("PRR9002", "cannot find the shipped rules/ directory", undefined)], options, io);
  const named = new Set<string>();
  for (const f of roots) {
    if (files.length === 0) library.addDirectory(f!);
    else library.addFile(f!);
    named.add(path.resolve(f!));
  }
  const sets = library.all();
  if (library.diagnostics.length > 0) return fail(library.diagnostics, options, io);
  const own = files.length === 0 ? sets : sets.filter((s) => definedIn(s, named));
  const { check, partOf } = outermostSets(own);
  const reports = await checkRuleSets(check, options.stages, { ctx: library.ctx, differential: options.differential });
  const ok = reports.every((r) => r.stages.every((s) => s.verdict === "pass"));
  if (options.json) io.stdout(`${JSON.stringify(toJson(reports, partOf, ok), null, 2)}\n`);
  else print(reports, partOf, io);
  return ok ? Exit.ok : Exit.diagnostics;
}

function definedIn(s: RuleSet, files: ReadonlySet<string>): boolean {
  return files.has(path.resolve(s.span.file.path));
}

function fail(ds: readonly Diagnostic[], options: RuleCheckOptions, io: Io): number {
  if (options.json) io.stdout(`${JSON.stringify({ ok: false, diagnostics: ds.map(diagnosticToJson) }, null, 2)}\n`);
  else io.stderr(ds.map((d) => `${formatDiagnostic(d)}\n`).join(""));
  return Exit.diagnostics;
}

function print(reports: readonly RuleSetReport[], partOf: ReadonlyMap<string, string>, io: Io): void {
  const out: string[] = [];
  for (const r of reports) {
    out.push(`rule set ${r.ruleSet} (${r.rules} rules, ${r.detail}; ${r.ms} ms)`);
    for (const s of r.stages) {
      out.push(`  ${s.stage}: ${s.verdict.toUpperCase()}`);
      for (const l of s.lines) out.push(`    ${l}`);
    }
  }
  for (const [inner, outer] of partOf) out.push(`rule set ${inner}: checked as part of ${outer}`);
  io.stdout(`${out.join("\n")}\n`);
  const ds = reports.flatMap((r) => r.stages.flatMap((s) => s.diagnostics));
  // explained findings: the finding and the rule's reason only (--json has them in full)
  const brief = (d: Diagnostic) => (d.message.startsWith("explained: ") ? { ...d, notes: d.notes.slice(0, 1) } : d);
  if (ds.length > 0) io.stderr(ds.map((d) => `${formatDiagnostic(brief(d))}\n`).join(""));
}

function toJson(reports: readonly RuleSetReport[], partOf: ReadonlyMap<string, string>, ok: boolean): object {
  return {
    ok,
    ruleSets: reports.map((r) => ({
      name: r.ruleSet,
      rules: r.rules,
      ms: r.ms,
      stages: r.stages.map((s) => ({ stage: s.stage, verdict: s.verdict, report: s.lines, diagnostics: s.diagnostics.map(diagnosticToJson) })),
    })),
    partOf: Object.fromEntries(partOf),
  };
}
