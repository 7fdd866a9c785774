// Loop-nest code for structured control flow: scf.for and affine.for (iter_args carried in
// locals), scf.if and affine.if (results assigned in both branches), affine.apply/min/max.
import type { Operation } from "../../ir/operation.ts";
import type { Region } from "../../ir/block.ts";
import type { Value } from "../../ir/value.ts";
import type { AffineMap } from "../../ir/affine.ts";
import { AffineMapAttr, IntegerAttr, IntegerSetAttr } from "../../ir/attributes.ts";
import { kindOf } from "../elements.ts";
import { affineBound, affineExpr, affineRange, type Range } from "./affine-code.ts";
import { defineNestOps, type NestEmitter } from "./nest-emitter.ts";
import { laneLoopCall } from "./nest-wasm.ts";

function segments(op: Operation): number[] | undefined {
  const a = op.getAttr("operandSegmentSizes") as { values?: readonly unknown[] } | undefined;
  return a?.values?.map((v) => Number(v));
}

/** The locals of values, flattened (a vector takes one per lane). */
function flatParts(e: NestEmitter, vs: readonly Value[]): string[] | undefined {
  const out: string[] = [];
  for (const v of vs) {
    const p = e.parts(v);
    if (p === undefined) return undefined;
    out.push(...p);
  }
  return out;
}

/** Binds each value to its share of `names` (flattened as flatParts does); false when a type cannot be held. */
function bindParts(e: NestEmitter, vs: readonly Value[], names: readonly string[]): boolean {
  let at = 0;
  for (const v of vs) {
    const n = e.partCount(v.type);
    if (n === undefined) return false;
    e.defineParts(v, names.slice(at, (at += n)));
  }
  return at === names.length;
}

/** Locals for values of the given types, flattened; undefined when a type cannot be held. */
function freshParts(e: NestEmitter, vs: readonly Value[]): string[] | undefined {
  const out: string[] = [];
  for (const v of vs) {
    const n = e.partCount(v.type);
    if (n === undefined) return undefined;
    for (let i = 0; i < n; i++) out.push(e.fresh("r"));
  }
  return out;
}

/** Emits a single-block region's ops, then assigns its terminator's operands to `outs`. */
function regionInto(e: NestEmitter, r: Region, outs: readonly string[]): boolean {
  const b = r.blocks[0];
  if (r.blocks.length !== 1 || b === undefined) return false;
  const term = e.block(b);
  if (term === undefined) return false;
  const ys = flatParts(e, term.operands.map((o) => o.value));
  if (ys === undefined || ys.length !== outs.length) return false;
  // Parallel copy: every yielded value is read before any carried local is written.
  if (ys.length === 1) e.lines.push(`${outs[0]} = ${ys[0]};`);
  else if (ys.length > 1) {
    const ts = ys.map(() => e.fresh("y"));
    e.lines.push(`const ${ts.map((t, i) => `${t} = ${ys[i]}`).join(", ")};`, ...outs.map((o, i) => `${o} = ${ts[i]};`));
  }
  return true;
}

/**
 * A counted loop: `iv` from lo below hi by step, carrying `inits` through the body's iter_args;
 * `ivRange` bounds the induction variable whenever the body runs.
 */
function countedLoop(op: Operation, e: NestEmitter, lo: string, hi: string, step: string, initValues: readonly Value[], ivRange: Range | undefined): boolean {
  const body = op.regions[0]!.blocks[0];
  if (body === undefined || op.regions[0]!.blocks.length !== 1) return false;
  const [ivArg, ...iterArgs] = body.arguments;
  const inits = flatParts(e, initValues);
  const carried = freshParts(e, iterArgs);
  if (ivArg === undefined || iterArgs.length !== initValues.length || inits === undefined || carried === undefined) return false;
  if (carried.length !== inits.length) return false;
  const iv = e.fresh("i");
  const hiName = e.fresh("h");
  if (carried.length > 0) e.lines.push(`let ${carried.map((r, i) => `${r} = ${inits[i]}`).join(", ")};`);
  e.lines.push(`const ${hiName} = ${hi};`);
  // A side-effect-free loop over vectors may run as a WebAssembly kernel; then the loop is skipped.
  const kernelRan = carried.length > 0 ? laneLoopCall(op, e, lo, hiName, step, inits, carried) : undefined;
  if (kernelRan !== undefined) e.lines.push(`if (!${kernelRan}) {`);
  e.lines.push(`for (let ${iv} = ${lo}; ${iv} < ${hiName}; ${iv} += ${step}) {`);
  e.define(ivArg, iv, ivRange);
  if (!bindParts(e, iterArgs, carried)) return false;
  if (!regionInto(e, op.regions[0]!, carried)) return false;
  e.lines.push("}");
  if (kernelRan !== undefined) e.lines.push("}");
  return bindParts(e, op.results, carried);
}

function scfFor(op: Operation, e: NestEmitter): boolean {
  const k = kindOf(op.operand(0).type);
  if (k === undefined || k.isBig || k.isFloat) return false;
  const ins = e.values(op.operands.slice(0, 3).map((o) => o.value));
  if (ins === undefined) return false;
  const [lb, ub, step] = ins as [string, string, string];
  const inits = op.operands.slice(3).map((o) => o.value);
  const lo = e.fresh("l");
  e.lines.push(
    `const ${lo} = ${lb};`,
    `if (${step} <= 0) fail(ops[${e.opIndex(op)}], "PRR6001", "scf.for step must be positive, got " + ${step});`,
  );
  const lr = e.range(lb);
  const ur = e.range(ub);
  return countedLoop(op, e, lo, ub, step, inits, lr && ur && { lo: lr.lo, hi: `(${ur.hi} - 1)` });
}

/** scf.parallel without reductions: nested loops, run in order as the closures run them. */
function scfParallel(op: Operation, e: NestEmitter): boolean {
  const seg = segments(op);
  const body = op.regions[0]?.blocks[0];
  const term = body?.last;
  if (seg === undefined || body === undefined || op.regions[0]!.blocks.length !== 1 || op.results.length > 0) return false;
  if (term === null || term === undefined || term.name !== "scf.reduce" || term.operands.length > 0) return false;
  const [rank] = seg as [number];
  const ins = e.values(op.operands.slice(0, 3 * rank).map((o) => o.value));
  if (ins === undefined || body.arguments.length !== rank) return false;
  const los = ins.slice(0, rank);
  const his = ins.slice(rank, 2 * rank);
  const steps = ins.slice(2 * rank);
  for (const s of steps) e.lines.push(`if (${s} <= 0) fail(ops[${e.opIndex(op)}], "PRR6001", "scf.parallel step must be positive, got " + ${s});`);
  for (let d = 0; d < rank; d++) {
    const iv = e.fresh("i");
    const hi = e.fresh("h");
    e.lines.push(`const ${hi} = ${his[d]};`, `for (let ${iv} = ${los[d]}; ${iv} < ${hi}; ${iv} += ${steps[d]}) {`);
    const lr = e.range(los[d]!);
    const ur = e.range(his[d]!);
    e.define(body.arguments[d]!, iv, lr && ur && { lo: lr.lo, hi: `(${ur.hi} - 1)` });
  }
  if (e.block(body) !== term) return false;
  for (let d = 0; d < rank; d++) e.lines.push("}");
  return true;
}

function affineFor(op: Operation, e: NestEmitter): boolean {
  const seg = segments(op);
  const lbMap = op.getAttr("lowerBoundMap");
  const ubMap = op.getAttr("upperBoundMap");
  const step = op.getAttr("step");
  if (seg === undefined || !(lbMap instanceof AffineMapAttr) || !(ubMap instanceof AffineMapAttr) || !(step instanceof IntegerAttr)) return false;
  const [nl, nu] = seg as [number, number];
  const ins = e.values(op.operands.slice(0, nl + nu).map((o) => o.value));
  if (ins === undefined) return false;
  const hi = affineBound(ubMap.map, ins.slice(nl, nl + nu), false);
  const lo = affineBound(lbMap.map, ins.slice(0, nl), true);
  const los = mapRanges(e, lbMap.map, ins.slice(0, nl));
  const his = mapRanges(e, ubMap.map, ins.slice(nl, nl + nu));
  const ivRange =
    los.length > 0 && his.length > 0 && los.every((r) => r !== undefined) && his.every((r) => r !== undefined)
      ? { lo: extreme("max", los.map((r) => r!.lo)), hi: `(${extreme("min", his.map((r) => r!.hi))} - 1)` }
      : undefined;
  return countedLoop(op, e, lo, hi, `${Number(step.value)}`, op.operands.slice(nl + nu).map((o) => o.value), ivRange);
}

function extreme(f: "min" | "max", xs: readonly string[]): string {
  return xs.length === 1 ? xs[0]! : `Math.${f}(${xs.join(", ")})`;
}

/** The ranges of a map's results over named operands (dims then symbols). */
function mapRanges(e: NestEmitter, map: AffineMap, operands: readonly string[]): (Range | undefined)[] {
  const rs = operands.map((x) => e.range(x));
  const dims = rs.slice(0, map.numDims);
  const syms = rs.slice(map.numDims);
  return map.results.map((x) => affineRange(x, dims, syms));
}

/** An if with `cond` choosing the then region (results assigned in both branches). */
function conditional(op: Operation, e: NestEmitter, cond: string): boolean {
  const outs = freshParts(e, op.results);
  if (outs === undefined) return false;
  if (outs.length > 0) e.lines.push(`let ${outs.join(", ")};`);
  e.lines.push(`if (${cond}) {`);
  if (!regionInto(e, op.regions[0]!, outs)) return false;
  const otherwise = op.regions[1];
  if (otherwise !== undefined && otherwise.blocks.length > 0) {
    e.lines.push("} else {");
    if (!regionInto(e, otherwise, outs)) return false;
  } else if (outs.length > 0) return false;
  e.lines.push("}");
  return bindParts(e, op.results, outs);
}

function mapResult(op: Operation, e: NestEmitter, pick: (xs: string[]) => string, range: (rs: Range[]) => Range): boolean {
  const map = op.getAttr("map");
  const ins = e.values(op.operands.map((o) => o.value));
  if (!(map instanceof AffineMapAttr) || ins === undefined) return false;
  const dims = ins.slice(0, map.map.numDims);
  const syms = ins.slice(map.map.numDims);
  const out = e.fresh();
  e.lines.push(`const ${out} = ${pick(map.map.results.map((x) => affineExpr(x, dims, syms)))};`);
  const rs = mapRanges(e, map.map, ins);
  e.define(op.result(0), out, rs.length > 0 && rs.every((r) => r !== undefined) ? range(rs as Range[]) : undefined);
  return true;
}

defineNestOps({
  "scf.for": scfFor,
  "scf.parallel": scfParallel,
  "affine.for": affineFor,
  "scf.if": (op, e) => {
    const c = e.value(op.operand(0));
    return c !== undefined && conditional(op, e, c);
  },
  "affine.if": (op, e) => {
    const set = op.getAttr("condition");
    const ins = e.values(op.operands.map((o) => o.value));
    if (!(set instanceof IntegerSetAttr) || ins === undefined) return false;
    const s = set.set;
    const dims = ins.slice(0, s.numDims);
    const syms = ins.slice(s.numDims);
    const holds = s.constraints.map((x, i) => `${affineExpr(x, dims, syms)} ${s.eqFlags[i] ? "=== 0" : ">= 0"}`);
    return conditional(op, e, holds.length > 0 ? holds.join(" && ") : "true");
  },
  "affine.apply": (op, e) => mapResult(op, e, (xs) => xs[0] ?? "0", (rs) => rs[0]!),
  "affine.min": (op, e) =>
    mapResult(
      op,
      e,
      (xs) => (xs.length === 1 ? xs[0]! : `Math.min(${xs.join(", ")})`),
      (rs) => ({ lo: extreme("min", rs.map((r) => r.lo)), hi: extreme("min", rs.map((r) => r.hi)) }),
    ),
  "affine.max": (op, e) =>
    mapResult(
      op,
      e,
      (xs) => (xs.length === 1 ? xs[0]! : `Math.max(${xs.join(", ")})`),
      (rs) => ({ lo: extreme("max", rs.map((r) => r.lo)), hi: extreme("max", rs.map((r) => r.hi)) }),
    ),
});
