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
