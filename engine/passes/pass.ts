// Native passes: TypeScript plugins registered by name and run by pipelines next to rule sets
// (DESIGN.md, "Native plugins"). A pass transforms a module and reports problems, never throws.
import type { Operation } from "../ir/operation.ts";
import type { Diagnostic } from "../support/diagnostics.ts";

export interface PassProblem {
  readonly diagnostic: Diagnostic;
  /** The op the problem is at (its location becomes the diagnostic's span). */
  readonly op: Operation | undefined;
}

export interface PassResult {
  readonly changed: boolean;
  readonly problems: readonly PassProblem[];
}

export interface NativePass {
  readonly name: string;
  readonly summary: string;
  run(module: Operation): PassResult;
}

export class PassRegistry {
  private readonly passes = new Map<string, NativePass>();
  register(pass: NativePass): this {
    this.passes.set(pass.name, pass);
    return this;
  }
  lookup(name: string): NativePass | undefined {
    return this.passes.get(name);
  }
  get names(): string[] {
    return [...this.passes.keys()];
  }
}
