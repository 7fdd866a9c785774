// Soundness by differential testing, for rules z3 cannot encode (tensor, tosa, vector, natives,
// regions, templates): each instance (instances.ts) is run on the reference interpreter before
// and after applying exactly that rule (apply-rule.ts), on deterministic pseudo-random arguments
// (arguments.ts); results and memref arguments must agree bit for bit. A trap before the rewrite
// is undefined behaviour the rewrite may refine (that input is skipped); a trap after it only is
// a counterexample, as is IR that no longer verifies.
import type { Context } from "../../../ir/context.ts";
import type { Operation } from "../../../ir/operation.ts";
import { TypeAttr } from "../../../ir/attributes.ts";
import { ShapedType, type FunctionType, type Type } from "../../../ir/types.ts";
import { verify } from "../../../ir/verifier.ts";
import type { Note } from "../../../support/diagnostics.ts";
import { printOperationText } from "../../../../grammar/mlir/asm-printer.ts";
import { Interpreter } from "../../../interp/interpreter.ts";
import { Trap } from "../../../interp/trap.ts";
import { ShapedValue, type RuntimeValue } from "../../../interp/values.ts";
import type { Rule } from "../../../rewrite/rule.ts";
import type { RuleSet } from "../../../rewrite/sema/rule-set.ts";
import { applyRuleOnce } from "./apply-rule.ts";
import { copyArguments, randomArguments, sameValue, valueText } from "./arguments.ts";
import { candidateInstances, loadInstance, type Instance } from "./instances.ts";

export interface DifferentialOptions {
  /** Variants synthesised from each test input. */
  readonly variants: number;
  /** Argument sets each instance runs on. */
  readonly inputs: number;
}

export const DEFAULT_DIFFERENTIAL: DifferentialOptions = { variants: 12, inputs: 8 };

export type DifferentialOutcome =
  | { readonly kind: "tested"; readonly instances: number; readonly inputs: number }
  | { readonly kind: "wrong"; readonly message: string; readonly notes: readonly Note[] }
  | { readonly kind: "untested"; readonly reason: string };

type InstanceResult = { kind: "skip"; reason: string } | { kind: "ok"; inputs: number } | { kind: "wrong"; message: string; notes: Note[] };

export function testRule(ctx: Context, set: RuleSet, rule: Rule, options: DifferentialOptions = DEFAULT_DIFFERENTIAL): DifferentialOutcome {
  const candidates = candidateInstances(rule, set, options.variants);
  let instances = 0;
  let inputs = 0;
  let why = candidates.length === 0 ? "no inline test mentions its root op" : "it applies to none of its tests' inputs";
  for (const c of candidates) {
    const r = testInstance(ctx, rule, c, options.inputs);
    if (r.kind === "wrong") return r;
    if (r.kind === "skip") {
      if (c.origin.indexOf(",") < 0 && r.reason !== "the rule does not apply") why = r.reason;
      continue;
    }
    instances++;
    inputs += r.inputs;
  }
  if (instances === 0) return { kind: "untested", reason: why };
  return { kind: "tested", instances, inputs };
}

function testInstance(ctx: Context, rule: Rule, instance: Instance, inputCount: number): InstanceResult {
  const before = loadInstance(ctx, instance);
  const after = loadInstance(ctx, instance);
  if (before === undefined || after === undefined) return { kind: "skip", reason: "the input does not verify" };
  if (applyRuleOnce(rule, after) === 0) return { kind: "skip", reason: "the rule does not apply" };
  const shown = printOperationText(before);
  const errors = verify(after);
  if (errors.length > 0)
    return { kind: "wrong", message: `the rewrite gives IR that does not verify: ${errors[0]!.message}`, notes: [{ span: undefined, message: `instance (${instance.origin}):\n${shown}` }, { span: undefined, message: `after the rule:\n${printOperationText(after)}` }] };
  const run = { before: new Interpreter(before, { write: () => {} }), after: new Interpreter(after, { write: () => {} }) };
  let compared = 0;
  for (const fn of functions(before)) {
    const types = (fn.op.getAttr("function_type") as TypeAttr).type as FunctionType;
    for (let seed = 1; seed <= inputCount; seed++) {
      const args = randomArguments(types.inputs, seed);
      if (args === undefined) return { kind: "skip", reason: `@${fn.name} takes arguments without a static shape` };
      const a = copyArguments(args);
      const b = copyArguments(args);
      let ra: RuntimeValue[];
      try {
        ra = run.before.call(fn.name, a);
      } catch (e) {
        if (e instanceof Trap) continue; // undefined behaviour: the rewrite may do anything
        return { kind: "skip", reason: `the interpreter cannot run it (${(e as Error).message})` };
      }
      if (!hasDeclaredShapes(ra, types.results)) return { kind: "skip", reason: "the instance is ill-formed (a result does not have its declared shape)" };
      const inputsNote: Note = { span: undefined, message: `inputs of @${fn.name}: ${args.map(valueText).join("; ") || "none"}` };
      const instanceNote: Note = { span: undefined, message: `instance (${instance.origin}):\n${shown}` };
      let rb: RuntimeValue[];
      try {
        rb = run.after.call(fn.name, b);
      } catch (e) {
        if (!(e instanceof Trap)) throw e;
        return { kind: "wrong", message: `on @${fn.name} the rewritten IR fails (${e.message}) where the pattern gives ${ra.map(valueText).join(", ")}`, notes: [instanceNote, inputsNote] };
      }
      const i = firstDifference([...ra, ...a], [...rb, ...b]);
      if (i >= 0) {
        const what = i < ra.length ? `result #${i}` : `memref argument #${i - ra.length} after the call`;
        const x = i < ra.length ? ra[i] : a[i - ra.length];
        const y = i < ra.length ? rb[i] : b[i - ra.length];
        return {
          kind: "wrong",
          message: `on @${fn.name}, ${what} differs: the pattern gives ${valueText(x)} but the rewrite gives ${valueText(y)}`,
          notes: [instanceNote, inputsNote, { span: undefined, message: `after the rule:\n${printOperationText(after)}` }],
        };
      }
      compared++;
    }
  }
  return compared > 0 ? { kind: "ok", inputs: compared } : { kind: "skip", reason: "every input is undefined behaviour" };
}

/** Whether each shaped result has the static shape its function declares (else the IR lies about it). */
function hasDeclaredShapes(results: readonly RuntimeValue[], types: readonly Type[]): boolean {
  return results.every((v, i) => {
    const t = types[i];
    if (!(v instanceof ShapedValue) || !(t instanceof ShapedType) || t.shape === undefined) return true;
    return v.shape.length === t.shape.length && v.shape.every((d, j) => t.shape![j] === d || t.shape![j]! < 0);
  });
}

function firstDifference(a: readonly RuntimeValue[], b: readonly RuntimeValue[]): number {
  if (a.length !== b.length) return Math.min(a.length, b.length);
  for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return i;
  return -1;
}

/** The module's functions with a body. */
function functions(module: Operation): { name: string; op: Operation }[] {
  const out: { name: string; op: Operation }[] = [];
  for (const block of module.regions[0]?.blocks ?? [])
    for (let op = block.first; op !== null; op = op.next) {
      const name = op.getAttr("sym_name");
      if (op.name === "func.func" && op.regions[0]!.blocks.length > 0 && name !== undefined && "value" in name) out.push({ name: String(name.value), op });
    }
  return out;
}
