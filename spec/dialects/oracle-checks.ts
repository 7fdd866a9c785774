// The dialect suites' oracle round trip: each input goes through `prr opt` (custom form as written,
// and the generic form mlir-opt-22 prints of it; default and --print-generic output), and mlir-opt-22
// must accept prr's output and print it generically as it prints the original. Unlike the corpus
// conformance suite, unregistered test ops (`"test.op"`) are allowed, so custom forms are always tried.
import * as fs from "node:fs";
import * as path from "node:path";
import { mlirOptBatch, type OracleResult } from "../conformance/mlir-opt-batch.ts";
import { firstDifference, renameSsa } from "../conformance/normalize.ts";
import { firstDiagnostic, prrOpt, type PrrRun } from "../conformance/prr-opt.ts";
import { corpusAbsence, corpusRoot } from "../conformance/corpus.ts";
import { llvmTool } from "../support/llvm.ts";

export interface Input {
  readonly name: string;
  readonly text: string;
}

export const checks = ["custom/default", "custom/print-generic", "generic/default"] as const;
export type Check = (typeof checks)[number];

export interface Outcome {
  readonly name: string;
  /** Why each check failed (absent: it passed). */
  readonly failures: ReadonlyMap<Check, string>;
  /** undefined when prr's default output is mlir-opt-22's, else the first difference. */
  readonly textDifference: string | undefined;
}

const allow = "--allow-unregistered-dialect";
const generic = [allow, "--mlir-print-op-generic"];

function quote(line: string): string {
  const t = line.trim();
  return `\`${t.length > 140 ? `${t.slice(0, 140)}...` : t}\``;
}

function judge(run: PrrRun, reprint: OracleResult | undefined, reference: OracleResult): string | undefined {
  if (run.code !== 0) return `prr exits ${run.code}: ${firstDiagnostic(run.err)}`;
  if (!reference.ok) return `mlir-opt-22 rejects the original: ${reference.error}`;
  if (reprint === undefined || !reprint.ok) return `mlir-opt-22 rejects prr's output: ${reprint?.error ?? "no verdict"}`;
  const d = firstDifference(renameSsa(reference.output), renameSsa(reprint.output));
  return d === undefined
    ? undefined
    : `generic print differs at line ${d.line}: expected ${quote(d.left)}, got ${quote(d.right)}`;
}

/** Runs every check on every input; mlir-opt-22 is spawned a few times in all. */
export async function roundTrip(inputs: readonly Input[], mlirOpt: string): Promise<Outcome[]> {
  const references = mlirOptBatch(
    mlirOpt,
    generic,
    inputs.map((i) => i.text),
  );
  const oracleTexts = mlirOptBatch(
    mlirOpt,
    [allow],
    inputs.map((i) => i.text),
  );
  const runs: { input: number; check: Check; run: PrrRun }[] = [];
  for (const [k, input] of inputs.entries()) {
    runs.push({ input: k, check: "custom/default", run: await prrOpt(input.name, input.text, [allow]) });
    runs.push({ input: k, check: "custom/print-generic", run: await prrOpt(input.name, input.text, [allow, "--print-generic"]) });
    const ref = references[k]!;
    if (ref.ok)
      runs.push({ input: k, check: "generic/default", run: await prrOpt(`generic-${input.name}`, ref.output, [allow]) });
  }
  const printed = runs.filter((r) => r.run.code === 0);
  const reprints = new Map(
    mlirOptBatch(
      mlirOpt,
      generic,
      printed.map((r) => r.run.out),
    ).map((o, k) => [printed[k]!, o]),
  );
  return inputs.map((input, k) => {
    const failures = new Map<Check, string>();
    for (const r of runs.filter((x) => x.input === k)) {
      const why = judge(r.run, reprints.get(r), references[k]!);
      if (why !== undefined) failures.set(r.check, why);
    }
    if (!references[k]!.ok) failures.set("generic/default", `mlir-opt-22 rejects the original`);
    const custom = runs.find((r) => r.input === k && r.check === "custom/default")!.run;
    const oracle = oracleTexts[k]!;
    let textDifference: string | undefined = "not compared (a side failed)";
    if (custom.code === 0 && oracle.ok) {
      const d = firstDifference(oracle.output.trimEnd(), custom.out.trimEnd());
      textDifference =
        d === undefined ? undefined : `line ${d.line}: mlir-opt-22 prints ${quote(d.left)}, prr prints ${quote(d.right)}`;
    }
    return { name: input.name, failures, textDifference };
  });
}

export function formatOutcomes(title: string, outcomes: readonly Outcome[]): string {
  const lines = [`${title}: prr opt round trip judged by mlir-opt-22`];
  for (const o of outcomes) {
    const verdict = checks.map((c) => (o.failures.has(c) ? "FAIL" : "ok")).join("/");
    lines.push(`  ${o.name}: ${verdict}; same text as mlir-opt-22: ${o.textDifference === undefined ? "yes" : "no"}`);
    for (const [c, why] of o.failures) lines.push(`    ${c}: ${why}`);
    if (o.textDifference !== undefined) lines.push(`    text: ${o.textDifference}`);
  }
  const same = outcomes.filter((o) => o.textDifference === undefined).length;
  lines.push(`  default output equals mlir-opt-22's on ${same}/${outcomes.length} inputs`);
  return lines.join("\n");
}

/** mlir-opt-22, or why the suite is skipped. */
export function oracle(): { tool: string } | { skip: string } {
  const tool = llvmTool("mlir-opt");
  return tool === undefined ? { skip: "mlir-opt-22 is not installed" } : { tool };
}

/** Corpus files (models and xdsl conformance inputs) whose text matches `pattern`; empty without a corpus. */
export function corpusInputs(pattern: RegExp): Input[] {
  if (corpusAbsence() !== undefined) return [];
  const root = corpusRoot();
  const out: Input[] = [];
  for (const folder of ["models", "conformance/xdsl"]) {
    for (const entry of fs.readdirSync(path.join(root, folder)).sort()) {
      if (!entry.endsWith(".mlir")) continue;
      const text = fs.readFileSync(path.join(root, folder, entry), "utf8");
      if (pattern.test(text)) out.push({ name: `${folder}/${entry}`, text });
    }
  }
  return out;
}

/** A check known to fail on one input, and why (a bug elsewhere, or one mlir-opt-22 shares). */
export interface KnownException {
  readonly checks: readonly Check[];
  readonly reason: string;
}

/**
 * What is wrong with an outcome: failed checks not listed as known, and listed checks that now pass
 * (the list must shrink when the bug is fixed).
 */
export function problems(o: Outcome, known: KnownException | undefined): string[] {
  const listed = known?.checks ?? [];
  const out: string[] = [];
  for (const [c, why] of o.failures) if (!listed.includes(c)) out.push(`${c}: ${why}`);
  for (const c of listed) if (!o.failures.has(c)) out.push(`${c}: passes but is listed as a known exception; remove it`);
  return out;
}
