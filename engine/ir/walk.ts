// Walkers over nested operations: pre-order and post-order, with early exit (return false) or
// skipping an op's regions in pre-order (return "skip").
import type { Operation } from "./operation.ts";

export type WalkControl = void | boolean | "skip";

/** Visits `op` and everything nested in it, parents before children. Returns false if stopped. */
export function walkPreOrder(op: Operation, visit: (op: Operation) => WalkControl): boolean {
  const r = visit(op);
  if (r === false) return false;
  if (r === "skip") return true;
  // Index loops: most ops have the shared frozen empty region list, which for-of iterates slowly.
  const regions = op.regions;
  for (let i = 0; i < regions.length; i++) {
    const blocks = regions[i]!.blocks;
    for (let j = 0; j < blocks.length; j++)
      for (let o = blocks[j]!.first; o !== null; ) {
        const next = o.next;
        if (!walkPreOrder(o, visit)) return false;
        o = next;
      }
  }
  return true;
}

/** Visits everything nested in `op`, then `op`: children before parents (MLIR's default walk). */
export function walkPostOrder(op: Operation, visit: (op: Operation) => WalkControl): boolean {
  const regions = op.regions;
  for (let i = 0; i < regions.length; i++) {
    const blocks = regions[i]!.blocks;
    for (let j = 0; j < blocks.length; j++)
      for (let o = blocks[j]!.first; o !== null; ) {
        const next = o.next;
        if (!walkPostOrder(o, visit)) return false;
        o = next;
      }
  }
  return visit(op) !== false;
}

/** The ops nested in `op` (not `op` itself), in pre-order. */
export function nestedOps(op: Operation): Operation[] {
  const out: Operation[] = [];
  walkPreOrder(op, (o) => {
    if (o !== op) out.push(o);
  });
  return out;
}
