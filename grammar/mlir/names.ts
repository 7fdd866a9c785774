// SSA value and block naming for printing, following MLIR's SSANameState: values numbered
// per region in order, nested regions continue from their parent's counters, custom names
// (`%c0`, `%arg0`) uniqued with `_N` suffixes within the enclosing scopes.
import type { Operation } from "../../engine/ir/operation.ts";
import type { Block, Region } from "../../engine/ir/block.ts";
import type { Value } from "../../engine/ir/value.ts";
import { OpResult } from "../../engine/ir/value.ts";

let epochCounter = 0;

interface Counters {
  nextValue: number;
  nextArg: number;
  nextConflict: number;
}

export class NameState {
  /** The printed name of each value without `%` (e.g. `0`, `arg1`, `c0_i32`). */
  /** Names live on the values themselves (Value.printName/printNumber), tagged with this epoch. */
  private readonly epoch = ++epochCounter;
  /** For multi-result ops numbered as a group: name of the group's first result. */
  private readonly blockNames = new Map<Block, string>();
  /** Result groups of ops whose results are named in several groups (sorted start indices). */
  readonly resultGroups = new Map<Operation, number[]>();

  private readonly generic: boolean;
  constructor(root: Operation, generic: boolean) {
    this.generic = generic;
    const used: Set<string>[] = [new Set()];
    const c: Counters = { nextValue: 0, nextArg: 0, nextConflict: 0 };
    const stack: { region: Region; c: Counters; depth: number }[] = [];
    for (const r of root.regions) stack.push({ region: r, c: { ...c }, depth: 1 });
    this.numberOp(root, c, used);
    while (stack.length > 0) {
      const { region, c: saved, depth } = stack.pop()!;
      used.length = depth;
      used.push(new Set());
      const counters = { ...saved };
      this.numberRegion(region, counters, used);
      for (const b of region.blocks)
        for (let op = b.first; op !== null; op = op.next)
          for (let i = 0; i < op.regions.length; i++)
            stack.push({ region: op.regions[i]!, c: { ...counters }, depth: depth + 1 });
    }
  }

  name(v: Value): string | undefined {
    if (v.printEpoch !== this.epoch) return undefined;
    return v.printName ?? String(v.printNumber);
  }

  blockName(b: Block): string {
    return this.blockNames.get(b) ?? "bb?";
  }

  private unique(name: string, c: Counters, used: Set<string>[]): string {
    const isUsed = (n: string) => used.some((s) => s.has(n));
    let out = sanitize(name);
    if (isUsed(out)) {
      const base = out + "_";
      do out = base + c.nextConflict++;
      while (isUsed(out));
    }
    used[used.length - 1]!.add(out);
    return out;
  }

  private setName(v: Value, name: string | undefined, c: Counters, used: Set<string>[]): void {
    v.printEpoch = this.epoch;
    if (!name) {
      v.printName = undefined;
      v.printNumber = c.nextValue++;
    } else v.printName = this.unique(name, c, used);
  }

  private numberRegion(region: Region, c: Counters, used: Set<string>[]): void {
    const parent = region.parent;
    if (!this.generic && parent?.def?.blockArgNames && region.blocks[0]) {
      const idx = parent.regions.indexOf(region);
      const names = parent.def.blockArgNames(parent, idx);
      if (names) {
        const args = region.blocks[0].arguments;
        for (let i = 0; i < args.length; i++) {
          const n = names[i];
          if (n) this.setName(args[i]!, n, c, used);
        }
      }
    }
    let nextBlock = 0;
    for (const b of region.blocks) {
      this.blockNames.set(b, `bb${nextBlock++}`);
      const entry = b === region.blocks[0];
      for (const a of b.arguments) {
        if (a.printEpoch === this.epoch) continue;
        this.setName(a, entry ? `arg${c.nextArg++}` : undefined, c, used);
      }
      for (let op = b.first; op !== null; op = op.next) this.numberOp(op, c, used);
    }
  }

  private numberOp(op: Operation, c: Counters, used: Set<string>[]): void {
    const n = op.results.length;
    if (n === 0) return;
    const groups = [0];
    if (!this.generic && op.def?.resultNames) {
      const names = op.def.resultNames(op);
      for (let i = 0; i < names.length && i < n; i++) {
        const nm = names[i];
        if (!nm) continue;
        this.setName(op.results[i]!, nm, c, used);
        if (i !== 0) groups.push(i);
      }
    }
    const first = op.results[0]!;
    if (first.printEpoch !== this.epoch) this.setName(first, undefined, c, used);
    if (groups.length > 1)
      this.resultGroups.set(
        op,
        groups.sort((a, b) => a - b),
      );
  }

  /**
   * The number `v` is printed with (`%12`), or -1 when it has a custom name or belongs to a
   * multi-result op: the common case, which the printer writes without building strings.
   */
  plainNumber(v: Value): number {
    if (v.printEpoch !== this.epoch || v.printName !== undefined) return -1;
    if (v instanceof OpResult && v.owner.results.length > 1) return -1;
    return v.printNumber;
  }

  /** `%name` for a use of v, with `#i` for results after the first of a group. */
  use(v: Value): string {
    if (v instanceof OpResult) {
      const op = v.owner;
      if (op.results.length > 1) {
        const groups = this.resultGroups.get(op);
        let start = 0;
        if (groups) for (const g of groups) if (g <= v.index) start = g;
        const leader = this.name(op.results[start]!) ?? "<<UNKNOWN>>";
        const off = v.index - start;
        const groupEnd = groups ? (groups.find((g) => g > start) ?? op.results.length) : op.results.length;
        return groupEnd - start > 1 ? `%${leader}#${off}` : `%${leader}`;
      }
    }
    const name = this.name(v);
    return name === undefined ? "%<<UNKNOWN SSA VALUE>>" : `%${name}`;
  }
}

/** MLIR's sanitizeIdentifier: keep [a-zA-Z0-9$._-], replace others by '_', no leading digit. */
function sanitize(name: string): string {
  let out = name.replace(/[^A-Za-z0-9$._-]/g, "_");
  if (/^[0-9]/.test(out)) out = "_" + out;
  return out;
}
