// The shipped rule sets: every file compiles, every inline test passes, and every rule of
// `canonicalize` fires in at least one inline test (a rule without a test is not done).
import { describe, expect, it } from "vitest";
import * as fs from "node:fs";
import * as path from "node:path";
import { main } from "../../tools/cli/main.ts";
import { memoryIo, processIo } from "../../tools/cli/io.ts";
import { createContext } from "../../engine/dialects/index.ts";
import { RuleLibrary, shippedRulesDir } from "../../engine/rewrite/library.ts";
import { builtinRegistry } from "../../engine/rewrite/builtins.ts";
import { runInlineTests } from "../../tools/cli/commands/test/inline-tests.ts";
import type { Rule } from "../../engine/rewrite/rule.ts";
import type { RuleStats } from "../../engine/rewrite/driver.ts";
import { formatDiagnostic } from "../../engine/support/diagnostics.ts";

const dir = shippedRulesDir()!;

describe("shipped rule sets", () => {
  it("compile without a diagnostic", () => {
    const lib = new RuleLibrary(createContext({ allowUnregistered: false }), builtinRegistry());
    lib.addDirectory(dir);
    const sets = lib.all();
    expect(lib.diagnostics.map(formatDiagnostic)).toEqual([]);
    expect(sets.map((s) => s.name)).toContain("canonicalize");
  });

  it("are formatted (`prr fmt --check`, as CI runs it)", async () => {
    const files: string[] = [];
    const walk = (d: string) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, e.name);
        if (e.isDirectory()) walk(p);
        else if (e.name.endsWith(".prr")) files.push(p);
      }
    };
    walk(dir);
    const io = memoryIo();
    Object.assign(io, { readFile: processIo().readFile });
    const code = await main(["fmt", "--check", ...files], io);
    expect(io.out, "run `prr fmt --write rules/**/*.prr`").toBe("");
    expect(code).toBe(0);
  });

  it("pass their inline tests through `prr test rules/`", async () => {
    const io = memoryIo();
    Object.assign(io, { readFile: processIo().readFile });
    const code = await main(["test", dir], io);
    expect(io.err).toBe("");
    expect(code).toBe(0);
    expect(io.out).toMatch(/ 0 failed/);
  });

  it("every canonicalize rule has a name, a comment, and fires in an inline test", () => {
    const stats = new Map<Rule, RuleStats>();
    const io = processIo();
    for (const f of fs.readdirSync(path.join(dir, "canonicalize")).filter((x) => x.endsWith(".prr") && x !== "canonicalize.prr")) {
      const r = runInlineTests(path.join(dir, "canonicalize", f), io, stats);
      expect(r.ok, r.runs.map((x) => x.stderr).join("\n")).toBe(true);
    }
    const lib = new RuleLibrary(createContext({ allowUnregistered: false }), builtinRegistry());
    lib.addDirectory(dir);
    const rules = lib.ruleSet("canonicalize")!.rules;
    expect(rules.length).toBeGreaterThan(80);
    const fired = new Set([...stats].filter(([, s]) => s.successes > 0).map(([r]) => `${r.ruleSet}.${r.name}`));
    const silent = rules.filter((r) => !fired.has(`${r.ruleSet}.${r.name}`)).map((r) => r.name);
    expect(silent).toEqual([]);
    expect(rules.filter((r) => r.doc === undefined).map((r) => r.name)).toEqual([]);
  });
});
