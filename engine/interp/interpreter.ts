// The reference interpreter: holds a module's functions and globals, compiles each function on
// its first call, and runs calls (to model functions or to the runner utilities).
import type { Operation } from "../ir/operation.ts";
import { StringAttr } from "../ir/attributes.ts";
import { FunctionCompiler, type CompiledRegion } from "./compiler.ts";
import { Trap } from "./trap.ts";
import type { RuntimeValue, ShapedValue } from "./values.ts";
import { runtimeFunctions, type RuntimeFunction } from "./runner-utils.ts";
import "./ops/index.ts";

export interface InterpreterOptions {
  /** Where the program's prints go, as a byte string (each char code 0-255 is one output byte). */
  readonly write: (text: string) => void;
  /** The module's `{-# dialect_resources #-}` blobs: dialect → handle → hex text. */
  readonly resources?: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

interface CompiledFunction {
  readonly body: CompiledRegion;
  readonly slotCount: number;
}

const maxDepth = 1000;

export class Interpreter {
  readonly module: Operation;
  readonly write: (text: string) => void;
  readonly resources: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** memref.global buffers, created on first use. */
  readonly globals = new Map<string, ShapedValue>();
  private readonly symbols = new Map<string, Operation>();
  private readonly compiled = new Map<Operation, CompiledFunction>();
  private depth = 0;
  /** Output is buffered and flushed in large pieces (printing is often the slow part). */
  private pending = "";

  constructor(module: Operation, options: InterpreterOptions) {
    this.module = module;
    this.write = options.write;
    this.resources = options.resources ?? new Map();
    for (const region of module.regions)
      for (const block of region.blocks)
        for (let op = block.first; op !== null; op = op.next) {
          const name = op.getAttr("sym_name");
          if (name instanceof StringAttr) this.symbols.set(name.value, op);
        }
  }

  print(text: string): void {
    this.pending += text;
    if (this.pending.length > 1 << 16) this.flush();
  }

  flush(): void {
    if (this.pending.length > 0) this.write(this.pending);
    this.pending = "";
  }

  symbol(name: string): Operation | undefined {
    return this.symbols.get(name);
  }

  /** A function defined in the module (with a body), or undefined. */
  functionOp(name: string): Operation | undefined {
    const f = this.symbols.get(name);
    return f !== undefined && f.name === "func.func" && f.regions[0]!.blocks.length > 0 ? f : undefined;
  }

  /** Runs `name` on `args`; throws Trap on the model's errors. */
  call(name: string, args: readonly RuntimeValue[]): RuntimeValue[] {
    const fn = this.functionOp(name);
    if (fn === undefined) {
      const rt = runtimeFunctions.get(name);
      if (rt !== undefined) return rt(this, args);
      throw new Trap("PRR6005", `call to unknown function '@${name}'${this.symbols.has(name) ? " (declared, but neither defined in the module nor a runner utility)" : ""}`);
    }
    return this.invoke(fn, args);
  }

  /** The callable for a callee name, resolved once by func.call's compiler. */
  resolve(name: string): ((args: readonly RuntimeValue[]) => RuntimeValue[]) | undefined {
    const fn = this.functionOp(name);
    if (fn !== undefined) return (args) => this.invoke(fn, args);
    const rt: RuntimeFunction | undefined = runtimeFunctions.get(name);
    if (rt !== undefined) return (args) => rt(this, args);
    return undefined;
  }

  private invoke(fn: Operation, args: readonly RuntimeValue[]): RuntimeValue[] {
    const cf = this.compile(fn);
    const regs = new Array<RuntimeValue>(cf.slotCount);
    const argSlots = cf.body.argSlots;
    for (let i = 0; i < argSlots.length; i++) regs[argSlots[i]!] = args[i];
    if (this.depth >= maxDepth) throw new Trap("PRR6009", `call stack deeper than ${maxDepth} calls (unbounded recursion?)`);
    this.depth++;
    try {
      const exit = cf.body.run(regs);
      const out = new Array<RuntimeValue>(exit.termSlots.length);
      for (let i = 0; i < out.length; i++) out[i] = regs[exit.termSlots[i]!];
      return out;
    } finally {
      this.depth--;
    }
  }

  private compile(fn: Operation): CompiledFunction {
    let cf = this.compiled.get(fn);
    if (cf === undefined) {
      const c = new FunctionCompiler(this);
      const body = c.region(fn.regions[0]!);
      cf = { body, slotCount: c.slotCount };
      this.compiled.set(fn, cf);
    }
    return cf;
  }
}
