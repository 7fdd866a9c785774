// `prr lower` end to end in-process: pipelines, instrumentation, provenance, errors and exit codes.
import { describe, expect, it } from "vitest";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main } from "../../tools/cli/main.ts";
import { memoryIo } from "../../tools/cli/io.ts";

const model = `func.func @f(%x: i32) -> i32 {
  %c0 = arith.constant 0 : i32
  %0 = arith.addi %x, %c0 : i32
  %1 = arith.muli %0, %0 : i32
  %2 = arith.muli %0, %0 : i32
  %3 = arith.addi %1, %2 : i32
  return %3 : i32
}
`;

async function lower(args: string[], files: Record<string, string> = { "m.mlir": model }) {
  const io = memoryIo(files);
  const code = await main(["lower", ...args], io);
  return { code, out: io.out, err: io.err, written: io.written };
}

describe("prr lower", () => {
  it("runs the default pipeline (canonicalize, cse)", async () => {
    const r = await lower(["m.mlir"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/%0 = arith\.muli %arg0, %arg0 : i32\n\s*%1 = arith\.addi %0, %0 : i32\n\s*return %1/);
  });
  it("runs a comma-separated pipeline, and -o writes the file", async () => {
    const r = await lower(["m.mlir", "-p", "canonicalize", "-o", "out.mlir"]);
    expect(r.code).toBe(0);
    expect(r.written["out.mlir"]).toMatch(/arith\.muli %arg0, %arg0[^]*arith\.muli %arg0, %arg0/);
  });
  it("prints the IR after each changing step and the pass times", async () => {
    const r = await lower(["m.mlir", "-p", "canonicalize,cse", "--print-ir-after-change", "--time-passes"]);
    expect(r.err).toContain("// -----// IR Dump After canonicalize //----- //");
    expect(r.err).toContain("// -----// IR Dump After cse //----- //");
    expect(r.err).toMatch(/Execution time report[^]*canonicalize[^]*cse[^]*Total/);
  });
  it("prints per-rule statistics", async () => {
    const r = await lower(["m.mlir", "-p", "canonicalize", "--stats"]);
    expect(r.err).toMatch(/arith-canonicalize\.addi_zero\s+\d+\s+1\s/);
  });
  it("traces rule applications as JSON lines", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prr-trace-"));
    const trace = path.join(dir, "trace.jsonl");
    const io = memoryIo({ "m.mlir": model });
    const memoryWrite = io.writeFile.bind(io);
    // The trace goes to a real file; the output ('-') stays in memory.
    io.writeFile = (p: string, t: string) => (p === trace ? fs.writeFileSync(p, t) : memoryWrite(p, t));
    expect(await main(["lower", "m.mlir", "-p", "canonicalize", "--trace-rules", trace], io)).toBe(0);
    const lines = fs.readFileSync(trace, "utf8").trim().split("\n").map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ rule: "addi_zero", ruleSet: "arith-canonicalize", op: "arith.addi", loc: "m.mlir:3:8" });
    expect(lines[0].rule_span).toMatch(/arith\.prr:\d+:\d+$/);
    expect(lines[0].before).toContain("arith.addi");
    fs.rmSync(dir, { recursive: true });
  });
  it("names unknown rule sets and passes", async () => {
    const r = await lower(["m.mlir", "-p", "canonicalise"]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/unknown rule set, pipeline or pass 'canonicalise' \(known: .*canonicalize/);
  });
  it("reports errors of extra rule files at their spans and writes nothing", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prr-rules-"));
    const rules = path.join(dir, "bad.prr");
    fs.writeFileSync(rules, "ruleset bad {\n  rule r: arith.addi(x, y) => w\n}\n");
    const r = await lower(["m.mlir", "--rules", rules, "-p", "bad", "-o", "out.mlir"]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/bad\.prr:2:31: error: 'w' is not bound by the pattern or a 'let' \[PRR3004\]/);
    expect(r.written["out.mlir"]).toBeUndefined();
    fs.rmSync(dir, { recursive: true });
  });
  it("reports a non-converging rule set at the model's op and the rules' spans", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prr-rules-"));
    const rules = path.join(dir, "loop.prr");
    fs.writeFileSync(rules, "ruleset loop {\n  budget rewrites 20\n  rule a: arith.muli(x, y) : t => arith.muli(y, x) : t\n}\n");
    const r = await lower(["m.mlir", "--rules", rules, "-p", "loop"]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/loop\.prr:3:8: error: rule set 'loop' did not converge within 20 rewrites: rules 'a' rewrite in a cycle \[PRR3021\]/);
    fs.rmSync(dir, { recursive: true });
  });
  it("rejects a bad model with its diagnostics", async () => {
    const r = await lower(["m.mlir"], { "m.mlir": "func.func @f() {\n  %0 = arith.addi %x, %x : i32\n  return\n}\n" });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/m\.mlir:2:19: error: use of undeclared SSA value name '%x'/);
  });
  it("is a usage error without a model", async () => {
    expect((await lower([])).code).toBe(2);
  });
});

describe("prr lower --plugin", () => {
  const plugin = path.join(path.dirname(new URL(import.meta.url).pathname), "fixtures", "plugin.mjs");
  it("runs a native pass a plugin registers, by name in the pipeline", async () => {
    const r = await lower(["m.mlir", "--plugin", plugin, "-p", "canonicalize,count-ops"]);
    expect(r.err).toBe("");
    expect(r.out).toMatch(/func\.func @f\(%arg0: i32\) -> i32 attributes \{prr\.ops = 4 : i64\}/);
  });
  it("lets rules call a native rewrite a plugin registers", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prr-rules-"));
    const rules = path.join(dir, "neg.prr");
    fs.writeFileSync(rules, "ruleset neg {\n  rule r: arith.muli(x, -1) => native negate(x)\n}\n");
    const r = await lower(["m.mlir", "--plugin", plugin, "--rules", rules, "-p", "neg"], {
      "m.mlir": "func.func @f(%x: i32) -> i32 {\n  %m = arith.constant -1 : i32\n  %0 = arith.muli %x, %m : i32\n  return %0 : i32\n}\n",
    });
    expect(r.err).toBe("");
    expect(r.out).toMatch(/arith\.subi %c0_i32, %arg0/);
    fs.rmSync(dir, { recursive: true });
  });
  it("reports a plugin that cannot be loaded", async () => {
    const r = await lower(["m.mlir", "--plugin", "/nonexistent/plugin.js"]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/cannot load plugin '\/nonexistent\/plugin\.js'/);
  });
});
