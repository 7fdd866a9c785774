// `prr test`: RUN-line parsing, pipelines of prr/FileCheck/not run in-process, reports, --json and --update.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { main } from "../tools/cli/main.ts";
import { memoryIo } from "../tools/cli/io.ts";
import { extractRunLines, splitPipeline, substitute } from "../tools/cli/commands/test/run-lines.ts";
import { regenerateChecks } from "../tools/cli/commands/test/update.ts";
import { checkFile } from "../tools/filecheck/index.ts";

// CI sets CI=true, which makes `prr test --update` refuse to run; these tests exercise --update
// on in-memory files, so they run as outside CI (the refusal has its own test, which sets CI).
beforeEach(() => {
  vi.stubEnv("CI", "");
});
afterEach(() => {
  vi.unstubAllEnvs();
});

async function prrTest(files: Record<string, string>, ...args: string[]) {
  const io = memoryIo(files);
  const code = await main(["test", ...args], io);
  return { code, out: io.out, err: io.err, written: io.written };
}

function lastLine(text: string): string {
  return text.trimEnd().split("\n").at(-1) ?? "";
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("prr test: running RUN pipelines", () => {
  it("passes a file whose checks match", async () => {
    const r = await prrTest({ "t/a.mlir": "// RUN: prr --version | FileCheck %s\n// CHECK: prr 0.1.0\n" }, "t/a.mlir");
    expect(r.out).toBe("PASS t/a.mlir\n1 passed, 0 failed\n");
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
  });

  it("fails with FileCheck's diagnostic when a check does not match", async () => {
    const r = await prrTest({ "t/b.mlir": "// RUN: prr --version | FileCheck %s\n// CHECK: prr 9.9\n" }, "t/b.mlir");
    expect(r.out).toBe("FAIL t/b.mlir\n0 passed, 1 failed\n");
    expect(r.err).toContain("RUN at line 1: prr --version | FileCheck t/b.mlir");
    expect(r.err).toContain(
      "t/b.mlir:2:11: error: CHECK: expected string not found in input\n// CHECK: prr 9.9\n          ^\n",
    );
    expect(r.err).toContain("<stdin>:1:1: note: scanning from here\nprr 0.1.0\n^\n");
    expect(r.code).toBe(1);
  });

  it("inverts exit status with not", async () => {
    const files = {
      "n/pass.mlir": "// RUN: prr --version | not FileCheck %s\n// CHECK: nothing like this\n",
      "n/fail.mlir": "// RUN: prr --version | not FileCheck %s\n// CHECK: prr\n",
    };
    const r = await prrTest(files, "n/pass.mlir", "n/fail.mlir");
    expect(r.out).toBe("PASS n/pass.mlir\nFAIL n/fail.mlir\n1 passed, 1 failed\n");
    expect(r.err).toContain("'not FileCheck n/fail.mlir' exited with status 1");
    expect(r.code).toBe(1);
  });

  it("runs every RUN line, with prefixes and continuations", async () => {
    const text = [
      "// RUN: prr --version | FileCheck %s --check-prefix=VERSION",
      "// RUN: prr --version \\",
      "// RUN:   | FileCheck %s \\",
      "// RUN:     --check-prefixes=A,B",
      "// VERSION: prr {{[0-9]+}}.{{[0-9]+}}",
      "// A: prr",
      "// B-SAME: 0.1",
      "",
    ].join("\n");
    const r = await prrTest({ "m.prr": text }, "m.prr", "-v");
    expect(r.out).toBe("PASS m.prr\n1 passed, 0 failed\n");
    expect(r.err).toContain("  RUN at line 2: prr --version | FileCheck m.prr --check-prefixes=A,B\n");
  });

  it("stops at the first failing RUN line", async () => {
    const text =
      "// RUN: prr --version | FileCheck %s --check-prefix=X\n// RUN: prr --version | FileCheck %s\n// CHECK: prr\n";
    const r = await prrTest({ "s.mlir": text }, "s.mlir");
    expect(r.out).toContain("FAIL s.mlir");
    expect(r.err).toContain("error: no check strings found with prefix 'X:'");
    expect(r.err).not.toContain("RUN at line 2");
  });

  it("merges stderr into the pipe with 2>&1", async () => {
    const text = "// RUN: not prr bogus 2>&1 | FileCheck %s\n// CHECK: prr: error: unknown command 'bogus'\n";
    const r = await prrTest({ "e.mlir": text }, "e.mlir");
    expect(r.out).toBe("PASS e.mlir\n1 passed, 0 failed\n");
  });

  it("reports unsupported commands and shell syntax by name", async () => {
    const files = {
      "u/sed.mlir": "// RUN: sed -e s/a/b/ %s | FileCheck %s\n// CHECK: a\n",
      "u/and.mlir": "// RUN: prr --version && prr --version\n",
    };
    const r = await prrTest(files, "u/sed.mlir", "u/and.mlir");
    expect(r.out).toBe("FAIL u/sed.mlir\nFAIL u/and.mlir\n0 passed, 2 failed\n");
    expect(r.err).toContain(
      "u/sed.mlir:1:9: error: unsupported command 'sed' in RUN line (prr test runs: prr, FileCheck, not)\n" +
        "// RUN: sed -e s/a/b/ %s | FileCheck %s\n        ^\n",
    );
    expect(r.err).toContain("unsupported shell syntax '&&'");
  });

  it("fails a file without RUN lines and an unreadable file", async () => {
    const r = await prrTest({ "plain.mlir": "// CHECK: x\n" }, "plain.mlir", "missing.mlir");
    expect(r.out).toBe("FAIL plain.mlir\nFAIL missing.mlir\n0 passed, 2 failed\n");
    expect(r.err).toContain("plain.mlir: error: no RUN: lines");
    expect(r.err).toContain("error: cannot read missing.mlir");
  });

  it("reads FileCheck's input from --input-file", async () => {
    const text = "// RUN: FileCheck %s --input-file %s\n// CHECK: FileCheck {{.*}} --input-file\n";
    const r = await prrTest({ "self.mlir": text }, "self.mlir");
    expect(r.out).toBe("PASS self.mlir\n1 passed, 0 failed\n");
  });

  it("substitutes %t with a path in a temporary directory removed afterwards", async () => {
    const r = await prrTest({ "tmp.mlir": "// RUN: FileCheck %s --input-file %t\n// CHECK: x\n" }, "tmp.mlir");
    expect(r.out).toBe("FAIL tmp.mlir\n0 passed, 1 failed\n");
    const m = /RUN at line 1: FileCheck tmp\.mlir --input-file (\S+)/.exec(r.err);
    expect(m?.[1]).toMatch(
      new RegExp(`^${os.tmpdir().replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/prr-test-[^/]+/0-tmp\\.mlir\\.tmp$`),
    );
    expect(fs.existsSync(path.dirname(m![1]!))).toBe(false);
  });

  it("prints JSON with --json", async () => {
    const r = await prrTest(
      {
        "j/ok.mlir": "// RUN: prr --version | FileCheck %s\n// CHECK: prr\n",
        "j/bad.mlir": "// RUN: prr --version | FileCheck %s\n// CHECK: zzz\n",
      },
      "j/ok.mlir",
      "j/bad.mlir",
      "--json",
    );
    const report = JSON.parse(r.out) as {
      passed: number;
      failed: number;
      files: Array<{ path: string; status: string; runs: Array<{ status: string; exitCode: number; stderr: string }> }>;
    };
    expect(report.passed).toBe(1);
    expect(report.failed).toBe(1);
    expect(report.files.map((f) => [f.path, f.status])).toEqual([
      ["j/ok.mlir", "pass"],
      ["j/bad.mlir", "fail"],
    ]);
    expect(report.files[1]!.runs[0]!.exitCode).toBe(1);
    expect(report.files[1]!.runs[0]!.stderr).toContain("error: CHECK: expected string not found in input");
    expect(r.code).toBe(1);
  });

  it("searches directories for .mlir and .prr files with RUN lines", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prr-test-spec-"));
    try {
      fs.mkdirSync(path.join(dir, "sub"));
      fs.writeFileSync(path.join(dir, "a.mlir"), "// RUN: prr --version | FileCheck %s\n// CHECK: prr\n");
      fs.writeFileSync(path.join(dir, "b.mlir"), "// no run lines: not a test\n");
      fs.writeFileSync(path.join(dir, "c.txt"), "// RUN: prr --version | FileCheck %s\n");
      fs.writeFileSync(path.join(dir, "sub", "d.prr"), "// RUN: prr --version | not FileCheck %s\n// CHECK: nope\n");
      const r = await prrTest({}, dir);
      expect(r.out).toBe(
        `PASS ${path.join(dir, "a.mlir")}\nPASS ${path.join(dir, "sub", "d.prr")}\n2 passed, 0 failed\n`,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("fails when no tests are found", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prr-test-empty-"));
    try {
      const r = await prrTest({}, dir);
      expect(lastLine(r.out)).toBe("0 passed, 0 failed");
      expect(r.err).toContain("no tests found");
      expect(r.code).toBe(1);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("needs a path", async () => {
    const r = await prrTest({});
    expect(r.code).toBe(2);
    expect(r.err).toContain("expected at least one test file or directory");
  });
});

describe("prr test --update", () => {
  it("rewrites the checks from the actual output", async () => {
    const text = "// RUN: prr --version | FileCheck %s\n// CHECK: prr 9.9\n";
    const r = await prrTest({ "up.mlir": text }, "up.mlir", "--update");
    expect(r.written["up.mlir"]).toBe("// RUN: prr --version | FileCheck %s\n// CHECK: prr 0.1.0\n");
    expect(r.out).toBe("PASS up.mlir\n1 passed, 0 failed\n");
    expect(r.err).toContain("  checks regenerated\n");
  });

  it("keeps the file when the command before FileCheck fails", async () => {
    const text = "// RUN: prr bogus | FileCheck %s\n// CHECK: keep me\n";
    const r = await prrTest({ "keep.mlir": text }, "keep.mlir", "--update");
    expect(r.written).toEqual({});
    expect(r.out).toBe("FAIL keep.mlir\n0 passed, 1 failed\n");
    expect(r.err).toContain("update failed: the command before FileCheck exited with status 2");
  });

  it("is refused when CI is set", async () => {
    vi.stubEnv("CI", "true");
    const r = await prrTest(
      { "up.mlir": "// RUN: prr --version | FileCheck %s\n// CHECK: x\n" },
      "up.mlir",
      "--update",
    );
    expect(r.code).toBe(2);
    expect(r.err).toContain("--update is refused when CI is set");
    expect(r.written).toEqual({});
  });
});

describe("prr test with prr opt", () => {
  const body = [
    "func.func @f(%a: i32, %b: i32) -> i32 {",
    '  %0 = "test.op"(%a, %b) : (i32, i32) -> i32',
    "  return %0 : i32",
    "}",
    "",
    "// -----",
    "",
    "func.func @g() {",
    "  return",
    "}",
    "",
  ].join("\n");
  const run = "// RUN: prr opt %s --split-input-file --allow-unregistered-dialect | FileCheck %s\n\n";

  it("checks prr opt's output over split input", async () => {
    const checks = [
      "// CHECK-LABEL: func.func @f(",
      "// CHECK-SAME: %[[A:.*]]: i32, %[[B:.*]]: i32)",
      '// CHECK-NEXT: %[[R:.*]] = "test.op"(%[[A]], %[[B]])',
      "// CHECK-NEXT: return %[[R]] : i32",
      "// CHECK-LABEL: func.func @g(",
      "// CHECK-NEXT: return",
      "",
    ].join("\n");
    const r = await prrTest({ "opt.mlir": run + checks + body }, "opt.mlir");
    expect(r.err).toBe("");
    expect(r.out).toBe("PASS opt.mlir\n1 passed, 0 failed\n");
  });

  it("regenerates checks that pass, and that fail once the operands are swapped", async () => {
    const updated = await prrTest({ "gen.mlir": run + "// CHECK: stale\n" + body }, "gen.mlir", "--update");
    const text = updated.written["gen.mlir"]!;
    expect(updated.out).toBe("PASS gen.mlir\n1 passed, 0 failed\n");
    expect(text).not.toContain("stale");
    expect(text).toContain(
      "// CHECK-LABEL: func.func @f(\n// CHECK-SAME: %[[VAL_0:.*]]: i32, %[[VAL_1:.*]]: i32) -> i32 {\n",
    );
    expect(text).toContain('"test.op"(%[[VAL_0]], %[[VAL_1]])');
    const again = await prrTest({ "gen.mlir": text }, "gen.mlir", "--update");
    expect(again.written).toEqual({});
    const swapped = await prrTest({ "gen.mlir": text.replace('"test.op"(%a, %b)', '"test.op"(%b, %a)') }, "gen.mlir");
    expect(swapped.out).toBe("FAIL gen.mlir\n0 passed, 1 failed\n");
    expect(swapped.err).toContain("error: CHECK-NEXT: expected string not found in input");
  });
});

describe("RUN lines", () => {
  it("joins continuations and keeps the first line number", () => {
    expect(extractRunLines("x\n// RUN: a \\\n// RUN:   b\n//RUN:c\n")).toEqual([
      { line: 2, column: 9, source: "// RUN: a \\", command: "a b" },
      { line: 4, column: 7, source: "//RUN:c", command: "c" },
    ]);
    expect(() => extractRunLines("// RUN: a \\\nint x;\n")).toThrow(/no RUN/);
  });

  it("substitutes %s, %S, %t and %%", () => {
    const subs = { file: "d/f.mlir", dir: "d", temp: () => "/tmp/x/f.tmp" };
    expect(substitute("prr opt %s -o %t | FileCheck %S/g.mlir --check-prefix=%%", subs)).toBe(
      "prr opt d/f.mlir -o /tmp/x/f.tmp | FileCheck d/g.mlir --check-prefix=%",
    );
  });

  it("splits pipelines into stages of shell words", () => {
    expect(splitPipeline(`not prr opt 'a b.mlir' 2>&1 | FileCheck "x\\"y" --implicit-check-not='{{error}}'`)).toEqual([
      { argv: ["not", "prr", "opt", "a b.mlir"], mergeStderr: true },
      { argv: ["FileCheck", 'x"y', "--implicit-check-not={{error}}"], mergeStderr: false },
    ]);
    expect(() => splitPipeline("a | | b")).toThrow(/empty command/);
    expect(() => splitPipeline("a > out")).toThrow(/unsupported shell syntax '>'/);
  });
});

describe("check generation (generate-test-checks style)", () => {
  const source = [
    "// RUN: prr opt %s --split-input-file | FileCheck %s",
    "",
    "// CHECK-LABEL: stale",
    "func.func @add(%x: i32, %y: i32) -> i32 {",
    "  %s = arith.addi %x, %y : i32",
    "  return %s : i32",
    "}",
    "",
    "// -----",
    "",
    "func.func @cst() -> tensor<2x2xi32> {",
    "  %c = arith.constant dense<[[1, 2], [3, 4]]> : tensor<2x2xi32>",
    "  return %c : tensor<2x2xi32>",
    "}",
    "",
  ].join("\n");
  const output = [
    "func.func @add(%arg0: i32, %arg1: i32) -> i32 {",
    "  %0 = arith.addi %arg0, %arg1 : i32",
    "  return %0 : i32",
    "}",
    "// -----",
    "func.func @cst() -> tensor<2x2xi32> {",
    "  %cst = arith.constant dense<[[1, 2], [3, 4]]> : tensor<2x2xi32>",
    "  return %cst : tensor<2x2xi32>",
    "}",
    "",
  ].join("\n");

  it("emits labels, captures and CHECK-NEXT above each function", () => {
    expect(regenerateChecks(source, output, "CHECK")).toBe(
      [
        "// RUN: prr opt %s --split-input-file | FileCheck %s",
        "",
        "// CHECK-LABEL: func.func @add(",
        "// CHECK-SAME: %[[VAL_0:.*]]: i32, %[[VAL_1:.*]]: i32) -> i32 {",
        "// CHECK-NEXT:   %[[VAL_2:.*]] = arith.addi %[[VAL_0]], %[[VAL_1]] : i32",
        "// CHECK-NEXT:   return %[[VAL_2]] : i32",
        "// CHECK-NEXT: }",
        "func.func @add(%x: i32, %y: i32) -> i32 {",
        "  %s = arith.addi %x, %y : i32",
        "  return %s : i32",
        "}",
        "",
        "// -----",
        "",
        "// CHECK-LABEL: func.func @cst(",
        "// CHECK-SAME: ) -> tensor<2x2xi32> {",
        "// CHECK-NEXT:   %[[VAL_0:.*]] = arith.constant dense<{{\\[\\[}}1, 2], [3, 4]]> : tensor<2x2xi32>",
        "// CHECK-NEXT:   return %[[VAL_0]] : tensor<2x2xi32>",
        "// CHECK-NEXT: }",
        "func.func @cst() -> tensor<2x2xi32> {",
        "  %c = arith.constant dense<[[1, 2], [3, 4]]> : tensor<2x2xi32>",
        "  return %c : tensor<2x2xi32>",
        "}",
        "",
      ].join("\n"),
    );
  });

  it("is idempotent and produces checks that pass on the output", () => {
    const once = regenerateChecks(source, output, "CHECK");
    expect(regenerateChecks(once, output, "CHECK")).toBe(once);
    const r = checkFile(once, "t.mlir", output, { checkPrefixes: [] });
    expect(r.diagnostics).toBe("");
    expect(r.ok).toBe(true);
  });

  it("produces checks robust to renaming but not to rewiring", () => {
    const checks = regenerateChecks(source, output, "CHECK");
    const renamed = output.replaceAll("%0", "%sum").replaceAll("%arg", "%in");
    expect(checkFile(checks, "t.mlir", renamed, { checkPrefixes: [] }).ok).toBe(true);
    const swapped = output.replace("arith.addi %arg0, %arg1", "arith.addi %arg1, %arg0");
    expect(checkFile(checks, "t.mlir", swapped, { checkPrefixes: [] }).ok).toBe(false);
    const extraOp = output.replace("  return %0 : i32", "  %1 = arith.muli %0, %0 : i32\n  return %0 : i32");
    expect(checkFile(checks, "t.mlir", extraOp, { checkPrefixes: [] }).ok).toBe(false);
  });

  it("keeps other prefixes and puts checks at the top when functions cannot be placed", () => {
    const src = "// RUN: x\n// OTHER: keep me\n// CHECK: old\nmodule {\n}\n";
    expect(regenerateChecks(src, "module {\n}\n", "CHECK")).toBe(
      "// RUN: x\n// OTHER: keep me\n// CHECK: module {\n// CHECK-NEXT: }\nmodule {\n}\n",
    );
  });

  it("refuses when the output and the file have different numbers of chunks", () => {
    expect(() => regenerateChecks("a\n// -----\nb\n", "x\n", "CHECK")).toThrow(
      /1 '\/\/ -----' chunk\(s\) but the file has 2/,
    );
  });
});
