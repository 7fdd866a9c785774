// The golden tests in spec/golden: `prr test` runs them with prr's FileCheck; then each RUN line is
// replayed with LLVM's own FileCheck-22 on prr's output (the CHECK syntax is the real one) and on
// mlir-opt-22's output for the same flags (the goldens describe what MLIR prints, not only prr).
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { main } from "../tools/cli/main.ts";
import { memoryIo } from "../tools/cli/io.ts";
import { llvmTool } from "./support/llvm.ts";

const dir = path.join(import.meta.dirname, "golden");
const files = fs.readdirSync(dir).filter((f) => f.endsWith(".mlir")).sort();
const prr = [path.join(import.meta.dirname, "..", "tools", "cli", "prr.ts")];
const fileCheck = llvmTool("FileCheck");
const mlirOpt = llvmTool("mlir-opt");

/** prr flags → mlir-opt flags with the same meaning. */
const toMlirOpt: Record<string, string> = {
  "--print-generic": "--mlir-print-op-generic",
  "--print-debuginfo": "--mlir-print-debuginfo",
};

function runLine(file: string): { args: string[]; fileCheck: boolean } {
  const text = fs.readFileSync(path.join(dir, file), "utf8");
  const m = /\/\/ RUN: prr opt %s(.*?)(\| FileCheck %s)?$/m.exec(text);
  if (!m) throw new Error(`${file}: no 'prr opt %s' RUN line`);
  return { args: m[1]!.trim().split(/\s+/).filter(Boolean), fileCheck: m[2] !== undefined };
}

function run(cmd: string, args: readonly string[], input?: string) {
  const r = spawnSync(cmd, args, { input, encoding: "utf8", maxBuffer: 1 << 28 });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

describe("golden tests", () => {
  it("pass under prr test", async () => {
    const io = memoryIo();
    const code = await main(["test", dir], io);
    expect(io.err, io.out).toBe("");
    expect(code).toBe(0);
    expect(io.out).toMatch(new RegExp(`^${files.length} passed, 0 failed$`, "m"));
  });

  if (!fileCheck || !mlirOpt) {
    console.log("golden tests against FileCheck-22 and mlir-opt-22 skipped: LLVM 22 tools not installed");
    return;
  }

  for (const file of files) {
    const full = path.join(dir, file);
    const { args, fileCheck: checked } = runLine(file);
    it(`${file}: prr's output passes FileCheck-22, and so does mlir-opt-22's`, () => {
      const ours = run(process.execPath, ["--import", "tsx", ...prr, "opt", full, ...args]);
      expect(ours.err).toBe("");
      expect(ours.code).toBe(0);
      const theirs = run(mlirOpt, [full, ...args.map((a) => toMlirOpt[a] ?? a)]);
      expect(theirs.err).toBe("");
      expect(theirs.code).toBe(0);
      if (!checked) return;
      for (const [who, out] of [["prr", ours.out], ["mlir-opt-22", theirs.out]] as const) {
        const fc = run(fileCheck, [full], out);
        expect(fc.code, `${who}: ${fc.err}`).toBe(0);
      }
    });
  }
});
