// The varied-input oracle: each function a corpus model's @main calls is run on arguments filled
// from their indices (harness.ts), under mlir-runner-22 and under `prr run`, and the printed results
// must agree. Constant inputs hide transposed operands and wrong reductions; these do not.
import { describe, expect, it } from "vitest";
import { comparisonAbsence, mlirOpt, mlirRunner, modelsWithMain } from "./corpus-models.ts";
import { mlirTools, runWithMlir, withoutClock } from "../../tools/bench/mlir-runner.ts";
import { compareOutputs } from "./compare-output.ts";
import { harnesses } from "../../tools/bench/varied-inputs.ts";
import { run } from "./run-helper.ts";
import { slowReason } from "../../tools/bench/slow-models.ts";

const why = comparisonAbsence;

describe.skipIf(why !== undefined)(`varied-input harnesses agree with mlir-runner-22${why ? ` (skipped: ${why})` : ""}`, () => {
  const tools = why === undefined ? mlirTools(mlirOpt!, mlirRunner!) : undefined;
  for (const m of why === undefined ? modelsWithMain() : []) {
    const slow = slowReason(m.name);
    const { harnesses: hs, skipped } = harnesses(m.name, m.text);
    for (const s of skipped) it.skip(`${m.name} ${s} (not harnessed)`, () => {});
    for (const h of hs) {
      it.skipIf(slow !== undefined)(`${m.name} @${h.callee}${slow ? ` (not in CI: ${slow})` : ""}`, async () => {
        const text = withoutClock(h.text);
        const expected = await runWithMlir(tools!, text);
        expect(expected.ok, expected.stderr).toBe(true);
        const actual = await run(text);
        expect(actual.err).toBe("");
        expect(actual.code).toBe(0);
        expect(compareOutputs(expected.stdout, actual.out)).toBeUndefined();
      });
    }
  }
});
