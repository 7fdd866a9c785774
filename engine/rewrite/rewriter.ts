// The rewriter rules and native rewrites change IR through (MLIR's PatternRewriter): every
// insertion, replacement and erasure is reported to a listener (the driver's worklist) and counted.
import type { Context } from "../ir/context.ts";
import type { Operation } from "../ir/operation.ts";
import type { Value } from "../ir/value.ts";
import { Builder, type BuildState } from "../ir/builder.ts";
import { walkPostOrder } from "../ir/walk.ts";

export interface RewriteListener {
  opInserted(op: Operation): void;
  /** Called before `op` is erased (its operands are still set). */
  opErased(op: Operation): void;
  /** Called when a value's uses are about to move: the users change. */
  valueReplaced(from: Value, to: Value): void;
}

export class Rewriter {
  readonly ctx: Context;
  readonly builder: Builder;
  listener: RewriteListener | undefined;
  /** Incremented by every change; a rewrite that leaves it unchanged changed nothing. */
  changes = 0;

  constructor(ctx: Context, listener?: RewriteListener) {
    this.ctx = ctx;
    this.listener = listener;
    this.builder = new Builder(ctx);
    this.builder.onInsert = (op) => {
      this.changes++;
      this.listener?.opInserted(op);
    };
  }

  setInsertionPointBefore(op: Operation): void {
    this.builder.setInsertionPointBefore(op);
  }

  create(name: string, state: BuildState): Operation {
    return this.builder.create(name, state);
  }

  /** Inserts an op built elsewhere (a template's ops) at the insertion point. */
  insert(op: Operation): Operation {
    return this.builder.insert(op);
  }

  replaceAllUsesWith(from: Value, to: Value): void {
    if (from === to || !from.hasUses()) return;
    this.changes++;
    this.listener?.valueReplaced(from, to);
    from.replaceAllUsesWith(to);
  }

  /** Replaces every result of `op` and erases it. */
  replaceOp(op: Operation, values: readonly Value[]): void {
    if (values.length !== op.results.length)
      throw new Error(`replacing ${op.name} (${op.results.length} results) with ${values.length} values`);
    for (let i = 0; i < values.length; i++) this.replaceAllUsesWith(op.results[i]!, values[i]!);
    this.eraseOp(op);
  }

  /** Erases an op whose results are unused, and everything nested in it. */
  eraseOp(op: Operation): void {
    this.changes++;
    const listener = this.listener;
    if (listener !== undefined) {
      if (op.regions.length === 0) listener.opErased(op);
      else walkPostOrder(op, (o) => listener.opErased(o));
    }
    op.erase();
  }

  /** Changes an op in place (attributes, operands); the listener revisits it. */
  modifyInPlace(op: Operation, change: () => void): void {
    change();
    this.changes++;
    this.listener?.opInserted(op);
  }
}
