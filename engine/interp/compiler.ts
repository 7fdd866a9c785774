// Compiles a function's body into steps once: every SSA value gets a register slot, every op a
// closure, every block a step list run by `runBlocks` (which follows cf branches).
import type { Operation } from "../ir/operation.ts";
import type { Block, Region } from "../ir/block.ts";
import type { Value } from "../ir/value.ts";
import type { Interpreter } from "./interpreter.ts";
import { semanticsOf, type Step } from "./semantics.ts";
import { Trap } from "./trap.ts";
import type { RuntimeValue } from "./values.ts";

export interface CompiledBlock {
  readonly block: Block;
  readonly argSlots: number[];
  readonly steps: Step[];
  readonly ops: Operation[];
  /** The terminator (null for a block without one) and the slots of its operands. */
  readonly term: Operation | null;
  readonly termSlots: number[];
  /** For branch terminators: successor indices in the region and their operand slots. */
  branch: BranchInfo | undefined;
}

export interface BranchInfo {
  /** Selects the successor: returns its index in `targets`. */
  readonly choose: (regs: RuntimeValue[]) => number;
  readonly targets: { block: number; slots: number[] }[];
}

/** A compiled region: its blocks; `run` returns the block whose (non-branch) terminator ended it. */
export interface CompiledRegion {
  readonly blocks: CompiledBlock[];
  /** The entry block's argument slots. */
  readonly argSlots: number[];
  run(regs: RuntimeValue[]): CompiledBlock;
}

const branchOps = new Set(["cf.br", "cf.cond_br", "cf.switch"]);

export class FunctionCompiler {
  readonly interp: Interpreter;
  private readonly slots = new Map<Value, number>();
  /** Loop indices of the linalg op whose body is being compiled (read by linalg.index). */
  structuredIvs: number[] | undefined;
  constructor(interp: Interpreter) {
    this.interp = interp;
  }

  get slotCount(): number {
    return this.slots.size;
  }

  slot(v: Value): number {
    let s = this.slots.get(v);
    if (s === undefined) this.slots.set(v, (s = this.slots.size));
    return s;
  }

  operandSlots(op: Operation): number[] {
    return op.operands.map((o) => this.slot(o.value));
  }
  resultSlots(op: Operation): number[] {
    return op.results.map((r) => this.slot(r));
  }

  /** Operand slots split by the op's operandSegmentSizes (one group of all operands without it). */
  operandGroups(op: Operation): number[][] {
    const all = this.operandSlots(op);
    const seg = segmentSizes(op);
    if (seg === undefined) return [all];
    const out: number[][] = [];
    let at = 0;
    for (const n of seg) out.push(all.slice(at, (at += n)));
    return out;
  }

  region(r: Region): CompiledRegion {
    const blocks = r.blocks.map((b) => this.block(b));
    const index = new Map(r.blocks.map((b, i) => [b, i]));
    for (const cb of blocks) if (cb.term && branchOps.has(cb.term.name)) cb.branch = this.branchInfo(cb.term, index);
    const entry = blocks[0];
    if (entry === undefined) throw new Trap("PRR6006", "empty region cannot be run");
    const single = blocks.length === 1 && entry.branch === undefined;
    return {
      blocks,
      argSlots: entry.argSlots,
      run: single ? (regs) => (runSteps(entry, regs), entry) : (regs) => runBlocks(blocks, regs),
    };
  }

  private block(b: Block): CompiledBlock {
    const steps: Step[] = [];
    const ops: Operation[] = [];
    let term: Operation | null = null;
    for (let op = b.first; op !== null; op = op.next) {
      const isTerm = op === b.last && (op.hasTrait("Terminator") || branchOps.has(op.name) || !op.isRegistered);
      if (isTerm && op.isRegistered) {
        term = op;
        break;
      }
      ops.push(op);
      steps.push(this.compileOp(op));
    }
    return {
      block: b,
      argSlots: b.arguments.map((a) => this.slot(a)),
      steps,
      ops,
      term,
      termSlots: term ? this.operandSlots(term) : [],
      branch: undefined,
    };
  }

  compileOp(op: Operation): Step {
    const sem = semanticsOf(op.name);
    if (sem === undefined) {
      const trapHere = (): never => {
        throw new Trap("PRR6006", `the interpreter does not support '${op.name}'`, op);
      };
      return trapHere;
    }
    try {
      return sem(op, this);
    } catch (e) {
      if (e instanceof Trap) {
        e.op ??= op;
        const err = e;
        return () => {
          throw err;
        };
      }
      throw e;
    }
  }

  private branchInfo(term: Operation, index: Map<Block, number>): BranchInfo {
    // Successor operands: cf.br passes all operands; cf.cond_br splits by operandSegmentSizes.
    const succ = term.successors.map((b) => index.get(b)!);
    const all = this.operandSlots(term);
    if (term.name === "cf.br") return { choose: () => 0, targets: [{ block: succ[0]!, slots: all }] };
    if (term.name === "cf.cond_br") {
      const seg = segmentSizes(term) ?? [1, term.successors[0]!.arguments.length, term.successors[1]!.arguments.length];
      const cond = all[0]!;
      const a = all.slice(1, 1 + seg[1]!);
      const b = all.slice(1 + seg[1]!);
      return { choose: (regs) => ((regs[cond] as number) ? 0 : 1), targets: [{ block: succ[0]!, slots: a }, { block: succ[1]!, slots: b }] };
    }
    // cf.switch: flag, default operands, case operands (case_operand_segments).
    const flag = all[0]!;
    const cases = (term.getAttr("case_values") as { values?: readonly unknown[] } | undefined)?.values?.map((v) => Number(v)) ?? [];
    const caseSegs = numbersOf(term.getAttr("case_operand_segments"));
    const seg = segmentSizes(term) ?? [1, 0, 0];
    let at = 1;
    const targets = [{ block: succ[0]!, slots: all.slice(at, (at += seg[1]!)) }];
    for (let i = 0; i < cases.length; i++) targets.push({ block: succ[i + 1]!, slots: all.slice(at, (at += caseSegs[i] ?? 0)) });
    return {
      choose: (regs) => {
        const k = cases.indexOf(Number(regs[flag]));
        return k < 0 ? 0 : k + 1;
      },
      targets,
    };
  }
}

function numbersOf(a: unknown): number[] {
  const vals = (a as { values?: readonly unknown[] } | undefined)?.values;
  return vals ? vals.map((v) => Number(v)) : [];
}

function segmentSizes(op: Operation): number[] | undefined {
  const a = op.getAttr("operandSegmentSizes");
  const n = numbersOf(a);
  return n.length > 0 ? n : undefined;
}

/** Runs a block's steps; a failing step's op is recorded on the Trap. */
export function runSteps(b: CompiledBlock, regs: RuntimeValue[]): void {
  const steps = b.steps;
  const n = steps.length;
  let i = 0;
  try {
    for (; i < n; i++) steps[i]!(regs);
  } catch (e) {
    throw attach(e, b.ops[i]);
  }
}

export function attach(e: unknown, op: Operation | undefined): unknown {
  if (e instanceof Trap) {
    e.op ??= op;
    return e;
  }
  if (e instanceof RangeError && /call stack/i.test(e.message)) return new Trap("PRR6009", "call stack too deep (unbounded recursion?)", op);
  if (e instanceof RangeError && /Array buffer allocation|Invalid typed array length|Array buffer/i.test(e.message))
    return new Trap("PRR6001", `cannot allocate memory: ${e.message}`, op);
  return e;
}

/** Runs a multi-block region, following branches, until a non-branch terminator. */
function runBlocks(blocks: CompiledBlock[], regs: RuntimeValue[]): CompiledBlock {
  let b = blocks[0]!;
  const moved: RuntimeValue[] = [];
  for (;;) {
    runSteps(b, regs);
    const br = b.branch;
    if (br === undefined) return b;
    const t = br.targets[br.choose(regs)]!;
    const next = blocks[t.block]!;
    // Parallel copy: read every operand before writing any argument.
    for (let i = 0; i < t.slots.length; i++) moved[i] = regs[t.slots[i]!];
    for (let i = 0; i < t.slots.length; i++) regs[next.argSlots[i]!] = moved[i];
    b = next;
  }
}
