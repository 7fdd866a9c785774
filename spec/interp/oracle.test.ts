// The oracle suite: every corpus model with a `main` runs under mlir-opt-22 + mlir-runner-22 and
// under `prr run`, and what they print must agree (floats within 1e-5 relative / 1e-6 absolute).
// Clock calls (rtclock) are replaced by 0.0 in both runs so timing prints compare.
import { describe, expect, it } from "vitest";
import * as fs from "node:fs";
import * as path from "node:path";
import { llvmTool } from "../support/llvm.ts";
import { corpusAbsence, corpusRoot } from "../conformance/corpus.ts";
import { mlirTools, runWithMlir, withoutClock } from "../../tools/bench/mlir-runner.ts";
import { compareOutputs } from "./compare-output.ts";
import { run } from "./run-helper.ts";
import { tooSlowForCi } from "../../tools/bench/slow-models.ts";

const opt = llvmTool("mlir-opt-22");
const runner = llvmTool("mlir-runner-22");
const absent = corpusAbsence();


function models(): { name: string; text: string }[] {
  const dir = path.join(corpusRoot(), "models");
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".mlir"))
    .sort()
    .map((f) => ({ name: f, text: fs.readFileSync(path.join(dir, f), "utf8") }))
    .filter((m) => /func\.func @main\b/.test(m.text));
}

const why = absent ?? (opt === undefined || runner === undefined ? "mlir-opt-22 or mlir-runner-22 is not installed" : undefined);

describe.skipIf(why !== undefined)(`prr run agrees with mlir-runner-22 on the corpus models${why ? ` (skipped: ${why})` : ""}`, () => {
  const tools = why === undefined ? mlirTools(opt!, runner!) : undefined;
  for (const m of why === undefined ? models() : []) {
    const slow = tooSlowForCi[m.name];
    it.skipIf(slow !== undefined)(`${m.name}${slow ? ` (not in CI: ${slow})` : ""}`, async () => {
      const text = withoutClock(m.text);
      const expected = runWithMlir(tools!, text);
      expect(expected.ok, expected.stderr).toBe(true);
      const actual = await run(text);
      expect(actual.err).toBe("");
      expect(actual.code).toBe(0);
      expect(compareOutputs(expected.stdout, actual.out)).toBeUndefined();
    });
  }
});
