// The loop-nest JIT (engine/interp/jit/loop-nest.ts): each program under spec/interp/loop-nests
// runs with and without it and must print the same, and agree with mlir-runner-22; trapping
// functions must fail with the same diagnostic (code, message, location) both ways.
import { afterEach, describe, expect, it } from "vitest";
import * as fs from "node:fs";
import * as path from "node:path";
import { llvmTool } from "../support/llvm.ts";
import { mlirTools, runWithMlir } from "../../tools/bench/mlir-runner.ts";
import { nestsCompiled, setLoopJit } from "../../engine/interp/jit/loop-nest.ts";
import { laneLoopsRun, setLaneLoops } from "../../engine/interp/jit/nest-wasm.ts";
import { fusedMaddAvailable } from "../../engine/interp/wasm/fused-madd.ts";
import { compareOutputs } from "./compare-output.ts";
import { run } from "./run-helper.ts";

const dir = path.join(import.meta.dirname, "loop-nests");
const read = (name: string) => fs.readFileSync(path.join(dir, name), "utf8");
const opt = llvmTool("mlir-opt-22");
const runner = llvmTool("mlir-runner-22");

/** Printed memref addresses come from a per-process counter. */
const withoutAddresses = (s: string) => s.replace(/base@ = 0x[0-9a-f]+/g, "base@ = ADDR");

async function bothWays(text: string, ...flags: string[]) {
  setLoopJit(true);
  const before = nestsCompiled;
  const jit = await run(text, ...flags);
  expect(nestsCompiled, "no loop nest was compiled").toBeGreaterThan(before);
  setLoopJit(false);
  const closures = await run(text, ...flags);
  setLoopJit(true);
  return { jit, closures };
}

afterEach(() => {
  setLoopJit(true);
  setLaneLoops(true);
});

describe("loop nests compiled to JavaScript", () => {
  for (const name of ["affine-nest.mlir", "scf-integers.mlir", "vectors.mlir", "lane-loops.mlir"]) {
    it(`${name}: same output with and without the JIT`, async () => {
      const { jit, closures } = await bothWays(read(name));
      expect(jit.err).toBe("");
      expect(withoutAddresses(jit.out)).toBe(withoutAddresses(closures.out));
    });
    it.skipIf(opt === undefined || runner === undefined)(`${name}: agrees with mlir-runner-22`, async () => {
      const expected = await runWithMlir(mlirTools(opt!, runner!), read(name));
      expect(expected.ok, expected.stderr).toBe(true);
      const actual = await run(read(name));
      expect(compareOutputs(expected.stdout, actual.out)).toBeUndefined();
    });
  }

  it("lane-loops.mlir: the WebAssembly lane kernels run and print what the JavaScript loops print", async () => {
    const before = laneLoopsRun;
    const kernels = await run(read("lane-loops.mlir"));
    // The f32 loop needs a fused multiply-add; the f64 loop runs everywhere.
    expect(laneLoopsRun - before, "lane kernels that ran").toBeGreaterThan(fusedMaddAvailable() ? 20 : 4);
    setLaneLoops(false);
    const javascript = await run(read("lane-loops.mlir"));
    expect(withoutAddresses(kernels.out)).toBe(withoutAddresses(javascript.out));
  });

  it("a lane kernel whose bounds check fails leaves the loop to JavaScript, which traps", async () => {
    const before = laneLoopsRun;
    const { jit, closures } = await bothWays(read("traps.mlir"), "--entry=lane_loop_out_of_bounds");
    expect(laneLoopsRun - before, "lane kernels that ran before the trap").toBeGreaterThan(0);
    expect(jit.err).toContain("[PRR6002]");
    expect(jit.err).toBe(closures.err);
  });

  const traps: [string, string][] = [
    ["divide_by_zero", "PRR6003"],
    ["out_of_bounds", "PRR6002"],
    ["out_of_bounds_computed", "PRR6002"],
    ["vector_load_out_of_bounds", "PRR6002"],
    ["vector_store_out_of_bounds", "PRR6002"],
    ["zero_step", "PRR6001"],
    ["use_after_free", "PRR6008"],
    ["lane_loop_out_of_bounds", "PRR6002"],
    ["lane_loop_huge_bound", "PRR6002"],
  ];
  for (const [entry, code] of traps) {
    it(`traps in @${entry} as the closures do`, async () => {
      const { jit, closures } = await bothWays(read("traps.mlir"), `--entry=${entry}`);
      expect(jit.code).not.toBe(0);
      expect(jit.err).toContain(`[${code}]`);
      expect(jit.err).toBe(closures.err);
      expect(withoutAddresses(jit.out)).toBe(withoutAddresses(closures.out));
    });
  }
});
