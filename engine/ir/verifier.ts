// The verifier: structural rules (terminators, region and successor counts, parents),
// declared constraints and op verifiers, and SSA dominance in CFG regions.
import type { Location } from "./attributes.ts";
import type { Operation } from "./operation.ts";
import type { Block, Region } from "./block.ts";
import type { Value } from "./value.ts";
import { BlockArgument, OpResult } from "./value.ts";
import { DominanceInfo } from "./dominance.ts";
import type { AttrSpec, OpDef, ValueSpec } from "../dialects/registry.ts";

export interface VerifyError {
  readonly loc: Location;
  readonly message: string;
  readonly op: Operation;
  /** Related places, e.g. where a non-dominating operand is defined. */
  readonly notes?: readonly { readonly loc: Location; readonly message: string }[];
}

/** Verifies `root` and everything nested in it; returns every error found. */
export function verify(root: Operation): VerifyError[] {
  const errors: VerifyError[] = [];
  verifyOp(root, errors);
  return errors;
}

function opLabel(op: Operation): string {
  return `'${op.name}' op `;
}

/** Minimum and maximum counts of each operand/result spec list, computed once. */
const countBounds = new WeakMap<readonly ValueSpec[], [number, number]>();

function checkCount(
  op: Operation,
  specs: readonly ValueSpec[] | undefined,
  actual: number,
  what: string,
  err: (m: string) => void,
): void {
  if (specs === undefined) return;
  let bounds = countBounds.get(specs);
  if (bounds === undefined) {
    let min = 0;
    let max = 0;
    for (const s of specs) {
      if (s.arity === "variadic") max = Infinity;
      else if (s.arity === "optional") max += 1;
      else {
        min++;
        max++;
      }
    }
    countBounds.set(specs, (bounds = [min, max]));
  }
  const [min, max] = bounds;
  if (actual < min || actual > max) {
    const expect = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `between ${min} and ${max}`;
    err(`requires ${expect} ${what}${min === 1 && max === 1 ? "" : "s"}, but found ${actual}`);
  }
  // Type constraints for fixed positions (only when no variadic precedes them).
  let i = 0;
  for (const s of specs) {
    if (s.arity === "variadic" || s.arity === "optional") break;
    const v = what === "operand" ? op.operands[i]?.value.type : op.results[i]?.type;
    if (v !== undefined && s.type && !s.type(v)) err(`${what} #${i} must be ${s.type.description}, but got '${v}'`);
    i++;
  }
}

/** Each op definition's attribute specs as a list, computed once (verification is per op). */
const attributeLists = new WeakMap<OpDef, [string, AttrSpec][]>();
function attributeEntries(def: OpDef): [string, AttrSpec][] {
  let list = attributeLists.get(def);
  if (list === undefined) attributeLists.set(def, (list = Object.entries(def.attributes ?? {})));
  return list;
}

function verifyOp(op: Operation, errors: VerifyError[]): void {
  const err = (message: string) => errors.push({ loc: op.loc, message: opLabel(op) + message, op });
  const def = op.def;
  if (def) {
    checkCount(op, def.operands, op.operands.length, "operand", err);
    checkCount(op, def.results, op.results.length, "result", err);
    if (def.regions !== undefined && op.regions.length !== def.regions)
      err(`requires ${def.regions} region${def.regions === 1 ? "" : "s"}`);
    if (def.successors !== undefined && def.successors >= 0 && op.successors.length !== def.successors)
      err(`requires ${def.successors} successor${def.successors === 1 ? "" : "s"}`);
    if (def.attributes) {
      for (const [name, spec] of attributeEntries(def)) {
        const a = op.getAttr(name);
        if (a === undefined) {
          if (!spec.optional) err(`requires attribute '${name}'`);
        } else if (spec.type && !spec.type(a)) err(`attribute '${name}' failed to satisfy constraint: ${spec.type.description}`);
      }
    }
    const t = def.traits;
    if (t.has("Terminator") && op.parentBlock && op.parentBlock.last !== op)
      err("must be the last operation in the parent block");
    if (def.parents && op.parentOp && !def.parents.includes(op.parentOp.name))
      err(`expects parent op ${def.parents.length > 1 ? "to be one of " : ""}'${def.parents.join("', '")}'`);
    if (t.has("SameOperandsAndResultType")) {
      const first = op.results[0]?.type ?? op.operands[0]?.value.type;
      let same = true;
      for (const o of op.operands) if (o.value.type !== first) same = false;
      for (const r of op.results) if (r.type !== first) same = false;
      if (!same) err("requires the same type for all operands and results");
    }
    if (t.has("SameTypeOperands")) {
      const first = op.operands[0]?.value.type;
      let same = true;
      for (const o of op.operands) if (o.value.type !== first) same = false;
      if (!same) err("requires all operands to have the same type");
    }
    if (t.has("IsolatedFromAbove")) checkIsolation(op, err);
  }
  // Regions: terminators and dominance.
  for (const region of op.regions) {
    const needsTerminator = def !== undefined && !def.traits.has("NoTerminator");
    if (def?.traits.has("SingleBlock") && region.blocks.length > 1) err("expects a single block in its region");
    for (const block of region.blocks) {
      if (needsTerminator) {
        const last = block.last;
        if (last === null) {
          errors.push({ loc: op.loc, message: "empty block: expect at least a terminator", op });
        } else if (last.def !== undefined && !last.def.traits.has("Terminator")) {
          errors.push({ loc: last.loc, message: "block with no terminator, has " + `'${last.name}'`, op: last });
        }
      }
      let i = 0;
      for (let o = block.first; o !== null; o = o.next) o.order = i++;
    }
    const graph = def === undefined || def.traits.has("GraphRegion");
    if (!graph) verifyDominance(region, errors);
    for (const block of region.blocks) for (let o = block.first; o !== null; o = o.next) verifyOp(o, errors);
  }
  if (def?.verify) def.verify(op, err);
}

function checkIsolation(op: Operation, err: (m: string) => void): void {
  // Every value used inside must be defined inside (checked on direct and nested uses).
  const stack: Region[] = [...op.regions];
  while (stack.length > 0) {
    const r = stack.pop()!;
    for (const b of r.blocks)
      for (let o = b.first; o !== null; o = o.next) {
        for (const operand of o.operands) {
          const v = operand.value;
          // Fast path: defined in the same block (the common case) is inside.
          if (v.parentBlock === b) continue;
          const defRegion = definingRegion(v);
          if (defRegion === null || !insideAny(op.regions, defRegion)) {
            err("using value defined outside the region");
            return;
          }
        }
        if (!o.hasTrait("IsolatedFromAbove")) stack.push(...o.regions);
      }
  }
}

function insideAny(regions: readonly Region[], r: Region): boolean {
  for (const own of regions) if (own.isAncestorOf(r)) return true;
  return false;
}

function definingRegion(v: Value): Region | null {
  if (v instanceof OpResult) return v.owner.parentBlock?.parent ?? null;
  if (v instanceof BlockArgument) return v.owner.parent;
  return null;
}

function verifyDominance(region: Region, errors: VerifyError[]): void {
  let dom: DominanceInfo | undefined;
  const getDom = () => (dom ??= new DominanceInfo(region));
  for (const block of region.blocks) {
    for (let o = block.first; o !== null; o = o.next) {
      for (const operand of o.operands) {
        const v = operand.value;
        if (!dominatesUse(v, o, block, region, getDom)) {
          // As MLIR, the first operand that fails is reported for the op, with where it is defined.
          errors.push({ loc: o.loc, message: `operand #${operand.index} does not dominate this use`, op: o, notes: [definedHere(o, v)] });
          break;
        }
      }
      // Values from this region used inside nested regions of `o`.
      if (o.regions.length > 0 && !o.hasTrait("IsolatedFromAbove"))
        checkNested(o, region, block, errors, getDom);
    }
  }
}

function dominatesUse(v: Value, user: Operation, userBlock: Block, region: Region, dom: () => DominanceInfo): boolean {
  if (v instanceof OpResult) {
    const defOp = v.owner;
    const defBlock = defOp.parentBlock;
    if (defBlock === userBlock) return defOp.order < user.order;
    if (defBlock?.parent !== region) return true; // defined in an enclosing region: checked there
    return dom().dominates(defBlock, userBlock) || !dom().isReachable(userBlock);
  }
  if (v instanceof BlockArgument) {
    const b = v.owner;
    if (b === userBlock || b.parent !== region) return true;
    return dom().dominates(b, userBlock) || !dom().isReachable(userBlock);
  }
  return false;
}

/** Uses inside `o`'s regions of values defined in `region` must be dominated at `o`. */
function checkNested(o: Operation, region: Region, block: Block, errors: VerifyError[], dom: () => DominanceInfo): void {
  const stack: Region[] = [...o.regions];
  while (stack.length > 0) {
    const r = stack.pop()!;
    for (const b of r.blocks)
      for (let inner = b.first; inner !== null; inner = inner.next) {
        for (const operand of inner.operands) {
          const v = operand.value;
          const defRegion = definingRegion(v);
          if (defRegion !== region) continue;
          if (!dominatesUse(v, o, block, region, dom))
            errors.push({
              loc: inner.loc,
              message: `operand #${operand.index} does not dominate this use`,
              op: inner,
              notes: [definedHere(inner, v)],
            });
        }
        if (!inner.hasTrait("IsolatedFromAbove")) stack.push(...inner.regions);
      }
  }
}

/** MLIR's note on a dominance error: where the operand is defined, relative to its user. */
function definedHere(user: Operation, v: Value): { loc: Location; message: string } {
  const useBlock = user.parentBlock!;
  const useRegion = useBlock.parent!;
  if (v instanceof OpResult) {
    const defBlock = v.owner.parentBlock!;
    const defRegion = defBlock.parent!;
    let where: string;
    if (defBlock === useBlock) where = "op in the same block";
    else if (defRegion === useRegion) where = "op in the same region";
    else if (defRegion.isAncestorOf(useRegion)) where = "op in a parent region";
    else if (useRegion.isAncestorOf(defRegion)) where = "op in a child region";
    else where = "op is neither in a parent nor in a child region";
    return { loc: v.owner.loc, message: `operand defined here (${where})` };
  }
  const arg = v as BlockArgument;
  const region = arg.owner.parent;
  const loc = arg.owner.parentOp?.loc ?? user.ctx.unknownLoc();
  if (!region) return { loc, message: " (block without parent)" };
  const index = region.blocks.indexOf(arg.owner);
  const rel =
    region === useRegion
      ? "in the same region"
      : region.isAncestorOf(useRegion)
        ? "in a parent region"
        : useRegion.isAncestorOf(region)
          ? "in a child region"
          : "neither in a parent nor in a child region";
  return { loc, message: `operand defined as a block argument (block #${index} ${rel})` };
}
