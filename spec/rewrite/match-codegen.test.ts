// The compiled matchers against the general matcher they replace in the driver: for every variant
// of the shipped rule sets and every op of the rules' inline test inputs (and of the corpus models
// when present), both give the same verdict and, on a match, the same bindings.
import { describe, expect, it } from "vitest";
import * as fs from "node:fs";
import * as path from "node:path";
import { SourceFile } from "../../engine/support/source.ts";
import { createContext } from "../../engine/dialects/index.ts";
import { parseSource } from "../../grammar/mlir/parse-module.ts";
import { walkPreOrder } from "../../engine/ir/walk.ts";
import { parsePrr } from "../../grammar/prr/parse.ts";
import { RuleLibrary, shippedRulesDir } from "../../engine/rewrite/library.ts";
import { builtinRegistry } from "../../engine/rewrite/builtins.ts";
import { MatchAutomaton } from "../../engine/rewrite/automaton.ts";
import { matchOp } from "../../engine/rewrite/match.ts";
import type { Binding } from "../../engine/rewrite/evaluate.ts";
import type { Operation } from "../../engine/ir/operation.ts";
import { corpusAbsence, corpusRoot } from "../conformance/corpus.ts";

const rulesDir = shippedRulesDir()!;

function inputTexts(): string[] {
  const out: string[] = [];
  const dir = path.join(rulesDir, "canonicalize");
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith(".prr")).sort()) {
    const ast = parsePrr(new SourceFile(f, fs.readFileSync(path.join(dir, f), "utf8"))).ast!;
    for (const item of ast.items) if (item.kind === "ruleset") for (const m of item.members) if (m.kind === "test") out.push(m.input.text);
  }
  if (corpusAbsence() === undefined) {
    const models = path.join(corpusRoot(), "models");
    for (const f of fs.readdirSync(models).filter((x) => x.endsWith(".mlir")).sort()) out.push(fs.readFileSync(path.join(models, f), "utf8"));
  }
  return out;
}

describe("compiled matchers", () => {
  it("agree with the general matcher on every variant and op", () => {
    const ctx = createContext({ allowUnregistered: true });
    const library = new RuleLibrary(ctx, builtinRegistry());
    library.addDirectory(rulesDir);
    const automaton = new MatchAutomaton(library.ruleSet("canonicalize")!.rules);
    const ops: Operation[] = [];
    for (const text of inputTexts()) {
      const { module } = parseSource(ctx, new SourceFile("in.mlir", text));
      walkPreOrder(module, (op) => {
        ops.push(op);
      });
    }
    let matches = 0;
    let compared = 0;
    for (const v of automaton.variants)
      for (const op of ops) {
        const general: Binding[] = new Array(v.scratch.length).fill(undefined);
        const compiled: Binding[] = new Array(v.scratch.length).fill(undefined);
        const expected = matchOp(v.pattern, op, general);
        const actual = v.match(op, compiled);
        compared++;
        if (actual !== expected) expect.fail(`rule '${v.rule.name}' on '${op.name}': compiled ${actual}, general ${expected}`);
        if (expected) {
          matches++;
          for (let i = 0; i < general.length; i++)
            if (compiled[i] !== general[i]) expect.fail(`rule '${v.rule.name}' on '${op.name}': binding ${i} differs`);
        }
      }
    expect(compared).toBeGreaterThan(10_000);
    // Enough of the variants match something for the comparison to mean something.
    expect(matches).toBeGreaterThan(automaton.variants.length / 2);
  });
});
