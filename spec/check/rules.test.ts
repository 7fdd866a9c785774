// `prr check` on rule sets: each stage catches its deliberately broken set (spec/check/*.prr)
// with the right code at the right spans, a clean set passes every stage, and the shipped
// rules/ check as rules/README.md documents.
import { describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import * as path from "node:path";
import { main } from "../../tools/cli/main.ts";
import { memoryIo } from "../../tools/cli/io.ts";
import { createContext } from "../../engine/dialects/index.ts";
import { RuleLibrary, shippedRulesDir } from "../../engine/rewrite/library.ts";
import { builtinRegistry } from "../../engine/rewrite/builtins.ts";
import { ruleTerms } from "../../engine/check/rules/rule-terms.ts";
import { terminationProof } from "../../engine/check/rules/termination.ts";
import { isVar, type Term } from "../../engine/check/trs/term.ts";
import { checkOrder } from "../trs/checker/orders.ts";
import { checkRuleSets } from "../../engine/check/rules/check-rule-sets.ts";
import { foldAffineConstantsRewrite } from "../../engine/rewrite/natives/affine-operands.ts";
import type { R, T } from "../trs/checker/terms.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
const SLOW = 120_000;

async function check(...args: string[]) {
  const io = memoryIo({});
  const code = await main(["check", ...args], io);
  return { code, out: io.out, err: io.err };
}

async function checkJson(file: string, ...args: string[]) {
  const r = await check(path.join(here, file), "--json", ...args);
  return { code: r.code, json: JSON.parse(r.out) as CheckJson };
}

interface CheckJson {
  ok: boolean;
  ruleSets: {
    name: string;
    stages: { stage: string; verdict: string; report: string[]; diagnostics: { severity: string; code: string; message: string; location: { line: number } | null; notes: { message: string; location: { line: number } | null }[] }[] }[];
  }[];
}

function stage(json: CheckJson, name: string) {
  const s = json.ruleSets[0]!.stages.find((x) => x.stage === name);
  if (!s) throw new Error(`no stage ${name}`);
  return s;
}

describe("prr check: rule sets", () => {
  it("reports equal-priority rules that overlap with different results, and masked rules", async () => {
    const { code, json } = await checkJson("overlap.prr", "--stage", "overlap");
    expect(code).toBe(1);
    const s = stage(json, "overlap");
    expect(s.verdict).toBe("fail");
    const overlap = s.diagnostics.find((d) => d.code === "PRR3201")!;
    expect(overlap.location?.line).toBe(6);
    expect(overlap.notes[0]!.location?.line).toBe(9);
    expect(overlap.notes.map((n) => n.message)).toContain("overlap: arith.addi(x, arith.constant(0))");
    expect(overlap.notes.some((n) => n.message.startsWith("reproducer:\nfunc.func @reproducer(%arg0: i32)"))).toBe(true);
    const masked = s.diagnostics.find((d) => d.code === "PRR3202")!;
    expect(masked.message).toContain("'muli_one_again' never applies");
    expect(masked.location?.line).toBe(15);
    expect(masked.notes[0]!.location?.line).toBe(12);
  }, SLOW);

  it("finds a rewrite loop when no order exists", async () => {
    const { code, json } = await checkJson("loop.prr", "--stage", "termination");
    expect(code).toBe(1);
    const s = stage(json, "termination");
    expect(s.verdict).toBe("fail");
    const loop = s.diagnostics.find((d) => d.code === "PRR3203")!;
    expect(loop.message).toContain("'subi_to_addi' → 'addi_to_subi' form a rewrite loop");
    expect(loop.location?.line).toBe(5);
    expect(loop.notes.some((n) => n.location?.line === 8)).toBe(true);
  }, SLOW);

  it("reports a critical pair that does not join, with both results and a reproducer", async () => {
    const { code, json } = await checkJson("critical-pair.prr", "--stage", "termination,confluence");
    expect(code).toBe(1);
    expect(stage(json, "termination").verdict).toBe("pass");
    const s = stage(json, "confluence");
    expect(s.verdict).toBe("fail");
    const cp = s.diagnostics.find((d) => d.code === "PRR3205")!;
    expect(cp.location?.line).toBe(6);
    expect(cp.notes[0]!.location?.line).toBe(9);
    const notes = cp.notes.map((n) => n.message);
    expect(notes).toContain("'addi_zero' gives: arith.subi(x, arith.constant(0))");
    expect(notes).toContain("'subi_addi_cancel' gives: x");
    expect(notes.some((n) => n.includes('"arith.subi"(%1, %3)'))).toBe(true);
    // the reproducer is valid MLIR
    const mlir = notes.find((n) => n.startsWith("reproducer:\n"))!.slice("reproducer:\n".length);
    const io = memoryIo({ "r.mlir": mlir });
    expect(await main(["opt", "r.mlir"], io)).toBe(0);
    expect(io.out).toContain("arith.subi");
  }, SLOW);

  it("prints a counterexample for a wrong rule and proves the right one", async () => {
    const { code, json } = await checkJson("wrong-rule.prr", "--stage", "soundness");
    expect(code).toBe(1);
    const s = stage(json, "soundness");
    expect(s.verdict).toBe("fail");
    const wrong = s.diagnostics.filter((d) => d.code === "PRR3206");
    expect(wrong).toHaveLength(1);
    expect(wrong[0]!.location?.line).toBe(5);
    const m = /with x = (-?\d+) : i(\d+) the pattern gives (-?\d+) : i\d+ but the rewrite gives (-?\d+)/.exec(wrong[0]!.message)!;
    expect(m).not.toBeNull();
    // replay the counterexample: x + x against x << 2 at that width
    const [x, w, lhs, rhs] = [BigInt(m[1]!), Number(m[2]!), BigInt(m[3]!), BigInt(m[4]!)];
    expect(BigInt.asIntN(w, x + x)).toBe(lhs);
    expect(BigInt.asIntN(w, x << 2n)).toBe(rhs);
    expect(lhs).not.toBe(rhs);
    expect(s.report[0]).toMatch(/^1 rule proved/);
  }, SLOW);

  it("checks float rules in IEEE arithmetic", async () => {
    const { code, json } = await checkJson("float-rules.prr", "--stage", "soundness");
    expect(code).toBe(1);
    const s = stage(json, "soundness");
    const wrong = s.diagnostics.filter((d) => d.code === "PRR3206");
    expect(wrong.map((d) => d.location?.line)).toEqual([8]);
    expect(wrong[0]!.message).toMatch(/rule 'absf_negf' is wrong: for f16 inputs .*FloatingPoint/);
    expect(s.report[0]).toMatch(/^1 rule proved/);
  }, SLOW);

  it("passes a clean set on every stage, with exit code 0", async () => {
    const r = await check(path.join(here, "clean.prr"), "--verify");
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    for (const s of ["overlap", "termination", "confluence", "soundness"]) expect(r.out).toContain(`  ${s}: PASS`);
    expect(r.out).toContain("terminates: lexicographic path order");
    expect(r.out).toContain("confluent");
  }, SLOW);

  it("rejects unknown stages", async () => {
    const r = await check("--stage", "typos");
    expect(r.code).toBe(2);
  });
});

describe("prr check --verify on the shipped rules", () => {
  it("has every finding fixed or explained in its rule's comment (rules/README.md, 'Checking rules')", async () => {
    const io = memoryIo({});
    const code = await main(["check", "--verify", "--json"], io);
    const json = JSON.parse(io.out) as CheckJson;
    const all = json.ruleSets.flatMap((r) => r.stages.flatMap((s) => s.diagnostics.map((d) => ({ ...d, where: `${r.name}/${s.stage}` }))));
    const open = all.filter((d) => d.severity !== "note").map((d) => `${d.where}: ${d.message}`);
    expect(open).toEqual([]);
    expect(all.some((d) => d.message.startsWith("explained: "))).toBe(true);
    const canon = json.ruleSets.find((r) => r.name === "canonicalize")!;
    const verdicts = Object.fromEntries(canon.stages.map((s) => [s.stage, s.verdict]));
    expect(verdicts).toEqual({ overlap: "pass", termination: "pass", confluence: "pass", soundness: "pass" });
    expect(code).toBe(0);
    // the affine natives are analysed through their contract, the tensor rules tested on the interpreter
    const report = (name: string) => canon.stages.find((s) => s.stage === name)!.report.join("\n");
    expect(report("termination")).toContain("certificate with native rules");
    expect(report("confluence")).toContain("native rules (6): no critical pair");
    expect(report("soundness")).toMatch(/tested against the reference interpreter.*transpose_transpose \(\d+ instances/);
    expect(report("soundness")).toMatch(/for_constant_bounds \(\d+ instances/);
  }, SLOW);
});

describe("the termination certificate of the shipped canonicalize set", () => {
  it("is re-verified by the independent order checker of spec/trs", () => {
    const library = new RuleLibrary(createContext({ allowUnregistered: false }), builtinRegistry());
    library.addDirectory(shippedRulesDir()!);
    const set = library.ruleSet("canonicalize")!;
    const { trs, proof } = terminationProof(ruleTerms(set));
    expect(proof).toBeDefined();
    const toT = (t: Term): T => (isVar(t) ? { v: trs.bank.varName(t) } : { f: trs.bank.symbolName(t.head), a: t.args.map(toT) });
    const rules: R[] = trs.rules.map((r) => ({ l: toT(r.lhs), r: toT(r.rhs) }));
    const arity = new Map(trs.symbols.map((f) => [trs.bank.symbolName(f), trs.bank.arity(f)]));
    expect(rules.length).toBeGreaterThan(100);
    expect(checkOrder(proof!.order, rules, [], arity)).toBeUndefined();
    // and the checker does reject what the order cannot orient: a rule turned around
    const backwards = rules.find((r) => "f" in r.r)!;
    expect(checkOrder(proof!.order, [...rules, { l: backwards.r, r: backwards.l }], [], arity)).toBeDefined();
  });
});

describe("prr check: native rewrites with a contract", () => {
  it("analyses native rules through the contract: termination extends the order, overlap and confluence find no pair", async () => {
    const { code, json } = await checkJson("native-rules.prr", "--verify");
    expect(code).toBe(0);
    const t = stage(json, "termination");
    expect(t.verdict).toBe("pass");
    expect(t.report.join("\n")).toContain("multiset status for affine.apply, affine.load");
    expect(stage(json, "overlap").report.join("\n")).toContain("2 native rules");
    expect(stage(json, "confluence").report.join("\n")).toContain("no rule is rooted at an op they inspect (ops with trait ConstantLike)");
    expect(stage(json, "soundness").report.join("\n")).toMatch(/apply_constant_operands \(\d+ instances/);
  }, SLOW);

  it("reports what a contract cannot decide: a root overlap and a native root inside another pattern", async () => {
    const { code, json } = await checkJson("native-overlap.prr");
    expect(code).toBe(1);
    const o = stage(json, "overlap");
    expect(o.verdict).toBe("unknown");
    const overlap = o.diagnostics.find((d) => d.code === "PRR3201")!;
    expect(overlap.message).toContain("'apply_constant_operands' and 'apply_single'");
    expect(overlap.location?.line).toBe(8);
    const c = stage(json, "confluence");
    expect(c.verdict).toBe("unknown");
    const pair = c.diagnostics.find((d) => d.code === "PRR3205")!;
    expect(pair.message).toContain("critical pair of 'addi_apply' and 'apply_constant_operands'");
    expect(pair.location?.line).toBe(14);
    expect(stage(json, "termination").verdict).toBe("pass");
  }, SLOW);

  it("leaves a native without a contract UNKNOWN (PRR3208), never passed", async () => {
    const ctx = createContext({ allowUnregistered: false });
    const natives = builtinRegistry().defineRewrite("fold_affine_constants", { ...foldAffineConstantsRewrite, contract: undefined });
    const library = new RuleLibrary(ctx, natives);
    library.addFile(path.join(here, "native-rules.prr"));
    const set = library.ruleSet("contract-natives")!;
    const [report] = await checkRuleSets([set], new Set(["overlap", "termination", "confluence"] as const), { ctx });
    for (const s of report!.stages) expect(s.verdict).toBe("unknown");
    const untranslated = report!.stages[0]!.diagnostics.filter((d) => d.code === "PRR3208");
    expect(untranslated.map((d) => d.message)).toEqual([
      expect.stringContaining("'apply_constant_operands' is not analysed by the overlap, termination and confluence stages: native rewrite 'fold_affine_constants' declares no contract"),
      expect.stringContaining("'load_constant_indices' is not analysed"),
    ]);
  }, SLOW);
});

describe("prr check --verify: differential testing of rules without SMT semantics", () => {
  it("catches a wrong tensor rule with a counterexample (instance, inputs, both results)", async () => {
    const { code, json } = await checkJson("wrong-tensor-rule.prr", "--verify", "--stage", "soundness");
    expect(code).toBe(1);
    const s = stage(json, "soundness");
    expect(s.verdict).toBe("fail");
    const wrong = s.diagnostics.filter((d) => d.code === "PRR3206");
    expect(wrong).toHaveLength(1);
    expect(wrong[0]!.message).toMatch(/rule 'transpose_transpose_swapped' is wrong \(differential testing\): on @f, result #0 differs: the pattern gives \[.*\] \(shape 3x3x3\) but the rewrite gives \[/);
    expect(wrong[0]!.location?.line).toBe(7);
    const notes = wrong[0]!.notes.map((n) => n.message);
    expect(notes[0]).toMatch(/^instance \(test transpose_transpose_swapped.*\):\nmodule \{/);
    expect(notes[1]).toMatch(/^inputs of @f: \[/);
    expect(notes[2]).toContain("perms = array<i32: 0, 2, 1>");
    // the right rule of the same set is tested and passes
    expect(s.report.join("\n")).toMatch(/cast_identity \(\d+ instances, \d+ runs\)/);
  }, SLOW);

  it("keeps a rule with no instance UNKNOWN, not passed", async () => {
    const ctx = createContext({ allowUnregistered: false });
    const library = new RuleLibrary(ctx, builtinRegistry());
    library.addFile(path.join(here, "wrong-tensor-rule.prr"));
    const set = library.ruleSet("broken-tensor-soundness")!;
    const untested = { ...set, tests: set.tests.filter((t) => t.name !== "transpose_transpose_swapped") };
    const [report] = await checkRuleSets([untested], new Set(["soundness"] as const), { ctx });
    const s = report!.stages[0]!;
    expect(s.verdict).toBe("unknown");
    expect(s.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([expect.stringMatching(/^PRR3207 rule 'transpose_transpose_swapped' could not be verified: no SMT semantics .* and not tested: no inline test mentions its root op/)]);
  }, SLOW);
});
