// The young-generation sizing of large IR runs: which runs get it, and that a run in the sized
// worker prints, writes and exits exactly as a run in the default heap does.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { spawnSync } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { semiSpaceMiB } from "../../tools/cli/heap-sizing.ts";
import { arithWorkload } from "../../tools/bench/workload.ts";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prr-heap-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const prr = path.join(import.meta.dirname, "..", "..", "dist", "tools", "cli", "prr.js");

function file(name: string, bytes: number): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, "x".repeat(bytes));
  return p;
}

describe("semiSpaceMiB", () => {
  const gib = 24 * 2 ** 30;
  it("sizes lower runs on large inputs, in whole 32 MiB granules", () => {
    const big = file("big.mlir", 9 << 20);
    expect(semiSpaceMiB(["lower", big, "-p", "canonicalize"], {}, gib)).toBe(224);
  });
  it("leaves small inputs, other commands, missing files and stdin alone", () => {
    const small = file("small.mlir", 100_000);
    const big = file("big2.mlir", 9 << 20);
    expect(semiSpaceMiB(["lower", small], {}, gib)).toBeUndefined();
    expect(semiSpaceMiB(["fmt", big], {}, gib)).toBeUndefined();
    expect(semiSpaceMiB(["opt", big], {}, gib)).toBeUndefined();
    expect(semiSpaceMiB(["lower", path.join(dir, "missing.mlir")], {}, gib)).toBeUndefined();
    expect(semiSpaceMiB(["lower", "-"], {}, gib)).toBeUndefined();
  });
  it("is off when disabled, and capped by the machine's memory", () => {
    const big = file("big3.mlir", 60 << 20);
    expect(semiSpaceMiB(["lower", big], { PRR_NO_HEAP_SIZING: "1" }, gib)).toBeUndefined();
    expect(semiSpaceMiB(["lower", big], {}, gib)).toBe(1024);
    expect(semiSpaceMiB(["lower", big], {}, 4 * 2 ** 30)).toBe(256);
    expect(semiSpaceMiB(["lower", big], {}, 2 ** 30)).toBe(64);
  });
});

describe.skipIf(!fs.existsSync(prr))("a sized run", () => {
  const run = (args: string[], env: NodeJS.ProcessEnv) => spawnSync(process.execPath, [prr, ...args], { encoding: "utf8", env: { ...process.env, ...env }, maxBuffer: 1 << 28 });

  it("writes the same output and exit code as a run in the default heap", () => {
    const input = path.join(dir, "work.mlir");
    fs.writeFileSync(input, arithWorkload(60_000, "custom"));
    expect(semiSpaceMiB(["lower", input])).toBeDefined();
    const sized = run(["lower", input, "-p", "canonicalize", "-o", path.join(dir, "sized.mlir")], {});
    const plain = run(["lower", input, "-p", "canonicalize", "-o", path.join(dir, "plain.mlir")], { PRR_NO_HEAP_SIZING: "1" });
    expect(sized.status).toBe(0);
    expect(plain.status).toBe(0);
    expect(fs.readFileSync(path.join(dir, "sized.mlir"), "utf8")).toBe(fs.readFileSync(path.join(dir, "plain.mlir"), "utf8"));
  }, 60_000);

  it("passes diagnostics and their exit code through", () => {
    const input = path.join(dir, "bad.mlir");
    fs.writeFileSync(input, `${arithWorkload(60_000, "custom")}\n%oops = arith.addi %nothing, %nothing : i32\n`);
    const r = run(["lower", input, "-p", "canonicalize"], {});
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/bad\.mlir:\d+:\d+: error: /);
    expect(r.stdout).toBe("");
  }, 60_000);
});
