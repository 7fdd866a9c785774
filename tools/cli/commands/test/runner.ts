// Runs one test file (each RUN pipeline in order, stopping at the first failure) and, for `--update`,
// regenerates its checks from the output of its first pipeline that ends in FileCheck.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { UsageError } from "../../exit.ts";
import type { Io } from "../../io.ts";
import { parseFileCheckArgs } from "./filecheck-args.ts";
import { runPipeline, UnsupportedCommand } from "./pipeline.ts";
import type { StageOutcome } from "./pipeline.ts";
import { extractRunLines, RunLineError, splitPipeline, substitute } from "./run-lines.ts";
import type { RunLine, Stage } from "./run-lines.ts";
import { regenerateChecks, UpdateError } from "./update.ts";
import { hasInlineTests, runInlineTests } from "./inline-tests.ts";

export interface RunResult {
  readonly line: number;
  readonly column: number;
  /** The RUN line's text, for diagnostics. */
  readonly source: string;
  /** The command after substitutions. */
  readonly command: string;
  readonly ok: boolean;
  readonly code: number;
  readonly stages: readonly StageOutcome[];
  /** The stages' stderr: FileCheck's diagnostics, prr's messages. */
  readonly stderr: string;
  /** Why the pipeline could not run (bad syntax, unknown command). */
  readonly error?: string;
}

export interface FileResult {
  readonly path: string;
  readonly ok: boolean;
  readonly runs: readonly RunResult[];
  readonly error?: string;
}

/** `%t` paths: one real temporary directory per `prr test` run, created on first use. */
export class TempFiles {
  private dir: string | undefined;
  private count = 0;

  pathFor(file: string): string {
    this.dir ??= fs.mkdtempSync(path.join(os.tmpdir(), "prr-test-"));
    return path.join(this.dir, `${this.count++}-${path.basename(file)}.tmp`);
  }

  dispose(): void {
    if (this.dir) fs.rmSync(this.dir, { recursive: true, force: true });
    this.dir = undefined;
  }
}

function readTest(file: string, io: Io): { text: string } | { error: string } {
  try {
    return { text: io.readFile(file) };
  } catch (e) {
    return { error: `cannot read ${file}: ${(e as Error).message}` };
  }
}

function prepare(file: string, run: RunLine, temps: TempFiles): { command: string; stages: Stage[] } {
  let temp: string | undefined;
  const command = substitute(run.command, {
    file,
    dir: path.dirname(file),
    temp: () => (temp ??= temps.pathFor(file)),
  });
  return { command, stages: splitPipeline(command) };
}

export async function runTestFile(file: string, io: Io, temps: TempFiles): Promise<FileResult> {
  const read = readTest(file, io);
  if ("error" in read) return { path: file, ok: false, runs: [], error: read.error };
  let runLines: RunLine[];
  try {
    runLines = extractRunLines(read.text);
  } catch (e) {
    if (!(e instanceof RunLineError)) throw e;
    return { path: file, ok: false, runs: [], error: e.message };
  }
  if (runLines.length === 0 && file.endsWith(".prr") && hasInlineTests(read.text)) return runInlineTests(file, io);
  if (runLines.length === 0) return { path: file, ok: false, runs: [], error: "no RUN: lines" };
  const runs: RunResult[] = [];
  for (const run of runLines) {
    const result = await runOne(file, run, io, temps);
    runs.push(result);
    if (!result.ok) return { path: file, ok: false, runs };
  }
  return { path: file, ok: true, runs };
}

async function runOne(file: string, run: RunLine, io: Io, temps: TempFiles): Promise<RunResult> {
  let command = run.command;
  try {
    const prepared = prepare(file, run, temps);
    command = prepared.command;
    const outcome = await runPipeline(prepared.stages, io);
    return {
      line: run.line,
      column: run.column,
      source: run.source,
      command,
      ok: outcome.code === 0,
      code: outcome.code,
      stages: outcome.stages,
      stderr: outcome.stderr,
    };
  } catch (e) {
    if (!(e instanceof RunLineError) && !(e instanceof UnsupportedCommand)) throw e;
    const { line, column, source } = run;
    return { line, column, source, command, ok: false, code: -1, stages: [], stderr: "", error: e.message };
  }
}

export type UpdateOutcome =
  { readonly kind: "updated" | "unchanged" } | { readonly kind: "skipped" | "failed"; readonly reason: string };

/** Regenerates the checks of `file` from its first `... | FileCheck %s` pipeline and writes it back. */
export async function updateTestFile(file: string, io: Io, temps: TempFiles): Promise<UpdateOutcome> {
  const read = readTest(file, io);
  if ("error" in read) return { kind: "failed", reason: read.error };
  try {
    for (const run of extractRunLines(read.text)) {
      const { stages } = prepare(file, run, temps);
      const last = stages[stages.length - 1]!;
      if (last.argv[0] !== "FileCheck") continue;
      const inv = parseFileCheckArgs(last.argv.slice(1));
      if (inv.checkFile !== file) return { kind: "skipped", reason: `FileCheck reads checks from ${inv.checkFile}` };
      let output = "";
      if (stages.length > 1) {
        const produced = await runPipeline(stages.slice(0, -1), io);
        if (produced.code !== 0) {
          return { kind: "failed", reason: `the command before FileCheck exited with status ${produced.code}` };
        }
        output = produced.stdout;
      }
      if (inv.inputFile !== undefined) output = io.readFile(inv.inputFile);
      if (output.trim() === "") return { kind: "failed", reason: "no output to generate checks from" };
      const updated = regenerateChecks(read.text, output, inv.options.checkPrefixes[0] ?? "CHECK");
      if (updated === read.text) return { kind: "unchanged" };
      io.writeFile(file, updated);
      return { kind: "updated" };
    }
  } catch (e) {
    const expected = [RunLineError, UnsupportedCommand, UpdateError, UsageError].some((k) => e instanceof k);
    if (expected || (e instanceof Error && (e as NodeJS.ErrnoException).code !== undefined)) {
      return { kind: "failed", reason: (e as Error).message };
    }
    throw e;
  }
  return { kind: "skipped", reason: "no RUN pipeline ends in FileCheck" };
}
