// The table of op semantics: each dialect's file under ops/ registers, by op name, a function
// that compiles one op into a step (a closure over register slots) run by the block runner.
import type { Operation } from "../ir/operation.ts";
import type { FunctionCompiler } from "./compiler.ts";
import type { RuntimeValue } from "./values.ts";

/** One compiled op: reads its operands from and writes its results to the frame's registers. */
export type Step = (regs: RuntimeValue[]) => void;

/** Compiles an op into its step, once per function. */
export type OpSemantics = (op: Operation, c: FunctionCompiler) => Step;

const table = new Map<string, OpSemantics>();

export function defineSemantics(entries: Record<string, OpSemantics>): void {
  for (const [name, sem] of Object.entries(entries)) table.set(name, sem);
}

const fallbacks: { prefix: string; sem: OpSemantics }[] = [];

/** Semantics for every op of a name prefix without its own entry (linalg's named ops). */
export function defineFallback(prefix: string, sem: OpSemantics): void {
  fallbacks.push({ prefix, sem });
}

export function semanticsOf(name: string): OpSemantics | undefined {
  return table.get(name) ?? fallbacks.find((f) => name.startsWith(f.prefix))?.sem;
}

export function hasSemantics(name: string): boolean {
  return table.has(name);
}
