// Pipelines: a comma-separated list of rule sets and native passes (or the name of a pipeline
// defined in rules/), resolved against the rule library and the pass registry, then run in order
// with mlir-opt's instrumentation: IR printing after passes and pass timing.
import type { Operation } from "../ir/operation.ts";
import { verify } from "../ir/verifier.ts";
import type { Diagnostic } from "../support/diagnostics.ts";
import { diag } from "../support/diagnostics.ts";
import type { Span } from "../support/source.ts";
import type { RuleLibrary } from "../rewrite/library.ts";
import type { RuleSet } from "../rewrite/sema/rule-set.ts";
import { GreedyDriver, type DriverOptions } from "../rewrite/driver.ts";
import { illegalOps } from "../rewrite/legality.ts";
import type { NativePass, PassProblem, PassRegistry } from "./pass.ts";

export type PipelineStep = { readonly kind: "rules"; readonly name: string; readonly set: RuleSet } | { readonly kind: "pass"; readonly name: string; readonly pass: NativePass };

/** Resolves a pipeline text; unknown names are reported (with the pipeline's own span if defined in rules/). */
export function resolvePipeline(text: string, library: RuleLibrary, passes: PassRegistry, diagnostics: Diagnostic[], seen: Set<string> = new Set(), at?: Span): PipelineStep[] {
  const steps: PipelineStep[] = [];
  for (const raw of text.split(",")) {
    const name = raw.trim();
    if (name === "") continue;
    const pass = passes.lookup(name);
    if (pass !== undefined) {
      steps.push({ kind: "pass", name, pass });
      continue;
    }
    if (library.ruleSets.has(name)) {
      const set = library.ruleSet(name);
      if (set !== undefined) steps.push({ kind: "rules", name, set });
      continue;
    }
    const pipeline = library.pipelines.get(name);
    if (pipeline !== undefined) {
      if (seen.has(name)) {
        diagnostics.push(diag("PRR3011", `pipeline '${name}' refers to itself`, pipeline.decl.name.span));
        continue;
      }
      seen.add(name);
      steps.push(...resolvePipeline(pipeline.decl.passes.map((p) => p.text).join(","), library, passes, diagnostics, seen, pipeline.decl.span));
      seen.delete(name);
      continue;
    }
    const known = [...passes.names, ...library.ruleSets.keys(), ...library.pipelines.keys()].sort();
    diagnostics.push(diag("PRR3024", `unknown rule set, pipeline or pass '${name}' (known: ${known.join(", ")})`, at));
  }
  return steps;
}

export interface PipelineHooks extends DriverOptions {
  /** Called after each step with whether it changed the IR (for --print-ir-after-*). */
  readonly afterStep?: (step: PipelineStep, changed: boolean) => void;
  /** Per-step wall time in milliseconds (for --time-passes). */
  readonly timings?: { name: string; ms: number }[];
  /** Verify after each step (mlir-opt's -verify-each, on by default). */
  readonly verifyEach?: boolean;
}

export function runPipeline(module: Operation, steps: readonly PipelineStep[], hooks: PipelineHooks = {}): PassProblem[] {
  for (const step of steps) {
    const started = performance.now();
    let changed: boolean;
    let problems: readonly PassProblem[];
    if (step.kind === "pass") ({ changed, problems } = step.pass.run(module));
    else {
      const r = new GreedyDriver(step.set, hooks).run(module);
      changed = r.changed;
      problems = r.problems;
      if (problems.length === 0 && step.set.conversion) problems = illegalOps(module, step.set);
    }
    hooks.timings?.push({ name: step.name, ms: performance.now() - started });
    if (problems.length > 0) return [...problems];
    hooks.afterStep?.(step, changed);
    if (hooks.verifyEach !== false) {
      const errors = verify(module);
      if (errors.length > 0)
        return errors.map((e) => ({ op: e.op, diagnostic: diag("PRR2001", `after '${step.name}': ${e.message}`, undefined) }));
    }
  }
  return [];
}
