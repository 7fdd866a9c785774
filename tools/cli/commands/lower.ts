// `prr lower`: runs a pipeline of rule sets and native passes on a model, with mlir-opt's
// instrumentation (--print-ir-after-all/-change, --time-passes) and prr's provenance
// (--trace-rules, --stats).
import type { Command } from "../main.ts";
import type { Io } from "../io.ts";
import { parseArgs } from "../args.ts";
import { Exit, UsageError } from "../exit.ts";
import { splitInput, loadChunk, locationSpan } from "../mlir-input.ts";
import { diag, diagnosticToJson, formatDiagnostic, type Diagnostic } from "../../../engine/support/diagnostics.ts";
import type { SourceFile } from "../../../engine/support/source.ts";
import { printOperationText } from "../../../grammar/mlir/asm-printer.ts";
import { RuleLibrary, shippedRulesDir } from "../../../engine/rewrite/library.ts";
import { builtinRegistry } from "../../../engine/rewrite/builtins.ts";
import { resolvePipeline, runPipeline, type PipelineStep } from "../../../engine/passes/pipeline.ts";
import { defaultPasses } from "../../../engine/passes/registry.ts";
import type { PassProblem } from "../../../engine/passes/pass.ts";
import type { Rule } from "../../../engine/rewrite/rule.ts";
import type { RuleStats, TraceRecord } from "../../../engine/rewrite/driver.ts";
import type { Context } from "../../../engine/ir/context.ts";
import type { NativeRegistry } from "../../../engine/rewrite/natives.ts";
import { loadPlugin } from "../../../engine/passes/plugin.ts";

const usage = `usage: prr lower MODEL [-p PIPELINE] [-o OUT] [options]

Runs a pipeline of rule sets and native passes on MODEL (MLIR, LLVM 22 syntax; '-' reads stdin).
PIPELINE is a comma-separated list of rule sets and passes (e.g. canonicalize,cse) or the name of
a pipeline defined in rules/ (default: 'default').

options:
  -p, --pipeline PIPELINE        what to run
  -o, --output FILE              write the result to FILE (default: standard output)
  --rules FILE.prr               also load the rule sets and pipelines of FILE (repeatable)
  --plugin FILE.js               load a plugin that registers native passes, constraints and rewrites
  --print-ir-after-all           print the IR after every step to stderr
  --print-ir-after-change        print the IR after every step that changed it
  --time-passes                  print the time of each step to stderr
  --trace-rules FILE             write one JSON line per rule application to FILE
  --stats                        print per rule: match attempts, successes, time
  --print-generic                print ops in generic form
  --print-debuginfo              print locations
  --allow-unregistered-dialect   accept ops of dialects prr does not know
  --json                         print diagnostics as JSON objects, one per line

exit codes: 0 success, 1 diagnostics, 2 usage error, 70 internal error`;

export const command: Command = {
  summary: "run rule sets and passes on a model",
  usage,
  async run(argv: string[], io: Io): Promise<number> {
    const args = parseArgs(argv, {
      flags: ["--print-ir-after-all", "--print-ir-after-change", "--time-passes", "--stats", "--print-generic", "--print-debuginfo", "--allow-unregistered-dialect", "--json"],
      options: ["--pipeline", "--output", "--trace-rules"],
      multi: ["--rules", "--plugin"],
      aliases: { "-p": "--pipeline", "-o": "--output" },
    });
    if (args.positionals.length !== 1) throw new UsageError(`expected one model file, got ${args.positionals.length}`);
    const input = args.positionals[0]!;
    const f = args.flags;
    const json = f.has("--json");
    const report = (ds: readonly Diagnostic[]): number => {
      for (const d of ds) io.stderr(json ? `${JSON.stringify(diagnosticToJson(d))}\n` : `${formatDiagnostic(d)}\n`);
      return Exit.diagnostics;
    };
    let text: string;
    try {
      text = io.readFile(input);
    } catch (e) {
      return report([diag("PRR9002", `cannot read '${input}': ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, undefined)]);
    }
    const file = splitInput(input === "-" ? "<stdin>" : input, text, false)[0]!;
    const loaded = loadChunk(file, { allowUnregistered: f.has("--allow-unregistered-dialect"), verify: true });
    if (loaded.diagnostics.length > 0 || loaded.result === undefined) return report(loaded.diagnostics);

    const passes = defaultPasses();
    const natives = builtinRegistry();
    for (const plugin of args.multi.get("--plugin") ?? []) {
      const failure = await loadPlugin(plugin, io.cwd, { passes, natives });
      if (failure !== undefined) return report([diag("PRR9002", failure, undefined)]);
    }
    const library = loadLibrary(loaded.ctx, args.multi.get("--rules") ?? [], natives);
    const pipelineText = args.options.get("--pipeline") ?? "default";
    const steps = resolvePipeline(pipelineText, library, passes, library.diagnostics);
    if (library.diagnostics.length > 0) return report(library.diagnostics);

    const module = loaded.result.module;
    const print = (op: typeof module) => printOperationText(op, { generic: f.has("--print-generic"), debugInfo: f.has("--print-debuginfo"), resources: loaded.result!.resources });
    const stats = f.has("--stats") ? new Map<Rule, RuleStats>() : undefined;
    const traceLines: string[] = [];
    const tracePath = args.options.get("--trace-rules");
    const timings: { name: string; ms: number }[] = [];
    const afterStep = (step: PipelineStep, changed: boolean) => {
      if (f.has("--print-ir-after-all") || (f.has("--print-ir-after-change") && changed))
        io.stderr(`// -----// IR Dump After ${step.name} //----- //\n${print(module)}\n`);
    };
    const problems = runPipeline(module, steps, {
      stats,
      trace: tracePath === undefined ? undefined : (r) => traceLines.push(traceLine(r, file)),
      afterStep,
      timings,
    });
    if (tracePath !== undefined) io.writeFile(tracePath, traceLines.join(""));
    if (f.has("--time-passes")) io.stderr(timeReport(timings));
    if (stats !== undefined) io.stderr(statsReport(stats));
    if (problems.length > 0) return report(problems.map((p) => problemDiagnostic(p, file)));
    try {
      io.writeFile(args.options.get("--output") ?? "-", print(module));
    } catch (e) {
      return report([diag("PRR9002", `cannot write output: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, undefined)]);
    }
    return Exit.ok;
  },
};

export function loadLibrary(ctx: Context, extra: readonly string[], natives: NativeRegistry = builtinRegistry()): RuleLibrary {
  const library = new RuleLibrary(ctx, natives);
  const dir = shippedRulesDir();
  if (dir !== undefined) library.addDirectory(dir);
  for (const r of extra) library.addFile(r);
  return library;
}

/** A driver or pass problem at an op: the op's location is the span, the rule's span a note. */
function problemDiagnostic(p: PassProblem, file: SourceFile): Diagnostic {
  const d = p.diagnostic;
  if (p.op === undefined) return d;
  const at = locationSpan(p.op.loc, file);
  if (d.span === undefined) return { ...d, span: at };
  return { ...d, span: at ?? d.span, notes: at ? [{ span: d.span, message: "rule defined here" }, ...d.notes] : d.notes };
}

function spanText(s: { file: SourceFile; start: number } | undefined): string | undefined {
  if (s === undefined) return undefined;
  const { line, col } = s.file.position(s.start);
  return `${s.file.path}:${line}:${col}`;
}

function traceLine(r: TraceRecord, file: SourceFile): string {
  return `${JSON.stringify({
    rule: r.rule.name,
    ruleSet: r.rule.ruleSet,
    rule_span: spanText(r.rule.span),
    op: r.op.name,
    loc: spanText(locationSpan(r.op.loc, file)) ?? String(r.op.loc),
    before: r.before,
    after: r.after,
  })}\n`;
}

function timeReport(timings: readonly { name: string; ms: number }[]): string {
  const total = timings.reduce((a, t) => a + t.ms, 0);
  const lines = ["===-------------------------------------------------------------------------===", "                         ... Execution time report ...", "===-------------------------------------------------------------------------===", `  Total Execution Time: ${(total / 1000).toFixed(4)} seconds`, "", "  ----Wall Time----  ----Name----"];
  for (const t of timings) lines.push(`  ${(t.ms / 1000).toFixed(4).padStart(8)} (${((100 * t.ms) / (total || 1)).toFixed(1).padStart(5)}%)  ${t.name}`);
  lines.push(`  ${(total / 1000).toFixed(4).padStart(8)} (100.0%)  Total`, "");
  return lines.join("\n");
}

function statsReport(stats: Map<Rule, RuleStats>): string {
  const rows = [...stats.entries()].sort((a, b) => b[1].successes - a[1].successes || b[1].attempts - a[1].attempts);
  const lines = ["rule statistics:", `  ${"rule".padEnd(36)} ${"attempts".padStart(10)} ${"successes".padStart(10)} ${"time (ms)".padStart(10)}`];
  for (const [rule, s] of rows)
    lines.push(`  ${`${rule.ruleSet}.${rule.name}`.padEnd(36)} ${String(s.attempts).padStart(10)} ${String(s.successes).padStart(10)} ${(Number(s.nanos) / 1e6).toFixed(3).padStart(10)}`);
  return `${lines.join("\n")}\n`;
}
