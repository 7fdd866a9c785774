// SSA values and their use lists: every use is an OpOperand threaded on an intrusive doubly
// linked list, so adding, removing and replacing a use is O(1).
import type { Type } from "./types.ts";
import type { Location } from "./attributes.ts";
import type { Operation } from "./operation.ts";
import type { Block } from "./block.ts";

export abstract class Value {
  /** Head of the intrusive list of uses. */
  firstUse: OpOperand | null = null;
  /**
   * The printer's name for this value (its number, or a custom name such as `c0`), valid while
   * `printEpoch` matches the printer's epoch; kept here rather than in a Map, for speed.
   */
  printEpoch = 0;
  printNumber = 0;
  printName: string | undefined = undefined;
  type: Type;
  constructor(type: Type) {
    this.type = type;
  }

  abstract get parentBlock(): Block | null;

  hasUses(): boolean {
    return this.firstUse !== null;
  }
  hasOneUse(): boolean {
    return this.firstUse !== null && this.firstUse.nextUse === null;
  }
  *uses(): IterableIterator<OpOperand> {
    for (let u = this.firstUse; u !== null;) {
      const next = u.nextUse;
      yield u;
      u = next;
    }
  }
  /** The operations that use this value (with repetition for repeated uses). */
  *users(): IterableIterator<Operation> {
    for (const u of this.uses()) yield u.owner;
  }
  get useCount(): number {
    let n = 0;
    for (let u = this.firstUse; u !== null; u = u.nextUse) n++;
    return n;
  }
  replaceAllUsesWith(other: Value): void {
    if (other === this) return;
    while (this.firstUse !== null) this.firstUse.set(other);
  }
  /** The defining operation, or null for a block argument. */
  abstract get definingOp(): Operation | null;
}

export class OpResult extends Value {
  readonly owner: Operation;
  readonly index: number;
  constructor(type: Type, owner: Operation, index: number) {
    super(type);
    this.owner = owner;
    this.index = index;
  }
  get parentBlock(): Block | null {
    return this.owner.parentBlock;
  }
  get definingOp(): Operation {
    return this.owner;
  }
}

export class BlockArgument extends Value {
  readonly owner: Block;
  index: number;
  loc: Location | undefined;
  constructor(type: Type, owner: Block, index: number, loc: Location | undefined) {
    super(type);
    this.owner = owner;
    this.index = index;
    this.loc = loc;
  }
  get parentBlock(): Block {
    return this.owner;
  }
  get definingOp(): null {
    return null;
  }
}

/** One use of a value by an operation. */
export class OpOperand {
  prevUse: OpOperand | null = null;
  nextUse: OpOperand | null = null;
  value: Value;
  readonly owner: Operation;
  index: number;
  constructor(value: Value, owner: Operation, index: number) {
    this.value = value;
    this.owner = owner;
    this.index = index;
    this.link();
  }

  private link(): void {
    const head = this.value.firstUse;
    this.nextUse = head;
    if (head !== null) head.prevUse = this;
    this.value.firstUse = this;
  }

  /** Removes this use from its value's list. */
  unlink(): void {
    if (this.prevUse !== null) this.prevUse.nextUse = this.nextUse;
    else this.value.firstUse = this.nextUse;
    if (this.nextUse !== null) this.nextUse.prevUse = this.prevUse;
    this.prevUse = this.nextUse = null;
  }

  /** Makes this operand use another value. */
  set(value: Value): void {
    if (value === this.value) return;
    this.unlink();
    this.value = value;
    this.link();
  }
}
