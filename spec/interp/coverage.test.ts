// The interpreter's op coverage: each program under spec/interp/coverage runs under `prr run` and
// must print what mlir-opt-22 + mlir-runner-22 print, or, for ops MLIR 22 cannot lower (the file
// says why in a `// ORACLE: hand-computed` line), the `// OUT:` lines computed from the spec.
// Both outputs are compared as bytes (printMemrefI8 prints raw bytes that are not UTF-8).
import { describe, expect, it } from "vitest";
import * as fs from "node:fs";
import * as path from "node:path";
import { llvmTool } from "../support/llvm.ts";
import { spawnSync } from "node:child_process";
import { mlirTools, runWithMlir } from "../../tools/bench/mlir-runner.ts";
import { compareOutputs } from "./compare-output.ts";
import { run } from "./run-helper.ts";

const dir = path.join(import.meta.dirname, "coverage");
const opt = llvmTool("mlir-opt-22");
const runner = llvmTool("mlir-runner-22");
const noTools = opt === undefined || runner === undefined;

const programs = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith(".mlir"))
  .sort()
  .map((name) => ({ name, text: fs.readFileSync(path.join(dir, name), "utf8") }));

/**
 * The program as the oracle runs it: a `// PRE-PIPELINE: P` line first applies mlir-opt-22's pass
 * pipeline P (for ops the oracle's fixed pipeline leaves unlowered, e.g. tosa-to-scf).
 */
function preLowered(text: string): string {
  const pipeline = /^\/\/ PRE-PIPELINE: (.*)$/m.exec(text)?.[1];
  if (pipeline === undefined) return text;
  const r = spawnSync(opt!, [`-pass-pipeline=${pipeline}`], { input: text, encoding: "utf8" });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

/** The `// OUT:` lines of a hand-computed program, one printed line each. */
function handOutput(text: string): string | undefined {
  if (!/^\/\/ ORACLE: hand-computed/m.test(text)) return undefined;
  return [...text.matchAll(/^\/\/ OUT:(?: (.*))?$/gm)].map((m) => `${m[1] ?? ""}\n`).join("");
}

const withoutAddresses = (s: string) => s.replace(/base@ = 0x[0-9a-f]+/g, "base@ = ADDR");

describe("ops of the corpus run as MLIR runs them", () => {
  for (const p of programs) {
    const hand = handOutput(p.text);
    if (hand !== undefined) {
      it(`${p.name}: prints the values the spec's pseudo-code gives`, async () => {
        const actual = await run(p.text);
        expect(actual.err).toBe("");
        expect(actual.code).toBe(0);
        expect(withoutAddresses(actual.out)).toBe(hand);
      });
      continue;
    }
    it.skipIf(noTools)(`${p.name}: agrees with mlir-runner-22${noTools ? " (skipped: mlir-opt-22 or mlir-runner-22 is not installed)" : ""}`, async () => {
      const expected = await runWithMlir(mlirTools(opt!, runner!), preLowered(p.text), "main", 600_000, true);
      expect(expected.ok, expected.stderr).toBe(true);
      const actual = await run(p.text);
      expect(actual.err).toBe("");
      expect(actual.code).toBe(0);
      expect(compareOutputs(expected.stdout, actual.out)).toBeUndefined();
    });
  }
});

/** Each function of coverage-traps.mlir with the line and code its `expected-trap@+1` names. */
function expectedTraps(text: string): { entry: string; line: number; code: string }[] {
  const out: { entry: string; line: number; code: string }[] = [];
  let entry = "";
  text.split("\n").forEach((l, i) => {
    const fn = /^func\.func @(\w+)/.exec(l);
    if (fn) entry = fn[1]!;
    const t = /\/\/ expected-trap@\+1 (PRR\d+)/.exec(l);
    if (t) out.push({ entry, line: i + 2, code: t[1]! });
  });
  return out;
}

describe("undefined behaviour in these ops is a diagnostic at the op", () => {
  const text = fs.readFileSync(path.join(import.meta.dirname, "coverage-traps.mlir"), "utf8");
  for (const t of expectedTraps(text)) {
    it(`@${t.entry}: ${t.code} at line ${t.line}`, async () => {
      const r = await run(text, `--entry=${t.entry}`);
      expect(r.code).not.toBe(0);
      expect(r.err).toMatch(new RegExp(`^in\\.mlir:${t.line}:\\d+: error: .*\\[${t.code}\\]`));
    });
  }
});
