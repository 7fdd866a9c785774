// Run-time failures of the model (undefined behaviour, bad shapes, unknown functions): a Trap
// carries its diagnostic code, the op it happened at and the model's call stack.
import type { Code } from "../support/codes.ts";
import type { Operation } from "../ir/operation.ts";

export interface CallFrame {
  readonly callee: string;
  readonly call: Operation;
}

export class Trap extends Error {
  readonly code: Code;
  /** The op that failed; filled in by the block runner when the op's step threw. */
  op: Operation | undefined;
  /** Call sites from the innermost outwards. */
  readonly calls: CallFrame[] = [];
  constructor(code: Code, message: string, op?: Operation) {
    super(message);
    this.code = code;
    this.op = op;
  }
}

/** Stops the run with a diagnostic at the current op. */
export function trap(code: Code, message: string): never {
  throw new Trap(code, message);
}

/** Checks an index against a dimension size (out-of-bounds access is undefined behaviour). */
export function checkIndex(i: number, size: number, what: string): void {
  if (!(i >= 0 && i < size)) trap("PRR6002", `out-of-bounds access: index ${i} is outside [0, ${size}) in ${what}`);
}
