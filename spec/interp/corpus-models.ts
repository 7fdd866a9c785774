// What the mlir-runner-22 comparison suites share: the corpus models that have a `main`, and why
// the comparisons cannot run here (no corpus, or no LLVM 22 tools), if they cannot.
import * as fs from "node:fs";
import * as path from "node:path";
import { llvmTool } from "../support/llvm.ts";
import { corpusAbsence, corpusRoot } from "../conformance/corpus.ts";

export const mlirOpt = llvmTool("mlir-opt-22");
export const mlirRunner = llvmTool("mlir-runner-22");

/** Why the comparisons are skipped, or undefined when they run. */
export const comparisonAbsence: string | undefined =
  corpusAbsence() ?? (mlirOpt === undefined || mlirRunner === undefined ? "mlir-opt-22 or mlir-runner-22 is not installed" : undefined);

/** The corpus models with a `func.func @main`, by file name. */
export function modelsWithMain(): { name: string; text: string }[] {
  const dir = path.join(corpusRoot(), "models");
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".mlir"))
    .sort()
    .map((f) => ({ name: f, text: fs.readFileSync(path.join(dir, f), "utf8") }))
    .filter((m) => /func\.func @main\b/.test(m.text));
}
