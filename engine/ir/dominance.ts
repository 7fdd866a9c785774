// Dominator trees of CFG regions (Cooper, Harvey and Kennedy's iterative algorithm), for the
// verifier's SSA dominance check.
import type { Block, Region } from "./block.ts";

export class DominanceInfo {
  private readonly idom = new Map<Block, Block | null>();
  private readonly rpo = new Map<Block, number>();

  constructor(region: Region) {
    const entry = region.blocks[0];
    if (!entry) return;
    // Reverse post-order over reachable blocks.
    const order: Block[] = [];
    const seen = new Set<Block>([entry]);
    const stack: { b: Block; i: number }[] = [{ b: entry, i: 0 }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const succ = top.b.successors;
      if (top.i < succ.length) {
        const s = succ[top.i++]!;
        if (!seen.has(s) && s.parent === region) {
          seen.add(s);
          stack.push({ b: s, i: 0 });
        }
      } else {
        order.push(top.b);
        stack.pop();
      }
    }
    order.reverse();
    order.forEach((b, i) => this.rpo.set(b, i));
    const preds = new Map<Block, Block[]>();
    for (const b of order) for (const s of b.successors) if (this.rpo.has(s)) (preds.get(s) ?? preds.set(s, []).get(s)!).push(b);
    this.idom.set(entry, entry);
    let changed = true;
    while (changed) {
      changed = false;
      for (const b of order) {
        if (b === entry) continue;
        let newIdom: Block | undefined;
        for (const p of preds.get(b) ?? []) {
          if (!this.idom.has(p)) continue;
          newIdom = newIdom === undefined ? p : this.intersect(p, newIdom);
        }
        if (newIdom !== undefined && this.idom.get(b) !== newIdom) {
          this.idom.set(b, newIdom);
          changed = true;
        }
      }
    }
  }

  private intersect(a: Block, b: Block): Block {
    while (a !== b) {
      while (this.rpo.get(a)! > this.rpo.get(b)!) a = this.idom.get(a)!;
      while (this.rpo.get(b)! > this.rpo.get(a)!) b = this.idom.get(b)!;
    }
    return a;
  }

  isReachable(b: Block): boolean {
    return this.rpo.has(b);
  }

  /** Whether block `a` dominates block `b` (unreachable blocks are dominated by everything). */
  dominates(a: Block, b: Block): boolean {
    if (!this.rpo.has(b)) return true;
    if (!this.rpo.has(a)) return false;
    for (let x: Block = b; ;) {
      if (x === a) return true;
      const up = this.idom.get(x)!;
      if (up === x) return false;
      x = up;
    }
  }
}
