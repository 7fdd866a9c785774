// The oracle suite: every corpus model with a `main` runs under mlir-opt-22 + mlir-runner-22 and
// under `prr run`, and what they print must agree (floats within 1e-5 relative / 1e-6 absolute).
// Clock calls (rtclock) are replaced by 0.0 in both runs so timing prints compare.
import { describe, expect, it } from "vitest";
import { comparisonAbsence, mlirOpt, mlirRunner, modelsWithMain } from "./corpus-models.ts";
import { mlirTools, runWithMlir, withoutClock } from "../../tools/bench/mlir-runner.ts";
import { compareOutputs } from "./compare-output.ts";
import { run } from "./run-helper.ts";
import { slowReason } from "../../tools/bench/slow-models.ts";

const why = comparisonAbsence;

describe.skipIf(why !== undefined)(`prr run agrees with mlir-runner-22 on the corpus models${why ? ` (skipped: ${why})` : ""}`, () => {
  const tools = why === undefined ? mlirTools(mlirOpt!, mlirRunner!) : undefined;
  for (const m of why === undefined ? modelsWithMain() : []) {
    const slow = slowReason(m.name);
    it.skipIf(slow !== undefined)(`${m.name}${slow ? ` (not in CI: ${slow})` : ""}`, async () => {
      const text = withoutClock(m.text);
      const expected = await runWithMlir(tools!, text);
      expect(expected.ok, expected.stderr).toBe(true);
      const actual = await run(text);
      expect(actual.err).toBe("");
      expect(actual.code).toBe(0);
      expect(compareOutputs(expected.stdout, actual.out)).toBeUndefined();
    });
  }
});
