// Runs the inline tests of .prr rule sets (`test NAME { input """...""" check """...""" }`): the
// input is parsed and verified, the rule set runs on it, and the output is checked with FileCheck.
// Line numbers in every message are those of the .prr file.
import * as path from "node:path";
import type { Io } from "../../io.ts";
import type { RunResult, FileResult } from "./runner.ts";
import { parsePrr } from "../../../../grammar/prr/parse.ts";
import type { TestDecl } from "../../../../grammar/prr/ast.ts";
import { SourceFile } from "../../../../engine/support/source.ts";
import { DiagnosticError, diag, formatDiagnostic, type Diagnostic } from "../../../../engine/support/diagnostics.ts";
import { locationSpan } from "../../mlir-input.ts";
import { createContext } from "../../../../engine/dialects/index.ts";
import type { Context } from "../../../../engine/ir/context.ts";
import type { Operation } from "../../../../engine/ir/operation.ts";
import { verify } from "../../../../engine/ir/verifier.ts";
import { parseSource } from "../../../../grammar/mlir/parse-module.ts";
import { printOperationText } from "../../../../grammar/mlir/asm-printer.ts";
import { checkFile } from "../../../filecheck/index.ts";
import { RuleLibrary, shippedRulesDir } from "../../../../engine/rewrite/library.ts";
import { builtinRegistry } from "../../../../engine/rewrite/builtins.ts";
import { runPipeline } from "../../../../engine/passes/pipeline.ts";
import type { Rule } from "../../../../engine/rewrite/rule.ts";
import type { RuleStats } from "../../../../engine/rewrite/driver.ts";

/** Parses and verifies a test's input in the library's context. */
function loadInto(ctx: Context, input: SourceFile): { module: Operation } | { diagnostics: Diagnostic[] } {
  try {
    const { module } = parseSource(ctx, input);
    const errors = verify(module);
    if (errors.length === 0) return { module };
    return { diagnostics: errors.map((e) => diag("PRR2001", e.message, locationSpan(e.loc, input))) };
  } catch (e) {
    if (e instanceof DiagnosticError) return { diagnostics: e.diagnostics };
    throw e;
  }
}

/** Whether a .prr file carries inline tests. */
export function hasInlineTests(text: string): boolean {
  return /^\s*test\s+[\w$]+\s*\{/m.test(text);
}

export function runInlineTests(file: string, io: Io, stats?: Map<Rule, RuleStats>): FileResult {
  let text: string;
  try {
    text = io.readFile(file);
  } catch (e) {
    return { path: file, ok: false, runs: [], error: `cannot read: ${(e as Error).message}` };
  }
  const source = new SourceFile(file, text);
  const parsed = parsePrr(source);
  if (parsed.ast === undefined) return { path: file, ok: false, runs: [], error: parsed.diagnostics.map(formatDiagnostic).join("\n") };
  // One context and one compiled library serve every test of the file.
  const ctx = createContext({ allowUnregistered: false });
  const library = new RuleLibrary(ctx, builtinRegistry());
  const shipped = shippedRulesDir();
  if (shipped !== undefined) library.addDirectory(shipped);
  library.addFile(file);
  const runs: RunResult[] = [];
  for (const item of parsed.ast.items) {
    if (item.kind !== "ruleset") continue;
    for (const m of item.members) if (m.kind === "test") runs.push(runOne(library, file, source, item.name.text, m, stats));
  }
  if (runs.length === 0) return { path: file, ok: false, runs, error: "no inline tests" };
  return { path: file, ok: runs.every((r) => r.ok), runs };
}

function runOne(library: RuleLibrary, file: string, source: SourceFile, setName: string, test: TestDecl, stats?: Map<Rule, RuleStats>): RunResult {
  const { line, col } = source.position(test.span.start);
  const base = { line, column: col, source: `test ${test.name.text}`, command: `${setName} on the input of test ${test.name.text}`, stages: [] };
  const fail = (stderr: string): RunResult => ({ ...base, ok: false, code: 1, stderr });
  const inputLine = source.position(test.input.start).line;
  const input = new SourceFile(file, test.input.text, inputLine - 1);
  const set = library.ruleSet(setName);
  if (set === undefined || library.diagnostics.length > 0) return fail(library.diagnostics.map(formatDiagnostic).join("\n"));
  const loaded = loadInto(library.ctx, input);
  if ("diagnostics" in loaded) return fail(loaded.diagnostics.map(formatDiagnostic).join("\n"));
  const module = loaded.module;
  const problems = runPipeline(module, [{ kind: "rules", name: setName, set }], { stats });
  if (problems.length > 0)
    return fail(problems.map((p) => formatDiagnostic(p.op ? { ...p.diagnostic, span: locationSpan(p.op.loc, input) ?? p.diagnostic.span } : p.diagnostic)).join("\n"));
  const output = printOperationText(module);
  const checkLine = source.position(test.check.start).line;
  const checkText = "\n".repeat(checkLine - 1) + test.check.text;
  const result = checkFile(checkText, path.normalize(file), output, { checkPrefixes: [] });
  return result.ok ? { ...base, ok: true, code: 0, stderr: "" } : fail(`${result.diagnostics}\noutput of ${setName}:\n${output}`);
}
