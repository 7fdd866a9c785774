// A builder: creates operations at an insertion point (before an op, or at the end of a block),
// inferring result types where the op's definition can (MLIR's OpBuilder).
import type { Attribute, Location, NamedAttribute } from "./attributes.ts";
import type { Context } from "./context.ts";
import type { Type } from "./types.ts";
import type { Value } from "./value.ts";
import { Operation, Block, Region } from "./operation.ts";
import { defaultValue, defaultedAttributes } from "../dialects/registry.ts";

export interface BuildState {
  readonly operands?: readonly Value[];
  readonly resultTypes?: readonly Type[];
  readonly properties?: readonly NamedAttribute[];
  readonly attributes?: readonly NamedAttribute[];
  readonly regions?: Region[];
  readonly successors?: readonly Block[];
  readonly loc?: Location;
}

export class Builder {
  readonly ctx: Context;
  private block: Block | null = null;
  private before: Operation | null = null;
  /** Called with every op the builder inserts (rewrite drivers listen here). */
  onInsert: ((op: Operation) => void) | undefined;

  constructor(ctx: Context) {
    this.ctx = ctx;
  }

  setInsertionPointBefore(op: Operation): void {
    this.block = op.parentBlock;
    this.before = op;
  }
  setInsertionPointAfter(op: Operation): void {
    this.block = op.parentBlock;
    this.before = op.next;
  }
  setInsertionPointToEnd(block: Block): void {
    this.block = block;
    this.before = null;
  }
  setInsertionPointToStart(block: Block): void {
    this.block = block;
    this.before = block.first;
  }
  get insertionBlock(): Block | null {
    return this.block;
  }

  /** Location of the ops created without one (a rewriter sets the op being rewritten's). */
  defaultLoc: Location | undefined;

  /** Creates `name` and inserts it at the insertion point (if any); defaulted attributes are filled in. */
  create(name: string, state: BuildState): Operation {
    const def = this.ctx.registry.lookup(name);
    const props = [...(state.properties ?? [])];
    if (def !== undefined)
      for (const [attr, spec] of defaultedAttributes(def))
        if (!props.some((p) => p.name === attr)) props.push({ name: attr, value: defaultValue(spec, this.ctx)! });
    const op = Operation.create(this.ctx, {
      name,
      def,
      operands: state.operands ?? [],
      resultTypes: state.resultTypes ?? [],
      properties: this.ctx.dictionary(def === undefined ? [] : props),
      attributes: this.ctx.dictionary(def === undefined ? [...props, ...(state.attributes ?? [])] : (state.attributes ?? [])),
      regions: state.regions,
      successors: state.successors,
      loc: state.loc ?? this.defaultLoc ?? this.ctx.unknownLoc(),
    });
    this.insert(op);
    return op;
  }

  insert(op: Operation): Operation {
    if (this.block !== null) {
      this.block.insertBefore(op, this.before);
      this.onInsert?.(op);
    }
    return op;
  }

  /** An attribute by name from a list, for callers assembling properties. */
  static attr(list: readonly NamedAttribute[], name: string): Attribute | undefined {
    return list.find((e) => e.name === name)?.value;
  }
}
