// Fuzzing the .prr front end and engine: mutations of the shipped rule files (byte flips,
// truncation, token deletion and duplication, insertion of .prr tokens) must end in success or in
// spanned diagnostics, never an exception, within a bounded time per case; rule sets that still
// compile are run on a small input. PRR_PRR_FUZZ_RUNS sets the number of cases (default 5,000);
// CI replays one fixed seed.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import * as fs from "node:fs";
import * as path from "node:path";
import { mutate, type Mutation } from "../fuzz/mutations.ts";
import { SourceFile } from "../../engine/support/source.ts";
import { createContext } from "../../engine/dialects/index.ts";
import { parseSource } from "../../grammar/mlir/parse-module.ts";
import { RuleLibrary, shippedRulesDir } from "../../engine/rewrite/library.ts";
import { builtinRegistry } from "../../engine/rewrite/builtins.ts";
import { runPipeline } from "../../engine/passes/pipeline.ts";

const runs = Number(process.env.PRR_PRR_FUZZ_RUNS ?? 5000);
const seed = Number(process.env.PRR_FUZZ_SEED ?? (process.env.CI ? 20261122 : Date.now() % 2 ** 31));

const prrInsertions = [
  ..."{ } ( ) , : = => @ # ... ^ _ + - * / % << >> & | == != < <= && || ! ~ ; \" \"\"\"".split(" "),
  ..."rule ruleset conversion let replace with erase where priority budget order fold include illegal legal test input check mlir native import pipeline".split(" "),
  ..."arith.addi arith.constant tosa.transpose linalg.map x y c0 t tensor<MxNxE> i32 index 0 -1 1.5 9999999999999999999999 true".split(" "),
  "\n",
];

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("flip" as const), at: fc.nat(), bit: fc.nat({ max: 7 }) }),
  fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("delete-token" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("duplicate-token" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), text: fc.constantFrom(...prrInsertions) }),
);

const input = `func.func @f(%x: i32, %y: i32, %t: tensor<2x3xf32>) -> i32 {
  %c0 = arith.constant 0 : i32
  %c4 = arith.constant 4 : i32
  %0 = arith.addi %x, %c0 : i32
  %1 = arith.muli %0, %c4 : i32
  %2 = arith.subi %1, %1 : i32
  %3 = arith.cmpi slt, %2, %y : i32
  %4 = arith.select %3, %x, %y : i32
  %5 = tosa.transpose %t {perms = array<i32: 1, 0>} : (tensor<2x3xf32>) -> tensor<3x2xf32>
  return %4 : i32
}
`;

function files(): { name: string; text: string }[] {
  const dir = shippedRulesDir()!;
  const out: { name: string; text: string }[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(".prr")) out.push({ name: path.relative(dir, p), text: fs.readFileSync(p, "utf8") });
    }
  };
  walk(dir);
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

describe("fuzzing the shipped rule files", () => {
  it(`ends every case in success or diagnostics (${runs} cases, seed ${seed})`, () => {
    const sources = files();
    let slowest = 0;
    let compiled = 0;
    let diagnosed = 0;
    fc.assert(
      fc.property(fc.nat({ max: sources.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 4 }), (which, mutations) => {
        const started = performance.now();
        const text = mutate(sources[which]!.text, mutations);
        const ctx = createContext({ allowUnregistered: false });
        const library = new RuleLibrary(ctx, builtinRegistry());
        library.addSource(new SourceFile(sources[which]!.name, text));
        const sets = library.all();
        for (const d of library.diagnostics) {
          // Every diagnostic is spanned within the mutated file, with a stable code.
          expect(d.code).toMatch(/^PRR\d{4}$/);
          if (d.span) expect(d.span.end).toBeLessThanOrEqual(text.length + 1);
        }
        if (library.diagnostics.length > 0) diagnosed++;
        else compiled++;
        for (const set of sets.slice(0, 2)) {
          set.budget.rewrites = Math.min(set.budget.rewrites, 200);
          const { module } = parseSource(ctx, new SourceFile("in.mlir", input));
          runPipeline(module, [{ kind: "rules", name: set.name, set }], { verifyEach: false });
        }
        slowest = Math.max(slowest, performance.now() - started);
      }),
      { numRuns: runs, seed },
    );
    console.log(`prr fuzz: ${runs} cases (seed ${seed}): ${compiled} compiled, ${diagnosed} diagnosed; slowest case ${slowest.toFixed(0)} ms`);
    expect(slowest).toBeLessThan(5000);
  }, 600_000);
});
