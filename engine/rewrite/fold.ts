// Folding with constant materialization and uniquing (MLIR's OperationFolder): an op's folder
// turns constant operands into attributes or existing values; constants are kept unique per
// isolated region and live at the start of its entry block.
import type { Attribute } from "../ir/attributes.ts";
import type { Operation, Region } from "../ir/operation.ts";
import type { Type } from "../ir/types.ts";
import type { Value } from "../ir/value.ts";
import { Operation as Op } from "../ir/operation.ts";
import type { Rewriter } from "./rewriter.ts";

export class OperationFolder {
  private readonly rw: Rewriter;
  /** Per insertion region: constant key → the op holding it. */
  private readonly constants = new Map<Region, Map<string, Operation>>();
  private readonly owned = new Set<Operation>();

  constructor(rw: Rewriter) {
    this.rw = rw;
  }

  clear(): void {
    this.constants.clear();
    this.owned.clear();
  }

  /** Forgets a constant op that is being erased. */
  notifyRemoval(op: Operation): void {
    if (!this.owned.delete(op)) return;
    const region = insertionRegion(op);
    const value = constantAttr(op);
    if (region && value) {
      const m = this.constants.get(region);
      const key = constantKey(op.dialect, value, op.results[0]!.type);
      if (m?.get(key) === op) m.delete(key);
    }
  }

  /**
   * Registers an existing constant op: a duplicate of a known one is replaced by it (returns false);
   * otherwise it is moved to the front of its region's entry block.
   */
  insertKnownConstant(op: Operation): boolean {
    const value = constantAttr(op);
    const region = insertionRegion(op);
    if (value === undefined || region === null || op.results.length !== 1) return true;
    let m = this.constants.get(region);
    if (m === undefined) this.constants.set(region, (m = new Map()));
    const key = constantKey(op.dialect, value, op.results[0]!.type);
    const existing = m.get(key);
    if (existing !== undefined && existing !== op) {
      this.rw.replaceOp(op, existing.results);
      return false;
    }
    const entry = region.blocks[0]!;
    if (op.parentBlock !== entry || (entry.first !== op && !(op.prev !== null && this.owned.has(op.prev)))) {
      op.remove();
      entry.insertBefore(op, entry.first);
    }
    m.set(key, op);
    this.owned.add(op);
    return true;
  }

  /** Folds `op` through its dialect folder; true when the op was replaced. */
  tryFold(op: Operation): boolean {
    const fold = op.def?.fold;
    if (fold === undefined || op.hasTrait("ConstantLike")) return false;
    const constants = op.operands.map((o) => {
      const d = o.value.definingOp;
      return d !== null && d.hasTrait("ConstantLike") ? constantAttr(d) : undefined;
    });
    const folded = fold(op, constants);
    if (folded === undefined || folded.length !== op.results.length) return false;
    const values: Value[] = [];
    for (let i = 0; i < folded.length; i++) {
      const r = folded[i]!;
      if (!isAttribute(r)) {
        values.push(r as Value);
        continue;
      }
      const c = this.getOrCreateConstant(op, r as Attribute, op.results[i]!.type);
      if (c === undefined) return false;
      values.push(c);
    }
    if (values.every((v, i) => v === op.results[i])) return false;
    this.rw.replaceOp(op, values);
    return true;
  }

  private getOrCreateConstant(near: Operation, value: Attribute, type: Type): Value | undefined {
    const region = insertionRegion(near);
    if (region === null) return undefined;
    const dialects = [near.dialect, "arith"];
    for (const d of dialects) {
      const key = constantKey(d, value, type);
      const existing = this.constants.get(region)?.get(key);
      if (existing !== undefined) return existing.results[0];
      const made = this.rw.ctx.registry.dialect(d)?.materializeConstant?.(this.rw.ctx, value, type);
      if (made === undefined) continue;
      const op = Op.create(this.rw.ctx, { name: made.name, properties: made.properties, resultTypes: [type], loc: undefined });
      op.inheritLocation(near);
      const entry = region.blocks[0]!;
      entry.insertBefore(op, entry.first);
      this.rw.listener?.opInserted(op);
      this.rw.changes++;
      let m = this.constants.get(region);
      if (m === undefined) this.constants.set(region, (m = new Map()));
      m.set(constantKey(op.dialect, value, type), op);
      this.owned.add(op);
      return op.results[0];
    }
    return undefined;
  }
}

/** The names of the attribute holding a ConstantLike op's value: `value` (arith), `values` (tosa). */
export function isConstantValueName(name: string): boolean {
  return name === "value" || name === "values";
}

/** The value a ConstantLike op holds. */
export function constantAttr(op: Operation): Attribute | undefined {
  return op.getAttr("value") ?? op.getAttr("values");
}

function isAttribute(x: unknown): boolean {
  return typeof x === "object" && x !== null && "key" in x;
}

function constantKey(dialect: string, value: Attribute, type: Type): string {
  return `${dialect}|${value.key}|${type.key}`;
}

/** The region constants of `op` go to: the nearest enclosing region of an isolated op. */
function insertionRegion(op: Operation): Region | null {
  let region = op.parentRegion;
  while (region !== null) {
    const parent = region.parent;
    if (parent === null || parent.hasTrait("IsolatedFromAbove")) return region;
    region = parent.parentRegion;
  }
  return null;
}
