// Operations: name, operands (uses), results, properties (inherent attributes), discardable
// attributes, regions, successors and a location; linked intrusively into their block.
import type { Attribute, Location, DictionaryAttr, NamedAttribute } from "./attributes.ts";
import type { Type } from "./types.ts";
import type { Context } from "./context.ts";
import type { OpDef } from "../dialects/registry.ts";
import type { SourceFile } from "../support/source.ts";
import { OpOperand, OpResult, type Value } from "./value.ts";
import { Block, Region } from "./block.ts";

export interface OperationState {
  name: string;
  /** The op's definition when the caller has looked it up already (else found by name). */
  def?: OpDef | undefined;
  operands?: readonly Value[];
  resultTypes?: readonly Type[];
  properties?: DictionaryAttr;
  attributes?: DictionaryAttr;
  regions?: number | Region[];
  successors?: readonly Block[];
  loc: Location | undefined;
}

/** Shared (frozen) empty lists: most ops have no regions and no successors. */
const noRegions: Region[] = Object.freeze([]) as unknown as Region[];
const noSuccessors: Block[] = Object.freeze([]) as unknown as Block[];
const noEntries: readonly NamedAttribute[] = Object.freeze([]);
const noValues: readonly Value[] = Object.freeze([]);
const noTypes: readonly Type[] = Object.freeze([]);

export class Operation {
  readonly operands: OpOperand[];
  readonly results: OpResult[];
  readonly regions: Region[];
  successors: Block[];
  /** Inherent attributes (MLIR properties), printed `<{...}>` in generic form. */
  props: DictionaryAttr;
  /** Discardable attributes, printed `{...}`. */
  attrs: DictionaryAttr;
  parentBlock: Block | null = null;
  prev: Operation | null = null;
  next: Operation | null = null;
  /** Position in the parent block, refreshed by analyses that need ordering (the verifier). */
  order = 0;
  /**
   * Set while the op waits in a rewrite driver's worklist. A field rather than a Map entry: a
   * canonicalization of a large module looks membership up hundreds of thousands of times.
   */
  inWorklist = false;

  readonly ctx: Context;
  readonly name: string;
  readonly def: OpDef | undefined;
  private explicitLoc: Location | undefined;
  /** Source file and offset the location is made from on first use (parsing is a hot path). */
  private sourceFile: SourceFile | undefined;
  private sourceOffset = 0;

  get loc(): Location {
    if (this.explicitLoc === undefined) {
      const file = this.sourceFile;
      if (file === undefined) return this.ctx.unknownLoc();
      const { line, col } = file.position(this.sourceOffset);
      this.explicitLoc = this.ctx.fileLoc(file.path, line, col);
    }
    return this.explicitLoc;
  }
  set loc(l: Location) {
    this.explicitLoc = l;
  }
  /**
   * Gives this op `other`'s location, keeping it lazy when `other`'s is (rewrites give new ops
   * their root's location; materializing it would build the input's line table).
   */
  inheritLocation(other: Operation): void {
    if (other.explicitLoc === undefined && other.sourceFile !== undefined) this.setSourceLocation(other.sourceFile, other.sourceOffset);
    else this.explicitLoc = other.loc;
  }
  /** Sets the location lazily: `file:line:col` of `offset`, computed when first read. */
  setSourceLocation(file: SourceFile, offset: number): void {
    this.explicitLoc = undefined;
    this.sourceFile = file;
    this.sourceOffset = offset;
  }

  private constructor(
    ctx: Context,
    name: string,
    def: OpDef | undefined,
    operands: readonly Value[],
    resultTypes: readonly Type[],
    props: DictionaryAttr,
    attrs: DictionaryAttr,
    regions: Region[],
    successors: Block[],
    loc: Location | undefined,
  ) {
    this.ctx = ctx;
    this.name = name;
    this.def = def;
    this.explicitLoc = loc;
    const ops = new Array<OpOperand>(operands.length);
    for (let i = 0; i < operands.length; i++) ops[i] = new OpOperand(operands[i]!, this, i);
    this.operands = ops;
    const res = new Array<OpResult>(resultTypes.length);
    for (let i = 0; i < resultTypes.length; i++) res[i] = new OpResult(resultTypes[i]!, this, i);
    this.results = res;
    this.props = props;
    this.attrs = attrs;
    // Index loops: most ops share the frozen empty list, which for-of would iterate slowly.
    for (let i = 0; i < regions.length; i++) regions[i]!.parent = this;
    this.regions = regions;
    this.successors = successors;
  }

  static create(ctx: Context, state: OperationState): Operation {
    const empty = ctx.dictionary(noEntries);
    const regions =
      typeof state.regions === "number"
        ? Array.from({ length: state.regions }, () => new Region())
        : state.regions === undefined || state.regions.length === 0
          ? noRegions
          : state.regions;
    return new Operation(
      ctx,
      state.name,
      "def" in state ? state.def : ctx.registry.lookup(state.name),
      state.operands ?? noValues,
      state.resultTypes ?? noTypes,
      state.properties ?? empty,
      state.attributes ?? empty,
      regions,
      state.successors === undefined || state.successors.length === 0 ? noSuccessors : [...state.successors],
      state.loc,
    );
  }

  get dialect(): string {
    const dot = this.name.indexOf(".");
    return dot < 0 ? "" : this.name.slice(0, dot);
  }

  get isRegistered(): boolean {
    return this.def !== undefined;
  }

  hasTrait(trait: string): boolean {
    return this.def?.traits.has(trait) ?? false;
  }

  operand(i: number): Value {
    return this.operands[i]!.value;
  }
  get operandValues(): Value[] {
    return this.operands.map((o) => o.value);
  }
  result(i = 0): OpResult {
    return this.results[i]!;
  }
  region(i = 0): Region {
    return this.regions[i]!;
  }

  /** An inherent attribute, or else a discardable one. */
  getAttr(name: string): Attribute | undefined {
    return this.props.get(name) ?? this.attrs.get(name);
  }

  setAttr(name: string, value: Attribute | undefined): void {
    const inherent = this.def?.attributes?.[name] !== undefined || this.props.get(name) !== undefined;
    const dict = inherent ? this.props : this.attrs;
    const entries = dict.entries.filter((e) => e.name !== name);
    if (value !== undefined) entries.push({ name, value });
    const next = this.ctx.dictionary(entries);
    if (inherent) this.props = next;
    else this.attrs = next;
  }

  /** Replaces the operand list. */
  setOperands(values: readonly Value[]): void {
    for (const o of this.operands) o.unlink();
    this.operands.length = 0;
    for (let i = 0; i < values.length; i++) this.operands.push(new OpOperand(values[i]!, this, i));
  }

  get parentRegion(): Region | null {
    return this.parentBlock?.parent ?? null;
  }
  get parentOp(): Operation | null {
    return this.parentBlock?.parent?.parent ?? null;
  }

  /** Whether this op is `other` or contains it in one of its regions. */
  isAncestorOf(other: Operation): boolean {
    for (let o: Operation | null = other; o !== null; o = o.parentOp) if (o === this) return true;
    return false;
  }

  /** Unlinks from the parent block; the op and its uses stay alive. */
  remove(): void {
    this.parentBlock?.remove(this);
  }

  /** Drops all uses this op and its nested ops make, unlinks it, and forgets it. */
  erase(): void {
    const results = this.results;
    for (let i = 0; i < results.length; i++) if (results[i]!.hasUses()) throw new Error(`erasing ${this.name} whose result still has uses`);
    this.dropAllReferences();
    this.remove();
  }

  dropAllReferences(): void {
    const operands = this.operands;
    for (let i = 0; i < operands.length; i++) operands[i]!.unlink();
    // Index loops: erasing is hot in rewrites, and most ops share the frozen empty region list.
    const regions = this.regions;
    for (let i = 0; i < regions.length; i++)
      for (const b of regions[i]!.blocks)
        for (let op = b.first; op !== null; op = op.next) op.dropAllReferences();
  }

  moveBefore(other: Operation): void {
    this.remove();
    other.parentBlock!.insertBefore(this, other);
  }

  moveAfter(other: Operation): void {
    this.remove();
    other.parentBlock!.insertBefore(this, other.next);
  }

  replaceAllUsesWith(values: readonly Value[]): void {
    for (let i = 0; i < this.results.length; i++) this.results[i]!.replaceAllUsesWith(values[i]!);
  }

  /** Whether the result types are the given ones. */
  get resultTypes(): Type[] {
    return this.results.map((r) => r.type);
  }
  get operandTypes(): Type[] {
    return this.operands.map((o) => o.value.type);
  }
}

export { Block, Region };
