// Blocks (arguments and an intrusive list of operations) and regions (a list of blocks).
import type { Type } from "./types.ts";
import type { Location } from "./attributes.ts";
import type { Operation } from "./operation.ts";
import { BlockArgument } from "./value.ts";

export class Block {
  readonly arguments: BlockArgument[] = [];
  first: Operation | null = null;
  last: Operation | null = null;
  parent: Region | null = null;
  /** Number of operations; maintained by insert/remove. */
  size = 0;

  addArgument(type: Type, loc?: Location): BlockArgument {
    const arg = new BlockArgument(type, this, this.arguments.length, loc);
    this.arguments.push(arg);
    return arg;
  }

  eraseArgument(index: number): void {
    const [arg] = this.arguments.splice(index, 1);
    if (arg?.hasUses()) throw new Error("erasing a block argument that still has uses");
    for (let i = index; i < this.arguments.length; i++) this.arguments[i]!.index = i;
  }

  /** The operation that holds this block's region. */
  get parentOp(): Operation | null {
    return this.parent?.parent ?? null;
  }

  get terminator(): Operation | null {
    return this.last;
  }

  isEntryBlock(): boolean {
    return this.parent !== null && this.parent.blocks[0] === this;
  }

  *ops(): IterableIterator<Operation> {
    for (let op = this.first; op !== null;) {
      const next = op.next;
      yield op;
      op = next;
    }
  }

  /** Appends an operation that has no parent. */
  append(op: Operation): Operation {
    return this.insertBefore(op, null);
  }

  /** Inserts a parentless operation before `before` (null: at the end). */
  insertBefore(op: Operation, before: Operation | null): Operation {
    if (op.parentBlock !== null) throw new Error(`operation ${op.name} is already in a block`);
    op.parentBlock = this;
    if (before === null) {
      op.prev = this.last;
      op.next = null;
      if (this.last !== null) this.last.next = op;
      else this.first = op;
      this.last = op;
    } else {
      op.prev = before.prev;
      op.next = before;
      if (before.prev !== null) before.prev.next = op;
      else this.first = op;
      before.prev = op;
    }
    this.size++;
    return op;
  }

  /** Unlinks an operation from this block (it keeps its operands and uses). */
  remove(op: Operation): void {
    if (op.prev !== null) op.prev.next = op.next;
    else this.first = op.next;
    if (op.next !== null) op.next.prev = op.prev;
    else this.last = op.prev;
    op.prev = op.next = null;
    op.parentBlock = null;
    this.size--;
  }

  /** Successor blocks of this block's terminator. */
  get successors(): readonly Block[] {
    return this.last?.successors ?? [];
  }
}

export class Region {
  readonly blocks: Block[] = [];
  parent: Operation | null;
  constructor(parent: Operation | null = null) {
    this.parent = parent;
  }

  get entry(): Block | undefined {
    return this.blocks[0];
  }

  addBlock(block = new Block()): Block {
    block.parent = this;
    this.blocks.push(block);
    return block;
  }

  /** The only block, created if the region is empty. */
  ensureBlock(): Block {
    return this.blocks[0] ?? this.addBlock();
  }

  isEmpty(): boolean {
    return this.blocks.length === 0;
  }

  /** The region that contains this one (through the parent op), if any. */
  get parentRegion(): Region | null {
    return this.parent?.parentBlock?.parent ?? null;
  }

  isAncestorOf(other: Region): boolean {
    for (let r: Region | null = other; r !== null; r = r.parentRegion) if (r === this) return true;
    return false;
  }
}
