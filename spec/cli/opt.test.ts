// `prr opt` end to end in-process: output, exit codes, diagnostics with file:line:col.
import { describe, expect, it } from "vitest";
import { main } from "../../tools/cli/main.ts";
import { memoryIo } from "../../tools/cli/io.ts";

async function opt(text: string, ...flags: string[]) {
  const io = memoryIo({ "in.mlir": text });
  const code = await main(["opt", "in.mlir", ...flags], io);
  return { code, out: io.out, err: io.err };
}

describe("prr opt", () => {
  it("round-trips generic ops of unregistered dialects", async () => {
    const r = await opt(`%0 = "t.a"() {x = 1 : i32} : () -> i32\n"t.b"(%0) : (i32) -> ()\n`, "--allow-unregistered-dialect");
    expect(r.code).toBe(0);
    expect(r.out).toBe(`module {\n  %0 = "t.a"() {x = 1 : i32} : () -> i32\n  "t.b"(%0) : (i32) -> ()\n}\n\n`);
  });

  it("rejects unregistered ops without the flag, at the op's line and column", async () => {
    const r = await opt(`\n  "t.a"() : () -> ()\n`);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^in\.mlir:2:3: error: operation 't\.a' is not registered/);
    expect(r.err).toContain("[PRR1009]");
    expect(r.err).toContain("\n  ^~~~~");
  });

  it("reports undefined values", async () => {
    const r = await opt(`"t.b"(%x) : (i32) -> ()\n`, "--allow-unregistered-dialect");
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/in\.mlir:1:7: error: use of undeclared SSA value name '%x'/);
  });

  it("reports type mismatches between uses and the definition", async () => {
    const r = await opt(`"t.b"(%x) : (i32) -> ()\n%x = "t.a"() : () -> i64\n`, "--allow-unregistered-dialect");
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/in\.mlir:2:1: error: definition of SSA value '%x#0' has type 'i64'/);
  });

  it("verifies dominance in CFG regions", async () => {
    const text = `func.func @f() {\n  "t.use"(%0) : (i32) -> ()\n  %0 = "t.def"() : () -> i32\n  return\n}\n`;
    const r = await opt(text, "--allow-unregistered-dialect");
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/in\.mlir:2:3: error: operand #0 does not dominate this use/);
  });

  it("prints diagnostics as JSON objects with --json", async () => {
    const r = await opt(`"t.a"(`, "--json");
    expect(r.code).toBe(1);
    const d = JSON.parse(r.err.trim().split("\n")[0]!);
    expect(d).toMatchObject({ severity: "error", location: { file: "in.mlir", line: 1 } });
    expect(d.code).toMatch(/^PRR\d{4}$/);
  });

  it("splits input files and keeps their line numbers", async () => {
    const text = `"t.a"() : () -> ()\n// -----\n"t.b"() : () -> ()\n// -----\n\n"t.c"(%y) : (i32) -> ()\n`;
    const r = await opt(text, "--split-input-file", "--allow-unregistered-dialect");
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^in\.mlir:6:7: error: use of undeclared SSA value/);
    const ok = await opt(`"t.a"() : () -> ()\n// -----\n"t.b"() : () -> ()\n`, "--split-input-file", "--allow-unregistered-dialect");
    expect(ok.out).toBe(`module {\n  "t.a"() : () -> ()\n}\n\n// -----\nmodule {\n  "t.b"() : () -> ()\n}\n\n`);
  });

  it("checks expected diagnostics with --verify-diagnostics", async () => {
    const text = `// expected-error@+1 {{use of undeclared SSA value name}}\n"t.c"(%y) : (i32) -> ()\n`;
    const r = await opt(text, "--verify-diagnostics", "--allow-unregistered-dialect");
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const wrong = await opt(`// expected-error@+1 {{something else}}\n"t.c"(%y) : (i32) -> ()\n`, "--verify-diagnostics", "--allow-unregistered-dialect");
    expect(wrong.code).toBe(1);
    expect(wrong.err).toContain("unexpected error");
    expect(wrong.err).toContain("was not produced");
  });

  it("prints locations as aliases with --print-debuginfo", async () => {
    const r = await opt(`"t.a"() : () -> () loc("x.py":3:4)\n`, "--allow-unregistered-dialect", "--print-debuginfo");
    expect(r.out).toBe(`module {\n  "t.a"() : () -> () loc(#loc1)\n} loc(#loc)\n#loc = loc("in.mlir":0:0)\n#loc1 = loc("x.py":3:4)\n\n`);
  });

  it("returns 2 on usage errors and never a stack trace", async () => {
    const io = memoryIo();
    expect(await main(["opt", "--bogus"], io)).toBe(2);
    expect(io.err).toMatch(/unknown option '--bogus'/);
    expect(io.err).not.toMatch(/\n\s+at /);
    const io2 = memoryIo();
    expect(await main(["opt", "missing-file.mlir"], io2)).toBe(1);
    expect(io2.err).toMatch(/cannot read 'missing-file\.mlir': ENOENT/);
  });

  it("survives deeply nested input with a diagnostic", async () => {
    const r = await opt(`"t.a"() {x = ${"[".repeat(50000)}} : () -> ()`, "--allow-unregistered-dialect");
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/nest/);
  });
});
