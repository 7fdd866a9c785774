// Functions rules call: builtins (is_pow2, log2, rank, dim, ...) and native constraints and rewrites
// registered from TypeScript plugins. Rules name them; semantic analysis resolves the names here.
import type { Context } from "../ir/context.ts";
import type { Operation } from "../ir/operation.ts";
import type { Value } from "../ir/value.ts";
import type { Rewriter } from "./rewriter.ts";
import type { EvalValue } from "./eval-value.ts";

export interface NativeFunction {
  /** Allowed argument counts. */
  readonly arity: readonly [number, number];
  readonly doc: string;
  /** Returns the result, or throws EvalFailure when the rule must not apply. */
  readonly fn: (args: readonly EvalValue[], ctx: Context) => EvalValue;
}

export interface NativeRewrite {
  readonly arity: readonly [number, number];
  readonly doc: string;
  /** Builds replacement values for the root, or returns undefined when it does not apply. */
  readonly fn: (rewriter: Rewriter, args: readonly EvalValue[], root: Operation) => readonly Value[] | undefined;
  /** What it promises `prr check`; without a contract its rules are not analysed (UNKNOWN). */
  readonly contract?: NativeContract;
}

/** An op a native rewrite looks at through the root's operands: by name or by trait. */
export type InspectedOp = { readonly op: string } | { readonly trait: string };

/**
 * A native rewrite's contract, read by the stages of `prr check` (engine/check/rules/native-*.ts).
 * `drops-operands-in-place`: the root op is modified in place (same op, name, results and
 * regions); on every success it keeps an order-preserving strict subset of its operands and may
 * change only the attributes listed; it creates and erases no op. It is deterministic: a
 * function of the root, its attributes and the inspected defining ops of its operands.
 */
export interface NativeContract {
  readonly effect: "drops-operands-in-place";
  /** Root ops it applies to; a rule rooted elsewhere is not covered by the contract. */
  readonly roots: readonly string[];
  /** Attributes of the root it may change. */
  readonly changesAttributes: readonly string[];
  /** Ops defining the root's operands (at any operand position) whose attributes it reads. */
  readonly inspects: readonly InspectedOp[];
}

export class NativeRegistry {
  private readonly functions = new Map<string, NativeFunction>();
  private readonly rewrites = new Map<string, NativeRewrite>();

  defineFunction(name: string, f: NativeFunction): this {
    this.functions.set(name, f);
    return this;
  }
  defineRewrite(name: string, r: NativeRewrite): this {
    this.rewrites.set(name, r);
    return this;
  }
  function(name: string): NativeFunction | undefined {
    return this.functions.get(name);
  }
  rewrite(name: string): NativeRewrite | undefined {
    return this.rewrites.get(name);
  }
  get functionNames(): string[] {
    return [...this.functions.keys()];
  }
  get rewriteNames(): string[] {
    return [...this.rewrites.keys()];
  }
}
