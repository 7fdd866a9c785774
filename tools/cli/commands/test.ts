// `prr test PATH... [--update] [--json] [-v]`: runs `// RUN:` pipelines of .mlir/.prr tests (prr, FileCheck, not)
// and reports `PASS`/`FAIL` per file and a final `N passed, M failed` line; `--update` regenerates CHECK lines.
import { parseArgs } from "../args.ts";
import { Exit, UsageError } from "../exit.ts";
import type { Io } from "../io.ts";
import type { Command } from "../main.ts";
import { collectTests } from "./test/collect.ts";
import { runTestFile, TempFiles, updateTestFile } from "./test/runner.ts";
import type { FileResult, RunResult, UpdateOutcome } from "./test/runner.ts";

const usage = `usage: prr test PATH... [--update] [--json] [-v]

Runs the RUN: lines of each test file (directories are searched for .mlir and .prr
files with RUN: lines). A RUN line is a pipeline of prr, FileCheck and not commands
with %s (the file), %S (its directory) and %t (a temporary path).

  --update    regenerate the CHECK lines from actual output (refused when CI is set)
  --json      print results as JSON
  -v          show every RUN line and its output`;

export const command: Command = {
  summary: "run FileCheck-style golden tests",
  usage,
  async run(args: string[], io: Io): Promise<number> {
    const parsed = parseArgs(args, { flags: ["--update", "--json", "--verbose"], aliases: { "-v": "--verbose" } });
    if (parsed.positionals.length === 0) throw new UsageError("expected at least one test file or directory");
    const update = parsed.flags.has("--update");
    const json = parsed.flags.has("--json");
    const verbose = parsed.flags.has("--verbose");
    if (update && process.env.CI) {
      io.stderr("prr test: error: --update is refused when CI is set (goldens are never written in CI)\n");
      return Exit.usage;
    }
    const files = collectTests(parsed.positionals, io);
    const temps = new TempFiles();
    const results: Array<FileResult & { update?: UpdateOutcome }> = [];
    try {
      for (const file of files) {
        const updateOutcome = update ? await updateTestFile(file, io, temps) : undefined;
        const result = await runTestFile(file, io, temps);
        const failedUpdate = updateOutcome?.kind === "failed";
        const entry = {
          ...result,
          ok: result.ok && !failedUpdate,
          ...(updateOutcome ? { update: updateOutcome } : {}),
        };
        results.push(entry);
        if (!json) printFile(entry, io, verbose);
      }
    } finally {
      temps.dispose();
    }
    const passed = results.filter((r) => r.ok).length;
    const failed = results.length - passed;
    if (json) io.stdout(`${JSON.stringify(toJson(results, passed, failed), null, 2)}\n`);
    else io.stdout(`${passed} passed, ${failed} failed\n`);
    if (results.length === 0) {
      io.stderr(`prr test: error: no tests found in ${parsed.positionals.join(", ")}\n`);
      return Exit.diagnostics;
    }
    return failed > 0 ? Exit.diagnostics : Exit.ok;
  },
};

function printFile(r: FileResult & { update?: UpdateOutcome }, io: Io, verbose: boolean): void {
  io.stdout(`${r.ok ? "PASS" : "FAIL"} ${r.path}\n`);
  if (r.update && (verbose || r.update.kind !== "unchanged")) io.stderr(`  ${describeUpdate(r.update)}\n`);
  if (r.error) io.stderr(`${r.path}: error: ${r.error}\n`);
  for (const run of r.runs) {
    if (run.ok && !verbose) continue;
    printRun(r.path, run, io);
  }
}

function describeUpdate(u: UpdateOutcome): string {
  switch (u.kind) {
    case "updated":
      return "checks regenerated";
    case "unchanged":
      return "checks unchanged";
    case "skipped":
    case "failed":
      return `update ${u.kind}: ${u.reason}`;
  }
}

function printRun(path: string, run: RunResult, io: Io): void {
  io.stderr(`  RUN at line ${run.line}: ${run.command}\n`);
  if (run.error) {
    const caret = `${run.source.slice(0, run.column - 1).replace(/[^\t]/g, " ")}^`;
    io.stderr(`${path}:${run.line}:${run.column}: error: ${run.error}\n${run.source}\n${caret}\n`);
    return;
  }
  run.stages.forEach((s, i) => {
    const isLast = i === run.stages.length - 1;
    if (s.code !== 0 || (isLast && !run.ok)) io.stderr(`  '${s.argv.join(" ")}' exited with status ${s.code}\n`);
  });
  if (run.stderr) io.stderr(run.stderr.endsWith("\n") ? run.stderr : `${run.stderr}\n`);
}

function toJson(
  results: ReadonlyArray<FileResult & { update?: UpdateOutcome }>,
  passed: number,
  failed: number,
): unknown {
  return {
    files: results.map((r) => ({
      path: r.path,
      status: r.ok ? "pass" : "fail",
      ...(r.error ? { error: r.error } : {}),
      ...(r.update ? { update: r.update } : {}),
      runs: r.runs.map((run) => ({
        line: run.line,
        command: run.command,
        status: run.ok ? "pass" : "fail",
        exitCode: run.code,
        stages: run.stages.map((s) => ({ command: s.argv.join(" "), exitCode: s.code })),
        ...(run.error ? { error: run.error } : {}),
        stderr: run.stderr,
      })),
    })),
    passed,
    failed,
  };
}
