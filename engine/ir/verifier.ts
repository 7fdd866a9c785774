// The verifier: structural rules (terminators, region and successor counts, parents),
// declared constraints and op verifiers, and SSA dominance in CFG regions.
import type { Attribute, Location } from "./attributes.ts";
import { DenseArrayAttr } from "./attributes.ts";
import type { Operation } from "./operation.ts";
import type { Block, Region } from "./block.ts";
import type { Value } from "./value.ts";
import { BlockArgument, OpResult } from "./value.ts";
import { DominanceInfo } from "./dominance.ts";
import type { AttrSpec, Constraint, OpDef, ValueSpec } from "../dialects/registry.ts";
import type { Type } from "./types.ts";

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
  verifyOp(root, errors, null);
  return errors;
}

function opLabel(op: Operation): string {
  return `'${op.name}' op `;
}

/** What the verifier checks for one op definition, worked out once (verification is per op). */
interface DefChecks {
  readonly operands: CountCheck | undefined;
  readonly results: CountCheck | undefined;
  readonly attributes: readonly AttributeCheck[];
  readonly terminator: boolean;
  readonly sameOperandsAndResultType: boolean;
  readonly sameTypeOperands: boolean;
  readonly operandSegments: boolean;
  readonly resultSegments: boolean;
  readonly isolated: boolean;
  readonly needsTerminator: boolean;
  readonly singleBlock: boolean;
  readonly graph: boolean;
}

/** Count bounds of an operand/result spec list and the type constraints of its fixed positions. */
interface CountCheck {
  readonly min: number;
  readonly max: number;
  /** Constraints of the leading single values (those before any optional or variadic one). */
  readonly fixed: readonly (Constraint<Type> | undefined)[];
  /**
   * The last type each fixed constraint accepted. Types are uniqued and immutable, so a constraint
   * that held for a type object holds again: most ops of a module repeat the same few types.
   */
  readonly accepted: (Type | undefined)[];
}

/** An inherent attribute's spec, with the last attribute (uniqued, immutable) its constraint accepted. */
interface AttributeCheck {
  readonly name: string;
  readonly spec: AttrSpec;
  accepted: Attribute | undefined;
}

const defChecks = new WeakMap<OpDef, DefChecks>();

function checksOf(def: OpDef): DefChecks {
  let c = defChecks.get(def);
  if (c === undefined) {
    const t = def.traits;
    c = {
      operands: countCheck(def.operands),
      results: countCheck(def.results),
      attributes: Object.entries(def.attributes ?? {}).map(([name, spec]) => ({ name, spec, accepted: undefined })),
      terminator: t.has("Terminator"),
      sameOperandsAndResultType: t.has("SameOperandsAndResultType"),
      sameTypeOperands: t.has("SameTypeOperands"),
      operandSegments: t.has("AttrSizedOperandSegments"),
      resultSegments: t.has("AttrSizedResultSegments"),
      isolated: t.has("IsolatedFromAbove"),
      needsTerminator: !t.has("NoTerminator"),
      singleBlock: t.has("SingleBlock"),
      graph: t.has("GraphRegion"),
    };
    defChecks.set(def, c);
  }
  return c;
}

function countCheck(specs: readonly ValueSpec[] | undefined): CountCheck | undefined {
  if (specs === undefined) return undefined;
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
  const fixed: (Constraint<Type> | undefined)[] = [];
  for (const s of specs) {
    if (s.arity === "variadic" || s.arity === "optional") break;
    fixed.push(s.type);
  }
  return { min, max, fixed, accepted: fixed.map(() => undefined) };
}

function report(errors: VerifyError[], op: Operation, message: string): void {
  errors.push({ loc: op.loc, message: opLabel(op) + message, op });
}

function checkCount(errors: VerifyError[], op: Operation, check: CountCheck, values: "operand" | "result"): void {
  const { min, max } = check;
  const actual = values === "operand" ? op.operands.length : op.results.length;
  if (actual < min || actual > max) {
    const expect = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `between ${min} and ${max}`;
    report(errors, op, `requires ${expect} ${values}${min === 1 && max === 1 ? "" : "s"}, but found ${actual}`);
  }
  const fixed = check.fixed;
  for (let i = 0; i < fixed.length; i++) {
    const constraint = fixed[i];
    const t = values === "operand" ? op.operands[i]?.value.type : op.results[i]?.type;
    if (t === undefined || constraint === undefined || t === check.accepted[i]) continue;
    if (constraint(t)) check.accepted[i] = t;
    else report(errors, op, `${values} #${i} must be ${constraint.description}, but got '${t}'`);
  }
}

/** The op's own rules: counts, declared constraints and traits (not its regions). */
function verifySelf(op: Operation, def: OpDef, c: DefChecks, errors: VerifyError[]): void {
  if (c.operands) checkCount(errors, op, c.operands, "operand");
  if (c.results) checkCount(errors, op, c.results, "result");
  if (def.regions !== undefined && op.regions.length !== def.regions)
    report(errors, op, `requires ${def.regions} region${def.regions === 1 ? "" : "s"}`);
  if (def.successors !== undefined && def.successors >= 0 && op.successors.length !== def.successors)
    report(errors, op, `requires ${def.successors} successor${def.successors === 1 ? "" : "s"}`);
  for (let i = 0; i < c.attributes.length; i++) {
    const check = c.attributes[i]!;
    const { name, spec } = check;
    const a = op.getAttr(name);
    if (a === undefined) {
      if (!spec.optional) report(errors, op, `requires attribute '${name}'`);
    } else if (spec.type && a !== check.accepted) {
      if (spec.type(a)) check.accepted = a;
      else report(errors, op, `attribute '${name}' failed to satisfy constraint: ${spec.type.description}`);
    }
  }
  if (c.terminator && op.parentBlock && op.parentBlock.last !== op)
    report(errors, op, "must be the last operation in the parent block");
  if (def.parents && op.parentOp && !def.parents.includes(op.parentOp.name))
    report(errors, op, `expects parent op ${def.parents.length > 1 ? "to be one of " : ""}'${def.parents.join("', '")}'`);
  // Index loops here: this runs for every op, and for-of allocated an iterator each time.
  const operands = op.operands;
  const results = op.results;
  if (c.sameOperandsAndResultType) {
    const first = results[0]?.type ?? operands[0]?.value.type;
    let same = true;
    for (let i = 0; i < operands.length; i++) if (operands[i]!.value.type !== first) same = false;
    for (let i = 0; i < results.length; i++) if (results[i]!.type !== first) same = false;
    if (!same) report(errors, op, "requires the same type for all operands and results");
  }
  if (c.sameTypeOperands) {
    const first = operands[0]?.value.type;
    let same = true;
    for (let i = 0; i < operands.length; i++) if (operands[i]!.value.type !== first) same = false;
    if (!same) report(errors, op, "requires all operands to have the same type");
  }
  if (c.operandSegments) checkSegmentSizes(errors, op, "operand", op.operands.length, def.operands?.length ?? 0);
  if (c.resultSegments) checkSegmentSizes(errors, op, "result", op.results.length, def.results?.length ?? 0);
}

/** AttrSized*Segments: the segment sizes add up to the number of values (printing relies on it). */
function checkSegmentSizes(errors: VerifyError[], op: Operation, values: "operand" | "result", count: number, groups: number): void {
  const name = `${values}SegmentSizes`;
  const sizes = op.getAttr(name);
  if (!(sizes instanceof DenseArrayAttr) || sizes.values.length !== groups) return;
  let total = 0;
  for (const n of sizes.values) total += Number(n);
  if (total !== count)
    report(errors, op, `${values} count (${count}) does not match with the total size (${total}) specified in attribute '${name}'`);
}

/**
 * The IsolatedFromAbove op whose regions are being walked: uses of values from outside them are
 * found during the one walk that also checks dominance (rather than by a walk of their own).
 */
interface IsolationScope {
  readonly op: Operation;
  escaped: boolean;
}

function verifyOp(op: Operation, errors: VerifyError[], scope: IsolationScope | null): void {
  const def = op.def;
  const checks = def === undefined ? undefined : checksOf(def);
  if (def !== undefined && checks !== undefined) verifySelf(op, def, checks, errors);
  // As MLIR, an escaping use is reported right after the op's own errors.
  const isolationAt = errors.length;
  const inner = checks?.isolated ? { op, escaped: false } : scope;
  const regions = op.regions;
  for (let i = 0; i < regions.length; i++) verifyRegion(op, regions[i]!, checks, errors, inner);
  if (inner !== scope && inner!.escaped) {
    errors.splice(isolationAt, 0, { loc: op.loc, message: opLabel(op) + "using value defined outside the region", op });
  }
  if (def?.verify) def.verify(op, (message) => report(errors, op, message));
}

/** Terminators, then one walk for dominance, isolation and the nested ops. */
function verifyRegion(op: Operation, region: Region, checks: DefChecks | undefined, errors: VerifyError[], scope: IsolationScope | null): void {
  if (checks?.singleBlock && region.blocks.length > 1) report(errors, op, "expects a single block in its region");
  for (const block of region.blocks) {
    if (checks?.needsTerminator) {
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
  const dominance = checks !== undefined && !checks.graph;
  // Dominance errors of the region come before those of the ops in it: collected apart, then inserted.
  const dominanceAt = errors.length;
  const late: VerifyError[] = [];
  let dom: DominanceInfo | undefined;
  const getDom = () => (dom ??= new DominanceInfo(region));
  for (const block of region.blocks) {
    for (let o = block.first; o !== null; o = o.next) {
      let dominated = true;
      const operands = o.operands;
      for (let k = 0; k < operands.length; k++) {
        const v = operands[k]!.value;
        // The common case: defined in the same block, so inside any scope (and dominating if earlier).
        if (v instanceof OpResult) {
          const owner = v.owner;
          if (owner.parentBlock === block) {
            if (dominance && dominated && owner.order >= o.order) {
              late.push(notDominating(o, k, v));
              dominated = false;
            }
            continue;
          }
        } else if (v.parentBlock === block) continue;
        if (scope !== null && !scope.escaped && !definedInside(v, scope.op)) scope.escaped = true;
        if (dominance && dominated && !dominatesUse(v, o, block, region, getDom)) {
          late.push(notDominating(o, k, v));
          dominated = false;
        }
      }
      // Values from this region used inside nested regions of `o`.
      if (dominance && o.regions.length > 0 && !o.hasTrait("IsolatedFromAbove")) checkNested(o, region, block, late, getDom);
      verifyOp(o, errors, scope);
    }
  }
  if (late.length > 0) errors.splice(dominanceAt, 0, ...late);
}

function notDominating(user: Operation, index: number, v: Value): VerifyError {
  // As MLIR, the first operand that fails is reported for the op, with where it is defined.
  return { loc: user.loc, message: `operand #${index} does not dominate this use`, op: user, notes: [definedHere(user, v)] };
}

/** Whether `v` is defined inside one of the regions of `op`. */
function definedInside(v: Value, op: Operation): boolean {
  const defRegion = definingRegion(v);
  return defRegion !== null && insideAny(op.regions, defRegion);
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
