// Matching cost against the number of rules: rule sets of 10, 100, 1,000 and 10,000 generated rules
// with distinct patterns, applied to the same input; the time per visited op at 10,000 rules should
// stay within 2x of that at 10 rules (the automaton, not the rule count, decides the cost).
import { SourceFile } from "../../engine/support/source.ts";
import { createContext } from "../../engine/dialects/index.ts";
import { parseSource } from "../../grammar/mlir/parse-module.ts";
import { RuleLibrary } from "../../engine/rewrite/library.ts";
import { builtinRegistry } from "../../engine/rewrite/builtins.ts";
import { GreedyDriver } from "../../engine/rewrite/driver.ts";
import { arithWorkload } from "./workload.ts";
import type { BenchSection } from "./run.ts";
import { median, table } from "./report.ts";

const binaryOps = ["addi", "subi", "muli", "andi", "ori", "xori", "maxsi", "minsi", "maxui", "minui", "shli", "shrsi", "shrui", "divsi", "divui", "remsi", "remui"];

/**
 * `n` rules with distinct patterns that never match the workload: each requires a nested op shape
 * and a constant the input does not contain, so every op is visited and no rewrite happens.
 */
export function generatedRules(n: number): string {
  const lines = ["ruleset generated {", "  fold off"];
  for (let i = 0; i < n; i++) {
    const outer = binaryOps[i % binaryOps.length]!;
    const inner = binaryOps[Math.floor(i / binaryOps.length) % binaryOps.length]!;
    const k = 1000 + Math.floor(i / (binaryOps.length * binaryOps.length));
    lines.push(`  rule r${i}: arith.${outer}(arith.${inner}(x, arith.constant(${k})), y) => x`);
  }
  lines.push("}");
  return lines.join("\n");
}

async function run(args: readonly string[]): Promise<void> {
  const i = args.indexOf("--scaling-ops");
  const ops = i >= 0 ? Number(args[i + 1]) : 50_000;
  const rows: string[][] = [];
  let base: number | undefined;
  for (const n of [10, 100, 1000, 10000]) {
    const ctx = createContext({ allowUnregistered: false });
    const library = new RuleLibrary(ctx, builtinRegistry());
    const compileStart = performance.now();
    library.addSource(new SourceFile(`generated-${n}.prr`, generatedRules(n)));
    const set = library.ruleSet("generated");
    if (set === undefined) throw new Error(library.diagnostics.map((d) => d.message).join("\n"));
    const driver = new GreedyDriver(set);
    const compileMs = performance.now() - compileStart;
    const times: number[] = [];
    for (let r = 0; r < 3; r++) {
      const { module } = parseSource(ctx, new SourceFile("w.mlir", arithWorkload(ops, "custom")));
      const started = performance.now();
      driver.run(module);
      times.push(performance.now() - started);
    }
    const perOp = (1e6 * median(times)) / ops;
    base ??= perOp;
    rows.push([String(n), `${compileMs.toFixed(0)} ms`, `${driver.automaton.size.switches}/${driver.automaton.size.leaves}`, `${median(times).toFixed(0)} ms`, `${perOp.toFixed(0)} ns`, `${(perOp / base).toFixed(2)}x`]);
  }
  console.log(`input: ${ops.toLocaleString("en-US")} arith ops, every op visited, no rule matches; medians of 3 runs`);
  console.log(table(["rules", "compile", "switches/leaves", "driver", "per op", "vs 10 rules"], rows));
  console.log("goal: per-op time at 10,000 rules within 2.00x of 10 rules");
}

export const ruleScalingBench: BenchSection = {
  name: "rule-scaling",
  summary: "matching cost per op with 10 to 10,000 rules",
  run,
};
